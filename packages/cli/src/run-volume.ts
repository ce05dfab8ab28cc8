import { basename, join } from 'node:path';
import { applyScheme, InvalidArgumentError, type PhaseMap } from '@mgraph/core';
import { graphToGraphML } from '@mgraph/graph';
import { writeFileAtomic } from '@mgraph/io/node';
import type { AccessibilityConductivity } from '@mgraph/transport';
import {
  analyzeVolumePhases,
  VOLUME_STAGES,
  type VolumePhasesAnalysis,
} from './analyze-volume-phases.js';
import { tableToCsv, tableToJson } from './csv.js';
import { prepareOutputDir } from './output-dir.js';
import { psdSvg } from './psd-svg.js';
import { readVolume } from './read-volume.js';
import { reportHtml } from './report-html.js';
import { readJson, resolveScheme } from './scheme-option.js';
import { PHASE_COLORS, sliceFigures } from './slice-figures.js';
import { type ProgressStream, stageProgress } from './stage-progress.js';
import { tpbVoxels } from './tpb-voxels.js';
import type { VolumeCommand } from './volume-args.js';

/** What `mgraph volume` did: the analysis and the files it wrote. */
export interface VolumeRun {
  /** The analysis. */
  analysis: VolumePhasesAnalysis;
  /** Paths written, in order. */
  files: string[];
}

/** Every stage of the command, in order (read and scheme before, figures and write after the analysis). */
export const RUN_STAGES = ['read', 'scheme', ...VOLUME_STAGES, 'figures', 'write'] as const;

const FN = 'mgraph volume';

/** Spacing and unit: the flags, else the file's metadata, else 1 voxel. */
function physical(
  command: VolumeCommand,
  file: { spacing: number[] | undefined; unit: string | undefined },
): { spacing: [number, number, number]; unit: string; source: string } {
  const fromFile =
    file.spacing?.length === 3 ? (file.spacing as [number, number, number]) : undefined;
  const spacing = command.spacing ?? fromFile;
  if (spacing === undefined) {
    if (command.unit !== undefined)
      throw new InvalidArgumentError(
        FN,
        '--unit',
        command.unit,
        'given with --spacing (the file states no voxel size)',
      );
    return { spacing: [1, 1, 1], unit: 'voxel', source: 'none given: 1 voxel' };
  }
  const unit = command.unit ?? file.unit;
  if (unit === undefined)
    throw new InvalidArgumentError(
      FN,
      '--unit',
      unit,
      'given with --spacing (the file states no unit), e.g. --unit um',
    );
  const source = command.spacing ? '--spacing' : 'file metadata';
  return { spacing, unit: unit === 'µm' || unit === 'micron' ? 'um' : unit, source };
}

/**
 * Run `mgraph volume`: check the output directory, read the scheme and the volume, apply the
 * scheme, analyse ({@link analyzeVolumePhases}), render the figures and write every file
 * atomically into `command.out`.
 *
 * @param command - the parsed {@link VolumeCommand}
 * @param stderr - where progress goes
 * @returns the {@link VolumeRun}
 * @throws InvalidArgumentError for a non-empty output directory without `--force`, an
 *   unknown scheme, a file that is not a readable 3D volume (corrupt, truncated), values the
 *   scheme does not name (listing those found); FileError for a missing file
 */
export async function runVolume(
  command: VolumeCommand,
  stderr: ProgressStream,
): Promise<VolumeRun> {
  const bar = stageProgress(FN, RUN_STAGES, stderr, command.quiet);
  const onProgress = (done: number, total: number) => bar.progress(done, total);
  await prepareOutputDir(FN, command.out, command.force);

  bar.stage('read');
  const scheme = await resolveScheme(command.scheme);
  const conductivity = command.conductivity
    ? ((await readJson(FN, '--conductivity', command.conductivity)) as AccessibilityConductivity)
    : undefined;
  const file = await readVolume(command.file, {
    ...(command.shape ? { shape: command.shape } : {}),
    ...(command.dtype ? { dtype: command.dtype } : {}),
    byteOrder: command.byteOrder,
    offset: command.offset,
    onProgress,
  });
  const { spacing, unit, source } = physical(command, file);

  bar.stage('scheme');
  const phases: PhaseMap = applyScheme(file.data, scheme);

  const analysis = analyzeVolumePhases(phases, {
    scheme,
    spacing,
    unit,
    minSize: command.minSize,
    window: command.window,
    tortuosity: !command.skipTortuosity,
    ...(conductivity ? { conductivity } : {}),
    onStage: (name) => bar.stage(name),
    onProgress,
  });

  bar.stage('figures');
  const tpbMap = analysis.tpbDensity ? tpbVoxels(analysis.tpbDensity) : null;
  const slices = sliceFigures(phases, analysis.instances.labels, tpbMap, spacing);
  const psd = analysis.tables.find((t) => t.name === 'psd')!;
  const codes = Object.fromEntries(scheme.phases.map((p, i) => [p, i]));
  const facts: [string, string][] = [
    ['file', command.file],
    ['format', file.format],
    ['shape (z, y, x)', file.data.shape.join(' x ')],
    ['dtype of the file', file.data.dtype],
    ['spacing (z, y, x)', `${spacing.join(', ')} ${unit} (${source})`],
    [
      'scheme',
      `${scheme.name}: ${scheme.phases.map((p, i) => `${p} = ${scheme.values[i]!.join('/')}`).join(', ')}`,
    ],
    ['objects', String(analysis.instances.count)],
    ['min size, window', `${command.minSize} voxels, ${command.window}^3`],
    [
      'accessibility conductivities (S/unit)',
      analysis.conductivity ? JSON.stringify(analysis.conductivity) : 'not computed',
    ],
    ...Object.entries(analysis.seconds).map(([k, v]): [string, string] => [
      `seconds: ${k}`,
      k === 'tortuosity' && command.skipTortuosity ? 'skipped (--skip-tortuosity)' : v.toFixed(2),
    ]),
  ];
  const html = reportHtml({
    title: basename(command.file),
    facts,
    slices,
    legend: scheme.phases.map((p, i) => [p, PHASE_COLORS[i % PHASE_COLORS.length]!]),
    tpbCaption: analysis.tpbDensity
      ? `${analysis.tpbDensity.phases.join('-')} TPB edges (magenta; active in yellow)`
      : 'no TPB (the scheme declares none)',
    psdSvg: psdSvg(psd, codes, unit),
    tables: analysis.tables,
    warnings: analysis.warnings,
  });

  // Every file is rendered before the first is written: a failure leaves no partial report.
  const outputs: [string, string][] = analysis.tables.flatMap((t): [string, string][] => [
    [`${t.name}.csv`, tableToCsv(t)],
    [`${t.name}.json`, tableToJson(t)],
  ]);
  outputs.push(['graph.graphml', graphToGraphML(analysis.graph)]);
  outputs.push([
    'summary.json',
    `${JSON.stringify({ facts: Object.fromEntries(facts), spacing, unit, scheme, seconds: analysis.seconds, warnings: analysis.warnings, tables: analysis.tables.map((t) => t.name) }, null, 2)}\n`,
  ]);
  outputs.push(['report.html', html]);

  bar.stage('write');
  const files: string[] = [];
  for (const [name, data] of outputs) {
    const path = join(command.out, name);
    await writeFileAtomic(path, data);
    files.push(path);
    bar.progress(files.length, outputs.length);
  }
  bar.finish(
    `${analysis.instances.count} objects, ${analysis.graph.size} contacts; report in ${join(command.out, 'report.html')}`,
  );
  return { analysis, files };
}
