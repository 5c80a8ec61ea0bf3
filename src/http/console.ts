import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { pathOf } from './url.js';

/**
 * The console page (`console/`, built into dist/console/ by scripts/build-console.mjs), served from
 * memory under /console: the page itself revalidated on every visit (`no-cache`), its content-hashed
 * scripts and styles cached for a year as immutable, each in the brotli or gzip form made at build
 * time when the browser accepts it. The page carries a strict Content-Security-Policy: scripts and
 * styles from this origin only (no inline script), requests to this origin only, no framing.
 */

export const CONSOLE_PATH = '/console';
const ASSET_PREFIX = `${CONSOLE_PATH}/assets/`;

export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  // The page's icon is an empty data: URL, so browsers do not ask for a /favicon.ico that is not there.
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

type Encoding = 'br' | 'gzip' | 'identity';

interface ServedFile {
  readonly contentType: string;
  readonly bodies: Readonly<Partial<Record<Encoding, Uint8Array<ArrayBuffer>>>>;
  /** Strong validator of the uncompressed bytes; each encoding gets its own suffix. */
  readonly etag: string;
  readonly cacheControl: string;
  readonly extraHeaders: Readonly<Record<string, string>>;
}

export interface ConsoleSite {
  /** Served files by URL path. */
  readonly files: ReadonlyMap<string, ServedFile>;
}

export class ConsoleNotBuiltError extends Error {
  override readonly name = 'ConsoleNotBuiltError';
}

function readForms(path: string): Partial<Record<Encoding, Uint8Array<ArrayBuffer>>> {
  const forms: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>> = { identity: new Uint8Array(readFileSync(path)) };
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
    try {
      forms[encoding] = new Uint8Array(readFileSync(path + suffix));
    } catch {
      // Not every file has compressed forms (the build makes them for text files only).
    }
  }
  return forms;
}

function servedFile(path: string, cacheControl: string, extraHeaders: Record<string, string>): ServedFile {
  const bodies = readForms(path);
  const etag = createHash('sha256').update(bodies.identity!).digest('base64url').slice(0, 22);
  return { contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', bodies, etag, cacheControl, extraHeaders };
}

/**
 * Reads the built console from `dir` (dist/console/) into memory, once, at startup. A missing build
 * is an error that says how to make one, rather than a page that 404s later.
 */
export function loadConsoleSite(dir: string): ConsoleSite {
  const files = new Map<string, ServedFile>();
  let index: ServedFile;
  let assets: string[];
  try {
    index = servedFile(join(dir, 'index.html'), 'no-cache', {
      'content-security-policy': CONSOLE_CSP,
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    assets = readdirSync(join(dir, 'assets'));
  } catch (error) {
    throw new ConsoleNotBuiltError(`the console is not built (${(error as NodeJS.ErrnoException).code ?? String(error)} reading ${join(dir, 'index.html')}): run \`npm run build\`, or set CONSOLE=false`);
  }
  files.set(CONSOLE_PATH, index);
  files.set(`${CONSOLE_PATH}/`, index);
  for (const name of assets) {
    if (name.endsWith('.br') || name.endsWith('.gz')) continue;
    // Names carry a hash of their content: a new build is a new URL, so an old one never changes.
    files.set(ASSET_PREFIX + name, servedFile(join(dir, 'assets', name), 'public, max-age=31536000, immutable', {}));
  }
  return { files };
}

/** The best encoding the request accepts among those the file has (brotli, then gzip, then none). */
function negotiate(acceptEncoding: string | null, file: ServedFile): Encoding {
  if (acceptEncoding === null) return 'identity';
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)).find(Boolean);
    if (name && (!q || Number(q[1]) > 0)) accepted.add(name.trim());
  }
  for (const encoding of ['br', 'gzip'] as const) if (file.bodies[encoding] && (accepted.has(encoding) || accepted.has('*'))) return encoding;
  return 'identity';
}

/** Whether `If-None-Match` (as sent, weak or in a list) names `etag`. */
function notModified(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

export function useConsole(site: ConsoleSite): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const path = pathOf(request.url);
      if (path !== CONSOLE_PATH && !path.startsWith(`${CONSOLE_PATH}/`)) return;
      const file = site.files.get(path);
      if (!file) {
        endResponse(new fetchAPI.Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } }));
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      const encoding = negotiate(request.headers.get('accept-encoding'), file);
      const etag = `"${file.etag}${encoding === 'identity' ? '' : `-${encoding}`}"`;
      const headers: Record<string, string> = { etag, 'cache-control': file.cacheControl, vary: 'Accept-Encoding', 'x-content-type-options': 'nosniff', ...file.extraHeaders };
      if (notModified(request.headers.get('if-none-match'), etag)) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      const body = file.bodies[encoding]!;
      headers['content-type'] = file.contentType;
      headers['content-length'] = String(body.byteLength);
      if (encoding !== 'identity') headers['content-encoding'] = encoding;
      endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status: 200, headers }));
    },
  };
}
