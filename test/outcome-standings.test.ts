import { afterEach, describe, expect, it } from 'vitest';
import { autoPick, type AutoPickResult } from '../src/catalogue/auto-pick.js';
import { applyOutcome, cooldownSeconds, DEFAULT_OUTCOME_SETTINGS, EMPTY_STANDING, REJECTION_GAP_MS, type ModelOutcome, type Standing } from '../src/catalogue/outcome-policy.js';
import { UnknownConfigError } from '../src/catalogue/standings.js';
import type { CatalogueVersion } from '../src/catalogue/version.js';
import { parseModelsBody } from '../src/openrouter/models-payload.js';
import { readFixtureBytes } from './support/fixtures.js';
import { makeCatalogue, type TestCatalogue } from './support/test-catalogue.js';

/**
 * Issue 17.2: outcome reports, cooldowns and blocks in a real catalogue (the 2026-06 list, an
 * OpenRouter key configured), on an injected clock: no test waits for a cooldown to end.
 */

const T0 = 1_795_478_400_000;
const MODELS = readFixtureBytes('openrouter', 'models-2026-06-16.json');
const MINUTE = 60_000;

interface Setup {
  readonly test: TestCatalogue;
  readonly clock: { now: number };
  /** The list the next refresh fetches (default: the whole 2026-06 list). */
  list: Uint8Array;
  current(): CatalogueVersion;
  report(configId: number, outcome: ModelOutcome, retryAfterSeconds?: number | null): ReturnType<TestCatalogue['catalogue']['reportOutcome']>;
  pick(threadId: string): AutoPickResult;
}

const opened: TestCatalogue[] = [];
afterEach(async () => {
  for (const test of opened.splice(0)) await test.close();
});

async function setup(): Promise<Setup> {
  const clock = { now: T0 };
  const state = { list: MODELS as Uint8Array };
  const test = makeCatalogue('http://127.0.0.1:1', {
    yaml: 'openrouter_integration:\n  api_key: sk-or-test-key\n',
    now: () => clock.now,
    fetchModels: async () => ({ ...parseModelsBody(state.list), bytes: state.list.length, fetchedAt: clock.now }),
  });
  opened.push(test);
  test.catalogue.parts.scheduler.setEnabled(false);
  await test.catalogue.start();
  expect((await test.catalogue.refresh({ trigger: 'admin' })).kind).toBe('accepted');
  const { catalogue } = test;
  return {
    test,
    clock,
    get list() {
      return state.list;
    },
    set list(bytes) {
      state.list = bytes;
    },
    current: () => catalogue.current()!,
    report: (configId, outcome, retryAfterSeconds = null) => catalogue.reportOutcome(configId, { outcome, retryAfterSeconds }),
    pick: (threadId) => autoPick(catalogue.current()!.configs, { threadId, premiumEligible: true }, catalogue.standings().view(catalogue.current())),
  };
}

const THREADS = Array.from({ length: 400 }, (_, i) => `thread-${i}`);
const picks = (s: Setup) => Object.fromEntries(THREADS.map((thread) => [thread, s.pick(thread).chosen!.id]));

/** The config most threads are pinned to. */
function mostPinned(chosen: Record<string, number>): number {
  const counts = new Map<number, number>();
  for (const id of Object.values(chosen)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

describe('the back-off curve', () => {
  it('doubles from the default or the Retry-After, capped', () => {
    const curve = (retryAfter: number | null) => [1, 2, 3, 4, 5].map((strike) => cooldownSeconds(strike, retryAfter, DEFAULT_OUTCOME_SETTINGS));
    expect(curve(null)).toEqual([600, 1200, 2400, 3600, 3600]);
    expect(curve(30)).toEqual([30, 60, 120, 240, 480]);
    expect(curve(7200)).toEqual([3600, 3600, 3600, 3600, 3600]);
    expect(curve(0)).toEqual([1, 1, 1, 1, 1]);
    expect(cooldownSeconds(1, null, { cooldownSeconds: 60, maxCooldownSeconds: 100 })).toBe(60);
    expect(cooldownSeconds(2, null, { cooldownSeconds: 60, maxCooldownSeconds: 100 })).toBe(100);
  });
});

describe('cooldowns', () => {
  it('a 429 moves every thread pinned to that config to another candidate, deterministically, as if it were excluded', async () => {
    const s = await setup();
    const before = picks(s);
    const victim = mostPinned(before);
    const pinned = THREADS.filter((thread) => before[thread] === victim);
    expect(pinned.length).toBeGreaterThan(40);
    const reported = s.report(victim, 'rate-limited');
    expect(reported.effect).toBe('cooldown-started');
    const after = picks(s);
    for (const thread of pinned) expect(after[thread]).not.toBe(victim);
    expect(Object.values(after)).not.toContain(victim);
    // Deterministic: the same answer every time, and exactly the pick with the config excluded.
    expect(picks(s)).toEqual(after);
    for (const thread of THREADS) expect(after[thread]).toBe(autoPick(s.current().configs, { threadId: thread, premiumEligible: true, excludeIds: [victim] }).chosen!.id);
    expect(s.pick('thread-0').excluded.find((group) => group.reason === 'cooling-down')!.configs.map((c) => c.id)).toEqual([victim]);
  });

  it('ends on time (600 s by default), and the threads come back', async () => {
    const s = await setup();
    const before = picks(s);
    const victim = mostPinned(before);
    const { standing } = s.report(victim, 'rate-limited');
    expect(standing.cooldownUntil).toBe(T0 + 600_000);
    const stamp = s.test.catalogue.standings().stamp();
    s.clock.now = T0 + 599_999;
    expect(s.test.catalogue.standings().view(s.current()).cooldownUntil(s.current().byId.get(victim)!)).toBe(T0 + 600_000);
    expect(Object.values(picks(s))).not.toContain(victim);
    expect(s.test.catalogue.standings().stamp()).toBe(stamp);
    s.clock.now = T0 + 600_000;
    expect(s.test.catalogue.standings().view(s.current()).cooldownUntil(s.current().byId.get(victim)!)).toBeNull();
    expect(picks(s)).toEqual(before);
    // What queries see changed, so cached answers are not served any more.
    expect(s.test.catalogue.standings().stamp()).toBeGreaterThan(stamp);
  });

  it('repeated failures back off; reports during a cooldown count once; a quiet hour starts over; OK clears', async () => {
    const s = await setup();
    const id = s.current().configs[5]!.id;
    expect(s.report(id, 'unavailable').standing.cooldownUntil).toBe(T0 + 600_000);
    // The same incident (threads already calling it fail too): it may end later, it is not a new failure.
    s.clock.now = T0 + 200;
    expect(s.report(id, 'rate-limited')).toMatchObject({ effect: 'cooldown-extended', standing: { cooldownUntil: T0 + 601_000, strikes: 1 } });
    // Ends are whole seconds, so a flood of reports changes the standing at most once a second.
    for (const at of [T0 + 300, T0 + 700, T0 + 1_000]) {
      s.clock.now = at;
      expect(s.report(id, 'rate-limited').effect).toBe('unchanged');
    }
    s.clock.now = T0 + 1_001;
    expect(s.report(id, 'rate-limited')).toMatchObject({ effect: 'cooldown-extended', standing: { cooldownUntil: T0 + 602_000, strikes: 1 } });
    // A provider asking for longer lengthens it, never beyond the cap.
    expect(s.report(id, 'rate-limited', 86_400).standing.cooldownUntil).toBe(T0 + 3_602_000);
    // Failing again once it ended: twice as long, then four times.
    s.clock.now = T0 + 3_602_000;
    expect(s.report(id, 'rate-limited')).toMatchObject({ effect: 'cooldown-started', standing: { strikes: 2, cooldownUntil: T0 + 3_602_000 + 1_200_000 } });
    s.clock.now += 1_200_000;
    expect(s.report(id, 'unavailable').standing).toMatchObject({ strikes: 3, cooldownUntil: s.clock.now + 2_400_000 });
    // An hour after the last cooldown ended without a failure, the back-off starts over.
    s.clock.now += 2_400_000 + 3_600_001;
    expect(s.report(id, 'unavailable').standing).toMatchObject({ strikes: 1 });
    const cleared = s.report(id, 'ok');
    expect(cleared).toMatchObject({ effect: 'cooldown-cleared', standing: { cooldownUntil: null, strikes: 0 } });
    expect(s.report(id, 'ok').effect).toBe('unchanged');
    expect(s.pick('x').excluded.some((group) => group.reason === 'cooling-down')).toBe(false);
  });

  it('a report for an id the catalogue does not serve is refused, and changes nothing', async () => {
    const s = await setup();
    for (const id of [0, 1, 123_456, -1]) expect(() => s.report(id, 'rate-limited')).toThrow(UnknownConfigError);
    expect(s.test.catalogue.parts.standings.size).toBe(0);
  });
});

describe('blocks', () => {
  it('three NOT_FOUND or BAD_REQUEST incidents within an hour block a config until an accepted refresh lists it again', async () => {
    const s = await setup();
    const victim = mostPinned(picks(s));
    const model = s.current().byId.get(victim)!.modelName;
    expect(s.report(victim, 'not-found').effect).toBe('rejection-counted');
    // A burst of retries, or several threads failing at once, is one incident.
    s.clock.now = T0 + REJECTION_GAP_MS - 1;
    expect(s.report(victim, 'not-found').effect).toBe('unchanged');
    s.clock.now = T0 + 10 * MINUTE;
    expect(s.report(victim, 'bad-request').effect).toBe('rejection-counted');
    s.clock.now = T0 + 20 * MINUTE;
    const blocked = s.report(victim, 'not-found');
    expect(blocked.effect).toBe('blocked');
    expect(blocked.standing.blockedReason).toMatch(/^3 reports within an hour \(NOT_FOUND at .+, BAD_REQUEST at .+, NOT_FOUND at .+\): blocked until an accepted refresh lists the model again$/);
    const view = () => s.test.catalogue.standings().view(s.current());
    expect(view().blockedReason(s.current().byId.get(victim)!)).toBe(blocked.standing.blockedReason);
    expect(Object.values(picks(s))).not.toContain(victim);
    // OK does not lift a block: the model may answer some requests and not others.
    expect(s.report(victim, 'ok').effect).toBe('unchanged');
    expect(view().blockedReason(s.current().byId.get(victim)!)).not.toBeNull();
    // A refresh that does not list the model: it retires, and stays blocked.
    s.clock.now = T0 + 30 * MINUTE;
    const list = JSON.parse(MODELS.toString('utf8')) as { data: { id: string }[] };
    s.list = Buffer.from(JSON.stringify({ data: list.data.filter((m) => m.id !== model) }));
    expect((await s.test.catalogue.refresh({ trigger: 'admin' })).kind).toBe('accepted');
    const retired = s.current().configs.find((c) => c.modelName === model)!;
    expect(retired.lifecycle).toBe('retired');
    expect(view().blockedReason(retired)).not.toBeNull();
    // The next accepted refresh lists it again: the block is lifted.
    s.clock.now = T0 + 40 * MINUTE;
    s.list = MODELS;
    expect((await s.test.catalogue.refresh({ trigger: 'admin' })).kind).toBe('accepted');
    expect(view().blockedReason(s.current().byId.get(victim)!)).toBeNull();
    expect(Object.values(picks(s))).toContain(victim);
  });

  it('incidents more than an hour apart never block; OK starts the count again', async () => {
    const s = await setup();
    const id = s.current().configs[0]!.id;
    for (let i = 0; i < 6; i += 1) {
      s.clock.now = T0 + i * 31 * MINUTE;
      expect(s.report(id, 'not-found').effect).toBe('rejection-counted');
    }
    s.report(id, 'ok');
    s.clock.now += 2 * MINUTE;
    expect(s.report(id, 'not-found').standing.rejections).toHaveLength(1);
  });
});

describe('the policy is pure and its standings are bounded', () => {
  it('keeps at most three incidents, whatever the reports', () => {
    let standing: Standing = EMPTY_STANDING;
    for (let i = 0; i < 10_000; i += 1) {
      const outcome = (['ok', 'rate-limited', 'unavailable', 'not-found', 'bad-request'] as const)[i % 5]!;
      standing = applyOutcome(standing, { outcome, retryAfterSeconds: i % 7 === 0 ? i : null }, T0 + i * 7_001, DEFAULT_OUTCOME_SETTINGS).standing;
      expect(standing.rejections.length).toBeLessThanOrEqual(3);
      expect(standing.strikes).toBeLessThan(100);
    }
  });
});
