import { AUTO_ENTRY } from '../catalogue/config-factory.js';
import { configAuthor } from '../catalogue/model-family.js';
import { estimateCost } from '../catalogue/cost-estimate.js';
import { priceSheet } from '../catalogue/pricing.js';
import { autoEntryMatches, MAX_SEARCH_LENGTH, queryConfigs, type ConfigFilter, type ConfigOrder } from '../catalogue/query.js';
import type { CatalogueConfig } from '../catalogue/types.js';
import { openRouterConfigOf } from '../catalogue/version.js';
import { badUserInput, builder } from './builder.js';
import { AuthorRef } from './author.js';
import { AutoPinTierEnum } from './auto-pin-tier.js';
import { AvailabilityRef } from './availability.js';
import { availabilityIn, listAvailabilities } from './listing-availability.js';
import { BenchmarkScoreRef, benchmarkScores } from './benchmark-score.js';
import { BenchmarkSourceEnum } from './benchmark-source.js';
import { CapabilitiesRef } from './capabilities.js';
import { ConfigSourceEnum } from './config-source.js';
import { DefaultParametersRef } from './default-parameters.js';
import { HealthSnapshotRef } from './health-snapshot.js';
import { LifecycleEnum } from './lifecycle.js';
import { LlmConfigFilter } from './llm-config-filter.js';
import { LlmConfigOrder } from './llm-config-order.js';
import { ModalityEnum } from './modality.js';
import { PricingRef } from './pricing.js';
import { ScoreBreakdownRef } from './score-breakdown.js';
import { TierEnum } from './tier.js';
import { checkedRequirements, TurnRequirementsInput } from './turn-requirements.js';

/** Benchmark results of a config, as the query cost counts them: Artificial Analysis lists up to 3, Design Arena up to 7 in real lists. */
const LISTED_BENCHMARKS_FOR_COST = { 'artificial-analysis': 3, 'design-arena': 7, all: 10 } as const;

export const LlmConfigRef = builder.objectRef<CatalogueConfig>('LlmConfig');

// Implemented apart from its declaration: `successor` and `aliasOf` are LlmConfigs too.
LlmConfigRef.implement({
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
    pricing: t.field({ type: PricingRef, description: 'Every price of the model: token prices in USD per million tokens, the discount and the conditional overrides.', resolve: priceSheet }),
    estimateCost: t.float({
      nullable: true,
      description:
        'The cost in USD of one request: uncached prompt tokens at the prompt price, cached ones at the cache-read price (the prompt price when none is listed), completion tokens at the completion price, plus the per-request price, with the overrides whose conditions hold and less the discount. Null when a needed price is unknown, when a conditional price could not be read, or when one depends on the time of day and `at` is not given.',
      args: {
        promptTokens: t.arg.int({ required: true, description: 'Prompt tokens, cached ones included (0 or more).' }),
        completionTokens: t.arg.int({ required: true, description: 'Completion tokens (0 or more).' }),
        cachedPromptTokens: t.arg.int({ required: false, defaultValue: 0, description: 'How many of the prompt tokens are read from the provider’s cache (0 to `promptTokens`).' }),
        at: t.arg({ type: 'DateTime', required: false, description: 'When the request is made: needed only by prices that depend on the UTC time of day.' }),
      },
      resolve: (config, { promptTokens, completionTokens, cachedPromptTokens, at }) => {
        const cached = cachedPromptTokens ?? 0;
        for (const [name, value] of [['promptTokens', promptTokens], ['completionTokens', completionTokens], ['cachedPromptTokens', cached]] as const) {
          if (value < 0) throw badUserInput(`estimateCost: ${name} must be 0 or more, got ${value}`);
        }
        if (cached > promptTokens) throw badUserInput(`estimateCost: cachedPromptTokens (${cached}) must not exceed promptTokens (${promptTokens})`);
        return estimateCost(priceSheet(config), { promptTokens, completionTokens, cachedPromptTokens: cached, at: at === null || at === undefined ? null : Date.parse(at) });
      },
    }),
    supportsTools: t.exposeBoolean('supportsTools', { description: 'Tool calling support (always true for OpenRouter configs: it is a requirement). Also `capabilities.tools`.' }),
    supportsImageInput: t.exposeBoolean('supportsImageInput', { description: 'Accepts images (OpenRouter: `image` in input modalities). Also `capabilities.imageInput`.' }),
    capabilities: t.field({ type: CapabilitiesRef, description: 'What the model can do: tools, image input, reasoning, structured outputs, web search.', resolve: (c) => c }),
    author: t.field({ type: AuthorRef, nullable: true, description: 'Who made the model (OpenRouter models); null for operator configs.', resolve: configAuthor }),
    canonicalSlug: t.string({ nullable: true, description: 'OpenRouter’s permanent slug of this exact model version (e.g. `anthropic/claude-opus-4.8-20260527`); null when not listed.', resolve: (c) => c.details.canonicalSlug }),
    huggingFaceId: t.string({ nullable: true, description: 'The model’s Hugging Face repository, for open-weight models; null otherwise.', resolve: (c) => c.details.huggingFaceId }),
    inputModalities: t.field({ type: [ModalityEnum], description: 'What the model takes in (operator configs: text, plus images when `supports_image_input`).', resolve: (c) => c.inputModalities }),
    outputModalities: t.field({ type: [ModalityEnum], description: 'What the model puts out.', resolve: (c) => c.outputModalities }),
    maxCompletionTokens: t.exposeInt('maxCompletionTokens', { nullable: true, description: 'Most tokens one answer may have (operator configs: `litellm_params.max_output_tokens`); null when unknown.' }),
    releasedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the model was released on OpenRouter (`created`); null when unknown.', resolve: (c) => c.releasedAt }),
    knowledgeCutoff: t.string({ nullable: true, description: 'The last day of its training data, `YYYY-MM-DD`; null when unknown.', resolve: (c) => c.details.knowledgeCutoff }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, description: 'When OpenRouter stops serving the model (00:00 UTC of its `expiration_date`); null when none is announced.', resolve: (c) => c.expiresAt }),
    lifecycle: t.field({ type: LifecycleEnum, description: 'Where the model is in its life: ACTIVE, NEW, EXPIRING or RETIRED.', resolve: (c) => c.lifecycle }),
    retiredAt: t.field({ type: 'DateTime', nullable: true, description: 'When the model left OpenRouter’s list (RETIRED only); it is removed `retirement_grace_days` later.', resolve: (c) => c.retiredAt }),
    successor: t.field({
      type: LlmConfigRef,
      nullable: true,
      description: 'For a RETIRED model, the config that replaces it, when one can be named: the model its alias pointed at, else the newest model of the same author and family released after it.',
      resolve: (c, _args, { version }) => (c.successorId === null ? null : (version?.byId.get(c.successorId) ?? null)),
    }),
    aliasOf: t.field({
      type: LlmConfigRef,
      nullable: true,
      description: 'For a `~…-latest` alias, the model it points at, when that model is in the catalogue; null otherwise.',
      resolve: (c, _args, { version }) => (c.details.aliasTarget === null || version === null ? null : openRouterConfigOf(version, c.details.aliasTarget)),
    }),
    defaultParameters: t.field({ type: DefaultParametersRef, nullable: true, description: 'Sampling parameters the model uses unless a request sets them; null when OpenRouter lists none.', resolve: (c) => c.details.defaultParameters }),
    benchmarks: t.field({
      type: [BenchmarkScoreRef],
      description: 'Benchmark results OpenRouter lists for the model, each with its source; empty when none.',
      args: { source: t.arg({ type: BenchmarkSourceEnum, required: false, description: 'Only the results of this source.' }) },
      complexity: (args) => ({ field: 1, multiplier: LISTED_BENCHMARKS_FOR_COST[args.source ?? 'all'] }),
      resolve: (c, { source }) => benchmarkScores(c, source ?? null),
    }),
    litellmParams: t.field({ type: 'JSON', description: 'Extra LiteLLM parameters, as configured.', resolve: (c) => c.litellmParams }),
    systemInstructions: t.exposeString('systemInstructions', { description: 'Config-specific system instructions.' }),
    useDefaultSystemInstructions: t.exposeBoolean('useDefaultSystemInstructions', { description: 'Whether the default system instructions apply too.' }),
    citationsEnabled: t.exposeBoolean('citationsEnabled', { description: 'Whether answers carry citations.' }),
    autoPinTier: t.expose('autoPinTier', { type: AutoPinTierEnum, description: 'Preference class for Auto (Fastest).' }),
    qualityScore: t.exposeInt('qualityScore', { description: 'Ranking score 0–100: static score blended with live health.' }),
    qualityScoreStatic: t.exposeInt('qualityScoreStatic', { description: 'Static score 0–100 (provider, recency, price, context, capabilities).' }),
    qualityScoreHealth: t.exposeFloat('qualityScoreHealth', { nullable: true, description: 'Live health score 0–100; null until known or when gated.' }),
    healthGated: t.exposeBoolean('healthGated', { description: 'True when live health excludes it from Auto selection.' }),
    availability: t.field({
      type: AvailabilityRef,
      description:
        'Whether it can serve a turn now: in `llmConfigs(requirements:)`, for those requirements (computed once for the whole list); elsewhere, without requirements (callable, listed, healthy, not blocked, not cooling down). The Auto entry is available when any config is.',
      resolve: availabilityIn,
    }),
    cooldownUntil: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When its cooldown ends, after the chat backend reported it RATE_LIMITED or UNAVAILABLE (`reportModelOutcome`); null when it is not cooling down. Auto skips it until then.',
      resolve: (c, _args, { standings }) => standings.cooldownUntil(c),
    }),
    blockedReason: t.string({
      nullable: true,
      description: 'Why it is blocked (repeated NOT_FOUND or BAD_REQUEST reports); null when it is not. Auto skips it until an accepted refresh lists the model again.',
      resolve: (c, _args, { standings }) => standings.blockedReason(c),
    }),
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
    description: 'Configs of the current catalogue version, filtered and ordered. Retired models are listed too (`lifecycle: RETIRED`, after the others in catalogue order) so threads pinned to them resolve; `filter: { lifecycle: [ACTIVE, NEW, EXPIRING] }` leaves them out.',
    args: {
      filter: t.arg({ type: LlmConfigFilter, required: false, description: 'Conditions to match.' }),
      orderBy: t.arg({ type: LlmConfigOrder, required: false, defaultValue: 'catalogue', description: 'Order of the list.' }),
      includeAuto: t.arg.boolean({
        required: false,
        defaultValue: false,
        description:
          'Put the virtual "Auto (Fastest)" entry (id 0) first when the catalogue has any config, as the model selector shows it; only where it belongs: when it meets the filter by its own fields (tier FREE, source and provider AUTO, name "Auto (Fastest)", model name `auto`, text input, tools, ACTIVE, no author, no known context or price).',
      }),
      requirements: t.arg({ type: TurnRequirementsInput, required: false, description: 'What a turn needs: every listed config says in `availability` whether it can serve it. Does not filter the list.' }),
    },
    resolve: (_root, { filter, orderBy, includeAuto, requirements }, context, info) => {
      const configs = context.version?.configs ?? [];
      const checked = checkedFilter(filter ?? {});
      const listed = queryConfigs(configs, checked, (orderBy ?? 'catalogue') as ConfigOrder);
      const entries = includeAuto && configs.length > 0 && autoEntryMatches(checked) ? [AUTO_ENTRY, ...listed] : listed;
      listAvailabilities(context, info, entries, checkedRequirements(requirements, 'requirements'));
      return entries;
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

/** The filter, or a BAD_USER_INPUT error naming the condition that cannot be met. */
function checkedFilter(filter: ConfigFilter): ConfigFilter {
  for (const key of ['search', 'author'] as const) {
    if ((filter[key]?.length ?? 0) > MAX_SEARCH_LENGTH) throw badUserInput(`filter.${key} is longer than ${MAX_SEARCH_LENGTH} characters`);
  }
  // The minimum context and price cap are checked as a turn's requirements are.
  checkedRequirements(filter, 'filter');
  return filter;
}
