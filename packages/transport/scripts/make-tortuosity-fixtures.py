"""Fixtures of @mgraph/transport's voxel solver (run with /usr/bin/python3 from this folder):

    /usr/bin/python3 make-tortuosity-fixtures.py

writes ../test/fixtures/tortuosity-scipy.json: seeded random phase maps (2D and 3D, one to
three conducting phases, anisotropic spacing, every axis) with the finite-volume solution of
fv_reference.py (scipy.sparse assembly; spsolve, or CG to a 1e-14 relative residual on the
64^3 volume), and TauFactor's published value of its slanted-strip test structure rebuilt
here (tests/test_taufactor.py, test_solver_on_slanted_strip_of_ones: 7.51667).
"""
import base64
import gzip
import json
import os

import numpy as np
import scipy.ndimage as ndi

from fv_reference import solve


def pack(a):
    return base64.b64encode(gzip.compress(np.ascontiguousarray(a, dtype=np.uint8).tobytes(), mtime=0)).decode()


def case(name, phases, conductivities, axis, spacing, direct=True, field=False):
    r = solve(phases, conductivities, axis=axis, spacing=spacing, direct=direct)
    out = {
        'name': name,
        'shape': list(phases.shape),
        'phases': pack(phases),
        'conductivities': conductivities,
        'axis': axis,
        'spacing': spacing,
        'residual': r['residual'],
        'expected': {k: r[k] for k in ('effectiveConductivity', 'meanConductivity', 'tau',
                                        'volumeFraction', 'percolatingVolumeFraction',
                                        'removedVoxels', 'fluxIn', 'fluxOut')},
    }
    if field:
        out['field'] = [round(float(v), 15) for v in r['field'].ravel()]
        out['fluxMagnitude'] = [round(float(v), 15) for v in flux_magnitude(r['field'], phases, conductivities, axis, spacing).ravel()]
    print(name, phases.shape, out['expected']['tau'], 'residual', r['residual'])
    return out


def flux_magnitude(field, phases, conductivities, axis, spacing):
    """Per voxel: each component the mean of the currents through its two faces normal to
    that axis, divided by the face area; magnitude of that vector."""
    from fv_reference import percolating
    sigma = np.asarray(conductivities, float)[phases]
    live = percolating(sigma > 0, axis)
    sigma = np.where(live, sigma, 0.0)
    spacing = np.asarray(spacing, float)
    vol = np.prod(spacing)
    sq = np.zeros(phases.shape)
    for a in range(phases.ndim):
        area = vol / spacing[a]
        s = np.moveaxis(sigma, a, 0)
        f = np.moveaxis(field, a, 0)
        n = s.shape[0]
        # current in +a through each interior face
        h = np.zeros_like(s[:-1])
        both = (s[:-1] > 0) & (s[1:] > 0)
        h[both] = 2 * s[:-1][both] * s[1:][both] / (s[:-1][both] + s[1:][both])
        cur = h * area / spacing[a] * (f[:-1] - f[1:])
        lower = np.zeros_like(s)
        upper = np.zeros_like(s)
        lower[1:] = cur
        upper[:-1] = cur
        if a == axis:
            lower[0] = 2 * s[0] * area / spacing[a] * (1 - f[0])
            upper[n - 1] = 2 * s[n - 1] * area / spacing[a] * (f[n - 1] - 0)
        q = 0.5 * (lower + upper) / area
        sq += np.moveaxis(q, 0, a) ** 2
    return np.where(live, np.sqrt(sq), 0.0)


def smooth_binary(rng, shape, sigma, fraction):
    noise = ndi.gaussian_filter(rng.standard_normal(shape), sigma)
    return (noise < np.quantile(noise, fraction)).astype(np.uint8)


def main():
    rng = np.random.default_rng(18)
    cases = []
    p = rng.integers(0, 3, size=(37, 29), dtype=np.uint8)
    cases.append(case('2D three phases, anisotropic, axis 1', p, [0.0, 1.0, 0.3], 1, [0.7, 1.3], field=True))
    p = (rng.random((64, 64, 64)) < 0.45).astype(np.uint8)
    cases.append(case('64^3 random binary 0.45, axis 0', p, [0.0, 1.0], 0, [1.0, 1.0, 1.0], direct=False))
    p = rng.integers(0, 4, size=(24, 20, 28), dtype=np.uint8)
    cases.append(case('24x20x28 four phases, anisotropic, axis 2', p, [0.0, 2.0, 0.5, 0.05], 2, [1.0, 0.5, 2.0]))
    p = smooth_binary(rng, (48, 40, 36), 2.0, 0.35)
    cases.append(case('48x40x36 smoothed binary 0.35, axis 1', p, [0.0, 1.0], 1, [2.0, 1.0, 1.0]))
    p = rng.integers(0, 2, size=(9, 16, 11), dtype=np.uint8)
    cases.append(case('9x16x11 random binary 0.5, thin axis 0, code 0 conducts', p, [1.0, 0.0], 0, [1.0, 1.0, 1.0], field=True))
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, '..', 'test', 'fixtures', 'tortuosity-scipy.json'), 'w') as f:
        json.dump({'generator': 'scripts/make-tortuosity-fixtures.py (numpy %s, scipy %s)' % (np.__version__, __import__('scipy').__version__),
                   'cases': cases}, f)


if __name__ == '__main__':
    main()
