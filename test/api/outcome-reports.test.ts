import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { execute, listen, post } from '../support/api.js';
import { LoopbackClient } from '../support/clients.js';
import { FakeCatalogue, fixtureVersion } from '../support/fake-catalogue.js';
import { AutoPickQuery, AvailabilityQuery, RefreshMutation, ReportOutcomeMutation } from './operations.js';

/**
 * Issue 17 through the API: `reportModelOutcome` and its own credential, `availability`,
 * `cooldownUntil` / `blockedReason`, `autoPick` with requirements, and where the Auto entry is listed.
 */

const SERVICE = 'service-token-0123456789abcdefgh';
const ADMIN = 'admin-token-0123456789abcdefghij';

function setup(options: { serviceToken?: string | null; apiKey?: string } = {}) {
  const logs: string[] = [];
  const catalogue = new FakeCatalogue(fixtureVersion(options.apiKey ? { apiKey: options.apiKey } : {}));
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(line), secrets: [SERVICE, ADMIN] });
  const app = createApp({ catalogue, adminToken: ADMIN, serviceToken: options.serviceToken === undefined ? SERVICE : options.serviceToken, logger, graphiql: false, limits: { pointsPerSecond: 0 } });
  return { app, catalogue, logs };
}
const asService = { authorization: `Bearer ${SERVICE}` };

describe('reportModelOutcome is the service token’s, and only its', () => {
  const unauthenticated = (code = 'UNAUTHENTICATED') => ({
    data: null,
    errors: [expect.objectContaining({ message: 'Not authenticated: send "Authorization: Bearer <service token>"', extensions: { code }, path: ['reportModelOutcome'] })],
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: `Bearer ${SERVICE}x` }],
    ['the admin token', { authorization: `Bearer ${ADMIN}` }],
    ['a prefix of the token', { authorization: `Bearer ${SERVICE.slice(0, -1)}` }],
    ['the token without a scheme', { authorization: SERVICE }],
    ['two tokens', { authorization: `Bearer ${SERVICE} ${SERVICE}` }],
  ])('%s → UNAUTHENTICATED, nothing recorded, refusal logged without the token', async (_name, headers: Record<string, string>) => {
    const { app, catalogue, logs } = setup();
    const id = catalogue.version!.configs[5]!.id;
    const { body } = await execute(app, ReportOutcomeMutation, { configId: id, outcome: 'RATE_LIMITED' }, headers);
    expect(body).toEqual(unauthenticated());
    expect(catalogue.book.size).toBe(0);
    const refusal = logs.find((line) => line.includes('service authentication refused'));
    expect(JSON.parse(refusal!)).toMatchObject({ level: 'warn', scope: 'service', reason: expect.stringMatching(/^(no token|wrong token|malformed header)$/) });
    for (const line of logs) {
      expect(line).not.toContain(SERVICE);
      expect(line).not.toContain(ADMIN);
    }
  });

  it('the service token does not open refreshCatalogue', async () => {
    const { app, catalogue } = setup();
    const { body } = await execute(app, RefreshMutation, {}, asService);
    expect(body.errors![0]).toMatchObject({ message: 'Not authenticated: send "Authorization: Bearer <admin token>"', extensions: { code: 'UNAUTHENTICATED' } });
    expect(catalogue.refreshCalls).toBe(0);
  });

  it('is FORBIDDEN for everyone when no service token is configured', async () => {
    const { app, catalogue } = setup({ serviceToken: null });
    for (const headers of [{}, asService, { authorization: `Bearer ${ADMIN}` }] as Record<string, string>[]) {
      const { body } = await execute(app, ReportOutcomeMutation, { configId: catalogue.version!.configs[0]!.id, outcome: 'NOT_FOUND' }, headers);
      expect(body.errors![0]).toMatchObject({ message: 'Forbidden: no service token is configured on this server, so outcome reports are disabled', extensions: { code: 'FORBIDDEN' } });
    }
    expect(catalogue.book.size).toBe(0);
  });

  it('refused attempts at either credential are throttled per address, together', async () => {
    const { app, catalogue, logs } = setup();
    const listening = await listen(createApp({ catalogue, adminToken: ADMIN, serviceToken: SERVICE, logger: createLogger({ write: (line) => logs.push(line) }), graphiql: false, limits: { pointsPerSecond: 0, adminAttemptsPerMinute: 6 } }));
    const guesser = new LoopbackClient('127.0.0.8');
    try {
      const report = { query: `mutation { reportModelOutcome(configId: ${catalogue.version!.configs[0]!.id}, outcome: OK) { effect } }` };
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await guesser.post(listening.base, report, { authorization: `Bearer guess-${i}-${'x'.repeat(20)}` })).status);
      for (let i = 0; i < 3; i += 1) statuses.push((await guesser.post(listening.base, { query: 'mutation { refreshCatalogue { __typename } }' }, { authorization: `Bearer guess-${i}-${'y'.repeat(20)}` })).status);
      const throttled = await guesser.post(listening.base, report, asService);
      expect([...statuses, throttled.status]).toEqual([401, 401, 401, 401, 401, 401, 429]);
      expect(throttled.json.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Too many refused credential attempts from this address: retry in \d+ s$/), extensions: { code: 'RATE_LIMITED' } });
      expect(logs.filter((line) => line.includes('authentication throttled'))).toHaveLength(1);
      // Another address with the right token gets through.
      const other = new LoopbackClient('127.0.0.9');
      expect((await other.post(listening.base, report, asService)).json).toEqual({ data: { reportModelOutcome: { effect: 'UNCHANGED' } } });
      await other.close();
    } finally {
      await guesser.close();
      await listening.close();
    }
  });
});

describe('reportModelOutcome refuses what it cannot apply', () => {
  it.each([
    [123_456, 'configId: no config with id 123456 in the served catalogue'],
    [0, 'configId: no config with id 0 in the served catalogue (0 is Auto itself: report the config it picked)'],
  ])('an unknown id (%s) is BAD_USER_INPUT naming it', async (configId, message) => {
    const { app, catalogue } = setup();
    const { body } = await execute(app, ReportOutcomeMutation, { configId, outcome: 'RATE_LIMITED' }, asService);
    expect(body).toEqual({ data: null, errors: [expect.objectContaining({ message, extensions: { code: 'BAD_USER_INPUT' }, path: ['reportModelOutcome'] })] });
    expect(catalogue.book.size).toBe(0);
  });

  it.each([-1, 86_401, 2_000_000_000])('retryAfterSeconds %s is BAD_USER_INPUT', async (retryAfterSeconds) => {
    const { app, catalogue } = setup();
    const { body } = await execute(app, ReportOutcomeMutation, { configId: catalogue.version!.configs[0]!.id, outcome: 'RATE_LIMITED', retryAfterSeconds }, asService);
    expect(body.errors![0]).toMatchObject({ message: `retryAfterSeconds must be from 0 to 86400 (one day), got ${retryAfterSeconds}`, extensions: { code: 'BAD_USER_INPUT' } });
    expect(catalogue.book.size).toBe(0);
  });
});

describe('what a report changes, as clients read it', () => {
  it('RATE_LIMITED: a cooldown on the config, in availability and autoPick, until it ends; OK clears it', async () => {
    const { app, catalogue } = setup({ apiKey: 'sk-or-test' });
    const before = (await execute(app, AutoPickQuery, { threadId: 't-1', premiumEligible: false })).body.data!.autoPick;
    const victim = before.chosen!.id;
    const { body } = await execute(app, ReportOutcomeMutation, { configId: victim, outcome: 'RATE_LIMITED', retryAfterSeconds: 120 }, asService);
    const until = new Date(catalogue.clock.now + 120_000).toISOString();
    expect(body).toEqual({
      data: {
        reportModelOutcome: {
          effect: 'COOLDOWN_STARTED',
          message: `cooling down for 120 s, until ${until} (failure 1 in a row)`,
          config: { id: victim, cooldownUntil: until, blockedReason: null, availability: { available: false, reasons: ['COOLING_DOWN'] } },
        },
      },
    });
    const during = (await execute(app, AutoPickQuery, { threadId: 't-1', premiumEligible: false })).body.data!.autoPick;
    expect(during.chosen!.id).not.toBe(victim);
    expect(during.excluded).toContainEqual({ reason: 'COOLING_DOWN', count: 1, message: `1 cooling down after failures: the first is usable again at ${until}` });
    const listed = (await execute(app, AvailabilityQuery, {})).body.data!.llmConfigs.find((c) => c.id === victim);
    expect(listed).toMatchObject({ cooldownUntil: until, availability: { available: false, reasons: ['COOLING_DOWN'] } });
    catalogue.clock.now += 120_000;
    expect((await execute(app, AutoPickQuery, { threadId: 't-1', premiumEligible: false })).body.data!.autoPick).toEqual(before);
    await execute(app, ReportOutcomeMutation, { configId: victim, outcome: 'UNAVAILABLE' }, asService);
    expect((await execute(app, ReportOutcomeMutation, { configId: victim, outcome: 'OK' }, asService)).body.data!.reportModelOutcome.effect).toBe('COOLDOWN_CLEARED');
  });

  it('NOT_FOUND three times, a minute or more apart: BLOCKED with the reason', async () => {
    const { app, catalogue } = setup();
    const id = catalogue.version!.configs[0]!.id;
    const effects: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      effects.push((await execute(app, ReportOutcomeMutation, { configId: id, outcome: i === 1 ? 'BAD_REQUEST' : 'NOT_FOUND' }, asService)).body.data!.reportModelOutcome.effect);
      catalogue.clock.now += 61_000;
    }
    expect(effects).toEqual(['REJECTION_COUNTED', 'REJECTION_COUNTED', 'BLOCKED', 'UNCHANGED']);
    const listed = (await execute(app, AvailabilityQuery, {})).body.data!.llmConfigs.find((c) => c.id === id)!;
    expect(listed.blockedReason).toMatch(/^3 reports within an hour \(NOT_FOUND at .*\): blocked until an accepted refresh lists the model again$/);
    expect(listed.availability).toEqual({ available: false, reasons: ['BLOCKED'] });
    // A config left out for several reasons gives each.
    const other = catalogue.version!.configs.find((c) => !c.hasCredential && !c.healthGated)!.id;
    for (let i = 0; i < 3; i += 1) {
      await execute(app, ReportOutcomeMutation, { configId: other, outcome: 'NOT_FOUND' }, asService);
      catalogue.clock.now += 61_000;
    }
    expect((await execute(app, AvailabilityQuery, {})).body.data!.llmConfigs.find((c) => c.id === other)!.availability).toEqual({ available: false, reasons: ['NO_CREDENTIAL', 'BLOCKED'] });
  });
});

describe('availability in llmConfigs', () => {
  it('follows the requirements of its own list: two aliases with different requirements in one request', async () => {
    const { app } = setup({ apiKey: 'sk-or-test' });
    const { body } = await post<{ image: { id: number; supportsImageInput: boolean; availability: { available: boolean; reasons: string[] } }[]; any: { availability: { available: boolean; reasons: string[] } }[]; one: { availability: { reasons: string[] } } }>(app, {
      query: '{ image: llmConfigs(requirements: { imageInput: true }) { id supportsImageInput availability { available reasons } } any: llmConfigs { availability { available reasons } } one: llmConfig(id: -1) { availability { reasons } } }',
    });
    expect(body.errors).toBeUndefined();
    const { image, any } = body.data!;
    expect(image).toHaveLength(any.length);
    for (const config of image) {
      if (!config.supportsImageInput) expect(config.availability.reasons).toContain('MISSING_IMAGE_INPUT');
      else expect(config.availability.reasons).not.toContain('MISSING_IMAGE_INPUT');
    }
    expect(any.some((config) => config.availability.reasons.includes('MISSING_IMAGE_INPUT'))).toBe(false);
    // Without requirements: only what keeps a config from serving any turn (here one gated config, one operator config without a key).
    expect(any.filter((config) => !config.availability.available).map((config) => config.availability.reasons)).toEqual([['NO_CREDENTIAL'], ['GATED']]);
    expect(body.data!.one.availability.reasons).toEqual([]);
  });

  it('refuses requirements that cannot be met, naming them', async () => {
    const { app } = setup();
    for (const [requirements, message] of [
      [{ minContextLength: -1 }, 'requirements.minContextLength must be 0 or more, got -1'],
      [{ maxPromptPrice: -0.5 }, 'requirements.maxPromptPrice must be 0 or more, got -0.5'],
    ] as const) {
      const { body } = await execute(app, AvailabilityQuery, { requirements });
      expect(body.errors![0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
    }
  });
});

describe('autoPick never answers a bare null', () => {
  it('no config can serve the turn: chosen is null and the reason names each group and what to do', async () => {
    const { app } = setup({ apiKey: 'sk-or-test' });
    const { body } = await execute(app, AutoPickQuery, { threadId: 't', premiumEligible: false, requirements: { imageInput: true, maxPromptPrice: 0, minContextLength: 2_000_000 } });
    const pick = body.data!.autoPick;
    expect(pick).toMatchObject({ chosen: null, pool: [], index: null, candidateCount: 0, consideredCount: 230 });
    expect(pick.excluded.map((group) => group.reason)).toEqual(['MISSING_IMAGE_INPUT', 'CONTEXT_TOO_SHORT', 'OVER_PRICE_CAP', 'NO_CREDENTIAL', 'GATED', 'PREMIUM_NOT_ELIGIBLE']);
    expect(pick.reason).toBe(`No config can serve this turn: of 230 configs, ${pick.excluded.map((group) => group.message).join('; ')}.`);
    expect(pick.excluded.find((group) => group.reason === 'OVER_PRICE_CAP')!.message).toMatch(/^\d+ over the price cap of 0 USD per million prompt tokens \(or no known price\): raise maxPromptPrice to include them$/);
  });

  it('without a credential: every OpenRouter config, and what to set', async () => {
    const { app } = setup();
    const pick = (await execute(app, AutoPickQuery, { threadId: 't', premiumEligible: true })).body.data!.autoPick;
    // The Azure operator config has a key of its own; the 228 OpenRouter models and the local Llama have none.
    expect(pick.chosen).toMatchObject({ id: -1 });
    expect(pick.excluded).toContainEqual({ reason: 'NO_CREDENTIAL', count: 229, message: '229 without a credential: set OPENROUTER_API_KEY (or api_key under openrouter_integration in the operator file); give the operator config an api_key' });
  });

  it('refuses an exclusion list over 1,000 ids', async () => {
    const { app } = setup();
    const { body } = await execute(app, AutoPickQuery, { threadId: 't', premiumEligible: true, excludeIds: Array.from({ length: 1001 }, (_, i) => -i) });
    expect(body.errors![0]).toMatchObject({ message: 'excludeIds has 1001 ids; at most 1000 are accepted', extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('includeAuto lists the Auto entry only where it belongs', () => {
  const ids = async (filter: Record<string, unknown> | null) => {
    const { app } = setup({ apiKey: 'sk-or-test' });
    const { body } = await execute(app, AvailabilityQuery, { includeAuto: true, ...(filter ? { filter } : {}) });
    expect(body.errors).toBeUndefined();
    return body.data!.llmConfigs;
  };
  it.each([
    [null, true],
    [{ tier: 'FREE' }, true],
    [{ tier: 'PREMIUM' }, false],
    [{ search: 'auto' }, true],
    [{ search: 'gpt' }, false],
    [{ source: 'OPENROUTER' }, false],
    [{ provider: 'openrouter' }, false],
    [{ author: 'openai' }, false],
    [{ capability: ['IMAGE_INPUT'] }, false],
    [{ lifecycle: ['RETIRED'] }, false],
  ])('filter %j → listed: %s', async (filter, listed) => {
    const configs = await ids(filter as Record<string, unknown> | null);
    expect(configs[0]?.id === 0).toBe(listed);
    expect(configs.filter((config) => config.id === 0)).toHaveLength(listed ? 1 : 0);
  });

  it('is available when any config is, for the list’s requirements', async () => {
    const { app } = setup({ apiKey: 'sk-or-test' });
    const fine = (await execute(app, AvailabilityQuery, { includeAuto: true, requirements: { imageInput: true } })).body.data!.llmConfigs[0]!;
    expect(fine).toMatchObject({ id: 0, availability: { available: true, reasons: [] } });
    const none = (await execute(app, AvailabilityQuery, { includeAuto: true, requirements: { minContextLength: 50_000_000 } })).body.data!.llmConfigs[0]!;
    expect(none).toMatchObject({ id: 0, availability: { available: false } });
    expect(none.availability.reasons).toContain('CONTEXT_TOO_SHORT');
  });
});

describe('cached answers follow the standings', () => {
  it('a report, and a cooldown ending, are seen by the very next request', async () => {
    const { app, catalogue } = setup({ apiKey: 'sk-or-test' });
    const listening = await listen(app);
    const client = new LoopbackClient('127.0.0.10');
    const query = { query: '{ llmConfigs(filter: { tier: FREE }) { id availability { available } } }' };
    const available = async (id: number) => ((await client.post(listening.base, query)).json.data as { llmConfigs: { id: number; availability: { available: boolean } }[] }).llmConfigs.find((c) => c.id === id)!.availability.available;
    try {
      const id = catalogue.version!.configs.find((c) => c.billingTier === 'free' && c.hasCredential && !c.healthGated)!.id;
      for (let i = 0; i < 3; i += 1) expect(await available(id)).toBe(true);
      expect(app.responseCache.stats().entries).toBeGreaterThan(0);
      expect((await client.post(listening.base, { query: `mutation { reportModelOutcome(configId: ${id}, outcome: RATE_LIMITED) { effect } }` }, asService)).json.data).toEqual({ reportModelOutcome: { effect: 'COOLDOWN_STARTED' } });
      expect(await available(id)).toBe(false);
      expect(await available(id)).toBe(false);
      catalogue.clock.now += 600_000;
      expect(await available(id)).toBe(true);
    } finally {
      await client.close();
      await listening.close();
    }
  });
});

