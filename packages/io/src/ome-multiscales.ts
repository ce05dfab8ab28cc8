import { InvalidArgumentError } from '@mgraph/core';

/** OME-NGFF's space units (UDUNITS-2 names), as the 0.4 and 0.5 specifications list them. */
const OME_SPACE_UNITS = [
  'angstrom',
  'attometer',
  'centimeter',
  'decimeter',
  'exameter',
  'femtometer',
  'foot',
  'gigameter',
  'hectometer',
  'inch',
  'kilometer',
  'megameter',
  'meter',
  'micrometer',
  'mile',
  'millimeter',
  'nanometer',
  'parsec',
  'petameter',
  'picometer',
  'terameter',
  'yard',
  'yoctometer',
  'yottameter',
  'zeptometer',
  'zettameter',
];

/** Abbreviations TIFF metadata uses, with their OME-NGFF names. */
const UNIT_ALIASES: Readonly<Record<string, string>> = {
  um: 'micrometer',
  µm: 'micrometer',
  μm: 'micrometer',
  micron: 'micrometer',
  nm: 'nanometer',
  mm: 'millimeter',
  cm: 'centimeter',
  m: 'meter',
  pm: 'picometer',
  Å: 'angstrom',
};

/**
 * The OME-NGFF name of a space unit: a listed name as is, or a TIFF abbreviation
 * (`um`, `µm`, `micron`, `nm`, `mm`, `cm`, `m`, `pm`, `Å`) spelled out.
 *
 * @throws InvalidArgumentError naming `options.unit` for any other string
 */
export function omeUnit(fn: string, unit: unknown): string {
  if (typeof unit === 'string') {
    if (OME_SPACE_UNITS.includes(unit)) return unit;
    const alias = UNIT_ALIASES[unit];
    if (alias !== undefined) return alias;
  }
  throw new InvalidArgumentError(
    fn,
    'options.unit',
    unit,
    `an OME-NGFF space unit (${OME_SPACE_UNITS.join(', ')}) or um, µm, micron, nm, mm, cm, m, pm, Å`,
  );
}

/** Axis names of an array of `ndim` axes: the last `ndim` of t, c, z, y, x. */
export function defaultAxisNames(ndim: number): string[] {
  return ['t', 'c', 'z', 'y', 'x'].slice(5 - ndim);
}

/** The OME-NGFF `axes` entry of an axis name (`t` time, `c` channel, others space). */
function axisEntry(name: string, unit: string | undefined): Record<string, string> {
  const type = name === 't' ? 'time' : name === 'c' ? 'channel' : 'space';
  return type === 'space' && unit !== undefined ? { name, type, unit } : { name, type };
}

/**
 * The group attributes of a one-level OME-Zarr image: `multiscales` for 0.4 (Zarr v2),
 * `ome.multiscales` with `ome.version` for 0.5 (Zarr v3).
 */
export function omeAttributes(
  zarrFormat: 2 | 3,
  axisNames: readonly string[],
  spacing: readonly number[] | undefined,
  unit: string | undefined,
  arrayPath: string,
): Record<string, unknown> {
  const scale = spacing ?? axisNames.map(() => 1);
  const multiscale = {
    axes: axisNames.map((name) => axisEntry(name, unit)),
    datasets: [{ path: arrayPath, coordinateTransformations: [{ type: 'scale', scale }] }],
    name: 'image',
  };
  if (zarrFormat === 2) return { multiscales: [{ version: '0.4', ...multiscale }] };
  return { ome: { version: '0.5', multiscales: [multiscale] } };
}

/** What {@link parseMultiscales} reads from a group. */
export interface OmeImageMetadata {
  /** `'0.4'`, `'0.5'`... as the file states it. */
  version: string;
  /** Path of the chosen level's array, relative to the group. */
  path: string;
  /** Axis names, e.g. `['z', 'y', 'x']`. */
  axisNames: string[];
  /** Voxel size per axis (product of the level's and the multiscale's scale transforms). */
  spacing: number[];
  /** Unit of the space axes, when the file gives one. */
  unit: string | undefined;
}

/**
 * Read the `multiscales` of an OME-Zarr group (0.4 at the top of the attributes, 0.5 under
 * `ome`): the path, axes and voxel size of resolution level `level`. Translations are
 * ignored (an origin, not a voxel size).
 *
 * @returns the metadata, or `undefined` when the attributes have no `multiscales`
 * @throws InvalidArgumentError naming `source` when `multiscales` is there but malformed
 *   (no datasets, no such level, a scale of the wrong length or not positive, axes of
 *   the wrong length) or the space axes disagree on their unit
 */
export function parseMultiscales(
  fn: string,
  source: unknown,
  attributes: Record<string, unknown>,
  level: number,
): OmeImageMetadata | undefined {
  const ome = attributes.ome as Record<string, unknown> | undefined;
  const list = ome?.multiscales ?? attributes.multiscales;
  if (list === undefined) return undefined;
  const bad = (what: string, value: unknown): never => {
    throw new InvalidArgumentError(
      fn,
      'source',
      source,
      `OME-Zarr metadata with ${what} (found ${JSON.stringify(value)})`,
    );
  };
  if (!Array.isArray(list) || list.length === 0) bad('a non-empty multiscales list', list);
  const ms = (list as Record<string, unknown>[])[0]!;
  const version = String(ome?.version ?? ms.version ?? '');
  const axes = ms.axes;
  if (!Array.isArray(axes) || axes.length < 2 || axes.length > 5) bad('2 to 5 axes', axes);
  const axisNames = (axes as unknown[]).map((a) =>
    typeof a === 'string' ? a : String((a as { name?: unknown })?.name ?? bad('named axes', a)),
  );
  const datasets = ms.datasets;
  if (!Array.isArray(datasets) || datasets.length === 0) bad('a non-empty datasets list', datasets);
  const ds = (datasets as Record<string, unknown>[])[level];
  if (ds === undefined) bad(`a resolution level ${level}`, datasets);
  if (typeof ds!.path !== 'string' || ds!.path.length === 0) bad('a dataset path', ds!.path);
  const spacing = axisNames.map(() => 1);
  for (const transforms of [ds!.coordinateTransformations, ms.coordinateTransformations]) {
    if (transforms === undefined) continue;
    if (!Array.isArray(transforms)) bad('coordinateTransformations lists', transforms);
    for (const t of transforms as Record<string, unknown>[]) {
      if (t?.type !== 'scale') continue;
      const scale = t.scale;
      if (
        !Array.isArray(scale) ||
        scale.length !== axisNames.length ||
        !scale.every((s) => typeof s === 'number' && Number.isFinite(s) && s > 0)
      ) {
        bad(`a scale of ${axisNames.length} positive numbers`, scale);
      }
      (scale as number[]).forEach((s, d) => {
        spacing[d]! *= s;
      });
    }
  }
  const units = new Set(
    (axes as Record<string, unknown>[])
      .filter((a) => typeof a === 'object' && a?.type !== 'time' && a?.type !== 'channel')
      .map((a) => a.unit)
      .filter((u) => u !== undefined),
  );
  if (units.size > 1) bad('one unit for the space axes', [...units]);
  const unit = units.size === 1 ? String([...units][0]) : undefined;
  return { version, path: ds!.path as string, axisNames, spacing, unit };
}
