import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startServer } from '../support/server-process.js';

/** The operator YAML as the real server reads it. */

const OFFLINE = 'http://127.0.0.1:1';
const workDir = () => mkdtempSync(join(tmpdir(), 'operator-file-'));

describe('credentials in litellm_params are never served (issue 12.5)', () => {
  it('at any depth, in operator configs and the OpenRouter block: not in any response or log line', async () => {
    const markers = Array.from({ length: 9 }, (_, i) => `CRED-MARKER-${i}-7c1e`);
    const yaml = `global_llm_configs:
  - id: -1
    name: Azure
    provider: AZURE
    model_name: gpt-5.1
    litellm_params:
      api_key: ${markers[0]}
      temperature: 0.2
      max_tokens: 16384
      input_cost_per_token: 0.00000125
      vertex_credentials: { type: service_account, private_key: ${markers[1]} }
      extra_headers: { Authorization: "Bearer ${markers[2]}", X-Source: catalogue }
      fallbacks: [{ model: gpt-5-mini, api_key: ${markers[3]} }]
      aws_secret_access_key: ${markers[4]}
      azure_ad_token: ${markers[5]}
      db_password: ${markers[6]}
      note: sk-${markers[7]}
openrouter_integration:
  litellm_params: { api_key: ${markers[8]}, temperature: 0.1 }
`;
    const dir = workDir();
    writeFileSync(join(dir, 'catalogue.yaml'), yaml);
    const server = await startServer({ CATALOGUE_CONFIG: join(dir, 'catalogue.yaml'), OPENROUTER_BASE_URL: OFFLINE, DATA_DIR: dir });
    try {
      const response = await request(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ llmConfigs { id litellmParams } llmConfig(id: -1) { litellmParams } }' }),
      });
      const text = await response.body.text();
      const body = JSON.parse(text) as { data: { llmConfigs: { id: number; litellmParams: Record<string, unknown> }[]; llmConfig: { litellmParams: unknown } } };
      expect(body.data.llmConfig.litellmParams).toEqual({ temperature: 0.2, max_tokens: 16384, input_cost_per_token: 0.00000125, extra_headers: { 'X-Source': 'catalogue' }, fallbacks: [{ model: 'gpt-5-mini' }] });
      expect(body.data.llmConfigs.find((config) => config.id !== -1)!.litellmParams).toEqual({ temperature: 0.1 });
      for (const text_ of [text, ...server.logs]) for (const marker of markers) expect(text_).not.toContain(marker);
      expect(server.logs.some((line) => line.includes('kept server-side and never served') && line.includes('global_llm_configs[0].litellm_params.api_key'))).toBe(true);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});

describe('a hostile or broken operator file never hangs or crashes startup (issue 12.9)', () => {
  const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
  const cases: Record<string, { make: (path: string) => void; problem: RegExp }> = {
    'a FIFO nobody writes to': { make: (path) => execFileSync('mkfifo', [path]), problem: /cannot read the file: it is a FIFO, not a regular file/ },
    'a symlink to /dev/zero': { make: (path) => symlinkSync('/dev/zero', path), problem: /cannot read the file: it is a character device, not a regular file/ },
    'a directory': { make: (path) => mkdirSync(path), problem: /cannot read the file: it is a directory, not a regular file/ },
    'a 2 MiB file': { make: (path) => writeFileSync(path, `# ${'x'.repeat(2 * 1024 * 1024)}\n`), problem: /cannot read the file: it is \d+ bytes, over the 1048576-byte limit/ },
    'billion laughs': { make: (path) => writeFileSync(path, `${laughs}\n`), problem: /line \d+, column \d+: aliases expand the document past 100000 values/ },
    'a wide alias expansion': {
      make: (path) => writeFileSync(path, `x: &x [${Array.from({ length: 5_000 }, (_, i) => i).join(',')}]\ny: [${Array(90).fill('*x').join(',')}]\n`),
      problem: /line 2, column \d+: aliases expand the document past 100000 values/,
    },
    'an alias with no anchor': { make: (path) => writeFileSync(path, 'openrouter_integration:\n  litellm_params: *nothing\n'), problem: /line 2, column 19: alias \*nothing has no anchor &nothing before it/ },
    'nesting 200,000 levels deep': { make: (path) => writeFileSync(path, `x: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`), problem: /nested deeper than 64 levels/ },
    'an invalid file of 1 MiB': { make: (path) => writeFileSync(path, Array.from({ length: 48_000 }, (_, i) => `k${i}: [x\n`).join('').slice(0, 1024 * 1024)), problem: /line 2, column 1: .*\n(.*\n){19}.*… and \d+ more problems/ },
  };
  for (const [name, { make, problem }] of Object.entries(cases)) {
    it(`${name}: exits 1 at once with the path and the problem, no stack`, async () => {
      const dir = workDir();
      const path = join(dir, 'catalogue.yaml');
      make(path);
      const started = Date.now();
      const failure = await startServer({ CATALOGUE_CONFIG: path, OPENROUTER_BASE_URL: OFFLINE, DATA_DIR: dir }).then(
        async (server) => {
          server.child.kill('SIGKILL');
          await server.exited;
          return new Error('the server started');
        },
        (error: unknown) => error as Error,
      );
      expect(failure.message).toMatch(/server exited \(1\) before listening/);
      expect(failure.message).toContain(`llm-catalogue: ${path} is invalid:`);
      expect(failure.message).toMatch(problem);
      expect(failure.message).not.toMatch(/Error:|\n\s+at /);
      expect(Date.now() - started).toBeLessThan(10_000);
    });
  }
});
