#!/usr/bin/env bash
# Calibration of DivNoising's spread against a ground truth (issue 27): `calibrate-uncertainty` fits a * sd^b on the
# W2S fields CAL_FIELDS (noisy frames against their 400-frame averages), then the calibrated model denoises the fields
# TEST_FIELDS, which the fit never saw, and bench/divnoising_calibration.py scores their spread (15 bins, 90 % coverage).
# ORIG_OUT (optional): the uncalibrated model's outputs of the same test fields (e.g. bench/divnoising-w2s.sh's
# divnoising-out), scored likewise for the comparison.
# Usage: bench/divnoising-calibrate.sh MODEL [NAME]   (MODEL: a DivNoising model trained on W2S, e.g. by divnoising-w2s.sh)
#   K (default 100) samples; CAL_FIELDS (default "41 45"), TEST_FIELDS (default "46 50").
# Runs under /tmp/bench.lock. Results: bench/results/divnoising-calibrate-<NAME>.txt
source "$(dirname "$0")/common.sh"
MODEL="$1"
NAME="${2:-w2s}"
K="${K:-100}"
CAL_FIELDS="${CAL_FIELDS:-41 45}"
TEST_FIELDS="${TEST_FIELDS:-46 50}"
W2S="$DATA_ROOT/microscopy/w2s-train"
DIR="bench/out/divnoising-calibrate-$NAME"
OUT="bench/results/divnoising-calibrate-$NAME.txt"
PY=/usr/bin/python3
rm -rf "$DIR"
links() { # links SPLIT FIRST LAST
  for kind in noisy gt; do
    mkdir -p "$DIR/$1/$kind"
    for f in $(seq -f %03g "$2" "$3"); do
      for c in 0 1 2; do ln -s "$(readlink -f "$W2S/$kind/${f}_$c.png")" "$DIR/$1/$kind/${f}_$c.png"; done
    done
  done
}
read -r a b <<< "$CAL_FIELDS"; links cal "$a" "$b"
read -r a b <<< "$TEST_FIELDS"; links test "$a" "$b"
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores; model $MODEL; calibrated on W2S fields $CAL_FIELDS, scored on $TEST_FIELDS; K=$K; git $(git rev-parse --short HEAD)"
  (
    flock 9
    echo "# load before: $(uptime | sed 's/.*load average/load average/')"
    start=$(date +%s.%N)
    bin/fiji-ae calibrate-uncertainty --model "$MODEL" --input "$DIR/cal/noisy" --target "$DIR/cal/gt" --samples "$K" \
      --out "$DIR/calibrated.aemodel" | grep -v '^\['
    echo "calibration: $(echo "$(date +%s.%N) - $start" | bc) s (with JVM start)"
    bin/fiji-ae denoise --model "$DIR/calibrated.aemodel" --input "$DIR/test/noisy" --output "$DIR/out" --samples "$K" \
      > "$DIR/denoise.log"
  ) 9>/tmp/bench.lock
  bin/fiji-ae info --model "$DIR/calibrated.aemodel" | grep -i 'DivNoising:'
  echo "## held-out fields $TEST_FIELDS, calibrated model"
  $PY bench/divnoising_calibration.py "$DIR/test/gt" "$DIR/out"
  if [ -n "${ORIG_OUT:-}" ]; then
    mkdir -p "$DIR/orig"
    for f in "$DIR"/test/gt/*.png; do
      b=$(basename "$f" .png); ln -s "$(readlink -f "$ORIG_OUT/$b.tif")" "$DIR/orig/"; ln -s "$(readlink -f "$ORIG_OUT/$b-spread.tif")" "$DIR/orig/"
    done
    echo "## held-out fields $TEST_FIELDS, the model before calibration ($ORIG_OUT)"
    $PY bench/divnoising_calibration.py "$DIR/test/gt" "$DIR/orig"
  fi
} 2>&1 | tee "$OUT"
