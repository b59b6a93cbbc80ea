"""Writes an OME-NGFF 0.4 image with plain python-zarr into ROOT: axes t, c, z, y, x with units, a top-level time
scale, two levels (level 1 the 2x2 mean in x and y), the given dtype; beside it ROOT.f8, level 0's values as float64.
Usage: write_ome.py ROOT DTYPE"""
import sys

import numpy as np
import zarr

root, dtype = sys.argv[1], sys.argv[2]
rng = np.random.default_rng(5)
shape, chunks = (2, 2, 3, 37, 45), (1, 1, 2, 16, 16)
data = (rng.random(shape) * 200).astype(dtype)
group = zarr.open_group(root, mode='w')
level0 = group.create_dataset('0', shape=shape, chunks=chunks, dtype=dtype, dimension_separator='/')
level0[:] = data
half = data[..., :36, :44].astype('f8').reshape(shape[:3] + (18, 2, 22, 2)).mean(axis=(-3, -1))
group.create_dataset('1', data=half.astype(dtype), chunks=chunks, dimension_separator='/')
group.attrs['multiscales'] = [{
    'version': '0.4', 'name': 'python',
    'axes': [{'name': 't', 'type': 'time', 'unit': 'second'}, {'name': 'c', 'type': 'channel'},
             {'name': 'z', 'type': 'space', 'unit': 'micrometer'}, {'name': 'y', 'type': 'space', 'unit': 'micrometer'},
             {'name': 'x', 'type': 'space', 'unit': 'micrometer'}],
    'datasets': [
        {'path': '0', 'coordinateTransformations': [{'type': 'scale', 'scale': [1.0, 1.0, 2.0, 0.25, 0.25]}]},
        {'path': '1', 'coordinateTransformations': [{'type': 'scale', 'scale': [1.0, 1.0, 2.0, 0.5, 0.5]},
                                                    {'type': 'translation', 'translation': [0, 0, 0, 0.125, 0.125]}]}],
    'coordinateTransformations': [{'type': 'scale', 'scale': [30.0, 1.0, 1.0, 1.0, 1.0]}],
}]
np.asarray(data, dtype='<f8').tofile(root + '.f8')
