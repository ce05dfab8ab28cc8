import { CATHODE_SCHEME, InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  convexHullImage,
  distanceTransformEdt,
  instanceSegmentation,
  label,
  peakLocalMax,
  regionProps,
  splitTouching,
  watershed,
} from '../src/index.js';

// the bad inputs listed in the acceptance criteria, function by function
const flat1d = ndarray(new Uint8Array(8), [8]);
const flat4d = ndarray(new Uint8Array(16), [2, 2, 2, 2]);
const image = ndarray(Float64Array.of(0, 1, 2, 1, 0, 1, 2, 1, 0), [3, 3]);
const markers = ndarray(Int32Array.of(1, 0, 0, 0, 0, 0, 0, 0, 2), [3, 3]);
const mask = ndarray(Uint8Array.of(1, 1, 1, 1, 1, 1, 1, 1, 1), [3, 3]);

describe('typed errors on bad input', () => {
  it('wrong ndim (1D, 4D) for every function', () => {
    const calls: [string, (a: typeof flat1d) => unknown][] = [
      ['distanceTransformEdt', (a) => distanceTransformEdt(a)],
      ['label', (a) => label(a)],
      ['peakLocalMax', (a) => peakLocalMax(a)],
      ['watershed', (a) => watershed(a, a)],
      ['regionProps', (a) => regionProps(a)],
      ['convexHullImage', (a) => convexHullImage(a)],
      ['splitTouching', (a) => splitTouching(a)],
      ['instanceSegmentation', (a) => instanceSegmentation(a, { scheme: CATHODE_SCHEME })],
    ];
    for (const [name, call] of calls) {
      for (const bad of [flat1d, flat4d]) {
        expect(() => call(bad), name).toThrow(InvalidArgumentError);
        expect(() => call(bad), name).toThrow(new RegExp(name));
      }
    }
  });

  it('shape mismatch between image, markers, mask and labels', () => {
    const wrong = ndarray(new Int32Array(12), [3, 4]);
    expect(() => watershed(image, wrong)).toThrow(ShapeMismatchError);
    expect(() => watershed(image, markers, { mask: ndarray(new Uint8Array(12), [3, 4]) })).toThrow(
      ShapeMismatchError,
    );
    expect(() => watershed(image, ndarray(new Int32Array(27), [3, 3, 3]))).toThrow(
      ShapeMismatchError,
    );
    expect(() => peakLocalMax(image, { labels: wrong })).toThrow(ShapeMismatchError);
  });

  it('NaN in the image', () => {
    const nan = ndarray(Float64Array.of(0, 1, Number.NaN, 1, 0, 1, 2, 1, 0), [3, 3]);
    expect(() => watershed(nan, markers)).toThrow(InvalidArgumentError);
    expect(() => watershed(nan, markers)).toThrow(/image\[2\]/);
    expect(() => peakLocalMax(nan)).toThrow(InvalidArgumentError);
    expect(() => peakLocalMax(nan)).toThrow(/image\[2\]/);
  });

  it('markers outside the mask', () => {
    const m = ndarray(Uint8Array.of(1, 1, 1, 1, 1, 1, 1, 1, 0), [3, 3]);
    expect(() => watershed(image, markers, { mask: m })).toThrow(InvalidArgumentError);
    expect(() => watershed(image, markers, { mask: m })).toThrow(/markers\[8\]/);
  });

  it('negative minDistance', () => {
    expect(() => peakLocalMax(image, { minDistance: -1 })).toThrow(InvalidArgumentError);
    expect(() => peakLocalMax(image, { minDistance: -1 })).toThrow(/options\.minDistance/);
    expect(() => splitTouching(mask, { minDistance: -1 })).toThrow(InvalidArgumentError);
    expect(() => instanceSegmentation(mask, { scheme: CATHODE_SCHEME, minDistance: -1 })).toThrow(
      InvalidArgumentError,
    );
  });

  it('empty mask', () => {
    const empty = ndarray(new Uint8Array(9), [3, 3]);
    expect(() => watershed(image, ndarray(new Int32Array(9), [3, 3]), { mask: empty })).toThrow(
      InvalidArgumentError,
    );
    expect(() => watershed(image, ndarray(new Int32Array(9), [3, 3]), { mask: empty })).toThrow(
      /options\.mask/,
    );
    // the mask tested for emptiness is the flooding domain; the markers are then all outside
    expect(() => watershed(image, markers, { mask: empty })).toThrow(InvalidArgumentError);
  });
});
