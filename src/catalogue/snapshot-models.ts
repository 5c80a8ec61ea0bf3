import { z } from 'zod';
import { printableString, SERVED_INT_MAX, servedCount, servedInstant, servedInt } from '../input/served-range.js';
import { calendarDay, timeOfDay } from '../openrouter/json-values.js';
import { modalities, NO_DETAILS, REASONING_EFFORTS, type ModelDetails } from '../openrouter/model-details.js';
import { EXTRA_PRICE_KINDS } from '../openrouter/model-prices.js';
import type { OpenRouterModel } from '../openrouter/models-payload.js';
import type { CatalogueDiff } from './diff.js';
import type { RetiredModel } from './retirement.js';

/**
 * The parts of a catalogue snapshot that describe models and changes: the OpenRouter models a
 * version was made from (with what a selector shows of them), the retired ones, and change records.
 * A file or a shared snapshot is input like any other: every value must be one the API can serve.
 */

const day = z.string().refine((text) => calendarDay(text) === text, 'must be a calendar day YYYY-MM-DD');
const time = z.string().refine((text) => timeOfDay(text) === text, 'must be a UTC time of day HH:MM');
const finite = z.number();
const arenaName = printableString.refine((name) => /^[^/]+\/[^/]+$/.test(name), 'must be arena/category');
const priceValue = z.union([z.string(), z.number()]);
const prices = z.partialRecord(z.enum(['prompt', 'completion', ...EXTRA_PRICE_KINDS]), priceValue);

/** An ELO (always known), a win rate in percent or a rank (NaN when unknown). */
function validArenaScore(score: number, column: number): boolean {
  if (column === 0) return Number.isFinite(score);
  if (Number.isNaN(score)) return true;
  return column === 1 ? score >= 0 && score <= 100 : Number.isInteger(score) && score >= 1 && score <= SERVED_INT_MAX;
}

// Facts that are null are left out of the file (a model has a few of ten), so each defaults to null.
const detailsSchema = z.object({
  canonicalSlug: printableString.nullable().default(null),
  huggingFaceId: printableString.nullable().default(null),
  maxCompletionTokens: servedCount.nullable().default(null),
  knowledgeCutoff: day.nullable().default(null),
  expirationDate: day.nullable().default(null),
  aliasTarget: printableString.nullable().default(null),
  reasoning: z
    .object({ mandatory: z.boolean().nullable(), enabledByDefault: z.boolean().nullable(), efforts: z.array(z.enum(REASONING_EFFORTS)), defaultEffort: z.enum(REASONING_EFFORTS).nullable() })
    .nullable().default(null),
  defaultParameters: z
    .object({ temperature: finite.nullable(), topP: finite.nullable(), topK: finite.nullable(), frequencyPenalty: finite.nullable(), presencePenalty: finite.nullable(), repetitionPenalty: finite.nullable() })
    .nullable().default(null),
  prices: prices.nullable().default(null),
  priceConditions: z
    .object({
      discount: z.number().min(0).max(1).nullable(),
      overrides: z.array(z.object({ minPromptTokens: servedCount.nullable(), utcStart: time.nullable(), utcEnd: time.nullable(), prices })),
      unreadableOverrides: servedCount,
    })
    .nullable().default(null),
  artificialAnalysis: z.object({ intelligence: finite.nullable().default(null), coding: finite.nullable().default(null), agentic: finite.nullable() }).nullable().default(null),
  // Written with null where the store holds NaN (JSON has no NaN).
  designArena: z
    .object({ names: z.array(arenaName), scores: z.array(finite.nullable()).transform((scores) => scores.map((score) => score ?? Number.NaN)) })
    .refine(({ names, scores }) => scores.length === 3 * names.length && scores.every((score, index) => validArenaScore(score, index % 3)), 'scores must hold an ELO, a win rate (0–100) and a rank (1–2147483647) per name')
    .nullable().default(null),
}) satisfies z.ZodType<ModelDetails>;

const priceSchema = z.union([z.string(), z.number()]).nullable().optional();

/**
 * A model as a snapshot stores it: details without their null facts (absent means null). Files of
 * format 2 have no details and kept only the `image` input modality.
 */
export const modelSchema = z.object({
  id: printableString,
  name: printableString.nullable(),
  created: z.number().nullable(),
  contextLength: servedCount.nullable(),
  outputModalities: z.array(z.string()).nullable(),
  inputModalities: z.array(z.string()).transform((values) => modalities(values)),
  supportedParameters: z.array(z.string()),
  promptPrice: priceSchema,
  completionPrice: priceSchema,
  details: detailsSchema.optional().transform((details) => details ?? NO_DETAILS),
}) satisfies z.ZodType<OpenRouterModel, unknown>;

export const retiredSchema = z.object({ model: modelSchema, id: servedInt, retiredAt: servedInstant }) satisfies z.ZodType<RetiredModel, unknown>;

const refSchema = z.object({ id: servedInt, modelName: z.string(), name: z.string() });
const basePricesSchema = z.object({ prompt: z.number().nullable(), completion: z.number().nullable() });

/** A change record, as snapshots carry them (and replicas send them with a forwarded refresh's answer). Lists added in format 3 default to empty. */
export const changeRecordSchema = z.object({
  fromVersion: servedCount.nullable(),
  toVersion: servedCount,
  at: servedInstant,
  added: z.array(refSchema),
  removed: z.array(refSchema),
  repriced: z.array(refSchema.extend({ before: basePricesSchema, after: basePricesSchema })),
  tierFlips: z.array(refSchema.extend({ from: z.enum(['free', 'premium']), to: z.enum(['free', 'premium']) })),
  newlyGated: z.array(refSchema),
  newlyUngated: z.array(refSchema),
  retired: z.array(refSchema.extend({ retiredAt: servedInstant, successor: refSchema.nullable() })).default([]),
  reinstated: z.array(refSchema).default([]),
  expiring: z.array(refSchema.extend({ expiresAt: servedInstant })).default([]),
}) satisfies z.ZodType<CatalogueDiff, unknown>;
