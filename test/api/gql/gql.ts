/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Selector($filter: LlmConfigFilter, $orderBy: LlmConfigOrder, $includeAuto: Boolean) {\n    llmConfigs(filter: $filter, orderBy: $orderBy, includeAuto: $includeAuto) {\n      id\n      name\n      provider\n      modelName\n      tier\n      contextLength\n      pricing {\n        prompt\n        completion\n      }\n      supportsTools\n      supportsImageInput\n      qualityScore\n      healthGated\n      health {\n        score\n      }\n    }\n  }\n": typeof types.SelectorDocument,
    "\n  query ConfigIds($filter: LlmConfigFilter, $orderBy: LlmConfigOrder, $includeAuto: Boolean) {\n    llmConfigs(filter: $filter, orderBy: $orderBy, includeAuto: $includeAuto) {\n      id\n      name\n      modelName\n      tier\n      source\n      provider\n      routerPoolEligible\n      healthGated\n      qualityScore\n    }\n  }\n": typeof types.ConfigIdsDocument,
    "\n  query ConfigById($id: Int!) {\n    llmConfig(id: $id) {\n      id\n      name\n      tier\n      isPremium\n      source\n      autoPinTier\n      litellmParams\n      qualityScoreStatic\n      qualityScoreHealth\n      qualityScore\n      health {\n        gated\n        gateReason\n        score\n        bestUptimePct\n        uptimeWindow\n        freshnessPct\n        endpointCount\n        okEndpointCount\n        checkedAt\n        fromCache\n      }\n      scoreBreakdown {\n        prestige\n        recency\n        priceBand\n        context\n        capabilities\n        penalty\n        operatorBonus\n        staticTotal\n        health\n        healthWeight\n        qualityScore\n      }\n    }\n  }\n": typeof types.ConfigByIdDocument,
    "\n  query CatalogueStatus {\n    catalogue {\n      ready\n      version\n      etag\n      origin\n      refreshedAt\n      fetchedAt\n      counts {\n        total\n        free\n        premium\n        operatorYaml\n        openRouter\n        gated\n      }\n      lastRefresh {\n        trigger\n        outcome\n        message\n        forced\n      }\n    }\n  }\n": typeof types.CatalogueStatusDocument,
    "\n  query Changes($last: Int) {\n    catalogueChanges(last: $last) {\n      fromVersion\n      toVersion\n      added {\n        id\n        modelName\n      }\n      removed {\n        id\n      }\n      tierFlips {\n        id\n        from\n        to\n      }\n    }\n  }\n": typeof types.ChangesDocument,
    "\n  query AutoPick($threadId: ID!, $premiumEligible: Boolean!, $excludeIds: [Int!]) {\n    autoPick(threadId: $threadId, premiumEligible: $premiumEligible, excludeIds: $excludeIds) {\n      chosen {\n        id\n      }\n      pool {\n        id\n      }\n      index\n      candidateCount\n      tierLocked\n      reason\n    }\n  }\n": typeof types.AutoPickDocument,
    "\n  mutation Refresh($force: Boolean) {\n    refreshCatalogue(force: $force) {\n      __typename\n      ... on RefreshCatalogueSuccess {\n        catalogue {\n          version\n          origin\n        }\n        change {\n          toVersion\n          added {\n            id\n          }\n        }\n      }\n      ... on UpstreamUnavailableError {\n        message\n        failureKind\n        status\n        retryAfterSeconds\n      }\n      ... on RefreshRejectedError {\n        message\n        guard\n        currentCount\n        fetchedCount\n      }\n    }\n  }\n": typeof types.RefreshDocument,
};
const documents: Documents = {
    "\n  query Selector($filter: LlmConfigFilter, $orderBy: LlmConfigOrder, $includeAuto: Boolean) {\n    llmConfigs(filter: $filter, orderBy: $orderBy, includeAuto: $includeAuto) {\n      id\n      name\n      provider\n      modelName\n      tier\n      contextLength\n      pricing {\n        prompt\n        completion\n      }\n      supportsTools\n      supportsImageInput\n      qualityScore\n      healthGated\n      health {\n        score\n      }\n    }\n  }\n": types.SelectorDocument,
    "\n  query ConfigIds($filter: LlmConfigFilter, $orderBy: LlmConfigOrder, $includeAuto: Boolean) {\n    llmConfigs(filter: $filter, orderBy: $orderBy, includeAuto: $includeAuto) {\n      id\n      name\n      modelName\n      tier\n      source\n      provider\n      routerPoolEligible\n      healthGated\n      qualityScore\n    }\n  }\n": types.ConfigIdsDocument,
    "\n  query ConfigById($id: Int!) {\n    llmConfig(id: $id) {\n      id\n      name\n      tier\n      isPremium\n      source\n      autoPinTier\n      litellmParams\n      qualityScoreStatic\n      qualityScoreHealth\n      qualityScore\n      health {\n        gated\n        gateReason\n        score\n        bestUptimePct\n        uptimeWindow\n        freshnessPct\n        endpointCount\n        okEndpointCount\n        checkedAt\n        fromCache\n      }\n      scoreBreakdown {\n        prestige\n        recency\n        priceBand\n        context\n        capabilities\n        penalty\n        operatorBonus\n        staticTotal\n        health\n        healthWeight\n        qualityScore\n      }\n    }\n  }\n": types.ConfigByIdDocument,
    "\n  query CatalogueStatus {\n    catalogue {\n      ready\n      version\n      etag\n      origin\n      refreshedAt\n      fetchedAt\n      counts {\n        total\n        free\n        premium\n        operatorYaml\n        openRouter\n        gated\n      }\n      lastRefresh {\n        trigger\n        outcome\n        message\n        forced\n      }\n    }\n  }\n": types.CatalogueStatusDocument,
    "\n  query Changes($last: Int) {\n    catalogueChanges(last: $last) {\n      fromVersion\n      toVersion\n      added {\n        id\n        modelName\n      }\n      removed {\n        id\n      }\n      tierFlips {\n        id\n        from\n        to\n      }\n    }\n  }\n": types.ChangesDocument,
    "\n  query AutoPick($threadId: ID!, $premiumEligible: Boolean!, $excludeIds: [Int!]) {\n    autoPick(threadId: $threadId, premiumEligible: $premiumEligible, excludeIds: $excludeIds) {\n      chosen {\n        id\n      }\n      pool {\n        id\n      }\n      index\n      candidateCount\n      tierLocked\n      reason\n    }\n  }\n": types.AutoPickDocument,
    "\n  mutation Refresh($force: Boolean) {\n    refreshCatalogue(force: $force) {\n      __typename\n      ... on RefreshCatalogueSuccess {\n        catalogue {\n          version\n          origin\n        }\n        change {\n          toVersion\n          added {\n            id\n          }\n        }\n      }\n      ... on UpstreamUnavailableError {\n        message\n        failureKind\n        status\n        retryAfterSeconds\n      }\n      ... on RefreshRejectedError {\n        message\n        guard\n        currentCount\n        fetchedCount\n      }\n    }\n  }\n": types.RefreshDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Selector($filter: LlmConfigFilter, $orderBy: LlmConfigOrder, $includeAuto: Boolean) {\n    llmConfigs(filter: $filter, orderBy: $orderBy, includeAuto: $includeAuto) {\n      id\n      name\n      provider\n      modelName\n      tier\n      contextLength\n      pricing {\n        prompt\n        completion\n      }\n      supportsTools\n      supportsImageInput\n      qualityScore\n      healthGated\n      health {\n        score\n      }\n    }\n  }\n"): (typeof documents)["\n  query Selector($filter: LlmConfigFilter, $orderBy: LlmConfigOrder, $includeAuto: Boolean) {\n    llmConfigs(filter: $filter, orderBy: $orderBy, includeAuto: $includeAuto) {\n      id\n      name\n      provider\n      modelName\n      tier\n      contextLength\n      pricing {\n        prompt\n        completion\n      }\n      supportsTools\n      supportsImageInput\n      qualityScore\n      healthGated\n      health {\n        score\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConfigIds($filter: LlmConfigFilter, $orderBy: LlmConfigOrder, $includeAuto: Boolean) {\n    llmConfigs(filter: $filter, orderBy: $orderBy, includeAuto: $includeAuto) {\n      id\n      name\n      modelName\n      tier\n      source\n      provider\n      routerPoolEligible\n      healthGated\n      qualityScore\n    }\n  }\n"): (typeof documents)["\n  query ConfigIds($filter: LlmConfigFilter, $orderBy: LlmConfigOrder, $includeAuto: Boolean) {\n    llmConfigs(filter: $filter, orderBy: $orderBy, includeAuto: $includeAuto) {\n      id\n      name\n      modelName\n      tier\n      source\n      provider\n      routerPoolEligible\n      healthGated\n      qualityScore\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConfigById($id: Int!) {\n    llmConfig(id: $id) {\n      id\n      name\n      tier\n      isPremium\n      source\n      autoPinTier\n      litellmParams\n      qualityScoreStatic\n      qualityScoreHealth\n      qualityScore\n      health {\n        gated\n        gateReason\n        score\n        bestUptimePct\n        uptimeWindow\n        freshnessPct\n        endpointCount\n        okEndpointCount\n        checkedAt\n        fromCache\n      }\n      scoreBreakdown {\n        prestige\n        recency\n        priceBand\n        context\n        capabilities\n        penalty\n        operatorBonus\n        staticTotal\n        health\n        healthWeight\n        qualityScore\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConfigById($id: Int!) {\n    llmConfig(id: $id) {\n      id\n      name\n      tier\n      isPremium\n      source\n      autoPinTier\n      litellmParams\n      qualityScoreStatic\n      qualityScoreHealth\n      qualityScore\n      health {\n        gated\n        gateReason\n        score\n        bestUptimePct\n        uptimeWindow\n        freshnessPct\n        endpointCount\n        okEndpointCount\n        checkedAt\n        fromCache\n      }\n      scoreBreakdown {\n        prestige\n        recency\n        priceBand\n        context\n        capabilities\n        penalty\n        operatorBonus\n        staticTotal\n        health\n        healthWeight\n        qualityScore\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogueStatus {\n    catalogue {\n      ready\n      version\n      etag\n      origin\n      refreshedAt\n      fetchedAt\n      counts {\n        total\n        free\n        premium\n        operatorYaml\n        openRouter\n        gated\n      }\n      lastRefresh {\n        trigger\n        outcome\n        message\n        forced\n      }\n    }\n  }\n"): (typeof documents)["\n  query CatalogueStatus {\n    catalogue {\n      ready\n      version\n      etag\n      origin\n      refreshedAt\n      fetchedAt\n      counts {\n        total\n        free\n        premium\n        operatorYaml\n        openRouter\n        gated\n      }\n      lastRefresh {\n        trigger\n        outcome\n        message\n        forced\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Changes($last: Int) {\n    catalogueChanges(last: $last) {\n      fromVersion\n      toVersion\n      added {\n        id\n        modelName\n      }\n      removed {\n        id\n      }\n      tierFlips {\n        id\n        from\n        to\n      }\n    }\n  }\n"): (typeof documents)["\n  query Changes($last: Int) {\n    catalogueChanges(last: $last) {\n      fromVersion\n      toVersion\n      added {\n        id\n        modelName\n      }\n      removed {\n        id\n      }\n      tierFlips {\n        id\n        from\n        to\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AutoPick($threadId: ID!, $premiumEligible: Boolean!, $excludeIds: [Int!]) {\n    autoPick(threadId: $threadId, premiumEligible: $premiumEligible, excludeIds: $excludeIds) {\n      chosen {\n        id\n      }\n      pool {\n        id\n      }\n      index\n      candidateCount\n      tierLocked\n      reason\n    }\n  }\n"): (typeof documents)["\n  query AutoPick($threadId: ID!, $premiumEligible: Boolean!, $excludeIds: [Int!]) {\n    autoPick(threadId: $threadId, premiumEligible: $premiumEligible, excludeIds: $excludeIds) {\n      chosen {\n        id\n      }\n      pool {\n        id\n      }\n      index\n      candidateCount\n      tierLocked\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Refresh($force: Boolean) {\n    refreshCatalogue(force: $force) {\n      __typename\n      ... on RefreshCatalogueSuccess {\n        catalogue {\n          version\n          origin\n        }\n        change {\n          toVersion\n          added {\n            id\n          }\n        }\n      }\n      ... on UpstreamUnavailableError {\n        message\n        failureKind\n        status\n        retryAfterSeconds\n      }\n      ... on RefreshRejectedError {\n        message\n        guard\n        currentCount\n        fetchedCount\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Refresh($force: Boolean) {\n    refreshCatalogue(force: $force) {\n      __typename\n      ... on RefreshCatalogueSuccess {\n        catalogue {\n          version\n          origin\n        }\n        change {\n          toVersion\n          added {\n            id\n          }\n        }\n      }\n      ... on UpstreamUnavailableError {\n        message\n        failureKind\n        status\n        retryAfterSeconds\n      }\n      ... on RefreshRejectedError {\n        message\n        guard\n        currentCount\n        fetchedCount\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;