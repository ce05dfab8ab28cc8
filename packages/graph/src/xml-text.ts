import { InvalidArgumentError } from '@mgraph/core';
import type { AnyGraph } from './graph-access.js';

/** Characters XML 1.0 cannot hold at all (C0 controls but tab / LF / CR, lone surrogates, U+FFFE/F). */
const XML_ILLEGAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Check a string can be written in XML at all. */
export function xmlString(
  fn: string,
  where: string,
  format: string,
  value: string,
  whole: unknown,
): void {
  if (XML_ILLEGAL.test(value)) {
    throw new InvalidArgumentError(
      fn,
      where,
      whole,
      `text ${format} (XML 1.0) can hold: no control character but tab, LF and CR, no lone surrogate`,
    );
  }
}

/** Escape text for XML content or an attribute value, keeping CR (and in attributes tab / LF). */
export function escapeXml(text: string, attribute = false): string {
  let out = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  out = out.replace(/\r/g, '&#13;');
  if (attribute) {
    out = out
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      .replace(/\n/g, '&#10;')
      .replace(/\t/g, '&#9;');
  }
  return out;
}

/** Keys (nodes, edges) must be writable in XML. */
export function checkKeys(fn: string, graph: AnyGraph, format: string): void {
  graph.forEachNode((key) => xmlString(fn, `graph node ${JSON.stringify(key)}`, format, key, key));
  graph.forEachEdge((key) => xmlString(fn, `graph edge ${JSON.stringify(key)}`, format, key, key));
}

/** Attribute assignments (`name="value"`) of one XML start tag, entities decoded. */
export function tagAttributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1]!, decodeEntities(m[2] ?? m[3] ?? ''));
  }
  return out;
}

/** Decode the XML entities (named and numeric) of a text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    const lower = e.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    return String.fromCodePoint(
      lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number(lower.slice(1)),
    );
  });
}
