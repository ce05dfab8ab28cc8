import { FileError, InvalidArgumentError } from '@mgraph/core';

/**
 * A zarrita store over a directory: key `/0/.zarray` is the file `<root>/0/.zarray`.
 * A missing file reads as `undefined` (a chunk not stored: the fill value); other file
 * system errors are core's `FileError` naming the path.
 */
export class ZarrDirectoryStore {
  /** The directory. */
  readonly root: string;
  readonly #fn: string;

  /**
   * @param root - directory of the store (created on the first write)
   * @param fn - function named in errors
   */
  constructor(root: string, fn = 'ZarrDirectoryStore') {
    if (typeof root !== 'string' || root.length === 0) {
      throw new InvalidArgumentError(fn, 'root', root, 'a directory path (non-empty string)');
    }
    this.root = root;
    this.#fn = fn;
  }

  /** The file of a key; keys with `..` or `\` parts are refused. */
  async #file(key: string): Promise<string> {
    const parts = key.split('/').filter((p) => p.length > 0);
    if (parts.some((p) => p === '..' || p === '.' || p.includes('\\'))) {
      throw new InvalidArgumentError(this.#fn, 'key', key, 'a store key without "." / ".." parts');
    }
    const { join } = await import('node:path');
    return join(this.root, ...parts);
  }

  /** The bytes of `key`, or undefined when there is no such file. */
  async get(key: `/${string}`): Promise<Uint8Array | undefined> {
    const file = await this.#file(key);
    const { readFile } = await import('node:fs/promises');
    try {
      const buffer = await readFile(file);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch (error) {
      const code = (error as { code?: unknown })?.code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw FileError.from(this.#fn, file, 'read', error);
    }
  }

  /** Write `value` to the file of `key`, creating its directories. */
  async set(key: `/${string}`, value: Uint8Array): Promise<void> {
    const file = await this.#file(key);
    const { mkdir, writeFile } = await import('node:fs/promises');
    const { dirname } = await import('node:path');
    await FileError.wrap(this.#fn, file, 'write', async () => {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, value);
    });
  }
}
