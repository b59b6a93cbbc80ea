"""A noisy 16-bit OME-Zarr volume (z y x, Zarr v2, blosc lz4) for the Spark benchmarks: smooth structures plus
Gaussian noise of sigma 120, written by python-zarr 2 (Debian's python3-zarr), i.e. by another implementation.

usage: make-zarr-volume.py OUT.ome.zarr Z SIZE [CHUNK]   (SIZE x SIZE planes, chunks 1 x CHUNK x CHUNK, default 256)"""
import sys

import numpy as np
import zarr
from numcodecs import Blosc

path, z, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
chunk = int(sys.argv[4]) if len(sys.argv) > 4 else 256
g = zarr.open_group(path, mode='w')
a = g.create_dataset('0', shape=(z, n, n), chunks=(1, chunk, chunk), dtype='<u2', dimension_separator='.',
                     compressor=Blosc('lz4', 5, Blosc.SHUFFLE))
rng = np.random.default_rng(26)
yy, xx = np.mgrid[0:n, 0:n]
for k in range(z):  # plane by plane: the volume may not fit in memory
    a[k] = np.clip(1000 + 600 * np.sin(xx / 7.0 + k) * np.cos(yy / 11.0) + 120 * rng.standard_normal((n, n)), 0,
                   65535).astype('<u2')
g.attrs['multiscales'] = [{'version': '0.4', 'name': 'noisy', 'axes': [
    {'name': 'z', 'type': 'space', 'unit': 'micrometer'}, {'name': 'y', 'type': 'space', 'unit': 'micrometer'},
    {'name': 'x', 'type': 'space', 'unit': 'micrometer'}], 'datasets': [
    {'path': '0', 'coordinateTransformations': [{'type': 'scale', 'scale': [2.0, 0.5, 0.5]}]}]}]
