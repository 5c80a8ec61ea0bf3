import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REDIS_MISSING, RedisServer } from './support/redis-server.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const run = promisify(execFile);

describe('the test suite explains its own prerequisites', () => {
  it('without redis-server, starting Redis fails with one line that says how to install it', async () => {
    await expect(RedisServer.start({ command: 'redis-server-not-installed' })).rejects.toThrow(REDIS_MISSING);
    expect(REDIS_MISSING).not.toContain('\n');
    expect(REDIS_MISSING).toMatch(/apt-get install redis-server/);
  });

  it('the summary line counts a suite whose beforeAll failed as failed, never "0 failed"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-'));
    writeFileSync(
      join(dir, 'hook.test.ts'),
      "import { beforeAll, describe, it } from 'vitest';\n" +
        "describe('needs a server', () => {\n  beforeAll(() => { throw new Error('spawn redis-server ENOENT'); });\n  it('a', () => {});\n  it('b', () => {});\n});\n" +
        "it('passes', () => {});\n",
    );
    const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
    const reporter = join(ROOT, 'test', 'support', 'summary-reporter.ts');
    const result = await run(process.execPath, [vitest, 'run', '--root', dir, '--reporter', reporter], { cwd: dir, env: { PATH: process.env.PATH, CI: '1' } }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('vitest: 1 passed, 1 failed, 2 skipped (1 outside tests, first: hook.test.ts > needs a server: spawn redis-server ENOENT)');
  });
});
