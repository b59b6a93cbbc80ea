#!/usr/bin/env bash
# Speed benchmarks, side by side in one run: denoiser training and prediction (plugin vs raw TF graph vs PyTorch),
# peak RSS of a 4096x4096 prediction, and the VAE's raw-graph throughput. Results: bench/results/speed-*.json
source "$(dirname "$0")/common.sh"
J="java -Xmx4g -Djava.awt.headless=true -cp $CP"
OUT=bench/results/speed-$(date -u +%Y%m%d).jsonl
: > "$OUT"
$J sc.fiji.autoencoders.bench.DenoiserSpeedBenchmark train | grep '^{' | tee -a "$OUT"
$J sc.fiji.autoencoders.bench.DenoiserSpeedBenchmark predict | grep '^{' | tee -a "$OUT"
$J sc.fiji.autoencoders.bench.DenoiserSpeedBenchmark memory 4096 | grep '^{' | tee -a "$OUT"
if [ "${SKIP_TORCH:-0}" != 1 ] && /usr/bin/python3 -c "import torch" 2>/dev/null; then
  /usr/bin/python3 bench/pytorch_unet.py ${TORCH_ARGS:-} | grep '^{' | tee -a "$OUT"
fi
echo "results in $OUT"
