"""How much of a W2S noisy frame's difference from its 400-frame average is noise, and how much is a structured
difference (bleaching, drift, focus) that no single-frame denoiser can remove (issue 13's pairs target).

For each image: the average is fitted to the frame by least squares (frame = a * average + b; the frame's noise is
independent of the average, so the fit is unbiased), the frame is mapped back to the average's units, and the residual
r = frame' - average is averaged over k x k blocks. For pixel-independent noise var(block means) * k^2 / var(r) is 1
at every k; a structured difference makes it grow with k. The block-mean variance beyond the noise's share,
var(block means) - var(r) / k^2, estimates the energy of the structured difference at scales of k pixels and more (in
grey levels^2 of the average, mean over images): compare it with a denoiser's mean squared error (32.76 dB PSNR_aff
is 34 grey levels^2 for a range of 255).
Usage: /usr/bin/python3 bench/w2s-residual.py W2S_DIR FIRST_FIELD LAST_FIELD   (W2S_DIR holds noisy/ and gt/)"""
import sys
import numpy as np
from PIL import Image

root, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ks = (2, 4, 8, 16)
for c in range(3):
    ratios, noise, excess = [], [], []
    for f in range(first, last + 1):
        n = np.array(Image.open(f'{root}/noisy/{f:03d}_{c}.png').convert('L')).astype(float)
        g = np.array(Image.open(f'{root}/gt/{f:03d}_{c}.png').convert('L')).astype(float)
        a, b = np.linalg.lstsq(np.stack([g.ravel(), np.ones(g.size)], 1), n.ravel(), rcond=None)[0]
        r = (n - b) / a - g
        v = r.var()
        row, ex = [], []
        for k in ks:
            h, w = r.shape[0] // k, r.shape[1] // k
            m = r[:h * k, :w * k].reshape(h, k, w, k).mean((1, 3))
            row.append(m.var() * k * k / v)
            ex.append(m.var() - v / (k * k))
        ratios.append(row)
        noise.append(v)
        excess.append(ex)
    print(f'channel {c}: {len(noise)} images, noise std {np.sqrt(np.mean(noise)):.1f} grey levels of the average; '
          f'block-mean variance / white-noise share at k = {", ".join(map(str, ks))}: '
          f'{" / ".join(f"{x:.3f}" for x in np.mean(ratios, 0))}; beyond the noise (grey levels^2): '
          f'{" / ".join(f"{x:.1f}" for x in np.mean(excess, 0))}')
