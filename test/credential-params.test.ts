import { describe, expect, it } from 'vitest';
import { isCredentialKey, withoutCredentials } from '../src/config/credential-params.js';
import { parseOperatorConfig } from '../src/config/operator-config.js';
import { curatedConfig } from '../src/catalogue/config-factory.js';

describe('credential-like keys in litellm_params (issue 12.5)', () => {
  it.each([
    'api_key', 'API_KEY', 'apiKey', 'x-api-key', 'api-key', 'apikey', 'openai_api_key', 'key', 'master_key', 'private_key', 'aws_access_key_id',
    'aws_secret_access_key', 'client_secret', 'clientSecret', 'secret', 'webhook_secret_v2',
    'token', 'azure_ad_token', 'aws_session_token', 'aws_web_identity_token', 'accessToken', 'authtoken', 'refresh_token',
    'password', 'db_password', 'azure_password', 'passwd', 'vertex_credentials', 'credentials', 'Authorization', 'cookie',
  ])('%s is a credential', (key) => expect(isCredentialKey(key)).toBe(true));

  it.each([
    'max_tokens', 'max_input_tokens', 'max_output_tokens', 'max_completion_tokens', 'input_cost_per_token', 'output_cost_per_token',
    'cache_read_input_token_cost', 'cache_creation_input_token_cost', 'output_cost_per_reasoning_token', 'input_cost_per_token_above_128k_tokens',
    'temperature', 'top_p', 'model', 'api_base', 'api_version', 'region_name', 'vertex_project', 'vertex_location', 'timeout', 'stream', 'tokenizer',
  ])('%s is not', (key) => expect(isCredentialKey(key)).toBe(false));

  it('takes them out at any depth, with credential objects and credential-looking values, and says where', () => {
    const { served, hiddenPaths } = withoutCredentials(
      {
        api_key: 'k1',
        temperature: 0.2,
        max_tokens: 100,
        vertex_credentials: { type: 'service_account', private_key: 'k2' },
        extra_headers: { Authorization: 'Bearer k3', 'X-Request-Source': 'catalogue' },
        fallbacks: [{ model: 'x', api_key: 'k4' }, 'Bearer k5'],
        extra_body: { note: 'sk-or-v1-0123456789abcdef', nested: [{ deep: { aws_secret_access_key: 'k6', region: 'eu' } }] },
      },
      'p',
    );
    expect(served).toEqual({
      temperature: 0.2,
      max_tokens: 100,
      extra_headers: { 'X-Request-Source': 'catalogue' },
      fallbacks: [{ model: 'x' }],
      extra_body: { nested: [{ deep: { region: 'eu' } }] },
    });
    expect(hiddenPaths).toEqual([
      'p.api_key',
      'p.vertex_credentials',
      'p.extra_headers.Authorization',
      'p.fallbacks[0].api_key',
      'p.fallbacks[1]',
      'p.extra_body.note',
      'p.extra_body.nested[0].deep.aws_secret_access_key',
    ]);
  });

  it('the loaded settings serve configs without them, keep the full params as secrets, and warn with paths only', () => {
    const config = parseOperatorConfig(
      'global_llm_configs:\n  - id: -1\n    name: A\n    provider: AZURE\n    model_name: m\n    litellm_params: { api_key: SECRET-ONE, temperature: 0.2, input_cost_per_token: 0.000001 }\n' +
        'openrouter_integration:\n  litellm_params: { azure_ad_token: SECRET-TWO, max_tokens: 4096 }\n',
      'x.yaml',
    );
    expect(curatedConfig(config.curatedModels[0]!).litellmParams).toEqual({ temperature: 0.2, input_cost_per_token: 0.000001 });
    expect(curatedConfig(config.curatedModels[0]!).staticBreakdown.priceBand).toBe(9);
    expect(config.openRouter.litellmParams).toEqual({ max_tokens: 4096 });
    expect(config.secrets.litellmParamsById.get(-1)).toEqual({ api_key: 'SECRET-ONE', temperature: 0.2, input_cost_per_token: 0.000001 });
    expect(config.secrets.openRouterLitellmParams).toEqual({ azure_ad_token: 'SECRET-TWO', max_tokens: 4096 });
    expect(config.warnings).toEqual(['litellm_params entries that look like credentials are kept server-side and never served: openrouter_integration.litellm_params.azure_ad_token, global_llm_configs[0].litellm_params.api_key']);
    expect(JSON.stringify([config.curatedModels, config.openRouter, config.warnings])).not.toMatch(/SECRET-/);
  });
});
