import { assertNumber } from './checks.js';
import { InvalidArgumentError } from './errors.js';

/**
 * A seeded pseudo-random generator. Same seed, same sequence, on every platform.
 * Not cryptographic.
 */
export interface Rng {
  /** The seed this generator was created with. */
  readonly seed: number;
  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  random(): number;
  /** Uniform double in [low, high). Defaults 0, 1. */
  uniform(low?: number, high?: number): number;
  /** Uniform integer in [low, high), without modulo bias. */
  integer(low: number, high: number): number;
  /** Gaussian draw (Marsaglia polar method). Defaults mean 0, sd 1. */
  normal(mean?: number, sd?: number): number;
  /** A shuffled copy of `items` (Fisher-Yates); the input is not modified. */
  shuffle<T>(items: readonly T[]): T[];
  /** A new generator seeded from this one's next draw: an independent stream, e.g. one per image. */
  fork(): Rng;
}

/** SplitMix32 step: spreads a seed over the 128-bit state. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/**
 * Create a seeded generator: xoshiro128** (Blackman and Vigna) with its 128-bit state
 * filled by SplitMix32 from the seed. Period 2^128 - 1; about 1 ns a draw in V8.
 *
 * @param seed - any finite number; integers in [0, 2^32) map one-to-one to streams, other
 *   values are folded into 32 bits (fraction and sign included). Default 0.
 * @returns an {@link Rng}
 * @throws InvalidArgumentError when `seed` is not a finite number
 *
 * @remarks
 * References: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators",
 * ACM TOMS 47 (2021), doi:10.1145/3460772. G. Marsaglia, T. A. Bray, "A convenient method
 * for generating normal variables", SIAM Review 6 (1964), doi:10.1137/1006063.
 */
export function createRng(seed = 0): Rng {
  assertNumber('createRng', 'seed', seed);
  const folded = Number.isInteger(seed) && seed >= 0 && seed < TWO_POW_32 ? seed : foldSeed(seed);
  const mix = { s: folded | 0 };
  let a = splitmix32(mix);
  let b = splitmix32(mix);
  let c = splitmix32(mix);
  let d = splitmix32(mix);
  if ((a | b | c | d) === 0) a = 1;
  let spare: number | undefined;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const random = (): number => {
    const hi = nextUint32() >>> 5; // 27 bits
    const lo = nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / TWO_POW_53;
  };

  const rng: Rng = {
    seed,
    nextUint32,
    random,
    uniform(low = 0, high = 1) {
      assertNumber('Rng.uniform', 'low', low);
      assertNumber('Rng.uniform', 'high', high);
      const value = low + (high - low) * random();
      if (!Number.isFinite(value)) {
        throw new InvalidArgumentError(
          'Rng.uniform',
          'high',
          high,
          'a bound with high - low finite',
        );
      }
      return value;
    },
    integer(low, high) {
      assertNumber('Rng.integer', 'low', low, { integer: true });
      assertNumber('Rng.integer', 'high', high, { integer: true, greaterThan: low });
      const n = high - low;
      if (n > TWO_POW_32) return low + Math.floor(random() * n);
      // Lemire-style rejection: accept only draws below the largest multiple of n
      const limit = TWO_POW_32 - (TWO_POW_32 % n);
      let x = nextUint32();
      while (x >= limit) x = nextUint32();
      return low + (x % n);
    },
    normal(mean = 0, sd = 1) {
      assertNumber('Rng.normal', 'mean', mean);
      assertNumber('Rng.normal', 'sd', sd, { min: 0 });
      if (spare !== undefined) {
        const z = spare;
        spare = undefined;
        return mean + sd * z;
      }
      let u: number;
      let v: number;
      let s: number;
      do {
        u = 2 * random() - 1;
        v = 2 * random() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * f;
      return mean + sd * u * f;
    },
    shuffle<T>(items: readonly T[]): T[] {
      if (!Array.isArray(items)) {
        throw new InvalidArgumentError('Rng.shuffle', 'items', items, 'an array');
      }
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = rng.integer(0, i + 1);
        const tmp = out[i]!;
        out[i] = out[j]!;
        out[j] = tmp;
      }
      return out;
    },
    fork() {
      return createRng(nextUint32());
    },
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Fold any finite double into 32 bits through its IEEE-754 words. */
function foldSeed(seed: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, seed);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  return (Math.imul(hi ^ 0x5bd1e995, 0x27d4eb2d) ^ lo) >>> 0;
}
