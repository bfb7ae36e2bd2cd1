#!/usr/bin/env bash
# One load run against a fresh pchat Standard topology (proxy + chat node + XMPP + HTTP in one process).
# Usage: bench/load/run.sh model|hot|history [options] [-- driver options]
#   --users N             users to seed and sign in (default 100)
#   --duration S          measured seconds after sign-in (default 60)
#   --warmup S            seconds the workload runs first, unmeasured: JIT and caches warm (default 20)
#   --rate R              posts/s (model default: 24 per 80,000 users; required for hot)
#   --hot-users N         members of the hot room (hot workload; default --users)
#   --history-messages N  messages in the history room (history workload; default 1000000)
#   --heap SIZE           server -Xmx (default 2g)
#   --jfr                 record a JFR profile of the server (settings=profile) into the run directory
#   --out DIR             run directory (default /tmp/pchat-load/<time>-<workload>)
# Builds only what is missing: server/target/pchat.jar, the driver classes in interop-tests/target/classes.
# Prints the figures as a table and leaves them as JSON in <run directory>/result.json.
# See docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

workload=${1:-}
case "$workload" in model|hot|history) shift ;; *) sed -n '2,15p' "$0" >&2; exit 2 ;; esac
users=100 duration=60 warmup=20 rate="" hot_users="" history_messages=1000000 heap=2g jfr=false out=""
driver_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --users) users=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --hot-users) hot_users=$2; shift 2 ;;
    --history-messages) history_messages=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --jfr) jfr=true; shift ;;
    --out) out=$2; shift 2 ;;
    --) shift; driver_args=("$@"); break ;;
    *) echo "bench/load/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ "$workload" = hot ] && [ -z "$rate" ] && { echo "bench/load/run.sh: hot needs --rate POSTS/S" >&2; exit 2; }

jar=server/target/pchat.jar
. bench/lib.sh
build_pchat_jar
build_load_driver LoadMain

out=${out:-/tmp/pchat-load/$(date +%Y%m%d-%H%M%S)-$workload}
mkdir -p "$out"
data="$out/data"
password=$(load_password)
proxy_port=$(free_port) sip_port=$(free_port) xmpp_port=$(free_port) http_port=$(free_port) pool_port=$(free_port)
settings=(--data-dir "$data" --set sip.domain=load.example.com --set proxy.port="$proxy_port"
  --set proxy.tls-port=0 --set sip.port="$sip_port" --set xmpp.port="$xmpp_port" --set http.port="$http_port"
  --set pool.port="$pool_port")
for listener in sip proxy xmpp http pool; do settings+=(--set "$listener.bind-address=127.0.0.1"); done

java -jar "$jar" "${settings[@]}" db migrate >"$out/migrate.log" 2>&1
seed=(--users "$users" --model-out "$out/model.tsv" --password-stdin)
case "$workload" in
  hot) seed+=(--no-model-rooms --hot-room-users "${hot_users:-$users}") ;;
  history) seed+=(--no-model-rooms --history-messages "$history_messages") ;;
esac
echo "seeding: ${seed[*]}" >&2
echo "$password" | java -Xmx2g -jar "$jar" "${settings[@]}" seed-model "${seed[@]}" | tee "$out/seed.log" >&2

jvm=(-Xms"$heap" -Xmx"$heap" -XX:+UseG1GC)
$jfr && jvm+=(-XX:StartFlightRecording=filename="$out/server.jfr",settings=profile,dumponexit=true)
java "${jvm[@]}" -jar "$jar" "${settings[@]}" serve >"$out/server.log" 2>&1 &
server_pid=$!
trap 'kill -TERM $server_pid 2>/dev/null || true; wait $server_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q 'started in' "$out/server.log" && break
  kill -0 "$server_pid" 2>/dev/null || { tail -50 "$out/server.log" >&2; exit 1; }
  sleep 0.2
done
grep -q 'started in' "$out/server.log" || { echo "server did not start" >&2; tail -50 "$out/server.log" >&2; exit 1; }

driver=(--workload "$workload" --model "$out/model.tsv" --proxy "127.0.0.1:$proxy_port" --users "$users"
  --duration "$duration" --warmup "$warmup" --server-pid "$server_pid" --json "$out/result.json" --label "$workload-$users")
[ -n "$rate" ] && driver+=(--rate "$rate")
echo "driver: ${driver[*]} ${driver_args[*]:-}" >&2
status=0
PCHAT_LOAD_PASSWORD="$password" java -Xmx3g -XX:+UseParallelGC -Dlogback.configurationFile="$root/bench/load/logback.xml" \
  -cp "$driver_cp" org.pchat.interop.load.LoadMain "${driver[@]}" "${driver_args[@]}" \
  | tee "$out/result.txt" || status=$?
extra=""; $jfr && extra=", server.jfr"
echo "run directory: $out (result.json, server.log$extra)"
exit "$status"
