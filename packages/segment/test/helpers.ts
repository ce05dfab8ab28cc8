import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ndarray, { type NdArray } from 'ndarray';
import { InferenceSession } from 'onnxruntime-node';

const here = dirname(fileURLToPath(import.meta.url));

/** The ONNX models of test/fixtures (made by tools/unet/make_fixtures.py). */
export function openFixtureModel(name: string): Promise<InferenceSession> {
  return InferenceSession.create(join(here, 'fixtures', `${name}.onnx`));
}

export interface JsonArray {
  shape: number[];
  dtype: string;
  data: number[];
}

export function fromJson(a: JsonArray): NdArray<Float64Array> {
  return ndarray(Float64Array.from(a.data), a.shape);
}

/** A seeded smooth-ish test image: sum of a few sinusoids plus a ramp. */
export function testImage(rows: number, cols: number, phase = 0): NdArray<Float32Array> {
  const data = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      data[r * cols + c] =
        Math.sin(r / 7 + phase) * Math.cos(c / 11) + 0.3 * Math.sin((r + 2 * c) / 3) + r / rows;
    }
  }
  return ndarray(data, [rows, cols]);
}

/** Largest |a - b| over the pixels at least `margin` away from the outer border. */
export function maxInteriorDiff(
  a: NdArray<Float32Array>,
  b: NdArray<Float32Array>,
  margin: number,
): number {
  const [classes, rows, cols] = a.shape as [number, number, number];
  let max = 0;
  for (let q = 0; q < classes; q++) {
    for (let r = margin; r < rows - margin; r++) {
      for (let c = margin; c < cols - margin; c++) {
        max = Math.max(max, Math.abs(a.get(q, r, c) - b.get(q, r, c)));
      }
    }
  }
  return max;
}
