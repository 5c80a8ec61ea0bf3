import type { GraphQLResolveInfo } from 'graphql';
import { AUTO_CONFIG_ID } from '../catalogue/auto-pick.js';
import { autoAvailability, availabilities, availabilityOf, NO_REQUIREMENTS, type Availability, type TurnRequirements } from '../catalogue/requirements.js';
import type { CatalogueConfig } from '../catalogue/types.js';
import type { GraphQLContext, ListingAvailability } from '../context.js';

/**
 * How `LlmConfig.availability` knows the requirements of the list it is in: `llmConfigs` records its
 * requirements in the request's context under its response key (aliases differ), and the first
 * `availability` read of that list computes every config's availability at once; the others read it.
 * A config reached otherwise (`llmConfig`, `autoPick`, `successor`) is judged without requirements.
 */

/** The response key of the top-level list a config at `info` is an element of; null when it is not one. */
function listKey(info: GraphQLResolveInfo): string | null {
  const list = info.path.prev?.prev;
  return list !== undefined && list.prev === undefined && typeof list.key === 'string' ? list.key : null;
}

/** Records a listing's entries and requirements, for its configs' `availability`. */
export function listAvailabilities(context: GraphQLContext, info: GraphQLResolveInfo, entries: readonly CatalogueConfig[], requirements: TurnRequirements): void {
  let computed: Map<CatalogueConfig, Availability> | null = null;
  const listing: ListingAvailability = {
    of: (config) => {
      if (computed === null) {
        const catalogue = context.version?.configs ?? [];
        computed = availabilities(entries.filter((entry) => entry.id !== AUTO_CONFIG_ID), requirements, context.standings);
        if (entries[0]?.id === AUTO_CONFIG_ID) computed.set(entries[0], autoAvailability(catalogue, requirements, context.standings));
      }
      return computed.get(config) ?? availabilityOf(config, requirements, context.standings);
    },
  };
  context.listings.set(String(info.path.key), listing);
}

/** The resolver of `LlmConfig.availability`. */
export function availabilityIn(config: CatalogueConfig, _args: unknown, context: GraphQLContext, info: GraphQLResolveInfo): Availability {
  const key = listKey(info);
  const listing = key === null ? undefined : context.listings.get(key);
  if (listing) return listing.of(config);
  if (config.id === AUTO_CONFIG_ID) return autoAvailability(context.version?.configs ?? [], NO_REQUIREMENTS, context.standings);
  return availabilityOf(config, NO_REQUIREMENTS, context.standings);
}
