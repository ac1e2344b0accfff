#!/usr/bin/env python3
"""The per-request table of a Gatling HTML report as Markdown (count, KO, p50/p95/p99 in ms, requests/s).

Usage: gatling-table.py [report dir, default: the newest under target/gatling]"""
import glob
import html
import os
import re
import sys

d = sys.argv[1] if len(sys.argv) > 1 else max(glob.glob("target/gatling/*/"), key=os.path.getmtime)
s = open(os.path.join(d, "index.html"), encoding="utf-8").read()
body = s[s.index('<tbody><tr id="ROOT"'):]
print("| request | count | KO | KO % | req/s | p50 ms | p95 ms | p99 ms | max ms |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
    cells = [html.unescape(re.sub("<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
    if len(cells) >= 14:
        name = cells[0].split("\n")[0].strip()
        print(f"| {name} | {cells[1]} | {cells[3]} | {cells[4]} | {cells[5]} | {cells[7]} | {cells[9]} | {cells[10]} | {cells[11]} |")
