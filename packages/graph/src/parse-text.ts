import { InvalidArgumentError } from '@mgraph/core';
import type { AnyGraph } from './graph-access.js';

/** Run a parser, turning its failure into an InvalidArgumentError naming the format. */
export function parseText(
  fn: string,
  text: string,
  format: string,
  parse: (text: string) => AnyGraph,
): AnyGraph {
  if (typeof text !== 'string') throw new InvalidArgumentError(fn, 'text', text, format);
  try {
    return parse(text);
  } catch (error) {
    throw new InvalidArgumentError(fn, 'text', text, `${format} (${(error as Error).message})`);
  }
}
