#!/usr/bin/env bash
# Self-supervised denoising benchmark (issue 13): Noise2Void and Neighbor2Neighbor trained on noisy copies of Train400
# (Gaussian sigma 25, noise seed 0; the trainer never sees a clean image, see bench Noise2VoidBenchmark), scored on
# Set12 at sigma 25 with noise seed 1, beside the supervised figures of bench/denoise-quality.sh.
# Usage: bench/n2v.sh NAME MINUTES [key=value ...]   (keys are the macro keys of Train denoiser, e.g.
#   mask_percent=5 mask_replacement=mean no_n2v2=true structn2v=x noisy_method=neighbor2neighbor batch_size=16)
#   ENSEMBLE=1 also evaluates with --ensemble (8 flips/rotations averaged).
# The classes are copied first, so that a run waiting for the lock is not changed by later builds; training and
# evaluation hold /tmp/bench.lock (shared by every timed benchmark); load and CPU time are recorded.
# Results: bench/out/n2v-NAME.aemodel and bench/results/n2v-NAME.txt
source "$(dirname "$0")/common.sh"
NAME="$1"; MINUTES="$2"; shift 2
DATA="$DATA_ROOT/denoise"
MODEL="bench/out/n2v-$NAME.aemodel"
OUT="bench/results/n2v-$NAME.txt"
SNAP="bench/out/classes-n2v-$NAME"
rm -rf "$SNAP" && mkdir -p "$SNAP" && cp -r target/classes target/test-classes "$SNAP/"
export FIJI_AE_CLASSPATH="$SNAP/test-classes:$SNAP/classes:$(cat target/classpath.txt)"
export DATA MODEL MINUTES
# BENCH_LOCK_HELD=1: the caller holds the lock already (several runs back to back, see bench/n2v-final.sh)
LOCK=(flock /tmp/bench.lock)
[ -n "${BENCH_LOCK_HELD:-}" ] && LOCK=()
"${LOCK[@]}" bash -c '
  set -euo pipefail
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2 | xargs))"
  echo "# Noise2VoidBenchmark $DATA/train (noisy copies, gaussian:25, seed 0), $MINUTES min, settings: $*"
  echo "# load before: $(uptime)"
  /usr/bin/time -f "# training CPU: %U s user, %S s system, %e s wall" java -Xmx4g -cp "$FIJI_AE_CLASSPATH" \
    sc.fiji.autoencoders.bench.Noise2VoidBenchmark "$DATA/train" "$MODEL" "$MINUTES" "$@"
  echo "# load after training: $(uptime)"
  echo "## evaluate on Set12 at gaussian:25 (seed 1)"
  bin/fiji-ae evaluate --model "$MODEL" --clean "$DATA/val" --noise gaussian:25 --seed 1
  if [ -n "${ENSEMBLE:-}" ]; then
    echo "## evaluate on Set12 at gaussian:25 (seed 1) with --ensemble"
    bin/fiji-ae evaluate --model "$MODEL" --clean "$DATA/val" --noise gaussian:25 --seed 1 --ensemble
  fi
  echo "# load after: $(uptime)"
' bash "$@" 2>&1 | grep -a --line-buffered -v -E '^[IW][0-9]{4} [0-9:.]+ +[0-9]+ [^ ]+:[0-9]+\] |^WARNING: All log messages before absl' | tee "$OUT"
rm -rf "$SNAP"
