// Tests that need a tool outside Node (Debian's python3 modules, chromium, a committed
// model file) use these instead of `it.skipIf` / `describe.skipIf`: on a developer's
// machine without the tool they skip with a reason; under CI (`CI` set) they never skip,
// they fail and say what to install (.ci/run installs all of it).
import { spawnSync } from 'node:child_process';
import { describe, it } from 'vitest';

/** Whether `/usr/bin/python3` imports every module named. */
export function python3Has(...modules: string[]): boolean {
  const run = spawnSync('/usr/bin/python3', ['-c', `import ${modules.join(', ')}`], {
    stdio: 'ignore',
  });
  return run.status === 0;
}

/** Whether an executable of this name is on PATH. */
export function onPath(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).error === undefined;
}

/** `CI` set to anything but '', '0' or 'false' (as scripts/test-summary.mjs reads it). */
const inCI = () => !['', '0', 'false'].includes(process.env.CI ?? '');

function missing(what: string): Error {
  return new Error(
    `${what} is missing; under CI this test must run, not skip (.ci/run installs it)`,
  );
}

/**
 * `it` when `available`; else `it.skip` outside CI, and under CI a test of the same name
 * that fails naming `what` is missing.
 *
 * @param available - whether what the test needs is here.
 * @param what - what it needs, as a user would install it (e.g. "python3-networkx").
 */
export function itNeeds(available: boolean, what: string): ReturnType<typeof it.skipIf> {
  if (available) return it.skipIf(false);
  if (!inCI()) {
    console.warn(`skipping tests that need ${what} (not found)`);
    return it.skipIf(true);
  }
  return ((name: string) =>
    it(name, () => {
      throw missing(what);
    })) as unknown as ReturnType<typeof it.skipIf>;
}

/** `describe` when `available`; else as {@link itNeeds}, for a whole block. */
export function describeNeeds(
  available: boolean,
  what: string,
): ReturnType<typeof describe.skipIf> {
  if (available) return describe.skipIf(false);
  if (!inCI()) {
    console.warn(`skipping tests that need ${what} (not found)`);
    return describe.skipIf(true);
  }
  return ((name: string) =>
    describe(name, () => {
      it(`needs ${what}`, () => {
        throw missing(what);
      });
    })) as unknown as ReturnType<typeof describe.skipIf>;
}
