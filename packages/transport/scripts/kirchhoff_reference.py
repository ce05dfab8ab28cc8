#!/usr/bin/python3
"""SciPy reference of the graph-transport bench (bench/kirchhoff-accessibility.ts).

Reads a contact graph as JSON on stdin ({shape, spacing, nodes: {key: {phase, centroid, bbox}},
edges: [{a, b, contactArea}], conductivity, contactResistivity, axis}) and prints JSON: the
effective conductance of the ionic and electronic networks driven between the low and high
faces of `axis` (scipy.sparse assembly, spsolve), each nmc particle's resistance to the
grounded ionic (low face) and electronic (high face) boundary as a terminal (one spsolve of
the augmented grounded Laplacian per particle), and the seconds each took.
"""
import json
import math
import sys
import time

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla
from scipy.sparse.csgraph import connected_components

IONIC, ELECTRONIC, ACTIVE = ['sse'], ['graphite'], 'nmc'


def conductance(nodes, e, sigma, spacing, rho):
    a, b = nodes[e['a']], nodes[e['b']]
    d = math.sqrt(sum(((a['centroid'][k] - b['centroid'][k]) * spacing[k]) ** 2 for k in range(len(spacing))))
    A = e['contactArea']
    return 1.0 / ((d / 2) / (sigma[a['phase']] * A) + (d / 2) / (sigma[b['phase']] * A) + rho / A)


def face(nodes, keys, shape, axis, side):
    nd = len(shape)
    return {k for k in keys if (nodes[k]['bbox'][axis] == 0 if side == 'low' else nodes[k]['bbox'][nd + axis] == shape[axis])}


def network(g, phases, sigma):
    nodes = g['nodes']
    keys = [k for k, n in nodes.items() if n['phase'] in phases]
    idx = {k: i for i, k in enumerate(keys)}
    rows, cols, vals = [], [], []
    for e in g['edges']:
        if e['a'] in idx and e['b'] in idx:
            c = conductance(nodes, e, sigma, g['spacing'], g['contactResistivity'])
            i, j = idx[e['a']], idx[e['b']]
            rows += [i, j]; cols += [j, i]; vals += [c, c]
    n = len(keys)
    W = sp.csr_matrix((vals, (rows, cols)), shape=(n, n))
    L = sp.diags(np.asarray(W.sum(axis=1)).ravel()) - W
    return keys, idx, W.tocsr(), L.tocsr()


def driven(g, phases, sigma):
    keys, idx, W, L = network(g, phases, sigma)
    src = face(g['nodes'], keys, g['shape'], g['axis'], 'low')
    snk = face(g['nodes'], keys, g['shape'], g['axis'], 'high')
    ncomp, comp = connected_components(W, directed=False)
    live_c = {comp[idx[k]] for k in src} & {comp[idx[k]] for k in snk}
    live = np.array([comp[i] in live_c for i in range(len(keys))])
    fixed = np.full(len(keys), np.nan)
    for k in src: fixed[idx[k]] = 1.0
    for k in snk: fixed[idx[k]] = 0.0
    free = np.where(live & np.isnan(fixed))[0]
    fix = np.where(live & ~np.isnan(fixed))[0]
    v = np.zeros(len(keys))
    v[fix] = fixed[fix]
    if len(free):
        A = L[free][:, free].tocsc()
        b = -L[free][:, fix] @ fixed[fix]
        v[free] = spla.spsolve(A, b)
    total = 0.0
    for k in src:
        i = idx[k]
        row = W.getrow(i)
        for j, c in zip(row.indices, row.data):
            if live[j]:
                total += c * (1.0 - v[j])
    return total


def terminal(g, phases, sigma, side):
    nodes = g['nodes']
    keys, idx, W, L = network(g, phases, sigma)
    ground = face(nodes, keys, g['shape'], g['axis'], side)
    ncomp, comp = connected_components(W, directed=False)
    grounded_c = {comp[idx[k]] for k in ground}
    contacts = {}
    for e in g['edges']:
        for p, o in ((e['a'], e['b']), (e['b'], e['a'])):
            if nodes[p]['phase'] == ACTIVE and o in idx and comp[idx[o]] in grounded_c:
                contacts.setdefault(p, []).append((idx[o], conductance(nodes, e, sigma, g['spacing'], g['contactResistivity'])))
    out = {}
    is_ground = np.zeros(len(keys), bool)
    for k in ground: is_ground[idx[k]] = True
    for p in [k for k, n in nodes.items() if n['phase'] == ACTIVE]:
        cs = contacts.get(p)
        if not cs:
            out[p] = None
            continue
        total = sum(c for _, c in cs)
        comps = {comp[i] for i, _ in cs}
        free = np.where(np.isin(comp, list(comps)) & ~is_ground)[0]
        fc = [(i, c) for i, c in cs if not is_ground[i]]
        if not fc:
            out[p] = 1.0 / total
            continue
        loc = {i: f for f, i in enumerate(free)}
        m = len(free)
        A = L[free][:, free].tolil()
        A.resize((m + 1, m + 1))
        for i, c in fc:
            A[loc[i], loc[i]] += c
            A[loc[i], m] = -c
            A[m, loc[i]] = -c
        A[m, m] = total
        b = np.zeros(m + 1); b[m] = 1.0
        out[p] = float(spla.spsolve(A.tocsc(), b)[m])
    return out


def main():
    g = json.load(sys.stdin)
    sig = g['conductivity']
    res = {}
    t0 = time.perf_counter()
    res['ionicConductance'] = driven(g, IONIC, sig['ionic'])
    res['electronicConductance'] = driven(g, ELECTRONIC, sig['electronic'])
    res['currentsSeconds'] = time.perf_counter() - t0
    t0 = time.perf_counter()
    res['ionic'] = terminal(g, IONIC, sig['ionic'], 'low')
    res['electronic'] = terminal(g, ELECTRONIC, sig['electronic'], 'high')
    res['accessibilitySeconds'] = time.perf_counter() - t0
    json.dump(res, sys.stdout)


if __name__ == '__main__':
    main()
