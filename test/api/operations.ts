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
  query AutoPick($threadId: ID!, $premiumEligible: Boolean!, $excludeIds: [Int!]) {
    autoPick(threadId: $threadId, premiumEligible: $premiumEligible, excludeIds: $excludeIds) {
      chosen {
        id
      }
      pool {
        id
      }
      index
      candidateCount
      tierLocked
      reason
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
