#!/usr/bin/env python3
"""Whole-process timing of commands run in alternation, so that a load change hits every command alike.

Usage: scripts/bench-alternate.py ROUNDS SPEC.json
SPEC.json maps a name to a shell command. One unmeasured round, then ROUNDS rounds of every command in turn;
prints each command's median, min and max wall time in ms. A command that fails stops the run.
(hyperfine runs each command's runs back to back; on a shared machine the load moves between them.)
"""
import subprocess, sys, time, statistics, json, os
n = int(sys.argv[1]); spec = json.load(open(sys.argv[2]))
names = list(spec.keys()); times = {k: [] for k in names}
for r in range(n + 1):
    for k in names:
        t = time.perf_counter()
        p = subprocess.run(spec[k], shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        dt = (time.perf_counter() - t) * 1000
        if p.returncode != 0:
            print("FAILED", k, p.returncode); sys.exit(1)
        if r > 0:
            times[k].append(dt)
for k in names:
    v = times[k]
    print(f"{k:28s} median {statistics.median(v):7.0f} ms  min {min(v):6.0f}  max {max(v):6.0f}  (n={len(v)})")
