import { z } from 'zod';
import type { CatalogueDiff } from '../catalogue/diff.js';
import { REJECTIONS_TO_BLOCK, type Standing } from '../catalogue/outcome-policy.js';
import type { RefreshFailure, RefreshReport } from '../catalogue/refresh-types.js';
import { changeRecordSchema } from '../catalogue/snapshot-models.js';
import { hasUnprintable, servedCount, servedInstant, servedInt } from '../input/served-range.js';
import { formatZodError } from '../input/zod-issues.js';

/**
 * The messages replicas send each other through Redis. Each is checked on arrival like any input:
 * what a replica takes from one is served to its clients.
 */

const reportSchema = z.object({
  trigger: z.enum(['startup', 'timer', 'retry', 'admin']),
  forced: z.boolean(),
  startedAt: servedInstant,
  finishedAt: servedInstant,
  outcome: z.enum(['accepted', 'upstream-unavailable', 'rejected-by-guard']),
  message: z.string(),
  malformedCount: servedCount,
  nextAttemptAt: servedInstant.nullable(),
}) satisfies z.ZodType<RefreshReport>;

/** A version the refreshing replica put in place (or, with the etag served already, just a refresh attempt), and its report. */
const announcementSchema = z.object({ etag: z.string(), report: reportSchema.nullable() });
export type Announcement = z.infer<typeof announcementSchema>;

const requestSchema = z.object({ id: z.string(), force: z.boolean(), from: z.string() });
export type RefreshRequest = z.infer<typeof requestSchema>;

/** A refresh outcome as it crosses the wire: an accepted version is named by its etag, with the change it made. */
export type WireOutcome = { readonly kind: 'accepted'; readonly etag: string; readonly diff: CatalogueDiff } | RefreshFailure;

const wireOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accepted'), etag: z.string(), diff: changeRecordSchema }),
  z.object({
    kind: z.literal('upstream-unavailable'),
    failureKind: z.enum(['timeout', 'aborted', 'transport', 'http-status', 'too-large', 'not-json', 'bad-shape']),
    message: z.string(),
    status: servedCount.nullable(),
    retryAfterSeconds: servedCount.nullable(),
  }),
  z.object({ kind: z.literal('rejected-by-guard'), guard: z.enum(['EMPTY', 'SHRUNK', 'GROWN', 'MALFORMED']), message: z.string(), currentCount: servedCount, fetchedCount: servedCount }),
]) satisfies z.ZodType<WireOutcome>;

export interface RefreshReply {
  readonly id: string;
  readonly outcome: WireOutcome;
  /** The report of the refresh that answered the request. */
  readonly report: RefreshReport;
}

const replySchema = z.object({ id: z.string(), outcome: wireOutcomeSchema, report: reportSchema }) satisfies z.ZodType<RefreshReply>;

function parse<T>(schema: z.ZodType<T>, what: string, text: string): T {
  const raw: unknown = JSON.parse(text);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid ${what}: ${formatZodError(parsed.error, raw).slice(0, 3).join('; ')}`);
  return parsed.data;
}

/** An announcement; a bare etag is what replicas of an earlier release send. */
export function parseAnnouncement(text: string): Announcement {
  return text.startsWith('{') ? parse(announcementSchema, 'announcement', text) : { etag: text, report: null };
}

export const parseRequest = (text: string): RefreshRequest => parse(requestSchema, 'refresh request', text);
export const parseReply = (text: string): RefreshReply => parse(replySchema, 'refresh reply', text);

/** A config's standing, as replicas store it in Redis and publish it: served fields (`cooldownUntil`, `blockedReason`) checked as such. */
const standingSchema = z.object({
  cooldownUntil: servedInstant.nullable(),
  strikes: z.number().int().min(0).max(1000),
  rejections: z.array(z.object({ at: servedInstant, outcome: z.enum(['not-found', 'bad-request']) })).max(REJECTIONS_TO_BLOCK),
  blockedAt: servedInstant.nullable(),
  blockedReason: z
    .string()
    .max(2000)
    .refine((text) => !hasUnprintable(text), 'must not contain control characters')
    .nullable(),
  updatedAt: servedInstant,
}) satisfies z.ZodType<Standing>;

/** Standings one replica changed, published together. */
const standingsMessageSchema = z.object({ from: z.string(), standings: z.array(z.object({ configId: servedInt, standing: standingSchema })) });
export type StandingsMessage = z.infer<typeof standingsMessageSchema>;

export const parseStanding = (text: string): Standing => parse(standingSchema, 'standing', text);
export const parseStandingsMessage = (text: string): StandingsMessage => parse(standingsMessageSchema, 'standings message', text);
