#!/usr/bin/python3
"""Reference fixtures computed with the Python tools the field uses.

The reference fixtures shared by several packages. They come from one seeded random stream,
so they are made together, as a set; each is then used by the package named below (its copy in
that package's test/fixtures/ is what the tests read; MGRAPH_FIXTURES points the tests at
another folder of them). A package's other fixtures are made by the scripts in its own
scripts/ folder, beside them.

Run with Debian's python3 (python3-skimage python3-scipy python3-networkx python3-statsmodels
python3-torch python3-pandas):
    /usr/bin/python3 scripts/make-fixtures.py            # rewrite each package's copy
    /usr/bin/python3 scripts/make-fixtures.py OUT_DIR    # write all six files into OUT_DIR
With the versions recorded in each file the output is identical up to the last bits of
floating-point sums. Array encoding: {"shape": [...], "dtype": "...", "data": [flat, C order]}.
Originally ../shared/fixtures/make_fixtures.py (the folder the fixtures were first copied from).
"""
import json, sys, os, math
import numpy as np
import scipy, scipy.ndimage as ndi, scipy.signal as sig, scipy.stats as st
import skimage, skimage.segmentation as seg, skimage.feature as feat, skimage.measure as meas
import networkx as nx
import statsmodels, statsmodels.api as sm, statsmodels.formula.api as smf
import pandas as pd
import torch

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# which package's test/fixtures/ holds each file (test-utils/fixtures.ts lists the same six)
HOME = {"watershed.json": "watershed", "adjacency.json": "graph", "centrality.json": "stats",
        "find_peaks.json": "electrochem", "stats.json": "stats", "nn.json": "gnn"}
VERSIONS = {"numpy": np.__version__, "scipy": scipy.__version__, "scikit-image": skimage.__version__,
            "networkx": nx.__version__, "statsmodels": statsmodels.__version__, "torch": torch.__version__}

def arr(a):
    a = np.ascontiguousarray(a)
    if a.dtype == bool: a = a.astype(np.uint8)
    kind = {"b": "int8", "B": "uint8"}.get(a.dtype.char, str(a.dtype))
    data = a.ravel().tolist()
    if a.dtype.kind == "f":
        data = [None if not math.isfinite(v) else v for v in data]
    return {"shape": list(a.shape), "dtype": kind, "data": data}

def dump(path, obj):
    name = os.path.basename(path)
    if os.path.dirname(path) == "":
        path = os.path.join(ROOT, "packages", HOME[name], "test", "fixtures", name)
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"))
    print(path, os.path.getsize(path) // 1024, "KiB")

# ---------------------------------------------------------------- images
def discs(rng, shape, n, rmin, rmax):
    grid = np.indices(shape)
    mask = np.zeros(shape, bool)
    for _ in range(n):
        c = [rng.uniform(0, s) for s in shape]
        r = rng.uniform(rmin, rmax)
        d2 = sum((g - ci) ** 2 for g, ci in zip(grid, c))
        mask |= d2 <= r * r
    return mask

def watershed_case(rng, shape, n, rmin, rmax, min_distance):
    mask = discs(rng, shape, n, rmin, rmax)
    edt = ndi.distance_transform_edt(mask)
    lab, nlab = ndi.label(mask)
    peaks = feat.peak_local_max(edt, min_distance=min_distance, labels=lab, exclude_border=False)
    pk = np.zeros(shape, bool)
    pk[tuple(peaks.T)] = True
    markers, nmark = ndi.label(pk)
    case = {"shape": list(shape), "mask": arr(mask), "edt": arr(edt),
            "label_default_count": int(nlab),
            "peak_local_max": {"min_distance": min_distance, "labels": "ndi.label(mask)",
                               "exclude_border": False, "coordinates": peaks.tolist()},
            "markers": arr(markers.astype(np.int32))}
    for conn in (1, mask.ndim):
        ws = seg.watershed(-edt, markers, mask=mask, connectivity=conn)
        case[f"watershed_connectivity{conn}"] = arr(ws.astype(np.int32))
    ws = case["watershed_connectivity1"]
    w = np.array(ws["data"], dtype=np.int32).reshape(shape)
    if mask.ndim == 2:
        case["solidity_connectivity1"] = {str(p.label): p.solidity for p in meas.regionprops(w)}
    return case

def adjacency_case(rng, shape, size):
    """Instance map from a watershed of random seeds; counts |dilate(a, ones(size)) & b| per ordered pair."""
    mask = discs(rng, shape, 14 if len(shape) == 2 else 10, 5, 12)
    seeds = np.zeros(shape, np.int32)
    for i in range(1, 40):
        seeds[tuple(int(rng.integers(0, s)) for s in shape)] = i
    lab = seg.watershed(np.zeros(shape), seeds, mask=mask | (rng.random(shape) < 0.35))
    lab = lab.astype(np.int32)
    # leave unlabeled gaps so that not every pair touches
    lab[rng.random(shape) < 0.02] = 0
    ids = [int(i) for i in np.unique(lab) if i != 0]
    st_el = np.ones((size,) * len(shape), bool)
    counts = []
    for a in ids:
        da = ndi.binary_dilation(lab == a, structure=st_el)
        over = lab[da]
        for b, c in zip(*np.unique(over, return_counts=True)):
            if b != 0 and b != a:
                counts.append([a, int(b), int(c)])
    sizes = {str(i): int((lab == i).sum()) for i in ids}
    return {"shape": list(shape), "labels": arr(lab), "structuring_element": f"ones({size}^{len(shape)})",
            "sizes": sizes, "directed_counts": counts}

# ---------------------------------------------------------------- graphs
def graph_case(rng, n, p, connected, weighted):
    while True:
        G = nx.gnp_random_graph(n, p, seed=int(rng.integers(1 << 30)))
        if not connected or nx.is_connected(G):
            break
    for u, v in G.edges:
        G[u][v]["weight"] = float(rng.integers(1, 60)) if weighted else 1.0
    out = {"n": n, "edges": [[u, v, G[u][v]["weight"]] for u, v in G.edges], "connected": nx.is_connected(G)}
    f = lambda d: [d[i] for i in range(n)]
    out["degree"] = f(dict(G.degree()))
    out["weighted_degree"] = f(dict(G.degree(weight="weight")))
    out["clustering"] = f(nx.clustering(G))
    out["clustering_weighted"] = f(nx.clustering(G, weight="weight"))
    out["betweenness"] = f(nx.betweenness_centrality(G))
    out["betweenness_distance_weight"] = f(nx.betweenness_centrality(G, weight="weight"))
    out["closeness"] = f(nx.closeness_centrality(G))
    out["closeness_distance_weight"] = f(nx.closeness_centrality(G, distance="weight"))
    for key, w in (("eigenvector", None), ("eigenvector_weighted", "weight")):
        try:
            out[key] = f(nx.eigenvector_centrality(G, weight=w))
        except nx.PowerIterationFailedConvergence:
            out[key] = None
        if out["connected"]:
            out[key + "_numpy"] = f(nx.eigenvector_centrality_numpy(G, weight=w))
    return out

# ---------------------------------------------------------------- peaks
def peaks_case(rng, kind):
    x = np.linspace(0, 1, int(rng.integers(40, 200)))
    if kind == "mixture":
        y = sum(rng.uniform(0.2, 1) * np.exp(-((x - rng.uniform(0, 1)) / rng.uniform(0.02, 0.15)) ** 2) for _ in range(int(rng.integers(1, 5))))
        y = y + rng.normal(0, 0.02, x.size)
    elif kind == "plateau":
        y = np.round(rng.random(x.size) * 4) / 4
    else:
        y = rng.integers(0, 6, x.size).astype(float)
    out = {"x": y.tolist()}
    out["find_peaks"] = sig.find_peaks(y)[0].tolist()
    h = 0.4 * float(np.max(y))
    out["height_rel_0_4"] = {"height": h, "peaks": sig.find_peaks(y, height=h)[0].tolist()}
    pk, props = sig.find_peaks(y, prominence=0.1)
    out["prominence_0_1"] = {"peaks": pk.tolist(), "prominences": props["prominences"].tolist()}
    out["distance_5"] = sig.find_peaks(y, distance=5)[0].tolist()
    return out

# ---------------------------------------------------------------- stats
def welch(x, y):
    r = st.ttest_ind(x, y, equal_var=False)
    n1, n2 = len(x), len(y)
    v1, v2 = np.var(x, ddof=1), np.var(y, ddof=1)
    se = math.sqrt(v1 / n1 + v2 / n2)
    df = (v1 / n1 + v2 / n2) ** 2 / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1))
    d = np.mean(x) - np.mean(y)
    t = st.t.ppf(0.975, df)
    sp = math.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2))
    return {"x": list(map(float, x)), "y": list(map(float, y)), "t": float(r.statistic), "p": float(r.pvalue),
            "df": df, "mean_difference": d, "ci95": [d - t * se, d + t * se], "cohen_d_pooled": d / sp}

def anova_case(rng, n_cells):
    rows = []
    for a in (0, 1):
        for b in (0, 1):
            for _ in range(n_cells[a][b]):
                rows.append((a, b, 0.3 * a + 0.5 * b + 0.2 * a * b + rng.normal(0, 1)))
    df = pd.DataFrame(rows, columns=["a", "b", "y"])
    out = {"a": df.a.tolist(), "b": df.b.tolist(), "y": df.y.tolist()}
    m = smf.ols("y ~ C(a) * C(b)", data=df).fit()
    for typ in (1, 2):
        t = sm.stats.anova_lm(m, typ=typ)
        out[f"typ{typ}"] = {k: [None if not math.isfinite(v) else float(v) for v in t[k]] for k in ["sum_sq", "df", "F", "PR(>F)"]}
        out[f"typ{typ}"]["rows"] = ["a", "b", "a:b", "Residual"]
    m3 = smf.ols("y ~ C(a, Sum) * C(b, Sum)", data=df).fit()
    t = sm.stats.anova_lm(m3, typ=3)
    out["typ3_sum_coding"] = {k: [None if not math.isfinite(v) else float(v) for v in t[k]] for k in ["sum_sq", "df", "F", "PR(>F)"]}
    out["typ3_sum_coding"]["rows"] = ["Intercept", "a", "b", "a:b", "Residual"]
    return out

def stats_cases(rng, k):
    out = {"welch": [], "pearson": [], "anova2": []}
    for i in range(k):
        n1, n2 = int(rng.integers(3, 60)), int(rng.integers(3, 300))
        out["welch"].append(welch(rng.normal(0, rng.uniform(0.5, 3), n1), rng.normal(rng.uniform(-1, 1), rng.uniform(0.5, 3), n2)))
        n = int(rng.integers(4, 200))
        x = rng.normal(0, 1, n); y = rng.uniform(-1, 1) * x + rng.normal(0, 1, n)
        r = st.pearsonr(x, y)
        out["pearson"].append({"x": x.tolist(), "y": y.tolist(), "r": float(r[0]), "p": float(r[1])})
        cells = [[int(rng.integers(5, 120)) for _ in range(2)] for _ in range(2)]
        out["anova2"].append(anova_case(rng, cells))
    return out

# ---------------------------------------------------------------- NNConv (PyTorch Geometric semantics, re-implemented in torch)
def nnconv_case(rng, aggr):
    g = torch.Generator().manual_seed(int(rng.integers(1 << 30)))
    Ns, Nd, Cs, Cd, Co, De, H, E = 7, 5, 3, 4, 6, 2, 8, 17
    xs = torch.randn(Ns, Cs, generator=g, dtype=torch.float64, requires_grad=True)
    xd = torch.randn(Nd, Cd, generator=g, dtype=torch.float64, requires_grad=True)
    src = torch.randint(0, Ns, (E,), generator=g); dst = torch.randint(0, Nd, (E,), generator=g)
    ea = torch.rand(E, De, generator=g, dtype=torch.float64)
    P = {"nn.0.weight": torch.randn(H, De, generator=g, dtype=torch.float64),
         "nn.0.bias": torch.randn(H, generator=g, dtype=torch.float64),
         "nn.2.weight": torch.randn(Cs * Co, H, generator=g, dtype=torch.float64) * 0.3,
         "nn.2.bias": torch.randn(Cs * Co, generator=g, dtype=torch.float64) * 0.3,
         "lin.weight": torch.randn(Co, Cd, generator=g, dtype=torch.float64),
         "bias": torch.randn(Co, generator=g, dtype=torch.float64)}
    for p in P.values(): p.requires_grad_(True)
    h = torch.relu(ea @ P["nn.0.weight"].T + P["nn.0.bias"]) @ P["nn.2.weight"].T + P["nn.2.bias"]
    W = h.view(E, Cs, Co)
    msg = torch.bmm(xs[src].unsqueeze(1), W).squeeze(1)
    out = torch.zeros(Nd, Co, dtype=torch.float64).index_add(0, dst, msg)
    if aggr == "mean":
        cnt = torch.zeros(Nd, dtype=torch.float64).index_add(0, dst, torch.ones(E, dtype=torch.float64)).clamp(min=1)
        out = out / cnt[:, None]
    out = out + xd @ P["lin.weight"].T + P["bias"]
    G = torch.randn(Nd, Co, generator=g, dtype=torch.float64)
    (out * G).sum().backward()
    T = lambda t: t.detach().numpy()
    return {"aggr": aggr, "edge_nn": "Linear(De,H) -> ReLU -> Linear(H, Cs*Co); weight view (E, Cs, Co)",
            "formula": "out_i = lin(x_dst_i) + AGG_{j->i} x_src_j @ W(e_ji) + bias, W(e) = nn(e).view(Cs, Co)",
            "x_src": arr(T(xs)), "x_dst": arr(T(xd)), "edge_index": [src.tolist(), dst.tolist()], "edge_attr": arr(T(ea)),
            "params": {k: arr(T(v)) for k, v in P.items()}, "out": arr(T(out)), "upstream_grad": arr(T(G)),
            "grads": {**{k: arr(T(v.grad)) for k, v in P.items()}, "x_src": arr(T(xs.grad)), "x_dst": arr(T(xd.grad))}}

def layers_case(rng):
    g = torch.Generator().manual_seed(int(rng.integers(1 << 30)))
    x = torch.randn(9, 5, generator=g, dtype=torch.float64, requires_grad=True)
    ln = torch.nn.LayerNorm(5).double()
    with torch.no_grad():
        ln.weight.copy_(torch.randn(5, generator=g)); ln.bias.copy_(torch.randn(5, generator=g))
    y = torch.nn.functional.gelu(ln(x))
    G = torch.randn(9, 5, generator=g, dtype=torch.float64)
    (y * G).sum().backward()
    T = lambda t: t.detach().numpy()
    # AdamW: three steps on fixed gradients
    p = torch.randn(4, 3, generator=g, dtype=torch.float64, requires_grad=True)
    p0 = p.detach().clone()
    opt = torch.optim.AdamW([p], lr=1e-3, weight_decay=1e-2)
    grads = [torch.randn(4, 3, generator=g, dtype=torch.float64) * 3 for _ in range(3)]
    traj = []
    for gr in grads:
        opt.zero_grad(); p.grad = gr.clone()
        torch.nn.utils.clip_grad_norm_([p], max_norm=2.0)
        opt.step(); traj.append(arr(T(p)))
    return {"layernorm_gelu": {"x": arr(T(x)), "ln_weight": arr(T(ln.weight)), "ln_bias": arr(T(ln.bias)), "eps": 1e-5,
                               "y": arr(T(y)), "upstream_grad": arr(T(G)), "grad_x": arr(T(x.grad)),
                               "grad_ln_weight": arr(T(ln.weight.grad)), "grad_ln_bias": arr(T(ln.bias.grad)), "gelu": "exact (erf)"},
            "adamw_clip": {"p0": arr(T(p0)), "grads": [arr(T(gr)) for gr in grads], "lr": 1e-3, "weight_decay": 1e-2,
                           "betas": [0.9, 0.999], "eps": 1e-8, "clip_max_norm": 2.0, "after_each_step": traj}}

def build(seed, out_dir, scale):
    rng = np.random.default_rng(seed)
    meta = {"versions": VERSIONS, "seed": seed}
    ws = [watershed_case(rng, (96, 128), 25, 5, 12, 4), watershed_case(rng, (80, 64), 14, 4, 9, 3),
          watershed_case(rng, (24, 28, 32), 14, 3, 7, 2)]
    if scale > 1:
        ws.append(watershed_case(rng, (200, 150), 60, 5, 14, 4))
    dump(os.path.join(out_dir, "watershed.json"), {**meta, "what": "scipy.ndimage.distance_transform_edt, skimage.feature.peak_local_max, "
                                       "skimage.segmentation.watershed(-edt, markers, mask=mask, connectivity=c), regionprops solidity",
                                       "cases": ws})
    adj = [adjacency_case(rng, (90, 110), 7), adjacency_case(rng, (20, 24, 28), 7)]
    dump(os.path.join(out_dir, "adjacency.json"), {**meta, "what": "directed_counts[a,b,c]: c = |binary_dilation(labels==a, ones(7..)) & (labels==b)|, label 0 is not an object",
                                       "cases": adj})
    gs = [graph_case(rng, n, p, c, w) for n, p, c, w in [(12, 0.3, True, True), (30, 0.15, True, True), (25, 0.08, False, True),
                                                         (60, 0.08, True, False), (150, 0.03, False, True)][: 5 if scale == 1 else 5]]
    if scale > 1:
        gs += [graph_case(rng, 300, 0.015, False, True), graph_case(rng, 8, 0.6, True, True)]
    dump(os.path.join(out_dir, "centrality.json"), {**meta, "what": "networkx defaults; weight used as a distance where named *_distance_weight", "cases": gs})
    pk = [peaks_case(rng, k) for k in ["mixture", "mixture", "plateau", "integers", "mixture", "plateau"] * scale]
    dump(os.path.join(out_dir, "find_peaks.json"), {**meta, "what": "scipy.signal.find_peaks", "cases": pk})
    dump(os.path.join(out_dir, "stats.json"), {**meta, "what": "scipy.stats.ttest_ind(equal_var=False), pearsonr, statsmodels anova_lm on y ~ C(a)*C(b)",
                                   **stats_cases(rng, 4 * scale)})
    dump(os.path.join(out_dir, "nn.json"), {**meta, "what": "NNConv (PyG semantics) forward/backward in float64, LayerNorm+GELU, AdamW with clip_grad_norm_",
                                "nnconv": [nnconv_case(rng, "add"), nnconv_case(rng, "mean")], **layers_case(rng)})

if __name__ == "__main__":
    build(20261122, sys.argv[1] if len(sys.argv) > 1 else "", 1)
