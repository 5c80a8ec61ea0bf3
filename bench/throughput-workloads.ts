/**
 * The request bodies of bench/throughput.bench.ts, one kind per workload of issue 15's table. Every
 * body but the repeated one is new to the server: a `probe` lookup of an id no config has takes a
 * number that never repeats (across rounds too), so no response cache can answer it and every
 * request does the whole work. The same bodies go to every server of a workload.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, getNamedType, isLeafType, isObjectType, type GraphQLObjectType } from 'graphql';

/** The fields a model selector shows. */
export const SELECTOR_FIELDS = 'id name provider modelName tier contextLength pricing { prompt completion } supportsTools supportsImageInput qualityScore healthGated health { score }';

/** What a model selector sends on each page load: the same operation every time. */
export const REPEATED_BODY = JSON.stringify({ query: `query Selector($probe: Int!) { llmConfigs { ${SELECTOR_FIELDS} } probe: llmConfig(id: $probe) { id } }`, variables: { probe: 1 } });

const FILTERED = `query Selector($filter: LlmConfigFilter, $probe: Int!) { llmConfigs(filter: $filter) { ${SELECTOR_FIELDS} } probe: llmConfig(id: $probe) { id } }`;
const ONE = `query One($id: Int!, $probe: Int!) { llmConfig(id: $id) { ${SELECTOR_FIELDS} } probe: llmConfig(id: $probe) { id } }`;

/**
 * Every field of every config, nested objects included, read from the committed schema so that fields
 * added later are selected too. Fields with arguments are left out (none on LlmConfig today).
 */
export function everyFieldSelection(): string {
  const schema = buildSchema(readFileSync(fileURLToPath(new URL('../schema.graphql', import.meta.url)), 'utf8'));
  const select = (type: GraphQLObjectType, depth: number): string =>
    Object.values(type.getFields())
      .filter((field) => field.args.length === 0)
      .map((field) => {
        const named = getNamedType(field.type);
        if (isLeafType(named)) return field.name;
        return isObjectType(named) && depth < 3 ? `${field.name} { ${select(named, depth + 1)} }` : '';
      })
      .filter((part) => part !== '')
      .join(' ');
  return select(schema.getType('LlmConfig') as GraphQLObjectType, 1);
}
const EVERYTHING = `query Everything($probe: Int!) { llmConfigs { ${everyFieldSelection()} } probe: llmConfig(id: $probe) { id } }`;

export interface Filter {
  readonly tier?: 'FREE' | 'PREMIUM';
  readonly routerPoolEligible?: boolean;
  readonly search?: string;
}

/** A small deterministic generator, so every run cycles through the same filters in the same order. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * 1,000 distinct filters: every tier (or none) × router pool (or none) × 112 search texts (or none),
 * shuffled. The texts are the words model names are made of (`gpt`, `claude`, `free`, `instruct`, …),
 * most frequent first, so searches match a few configs or dozens, as a selector's search box does.
 */
export function thousandFilters(names: readonly string[]): Filter[] {
  const counts = new Map<string, number>();
  for (const name of names) for (const word of new Set(name.toLowerCase().split(/[^a-z0-9.]+/))) if (word.length >= 2) counts.set(word, (counts.get(word) ?? 0) + 1);
  const words = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
  const searches: (string | undefined)[] = [undefined, ...words.slice(0, 111)];
  const filters: Filter[] = [];
  for (const tier of [undefined, 'FREE', 'PREMIUM'] as const) {
    for (const routerPoolEligible of [undefined, true, false]) {
      for (const search of searches) filters.push({ ...(tier ? { tier } : {}), ...(routerPoolEligible === undefined ? {} : { routerPoolEligible }), ...(search ? { search } : {}) });
    }
  }
  const random = seeded(15);
  for (let i = filters.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [filters[i], filters[j]] = [filters[j]!, filters[i]!];
  }
  return filters.slice(0, 1000);
}

/** Ids no config has (configs have negative ids, Auto is 0), never the same twice in a process. */
let probe = 0;
const nextProbe = () => (probe += 1);

export interface BodySource {
  next(): string;
}

export function newVariables(filters: readonly Filter[]): BodySource {
  let turn = 0;
  return { next: () => JSON.stringify({ query: FILTERED, variables: { filter: filters[turn++ % filters.length], probe: nextProbe() } }) };
}

export function everyField(): BodySource {
  return { next: () => JSON.stringify({ query: EVERYTHING, variables: { probe: nextProbe() } }) };
}

export function randomLookups(ids: readonly number[]): BodySource {
  const random = seeded(11);
  return { next: () => JSON.stringify({ query: ONE, variables: { id: ids[Math.floor(random() * ids.length)], probe: nextProbe() } }) };
}

export function repeated(): BodySource {
  return { next: () => REPEATED_BODY };
}
