/**
 * One image through the paper's pipeline (runs inside a pool worker): load or generate ->
 * segment (U-Net) -> mIoU against the truth -> instance segmentation (watershed + convexity
 * refinement) -> graph -> TPBs and concurrent channels -> electrochemical descriptors ->
 * graph metrics of every NMC node. Returns plain, cloneable data.
 */
import { CATHODE_SCHEME, InvalidArgumentError, type NdArray } from '@mgraph/core';
import { electrochemicalDescriptors } from '@mgraph/electrochem';
import { buildGraph, concurrentChannels, graphToJSON, triplePhaseBoundaries } from '@mgraph/graph';
import { readTiff } from '@mgraph/io/node';
import { generateComposite } from '@mgraph/phantom';
import { meanIoU } from '@mgraph/segment';
import { nodeMetrics } from '@mgraph/stats';
import { instanceSegmentation } from '@mgraph/watershed';
import ndarray from 'ndarray';
import { segmentImage } from './segmenters.js';
import type {
  ExampleRasters,
  ImageResult,
  ImageTask,
  ParticleRow,
  TpbRow,
  WorkerSettings,
} from './types.js';

/** Ground truth known for phantoms: instances and per-particle planted values. */
interface Truth {
  phases: NdArray<Uint8Array>;
  instances?: NdArray<Int32Array>;
  particles?: Map<number, { soc: number; heterogeneity: number; polarization: number }>;
}

/** The loaded inputs of one image. */
interface LoadedImage {
  image: NdArray<Float32Array>;
  energy: NdArray<Float32Array> | null;
  truth: Truth | null;
}

function toFloat32(a: NdArray, name: string): NdArray<Float32Array> {
  if (a.shape.length !== 2)
    throw new InvalidArgumentError('processImage', name, a.shape, 'a 2D (rows, cols) image');
  const out = Float32Array.from(a.data as ArrayLike<number>);
  for (let i = 0; i < out.length; i++)
    if (!Number.isFinite(out[i]) && name !== 'energy')
      throw new InvalidArgumentError('processImage', name, out[i], `finite pixels (pixel ${i})`);
  return ndarray(out, a.shape.slice());
}

/** Read a TIFF; an unreadable file becomes an error that names it. */
async function readFileImage(path: string): Promise<NdArray> {
  try {
    return (await readTiff(path)).data;
  } catch (error) {
    throw new InvalidArgumentError(
      'processImage',
      'file',
      path,
      `a readable TIFF (${(error as Error).message})`,
    );
  }
}

async function loadImage(task: ImageTask): Promise<LoadedImage> {
  const { source } = task;
  if (source.kind === 'phantom') {
    const c = generateComposite({ shape: source.shape, seed: source.seed });
    const particles = new Map(
      c.truth.particles.map((p) => [
        p.label,
        { soc: p.soc, heterogeneity: p.heterogeneity, polarization: p.polarization },
      ]),
    );
    return {
      image: toFloat32(c.image, 'image'),
      energy: c.energy,
      truth: { phases: c.phases, instances: c.instances, particles },
    };
  }
  const image = toFloat32(await readFileImage(source.image), 'image');
  const energy = source.energy ? toFloat32(await readFileImage(source.energy), 'energy') : null;
  const phases = source.phases
    ? ndarray(
        Uint8Array.from((await readFileImage(source.phases)).data as ArrayLike<number>),
        image.shape,
      )
    : null;
  for (const [name, other] of [
    ['energy', energy],
    ['phases', phases],
  ] as const)
    if (other && (other.shape[0] !== image.shape[0] || other.shape[1] !== image.shape[1]))
      throw new InvalidArgumentError('processImage', name, other.shape, `shape ${image.shape}`);
  return { image, energy, truth: phases ? { phases } : null };
}

/** For each predicted label, the truth label covering most of its pixels (0 = none). */
export function matchLabels(predicted: Int32Array, truth: Int32Array): Map<number, number> {
  const overlap = new Map<number, Map<number, number>>();
  for (let i = 0; i < predicted.length; i++) {
    const p = predicted[i];
    const t = truth[i];
    if (p === 0 || t === 0) continue;
    let m = overlap.get(p);
    if (!m) {
      m = new Map();
      overlap.set(p, m);
    }
    m.set(t, (m.get(t) ?? 0) + 1);
  }
  const best = new Map<number, number>();
  for (const [p, m] of overlap) {
    let arg = 0;
    let max = 0;
    for (const [t, n] of m)
      if (n > max || (n === max && t < arg)) {
        max = n;
        arg = t;
      }
    best.set(p, arg);
  }
  return best;
}

/** The rasters of Fig. 2, block-subsampled so the longer side is at most `maxSide`. */
export function exampleRasters(
  image: NdArray<Float32Array>,
  phases: Uint8Array,
  labels: Int32Array,
  maxSide = 512,
): ExampleRasters {
  const [rows, cols] = image.shape;
  const step = Math.max(1, Math.ceil(Math.max(rows, cols) / maxSide));
  const r = Math.ceil(rows / step);
  const c = Math.ceil(cols / step);
  const out = {
    rows: r,
    cols: c,
    step,
    image: new Float32Array(r * c),
    phases: new Uint8Array(r * c),
    labels: new Int32Array(r * c),
  };
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      const src = i * step * cols + j * step;
      out.image[i * c + j] = image.data[src];
      out.phases[i * c + j] = phases[src];
      out.labels[i * c + j] = labels[src];
    }
  return out;
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;

/**
 * Run the pipeline on one image.
 *
 * @param task - which image.
 * @param settings - segmenter, model path, graph window, minimum object size.
 * @returns the image's result.
 * @throws whatever a step throws on bad input (the pool records it as the image's failure).
 */
export async function processImage(
  task: ImageTask,
  settings: WorkerSettings,
): Promise<ImageResult> {
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const { image, energy, truth } = await loadImage(task);
  timings.load = seconds(t0);

  t0 = performance.now();
  const phases =
    settings.segmenter === 'truth'
      ? (truth?.phases ?? null)
      : await segmentImage(image, settings.segmenter, settings.modelPath);
  if (!phases)
    throw new InvalidArgumentError(
      'processImage',
      'segmenter',
      'truth',
      'a phase map beside the image',
    );
  timings.segment = seconds(t0);
  let miou: number | null = null;
  let classIoU: number[] | null = null;
  if (truth) {
    const iou = meanIoU(truth.phases, phases, { classes: CATHODE_SCHEME.phases.length });
    miou = iou.mIoU;
    classIoU = Array.from(iou.perClass);
  }

  t0 = performance.now();
  const inst = instanceSegmentation(phases, {
    scheme: CATHODE_SCHEME,
    split: ['nmc'],
    minSize: settings.minSize,
  });
  timings.watershed = seconds(t0);

  t0 = performance.now();
  const graph = buildGraph(inst.labels, {
    phaseOfLabel: inst.phaseOfLabel,
    scheme: CATHODE_SCHEME,
    window: settings.window,
  });
  const tpb = triplePhaseBoundaries(graph);
  const channels = concurrentChannels(graph);
  timings.graph = seconds(t0);

  const nmcKeys = graph.filterNodes((_, attrs) => attrs.phase === 'nmc');
  t0 = performance.now();
  const descriptors = new Map<
    number,
    { soc: number; heterogeneity: number; polarization: number; valid: boolean; reason: string }
  >();
  if (energy) {
    const found = electrochemicalDescriptors(energy, inst.labels, {
      labelsToUse: nmcKeys.map(Number),
    });
    for (const d of found)
      descriptors.set(d.label, {
        soc: d.soc ?? Number.NaN,
        heterogeneity: d.heterogeneity ?? Number.NaN,
        polarization: d.polarization ?? Number.NaN,
        valid: d.valid,
        reason: d.reason ?? '',
      });
  }
  timings.electrochem = seconds(t0);

  t0 = performance.now();
  const metrics = new Map(
    // networkx's 100 power iterations do not always converge on graphs with several
    // components; 10,000 do (same fixed point, same tolerance).
    nodeMetrics(graph, { weight: 'weight', nodes: nmcKeys, maxIter: 10_000 }).map((row) => [
      row.node,
      row,
    ]),
  );
  timings.metrics = seconds(t0);

  const match = truth?.instances
    ? matchLabels(inst.labels.data, truth.instances.data)
    : new Map<number, number>();
  const particles: ParticleRow[] = nmcKeys.map((key) => {
    const attrs = graph.getNodeAttributes(key);
    const d = descriptors.get(attrs.label);
    const m = metrics.get(key)!;
    const truthLabel = match.get(attrs.label) ?? 0;
    const t = truth?.particles?.get(truthLabel);
    const valid = d?.valid ?? false;
    if (valid)
      graph.mergeNodeAttributes(key, {
        soc: d!.soc,
        heterogeneity: d!.heterogeneity,
        polarization: d!.polarization,
      } as never);
    return {
      image: task.name,
      status: 'ok',
      error: '',
      label: attrs.label,
      size: attrs.size,
      soc: valid ? d!.soc : Number.NaN,
      heterogeneity: valid ? d!.heterogeneity : Number.NaN,
      polarization: valid ? d!.polarization : Number.NaN,
      descriptorsValid: valid,
      descriptorNote: energy ? (d?.reason ?? '') : 'no energy map',
      tpbCount: tpb.countByNode[key] ?? 0,
      inTpb: (tpb.countByNode[key] ?? 0) > 0,
      channelCategory: channels.categoryByNode[key] ?? 'none',
      concurrentChannel: channels.concurrentByNode[key] === true,
      degree: m.degree,
      weightedDegree: m.weightedDegree,
      clustering: m.clustering,
      betweenness: m.betweenness,
      closeness: m.closeness,
      eigenvector: m.eigenvector,
      nmcNeighbors: m.neighbors.nmc!,
      sseNeighbors: m.neighbors.sse!,
      graphiteNeighbors: m.neighbors.graphite!,
      truthLabel,
      truthSoc: t?.soc ?? Number.NaN,
      truthHeterogeneity: t?.heterogeneity ?? Number.NaN,
      truthPolarization: t?.polarization ?? Number.NaN,
    };
  });
  // Structural node features for the GNN: TPB count and concurrent-channel membership
  // (both computed from the graph alone), on every node.
  graph.forEachNode((key) =>
    graph.mergeNodeAttributes(key, {
      tpbCount: tpb.countByNode[key] ?? 0,
      concurrentChannel: channels.concurrentByNode[key] === true ? 1 : 0,
    } as never),
  );
  const tpbs: TpbRow[] = tpb.triangles.map((tri) => ({
    image: task.name,
    nmc: Number(tri.nodes[0]),
    nmcSize: graph.getNodeAttribute(tri.nodes[0], 'size'),
    perimeter: tri.perimeter,
    interfaceRatio: tri.ratio,
  }));
  return {
    name: task.name,
    shape: image.shape.slice(),
    miou,
    classIoU,
    nodeCount: graph.order,
    edgeCount: graph.size,
    particles,
    tpbs,
    graph: graphToJSON(graph),
    example: exampleRasters(image, phases.data, inst.labels.data),
    timings,
  };
}
