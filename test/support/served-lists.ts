import { readFixtureJson } from './fixtures.js';

/** Real OpenRouter model lists (test/fixtures/openrouter/SOURCES.md). */
export type ModelListFile =
  | 'models-2026-06-16.json'
  | 'models-2025-12-02.json'
  | 'excerpts/models-2026-07-30.genai-prices-6-models.json'
  | 'excerpts/models-2026-09-22.whichapiapi-3-models.json';

/** A real list as OpenRouter might answer it on another day: some of its models gone, models of other real lists added. */
export interface ServedList {
  readonly file: ModelListFile;
  /** Ids of its models OpenRouter no longer lists (they retire). */
  readonly without?: readonly string[];
  /** Real model objects of other lists that OpenRouter lists too, by file and id. */
  readonly with?: readonly { readonly file: ModelListFile; readonly id: string }[];
}

export type ModelList = ModelListFile | ServedList;

interface ModelObject {
  readonly id: string;
  readonly created: number;
  readonly expiration_date?: string | null;
}

const DAY_SECONDS = 86_400;

/** `YYYY-MM-DD` moved by whole days. */
const shiftDay = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_SECONDS * 1000).toISOString().slice(0, 10);

/**
 * The models of one real list as OpenRouter would have answered on the list's own day, were that day
 * today: `created` and `expiration_date` moved forward by the whole days from the list's day (its
 * newest `created`) to today, every other value as recorded. So the models that were new or about to
 * expire then are NEW and EXPIRING now, whatever day the tests run on.
 */
function asOfToday(file: ModelListFile, nowMs: number): ModelObject[] {
  const models = readFixtureJson<{ data: ModelObject[] }>('openrouter', ...file.split('/')).data;
  const listDay = Math.floor(Math.max(...models.map((model) => model.created)) / DAY_SECONDS);
  const days = Math.floor(nowMs / 1000 / DAY_SECONDS) - listDay;
  return models.map((model) => ({
    ...model,
    created: model.created + days * DAY_SECONDS,
    ...(typeof model.expiration_date === 'string' ? { expiration_date: shiftDay(model.expiration_date, days) } : {}),
  }));
}

/** The `/api/v1/models` body for a list, as of today (see asOfToday). */
export function modelListBody(list: ModelList, nowMs = Date.now()): string {
  const served: ServedList = typeof list === 'string' ? { file: list } : list;
  const gone = new Set(served.without ?? []);
  const listed = asOfToday(served.file, nowMs);
  for (const id of gone) if (!listed.some((model) => model.id === id)) throw new Error(`${served.file} lists no model ${id}`);
  const models = listed.filter((model) => !gone.has(model.id));
  for (const added of served.with ?? []) {
    const model = asOfToday(added.file, nowMs).find((candidate) => candidate.id === added.id);
    if (!model) throw new Error(`${added.file} lists no model ${added.id}`);
    if (models.some((other) => other.id === added.id)) throw new Error(`${served.file} lists ${added.id} already`);
    models.push(model);
  }
  return JSON.stringify({ data: models });
}
