import { InvalidArgumentError } from '@mgraph/core';

/** GEXF / GraphML numeric types. */
export const NUMERIC = new Set(['byte', 'short', 'integer', 'int', 'long', 'float', 'double']);
const INTEGER = new Set(['byte', 'short', 'integer', 'int', 'long']);
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*(e[-+]?\d+)?|\.\d+(e[-+]?\d+)?|infinity|inf|nan)$/i;

/**
 * Check one typed value's text and return its canonical form (what `+text` reads exactly),
 * or undefined when it is not of its type.
 */
export function canonical(type: string, raw: string): string | undefined {
  const text = raw.trim();
  if (type === 'boolean') {
    const lower = text.toLowerCase();
    if (lower === 'true' || lower === '1') return 'true';
    if (lower === 'false' || lower === '0') return 'false';
    return undefined;
  }
  if (!NUMBER_TEXT.test(text)) return undefined;
  const lower = text.toLowerCase().replace(/^\+/, '');
  if (/^-?(inf|infinity)$/.test(lower)) return lower.startsWith('-') ? '-Infinity' : 'Infinity';
  if (/^-?nan$/.test(lower)) return 'NaN';
  if (INTEGER.has(type)) {
    if (!/^-?\d+$/.test(lower)) return undefined;
    // a long beyond 2^53 must be one a double holds exactly
    if (BigInt(Number(lower)) !== BigInt(lower)) return undefined;
  }
  return text;
}

/** Throw: the text of a typed value does not parse as its declared type. */
export function badValue(
  fn: string,
  format: string,
  name: string,
  type: string,
  raw: string,
): never {
  throw new InvalidArgumentError(
    fn,
    `text (${format} attribute ${JSON.stringify(name)})`,
    raw,
    `a value of its declared type ${type}`,
  );
}
