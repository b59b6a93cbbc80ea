#!/usr/bin/python3
# Issue 15 benchmarks, evaluation half: reads what AutoencoderFeaturesBenchmark wrote and prints
#  - codes for classifiers: logistic regression (C = 1, standardised features) on 10 and 100 labelled images per class
#    drawn from the first 6,000 Fashion-MNIST training images (5 draws), scored on the 10,000 test images, for raw
#    pixels and for each model's codes;
#  - linear = PCA: the largest principal angle between the linear autoencoder's decoder columns and the top-k principal
#    subspace of the 60,000 training images, and PCA's own test squared error per image with k components.
# Needs Debian's python3-sklearn and numpy (apt-get install python3-sklearn).
# Usage: autoencoder_features.py FASHION_DIR OUT_DIR NAME...
import gzip, sys
import numpy as np
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler


def idx(path):
    with gzip.open(path, 'rb') as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(dims)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


def accuracy(xtr, ytr, xte, yte, per_class, draws=5):
    scores = []
    for d in range(draws):
        rng = np.random.RandomState(d)
        pick = np.concatenate([rng.choice(np.where(ytr == c)[0], per_class, replace=False) for c in range(10)])
        scaler = StandardScaler().fit(xtr[pick])
        clf = LogisticRegression(C=1.0, max_iter=2000).fit(scaler.transform(xtr[pick]), ytr[pick])
        scores.append((clf.predict(scaler.transform(xte)) == yte).mean())
    return 100 * np.mean(scores), 100 * np.std(scores)


def main():
    data, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
    xtrain = idx(data + '/train-images-idx3-ubyte.gz').reshape(-1, 784) / 255.0
    ytrain = idx(data + '/train-labels-idx1-ubyte.gz')
    xtest = idx(data + '/t10k-images-idx3-ubyte.gz').reshape(-1, 784) / 255.0
    ytest = idx(data + '/t10k-labels-idx1-ubyte.gz')
    ytr = ytrain[:6000]
    print('features            10/class        100/class')
    for name in ['raw pixels'] + names:
        if name == 'raw pixels':
            ftr, fte = xtrain[:6000], xtest
        else:
            ftr = np.loadtxt(f'{out}/{name}-train6000.csv', delimiter=',', ndmin=2)
            fte = np.loadtxt(f'{out}/{name}-test.csv', delimiter=',', ndmin=2)
        a10, s10 = accuracy(ftr, ytr, fte, ytest, 10)
        a100, s100 = accuracy(ftr, ytr, fte, ytest, 100)
        print(f'{name:18s} {a10:5.1f} +- {s10:3.1f}    {a100:5.1f} +- {s100:3.1f}', flush=True)
        if name != 'raw pixels' and ftr.shape[1] >= 32:
            # whitened codes: PCA with unit variances fitted on the 6,000 training codes (no labels used), so that
            # the classifier's L2 penalty treats every direction of the code alike (directions without variance dropped)
            white = PCA(n_components=0.99999, svd_solver='full', whiten=True).fit(ftr)  # dead units dropped
            a10, s10 = accuracy(white.transform(ftr), ytr, white.transform(fte), ytest, 10)
            a100, s100 = accuracy(white.transform(ftr), ytr, white.transform(fte), ytest, 100)
            print(f'{name + " whitened":18s} {a10:5.1f} +- {s10:3.1f}    {a100:5.1f} +- {s100:3.1f}', flush=True)
    for name in names:
        try:
            cols = np.loadtxt(f'{out}/{name}-decoder.csv', delimiter=',', ndmin=2)
        except OSError:
            continue
        k = cols.shape[0]
        pca = PCA(n_components=k).fit(xtrain)
        qa, _ = np.linalg.qr(cols.T)
        qb, _ = np.linalg.qr(pca.components_.T)
        cosines = np.linalg.svd(qa.T @ qb, compute_uv=False)
        angle = np.arccos(np.clip(cosines.min(), -1, 1))
        rec = pca.inverse_transform(pca.transform(xtest))
        err = ((rec - xtest) ** 2).sum(axis=1).mean()
        print(f'{name}: largest principal angle to the top-{k} PCA subspace {angle:.4f} rad; '
              f'PCA test squared error per image {err:.3f}')


main()
