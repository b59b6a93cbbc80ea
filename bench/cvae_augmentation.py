#!/usr/bin/python3
# Issue 15 augmentation check: logistic regression (C = 1, standardised pixels) on 10 real labelled images per class
# (drawn from the first 6,000 Fashion-MNIST training images, 5 draws) with and without 100 images per class generated
# by a class-conditional VAE (fiji-ae generate --label CLASS, one TIFF per class), scored on the 10,000 test images.
# Needs Debian's python3-sklearn, python3-tifffile and numpy.
# Usage: cvae_augmentation.py FASHION_DIR GENERATED_DIR
import gzip, sys
import numpy as np, tifffile
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

NAMES = ['T-shirt_top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle_boot']


def idx(path):
    with gzip.open(path, 'rb') as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(dims)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


data, gen = sys.argv[1], sys.argv[2]
x = idx(data + '/train-images-idx3-ubyte.gz').reshape(-1, 784)[:6000] / 255.0
y = idx(data + '/train-labels-idx1-ubyte.gz')[:6000]
xt = idx(data + '/t10k-images-idx3-ubyte.gz').reshape(-1, 784) / 255.0
yt = idx(data + '/t10k-labels-idx1-ubyte.gz')
gx = np.concatenate([tifffile.imread(f'{gen}/{n}.tif').reshape(-1, 784) / 255.0 for n in NAMES])
gy = np.repeat(np.arange(10), len(gx) // 10)
for name, extra in (('10 real per class', False), ('10 real + 100 generated per class', True)):
    scores = []
    for d in range(5):
        rng = np.random.RandomState(d)
        pick = np.concatenate([rng.choice(np.where(y == c)[0], 10, replace=False) for c in range(10)])
        xs, ys = x[pick], y[pick]
        if extra:
            xs, ys = np.concatenate([xs, gx]), np.concatenate([ys, gy])
        s = StandardScaler().fit(xs)
        clf = LogisticRegression(C=1.0, max_iter=2000).fit(s.transform(xs), ys)
        scores.append((clf.predict(s.transform(xt)) == yt).mean() * 100)
    print(f'{name:36s} {np.mean(scores):5.1f} +- {np.std(scores):3.1f} %')
