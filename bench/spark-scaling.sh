#!/usr/bin/env bash
# Issue 26: throughput of 1 and 2 standalone workers of 1 core each (a real master and workers on 127.0.0.1, started
# from Maven's Spark jars as docs/SCALE.md shows), the peak RSS (VmHWM) of each 1-core executor, and a projection,
# stated as such, to 100 nodes x 32 cores on 2 TB. Target: 2 workers >= 1.8 x the throughput of 1; executor peak RSS
# < 2 GB whatever the volume. Holds /tmp/bench.lock; uptime before and after each run.
# Result: bench/results/spark-scaling.txt. Environment: see bench/spark-common.sh; WORKERS_LIST (default "1 2"),
# EXECUTOR_MEMORY (default 1g), EXECUTOR_OPT (one JVM option for the executors, e.g. -XX:+UseSerialGC; none by default).
source "$(dirname "$0")/spark-common.sh"
WORKERS_LIST=${WORKERS_LIST:-1 2}
EXECUTOR_MEMORY=${EXECUTOR_MEMORY:-1g}
EXECUTOR_OPT=${EXECUTOR_OPT:-}
OUT=bench/out/spark-scaling
rm -rf "$OUT" && mkdir -p "$OUT"
LOG=$OUT/driver.log
OPENS=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED)
# a SPARK_HOME of links to Maven's Spark jars and an empty RELEASE file (docs/SCALE.md)
export SPARK_HOME=$ROOT/bench/out/spark-home SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
if [ ! -d "$SPARK_HOME/jars" ]; then
  mkdir -p "$SPARK_HOME/jars" && touch "$SPARK_HOME/RELEASE"
  tr ':' '\n' <spark/target/spark-classpath.txt | xargs -I{} ln -sf {} "$SPARK_HOME/jars/"
fi
PORT=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PIDS=()
daemon() { # name main-class args...: a Spark JVM in the background, its log in $OUT/name.log
  local name=$1
  shift
  java -Xmx256m "${OPENS[@]}" -cp "$SPARK_HOME/jars/*" "$@" >"$OUT/$name.log" 2>&1 &
  PIDS+=($!)
}
stop() { # pids...: the JVMs started here and their executors
  for p in "$@"; do pkill -KILL -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  for p in "$@"; do wait "$p" 2>/dev/null || true; done
}
trap 'stop "${PIDS[@]}"' EXIT
daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$PORT" --webui-port 0
for _ in $(seq 60); do (echo >/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break; sleep 1; done

run() { # workers
  local n=$1 first=${#PIDS[@]} workers=()
  for i in $(seq "$n"); do
    daemon "worker$n-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 2g --webui-port 0 \
      --work-dir "$ROOT/$OUT/work$n-$i" "spark://127.0.0.1:$PORT"
    workers+=("${PIDS[-1]}")
  done
  for _ in $(seq 60); do
    registered=$(cat "$OUT"/worker"$n"-*.log 2>/dev/null | grep -c 'Successfully registered with master' || true)
    [ "${registered:-0}" -ge "$n" ] && break
    sleep 1
  done
  # the executors' peak RSS, sampled while the job runs: VmHWM is the peak since the executor started, so every 5 s
  # loses nothing, where a tighter loop of pgrep and awk would take CPU from the 2-worker run (both cores busy) that the
  # 1-worker run does not pay (one core idle)
  (while true; do
    for w in "${workers[@]}"; do
      for e in $(pgrep -P "$w" 2>/dev/null); do
        echo "$e $(awk '/VmHWM/ {print $2}' /proc/"$e"/status 2>/dev/null)" >>"$OUT/hwm$n.txt"
      done
    done
    sleep 5
  done) &
  local sampler=$!
  # CPU time by thread of every JVM of the run (this script's descendants: driver, master, workers, executors), for
  # the accounting of where the cores went (bench/thread_cpu.py)
  EVERY=2 /usr/bin/python3 bench/thread_cpu.py poll "$OUT/cpu$n.json" $$ &
  local cpupoll=$!
  echo "uptime before $n worker(s): $(uptime)"
  local wall
  wall=$(JAVA_OPTS="-Dspark.executor.memory=$EXECUTOR_MEMORY${EXECUTOR_OPT:+ -Dspark.executor.extraJavaOptions=$EXECUTOR_OPT}" timed bin/fiji-ae denoise --model "$MODEL" \
    --input "$VOLUME" --output "$OUT/out$n.ome.zarr" --spark --master "spark://127.0.0.1:$PORT" --executor-cores 1) ||
    { kill "$sampler" "$cpupoll"; return 1; }
  echo "uptime after $n worker(s): $(uptime)"
  kill "$sampler" "$cpupoll"
  wait "$cpupoll" || true
  local rate hwm
  rate=$(grep -o 'blocks [0-9]*/[0-9]*, [0-9.]* blocks/s' "$LOG" | tail -1)
  hwm=$(awk 'NF == 2 && $2 > m[$1] { m[$1] = $2 } END { for (p in m) printf "%s:%.0fMB ", p, m[p] / 1024 }' "$OUT/hwm$n.txt")
  echo "workers $n wall_s $wall driver: $rate; executor peak RSS (pid:VmHWM) $hwm"
  echo "CPU time by process and thread group over the run ($BLOCKS blocks; master and worker daemons from the run's start):"
  /usr/bin/python3 bench/thread_cpu.py report "$OUT/cpu$n.json" "$BLOCKS" | sed 's/^/  /'
  echo "$n $wall" >>"$OUT/walls.txt"
  awk 'NF == 2 && $2 > m { m = $2 } END { print m }' "$OUT/hwm$n.txt" >>"$OUT/hwm-max.txt"
  stop "${workers[@]}"
}
exec > >(tee bench/results/spark-scaling.txt) 2>&1
header
echo "# executor memory $EXECUTOR_MEMORY${EXECUTOR_OPT:+, executor option $EXECUTOR_OPT}, workers of 1 core; wall = bin/fiji-ae's whole run (driver and executor start included)"
exec 9>/tmp/bench.lock
for n in $WORKERS_LIST; do # each run holds the lock: no other timed benchmark overlaps it
  flock 9
  run "$n"
  flock -u 9
done
/usr/bin/python3 bench/zarr_compare.py "$OUT/out${WORKERS_LIST%% *}.ome.zarr" "$OUT/out${WORKERS_LIST##* }.ome.zarr" |
  sed 's/^/difference between the first and last run: /'
VOXELS=$((Z * SIZE * SIZE))
awk -v v="$VOXELS" -v hwm="$(sort -n "$OUT/hwm-max.txt" | tail -1)" '
    { w[$1] = $2; last = $1 } END {
      for (n in w) printf "workers %d: %.3g voxels/s, %.3g voxels/s per core\n", n, v / w[n], v / w[n] / n
      if (1 in w && 2 in w) printf "speed-up 2 vs 1 worker: %.2f x (target >= 1.8)\n", w[1] / w[2]
      printf "peak RSS of a 1-core executor: %.0f MB (target < 2048)\n", hwm / 1024
      per = v / w[last] / last
      printf "PROJECTION (arithmetic, not a measurement): 100 nodes x 32 cores at %.3g voxels/s per core = %.3g voxels/s;\n", per, per * 3200
      printf "  2 TB of 16-bit voxels (1e12) in %.1f h; I/O needed: %.3g GB/s (2 bytes read + 4 written per voxel, halos and\n", 1e12 / (per * 3200) / 3600, per * 3200 * 6 / 1e9
      printf "  the pyramid excluded); a shared file system of 10 GB/s becomes the limit beyond %.3g cores at this rate.\n", 10e9 / (per * 6)
    }' "$OUT/walls.txt"
