import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidArgumentError } from '@mgraph/core';

/**
 * The URL a task module is imported from, in the calling thread and in every worker thread.
 *
 * @param fn - calling function, for errors.
 * @param tasksModule - a `URL`, a URL string (`file:`, `data:`...), an absolute file path, or a
 *   package specifier (`@mgraph/pipeline/tasks`) resolved from this package's location.
 * @returns the module's URL as a string.
 * @throws InvalidArgumentError when it is none of those, or the specifier does not resolve.
 */
export function tasksModuleUrl(fn: string, tasksModule: unknown): string {
  if (tasksModule instanceof URL) return tasksModule.href;
  if (typeof tasksModule !== 'string' || tasksModule === '')
    throw new InvalidArgumentError(
      fn,
      'tasksModule',
      tasksModule,
      'a URL, an absolute path or a package specifier',
    );
  if (isAbsolute(tasksModule)) return pathToFileURL(tasksModule).href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(tasksModule)) return tasksModule;
  if (tasksModule.startsWith('.'))
    throw new InvalidArgumentError(
      fn,
      'tasksModule',
      tasksModule,
      'an absolute path or a URL (a relative path is ambiguous: use new URL(path, import.meta.url))',
    );
  try {
    // import.meta.resolve gives the ES module entry; the CommonJS build (no import.meta.resolve) the require one.
    if (typeof import.meta.resolve === 'function') return import.meta.resolve(tasksModule);
    return pathToFileURL(createRequire(import.meta.url).resolve(tasksModule)).href;
  } catch (error) {
    throw new InvalidArgumentError(
      fn,
      'tasksModule',
      tasksModule,
      `a package specifier that resolves (${(error as Error).message})`,
    );
  }
}
