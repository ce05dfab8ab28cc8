// Which U-Net the workflow opens: the twin model for the twin preset's phantoms, the default
// model for the dense preset and for the user's own images, the --model file when given.
import { describe, expect, it } from 'vitest';
import { unetChoice } from '../paper-workflow/segmenters.js';

describe('unetChoice', () => {
  it('picks the shipped twin model for twin phantoms only', () => {
    expect(unetChoice({ model: null, preset: 'twin', input: null })).toEqual({ model: 'twin' });
    expect(unetChoice({ model: null, preset: 'dense', input: null })).toEqual({ model: 'dense' });
    expect(unetChoice({ model: null, preset: 'twin', input: '/data' })).toEqual({
      model: 'dense',
    });
  });
  it('opens the --model file whatever the preset', () => {
    expect(unetChoice({ model: '/m/u.onnx', preset: 'twin', input: null })).toEqual({
      modelPath: '/m/u.onnx',
    });
  });
});
