#!/usr/bin/env python3
"""Merges the result JSON of the driver processes that shared one run (bench/load/run.sh --proxies N).

Usage: merge-shards.py OUT.json SHARD.json...   Prints the merged table; exit 0.

Counts and rates are summed over the shards. A shard's latency percentiles cover its own posts and users only,
so the merged percentiles are the highest of the shards' (an upper bound of the whole run's). Server figures
come from the first shard, the only one that measures the server's processes. Failures are summed by kind.
"""
import json
import sys

SUM_SUFFIXES = ("_count", "_per_s")
SUMMED = {"users", "sessions_held", "posts", "deliveries", "deliveries_expected", "deliveries_missing",
          "posts_not_fully_delivered", "deliveries_duplicate", "deliveries_unexpected", "posts_skipped", "joins",
          "history_reads", "failed_operations", "driver_cpu_pct", "deliveries_other_shards",
          "invites_deferred", "session_refreshes"}
FROM_FIRST = ("server_", "proxies_", "cores", "workload", "measured_s")


def merge(shards):
    merged = {}
    for key in shards[0]:
        if key == "failures":
            continue
        values = [s.get(key) for s in shards]
        if key == "label":
            merged[key] = values[0].rsplit("-shard", 1)[0]
        elif key == "shard":
            merged[key] = "%d shards" % len(shards)
        elif key.startswith(FROM_FIRST):
            merged[key] = values[0]
        elif key in SUMMED or key.endswith(SUM_SUFFIXES):
            merged[key] = sum(v or 0 for v in values)
        elif isinstance(values[0], bool):
            merged[key] = any(values)
        else:  # latencies, sign-in time, driver lags: the worst shard
            merged[key] = max((v for v in values if v is not None), default=None)
    failures = {}
    for s in shards:
        for kind, count in s.get("failures", {}).items():
            failures[kind] = failures.get(kind, 0) + count
    merged["failures"] = failures
    return merged


def text(v):
    if isinstance(v, float):
        return "%.2f" % v
    if v is None:
        return "n/a"
    return str(v).lower() if isinstance(v, bool) else str(v)


def main():
    out, paths = sys.argv[1], sys.argv[2:]
    shards = [json.load(open(p)) for p in paths]
    merged = merge(shards)
    with open(out, "w") as f:
        json.dump(merged, f, indent=2)
    width = max(len(k) for k in merged)
    print("-" * (width + 22))
    for k, v in merged.items():
        if k != "failures":
            print("%-*s  %18s" % (width, k, text(v)))
    print("-" * (width + 22))
    print("latencies: the highest of %d shards' (each covers its own posts and users)" % len(shards))
    if merged["failures"]:
        for kind, count in merged["failures"].items():
            print("failure: %s x%d" % (kind, count))
    else:
        print("failures: none")


if __name__ == "__main__":
    main()
