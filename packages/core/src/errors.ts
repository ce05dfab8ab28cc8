/**
 * Error classes shared by every mgraph package.
 *
 * Every message names the function that threw, the argument at fault and the value it got,
 * so that a user reading a stack trace in a notebook knows what to change without opening
 * the source.
 *
 * @packageDocumentation
 */

const BRAND = Symbol.for('@mgraph/core/MGraphError');

/** Render a value for an error message: short, unambiguous, never throwing. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'boolean' || typeof value === 'symbol') return String(value);
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  if (Array.isArray(value)) {
    const head = value.slice(0, 6).map(describeValue).join(', ');
    return `[${head}${value.length > 6 ? `, ... (${value.length} items)` : ''}]`;
  }
  if (ArrayBuffer.isView(value)) {
    return `${value.constructor.name}(${(value as unknown as ArrayLike<unknown>).length ?? value.byteLength})`;
  }
  const maybeNd = value as { shape?: unknown; dtype?: unknown };
  if (Array.isArray(maybeNd.shape) && typeof maybeNd.dtype === 'string') {
    return `ndarray(${maybeNd.dtype}, shape [${maybeNd.shape.join(', ')}])`;
  }
  const name = (value as object).constructor?.name;
  return name && name !== 'Object' ? `[object ${name}]` : '[object]';
}

/**
 * Render what a function expected, in full: unlike {@link describeValue}, which shortens the
 * value received (strings past 60 characters, arrays past 6 items), the part of a message that
 * says what was expected is never cut.
 */
function describeExpected(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(describeExpected).join(', ')}]`;
  return describeValue(value);
}

/**
 * Base class of every error mgraph throws.
 *
 * Use {@link MGraphError.isInstance} rather than `instanceof` when two copies of
 * `@mgraph/core` may be installed (npm can nest duplicates): the check reads a global
 * symbol brand, so it holds across copies.
 */
export class MGraphError extends Error {
  // Set explicitly: bundlers rename classes that refer to themselves (`_InvalidArgumentError`).
  // The classes below also never name themselves in their own bodies (their codes are written
  // out), so that the constructor keeps its name too: Node prints an uncaught error under its
  // constructor's name (`InvalidArgumentError: ...`, not `_InvalidArgumentError: ...`).
  override name = 'MGraphError';
  /** Name of the function that threw, e.g. `"watershed"`. */
  readonly fn: string;
  /** Stable machine-readable code, e.g. `"INVALID_ARGUMENT"`. */
  readonly code: string;

  constructor(fn: string, message: string, code = 'MGRAPH_ERROR') {
    super(`${fn}: ${message}`);
    this.fn = fn;
    this.code = code;
    Object.defineProperty(this, BRAND, { value: code, enumerable: false });
  }

  /**
   * True when `error` is an mgraph error, from this copy of `@mgraph/core` or any other.
   * Called on a subclass (`InvalidArgumentError.isInstance(e)`) it also checks the code.
   */
  static isInstance(error: unknown): error is MGraphError {
    if (typeof error !== 'object' || error === null) return false;
    const code = (error as Record<symbol, unknown>)[BRAND];
    if (typeof code !== 'string') return false;
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass isInstance was called on
    const wanted = (this as unknown as { CODE?: string }).CODE;
    return wanted === undefined || wanted === code;
  }
}

/** An argument has a value the function cannot use (wrong type, range, dtype...). */
export class InvalidArgumentError extends MGraphError {
  override readonly name: string = 'InvalidArgumentError';
  static readonly CODE = 'INVALID_ARGUMENT';
  /** Name of the argument or option at fault, e.g. `"options.minDistance"`. */
  readonly argument: string;
  /** The offending value as received. */
  readonly value: unknown;

  /**
   * @param fn - function that threw
   * @param argument - argument or option name, e.g. `"options.connectivity"`
   * @param value - the value received
   * @param expectation - what was expected, e.g. `"an integer in 1..2"`
   */
  constructor(fn: string, argument: string, value: unknown, expectation: string) {
    super(
      fn,
      `argument ${argument} must be ${expectation}, got ${describeValue(value)}`,
      'INVALID_ARGUMENT',
    );
    this.argument = argument;
    this.value = value;
  }
}

/** Two arrays that must share a shape (or a shape that must match a rule) do not. */
export class ShapeMismatchError extends MGraphError {
  override readonly name: string = 'ShapeMismatchError';
  static readonly CODE = 'SHAPE_MISMATCH';
  readonly argument: string;
  readonly expected: readonly number[];
  readonly actual: readonly number[];

  /**
   * @param fn - function that threw
   * @param argument - argument whose shape is wrong
   * @param expected - the shape it should have
   * @param actual - the shape it has
   */
  constructor(
    fn: string,
    argument: string,
    expected: readonly number[],
    actual: readonly number[],
  ) {
    super(
      fn,
      `argument ${argument} must have shape [${expected.join(', ')}], got [${actual.join(', ')}]`,
      'SHAPE_MISMATCH',
    );
    this.argument = argument;
    this.expected = [...expected];
    this.actual = [...actual];
  }
}

/** An iterative method stopped before meeting its tolerance. */
export class ConvergenceError extends MGraphError {
  override readonly name: string = 'ConvergenceError';
  static readonly CODE = 'CONVERGENCE';
  readonly iterations: number;
  readonly tolerance: number;

  /**
   * @param fn - function that threw
   * @param iterations - iterations performed (the `maxIter` reached)
   * @param tolerance - tolerance that was not met
   * @param detail - optional extra context, e.g. the last residual
   */
  constructor(fn: string, iterations: number, tolerance: number, detail?: string) {
    super(
      fn,
      `did not converge within maxIter = ${iterations} iterations (tol = ${tolerance})${detail ? `: ${detail}` : ''}`,
      'CONVERGENCE',
    );
    this.iterations = iterations;
    this.tolerance = tolerance;
  }
}

/** A model (ONNX network, state dict) does not have the inputs, outputs or shapes expected. */
export class ModelError extends MGraphError {
  override readonly name: string = 'ModelError';
  static readonly CODE = 'MODEL';
  readonly what: string;
  readonly expected: unknown;
  readonly actual: unknown;

  /**
   * @param fn - function that threw
   * @param what - the model property checked, e.g. `"input rank"`
   * @param expected - what the function needs
   * @param actual - what the model declares
   */
  constructor(fn: string, what: string, expected: unknown, actual: unknown) {
    super(
      fn,
      `model ${what}: expected ${describeExpected(expected)}, got ${describeValue(actual)}`,
      'MODEL',
    );
    this.what = what;
    this.expected = expected;
    this.actual = actual;
  }
}

/**
 * A file or directory could not be read or written: Node's `ENOENT`, `EISDIR`, `EEXIST`,
 * `EACCES`, `ENOTDIR`... wrapped with the function and the path, the system error kept as
 * `cause`.
 */
export class FileError extends MGraphError {
  override readonly name: string = 'FileError';
  static readonly CODE = 'FILE';
  /** The path at fault, as given. */
  readonly path: string;
  /** Node's error code (`'ENOENT'`, `'EISDIR'`, ...), or `'UNKNOWN'`. */
  readonly syscallCode: string;

  /**
   * @param fn - function that threw
   * @param path - the path that could not be opened, read or written
   * @param cause - the system error (its `code` gives {@link FileError.syscallCode})
   * @param action - what was attempted, e.g. `"read"`, `"write"`, `"create directory"`
   */
  constructor(fn: string, path: string, cause: unknown, action = 'open') {
    const syscallCode = String((cause as { code?: unknown } | null)?.code ?? 'UNKNOWN');
    const why = FILE_REASONS[syscallCode] ?? ((cause as Error | null)?.message || syscallCode);
    super(fn, `cannot ${action} ${JSON.stringify(path)}: ${why} (${syscallCode})`, 'FILE');
    this.path = path;
    this.syscallCode = syscallCode;
    (this as { cause?: unknown }).cause = cause;
  }

  /**
   * Run `work` and wrap a Node file-system error (an error with a string `code` such as
   * `ENOENT`) in a {@link FileError} naming `path`; other errors pass through.
   */
  static async wrap<T>(
    fn: string,
    path: string,
    action: string,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw fileErrorFrom(fn, path, action, error);
    }
  }

  /** `error` as a {@link FileError} when it is a Node file-system error, else `error` itself. */
  static from(fn: string, path: string, action: string, error: unknown): unknown {
    return fileErrorFrom(fn, path, action, error);
  }
}

/** {@link FileError.from}, outside the class so that its body never names it (see MGraphError). */
function fileErrorFrom(fn: string, path: string, action: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (MGraphError.isInstance(error) || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) {
    return error;
  }
  return new FileError(fn, path, error, action);
}

const FILE_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EEXIST: 'it already exists',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EMFILE: 'too many open files',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  ENAMETOOLONG: 'the name is too long',
};

/** Work was cancelled through an `AbortSignal`. */
export class AbortError extends MGraphError {
  override readonly name: string = 'AbortError';
  static readonly CODE = 'ABORTED';
  constructor(fn: string) {
    super(fn, 'aborted by signal', 'ABORTED');
  }
}

/**
 * Throw {@link AbortError} when `signal` is aborted; call it between images or epochs.
 *
 * @param fn - function name for the message
 * @param signal - optional signal; nothing happens when it is undefined
 */
export function throwIfAborted(fn: string, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError(fn);
}
