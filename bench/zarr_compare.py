"""Largest difference between level 0 of two OME-Zarr images, relative to the first one's range, plane by plane.

usage: zarr_compare.py EXPECTED.ome.zarr ACTUAL.ome.zarr   prints: max_abs_diff range relative (and exits 1 if any
voxel of ACTUAL is NaN, i.e. was never written)"""
import sys

import numpy as np
import zarr

e, a = zarr.open(sys.argv[1] + '/0', mode='r'), zarr.open(sys.argv[2] + '/0', mode='r')
assert e.shape == a.shape, (e.shape, a.shape)
diff, lo, hi, nan = 0.0, np.inf, -np.inf, 0
for k in range(e.shape[0]):
    pe, pa = e[k].astype(np.float64), a[k].astype(np.float64)
    nan += int(np.isnan(pa).sum())
    diff = max(diff, float(np.nanmax(np.abs(pe - pa))))
    lo, hi = min(lo, float(pe.min())), max(hi, float(pe.max()))
print(f"max_abs_diff {diff:.6g} range {hi - lo:.6g} relative {diff / (hi - lo):.3g} unwritten {nan}")
sys.exit(1 if nan else 0)
