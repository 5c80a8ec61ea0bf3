/**
 * The flooding side of bench/outcome-flood.bench.ts, in its own process: one caller (one loopback
 * address) with the service token sending `reportModelOutcome` at a fixed rate, whatever the answers
 * (open loop, as a runaway chat backend would), for a number of seconds. Reports spread over the given
 * config ids and every outcome. Prints one JSON line when done: answers by status, sent, and the sends
 * skipped because `MAX_IN_FLIGHT` requests were already waiting.
 *
 *   outcome-flood-client.ts <base url> <address> <token> <per second> <seconds> <id,id,…>
 */
import { Agent, request } from 'undici';

const [base, address, token, perSecond, seconds, idList] = [process.argv[2]!, process.argv[3]!, process.argv[4]!, Number(process.argv[5]), Number(process.argv[6]), process.argv[7]!];
const ids = idList.split(',').map(Number);
const OUTCOMES = ['RATE_LIMITED', 'UNAVAILABLE', 'OK', 'NOT_FOUND', 'BAD_REQUEST'];
const MAX_IN_FLIGHT = 4_000;
const TICK_MS = 10;

const agent = new Agent({ localAddress: address, connections: 512 });
const counts: Record<string, number> = {};
let sent = 0;
let skipped = 0;
let inFlight = 0;

async function send(n: number): Promise<void> {
  inFlight += 1;
  try {
    const query = `mutation { reportModelOutcome(configId: ${ids[n % ids.length]}, outcome: ${OUTCOMES[n % OUTCOMES.length]}) { effect } }`;
    const response = await request(`${base}/graphql`, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
    await response.body.dump();
    counts[response.statusCode] = (counts[response.statusCode] ?? 0) + 1;
  } catch {
    counts.error = (counts.error ?? 0) + 1;
  } finally {
    inFlight -= 1;
  }
}

const started = Date.now();
const pending: Promise<void>[] = [];
await new Promise<void>((resolve) => {
  const timer = setInterval(() => {
    const due = Math.floor(((Date.now() - started) / 1000) * perSecond);
    while (sent + skipped < due) {
      if (inFlight >= MAX_IN_FLIGHT) skipped += 1;
      else pending.push(send((sent += 1)));
    }
    if (Date.now() - started >= seconds * 1000) {
      clearInterval(timer);
      resolve();
    }
  }, TICK_MS);
});
await Promise.all(pending);
await agent.close();
process.stdout.write(`${JSON.stringify({ counts, sent, skipped, seconds: (Date.now() - started) / 1000 })}\n`);
