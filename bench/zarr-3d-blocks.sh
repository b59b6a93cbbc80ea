#!/usr/bin/env bash
# A 3D model on a volume chunked plane by plane (1 x CHUNK x CHUNK, as bioformats2raw writes volumes): this tree's
# blocks (deep enough in z that the halo is at most a quarter of the work) against another tree's (OLD, e.g. a
# worktree of 32d3a2f, whose blocks were one chunk deep), alternating, same model, 2 TensorFlow threads; the two outputs
# compared (blocks may differ, the result must not beyond the tiler's blending).
# usage: bench/zarr-3d-blocks.sh OLD_TREE   Environment: Z (32), SIZE (512), CHUNK (256), MODEL (the 3D fixture), ROUNDS (1)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OLD=$(cd "$1" && pwd)
cd "$ROOT"
Z=${Z:-32} SIZE=${SIZE:-512} CHUNK=${CHUNK:-256} ROUNDS=${ROUNDS:-1}
MODEL=${MODEL:-$ROOT/src/test/resources/fixtures/denoiser3d-v1.aemodel}
VOLUME=$ROOT/bench/out/z3d-${Z}x${SIZE}x${SIZE}-c${CHUNK}.ome.zarr
OUT=$ROOT/bench/out/zarr-3d-blocks
mkdir -p "$OUT" bench/results
[ -d "$VOLUME/0" ] || /usr/bin/python3 bench/make-zarr-volume.py "$VOLUME" "$Z" "$SIZE" "$CHUNK"
(cd "$OLD" && bin/fiji-ae --version >/dev/null) && bin/fiji-ae --version >/dev/null # builds outside the timing
run() { # tree name
  local t0 t1
  echo "uptime before $2: $(uptime)"
  t0=$(date +%s.%N)
  (cd "$1" && bin/fiji-ae denoise --model "$MODEL" --input "$VOLUME" --output "$OUT/$2.ome.zarr" --overwrite --threads 2) \
    >"$OUT/$2.log" 2>&1
  t1=$(date +%s.%N)
  echo "$2 wall_s $(echo "$t1 - $t0" | bc -l | xargs printf '%.2f')  ($(grep -m1 '^Denoised' "$OUT/$2.log"))"
}
{
  echo "# $(date -u +%FT%TZ) $(uname -n), $(nproc) cores; volume $VOLUME (${Z}x${SIZE}x${SIZE}, chunks 1x${CHUNK}x${CHUNK}); model $MODEL; old tree $OLD at $(git -C "$OLD" rev-parse --short HEAD), this tree at $(git rev-parse --short HEAD)"
  exec 9>/tmp/bench.lock
  flock 9
  for r in $(seq "$ROUNDS"); do run "$OLD" old; run "$ROOT" new; done
  echo "difference new vs old: $(/usr/bin/python3 bench/zarr_compare.py "$OUT/old.ome.zarr" "$OUT/new.ome.zarr")"
} 2>&1 | tee bench/results/zarr-3d-blocks.txt
