const MAX = 0xffffffff;

/**
 * The closest fraction `p / q` to a positive number with `p` and `q` below 2^32 (TIFF's
 * RATIONAL), by continued fractions, as Python's `Fraction.limit_denominator`. Decimals of
 * up to about nine significant digits come back exactly (`q / p` read as a double).
 *
 * @param x - a positive finite number
 * @returns `[p, q]`
 */
export function toRational(x: number): [number, number] {
  if (Number.isInteger(x) && x <= MAX) return [x, 1];
  let p0 = 0;
  let q0 = 1;
  let p1 = 1;
  let q1 = 0;
  let v = x;
  for (let i = 0; i < 64; i++) {
    const a = Math.floor(v);
    const p2 = a * p1 + p0;
    const q2 = a * q1 + q0;
    if (p2 > MAX || q2 > MAX) break;
    p0 = p1;
    q0 = q1;
    p1 = p2;
    q1 = q2;
    if (p1 / q1 === x) break;
    const f = v - a;
    if (f === 0) break;
    v = 1 / f;
  }
  if (q1 === 0) return [MAX, 1];
  if (p1 === 0) return [1, MAX];
  return [p1, q1];
}
