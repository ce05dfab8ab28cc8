"""Regenerate test/fixtures/extremes.json: scipy references for @mgraph/stats at extreme
magnitudes and at the edges of the distributions' domains (the hostile-input suite).

- Pearson at data scales 1e-200 ... 1e300 (scipy 1.10 divides the centred samples by their
  largest magnitude before squaring, so r and p do not depend on the scale).
- Welch and Student t-tests at scales 1e-300 ... 1e300. scipy's own ttest_ind squares the
  variances and gives df = NaN (then silently replaced by 1) near 1e-160, so the reference
  is scipy at scale 1: t, df, p and Cohen's d are scale-free; means, differences, standard
  errors, intervals and SDs scale with the data (the test multiplies them by the scale).
- t, F and normal distributions at df = Infinity (the normal / chi-square limits: scipy's
  f.sf is NaN there, so the F references are chi2.sf / chi2.cdf), huge df, and
  probabilities 0 and 1. t cdf and density by mpmath (scipy's t.pdf and t.sf fail at
  large df).

Run: /usr/bin/python3 scripts/make_extremes_fixture.py   (Debian bookworm: scipy 1.10)
"""
import json
import math
import pathlib

import mpmath as mp
import numpy as np
import scipy
from scipy import stats

mp.mp.dps = 40
out = {"versions": {"numpy": np.__version__, "scipy": scipy.__version__, "mpmath": mp.__version__}}


def num(v):
    v = float(v)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


pearson = []
for x, y in [([1, 2, 3, 4], [1, 3, 2, 5]), ([1, 2, 3], [1, 2.1, 3]), ([3, 1, 4, 1, 5, 9, 2, 6], [2, 7, 1, 8, 2, 8, 1, 8])]:
    for scale in [1e-300, 1e-200, 1e-160, 1.0, 1e160, 1e200, 1e300]:
        xs = np.array(x, dtype=float) * scale
        ys = np.array(y, dtype=float) * scale
        r = stats.pearsonr(xs, ys)
        pearson.append({"x": xs.tolist(), "y": ys.tolist(), "scale": scale, "r": num(r[0]), "p": num(r[1])})
out["pearson"] = pearson

ttests = []
for x, y in [([1, 2, 3, 4], [2, 3, 5, 7]), ([1.5, 2.5, 2.25, 3.0, 2.75], [3.5, 4.25, 3.0, 5.0])]:
    x = np.array(x, dtype=float)
    y = np.array(y, dtype=float)
    for equal_var in [False, True]:
        res = stats.ttest_ind(x, y, equal_var=equal_var)
        v1, v2 = np.var(x, ddof=1), np.var(y, ddof=1)
        n1, n2 = len(x), len(y)
        if equal_var:
            df = n1 + n2 - 2
            se = math.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / df * (1 / n1 + 1 / n2))
        else:
            vn1, vn2 = v1 / n1, v2 / n2
            df = (vn1 + vn2) ** 2 / (vn1 ** 2 / (n1 - 1) + vn2 ** 2 / (n2 - 1))
            se = math.sqrt(vn1 + vn2)
        diff = x.mean() - y.mean()
        h = stats.t.ppf(0.975, df) * se
        pooled = math.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2))
        # what scipy itself says at 1e-160 (documentation of why the reference is scale 1)
        tiny = stats.ttest_ind(x * 1e-160, y * 1e-160, equal_var=equal_var)
        ttests.append({
            "x": x.tolist(), "y": y.tolist(), "equalVar": equal_var,
            "t": num(res.statistic), "p": num(res.pvalue), "df": num(df),
            "meanDifference": num(diff), "standardError": num(se), "ci": [num(diff - h), num(diff + h)],
            "cohenD": num(diff / pooled), "sd1": num(math.sqrt(v1)), "sd2": num(math.sqrt(v2)),
            "scipyAt1e-160": {"t": num(tiny.statistic), "p": num(tiny.pvalue)},
        })
out["ttests"] = ttests
out["ttestScales"] = [1e-300, 1e-200, 1e-160, 1e-100, 1.0, 1e100, 1e160, 1e200, 1e300]

def t_cdf_exact(t, df):
    """t cdf by mpmath at 40 digits (scipy 1.10's t.sf(30, 1e6) is 0, not 6.0e-198)."""
    if math.isinf(df):
        return stats.norm.cdf(t)
    with mp.workdps(40 + int(math.log10(df))):  # enough digits to hold df / (df + t^2)
        v, x = mp.mpf(df), mp.mpf(t)
        tail = mp.betainc(v / 2, mp.mpf(1) / 2, 0, v / (v + x * x), regularized=True) / 2
        return float(tail if t < 0 else 1 - tail)


def t_pdf_exact(t, df):
    """t density by mpmath at 40 digits: scipy 1.10's t.pdf is off by 4e-10 at df = 1e6
    and returns 4.97 for t = 1 at df = 1e15."""
    if math.isinf(df):
        return stats.norm.pdf(t)
    v, x = mp.mpf(df), mp.mpf(t)
    return float(mp.gamma((v + 1) / 2) / (mp.sqrt(v * mp.pi) * mp.gamma(v / 2)) * (1 + x * x / v) ** (-(v + 1) / 2))


def f_sf(f, d1, d2):
    """F survival function; scipy 1.10's f.sf is NaN or 0 for an infinite df, so the
    limits are the chi-square ones: d2 = inf, F = chi2(d1) / d1; d1 = inf, F = d2 / chi2(d2);
    finite df by mpmath."""
    if math.isinf(d2):
        return stats.chi2.sf(d1 * f, d1)
    if math.isinf(d1):
        return 1.0 if f == 0 else stats.chi2.cdf(d2 / f, d2)
    if f == 0:
        return 1.0
    if math.isinf(f):
        return 0.0
    # mpmath: scipy 1.10's f.sf(0.25, 2, 1e15) is 0.7576, not exp(-0.25) = 0.7788
    with mp.workdps(40 + int(math.log10(max(d1, d2)))):
        a, b, x = mp.mpf(d2) / 2, mp.mpf(d1) / 2, mp.mpf(d2) / (mp.mpf(d2) + mp.mpf(d1) * mp.mpf(f))
        return float(mp.betainc(a, b, 0, x, regularized=True))


dist = {
    "tCdf": [{"t": t, "df": df, "value": num(t_cdf_exact(t, df))}
             for df in [1e6, 1e10, 1e15, 1e20, 1e300, math.inf]
             for t in [-40, -5, -1, 0.5, 1, 3, 8]],
    "tSf": [{"t": t, "df": df, "value": num(t_cdf_exact(-t, df))}
            for df in [1e6, 1e15, math.inf] for t in [-3, 1, 6, 30]],
    "tPdf": [{"t": t, "df": df, "value": num(t_pdf_exact(t, df))}
             for df in [0.5, 3, 1e6, 1e15, math.inf] for t in [-4, 0, 1, 10]],
    "tPpf": [{"q": q, "df": df, "value": num(stats.t.ppf(q, df))}
             for df in [3, 1e6, 1e15, math.inf] for q in [0, 1e-10, 0.025, 0.5, 0.975, 1]],
    "normalPpf": [{"p": p, "value": num(stats.norm.ppf(p))} for p in [0, 1e-300, 0.025, 1]],
    "normalCdf": [{"z": z, "value": num(stats.norm.cdf(z))} for z in [-math.inf, -40, 40, math.inf]],
    "fSf": [{"f": f, "d1": d1, "d2": d2, "value": num(f_sf(f, d1, d2))}
            for d1, d2 in [(3, math.inf), (math.inf, 5), (2, 1e15), (1e15, 4), (2, 7)]
            for f in [0, 0.25, 1, 2.5, 10, math.inf]],
}
out["distributions"] = dist

path = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "extremes.json"
def clean(v):
    """Non-finite floats as the strings "Infinity", "-Infinity", "NaN" (strict JSON)."""
    if isinstance(v, float):
        return num(v)
    if isinstance(v, dict):
        return {k: clean(w) for k, w in v.items()}
    if isinstance(v, list):
        return [clean(w) for w in v]
    return v


path.write_text(json.dumps(clean(out), indent=1, allow_nan=False) + "\n")
print(f"wrote {path}")
