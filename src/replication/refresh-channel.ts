import { randomUUID } from 'node:crypto';
import type { RedisLink } from './redis-link.js';
import type { RefreshReport } from '../catalogue/refresh-types.js';
import { parseReply, parseRequest, type RefreshReply, type RefreshRequest, type WireOutcome } from './wire.js';

/** What a forwarded refresh came to; no report when Redis went away before the answer. */
export interface Answer {
  readonly outcome: WireOutcome;
  readonly report: RefreshReport | null;
}

/**
 * `refreshCatalogue` asked on any replica and carried out by the one that refreshes: requests go out
 * on one channel, replies (the outcome and the refresh's report) come back on another, matched by
 * request id.
 */
export class RefreshChannel {
  private readonly pending = new Map<string, (answer: Answer | null) => void>();

  constructor(
    private readonly link: RedisLink,
    private readonly replicaId: string,
  ) {
    link.onMessage('refresh-replies', (message) => {
      const reply = parseReply(message);
      this.settle(reply.id, reply);
    });
  }

  /** Answers requests with `carryOut` (which answers null when this replica is not the one to do it). Call before the link connects. */
  serve(carryOut: (request: RefreshRequest) => Promise<Omit<RefreshReply, 'id'> | null>): void {
    this.link.onMessage('refresh-requests', async (message) => {
      const request = parseRequest(message);
      const answer = await carryOut(request);
      if (answer !== null) await this.link.publish('refresh-replies', JSON.stringify({ id: request.id, ...answer } satisfies RefreshReply));
    });
  }

  /** Asks for a refresh; resolves with the answer, or null when none came within `timeoutMs` or the request could not be sent. */
  ask(force: boolean, timeoutMs: number): Promise<Answer | null> {
    const request: RefreshRequest = { id: randomUUID(), force, from: this.replicaId };
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(request.id, null), timeoutMs);
      this.pending.set(request.id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.link.publish('refresh-requests', JSON.stringify(request)).catch(() => this.settle(request.id, null));
    });
  }

  /** Answers every request still waiting with `outcome` (Redis went away while they were forwarded). */
  failPending(outcome: WireOutcome): void {
    for (const resolve of this.pending.values()) resolve({ outcome, report: null });
    this.pending.clear();
  }

  private settle(id: string, answer: Answer | null): void {
    this.pending.get(id)?.(answer);
    this.pending.delete(id);
  }
}
