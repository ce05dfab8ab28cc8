/**
 * A terminal progress bar for the batch: `label [#####.....] 12/73 16% 00:21 eta 01:50`,
 * redrawn in place on a TTY and printed at most every 10% otherwise (CI logs stay short).
 */

/** What the bar writes to: a stream with `write` and, for TTYs, `isTTY`/`columns`. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** A progress bar; call `update(done)` as work completes and `finish()` at the end. */
export interface ProgressBar {
  update(done: number, note?: string): void;
  finish(note?: string): void;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * Render one bar line (pure; the bar below and the tests use it).
 *
 * @param label - text before the bar.
 * @param done - items done.
 * @param total - items in all (> 0).
 * @param elapsedSeconds - time since the start.
 * @param width - bar width in characters (default 30).
 * @returns the line, without a line end.
 */
export function renderProgressLine(
  label: string,
  done: number,
  total: number,
  elapsedSeconds: number,
  width = 30,
): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * width);
  const eta = done > 0 ? (elapsedSeconds / done) * (total - done) : Number.NaN;
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${Math.round(
    fraction * 100,
  )}% ${clock(elapsedSeconds)} eta ${clock(eta)}`;
}

/**
 * Create a progress bar over `total` items writing to `stream` (default `process.stderr`).
 *
 * @param label - text before the bar.
 * @param total - number of items.
 * @param stream - output stream.
 * @returns the bar.
 */
export function createProgressBar(
  label: string,
  total: number,
  stream: ProgressStream = process.stderr,
): ProgressBar {
  const start = performance.now();
  let lastDecile = 0;
  let lastPrinted = -1;
  let current = 0;
  const draw = (done: number, note: string | undefined, final: boolean) => {
    current = done;
    const elapsed = (performance.now() - start) / 1000;
    const line = renderProgressLine(label, done, total, elapsed) + (note ? ` ${note}` : '');
    if (stream.isTTY) {
      const max = (stream.columns ?? 100) - 1;
      stream.write(`\r${line.slice(0, max).padEnd(max)}${final ? '\n' : ''}`);
    } else {
      const decile = Math.floor((done / Math.max(total, 1)) * 10);
      if (decile !== lastDecile || (final && (note || lastPrinted !== done))) {
        lastDecile = decile;
        lastPrinted = done;
        stream.write(`${line}\n`);
      }
    }
  };
  return {
    update: (done, note) => draw(done, note, false),
    finish: (note) => draw(current, note, true),
  };
}
