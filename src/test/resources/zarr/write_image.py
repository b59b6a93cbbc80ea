"""Writes a one-level OME-NGFF 0.4 image with plain python-zarr into ROOT: axes AXES (e.g. czyx), shape and chunks
(comma-separated), dtype DTYPE, zstd chunks with '/' keys, micrometer voxel sizes 0.5 (x, y) and 2 (z); the values a
smooth pattern plus noise, in the range of 8 bits. Usage: write_image.py ROOT DTYPE AXES SHAPE CHUNKS"""
import sys

import numcodecs
import numpy as np
import zarr

root, dtype, axes = sys.argv[1], sys.argv[2], sys.argv[3]
shape = tuple(int(v) for v in sys.argv[4].split(','))
chunks = tuple(int(v) for v in sys.argv[5].split(','))
rng = np.random.default_rng(11)
grids = np.meshgrid(*[np.arange(n) for n in shape], indexing='ij')
pattern = 100 + 60 * np.sin(grids[-1] / 5.0) * np.cos(grids[-2] / 7.0)
data = np.clip(pattern + rng.normal(0, 20, shape), 0, 255).astype(dtype)
group = zarr.open_group(root, mode='w')
group.create_dataset('0', data=data, chunks=chunks, compressor=numcodecs.Zstd(level=3), dimension_separator='/')
types = {'t': 'time', 'c': 'channel', 'z': 'space', 'y': 'space', 'x': 'space'}
units = {'t': 'second', 'z': 'micrometer', 'y': 'micrometer', 'x': 'micrometer'}
sizes = {'t': 5.0, 'c': 1.0, 'z': 2.0, 'y': 0.5, 'x': 0.5}
group.attrs['multiscales'] = [{
    'version': '0.4', 'name': 'noisy',
    'axes': [dict({'name': a, 'type': types[a]}, **({'unit': units[a]} if a in units else {})) for a in axes],
    'datasets': [{'path': '0', 'coordinateTransformations': [{'type': 'scale', 'scale': [sizes[a] for a in axes]}]}],
}]
