// Browser entry of the test page (bundled by esbuild for platform 'browser', no externals):
// fetches a crop of the MATBOX volume, the U-Net and its card from the local server, runs the steps of
// ./steps.ts, then posts what it got (or the error) to /result. Each step is tried on its own
// and its error recorded, so the same page also measures what fails under a strict
// Content-Security-Policy (the server sends the header).
import type { UNetCard } from '@mgraph/segment';
import * as ort from 'onnxruntime-web';
import { phantomSteps, unetSteps, volumeSteps } from './steps.js';

type Outcome = { ok: true; value: unknown } | { ok: false; name: string; message: string };

async function attempt(step: () => unknown): Promise<Outcome> {
  try {
    return { ok: true, value: await step() };
  } catch (error) {
    const e = error as Error;
    return { ok: false, name: e?.name ?? typeof error, message: String(e?.message ?? error) };
  }
}

async function bytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function main(): Promise<Record<string, Outcome>> {
  // the wasm files of onnxruntime-web, served from node_modules, one thread (no
  // cross-origin isolation here)
  ort.env.wasm.wasmPaths = '/ort/';
  ort.env.wasm.numThreads = 1;
  const tiff = await bytes('/data/nmc-1-cal-cbd-crop.tif');
  const card = JSON.parse(new TextDecoder().decode(await bytes('/models/unet.json'))) as UNetCard;
  const model = await bytes('/models/unet.onnx');
  return {
    volume: await attempt(() => volumeSteps(tiff)),
    phantom: await attempt(() => phantomSteps()),
    unet: await attempt(async () =>
      unetSteps(await ort.InferenceSession.create(model, { executionProviders: ['wasm'] }), card),
    ),
    // evaluated only here: under a strict CSP its import throws, the other steps have run
    ndarrayOps: await attempt(async () =>
      (await import('./ndarray-ops-steps.js')).ndarrayOpsSteps(),
    ),
  };
}

async function post(body: unknown): Promise<void> {
  await fetch('/result', { method: 'POST', body: JSON.stringify(body) });
}

main().then(
  (results) => post({ results }),
  (error) => post({ fatal: String((error as Error)?.stack ?? error) }),
);
