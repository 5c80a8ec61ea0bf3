import type { Author } from '../catalogue/model-family.js';
import { builder } from './builder.js';

export const AuthorRef = builder.objectRef<Author>('Author').implement({
  description: 'Who made a model.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The `x` of OpenRouter’s `x/model` id (without an alias’s `~`), e.g. `anthropic`. The `author` filter matches it.' }),
    name: t.exposeString('name', { nullable: true, description: 'Display name where the model name carries one (`Anthropic` of `Anthropic: Claude Opus 4.8`); null otherwise.' }),
  }),
});
