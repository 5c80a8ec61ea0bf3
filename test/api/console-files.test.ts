import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { CONSOLE_CSP, ConsoleNotBuiltError, loadConsoleSite } from '../../src/http/console.js';
import { silentLogger } from '../../src/logger.js';
import { BUILT_CONSOLE } from '../support/console-server.js';
import { FakeCatalogue } from '../support/fake-catalogue.js';

/**
 * Issue 18: how the console's files are served (in-process, through every plugin of the app): the page
 * revalidated and under its own CSP, hashed assets immutable and compressed as the client accepts.
 */

const site = loadConsoleSite(BUILT_CONSOLE);
const app = createApp({ catalogue: new FakeCatalogue(), adminToken: null, logger: silentLogger, graphiql: true, console: site });
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => app.yoga.fetch(`http://test${path}`, { method, headers });

async function assetPaths(): Promise<{ script: string; style: string }> {
  const html = await (await get('/console')).text();
  return { script: /<script type="module" src="([^"]+)"/.exec(html)![1]!, style: /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1]! };
}

describe('the console files', () => {
  it('serves the page at /console and /console/ with a strict CSP, revalidated on every visit', async () => {
    for (const path of ['/console', '/console/']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(Object.fromEntries(['content-type', 'cache-control', 'content-security-policy', 'x-content-type-options', 'referrer-policy'].map((name) => [name, response.headers.get(name)]))).toEqual({
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': CONSOLE_CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      const html = await response.text();
      // No inline script: one module script and one stylesheet from this origin, named by content hash.
      expect(html).not.toMatch(/<script>|<script type="module">|\son\w+=/);
      expect(html).toMatch(/<script type="module" src="\/console\/assets\/console-[A-Z0-9]{8}\.js"><\/script>/);
      expect(html).toMatch(/<link rel="stylesheet" href="\/console\/assets\/console-[A-Z0-9]{8}\.css">/);
    }
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('answers 304 to the validator it gave, weak or in a list', async () => {
    const etag = (await get('/console')).headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const response = await get('/console', { 'if-none-match': ifNoneMatch });
      expect(response.status).toBe(304);
      expect(response.headers.get('etag')).toBe(etag);
    }
    expect((await get('/console', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('serves hashed assets as immutable, brotli or gzip as accepted, each form with its own validator', async () => {
    const { script, style } = await assetPaths();
    const plain = await get(script);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const source = Buffer.from(await plain.arrayBuffer());
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('vary')).toMatch(/^Accept-Encoding\b/);

    const brotli = await get(script, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer()))).toEqual(source);
    const gzip = await get(script, { 'accept-encoding': 'br;q=0, gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer()))).toEqual(source);
    expect(new Set([plain.headers.get('etag'), brotli.headers.get('etag'), gzip.headers.get('etag')]).size).toBe(3);
    expect(Number(brotli.headers.get('content-length'))).toBeLessThan(source.length / 2);

    expect((await get(style)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const head = await get(script, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(source.length));
    expect(await head.text()).toBe('');
  });

  it('refuses other methods, and answers 404 for anything it did not build', async () => {
    const refused = await get('/console', {}, 'POST');
    expect(refused.status).toBe(405);
    expect(refused.headers.get('allow')).toBe('GET, HEAD');
    for (const path of ['/console/assets/nope.js', '/console/index.html', '/console/assets/..%2F..%2Fpackage.json', '/console/assets/']) {
      const response = await get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });

  it('GraphiQL and the console each keep their own Content-Security-Policy, whichever is served first', async () => {
    const graphiql = await get('/graphql', { accept: 'text/html' });
    expect(graphiql.headers.get('content-security-policy')).toMatch(/script-src 'sha256-/);
    expect((await get('/console')).headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect((await get('/graphql', { accept: 'text/html' })).headers.get('content-security-policy')).toBe(graphiql.headers.get('content-security-policy'));
  });

  it('is not served without the console (CONSOLE=false)', async () => {
    const without = createApp({ catalogue: new FakeCatalogue(), adminToken: null, logger: silentLogger, graphiql: false });
    expect((await without.yoga.fetch('http://test/console')).status).toBe(404);
  });

  it('a missing build is an error that says how to make one', () => {
    const empty = mkdtempSync(join(tmpdir(), 'console-missing-'));
    expect(() => loadConsoleSite(empty)).toThrow(ConsoleNotBuiltError);
    expect(() => loadConsoleSite(empty)).toThrow(`the console is not built (ENOENT reading ${join(empty, 'index.html')}): run \`npm run build\`, or set CONSOLE=false`);
  });
});
