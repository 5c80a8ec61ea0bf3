import type { FragmentPlan } from './fragment-plans.js';
import { PLAIN, type Shape } from './operation-shape.js';

/**
 * Writes an execution result as the bytes of its JSON text, byte for byte what `JSON.stringify` of
 * the ordinary result gives, with each immutable object (carried through execution as a
 * `FragmentRef`) written as its serialised fragment. Keys come in graphql-js's order (`errors`,
 * `data`, `extensions`), as Yoga alone answers. The answer is assembled as bytes: a 67 KB answer
 * made as a string was encoded again for the socket on every request.
 */

/** An immutable object in a result, in place of its fields. Not a plain object, so result-walking plugins leave it alone. */
export class FragmentRef {
  constructor(readonly object: object) {}
}

const RESULT_KEYS = ['errors', 'data', 'extensions'];
const COMMA = Buffer.from(',');

class ByteBuilder {
  private readonly parts: Buffer[] = [];
  private text = '';
  private length = 0;

  add(text: string): void {
    this.text += text;
  }

  addBytes(bytes: Buffer): void {
    if (this.text === ',') this.push(COMMA);
    else if (this.text !== '') this.push(Buffer.from(this.text));
    this.text = '';
    this.push(bytes);
  }

  finish(): Buffer {
    if (this.text !== '') this.push(Buffer.from(this.text));
    return this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.length);
  }

  private push(bytes: Buffer): void {
    this.parts.push(bytes);
    this.length += bytes.length;
  }
}

/** Thrown by the writer when a fragment cannot be made; `prepareFragments` rules that out before. */
export class FragmentUnavailable extends Error {}

function fragment(plan: FragmentPlan, value: unknown): Buffer {
  const made = value instanceof FragmentRef ? plan.fragmentOf(value.object) : null;
  if (made === null) throw new FragmentUnavailable('a serialised fragment could not be made');
  return made;
}

function writeValue(out: ByteBuilder, value: unknown, shape: Shape): void {
  if (value === null || value === undefined) {
    out.add('null');
  } else if (shape.kind === 'plain') {
    out.add(JSON.stringify(value));
  } else if (Array.isArray(value)) {
    out.add('[');
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) out.add(',');
      writeValue(out, value[index], shape);
    }
    out.add(']');
  } else if (shape.kind === 'fragment') {
    out.addBytes(fragment(shape.plan, value));
  } else {
    writeObject(out, value as Record<string, unknown>, (key) => shape.fields.get(key) ?? PLAIN);
  }
}

function writeObject(out: ByteBuilder, object: Record<string, unknown>, shapeOf: (key: string) => Shape, keys: readonly string[] = Object.keys(object)): void {
  out.add('{');
  let first = true;
  for (const key of keys) {
    const value = object[key];
    // As JSON.stringify: properties it cannot write are left out.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    out.add(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    writeValue(out, value, shapeOf(key));
  }
  out.add('}');
}

/** The JSON bytes of an execution result whose `data` has `shape`. */
export function writeResult(result: Record<string, unknown>, shape: Shape): Buffer {
  const out = new ByteBuilder();
  const others = Object.keys(result).filter((key) => !RESULT_KEYS.includes(key));
  writeObject(out, result, (key) => (key === 'data' ? shape : PLAIN), [...RESULT_KEYS, ...others]);
  return out.finish();
}

/** Makes (or finds) every fragment a result needs; false when one cannot be made. */
export function prepareFragments(value: unknown, shape: Shape): boolean {
  if (value === null || value === undefined || shape.kind === 'plain') return true;
  if (Array.isArray(value)) return value.every((item) => prepareFragments(item, shape));
  if (shape.kind === 'fragment') return value instanceof FragmentRef && shape.plan.fragmentOf(value.object) !== null;
  for (const [key, inner] of shape.fields) if (!prepareFragments((value as Record<string, unknown>)[key], inner)) return false;
  return true;
}
