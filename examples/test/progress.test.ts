import { describe, expect, it } from 'vitest';
import { createProgressBar, renderProgressLine } from '../paper-workflow/progress.js';

describe('renderProgressLine', () => {
  it('fills the bar in proportion and estimates the time left', () => {
    expect(renderProgressLine('images', 5, 20, 10, 10)).toBe(
      'images [###.......] 5/20 25% 00:10 eta 00:30',
    );
    expect(renderProgressLine('images', 0, 4, 0, 4)).toBe('images [....] 0/4 0% 00:00 eta --:--');
    expect(renderProgressLine('x', 4, 4, 65, 4)).toBe('x [####] 4/4 100% 01:05 eta 00:00');
  });
});

describe('createProgressBar', () => {
  it('redraws in place on a TTY and ends with a newline', () => {
    const out: string[] = [];
    const bar = createProgressBar('t', 2, { write: (s) => out.push(s), isTTY: true, columns: 120 });
    bar.update(1);
    bar.update(2);
    bar.finish('done');
    expect(out).toHaveLength(3);
    expect(out.every((s) => s.startsWith('\r'))).toBe(true);
    expect(out[2].endsWith('\n')).toBe(true);
    expect(out[2]).toContain('2/2 100%');
    expect(out[2]).toContain('done');
  });
  it('prints one line per tenth when not a TTY', () => {
    const out: string[] = [];
    const bar = createProgressBar('t', 100, { write: (s) => out.push(s) });
    for (let i = 1; i <= 100; i++) bar.update(i);
    bar.finish();
    expect(out).toHaveLength(10);
    expect(out.map((l) => l.match(/ (\d+)\/100/)![1])).toEqual([
      '10',
      '20',
      '30',
      '40',
      '50',
      '60',
      '70',
      '80',
      '90',
      '100',
    ]);
  });
});
