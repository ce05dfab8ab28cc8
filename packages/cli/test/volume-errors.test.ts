// mgraph volume refuses what it cannot analyse with one clear line and a non-zero exit:
// corrupt, truncated and 2D files, values the scheme does not name, bad flags, an output
// directory that holds files (unless --force). No stack trace unless --verbose.
import { mkdir, mkdtemp, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTiff } from '@mgraph/io/node';
import { generateComposite } from '@mgraph/phantom';
import ndarray from 'ndarray';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMgraph } from './run-mgraph.js';

let dir: string;
let found: string;
const at = (name: string) => join(dir, name);

/** Exit 1 and exactly one `mgraph: ...` line on stderr matching `pattern`, no stack. */
function refused(run: { code: number; stderr: string }, pattern: RegExp) {
  expect(run.code).toBe(1);
  // exactly one line: `mgraph: <message>` and its line end, nothing else
  expect(run.stderr, run.stderr).toMatch(/^mgraph: [^\n]+\n$/);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mgraph-cli-errors-'));
  const c = generateComposite({ shape: [16, 32, 32], seed: 3 });
  await writeTiff(at('ok.tif'), c.phases, { spacing: [1, 1, 1], unit: 'um' });
  found = [...new Set(c.phases.data)].sort().join(', ');
  await writeTiff(at('truncated.tif'), c.phases);
  await truncate(at('truncated.tif'), (await stat(at('truncated.tif'))).size - 5000);
  await writeFile(at('corrupt.tif'), Buffer.from('II*\u0000\u0008\u0000\u0000\u0000garbage'));
  await writeTiff(at('flat.tif'), ndarray(new Uint8Array(64), [8, 8]));
  await writeFile(at('short.raw'), new Uint8Array(100));
  await writeFile(at('bad-scheme.json'), '{"name": "x", "phases": ["a", "a"]}');
});

const quiet = (file: string, ...rest: string[]) => [
  'volume',
  at(file),
  '--quiet',
  '--out',
  at(`out-${file}`),
  ...rest,
];

describe('mgraph volume refuses bad input with one line and exit 1', () => {
  it('a truncated TIFF', async () => {
    refused(
      await runMgraph(quiet('truncated.tif', '--scheme', 'cathode')),
      /readTiff: .*truncated\.tif/,
    );
  });

  it('a corrupt TIFF', async () => {
    refused(
      await runMgraph(quiet('corrupt.tif', '--scheme', 'cathode')),
      /readTiff: .*corrupt\.tif/,
    );
  });

  it('a missing file', async () => {
    refused(
      await runMgraph(quiet('missing.tif', '--scheme', 'cathode')),
      /no such file or directory/,
    );
  });

  it('a 2D image', async () => {
    refused(
      await runMgraph(quiet('flat.tif', '--scheme', 'cathode')),
      /a 3D volume.*shape of \[8, 8\]|a 3D volume .*\[8, 8\]/,
    );
  });

  it('a raw file shorter than its shape', async () => {
    refused(
      await runMgraph(
        quiet('short.raw', '--scheme', 'cathode', '--shape', '4,8,8', '--dtype', 'uint8'),
      ),
      /readRaw: .*at least .* 256 .* it has 100/,
    );
  });

  it('values the scheme does not name, listing the values found', async () => {
    // the cathode phantom holds codes up to 3 (graphite); sofc-anode names 0, 1, 2 only
    expect(found).toMatch(/3$/);
    const run = await runMgraph(quiet('ok.tif', '--scheme', 'sofc-anode'));
    refused(run, /applyScheme: .*scheme "sofc-anode": 0 pore \(values 0\); 1 ni/);
    expect(run.stderr).toContain(`found ${found}, of which 1 unnamed: 3`);
  });

  it('an unknown scheme name, a scheme file that is not a scheme, a conductivity file that is not JSON', async () => {
    refused(
      await runMgraph(quiet('ok.tif', '--scheme', 'anode')),
      /--scheme .*cathode, sofc-anode, li-ion-electrode/,
    );
    refused(await runMgraph(quiet('ok.tif', '--scheme', at('bad-scheme.json'))), /a PhaseScheme/);
    refused(
      await runMgraph(quiet('ok.tif', '--scheme', 'cathode', '--conductivity', at('short.raw'))),
      /--conductivity .*a JSON file/,
    );
  });

  it('bad flags: an unknown flag, a spacing of two numbers, --shape without --dtype', async () => {
    refused(
      await runMgraph(quiet('ok.tif', '--scheme', 'cathode', '--spacin', '1')),
      /Unknown option '--spacin'/,
    );
    refused(
      await runMgraph(quiet('ok.tif', '--scheme', 'cathode', '--spacing', '1,2')),
      /--spacing .*three comma-separated/,
    );
    refused(await runMgraph(quiet('ok.tif', '--scheme', 'cathode', '--shape', '4,8,8')), /--dtype/);
  });

  it('--verbose adds the stack trace', async () => {
    const run = await runMgraph([...quiet('corrupt.tif', '--scheme', 'cathode'), '--verbose']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});

describe('mgraph volume never overwrites without --force', () => {
  it('refuses a directory that holds a file and leaves the file alone; --force writes the report', async () => {
    const out = at('taken');
    await mkdir(out);
    await writeFile(join(out, 'report.html'), 'mine');
    const flags = ['volume', at('ok.tif'), '--scheme', 'cathode', '--out', out, '--quiet'];
    refused(await runMgraph(flags), /--out .*holds 1 entries.*--force/);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toBe('mine');
    const forced = await runMgraph([...flags, '--force']);
    expect([forced.code, forced.stderr]).toEqual([0, '']);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('--help prints the usage and exits 0; no command exits 2', async () => {
    const help = await runMgraph(['volume', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: mgraph volume FILE --scheme');
    expect((await runMgraph([])).code).toBe(2);
  });
});
