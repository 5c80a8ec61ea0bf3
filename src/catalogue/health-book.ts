import type { ModelHealth } from './model-health.js';

/**
 * The last good health of each model, by model name: what a model whose check fails (or a whole
 * degraded cycle) falls back to. It outlives refreshes, so a transient `/endpoints` outage does not
 * drop every model back to its static score. Immutable: an enrichment cycle makes a new book.
 */
export class HealthBook {
  static readonly EMPTY = new HealthBook(new Map());

  private constructor(private readonly entries: ReadonlyMap<string, ModelHealth>) {}

  /** A book of the given entries (each as a fresh check: `fromCache` false). */
  static of(entries: Readonly<Record<string, ModelHealth>>): HealthBook {
    const map = new Map<string, ModelHealth>();
    for (const [modelName, health] of Object.entries(entries)) map.set(modelName, health.fromCache ? { ...health, fromCache: false } : health);
    return map.size === 0 ? HealthBook.EMPTY : new HealthBook(map);
  }

  /** The model's last good health, or undefined when it never had any. */
  get(modelName: string): ModelHealth | undefined {
    return this.entries.get(modelName);
  }

  /** This book with `checked` recorded as the models' latest good health. */
  with(checked: ReadonlyMap<string, ModelHealth>): HealthBook {
    if (checked.size === 0) return this;
    return new HealthBook(new Map([...this.entries, ...checked]));
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every entry, for the data file. */
  toRecord(): Record<string, ModelHealth> {
    return Object.fromEntries(this.entries);
  }
}
