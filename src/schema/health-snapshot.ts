import type { ModelHealth } from '../catalogue/model-health.js';
import { builder } from './builder.js';
import { GateReasonEnum } from './gate-reason.js';

export const HealthSnapshotRef = builder.objectRef<ModelHealth>('HealthSnapshot').implement({
  description: "Live health of a model from OpenRouter's `/endpoints` data, with the facts behind its score.",
  fields: (t) => ({
    gated: t.exposeBoolean('gated', { description: 'True when the model is excluded from Auto selection (see `gateReason`).' }),
    gateReason: t.expose('gateReason', { type: GateReasonEnum, nullable: true, description: 'Why the model is gated; null when it is not.' }),
    score: t.exposeFloat('score', { nullable: true, description: 'Health score 0–100: 0.5 × best uptime + 30 + 0.2 × freshness. Null when gated.' }),
    bestUptimePct: t.exposeFloat('bestUptimePct', { nullable: true, description: 'Highest uptime (percent) across endpoints in `uptimeWindow`.' }),
    uptimeWindow: t.exposeString('uptimeWindow', { nullable: true, description: 'The window the best uptime comes from (`uptime_last_30m`, then `_1d`, then `_5m`).' }),
    freshnessPct: t.exposeFloat('freshnessPct', { nullable: true, description: 'Uptime (percent) of the shortest window with data, used for freshness.' }),
    freshnessWindow: t.exposeString('freshnessWindow', { nullable: true, description: 'The window freshness comes from (`uptime_last_5m` first).' }),
    endpointCount: t.exposeInt('endpointCount', { description: 'Endpoints OpenRouter lists for the model.' }),
    okEndpointCount: t.exposeInt('okEndpointCount', { description: 'Endpoints with status 0 (OK).' }),
    checkedAt: t.field({ type: 'DateTime', description: 'When the facts were fetched from OpenRouter.', resolve: (health) => health.checkedAt }),
    fromCache: t.exposeBoolean('fromCache', { description: "True when the latest check failed and these are the model's last good values." }),
  }),
});
