import { InvalidArgumentError, type PhaseScheme } from '@mgraph/core';

/**
 * Which boundary of the map a phase's component must touch for a triple phase boundary on
 * it to be active (axes in array order; in an electrode, axis 0 runs through the thickness
 * with the electrolyte / separator at its low face and the current collector at its high
 * face):
 * - `'anywhere'`: no requirement (the phase only has to be there);
 * - `'any-face'`: any of the map's faces;
 * - `'low-face-of-axis-N'` / `'high-face-of-axis-N'`: the face at index 0 / at the last
 *   index of axis N;
 * - `'either-face-of-axis-N'`: one of the two faces normal to axis N;
 * - `'both-faces-of-axis-N'`: both faces normal to axis N (the component percolates along N).
 */
export type BoundaryReach =
  | 'anywhere'
  | 'any-face'
  | `${'low-face' | 'high-face' | 'either-face' | 'both-faces'}-of-axis-${0 | 1 | 2}`;

const PATTERN = /^(low-face|high-face|either-face|both-faces)-of-axis-([0-2])$/;

/**
 * The boundary each TPB phase must reach by default, from the scheme's roles (Joos et al.
 * 2014's criteria, axis 0 through the electrode): an ion conductor must reach the electrolyte
 * side (`'low-face-of-axis-0'`), an electron conductor the current collector
 * (`'high-face-of-axis-0'`), an active phase (the particle that reacts) need reach nothing
 * (`'anywhere'`), and any other phase, such as the gas pores of an SOFC anode, is supplied
 * from the current-collector side (`'high-face-of-axis-0'`).
 *
 * - `CATHODE_SCHEME`: sse low face, graphite high face, nmc anywhere.
 * - `LI_ION_ELECTRODE_SCHEME`: pore (liquid electrolyte) low face, cbd high face, am anywhere.
 * - `SOFC_ANODE_SCHEME`: ysz low face, ni high face, pore high face.
 *
 * @param scheme - a scheme with a `tpb`
 * @returns the reach of each of the scheme's three TPB phases
 * @throws InvalidArgumentError when the scheme has no `tpb`
 *
 * @remarks
 * References: J. Joos, M. Ender, I. Rotscholl, N. H. Menzler, E. Ivers-Tiffée, "Quantification
 * of double-layer Ni/YSZ fuel cell anodes from focused ion beam tomography data", J. Power
 * Sources 246 (2014) 819-830, doi:10.1016/j.jpowsour.2013.08.025.
 */
export function defaultBoundaryReach(scheme: PhaseScheme): Record<string, BoundaryReach> {
  if (scheme.tpb === null) {
    throw new InvalidArgumentError(
      'defaultBoundaryReach',
      'scheme',
      scheme.name,
      'a scheme with three tpb phases',
    );
  }
  const out: Record<string, BoundaryReach> = {};
  for (const phase of scheme.tpb) {
    if (scheme.ionic.includes(phase)) out[phase] = 'low-face-of-axis-0';
    else if (scheme.electronic.includes(phase)) out[phase] = 'high-face-of-axis-0';
    else if (scheme.active.includes(phase)) out[phase] = 'anywhere';
    else out[phase] = 'high-face-of-axis-0';
  }
  return out;
}

/**
 * The face bits (internal axes `[z, y, x]`, bit `2 * axis` low, `2 * axis + 1` high) a
 * reach needs, as `{ mask, all }`: the component's faces `f` satisfy it when
 * `mask === 0 || (all ? (f & mask) === mask : (f & mask) !== 0)`.
 *
 * @throws InvalidArgumentError for an unknown reach or an axis the map does not have
 * @internal
 */
export function reachMask(
  fn: string,
  argument: string,
  reach: unknown,
  ndim: number,
): { mask: number; all: boolean } {
  if (reach === 'anywhere') return { mask: 0, all: false };
  if (reach === 'any-face') return { mask: ndim === 3 ? 63 : 60, all: false };
  const m = typeof reach === 'string' ? PATTERN.exec(reach) : null;
  const axis = m ? Number(m[2]) : -1;
  if (m === null || axis >= ndim) {
    throw new InvalidArgumentError(
      fn,
      argument,
      reach,
      `'anywhere', 'any-face', or '<low-face|high-face|either-face|both-faces>-of-axis-N' with N in 0..${ndim - 1}`,
    );
  }
  const internal = axis + 3 - ndim;
  const low = 1 << (2 * internal);
  const high = low << 1;
  switch (m[1]) {
    case 'low-face':
      return { mask: low, all: true };
    case 'high-face':
      return { mask: high, all: true };
    case 'either-face':
      return { mask: low | high, all: false };
    default:
      return { mask: low | high, all: true };
  }
}
