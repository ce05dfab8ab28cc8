#!/usr/bin/python3
"""Reference values for the graph transport of @mgraph/transport (Kirchhoff networks).

Writes test/fixtures/kirchhoff-random.json: random contact graphs (cathode phases sse / nmc /
graphite, 2D and 3D centroids, bounding boxes, contact areas), and for each

- networkx `laplacian_matrix(G, nodelist, weight='weight')` (dense),
- networkx `resistance_distance(G, a, b, weight='resistance', invert_weight=True)` for pairs,
- the driven ionic / electronic networks (scipy.sparse assembly of the grounded Laplacian of
  the documented conductance model, `spsolve`): node potentials, effective conductance,
- each nmc particle's resistance to the grounded ionic / electronic boundary, computed
  independently: the boundary nodes contracted into one ground node, the particle added as
  the only terminal, networkx `resistance_distance` on that component.

Run: /usr/bin/python3 packages/transport/scripts/make-kirchhoff-fixtures.py
"""
import json
import math
import os

import networkx as nx
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'test', 'fixtures', 'kirchhoff-random.json')
IONIC = ['sse']
ELECTRONIC = ['graphite']
ACTIVE = 'nmc'
CONDUCTIVITY = {
    'ionic': {'sse': 0.7, 'nmc': 0.05},
    'electronic': {'graphite': 3.0, 'nmc': 0.2},
}
CONTACT_RESISTIVITY = 0.3


def conductance(nodes, e, sigma, spacing):
    a, b = nodes[e['a']], nodes[e['b']]
    d = math.sqrt(sum(((a['centroid'][k] - b['centroid'][k]) * spacing[k]) ** 2 for k in range(len(spacing))))
    area = e['contactArea']
    return 1.0 / ((d / 2) / (sigma[a['phase']] * area) + (d / 2) / (sigma[b['phase']] * area)
                  + CONTACT_RESISTIVITY / area)


def face(nodes, phases, shape, axis, side):
    nd = len(shape)
    out = []
    for key, n in nodes.items():
        if n['phase'] not in phases:
            continue
        if (side == 'low' and n['bbox'][axis] == 0) or (side == 'high' and n['bbox'][nd + axis] == shape[axis]):
            out.append(key)
    return out


def driven(nodes, edges, phases, sigma, spacing, source, sink):
    keys = [k for k, n in nodes.items() if n['phase'] in phases]
    G = nx.Graph()
    G.add_nodes_from(keys)
    for e in edges:
        if e['a'] in G and e['b'] in G:
            G.add_edge(e['a'], e['b'], g=conductance(nodes, e, sigma, spacing))
    potential = {k: None for k in keys}
    total = 0.0
    for comp in nx.connected_components(G):
        src = [k for k in comp if k in source]
        snk = [k for k in comp if k in sink]
        if not src or not snk:
            continue
        free = [k for k in comp if k not in source and k not in sink]
        fixed = {k: 1.0 for k in src}
        fixed.update({k: 0.0 for k in snk})
        idx = {k: i for i, k in enumerate(free)}
        rows, cols, vals = [], [], []
        rhs = np.zeros(len(free))
        for k in free:
            i = idx[k]
            for j, attr in G[k].items():
                g = attr['g']
                rows.append(i); cols.append(i); vals.append(g)
                if j in idx:
                    rows.append(i); cols.append(idx[j]); vals.append(-g)
                else:
                    rhs[i] += g * fixed[j]
        v = {}
        if free:
            A = sp.csr_matrix((vals, (rows, cols)), shape=(len(free), len(free)))
            x = spla.spsolve(A.tocsc(), rhs)
            v = {k: float(x[idx[k]]) for k in free}
        v.update(fixed)
        for k in comp:
            potential[k] = v[k]
        for s in src:
            for j, attr in G[s].items():
                total += attr['g'] * (1.0 - v[j])
    return potential, total


def terminal_resistance(nodes, edges, phases, sigma, spacing, boundary, p):
    G = nx.Graph()
    ground = '__ground__'
    name = lambda k: ground if k in boundary else k
    keys = [k for k, n in nodes.items() if n['phase'] in phases]
    G.add_nodes_from(name(k) for k in keys)
    G.add_node(p)
    for e in edges:
        a, b = e['a'], e['b']
        ina = a in keys or a == p
        inb = b in keys or b == p
        if not (ina and inb) or (nodes[a]['phase'] == ACTIVE and nodes[b]['phase'] == ACTIVE):
            continue
        if ACTIVE in (nodes[a]['phase'], nodes[b]['phase']) and p not in (a, b):
            continue
        u, w = name(a), name(b)
        if u == w:
            continue
        g = conductance(nodes, e, sigma, spacing)
        if G.has_edge(u, w):
            G[u][w]['g'] += g
        else:
            G.add_edge(u, w, g=g)
    if ground not in G or not nx.has_path(G, p, ground):
        return None
    H = G.subgraph(nx.node_connected_component(G, p)).copy()
    for u, w, attr in H.edges(data=True):
        attr['r'] = 1.0 / attr['g']
    return float(nx.resistance_distance(H, p, ground, weight='r', invert_weight=True))


def network_resistance(nodes, edges, phases, sigma, spacing, boundary, p):
    """Resistance distance from node p to the contracted boundary, p a node of the network."""
    if p in boundary:
        return 0.0
    ground = '__ground__'
    name = lambda k: ground if k in boundary else k
    G = nx.Graph()
    G.add_nodes_from(name(k) for k, n in nodes.items() if n['phase'] in phases)
    for e in edges:
        a, b = e['a'], e['b']
        if nodes[a]['phase'] not in phases or nodes[b]['phase'] not in phases:
            continue
        u, w = name(a), name(b)
        if u == w:
            continue
        g = conductance(nodes, e, sigma, spacing)
        if G.has_edge(u, w):
            G[u][w]['g'] += g
        else:
            G.add_edge(u, w, g=g)
    if ground not in G or not nx.has_path(G, p, ground):
        return None
    H = G.subgraph(nx.node_connected_component(G, p)).copy()
    for u, w, attr in H.edges(data=True):
        attr['r'] = 1.0 / attr['g']
    return float(nx.resistance_distance(H, p, ground, weight='r', invert_weight=True))


def random_graph(rng, n, shape, p_edge):
    nd = len(shape)
    nodes = {}
    for i in range(n):
        key = str(i + 1)
        c = [float(rng.uniform(2, s - 3)) for s in shape]
        ext = [int(rng.integers(2, 10)) for _ in shape]
        lo = [max(0, int(math.floor(c[k])) - ext[k]) for k in range(nd)]
        hi = [min(shape[k], int(math.floor(c[k])) + ext[k] + 1) for k in range(nd)]
        phase = ['sse', 'nmc', 'graphite'][int(rng.integers(0, 3))]
        nodes[key] = {'label': i + 1, 'phase': phase, 'centroid': c, 'bbox': lo + hi,
                      'size': int(np.prod([hi[k] - lo[k] for k in range(nd)]))}
    edges = []
    for i in range(n):
        for j in range(i + 1, n):
            if rng.random() < p_edge:
                edges.append({'a': str(i + 1), 'b': str(j + 1),
                              'contactArea': float(rng.uniform(0.5, 8.0)),
                              'weight': float(rng.uniform(0.2, 3.0)),
                              'resistance': float(rng.uniform(0.2, 3.0))})
    return nodes, edges


def main():
    rng = np.random.default_rng(20261206)
    cases = []
    for shape, n, p_edge, spacing in [([24, 24], 14, 0.3, [1.0, 1.0]), ([30, 20], 30, 0.15, [0.5, 2.0]),
                                       ([28, 14, 16], 40, 0.09, [1.0, 1.0, 1.0]), ([20, 20, 20], 60, 0.06, [0.3, 0.4, 0.5])]:
        nodes, edges = random_graph(rng, n, shape, p_edge)
        G = nx.Graph()
        G.add_nodes_from(nodes)
        for e in edges:
            G.add_edge(e['a'], e['b'], weight=e['weight'], resistance=e['resistance'])
        nodelist = list(nodes)[::-1]
        L = nx.laplacian_matrix(G, nodelist=nodelist, weight='weight').toarray()
        pairs = []
        for comp in nx.connected_components(G):
            comp = sorted(comp, key=int)
            if len(comp) < 2:
                continue
            H = G.subgraph(comp)
            for t in range(min(4, len(comp))):
                a, b = comp[t], comp[-1 - t] if comp[-1 - t] != comp[t] else comp[0]
                if a == b:
                    continue
                pairs.append({'a': a, 'b': b,
                              'resistance': float(nx.resistance_distance(H, a, b, weight='resistance', invert_weight=True)),
                              'unit': float(nx.resistance_distance(H, a, b))})
        axis = 0
        networks = {}
        for kind, phases in (('ionic', IONIC), ('electronic', ELECTRONIC)):
            source = face(nodes, phases, shape, axis, 'low')
            sink = face(nodes, phases, shape, axis, 'high')
            assert not set(source) & set(sink), 'a node touches both faces'
            potential, total = driven(nodes, edges, phases, CONDUCTIVITY[kind], spacing, set(source), set(sink))
            networks[kind] = {'source': source, 'sink': sink, 'potential': potential, 'conductance': total}
        ion_b = set(face(nodes, IONIC, shape, axis, 'low'))
        el_b = set(face(nodes, ELECTRONIC, shape, axis, 'high'))
        ion_m = set(face(nodes, IONIC + [ACTIVE], shape, axis, 'low'))
        el_m = set(face(nodes, ELECTRONIC + [ACTIVE], shape, axis, 'high'))
        mixed = []
        for key, node in nodes.items():
            if node['phase'] != ACTIVE:
                continue
            mixed.append({'node': key,
                          'ionic': network_resistance(nodes, edges, IONIC + [ACTIVE], CONDUCTIVITY['ionic'], spacing, ion_m, key),
                          'electronic': network_resistance(nodes, edges, ELECTRONIC + [ACTIVE], CONDUCTIVITY['electronic'], spacing, el_m, key)})
        access = []
        for key, node in nodes.items():
            if node['phase'] != ACTIVE:
                continue
            access.append({'node': key,
                           'ionic': terminal_resistance(nodes, edges, IONIC, CONDUCTIVITY['ionic'], spacing, ion_b, key),
                           'electronic': terminal_resistance(nodes, edges, ELECTRONIC, CONDUCTIVITY['electronic'], spacing, el_b, key)})
        cases.append({'shape': shape, 'spacing': spacing, 'nodes': nodes, 'edges': edges,
                      'nodelist': nodelist, 'laplacian': L.tolist(), 'pairs': pairs,
                      'networks': networks, 'accessibility': access,
                      'accessibilityActiveConducts': mixed})
    with open(OUT, 'w') as f:
        json.dump({'generator': 'make-kirchhoff-fixtures.py', 'networkx': nx.__version__,
                   'conductivity': CONDUCTIVITY, 'contactResistivity': CONTACT_RESISTIVITY,
                   'cases': cases}, f, separators=(',', ':'))


if __name__ == '__main__':
    main()
