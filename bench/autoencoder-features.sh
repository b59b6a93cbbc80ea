#!/usr/bin/env bash
# Issue 15 benchmarks on Fashion-MNIST: feature autoencoders (linear = PCA; sparse and contractive over weights against
# plain; codes for classifiers with 10 and 100 labels per class). Each training holds /tmp/bench.lock (other timed
# benchmarks share the machine) and runs at normal priority; uptime before and after goes to the result file.
# Evaluation: bench/autoencoder_features.py (Debian's python3-sklearn). Results: bench/results/autoencoder-features.txt
source "$(dirname "$0")/common.sh"
DATA="$DATA_ROOT/fashion-mnist"
OUT=bench/out/autoencoder-features
RESULT=bench/results/autoencoder-features.txt
# a tagged set has its own output folder, so that two sets waiting for the lock do not share class snapshots
if [ $# -gt 1 ]; then OUT="$OUT-$1"; fi
mkdir -p "$OUT"
rm -f "$OUT/measures.txt"
# a snapshot of the classes, so that rebuilding the project while the runs wait for the lock cannot change them
rm -rf "$OUT/classes" && mkdir -p "$OUT/classes" && cp -r target/classes target/test-classes "$OUT/classes/"
CP="$OUT/classes/test-classes:$OUT/classes/classes:$(cat target/classpath.txt)"
EPOCHS="${EPOCHS:-1}"
# name kind weight code epochs learning-rate [corruption: none, mask:F, pixels:F, noise:S [seed, 42 unless given]]
RUNS=(
  "linear16 linear 0 16 20 0.01"
  "plain16 none 0 16 $EPOCHS 0.003"
  "contractive16-1 contractive 1 16 $EPOCHS 0.003"
  "plain64 none 0 64 $EPOCHS 0.003"
  "sparse64-0.01 sparse 0.01 64 $EPOCHS 0.003"
  # codes for classifiers, second attempt (the first is the 64-number codes above): a VAE's 64 latent means
  "vae64 vae 1 64 3 0.003"
)
# other runs: bench/autoencoder-features.sh TAG "name kind weight code epochs learning-rate [corruption [seed]]"... (results to
# bench/results/autoencoder-features-TAG.txt)
if [ $# -gt 1 ]; then RESULT="bench/results/autoencoder-features-$1.txt"; shift; RUNS=("$@"); fi
train() { # name kind weight code epochs learning-rate [corruption [seed]]
  echo "uptime before $1: $(uptime)"
  java -Xmx6g ${JAVA_OPTS:-} -Djava.awt.headless=true -cp "$CP" sc.fiji.autoencoders.bench.AutoencoderFeaturesBenchmark \
    "$DATA" "$OUT" "$1" "$2" "$3" "$4" "$5" 0 "$6" "${7:-none}" "${8:-42}" 2>&1 | grep -v '^I0000\|^WARNING: All log\|^20..-..-\|^To enable the following'
  echo "uptime after $1: $(uptime)"
}
export -f train
export CP DATA OUT
{
  echo "# $(date -u +%FT%TZ) $(uname -n), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  # one lock for the whole set: the runs are compared with each other, so none may overlap another benchmark
  flock /tmp/bench.lock bash -c 'for run in "$@"; do train $run; done' _ "${RUNS[@]}"
  names=()
  for run in "${RUNS[@]}"; do set -- $run; names+=("$1"); done
  /usr/bin/python3 bench/autoencoder_features.py "$DATA" "$OUT" "${names[@]}"
} 2>&1 | tee "$RESULT"
