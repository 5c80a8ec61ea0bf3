import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixtureBytes, readFixtureJson, MODELS_DIR } from './support/fixtures.js';
import { FakeUpstream } from './support/upstream.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/preview.js', import.meta.url));

async function preview(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('preview CLI (the bin entry, as an operator runs it)', () => {
  const upstream = new FakeUpstream();
  beforeAll(async () => {
    upstream.route('/api/v1/models', (_req, res) => res.end(readFixtureBytes('openrouter', 'models-2025-12-02.json')));
    await upstream.start();
  });
  afterAll(() => upstream.stop());

  it('prints the reference configs for a file at a fixed clock, without api_key, and a summary line', async () => {
    const vector = readFixtureJson<{ configs: unknown[] }>('conformance', 'configs-2026-06-16-custom-now1781740800.json');
    const dir = mkdtempSync(join(tmpdir(), 'preview-'));
    const yaml = join(dir, 'c.yaml');
    const settings = readFixtureJson<{ settings: Record<string, unknown> }>('conformance', 'configs-2026-06-16-custom-now1781740800.json').settings;
    writeFileSync(yaml, `openrouter_integration: ${JSON.stringify(settings)}\n`);
    const result = await preview(['--models', join(MODELS_DIR, 'models-2026-06-16.json'), '--config', yaml, '--now', '1781740800']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(vector.configs);
    expect(result.stdout).not.toContain('api_key');
    expect(result.stdout).not.toContain('sk-or-SECRET');
    expect(result.stderr.trim()).toBe(
      'kept 228 (free 17, premium 211; yaml 0, openrouter 228); dropped 109: no-tool-calling 76, not-text-only-output 11, context-below-100k 12, excluded-model 5, excluded-provider 5, malformed 0',
    );
  });

  it('fetches live from OPENROUTER_BASE_URL when no --models is given', async () => {
    const result = await preview(['--now', '1764806400'], { OPENROUTER_BASE_URL: upstream.baseUrl, OPENROUTER_API_KEY: 'sk-cli-key' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(readFixtureJson<{ configs: unknown[] }>('conformance', 'configs-2025-12-02-default-now1764806400.json').configs);
    expect(upstream.requests.at(-1)?.authorization).toBe('Bearer sk-cli-key');
  });

  it('prints litellm_params without credential-like entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'preview-'));
    writeFileSync(join(dir, 'c.yaml'), 'global_llm_configs:\n  - { id: -1, name: A, provider: AZURE, model_name: m, litellm_params: { api_key: PREVIEW-MARKER-1, temperature: 0.3 } }\nopenrouter_integration:\n  litellm_params: { client_secret: PREVIEW-MARKER-2, top_p: 0.9 }\n');
    const result = await preview(['--models', join(MODELS_DIR, 'models-2026-06-16.json'), '--config', join(dir, 'c.yaml'), '--now', '1781740800']);
    expect(result.code).toBe(0);
    const configs = JSON.parse(result.stdout) as { litellm_params: unknown }[];
    expect(configs[0]!.litellm_params).toEqual({ temperature: 0.3 });
    expect(configs[1]!.litellm_params).toEqual({ top_p: 0.9 });
    expect(result.stdout + result.stderr).not.toContain('PREVIEW-MARKER');
  });

  it('fails with a clear message on bad input', async () => {
    const badNow = await preview(['--now', 'yesterday']);
    expect(badNow).toMatchObject({ code: 1, stdout: '' });
    expect(badNow.stderr).toContain('--now must be a whole number');
    const dir = mkdtempSync(join(tmpdir(), 'preview-'));
    writeFileSync(join(dir, 'bad.json'), '{"data": null}');
    const badModels = await preview(['--models', join(dir, 'bad.json')]);
    expect(badModels.code).toBe(1);
    expect(badModels.stderr).toContain('"data" is null');
    writeFileSync(join(dir, 'bad.yaml'), 'openrouter_integration:\n  rpm: many\n');
    const badYaml = await preview(['--models', join(MODELS_DIR, 'models-2026-06-16.json'), '--config', join(dir, 'bad.yaml')]);
    expect(badYaml.stderr).toContain('openrouter_integration.rpm: expected number, got string');
  });
});
