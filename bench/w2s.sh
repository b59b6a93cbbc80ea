#!/usr/bin/env bash
# Real-noise benchmark (issue 13): W2S widefield fluorescence (../shared/data/microscopy/w2s-train/{noisy,gt}/NNN_C.png,
# fields of view 001-080, channels 0-2, 512x512 8-bit, each image stretched to 0-255 on its own; gt = 400-frame
# average). Split by field of view, never by channel: train on fields 001-040, hold out 041-080 (120 images). Scored
# with ../shared/bench/psnr_aff.py (PSNR after a least-squares affine fit to the ground truth) beside the noisy input and
# ../shared/bench/peers_real.py (scikit-image TV and NLM, OpenCV NLM, strength scaled by estimate_sigma).
# Models (MINUTES each, default 10):
#   pairs      train-denoiser --input train/noisy --target train/gt            (CARE: noisy input, averaged target)
#   n2v-self   train-denoiser --noisy test/noisy                               (Noise2Void on the held-out noisy images
#              themselves: legitimate for self-supervision, as `denoise --self-supervised` does; never sees a gt)
#   n2v-train  train-denoiser --noisy train/noisy                              (Noise2Void on the training fields)
#   pairs-joint pairs with the three channels of a field as one 3-channel image (--channels joint): the network sees all
#              wavelengths of a field at once; the fields are written as 3-channel ImageJ TIFFs under the output folder
#              (derived files, never in the repository) and the results split back into channels for scoring
#   pairs-ch01 pairs on channels 0-1 of fields 001-040, scored on channel 2 of fields 041-080 beside `pairs` on the
#              same images: a wavelength the model never saw (no other microscope's data is available offline)
#   bm3d       BM3D blind and after a variance-stabilizing transform (bench/w2s-bm3d.py), on request: needs
#              BM3D_EXE, an IPOL-style BM3D executable (`bm3d INPUT SIGMA OUTPUT.npy`) that this repository neither
#              ships nor builds
# Usage: bench/w2s.sh [MINUTES] [NAME]
#   STEPS="peers pairs n2v-self n2v-train pairs-ch01" (default all; peers = noisy input + classic filters)
#   ARGS="..." extra train-denoiser options for every model; ARGS_PAIRS / ARGS_N2V for one kind only.
#   DENOISE_ARGS="..." extra denoise options (e.g. --ensemble) for every model's prediction of the held-out images.
#   BENCH_LOCK_HELD=1: the caller already holds the lock for the whole run (flock /tmp/bench.lock env BENCH_LOCK_HELD=1 ...).
#   FIJI_AE_CLASSPATH: run bin/fiji-ae from a frozen jar (e.g. a copy of target/'s) while src/ is being edited.
#   FIELDS_TRAIN (default 40): train on fields 001..FIELDS_TRAIN; the held-out fields are always 041-080.
# Training, denoising and the peers run under `flock /tmp/bench.lock` (shared with the other benchmarks on this machine);
# each model's denoising of the held-out images (not timed) runs in the same hold of the lock, right after its training.
# Needs /usr/bin/python3 with Debian's python3-skimage python3-opencv python3-tifffile (apt-get install ...).
# Results: bench/results/w2s-<NAME>.txt; split (symlinks), models and outputs under bench/out/w2s-<NAME>/
source "$(dirname "$0")/common.sh"
MINUTES="${1:-10}"
NAME="${2:-10min}"
STEPS="${STEPS:-peers pairs n2v-self n2v-train pairs-ch01}" # pairs-joint and bm3d on request
FIELDS_TRAIN="${FIELDS_TRAIN:-40}"
ARGS="${ARGS:-}"
ARGS_PAIRS="${ARGS_PAIRS:-}"
ARGS_N2V="${ARGS_N2V:-}"
DENOISE_ARGS="${DENOISE_ARGS:-}"
W2S="$DATA_ROOT/microscopy/w2s-train"
SHARED_BENCH="$ROOT/../shared/bench"
PY=/usr/bin/python3
LOCK="flock /tmp/bench.lock"
OUT="bench/results/w2s-$NAME.txt"
DIR="bench/out/w2s-$NAME"
rm -rf "$DIR"
mkdir -p "$DIR"

# The split as folders of symlinks (never copies): train/ and test/ each with noisy/ and gt/, plus the channel split.
link() { # link SUBDIR FIRST_FIELD LAST_FIELD CHANNELS
  local sub="$1" first="$2" last="$3" channels="$4" f c kind
  for kind in noisy gt; do
    mkdir -p "$DIR/$sub/$kind"
    for f in $(seq -f %03g "$first" "$last"); do
      for c in $channels; do ln -s "$(readlink -f "$W2S/$kind/${f}_$c.png")" "$DIR/$sub/$kind/${f}_$c.png"; done
    done
  done
}
link train 1 "$FIELDS_TRAIN" "0 1 2"
link test 41 80 "0 1 2"
link train-ch01 1 "$FIELDS_TRAIN" "0 1"
link test-ch2 41 80 "2"

score() { # score GT_DIR RESULT_DIR LABEL: the mean line of psnr_aff.py, per-image lines kept in the output folder
  $PY "$SHARED_BENCH/psnr_aff.py" "$1" "$2" > "$2.psnr"
  echo "$3: $(tail -n 1 "$2.psnr")"
}

model() { # model NAME INPUT_DIR GT_DIR LABEL TRAIN-DENOISER-ARGS...: trains, then denoises INPUT_DIR into
  # $DIR/NAME-out, both in one hold of the lock (the denoising is not timed, but at full speed it keeps the lock for
  # minutes instead of crawling beside the next benchmark), then scores against GT_DIR (not when GT_DIR is empty).
  local name="$1" input="$2" gt="$3" label="$4"; shift 4
  echo "## $name: train-denoiser $* --minutes $MINUTES --epochs 1000 $ARGS"
  (
    [ -n "${BENCH_LOCK_HELD:-}" ] || flock 9
    echo "load before: $(uptime | sed 's/.*load average/load average/')"
    bin/fiji-ae train-denoiser "$@" --minutes "$MINUTES" --epochs 1000 --out "$DIR/$name.aemodel" $ARGS \
      > "$DIR/$name.log" 2>&1 || { tail -n 5 "$DIR/$name.log"; exit 1; }
    echo "load after training: $(uptime | sed 's/.*load average/load average/')"
    start=$(date +%s.%N)
    bin/fiji-ae denoise --model "$DIR/$name.aemodel" --input "$input" --output "$DIR/$name-out" $DENOISE_ARGS >/dev/null
    echo "denoising $(ls "$input" | wc -l) images: $(echo "$(date +%s.%N) - $start" | bc) s (with JVM start)"
  ) 9>/tmp/bench.lock
  grep -v '^Epoch' "$DIR/$name.log" | tail -n 3
  bin/fiji-ae info --model "$DIR/$name.aemodel" | grep -E 'mode|architecture|best epoch|trained' || true
  if [ -n "$gt" ]; then score "$gt" "$DIR/$name-out" "$label"; fi
}

has() { case " $STEPS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
  echo "# W2S: train fields 001-$(printf %03d "$FIELDS_TRAIN") ($(ls "$DIR/train/noisy" | wc -l) images), held-out fields" \
    "041-080 ($(ls "$DIR/test/noisy" | wc -l) images), $MINUTES minutes per model; steps: $STEPS"
  echo "# ARGS='$ARGS' ARGS_PAIRS='$ARGS_PAIRS' ARGS_N2V='$ARGS_N2V' DENOISE_ARGS='$DENOISE_ARGS'"
  echo "# git $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' + uncommitted changes')${FIJI_AE_CLASSPATH:+, jar ${FIJI_AE_CLASSPATH%%:*}}"
  if has peers; then
    echo "## noisy input and classic filters (peers_real.py, under the lock)"
    score "$DIR/test/gt" "$DIR/test/noisy" "noisy input"
    # peers_real.py reads TIFFs: the held-out noisy PNGs converted once, outside the repository's tracked files.
    mkdir -p "$DIR/test-tif"
    $PY -c 'import sys,glob,os,numpy as np,tifffile; from PIL import Image
for p in sorted(glob.glob(sys.argv[1]+"/*.png")): tifffile.imwrite(sys.argv[2]+"/"+os.path.basename(p)[:-4]+".tif", np.array(Image.open(p).convert("L")))' \
      "$DIR/test/noisy" "$DIR/test-tif"
    start=$(date +%s.%N)
    $LOCK $PY "$SHARED_BENCH/peers_real.py" "$DIR/test-tif" "$DIR/peers" >/dev/null
    echo "peers on $(ls "$DIR/test-tif" | wc -l) images: $(echo "$(date +%s.%N) - $start" | bc) s"
    score "$DIR/test/gt" "$DIR/peers/tv" "TV (skimage, weight 4 sigma)"
    score "$DIR/test/gt" "$DIR/peers/nlm" "NLM (skimage, h 3 sigma)"
    score "$DIR/test/gt" "$DIR/peers/cv2nlm" "NLM (OpenCV, h 3 sigma)"
  fi
  if has bm3d; then
    [ -x "${BM3D_EXE:-}" ] || { echo "The bm3d step needs BM3D_EXE=/path/to/bm3d (an IPOL-style BM3D executable)."; exit 2; }
    echo "## BM3D (bench/w2s-bm3d.py, $BM3D_EXE, under the lock; strength chosen on fields 001-004)"
    $LOCK $PY bench/w2s-bm3d.py "$BM3D_EXE" "$W2S" "$DIR/peers"
    score "$DIR/test/gt" "$DIR/peers/bm3d-blind" "BM3D (blind, sigma from estimate_sigma)"
    score "$DIR/test/gt" "$DIR/peers/bm3d-vst" "BM3D after a VST (oracle noise parameters)"
  fi
  T="001-$(printf %03d "$FIELDS_TRAIN")"
  if has pairs; then
    model pairs "$DIR/test/noisy" "$DIR/test/gt" "pairs (CARE), trained on fields $T" \
      --input "$DIR/train/noisy" --target "$DIR/train/gt" $ARGS_PAIRS
  fi
  if has n2v-self; then
    model n2v-self "$DIR/test/noisy" "$DIR/test/gt" "noisy-only (${ARGS_N2V:-defaults}), trained on the held-out noisy images themselves" \
      --noisy "$DIR/test/noisy" $ARGS_N2V
  fi
  if has n2v-train; then
    model n2v-train "$DIR/test/noisy" "$DIR/test/gt" "noisy-only (${ARGS_N2V:-defaults}), trained on the noisy images of fields $T" \
      --noisy "$DIR/train/noisy" $ARGS_N2V
  fi
  if has pairs-joint; then
    # one 3-channel ImageJ TIFF (CYX) per field, for training and for the held-out fields; results split back per channel
    for sub in train test; do for kind in noisy gt; do
      mkdir -p "$DIR/joint-$sub/$kind"
      $PY -c 'import sys,glob,os,numpy as np,tifffile; from PIL import Image
d,o=sys.argv[1],sys.argv[2]
for f in sorted({os.path.basename(p)[:3] for p in glob.glob(d+"/*_0.png")}):
    tifffile.imwrite(o+"/"+f+".tif", np.stack([np.array(Image.open(d+"/"+f+"_%d.png"%c).convert("L")) for c in range(3)]), imagej=True, metadata={"axes": "CYX"})' \
        "$DIR/$sub/$kind" "$DIR/joint-$sub/$kind"
    done; done
    model pairs-joint "$DIR/joint-test/noisy" "" "" \
      --input "$DIR/joint-train/noisy" --target "$DIR/joint-train/gt" --channels joint $ARGS_PAIRS
    mkdir -p "$DIR/pairs-joint-split"
    $PY -c 'import sys,glob,os,numpy as np,tifffile
for p in sorted(glob.glob(sys.argv[1]+"/*.tif")):
    a=np.squeeze(tifffile.imread(p)); assert a.shape[0]==3, a.shape
    for c in range(3): tifffile.imwrite(sys.argv[2]+"/"+os.path.basename(p)[:-4]+"_%d.tif"%c, a[c].astype(np.float32))' \
      "$DIR/pairs-joint-out" "$DIR/pairs-joint-split"
    score "$DIR/test/gt" "$DIR/pairs-joint-split" "pairs, channels jointly (3-channel network), trained on fields $T"
  fi
  if has pairs-ch01; then
    echo "## other wavelength: held-out fields, channel 2 only"
    score "$DIR/test-ch2/gt" "$DIR/test-ch2/noisy" "noisy input (channel 2)"
    model pairs-ch01 "$DIR/test-ch2/noisy" "$DIR/test-ch2/gt" "pairs trained on channels 0-1 only, on channel 2" \
      --input "$DIR/train-ch01/noisy" --target "$DIR/train-ch01/gt" $ARGS_PAIRS
    if has pairs; then
      mkdir -p "$DIR/pairs-out-ch2"
      ln -s "$(readlink -f "$DIR/pairs-out")"/*_2.tif "$DIR/pairs-out-ch2/"
      score "$DIR/test-ch2/gt" "$DIR/pairs-out-ch2" "pairs trained on channels 0-2, on channel 2"
    fi
    if has peers; then
      mkdir -p "$DIR/tv-ch2"
      ln -s "$(readlink -f "$DIR/peers/tv")"/*_2.tif "$DIR/tv-ch2/"
      score "$DIR/test-ch2/gt" "$DIR/tv-ch2" "TV on channel 2"
    fi
  fi
} 2>&1 | tee "$OUT"
