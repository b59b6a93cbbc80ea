"""Writes one small Zarr v2 array per dtype, compressor and separator into OUT, with a region never written (missing
chunks, read as the fill value) and edge chunks; beside each, ARRAY.f8: what python-zarr reads back, as float64
little-endian C order, for the Java reader to match exactly. Usage: write_arrays.py OUT"""
import os
import sys

import numcodecs
import numpy as np
import zarr

out = sys.argv[1]
dtypes = ['|u1', '|i1', '<u2', '>u2', '<i2', '<u4', '<i4', '<f4', '>f4', '<f8']
compressors = {
    'blosc-lz4': numcodecs.Blosc(cname='lz4', clevel=5, shuffle=numcodecs.Blosc.SHUFFLE),
    'blosc-zstd': numcodecs.Blosc(cname='zstd', clevel=3, shuffle=numcodecs.Blosc.BITSHUFFLE),
    'blosc-blosclz': numcodecs.Blosc(cname='blosclz', clevel=5, shuffle=numcodecs.Blosc.NOSHUFFLE),
    'blosc-zlib': numcodecs.Blosc(cname='zlib', clevel=4, shuffle=numcodecs.Blosc.AUTOSHUFFLE),
    'blosc-lz4hc': numcodecs.Blosc(cname='lz4hc', clevel=9, shuffle=numcodecs.Blosc.SHUFFLE),
    'zstd': numcodecs.Zstd(level=3),
    'zlib': numcodecs.Zlib(level=5),
    'gzip': numcodecs.GZip(level=5),
    'none': None,
}
shape, chunks = (5, 13, 17), (2, 5, 6)
rng = np.random.default_rng(7)
n = 0
for dtype in dtypes:
    info = np.iinfo(dtype) if dtype[1] in 'ui' else None
    for cname, compressor in compressors.items():
        sep = '/' if n % 2 else '.'
        if info is not None:
            data = rng.integers(info.min, info.max, size=shape, endpoint=True, dtype=np.dtype(dtype).newbyteorder('='))
            fill = None if n % 3 == 0 else int(info.min + 7 if info.min < 0 else 7)
        else:
            data = (rng.standard_normal(shape) * 1000).astype(dtype)
            data[0, 0, 0] = np.inf
            data[0, 0, 1] = -0.0
            fill = [None, 'NaN', -1.5][n % 3]
            if fill == 'NaN':
                fill = np.nan
        name = '%s-%s' % (dtype.replace('<', 'le').replace('>', 'be').replace('|', ''), cname)
        z = zarr.open_array(os.path.join(out, name), mode='w', shape=shape, chunks=chunks, dtype=dtype,
                            compressor=compressor, fill_value=fill, dimension_separator=sep)
        z[:, :, :12] = data[:, :, :12]  # x from 12 on: missing chunks
        z[4, 10:, :] = data[4, 10:, :]  # one edge chunk written in part
        if fill is None:
            # zarr 2 reads missing chunks of fill_value null as whatever np.empty holds: compare written parts only
            np.asarray(z[:, :, :12], dtype='<f8').tofile(os.path.join(out, name + '.f8'))
        else:
            np.asarray(z[:], dtype='<f8').tofile(os.path.join(out, name + '.f8'))
        n += 1
print(n)
