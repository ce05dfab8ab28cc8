import { isAbsolute } from 'node:path';
import { tasksModuleUrl } from './tasks-module-url.js';

/**
 * The task module as a BullMQ job names it: a package specifier (`@mgraph/pipeline/tasks`)
 * as given, so that each worker resolves it in its own installation; anything else as the
 * URL {@link tasksModuleUrl} makes of it (a `file:` URL names the same path on every machine).
 *
 * @param fn - calling function, for errors.
 * @param tasksModule - a `URL`, a URL string, an absolute path or a package specifier.
 * @throws InvalidArgumentError as {@link tasksModuleUrl} does.
 */
export function jobModuleName(fn: string, tasksModule: unknown): string {
  const url = tasksModuleUrl(fn, tasksModule);
  const bare =
    typeof tasksModule === 'string' &&
    !isAbsolute(tasksModule) &&
    !/^[a-z][a-z0-9+.-]*:/i.test(tasksModule);
  return bare ? (tasksModule as string) : url;
}
