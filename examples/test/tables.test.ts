import { describe, expect, it } from 'vitest';
import { formatNumber, parseCsv, toCsv, toMarkdown } from '../paper-workflow/tables.js';

interface Row {
  name: string;
  value: number;
  flag: boolean;
  note?: string;
}
const rows: Row[] = [
  { name: 'a,b', value: 0.123456789, flag: true, note: 'say "hi"' },
  { name: 'line\nbreak', value: Number.NaN, flag: false },
  { name: 'pipe|x', value: 1e-7, flag: true },
];
const columns = [
  { key: 'name' as const },
  { key: 'value' as const, header: 'value (eV)', digits: 3 },
  { key: 'flag' as const },
  { key: 'note' as const },
];

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, keeps full precision, leaves NaN empty', () => {
    const csv = toCsv(rows, columns);
    expect(csv.split('\n')[0]).toBe('name,value (eV),flag,note');
    expect(csv).toContain('"a,b",0.123456789,true,"say ""hi"""');
    expect(csv).toContain('"line\nbreak",,false,');
    expect(csv.endsWith('\n')).toBe(true);
  });
  it('round-trips through parseCsv', () => {
    const { header, rows: parsed } = parseCsv(toCsv(rows, columns));
    expect(header).toEqual(['name', 'value (eV)', 'flag', 'note']);
    expect(parsed).toEqual([
      ['a,b', '0.123456789', 'true', 'say "hi"'],
      ['line\nbreak', '', 'false', ''],
      ['pipe|x', '1e-7', 'true', ''],
    ]);
  });
});

describe('toMarkdown', () => {
  it('writes a header rule, rounds to the column digits, escapes pipes, leaves NaN empty', () => {
    const md = toMarkdown(rows, columns).trimEnd().split('\n');
    expect(md[0]).toBe('| name | value (eV) | flag | note |');
    expect(md[1]).toBe('| --- | --- | --- | --- |');
    expect(md[2]).toBe('| a,b | 0.123 | yes | say "hi" |');
    expect(md[3]).toBe('| line break |  | no |  |');
    expect(md[4]).toBe('| pipe\\|x | 1.00e-7 | yes |  |');
    expect(md).toHaveLength(5);
  });
});

describe('formatNumber', () => {
  it('keeps integers, rounds to significant digits, uses exponents for tiny values', () => {
    expect(formatNumber(42)).toBe('42');
    expect(formatNumber(8344.123456)).toBe('8344');
    expect(formatNumber(0.0123456)).toBe('0.01235');
    expect(formatNumber(3.2e-12, 3)).toBe('3.20e-12');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});
