"""np.argsort (default kind, NumPy 1.24) on seeded tie-heavy keys, for test/numpy-argsort.test.ts.

    /usr/bin/python3 scripts/make-argsort-fixture.py > test/fixtures/argsort.json
"""
import json
import sys

import numpy as np

rng = np.random.default_rng(3)
cases = []
for n, levels in [(1, 1), (2, 1), (16, 3), (17, 3), (33, 2), (100, 5), (1000, 7), (5000, 40)]:
    keys = rng.integers(0, levels, n).astype(np.float64) - levels / 2
    cases.append({"keys": keys.tolist(), "order": np.argsort(keys).tolist()})
json.dump({"numpy": np.__version__, "argsort": cases}, sys.stdout)
