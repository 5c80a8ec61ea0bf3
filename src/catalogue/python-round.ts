/**
 * Python 3's `round(x)` for a float: the nearest integer, ties to even. Ties are decided on the
 * exact double, so 2.5 → 2 and 3.5 → 4 but 2.675 (stored as 2.67499…) is not a tie.
 */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor; // exact for doubles of the magnitudes used here (< 2^52)
  let result: number;
  if (diff > 0.5) result = floor + 1;
  else if (diff < 0.5) result = floor;
  else result = floor % 2 === 0 ? floor : floor + 1;
  // Python returns 0 for round(-0.4); avoid serving -0.
  return result === 0 ? 0 : result;
}
