# Sourced by bench/spark-*.sh (issue 26): stop on errors, work from the project root, build the plugin and the Spark
# module outside any timing, and make the noisy OME-Zarr volume (python-zarr writes it) unless it exists.
# Environment: Z, SIZE, CHUNK (volume Z x SIZE x SIZE, chunks 1 x CHUNK x CHUNK), MODEL (a denoiser; default the
# tests' 2D fixture, a small network: the figures are Spark's overhead and scaling, not a model's speed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mkdir -p bench/results bench/out
bin/fiji-ae --version >/dev/null # builds the plugin's jar and target/classpath.txt if needed
if [ ! -f spark/target/Fiji_Autoencoders-spark-0.1.0-SNAPSHOT.jar ] || [ ! -f spark/target/spark-classpath.txt ]; then
  mvn -B -q -DskipTests -Dmdep.skip=true -Dexec.skip=true install
  mvn -B -q -f spark/pom.xml -DskipTests -Dapp.skip=true package
fi
Z=${Z:-16}
SIZE=${SIZE:-1024}
CHUNK=${CHUNK:-256}
MODEL=${MODEL:-$ROOT/src/test/resources/fixtures/denoiser-v1.aemodel}
VOLUME=bench/out/spark-${Z}x${SIZE}x${SIZE}-c${CHUNK}.ome.zarr
[ -d "$VOLUME/0" ] || /usr/bin/python3 bench/make-zarr-volume.py "$VOLUME" "$Z" "$SIZE" "$CHUNK"
BLOCKS=$((Z * ((SIZE + CHUNK - 1) / CHUNK) * ((SIZE + CHUNK - 1) / CHUNK)))
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
header() {
  echo "# $(date -u +%FT%TZ) $(uname -n), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "# volume $VOLUME: ${Z}x${SIZE}x${SIZE} 16-bit, chunks 1x${CHUNK}x${CHUNK}, $BLOCKS blocks; model $MODEL"
}
# runs "$@" and prints its wall time in seconds (its output goes to the file $LOG)
timed() {
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$LOG" 2>&1 || { echo "failed: $*" >&2; tail -20 "$LOG" >&2; return 1; }
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l | xargs printf '%.2f'
}
