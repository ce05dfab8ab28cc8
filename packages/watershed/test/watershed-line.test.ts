import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { watershed } from '../src/index.js';
import { loadFixture } from './helpers.js';

/** One case of watershed-line.json (scripts/make-watershed-line-fixture.py). */
type LineCase = [
  shape: number[],
  connectivity: number,
  line: 0 | 1,
  compactness: number,
  image: string,
  markers: string,
  mask: string,
  labels: string,
];

/** "0" = 0, "a".."h" = 1..8, "A".."C" = -1..-3. */
function decodeLabel(ch: string): number {
  if (ch === '0') return 0;
  const code = ch.charCodeAt(0);
  return code >= 97 ? code - 96 : -(code - 64);
}

const fixture = loadFixture<{ skimage: string; cases: LineCase[] }>('watershed-line.json');

/** Runs one case; 1D cases as shape [1, n]. Returns the labels and the expected ones. */
function run(c: LineCase): { got: number[]; want: number[] } {
  const [shape, connectivity, line, compactness, img, mk, msk, labels] = c;
  const nd = shape.length === 1 ? [1, shape[0]!] : shape;
  const image = ndarray(
    Float64Array.from(img, (ch) => Number(ch)),
    nd,
  );
  const markers = ndarray(Int32Array.from(mk, decodeLabel), nd);
  const mask =
    msk === ''
      ? undefined
      : ndarray(
          Uint8Array.from(msk, (ch) => Number(ch)),
          nd,
        );
  const got = watershed(image, markers, {
    mask,
    connectivity,
    compactness,
    watershedLine: line === 1,
  });
  return { got: Array.from(got.data), want: Array.from(labels, decodeLabel) };
}

describe('watershed equals scikit-image 0.19 on tiny random cases (watershed-line.json)', () => {
  it('the fixture holds thousands of 1D, 2D and 3D cases, most with lines', () => {
    expect(fixture.skimage).toMatch(/^0\.19/);
    const cases = fixture.cases;
    expect(cases.length).toBeGreaterThanOrEqual(5000);
    for (const ndim of [1, 2, 3]) {
      expect(cases.filter((c) => c[0].length === ndim && c[2] === 1).length).toBeGreaterThan(900);
    }
  });

  it('the smallest reported case: image [1, 0, 1], markers [2, 2, 1] -> [2, 2, 1]', () => {
    const image = ndarray(Float64Array.of(1, 0, 1), [1, 3]);
    const markers = ndarray(Int32Array.of(2, 2, 1), [1, 3]);
    const out = watershed(image, markers, { watershedLine: true });
    expect(Array.from(out.data)).toEqual([2, 2, 1]);
  });

  for (const [title, pick] of [
    ['1D (as [1, n]) with lines', (c: LineCase) => c[0].length === 1 && c[2] === 1],
    ['2D with lines', (c: LineCase) => c[0].length === 2 && c[2] === 1],
    ['3D with lines', (c: LineCase) => c[0].length === 3 && c[2] === 1],
    ['1D, 2D and 3D without lines', (c: LineCase) => c[2] === 0],
  ] as const) {
    it(`${title}: every element identical`, () => {
      const cases = fixture.cases.filter(pick);
      expect(cases.length).toBeGreaterThan(500);
      const failures: string[] = [];
      for (const c of cases) {
        const { got, want } = run(c);
        if (got.some((v, i) => v !== want[i])) {
          failures.push(`${JSON.stringify(c)} -> ${JSON.stringify(got)}`);
        }
      }
      expect(failures.slice(0, 5), `${failures.length} of ${cases.length} cases differ`).toEqual(
        [],
      );
    });
  }
});
