/**
 * The two reference points of the throughput benchmark, serving the exact response bytes our
 * GraphQL server gives for the selector query:
 *   prebuilt  — the bytes are built once and written as they are (the ceiling for any server);
 *   stringify — the response object is JSON.stringify'd on every request (what a REST endpoint does).
 * Usage: static-server.ts <prebuilt|stringify> <response.json>. Prints `{"port": N}` when ready.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const [mode, responsePath] = process.argv.slice(2);
const bytes = readFileSync(responsePath!);
const object = JSON.parse(bytes.toString('utf8')) as unknown;
const headers = { 'content-type': 'application/json; charset=utf-8' };

const server = createServer((req, res) => {
  // Drain the request body like a real endpoint would before answering.
  req.resume();
  req.on('end', () => {
    const body = mode === 'prebuilt' ? bytes : JSON.stringify(object);
    res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`));
