#!/usr/bin/env python3
"""Each statement's own time on the database, from a MariaDB/MySQL slow query log of a load run (load-test.sh).

Usage: sql-times.py SLOW_LOG [SCHEMA]. Statements of SCHEMA only; literals folded to ?, grouped by shape, sorted by
total time; prints count, p50/p95/p99/max in ms and the shape (first 160 characters)."""
import re
import sys
from collections import defaultdict

path = sys.argv[1]
schema = sys.argv[2] if len(sys.argv) > 2 else None
times = defaultdict(list)
cur_schema, qtime, stmt = None, None, []


def flush():
    global stmt
    if qtime is not None and stmt and (schema is None or cur_schema == schema):
        sql = " ".join(s for s in stmt if not s.startswith(("SET timestamp", "use "))).strip()
        if sql:
            shape = re.sub(r"'(?:[^'\\]|\\.)*'", "?", sql)
            shape = re.sub(r"\b\d+(\.\d+)?\b", "?", shape)
            shape = re.sub(r"\(\s*\?(\s*,\s*\?)+\s*\)", "(?…)", shape)
            shape = re.sub(r"\s+", " ", shape)
            times[shape].append(qtime * 1000)
    stmt = []


with open(path, encoding="utf-8", errors="replace") as f:
    for line in f:
        line = line.rstrip("\n")
        if line.startswith("# Time:") or line.startswith("# User@Host:"):
            flush()
            qtime = None
        elif line.startswith("# Thread_id:"):
            m = re.search(r"Schema: (\S*)", line)
            cur_schema = m.group(1) if m else None
        elif line.startswith("# Query_time:"):
            flush()
            qtime = float(line.split()[2])
        elif line.startswith("#") or not line.strip():
            continue
        else:
            stmt.append(line.strip())
    flush()


def pct(xs, p):
    xs = sorted(xs)
    return xs[max(0, min(len(xs) - 1, int(round(p / 100 * len(xs) + 0.5)) - 1))]


print(f"{'count':>7} {'total s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}  statement")
for shape, xs in sorted(times.items(), key=lambda kv: -sum(kv[1]))[:40]:
    print(f"{len(xs):7d} {sum(xs) / 1000:8.2f} {pct(xs, 50):8.2f} {pct(xs, 95):8.2f} {pct(xs, 99):8.2f} {max(xs):8.2f}  {shape[:160]}")
