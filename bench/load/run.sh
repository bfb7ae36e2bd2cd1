#!/usr/bin/env bash
# One load run against a fresh pchat Standard topology (proxy + chat node + XMPP + HTTP in one process).
# Usage: bench/load/run.sh model|hot|history [options] [-- driver options]
#   --users N             users to seed and sign in (default 100)
#   --duration S          measured seconds after sign-in (default 60)
#   --warmup S            seconds the workload runs first, unmeasured: JIT and caches warm (default 20)
#   --rate R              posts/s (model default: 24 per 80,000 users; required for hot)
#   --hot-users N         members of the hot room (hot workload; default --users)
#   --history-messages N  messages in the history room (history workload; default 1000000)
#   --heap SIZE           server -Xmx (default 2g; with --proxies, the chat node's)
#   --proxy-heap SIZE     with --proxies, each proxy's -Xmx (default: --heap)
#   --jfr                 record a JFR profile of the server (settings=profile) into the run directory, and of
#                         each proxy process with --proxies
#   --proxies N           run the proxy as N processes of its own (pchat proxy), each in front of the one chat
#                         node, with N driver processes (one per proxy, each playing every Nth user): for runs
#                         beyond one process's open-file limit (ulimit -n). The processes share PostgreSQL
#                         (127.0.0.1:5432, role pchat/pchat, see .ci/setup); default 0: the Standard topology.
#   --out DIR             run directory (default /tmp/pchat-load/<time>-<workload>)
# Builds only what is missing: server/target/pchat.jar, the driver classes in interop-tests/target/classes.
# Prints the figures as a table and leaves them as JSON in <run directory>/result.json.
# See docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

workload=${1:-}
case "$workload" in model|hot|history) shift ;; *) sed -n '2,17p' "$0" >&2; exit 2 ;; esac
users=100 duration=60 warmup=20 rate="" hot_users="" history_messages=1000000 heap=2g proxy_heap="" jfr=false out="" proxies=0
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
    --proxy-heap) proxy_heap=$2; shift 2 ;;
    --jfr) jfr=true; shift ;;
    --proxies) proxies=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --) shift; driver_args=("$@"); break ;;
    *) echo "bench/load/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ "$workload" = hot ] && [ -z "$rate" ] && { echo "bench/load/run.sh: hot needs --rate POSTS/S" >&2; exit 2; }
case "$proxies" in ''|*[!0-9]*) echo "bench/load/run.sh: --proxies $proxies is not a count" >&2; exit 2 ;; esac

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
if [ "$proxies" -gt 0 ]; then
  # processes of their own share the users and rooms through the database: a fresh pair on the local PostgreSQL
  command -v psql >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432 \
    || { echo "bench/load/run.sh: --proxies needs PostgreSQL on 127.0.0.1:5432 with role pchat (run .ci/setup)" >&2; exit 1; }
  db="pchat_bench_$(date +%s)"
  for part in content compliance; do
    PGPASSWORD=pchat psql -qX -h 127.0.0.1 -U pchat -d postgres -c "CREATE DATABASE ${db}_$part" >/dev/null
    settings+=(--set "db.$part.url=jdbc:postgresql://127.0.0.1:5432/${db}_$part" --set "db.$part.user=pchat"
      --set "db.$part.password=pchat")
  done
  echo "databases: ${db}_content, ${db}_compliance on PostgreSQL (dropped at the end)" >&2
fi

java -jar "$jar" "${settings[@]}" db migrate >"$out/migrate.log" 2>&1
seed=(--users "$users" --model-out "$out/model.tsv" --password-stdin)
case "$workload" in
  hot) seed+=(--no-model-rooms --hot-room-users "${hot_users:-$users}") ;;
  history) seed+=(--no-model-rooms --history-messages "$history_messages") ;;
esac
echo "seeding: ${seed[*]}" >&2
echo "$password" | java -Xmx2g -jar "$jar" "${settings[@]}" seed-model "${seed[@]}" | tee "$out/seed.log" >&2

jvm=(-Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -Xlog:gc:file="$out/gc-node.log")
$jfr && jvm+=(-XX:StartFlightRecording=filename="$out/server.jfr",settings=profile,dumponexit=true)
node_settings=("${settings[@]}")
[ "$proxies" -gt 0 ] && node_settings+=(--set proxy.enabled=false)
java "${jvm[@]}" -jar "$jar" "${node_settings[@]}" serve >"$out/server.log" 2>&1 &
server_pid=$!
pids=("$server_pid")
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${db:-}" ]; then
    for part in content compliance; do
      PGPASSWORD=pchat psql -qX -h 127.0.0.1 -U pchat -d postgres -c "DROP DATABASE IF EXISTS ${db}_$part WITH (FORCE)" \
        >/dev/null 2>&1 || true
    done
  fi
}
trap cleanup EXIT
# waits until a process's log says it started
await_start() { # pid log pattern
  for _ in $(seq 1 600); do
    grep -qs "$3" "$2" && return 0
    kill -0 "$1" 2>/dev/null || { tail -50 "$2" >&2; exit 1; }
    sleep 0.2
  done
  echo "$2: did not start" >&2; tail -50 "$2" >&2; exit 1
}
await_start "$server_pid" "$out/server.log" 'started in'
proxy_ports=("$proxy_port")
if [ "$proxies" -gt 0 ]; then
  proxy_ports=()
  for k in $(seq 0 $((proxies - 1))); do
    port=$(free_port)
    proxy_jvm=(-Xms"${proxy_heap:-$heap}" -Xmx"${proxy_heap:-$heap}" -XX:+UseG1GC -Xlog:gc:file="$out/gc-proxy-$k.log")
    $jfr && proxy_jvm+=(-XX:StartFlightRecording=filename="$out/proxy-$k.jfr",settings=profile,dumponexit=true)
    java "${proxy_jvm[@]}" -jar "$jar" "${settings[@]}" \
      --set proxy.port="$port" \
      proxy --nodes "127.0.0.1:$sip_port" >"$out/proxy-$k.log" 2>&1 &
    pids+=($!)
    proxy_ports+=("$port")
    await_start "$!" "$out/proxy-$k.log" 'pchat proxy started'
  done
fi
server_pids=$(IFS=,; echo "${pids[*]}")

driver=(--workload "$workload" --model "$out/model.tsv" --users "$users" --duration "$duration" --warmup "$warmup")
[ -n "$rate" ] && driver+=(--rate "$rate")
run_driver() { # proxy port, then driver options
  local port=$1; shift
  PCHAT_LOAD_PASSWORD="$password" java -Xmx3g -XX:+UseParallelGC -Dlogback.configurationFile="$root/bench/load/logback.xml" \
    -cp "$driver_cp" org.pchat.interop.load.LoadMain --proxy "127.0.0.1:$port" "${driver[@]}" "$@" "${driver_args[@]}"
}
status=0
if [ "$proxies" -eq 0 ]; then
  echo "driver: ${driver[*]} ${driver_args[*]:-}" >&2
  run_driver "$proxy_port" --server-pid "$server_pid" --json "$out/result.json" --label "$workload-$users" \
    | tee "$out/result.txt" || status=$?
else
  # one driver per proxy, each playing every Nth user; the first also measures the node and the proxies
  shard_pids=()
  for k in $(seq 0 $((proxies - 1))); do
    measure=(); [ "$k" -eq 0 ] && measure=(--server-pid "$server_pids")
    echo "driver $k: ${driver[*]} --shard $k/$proxies ${driver_args[*]:-}" >&2
    run_driver "${proxy_ports[$k]}" --shard "$k/$proxies" --barrier "$out/barrier" --json "$out/result-$k.json" \
      --label "$workload-$users-shard$k" "${measure[@]}" >"$out/result-$k.txt" 2>"$out/driver-$k.log" &
    shard_pids+=($!)
  done
  for pid in "${shard_pids[@]}"; do wait "$pid" || status=$?; done
  python3 "$root/bench/load/merge-shards.py" "$out/result.json" "$out"/result-*.json | tee "$out/result.txt"
fi
extra=""; $jfr && extra=", server.jfr"; $jfr && [ "$proxies" -gt 0 ] && extra="$extra, proxy-*.jfr"
echo "run directory: $out (result.json, server.log$extra)"
exit "$status"
