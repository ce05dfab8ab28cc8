import { assertFinite, InvalidArgumentError } from '@mgraph/core';
import type { FeatureMatrix } from '../data/hetero-graph.js';

/** @internal throw unless `m` is a FeatureMatrix of finite values, non-empty unless `allowEmpty` */
export function checkMatrix(fn: string, name: string, m: FeatureMatrix, allowEmpty = false): void {
  const ok =
    typeof m === 'object' &&
    m !== null &&
    Number.isInteger(m.rows) &&
    Number.isInteger(m.cols) &&
    (allowEmpty || m.rows > 0) &&
    m.cols > 0 &&
    m.data instanceof Float64Array &&
    m.data.length === m.rows * m.cols;
  if (!ok) {
    throw new InvalidArgumentError(fn, name, m, '{ rows, cols, data: Float64Array(rows * cols) }');
  }
  assertFinite(fn, `${name}.data`, m.data);
}
