/**
 * One try of one task: load the task module (once per thread), call the handler of the
 * task's kind, and answer a plain outcome (a handler's throw becomes `{ ok: false, error }`
 * with the error's own name, which a structured clone of the Error would lose). The default
 * export is the handler piscina calls in every pool thread; `inThreadExecutor` calls it in
 * the calling thread. Plain JavaScript so that a worker thread loads it without a build or a
 * TypeScript loader; TypeScript task modules get tsx's loader registered first (worker
 * threads only: the calling thread already runs under tsx or vitest).
 */
import { isMainThread } from 'node:worker_threads';
import { InvalidArgumentError } from '@mgraph/core';

/** @type {Map<string, Promise<Record<string, Function>>>} */
const registries = new Map();
let tsxRegistered = false;
const NEVER = new AbortController().signal;

/** Register tsx's ESM loader in this worker thread (Node 20 ignores `--import` in a worker's execArgv). */
async function registerTsx(moduleUrl) {
  if (tsxRegistered || isMainThread) return;
  let api;
  try {
    api = await import('tsx/esm/api');
  } catch (error) {
    throw new InvalidArgumentError(
      'poolExecutor',
      'tasksModule',
      moduleUrl,
      `a JavaScript module, or tsx installed to load a TypeScript one (${error.message})`,
    );
  }
  api.register();
  tsxRegistered = true;
}

/** The handlers of a task module: its default export (of an ES module or of a CommonJS build). */
async function load(moduleUrl) {
  if (/\.[cm]?tsx?$/.test(new URL(moduleUrl).pathname)) await registerTsx(moduleUrl);
  const module = await import(moduleUrl);
  let registry = module.default;
  if (registry && typeof registry === 'object' && registry.__esModule) registry = registry.default;
  if (!registry || typeof registry !== 'object')
    throw new InvalidArgumentError(
      'runTask',
      'tasksModule',
      moduleUrl,
      'a module whose default export is defineTasks({ kind: handler })',
    );
  return registry;
}

function registryOf(moduleUrl) {
  let registry = registries.get(moduleUrl);
  if (!registry) {
    registry = load(moduleUrl);
    registries.set(moduleUrl, registry);
  }
  return registry;
}

/**
 * Run one try of one task.
 *
 * @param {import('./run-task.d.mts').TaskMessage} message - module URL, kind, input, key, attempt.
 * @param {AbortSignal} [signal] - given to the handler (in pool threads a never-aborted signal:
 *   the pool aborts a running task by ending its thread).
 * @returns {Promise<import('./run-task.d.mts').TryOutcome>} the handler's value, or its error's name and message.
 */
export default async function runTask(message, signal = NEVER) {
  const { moduleUrl, kind, input, key, attempt } = message;
  try {
    const registry = await registryOf(moduleUrl);
    const handler = registry[kind];
    if (typeof handler !== 'function')
      throw new InvalidArgumentError(
        'runTask',
        'task.kind',
        kind,
        `a handler of ${moduleUrl} (${Object.keys(registry).join(', ') || 'none'})`,
      );
    return { ok: true, value: await handler(input, { signal, attempt, key }) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { ok: false, error: { name: e.name, message: e.message } };
  }
}
