"""Largest difference between two TIFF stacks (the same number of planes and plane size), relative to the first
one's range, plane by plane.

usage: tiff_compare.py EXPECTED.tif ACTUAL.tif   prints: max_abs_diff range relative (exits 1 on a shape mismatch)"""
import sys

import numpy as np
import tifffile

with tifffile.TiffFile(sys.argv[1]) as e, tifffile.TiffFile(sys.argv[2]) as a:
    if len(e.pages) != len(a.pages):
        print(f"planes differ: {len(e.pages)} and {len(a.pages)}")
        sys.exit(1)
    diff, lo, hi = 0.0, np.inf, -np.inf
    for pe, pa in zip(e.pages, a.pages):
        x, y = pe.asarray().astype(np.float64), pa.asarray().astype(np.float64)
        if x.shape != y.shape:
            print(f"plane shapes differ: {x.shape} and {y.shape}")
            sys.exit(1)
        diff = max(diff, float(np.abs(x - y).max()))
        lo, hi = min(lo, float(x.min())), max(hi, float(x.max()))
print(f"max_abs_diff {diff:.6g} range {hi - lo:.6g} relative {diff / (hi - lo):.3g}")
