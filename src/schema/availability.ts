import type { Availability } from '../catalogue/requirements.js';
import { AvailabilityReasonEnum } from './availability-reason.js';
import { builder } from './builder.js';

export const AvailabilityRef = builder.objectRef<Availability>('Availability').implement({
  description: 'Whether a config can serve a turn now, for the requirements its listing was asked with (none: whether it is callable, listed, healthy, not blocked and not cooling down).',
  fields: (t) => ({
    available: t.exposeBoolean('available', { description: 'True when nothing keeps it from serving the turn: Auto may pick it.' }),
    reasons: t.field({ type: [AvailabilityReasonEnum], description: 'Every reason it cannot, in the order of the enum; empty when available.', resolve: (a) => a.reasons }),
  }),
});
