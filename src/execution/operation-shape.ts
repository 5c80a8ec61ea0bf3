import {
  getNamedType,
  isAbstractType,
  isLeafType,
  isObjectType,
  Kind,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { spreadFragments, type FragmentPlan, type FragmentPlans } from './fragment-plans.js';

/**
 * How an operation's result is made when it selects immutable objects: the operation runs with each
 * field that returns them cut to a leaf (the "shadow" operation, against the shadow schema, where
 * such fields return the objects themselves), and its result is written with each object replaced by
 * its serialised fragment. The shape says, by response key, where the fragments go and which plan
 * makes them.
 *
 * Only what can be decided once per document is shadowed: a selection on the way to an immutable
 * object must not depend on variables (`@skip(if: $x)`), nor on the runtime type (abstract types),
 * nor merge two selections under one response key. Anything else keeps ordinary execution.
 */

export type Shape =
  | { readonly kind: 'plain' }
  | { readonly kind: 'fragment'; readonly plan: FragmentPlan }
  | { readonly kind: 'object'; readonly fields: ReadonlyMap<string, Shape> };

export const PLAIN: Shape = { kind: 'plain' };

export interface ShadowOperation {
  /** The operation with every immutable-typed field cut to a leaf; same field nodes (and locations) otherwise. */
  readonly document: DocumentNode;
  /** Where the fragments go in the result's `data`. */
  readonly shape: Shape;
}

class Unsupported extends Error {}

interface Analysis {
  readonly selectionSet: SelectionSetNode;
  readonly shape: Shape;
}

/** The shadow of one operation of a validated document, or null when it selects no immutable object or cannot be shadowed. */
export function shadowOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, plans: FragmentPlans): ShadowOperation | null {
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  let analysis: Analysis;
  try {
    analysis = analyse({ plans, fragments }, root, operation.selectionSet);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  if (analysis.shape.kind !== 'object') return null;
  const shadowed = { ...operation, selectionSet: analysis.selectionSet };
  // Fragment definitions still spread by the parts kept as they are (none of which select immutable objects).
  return { document: { kind: Kind.DOCUMENT, definitions: [shadowed, ...spreadFragments(shadowed.selectionSet, fragments)] }, shape: analysis.shape };
}

interface Context {
  readonly plans: FragmentPlans;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
}

function analyse(context: Context, parent: GraphQLObjectType, selectionSet: SelectionSetNode): Analysis {
  const selections: FieldNode[] = [];
  const shapes = new Map<string, Shape>();
  for (const [key, field] of collectFields(context, parent, selectionSet)) {
    const definition = field.name.value === '__typename' ? null : parent.getFields()[field.name.value];
    const named = definition ? getNamedType(definition.type) : null;
    if (named === null || isLeafType(named) || field.selectionSet === undefined) {
      selections.push(field);
    } else if (isObjectType(named) && context.plans.isImmutable(named.name)) {
      assertFixed(field.directives);
      const plan = context.plans.planFor(named, field.selectionSet, context.fragments);
      if (plan === null) throw new Unsupported();
      selections.push({ ...field, selectionSet: undefined } as FieldNode);
      shapes.set(key, { kind: 'fragment', plan });
    } else if (isObjectType(named)) {
      const inner = analyse(context, named, field.selectionSet);
      if (inner.shape.kind === 'object') {
        assertFixed(field.directives);
        selections.push({ ...field, selectionSet: inner.selectionSet });
        shapes.set(key, inner.shape);
      } else {
        selections.push(field);
      }
    } else if (isAbstractType(named)) {
      // Which fields apply depends on the runtime type: not shadowed (no immutable type is abstract here).
      throw new Unsupported();
    } else {
      selections.push(field);
    }
  }
  return { selectionSet: { kind: Kind.SELECTION_SET, selections }, shape: shapes.size > 0 ? { kind: 'object', fields: shapes } : PLAIN };
}

/** Fields by response key in execution order, fragments flattened; throws Unsupported where that takes variables or runtime types. */
function collectFields(context: Context, parent: GraphQLObjectType, selectionSet: SelectionSetNode, into = new Map<string, FieldNode>()): Map<string, FieldNode> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!included(selection.directives, selection.selectionSet !== undefined)) continue;
      const key = selection.alias?.value ?? selection.name.value;
      // Two selections merged under one key: graphql-js merges their sub-selections; not worth shadowing.
      if (into.has(key)) throw new Unsupported();
      into.set(key, selection);
      continue;
    }
    if (!included(selection.directives, true)) continue;
    const typeCondition = selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition : context.fragments.get(selection.name.value)?.typeCondition;
    if (typeCondition && typeCondition.name.value !== parent.name) throw new Unsupported();
    const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : context.fragments.get(selection.name.value)?.selectionSet;
    if (!inner) throw new Unsupported();
    collectFields(context, parent, inner, into);
  }
  return into;
}

/**
 * Whether `@skip`/`@include` keep a selection. With a variable, a leaf stays in (execution decides,
 * and a skipped key is simply absent); anything with a selection set is not shadowed.
 */
function included(directives: readonly DirectiveNode[] | undefined, hasSelections: boolean): boolean {
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') {
      if (hasSelections) throw new Unsupported();
      continue;
    }
    const condition = directive.arguments?.find((argument) => argument.name.value === 'if')?.value;
    if (condition?.kind !== Kind.BOOLEAN) {
      if (hasSelections) throw new Unsupported();
      continue;
    }
    if ((name === 'skip') === condition.value) return false;
  }
  return true;
}

/** A field on the way to immutable objects must be there or not whatever the variables say. */
function assertFixed(directives: readonly DirectiveNode[] | undefined): void {
  if (directives?.some((directive) => directive.arguments?.some((argument) => argument.value.kind === Kind.VARIABLE))) throw new Unsupported();
}
