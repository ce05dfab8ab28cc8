import { CATHODE_SCHEME, InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  distanceTransformEdt,
  instanceSegmentation,
  label,
  peakLocalMax,
  peaksToMarkers,
  watershed,
} from '../src/index.js';

describe('peaksToMarkers', () => {
  it('puts label i + 1 at peak i (2D), as markers[tuple(peaks.T)] = arange(1, n + 1)', () => {
    const m = peaksToMarkers(
      [
        [0, 1],
        [2, 3],
        [1, 0],
      ],
      [3, 4],
    );
    expect(m.dtype).toBe('int32');
    expect(m.shape).toEqual([3, 4]);
    expect(m.stride).toEqual([4, 1]);
    expect(Array.from(m.data)).toEqual([0, 1, 0, 0, 3, 0, 0, 0, 0, 0, 0, 2]);
  });

  it('3D, no peaks, and a repeated peak keeping its last label (numpy assignment)', () => {
    const m = peaksToMarkers([[1, 0, 2]], [2, 2, 3]);
    expect(m.get(1, 0, 2)).toBe(1);
    expect(Array.from(m.data).filter((v) => v !== 0)).toEqual([1]);
    expect(Array.from(peaksToMarkers([], [2, 2]).data)).toEqual([0, 0, 0, 0]);
    expect(
      Array.from(
        peaksToMarkers(
          [
            [0, 0],
            [0, 0],
          ],
          [1, 2],
        ).data,
      ),
    ).toEqual([2, 0]);
  });

  it('feeds watershed with the peaks of peakLocalMax', () => {
    const mask = ndarray(new Uint8Array(40 * 60), [40, 60]);
    for (let r = 0; r < 40; r++)
      for (let c = 0; c < 60; c++)
        if ((r - 20) ** 2 + (c - 20) ** 2 < 144 || (r - 20) ** 2 + (c - 40) ** 2 < 144)
          mask.set(r, c, 1);
    const edt = distanceTransformEdt(mask);
    const peaks = peakLocalMax(edt, {
      minDistance: 5,
      labels: label(mask).labels,
      excludeBorder: false,
    });
    const markers = peaksToMarkers(peaks, edt.shape);
    const byHand = ndarray(new Int32Array(40 * 60), [40, 60]);
    for (const [i, [r, c]] of peaks.entries()) byHand.set(r!, c!, i + 1);
    expect(Array.from(markers.data)).toEqual(Array.from(byHand.data));
    const negated = ndarray(
      Float64Array.from(edt.data, (v) => -v),
      [40, 60],
    );
    expect(new Set(watershed(negated, markers, { mask }).data).size - 1).toBe(2);
  });

  it.each([
    [
      'a coordinate past the shape',
      [[3, 0]],
      [3, 4],
      /peaks\[0\]\[0\] must be an integer in 0\.\.2 \(axis 0 of shape \[3, 4\]\), got 3/,
    ],
    ['a negative coordinate', [[0, -1]], [3, 4], /peaks\[0\]\[1\] must be an integer in 0\.\.3/],
    [
      'a non-integer coordinate',
      [
        [0, 0],
        [1.5, 2],
      ],
      [3, 4],
      /peaks\[1\]\[0\] must be an integer in 0\.\.2.*got 1\.5/,
    ],
    ['a NaN coordinate', [[Number.NaN, 0]], [3, 4], /peaks\[0\]\[0\] must be an integer/],
    ['a string coordinate', [['1', 0]], [3, 4], /peaks\[0\]\[0\] must be an integer.*got "1"/],
    [
      'too few coordinates',
      [[1]],
      [3, 4],
      /peaks\[0\] must be an array of 2 coordinates \(\[row, col\]\)/,
    ],
    ['too many coordinates', [[1, 1, 1]], [3, 4], /peaks\[0\] must be an array of 2 coordinates/],
    ['a peak that is not an array', [5], [3, 4], /peaks\[0\] must be an array of 2 coordinates/],
    ['peaks not an array', 'x', [3, 4], /argument peaks must be an array of peak coordinates/],
    ['a 1D shape', [], [3], /argument shape must be an array of 2 or 3 non-negative integers/],
    ['a non-integer shape', [], [3, 2.5], /argument shape must be an array of 2 or 3/],
    ['a shape not an array', [], 12, /argument shape must be an array of 2 or 3/],
    [
      'a shape past int32',
      [],
      [65536, 65536],
      /at most 2147483647 elements \(this one has 4294967296\)/,
    ],
  ])('%s is an InvalidArgumentError', (_name, peaks, shape, message) => {
    const call = () => peaksToMarkers(peaks as never, shape as never);
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(message);
  });
});

describe('messages that say how to fix the common mistakes', () => {
  it('a phase map of raw file values points to applyScheme', () => {
    const raw = ndarray(Uint8Array.of(0, 128, 255, 0), [2, 2]);
    expect(() => instanceSegmentation(raw, { scheme: CATHODE_SCHEME })).toThrow(
      /phases\[1\] must be a code of scheme "cathode" \(0\.\.3; .*applyScheme\(raw, scheme\) of @mgraph\/core\), got 128/,
    );
  });

  it('a uint16 phase map says phase maps are uint8 codes and points to applyScheme', () => {
    const raw = ndarray(Uint16Array.of(0, 1, 2, 3), [2, 2]);
    const call = () => instanceSegmentation(raw as never, { scheme: CATHODE_SCHEME });
    expect(call).toThrow(
      /phases must be of dtype uint8 \(got uint16\); phase maps are uint8 codes/,
    );
    expect(call).toThrow(/applyScheme\(raw, scheme\) of @mgraph\/core/);
  });

  it('a plain array or a bare typed array says how to wrap it with ndarray(data, shape)', () => {
    expect(() => instanceSegmentation([0, 1, 2] as never, { scheme: CATHODE_SCHEME })).toThrow(
      /phases must be an ndarray \(scijs ndarray\); a plain array is not one: wrap it with ndarray\(data, shape\)/,
    );
    expect(() => label(new Uint8Array(4) as never)).toThrow(
      /mask must be an ndarray \(scijs ndarray\); a bare typed array is not one: wrap it with ndarray\(data, shape\) from the 'ndarray' package/,
    );
  });
});
