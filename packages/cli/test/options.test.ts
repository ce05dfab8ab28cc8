// The exported functions check their options before any work (typed errors naming the
// function, the option and the value).
import { CATHODE_SCHEME, InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { analyzeVolumePhases } from '../src/analyze-volume-phases.js';
import { readVolume } from '../src/read-volume.js';

const phases = ndarray(new Uint8Array(4 * 4 * 4).fill(2), [4, 4, 4]);
const ok = { scheme: CATHODE_SCHEME, spacing: [1, 1, 1] as const, unit: 'um' };

function throwsNaming(run: () => unknown, pattern: RegExp) {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(InvalidArgumentError.isInstance(error)).toBe(true);
  expect((error as Error).message).toMatch(pattern);
}

describe('analyzeVolumePhases options', () => {
  it('runs on a valid call (one NMC block)', () => {
    const a = analyzeVolumePhases(phases, { ...ok, tortuosity: false });
    expect(a.instances.countByPhase.nmc).toBe(1);
  });

  it('refuses an unknown option, a bad spacing, an empty unit, a 2D map, a float map', () => {
    throwsNaming(
      () => analyzeVolumePhases(phases, { ...ok, spacng: [1, 1, 1] } as never),
      /^analyzeVolumePhases: argument options\.spacng .*did you mean "spacing"/,
    );
    throwsNaming(
      () => analyzeVolumePhases(phases, { ...ok, spacing: [1, 1] as never }),
      /options\.spacing must be three positive numbers/,
    );
    throwsNaming(() => analyzeVolumePhases(phases, { ...ok, unit: '' }), /options\.unit/);
    throwsNaming(
      () => analyzeVolumePhases(ndarray(new Uint8Array(16), [4, 4]), ok),
      /argument phases/,
    );
    throwsNaming(
      () => analyzeVolumePhases(ndarray(new Float32Array(64), [4, 4, 4]) as never, ok),
      /argument phases/,
    );
    throwsNaming(
      () => analyzeVolumePhases(phases, { ...ok, tortuosity: 'no' as never }),
      /options\.tortuosity must be true or false/,
    );
  });
});

describe('readVolume options', () => {
  it('refuses an unknown option before opening the file', async () => {
    await expect(readVolume('/nonexistent.tif', { shap: [1, 2, 3] } as never)).rejects.toThrow(
      /readVolume: argument options\.shap .*did you mean "shape"/,
    );
  });
});
