/** Where progress goes: a stream with `write` (and `isTTY` for in-place redraws). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Progress of a run in named stages, with percentages inside each. */
export interface StageProgress {
  /** A stage starts (stages are numbered in the order of the list given). */
  stage(name: string): void;
  /** Progress inside the current stage. */
  progress(done: number, total: number): void;
  /** The run is over: the last line, with the total time. */
  finish(note: string): void;
}

/**
 * Progress lines on a stream: `[3/8] instances` when a stage starts, then `[3/8] instances
 * 40%` every 10% (redrawn in place on a TTY), and a final line with the elapsed time.
 * `quiet` writes nothing.
 *
 * @param prefix - text before every line, e.g. `'mgraph volume'`
 * @param stages - the stage names in order
 * @param stream - the stream (process.stderr)
 * @param quiet - write nothing
 * @returns the {@link StageProgress}
 */
export function stageProgress(
  prefix: string,
  stages: readonly string[],
  stream: ProgressStream,
  quiet: boolean,
): StageProgress {
  const start = performance.now();
  let current = '';
  let decile = -1;
  const head = () => `${prefix} [${stages.indexOf(current) + 1}/${stages.length}] ${current}`;
  const write = (line: string, inPlace: boolean) => {
    if (quiet) return;
    if (stream.isTTY) stream.write(`\r\u001b[2K${line}${inPlace ? '' : '\n'}`);
    else stream.write(`${line}\n`);
  };
  return {
    stage(name) {
      current = name;
      decile = -1;
      write(head(), Boolean(stream.isTTY));
    },
    progress(done, total) {
      const d = total > 0 ? Math.floor((10 * Math.min(done, total)) / total) : 10;
      if (d === decile) return;
      decile = d;
      write(`${head()} ${d * 10}%`, Boolean(stream.isTTY));
    },
    finish(note) {
      write(
        `${prefix} done in ${((performance.now() - start) / 1000).toFixed(1)} s: ${note}`,
        false,
      );
    },
  };
}
