#!/usr/bin/env bash
# DivNoising on synthetic, known noise (issue 27): Set12 at Gaussian sigma 25. Three models, each trained for MINUTES on
# Train400 in one run (alternating nothing: one after the other under /tmp/bench.lock, load recorded):
#   n2v          Noise2Void on noisy copies (sigma 25, seed 0; bench/n2v.sh)
#   divnoising   DivNoising on the same noisy copies with the known noise model gaussian:25
#   supervised   clean images plus gaussian:25 (the supervised denoiser)
# all scored by `evaluate --clean Set12 --noise gaussian:25 --seed 1` (DivNoising: the MMSE of its default 32 samples).
# Usage: bench/divnoising-set12.sh [MINUTES]. Results: bench/results/divnoising-set12-<MINUTES>min.txt (summary) and
# bench/results/n2v-set12-*.txt (each run's log).
source "$(dirname "$0")/common.sh"
MINUTES="${1:-10}"
DATA="$DATA_ROOT/denoise"
OUT="bench/results/divnoising-set12-${MINUTES}min.txt"
bash bench/n2v.sh "set12-n2v-${MINUTES}min" "$MINUTES" > /dev/null
bash bench/n2v.sh "set12-divnoising-${MINUTES}min" "$MINUTES" noisy_method=divnoising noise_model=gaussian:25 > /dev/null
SUP="bench/results/n2v-set12-supervised-${MINUTES}min.txt"
(
  flock 9
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) supervised: train-denoiser --clean $DATA/train --noise gaussian:25 --minutes $MINUTES"
  echo "# load before: $(uptime)"
  bin/fiji-ae train-denoiser --clean "$DATA/train" --noise gaussian:25 --minutes "$MINUTES" \
    --out "bench/out/set12-supervised-${MINUTES}min.aemodel" | grep -v '^Epoch'
  bin/fiji-ae evaluate --model "bench/out/set12-supervised-${MINUTES}min.aemodel" --clean "$DATA/val" \
    --noise gaussian:25 --seed 1
) 9>/tmp/bench.lock > "$SUP" 2>&1
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores; Set12 at gaussian:25 (seed 1), $MINUTES min per model; git $(git rev-parse --short HEAD)"
  for m in n2v divnoising supervised; do
    f="bench/results/n2v-set12-$m-${MINUTES}min.txt"
    echo "$m: $(grep -m1 'load before' "$f" | sed 's/.*load average/load average/'); $(grep '^mean over' "$f" | tail -n 1)"
  done
} | tee "$OUT"
