#!/usr/bin/env python3
"""PyTorch speed baseline for the denoiser benchmark: the same 2-level U-Net as the Java/TensorFlow implementation.

Run with the system Python and the Debian package python3-torch:

    /usr/bin/python3 bench/pytorch_unet.py [--threads 2] > bench/results/pytorch_unet.json

Network (NCHW, 1 input channel): U-Net depth D=2, base filters F=32, LeakyReLU(0.1) after every 3x3 conv (padding 1,
with bias). Encoder level l (f=F*2^l): conv(in->f), conv(f->f) -> skip; maxpool 2x2. Bottleneck: conv(in->F*2^D),
conv(->F*2^D). Decoder l=D-1..0: nearest upsample x2, conv(in->f)+leaky, concat [x, skip], conv(2f->f), conv(f->f).
Output: 1x1 conv (f->1) with bias, no activation, added to the input (residual).

Measures (a) training ms/step (batch 16 of 64x64, MSE, Adam lr 1e-3; 5 warm-up steps, mean of 20), (b) inference
s per 1024x1024 image (no_grad; 1 warm-up, mean of 3), (c) peak RSS of a 4096x4096 inference (in one piece, or in
1024x1024 tiles if one piece does not fit in memory). The *_other_load_cores fields give the mean number of CPU
cores other processes used during (a) and (b): figures measured with another job running are not comparable. Progress goes to stderr; the last stdout line is the JSON result.
"""
import argparse
import json
import os
import platform
import resource
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def log(msg):
    print(msg, file=sys.stderr, flush=True)


class UNet(nn.Module):
    def __init__(self, depth=2, base=32, alpha=0.1):
        super().__init__()
        self.depth, self.alpha = depth, alpha
        conv = lambda i, o: nn.Conv2d(i, o, 3, padding=1, bias=True)
        self.enc = nn.ModuleList()
        c = 1
        for l in range(depth):
            f = base * 2 ** l
            self.enc.append(nn.ModuleList([conv(c, f), conv(f, f)]))
            c = f
        fb = base * 2 ** depth
        self.bottleneck = nn.ModuleList([conv(c, fb), conv(fb, fb)])
        c = fb
        self.dec = nn.ModuleList()
        for l in reversed(range(depth)):
            f = base * 2 ** l
            self.dec.append(nn.ModuleList([conv(c, f), conv(2 * f, f), conv(f, f)]))
            c = f
        self.out = nn.Conv2d(c, 1, 1, bias=True)

    def act(self, x):
        return F.leaky_relu(x, self.alpha)

    def forward(self, inp):
        x = inp
        skips = []
        for c1, c2 in self.enc:
            x = self.act(c2(self.act(c1(x))))
            skips.append(x)
            x = F.max_pool2d(x, 2)
        c1, c2 = self.bottleneck
        x = self.act(c2(self.act(c1(x))))
        for (up, c1, c2), skip in zip(self.dec, reversed(skips)):
            x = F.interpolate(x, scale_factor=2, mode="nearest")
            x = self.act(up(x))
            x = torch.cat([x, skip], dim=1)
            x = self.act(c2(self.act(c1(x))))
        return inp + self.out(x)


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # ru_maxrss is KiB on Linux


class OtherLoad:
    """Mean number of CPU cores used by *other* processes over an interval (machine busy time from /proc/stat minus
    this process's CPU time), to flag measurements disturbed by concurrent work on a shared machine."""

    def __init__(self):
        self.t0, self.m0, self.s0 = time.perf_counter(), self._machine_busy_s(), self._self_s()

    @staticmethod
    def _machine_busy_s():
        try:
            with open("/proc/stat") as f:
                v = [int(x) for x in f.readline().split()[1:]]
            return (sum(v[:8]) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")  # all but idle and iowait
        except (OSError, ValueError):
            return None

    @staticmethod
    def _self_s():
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    def cores(self):
        m1 = self._machine_busy_s()
        if m1 is None or self.m0 is None:
            return None
        wall = time.perf_counter() - self.t0
        return round(max(0.0, (m1 - self.m0) - (self._self_s() - self.s0)) / wall, 2)


def mem_available_mib():
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--train-steps", type=int, default=20)
    ap.add_argument("--warmup-steps", type=int, default=5)
    ap.add_argument("--infer-size", type=int, default=1024)
    ap.add_argument("--infer-reps", type=int, default=3)
    ap.add_argument("--big-size", type=int, default=4096)
    ap.add_argument("--tile", type=int, default=1024)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = UNet()
    nparams = sum(p.numel() for p in model.parameters())
    log(f"torch {torch.__version__}, {args.threads} threads, {nparams} parameters")

    # (a) training
    batch, patch = 16, 64
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    clean = torch.rand(batch, 1, patch, patch)
    noisy = clean + 0.1 * torch.randn_like(clean)
    model.train()

    def step():
        opt.zero_grad(set_to_none=True)
        loss = F.mse_loss(model(noisy), clean)
        loss.backward()
        opt.step()
        return loss.item()

    for _ in range(args.warmup_steps):
        step()
    load = OtherLoad()
    t0 = time.perf_counter()
    for _ in range(args.train_steps):
        loss = step()
    train_s = (time.perf_counter() - t0) / args.train_steps
    train_other = load.cores()
    log(f"train: {train_s * 1e3:.1f} ms/step (loss {loss:.4f}; other processes used {train_other} cores)")

    # (b) inference on one image
    model.eval()
    n = args.infer_size
    img = torch.rand(1, 1, n, n)
    rss_before_infer = peak_rss_mib()
    with torch.no_grad():
        model(img)
        load = OtherLoad()
        t0 = time.perf_counter()
        for _ in range(args.infer_reps):
            model(img)
        infer_s = (time.perf_counter() - t0) / args.infer_reps
        infer_other = load.cores()
    del img
    log(f"inference {n}x{n}: {infer_s:.3f} s (other processes used {infer_other} cores)")
    rss_before_big = peak_rss_mib()

    # (c) peak RSS for a big image: in one piece if the estimated working set fits, else in tiles.
    # Largest live activations: the level-0 conv outputs at full size, 32 ch, plus the 64 ch concat; roughly
    # (32 + 32 + 64 + 32) float32 planes of the full image at once in no_grad mode.
    big = args.big_size
    # Also scale up what the 1024x1024 inference added to the peak RSS, whichever is larger.
    est_mib = max(big * big * 4 * 160 / 2 ** 20, (rss_before_big - rss_before_infer) * (big / n) ** 2)
    avail = mem_available_mib()
    one_piece = avail is None or est_mib < 0.7 * avail
    x = torch.rand(1, 1, big, big)
    t0 = time.perf_counter()
    with torch.no_grad():
        if one_piece:
            try:
                y = model(x)
                mode = "one piece"
            except RuntimeError as e:  # allocation failure
                log(f"one-piece inference failed ({e}); falling back to tiles")
                one_piece = False
        if not one_piece:
            # Non-overlapping tiles (the network is translation-equivariant except at borders; this measures memory).
            y = torch.empty_like(x)
            t = args.tile
            for i in range(0, big, t):
                for j in range(0, big, t):
                    y[..., i:i + t, j:j + t] = model(x[..., i:i + t, j:j + t])
            mode = f"tiled {t}x{t}"
    big_s = time.perf_counter() - t0
    big_rss = peak_rss_mib()
    log(f"big {big}x{big} ({mode}): {big_s:.1f} s, peak RSS {big_rss:.0f} MiB "
        f"(estimate {est_mib:.0f} MiB, available {avail} MiB)")

    result = {
        "framework": "pytorch",
        "torch_version": torch.__version__,
        "python": platform.python_version(),
        "threads": args.threads,
        "cpu_count": os.cpu_count(),
        "network": "unet depth=2 base=32 leaky=0.1 residual",
        "parameters": nparams,
        "train_batch": batch,
        "train_patch": patch,
        "train_ms_per_step": round(train_s * 1e3, 2),
        "train_patch_pixels_per_s": round(batch * patch * patch / train_s),
        "train_other_load_cores": train_other,
        "infer_size": n,
        "infer_s_per_image": round(infer_s, 4),
        "infer_megapixels_per_s": round(n * n / infer_s / 1e6, 3),
        "infer_other_load_cores": infer_other,
        "peak_rss_mib_before_big": round(rss_before_big, 1),
        "big_estimate_mib": round(est_mib),
        "big_size": big,
        "big_mode": mode,
        "big_s": round(big_s, 2),
        "big_peak_rss_mib": round(big_rss, 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
