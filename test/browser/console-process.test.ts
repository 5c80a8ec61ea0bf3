import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/redis-server.js';
import { startServer, type ServerProcess } from '../support/server-process.js';
import { isLocal, launchChromium, watch } from './browser.js';

/**
 * Issue 18: `npm run build` then `node dist/main.js` serves the console with no internet: OpenRouter is
 * a closed local port, so the page shows the bundled snapshot, rendered by real Chromium.
 */
describe('the compiled server serves the console offline', () => {
  let server: ServerProcess | null = null;
  afterEach(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    server = null;
  });

  const offline = async () => ({ OPENROUTER_BASE_URL: `http://127.0.0.1:${await freePort()}`, DATA_DIR: mkdtempSync(join(tmpdir(), 'console-process-')), REFRESH_INTERVAL_HOURS: '0' });

  it('renders the 228-model selector preview from the bundled snapshot, every request local, whatever CORS_ORIGINS allows', async () => {
    // Same origin: a CORS allow-list that does not name the server itself changes nothing for the console.
    server = await startServer({ ...(await offline()), CORS_ORIGINS: 'https://app.example.com' });
    const listening = server.logs.find((line) => line.includes('"llm-catalogue listening"'))!;
    expect(JSON.parse(listening)).toMatchObject({ console: `${server.url}/console` });
    const chromium = await launchChromium();
    try {
      const page = await chromium.browser.newPage();
      const seen = watch(page);
      await page.goto(`${server.url}/console`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelectorAll('[role=option]').length > 1, { timeout: 20_000 });
      expect(await page.$$eval('[role=option]:not([data-source=AUTO])', (rows) => rows.length)).toBe(228);
      await page.waitForSelector('.live-live');
      expect(seen.requests.filter((url) => !isLocal(url))).toEqual([]);
      expect(seen.problems).toEqual([]);
    } finally {
      await chromium.close();
    }
  }, 60_000);

  it('the sources run as `npm run dev` runs them (tsx src/main.ts) serve the built console too', async () => {
    server = await startServer(await offline(), 30_000, { launcher: 'tsx' });
    const page = await request(`${server.url}/console`);
    expect(page.statusCode).toBe(200);
    expect(await page.body.text()).toContain('<html');
  }, 45_000);

  it('CONSOLE=false turns it off', async () => {
    server = await startServer({ ...(await offline()), CONSOLE: 'false' });
    expect((await request(`${server.url}/console`)).statusCode).toBe(404);
    expect(JSON.parse(server.logs.find((line) => line.includes('"llm-catalogue listening"'))!)).toMatchObject({ console: null });
  }, 30_000);
});
