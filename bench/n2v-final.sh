#!/usr/bin/env bash
# The Noise2Void runs of issue 13's final benchmark, back to back under one hold of /tmp/bench.lock: structN2V (x) on
# pixel-independent noise for 5 minutes (against the 5-minute N2V2 screen, what the line mask costs), then the best
# Noise2Void configuration (N2V2, 5 % masked pixels) for MINUTES (default 30), evaluated plain and with --ensemble.
# Usage: bench/n2v-final.sh [MINUTES]
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-30}"
flock /tmp/bench.lock bash -c "
  BENCH_LOCK_HELD=1 bench/n2v.sh n2v2-mask5-structn2v-x 5 noisy_method=noise2void mask_percent=5 structn2v=x
  BENCH_LOCK_HELD=1 ENSEMBLE=1 bench/n2v.sh n2v2-mask5-${MINUTES}min $MINUTES noisy_method=noise2void mask_percent=5
"
