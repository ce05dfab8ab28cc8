/** Colours shared by the figures: one per phase of the cathode scheme, in code order. */
export const PHASE_COLORS: Record<string, [number, number, number]> = {
  background: [20, 20, 20],
  sse: [78, 121, 167],
  nmc: [242, 142, 43],
  graphite: [89, 161, 79],
};

/** `#rrggbb` of an RGB triple. */
export function hex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
