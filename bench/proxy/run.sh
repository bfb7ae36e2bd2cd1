#!/usr/bin/env bash
# Benchmark of the next-hop proxy (docs/proxy.md "Benchmark"): MESSAGE/s relayed between two sipp endpoints over
# UDP and TCP, side by side with a direct sipp->sipp run and with Kamailio (Debian package, tm + rr, stateful),
# and chat sessions/s (INVITE, ACK, 5 INFO, BYE) through proxy + chat node. Everything on loopback; each run is
# bounded by its message count and a timeout, and every process started here is stopped on exit.
#
# Usage: bench/proxy/run.sh [MESSAGES] [SESSIONS]     (defaults 100000 and 2000)
#   env: BENCH_LIMIT  outstanding calls per sipp (default 200: with fewer, every relay waits on round trips and
#                     the machine idles, which measures latency, not capacity), BENCH_TIMEOUT seconds per run (120),
#        BENCH_ONLY=pchat to measure only the pchat proxy (no direct, Kamailio or chat runs), BENCH_JAVA_OPTS
set -euo pipefail

MESSAGES=${1:-100000}
SESSIONS=${2:-2000}
LIMIT=${BENCH_LIMIT:-200}
ONLY=${BENCH_ONLY:-all}
# heap and collector for a proxy holding every UDP non-INVITE transaction 32 s (RFC 3261 Timer J): see docs/proxy.md
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms4g -Xmx4g -XX:+UseParallelGC -XX:MaxTenuringThreshold=1 -Xmn1g}
# socket buffers of every sipp (its default of 64 KiB loses datagrams in bursts of 200 outstanding requests)
SIPP_BUF=4194304
TIMEOUT=${BENCH_TIMEOUT:-120}
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$(mktemp -d /tmp/pchat-bench.XXXXXX)"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1; }

# --- tools ---------------------------------------------------------------------------------------------------
if ! need sipp; then echo "installing sipp (sip-tester)"; apt-get install -y -qq sip-tester >/dev/null; fi
if ! need kamailio; then echo "installing kamailio"; apt-get install -y -qq kamailio >/dev/null; fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_port() { # port
  for _ in $(seq 1 200); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then exec 3>&- 3<&-; return 0; fi
    sleep 0.1
  done
  echo "nothing listens on $1" >&2; return 1
}

# --- build what is needed ------------------------------------------------------------------------------------
cd "$ROOT"
if [ ! -f server/target/pchat.jar ] || [ ! -f next-hop-proxy/target/next-hop-proxy-0.1.0-SNAPSHOT.jar ]; then
  echo "building pchat (mvn -pl server -am install -DskipTests)"
  mvn -B -o -q -pl server -am install -DskipTests
fi
mvn -B -o -q -pl next-hop-proxy dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$ROOT/next-hop-proxy/target/next-hop-proxy-0.1.0-SNAPSHOT.jar:$(cat "$WORK/cp.txt")"
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$CP" "$HERE/BenchProxy.java"
cp "$HERE/logback.xml" "$WORK/classes/"

# --- one sipp measurement -------------------------------------------------------------------------------------
# measure NAME TRANSPORT TARGET_URI REMOTE COUNT  -> prints "rate failures total" and appends to results
measure() {
  local name=$1 transport=$2 target=$3 remote=$4 count=$5 scenario=${6:-$HERE/message-uac.xml}
  local t=u1; [ "$transport" = tcp ] && t=t1
  local dir="$WORK/$name"; mkdir -p "$dir"
  local start end
  start=$(date +%s.%N)
  ( cd "$dir" && timeout "$((TIMEOUT + 15))" sipp -sf "$scenario" -t "$t" -i 127.0.0.1 -p "$(free_port)" \
      -key target "$target" -m "$count" -r 100000 -rp 1000 -l "$LIMIT" -buff_size "$SIPP_BUF" -nostdin -timeout "${TIMEOUT}s" \
      -trace_stat -stf "$dir/stat.csv" -fd 1 -trace_err -error_file "$dir/errors.log" \
      "$remote" >"$dir/sipp.out" 2>&1 ) || true
  end=$(date +%s.%N)
  python3 - "$dir/stat.csv" "$start" "$end" "$count" "$name" >>"$WORK/results.txt" <<'PY'
import csv, sys
path, start, end, count, name = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
ok = failed = 0
elapsed = end - start
try:
    rows = list(csv.reader(open(path), delimiter=';'))
    head, last = rows[0], rows[-1]
    ok = int(last[head.index('SuccessfulCall(C)')])
    failed = int(last[head.index('FailedCall(C)')])
    epoch = lambda cell: float(cell.split('\t')[-1])
    elapsed = epoch(last[head.index('CurrentTime')]) - epoch(rows[1][head.index('StartTime')])
except Exception as e:
    print(f"{name} unreadable stats: {e}", file=sys.stderr)
rate = ok / elapsed if elapsed > 0 else 0
pct = 100.0 * failed / max(1, ok + failed)
print(f"{name} {rate:.0f} {pct:.3f} {ok}")
PY
  tail -1 "$WORK/results.txt"
}

start_uas() { # transport port -> pid in UAS_PID
  local t=u1; [ "$1" = tcp ] && t=t1
  ( cd "$WORK" && exec sipp -sf "$HERE/message-uas.xml" -t "$t" -i 127.0.0.1 -p "$2" -buff_size "$SIPP_BUF" -nostdin \
      >"$WORK/uas-$1.out" 2>&1 ) &
  UAS_PID=$!
  PIDS+=("$UAS_PID")
  sleep 0.5
}

stop_pid() { if [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; then kill "$1" 2>/dev/null || true; fi; }

rate_of() { awk -v n="$1" '$1 == n { print $2 }' "$WORK/results.txt"; }

ratio() { python3 -c "import sys; a, b = sys.argv[1], sys.argv[2]; print(f'{float(a)/float(b):.2f}' if a and b and float(b) else '-')" "${1:-}" "${2:-}"; }

# --- Kamailio: a plain stateful proxy (tm + rr), tlsf memory manager ------------------------------------------
KAM_PORT=$(free_port)
cat >"$WORK/kamailio.cfg" <<EOF
#!KAMAILIO
debug=0
log_stderror=yes
memdbg=5
memlog=5
children=4
tcp_children=4
auto_aliases=no
listen=udp:127.0.0.1:$KAM_PORT
listen=tcp:127.0.0.1:$KAM_PORT
mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/"
loadmodule "pv.so"
loadmodule "tm.so"
loadmodule "sl.so"
loadmodule "rr.so"
loadmodule "maxfwd.so"
loadmodule "textops.so"
loadmodule "siputils.so"
request_route {
  if (!mf_process_maxfwd_header("10")) { sl_send_reply("483", "Too Many Hops"); exit; }
  if (has_totag()) {
    if (loose_route()) { t_relay(); exit; }
    if (is_method("ACK")) { if (t_check_trans()) { t_relay(); } exit; }
    sl_send_reply("404", "Not here"); exit;
  }
  if (is_method("INVITE|SUBSCRIBE")) { record_route(); }
  if (!t_relay()) { sl_reply_error(); }
}
EOF
kamailio -f "$WORK/kamailio.cfg" -c >/dev/null 2>&1 || { echo "kamailio config check failed"; kamailio -f "$WORK/kamailio.cfg" -c; exit 1; }

: >"$WORK/results.txt"
echo "== MESSAGE relay, $MESSAGES messages per run, $LIMIT outstanding =="
for transport in udp tcp; do
  UAS_PORT=$(free_port)
  start_uas "$transport" "$UAS_PORT"
  BOB="sip:bob@127.0.0.1:$UAS_PORT;transport=$transport"

  if [ "$ONLY" = all ]; then
  measure "direct-$transport" "$transport" "$BOB" "127.0.0.1:$UAS_PORT" "$MESSAGES"

  kamailio -f "$WORK/kamailio.cfg" -DD -E -x tlsf -m 2048 -M 64 -w "$WORK" >"$WORK/kamailio-$transport.log" 2>&1 &
  KAM_PID=$!; PIDS+=("$KAM_PID")
  wait_port "$KAM_PORT"
  measure "kamailio-$transport" "$transport" "$BOB" "127.0.0.1:$KAM_PORT" "$MESSAGES"
  stop_pid "$KAM_PID"; wait "$KAM_PID" 2>/dev/null || true
  fi

  PROXY_PORT=$(free_port)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$WORK/classes:$CP" BenchProxy "$PROXY_PORT" >"$WORK/proxy-$transport.log" 2>&1 &
  PROXY_PID=$!; PIDS+=("$PROXY_PID")
  wait_port "$PROXY_PORT"
  t=u1; [ "$transport" = tcp ] && t=t1
  ( cd "$WORK" && sipp -sf "$HERE/register-uas.xml" -t "$t" -i 127.0.0.1 -p "$(free_port)" -m 1 -nostdin \
      -key uas_port "$UAS_PORT" -key uas_transport "$transport" -timeout 10s "127.0.0.1:$PROXY_PORT" \
      >"$WORK/register-$transport.out" 2>&1 ) || { echo "REGISTER at the proxy failed"; exit 1; }
  # warm-up as long as the measured run: the JIT compiles the hot paths first (C2 threads would otherwise take
  # CPU from the run itself); Kamailio, compiled ahead of time, needs none
  measure "warmup-pchat-$transport" "$transport" "sip:bob@example.com" "127.0.0.1:$PROXY_PORT" "$MESSAGES" >/dev/null
  measure "pchat-$transport" "$transport" "sip:bob@example.com" "127.0.0.1:$PROXY_PORT" "$MESSAGES"
  stop_pid "$PROXY_PID"; wait "$PROXY_PID" 2>/dev/null || true
  stop_pid "$UAS_PID"; wait "$UAS_PID" 2>/dev/null || true
done

# --- chat sessions through proxy + node ---------------------------------------------------------------------
if [ "$ONLY" = all ]; then
echo "== chat sessions (INVITE, ACK, 5 INFO, BYE), $SESSIONS per run =="
NODE_PORT=$(free_port)
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$ROOT/server/target/pchat.jar" serve --data-dir="$WORK/node-data" \
  --set=proxy.enabled=false --set=sip.bind-address=127.0.0.1 --set=sip.port="$NODE_PORT" \
  --set=http.enabled=false --set=xmpp.enabled=false --set=pool.bind-address=127.0.0.1 \
  --set=pool.port="$(free_port)" >"$WORK/node.log" 2>&1 &
NODE_PID=$!; PIDS+=("$NODE_PID")
wait_port "$NODE_PORT"
for transport in tcp; do
  PROXY_PORT=$(free_port)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$WORK/classes:$CP" BenchProxy "$PROXY_PORT" "$NODE_PORT" >"$WORK/proxy-chat.log" 2>&1 &
  PROXY_PID=$!; PIDS+=("$PROXY_PID")
  wait_port "$PROXY_PORT"
  sleep 2
  measure "warmup-chat-$transport" "$transport" "unused" "127.0.0.1:$PROXY_PORT" "$SESSIONS" \
    "$HERE/chat-uac.xml" >/dev/null
  measure "chat-$transport" "$transport" "unused" "127.0.0.1:$PROXY_PORT" "$SESSIONS" "$HERE/chat-uac.xml"
  stop_pid "$PROXY_PID"; wait "$PROXY_PID" 2>/dev/null || true
done
stop_pid "$NODE_PID"; wait "$NODE_PID" 2>/dev/null || true
fi

# --- report -----------------------------------------------------------------------------------------------------
echo
echo "== results ($(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)) =="
printf '%-10s %12s %12s %12s %14s %14s\n' transport "direct/s" "kamailio/s" "pchat/s" "pchat/direct" "pchat/kamailio"
for transport in udp tcp; do
  d=$(rate_of "direct-$transport"); k=$(rate_of "kamailio-$transport"); p=$(rate_of "pchat-$transport")
  printf '%-10s %12s %12s %12s %14s %14s\n' "$transport" "$d" "$k" "$p" \
    "$(ratio "$p" "$d")" "$(ratio "$p" "$k")"
done
echo "failure percentages (name rate/s failed% ok):"
grep -v '^warmup' "$WORK/results.txt"
echo "chat sessions/s through proxy + node (TCP): $(rate_of chat-tcp)"
echo "work directory (logs, sipp stats): $WORK"
