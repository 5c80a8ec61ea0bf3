/**
 * The cost of answering at all, by HTTP stack: each mode reads the POST body and answers the same
 * constant ~400-byte JSON (the size of a single-config lookup), doing nothing else.
 *   node    — `http.createServer`, the body read with listeners (the floor of any Node server);
 *   yoga    — Yoga's Node adapter with one `onRequest` plugin that answers first;
 *   fastify — a Fastify route (what Mercurius runs on).
 * Prints `{"port": N}` on stdout when ready.  Usage: floor-server.ts <node|yoga|fastify>
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { createSchema, createYoga } from 'graphql-yoga';

const ANSWER = JSON.stringify({ data: { llmConfig: { id: -1, name: 'x'.repeat(300), tier: 'PREMIUM', pricing: { prompt: 1.25, completion: 10 } }, probe: null } });
const mode = process.argv[2];

function listen(server: ReturnType<typeof createServer>): void {
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`));
}

if (mode === 'node') {
  listen(
    createServer((req, res) => {
      req.on('data', () => {});
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(ANSWER) });
        res.end(ANSWER);
      });
    }),
  );
} else if (mode === 'yoga') {
  const yoga = createYoga({
    schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }),
    logging: false,
    plugins: [
      {
        async onRequest({ request, endResponse, fetchAPI }) {
          await request.text();
          endResponse(new fetchAPI.Response(ANSWER, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } }));
        },
      },
    ],
  });
  listen(createServer(yoga));
} else if (mode === 'fastify') {
  const app = Fastify({ logger: false });
  app.post('/graphql', (_request, reply) => reply.type('application/json; charset=utf-8').send(ANSWER));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${JSON.stringify({ port: Number(new URL(address).port) })}\n`);
} else {
  throw new Error(`unknown mode ${mode}: node, yoga or fastify`);
}
process.on('SIGTERM', () => process.exit(0));
