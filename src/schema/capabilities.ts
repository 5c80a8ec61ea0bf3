import { capabilitiesOf, supportsImageInput, supportsStructuredOutputs, supportsTools, supportsWebSearch } from '../catalogue/capabilities.js';
import type { CatalogueConfig } from '../catalogue/types.js';
import { builder } from './builder.js';
import { CapabilityEnum } from './capability.js';
import { ReasoningCapabilityRef } from './reasoning-capability.js';

export const CapabilitiesRef = builder.objectRef<CatalogueConfig>('Capabilities').implement({
  description:
    'What a model can do. OpenRouter models: from their supported parameters, input modalities and reasoning facts. Operator configs: `supports_tools`, `supports_image_input`, and LiteLLM’s `supports_reasoning`, `supports_response_schema`, `supports_web_search` in `litellm_params`.',
  fields: (t) => ({
    tools: t.boolean({ description: 'Tool (function) calling.', resolve: supportsTools }),
    imageInput: t.boolean({ description: 'Accepts images.', resolve: supportsImageInput }),
    reasoning: t.field({ type: ReasoningCapabilityRef, nullable: true, description: 'How it reasons; null when it does not.', resolve: (c) => c.reasoning }),
    structuredOutputs: t.boolean({ description: 'Answers in a given JSON schema.', resolve: supportsStructuredOutputs }),
    webSearch: t.boolean({ description: 'Searches the web natively.', resolve: supportsWebSearch }),
    list: t.field({ type: [CapabilityEnum], description: 'The capabilities it has, as a list (for icons and filters).', resolve: capabilitiesOf }),
  }),
});
