/**
 * Reads a JSON object's `data` array one element at a time, straight from the body bytes.
 *
 * `JSON.parse` of a whole model list keeps every field of every model alive at once (most of which
 * the catalogue never reads), which for a 100× catalogue means gigabytes of heap. Here each element
 * is parsed on its own and handed to `onItem`, which keeps only what it needs, so peak memory is
 * the body plus one element. Every other top-level value is still parsed, so a body is accepted
 * exactly when `JSON.parse` would accept it.
 *
 * Returns false when the bytes are not a plain `{..., "data": [...], ...}` object (not JSON, another
 * shape, a repeated `data` key); the caller then falls back to `JSON.parse` for its precise error.
 */
export function forEachDataElement(bytes: Uint8Array, onItem: (element: unknown, index: number) => void): boolean {
  const scanner = new Scanner(bytes);
  try {
    return scanner.readEnvelope(onItem);
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof NotAnEnvelope) return false;
    throw error;
  }
}

class NotAnEnvelope extends Error {}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

// Not fatal: invalid UTF-8 becomes U+FFFD, as with Buffer#toString before a whole-body JSON.parse.
const decoder = new TextDecoder('utf-8');

class Scanner {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  readEnvelope(onItem: (element: unknown, index: number) => void): boolean {
    this.skipWhitespace();
    this.expect(OPEN_BRACE);
    let sawData = false;
    this.skipWhitespace();
    if (this.peek() === CLOSE_BRACE) throw new NotAnEnvelope();
    for (;;) {
      this.skipWhitespace();
      const keyStart = this.pos;
      this.skipString();
      const key = this.parse(keyStart, this.pos) as string;
      this.skipWhitespace();
      this.expect(COLON);
      this.skipWhitespace();
      if (key === 'data') {
        if (sawData || this.peek() !== OPEN_BRACKET) throw new NotAnEnvelope();
        sawData = true;
        this.readArray(onItem);
      } else {
        const valueStart = this.pos;
        this.skipValue();
        this.parse(valueStart, this.pos);
      }
      this.skipWhitespace();
      const next = this.bytes[this.pos++];
      if (next === CLOSE_BRACE) break;
      if (next !== COMMA) throw new SyntaxError('expected , or }');
    }
    this.skipWhitespace();
    if (this.pos !== this.bytes.length) throw new SyntaxError('trailing bytes');
    return sawData;
  }

  private readArray(onItem: (element: unknown, index: number) => void): void {
    this.expect(OPEN_BRACKET);
    this.skipWhitespace();
    if (this.peek() === CLOSE_BRACKET) {
      this.pos += 1;
      return;
    }
    for (let index = 0; ; index += 1) {
      this.skipWhitespace();
      const start = this.pos;
      this.skipValue();
      onItem(this.parse(start, this.pos), index);
      this.skipWhitespace();
      const next = this.bytes[this.pos++];
      if (next === CLOSE_BRACKET) return;
      if (next !== COMMA) throw new SyntaxError('expected , or ]');
    }
  }

  /** Moves past one value without interpreting it; `JSON.parse` of the span validates it. */
  private skipValue(): void {
    const first = this.peek();
    if (first === QUOTE) return this.skipString();
    if (first === OPEN_BRACE || first === OPEN_BRACKET) return this.skipNested();
    const start = this.pos;
    while (this.pos < this.bytes.length) {
      const byte = this.bytes[this.pos]!;
      if (byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET || isWhitespace(byte)) break;
      this.pos += 1;
    }
    if (this.pos === start) throw new SyntaxError('expected a value');
  }

  private skipNested(): void {
    let depth = 0;
    const { bytes } = this;
    while (this.pos < bytes.length) {
      const byte = bytes[this.pos]!;
      if (byte === QUOTE) {
        this.skipString();
        continue;
      }
      this.pos += 1;
      if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth += 1;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        depth -= 1;
        if (depth === 0) return;
      }
    }
    throw new SyntaxError('unterminated object or array');
  }

  private skipString(): void {
    this.expect(QUOTE);
    const { bytes } = this;
    while (this.pos < bytes.length) {
      const byte = bytes[this.pos++]!;
      if (byte === BACKSLASH) this.pos += 1;
      else if (byte === QUOTE) return;
    }
    throw new SyntaxError('unterminated string');
  }

  private parse(start: number, end: number): unknown {
    return JSON.parse(decoder.decode(this.bytes.subarray(start, end)));
  }

  private skipWhitespace(): void {
    while (isWhitespace(this.bytes[this.pos])) this.pos += 1;
  }

  private peek(): number | undefined {
    return this.bytes[this.pos];
  }

  private expect(byte: number): void {
    if (this.bytes[this.pos] !== byte) throw new SyntaxError(`expected ${String.fromCharCode(byte)}`);
    this.pos += 1;
  }
}
