import { InvalidArgumentError } from '@mgraph/core';
import { describe, expect, it } from 'vitest';
import { type Composite, ENERGY_WINDOW, generateComposite } from '../src/index.js';

const bytesOf = (c: Composite) =>
  [c.image.data, c.phases.data, c.instances.data, c.energy.data, c.phaseOfLabel].map(
    (a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
  );

describe('generateComposite: determinism', () => {
  it.each([
    ['2D', [96, 112]],
    ['3D', [24, 32, 40]],
  ])('%s: same seed, same bytes; different seeds differ', (_, shape) => {
    const options = { shape, nmcRadius: 6 };
    const a = generateComposite({ ...options, seed: 3 });
    const b = generateComposite({ ...options, seed: 3 });
    const c = generateComposite({ ...options, seed: 4 });
    expect(a.image.shape).toEqual(shape);
    bytesOf(a).forEach((bytes, k) => {
      expect(Buffer.from(bytes).equals(Buffer.from(bytesOf(b)[k]!))).toBe(true);
    });
    expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
    expect(Buffer.from(bytesOf(a)[0]!).equals(Buffer.from(bytesOf(c)[0]!))).toBe(false);
    expect(Buffer.from(bytesOf(a)[1]!).equals(Buffer.from(bytesOf(c)[1]!))).toBe(false);
  });
});

describe('generateComposite: maps', () => {
  const c = generateComposite({ shape: [128, 128], seed: 11, nmcRadius: 8 });
  const n = 128 * 128;

  it('phases follow instances, energy is finite in the window exactly on NMC', () => {
    expect(c.phaseOfLabel[0]).toBe(0);
    for (let i = 0; i < n; i++) {
      const l = c.instances.data[i]!;
      expect(c.phases.data[i]).toBe(c.phaseOfLabel[l]);
      const e = c.energy.data[i]!;
      if (c.phases.data[i] === 2) {
        expect(e).toBeGreaterThanOrEqual(ENERGY_WINDOW[0]);
        expect(e).toBeLessThanOrEqual(ENERGY_WINDOW[1]);
      } else expect(Number.isNaN(e)).toBe(true);
      expect(c.image.data[i]).toBeGreaterThanOrEqual(0);
      expect(c.image.data[i]).toBeLessThanOrEqual(1);
    }
    expect(c.image.dtype).toBe('float32');
    expect(c.phases.dtype).toBe('uint8');
    expect(c.instances.dtype).toBe('int32');
    expect(c.energy.dtype).toBe('float32');
  });

  it('every label is one face-connected object; labels are 1..n, NMC first', () => {
    const max = c.phaseOfLabel.length - 1;
    const seen = new Uint8Array(max + 1);
    const components = new Int32Array(max + 1);
    const visited = new Uint8Array(n);
    for (let s = 0; s < n; s++) {
      const l = c.instances.data[s]!;
      seen[l] = 1;
      if (l === 0 || visited[s]) continue;
      components[l]!++;
      const stack = [s];
      visited[s] = 1;
      while (stack.length) {
        const i = stack.pop()!;
        const y = Math.floor(i / 128);
        const x = i % 128;
        for (const [yy, xx] of [
          [y - 1, x],
          [y + 1, x],
          [y, x - 1],
          [y, x + 1],
        ]) {
          if (yy! < 0 || yy! >= 128 || xx! < 0 || xx! >= 128) continue;
          const j = yy! * 128 + xx!;
          if (!visited[j] && c.instances.data[j] === l) {
            visited[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    for (let l = 1; l <= max; l++) {
      expect(seen[l]).toBe(1);
      expect(components[l]).toBe(1);
    }
    const phases = Array.from(c.phaseOfLabel.subarray(1));
    const firstOther = phases.findIndex((p) => p !== 2);
    expect(phases.slice(0, firstOther).every((p) => p === 2)).toBe(true);
    expect(phases.slice(firstOther).every((p) => p !== 2)).toBe(true);
    expect(c.truth.particles.map((p) => p.label)).toEqual(
      phases.flatMap((p, k) => (p === 2 ? [k + 1] : [])),
    );
  });

  it('touching NMC particles are distinct objects', () => {
    let contacts = 0;
    for (let i = 0; i < n - 1; i++) {
      const a = c.instances.data[i]!;
      const b = c.instances.data[i + 1]!;
      if (a !== b && c.phaseOfLabel[a] === 2 && c.phaseOfLabel[b] === 2 && (i + 1) % 128 !== 0)
        contacts++;
    }
    expect(contacts).toBeGreaterThan(20);
  });

  it('NMC is bright; the light phases share a grey-level range', () => {
    const sums = [0, 0, 0, 0];
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      sums[c.phases.data[i]!]! += c.image.data[i]!;
      counts[c.phases.data[i]!]!++;
    }
    const means = sums.map((s, k) => s / counts[k]!);
    expect(means[2]).toBeGreaterThan(0.7);
    for (const k of [0, 1, 3]) expect(means[k]).toBeLessThan(0.4);
    expect(
      Math.max(means[0]!, means[1]!, means[3]!) - Math.min(means[0]!, means[1]!, means[3]!),
    ).toBeLessThan(0.1);
  });
});

describe('generateComposite: fractions and overlap at 512x512', () => {
  const c = generateComposite({ shape: [512, 512], seed: 1 });
  const phases = c.phases.data;

  it('phase fractions are within 0.02 of those requested', () => {
    const counts = [0, 0, 0, 0];
    for (const p of phases) counts[p]!++;
    const requested = [0.13, 0.35, 0.4, 0.12];
    counts.forEach((k, p) => {
      expect(Math.abs(k / phases.length - requested[p]!)).toBeLessThan(0.02);
    });
    expect(c.truth.fractions.actual.nmc).toBeCloseTo(counts[2]! / phases.length, 12);
  });

  it('background, SSE and graphite histograms overlap; NMC stands apart', () => {
    const bins = 64;
    const hist = [0, 1, 2, 3].map(() => new Float64Array(bins));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < phases.length; i++) {
      const b = Math.min(bins - 1, Math.floor(c.image.data[i]! * bins));
      hist[phases[i]!]![b]!++;
      counts[phases[i]!]!++;
    }
    // overlap = sum of min of the two normalised histograms (1 = identical, 0 = disjoint)
    const overlap = (p: number, q: number) => {
      let s = 0;
      for (let b = 0; b < bins; b++)
        s += Math.min(hist[p]![b]! / counts[p]!, hist[q]![b]! / counts[q]!);
      return s;
    };
    expect(overlap(0, 1)).toBeGreaterThan(0.25);
    expect(overlap(0, 3)).toBeGreaterThan(0.4);
    expect(overlap(1, 3)).toBeGreaterThan(0.5);
    for (const q of [0, 1, 3]) expect(overlap(2, q)).toBeLessThan(0.05);
  });
});

describe('generateComposite: edge cases', () => {
  it('no NMC: no particles, energy all NaN, other fractions still met', () => {
    const c = generateComposite({
      shape: [64, 64],
      seed: 1,
      fractions: { nmc: 0, sse: 0.5, graphite: 0.2 },
    });
    expect(c.truth.particles).toEqual([]);
    expect(c.energy.data.every((e) => Number.isNaN(e))).toBe(true);
    expect(c.truth.fractions.actual.nmc).toBe(0);
    expect(c.truth.fractions.actual.sse).toBeCloseTo(0.5, 3);
    expect(Math.abs(c.truth.fractions.actual.graphite - 0.2)).toBeLessThan(0.03);
  });

  it('3D fractions are met too', () => {
    const c = generateComposite({ shape: [40, 48, 48], seed: 2, nmcRadius: 6 });
    const a = c.truth.fractions.actual;
    expect(Math.abs(a.nmc - 0.4)).toBeLessThan(0.02);
    expect(Math.abs(a.sse - 0.35)).toBeLessThan(0.02);
    expect(Math.abs(a.graphite - 0.12)).toBeLessThan(0.02);
    expect(c.truth.particles.length).toBeGreaterThan(20);
  });
});

describe('generateComposite: bad options', () => {
  const bad: Array<[string, Record<string, unknown>, string]> = [
    ['negative fraction', { fractions: { nmc: -0.1 } }, 'options.fractions.nmc'],
    [
      'fractions above 1',
      { fractions: { nmc: 0.5, sse: 0.4, graphite: 0.2 } },
      'options.fractions',
    ],
    ['radius 0', { nmcRadius: 0 }, 'options.nmcRadius'],
    ['radius < 0', { nmcRadius: -3 }, 'options.nmcRadius'],
    ['1D shape', { shape: [64] }, 'options.shape'],
    ['4D shape', { shape: [2, 2, 2, 2] }, 'options.shape'],
    ['fractional shape', { shape: [10.5, 10] }, 'options.shape'],
    ['agglomeration > 1', { agglomeration: 1.5 }, 'options.agglomeration'],
    ['NaN seed', { seed: Number.NaN }, 'options.seed'],
    ['bad soc range', { energy: { socRange: [8349, 8350] } }, 'options.energy.socRange'],
    [
      'negative effect',
      { effects: { tpb: { heterogeneity: -1 } } },
      'options.effects.tpb.heterogeneity',
    ],
  ];
  it.each(bad)('%s throws InvalidArgumentError naming the option', (_, options, argument) => {
    let error: unknown;
    try {
      generateComposite(options);
    } catch (e) {
      error = e;
    }
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe(argument);
    expect((error as Error).message).toMatch(/^generateComposite: argument /);
  });
});
