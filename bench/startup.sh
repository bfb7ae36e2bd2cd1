#!/usr/bin/env bash
# Start-up time of `pchat serve` (Standard topology) on a fresh and on an existing data directory.
# Usage: bench/startup.sh [runs]   (build first: mvn -B -DskipTests package)
# Prints the "pchat started in N ms" figure of each run (measured from JVM start), then min/median/max.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=server/target/pchat.jar
runs=${1:-5}
[ -f "$jar" ] || { echo "bench/startup.sh: $jar not found: run 'mvn -B -DskipTests package' first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

one_run() { # $1 = data dir; prints the start-up milliseconds
  local log="$work/run.log" pid ms=""
  java -jar "$jar" serve --data-dir "$1" --set sip.port=0 --set proxy.port=0 --set proxy.tls-port=0 \
    --set xmpp.port=0 --set http.port=0 >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    ms=$(grep -oE 'pchat started in [0-9]+ ms' "$log" | grep -oE '[0-9]+' || true)
    [ -n "$ms" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  kill -TERM "$pid"; wait "$pid" || true
  [ -n "$ms" ] || { echo "no start-up line" >&2; cat "$log" >&2; exit 1; }
  echo "$ms"
}

summary() { sort -n | awk '{a[NR]=$1} END {printf "min %d ms, median %d ms, max %d ms (%d runs)\n", a[1], a[int((NR+1)/2)], a[NR], NR}'; }

echo "fresh data directory (creates and migrates both databases, seeds the demo room):"
for i in $(seq 1 "$runs"); do one_run "$work/fresh-$i"; done | tee "$work/fresh.txt" | sed 's/^/  /'
summary < "$work/fresh.txt" | sed 's/^/  /'
echo "existing data directory:"
for i in $(seq 1 "$runs"); do one_run "$work/fresh-1"; done | tee "$work/again.txt" | sed 's/^/  /'
summary < "$work/again.txt" | sed 's/^/  /'
