#!/usr/bin/python3
# A 16-bit fluorescence-like Z stack for the memory benchmarks (bench/memory-3d.sh): smooth blobs on a dim
# background with Poisson noise, written as an ImageJ hyperstack TIFF (axes ZYX, calibrated 0.1 x 0.1 x 0.3 um).
# Needs numpy and tifffile for Debian's python: apt-get install python3-numpy python3-tifffile
# Usage: make-stack-16bit.py OUT.tif WIDTH HEIGHT DEPTH
import sys
import numpy as np
import tifffile

out, w, h, d = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = np.random.default_rng(1)
# a coarse random field, upsampled by repetition and smoothed a little, gives structures of ~16 pixels
coarse = rng.random((max(1, d // 4), h // 16, w // 16)).astype(np.float32)
stack = np.empty((d, h, w), np.uint16)
for z in range(d):
    plane = np.repeat(np.repeat(coarse[min(z // 4, coarse.shape[0] - 1)], 16, axis=0), 16, axis=1)
    stack[z] = rng.poisson(100 + 2000 * np.clip(plane - 0.6, 0, None))
tifffile.imwrite(out, stack, imagej=True, resolution=(10.0, 10.0),
                 metadata={'axes': 'ZYX', 'spacing': 0.3, 'unit': 'um'})
