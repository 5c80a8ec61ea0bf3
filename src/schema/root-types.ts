import { builder } from './builder.js';

/** The root types. Their fields are defined next to the types they return. */
builder.queryType({ description: 'Reads of the model catalogue. No authentication needed.' });
builder.mutationType({ description: 'Operations that need a credential: `refreshCatalogue` the admin token, `reportModelOutcome` the service token (`Authorization: Bearer <token>`).' });
builder.subscriptionType({ description: 'Live updates over Server-Sent Events (`Accept: text/event-stream`).' });
