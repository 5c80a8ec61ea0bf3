import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import { UpstreamError } from '../src/openrouter/http.js';
import { fetchModels } from '../src/openrouter/models-client.js';
import { parseModelsBody, parseModelsPayload } from '../src/openrouter/models-payload.js';
import { readFixtureBytes, readFixtureJson } from './support/fixtures.js';
import { FakeUpstream } from './support/upstream.js';

describe('model list validation', () => {
  it('parses every model of every real fixture, excerpts included', () => {
    for (const file of ['models-2025-04-24.json', 'models-2025-05-23.json', 'models-2025-12-02.json', 'models-2026-06-16.json', 'excerpts/models-2026-07-30.genai-prices-6-models.json', 'excerpts/models-2026-09-22.whichapiapi-3-models.json']) {
      const body = readFixtureJson<{ data: unknown[] }>('openrouter', file);
      const parsed = parseModelsPayload(body);
      expect(parsed.dropped, file).toEqual([]);
      expect(parsed.models.length, file).toBe(body.data.length);
    }
  });

  it('drops malformed models with their index, id and reason, and keeps the rest', () => {
    const good = { id: 'acme/good', architecture: { output_modalities: ['text'] } };
    const parsed = parseModelsPayload({
      data: [good, { id: 42 }, { name: 'no id' }, null, 'x', { id: 'acme/bad-ctx', context_length: '128000' }, { id: 'acme/bad-pricing', pricing: 'free' }, { id: 'acme/bad-mods', architecture: { output_modalities: 'text' } }, { id: 'acme/bad-created', created: '2025-01-01' }],
    });
    expect(parsed.models.map((m) => m.id)).toEqual(['acme/good']);
    expect(parsed.dropped.map((d) => [d.index, d.id])).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [4, null],
      [5, 'acme/bad-ctx'],
      [6, 'acme/bad-pricing'],
      [7, 'acme/bad-mods'],
      [8, 'acme/bad-created'],
    ]);
    expect(parsed.dropped[0]!.reason).toMatch(/^data\[1\]\.id: .*expected string/);
    expect(parsed.dropped[4]!.reason).toMatch(/^data\[5\]\.context_length: .*expected number/);
    expect(parsed.dropped[6]!.reason).toMatch(/^data\[7\]\.architecture\.output_modalities:/);
  });

  it('drops models whose values the API cannot serve, with the rule that failed', () => {
    const parsed = parseModelsPayload({
      data: [
        { id: 'a/ctx-huge', context_length: 3e9 },
        { id: 'a/ctx-fraction', context_length: 150000.5 },
        { id: 'a/ctx-negative', context_length: -1 },
        { id: 'a/ctx-max', context_length: 2 ** 31 - 1 },
        { id: 'a/new\nline' },
        { id: 'a/del\u007f' },
        { id: 'a/lone\udc00' },
        { id: 'a/emoji-\ud83d\ude00-is-fine' },
        { id: 'a/price', pricing: { prompt: Infinity } },
        { id: 'a/escape-name', name: 'Evil \u001b[2J model' },
      ],
    });
    expect(parsed.models.map((m) => m.id)).toEqual(['a/ctx-max', 'a/emoji-\ud83d\ude00-is-fine']);
    expect(parsed.dropped.map((d) => d.reason)).toEqual([
      'data[0].context_length: must be a whole number of tokens from 0 to 2147483647',
      'data[1].context_length: must be a whole number of tokens from 0 to 2147483647',
      'data[2].context_length: must be a whole number of tokens from 0 to 2147483647',
      'data[4].id: contains control characters or a lone surrogate',
      'data[5].id: contains control characters or a lone surrogate',
      'data[6].id: contains control characters or a lone surrogate',
      expect.stringMatching(/^data\[8\]\.pricing\.prompt: /),
      'data[9].name: contains control characters or a lone surrogate',
    ]);
  });

  it('reads a model with a field nested a million levels deep (unknown fields are never walked)', () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    const parsed = parseModelsBody(Buffer.from(`{"data":[{"id":"a/deep","extra":${deep}},{"id":"a/next"}],"meta":${deep}}`));
    expect(parsed.models.map((m) => m.id)).toEqual(['a/deep', 'a/next']);
    expect(parsed.dropped).toEqual([]);
  });

  it('keeps one copy of each rule parameter however often it is listed, and at most two output modalities', () => {
    const parsed = parseModelsPayload({ data: [{ id: 'a/b', supported_parameters: Array(100_000).fill('tools'), architecture: { output_modalities: Array(100_000).fill('text'), input_modalities: ['image', 'image'] } }] });
    expect(parsed.models[0]).toMatchObject({ supportedParameters: ['tools'], outputModalities: ['text', 'text'], inputModalities: ['image'] });
  });

  it('records the first 100 malformed models with reasons and counts the rest; refuses a list of more than 100,000 entries', () => {
    const parsed = parseModelsPayload({ data: Array.from({ length: 5_000 }, () => ({})) });
    expect(parsed.dropped).toHaveLength(100);
    expect(parsed.malformedCount).toBe(5_000);
    expect(() => parseModelsPayload({ data: Array.from({ length: 100_001 }, () => ({ id: 'a/b' })) })).toThrow('GET /api/v1/models: the list has more than 100000 model objects');
    expect(() => parseModelsBody(Buffer.from(`{"data":[${Array(100_001).fill('{}').join(',')}]}`))).toThrow(expect.objectContaining({ kind: 'too-large' }));
  });

  it('ignores unknown fields and accepts pricing.overrides arrays and numeric discounts', () => {
    const parsed = parseModelsPayload({ data: [{ id: 'a/b', pricing: { prompt: '1', completion: '2', overrides: [{ min_prompt_tokens: 1 }], discount: 0.5 }, whatever: { nested: true } }] });
    expect(parsed.dropped).toEqual([]);
    expect(parsed.models[0]).toMatchObject({ promptPrice: '1', completionPrice: '2' });
  });

  it.each([
    [null, '"data" is missing'],
    [{ data: null }, '"data" is null, expected an array'],
    [{ data: {} }, '"data" is an object, expected an array'],
    [{ data: 'x' }, '"data" is a string, expected an array'],
    [[1, 2], 'body is an array'],
  ])('rejects the envelope %j with a message that says why', (body, message) => {
    const run = () => parseModelsPayload(body === null ? {} : body);
    expect(run).toThrow(UpstreamError);
    expect(run).toThrow(message);
  });
});

describe('model list client over a real socket', () => {
  const upstream = new FakeUpstream();
  const dispatcher = new Agent();
  beforeAll(async () => {
    upstream
      .route('/ok/api/v1/models', (_req, res) => res.end(readFixtureBytes('openrouter', 'models-2026-06-16.json')))
      .json('/html/api/v1/models', '<html><body>Bad gateway</body></html>')
      .json('/null/api/v1/models', { data: null })
      .json('/busy/api/v1/models', '{}', 429, { 'retry-after': '7' })
      .route('/slow/api/v1/models', (_req, res) => {
        res.write('{"data":[');
        setTimeout(() => res.end(']}'), 2_000);
      })
      .route('/huge/api/v1/models', (_req, res) => {
        res.write('{"data":[');
        res.end(Buffer.alloc(2048, 32));
      })
      .route('/redirect/api/v1/models', (_req, res) => {
        res.writeHead(302, { location: `${upstream.baseUrl}/ok/api/v1/models` });
        res.end();
      });
    await upstream.start();
  });
  afterAll(async () => {
    await dispatcher.close();
    await upstream.stop();
  });
  const base = (prefix: string) => `${upstream.baseUrl}/${prefix}`;

  it('fetches and validates the real 2026-06 list, sending the key only when set', async () => {
    const withKey = await fetchModels({ dispatcher, baseUrl: base('ok'), apiKey: 'sk-test-key' });
    expect(withKey.models).toHaveLength(337);
    await fetchModels({ dispatcher, baseUrl: base('ok') });
    const calls = upstream.requests.filter((r) => r.path === '/ok/api/v1/models');
    expect(calls.map((c) => c.authorization)).toEqual(['Bearer sk-test-key', undefined]);
  });

  it('fails on a non-JSON body, naming what it got', async () => {
    await expect(fetchModels({ dispatcher, baseUrl: base('html') })).rejects.toMatchObject({ kind: 'not-json', message: expect.stringContaining('body is not JSON') });
  });

  it('fails on {"data": null}', async () => {
    await expect(fetchModels({ dispatcher, baseUrl: base('null') })).rejects.toMatchObject({ kind: 'bad-shape', message: expect.stringContaining('"data" is null') });
  });

  it('reports status and Retry-After on 429', async () => {
    await expect(fetchModels({ dispatcher, baseUrl: base('busy') })).rejects.toMatchObject({ kind: 'http-status', status: 429, retryAfterSeconds: 7 });
  });

  it('gives up at the overall timeout even while bytes trickle in', async () => {
    await expect(fetchModels({ dispatcher, baseUrl: base('slow'), timeoutMs: 300 })).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('stops reading past the size cap', async () => {
    await expect(fetchModels({ dispatcher, baseUrl: base('huge'), maxBytes: 1024 })).rejects.toMatchObject({ kind: 'too-large' });
  });

  it('does not follow redirects', async () => {
    await expect(fetchModels({ dispatcher, baseUrl: base('redirect') })).rejects.toMatchObject({ kind: 'http-status', status: 302, message: expect.stringContaining('redirect not followed') });
    expect(upstream.count('/ok/api/v1/models')).toBe(2);
  });

  it('honours the caller abort signal', async () => {
    const controller = new AbortController();
    const pending = fetchModels({ dispatcher, baseUrl: base('slow') }, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('reports a refused connection as a transport failure', async () => {
    await expect(fetchModels({ dispatcher, baseUrl: 'http://127.0.0.1:1' })).rejects.toMatchObject({ kind: 'transport' });
  });
});
