import { AbortError, InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { convexHullImage, regionProps } from '../src/index.js';

describe('regionProps', () => {
  it('measures a square (solidity 1) and an L shape by hand', () => {
    // label 1: 2x2 square at rows 0-1, cols 0-1; label 2: a U of 5 pixels at rows 0-1, cols 3-5
    const labels = ndarray(Int32Array.of(1, 1, 0, 2, 0, 2, 1, 1, 0, 2, 2, 2), [2, 6]);
    const [sq, u] = regionProps(labels);
    expect(sq).toEqual({
      label: 1,
      area: 4,
      bbox: [0, 0, 2, 2],
      centroid: [0.5, 0.5],
      equivalentDiameterArea: Math.sqrt(16 / Math.PI),
      areaConvex: 4,
      solidity: 1,
    });
    // the hull of the U's half-pixel points covers the gap's centre: 6 pixels (skimage: 6)
    expect(u!.area).toBe(5);
    expect(u!.bbox).toEqual([0, 3, 2, 6]);
    expect(u!.centroid).toEqual([0.6, 4]);
    expect(u!.areaConvex).toBe(6);
    expect(u!.solidity).toBe(5 / 6);
  });

  it('fills the hull of a 3D diagonal pair and of a flat (one-plane) object', () => {
    const m = new Uint8Array(27);
    m[0] = 1;
    m[26] = 1;
    const hull = convexHullImage(ndarray(m, [3, 3, 3]));
    // the segment between the corners passes through the centre voxel only
    expect(Array.from(hull.data).reduce((a, b) => a + b, 0)).toBe(3);
    expect(hull.get(1, 1, 1)).toBe(1);
    const flat = new Int32Array(2 * 3 * 3);
    flat.fill(1, 0, 9);
    flat[4] = 0;
    const [p] = regionProps(ndarray(flat, [2, 3, 3]));
    expect(p!.area).toBe(8);
    expect(p!.areaConvex).toBe(9);
  });

  it('skips the hull when convex is false', () => {
    const [p] = regionProps(ndarray(Int32Array.of(0, 3, 3, 0), [2, 2]), { convex: false });
    expect(p!.label).toBe(3);
    expect(p!.centroid).toEqual([0.5, 0.5]);
    expect(Number.isNaN(p!.solidity)).toBe(true);
  });

  it('rejects non-integer labels', () => {
    expect(() => regionProps(ndarray(new Float32Array(4), [2, 2]))).toThrow(InvalidArgumentError);
  });

  it('adds intensity statistics and the 3D equivalent diameter', () => {
    const labels = ndarray(Int32Array.of(1, 1, 0, 2, 0, 2, 1, 1, 0, 2, 2, 2), [2, 6]);
    const intensity = ndarray(Float32Array.of(1, 2, 9, 5, 9, -1, 3, 4, 9, 0, 10, 6), [2, 6]);
    const [a, b] = regionProps(labels, { intensity, convex: false });
    expect([a!.intensityMean, a!.intensityMin, a!.intensityMax]).toEqual([2.5, 1, 4]);
    expect([b!.intensityMean, b!.intensityMin, b!.intensityMax]).toEqual([4, -1, 10]);
    expect(Number.isNaN(a!.solidity)).toBe(true);
    expect(regionProps(labels)[0]!.intensityMean).toBeUndefined();
    // scikit-image: (6 * 8 / pi) ** (1 / 3) for a 2x2x2 cube
    const cube = ndarray(new Int32Array(8).fill(3), [2, 2, 2]);
    expect(regionProps(cube)[0]!.equivalentDiameterArea).toBeCloseTo(2.4814019635976003, 14);
    expect(() => regionProps(labels, { intensity: ndarray(new Float32Array(6), [2, 3]) })).toThrow(
      ShapeMismatchError,
    );
  });

  it('uses scikit-image >= 0.19 names only, and stops on an aborted signal', () => {
    const labels = ndarray(Int32Array.of(1, 1, 0, 2), [2, 2]);
    const intensity = ndarray(Float32Array.of(1, 2, 3, 4), [2, 2]);
    const [p] = regionProps(labels, { intensity });
    expect(Object.keys(p!).sort()).toEqual(
      [
        'label',
        'area',
        'bbox',
        'centroid',
        'equivalentDiameterArea',
        'areaConvex',
        'solidity',
        'intensityMean',
        'intensityMin',
        'intensityMax',
      ].sort(),
    );
    const controller = new AbortController();
    controller.abort();
    expect(() => regionProps(labels, { signal: controller.signal })).toThrow(AbortError);
  });
});
