import { InvalidArgumentError } from './errors.js';

/**
 * A phase scheme: the names of the phases of a composite, the index of each name being its
 * code in a phase map. Code 0 is the background (pore / void / unlabelled).
 */
export interface PhaseScheme {
  /** Scheme name, e.g. `"cathode"`. */
  readonly name: string;
  /** Phase names by code; `phases[0]` is the background. */
  readonly phases: readonly string[];
}

/**
 * Declare a phase scheme.
 *
 * @param name - scheme name
 * @param phases - phase names in code order (2 to 255 unique, non-empty names; code 0 first)
 * @returns a frozen {@link PhaseScheme}
 * @throws InvalidArgumentError when names are missing, empty or repeated
 * @example definePhaseScheme('sofc-anode', ['pore', 'ni', 'ysz'])
 */
export function definePhaseScheme(name: string, phases: readonly string[]): PhaseScheme {
  const fn = 'definePhaseScheme';
  if (typeof name !== 'string' || name.length === 0) {
    throw new InvalidArgumentError(fn, 'name', name, 'a non-empty string');
  }
  if (!Array.isArray(phases) || phases.length < 2 || phases.length > 255) {
    throw new InvalidArgumentError(fn, 'phases', phases, 'an array of 2 to 255 phase names');
  }
  const seen = new Set<string>();
  for (const p of phases) {
    if (typeof p !== 'string' || p.length === 0 || seen.has(p)) {
      throw new InvalidArgumentError(fn, 'phases', phases, 'unique non-empty strings');
    }
    seen.add(p);
  }
  return Object.freeze({ name, phases: Object.freeze([...phases]) });
}

/** The paper's scheme and mgraph's default: 0 background, 1 SSE, 2 NMC, 3 graphite. */
export const CATHODE_SCHEME: PhaseScheme = definePhaseScheme('cathode', [
  'background',
  'sse',
  'nmc',
  'graphite',
]);

/** Solid oxide fuel cell anode: 0 pore, 1 Ni, 2 YSZ (the textbook triple-phase-boundary case). */
export const SOFC_ANODE_SCHEME: PhaseScheme = definePhaseScheme('sofc-anode', [
  'pore',
  'ni',
  'ysz',
]);

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
