/**
 * One image of the batch (runs inside a pool worker): load or generate it, analyse it with
 * `@mgraph/pipeline` (U-Net phases -> instances -> graph -> TPBs and channels -> descriptors
 * -> metrics -> particle rows), score the segmentation against the truth, match particles to
 * the phantom truth, and return plain, cloneable data.
 */
import { CATHODE_SCHEME, InvalidArgumentError, type NdArray } from '@mgraph/core';
import { graphToJSON } from '@mgraph/graph';
import { readTiff } from '@mgraph/io/node';
import { generateComposite } from '@mgraph/phantom';
import { analyzeImage, type ImageAnalysis } from '@mgraph/pipeline';
import { meanIoU } from '@mgraph/segment';
import ndarray from 'ndarray';
import { imageGraphFidelity } from './graph-fidelity-step.js';
import { phantomOptions } from './inputs.js';
import { segmenterFor } from './segmenters.js';
import { TRANSPORT } from './transport-settings.js';
import type {
  ExampleRasters,
  ImageParticle,
  ImageResult,
  ImageTask,
  TpbCsvRow,
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
    const c = generateComposite(phantomOptions(source));
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

/** The particles of an analysis with the phantom truth they overlap most (NaN when unknown). */
function withTruth(analysis: ImageAnalysis, truth: Truth | null): ImageParticle[] {
  const match = truth?.instances
    ? matchLabels(analysis.instances.labels.data, truth.instances.data)
    : new Map<number, number>();
  return analysis.particles.map((p) => {
    const truthLabel = match.get(p.label) ?? 0;
    const t = truth?.particles?.get(truthLabel);
    return {
      ...p,
      truthLabel,
      truthSoc: t?.soc ?? Number.NaN,
      truthHeterogeneity: t?.heterogeneity ?? Number.NaN,
      truthPolarization: t?.polarization ?? Number.NaN,
    };
  });
}

/**
 * Run one image through the workflow.
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
  const t0 = performance.now();
  const { image, energy, truth } = await loadImage(task);
  const load = seconds(t0);

  const given = settings.segmenter === 'truth' ? truth?.phases : undefined;
  if (settings.segmenter === 'truth' && !given)
    throw new InvalidArgumentError(
      'processImage',
      'segmenter',
      'truth',
      'a phase map beside the image',
    );
  const analysis = await analyzeImage(given ? { phases: given, energy } : { image, energy }, {
    scheme: CATHODE_SCHEME,
    ...(settings.segmenter === 'truth'
      ? {}
      : { segmenter: await segmenterFor(settings.segmenter, settings.unet) }),
    window: settings.window,
    minSize: settings.minSize,
    transport: TRANSPORT,
  });
  const iou = truth
    ? meanIoU(truth.phases, analysis.phases, { classes: CATHODE_SCHEME.phases.length })
    : null;
  const tpbs: TpbCsvRow[] = analysis.tpbs.map((t) => ({
    image: task.name,
    nmc: t.label,
    nmcSize: t.size,
    perimeter: t.perimeter,
    interfaceRatio: t.interfaceRatio,
  }));
  const { segment, instances, graph, descriptors, metrics } = analysis.seconds;
  const t1 = performance.now();
  const fidelity =
    truth && settings.segmenter !== 'truth'
      ? imageGraphFidelity(analysis, truth.phases, settings)
      : null;
  return {
    name: task.name,
    shape: image.shape.slice(),
    miou: iou?.mIoU ?? null,
    classIoU: iou ? Array.from(iou.perClass) : null,
    nodeCount: analysis.graph.order,
    edgeCount: analysis.graph.size,
    particles: withTruth(analysis, truth),
    tpbs,
    graph: graphToJSON(analysis.graph),
    example: exampleRasters(image, analysis.phases.data, analysis.instances.labels.data),
    timings: {
      load,
      segment,
      watershed: instances,
      graph,
      electrochem: descriptors,
      metrics,
      fidelity: seconds(t1),
    },
    fidelity,
  };
}
