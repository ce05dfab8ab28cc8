import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATHODE_SCHEME, InvalidArgumentError, SOFC_ANODE_SCHEME } from '@mgraph/core';
import { UndirectedGraph } from 'graphology';
import { afterAll, describe, expect, it } from 'vitest';
import { itNeeds, python3Has } from '../../../test-utils/ci.js';
import { buildGraph, encodeHeteroDataNpy, encodeNpy, toHeteroData } from '../src/index.js';
import { writeHeteroDataNpy } from '../src/node.js';
import { draw, SCENE, SCENE_PHASES } from './scene.js';

const graph = buildGraph(draw(26, 14, SCENE), {
  scheme: CATHODE_SCHEME,
  phaseOfLabel: SCENE_PHASES,
  window: 3,
});

const PYTHON = '/usr/bin/python3';
const itNumpy = itNeeds(python3Has('numpy'), `${PYTHON} with numpy (python3-numpy)`);

describe('toHeteroData', () => {
  const data = toHeteroData(graph, { features: ['size', 'centroid'] });

  it('has one feature matrix and label map per phase present, in scheme order', () => {
    expect(data.nodeTypes).toEqual(['sse', 'nmc', 'graphite']);
    expect(data.features).toEqual(['size', 'centroid_0', 'centroid_1']);
    expect(data.edgeAttributes).toEqual(['weight']);
    const sse = data.nodes.sse!;
    expect(sse.keys).toEqual(['2', '11', '15']);
    expect(Array.from(sse.labels)).toEqual([2, 11, 15]);
    expect(sse.features).toBe(3);
    // SSE 15: rows 20-23, cols 4-7
    expect(Array.from(sse.x.subarray(6, 9))).toEqual([16, 21.5, 5.5]);
    expect(Array.from(data.nodes.nmc!.labels)).toEqual([1, 4, 5, 6, 7, 9, 12, 13, 14]);
  });

  it('writes each contact in both directions, per relation', () => {
    expect(data.edgeTypes).toHaveLength(9);
    expect(data.edgeTypes[1]).toEqual(['sse', 'contacts', 'nmc']);
    const sn = data.edges.sse__contacts__nmc!;
    const ns = data.edges.nmc__contacts__sse!;
    // SSE-NMC contacts: 2-1, 2-4, 2-5, 11-12, 11-13, 15-14
    expect(sn.edgeIndex.length).toBe(12);
    const pairs = (e: typeof sn, from: string, to: string) => {
      const n = e.edgeIndex.length / 2;
      return Array.from({ length: n }, (_, i) => [
        data.nodes[from]!.keys[e.edgeIndex[i]!],
        data.nodes[to]!.keys[e.edgeIndex[n + i]!],
        e.edgeAttr[i],
      ]);
    };
    expect(pairs(sn, 'sse', 'nmc').sort()).toEqual(
      [
        ['2', '1', 4.5],
        ['2', '4', 4.5],
        ['2', '5', 2],
        ['11', '12', 4.5],
        ['11', '13', 4.5],
        ['15', '14', 4],
      ].sort(),
    );
    expect(
      pairs(ns, 'nmc', 'sse')
        .map(([a, b, w]) => [b, a, w])
        .sort(),
    ).toEqual(pairs(sn, 'sse', 'nmc').sort());
    // NMC-NMC contacts 4-5 and 6-7, both directions in one relation
    expect(pairs(data.edges.nmc__contacts__nmc!, 'nmc', 'nmc').map((p) => p.slice(0, 2))).toEqual([
      ['4', '5'],
      ['5', '4'],
      ['6', '7'],
      ['7', '6'],
    ]);
    expect(data.edges.sse__contacts__graphite!.edgeIndex.length).toBe(2 * 1);
  });

  it('keeps only the node types asked for and rejects bad options', () => {
    const only = toHeteroData(graph, {
      nodeTypes: ['nmc', 'sse'],
      edgeAttributes: ['countAB', 'weight'],
    });
    expect(only.edgeTypes.map((t) => t.join('__'))).toEqual([
      'nmc__contacts__nmc',
      'nmc__contacts__sse',
      'sse__contacts__nmc',
      'sse__contacts__sse',
    ]);
    expect(only.edges.nmc__contacts__sse!.edgeAttr.length).toBe(2 * 6);
    expect(() => toHeteroData(graph, { features: ['nope'] })).toThrow(
      'toHeteroData: argument graph node 1 attribute nope must be finite number(s), got undefined',
    );
    expect(() => toHeteroData(graph, { relation: 'a/b' })).toThrow(InvalidArgumentError);
    expect(() => toHeteroData(graph, { nodeTypes: ['n__x'] })).toThrow('options.nodeTypes');
    const g = new UndirectedGraph();
    g.addNode('x', { phase: 'ni', size: 1 });
    expect(() => toHeteroData(g)).toThrow('argument graph attribute scheme must be a PhaseScheme');
    expect(() => toHeteroData(g, { scheme: SOFC_ANODE_SCHEME })).toThrow(
      'graph node x attribute label must be an integer',
    );
    expect(() => toHeteroData(graph, { nodeTypes: ['nmc', 'background'] })).toThrow(
      '"background" is not cut into objects',
    );
  });
});

describe('.npy writer', () => {
  it('writes NPY 1.0 headers padded to 64 bytes', () => {
    const bytes = encodeNpy({ data: Float32Array.from([1, 2, 3, 4, 5, 6]), shape: [2, 3] });
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x93, 78, 85, 77, 80, 89, 1, 0]);
    const headerLength = bytes[8]! + 256 * bytes[9]!;
    expect((10 + headerLength) % 64).toBe(0);
    const header = new TextDecoder().decode(bytes.subarray(10, 10 + headerLength));
    expect(header.trimEnd()).toBe("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }");
    expect(header.endsWith('\n')).toBe(true);
    expect(bytes.length).toBe(10 + headerLength + 24);
    expect(new Float32Array(bytes.slice(10 + headerLength).buffer)).toEqual(
      Float32Array.from([1, 2, 3, 4, 5, 6]),
    );
    const one = encodeNpy({ data: new BigInt64Array(3), shape: [3] });
    expect(new TextDecoder().decode(one.subarray(10, 70))).toContain("'<i8'");
    expect(new TextDecoder().decode(one.subarray(10, 70))).toContain('(3,)');
  });

  it('rejects bad arrays', () => {
    expect(() => encodeNpy({ data: [1, 2] as never, shape: [2] })).toThrow(
      'encodeNpy: argument array.data must be a typed array',
    );
    expect(() => encodeNpy({ data: new Int32Array(6), shape: [4, 2] })).toThrow(
      'argument array.shape must be non-negative integers whose product is data.length (6)',
    );
  });

  const tmp = mkdtempSync(join(tmpdir(), 'mgraph-graph-npy-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('names the files of a HeteroData', async () => {
    const data = toHeteroData(graph);
    const files = encodeHeteroDataNpy(data);
    expect(Object.keys(files)).toContain('nmc.x.npy');
    expect(Object.keys(files)).toContain('sse__contacts__nmc.edge_index.npy');
    // destination first, as fs.writeFile / numpy.save
    const paths = await writeHeteroDataNpy(join(tmp, 'out'), data);
    expect(paths.length).toBe(Object.keys(files).length);
    expect(paths.every((p) => p.startsWith(join(tmp, 'out')))).toBe(true);
    expect(readdirSync(join(tmp, 'out')).sort()).toEqual(Object.keys(files).sort());
    await expect(writeHeteroDataNpy('', data)).rejects.toThrow(InvalidArgumentError);
    // the pre-0.2 (data, dir) order is refused, naming the argument
    await expect(writeHeteroDataNpy(data as never, join(tmp, 'old') as never)).rejects.toThrow(
      'writeHeteroDataNpy: argument dir must be a directory path',
    );
    await expect(writeHeteroDataNpy(join(tmp, 'bad'), {} as never)).rejects.toThrow(
      'writeHeteroDataNpy: argument data must be the arrays of toHeteroData',
    );
  });

  itNumpy('loads with numpy.load', async () => {
    const data = toHeteroData(graph, { features: ['size', 'centroid'] });
    const dir = join(tmp, 'py');
    await writeHeteroDataNpy(dir, data);
    const script = [
      'import json, os, sys, numpy',
      'd = sys.argv[1]',
      'out = {}',
      'for f in sorted(os.listdir(d)):',
      '    if f.endswith(".npy"):',
      '        a = numpy.load(os.path.join(d, f))',
      '        out[f] = [str(a.dtype), list(a.shape), a.ravel().tolist()]',
      'print(json.dumps(out))',
    ].join('\n');
    const run = spawnSync(PYTHON, ['-c', script, dir], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const loaded = JSON.parse(run.stdout) as Record<string, [string, number[], number[]]>;
    const nmc = data.nodes.nmc!;
    expect(loaded['nmc.x.npy']).toEqual(['float32', [9, 3], Array.from(nmc.x)]);
    expect(loaded['nmc.label.npy']).toEqual(['int64', [9], Array.from(nmc.labels)]);
    const e = data.edges.sse__contacts__nmc!;
    expect(loaded['sse__contacts__nmc.edge_index.npy']).toEqual([
      'int64',
      [2, 6],
      Array.from(e.edgeIndex),
    ]);
    expect(loaded['sse__contacts__nmc.edge_attr.npy']).toEqual([
      'float32',
      [6, 1],
      Array.from(e.edgeAttr),
    ]);
    const empty = loaded['graphite__contacts__graphite.edge_index.npy'];
    expect(empty).toEqual(['int64', [2, 0], []]);
  });
});
