#!/usr/bin/env bash
# Issue 6: does the isolated engine (own class loader for TensorFlow) cost anything? Trains the same short run with
# isolation forced on and off, alternating, and prints wall time per run (JVM start, class loading, training, saving).
# Usage: bench/isolation-speed.sh [ROUNDS] [STEPS]   (defaults 3 rounds of 100 steps, depth-3 U-Net, batch 16 of 64x64)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
ROUNDS="${1:-3}"
STEPS="${2:-100}"
DATA="${SHARED_DATA:-$ROOT/../shared/data}/denoise/train"
OUT="bench/results/isolation-speed.txt"
mkdir -p bench/out bench/results
bin/fiji-ae info --help >/dev/null 2>&1 || true # build first, outside the timings
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores; $ROUNDS rounds of $STEPS training steps, wall seconds per run"
  for r in $(seq "$ROUNDS"); do
    for mode in false true; do
      s=$(date +%s.%N)
      JAVA_OPTS="-Dfiji.ae.isolate=$mode" bin/fiji-ae train-denoiser --clean "$DATA" --noise gaussian:25 \
        --out "bench/out/isolation-$mode.aemodel" --depth 3 --epochs 1 --steps-per-epoch "$STEPS" >/dev/null 2>&1
      e=$(date +%s.%N)
      echo "isolate=$mode round $r: $(echo "$e - $s" | bc) s"
    done
  done
} | tee "$OUT"
awk '/isolate=false/ {f+=$NF; nf++} /isolate=true/ {t+=$NF; nt++}
  END {printf "mean direct %.2f s, isolated %.2f s, ratio %.3f\n", f/nf, t/nt, (t/nt)/(f/nf)}' \
  <(sed 's/ s$//' "$OUT") | tee -a "$OUT"
