"""Finite-volume conduction between two faces of a voxel grid, assembled with scipy.sparse.

The reference of @mgraph/transport's tortuosityFactor (an independent implementation):
cell-centred finite volumes, face conductance = harmonic mean of the two voxel conductivities
x face area / centre distance, Dirichlet potential 1 on the outer face before index 0 and 0 on
the outer face after the last index of `axis` (half a voxel from the first / last centres, as
TauFactor), no flux through the other faces. Voxels not face-connected (through conducting
voxels) to both driving faces are removed first (as PoreSpy's tortuosity_fd).
"""
import numpy as np
import scipy.ndimage as ndi
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def percolating(cond, axis):
    labels, _ = ndi.label(cond)  # face connectivity
    first = np.unique(np.take(labels, 0, axis=axis))
    last = np.unique(np.take(labels, -1, axis=axis))
    keep = np.intersect1d(first[first > 0], last[last > 0])
    return np.isin(labels, keep)


def assemble(phases, conductivities, axis=0, spacing=None):
    """The system (A, rhs) over the percolating voxels, and a function of its solution x
    that returns the results (as solve does)."""
    phases = np.asarray(phases)
    shape = phases.shape
    spacing = np.ones(phases.ndim) if spacing is None else np.asarray(spacing, float)
    sigma = np.asarray(conductivities, float)[phases]
    cond = sigma > 0
    live = percolating(cond, axis)
    sigma = np.where(live, sigma, 0.0)
    n = phases.size
    index = -np.ones(shape, dtype=np.int64)
    index[live] = np.arange(live.sum())
    m = int(live.sum())
    rows, cols, vals = [], [], []
    diag = np.zeros(m)
    rhs = np.zeros(m)
    area_all = np.prod(spacing)
    for a in range(phases.ndim):
        area = area_all / spacing[a]
        lo = [slice(None)] * phases.ndim
        hi = [slice(None)] * phases.ndim
        lo[a] = slice(0, -1)
        hi[a] = slice(1, None)
        s1, s2 = sigma[tuple(lo)], sigma[tuple(hi)]
        both = (s1 > 0) & (s2 > 0)
        g = np.zeros_like(s1)
        g[both] = 2 * s1[both] * s2[both] / (s1[both] + s2[both]) * area / spacing[a]
        i1, i2 = index[tuple(lo)][both], index[tuple(hi)][both]
        gg = g[both]
        rows += [i1, i2]
        cols += [i2, i1]
        vals += [-gg, -gg]
        np.add.at(diag, i1, gg)
        np.add.at(diag, i2, gg)
    # Dirichlet faces: conductance sigma * area / (h / 2)
    area = area_all / spacing[axis]
    first = np.take(sigma, 0, axis=axis)
    last = np.take(sigma, -1, axis=axis)
    fi = np.take(index, 0, axis=axis)
    la = np.take(index, -1, axis=axis)
    g_in = 2 * first * area / spacing[axis]
    g_out = 2 * last * area / spacing[axis]
    np.add.at(diag, fi[first > 0], g_in[first > 0])
    np.add.at(diag, la[last > 0], g_out[last > 0])
    np.add.at(rhs, fi[first > 0], g_in[first > 0] * 1.0)
    rows.append(np.arange(m))
    cols.append(np.arange(m))
    vals.append(diag)
    A = sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(m, m))
    return A, rhs, lambda x: results(x, A, rhs, phases, conductivities, axis, spacing, live, cond, g_in, g_out, first, last)


def results(x, A, rhs, phases, conductivities, axis, spacing, live, cond, g_in, g_out, first, last):
    m = x.shape[0]
    shape = phases.shape
    field = np.zeros(shape)
    field[live] = x
    flux_in = float(np.sum(g_in[first > 0] * (1 - field.take(0, axis=axis)[first > 0])))
    flux_out = float(np.sum(g_out[last > 0] * field.take(-1, axis=axis)[last > 0]))
    length = shape[axis] * spacing[axis]
    cross = np.prod([shape[d] * spacing[d] for d in range(phases.ndim) if d != axis])
    flux = 0.5 * (flux_in + flux_out)
    d_eff = flux * length / cross
    sig_all = np.asarray(conductivities, float)[phases]
    mean_cond = float(sig_all.mean())
    return {
        'effectiveConductivity': d_eff,
        'meanConductivity': mean_cond,
        'tau': mean_cond / d_eff if d_eff > 0 else float('inf'),
        'volumeFraction': float(cond.mean()),
        'percolatingVolumeFraction': float(live.mean()),
        'removedVoxels': int(cond.sum() - live.sum()),
        'fluxIn': flux_in,
        'fluxOut': flux_out,
        'residual': float(np.linalg.norm(A @ x - rhs) / np.linalg.norm(rhs)) if m else 0.0,
        'field': field,
    }


def solve(phases, conductivities, axis=0, spacing=None, direct=True):
    """Assemble and solve: spsolve (`direct`) or Jacobi-preconditioned CG to 1e-14."""
    A, rhs, finish = assemble(phases, conductivities, axis, spacing)
    m = A.shape[0]
    if m == 0:
        x = np.zeros(0)
    elif direct:
        x = spla.spsolve(A.tocsc(), rhs)
    else:
        d = 1 / A.diagonal()
        M = spla.LinearOperator((m, m), matvec=lambda v: d * v)
        x, info = spla.cg(A, rhs, tol=1e-14, atol=0, maxiter=100000, M=M)
        assert info == 0
    return finish(x)
