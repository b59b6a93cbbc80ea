"""BM3D on the W2S held-out fields: the classic filter the W2S authors compare deep denoisers with (their notebook
code/denoise/visualization.ipynb, raw frames: VST+BM3D 37.80 dB, DnCNN 38.20, MemNet 38.25, RIDNet 37.82).
Runs an external BM3D executable with the IPOL command line `bm3d INPUT SIGMA OUTPUT.npy` (Lebrun's implementation;
not part of this repository, which neither ships nor builds it) in two ways:
  blind  BM3D on the 8-bit frame with sigma = k * skimage estimate_sigma (k chosen on training fields);
  vst    generalized Anscombe transform with each image's Poisson-Gaussian parameters (var = a*mean + b) fitted
         against its ground truth (an oracle: the most BM3D can get from a VST), BM3D at the stabilized sigma times k,
         algebraic inverse.
Writes RES/bm3d-<way>/<name>.tif for psnr_aff.py and prints the factor grid on the training fields.
Usage: w2s-bm3d.py BM3D_EXE W2S_DIR RES_DIR [TRAIN_FIELDS=1-4] [TEST_FIELDS=41-80]"""
import sys, os, subprocess, tempfile, numpy as np, tifffile
from PIL import Image
from skimage.restoration import estimate_sigma

exe, w2s, res = sys.argv[1], sys.argv[2], sys.argv[3]
rng = lambda s: range(int(s.split('-')[0]), int(s.split('-')[1]) + 1)
train = rng(sys.argv[4] if len(sys.argv) > 4 else '1-4')
test = rng(sys.argv[5] if len(sys.argv) > 5 else '41-80')
tmp = tempfile.mkdtemp()

def load(kind, f, c):
    return np.array(Image.open('%s/%s/%03d_%d.png' % (w2s, kind, f, c)).convert('L')).astype(np.float64)

def fit(x, y):  # a * x + b closest to y (least squares)
    A = np.stack([x.ravel(), np.ones(x.size)], 1)
    return (A @ np.linalg.lstsq(A, y.ravel(), rcond=None)[0]).reshape(y.shape)

def psnr_aff(x, y):  # as ../shared/bench/psnr_aff.py
    return 10 * np.log10((y.max() - y.min()) ** 2 / np.mean((fit(x, y) - y) ** 2))

def bm3d(x, sigma):
    tifffile.imwrite(tmp + '/in.tif', x.astype(np.float32))
    subprocess.run([exe, tmp + '/in.tif', '%.6f' % sigma, tmp + '/out.npy'], check=True, stdout=subprocess.DEVNULL)
    return np.load(tmp + '/out.npy').squeeze().astype(np.float64)

def noise_params(x, gt):
    """Poisson-Gaussian var = a*mu + b of frame x, mu = the affine fit of the ground truth to x, by binned variances."""
    mu = fit(gt, x)
    r = (x - mu).ravel(); m = mu.ravel(); q = np.quantile(m, np.linspace(0, 1, 21))
    mids, vs = [], []
    for lo, hi in zip(q[:-1], q[1:]):
        s = (m >= lo) & (m <= hi)
        if s.sum() > 100: mids.append(m[s].mean()); vs.append(r[s].var())
    a, b = np.polyfit(mids, vs, 1)
    return max(a, 1e-6), b

def gat(x, a, b):  # generalized Anscombe: stabilizes var = a*mu + b to 1
    return 2 / a * np.sqrt(np.maximum(a * x + 3 / 8 * a * a + b, 0))

def gat_inv(z, a, b):
    return (np.maximum((a * z / 2) ** 2 - 3 / 8 * a * a - b, 0)) / a

def run(way, x, gt, k):
    if way == 'blind':
        return bm3d(x, k * 255 * float(estimate_sigma(x / 255)))
    a, b = noise_params(x, gt)
    z, s = gat(x, a, b), 25.0  # the stabilized noise (sigma 1) scaled to 25, where BM3D's defaults are tuned
    return gat_inv(bm3d(z * s, k * s) / s, a, b)

factors = {'blind': [4.0, 5.0, 6.0, 8.0], 'vst': [1.0, 1.5, 2.0, 3.0]}
for way, ks in factors.items():
    scores = {k: np.mean([psnr_aff(run(way, load('noisy', f, c), load('gt', f, c), k), load('gt', f, c))
                          for f in train for c in range(3)]) for k in ks}
    best = max(scores, key=scores.get)
    print('%s: training fields %d-%d, factor grid %s -> %s' % (way, train[0], train[-1],
          {k: round(v, 2) for k, v in scores.items()}, best), flush=True)
    os.makedirs('%s/bm3d-%s' % (res, way), exist_ok=True)
    out = []
    for f in test:
        for c in range(3):
            x, gt = load('noisy', f, c), load('gt', f, c)
            d = run(way, x, gt, best); out.append(psnr_aff(d, gt))
            tifffile.imwrite('%s/bm3d-%s/%03d_%d.tif' % (res, way, f, c), d.astype(np.float32))
    per = [round(float(np.mean(out[c::3])), 2) for c in range(3)]
    print('%s (factor %s): held-out fields %d-%d mean PSNR_aff %.2f, per channel %s' % (way, best, test[0], test[-1],
          np.mean(out), per), flush=True)
