import type { IoDtype } from './dtype.js';

/** Escape a unit for ImageJ's ASCII description (`µm` -> `\u00B5m`). */
function escapeImageJ(text: string): string {
  return text.replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

function number(x: number): string {
  return Number.isInteger(x) ? `${x}` : `${x}`;
}

/**
 * ImageJ's hyperstack description of a 2D image or a Z stack, as ImageJ and tifffile
 * write it (`ImageJ=1.11a`, `images=`, `slices=`, `unit=`, `spacing=`).
 *
 * @param pages - number of pages (Z planes)
 * @param spacingZ - Z spacing (written for stacks)
 * @param unit - unit, or undefined
 */
export function imagejDescription(
  pages: number,
  spacingZ: number | undefined,
  unit: string | undefined,
): string {
  const lines = ['ImageJ=1.11a'];
  if (pages > 1)
    lines.push(`images=${pages}`, `slices=${pages}`, 'hyperstack=true', 'mode=grayscale');
  if (unit !== undefined) lines.push(`unit=${escapeImageJ(unit)}`);
  if (pages > 1 && spacingZ !== undefined) lines.push(`spacing=${number(spacingZ)}`);
  lines.push('loop=false');
  return `${lines.join('\n')}\n`;
}

const OME_TYPE: Record<IoDtype, string> = {
  uint8: 'uint8',
  int8: 'int8',
  uint16: 'uint16',
  int16: 'int16',
  uint32: 'uint32',
  int32: 'int32',
  float32: 'float',
  float64: 'double',
};

function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * A minimal OME-XML (2016-06 schema) for one grey 2D image or Z stack, planes in IFD order.
 *
 * @param shape - `(rows, cols)` or `(planes, rows, cols)`
 * @param dtype - sample type (`bit` when `bilevel`)
 * @param spacing - voxel size per axis, array order, or undefined
 * @param unit - unit of every PhysicalSize (OME's default µm when undefined)
 * @param bigEndian - the file's byte order
 */
export function omeXml(
  shape: readonly number[],
  dtype: IoDtype,
  bilevel: boolean,
  spacing: readonly number[] | undefined,
  unit: string | undefined,
  bigEndian: boolean,
): string {
  const planes = shape.length === 3 ? shape[0]! : 1;
  const rows = shape[shape.length - 2]!;
  const cols = shape[shape.length - 1]!;
  const u = xml(unit ?? 'µm');
  let physical = '';
  if (spacing) {
    const [dx, dy, dz] = [
      spacing[spacing.length - 1]!,
      spacing[spacing.length - 2]!,
      spacing.length === 3 ? spacing[0] : undefined,
    ];
    physical = ` PhysicalSizeX="${dx}" PhysicalSizeXUnit="${u}" PhysicalSizeY="${dy}" PhysicalSizeYUnit="${u}"`;
    if (dz !== undefined) physical += ` PhysicalSizeZ="${dz}" PhysicalSizeZUnit="${u}"`;
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openmicroscopy.org/Schemas/OME/2016-06 http://www.openmicroscopy.org/Schemas/OME/2016-06/ome.xsd" Creator="@mgraph/io">' +
    '<Image ID="Image:0" Name="Image0">' +
    `<Pixels ID="Pixels:0" DimensionOrder="XYZCT" Type="${bilevel ? 'bit' : OME_TYPE[dtype]}" BigEndian="${bigEndian}" SizeX="${cols}" SizeY="${rows}" SizeZ="${planes}" SizeC="1" SizeT="1"${physical}>` +
    '<Channel ID="Channel:0:0" SamplesPerPixel="1"/>' +
    `<TiffData IFD="0" PlaneCount="${planes}"/>` +
    '</Pixels></Image></OME>'
  );
}
