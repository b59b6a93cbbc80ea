"""Writes a noisy Z stack as a one-level OME-NGFF 0.4 image (axes zyx, '/' keys, zstd) with plain python-zarr, chunk by
chunk (the volume is never whole in memory), into ROOT: random Gaussian blobs (background 40, peaks up to 200) plus
Gaussian noise of SIGMA, rounded and clipped to DTYPE. With HELDOUT, two more planes of the same kind that are not in
the image: HELDOUT.clean.f8 and HELDOUT.noisy.f8, float64 little-endian, plane after plane, for a test to measure the
denoising of planes training never saw. Usage: write_training_volume.py ROOT DTYPE SHAPE CHUNKS SIGMA [HELDOUT]"""
import sys

import numcodecs
import numpy as np
import zarr

root, dtype = sys.argv[1], sys.argv[2]
shape = tuple(int(v) for v in sys.argv[3].split(','))
chunks = tuple(int(v) for v in sys.argv[4].split(','))
sigma = float(sys.argv[5])
heldout = sys.argv[6] if len(sys.argv) > 6 else None
rng = np.random.default_rng(13)
info = np.iinfo(dtype) if np.dtype(dtype).kind in 'ui' else None


def clean_planes(n, h, w):
    """n planes of blobs, each plane its own (at most 40: cheap for large planes)."""
    yy, xx = np.mgrid[0:h, 0:w].astype('f4')
    out = np.full((n, h, w), 40, dtype='f4')
    for k in range(n):
        for _ in range(min(40, max(4, h * w // 400))):
            cy, cx, r, a = rng.uniform(0, h), rng.uniform(0, w), rng.uniform(2, 6), rng.uniform(60, 160)
            y0, y1, x0, x1 = int(max(0, cy - 3 * r)), int(min(h, cy + 3 * r + 1)), int(max(0, cx - 3 * r)), int(
                min(w, cx + 3 * r + 1))
            out[k, y0:y1, x0:x1] += a * np.exp(-((yy[y0:y1, x0:x1] - cy) ** 2 + (xx[y0:y1, x0:x1] - cx) ** 2) / (2 * r * r))
    return np.minimum(out, 200)


def noisy(clean):
    n = clean + rng.normal(0, sigma, clean.shape).astype('f4')
    if info is not None:
        n = np.clip(np.round(n), info.min, info.max)
    return n


group = zarr.open_group(root, mode='w')
array = group.create_dataset('0', shape=shape, chunks=chunks, dtype=dtype, compressor=numcodecs.Zstd(level=1),
                             dimension_separator='/')
for z0 in range(0, shape[0], chunks[0]):
    z1 = min(shape[0], z0 + chunks[0])
    array[z0:z1] = noisy(clean_planes(z1 - z0, shape[1], shape[2])).astype(dtype)
group.attrs['multiscales'] = [{
    'version': '0.4', 'name': 'noisy',
    'axes': [{'name': 'z', 'type': 'space', 'unit': 'micrometer'}, {'name': 'y', 'type': 'space', 'unit': 'micrometer'},
             {'name': 'x', 'type': 'space', 'unit': 'micrometer'}],
    'datasets': [{'path': '0', 'coordinateTransformations': [{'type': 'scale', 'scale': [2.0, 0.5, 0.5]}]}],
}]
if heldout:
    c = clean_planes(2, shape[1], shape[2])
    c.astype('<f8').tofile(heldout + '.clean.f8')
    noisy(c).astype('<f8').tofile(heldout + '.noisy.f8')
