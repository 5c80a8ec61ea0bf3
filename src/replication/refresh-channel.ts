import { randomUUID } from 'node:crypto';
import type { RefreshOutcome } from '../catalogue/refresh-types.js';
import type { RedisLink } from './redis-link.js';

/** A refresh outcome as it crosses the wire (a version is named by its etag). */
export type WireOutcome = { readonly kind: 'accepted'; readonly etag: string } | Exclude<RefreshOutcome, { kind: 'accepted' }>;

export interface RefreshRequest {
  readonly id: string;
  readonly force: boolean;
  readonly from: string;
}

export interface RefreshReply {
  readonly id: string;
  readonly outcome: WireOutcome;
}

/**
 * `refreshCatalogue` asked on any replica and carried out by the one that refreshes: requests go out
 * on one channel, replies come back on another, matched by request id.
 */
export class RefreshChannel {
  private readonly pending = new Map<string, (reply: RefreshReply | null) => void>();

  constructor(
    private readonly link: RedisLink,
    private readonly replicaId: string,
  ) {
    link.onMessage('refresh-replies', (message) => {
      const reply = JSON.parse(message) as RefreshReply;
      this.settle(reply.id, reply);
    });
  }

  /** Answers requests with `carryOut` (which answers null when this replica is not the one to do it). Call before the link connects. */
  serve(carryOut: (request: RefreshRequest) => Promise<WireOutcome | null>): void {
    this.link.onMessage('refresh-requests', async (message) => {
      const request = JSON.parse(message) as RefreshRequest;
      const outcome = await carryOut(request);
      if (outcome !== null) await this.link.publish('refresh-replies', JSON.stringify({ id: request.id, outcome } satisfies RefreshReply));
    });
  }

  /** Asks for a refresh; resolves with the reply, or null when none came within `timeoutMs` or Redis failed. */
  ask(force: boolean, timeoutMs: number): Promise<RefreshReply | null> {
    const request: RefreshRequest = { id: randomUUID(), force, from: this.replicaId };
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(request.id, null), timeoutMs);
      this.pending.set(request.id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      this.link.publish('refresh-requests', JSON.stringify(request)).catch(() => this.settle(request.id, null));
    });
  }

  /** Answers every request still waiting with `outcome` (Redis went away while they were forwarded). */
  failPending(outcome: WireOutcome): void {
    for (const [id, resolve] of this.pending) resolve({ id, outcome });
    this.pending.clear();
  }

  private settle(id: string, reply: RefreshReply | null): void {
    this.pending.get(id)?.(reply);
    this.pending.delete(id);
  }
}
