#!/usr/bin/env bash
# Denoiser quality benchmark (issue 2): train on Train400 with a CPU time budget, evaluate on Set12.
# Usage: bench/denoise-quality.sh [MINUTES] [NOISE] [NAME]   (defaults: 15 gaussian:25 sigma25)
#   EVAL_SIGMAS="15 25 50" (default: the trained sigma, or all three for a blind range), EXTRA_TRAIN_ARGS="..."
#   Each evaluation is printed plain and with --ensemble (8 flips/rotations averaged).
# Results: bench/out/<NAME>.aemodel and bench/results/denoise-quality-<NAME>.txt
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
MINUTES="${1:-15}"
NOISE="${2:-gaussian:25}"
NAME="${3:-sigma25}"
SIGMA="${NOISE#gaussian:}"
case "$SIGMA" in *-*) DEFAULT_EVAL="15 25 50" ;; *) DEFAULT_EVAL="$SIGMA" ;; esac
EVAL_SIGMAS="${EVAL_SIGMAS:-$DEFAULT_EVAL}"
DATA="${SHARED_DATA:-$ROOT/../shared/data}/denoise"
mkdir -p bench/out bench/results
OUT="bench/results/denoise-quality-$NAME.txt"
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
  echo "# train-denoiser --noise $NOISE --minutes $MINUTES ${EXTRA_TRAIN_ARGS:-} on $DATA/train"
  bin/fiji-ae train-denoiser --clean "$DATA/train" --noise "$NOISE" --minutes "$MINUTES" --epochs 1000 \
    --out "bench/out/$NAME.aemodel" ${EXTRA_TRAIN_ARGS:-}
  for s in $EVAL_SIGMAS; do
    echo "## evaluate on Set12 at gaussian:$s"
    bin/fiji-ae evaluate --model "bench/out/$NAME.aemodel" --clean "$DATA/val" --noise "gaussian:$s" --seed 1
    echo "## evaluate on Set12 at gaussian:$s with --ensemble"
    bin/fiji-ae evaluate --model "bench/out/$NAME.aemodel" --clean "$DATA/val" --noise "gaussian:$s" --seed 1 --ensemble
  done
} 2>&1 | tee "$OUT"
