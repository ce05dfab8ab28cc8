import { InvalidArgumentError } from '@mgraph/core';

/** @internal throw unless every entry of `index` is an integer in `[0, bound)` */
export function assertIndex(
  fn: string,
  name: string,
  index: ArrayLike<number>,
  bound: number,
): void {
  if (typeof index !== 'object' || index === null || typeof index.length !== 'number') {
    throw new InvalidArgumentError(fn, name, index, 'an array of row indices');
  }
  for (let i = 0; i < index.length; i++) {
    const v = index[i]!;
    if (!(Number.isInteger(v) && v >= 0 && v < bound)) {
      throw new InvalidArgumentError(fn, `${name}[${i}]`, v, `an integer in [0, ${bound})`);
    }
  }
}
