import { readFileSync } from 'node:fs';
import { InvalidArgumentError, ModelError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { segmenterFromCard, type UNetCard } from '../src/index.js';
import { loadUNet } from '../src/node.js';
import { openFixtureModel } from './helpers.js';

const shippedCard = JSON.parse(
  readFileSync(new URL('../models/unet.json', import.meta.url), 'utf8'),
) as UNetCard;

describe('segmenterFromCard', () => {
  it('applies the card: the same settings and the same phases as loadUNet', async () => {
    const node = await loadUNet({ tileSize: 64, overlap: 32 });
    const fromCard = segmenterFromCard(node.session, shippedCard, { tileSize: 64, overlap: 32 });
    expect(fromCard.settings).toEqual(node.settings);
    expect(fromCard.card).toBe(shippedCard);
    const image = ndarray(
      Float32Array.from({ length: 80 * 72 }, (_, i) => Math.sin(i / 9) + ((i * 7919) % 13) / 13),
      [80, 72],
    );
    const a = await node.segment(image);
    const b = await fromCard.segment(image);
    expect(Array.from(b.phases.data)).toEqual(Array.from(a.phases.data));
  });

  it('reads the names and the output kind from the card (a fixture model)', async () => {
    const session = await openFixtureModel('pointwise-4class');
    const card = {
      ...shippedCard,
      inputName: session.inputNames[0]!,
      outputName: session.outputNames[0]!,
      normalize: 'none',
    } as UNetCard;
    const seg = segmenterFromCard(session, card);
    expect(seg.settings).toMatchObject({ normalize: 'none', stride: 8, classes: 4 });
    // the card's input name is checked against the model
    expect(() => segmenterFromCard(session, { ...card, inputName: 'nope' })).toThrow(ModelError);
  });

  it('refuses a card without its fields, a missing session and unknown options', async () => {
    const session = await openFixtureModel('pointwise-4class');
    expect(() => segmenterFromCard(session, { name: 'x' } as never)).toThrow(
      'segmenterFromCard: model card: expected "a JSON object with inputName',
    );
    expect(() => segmenterFromCard(null as never, shippedCard)).toThrow(InvalidArgumentError);
    expect(() => segmenterFromCard(session, shippedCard, { tilesize: 64 } as never)).toThrow(
      /did you mean "tileSize"/,
    );
  });
});
