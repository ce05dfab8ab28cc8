import { describe, expect, it } from 'vitest';
import { addCompensated, compensatedTotal } from '../src/compensated-sum.js';

describe('addCompensated (Neumaier)', () => {
  it('keeps what a running sum loses', () => {
    const s = new Float64Array(2);
    for (const x of [1e16, 1, -1e16]) addCompensated(s, x);
    expect(compensatedTotal(s)).toBe(1); // a running sum gives 0
    // 10^6 equal small areas on a large total: exact to the last bit of the product
    const t = new Float64Array(2);
    addCompensated(t, 2 ** 40);
    for (let i = 0; i < 1e6; i++) addCompensated(t, 0.1);
    expect(compensatedTotal(t) - 2 ** 40).toBeCloseTo(1e5, 9);
    let naive = 2 ** 40;
    for (let i = 0; i < 1e6; i++) naive += 0.1;
    expect(Math.abs(naive - 2 ** 40 - 1e5)).toBeGreaterThan(1e-3);
  });
});
