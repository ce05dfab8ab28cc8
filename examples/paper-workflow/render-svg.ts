/**
 * Server-side figure rendering: a Vega-Lite spec is compiled to Vega and rendered by a
 * headless `View` (`renderer: 'none'`) to an SVG string. No browser, no canvas.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Default look of every figure: white background, readable fonts. */
const CONFIG = {
  background: 'white',
  font: 'Helvetica, Arial, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14, anchor: 'start' },
};

/**
 * Render a Vega-Lite spec to a standalone SVG document.
 *
 * @param spec - the Vega-Lite spec (data inlined as `values`).
 * @returns the SVG text (`<svg ...>...</svg>`).
 */
export async function renderVegaLite(spec: TopLevelSpec): Promise<string> {
  const withConfig = { ...spec, config: { ...CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec;
  const vegaSpec = compile(withConfig).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
