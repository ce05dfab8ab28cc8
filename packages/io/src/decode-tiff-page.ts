import { LITTLE_ENDIAN_HOST, swapBytes } from './byte-order.js';
import type { ByteReads } from './byte-reads.js';
import { decompressBlock } from './decompress.js';
import { BYTES_OF } from './dtype.js';
import { undoFloatingPoint, undoHorizontal } from './predictor.js';
import { type Blame, fail } from './tiff-directory.js';
import { blockRowBytes, blockRowSamples, blockRows, type TiffPage } from './tiff-page.js';

/**
 * Decode the samples of one page into `target`, block by block: read, decompress, undo the
 * predictor, fix the byte order, place (tiles are clipped at the right and bottom edges,
 * 1-bit rows unpacked to 0 / 1 bytes). Uncompressed strips are read straight into
 * `target`. The page's blocks must have passed `checkBlocks`.
 *
 * @param page - the page
 * @param target - native-order bytes of the output: `height x width x k` samples, where
 *   `k` is the samples per pixel for `sample = 'all'` and 1 otherwise
 * @param sample - `'all'` (chunky pages and one-sample pages) or the sample of a planar page
 * @param blame - names the function and argument in errors
 */
export function* decodePageInto(
  page: TiffPage,
  target: Uint8Array,
  sample: number | 'all',
  blame: Blame,
): ByteReads<void> {
  const bps = page.bitsPerSample >= 8 ? BYTES_OF[page.dtype] : 1;
  const perPixel = sample === 'all' ? page.samplesPerPixel : 1;
  const pixelBytes = perPixel * bps;
  const rowBytes = blockRowBytes(page);
  const rowSamples = blockRowSamples(page);
  const planeBlocks = page.blocksAcross * page.blocksDown;
  const first = sample === 'all' ? 0 : sample * planeBlocks;
  const swap = bps > 1 && page.littleEndian !== LITTLE_ENDIAN_HOST;
  const direct =
    !page.tiled && page.compression === 1 && page.predictor === 1 && page.bitsPerSample >= 8;
  const kind = page.tiled ? 'tile' : 'strip';
  const width = page.width;
  for (let b = 0; b < planeBlocks; b++) {
    const g = first + b;
    const rows = blockRows(page, b);
    const y0 = Math.floor(b / page.blocksAcross) * page.blockHeight;
    const x0 = (b % page.blocksAcross) * page.blockWidth;
    const expected = rowBytes * rows;
    if (direct) {
      const into = target.subarray(y0 * width * pixelBytes, y0 * width * pixelBytes + expected);
      yield { offset: page.offsets[g]!, length: expected, into };
      if (swap) swapBytes(into, bps);
      continue;
    }
    const raw = yield { offset: page.offsets[g]!, length: page.byteCounts[g]! };
    let data: Uint8Array;
    let owned: boolean;
    try {
      ({ bytes: data, owned } = decompressBlock(page.compression, raw, expected));
    } catch (error) {
      fail(
        blame,
        `a TIFF whose ${kind}s decompress, ${kind} ${g} of page ${page.index} does not (${(error as Error).message})`,
      );
    }
    if (data.length < expected) {
      fail(
        blame,
        `a TIFF whose ${kind}s hold the bytes the header claims: ${kind} ${g} of page ${page.index} decompresses to ${data.length} bytes, the header (${page.width} x ${page.height} ${page.dtype}) needs ${expected}`,
      );
    }
    if (page.predictor === 3) {
      data = undoFloatingPoint(
        data,
        bps,
        page.planar === 1 ? page.samplesPerPixel : 1,
        rowSamples,
        rows,
      );
    } else if (swap || page.predictor === 2) {
      if (!owned || data.byteOffset % bps !== 0) data = data.slice(0, expected);
      if (swap) swapBytes(data, bps);
      if (page.predictor === 2) {
        undoHorizontal(data, bps, page.planar === 1 ? page.samplesPerPixel : 1, rowSamples, rows);
      }
    }
    const yEnd = Math.min(rows, page.height - y0);
    const xCount = Math.min(page.blockWidth, width - x0);
    if (page.bitsPerSample === 1) {
      for (let r = 0; r < yEnd; r++) {
        const src = r * rowBytes;
        const dst = (y0 + r) * width + x0;
        for (let x = 0; x < xCount; x++)
          target[dst + x] = (data[src + (x >>> 3)]! >>> (7 - (x & 7))) & 1;
      }
    } else if (!page.tiled) {
      target.set(data.subarray(0, yEnd * rowBytes), y0 * width * pixelBytes);
    } else {
      const copy = xCount * pixelBytes;
      for (let r = 0; r < yEnd; r++) {
        target.set(
          data.subarray(r * rowBytes, r * rowBytes + copy),
          ((y0 + r) * width + x0) * pixelBytes,
        );
      }
    }
  }
}
