#!/usr/bin/env bash
# DivNoising's cost of samples (issue 27): for one W2S image (held-out field 041, channel 0, against its 400-frame
# average), `denoise --samples K --seed 1` for K = 1 ... 1000 with a trained DivNoising model: the MMSE's PSNR after an
# affine fit, and the time of the K samples (the log line, without the JVM start). Reports the smallest K whose MMSE
# is within 0.1 dB of K = 1000.
# Usage: bench/divnoising-k.sh MODEL [IMAGE]   (MODEL: e.g. bench/out/divnoising-w2s-10min-f41-50-k100/divnoising.aemodel)
# KS (default "1 4 16 32 64 100 200 1000"). Runs under /tmp/bench.lock. Results: bench/results/divnoising-k.txt
source "$(dirname "$0")/common.sh"
MODEL="$1"
IMAGE="${2:-041_0}"
KS="${KS:-1 4 16 32 64 100 200 1000}"
W2S="$DATA_ROOT/microscopy/w2s-train"
DIR="bench/out/divnoising-k"
OUT="bench/results/divnoising-k.txt"
rm -rf "$DIR"; mkdir -p "$DIR/in" "$DIR/gt"
ln -s "$(readlink -f "$W2S/noisy/$IMAGE.png")" "$DIR/in/"
ln -s "$(readlink -f "$W2S/gt/$IMAGE.png")" "$DIR/gt/"
(
  flock 9
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores; W2S $IMAGE ($(/usr/bin/python3 -c "from PIL import Image; print('x'.join(map(str, Image.open('$DIR/in/$IMAGE.png').size)))")); model $MODEL; git $(git rev-parse --short HEAD)"
  echo "# load before: $(uptime | sed 's/.*load average/load average/')"
  for k in $KS; do
    line=$(bin/fiji-ae denoise --model "$MODEL" --input "$DIR/in" --output "$DIR/k$k" --samples "$k" --seed 1 | grep -E '^\[1/1\]')
    rm -f "$DIR/k$k/$IMAGE-spread.tif"
    psnr=$(/usr/bin/python3 "$ROOT/../shared/bench/psnr_aff.py" "$DIR/gt" "$DIR/k$k" | tail -n 1)
    echo "K=$k: $psnr; $(echo "$line" | grep -oE '[0-9.]+ s\)$' | tr -d ')')"
  done
) 9>/tmp/bench.lock | tee "$OUT"
/usr/bin/python3 - "$OUT" <<'PY' | tee -a "$OUT"
import re, sys
psnr = {int(m.group(1)): float(m.group(2)) for m in re.finditer(r'^K=(\d+): mean PSNR_aff ([\d.]+)', open(sys.argv[1]).read(), re.M)}
ref = psnr.get(max(psnr))
print(f"smallest K within 0.1 dB of K={max(psnr)} ({ref} dB): {min(k for k, p in psnr.items() if p >= ref - 0.1)}")
PY
