#!/usr/bin/env bash
# VAE benchmark (issue 3): full Fashion-MNIST, latent 16, conv 32/64 stride 2; test negative ELBO after 3 and 10
# epochs, throughput beside the raw graph, 64 samples to docs/vae-samples.png.
source "$(dirname "$0")/common.sh"
DATA="$DATA_ROOT/fashion-mnist"
java -Xmx6g ${JAVA_OPTS:-} -Djava.awt.headless=true -cp "$CP" sc.fiji.autoencoders.bench.VaeBenchmark "$DATA" "${1:-10}" \
  docs/vae-samples.png 2>&1 | grep -v '^I0000\|^WARNING: All log' | tee bench/results/vae-fashion-mnist.txt
