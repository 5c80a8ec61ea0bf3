const DIGITS = '\\d(?:_?\\d)*';
const PYTHON_FLOAT_GRAMMAR = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);
const PYTHON_FLOAT_SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * Python's `float()` on a JSON value, as the original's scoring called it: strings are parsed with
 * Python's grammar (surrounding whitespace, `_` between digits, `inf`/`nan` in any case), numbers
 * pass through, booleans are 1/0. Anything else, or a string Python rejects, gives null.
 * JavaScript's `Number()` differs (it accepts `0x10` and `""`, rejects `inf` and `1_0`), so it is not used directly.
 */
export function pythonFloat(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const special = PYTHON_FLOAT_SPECIAL.exec(text);
  if (special) {
    if (special[2]!.toLowerCase() === 'nan') return Number.NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (!PYTHON_FLOAT_GRAMMAR.test(text)) return null;
  return Number(text.replaceAll('_', ''));
}
