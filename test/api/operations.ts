import { graphql } from './gql/gql.js';

/** The model selector's query: what a frontend asks on every page load. */
export const SelectorQuery = graphql(`
  query Selector($filter: LlmConfigFilter, $orderBy: LlmConfigOrder, $includeAuto: Boolean) {
    llmConfigs(filter: $filter, orderBy: $orderBy, includeAuto: $includeAuto) {
      id
      name
      provider
      modelName
      tier
      contextLength
      pricing {
        prompt
        completion
      }
      supportsTools
      supportsImageInput
      qualityScore
      healthGated
      health {
        score
      }
    }
  }
`);

export const ConfigIdsQuery = graphql(`
  query ConfigIds($filter: LlmConfigFilter, $orderBy: LlmConfigOrder, $includeAuto: Boolean) {
    llmConfigs(filter: $filter, orderBy: $orderBy, includeAuto: $includeAuto) {
      id
      name
      modelName
      tier
      source
      provider
      routerPoolEligible
      healthGated
      qualityScore
    }
  }
`);

export const ConfigByIdQuery = graphql(`
  query ConfigById($id: Int!) {
    llmConfig(id: $id) {
      id
      name
      tier
      isPremium
      source
      autoPinTier
      litellmParams
      qualityScoreStatic
      qualityScoreHealth
      qualityScore
      health {
        gated
        gateReason
        score
        bestUptimePct
        uptimeWindow
        freshnessPct
        endpointCount
        okEndpointCount
        checkedAt
        fromCache
      }
      scoreBreakdown {
        prestige
        recency
        priceBand
        context
        capabilities
        penalty
        operatorBonus
        staticTotal
        health
        healthWeight
        qualityScore
      }
    }
  }
`);

export const CatalogueStatusQuery = graphql(`
  query CatalogueStatus {
    catalogue {
      ready
      version
      etag
      origin
      refreshedAt
      fetchedAt
      counts {
        total
        free
        premium
        operatorYaml
        openRouter
        gated
      }
      lastRefresh {
        trigger
        outcome
        message
        forced
      }
    }
  }
`);

export const ChangesQuery = graphql(`
  query Changes($last: Int) {
    catalogueChanges(last: $last) {
      fromVersion
      toVersion
      added {
        id
        modelName
      }
      removed {
        id
      }
      tierFlips {
        id
        from
        to
      }
    }
  }
`);

export const AutoPickQuery = graphql(`
  query AutoPick($threadId: ID!, $premiumEligible: Boolean!, $excludeIds: [Int!], $requirements: TurnRequirements) {
    autoPick(threadId: $threadId, premiumEligible: $premiumEligible, excludeIds: $excludeIds, requirements: $requirements) {
      chosen {
        id
        supportsImageInput
      }
      pool {
        id
      }
      index
      candidateCount
      consideredCount
      tierLocked
      excluded {
        reason
        count
        message
      }
      reason
    }
  }
`);

/** What a chat backend reads before a turn: every config, and whether it can serve the turn. */
export const AvailabilityQuery = graphql(`
  query Availability($requirements: TurnRequirements, $filter: LlmConfigFilter, $includeAuto: Boolean) {
    llmConfigs(requirements: $requirements, filter: $filter, includeAuto: $includeAuto) {
      id
      modelName
      cooldownUntil
      blockedReason
      availability {
        available
        reasons
      }
    }
  }
`);

/** The chat backend's report of how a call to a model went. */
export const ReportOutcomeMutation = graphql(`
  mutation ReportOutcome($configId: Int!, $outcome: ModelOutcome!, $retryAfterSeconds: Int) {
    reportModelOutcome(configId: $configId, outcome: $outcome, retryAfterSeconds: $retryAfterSeconds) {
      effect
      message
      config {
        id
        cooldownUntil
        blockedReason
        availability {
          available
          reasons
        }
      }
    }
  }
`);

export const RefreshMutation = graphql(`
  mutation Refresh($force: Boolean) {
    refreshCatalogue(force: $force) {
      __typename
      ... on RefreshCatalogueSuccess {
        catalogue {
          version
          origin
        }
        change {
          toVersion
          added {
            id
          }
        }
      }
      ... on UpstreamUnavailableError {
        message
        failureKind
        status
        retryAfterSeconds
      }
      ... on RefreshRejectedError {
        message
        guard
        currentCount
        fetchedCount
      }
    }
  }
`);

/** What a model selector shows of each model: capabilities, prices, lifecycle, benchmark indices. */
export const SelectorDetailsQuery = graphql(`
  query SelectorDetails($filter: LlmConfigFilter, $orderBy: LlmConfigOrder) {
    llmConfigs(filter: $filter, orderBy: $orderBy) {
      id
      modelName
      contextLength
      author {
        slug
        name
      }
      canonicalSlug
      huggingFaceId
      inputModalities
      outputModalities
      maxCompletionTokens
      releasedAt
      knowledgeCutoff
      expiresAt
      lifecycle
      retiredAt
      successor {
        id
        modelName
      }
      aliasOf {
        id
        modelName
      }
      capabilities {
        tools
        imageInput
        structuredOutputs
        webSearch
        list
        reasoning {
          mandatory
          efforts
          defaultEffort
          enabledByDefault
        }
      }
      pricing {
        prompt
        completion
        inputCacheRead
        inputCacheWrite
        webSearch
        request
        discount
        overridesComplete
        overrides {
          minPromptTokens
          utcStart
          utcEnd
          prompt
          completion
          inputCacheRead
        }
      }
      defaultParameters {
        temperature
        topP
      }
      benchmarks(source: ARTIFICIAL_ANALYSIS) {
        source
        index
        value
      }
    }
  }
`);

export const BenchmarksQuery = graphql(`
  query Benchmarks($id: Int!, $source: BenchmarkSource) {
    llmConfig(id: $id) {
      benchmarks(source: $source) {
        source
        index
        value
        winRate
        rank
      }
    }
  }
`);

export const EstimateCostQuery = graphql(`
  query EstimateCost($id: Int!, $promptTokens: Int!, $completionTokens: Int!, $cachedPromptTokens: Int, $at: DateTime) {
    llmConfig(id: $id) {
      modelName
      estimateCost(promptTokens: $promptTokens, completionTokens: $completionTokens, cachedPromptTokens: $cachedPromptTokens, at: $at)
    }
  }
`);

export const LifecycleChangesQuery = graphql(`
  query LifecycleChanges($last: Int) {
    catalogueChanges(last: $last) {
      toVersion
      removed {
        id
      }
      retired {
        id
        modelName
        retiredAt
        successor {
          id
          modelName
        }
      }
      reinstated {
        id
      }
      expiring {
        id
        modelName
        expiresAt
      }
    }
    catalogue {
      counts {
        total
        openRouter
        retired
      }
    }
  }
`);
