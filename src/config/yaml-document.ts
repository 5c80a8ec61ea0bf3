import { isAlias, isCollection, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/**
 * Operator YAML to plain JavaScript, with the limits a hostile or broken file needs. YAML anchors and
 * aliases let a 1 KiB file describe a gigabyte ("billion laughs"): the parser shares the aliased
 * objects, but anything that walks the result (validation, serialising a response) expands them. So
 * the document is measured as it would be expanded before it is converted, and refused past the limits.
 */

/** Largest operator file read: a real one is a few KiB; hundreds of curated models fit easily. */
export const MAX_OPERATOR_FILE_BYTES = 1024 * 1024;
/** Most values (scalars, lists, maps) the document may hold once every alias is expanded. */
export const MAX_YAML_VALUES = 100_000;
/** Deepest nesting of lists and maps, aliases expanded. */
export const MAX_YAML_DEPTH = 64;
/** At most this many problems are listed; a garbage file would otherwise print thousands. */
const MAX_PROBLEMS = 20;

/** Thrown with one line per problem, each starting with its line and column. */
export class YamlProblems extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

interface Measure {
  readonly values: number;
  readonly height: number;
}

/** Parses YAML text into plain data, refusing syntax errors, bombs and keys JavaScript objects cannot hold faithfully. */
export function parseYaml(text: string): unknown {
  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    // yaml's own duplicate-key check compares every key with every other (21 s for a 600 KiB map of
    // 60,000 keys); the Measurer below finds duplicates with a set instead, aliased keys included.
    document = parseDocument(text, { prettyErrors: true, uniqueKeys: false, lineCounter });
  } catch (error) {
    throw new YamlProblems([`cannot parse the file: ${error instanceof RangeError ? `nested deeper than ${MAX_YAML_DEPTH} levels` : String(error)}`]);
  }
  if (document.errors.length > 0) {
    throw new YamlProblems(
      capped(
        document.errors.map((error) => {
          const at = error.linePos?.[0];
          const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
          const message = first.includes('Maximum call stack') ? `nested deeper than ${MAX_YAML_DEPTH} levels` : first;
          return at ? `line ${at.line}, column ${at.col}: ${message}` : message;
        }),
      ),
    );
  }
  new Measurer(document, lineCounter).measure();
  // Aliases are bounded by the measure above; yaml's own alias counter would refuse legitimate files
  // that reuse one anchor more than 100 times, so it is off.
  return document.toJS({ maxAliasCount: -1 });
}

function capped(problems: string[]): string[] {
  return problems.length > MAX_PROBLEMS ? [...problems.slice(0, MAX_PROBLEMS), `… and ${problems.length - MAX_PROBLEMS} more problems`] : problems;
}

/** Walks the document as toJS would expand it, counting values and depth, with each anchored node measured once. */
class Measurer {
  private readonly measured = new Map<Node, Measure>();
  private readonly inProgress = new Set<Node>();
  private total = 0;

  constructor(
    private readonly document: Document.Parsed,
    private readonly lineCounter: LineCounter,
  ) {}

  measure(): void {
    if (this.document.contents) this.node(this.document.contents as Node, 1);
  }

  private fail(node: Node | null | undefined, message: string): never {
    const offset = node?.range?.[0];
    const at = offset === undefined ? null : this.lineCounter.linePos(offset);
    throw new YamlProblems([at ? `line ${at.line}, column ${at.col}: ${message}` : message]);
  }

  private node(node: Node, depth: number): Measure {
    if (depth > MAX_YAML_DEPTH) this.fail(node, `nested deeper than ${MAX_YAML_DEPTH} levels`);
    if (isAlias(node)) return this.alias(node, depth);
    const known = this.measured.get(node);
    if (known) return this.count(node, known, depth);
    if (this.inProgress.has(node)) this.fail(node, 'an alias refers to a list or map that contains it');
    this.inProgress.add(node);
    this.total += 1;
    let values = 1;
    let height = 1;
    if (isCollection(node)) {
      const keys = new Set<string>();
      for (const item of node.items) {
        const children = isPair(item) ? [this.key(item.key as Node | null, keys), item.value as Node | null] : [item as Node | null];
        for (const child of children) {
          if (child === null || child === undefined) continue;
          const inner = this.node(child, depth + 1);
          values += inner.values;
          height = Math.max(height, inner.height + 1);
        }
      }
    }
    this.inProgress.delete(node);
    const result = { values, height };
    if (node.anchor) this.measured.set(node, result);
    if (this.total > MAX_YAML_VALUES) this.fail(node, `the document expands past ${MAX_YAML_VALUES} values`);
    return result;
  }

  /** An alias costs what its target costs, again, wherever it is used. */
  private alias(node: Node & { source: string; resolve(doc: Document): Node | undefined }, depth: number): Measure {
    const target = node.resolve(this.document);
    if (!target) this.fail(node, `alias *${node.source} has no anchor &${node.source} before it`);
    if (this.inProgress.has(target)) this.fail(node, `alias *${node.source} refers to a list or map that contains it`);
    const measure = this.measured.get(target) ?? this.node(target, depth);
    return this.count(node, measure, depth, true);
  }

  private count(node: Node, measure: Measure, depth: number, reuse = false): Measure {
    if (depth - 1 + measure.height > MAX_YAML_DEPTH) this.fail(node, `nested deeper than ${MAX_YAML_DEPTH} levels once aliases are expanded`);
    if (reuse) this.total += measure.values;
    if (this.total > MAX_YAML_VALUES) this.fail(node, `aliases expand the document past ${MAX_YAML_VALUES} values`);
    return measure;
  }

  /** A key must be a plain scalar (JavaScript object keys are strings), unique, and not `__proto__`. */
  private key(key: Node | null, seen: Set<string>): Node | null {
    const target = key && isAlias(key) ? (key as unknown as { resolve(doc: Document): Node | undefined }).resolve(this.document) : key;
    if (target && !isScalar(target)) this.fail(key, 'a key must be a plain value, not a list or map');
    const name = target && isScalar(target) ? String(target.value) : '';
    if (name === '__proto__') this.fail(key, 'the key "__proto__" is not allowed');
    if (seen.has(name)) this.fail(key, `duplicate key "${name.length > 40 ? `${name.slice(0, 40)}…` : name}"`);
    seen.add(name);
    return key;
  }
}
