"""Regenerate test/fixtures/stats-extra.json: scipy / statsmodels / matplotlib / networkx
references for @mgraph/stats beyond the shared fixtures (distribution tails and quantiles,
Pearson Fisher CIs, Student and one-sided t-tests, ANOVA variants, box-plot statistics,
betweenness on a lattice whose path counts pass 2^32, self-loops).

Run: /usr/bin/python3 scripts/make_fixtures.py   (Debian bookworm: scipy 1.10, statsmodels 0.13,
matplotlib 3.6, networkx 2.8)
"""
import json
import pathlib

import matplotlib
import networkx as nx
import numpy as np
import pandas as pd
import scipy
import statsmodels
import statsmodels.api as sm
from matplotlib import cbook
from scipy import stats
from statsmodels.formula.api import ols

rng = np.random.default_rng(20261123)
out = {
    "versions": {
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "statsmodels": statsmodels.__version__,
        "matplotlib": matplotlib.__version__,
        "networkx": nx.__version__,
    },
    "seed": 20261123,
}

# distributions: tails and quantiles
t_cases = []
for df in [1, 2.5, 8.564347396060208, 30, 257.2142526173362, 1e4]:
    for t in [-40, -12, -6.3, -3.2, -1, -1e-3, 0, 0.5, 2, 7, 25]:
        t_cases.append({"t": t, "df": df, "cdf": stats.t.cdf(t, df), "sf": stats.t.sf(t, df)})
t_ppf = []
for df in [1, 2.5, 8.564347396060208, 30, 257.2142526173362, 1e4]:
    for q in [1e-12, 1e-6, 0.001, 0.025, 0.3, 0.5, 0.9, 0.975, 0.995, 1 - 1e-9]:
        t_ppf.append({"q": q, "df": df, "ppf": stats.t.ppf(q, df)})
f_cases = []
for d1, d2 in [(1, 5), (1, 226), (2, 58), (3, 250), (7.5, 12.25)]:
    for f in [0, 1e-4, 0.5, 1, 4, 20, 60, 400]:
        f_cases.append({"f": f, "d1": d1, "d2": d2, "sf": stats.f.sf(f, d1, d2), "cdf": stats.f.cdf(f, d1, d2)})
norm_cases = [{"p": p, "ppf": stats.norm.ppf(p)} for p in [1e-15, 1e-8, 0.001, 0.025, 0.2, 0.5, 0.8, 0.975, 0.999, 1 - 1e-10]]
norm_cdf = [{"z": z, "cdf": stats.norm.cdf(z)} for z in [-30, -8, -3, -1, -0.1, 0, 0.7, 2, 6]]
# scipy's t.ppf (cdflib stdtrit) is itself only good to ~1e-9 relative: exact quantiles by mpmath
import mpmath as mp

mp.mp.dps = 40


def t_ppf_exact(q, df):
    p = min(q, 1 - q)
    target = mp.mpf(p)
    v = mp.mpf(df)
    g = lambda t: mp.betainc(v / 2, mp.mpf(1) / 2, 0, v / (v + t * t), regularized=True) / 2 - target
    root = mp.findroot(g, abs(stats.t.ppf(q, df)))
    return float(root if q > 0.5 else -root)


welch_dfs = [8.564347396060208, 38.96024979856995, 50.36691183860979, 257.2142526173362]
t_exact = [{"q": q, "df": df, "ppf": t_ppf_exact(q, df)}
           for df in welch_dfs + [1, 2.5, 30] for q in [0.005, 0.025, 0.3, 0.9, 0.95, 0.975, 0.995]]
out["distributions"] = {"t_ppf_mpmath": t_exact, "t": t_cases, "t_ppf": t_ppf, "f": f_cases, "norm_ppf": norm_cases, "norm_cdf": norm_cdf}

# pearson with Fisher CI
pearson = []
for n, rho in [(5, 0.3), (12, -0.8), (40, 0.1), (200, 0.55), (4, 0.9)]:
    x = rng.normal(size=n)
    y = rho * x + np.sqrt(1 - rho**2) * rng.normal(size=n)
    res = stats.pearsonr(x, y)
    ci = res.confidence_interval(0.95)
    ci90 = res.confidence_interval(0.9)
    pearson.append({"x": x.tolist(), "y": y.tolist(), "r": res.statistic, "p": res.pvalue,
                    "ci95": [ci.low, ci.high], "ci90": [ci90.low, ci90.high]})
x = [1.0, 2.0, 3.0]
y = [2.0, 4.0, 6.5]
for xs, ys in [(x, y), ([1.0, 2.0], [3.0, 1.0])]:
    res = stats.pearsonr(xs, ys)
    ci, ci90 = res.confidence_interval(0.95), res.confidence_interval(0.9)
    pearson.append({"x": xs, "y": ys, "r": res.statistic, "p": res.pvalue,
                    "ci95": [ci.low, ci.high], "ci90": [ci90.low, ci90.high]})
out["pearson"] = pearson

# t-tests
ttests = []
for n1, n2, shift, s2 in [(7, 26, -1.5, 1.0), (39, 160, 0.5, 3.0), (2, 2, 0.4, 1.0), (15, 9, 0.0, 0.2)]:
    x = rng.normal(size=n1)
    y = shift + s2 * rng.normal(size=n2)
    case = {"x": x.tolist(), "y": y.tolist()}
    for equal_var, name in [(False, "welch"), (True, "student")]:
        for alt in ["two-sided", "less", "greater"]:
            r = stats.ttest_ind(x, y, equal_var=equal_var, alternative=alt)
            case[f"{name}_{alt}"] = {"t": r.statistic, "p": r.pvalue}
    # df and CIs by formula (scipy 1.10 does not return them)
    v1, v2 = np.var(x, ddof=1) / n1, np.var(y, ddof=1) / n2
    dfw = (v1 + v2) ** 2 / (v1**2 / (n1 - 1) + v2**2 / (n2 - 1))
    sew = np.sqrt(v1 + v2)
    sp2 = ((n1 - 1) * np.var(x, ddof=1) + (n2 - 1) * np.var(y, ddof=1)) / (n1 + n2 - 2)
    ses = np.sqrt(sp2 * (1 / n1 + 1 / n2))
    dfs = n1 + n2 - 2
    md = np.mean(x) - np.mean(y)
    case["welch_df"] = dfw
    case["student_df"] = dfs
    case["welch_ci95"] = [md - stats.t.ppf(0.975, dfw) * sew, md + stats.t.ppf(0.975, dfw) * sew]
    case["welch_ci90"] = [md - stats.t.ppf(0.95, dfw) * sew, md + stats.t.ppf(0.95, dfw) * sew]
    case["welch_less_ci95_high"] = md + stats.t.ppf(0.95, dfw) * sew
    case["welch_greater_ci95_low"] = md - stats.t.ppf(0.95, dfw) * sew
    case["student_ci95"] = [md - stats.t.ppf(0.975, dfs) * ses, md + stats.t.ppf(0.975, dfs) * ses]
    case["cohen_d_pooled"] = md / np.sqrt(sp2)
    ttests.append(case)
out["ttest"] = ttests

# anova variants: no interaction, a three-level factor with string levels, log transform
anova = []
for la, lb, n, interaction, transform in [
    (2, 2, 90, False, "none"),
    (3, 2, 120, True, "none"),
    (3, 4, 150, True, "log"),
    (3, 2, 80, False, "log"),
]:
    a = rng.integers(0, la, size=n)
    b = rng.integers(0, lb, size=n)
    # every cell populated
    a[: la * lb] = np.repeat(np.arange(la), lb)
    b[: la * lb] = np.tile(np.arange(lb), la)
    mu = 1 + 0.3 * a - 0.2 * b + 0.15 * a * b
    y = np.exp(mu + 0.5 * rng.normal(size=n)) if transform == "log" else mu + rng.normal(size=n)
    a_lab = [f"L{v}" for v in a]
    b_lab = [int(v) for v in b]
    d = pd.DataFrame({"y": np.log(y) if transform == "log" else y, "a": a_lab, "b": b_lab})
    formula = "y ~ C(a) * C(b)" if interaction else "y ~ C(a) + C(b)"
    formula3 = "y ~ C(a, Sum) * C(b, Sum)" if interaction else "y ~ C(a, Sum) + C(b, Sum)"
    case = {"a": a_lab, "b": b_lab, "y": y.tolist(), "interaction": interaction, "transform": transform}
    for typ in [1, 2]:
        t = sm.stats.anova_lm(ols(formula, d).fit(), typ=typ)
        case[f"typ{typ}"] = {k: [None if np.isnan(v) else v for v in t[k]] for k in ["sum_sq", "df", "F", "PR(>F)"]}
        case[f"typ{typ}"]["rows"] = list(t.index)
    t = sm.stats.anova_lm(ols(formula3, d).fit(), typ=3)
    case["typ3_sum_coding"] = {k: [None if np.isnan(v) else v for v in t[k]] for k in ["sum_sq", "df", "F", "PR(>F)"]}
    case["typ3_sum_coding"]["rows"] = list(t.index)
    anova.append(case)
out["anova2"] = anova

# box plots as matplotlib draws them
box = []
for values, whis in [
    (rng.normal(size=50).tolist() + [6.0, -5.0], 1.5),
    ([1.0, 2.0, 2.0, 3.0, 4.0, 100.0], 1.5),
    (rng.exponential(size=31).tolist(), 1.0),
    ([5.0], 1.5),
    ([3.0, 3.0, 3.0, 3.0], 1.5),
    (rng.normal(size=20).tolist(), [5.0, 95.0]),
]:
    s = cbook.boxplot_stats(np.array(values), whis=whis)[0]
    box.append({"values": values, "whis": whis, "q1": s["q1"], "med": s["med"], "q3": s["q3"],
                "mean": s["mean"], "iqr": s["iqr"], "whislo": s["whislo"], "whishi": s["whishi"],
                "cilo": s["cilo"], "cihi": s["cihi"], "fliers": s["fliers"].tolist()})
out["boxplot"] = box

# betweenness where path counts pass 2^32 (a 34 x 34 grid), and graphs with self-loops
g = nx.grid_2d_graph(34, 34)
idx = {v: i for i, v in enumerate(g.nodes())}
edges = [[idx[u], idx[v], 1.0] for u, v in g.edges()]
h = nx.Graph()
h.add_nodes_from(range(len(idx)))
h.add_edges_from((u, v) for u, v, _ in edges)
bc = nx.betweenness_centrality(h)
out["grid_betweenness"] = {"n": len(idx), "edges": edges, "betweenness": [bc[i] for i in range(len(idx))]}

loops = nx.Graph()
loops.add_nodes_from(range(7))
for u, v, w in [(0, 1, 2.0), (1, 2, 1.0), (2, 0, 3.0), (2, 3, 4.0), (3, 3, 5.0), (1, 1, 0.5), (4, 5, 1.0), (0, 0, 1.5)]:
    loops.add_edge(u, v, weight=w)
case = {"n": 7, "edges": [[u, v, d["weight"]] for u, v, d in loops.edges(data=True)]}
case["degree"] = [loops.degree(i) for i in range(7)]
case["weighted_degree"] = [loops.degree(i, weight="weight") for i in range(7)]
for name, val in [
    ("clustering", nx.clustering(loops)),
    ("clustering_weighted", nx.clustering(loops, weight="weight")),
    ("betweenness", nx.betweenness_centrality(loops)),
    ("betweenness_distance_weight", nx.betweenness_centrality(loops, weight="weight")),
    ("closeness", nx.closeness_centrality(loops)),
    ("closeness_distance_weight", nx.closeness_centrality(loops, distance="weight")),
    ("eigenvector", nx.eigenvector_centrality(loops, max_iter=1000)),
    ("eigenvector_weighted", nx.eigenvector_centrality(loops, weight="weight", max_iter=1000)),
]:
    case[name] = [val[i] for i in range(7)]
out["self_loops"] = case

# a path of 30 nodes: networkx's default max_iter=100 fails, max_iter=1000 converges
slow = nx.path_graph(30)
try:
    nx.eigenvector_centrality(slow)
    fails_at_100 = False
except nx.PowerIterationFailedConvergence:
    fails_at_100 = True
ev = nx.eigenvector_centrality(slow, max_iter=1000)
out["slow_eigenvector"] = {"n": 30, "edges": [[u, v, 1.0] for u, v in slow.edges()],
                           "fails_at_100": fails_at_100, "eigenvector_max_iter_1000": [ev[i] for i in range(30)]}

path = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "stats-extra.json"
path.write_text(json.dumps(out, allow_nan=False) + "\n")
print("wrote", path)
