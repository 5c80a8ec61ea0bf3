import { GraphQLSchema, Kind, type ExecutionResult, print, TypeInfo, visit, visitWithTypeInfo, type FragmentDefinitionNode, type GraphQLObjectType, type SelectionSetNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/**
 * Serialised fragments: the JSON text of one selection set for one object, computed once and reused
 * by every answer that selects it. Only objects of the types named as immutable get fragments (a
 * catalogue's configs never change within a version: a new version brings new objects), so a
 * fragment is keyed by the object itself and lives as long as it.
 *
 * A fragment must depend on its object alone. Three guards: a selection with variables, or with a
 * field whose value moves with the clock (`clockDependent`), gets no plan; a resolver that reads the
 * request context fails (the context given to fragments throws on any read); and any error while a
 * fragment is computed means it is not kept, and the request is answered by ordinary execution.
 */

/** Reads of the request context fail: a fragment must not depend on who asks. */
const NO_CONTEXT = new Proxy(Object.freeze({}), {
  get: (_target, key) => {
    throw new Error(`a resolver of a serialised fragment read the request context (${String(key)})`);
  },
});
const NO_VARIABLES = Object.freeze({});

export interface FragmentPlansOptions {
  /** Object types whose objects are immutable and whose fields depend on the object alone. */
  readonly immutableTypes: readonly string[];
  /** Schema coordinates (`Type.field`) whose value moves with the clock or reads the request: selections with them get no plan. */
  readonly clockDependent?: readonly string[];
  /** Bound on the bytes of all fragments kept; past it every plan starts again (default 32 MiB). */
  readonly maxBytes?: number;
}

/** One selection set on one immutable type, compiled, with the fragments it has made. */
export class FragmentPlan {
  private fragments = new WeakMap<object, Buffer>();

  constructor(
    private readonly query: CompiledQuery['query'],
    private readonly plans: FragmentPlans,
  ) {}

  /** The JSON text of the selection for `object`, made on first use; null when it cannot be kept. */
  fragmentOf(object: object): Buffer | null {
    const kept = this.fragments.get(object);
    if (kept !== undefined) return kept;
    let answer;
    try {
      answer = this.query(object, NO_CONTEXT, NO_VARIABLES);
    } catch {
      return null;
    }
    // Only what is known at once can be kept: an asynchronous resolver makes no fragment.
    if (typeof (answer as { then?: unknown }).then === 'function') return null;
    const result = answer as ExecutionResult;
    if (result.errors !== undefined || result.data == null) return null;
    const fragment = Buffer.from(JSON.stringify(result.data));
    this.fragments.set(object, fragment);
    this.plans.grew(this, fragment.length);
    return fragment;
  }

  /** Forgets every fragment (the budget was spent). */
  empty(): void {
    this.fragments = new WeakMap();
  }
}

/** Plans kept: one per type and selection set in use, far more than a selector's handful. */
const MAX_PLANS = 256;

/** The plans of one schema, by type and selection set. */
export class FragmentPlans {
  private readonly immutable: ReadonlySet<string>;
  private readonly clockDependent: ReadonlySet<string>;
  private readonly rootedSchemas = new Map<string, GraphQLSchema>();
  /** Plans by type and printed selection; null for a selection that cannot have one. */
  private readonly plans: LRUCache<string, FragmentPlan | 'none'>;
  /** Plans holding fragments (a plan dropped from the LRU may still be held by a prepared operation). */
  private readonly holding = new Set<FragmentPlan>();
  private readonly maxBytes: number;
  private bytes = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    options: FragmentPlansOptions,
  ) {
    this.immutable = new Set(options.immutableTypes);
    this.clockDependent = new Set(options.clockDependent ?? []);
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
    this.plans = new LRUCache({ max: MAX_PLANS });
  }

  isImmutable(typeName: string): boolean {
    return this.immutable.has(typeName);
  }

  /**
   * The plan for `selectionSet` on `type` (with the document's fragments it spreads), or null when the
   * selection cannot have one (variables, clock-dependent fields, a selection graphql-jit refuses).
   */
  planFor(type: GraphQLObjectType, selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FragmentPlan | null {
    const used = spreadFragments(selectionSet, fragments);
    const key = [type.name, print(selectionSet), ...used.map((fragment) => print(fragment))].join('\n');
    const known = this.plans.get(key);
    if (known !== undefined) return known === 'none' ? null : known;
    const plan = this.compile(type, selectionSet, used);
    this.plans.set(key, plan ?? 'none');
    return plan;
  }

  /** Called by a plan that made a fragment: past the budget, every plan starts again. */
  grew(plan: FragmentPlan, bytes: number): void {
    this.holding.add(plan);
    this.bytes += bytes;
    if (this.bytes <= this.maxBytes) return;
    for (const held of this.holding) held.empty();
    this.holding.clear();
    this.bytes = 0;
  }

  stats(): { plans: number; bytes: number } {
    return { plans: this.plans.size, bytes: this.bytes };
  }

  private compile(type: GraphQLObjectType, selectionSet: SelectionSetNode, fragments: readonly FragmentDefinitionNode[]): FragmentPlan | null {
    const schema = this.rootedSchema(type);
    const document = { kind: Kind.DOCUMENT, definitions: [{ kind: Kind.OPERATION_DEFINITION, operation: 'query', selectionSet, variableDefinitions: [], directives: [] }, ...fragments] } as const;
    if (!this.isStatic(schema, document)) return null;
    const compiled = compileQuery(schema, document as never);
    return isCompiledQuery(compiled) ? new FragmentPlan(compiled.query, this) : null;
  }

  /** A schema whose query root is `type`: a selection on it compiles as an operation of its own. */
  private rootedSchema(type: GraphQLObjectType): GraphQLSchema {
    let rooted = this.rootedSchemas.get(type.name);
    if (!rooted) {
      rooted = new GraphQLSchema({ query: type, types: Object.values(this.schema.getTypeMap()).filter((named) => !named.name.startsWith('__')) as never, directives: this.schema.getDirectives() });
      this.rootedSchemas.set(type.name, rooted);
    }
    return rooted;
  }

  /** No variables and no clock-dependent field anywhere in the selection. */
  private isStatic(schema: GraphQLSchema, document: object): boolean {
    const typeInfo = new TypeInfo(schema);
    let fixed = true;
    visit(
      document as never,
      visitWithTypeInfo(typeInfo, {
        Variable() {
          fixed = false;
        },
        Field: (node) => {
          const parent = typeInfo.getParentType();
          if (parent && this.clockDependent.has(`${parent.name}.${node.name.value}`)) fixed = false;
        },
      }),
    );
    return fixed;
  }
}

/** The fragment definitions a selection spreads, directly or through other fragments, in a stable order. */
export function spreadFragments(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const pending: SelectionSetNode[] = [selectionSet];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const definition = fragments.get(node.name.value);
        if (definition && !found.has(node.name.value)) {
          found.set(node.name.value, definition);
          pending.push(definition.selectionSet);
        }
      },
    });
  }
  return [...found.values()].sort((a, b) => (a.name.value < b.name.value ? -1 : 1));
}
