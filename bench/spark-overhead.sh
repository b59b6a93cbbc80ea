#!/usr/bin/env bash
# Issue 26: Spark local[2] against one process on the same OME-Zarr volume, alternating (ROUNDS pairs, default 1),
# both through bin/fiji-ae with 2 TensorFlow threads (JVM start and Spark's start included: what a user waits for).
# Target: Spark's wall time within 10 % of the single process, results identical within 1e-5 of the range
# (bench/zarr_compare.py). Holds /tmp/bench.lock for the timed runs; uptime before and after each run.
# Result: bench/results/spark-overhead[-NAME].txt. Environment: see bench/spark-common.sh; ROUNDS, NAME;
# FORMAT=tiff: the same size as a 16-bit TIFF stack (bench/make-stack-16bit.py), denoised into a folder of TIFFs (on
# Spark: runs of planes as tasks, joined by the driver).
source "$(dirname "$0")/spark-common.sh"
ROUNDS=${ROUNDS:-1}
FORMAT=${FORMAT:-zarr}
OUT=bench/out/spark-overhead
mkdir -p "$OUT"
LOG=$OUT/run.log
if [ "$FORMAT" = tiff ]; then
  VOLUME=bench/out/spark-${Z}x${SIZE}x${SIZE}.tif
  [ -f "$VOLUME" ] || /usr/bin/python3 bench/make-stack-16bit.py "$VOLUME" "$SIZE" "$SIZE" "$Z"
fi
run() { # single|spark
  local extra=() target="$OUT/$1.ome.zarr"
  [ "$1" = spark ] && extra=(--spark --master 'local[2]')
  [ "$FORMAT" = tiff ] && target="$OUT/$1-tiff" && rm -rf "$target"
  echo "uptime before $1: $(uptime)"
  local wall
  wall=$(timed bin/fiji-ae denoise --model "$MODEL" --input "$VOLUME" --output "$target" --overwrite \
    --threads 2 "${extra[@]}") || return 1
  echo "$1 wall_s $wall  ($(grep -m1 '^Denoised' "$LOG"))"
  echo "uptime after $1: $(uptime)"
  echo "$1 $wall" >>"$OUT/walls.txt"
}
export -f run timed
export MODEL VOLUME OUT LOG
{
  header
  rm -f "$OUT/walls.txt"
  flock /tmp/bench.lock bash -c 'set -e; for r in $(seq "$1"); do run single; run spark; done' _ "$ROUNDS"
  awk '{ s[$1] += $2; n[$1]++ } END { a = s["single"] / n["single"]; b = s["spark"] / n["spark"];
    printf "mean wall: single %.2f s, spark local[2] %.2f s, spark/single %.3f (target <= 1.10)\n", a, b, b / a }' \
    "$OUT/walls.txt"
  if [ "$FORMAT" = tiff ]; then
    f=$(basename "$VOLUME")
    echo "difference (target relative <= 1e-5): $(/usr/bin/python3 bench/tiff_compare.py "$OUT/single-tiff/$f" \
      "$OUT/spark-tiff/$f")"
  else
    echo "difference (target relative <= 1e-5): $(/usr/bin/python3 bench/zarr_compare.py "$OUT/single.ome.zarr" \
      "$OUT/spark.ome.zarr")"
  fi
} 2>&1 | tee "bench/results/spark-overhead${NAME:+-$NAME}.txt"
