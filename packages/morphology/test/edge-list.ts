/** Indices of the set bits of a bit-packed edge map (bit i = byte i >> 3, bit i & 7). */
export function edgeList(bits: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < bits.length * 8; i++) if ((bits[i >> 3]! >> (i & 7)) & 1) out.push(i);
  return out;
}
