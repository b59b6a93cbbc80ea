#!/usr/bin/env bash
# 3D training step time (issue 13), 3D convolutions as 2D convolutions over Z-shifted planes (before) against
# TensorFlow's Conv3D with the gradient registered from Java (model/Conv3dGradient), float32 and bfloat16, in one run.
# Usage: bench/conv3d-speed.sh [NAME [DEPTH FILTERS MAX_FILTERS PATCH PLANES BATCH ZPOOL ROUNDS STEPS]]
# Run it alone on the machine (other helpers: flock /tmp/bench.lock bench/conv3d-speed.sh). Results:
# bench/results/conv3d-speed-<NAME>.txt (JSON lines, with the load before and after).
source "$(dirname "$0")/common.sh"
NAME="${1:-default}"
shift || true
OUT="bench/results/conv3d-speed-$NAME.txt"
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
  echo "# load before: $(uptime | sed 's/.*load average: //')"
  java -Djava.awt.headless=true -cp "$CP" sc.fiji.autoencoders.bench.Conv3dSpeedBenchmark "$@" 2>&1 | grep '^{'
  echo "# load after: $(uptime | sed 's/.*load average: //')"
} | tee "$OUT"
