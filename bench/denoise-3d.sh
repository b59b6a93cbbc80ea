#!/usr/bin/env bash
# 3D benchmark (issue 13): a 3D network against slice-by-slice 2D at the same training time, on generated Z stacks
# whose structures extend over several planes (ellipsoids and filaments blurred by an anisotropic PSF, Poisson-Gaussian
# noise; see src/test/java/sc/fiji/autoencoders/bench/Volumes3D.java). Both train on the clean training stacks with the
# noise model (the mode both support); PSNR on held-out noisy stacks (other seeds) against their clean stacks.
# Usage: bench/denoise-3d.sh [MINUTES] [NAME]   (defaults: 10 3d; MINUTES per model)
#   NOISE (default poisson-gaussian:20,4), SIZE/DEPTH of the stacks (128/32), TRAIN/TEST stack counts (6/3),
#   ARGS_3D / ARGS_2D: extra train-denoiser options of each model (default none: each takes the defaults of its
#   --dims, the 3D ones being a smaller network on 16x48x48 patches), NETWORKS (default "3 2"; "3" for screening).
# Run it alone on the machine (others: flock /tmp/bench.lock bench/denoise-3d.sh ...); the load is recorded.
# Results: bench/results/denoise-3d-<NAME>.txt; data, models and outputs under bench/out/3d-<NAME>/
source "$(dirname "$0")/common.sh"
MINUTES="${1:-10}"
NAME="${2:-3d}"
J="java -Djava.awt.headless=true -cp $CP"
NOISE="${NOISE:-poisson-gaussian:20,4}"
SIZE="${SIZE:-128}"
DEPTH="${DEPTH:-32}"
TRAIN="${TRAIN:-6}"
TEST="${TEST:-3}"
NETWORKS="${NETWORKS:-3 2}"
ARGS_3D="${ARGS_3D:-}"
ARGS_2D="${ARGS_2D:-}"
OUT="bench/results/denoise-3d-$NAME.txt"
DIR="bench/out/3d-$NAME"
rm -rf "$DIR"
mkdir -p "$DIR"
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
  echo "# $TRAIN training and $TEST test stacks of ${SIZE}x${SIZE}x${DEPTH}, noise $NOISE, $MINUTES minutes per model"
  echo "# load before: $(uptime | sed 's/.*load average: //')"
  $J sc.fiji.autoencoders.bench.Volumes3D generate "$DIR/data" "$NOISE" "$TRAIN" "$TEST" "$SIZE" "$DEPTH"
  $J sc.fiji.autoencoders.bench.Volumes3D score "$DIR/data/test" "$DIR/data/test/noisy" noisy
  for dims in $NETWORKS; do
    if [ "$dims" = 3 ]; then extra="$ARGS_3D"; else extra="$ARGS_2D"; fi
    echo "## ${dims}D: train-denoiser --dims $dims $extra"
    bin/fiji-ae train-denoiser --clean "$DIR/data/train" --noise "$NOISE" --dims "$dims" --minutes "$MINUTES" \
      --epochs 1000 --out "$DIR/model-${dims}d.aemodel" $extra | grep -v '^Epoch' | tail -n 3
    bin/fiji-ae info --model "$DIR/model-${dims}d.aemodel" | grep -E 'architecture|best epoch|trained'
    start=$(date +%s.%N)
    bin/fiji-ae denoise --model "$DIR/model-${dims}d.aemodel" --input "$DIR/data/test/noisy" \
      --output "$DIR/denoised-${dims}d" >/dev/null
    echo "${dims}D denoising of the $TEST test stacks: $(echo "$(date +%s.%N) - $start" | bc) s (with JVM start)"
    $J sc.fiji.autoencoders.bench.Volumes3D score "$DIR/data/test" "$DIR/denoised-${dims}d" "${dims}D"
    echo "# load after ${dims}D: $(uptime | sed 's/.*load average: //')"
  done
} 2>&1 | tee "$OUT"
