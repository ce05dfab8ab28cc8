import {
  assertBoolean,
  assertCallback,
  assertDtype,
  assertNdim,
  checkOptions,
  checkScheme,
  InvalidArgumentError,
  type OptionKeys,
  type PhaseMap,
  type PhaseScheme,
  type ProgressCallback,
} from '@mgraph/core';
import {
  buildGraph,
  type ConcurrentChannels,
  concurrentChannels,
  type MicrostructureGraph,
  type TriplePhaseBoundaries,
  triplePhaseBoundaries,
} from '@mgraph/graph';
import {
  interfacialAreas,
  marchingCubesAreas,
  type PhaseConnectivityResult,
  particleContactAreas,
  particleSizes,
  particleSphericity,
  particleTpbLength,
  phaseConnectivity,
  specificSurfaceArea,
  type TriplePhaseBoundaryResult,
  triplePhaseBoundaryDensity,
  type VolumeFractionsResult,
  volumeFractions,
} from '@mgraph/morphology';
import {
  type AccessibilityConductivity,
  type ParticleAccessibility,
  particleAccessibility,
  withAccessibility,
} from '@mgraph/transport';
import { type InstanceSegmentationResult, instanceSegmentation } from '@mgraph/watershed';
import { annotateGraphUnits } from './annotate-graph-units.js';
import { areaTable, connectivityTable, tpbTable } from './morphology-tables.js';
import type { Table } from './table.js';
import { tortuosityTable } from './tortuosity-table.js';
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
  /** Solve the tortuosity factor of every phase along every axis. Default true. */
  tortuosity?: boolean;
  /**
   * Conductivities (S / unit) of the ionic and electronic phases and the active phase for
   * the per-particle accessibility (`particleAccessibility` of `@mgraph/transport`). Default:
   * 1 for each (resistances relative to unit conductivities).
   */
  conductivity?: AccessibilityConductivity;
  /** Called when a stage starts, with its name. */
  onStage?: (stage: string) => void;
  /** Progress inside the current stage, `(done, total)`. */
  onProgress?: ProgressCallback;
}

const KEYS: OptionKeys<AnalyzeVolumePhasesOptions> = {
  scheme: true,
  spacing: true,
  unit: true,
  minSize: true,
  window: true,
  tortuosity: true,
  conductivity: true,
  onStage: true,
  onProgress: true,
};

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
  /**
   * The contact graph, nodes annotated with `volume`, `equivalentDiameter` and (when the
   * scheme has a TPB) `tpbLength` / `activeTpbLength` in units.
   */
  graph: MicrostructureGraph;
  /** Voxels, fractions and volumes of the phases (`volumeFractions` of `@mgraph/morphology`). */
  fractions: VolumeFractionsResult;
  /** Voxel-edge TPB, total and active, with its edge maps; null when the scheme has no TPB. */
  tpbDensity: TriplePhaseBoundaryResult | null;
  /** Percolating / dead-end / isolated fractions per phase and axis. */
  connectivity: PhaseConnectivityResult;
  /**
   * Kirchhoff accessibility of each active particle (axis 0, ions from the low face), or
   * null when the scheme lacks one active phase with ionic and electronic phases.
   */
  accessibility: ParticleAccessibility | null;
  /** The conductivities used for `accessibility`, or null. */
  conductivity: AccessibilityConductivity | null;
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
export const VOLUME_STAGES = [
  'instances',
  'graph',
  'tpb and channels',
  'fractions and areas',
  'tpb density',
  'particles',
  'accessibility',
  'connectivity',
  'tortuosity',
  'tables',
] as const;

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
 * @throws InvalidArgumentError, before any stage, for a phase map that is not 3D uint8, an
 *   unknown option, a missing or invalid scheme, a spacing that is not three positive
 *   numbers, an empty unit, a non-boolean `tortuosity`, callbacks that are not functions;
 *   and as the stage functions do (codes outside the scheme, a bad `minSize` or `window`,
 *   bad conductivities)
 */
export function analyzeVolumePhases(
  phases: PhaseMap,
  options: AnalyzeVolumePhasesOptions,
): VolumePhasesAnalysis {
  const fn = 'analyzeVolumePhases';
  const o = checkOptions(fn, options, KEYS);
  const { unit, minSize = 10, window = 7, tortuosity = true, onStage, onProgress } = o;
  if (o.scheme === undefined)
    throw new InvalidArgumentError(fn, 'options.scheme', o.scheme, 'the phase scheme (required)');
  const scheme = checkScheme(fn, 'options.scheme', o.scheme);
  if (
    !Array.isArray(o.spacing) ||
    o.spacing.length !== 3 ||
    !o.spacing.every((v) => typeof v === 'number' && Number.isFinite(v) && v > 0)
  )
    throw new InvalidArgumentError(
      fn,
      'options.spacing',
      o.spacing,
      'three positive numbers [dz, dy, dx]',
    );
  if (typeof unit !== 'string' || unit.length === 0)
    throw new InvalidArgumentError(fn, 'options.unit', unit, "a non-empty string (e.g. 'um')");
  assertBoolean(fn, 'options.tortuosity', o.tortuosity);
  assertCallback(fn, 'options.onStage', onStage);
  assertCallback(fn, 'options.onProgress', onProgress);
  assertNdim(fn, 'phases', phases, [3]);
  assertDtype(fn, 'phases', phases, 'uint8');
  const spacing = [...o.spacing] as [number, number, number];
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
  let graph = buildGraph(instances.labels, {
    scheme,
    phaseOfLabel: instances.phaseOfLabel,
    window,
    spacing,
    unit,
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

  const units = { spacing, unit };
  stage('fractions and areas');
  const fractions = volumeFractions(phases, scheme, units);
  const areas = areaTable(
    specificSurfaceArea(phases, scheme, units),
    interfacialAreas(phases, scheme, units),
    marchingCubesAreas(phases, scheme, { ...units, ...progress }),
  );
  done('fractions and areas');

  stage('tpb density');
  let tpbDensity: TriplePhaseBoundaryResult | null = null;
  if (scheme.tpb) {
    tpbDensity = triplePhaseBoundaryDensity(phases, scheme, { ...units, ...progress });
    graph = particleTpbLength(graph, phases, instances.labels, { ...units, ...progress });
  }
  done('tpb density');

  stage('particles');
  const sizes = particleSizes(instances.labels, units);
  const shapes = particleSphericity(instances.labels, { ...units, ...progress });
  graph = particleContactAreas(graph, phases, instances.labels, { ...units, ...progress });
  done('particles');

  stage('accessibility');
  let accessibility: ParticleAccessibility | null = null;
  let conductivity: AccessibilityConductivity | null = null;
  if (channels) {
    const ones = (phases: readonly string[]) => Object.fromEntries(phases.map((p) => [p, 1]));
    conductivity = options.conductivity ?? {
      ionic: ones([...scheme.ionic, ...scheme.active]),
      electronic: ones([...scheme.electronic, ...scheme.active]),
    };
    accessibility = particleAccessibility(graph, conductivity, { spacing, ...progress });
    graph = withAccessibility(graph, accessibility) as unknown as MicrostructureGraph;
  }
  annotateGraphUnits(graph, scheme, sizes, shapes, unit);
  done('accessibility');

  stage('connectivity');
  const connectivity = phaseConnectivity(phases, scheme, { ...units, ...progress });
  done('connectivity');

  stage('tortuosity');
  const transport = tortuosity
    ? tortuosityTable(phases, scheme, fractions.voxels, spacing, unit, onProgress)
    : null;
  done('tortuosity');

  stage('tables');
  const tables = [
    phaseTable(scheme, fractions, instances.countByPhase),
    ...particleTables(graph, scheme, unit, tpb, channels),
    areas,
    ...(tpbDensity ? [tpbTable(tpbDensity)] : []),
    connectivityTable(connectivity),
    ...(transport ? [transport] : []),
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
    fractions,
    tpbDensity,
    connectivity,
    accessibility,
    conductivity,
    tpb,
    channels,
    tables,
    warnings,
    seconds,
  };
}
