import type { GraphQLSchema } from 'graphql';
import type { FragmentPlansOptions } from './fragment-plans.js';
import type { PreparedOperations } from './prepared-operations.js';

/**
 * Prepared execution, loaded when the first query executes rather than at start-up: graphql-jit and
 * what it brings (fast-json-stringify, ajv) were a tenth of the time from spawn to first answer
 * (bench/RESULTS.md). Until it is loaded, Yoga's own executor answers, with the same bytes.
 */
export class LazyPreparedOperations {
  private loaded: PreparedOperations | null = null;
  private loading: Promise<PreparedOperations> | null = null;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly options: FragmentPlansOptions,
  ) {}

  /** The prepared operations once loaded; null before. */
  get current(): PreparedOperations | null {
    return this.loaded;
  }

  /** Starts loading (once); resolves when prepared execution is in use. */
  load(): Promise<PreparedOperations> {
    this.loading ??= import('./prepared-operations.js').then(({ PreparedOperations }) => (this.loaded = new PreparedOperations(this.schema, this.options)));
    return this.loading;
  }
}
