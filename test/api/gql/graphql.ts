/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Why Auto left configs out: a reason they cannot serve the turn (as `AvailabilityReason`), or the caller ruled them out. */
export type AutoExclusionReason =
  /** Blocked after repeated NOT_FOUND or BAD_REQUEST reports. */
  | 'BLOCKED'
  /** Their context window is under `requirements.minContextLength`, or unknown. */
  | 'CONTEXT_TOO_SHORT'
  /** Cooling down after RATE_LIMITED or UNAVAILABLE reports. */
  | 'COOLING_DOWN'
  /** Named in `excludeIds`. */
  | 'EXCLUDED_BY_CALLER'
  /** Gated by live health. */
  | 'GATED'
  /** They cannot read images and the turn has one. */
  | 'MISSING_IMAGE_INPUT'
  /** No credential is configured for them. */
  | 'NO_CREDENTIAL'
  /** They do not reason and the turn needs it. */
  | 'NO_REASONING'
  /** They cannot call tools and the turn offers some. */
  | 'NO_TOOL_CALLING'
  /** Their prompt price is over `requirements.maxPromptPrice`, or unknown. */
  | 'OVER_PRICE_CAP'
  /** Premium, and `premiumEligible` is false. */
  | 'PREMIUM_NOT_ELIGIBLE'
  /** Gone from OpenRouter’s list. */
  | 'RETIRED';

/** Preference class for Auto (Fastest) pinning: A is preferred whenever any A candidate exists. */
export type AutoPinTier =
  /** Operator-curated config. */
  | 'A'
  /** OpenRouter premium model. */
  | 'B'
  /** OpenRouter free model. */
  | 'C';

/** Why a config cannot serve a turn now. */
export type AvailabilityReason =
  /** Blocked after repeated NOT_FOUND or BAD_REQUEST reports (`blockedReason`) until an accepted refresh lists it again. */
  | 'BLOCKED'
  /** Its context window is under `requirements.minContextLength`, or unknown. */
  | 'CONTEXT_TOO_SHORT'
  /** Cooling down after a RATE_LIMITED or UNAVAILABLE report, until `cooldownUntil`. */
  | 'COOLING_DOWN'
  /** Live health excludes it (`healthGated`; `health.gateReason` says why). */
  | 'GATED'
  /** The turn has an image (`requirements.imageInput`) and the model cannot read images. */
  | 'MISSING_IMAGE_INPUT'
  /** No credential is configured for it (`OPENROUTER_API_KEY` for OpenRouter models, `api_key` for operator configs), so it cannot be called. */
  | 'NO_CREDENTIAL'
  /** The turn needs reasoning (`requirements.reasoning`) and the model does not reason. */
  | 'NO_REASONING'
  /** The turn offers tools (`requirements.tools`) and the model cannot call them. */
  | 'NO_TOOL_CALLING'
  /** Its prompt price is over `requirements.maxPromptPrice`, or unknown. */
  | 'OVER_PRICE_CAP'
  /** Gone from OpenRouter’s list (`lifecycle: RETIRED`): served only so pinned threads resolve. */
  | 'RETIRED';

/** Who measured a benchmark result (as OpenRouter lists them). */
export type BenchmarkSource =
  /** Artificial Analysis: indices from 0 to 100 (`intelligence_index`, `coding_index`, `agentic_index`). */
  | 'ARTIFICIAL_ANALYSIS'
  /** Design Arena: an ELO rating per arena and category (`agents/fullstack`, `models/website`, …), with win rate and rank. */
  | 'DESIGN_ARENA';

/** Something a model can do. */
export type Capability =
  /** Accepts images. */
  | 'IMAGE_INPUT'
  /** Reasons before answering (thinking tokens). */
  | 'REASONING'
  /** Answers in a given JSON schema (OpenRouter: `structured_outputs`). */
  | 'STRUCTURED_OUTPUTS'
  /** Tool (function) calling. */
  | 'TOOLS'
  /** Searches the web natively (OpenRouter: `web_search_options`). */
  | 'WEB_SEARCH';

/** Where the OpenRouter part of the served catalogue came from. */
export type CatalogueOrigin =
  /** The OpenRouter snapshot shipped with the server (no live or saved catalogue yet). */
  | 'BUNDLED_SNAPSHOT'
  /** Fetched from OpenRouter by this server. */
  | 'LIVE'
  /** Operator configs only: the OpenRouter integration is disabled. */
  | 'OPERATOR_ONLY'
  /** The last-good catalogue saved by an earlier run (OpenRouter not reached yet). */
  | 'PERSISTED'
  /** Published by another replica through Redis. */
  | 'SHARED';

/** Where a config comes from. */
export type ConfigSource =
  /** The virtual "Auto (Fastest)" entry (id 0). */
  | 'AUTO'
  /** Generated from OpenRouter's public model list. */
  | 'OPENROUTER'
  /** Curated by the operator in the catalogue YAML (`global_llm_configs`). */
  | 'OPERATOR_YAML';

/** Why live health took a model out of Auto selection. */
export type GateReason =
  /** OpenRouter lists no endpoint for the model. */
  | 'NO_ENDPOINTS'
  /** No endpoint has status 0 (OK). */
  | 'NO_OK_ENDPOINT'
  /** No endpoint reports any uptime. */
  | 'NO_UPTIME_DATA'
  /** The best uptime is below 90%. */
  | 'UPTIME_BELOW_THRESHOLD';

/** Where a model is in its life, as of the time the served version was made (the clock its recency score uses; `new_model_days`, `expiring_days` and `retirement_grace_days` are operator settings). */
export type Lifecycle =
  /** Listed, neither new nor about to leave. */
  | 'ACTIVE'
  /** OpenRouter stops serving it within `expiring_days` (default 30): see `expiresAt`. Takes precedence over NEW. */
  | 'EXPIRING'
  /** Released within `new_model_days` (default 14). */
  | 'NEW'
  /** Gone from OpenRouter’s list: still served for `retirement_grace_days` (default 7) after `retiredAt` so pinned threads keep working, never chosen by Auto; see `successor`. */
  | 'RETIRED';

/** Conditions a config must all meet to be listed. Omitted conditions match everything. */
export type LlmConfigFilter = {
  /** Only models of this author (`author.slug`, case-insensitive, at most 200 characters); operator configs have none. */
  author?: string | null | undefined;
  /** Only models with every one of these capabilities. */
  capability?: Array<Capability> | null | undefined;
  /** Include configs that live health has gated. */
  includeGated?: boolean | null | undefined;
  /** Only models that take in every one of these (e.g. `[IMAGE]`). */
  inputModality?: Array<Modality> | null | undefined;
  /** Only models in one of these stages (e.g. `[ACTIVE, NEW, EXPIRING]` to leave retired ones out). */
  lifecycle?: Array<Lifecycle> | null | undefined;
  /** Only models whose prompt price is at most this, in USD per million tokens (0 or more; an unknown price does not match). */
  maxPromptPrice?: number | null | undefined;
  /** Only models with a context window of at least this many tokens (0 or more; an unknown window does not match). */
  minContextLength?: number | null | undefined;
  /** Only this provider (case-insensitive). */
  provider?: string | null | undefined;
  /** Only configs that are (or are not) in the router pool. */
  routerPoolEligible?: boolean | null | undefined;
  /** Case-insensitive text in the name or model name (at most 200 characters). */
  search?: string | null | undefined;
  /** Only this source. */
  source?: ConfigSource | null | undefined;
  /** Only this tier. */
  tier?: Tier | null | undefined;
};

/** Order of a config list. Configs without the value ordered by come last; ties keep catalogue order. */
export type LlmConfigOrder =
  /** Highest Artificial Analysis agentic index first. */
  | 'AGENTIC_INDEX_DESC'
  /** Catalogue order: operator configs first, then OpenRouter models in payload order (the original order), then retired models. */
  | 'CATALOGUE'
  /** Highest Artificial Analysis coding index first. */
  | 'CODING_INDEX_DESC'
  /** Largest context window first. */
  | 'CONTEXT_DESC'
  /** Ascending id. */
  | 'ID'
  /** Highest Artificial Analysis intelligence index first. */
  | 'INTELLIGENCE_INDEX_DESC'
  /** Name, by code point. */
  | 'NAME'
  /** Most recently released first (`releasedAt`). */
  | 'NEWEST'
  /** Cheapest prompt price first, then cheapest completion price. */
  | 'PRICE_ASC'
  /** Highest quality score first; ties in catalogue order. */
  | 'QUALITY_DESC';

/** A kind of content a model takes in or puts out. */
export type Modality =
  /** Audio. */
  | 'AUDIO'
  /** Files such as PDFs. */
  | 'FILE'
  /** Images. */
  | 'IMAGE'
  /** Text. */
  | 'TEXT'
  /** Video. */
  | 'VIDEO';

/** How a call to a model went, as the chat backend reports it (`reportModelOutcome`). */
export type ModelOutcome =
  /** HTTP 400 for a well-formed request (the model refuses what every request sends): counted with NOT_FOUND towards a block. */
  | 'BAD_REQUEST'
  /** HTTP 404 (the provider does not know the model): three incidents within an hour, at least a minute apart, block it until an accepted refresh lists it again. */
  | 'NOT_FOUND'
  /** It answered: clears its cooldown and the failures counted so far (not a block). */
  | 'OK'
  /** HTTP 429: a cooldown (the given Retry-After, else `COOLDOWN_SECONDS`), doubled for each failure in a row, capped at `COOLDOWN_MAX_SECONDS`. */
  | 'RATE_LIMITED'
  /** HTTP 5xx, a timeout or no provider available: a cooldown, as RATE_LIMITED. */
  | 'UNAVAILABLE';

/** What an outcome report changed. */
export type OutcomeEffect =
  /** The third incident within an hour: blocked until an accepted refresh lists it again. */
  | 'BLOCKED'
  /** OK ended its cooldown: Auto may pick it again. */
  | 'COOLDOWN_CLEARED'
  /** It was cooling down; the cooldown now ends later. */
  | 'COOLDOWN_EXTENDED'
  /** The config is cooling down from now until `cooldownUntil`. */
  | 'COOLDOWN_STARTED'
  /** A NOT_FOUND or BAD_REQUEST incident was counted towards a block. */
  | 'REJECTION_COUNTED'
  /** Nothing changed: already cooling down for at least as long, a repeat within a minute of the last counted incident, already blocked, or nothing to clear. */
  | 'UNCHANGED';

/** How hard a model reasons, as OpenRouter names the levels (weakest first). */
export type ReasoningEffort =
  /** High. */
  | 'HIGH'
  /** Low. */
  | 'LOW'
  /** Maximum. */
  | 'MAX'
  /** Medium. */
  | 'MEDIUM'
  /** Minimal. */
  | 'MINIMAL'
  /** No reasoning. */
  | 'NONE'
  /** Extra high. */
  | 'XHIGH';

/** A safety check on a fetched model list. */
export type RefreshGuard =
  /** The list kept no OpenRouter model. */
  | 'EMPTY'
  /** The list kept implausibly many more models than are served (more than `max_growth_factor` times as many). */
  | 'GROWN'
  /** More than `max_malformed_fraction` of the model objects were malformed: the upstream is likely broken. */
  | 'MALFORMED'
  /** The list kept far fewer models than are served (more than `max_shrink_fraction` fewer). */
  | 'SHRUNK';

/** How a refresh ended. */
export type RefreshOutcome =
  /** A new catalogue version is being served. */
  | 'ACCEPTED'
  /** The fetched list was empty or shrank too much; the previous catalogue is still served. */
  | 'REJECTED_BY_GUARD'
  /** OpenRouter could not be reached or sent an unusable answer; the previous catalogue is still served. */
  | 'UPSTREAM_UNAVAILABLE';

/** What started a refresh. */
export type RefreshTrigger =
  /** The `refreshCatalogue` mutation. */
  | 'ADMIN'
  /** A retry after a failed refresh. */
  | 'RETRY'
  /** The first refresh after the server started. */
  | 'STARTUP'
  /** The periodic background refresh. */
  | 'TIMER';

/** Billing tier of a model. */
export type Tier =
  /** Free to use (OpenRouter: a `:free` id or zero prompt and completion prices). */
  | 'FREE'
  /** Paid; counts against premium quotas. */
  | 'PREMIUM';

/** What one turn of a conversation needs from a model. Omitted (or false) means not needed: `imageInput: false` does not ask for a text-only model. Besides these, a config must be callable (a credential), listed (not RETIRED), healthy (not gated) and neither blocked nor cooling down after failures reported by the chat backend. */
export type TurnRequirements = {
  /** The turn carries an image: only models that read images (`capabilities.imageInput`). */
  imageInput?: boolean | null | undefined;
  /** Only models whose prompt price is at most this, in USD per million tokens (0 or more; an unknown price does not meet it). */
  maxPromptPrice?: number | null | undefined;
  /** The turn needs a context window of at least this many tokens (0 or more; an unknown window does not meet it). */
  minContextLength?: number | null | undefined;
  /** The turn needs reasoning: only models that reason (`capabilities.reasoning`). */
  reasoning?: boolean | null | undefined;
  /** The turn offers tools: only models with tool calling (`capabilities.tools`). */
  tools?: boolean | null | undefined;
};

export type SelectorQueryVariables = Exact<{
  filter?: LlmConfigFilter | null | undefined;
  orderBy?: LlmConfigOrder | null | undefined;
  includeAuto?: boolean | null | undefined;
}>;


export type SelectorQuery = { llmConfigs: Array<{ id: number, name: string, provider: string, modelName: string, tier: Tier, contextLength: number | null, supportsTools: boolean, supportsImageInput: boolean, qualityScore: number, healthGated: boolean, pricing: { prompt: number | null, completion: number | null }, health: { score: number | null } | null }> };

export type ConfigIdsQueryVariables = Exact<{
  filter?: LlmConfigFilter | null | undefined;
  orderBy?: LlmConfigOrder | null | undefined;
  includeAuto?: boolean | null | undefined;
}>;


export type ConfigIdsQuery = { llmConfigs: Array<{ id: number, name: string, modelName: string, tier: Tier, source: ConfigSource, provider: string, routerPoolEligible: boolean, healthGated: boolean, qualityScore: number }> };

export type ConfigByIdQueryVariables = Exact<{
  id: number;
}>;


export type ConfigByIdQuery = { llmConfig: { id: number, name: string, tier: Tier, isPremium: boolean, source: ConfigSource, autoPinTier: AutoPinTier, litellmParams: unknown, qualityScoreStatic: number, qualityScoreHealth: number | null, qualityScore: number, health: { gated: boolean, gateReason: GateReason | null, score: number | null, bestUptimePct: number | null, uptimeWindow: string | null, freshnessPct: number | null, endpointCount: number, okEndpointCount: number, checkedAt: string, fromCache: boolean } | null, scoreBreakdown: { prestige: number, recency: number, priceBand: number, context: number, capabilities: number, penalty: number, operatorBonus: number, staticTotal: number, health: number | null, healthWeight: number, qualityScore: number } } | null };

export type CatalogueStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogueStatusQuery = { catalogue: { ready: boolean, version: number | null, etag: string | null, origin: CatalogueOrigin | null, refreshedAt: string | null, fetchedAt: string | null, counts: { total: number, free: number, premium: number, operatorYaml: number, openRouter: number, gated: number } | null, lastRefresh: { trigger: RefreshTrigger, outcome: RefreshOutcome, message: string, forced: boolean } | null } };

export type ChangesQueryVariables = Exact<{
  last?: number | null | undefined;
}>;


export type ChangesQuery = { catalogueChanges: Array<{ fromVersion: number | null, toVersion: number, added: Array<{ id: number, modelName: string }>, removed: Array<{ id: number }>, tierFlips: Array<{ id: number, from: Tier, to: Tier }> }> };

export type AutoPickQueryVariables = Exact<{
  threadId: string | number;
  premiumEligible: boolean;
  excludeIds?: Array<number> | number | null | undefined;
  requirements?: TurnRequirements | null | undefined;
}>;


export type AutoPickQuery = { autoPick: { index: number | null, candidateCount: number, consideredCount: number, tierLocked: boolean, reason: string, chosen: { id: number, supportsImageInput: boolean } | null, pool: Array<{ id: number }>, excluded: Array<{ reason: AutoExclusionReason, count: number, message: string }> } };

export type AvailabilityQueryVariables = Exact<{
  requirements?: TurnRequirements | null | undefined;
  filter?: LlmConfigFilter | null | undefined;
  includeAuto?: boolean | null | undefined;
}>;


export type AvailabilityQuery = { llmConfigs: Array<{ id: number, modelName: string, cooldownUntil: string | null, blockedReason: string | null, availability: { available: boolean, reasons: Array<AvailabilityReason> } }> };

export type ReportOutcomeMutationVariables = Exact<{
  configId: number;
  outcome: ModelOutcome;
  retryAfterSeconds?: number | null | undefined;
}>;


export type ReportOutcomeMutation = { reportModelOutcome: { effect: OutcomeEffect, message: string, config: { id: number, cooldownUntil: string | null, blockedReason: string | null, availability: { available: boolean, reasons: Array<AvailabilityReason> } } } };

export type RefreshMutationVariables = Exact<{
  force?: boolean | null | undefined;
}>;


export type RefreshMutation = { refreshCatalogue:
    | { __typename: 'RefreshCatalogueSuccess', catalogue: { version: number | null, origin: CatalogueOrigin | null }, change: { toVersion: number, added: Array<{ id: number }> } }
    | { __typename: 'RefreshRejectedError', message: string, guard: RefreshGuard, currentCount: number, fetchedCount: number }
    | { __typename: 'UpstreamUnavailableError', message: string, failureKind: string, status: number | null, retryAfterSeconds: number | null }
   };

export type SelectorDetailsQueryVariables = Exact<{
  filter?: LlmConfigFilter | null | undefined;
  orderBy?: LlmConfigOrder | null | undefined;
}>;


export type SelectorDetailsQuery = { llmConfigs: Array<{ id: number, modelName: string, contextLength: number | null, canonicalSlug: string | null, huggingFaceId: string | null, inputModalities: Array<Modality>, outputModalities: Array<Modality>, maxCompletionTokens: number | null, releasedAt: string | null, knowledgeCutoff: string | null, expiresAt: string | null, lifecycle: Lifecycle, retiredAt: string | null, author: { slug: string, name: string | null } | null, successor: { id: number, modelName: string } | null, aliasOf: { id: number, modelName: string } | null, capabilities: { tools: boolean, imageInput: boolean, structuredOutputs: boolean, webSearch: boolean, list: Array<Capability>, reasoning: { mandatory: boolean, efforts: Array<ReasoningEffort>, defaultEffort: ReasoningEffort | null, enabledByDefault: boolean | null } | null }, pricing: { prompt: number | null, completion: number | null, inputCacheRead: number | null, inputCacheWrite: number | null, webSearch: number | null, request: number | null, discount: number | null, overridesComplete: boolean, overrides: Array<{ minPromptTokens: number | null, utcStart: string | null, utcEnd: string | null, prompt: number | null, completion: number | null, inputCacheRead: number | null }> }, defaultParameters: { temperature: number | null, topP: number | null } | null, benchmarks: Array<{ source: BenchmarkSource, index: string, value: number }> }> };

export type BenchmarksQueryVariables = Exact<{
  id: number;
  source?: BenchmarkSource | null | undefined;
}>;


export type BenchmarksQuery = { llmConfig: { benchmarks: Array<{ source: BenchmarkSource, index: string, value: number, winRate: number | null, rank: number | null }> } | null };

export type EstimateCostQueryVariables = Exact<{
  id: number;
  promptTokens: number;
  completionTokens: number;
  cachedPromptTokens?: number | null | undefined;
  at?: string | null | undefined;
}>;


export type EstimateCostQuery = { llmConfig: { modelName: string, estimateCost: number | null } | null };

export type LifecycleChangesQueryVariables = Exact<{
  last?: number | null | undefined;
}>;


export type LifecycleChangesQuery = { catalogueChanges: Array<{ toVersion: number, removed: Array<{ id: number }>, retired: Array<{ id: number, modelName: string, retiredAt: string, successor: { id: number, modelName: string } | null }>, reinstated: Array<{ id: number }>, expiring: Array<{ id: number, modelName: string, expiresAt: string }> }>, catalogue: { counts: { total: number, openRouter: number, retired: number } | null } };


export const SelectorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Selector"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LlmConfigFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LlmConfigOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeAuto"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"llmConfigs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeAuto"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeAuto"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"contextLength"}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"completion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportsTools"}},{"kind":"Field","name":{"kind":"Name","value":"supportsImageInput"}},{"kind":"Field","name":{"kind":"Name","value":"qualityScore"}},{"kind":"Field","name":{"kind":"Name","value":"healthGated"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]} as unknown as DocumentNode<SelectorQuery, SelectorQueryVariables>;
export const ConfigIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LlmConfigFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LlmConfigOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeAuto"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"llmConfigs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeAuto"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeAuto"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"routerPoolEligible"}},{"kind":"Field","name":{"kind":"Name","value":"healthGated"}},{"kind":"Field","name":{"kind":"Name","value":"qualityScore"}}]}}]}}]} as unknown as DocumentNode<ConfigIdsQuery, ConfigIdsQueryVariables>;
export const ConfigByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"llmConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"isPremium"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"autoPinTier"}},{"kind":"Field","name":{"kind":"Name","value":"litellmParams"}},{"kind":"Field","name":{"kind":"Name","value":"qualityScoreStatic"}},{"kind":"Field","name":{"kind":"Name","value":"qualityScoreHealth"}},{"kind":"Field","name":{"kind":"Name","value":"qualityScore"}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gated"}},{"kind":"Field","name":{"kind":"Name","value":"gateReason"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"bestUptimePct"}},{"kind":"Field","name":{"kind":"Name","value":"uptimeWindow"}},{"kind":"Field","name":{"kind":"Name","value":"freshnessPct"}},{"kind":"Field","name":{"kind":"Name","value":"endpointCount"}},{"kind":"Field","name":{"kind":"Name","value":"okEndpointCount"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromCache"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scoreBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"prestige"}},{"kind":"Field","name":{"kind":"Name","value":"recency"}},{"kind":"Field","name":{"kind":"Name","value":"priceBand"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"penalty"}},{"kind":"Field","name":{"kind":"Name","value":"operatorBonus"}},{"kind":"Field","name":{"kind":"Name","value":"staticTotal"}},{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"healthWeight"}},{"kind":"Field","name":{"kind":"Name","value":"qualityScore"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigByIdQuery, ConfigByIdQueryVariables>;
export const CatalogueStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CatalogueStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"etag"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"refreshedAt"}},{"kind":"Field","name":{"kind":"Name","value":"fetchedAt"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"free"}},{"kind":"Field","name":{"kind":"Name","value":"premium"}},{"kind":"Field","name":{"kind":"Name","value":"operatorYaml"}},{"kind":"Field","name":{"kind":"Name","value":"openRouter"}},{"kind":"Field","name":{"kind":"Name","value":"gated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastRefresh"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"forced"}}]}}]}}]}}]} as unknown as DocumentNode<CatalogueStatusQuery, CatalogueStatusQueryVariables>;
export const ChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Changes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogueChanges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromVersion"}},{"kind":"Field","name":{"kind":"Name","value":"toVersion"}},{"kind":"Field","name":{"kind":"Name","value":"added"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"removed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierFlips"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}}]}}]}}]} as unknown as DocumentNode<ChangesQuery, ChangesQueryVariables>;
export const AutoPickDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AutoPick"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"premiumEligible"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"excludeIds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requirements"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TurnRequirements"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"autoPick"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"threadId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"threadId"}}},{"kind":"Argument","name":{"kind":"Name","value":"premiumEligible"},"value":{"kind":"Variable","name":{"kind":"Name","value":"premiumEligible"}}},{"kind":"Argument","name":{"kind":"Name","value":"excludeIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"excludeIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"requirements"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requirements"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chosen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"supportsImageInput"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"candidateCount"}},{"kind":"Field","name":{"kind":"Name","value":"consideredCount"}},{"kind":"Field","name":{"kind":"Name","value":"tierLocked"}},{"kind":"Field","name":{"kind":"Name","value":"excluded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<AutoPickQuery, AutoPickQueryVariables>;
export const AvailabilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Availability"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"requirements"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TurnRequirements"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LlmConfigFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"includeAuto"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"llmConfigs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requirements"},"value":{"kind":"Variable","name":{"kind":"Name","value":"requirements"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeAuto"},"value":{"kind":"Variable","name":{"kind":"Name","value":"includeAuto"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}},{"kind":"Field","name":{"kind":"Name","value":"cooldownUntil"}},{"kind":"Field","name":{"kind":"Name","value":"blockedReason"}},{"kind":"Field","name":{"kind":"Name","value":"availability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}}]}}]}}]} as unknown as DocumentNode<AvailabilityQuery, AvailabilityQueryVariables>;
export const ReportOutcomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportOutcome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"configId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelOutcome"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"retryAfterSeconds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportModelOutcome"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"configId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"configId"}}},{"kind":"Argument","name":{"kind":"Name","value":"outcome"},"value":{"kind":"Variable","name":{"kind":"Name","value":"outcome"}}},{"kind":"Argument","name":{"kind":"Name","value":"retryAfterSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"retryAfterSeconds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"config"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cooldownUntil"}},{"kind":"Field","name":{"kind":"Name","value":"blockedReason"}},{"kind":"Field","name":{"kind":"Name","value":"availability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReportOutcomeMutation, ReportOutcomeMutationVariables>;
export const RefreshDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Refresh"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"force"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshCatalogue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"force"},"value":{"kind":"Variable","name":{"kind":"Name","value":"force"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RefreshCatalogueSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}}]}},{"kind":"Field","name":{"kind":"Name","value":"change"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"toVersion"}},{"kind":"Field","name":{"kind":"Name","value":"added"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failureKind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RefreshRejectedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"guard"}},{"kind":"Field","name":{"kind":"Name","value":"currentCount"}},{"kind":"Field","name":{"kind":"Name","value":"fetchedCount"}}]}}]}}]}}]} as unknown as DocumentNode<RefreshMutation, RefreshMutationVariables>;
export const SelectorDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SelectorDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LlmConfigFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LlmConfigOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"llmConfigs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}},{"kind":"Field","name":{"kind":"Name","value":"contextLength"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"canonicalSlug"}},{"kind":"Field","name":{"kind":"Name","value":"huggingFaceId"}},{"kind":"Field","name":{"kind":"Name","value":"inputModalities"}},{"kind":"Field","name":{"kind":"Name","value":"outputModalities"}},{"kind":"Field","name":{"kind":"Name","value":"maxCompletionTokens"}},{"kind":"Field","name":{"kind":"Name","value":"releasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"knowledgeCutoff"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lifecycle"}},{"kind":"Field","name":{"kind":"Name","value":"retiredAt"}},{"kind":"Field","name":{"kind":"Name","value":"successor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aliasOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tools"}},{"kind":"Field","name":{"kind":"Name","value":"imageInput"}},{"kind":"Field","name":{"kind":"Name","value":"structuredOutputs"}},{"kind":"Field","name":{"kind":"Name","value":"webSearch"}},{"kind":"Field","name":{"kind":"Name","value":"list"}},{"kind":"Field","name":{"kind":"Name","value":"reasoning"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mandatory"}},{"kind":"Field","name":{"kind":"Name","value":"efforts"}},{"kind":"Field","name":{"kind":"Name","value":"defaultEffort"}},{"kind":"Field","name":{"kind":"Name","value":"enabledByDefault"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"completion"}},{"kind":"Field","name":{"kind":"Name","value":"inputCacheRead"}},{"kind":"Field","name":{"kind":"Name","value":"inputCacheWrite"}},{"kind":"Field","name":{"kind":"Name","value":"webSearch"}},{"kind":"Field","name":{"kind":"Name","value":"request"}},{"kind":"Field","name":{"kind":"Name","value":"discount"}},{"kind":"Field","name":{"kind":"Name","value":"overridesComplete"}},{"kind":"Field","name":{"kind":"Name","value":"overrides"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minPromptTokens"}},{"kind":"Field","name":{"kind":"Name","value":"utcStart"}},{"kind":"Field","name":{"kind":"Name","value":"utcEnd"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"completion"}},{"kind":"Field","name":{"kind":"Name","value":"inputCacheRead"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultParameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"temperature"}},{"kind":"Field","name":{"kind":"Name","value":"topP"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benchmarks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"EnumValue","value":"ARTIFICIAL_ANALYSIS"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<SelectorDetailsQuery, SelectorDetailsQueryVariables>;
export const BenchmarksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Benchmarks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BenchmarkSource"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"llmConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"benchmarks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"winRate"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}}]}}]}}]}}]} as unknown as DocumentNode<BenchmarksQuery, BenchmarksQueryVariables>;
export const EstimateCostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EstimateCost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"promptTokens"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"completionTokens"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cachedPromptTokens"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"at"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"llmConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelName"}},{"kind":"Field","name":{"kind":"Name","value":"estimateCost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"promptTokens"},"value":{"kind":"Variable","name":{"kind":"Name","value":"promptTokens"}}},{"kind":"Argument","name":{"kind":"Name","value":"completionTokens"},"value":{"kind":"Variable","name":{"kind":"Name","value":"completionTokens"}}},{"kind":"Argument","name":{"kind":"Name","value":"cachedPromptTokens"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cachedPromptTokens"}}},{"kind":"Argument","name":{"kind":"Name","value":"at"},"value":{"kind":"Variable","name":{"kind":"Name","value":"at"}}}]}]}}]}}]} as unknown as DocumentNode<EstimateCostQuery, EstimateCostQueryVariables>;
export const LifecycleChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleChanges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"catalogueChanges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"toVersion"}},{"kind":"Field","name":{"kind":"Name","value":"removed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retired"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}},{"kind":"Field","name":{"kind":"Name","value":"retiredAt"}},{"kind":"Field","name":{"kind":"Name","value":"successor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reinstated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiring"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"catalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"openRouter"}},{"kind":"Field","name":{"kind":"Name","value":"retired"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleChangesQuery, LifecycleChangesQueryVariables>;