"""CPU time by thread of the Java processes of a run (issue 26: where an executor's CPU goes, and how much the driver and
Spark's daemons take from the executors' cores).

usage: thread_cpu.py poll OUT.json PID...   every EVERY seconds (default 5) until every PID has ended or SIGTERM: reads
           /proc/P/task/*/stat (utime + stime) of each PID and of its java descendants (a worker's executors), keeping
           each thread's first and last value; writes OUT.json
       thread_cpu.py report OUT.json [BLOCKS]   per process (driver, master, worker, executor, lone process), CPU
           seconds over the poll (from the first snapshot: daemons started before the run count only what they used
           during it; processes started during it count from their start) by thread group, and per block

Reading /proc costs about a millisecond a snapshot: at 5 s it takes nothing measurable from the cores it watches.
A thread that ends between two snapshots loses its last seconds at most.
"""
import json
import os
import re
import signal
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def children(pid):
    found = []
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for t in tids:  # a child started by any thread (a worker's ExecutorRunner) is listed under that thread
        try:
            with open(f"/proc/{pid}/task/{t}/children") as f:
                found += [int(x) for x in f.read().split()]
        except OSError:
            pass
    return found


def tree(pid):
    found = [pid]
    for c in children(pid):
        found += tree(c)
    return found


def snapshot(roots, data, started):
    for root in roots:
        for pid in tree(root):
            try:
                with open(f"/proc/{pid}/comm") as f:
                    if f.read().strip() != "java":
                        continue
                with open(f"/proc/{pid}/cmdline") as f:
                    cmd = f.read().replace("\0", " ")
                tids = os.listdir(f"/proc/{pid}/task")
            except OSError:
                continue
            # a process first seen during the poll counts from its start (0), one running before from now
            p = data.setdefault(str(pid), {"cmd": cmd, "threads": {}, "new": pid not in started})
            for t in tids:
                try:
                    with open(f"/proc/{pid}/task/{t}/stat") as f:
                        s = f.read()
                except OSError:
                    continue
                name = s[s.index("(") + 1:s.rindex(")")]
                fields = s[s.rindex(")") + 2:].split()
                ticks = int(fields[11]) + int(fields[12])
                old = p["threads"].get(t)
                first = old[2] if old else (0 if p["new"] else ticks)
                p["threads"][t] = [name, ticks, first]


def poll(out, roots):
    data = {}
    started = set()
    for r in roots:
        started.update(tree(r))

    def dump(*_):
        with open(out, "w") as f:
            json.dump(data, f)
        sys.exit(0)

    signal.signal(signal.SIGTERM, dump)
    every = float(os.environ.get("EVERY", "5"))
    while True:
        snapshot(roots, data, started)
        if not any(os.path.exists(f"/proc/{r}") for r in roots):
            dump()
        time.sleep(every)


GROUPS = [(r"^Executor task", "task (the blocks' work)"), (r"^C[12] CompilerThre", "JIT compilers"),
          (r"^GC |^G1 |^VM Thread|^Concurrent", "GC and VM thread"),
          (r"^java$", "main thread (JVM and Spark start; a driver's plan)"),
          (r"netty|rpc|dispatcher|heartb|block-manager|shuffle", "Spark RPC, heartbeats")]


def group(name):
    for pattern, g in GROUPS:
        if re.search(pattern, name):
            return g
    return "other"


def kind(cmd):
    for k, name in [("CoarseGrainedExecutorBackend", "executor"), ("deploy.master.Master", "master"),
                    ("deploy.worker.Worker", "worker"), ("--spark", "driver"), ("cli.Main", "lone process")]:
        if k in cmd:
            return name
    return "java"


def report(path, blocks):
    data = json.load(open(path))
    total = work = 0.0
    by_kind = {}
    for pid, p in data.items():
        threads = {t: (v[0], (v[1] - v[2]) / HZ) for t, v in p["threads"].items()}
        cpu = sum(s for _, s in threads.values())
        if cpu == 0:
            continue
        k = kind(p["cmd"])
        total += cpu
        by_kind[k] = by_kind.get(k, 0) + cpu
        per = f", {1000 * cpu / blocks:.1f} ms/block" if blocks else ""
        print(f"{k} {pid}: {cpu:.2f} s CPU{per}")
        groups = {}
        for name, s in threads.values():
            groups[group(name)] = groups.get(group(name), 0) + s
        if k == "executor":
            work += groups.get(GROUPS[0][1], 0)
        elif k == "lone process":
            work += groups.get(GROUPS[3][1], 0)
        for g, s in sorted(groups.items(), key=lambda x: -x[1]):
            if s >= 0.01:
                print(f"  {s:8.2f} s" + (f" {1000 * s / blocks:7.1f} ms/block" if blocks else "") + f"  {g}")
    print("total " + ", ".join(f"{k} {s:.2f} s" for k, s in sorted(by_kind.items())) + f"; all {total:.2f} s")
    if total > 0:
        print(f"the blocks' work (executors' task threads, a lone process's main thread) {work:.2f} s, "
              f"{100 * work / total:.0f} % of all" + (f", {1000 * work / blocks:.1f} ms/block" if blocks else ""))


if __name__ == "__main__":
    if sys.argv[1] == "poll":
        poll(sys.argv[2], [int(p) for p in sys.argv[3:]])
    else:
        report(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)
