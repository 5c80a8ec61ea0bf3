/**
 * The abusive side of bench/abuse.bench.ts, in its own process: N clients, each on its own loopback
 * address (127.0.0.10, .11, …), each sending a new expensive document as soon as the previous answer
 * arrives, for DURATION seconds. Prints one JSON line of counts by status when done.
 *
 *   abuse-clients.ts <base url> <clients> <seconds>
 */
import { Agent, request } from 'undici';

const [base, clientCount, seconds] = [process.argv[2]!, Number(process.argv[3] ?? 8), Number(process.argv[4] ?? 10)];
const ALL_FIELDS = 'id name description provider modelName tier isPremium source routerPoolEligible anonymousEnabled seoEnabled seoSlug seoTitle seoDescription quotaReserveTokens rpm tpm contextLength supportsTools supportsImageInput systemInstructions useDefaultSystemInstructions citationsEnabled autoPinTier qualityScore qualityScoreStatic qualityScoreHealth healthGated pricing { prompt completion } health { score gated gateReason bestUptimePct } scoreBreakdown { prestige recency priceBand context capabilities penalty operatorBonus staticTotal health healthWeight qualityScore }';

/** The kinds of abuse issue 12 found, each made unique per request so no cache can answer it. */
const KINDS: ((n: number) => string)[] = [
  (n) => `{ ${Array.from({ length: 30 }, (_, i) => `s${n}_${i}: __schema { types { name fields { name type { name kind ofType { name } } } } }`).join(' ')} }`,
  (n) => `{ ${Array.from({ length: 30 }, (_, i) => `l${n}_${i}: llmConfigs { id name modelName provider tier contextLength }`).join(' ')} }`,
  (n) => `query Q${n} { __schema { types { name description fields { name description args { name type { name } } type { name kind ofType { name kind ofType { name } } } } } } }`,
  (n) => `query All${n} { llmConfigs { ${ALL_FIELDS} } }`,
  (n) => `query Frag${n} { llmConfigs { ...F0 } } ${Array.from({ length: 8 }, (_, i) => `fragment F${i} on LlmConfig { id ${i < 7 ? `...F${i + 1} ...F${i + 1}` : 'name'} }`).join(' ')}`,
];

const counts: Record<string, number> = {};
const deadline = Date.now() + seconds * 1000;
let sequence = 0;

async function abuse(address: string): Promise<void> {
  const agent = new Agent({ localAddress: address, connections: 1 });
  while (Date.now() < deadline) {
    const n = (sequence += 1);
    try {
      const response = await request(`${base}/graphql`, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: KINDS[n % KINDS.length]!(n) }) });
      await response.body.dump();
      counts[response.statusCode] = (counts[response.statusCode] ?? 0) + 1;
    } catch {
      counts.error = (counts.error ?? 0) + 1;
    }
  }
  await agent.close();
}

await Promise.all(Array.from({ length: clientCount }, (_, i) => abuse(`127.0.0.${10 + i}`)));
process.stdout.write(`${JSON.stringify(counts)}\n`);
