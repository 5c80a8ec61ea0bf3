/**
 * The console's page weight and the time to first render of its 228-model selector preview, in real
 * Chromium (issue 18), against a baseline measured in the same run: a bare page on another local
 * origin that sends the console's own catalogue query and writes the 229 rows as plain list items,
 * with no framework, no styles and no grouping. Each load is cold (a fresh browser context: no
 * cached files), the catalogue answer is the server's cached one for both, and loads alternate.
 *
 *   npm run bench:console            (RUNS=15 by default)
 *
 * Prints the median first-render time of each, their ratio, and the compressed bytes of every script
 * and stylesheet the console loads (as Chromium negotiated them), plus the brotli and gzip totals.
 */
import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { compact } from '../console/src/api/compact.js';
import { ConsoleCatalogueDocument } from '../console/src/api/gql/graphql.js';
import { launchChromium } from '../test/browser/browser.js';
import { BUILT_CONSOLE, startConsoleServer } from '../test/support/console-server.js';
import { median } from './stats.js';

const RUNS = Number(process.env.RUNS ?? 15);
const WARMUP = 3;
const BUDGET_BYTES = 150 * 1024;

function baselinePage(api: string, query: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>baseline</title><link rel="icon" href="data:,"></head><body><ol id="list"></ol><script>
fetch(${JSON.stringify(`${api}/graphql`)}, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9' }, body: JSON.stringify({ query: ${JSON.stringify(query)}, variables: {} }) })
  .then((response) => response.json())
  .then(({ data }) => {
    const list = document.getElementById('list');
    list.replaceChildren(...data.llmConfigs.map((config) => Object.assign(document.createElement('li'), { textContent: config.name + ' ' + config.pricing.prompt + ' / ' + config.pricing.completion + ' ' + config.contextLength })));
    // As the console marks it: the frame after the next one, once the list is laid out and painted.
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('baseline:rendered')));
  });
</script></body></html>`;
}

async function coldRender(browser: Browser, url: string, mark: string, rows: string): Promise<number> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, { timeout: 30_000 }, mark);
    const count = await page.$$eval(rows, (elements) => elements.length);
    if (count !== 229) throw new Error(`${url}: ${count} rows rendered, expected 229 (228 models and Auto)`);
    return await page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark);
  } finally {
    await context.close();
  }
}


async function pageWeight(browser: Browser, url: string): Promise<{ rows: { asset: string; encoding: string; bytes: number }[]; total: number }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const rows: { asset: string; encoding: string; bytes: number }[] = [];
  page.on('response', (response) => {
    if (/\/console\/assets\/.+\.(js|css)$/.test(response.url())) rows.push({ asset: response.url().replace(/^.*\/assets\//, ''), encoding: response.headers()['content-encoding'] ?? 'identity', bytes: Number(response.headers()['content-length']) });
  });
  await page.goto(url, { waitUntil: 'load' });
  // Every view: the charts chunk loads with the first chart.
  await page.waitForSelector('[role=option]');
  await page.click('#tab-health');
  await page.waitForSelector('[data-chart="health score histogram"] svg');
  await context.close();
  return { rows, total: rows.reduce((sum, row) => sum + row.bytes, 0) };
}

function builtTotals(): { br: number; gzip: number; raw: number } {
  const dir = join(BUILT_CONSOLE, 'assets');
  const totals = { br: 0, gzip: 0, raw: 0 };
  for (const name of readdirSync(dir)) {
    if (!/\.(js|css)$/.test(name)) continue;
    totals.raw += statSync(join(dir, name)).size;
    totals.br += statSync(join(dir, `${name}.br`)).size;
    totals.gzip += statSync(join(dir, `${name}.gz`)).size;
  }
  return totals;
}

const server = await startConsoleServer({ limits: { pointsPerSecond: 0 } });
const baseline = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  // The very text the console sends (compacted), so both are answered from the same cache entry.
  res.end(baselinePage(server.base, compact(ConsoleCatalogueDocument)));
});
await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', resolve));
const baselineUrl = `http://localhost:${(baseline.address() as { port: number }).port}/`;
const chromium = await launchChromium();
try {
  const consoleTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let run = 0; run < WARMUP + RUNS; run += 1) {
    const first = await coldRender(chromium.browser, `${server.base}/console`, 'console:selector-rendered', '[role=option]');
    const second = await coldRender(chromium.browser, baselineUrl, 'baseline:rendered', '#list li');
    if (run >= WARMUP) {
      consoleTimes.push(first);
      baselineTimes.push(second);
    }
  }
  const weight = await pageWeight(chromium.browser, `${server.base}/console`);
  const built = builtTotals();
  const consoleMedian = median(consoleTimes);
  const baselineMedian = median(baselineTimes);
  console.log(`first render of the 228-model selector preview, cold, median of ${RUNS} (after ${WARMUP} warm-up loads):`);
  console.log(`  console   ${consoleMedian.toFixed(0)} ms  (min ${Math.min(...consoleTimes).toFixed(0)}, max ${Math.max(...consoleTimes).toFixed(0)})`);
  console.log(`  baseline  ${baselineMedian.toFixed(0)} ms  (min ${Math.min(...baselineTimes).toFixed(0)}, max ${Math.max(...baselineTimes).toFixed(0)})`);
  console.log(`  ratio     ${(consoleMedian / baselineMedian).toFixed(2)}x`);
  console.log('page weight (scripts and styles as Chromium received them):');
  for (const row of weight.rows) console.log(`  ${row.asset.padEnd(24)} ${row.encoding.padEnd(8)} ${(row.bytes / 1024).toFixed(1)} KiB`);
  console.log(`  total ${(weight.total / 1024).toFixed(1)} KiB of a ${BUDGET_BYTES / 1024} KiB budget (${weight.total <= BUDGET_BYTES ? 'within' : 'OVER'})`);
  console.log(`built files, all scripts and styles: ${(built.raw / 1024).toFixed(1)} KiB minified, ${(built.br / 1024).toFixed(1)} KiB brotli, ${(built.gzip / 1024).toFixed(1)} KiB gzip`);
  if (weight.total > BUDGET_BYTES) process.exitCode = 1;
} finally {
  await chromium.close();
  await new Promise((resolve) => baseline.close(resolve));
  await server.close();
}
