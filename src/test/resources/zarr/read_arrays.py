"""Reads every Zarr v2 array (folder with .zarray) in DIR with python-zarr and writes NAME.f8 beside it: its values as
float64 little-endian C order; prints name, dtype, shape, chunks, compressor id and fill value, one line each.
Usage: read_arrays.py DIR"""
import json
import os
import sys

import numpy as np
import zarr

root = sys.argv[1]
for name in sorted(os.listdir(root)):
    path = os.path.join(root, name)
    if not os.path.isfile(os.path.join(path, '.zarray')):
        continue
    z = zarr.open_array(path, mode='r')
    np.asarray(z[:], dtype='<f8').tofile(path + '.f8')
    print(json.dumps({'name': name, 'dtype': z.dtype.str, 'shape': list(z.shape), 'chunks': list(z.chunks),
                      'compressor': None if z.compressor is None else z.compressor.codec_id,
                      'fill_value': None if z.fill_value is None else str(z.fill_value)}))
