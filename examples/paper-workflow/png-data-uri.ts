import { encodePng } from '@mgraph/io';
import ndarray from 'ndarray';

/**
 * `data:image/png;base64,...` URI of an 8-bit RGB image, for the raster layers of the
 * example-image figure (PNG of `encodePng` in `@mgraph/io`).
 *
 * @param rgb - `height * width * 3` bytes, row-major
 * @param width - image width (> 0)
 * @param height - image height (> 0)
 * @returns the data URI
 * @throws InvalidArgumentError (from `encodePng`) when the sizes disagree with `rgb`
 */
export function pngDataUri(rgb: Uint8Array, width: number, height: number): string {
  return `data:image/png;base64,${Buffer.from(encodePng(ndarray(rgb, [height, width, 3]))).toString('base64')}`;
}
