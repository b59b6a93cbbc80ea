#!/usr/bin/env bash
# Short screening run for choosing a denoiser configuration (issue 2): train on Train400 for a few minutes, then
# evaluate on Set12 without the ensemble. Appends one line per run to bench/results/screen.txt.
# Usage: bench/screen.sh NAME SIGMA MINUTES [train-denoiser options...]
#   e.g. bench/screen.sh d4-b8 50 5 --depth 4 --batch 8
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
NAME="$1"; SIGMA="$2"; MINUTES="$3"; shift 3
DATA="${SHARED_DATA:-$ROOT/../shared/data}/denoise"
mkdir -p bench/out bench/results
LOG="bench/results/screen-$NAME.log"
bin/fiji-ae train-denoiser --clean "$DATA/train" --noise "gaussian:$SIGMA" --minutes "$MINUTES" --epochs 1000 \
  --out "bench/out/screen-$NAME.aemodel" "$@" >"$LOG" 2>&1 || { tail -3 "$LOG"; exit 1; }
bin/fiji-ae evaluate --model "bench/out/screen-$NAME.aemodel" --clean "$DATA/val" --noise "gaussian:$SIGMA" \
  --seed 1 >>"$LOG" 2>&1
STEPS="$(grep -o 'trained [0-9]* epochs / [0-9]* steps' "$LOG" | awk '{print $5}')"
PSNR="$(grep '^mean over' "$LOG" | sed 's/.*denoised PSNR \([0-9.]*\) dB.*/\1/')"
RESTARTS="$(grep -c 'diverged: restarted' "$LOG" || true)"
LINE="$(date -u +%Y-%m-%dT%H:%MZ) $NAME sigma $SIGMA, $MINUTES min, options: $*; steps $STEPS, restarts $RESTARTS, Set12 PSNR $PSNR"
echo "$LINE" | tee -a bench/results/screen.txt
