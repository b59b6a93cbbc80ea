#!/usr/bin/env bash
# Speed of this tree against an older one, side by side: DenoiserSpeedBenchmark train and predict of both builds,
# alternating, ROUNDS times, then the medians of new/old per measure. Usage: bench/speed-compare.sh OLD_TREE [ROUNDS]
# MODES="predict" limits it to one mode. (OLD_TREE: e.g. `git worktree add --detach /tmp/old <commit>`). Results: bench/results/speed-compare-<date>.jsonl
source "$(dirname "$0")/common.sh"
OLD="$(cd "$1" && pwd)"
ROUNDS="${2:-3}"
(cd "$OLD" && bin/fiji-ae --version >/dev/null && { mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile; })
OLD_CP="$OLD/target/test-classes:$OLD/target/classes:$(cat "$OLD/target/classpath.txt")"
OUT=bench/results/speed-compare-$(date -u +%Y%m%d).jsonl
: > "$OUT"
run() { # build classpath mode
  java -Xmx4g -Djava.awt.headless=true -cp "$2" sc.fiji.autoencoders.bench.DenoiserSpeedBenchmark "$3" \
    | grep '^{' | sed "s/^{/{\"build\":\"$1\",\"round\":$r,/" | tee -a "$OUT"
}
for r in $(seq "$ROUNDS"); do
  for mode in ${MODES:-train predict}; do
    run old "$OLD_CP" $mode
    run new "$CP" $mode
  done
done
python3 - "$OUT" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
for bench, keys in [("denoiser-train", ["plugin_ms_per_step", "plugin_auto_ms_per_step"]),
                    ("denoiser-predict", ["plugin_1024_s", "plugin_4096_s"])]:
    for k in keys:
        ratios = []
        for r in sorted({x["round"] for x in rows}):
            old = [x[k] for x in rows if x["bench"] == bench and x["build"] == "old" and x["round"] == r]
            new = [x[k] for x in rows if x["bench"] == bench and x["build"] == "new" and x["round"] == r]
            if old and new: ratios.append(new[0] / old[0])
        if not ratios: continue
        print(f"{bench} {k}: new/old time ratio median {statistics.median(ratios):.3f} over {len(ratios)} rounds {[round(x, 3) for x in ratios]}")
PY
echo "results in $OUT"
