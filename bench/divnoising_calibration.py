"""Calibration of DivNoising's spread on W2S (issue 27): for each MMSE result NAME.tif in RES with its NAME-spread.tif,
the least-squares affine fit of the MMSE to the same-named ground truth in GT (as psnr_aff.py scores it) maps the
spread into ground-truth units (times |a|); the errors of the fitted MMSE are then pooled over all images and grouped
into 15 bins of equal counts by predicted spread (issue 27: about 15 bins). Per bin: the mean predicted spread beside the observed RMSE (a
calibrated spread has ratio 1), and the share of pixels whose error lies inside the central 90 % interval of a
Gaussian of that spread (+-1.645 spread; calibrated: 0.90). The ground truth is a 400-frame average, so its own noise
(about 1/20 of a frame's) adds slightly to the observed errors. Targets: in every bin (each holds 1/15 of the pixels) the
ratio within 25 % of 1 (0.80-1.25 as observed/predicted), overall 90 % coverage 0.85-0.95. With SCALE (the model's
fitted spread scale, `info`), the same for the raw, uncalibrated sample spread (spread / SCALE).
Usage: divnoising_calibration.py GT_DIR RES_DIR [SCALE]"""
import sys, os, glob, numpy as np, tifffile
from PIL import Image
def load(p):
    return (tifffile.imread(p) if p.lower().endswith(('.tif', '.tiff')) else np.array(Image.open(p).convert('L'))).astype(np.float64)
gt, res = sys.argv[1], sys.argv[2]; errs, sds = [], []
for g in sorted(glob.glob(gt + '/*')):
    b = os.path.splitext(os.path.basename(g))[0]
    m, s = res + '/' + b + '.tif', res + '/' + b + '-spread.tif'
    if not (os.path.exists(m) and os.path.exists(s)): print('missing', b); sys.exit(1)
    y = load(g); x = np.squeeze(load(m)); sd = np.squeeze(load(s))
    A = np.stack([x.ravel(), np.ones(x.size)], 1); a, c = np.linalg.lstsq(A, y.ravel(), rcond=None)[0]
    errs.append((y - (a * x + c)).ravel()); sds.append(abs(a) * sd.ravel())
e, spread = np.concatenate(errs), np.concatenate(sds)
def report(s, label):
    order = np.argsort(s, kind='stable'); bins = np.array_split(order, 15); within = 0
    print(f'## {label}')
    print('bin  predicted-spread  observed-RMSE  ratio  90%-coverage')
    for i, idx in enumerate(bins):
        ps, rm = float(np.sqrt(np.mean(s[idx] ** 2))), float(np.sqrt(np.mean(e[idx] ** 2)))
        ratio = rm / ps if ps > 0 else float('nan'); within += 0.8 <= ratio <= 1.25
        cov = float(np.mean(np.abs(e[idx]) <= 1.645 * s[idx]))
        print(f'{i + 1:3d}  {ps:16.3f}  {rm:13.3f}  {ratio:5.2f}  {cov:12.3f}')
    ps, rm = float(np.sqrt(np.mean(s ** 2))), float(np.sqrt(np.mean(e ** 2)))
    print(f'all: predicted spread {ps:.3f}, observed RMSE {rm:.3f}, ratio {rm / ps if ps > 0 else float("nan"):.2f}, '
          f'90% coverage {float(np.mean(np.abs(e) <= 1.645 * s)):.3f}, bins within 25 %: {within} of 15, pixels {e.size}')
report(spread, 'calibrated spread (as denoise writes it)')
if len(sys.argv) > 3: report(spread / float(sys.argv[3]), f'raw sample spread (calibrated / scale {sys.argv[3]})')
