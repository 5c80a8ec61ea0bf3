/**
 * The peer of the throughput benchmark: Mercurius on Fastify, written as its documentation recommends
 * for production (graphql-jit compiling each query from its first repeat, `jit: 1`; no GraphiQL;
 * Fastify's logger off, its default), with @fastify/cors answering browsers on any origin as our
 * server does. It serves the same data (bench/servers/bench-catalogue.ts) through the same executable
 * schema (src/schema, the Pothos types and their resolvers, with a context built as ours builds it),
 * so both answer every field alike and the comparison is of the servers and their executors, not of
 * two sets of resolvers. Prints `{"port": N}` on stdout when ready.
 *
 *   mercurius-server.ts [--scale N] [--port N]
 */
import cors from '@fastify/cors';
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { createContext } from '../../src/context.js';
import { createCredentialGate } from '../../src/http/bearer-auth.js';
import { silentLogger } from '../../src/logger.js';
import { schema } from '../../src/schema/index.js';
import { benchVersion, staticCatalogue } from './bench-catalogue.js';

const scaleAt = process.argv.indexOf('--scale');
const scale = scaleAt < 0 ? 1 : Number(process.argv[scaleAt + 1]);
const catalogue = staticCatalogue(await benchVersion(scale));
// Anonymous queries only: no credential is configured, so no header is ever read.
const credentialGate = createCredentialGate({ tokens: { admin: null, service: null }, logger: silentLogger });
const NO_HEADERS = { headers: { get: () => null } } as unknown as Request;

const app = Fastify({ logger: false });
await app.register(cors, { origin: '*', methods: ['GET', 'POST'], exposedHeaders: ['ETag', 'Retry-After'], maxAge: 600 });
await app.register(mercurius, { schema, context: (request) => createContext(NO_HEADERS, request.ip, { catalogue, credentialGate }), jit: 1, graphiql: false, queryDepth: 15 });
const portAt = process.argv.indexOf('--port');
const address = await app.listen({ port: portAt < 0 ? 0 : Number(process.argv[portAt + 1]), host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ port: Number(new URL(address).port) })}\n`);
process.on('SIGTERM', () => process.exit(0));
