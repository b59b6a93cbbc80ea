#!/usr/bin/env bash
# Big data (issue 13): denoise a 16-bit TIFF stack of more than 2^31 pixels with a small heap, to show that stacks are
# read and written plane by plane with no int overflow. Default: 82 planes of 12900 x 2048 (the plane size of the
# 12900 x 2048 x 116 stack CSBDeep failed on) = 2,166,374,400 pixels = 2^31 + 0.9%, a 4.3 GB input and an 8.7 GB
# output, denoised with -Xmx1g by a depth-1 U-Net (4 filters) trained here in seconds. Records peak RSS and time
# (/usr/bin/time -v) in bench/results/bigdata-DATE.json, checks that the output opens in ImageJ with the input's
# dimensions and that its last plane (beyond 4 GB in the file) equals that plane denoised alone, and deletes the data.
#
# Environment: W, H, N (stack size), XMX (heap of the denoising JVM, default 1g), BIGDATA_DIR (default
# /tmp/fiji-ae-bigdata; needs about 13.5 GB free), KEEP=1 keeps the data.
source "$(dirname "$0")/common.sh"
W=${W:-12900}
H=${H:-2048}
N=${N:-82}
XMX=${XMX:-1g}
DATA=${BIGDATA_DIR:-/tmp/fiji-ae-bigdata}
PIXELS=$((W * H * N))
NEED=$((PIXELS * 6 + (1 << 30)))
mkdir -p "$DATA"
FREE=$(($(df -k --output=avail "$DATA" | tail -1) * 1024))
if [ "$FREE" -lt "$NEED" ]; then
  echo "bigdata.sh: $DATA has $((FREE >> 30)) GB free, needs $((NEED >> 30)) GB (BIGDATA_DIR=... elsewhere)" >&2
  exit 1
fi
cleanup() { [ "${KEEP:-0}" = 1 ] || rm -rf "$DATA"; }
trap cleanup EXIT
echo "stack: ${W}x${H}x${N} = $PIXELS pixels (2^31 = 2147483648) in $DATA"

java -Xmx2g -Djava.awt.headless=true -cp "$CP" sc.fiji.autoencoders.bench.BigStack make "$DATA/stack.tif" "$W" "$H" "$N" \
  "$DATA/train.tif" | grep '^{'
bin/fiji-ae train-denoiser --clean "$DATA/train.tif" --noise gaussian:100 --depth 1 --filters 4 --epochs 3 \
  --steps-per-epoch 30 --patch-size 64 --batch-size 8 --seed 1 --out "$DATA/d1.aemodel" | tail -1

mkdir -p "$DATA/out"
JAVA_OPTS="-Xmx$XMX" /usr/bin/time -v -o "$DATA/time.txt" bin/fiji-ae denoise --model "$DATA/d1.aemodel" \
  --input "$DATA/stack.tif" --output "$DATA/out" | tee "$DATA/denoise.log"
RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$DATA/time.txt")
WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$DATA/time.txt")
CPU_USER=$(awk -F': ' '/User time/ {print $2}' "$DATA/time.txt")
OUT_BYTES=$(stat -c %s "$DATA/out/stack.tif")
CHECK=$(java -Xmx2g -Djava.awt.headless=true -cp "$CP" sc.fiji.autoencoders.bench.BigStack check "$DATA/out/stack.tif" \
  "$DATA/stack.tif" "$DATA/d1.aemodel" | grep '^{')
echo "$CHECK"
OUT=bench/results/bigdata-$(date -u +%Y%m%d).json
cat > "$OUT" <<EOF
{"stack": "${W}x${H}x${N} 16-bit TIFF", "pixels": $PIXELS, "input_bytes": $(stat -c %s "$DATA/stack.tif"),
 "output_bytes": $OUT_BYTES, "xmx": "$XMX", "model": "unet depth 1, 4 filters", "tile_size": 1024,
 "peak_rss_mb": $((RSS_KB / 1024)), "wall_clock": "$WALL", "user_cpu_s": $CPU_USER, "cores": $(nproc),
 "check": $CHECK}
EOF
cat "$OUT"
