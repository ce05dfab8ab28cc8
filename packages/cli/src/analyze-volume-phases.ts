import {
  flatData,
  type PhaseMap,
  type PhaseScheme,
  type ProgressCallback,
  type TypedArray,
} from '@mgraph/core';
import {
  buildGraph,
  type ConcurrentChannels,
  concurrentChannels,
  type MicrostructureGraph,
  type TriplePhaseBoundaries,
  triplePhaseBoundaries,
} from '@mgraph/graph';
import { type InstanceSegmentationResult, instanceSegmentation } from '@mgraph/watershed';
import { annotateGraphUnits } from './annotate-graph-units.js';
import type { Table } from './table.js';
import { graphTables, particleTables, phaseTable } from './volume-tables.js';

/** Options of {@link analyzeVolumePhases}. */
export interface AnalyzeVolumePhasesOptions {
  /** Phase scheme of the codes (required). */
  scheme: PhaseScheme;
  /** Voxel size `[dz, dy, dx]` in `unit` (required). */
  spacing: readonly [number, number, number];
  /** Unit of `spacing`, e.g. `'um'` (required). */
  unit: string;
  /** Objects with fewer voxels are dropped. Default 10. */
  minSize?: number;
  /** Adjacency window of the graph (odd). Default 7. */
  window?: number;
  /** Called when a stage starts, with its name. */
  onStage?: (stage: string) => void;
  /** Progress inside the current stage, `(done, total)`. */
  onProgress?: ProgressCallback;
}

/** What {@link analyzeVolumePhases} computes. */
export interface VolumePhasesAnalysis {
  /** The scheme used. */
  scheme: PhaseScheme;
  /** Voxel size `[dz, dy, dx]`. */
  spacing: [number, number, number];
  /** Unit of `spacing`. */
  unit: string;
  /** The phase map analysed. */
  phases: PhaseMap;
  /** Instances of every object phase (the active phases split by the convexity-refined watershed). */
  instances: InstanceSegmentationResult;
  /** The contact graph, nodes annotated with `volume` and `equivalentDiameter` in units. */
  graph: MicrostructureGraph;
  /** TPB triangles of the graph, or null when the scheme declares no TPB. */
  tpb: TriplePhaseBoundaries | null;
  /** Concurrent channels, or null when the scheme lacks one active phase or a conductor. */
  channels: ConcurrentChannels | null;
  /** The report's tables, in order. */
  tables: Table[];
  /** Why a part is empty. */
  warnings: string[];
  /** Seconds per stage. */
  seconds: Record<string, number>;
}

/** The stages of {@link analyzeVolumePhases}, in order. */
export const VOLUME_STAGES = ['instances', 'graph', 'tpb and channels', 'tables'] as const;

/**
 * Analyse a 3D phase map in physical units: instances of every object phase (the scheme's
 * active phases split by `@mgraph/watershed`'s convexity-refined watershed, the others by
 * connected components), the contact graph of `@mgraph/graph`, its TPB triangles and
 * concurrent channels when the scheme declares them, and the tables of the volume report
 * (phases, particles, particle size distribution, contacts, graph summary).
 *
 * @param phases - 3D uint8 phase map `(planes, rows, cols)` of the scheme's codes
 * @param options - {@link AnalyzeVolumePhasesOptions}: `scheme`, `spacing`, `unit`
 *   (required), `minSize` (10), `window` (7), `onStage`, `onProgress`
 * @returns the {@link VolumePhasesAnalysis}
 * @throws InvalidArgumentError as `instanceSegmentation` and `buildGraph` do (codes outside
 *   the scheme, a bad window)
 */
export function analyzeVolumePhases(
  phases: PhaseMap,
  options: AnalyzeVolumePhasesOptions,
): VolumePhasesAnalysis {
  const { scheme, unit, minSize = 10, window = 7, onStage, onProgress } = options;
  const spacing = [...options.spacing] as [number, number, number];
  const seconds: Record<string, number> = {};
  const warnings: string[] = [];
  let t0 = performance.now();
  const stage = (name: string) => {
    onStage?.(name);
    t0 = performance.now();
  };
  const done = (name: string) => {
    seconds[name] = (performance.now() - t0) / 1000;
  };
  const progress = onProgress ? { onProgress } : {};

  stage('instances');
  const instances = instanceSegmentation(phases, { scheme, minSize, ...progress });
  done('instances');

  stage('graph');
  const graph = buildGraph(instances.labels, {
    scheme,
    phaseOfLabel: instances.phaseOfLabel,
    window,
    ...progress,
  });
  done('graph');

  stage('tpb and channels');
  let tpb: TriplePhaseBoundaries | null = null;
  if (scheme.tpb) {
    tpb = triplePhaseBoundaries(graph);
    warnings.push(...tpb.warnings);
  } else warnings.push(`scheme ${JSON.stringify(scheme.name)} declares no triple phase boundary`);
  let channels: ConcurrentChannels | null = null;
  if (scheme.active.length === 1 && scheme.ionic.length > 0 && scheme.electronic.length > 0) {
    channels = concurrentChannels(graph);
    warnings.push(...channels.warnings);
  } else
    warnings.push(
      `scheme ${JSON.stringify(scheme.name)} does not declare one active phase with ionic and electronic phases: no concurrent channels`,
    );
  done('tpb and channels');

  stage('tables');
  annotateGraphUnits(graph, spacing, unit);
  const counts = phaseCounts(phases, scheme.phases.length);
  const tables = [
    phaseTable(scheme, counts, instances.countByPhase, spacing, unit),
    ...particleTables(graph, spacing, unit, tpb, channels),
    ...graphTables(graph, tpb, channels),
  ];
  done('tables');
  return {
    scheme,
    spacing,
    unit,
    phases,
    instances,
    graph,
    tpb,
    channels,
    tables,
    warnings,
    seconds,
  };
}

/** Voxels of each code. */
function phaseCounts(phases: PhaseMap, count: number): number[] {
  const data = flatData(phases as PhaseMap & { data: TypedArray });
  const counts = new Float64Array(count);
  for (let i = 0; i < data.length; i++) counts[data[i]!] += 1;
  return Array.from(counts);
}
