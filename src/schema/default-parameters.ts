import type { DefaultParameters } from '../openrouter/model-details.js';
import { builder } from './builder.js';

export const DefaultParametersRef = builder.objectRef<DefaultParameters>('DefaultParameters').implement({
  description: 'Sampling parameters the model uses when a request does not set them (OpenRouter’s `default_parameters`); null fields are the provider’s defaults.',
  fields: (t) => ({
    temperature: t.exposeFloat('temperature', { nullable: true, description: 'Temperature.' }),
    topP: t.exposeFloat('topP', { nullable: true, description: 'Nucleus sampling (`top_p`).' }),
    topK: t.exposeFloat('topK', { nullable: true, description: 'Top-k sampling (`top_k`).' }),
    frequencyPenalty: t.exposeFloat('frequencyPenalty', { nullable: true, description: 'Frequency penalty.' }),
    presencePenalty: t.exposeFloat('presencePenalty', { nullable: true, description: 'Presence penalty.' }),
    repetitionPenalty: t.exposeFloat('repetitionPenalty', { nullable: true, description: 'Repetition penalty.' }),
  }),
});
