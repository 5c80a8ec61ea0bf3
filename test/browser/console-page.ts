import type { HTTPResponse, Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import type { HttpLimits } from '../../src/app.js';
import { startConsoleServer, type ConsoleServer, type ConsoleServerOptions } from '../support/console-server.js';
import { launchChromium, watch } from './browser.js';

/** What the console browser tests share: the API answers they compare with, and how they drive the page. */

export interface ListedConfig {
  id: number;
  name: string;
  modelName: string;
  tier: 'FREE' | 'PREMIUM';
  source: string;
  qualityScore: number;
  healthGated: boolean;
  supportsImageInput: boolean;
  lifecycle: 'ACTIVE' | 'NEW' | 'EXPIRING' | 'RETIRED';
  expiresAt: string | null;
  author: { slug: string; name: string | null } | null;
  capabilities: { list: string[] };
  successor: { id: number; name: string } | null;
  pricing: { prompt: number | null; completion: number | null };
  health: { score: number | null; gateReason: string | null } | null;
}

export const LIST_QUERY = `query ($filter: LlmConfigFilter) { llmConfigs(filter: $filter, orderBy: QUALITY_DESC) { id name modelName tier source qualityScore healthGated supportsImageInput lifecycle expiresAt author { slug name } capabilities { list } successor { id name } pricing { prompt completion } health { score gateReason } } }`;
export const STATUS_QUERY = '{ catalogue { version counts { total free premium gated openRouter retired } } }';
export const WRONG_TOKEN = 'not-the-admin-token-0123456789';

// The console's documented formats (console/src/model/format.ts), written out independently.
export const usd = (value: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(value);
export const score = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));
/** A price as the console writes it: `unknown` when none, two significant digits below $0.0001. */
export const price = (value: number | null) =>
  value == null ? 'unknown' : value !== 0 && Math.abs(value) < 0.0001 ? new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 2 }).format(value) : usd(value);
/** The cost of one request, to a millionth of a dollar. */
export const cost = (value: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 6 }).format(value);

/**
 * Visible HTML text whose contrast with the background behind it is below WCAG AA: each element with
 * its own text, its colour against the first opaque background among it and its ancestors.
 */
export function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const linear = (value: number) => ((value /= 255) <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
    };
    const background = (element: Element | null): number[] => {
      for (let current = element; current; current = current.parentElement) {
        const value = channels(getComputedStyle(current).backgroundColor);
        if (value.length === 3 || (value.length === 4 && value[3]! > 0.9)) return value.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const low: string[] = [];
    for (const element of document.querySelectorAll('body *')) {
      if (element.closest('svg, [hidden], dialog:not([open])') || !(element as HTMLElement).offsetParent) continue;
      if (![...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '')) continue;
      const style = getComputedStyle(element);
      const [a, b] = [luminance(channels(style.color).slice(0, 3)), luminance(background(element))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) low.push(`${element.tagName.toLowerCase()}.${element.className}: ${ratio.toFixed(2)} "${element.textContent!.trim().slice(0, 30)}"`);
    }
    return low;
  });
}

export type Status = { catalogue: { version: number; counts: { total: number; free: number; premium: number; gated: number; openRouter: number; retired: number } } };

/** The rows of the selector list as a person sees them: ids, tier, lifecycle, the author group, the capability icons' names and the badges. */
export const rows = (page: Page) =>
  page.$$eval('[role=option]', (options) =>
    options.map((option) => {
      const row = option as HTMLElement;
      return {
        id: Number(row.dataset.id),
        tier: row.dataset.tier,
        source: row.dataset.source,
        lifecycle: row.dataset.lifecycle,
        author: row.closest<HTMLElement>('[data-author]')?.dataset.author ?? null,
        icons: [...row.querySelectorAll('.capabilities [role=img]')].map((icon) => icon.getAttribute('aria-label')),
        badges: Object.fromEntries([...row.querySelectorAll<HTMLElement>('[data-badge]')].map((badge) => [badge.dataset.badge, { text: badge.textContent, title: badge.title }])),
      };
    }),
  );
/** Ids of the non-Auto rows, sorted: compared with the API's answers. */
export const modelIds = async (page: Page) => (await rows(page)).filter((row) => row.source !== 'AUTO').map((row) => row.id).sort((a, b) => a - b);
export const ids = (configs: readonly { id: number }[]) => configs.map((config) => config.id).sort((a, b) => a - b);
export const text = (page: Page, selector: string) => page.$eval(selector, (element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());
/**
 * Clicks a model's row, as a person does once it is on screen: rows off screen are laid out only when
 * scrolled to (`content-visibility: auto`), so a click aimed while they settle can land on a neighbour.
 */
export async function clickRow(page: Page, id: number): Promise<void> {
  const row = `[role=option][data-id="${id}"]`;
  await page.waitForSelector(row);
  await page.$eval(row, (element) => element.scrollIntoView({ block: 'center' }));
  await page.evaluate(() => new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled))));
  await page.click(row);
}

export async function tab(page: Page, name: string): Promise<void> {
  await page.click(`#tab-${name}`);
  await page.waitForSelector(`#panel-${name}:not([hidden])`);
}

export interface ConsoleSuite {
  readonly server: ConsoleServer;
  status(): Promise<Status>;
  listed(filter?: Record<string, unknown>): Promise<ListedConfig[]>;
  /** A new page on /console (with `hash`), loaded and with its subscription open. */
  open(hash?: string, responses?: HTTPResponse[]): Promise<{ page: Page; seen: ReturnType<typeof watch> }>;
}

/** A console server (the 2026-06-16 list and no operator config unless `served` says otherwise) and a Chromium for the surrounding `describe` block. */
export function consoleSuite(limits?: Partial<HttpLimits>, served: Omit<ConsoleServerOptions, 'limits'> = {}): ConsoleSuite {
  let server: ConsoleServer;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    server = await startConsoleServer({ ...served, ...(limits ? { limits } : {}) });
    chromium = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });
  return {
    get server() {
      return server;
    },
    status: () => server.graphql<Status>(STATUS_QUERY),
    listed: async (filter = {}) => (await server.graphql<{ llmConfigs: ListedConfig[] }>(LIST_QUERY, { filter })).llmConfigs,
    async open(hash = '', responses) {
      const page = await chromium.browser.newPage();
      const seen = watch(page);
      if (responses) page.on('response', (response) => responses.push(response));
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${server.base}/console${hash}`, { waitUntil: 'load' });
      // Loaded, and the subscription stream open.
      await page.waitForFunction(() => document.querySelector('.live-live') !== null && document.querySelector('[data-field=version]') !== null, { timeout: 20_000 });
      return { page, seen };
    },
  };
}
