// Hostile inputs of the graph-transport exports: every mistake is a typed error naming the
// function, the argument and the value, before any solve.
import { ConvergenceError, definePhaseScheme, InvalidArgumentError } from '@mgraph/core';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import { describe } from 'vitest';
import { runCases, type TupleCase } from '../../../test-utils/hostile.js';
import {
  faceNodes,
  kirchhoffCurrents,
  laplacianMatrix,
  particleAccessibility,
  resistanceDistance,
  withAccessibility,
} from '../src/index.js';
import { node, sceneGraph } from './kirchhoff-scene.js';

const IAE = InvalidArgumentError;
const UNIT = { contactResistivity: 1 };
const CONDUCTIVITY = { ionic: { sse: 1, nmc: 1 }, electronic: { graphite: 1, nmc: 1 } };

/** The unbalanced Wheatstone bridge of kirchhoff-hand.test.ts plus an nmc and a graphite. */
function bridge() {
  return sceneGraph(
    [10, 10],
    [
      node('1', 'sse', 'low'),
      node('2', 'sse'),
      node('3', 'sse'),
      node('4', 'sse', 'high'),
      node('10', 'nmc'),
      node('20', 'graphite', 'high'),
    ],
    [
      { a: '1', b: '2', contactArea: 1 },
      { a: '1', b: '3', contactArea: 2 },
      { a: '2', b: '4', contactArea: 2 },
      { a: '3', b: '4', contactArea: 1 },
      { a: '2', b: '3', contactArea: 1 },
      { a: '10', b: '2', contactArea: 1 },
      { a: '10', b: '20', contactArea: 1 },
    ],
  );
}

const g = bridge();
const badArea = bridge();
badArea.setEdgeAttribute('1-2', 'contactArea' as never, Number.NaN as never);
const noScheme = new UndirectedGraph();
const noRoles = bridge();
noRoles.setAttribute(
  'scheme',
  definePhaseScheme({ name: 'plain', phases: ['background', 'sse', 'nmc', 'graphite'] }),
);
const twoParts = new UndirectedGraph();
twoParts.mergeEdge('a', 'b');
twoParts.mergeEdge('c', 'd');
const zeroWeight = new UndirectedGraph();
zeroWeight.mergeEdge('a', 'b', { weight: 0 });

const cases: TupleCase[] = [
  [
    'kirchhoffCurrents: graph null',
    () => kirchhoffCurrents(null as never, 'ionic', { sse: 1 }),
    IAE,
    'kirchhoffCurrents: argument graph',
  ],
  [
    'kirchhoffCurrents: graph without scheme',
    () => kirchhoffCurrents(noScheme as never, 'ionic', { sse: 1 }),
    IAE,
    'scheme',
  ],
  [
    'kirchhoffCurrents: unknown network',
    () => kirchhoffCurrents(g, 'ionics' as never, { sse: 1 }),
    IAE,
    'argument network',
  ],
  [
    'kirchhoffCurrents: scheme without the role',
    () => kirchhoffCurrents(noRoles, 'ionic', { sse: 1 }),
    IAE,
    'argument network',
  ],
  [
    'kirchhoffCurrents: conductivity a string',
    () => kirchhoffCurrents(g, 'ionic', 'fast' as never),
    IAE,
    'argument conductivity',
  ],
  [
    'kirchhoffCurrents: conductivity NaN',
    () => kirchhoffCurrents(g, 'ionic', { sse: Number.NaN }),
    IAE,
    'conductivity.sse',
  ],
  [
    'kirchhoffCurrents: conductivity 0',
    () => kirchhoffCurrents(g, 'ionic', { sse: 0 }),
    IAE,
    'conductivity.sse',
  ],
  [
    'kirchhoffCurrents: conductivity of another phase',
    () => kirchhoffCurrents(g, 'ionic', { sse: 1, graphite: 1 }),
    IAE,
    'conductivity.graphite',
  ],
  [
    'kirchhoffCurrents: spacing of the wrong length',
    () => kirchhoffCurrents(g, 'ionic', { sse: 1 }, { ...UNIT, spacing: [1] }),
    IAE,
    'options.spacing',
  ],
  [
    'kirchhoffCurrents: spacing negative',
    () => kirchhoffCurrents(g, 'ionic', { sse: 1 }, { ...UNIT, spacing: [1, -1] }),
    IAE,
    'options.spacing',
  ],
  [
    'kirchhoffCurrents: axis out of range',
    () => kirchhoffCurrents(g, 'ionic', { sse: 1 }, { ...UNIT, axis: 2 }),
    IAE,
    'options.axis',
  ],
  [
    'kirchhoffCurrents: tol 0',
    () => kirchhoffCurrents(g, 'ionic', { sse: 1 }, { ...UNIT, tol: 0 }),
    IAE,
    'options.tol',
  ],
  [
    'kirchhoffCurrents: maxIter 0.5',
    () => kirchhoffCurrents(g, 'ionic', { sse: 1 }, { ...UNIT, maxIter: 0.5 }),
    IAE,
    'options.maxIter',
  ],
  [
    'kirchhoffCurrents: area unknown',
    () => kirchhoffCurrents(g, 'ionic', { sse: 1 }, { area: 'volume' as never }),
    IAE,
    'options.area',
  ],
  [
    'kirchhoffCurrents: contactResistivity negative',
    () => kirchhoffCurrents(g, 'ionic', { sse: 1 }, { contactResistivity: -1 }),
    IAE,
    'options.contactResistivity',
  ],
  [
    'kirchhoffCurrents: unknown source node',
    () => kirchhoffCurrents(g, 'ionic', { sse: 1 }, { ...UNIT, source: ['99'] }),
    IAE,
    'options.source',
  ],
  [
    'kirchhoffCurrents: source of another network',
    () => kirchhoffCurrents(g, 'ionic', { sse: 1 }, { ...UNIT, source: ['20'] }),
    IAE,
    'options.source',
  ],
  [
    'kirchhoffCurrents: source not an array',
    () => kirchhoffCurrents(g, 'ionic', { sse: 1 }, { ...UNIT, source: '1' as never }),
    IAE,
    'options.source',
  ],
  [
    'kirchhoffCurrents: NaN contact area',
    () => kirchhoffCurrents(badArea, 'ionic', { sse: 1 }, UNIT),
    IAE,
    'attribute contactArea',
  ],
  [
    'kirchhoffCurrents: onProgress not a function',
    () => kirchhoffCurrents(g, 'ionic', { sse: 1 }, { ...UNIT, onProgress: 1 as never }),
    IAE,
    'options.onProgress',
  ],
  [
    'kirchhoffCurrents: maxIter 1 does not converge',
    () => kirchhoffCurrents(g, 'ionic', { sse: 1 }, { ...UNIT, maxIter: 1 }),
    ConvergenceError,
    'maxIter = 1',
  ],
  [
    'particleAccessibility: conductivity null',
    () => particleAccessibility(g, null as never, UNIT),
    IAE,
    'argument conductivity',
  ],
  [
    'particleAccessibility: electronic missing',
    () => particleAccessibility(g, { ionic: CONDUCTIVITY.ionic } as never, UNIT),
    IAE,
    'conductivity.electronic',
  ],
  [
    'particleAccessibility: active a conductor',
    () => particleAccessibility(g, CONDUCTIVITY, { ...UNIT, active: 'sse' }),
    IAE,
    'graph.scheme',
  ],
  [
    'particleAccessibility: active unknown',
    () => particleAccessibility(g, CONDUCTIVITY, { ...UNIT, active: 'lfp' }),
    IAE,
    'options.active',
  ],
  [
    'particleAccessibility: scheme without roles',
    () => particleAccessibility(noRoles, CONDUCTIVITY, { ...UNIT, active: 'nmc' }),
    IAE,
    'ionic conductor phases',
  ],
  [
    'particleAccessibility: ionicSide unknown',
    () => particleAccessibility(g, CONDUCTIVITY, { ...UNIT, ionicSide: 'left' as never }),
    IAE,
    'options.ionicSide',
  ],
  [
    'particleAccessibility: activeConducts 1',
    () => particleAccessibility(g, CONDUCTIVITY, { ...UNIT, activeConducts: 1 as never }),
    IAE,
    'options.activeConducts',
  ],
  [
    'particleAccessibility: signal not a signal',
    () => particleAccessibility(g, CONDUCTIVITY, { ...UNIT, signal: {} as never }),
    IAE,
    'options.signal',
  ],
  [
    'particleAccessibility: boundary of the other network',
    () => particleAccessibility(g, CONDUCTIVITY, { ...UNIT, ionicBoundary: ['20'] }),
    IAE,
    'options.ionicBoundary',
  ],
  [
    'particleAccessibility: unknown option',
    () => particleAccessibility(g, CONDUCTIVITY, { ...UNIT, ionicFace: 'low' } as never),
    IAE,
    'did you mean "ionicSide"',
  ],
  ['faceNodes: axis -1', () => faceNodes(g, -1, 'low'), IAE, 'argument axis'],
  ['faceNodes: side top', () => faceNodes(g, 0, 'top' as never), IAE, 'argument side'],
  [
    'faceNodes: unknown phase',
    () => faceNodes(g, 0, 'low', { phases: ['metal'] }),
    IAE,
    'options.phases',
  ],
  [
    'laplacianMatrix: directed graph',
    () => laplacianMatrix(new DirectedGraph() as never),
    IAE,
    'laplacianMatrix: argument graph',
  ],
  [
    'laplacianMatrix: nodelist missing a node',
    () => laplacianMatrix(g, { nodelist: ['1', '2'] }),
    IAE,
    'options.nodelist',
  ],
  [
    'laplacianMatrix: weight not a number',
    () => laplacianMatrix(badArea, { weight: 'contactArea' }),
    IAE,
    'a finite number',
  ],
  [
    'resistanceDistance: unknown node',
    () => resistanceDistance(g, '1', '99'),
    IAE,
    'argument nodeB',
  ],
  [
    'resistanceDistance: two components',
    () => resistanceDistance(twoParts, 'a', 'c'),
    IAE,
    'infinite',
  ],
  [
    'resistanceDistance: zero resistance',
    () => resistanceDistance(zeroWeight, 'a', 'b', { weight: 'weight' }),
    IAE,
    'a positive number',
  ],
  [
    'resistanceDistance: invertWeight yes',
    () => resistanceDistance(g, '1', '2', { invertWeight: 'yes' as never }),
    IAE,
    'options.invertWeight',
  ],
  [
    'withAccessibility: not a result',
    () => withAccessibility(g, {} as never),
    IAE,
    'argument accessibility',
  ],
  [
    'withAccessibility: unknown node',
    () =>
      withAccessibility(g, {
        active: 'nmc',
        ionicBoundary: [],
        electronicBoundary: [],
        particles: [
          {
            node: '99',
            ionicResistance: null,
            electronicResistance: null,
            current: null,
            wired: false,
          },
        ],
        iterations: 0,
        residual: 0,
      }),
    IAE,
    'nodes of graph',
  ],
];

describe('graph transport: hostile inputs', () => {
  runCases(cases);
});
