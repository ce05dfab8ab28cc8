import { describe, expect, it } from 'vitest';
import { defineTasks, InvalidArgumentError } from '../src/index.js';

describe('defineTasks', () => {
  it('returns the registry itself, handlers callable', async () => {
    const tasks = { double: (x: number) => 2 * x, later: async (x: string) => `${x}!` };
    const registry = defineTasks(tasks);
    expect(registry).toBe(tasks);
    expect(registry.double(21)).toBe(42);
    await expect(registry.later('done')).resolves.toBe('done!');
  });

  it('refuses a value that is not a function, naming the kind', () => {
    expect(() => defineTasks({ ok: () => 1, broken: 3 as never })).toThrow(InvalidArgumentError);
    expect(() => defineTasks({ broken: 'x' as never })).toThrow(/tasks\.broken.*a function/);
  });
});
