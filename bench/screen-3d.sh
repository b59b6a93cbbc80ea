#!/usr/bin/env bash
# Short screening runs of 3D network settings (issue 13) with bench/denoise-3d.sh, 3D network only: each setting
# trains MINUTES (default 3) on the same generated stacks; one result file per setting,
# bench/results/denoise-3d-screen-<MINUTES>min-<label>.txt. Each run takes /tmp/bench.lock on its own.
# Usage: bench/screen-3d.sh [MINUTES [LABEL...]]  (NOISE as for denoise-3d.sh; LABELs: only those settings)
cd "$(dirname "$0")/.."
MINUTES="${1:-3}"
shift || true
ONLY=" $* "
while read -r label args; do
  [ -z "$label" ] && continue
  [ "$ONLY" = "  " ] || [[ "$ONLY" == *" $label "* ]] || continue
  NETWORKS=3 ARGS_3D="$args" flock /tmp/bench.lock bench/denoise-3d.sh "$MINUTES" "screen-${MINUTES}min-$label" \
    | grep -E 'Saved|mean PSNR|load'
done <<'SETTINGS'
d3f16-p48z16b4 --depth 3 --filters 16 --max-filters 64 --patch 48 --patch-depth 16 --batch 4
d2f16-p48z16b4 --depth 2 --filters 16 --max-filters 64 --patch 48 --patch-depth 16 --batch 4
d3f16-p64z8b4 --depth 3 --filters 16 --max-filters 64 --patch 64 --patch-depth 8 --batch 4
d3f8-p48z16b4 --depth 3 --filters 8 --max-filters 64 --patch 48 --patch-depth 16 --batch 4
d3f16-p32z16b8 --depth 3 --filters 16 --max-filters 64 --patch 32 --patch-depth 16 --batch 8
SETTINGS
