/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type AutoCandidateFragment = { id: number, name: string, modelName: string, tier: Tier, autoPinTier: AutoPinTier, qualityScore: number };

export type ConsoleAutoPickQueryVariables = Exact<{
  threadId: string | number;
  premiumEligible: boolean;
  excludeIds?: Array<number> | number | null | undefined;
  requirements?: TurnRequirements | null | undefined;
}>;


export type ConsoleAutoPickQuery = { autoPick: { candidateCount: number, consideredCount: number, tierLocked: boolean, index: number | null, reason: string, chosen: { id: number, name: string, modelName: string, tier: Tier, autoPinTier: AutoPinTier, qualityScore: number } | null, pool: Array<{ id: number, name: string, modelName: string, tier: Tier, autoPinTier: AutoPinTier, qualityScore: number }>, excluded: Array<{ reason: AutoExclusionReason, count: number, message: string }> } };

export type ConsoleCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCatalogueQuery = { catalogue: { ready: boolean, version: number | null, etag: string | null, origin: CatalogueOrigin | null, fetchedAt: string | null, refreshedAt: string | null, enrichedAt: string | null, counts: { total: number, free: number, premium: number, gated: number, openRouter: number, operatorYaml: number, retired: number } | null, lastRefresh: { outcome: RefreshOutcome, trigger: RefreshTrigger, message: string, forced: boolean, malformedCount: number, startedAt: string, finishedAt: string, nextAttemptAt: string | null } | null }, llmConfigs: Array<{ id: number, name: string, modelName: string, source: ConfigSource, tier: Tier, lifecycle: Lifecycle, expiresAt: string | null, contextLength: number | null, qualityScore: number, healthGated: boolean, author: { slug: string, name: string | null } | null, successor: { name: string } | null, pricing: { prompt: number | null, completion: number | null }, capabilities: { list: Array<Capability> }, health: { score: number | null, gateReason: GateReason | null, bestUptimePct: number | null } | null }> };

export type ConsoleStatusFragment = { ready: boolean, version: number | null, etag: string | null, origin: CatalogueOrigin | null, fetchedAt: string | null, refreshedAt: string | null, enrichedAt: string | null, counts: { total: number, free: number, premium: number, gated: number, openRouter: number, operatorYaml: number, retired: number } | null, lastRefresh: { outcome: RefreshOutcome, trigger: RefreshTrigger, message: string, forced: boolean, malformedCount: number, startedAt: string, finishedAt: string, nextAttemptAt: string | null } | null };

export type SelectorEntryFragment = { id: number, name: string, modelName: string, source: ConfigSource, tier: Tier, lifecycle: Lifecycle, expiresAt: string | null, contextLength: number | null, qualityScore: number, healthGated: boolean, author: { slug: string, name: string | null } | null, successor: { name: string } | null, pricing: { prompt: number | null, completion: number | null }, capabilities: { list: Array<Capability> }, health: { score: number | null, gateReason: GateReason | null, bestUptimePct: number | null } | null };

export type ChangeEntryFragment = { at: string, fromVersion: number | null, toVersion: number, added: Array<{ name: string }>, removed: Array<{ name: string }>, repriced: Array<{ modelName: string, promptBefore: number | null, promptAfter: number | null, completionBefore: number | null, completionAfter: number | null }>, tierFlips: Array<{ modelName: string, to: Tier }>, newlyGated: Array<{ name: string }>, newlyUngated: Array<{ name: string }>, retired: Array<{ name: string, successor: { name: string } | null }>, reinstated: Array<{ name: string }>, expiring: Array<{ name: string, expiresAt: string }> };

export type ConsoleChangesQueryVariables = Exact<{
  last: number;
}>;


export type ConsoleChangesQuery = { catalogueChanges: Array<{ at: string, fromVersion: number | null, toVersion: number, added: Array<{ name: string }>, removed: Array<{ name: string }>, repriced: Array<{ modelName: string, promptBefore: number | null, promptAfter: number | null, completionBefore: number | null, completionAfter: number | null }>, tierFlips: Array<{ modelName: string, to: Tier }>, newlyGated: Array<{ name: string }>, newlyUngated: Array<{ name: string }>, retired: Array<{ name: string, successor: { name: string } | null }>, reinstated: Array<{ name: string }>, expiring: Array<{ name: string, expiresAt: string }> }> };

export type ConsoleCatalogueUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCatalogueUpdatedSubscription = { catalogueUpdated: { version: number | null } };

export type ConsoleConfigDetailsQueryVariables = Exact<{
  id: number;
  promptTokens: number;
  completionTokens: number;
  cachedPromptTokens: number;
  at: string;
}>;


export type ConsoleConfigDetailsQuery = { llmConfig: { description: string, provider: string, canonicalSlug: string | null, huggingFaceId: string | null, autoPinTier: AutoPinTier, routerPoolEligible: boolean, anonymousEnabled: boolean, rpm: number | null, tpm: number | null, inputModalities: Array<Modality>, outputModalities: Array<Modality>, maxCompletionTokens: number | null, releasedAt: string | null, knowledgeCutoff: string | null, retiredAt: string | null, estimateCost: number | null, qualityScoreStatic: number, qualityScoreHealth: number | null, litellmParams: unknown, id: number, name: string, modelName: string, source: ConfigSource, tier: Tier, lifecycle: Lifecycle, expiresAt: string | null, contextLength: number | null, qualityScore: number, healthGated: boolean, cooldownUntil: string | null, blockedReason: string | null, successor: { id: number, name: string } | null, aliasOf: { id: number, name: string } | null, capabilities: { list: Array<Capability>, reasoning: { efforts: Array<ReasoningEffort>, defaultEffort: ReasoningEffort | null, mandatory: boolean } | null }, pricing: { prompt: number | null, completion: number | null, inputCacheRead: number | null, inputCacheWrite: number | null, inputCacheWriteOneHour: number | null, internalReasoning: number | null, audio: number | null, audioOutput: number | null, inputAudioCache: number | null, imageToken: number | null, imageOutput: number | null, image: number | null, request: number | null, webSearch: number | null, discount: number | null, overridesComplete: boolean, overrides: Array<{ minPromptTokens: number | null, utcStart: string | null, utcEnd: string | null, prompt: number | null, completion: number | null, inputCacheRead: number | null, inputCacheWrite: number | null, internalReasoning: number | null, audio: number | null, request: number | null }> }, benchmarks: Array<{ source: BenchmarkSource, index: string, value: number, rank: number | null, winRate: number | null }>, scoreBreakdown: { prestige: number, recency: number, priceBand: number, context: number, capabilities: number, operatorBonus: number, penalty: number, staticTotal: number, health: number | null, healthWeight: number, qualityScore: number }, health: { score: number | null, gated: boolean, gateReason: GateReason | null, bestUptimePct: number | null, uptimeWindow: string | null, freshnessPct: number | null, freshnessWindow: string | null, okEndpointCount: number, endpointCount: number, checkedAt: string, fromCache: boolean } | null, author: { slug: string, name: string | null } | null } | null };

export type AllPricesFragment = { prompt: number | null, completion: number | null, inputCacheRead: number | null, inputCacheWrite: number | null, inputCacheWriteOneHour: number | null, internalReasoning: number | null, audio: number | null, audioOutput: number | null, inputAudioCache: number | null, imageToken: number | null, imageOutput: number | null, image: number | null, request: number | null, webSearch: number | null, discount: number | null, overridesComplete: boolean, overrides: Array<{ minPromptTokens: number | null, utcStart: string | null, utcEnd: string | null, prompt: number | null, completion: number | null, inputCacheRead: number | null, inputCacheWrite: number | null, internalReasoning: number | null, audio: number | null, request: number | null }> };

export type ConsoleEstimateCostQueryVariables = Exact<{
  id: number;
  promptTokens: number;
  completionTokens: number;
  cachedPromptTokens: number;
  at: string;
}>;


export type ConsoleEstimateCostQuery = { llmConfig: { id: number, estimateCost: number | null } | null };

export type ConsoleRefreshCatalogueMutationVariables = Exact<{
  force: boolean;
}>;


export type ConsoleRefreshCatalogueMutation = { refreshCatalogue:
    | { __typename: 'RefreshCatalogueSuccess', catalogue: { ready: boolean, version: number | null, etag: string | null, origin: CatalogueOrigin | null, fetchedAt: string | null, refreshedAt: string | null, enrichedAt: string | null, counts: { total: number, free: number, premium: number, gated: number, openRouter: number, operatorYaml: number, retired: number } | null, lastRefresh: { outcome: RefreshOutcome, trigger: RefreshTrigger, message: string, forced: boolean, malformedCount: number, startedAt: string, finishedAt: string, nextAttemptAt: string | null } | null }, change: { at: string, fromVersion: number | null, toVersion: number, added: Array<{ name: string }>, removed: Array<{ name: string }>, repriced: Array<{ modelName: string, promptBefore: number | null, promptAfter: number | null, completionBefore: number | null, completionAfter: number | null }>, tierFlips: Array<{ modelName: string, to: Tier }>, newlyGated: Array<{ name: string }>, newlyUngated: Array<{ name: string }>, retired: Array<{ name: string, successor: { name: string } | null }>, reinstated: Array<{ name: string }>, expiring: Array<{ name: string, expiresAt: string }> } }
    | { __typename: 'RefreshRejectedError', message: string, guard: RefreshGuard, fetchedCount: number, currentCount: number }
    | { __typename: 'UpstreamUnavailableError', message: string, failureKind: string, status: number | null, retryAfterSeconds: number | null }
   };

export type StandingFragment = { cooldownUntil: string | null, blockedReason: string | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AutoCandidateFragmentDoc = new TypedDocumentString(`
    fragment AutoCandidate on LlmConfig {
  id
  name
  modelName
  tier
  autoPinTier
  qualityScore
}
    `, {"fragmentName":"AutoCandidate"}) as unknown as TypedDocumentString<AutoCandidateFragment, unknown>;
export const ConsoleStatusFragmentDoc = new TypedDocumentString(`
    fragment ConsoleStatus on CatalogueStatus {
  ready
  version
  etag
  origin
  fetchedAt
  refreshedAt
  enrichedAt
  counts {
    total
    free
    premium
    gated
    openRouter
    operatorYaml
    retired
  }
  lastRefresh {
    outcome
    trigger
    message
    forced
    malformedCount
    startedAt
    finishedAt
    nextAttemptAt
  }
}
    `, {"fragmentName":"ConsoleStatus"}) as unknown as TypedDocumentString<ConsoleStatusFragment, unknown>;
export const SelectorEntryFragmentDoc = new TypedDocumentString(`
    fragment SelectorEntry on LlmConfig {
  id
  name
  modelName
  source
  author {
    slug
    name
  }
  tier
  lifecycle
  expiresAt
  successor {
    name
  }
  contextLength
  pricing {
    prompt
    completion
  }
  capabilities {
    list
  }
  qualityScore
  healthGated
  health {
    score
    gateReason
    bestUptimePct
  }
}
    `, {"fragmentName":"SelectorEntry"}) as unknown as TypedDocumentString<SelectorEntryFragment, unknown>;
export const ChangeEntryFragmentDoc = new TypedDocumentString(`
    fragment ChangeEntry on CatalogueChange {
  at
  fromVersion
  toVersion
  added {
    name
  }
  removed {
    name
  }
  repriced {
    modelName
    promptBefore
    promptAfter
    completionBefore
    completionAfter
  }
  tierFlips {
    modelName
    to
  }
  newlyGated {
    name
  }
  newlyUngated {
    name
  }
  retired {
    name
    successor {
      name
    }
  }
  reinstated {
    name
  }
  expiring {
    name
    expiresAt
  }
}
    `, {"fragmentName":"ChangeEntry"}) as unknown as TypedDocumentString<ChangeEntryFragment, unknown>;
export const AllPricesFragmentDoc = new TypedDocumentString(`
    fragment AllPrices on Pricing {
  prompt
  completion
  inputCacheRead
  inputCacheWrite
  inputCacheWriteOneHour
  internalReasoning
  audio
  audioOutput
  inputAudioCache
  imageToken
  imageOutput
  image
  request
  webSearch
  discount
  overridesComplete
  overrides {
    minPromptTokens
    utcStart
    utcEnd
    prompt
    completion
    inputCacheRead
    inputCacheWrite
    internalReasoning
    audio
    request
  }
}
    `, {"fragmentName":"AllPrices"}) as unknown as TypedDocumentString<AllPricesFragment, unknown>;
export const StandingFragmentDoc = new TypedDocumentString(`
    fragment Standing on LlmConfig {
  cooldownUntil
  blockedReason
}
    `, {"fragmentName":"Standing"}) as unknown as TypedDocumentString<StandingFragment, unknown>;
export const ConsoleAutoPickDocument = new TypedDocumentString(`
    query ConsoleAutoPick($threadId: ID!, $premiumEligible: Boolean!, $excludeIds: [Int!], $requirements: TurnRequirements) {
  autoPick(
    threadId: $threadId
    premiumEligible: $premiumEligible
    excludeIds: $excludeIds
    requirements: $requirements
  ) {
    candidateCount
    consideredCount
    tierLocked
    index
    reason
    chosen {
      ...AutoCandidate
    }
    pool {
      ...AutoCandidate
    }
    excluded {
      reason
      count
      message
    }
  }
}
    fragment AutoCandidate on LlmConfig {
  id
  name
  modelName
  tier
  autoPinTier
  qualityScore
}`) as unknown as TypedDocumentString<ConsoleAutoPickQuery, ConsoleAutoPickQueryVariables>;
export const ConsoleCatalogueDocument = new TypedDocumentString(`
    query ConsoleCatalogue {
  catalogue {
    ...ConsoleStatus
  }
  llmConfigs(includeAuto: true, orderBy: QUALITY_DESC) {
    ...SelectorEntry
  }
}
    fragment ConsoleStatus on CatalogueStatus {
  ready
  version
  etag
  origin
  fetchedAt
  refreshedAt
  enrichedAt
  counts {
    total
    free
    premium
    gated
    openRouter
    operatorYaml
    retired
  }
  lastRefresh {
    outcome
    trigger
    message
    forced
    malformedCount
    startedAt
    finishedAt
    nextAttemptAt
  }
}
fragment SelectorEntry on LlmConfig {
  id
  name
  modelName
  source
  author {
    slug
    name
  }
  tier
  lifecycle
  expiresAt
  successor {
    name
  }
  contextLength
  pricing {
    prompt
    completion
  }
  capabilities {
    list
  }
  qualityScore
  healthGated
  health {
    score
    gateReason
    bestUptimePct
  }
}`) as unknown as TypedDocumentString<ConsoleCatalogueQuery, ConsoleCatalogueQueryVariables>;
export const ConsoleChangesDocument = new TypedDocumentString(`
    query ConsoleChanges($last: Int!) {
  catalogueChanges(last: $last) {
    ...ChangeEntry
  }
}
    fragment ChangeEntry on CatalogueChange {
  at
  fromVersion
  toVersion
  added {
    name
  }
  removed {
    name
  }
  repriced {
    modelName
    promptBefore
    promptAfter
    completionBefore
    completionAfter
  }
  tierFlips {
    modelName
    to
  }
  newlyGated {
    name
  }
  newlyUngated {
    name
  }
  retired {
    name
    successor {
      name
    }
  }
  reinstated {
    name
  }
  expiring {
    name
    expiresAt
  }
}`) as unknown as TypedDocumentString<ConsoleChangesQuery, ConsoleChangesQueryVariables>;
export const ConsoleCatalogueUpdatedDocument = new TypedDocumentString(`
    subscription ConsoleCatalogueUpdated {
  catalogueUpdated {
    version
  }
}
    `) as unknown as TypedDocumentString<ConsoleCatalogueUpdatedSubscription, ConsoleCatalogueUpdatedSubscriptionVariables>;
export const ConsoleConfigDetailsDocument = new TypedDocumentString(`
    query ConsoleConfigDetails($id: Int!, $promptTokens: Int!, $completionTokens: Int!, $cachedPromptTokens: Int!, $at: DateTime!) {
  llmConfig(id: $id) {
    ...SelectorEntry
    ...Standing
    description
    provider
    canonicalSlug
    huggingFaceId
    autoPinTier
    routerPoolEligible
    anonymousEnabled
    rpm
    tpm
    inputModalities
    outputModalities
    maxCompletionTokens
    releasedAt
    knowledgeCutoff
    retiredAt
    successor {
      id
      name
    }
    aliasOf {
      id
      name
    }
    capabilities {
      list
      reasoning {
        efforts
        defaultEffort
        mandatory
      }
    }
    pricing {
      ...AllPrices
    }
    estimateCost(
      promptTokens: $promptTokens
      completionTokens: $completionTokens
      cachedPromptTokens: $cachedPromptTokens
      at: $at
    )
    benchmarks {
      source
      index
      value
      rank
      winRate
    }
    qualityScoreStatic
    qualityScoreHealth
    scoreBreakdown {
      prestige
      recency
      priceBand
      context
      capabilities
      operatorBonus
      penalty
      staticTotal
      health
      healthWeight
      qualityScore
    }
    health {
      score
      gated
      gateReason
      bestUptimePct
      uptimeWindow
      freshnessPct
      freshnessWindow
      okEndpointCount
      endpointCount
      checkedAt
      fromCache
    }
    litellmParams
  }
}
    fragment SelectorEntry on LlmConfig {
  id
  name
  modelName
  source
  author {
    slug
    name
  }
  tier
  lifecycle
  expiresAt
  successor {
    name
  }
  contextLength
  pricing {
    prompt
    completion
  }
  capabilities {
    list
  }
  qualityScore
  healthGated
  health {
    score
    gateReason
    bestUptimePct
  }
}
fragment AllPrices on Pricing {
  prompt
  completion
  inputCacheRead
  inputCacheWrite
  inputCacheWriteOneHour
  internalReasoning
  audio
  audioOutput
  inputAudioCache
  imageToken
  imageOutput
  image
  request
  webSearch
  discount
  overridesComplete
  overrides {
    minPromptTokens
    utcStart
    utcEnd
    prompt
    completion
    inputCacheRead
    inputCacheWrite
    internalReasoning
    audio
    request
  }
}
fragment Standing on LlmConfig {
  cooldownUntil
  blockedReason
}`) as unknown as TypedDocumentString<ConsoleConfigDetailsQuery, ConsoleConfigDetailsQueryVariables>;
export const ConsoleEstimateCostDocument = new TypedDocumentString(`
    query ConsoleEstimateCost($id: Int!, $promptTokens: Int!, $completionTokens: Int!, $cachedPromptTokens: Int!, $at: DateTime!) {
  llmConfig(id: $id) {
    id
    estimateCost(
      promptTokens: $promptTokens
      completionTokens: $completionTokens
      cachedPromptTokens: $cachedPromptTokens
      at: $at
    )
  }
}
    `) as unknown as TypedDocumentString<ConsoleEstimateCostQuery, ConsoleEstimateCostQueryVariables>;
export const ConsoleRefreshCatalogueDocument = new TypedDocumentString(`
    mutation ConsoleRefreshCatalogue($force: Boolean!) {
  refreshCatalogue(force: $force) {
    __typename
    ... on RefreshCatalogueSuccess {
      catalogue {
        ...ConsoleStatus
      }
      change {
        ...ChangeEntry
      }
    }
    ... on RefreshRejectedError {
      message
      guard
      fetchedCount
      currentCount
    }
    ... on UpstreamUnavailableError {
      message
      failureKind
      status
      retryAfterSeconds
    }
  }
}
    fragment ConsoleStatus on CatalogueStatus {
  ready
  version
  etag
  origin
  fetchedAt
  refreshedAt
  enrichedAt
  counts {
    total
    free
    premium
    gated
    openRouter
    operatorYaml
    retired
  }
  lastRefresh {
    outcome
    trigger
    message
    forced
    malformedCount
    startedAt
    finishedAt
    nextAttemptAt
  }
}
fragment ChangeEntry on CatalogueChange {
  at
  fromVersion
  toVersion
  added {
    name
  }
  removed {
    name
  }
  repriced {
    modelName
    promptBefore
    promptAfter
    completionBefore
    completionAfter
  }
  tierFlips {
    modelName
    to
  }
  newlyGated {
    name
  }
  newlyUngated {
    name
  }
  retired {
    name
    successor {
      name
    }
  }
  reinstated {
    name
  }
  expiring {
    name
    expiresAt
  }
}`) as unknown as TypedDocumentString<ConsoleRefreshCatalogueMutation, ConsoleRefreshCatalogueMutationVariables>;