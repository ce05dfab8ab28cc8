import { readFile } from 'node:fs/promises';
import {
  CATHODE_SCHEME,
  checkScheme,
  FileError,
  InvalidArgumentError,
  LI_ION_ELECTRODE_SCHEME,
  type PhaseScheme,
  SOFC_ANODE_SCHEME,
} from '@mgraph/core';

/** The schemes `--scheme` knows by name. */
export const NAMED_SCHEMES: Readonly<Record<string, PhaseScheme>> = {
  cathode: CATHODE_SCHEME,
  'sofc-anode': SOFC_ANODE_SCHEME,
  'li-ion-electrode': LI_ION_ELECTRODE_SCHEME,
};

/**
 * The phase scheme `--scheme` names: one of {@link NAMED_SCHEMES}, or the path of a JSON
 * file holding what `definePhaseScheme` of `@mgraph/core` takes.
 *
 * @param value - the name or the path (a path ends in `.json`)
 * @returns the checked scheme
 * @throws InvalidArgumentError for an unknown name, a file that is not JSON or not a scheme;
 *   FileError for a missing file
 */
export async function resolveScheme(value: string): Promise<PhaseScheme> {
  const fn = 'resolveScheme';
  const named = NAMED_SCHEMES[value];
  if (named) return named;
  if (!value.toLowerCase().endsWith('.json'))
    throw new InvalidArgumentError(
      fn,
      '--scheme',
      value,
      `${Object.keys(NAMED_SCHEMES).join(', ')} or the path of a scheme .json file`,
    );
  return checkScheme(fn, '--scheme', await readJson(fn, '--scheme', value));
}

/**
 * The parsed content of a JSON file named by a flag.
 *
 * @param fn - command name for errors
 * @param flag - the flag, e.g. `'--conductivity'`
 * @param path - the file
 * @returns the parsed value
 * @throws InvalidArgumentError when the file is not JSON; FileError when it cannot be read
 */
export async function readJson(fn: string, flag: string, path: string): Promise<unknown> {
  const text = await FileError.wrap(fn, path, 'read', () => readFile(path, 'utf8'));
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidArgumentError(
      fn,
      flag,
      path,
      `a JSON file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
