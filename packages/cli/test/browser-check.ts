// Render a report in headless Chromium and read back what the page holds: every image
// (loaded, its size, how many colours it draws), the PSD bars, the tables, and any error
// or console.error. The report has no script: a copy gets this probe, the file is untouched.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

/** Debian's `chromium` (or `CHROMIUM=/path`), or null when it is not installed. */
export const chromium = (() => {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const dir of (process.env.PATH ?? '').split(delimiter))
    for (const name of ['chromium', 'chromium-browser', 'google-chrome'])
      if (dir && existsSync(join(dir, name))) return join(dir, name);
  return null;
})();

const PROBE = `<script>
window.__errors = [];
addEventListener('error', (e) => __errors.push(String(e.message || (e.target && e.target.src) || 'error')), true);
const __ce = console.error;
console.error = (...a) => { __errors.push(a.join(' ')); __ce(...a); };
addEventListener('load', () => {
  const images = [...document.querySelectorAll('img')].map((img) => {
    const c = document.createElement('canvas');
    c.width = img.naturalWidth || 1;
    c.height = img.naturalHeight || 1;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const colors = new Set();
    let magenta = 0;
    for (let i = 0; i < d.length; i += 4) {
      colors.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      if (d[i] === 255 && d[i + 1] === 0 && d[i + 2] === 255) magenta++;
    }
    const r = img.getBoundingClientRect();
    return { plane: img.closest('.plane').dataset.plane, layer: img.closest('figure').dataset.layer,
      complete: img.complete, width: img.naturalWidth, height: img.naturalHeight,
      shown: [r.width, r.height], colors: colors.size, magenta };
  });
  const bars = [...document.querySelectorAll('svg.psd rect.bar')].map((r) => r.getBBox().height);
  const svg = document.querySelector('svg.psd');
  const box = svg ? svg.getBoundingClientRect() : null;
  const tables = [...document.querySelectorAll('section.table')].map((s) => [s.id, s.querySelectorAll('tbody tr').length]);
  const pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify({ images, bars, svg: box && [box.width, box.height], tables, errors: __errors });
  document.body.appendChild(pre);
});
</script>`;

export interface PageProbe {
  images: {
    plane: string;
    layer: string;
    complete: boolean;
    width: number;
    height: number;
    shown: [number, number];
    colors: number;
    magenta: number;
  }[];
  bars: number[];
  svg: [number, number] | null;
  tables: [string, number][];
  errors: string[];
}

/** Render `report` (a report.html path) with the probe and return what it found. */
export async function probeReport(report: string): Promise<PageProbe> {
  const html = await readFile(report, 'utf8');
  const copy = report.replace(/\.html$/, '.probe.html');
  await writeFile(copy, html.replace('<head>', `<head>${PROBE}`));
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--virtual-time-budget=10000'];
  const { stdout } = await promisify(execFile)(
    chromium!,
    [...flags, '--dump-dom', `file://${copy}`],
    {
      timeout: 90_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const match = stdout.match(/<pre id="probe">([\s\S]*?)<\/pre>/);
  if (!match) throw new Error('the probe did not run: no <pre id="probe"> in the page');
  return JSON.parse(
    match[1]!
      .replaceAll('&quot;', '"')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&'),
  );
}
