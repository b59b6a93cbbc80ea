#!/usr/bin/env bash
# DivNoising on real noise (issue 27): W2S widefield fluorescence (see bench/w2s.sh for the data and the split). Both
# methods train self-supervised on the held-out noisy images themselves (fields 041-080, as `n2v-self` in w2s.sh; no gt
# is ever seen) for the same time budget:
#   n2v-self    train-denoiser --noisy test/noisy                                  (Noise2Void)
#   divnoising  train-denoiser --noisy test/noisy --noisy-method divnoising        (noise model bootstrapped from the same
#               images in the first quarter of the budget, or NOISE_MODEL=FILE|SPEC), then
#               denoise --samples K: NAME.tif (MMSE) and NAME-spread.tif (calibrated spread)
# Scored: PSNR after an affine fit (../shared/bench/psnr_aff.py) of the noisy input, Noise2Void and DivNoising's MMSE;
# calibration of the spread per spread bin and coverage of the 90 % interval (bench/divnoising_calibration.py); cost of
# K samples of one 512x512 image (denoise --samples K of one file, with and without the JVM start in the log line).
# Usage: bench/divnoising-w2s.sh [MINUTES] [NAME]
#   K (default 100): samples per image. FIELDS (default "41 80"): first and last held-out field (smoke: "41 41").
#   STEPS="n2v-self divnoising" (default both). ARGS="..." extra train-denoiser options for both.
#   NOISE_MODEL: a .aenoise file or a spec for DivNoising (default: bootstrapped).
#   FIJI_AE_CLASSPATH, BENCH_LOCK_HELD: as in bench/w2s.sh.
# Training and denoising run under `flock /tmp/bench.lock`. Needs /usr/bin/python3 with python3-numpy python3-pil
# python3-tifffile. Results: bench/results/divnoising-w2s-<NAME>.txt; links, models, outputs under bench/out/.
source "$(dirname "$0")/common.sh"
MINUTES="${1:-10}"
NAME="${2:-10min}"
K="${K:-100}"
FIELDS="${FIELDS:-41 80}"
STEPS="${STEPS:-n2v-self divnoising}"
ARGS="${ARGS:-}"
NOISE_MODEL="${NOISE_MODEL:-}"
W2S="$DATA_ROOT/microscopy/w2s-train"
SHARED_BENCH="$ROOT/../shared/bench"
PY=/usr/bin/python3
OUT="bench/results/divnoising-w2s-$NAME.txt"
DIR="bench/out/divnoising-w2s-$NAME"
rm -rf "$DIR"
read -r FIRST LAST <<< "$FIELDS"
for kind in noisy gt; do
  mkdir -p "$DIR/test/$kind"
  for f in $(seq -f %03g "$FIRST" "$LAST"); do
    for c in 0 1 2; do ln -s "$(readlink -f "$W2S/$kind/${f}_$c.png")" "$DIR/test/$kind/${f}_$c.png"; done
  done
done

score() { # score RESULT_DIR LABEL
  $PY "$SHARED_BENCH/psnr_aff.py" "$DIR/test/gt" "$1" > "$1.psnr"
  echo "$2: $(tail -n 1 "$1.psnr")"
}

train() { # train NAME TRAIN-DENOISER-ARGS...: trains on the held-out noisy images, then runs DENOISE (an array) on them
  local name="$1"; shift
  echo "## $name: train-denoiser --noisy test/noisy $* --minutes $MINUTES --epochs 1000 $ARGS"
  (
    [ -n "${BENCH_LOCK_HELD:-}" ] || flock 9
    echo "load before: $(uptime | sed 's/.*load average/load average/')"
    bin/fiji-ae train-denoiser --noisy "$DIR/test/noisy" "$@" --minutes "$MINUTES" --epochs 1000 \
      --out "$DIR/$name.aemodel" $ARGS > "$DIR/$name.log" 2>&1 || { tail -n 5 "$DIR/$name.log"; exit 1; }
    start=$(date +%s.%N)
    bin/fiji-ae denoise --model "$DIR/$name.aemodel" --input "$DIR/test/noisy" --output "$DIR/$name-out" \
      "${DENOISE[@]}" > "$DIR/$name-denoise.log"
    echo "denoising $(ls "$DIR/test/noisy" | wc -l) images ${DENOISE[*]}: $(echo "$(date +%s.%N) - $start" | bc) s" \
      "(with JVM start)"
  ) 9>/tmp/bench.lock
  grep -v '^Epoch' "$DIR/$name.log" | tail -n 3
  bin/fiji-ae info --model "$DIR/$name.aemodel" | grep -iE 'method|noise|latent|best epoch|trained' || true
  score "$DIR/$name-out" "$name"
}

has() { case " $STEPS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
  echo "# W2S fields $FIELDS ($(ls "$DIR/test/noisy" | wc -l) images), $MINUTES minutes per model, K=$K; steps: $STEPS"
  echo "# ARGS='$ARGS' NOISE_MODEL='$NOISE_MODEL'; git $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' + uncommitted changes')"
  score "$DIR/test/noisy" "noisy input"
  if has n2v-self; then
    DENOISE=()
    train n2v-self --noisy-method noise2void
  fi
  if has divnoising; then
    DENOISE=(--samples "$K")
    train divnoising --noisy-method divnoising ${NOISE_MODEL:+--noise-model "$NOISE_MODEL"}
    echo "## calibration of the spread (MMSE affinely fitted to the gt; spread times the fit's |scale|)"
    scale=$(bin/fiji-ae info --model "$DIR/divnoising.aemodel" | grep -oE 'spread scale [0-9.eE+-]+' | awk '{print $3}')
    $PY bench/divnoising_calibration.py "$DIR/test/gt" "$DIR/divnoising-out" $scale
    echo "## cost of K=$K samples of one 512x512 image (the line of denoise's log, then with the JVM start)"
    one="$DIR/one"; mkdir -p "$one"; ln -s "$(readlink -f "$DIR/test/noisy/$(printf %03d "$FIRST")_0.png")" "$one/"
    (
      [ -n "${BENCH_LOCK_HELD:-}" ] || flock 9
      start=$(date +%s.%N)
      bin/fiji-ae denoise --model "$DIR/divnoising.aemodel" --input "$one" --output "$DIR/one-out" --samples "$K" \
        | grep -E '^\[1/1\]' || true
      echo "with JVM start: $(echo "$(date +%s.%N) - $start" | bc) s"
    ) 9>/tmp/bench.lock
  fi
} 2>&1 | tee "$OUT"
