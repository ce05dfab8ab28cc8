// The steps the browser test runs twice, in Node and in headless Chromium, on the same
// inputs: the results are plain JSON so the two runs compare with toEqual. Only browser-safe
// main entries are imported here (the bundle is built with no externals). ndarray-ops is in
// ./ndarray-ops-steps.ts, imported by the page only when that step runs: it compiles its
// operations with `new Function` when its module is evaluated.
import { applyScheme, LI_ION_ELECTRODE_SCHEME } from '@mgraph/core';
import { buildGraph, graphToJSON } from '@mgraph/graph';
import { decodeTiff, encodeTiff } from '@mgraph/io';
import { generateComposite } from '@mgraph/phantom';
import { meanIoU, segmenterFromCard, type UNetCard } from '@mgraph/segment';
import { type NodeMetricsRow, nodeMetrics, pearson } from '@mgraph/stats';
import { instanceSegmentation } from '@mgraph/watershed';
import type { InferenceSession } from 'onnxruntime-common';

/** Corner and side of the cube cropped from the MATBOX volume (251 x 301 x 301). */
export const CROP = { origin: [100, 100, 100], side: 40 } as const;

/**
 * The crop {@link CROP} of the MATBOX TIFF's bytes as a TIFF of its own (PackBits), so that
 * each browser run fetches and decodes 40 pages instead of 251.
 */
export function cropTiff(full: Uint8Array): Uint8Array {
  const volume = decodeTiff(full).data;
  const [z, y, x] = CROP.origin;
  const s = CROP.side;
  return encodeTiff(volume.hi(z + s, y + s, x + s).lo(z, y, x), { compression: 'packbits' });
}

/** Seed and shape of the phantom generated on both sides. */
export const PHANTOM = { seed: 4242, shape: [128, 128] } as const;

/** What the real-volume chain gives: watershed labels, the graph, node metrics, one Pearson r. */
export interface VolumeResults {
  shape: number[];
  labels: number[];
  phaseOfLabel: number[];
  countByPhase: Record<string, number>;
  graphJSON: string;
  metrics: NodeMetricsRow[];
  /** Pearson r and p of object size against degree, over the graph's nodes. */
  sizeDegree: { r: number; p: number; n: number };
}

/**
 * Decode the crop of the MATBOX volume from its bytes (`@mgraph/io`'s browser entry),
 * apply the Li-ion electrode scheme, split objects by watershed, build the contact graph
 * (7x7x7 window) and compute the node metrics and one correlation.
 */
export function volumeSteps(tiff: Uint8Array): VolumeResults {
  const phases = applyScheme(decodeTiff(tiff).data, LI_ION_ELECTRODE_SCHEME);
  const inst = instanceSegmentation(phases, { scheme: LI_ION_ELECTRODE_SCHEME });
  const graph = buildGraph(inst.labels, {
    phaseOfLabel: inst.phaseOfLabel,
    scheme: inst.scheme,
    window: 7,
  });
  const metrics = nodeMetrics(graph);
  const sizes = metrics.map((row) => graph.getNodeAttribute(row.node, 'size') as number);
  const { r, p, n } = pearson(
    sizes,
    metrics.map((row) => row.degree),
  );
  return {
    shape: inst.labels.shape.slice(),
    labels: Array.from(inst.labels.data),
    phaseOfLabel: Array.from(inst.phaseOfLabel),
    countByPhase: inst.countByPhase,
    graphJSON: graphToJSON(graph),
    metrics,
    sizeDegree: { r, p, n },
  };
}

/** The phantom of {@link PHANTOM}: its image and truth phases. */
export function phantomSteps(): { image: number[]; phases: number[]; particles: number } {
  const c = generateComposite({ shape: [...PHANTOM.shape], seed: PHANTOM.seed });
  return {
    image: Array.from(c.image.data),
    phases: Array.from(c.phases.data),
    particles: c.truth.particles.length,
  };
}

/**
 * The shipped U-Net (its card and a session of either runtime) over the phantom of
 * {@link PHANTOM}: the phases and the mIoU against the phantom's truth.
 */
export async function unetSteps(
  session: InferenceSession,
  card: UNetCard,
): Promise<{ phases: number[]; mIoU: number }> {
  const c = generateComposite({ shape: [...PHANTOM.shape], seed: PHANTOM.seed });
  const unet = segmenterFromCard(session, card, { tileSize: 128, overlap: 64 });
  const { phases } = await unet.segment(c.image);
  return { phases: Array.from(phases.data), mIoU: meanIoU(c.phases, phases).mIoU };
}
