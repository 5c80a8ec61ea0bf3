import { HEALTH_BLEND_WEIGHT } from '../catalogue/config-health.js';
import type { CatalogueConfig } from '../catalogue/types.js';
import { builder } from './builder.js';

export const ScoreBreakdownRef = builder.objectRef<CatalogueConfig>('ScoreBreakdown').implement({
  description: 'The parts of a quality score: the static parts sum (clamped to 0–100) to `staticTotal`; health is blended in with `healthWeight`.',
  fields: (t) => ({
    prestige: t.int({ description: 'Provider prestige points.', resolve: (c) => c.staticBreakdown.prestige }),
    recency: t.int({ description: 'Points for how recently the model was released (OpenRouter models only).', resolve: (c) => c.staticBreakdown.recency }),
    priceBand: t.int({ description: 'Points for the price band (pricier models are usually stronger).', resolve: (c) => c.staticBreakdown.priceBand }),
    context: t.int({ description: 'Points for the context window size.', resolve: (c) => c.staticBreakdown.context }),
    capabilities: t.int({ description: 'Points for tools, structured outputs and reasoning support.', resolve: (c) => c.staticBreakdown.capabilities }),
    penalty: t.int({ description: 'Penalty for tiny, legacy or preview models (0 or −10).', resolve: (c) => c.staticBreakdown.penalty }),
    operatorBonus: t.int({ description: 'Trust bonus for operator-curated configs.', resolve: (c) => c.staticBreakdown.operatorBonus }),
    staticTotal: t.int({ description: 'The static score: the parts above summed and clamped to 0–100.', resolve: (c) => c.staticBreakdown.total }),
    health: t.float({ nullable: true, description: 'Live health score used in the blend; null when unknown or gated (then the static score is served).', resolve: (c) => (c.healthGated ? null : c.qualityScoreHealth) }),
    healthWeight: t.float({ description: 'Weight of health in the blend.', resolve: () => HEALTH_BLEND_WEIGHT }),
    qualityScore: t.int({ description: 'The served score: round-half-to-even(weight × health + (1 − weight) × staticTotal), or staticTotal.', resolve: (c) => c.qualityScore }),
  }),
});
