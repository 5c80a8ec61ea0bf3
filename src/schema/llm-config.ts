import { AUTO_ENTRY } from '../catalogue/config-factory.js';
import { MAX_SEARCH_LENGTH, queryConfigs, type ConfigOrder } from '../catalogue/query.js';
import type { CatalogueConfig } from '../catalogue/types.js';
import { badUserInput, builder } from './builder.js';
import { AutoPinTierEnum } from './auto-pin-tier.js';
import { ConfigSourceEnum } from './config-source.js';
import { HealthSnapshotRef } from './health-snapshot.js';
import { LlmConfigFilter } from './llm-config-filter.js';
import { LlmConfigOrder } from './llm-config-order.js';
import { PricingRef } from './pricing.js';
import { ScoreBreakdownRef } from './score-breakdown.js';
import { TierEnum } from './tier.js';

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
