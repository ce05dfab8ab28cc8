/**
 * Paper Fig. 6b-d: the GNN's prediction against the truth for each target on the test
 * split, with the identity line.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PredictionPoint } from './types.js';

/** The Vega-Lite spec of Fig. 6b-d: one panel per target, equal axes, y = x drawn. */
export function gnnPredictionSpec(
  points: readonly PredictionPoint[],
  subtitle: string,
): TopLevelSpec {
  const targets = [...new Set(points.map((p) => p.target))];
  const panels = targets.map((target) => {
    const values = points.filter((p) => p.target === target);
    const all = values.flatMap((p) => [p.truth, p.prediction]).filter(Number.isFinite);
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const pad = (hi - lo) * 0.05 || 0.01;
    const domain = [lo - pad, hi + pad];
    return {
      title: target,
      width: 220,
      height: 220,
      layer: [
        {
          data: { values: [{ a: domain[0], b: domain[1] }] },
          mark: { type: 'rule', color: '#888', strokeDash: [4, 3] },
          encoding: {
            x: { field: 'a', type: 'quantitative', scale: { domain } },
            y: { field: 'a', type: 'quantitative', scale: { domain } },
            x2: { field: 'b' },
            y2: { field: 'b' },
          },
        },
        {
          data: { values },
          mark: { type: 'point', filled: true, opacity: 0.6, color: '#e15759', aria: false },
          encoding: {
            x: { field: 'truth', type: 'quantitative', title: `true ${target}`, scale: { domain } },
            y: {
              field: 'prediction',
              type: 'quantitative',
              title: `predicted ${target}`,
              scale: { domain },
            },
          },
        },
      ],
    };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Fig. 6b-d: GNN prediction vs truth (test split)', subtitle },
    hconcat: panels,
  } as TopLevelSpec;
}
