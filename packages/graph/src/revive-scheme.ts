import { checkScheme, InvalidArgumentError } from '@mgraph/core';
import type { AnyGraph } from './graph-access.js';

/**
 * Turn the graph attribute `scheme` back into a `PhaseScheme`: a JSON object string (as GEXF
 * and GraphML carry it) is parsed, and any object is checked and normalised with core's
 * `checkScheme`. Other strings (e.g. a bare scheme name written by another tool) are left as
 * they are; the analyses then refuse the graph unless given `options.scheme`.
 *
 * @throws InvalidArgumentError when the attribute is a JSON object that is not a scheme
 */
export function reviveScheme(fn: string, graph: AnyGraph): void {
  let value = graph.getAttribute('scheme') as unknown;
  if (typeof value === 'string' && value.trimStart().startsWith('{')) {
    try {
      value = JSON.parse(value);
    } catch (error) {
      throw new InvalidArgumentError(
        fn,
        'text (graph attribute scheme)',
        value,
        `a phase scheme as JSON text (${(error as Error).message})`,
      );
    }
  }
  if (typeof value === 'object' && value !== null) {
    graph.setAttribute('scheme', checkScheme(fn, 'text (graph attribute scheme)', value));
  }
}
