import type { DroppedModel, OpenRouterModel, ParsedModelsPayload } from '../openrouter/models-payload.js';
import type { OperatorConfig } from '../config/operator-config.js';
import { curatedConfig } from './config-factory.js';
import { generateOpenRouterConfigs, type ExclusionReason } from './generate.js';
import type { CatalogueConfig } from './types.js';

/** What one generation left out of an OpenRouter list, for the guards, logs and the preview CLI. */
export interface LeftOut {
  /** Valid OpenRouter models left out by a catalogue rule, by rule. */
  readonly excluded: Partial<Record<ExclusionReason | 'id-taken-by-operator-config', number>>;
  /** The first malformed OpenRouter model objects, each with its reason. */
  readonly malformed: readonly DroppedModel[];
  /** How many OpenRouter model objects were malformed in all. */
  readonly malformedCount: number;
}

export interface BuiltCatalogue {
  /** Operator configs first, then OpenRouter configs in payload order, as the original lists them. */
  readonly configs: readonly CatalogueConfig[];
  readonly leftOut: LeftOut;
  /**
   * The OpenRouter models that made configs, in payload order: what is persisted. Models a rule
   * excluded are not kept, since the rules do not depend on the operator file; models whose id an
   * operator config holds are, since editing the file can free the id.
   */
  readonly models: readonly OpenRouterModel[];
}

/**
 * Builds the full list of configs from the operator file and (when the integration is on and a
 * payload is at hand) OpenRouter's models.
 */
export function buildCatalogue(operator: OperatorConfig, payload: ParsedModelsPayload | null, nowSeconds: number): BuiltCatalogue {
  const generated =
    operator.openRouter.enabled && payload !== null
      ? generateOpenRouterConfigs(payload.models, operator.openRouter, nowSeconds)
      : { configs: [], models: [], excluded: {} };
  // OpenRouter ids are generated without regard to operator ids, exactly as the original did, so
  // pinned ids never move; a model whose id an operator config already holds is left out instead.
  const curated = operator.curatedModels.map(curatedConfig);
  const operatorIds = new Set(curated.map((config) => config.id));
  const excluded: Record<string, number> = { ...generated.excluded };
  const openRouterConfigs = generated.configs.filter((config) => {
    if (!operatorIds.has(config.id)) return true;
    excluded['id-taken-by-operator-config'] = (excluded['id-taken-by-operator-config'] ?? 0) + 1;
    return false;
  });
  const configs = Object.freeze([...curated, ...openRouterConfigs]);
  const malformed = payload?.dropped ?? [];
  return { configs, models: generated.models, leftOut: { excluded, malformed, malformedCount: payload?.malformedCount ?? malformed.length } };
}
