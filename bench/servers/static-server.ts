/**
 * The two hand-written reference points of the throughput benchmark:
 *   prebuilt  — the exact bytes our server answers the repeated selector query with, built once and
 *               written as they are (the ceiling for any server);
 *   stringify — what a REST endpoint does: parse the request body, filter the configs by the
 *               `filter` variable (tier, router pool, search, as `llmConfigs(filter:)` does) and
 *               JSON.stringify the filtered array of selector objects on every request.
 * Usage: static-server.ts prebuilt <response.json> | stringify <data.json>, where data.json holds
 * `{ items, facts }`: each config as the selector query shows it, and the facts the filter reads.
 * Prints `{"port": N}` when ready.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Facts {
  readonly id: number;
  readonly tier: 'FREE' | 'PREMIUM';
  readonly routerPoolEligible: boolean;
  readonly name: string;
  readonly modelName: string;
}
interface Filter {
  readonly tier?: 'FREE' | 'PREMIUM' | null;
  readonly routerPoolEligible?: boolean | null;
  readonly search?: string | null;
}

const [mode, dataPath] = process.argv.slice(2);
const headers = { 'content-type': 'application/json; charset=utf-8' };
const bytes = readFileSync(dataPath!);
const data = mode === 'stringify' ? (JSON.parse(bytes.toString('utf8')) as { items: unknown[]; facts: Facts[] }) : null;
const lowerNames = data?.facts.map((facts) => [facts.name.toLowerCase(), facts.modelName.toLowerCase()] as const) ?? [];
const ids = new Set(data?.facts.map((facts) => facts.id) ?? []);

function answer(body: string): string {
  const { variables } = JSON.parse(body) as { variables?: { filter?: Filter | null; probe?: number } };
  const filter = variables?.filter ?? {};
  const search = filter.search ? filter.search.toLowerCase() : null;
  const listed = data!.items.filter((_item, index) => {
    const facts = data!.facts[index]!;
    if (filter.tier != null && facts.tier !== filter.tier) return false;
    if (filter.routerPoolEligible != null && facts.routerPoolEligible !== filter.routerPoolEligible) return false;
    if (search !== null && !lowerNames[index]![0].includes(search) && !lowerNames[index]![1].includes(search)) return false;
    return true;
  });
  const probe = variables?.probe;
  return JSON.stringify({ data: { llmConfigs: listed, probe: probe !== undefined && ids.has(probe) ? { id: probe } : null } });
}

const server = createServer((req, res) => {
  // Read the request body like a real endpoint would before answering.
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = mode === 'prebuilt' ? bytes : answer(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`));
