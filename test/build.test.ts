import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A copy of what the build reads, in a temporary directory (dependencies linked, not copied). */
function checkout(withDependencies = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'build-'));
  for (const path of ['src', 'console', 'scripts/build.mjs', 'scripts/build-console.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json']) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  if (withDependencies) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const build = (dir: string, flag: string) => {
  const result = spawnSync(process.execPath, ['scripts/build.mjs', flag], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('npm run build and the stale check before npm start', () => {
  it('builds dist/ when missing, skips a current one, and rebuilds after an edit or a deletion', () => {
    const dir = checkout();
    expect(build(dir, '--check')).toMatchObject({ code: 1, stderr: 'llm-catalogue: dist/ is stale: dist/ is missing\n' });
    const first = build(dir, '--if-stale');
    expect(first.code).toBe(0);
    // Nothing on stdout: `npm run preview` builds this way and its stdout is JSON.
    expect(first.stdout).toBe('');
    expect(first.stderr).toMatch(/^llm-catalogue: building dist\/ \(dist\/ is missing\)\nllm-catalogue: built dist\/ in [\d.]+ s\n$/);
    expect(existsSync(join(dir, 'dist', 'main.js'))).toBe(true);
    // Source maps point back at the TypeScript, so stack traces name src/ lines.
    expect(JSON.parse(readFileSync(join(dir, 'dist', 'main.js.map'), 'utf8')).sources).toEqual(['../src/main.ts']);
    expect(readFileSync(join(dir, 'dist', 'main.js'), 'utf8')).toMatch(/\/\/# sourceMappingURL=main\.js\.map\s*$/);

    // The console (issue 18): bundled with content-hashed names, each text file with its brotli and gzip forms.
    const assets = readdirSync(join(dir, 'dist', 'console', 'assets')).sort();
    expect(assets.filter((name) => !/\.(br|gz)$/.test(name))).toEqual(expect.arrayContaining([expect.stringMatching(/^console-[A-Z0-9]{8}\.js$/), expect.stringMatching(/^console-[A-Z0-9]{8}\.css$/), expect.stringMatching(/^charts-[A-Z0-9]{8}\.js$/)]));
    for (const name of assets.filter((asset) => !/\.(br|gz)$/.test(asset))) expect(assets).toEqual(expect.arrayContaining([`${name}.br`, `${name}.gz`]));
    const html = readFileSync(join(dir, 'dist', 'console', 'index.html'), 'utf8');
    for (const name of assets.filter((asset) => /^console-\w+\.(js|css)$/.test(asset))) expect(html).toContain(`/console/assets/${name}`);

    expect(build(dir, '--if-stale')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(build(dir, '--check').code).toBe(0);

    // An edit to the console makes dist/ stale too: `npm start` rebuilds the page as well as the server.
    appendFileSync(join(dir, 'console', 'src', 'styles.css'), '\n/* an edit */\n');
    expect(build(dir, '--check')).toMatchObject({ code: 1, stderr: 'llm-catalogue: dist/ is stale: sources changed since the last build\n' });
    expect(build(dir, '--if-stale').code).toBe(0);
    expect(build(dir, '--check').code).toBe(0);

    appendFileSync(join(dir, 'src', 'env.ts'), '\n// an edit\n');
    expect(build(dir, '--check')).toMatchObject({ code: 1, stderr: 'llm-catalogue: dist/ is stale: sources changed since the last build\n' });
    expect(build(dir, '--if-stale').stderr).toMatch(/building dist\/ \(sources changed since the last build\)/);
    expect(build(dir, '--check').code).toBe(0);

    rmSync(join(dir, 'src', 'cli', 'preview.ts'));
    expect(build(dir, '--check').code).toBe(1);
    // Three real builds: slow on a busy 2-core machine.
  }, 180_000);

  it('without TypeScript installed, says in one line how to get a build', () => {
    const result = build(checkout(false), '--if-stale');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('llm-catalogue: cannot build dist/ (dist/ is missing): TypeScript or esbuild is not installed; run `npm install` (with dev dependencies), then `npm run build`\n');
  });
});
