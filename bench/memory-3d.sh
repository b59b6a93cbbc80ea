#!/usr/bin/env bash
# Memory of 3D denoising (issue 13): peak RSS (/usr/bin/time -v) of `fiji-ae denoise` with a 3D model on a 16-bit
# stack of W x H x N (default 2048 x 2048 x 64), generated in DATA (default /tmp/fiji-ae-memory3d, deleted after).
# The model has the 3D benchmark's architecture (ARGS_3D, as bench/denoise-3d.sh) and is trained for a few steps only
# (memory depends on the architecture and the tiles; the tiles' margins on the receptive field training measures at
# its end), or MODEL: a trained model file (one without a measured receptive field is measured first, with
# bench/MeasureReceptiveField, as training now does).
# Usage: bench/memory-3d.sh [NAME]   Environment: W, H, N, ARGS_3D, MODEL, JAVA_OPTS (of the denoising JVM; default the
# launcher's -Xmx4g; -Dfiji.ae.tileMegabytes=N sets the tile budget), DATA, KEEP=1 keeps the data.
# Needs Debian's python3-numpy and python3-tifffile.
# Result: bench/results/memory-3d-<NAME>.json
source "$(dirname "$0")/common.sh"
NAME="${1:-2048x2048x64}"
W=${W:-2048}
H=${H:-2048}
N=${N:-64}
ARGS_3D="${ARGS_3D:---depth 3 --filters 16 --max-filters 64 --patch 48 --patch-depth 16 --batch 4}"
DATA=${DATA:-/tmp/fiji-ae-memory3d}
mkdir -p "$DATA"
cleanup() { [ "${KEEP:-0}" = 1 ] || rm -rf "$DATA"; }
trap cleanup EXIT
/usr/bin/python3 bench/make-stack-16bit.py "$DATA/stack.tif" "$W" "$H" "$N"
if [ -n "${MODEL:-}" ]; then
  if unzip -p "$MODEL" spec.json | grep -q receptiveField; then cp "$MODEL" "$DATA/m3d.aemodel"
  else java -cp "$CP" sc.fiji.autoencoders.bench.MeasureReceptiveField "$MODEL" "$DATA/m3d.aemodel" 2>/dev/null; fi
else
  /usr/bin/python3 bench/make-stack-16bit.py "$DATA/train.tif" 128 128 32
  bin/fiji-ae train-denoiser --clean "$DATA/train.tif" --noise poisson-gaussian:20,4 --dims 3 --epochs 1 \
    --steps-per-epoch 5 --seed 1 --out "$DATA/m3d.aemodel" $ARGS_3D | tail -1
fi
RF=$(unzip -p "$DATA/m3d.aemodel" spec.json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin).get("receptiveField"))')
mkdir -p "$DATA/out"
LOAD_BEFORE=$(uptime | sed 's/.*load average: //')
/usr/bin/time -v -o "$DATA/time.txt" bin/fiji-ae denoise --model "$DATA/m3d.aemodel" --input "$DATA/stack.tif" \
  --output "$DATA/out" | tail -2
RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$DATA/time.txt")
WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$DATA/time.txt")
OUT_BYTES=$(stat -c %s "$DATA/out/stack.tif")
OUT=bench/results/memory-3d-$NAME.json
cat > "$OUT" <<JSON
{"date": "$(date -u +%Y-%m-%dT%H:%MZ)", "stack": "${W}x${H}x${N} 16-bit TIFF", "input_bytes": $(stat -c %s "$DATA/stack.tif"),
 "output_bytes": $OUT_BYTES, "java_opts": "${JAVA_OPTS:-launcher default -Xmx4g}",
 "model": "${MODEL:-3D: $ARGS_3D, 5 training steps}", "receptive_field": "$RF",
 "peak_rss_mb": $((RSS_KB / 1024)), "wall_clock": "$WALL", "cores": $(nproc), "load_before": "$LOAD_BEFORE",
 "load_after": "$(uptime | sed 's/.*load average: //')"}
JSON
cat "$OUT"
