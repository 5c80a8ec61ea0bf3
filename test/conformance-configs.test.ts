import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../src/catalogue/build.js';
import { toReferenceConfig } from '../src/catalogue/reference-shape.js';
import { claimStableId } from '../src/catalogue/stable-id.js';
import { loadOperatorConfig } from '../src/config/operator-config.js';
import { parseModelsPayload } from '../src/openrouter/models-payload.js';
import { conformanceFiles, readFixtureJson } from './support/fixtures.js';

interface ConfigsVector {
  input: string;
  now: number;
  settings: Record<string, unknown>;
  configs: Record<string, unknown>[];
}

const workDir = mkdtempSync(join(tmpdir(), 'llm-catalogue-conformance-'));

describe('configs generated from real OpenRouter payloads match the original exactly', () => {
  const files = conformanceFiles('configs-');
  it('has all 16 vectors', () => expect(files).toHaveLength(16));

  for (const file of files) {
    it(file, async () => {
      const vector = readFixtureJson<ConfigsVector>('conformance', file);
      // The settings go through a real YAML file and the real loader, as an operator would write them.
      const yamlPath = join(workDir, `${file}.yaml`);
      writeFileSync(yamlPath, stringify({ openrouter_integration: vector.settings }));
      const operator = await loadOperatorConfig(yamlPath);
      const payload = parseModelsPayload(readFixtureJson('openrouter', vector.input));
      const built = buildCatalogue(operator, payload, vector.now);
      const actual = built.configs.map(toReferenceConfig);
      expect(actual.length).toBe(vector.configs.length);
      actual.forEach((config, index) => expect(config, `config #${index} (${vector.configs[index]?.model_name})`).toEqual(vector.configs[index]));
      expect(payload.dropped).toEqual([]);
    });
  }
});

describe('stable ids', () => {
  it('reproduces stable-ids-20000.json in order, collisions included', () => {
    const vector = readFixtureJson<{ offset: number; collisions: number; pairs: [string, number][] }>('conformance', 'stable-ids-20000.json');
    const taken = new Set<number>();
    let collisions = 0;
    const actual = vector.pairs.map(([modelId]) => {
      const before = taken.size;
      const id = claimStableId(modelId, vector.offset, taken);
      if (taken.size !== before + 1) throw new Error('id not claimed');
      return [modelId, id] as [string, number];
    });
    expect(actual).toEqual(vector.pairs);
    // A collision is an id below its hash base; count them independently of the vector.
    for (const [modelId, id] of actual) if (id !== claimStableId(modelId, vector.offset, new Set())) collisions += 1;
    expect(collisions).toBe(vector.collisions);
  });
});
