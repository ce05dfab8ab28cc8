// The TIFF corpus of scripts/make-tiff-corpus.py: manifest and file access for the tests.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'tiff');

export interface CorpusCase {
  file: string;
  expected: string;
  dtype: string;
  shape: number[];
  checkedBy: string;
  spacing: number[] | null;
  unit: string | null;
  axes?: string;
  compression?: number;
  predictor?: number;
  bigtiff?: boolean;
}

export interface BadCase {
  file: string;
  error: string;
  note: string;
  tifffile?: string;
  bytes: number;
}

export interface Manifest {
  generator: string;
  cases: CorpusCase[];
  bad: BadCase[];
  color: Array<{ file: string; kind: 'rgb' | 'palette'; expected: string; colormap?: number[][] }>;
}

export const manifest = JSON.parse(
  readFileSync(join(CORPUS, '..', 'tiff-manifest.json'), 'utf8'),
) as Manifest;

export function corpusBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(CORPUS, file)));
}
