"""Fixture of the least-squares baselines: numpy.linalg.lstsq (rcond=None) on seeded
matrices, full rank, rank deficient (a column that sums two others, as a degree sums the
neighbour counts), underdetermined, and a linear regression with intercept ([1, X]).

Run from packages/gnn: /usr/bin/python3 scripts/make-lstsq-fixture.py
Writes test/fixtures/lstsq.json."""
import json

import numpy as np

rng = np.random.default_rng(22)


def case(name, a, b):
    x, _res, rank, sv = np.linalg.lstsq(a, b, rcond=None)
    return {
        "name": name,
        "a": {"rows": a.shape[0], "cols": a.shape[1], "data": a.ravel().tolist()},
        "b": {"rows": b.shape[0], "cols": b.shape[1], "data": b.ravel().tolist()},
        "x": x.ravel().tolist(),
        "rank": int(rank),
        "singularValues": sv.tolist(),
    }


full = rng.normal(size=(50, 4))
deficient = rng.normal(size=(40, 5))
deficient[:, 4] = deficient[:, 1] + deficient[:, 2]
wide = rng.normal(size=(3, 5))
scaled = rng.normal(size=(60, 3)) * np.array([1e3, 1.0, 1e-2]) + np.array([5e3, 0.0, 1.0])
cases = [
    case("full rank 50x4, 2 targets", full, full @ np.array([[1.0, -2], [0.5, 0], [3, 1], [-1, 4]]) + rng.normal(size=(50, 2))),
    case("rank 4 of 5 columns", deficient, rng.normal(size=(40, 1))),
    case("underdetermined 3x5", wide, rng.normal(size=(3, 2))),
    case("columns of mixed scale", scaled, rng.normal(size=(60, 1))),
]
x = rng.normal(size=(30, 3))
x[:, 2] = x[:, 0] - x[:, 1]
y = 2 + x @ np.array([[1.5], [-0.5], [0.0]]) + 0.1 * rng.normal(size=(30, 1))
design = np.hstack([np.ones((30, 1)), x])
beta, *_ = np.linalg.lstsq(design, y, rcond=None)
regression = {
    "x": {"rows": 30, "cols": 3, "data": x.ravel().tolist()},
    "y": {"rows": 30, "cols": 1, "data": y.ravel().tolist()},
    "intercept": beta[0].tolist(),
    "coef": beta[1:].ravel().tolist(),
    "rank": int(np.linalg.matrix_rank(design)),
}
with open("test/fixtures/lstsq.json", "w") as f:
    json.dump({"numpy": np.__version__, "lstsq": cases, "regression": regression}, f)
