import { mkdtempSync, writeFileSync } from 'node:fs';
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
