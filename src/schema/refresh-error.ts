import { builder } from './builder.js';

export const RefreshErrorInterface = builder.interfaceRef<Error>('RefreshError').implement({
  description: 'A refresh that did not change the served catalogue.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'What went wrong, in one line.' }) }),
});
