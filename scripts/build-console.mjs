// Bundles the console (console/src, TypeScript and Preact) with esbuild into static files the server
// serves under /console (src/http/console.ts): content-hashed assets, each with its gzip and brotli
// forms made once here rather than on every request, and index.html pointing at the hashed names.
// Called by scripts/build.mjs; plain JavaScript for the same reason.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Where the server looks for the pages it serves (dist/console/, next to the compiled server). */
export const CONSOLE_OUT = 'console';
/** URL path of the hashed assets; index.html refers to them absolutely, as it is served at /console. */
const ASSET_URL = '/console/assets/';
const COMPRESSIBLE = /\.(js|css|html|svg|txt)$/;

function compressedForms(path) {
  const bytes = readFileSync(path);
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
}

/**
 * Builds console/ into `<distDir>/console/`. `esbuild` is a development dependency, like TypeScript:
 * the caller has checked it is installed.
 */
export async function buildConsole(root, distDir, esbuild) {
  const outDir = join(distDir, CONSOLE_OUT);
  const assetDir = join(outDir, 'assets');
  mkdirSync(assetDir, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { console: 'console/src/main.tsx' },
    outdir: assetDir,
    bundle: true,
    // The charts (the bulk of the code) load as a chunk of their own, after the selector list is shown.
    splitting: true,
    format: 'esm',
    minify: true,
    // No source maps: the server keeps what it serves in memory, and the minified code keeps its structure.
    sourcemap: false,
    target: ['chrome111', 'firefox114', 'safari16.4'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const entry = outputs.find(([, output]) => output.entryPoint === 'console/src/main.tsx');
  if (!entry || !entry[1].cssBundle) throw new Error('the console build made no script or no stylesheet for console/src/main.tsx');
  // The chunks the entry imports statically are announced up front, so they load alongside it rather than after it.
  const preloads = entry[1].imports.filter((imported) => imported.kind === 'import-statement').map((imported) => `<link rel="modulepreload" href="${ASSET_URL}${basename(imported.path)}">`);
  const html = readFileSync(join(root, 'console', 'index.html'), 'utf8')
    .replace('%SCRIPT%', ASSET_URL + basename(entry[0]))
    .replace('%STYLE%', ASSET_URL + basename(entry[1].cssBundle))
    .replace('%PRELOADS%', preloads.join('\n'));
  writeFileSync(join(outDir, 'index.html'), html);
  for (const [path] of outputs) if (COMPRESSIBLE.test(path)) compressedForms(join(root, path));
  compressedForms(join(outDir, 'index.html'));
  return outputs.map(([path]) => relative(distDir, join(root, path)));
}
