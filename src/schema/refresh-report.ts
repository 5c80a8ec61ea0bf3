import type { RefreshReport } from '../catalogue/refresh-types.js';
import { builder } from './builder.js';
import { RefreshOutcomeEnum } from './refresh-outcome.js';
import { RefreshTriggerEnum } from './refresh-trigger.js';

export const RefreshReportRef = builder.objectRef<RefreshReport>('RefreshReport').implement({
  description: 'The last refresh attempt.',
  fields: (t) => ({
    trigger: t.expose('trigger', { type: RefreshTriggerEnum, description: 'What started it.' }),
    forced: t.exposeBoolean('forced', { description: 'Whether guards were overridden.' }),
    startedAt: t.field({ type: 'DateTime', description: 'When it started.', resolve: (r) => r.startedAt }),
    finishedAt: t.field({ type: 'DateTime', description: 'When it ended.', resolve: (r) => r.finishedAt }),
    outcome: t.expose('outcome', { type: RefreshOutcomeEnum, description: 'How it ended.' }),
    message: t.exposeString('message', { description: 'What happened, in one line.' }),
    malformedCount: t.exposeInt('malformedCount', { description: 'Model objects in the fetched list that were malformed and skipped.' }),
    nextAttemptAt: t.field({ type: 'DateTime', nullable: true, description: 'When the next scheduled attempt runs; null when none is scheduled.', resolve: (r) => r.nextAttemptAt }),
  }),
});
