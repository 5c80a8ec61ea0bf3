import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Documents Yoga has parsed, validated and let through every limit, by their text, as they reached
 * execution: what the fast lane (src/http/fast-lane.ts) may run without parsing or validating again.
 * A document is only ever learnt from Yoga's own path, so nothing Yoga would refuse is in here.
 */
export class AcceptedDocuments {
  private readonly byText: LRUCache<string, DocumentNode>;

  /** As many as Yoga's parse cache keeps (1,000). */
  constructor(max = 1000) {
    this.byText = new LRUCache({ max });
  }

  accept(text: string, document: DocumentNode): void {
    if (this.byText.get(text) !== document) this.byText.set(text, document);
  }

  get(text: string): DocumentNode | undefined {
    return this.byText.get(text);
  }
}
