import { HEALTH_BLEND_WEIGHT } from '../catalogue/config-health.js';
import { AUTO_ENTRY } from '../catalogue/config-factory.js';
import { MAX_SEARCH_LENGTH, queryConfigs, type ConfigOrder } from '../catalogue/query.js';
import type { CatalogueConfig, PricingPerMillion } from '../catalogue/types.js';
import { badUserInput, builder } from './builder.js';
import { AutoPinTierEnum, ConfigSourceEnum, TierEnum } from './enums.js';
import { HealthSnapshotRef } from './health-snapshot.js';

const PricingRef = builder.objectRef<PricingPerMillion>('Pricing').implement({
  description: 'Prices in USD per million tokens.',
  fields: (t) => ({
    prompt: t.exposeFloat('prompt', { nullable: true, description: 'Input (prompt) price; null when unknown or variable.' }),
    completion: t.exposeFloat('completion', { nullable: true, description: 'Output (completion) price; null when unknown or variable.' }),
  }),
});

const ScoreBreakdownRef = builder.objectRef<CatalogueConfig>('ScoreBreakdown').implement({
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

export const LlmConfigRef = builder.objectRef<CatalogueConfig>('LlmConfig').implement({
  description: 'A model users can pick. Credentials are never part of it.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: 'Stable id: negative for catalogue configs, 0 for Auto (Fastest). Survives catalogue churn.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    description: t.exposeString('description', { description: 'Display description.' }),
    provider: t.exposeString('provider', { description: 'LiteLLM provider, upper-case as configured (`OPENROUTER`, `AZURE`, …).' }),
    modelName: t.exposeString('modelName', { description: 'Model name at the provider (the OpenRouter model id for OpenRouter configs).' }),
    tier: t.expose('billingTier', { type: TierEnum, description: 'Billing tier.' }),
    isPremium: t.boolean({ description: 'Shorthand for `tier == PREMIUM`.', resolve: (c) => c.billingTier === 'premium' }),
    source: t.expose('source', { type: ConfigSourceEnum, description: 'Where the config comes from.' }),
    routerPoolEligible: t.exposeBoolean('routerPoolEligible', { description: 'Whether the config joins the load-balanced router pool (free OpenRouter models share one quota, so they do not).' }),
    anonymousEnabled: t.exposeBoolean('anonymousEnabled', { description: 'Whether signed-out users may use it.' }),
    seoEnabled: t.exposeBoolean('seoEnabled', { description: 'Whether it has a public landing page.' }),
    seoSlug: t.exposeString('seoSlug', { nullable: true, description: 'Landing page slug.' }),
    seoTitle: t.exposeString('seoTitle', { nullable: true, description: 'Landing page title.' }),
    seoDescription: t.exposeString('seoDescription', { nullable: true, description: 'Landing page description.' }),
    quotaReserveTokens: t.exposeInt('quotaReserveTokens', { description: 'Tokens reserved from the quota before a call.' }),
    rpm: t.exposeInt('rpm', { nullable: true, description: 'Requests per minute limit; null when unlimited.' }),
    tpm: t.exposeInt('tpm', { nullable: true, description: 'Tokens per minute limit; null when unlimited.' }),
    contextLength: t.exposeInt('contextLength', { nullable: true, description: 'Context window in tokens; null when unknown.' }),
    pricing: t.field({ type: PricingRef, description: 'Prices in USD per million tokens.', resolve: (c) => c.pricing }),
    supportsTools: t.exposeBoolean('supportsTools', { description: 'Tool calling support (always true for OpenRouter configs: it is a requirement).' }),
    supportsImageInput: t.exposeBoolean('supportsImageInput', { description: 'Accepts images (OpenRouter: `image` in input modalities).' }),
    litellmParams: t.field({ type: 'JSON', description: 'Extra LiteLLM parameters, as configured.', resolve: (c) => c.litellmParams }),
    systemInstructions: t.exposeString('systemInstructions', { description: 'Config-specific system instructions.' }),
    useDefaultSystemInstructions: t.exposeBoolean('useDefaultSystemInstructions', { description: 'Whether the default system instructions apply too.' }),
    citationsEnabled: t.exposeBoolean('citationsEnabled', { description: 'Whether answers carry citations.' }),
    autoPinTier: t.expose('autoPinTier', { type: AutoPinTierEnum, description: 'Preference class for Auto (Fastest).' }),
    qualityScore: t.exposeInt('qualityScore', { description: 'Ranking score 0–100: static score blended with live health.' }),
    qualityScoreStatic: t.exposeInt('qualityScoreStatic', { description: 'Static score 0–100 (provider, recency, price, context, capabilities).' }),
    qualityScoreHealth: t.exposeFloat('qualityScoreHealth', { nullable: true, description: 'Live health score 0–100; null until known or when gated.' }),
    healthGated: t.exposeBoolean('healthGated', { description: 'True when live health excludes it from Auto selection.' }),
    health: t.expose('health', { type: HealthSnapshotRef, nullable: true, description: 'Live health facts; null until the first check of this model.' }),
    scoreBreakdown: t.field({ type: ScoreBreakdownRef, description: 'How `qualityScoreStatic` and `qualityScore` are made up.', resolve: (c) => c }),
  }),
});

const LlmConfigFilter = builder.inputType('LlmConfigFilter', {
  description: 'Conditions a config must all meet to be listed. Omitted conditions match everything.',
  fields: (t) => ({
    tier: t.field({ type: TierEnum, required: false, description: 'Only this tier.' }),
    routerPoolEligible: t.boolean({ required: false, description: 'Only configs that are (or are not) in the router pool.' }),
    source: t.field({ type: ConfigSourceEnum, required: false, description: 'Only this source.' }),
    provider: t.string({ required: false, description: 'Only this provider (case-insensitive).' }),
    includeGated: t.boolean({ required: false, defaultValue: true, description: 'Include configs that live health has gated.' }),
    search: t.string({ required: false, description: `Case-insensitive text in the name or model name (at most ${MAX_SEARCH_LENGTH} characters).` }),
  }),
});

const LlmConfigOrder = builder.enumType('LlmConfigOrder', {
  description: 'Order of a config list.',
  values: {
    CATALOGUE: { value: 'catalogue', description: 'Catalogue order: operator configs first, then OpenRouter models in payload order (the original order).' },
    QUALITY_DESC: { value: 'quality-desc', description: 'Highest quality score first; ties in catalogue order.' },
    ID: { value: 'id', description: 'Ascending id.' },
    NAME: { value: 'name', description: 'Name, by code point.' },
  } as const,
});

/**
 * The size `llmConfigs` counts as in a query's cost (src/http/query-cost.ts): a catalogue lists
 * ~230 configs. Static, so a document's cost does not move with each refresh.
 */
export const LISTED_CONFIGS_FOR_COST = 250;

builder.queryFields((t) => ({
  llmConfigs: t.field({
    type: [LlmConfigRef],
    complexity: { field: 1, multiplier: LISTED_CONFIGS_FOR_COST },
    description: 'Configs of the current catalogue version, filtered and ordered.',
    args: {
      filter: t.arg({ type: LlmConfigFilter, required: false, description: 'Conditions to match.' }),
      orderBy: t.arg({ type: LlmConfigOrder, required: false, defaultValue: 'catalogue', description: 'Order of the list.' }),
      includeAuto: t.arg.boolean({ required: false, defaultValue: false, description: 'Put the virtual "Auto (Fastest)" entry (id 0) first when the catalogue has any config, as the model selector shows it.' }),
    },
    resolve: (_root, { filter, orderBy, includeAuto }, { version }) => {
      if ((filter?.search?.length ?? 0) > MAX_SEARCH_LENGTH) throw badUserInput(`filter.search is longer than ${MAX_SEARCH_LENGTH} characters`);
      const configs = version?.configs ?? [];
      const listed = queryConfigs(configs, filter ?? {}, (orderBy ?? 'catalogue') as ConfigOrder);
      return includeAuto && configs.length > 0 ? [AUTO_ENTRY, ...listed] : listed;
    },
  }),
  llmConfig: t.field({
    type: LlmConfigRef,
    nullable: true,
    description: 'One config by id (0 is Auto (Fastest) when the catalogue has any config); null when unknown.',
    args: { id: t.arg.int({ required: true, description: 'The stable id.' }) },
    resolve: (_root, { id }, { version }) => (id === AUTO_ENTRY.id ? (version?.configs.length ? AUTO_ENTRY : null) : (version?.byId.get(id) ?? null)),
  }),
}));
