import { describeValue, InvalidArgumentError } from './errors.js';

/**
 * A phase scheme: every phase of a composite with its code in a phase map, the raw file
 * values that map to it, whether it is cut into objects, and the roles the paper's analyses
 * read (active particles, ion and electron conductors, the triple phase boundary).
 *
 * A scheme is plain JSON (strings and arrays): a graph stores it as an attribute, every export
 * writes it, and {@link definePhaseScheme} of a parsed copy gives the same scheme back.
 * No phase is special because of its code: code 0 is an object phase like any other unless
 * `objects` leaves it out.
 */
export interface PhaseScheme {
  /** Scheme name, e.g. `"cathode"`. */
  readonly name: string;
  /** Phase names by code: `phases[code]`. */
  readonly phases: readonly string[];
  /** Raw file values of each code: `values[code]` (e.g. `[[0], [85], [170]]`). */
  readonly values: readonly (readonly number[])[];
  /** Phases cut into objects (particles, grains, pores), in code order. */
  readonly objects: readonly string[];
  /** Active phases: the particles whose channels and triple phase boundaries are analysed. */
  readonly active: readonly string[];
  /** Phases that conduct ions (Li+, O2-): bridges of the ionic channel. */
  readonly ionic: readonly string[];
  /** Phases that conduct electrons: bridges of the electronic channel. */
  readonly electronic: readonly string[];
  /** The three phases of the scheme's triple phase boundary, or `null` when it has none. */
  readonly tpb: readonly [string, string, string] | null;
}

/**
 * Category of an active particle in the paper's Fig. 3c, named from the scheme's roles:
 * linked to at least one other active particle through an ionic bridge only
 * (`'ionic-only'`; SSE-only in the paper's cathode), an electronic link only
 * (`'electronic-only'`; graphite-only in the cathode), both kinds (`'both'`), or neither
 * (`'none'`). `@mgraph/graph`'s `concurrentChannels` and `@mgraph/phantom`'s truth use it.
 */
export type ChannelCategory = 'ionic-only' | 'electronic-only' | 'both' | 'none';

/**
 * What {@link definePhaseScheme} takes: `name` and `phases` are required, every other field
 * has a default.
 */
export interface PhaseSchemeSpec {
  /** Scheme name (non-empty). */
  readonly name: string;
  /** Phase names in code order: 1 to 255 unique non-empty names. */
  readonly phases: readonly string[];
  /** Raw values of each code, `values[code]`; each value an integer, no value in two phases. Default: each code's own value (`[[0], [1], ...]`). */
  readonly values?: readonly (readonly number[])[];
  /** Phases cut into objects. Default: every phase (as PoreSpy's `snow2` treats every phase alike). */
  readonly objects?: readonly string[];
  /** Active (particle) phases. Default none. */
  readonly active?: readonly string[];
  /** Ion-conducting phases. Default none. */
  readonly ionic?: readonly string[];
  /** Electron-conducting phases. Default none. */
  readonly electronic?: readonly string[];
  /** Triple-phase-boundary phases, three distinct object phases. Default `null` (none). */
  readonly tpb?: readonly [string, string, string] | null;
}

/**
 * Declare a phase scheme (or check and normalise one, e.g. parsed from a graph's JSON: the
 * function is idempotent).
 *
 * @param spec - {@link PhaseSchemeSpec}: `name`, `phases` (names by code); `values` (each
 *   code's own value), `objects` (every phase), `active` / `ionic` / `electronic` (none),
 *   `tpb` (null)
 * @returns a deeply frozen {@link PhaseScheme}
 * @throws InvalidArgumentError when a name is missing, empty or repeated, a raw value is not an
 *   integer or belongs to two phases, a role names an unknown phase, an active phase is also
 *   a conductor bridge, or `tpb` is not three distinct object phases
 * @example definePhaseScheme({ name: 'sofc-anode', phases: ['pore', 'ni', 'ysz'], values: [[0], [128], [255]] })
 */
export function definePhaseScheme(spec: PhaseSchemeSpec): PhaseScheme {
  const fn = 'definePhaseScheme';
  if (typeof spec !== 'object' || spec === null) {
    throw new InvalidArgumentError(fn, 'spec', spec, 'an object { name, phases, ... }');
  }
  const { name, phases } = spec;
  if (typeof name !== 'string' || name.length === 0) {
    throw new InvalidArgumentError(fn, 'spec.name', name, 'a non-empty string');
  }
  if (!Array.isArray(phases) || phases.length < 1 || phases.length > 255) {
    throw new InvalidArgumentError(fn, 'spec.phases', phases, 'an array of 1 to 255 phase names');
  }
  const known = new Set<string>();
  for (const p of phases) {
    if (typeof p !== 'string' || p.length === 0 || known.has(p)) {
      throw new InvalidArgumentError(fn, 'spec.phases', phases, 'unique non-empty strings');
    }
    known.add(p);
  }
  const values = checkValues(fn, spec.values, phases.length);
  const inCodeOrder = (list: readonly string[]) => phases.filter((p) => list.includes(p));
  const objects = inCodeOrder(phaseList(fn, 'spec.objects', spec.objects ?? phases, known));
  const active = phaseList(fn, 'spec.active', spec.active ?? [], known);
  const ionic = phaseList(fn, 'spec.ionic', spec.ionic ?? [], known);
  const electronic = phaseList(fn, 'spec.electronic', spec.electronic ?? [], known);
  for (const [argument, list] of [
    ['spec.ionic', ionic],
    ['spec.electronic', electronic],
  ] as const) {
    const both = list.find((p) => active.includes(p));
    if (both !== undefined) {
      throw new InvalidArgumentError(
        fn,
        argument,
        list,
        `phases other than the active ones (${JSON.stringify(both)} is active)`,
      );
    }
  }
  const tpb = spec.tpb ?? null;
  if (tpb !== null) {
    const list = phaseList(fn, 'spec.tpb', tpb, known);
    if (list.length !== 3 || list.some((p) => !objects.includes(p))) {
      throw new InvalidArgumentError(fn, 'spec.tpb', tpb, 'three distinct object phases');
    }
  }
  return Object.freeze({
    name,
    phases: Object.freeze([...phases]),
    values: Object.freeze(values.map((v) => Object.freeze(v))),
    objects: Object.freeze(objects),
    active: Object.freeze([...active]),
    ionic: Object.freeze([...ionic]),
    electronic: Object.freeze([...electronic]),
    tpb: tpb === null ? null : (Object.freeze([...tpb]) as unknown as [string, string, string]),
  });
}

function checkValues(fn: string, values: unknown, count: number): number[][] {
  if (values === undefined) return Array.from({ length: count }, (_, code) => [code]);
  if (!Array.isArray(values) || values.length !== count) {
    throw new InvalidArgumentError(
      fn,
      'spec.values',
      values,
      `an array of ${count} lists of raw values (one per phase)`,
    );
  }
  const owner = new Map<number, number>();
  return values.map((list, code) => {
    if (!Array.isArray(list) || list.length === 0) {
      throw new InvalidArgumentError(
        fn,
        `spec.values[${code}]`,
        list,
        'a non-empty list of integers',
      );
    }
    for (const v of list) {
      if (!Number.isSafeInteger(v)) {
        throw new InvalidArgumentError(fn, `spec.values[${code}]`, list, 'integers');
      }
      if (owner.has(v) && owner.get(v) !== code) {
        throw new InvalidArgumentError(
          fn,
          `spec.values[${code}]`,
          list,
          `values no other phase has (${v} is already code ${owner.get(v)}'s)`,
        );
      }
      owner.set(v, code);
    }
    return [...new Set(list as number[])];
  });
}

function phaseList(
  fn: string,
  argument: string,
  list: unknown,
  known: ReadonlySet<string>,
): string[] {
  if (!Array.isArray(list)) {
    throw new InvalidArgumentError(fn, argument, list, 'an array of phase names');
  }
  const seen = new Set<string>();
  for (const p of list) {
    if (typeof p !== 'string' || !known.has(p) || seen.has(p)) {
      throw new InvalidArgumentError(
        fn,
        argument,
        list,
        `distinct names of the scheme's phases (${[...known].map((k) => JSON.stringify(k)).join(', ')})`,
      );
    }
    seen.add(p);
  }
  return list as string[];
}

/**
 * The paper's scheme and the default of the paper workflow: 0 background (pores, not cut
 * into objects), 1 SSE, 2 NMC, 3 graphite; NMC active, SSE ionic, graphite electronic, TPB
 * NMC-SSE-graphite.
 */
export const CATHODE_SCHEME: PhaseScheme = definePhaseScheme({
  name: 'cathode',
  phases: ['background', 'sse', 'nmc', 'graphite'],
  objects: ['sse', 'nmc', 'graphite'],
  active: ['nmc'],
  ionic: ['sse'],
  electronic: ['graphite'],
  tpb: ['nmc', 'sse', 'graphite'],
});

/**
 * Solid oxide fuel cell anode: 0 pore, 1 Ni, 2 YSZ, every phase cut into objects; Ni conducts
 * electrons, YSZ oxide ions; TPB Ni-YSZ-pore (the textbook case). No active phase.
 */
export const SOFC_ANODE_SCHEME: PhaseScheme = definePhaseScheme({
  name: 'sofc-anode',
  phases: ['pore', 'ni', 'ysz'],
  ionic: ['ysz'],
  electronic: ['ni'],
  tpb: ['ni', 'ysz', 'pore'],
});

/**
 * The common three-phase Li-ion electrode of tomography (MATBOX, TauFactor): 0 pore (filled
 * with liquid electrolyte, so ionic), 1 active material `am`, 2 carbon-binder domain `cbd`
 * (electronic); every phase cut into objects; TPB am-pore-cbd.
 */
export const LI_ION_ELECTRODE_SCHEME: PhaseScheme = definePhaseScheme({
  name: 'li-ion-electrode',
  phases: ['pore', 'am', 'cbd'],
  active: ['am'],
  ionic: ['pore'],
  electronic: ['cbd'],
  tpb: ['am', 'pore', 'cbd'],
});

/**
 * Code of a phase name in a scheme.
 *
 * @throws InvalidArgumentError when the scheme has no such phase
 */
export function phaseCode(scheme: PhaseScheme, phase: string): number {
  const code = scheme.phases.indexOf(phase);
  if (code < 0) {
    throw new InvalidArgumentError(
      'phaseCode',
      'phase',
      phase,
      `one of ${scheme.phases.map((p) => JSON.stringify(p)).join(', ')} (scheme ${JSON.stringify(scheme.name)})`,
    );
  }
  return code;
}

/**
 * Name of a phase code in a scheme.
 *
 * @throws InvalidArgumentError when the code is not an integer in 0..phases.length-1
 */
export function phaseName(scheme: PhaseScheme, code: number): string {
  if (!Number.isInteger(code) || code < 0 || code >= scheme.phases.length) {
    throw new InvalidArgumentError(
      'phaseName',
      'code',
      code,
      `an integer in 0..${scheme.phases.length - 1} (scheme ${JSON.stringify(scheme.name)})`,
    );
  }
  return scheme.phases[code]!;
}

/**
 * Whether two schemes are the same: same name, phases, values, objects, roles and TPB.
 */
export function samePhaseScheme(a: PhaseScheme, b: PhaseScheme): boolean {
  return a === b || JSON.stringify(schemeJson(a)) === JSON.stringify(schemeJson(b));
}

function schemeJson(s: PhaseScheme): unknown[] {
  return [s.name, s.phases, s.values, s.objects, s.active, s.ionic, s.electronic, s.tpb];
}

/** Anything with graphology's `getAttribute`: a graph that may carry its scheme. */
export interface SchemeCarrier {
  getAttribute(name: string): unknown;
}

/**
 * The phase scheme a graph carries (graph attribute `scheme`, as `@mgraph/graph`'s
 * `buildGraph` records it), checked against the scheme a caller passes.
 *
 * @param fn - name of the calling function, for errors
 * @param graph - a graph (anything with `getAttribute`)
 * @param given - a scheme passed by the caller, or undefined
 * @returns the graph's scheme (normalised by {@link definePhaseScheme}), or `given` when the
 *   graph carries none
 * @throws InvalidArgumentError when the graph's `scheme` attribute is not a scheme, when
 *   `given` disagrees with it, or when neither exists
 */
export function schemeOfGraph(fn: string, graph: SchemeCarrier, given?: PhaseScheme): PhaseScheme {
  const stored = graph.getAttribute('scheme');
  const scheme =
    stored === undefined ? undefined : checkScheme(fn, 'graph attribute scheme', stored);
  if (given !== undefined) {
    const checked = checkScheme(fn, 'options.scheme', given);
    if (scheme !== undefined && !samePhaseScheme(scheme, checked)) {
      throw new InvalidArgumentError(
        fn,
        'options.scheme',
        given,
        `the scheme the graph was built with (${JSON.stringify(scheme.name)}: ${scheme.phases.join(', ')}), or left out`,
      );
    }
    return scheme ?? checked;
  }
  if (scheme === undefined) {
    throw new InvalidArgumentError(
      fn,
      'graph attribute scheme',
      stored,
      'a PhaseScheme: build the graph with buildGraph, or pass options.scheme',
    );
  }
  return scheme;
}

/**
 * Check that `value` is a phase scheme (any object {@link definePhaseScheme} accepts) and
 * return it normalised.
 *
 * @throws InvalidArgumentError naming `fn` and `argument` when it is not
 */
export function checkScheme(fn: string, argument: string, value: unknown): PhaseScheme {
  try {
    return definePhaseScheme(value as PhaseSchemeSpec);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InvalidArgumentError(fn, argument, value, `a PhaseScheme (${why})`);
  }
}

/** The scheme's phases with their codes and values, for error messages. */
export function describeScheme(scheme: PhaseScheme): string {
  return `scheme ${JSON.stringify(scheme.name)}: ${scheme.phases
    .map((p, code) => `${code} ${p} (values ${scheme.values[code]!.map(describeValue).join(', ')})`)
    .join('; ')}`;
}
