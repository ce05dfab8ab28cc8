import type { TiffPage } from './tiff-page.js';

/** Which convention gave the shape and voxel size of a TIFF. */
export type TiffMetadataFormat = 'imagej' | 'ome' | 'shaped' | 'plain';

/** Shape, axes and voxel size a TIFF's metadata gives its pages. */
export interface TiffSeries {
  format: TiffMetadataFormat;
  /** Sizes of the axes before (rows, cols): their product is the number of pages. */
  leading: number[];
  /** Axis letters of the whole array, e.g. `"ZYX"`, `"ZCYX"`, `"YX"`. */
  axes: string;
  /** Voxel size per axis in array axis order, or undefined when the file has none. */
  spacing: number[] | undefined;
  unit: string | undefined;
  /** ImageJ `images=`: more than the IFDs when ImageJ wrote one IFD for a contiguous stack. */
  imagejImages: number | undefined;
}

/** Parse ImageJ's `key=value` lines. */
function parseImageJDescription(text: string): Map<string, string> | undefined {
  if (!text.startsWith('ImageJ=')) return undefined;
  const map = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) map.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return map;
}

/** Decode ImageJ's `\uXXXX` escapes (`\u00B5m` -> `µm`). */
function unescapeImageJ(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

function positiveInt(text: string | undefined): number | undefined {
  const n = text === undefined ? Number.NaN : Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function positive(text: string | undefined): number | undefined {
  const n = text === undefined ? Number.NaN : Number(text);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** 1 / resolution as a pixel size, `denominator / numerator`, or 1 when absent or zero. */
function pixelSize(resolution: [number, number] | undefined): number {
  if (!resolution || resolution[0] === 0 || resolution[1] === 0) return 1;
  return resolution[1] / resolution[0];
}

function xmlAttributes(xml: string, element: string): Map<string, string> | undefined {
  const match = new RegExp(`<(?:\\w+:)?${element}\\s([^>]*)>`).exec(xml);
  if (!match) return undefined;
  const map = new Map<string, string>();
  for (const m of match[1]!.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) map.set(m[1]!, m[2]!);
  return map;
}

function xmlUnescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Read the shape, axes, voxel size and unit of a stack from its first page's metadata.
 *
 * - ImageJ (`ImageJ=...` description): axes T Z C (those of size > 1, in that order) then
 *   Y X; spacing: T `finterval=` (1), Z `spacing=` (1), C 1, Y and X 1 / YResolution and
 *   1 / XResolution (1 when absent); unit `unit=` with `\uXXXX` decoded.
 * - OME-TIFF (OME-XML description): the first `Pixels` element; axes from
 *   `DimensionOrder` reversed, sizes > 1 kept; spacing `PhysicalSizeX/Y/Z` (1 when
 *   absent), C 1, T `TimeIncrement` (1); unit `PhysicalSizeXUnit` (OME's default µm);
 *   spacing is undefined when no PhysicalSize is given.
 * - tifffile's `{"shape": [...]}`: that shape, no spacing.
 * - anything else: pages as Z (when more than one), no spacing.
 *
 * A shape whose product does not match the page count is ignored (pages as Z).
 *
 * @param first - the first page
 * @param pages - the number of pages (IFDs)
 */
export function readSeries(first: TiffPage, pages: number): TiffSeries {
  const text = first.description ?? '';
  const plain: TiffSeries = {
    format: 'plain',
    leading: pages > 1 ? [pages] : [],
    axes: pages > 1 ? 'ZYX' : 'YX',
    spacing: undefined,
    unit: undefined,
    imagejImages: undefined,
  };
  const ij = parseImageJDescription(text);
  if (ij) {
    const images = positiveInt(ij.get('images')) ?? pages;
    const sizes: Record<string, number> = {
      T: positiveInt(ij.get('frames')) ?? 1,
      Z: positiveInt(ij.get('slices')) ?? 1,
      C: positiveInt(ij.get('channels')) ?? 1,
    };
    let leading: number[] = [];
    let axes = '';
    for (const ax of 'TZC') {
      if (sizes[ax]! > 1) {
        leading.push(sizes[ax]!);
        axes += ax;
      }
    }
    if (leading.reduce((p, s) => p * s, 1) !== images) {
      leading = images > 1 ? [images] : [];
      axes = images > 1 ? 'Z' : '';
    }
    axes += 'YX';
    const per: Record<string, number> = {
      T: positive(ij.get('finterval')) ?? 1,
      Z: positive(ij.get('spacing')) ?? 1,
      C: 1,
      Y: pixelSize(first.yResolution),
      X: pixelSize(first.xResolution),
    };
    const unit = ij.get('unit');
    return {
      format: 'imagej',
      leading,
      axes,
      spacing: [...axes].map((ax) => per[ax]!),
      unit: unit === undefined ? undefined : unescapeImageJ(unit),
      imagejImages: images,
    };
  }
  if (/<(?:\w+:)?OME[\s>]/.test(text)) {
    const px = xmlAttributes(text, 'Pixels');
    if (px) {
      const order = px.get('DimensionOrder') ?? 'XYZCT';
      const leading: number[] = [];
      let axes = '';
      for (const ax of [...order].reverse()) {
        if (ax === 'X' || ax === 'Y') continue;
        const size = positiveInt(px.get(`Size${ax}`)) ?? 1;
        if (size > 1) {
          leading.push(size);
          axes += ax;
        }
      }
      if (leading.reduce((p, s) => p * s, 1) === pages) {
        axes += 'YX';
        const has = ['X', 'Y', 'Z'].some((ax) => px.has(`PhysicalSize${ax}`));
        const per: Record<string, number> = {
          T: positive(px.get('TimeIncrement')) ?? 1,
          C: 1,
          Z: positive(px.get('PhysicalSizeZ')) ?? 1,
          Y: positive(px.get('PhysicalSizeY')) ?? 1,
          X: positive(px.get('PhysicalSizeX')) ?? 1,
        };
        return {
          format: 'ome',
          leading,
          axes,
          spacing: has ? [...axes].map((ax) => per[ax]!) : undefined,
          unit: has ? xmlUnescape(px.get('PhysicalSizeXUnit') ?? 'µm') : undefined,
          imagejImages: undefined,
        };
      }
    }
    return plain;
  }
  if (text.startsWith('{')) {
    try {
      const shape = (JSON.parse(text) as { shape?: unknown }).shape;
      if (
        Array.isArray(shape) &&
        shape.length >= 2 &&
        shape.every((s) => Number.isInteger(s) && s > 0) &&
        shape[shape.length - 2] === first.height &&
        shape[shape.length - 1] === first.width &&
        shape.slice(0, -2).reduce((p: number, s: number) => p * s, 1) === pages
      ) {
        const leading = shape.slice(0, -2) as number[];
        const letters = leading.length === 1 ? 'Z' : 'QQQQQQQQ'.slice(0, leading.length);
        return { ...plain, format: 'shaped', leading, axes: `${letters}YX` };
      }
    } catch {
      // not JSON: a plain description
    }
  }
  return plain;
}
