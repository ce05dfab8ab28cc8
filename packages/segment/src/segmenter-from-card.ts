import { checkOptions, InvalidArgumentError, ModelError, type OptionKeys } from '@mgraph/core';
import type { InferenceSession } from 'onnxruntime-common';
import { createSegmenter, type OnnxSegmenter, type SegmenterOptions } from './create-segmenter.js';

/** What `models/unet.json` (written by `tools/unet/train.py`) says about the shipped model. */
export interface UNetCard {
  readonly name: string;
  readonly inputName: string;
  readonly outputName: string;
  readonly output: 'logits' | 'probabilities';
  readonly classes: readonly string[];
  readonly stride: number;
  readonly normalize: 'zscore' | 'none';
  readonly architecture: Readonly<Record<string, unknown>>;
  readonly training: Readonly<Record<string, unknown>>;
  /** mIoU and per-class IoU on the validation and test splits of the training data. */
  readonly metrics: Readonly<
    Record<'val' | 'test', { mIoU: number; perClass: Readonly<Record<string, number>> }>
  >;
}

/** Options of {@link segmenterFromCard}: the tiling options of {@link createSegmenter}. */
export type SegmenterFromCardOptions = Pick<
  SegmenterOptions,
  'tileSize' | 'overlap' | 'batchSize' | 'augment' | 'onProgress'
>;

/** A segmenter made from a model card, with the card. */
export interface CardSegmenter extends OnnxSegmenter {
  readonly card: UNetCard;
}

const CARD_KEYS: OptionKeys<SegmenterFromCardOptions> = {
  tileSize: true,
  overlap: true,
  batchSize: true,
  augment: true,
  onProgress: true,
};

/**
 * Throw a ModelError unless `card` has the fields a segmenter needs.
 *
 * @internal
 */
export function checkUNetCard(fn: string, card: unknown, where: string): asserts card is UNetCard {
  const c = card as Partial<UNetCard> | null;
  if (
    typeof c !== 'object' ||
    c === null ||
    typeof c.inputName !== 'string' ||
    typeof c.outputName !== 'string' ||
    !Array.isArray(c.classes) ||
    typeof c.stride !== 'number'
  ) {
    throw new ModelError(
      fn,
      where,
      'a JSON object with inputName, outputName, classes, stride, normalize, output',
      card,
    );
  }
}

/**
 * Wrap an ONNX session in {@link createSegmenter} with the settings of a model card
 * (`models/unet.json`: input / output names, classes, stride, normalisation, output kind).
 * Browser-safe: the session may come from `onnxruntime-web` (the model bytes and the card
 * fetched from `@mgraph/segment/models/unet.onnx` and `.json`) or `onnxruntime-node`; in Node,
 * `loadUNet` of `@mgraph/segment/node` opens the shipped files and calls this.
 *
 * @param session - an `InferenceSession` of the model the card describes
 * @param card - the parsed card (a {@link UNetCard})
 * @param options - tiling options `tileSize` (256), `overlap` (128), `batchSize` (4),
 *   `augment` ('none'), `onProgress`
 * @returns a {@link CardSegmenter}
 * @throws ModelError when the card lacks its fields or does not match the session
 * @throws InvalidArgumentError when `session` is not a session or an option is wrong
 */
export function segmenterFromCard(
  session: InferenceSession,
  card: UNetCard,
  options: SegmenterFromCardOptions = {},
): CardSegmenter {
  const fn = 'segmenterFromCard';
  options = checkOptions(fn, options, CARD_KEYS);
  checkUNetCard(fn, card, 'card');
  if (typeof session !== 'object' || session === null) {
    throw new InvalidArgumentError(fn, 'session', session, 'an onnxruntime InferenceSession');
  }
  const segmenter = createSegmenter(session, {
    inputName: card.inputName,
    outputName: card.outputName,
    classes: card.classes,
    stride: card.stride,
    normalize: card.normalize,
    output: card.output,
    tileSize: options.tileSize,
    overlap: options.overlap,
    batchSize: options.batchSize,
    augment: options.augment,
    onProgress: options.onProgress,
  });
  return { ...segmenter, card };
}
