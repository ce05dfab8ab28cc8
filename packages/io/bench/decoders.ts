// Adapters of the npm TIFF decoders compared in compare-decoders.ts: each returns the
// pages of a file as one flat typed array (or throws).
import * as geotiff from 'geotiff';
import * as imagejs from 'tiff';
import UTIF from 'utif2';
import { decodeTiff } from '../src/index.js';

/** The decoded pages, in order (not concatenated, so timings are the decoders' own). */
export type Flat = ArrayLike<number>[];

const CTOR: Record<string, new (b: ArrayBuffer, o?: number, n?: number) => ArrayLike<number>> = {
  '8-1': Uint8Array,
  '8-2': Int8Array,
  '16-1': Uint16Array,
  '16-2': Int16Array,
  '32-1': Uint32Array,
  '32-2': Int32Array,
  '32-3': Float32Array,
  '64-3': Float64Array,
};

/** utif2 4.1 (its decoder prints debug lines on stdout: silenced) */
function quiet<T>(f: () => T): T {
  const log = console.log;
  console.log = () => undefined;
  try {
    return f();
  } finally {
    console.log = log;
  }
}

/** utif2 4.1: decode, then decodeImage per IFD; raw bytes in file order (16-bit made LE). */
export function utif2(bytes: Uint8Array): Flat {
  return quiet(() => utif2Loud(bytes));
}

function utif2Loud(bytes: Uint8Array): Flat {
  const buffer = bytes.slice().buffer;
  const ifds = UTIF.decode(buffer).filter((ifd) => ifd.t256 !== undefined);
  const parts: ArrayLike<number>[] = [];
  for (const ifd of ifds) {
    UTIF.decodeImage(buffer, ifd);
    const bits = (ifd.t258 as number[] | undefined)?.[0] ?? 1;
    const format = (ifd.t339 as number[] | undefined)?.[0] ?? 1;
    const raw = ifd.data as Uint8Array;
    if (bits === 1) {
      const w = ifd.width;
      const rowBytes = Math.ceil(w / 8);
      const out = new Uint8Array(w * ifd.height);
      for (let y = 0; y < ifd.height; y++)
        for (let x = 0; x < w; x++)
          out[y * w + x] = (raw[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
      parts.push(out);
      continue;
    }
    const C = CTOR[`${bits}-${format}`];
    if (!C) throw new Error(`utif2 adapter: ${bits}-bit format ${format}`);
    const le = bits === 16 ? true : (ifd as unknown as { isLE: boolean }).isLE;
    const copy = raw.slice();
    if (!le && bits > 8) {
      const n = bits / 8;
      for (let i = 0; i < copy.length; i += n) copy.subarray(i, i + n).reverse();
    }
    parts.push(new C(copy.buffer, 0, ifd.width * ifd.height));
  }
  return parts;
}

/** geotiff 3.0: readRasters per image (it handles byte order, predictors, tiles). */
export async function geotiffjs(bytes: Uint8Array): Promise<Flat> {
  const tiff = await geotiff.fromArrayBuffer(bytes.slice().buffer);
  const n = await tiff.getImageCount();
  const parts: ArrayLike<number>[] = [];
  for (let i = 0; i < n; i++) {
    const image = await tiff.getImage(i);
    parts.push((await image.readRasters({ interleave: true })) as unknown as ArrayLike<number>);
  }
  await tiff.close?.();
  return parts;
}

/** tiff (image-js) 7.1: decode, one IFD per page with a typed `data`. */
export function imagejsTiff(bytes: Uint8Array): Flat {
  const ifds = imagejs.decode(bytes);
  return ifds.map((ifd) => ifd.data as ArrayLike<number>);
}

/** @mgraph/io. */
export function mgraph(bytes: Uint8Array): Flat {
  return [decodeTiff(bytes).data.data as ArrayLike<number>];
}

export const DECODERS: Record<string, (bytes: Uint8Array) => Flat | Promise<Flat>> = {
  '@mgraph/io': mgraph,
  'utif2 4.1.0': utif2,
  'geotiff 3.0.5': geotiffjs,
  'tiff 7.1.3 (image-js)': imagejsTiff,
};
