// The runners of every package's hostile-input suite (test/hostile.test.ts, imported by
// relative path): each case asserts the typed error and a fragment of its message, or checks
// the result; the suite ends by checking the peak RSS of the process (the cases whose naive
// cost is gigabytes must have been refused before allocating).
import { InvalidArgumentError } from '@mgraph/core';
import { expect, it } from 'vitest';

/** An error class with the brand check of `@mgraph/core`'s errors (`InvalidArgumentError`...). */
export type ErrorClass = { isInstance(e: unknown): boolean };

/** Assert `thrown` is an `error` (by `isInstance`) whose message contains or matches `message`. */
export function expectTypedError(
  thrown: unknown,
  error: ErrorClass,
  message: string | RegExp,
): void {
  expect(thrown, 'expected a typed error').toBeDefined();
  expect(
    error.isInstance(thrown),
    `${(thrown as Error)?.name}: ${(thrown as Error)?.message}`,
  ).toBe(true);
  if (typeof message === 'string') expect((thrown as Error).message).toContain(message);
  else expect((thrown as Error).message).toMatch(message);
}

/** A case: a call and either the typed error it must throw (and a message fragment) or a check of its result. */
export type TupleCase =
  | [name: string, call: () => unknown, error: ErrorClass, message: string | RegExp]
  | [name: string, call: () => unknown, check: (result: unknown) => void];

/**
 * One `it` per case (the call awaited). `onResult` sees every result before its check (stats:
 * no NaN anywhere).
 */
export function runCases(cases: TupleCase[], onResult?: (result: unknown) => void): void {
  for (const c of cases) {
    it(c[0], async () => {
      if (c.length === 4) {
        const [, call, error, message] = c;
        let thrown: unknown;
        try {
          await call();
        } catch (e) {
          thrown = e;
        }
        expectTypedError(thrown, error, message);
      } else {
        const result = await c[1]();
        onResult?.(result);
        c[2](result);
      }
    });
  }
}

/** A case as an object: the typed error class it must throw (and a message fragment), or `ok` checks the result. */
export interface TableCase {
  name: string;
  run: () => unknown;
  error?: abstract new (...args: never[]) => unknown;
  message?: string | RegExp;
  ok?: (value: unknown) => void;
}

/**
 * `it.each` over the cases (the call awaited, `timeout` ms each): an error must be an instance
 * of `error` naming its function (`fn`) with a message matching `message`; otherwise no error
 * and `ok(value)`.
 */
export function itEachCase(cases: readonly TableCase[], timeout = 60_000): void {
  it.each(cases.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      let value: unknown;
      let error: unknown;
      try {
        value = await c.run();
      } catch (e) {
        error = e;
      }
      if (c.error) {
        expect(error, 'expected a typed error').toBeInstanceOf(c.error);
        expect((error as { fn?: unknown }).fn).toBeTypeOf('string');
        if (c.message !== undefined) expect((error as Error).message).toMatch(c.message);
      } else {
        expect(error).toBeUndefined();
        c.ok?.(value);
      }
    },
    timeout,
  );
}

/** A synchronous case: its typed error and message pattern, or `check` of the result; `within` ms at most. */
export interface TimedCase {
  name: string;
  run: () => unknown;
  error?: [ErrorClass, RegExp];
  check?: (out: unknown) => void;
  /** Wall-clock budget (ms) for cases that used to loop or allocate with a user number. */
  within?: number;
}

/** `it.each` over synchronous cases, each timed against its `within`. */
export function itEachTimedCase(cases: readonly TimedCase[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const t0 = performance.now();
    let out: unknown;
    let thrown: unknown;
    try {
      out = c.run();
    } catch (e) {
      thrown = e;
    }
    const ms = performance.now() - t0;
    if (c.error !== undefined) {
      expectTypedError(thrown, c.error[0], c.error[1]);
    } else {
      if (thrown !== undefined) throw thrown;
      c.check?.(out);
    }
    if (c.within !== undefined) expect(ms).toBeLessThan(c.within);
  });
}

/**
 * Log the peak resident memory of this test process and assert it stayed under `limitMiB`
 * (1024): the huge-number cases must not have allocated their naive sizes.
 */
export function expectPeakRss(suite: string, cases: number, limitMiB = 1024): void {
  // maxRSS is in kilobytes (Linux)
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  console.log(`${suite} hostile suite: ${cases} cases, peak RSS ${peakMiB.toFixed(0)} MiB`);
  expect(peakMiB).toBeLessThan(limitMiB);
}

/**
 * The three option mistakes of a function taking `options` last, as table cases: `null`
 * means defaults, a misspelled key names the closest known option (`near`), and a non-object
 * (`notObject`, default 7) is refused.
 */
export function optionCases(
  name: string,
  call: (options: unknown) => unknown,
  typo: Record<string, unknown>,
  near: string,
  notObject: unknown = 7,
): (TableCase & { error?: typeof InvalidArgumentError })[] {
  return [
    { name: `${name}: options null means defaults`, run: () => call(null), ok: () => {} },
    {
      name: `${name}: misspelled option names the closest`,
      run: () => call(typo),
      error: InvalidArgumentError,
      message: `did you mean "${near}"`,
    },
    {
      name: `${name}: options ${JSON.stringify(notObject)} (not an object)`,
      run: () => call(notObject),
      error: InvalidArgumentError,
      message: 'an options object',
    },
  ];
}
