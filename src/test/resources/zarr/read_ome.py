"""Reads the OME-NGFF 0.4 image in ROOT with plain python-zarr: prints, as JSON, its axes and per level the path,
shape, chunks, dtype, scale and translation, and the largest difference between the level and numpy's 2x2 mean of the
level before it in x and y (odd edges: the mean of what there is). Usage: read_ome.py ROOT"""
import json
import sys

import numpy as np
import zarr

group = zarr.open_group(sys.argv[1], mode='r')
ms = group.attrs['multiscales'][0]
names = [a['name'] for a in ms['axes']]
x, y = names.index('x'), names.index('y')
levels, previous = [], None
for d in ms['datasets']:
    z = group[d['path']]
    t = {c['type']: c[c['type']] for c in d['coordinateTransformations']}
    data = np.asarray(z[:], dtype='f8')
    error = None
    if previous is not None:
        p = previous
        pad = [(0, 0)] * p.ndim
        pad[x] = (0, p.shape[x] % 2)
        pad[y] = (0, p.shape[y] % 2)
        p = np.pad(p, pad, constant_values=np.nan)
        # reshape x and y into (n/2, 2) pairs and average over the pairs
        q = np.moveaxis(p, (y, x), (-2, -1))
        q = q.reshape(q.shape[:-2] + (q.shape[-2] // 2, 2, q.shape[-1] // 2, 2))
        mean = np.moveaxis(np.nanmean(q, axis=(-3, -1)), (-2, -1), (y, x))
        error = float(np.max(np.abs(mean - data)))
    levels.append({'path': d['path'], 'shape': list(z.shape), 'chunks': list(z.chunks), 'dtype': z.dtype.str,
                   'scale': t['scale'], 'translation': t.get('translation'), 'mean_error': error})
    previous = data
print(json.dumps({'axes': ms['axes'], 'levels': levels}))
