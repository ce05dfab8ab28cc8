import { createHash } from 'node:crypto';
import type { TaskOutcome } from '@mgraph/core';

/**
 * SHA-256 (hex) of the JSON text of a run's outcomes: one hash to compare two runs of the
 * same tasks (in-thread, pool, BullMQ). It hashes what `JSON.stringify` writes, so outcomes
 * that travelled as JSON (BullMQ job results) hash like the in-memory ones: NaN and
 * infinities count as `null`, typed arrays as index-keyed objects, key order as given.
 *
 * @param outcomes - outcomes in task order.
 * @returns 64 hex digits.
 */
export function hashOutcomes(outcomes: readonly TaskOutcome[]): string {
  return createHash('sha256').update(JSON.stringify(outcomes)).digest('hex');
}
