/**
 * The peer of the throughput benchmark: Mercurius on Fastify, written as its documentation recommends
 * for production (graphql-jit compiling each query from its first repeat, `jit: 1`; no GraphiQL;
 * Fastify's logger off, its default), with @fastify/cors answering browsers on any origin as our
 * server does. It serves the same data (bench/servers/bench-catalogue.ts) with the same schema shape:
 * the SDL is our committed `schema.graphql`, with plain resolvers mapping the domain's values to it.
 * Only what the benchmark's queries read is resolved. Prints `{"port": N}` on stdout when ready.
 *
 *   mercurius-server.ts [--scale N] [--port N]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cors from '@fastify/cors';
import Fastify from 'fastify';
import { GraphQLError, GraphQLScalarType } from 'graphql';
import mercurius from 'mercurius';
import { AUTO_ENTRY } from '../../src/catalogue/config-factory.js';
import { HEALTH_BLEND_WEIGHT } from '../../src/catalogue/config-health.js';
import { MAX_SEARCH_LENGTH, queryConfigs, type ConfigFilter, type ConfigOrder } from '../../src/catalogue/query.js';
import type { CatalogueConfig } from '../../src/catalogue/types.js';
import type { CatalogueVersion } from '../../src/catalogue/version.js';
import { benchVersion } from './bench-catalogue.js';

const scaleAt = process.argv.indexOf('--scale');
const scale = scaleAt < 0 ? 1 : Number(process.argv[scaleAt + 1]);
const version: CatalogueVersion = await benchVersion(scale);
const schema = readFileSync(fileURLToPath(new URL('../../schema.graphql', import.meta.url)), 'utf8');

const TIER = { free: 'FREE', premium: 'PREMIUM' } as const;
const SOURCE = { yaml: 'OPERATOR_YAML', openrouter: 'OPENROUTER', auto: 'AUTO' } as const;
const SOURCE_IN: Record<string, ConfigFilter['source']> = { OPERATOR_YAML: 'yaml', OPENROUTER: 'openrouter', AUTO: 'auto' };
const ORDER_IN: Record<string, ConfigOrder> = { CATALOGUE: 'catalogue', QUALITY_DESC: 'quality-desc', ID: 'id', NAME: 'name' };

interface FilterArg {
  tier?: 'FREE' | 'PREMIUM' | null;
  routerPoolEligible?: boolean | null;
  source?: string | null;
  provider?: string | null;
  includeGated?: boolean | null;
  search?: string | null;
}

const resolvers = {
  Query: {
    llmConfigs: (_root: unknown, { filter, orderBy, includeAuto }: { filter?: FilterArg | null; orderBy: string; includeAuto: boolean }) => {
      if ((filter?.search?.length ?? 0) > MAX_SEARCH_LENGTH) throw new GraphQLError(`filter.search is longer than ${MAX_SEARCH_LENGTH} characters`);
      const domainFilter: ConfigFilter = {
        ...(filter ?? {}),
        tier: filter?.tier ? (filter.tier === 'FREE' ? 'free' : 'premium') : null,
        source: filter?.source ? SOURCE_IN[filter.source] : null,
      };
      const listed = queryConfigs(version.configs, domainFilter, ORDER_IN[orderBy] ?? 'catalogue');
      return includeAuto && version.configs.length > 0 ? [AUTO_ENTRY, ...listed] : listed;
    },
    llmConfig: (_root: unknown, { id }: { id: number }) => (id === AUTO_ENTRY.id ? (version.configs.length ? AUTO_ENTRY : null) : (version.byId.get(id) ?? null)),
  },
  LlmConfig: {
    tier: (c: CatalogueConfig) => TIER[c.billingTier],
    isPremium: (c: CatalogueConfig) => c.billingTier === 'premium',
    source: (c: CatalogueConfig) => SOURCE[c.source],
    scoreBreakdown: (c: CatalogueConfig) => c,
  },
  ScoreBreakdown: {
    prestige: (c: CatalogueConfig) => c.staticBreakdown.prestige,
    recency: (c: CatalogueConfig) => c.staticBreakdown.recency,
    priceBand: (c: CatalogueConfig) => c.staticBreakdown.priceBand,
    context: (c: CatalogueConfig) => c.staticBreakdown.context,
    capabilities: (c: CatalogueConfig) => c.staticBreakdown.capabilities,
    penalty: (c: CatalogueConfig) => c.staticBreakdown.penalty,
    operatorBonus: (c: CatalogueConfig) => c.staticBreakdown.operatorBonus,
    staticTotal: (c: CatalogueConfig) => c.staticBreakdown.total,
    health: (c: CatalogueConfig) => (c.healthGated ? null : c.qualityScoreHealth),
    healthWeight: () => HEALTH_BLEND_WEIGHT,
  },
  JSON: new GraphQLScalarType({ name: 'JSON', serialize: (value) => value, parseValue: (value) => value }),
  DateTime: new GraphQLScalarType({ name: 'DateTime', serialize: (value) => new Date(value as number).toISOString(), parseValue: (value) => value }),
};

const app = Fastify({ logger: false });
await app.register(cors, { origin: '*', methods: ['GET', 'POST'], exposedHeaders: ['ETag', 'Retry-After'], maxAge: 600 });
await app.register(mercurius, { schema, resolvers: resolvers as never, jit: 1, graphiql: false, queryDepth: 15 });
const portAt = process.argv.indexOf('--port');
const address = await app.listen({ port: portAt < 0 ? 0 : Number(process.argv[portAt + 1]), host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ port: Number(new URL(address).port) })}\n`);
process.on('SIGTERM', () => process.exit(0));
