#!/usr/bin/env bash
# The XMPP benchmark: the same Multi-User Chat workload against pchat, Prosody and ejabberd, one after the other
# on loopback in one run, printed side by side with ratios. See docs/benchmarks.md.
# Usage: bench/xmpp/run.sh [options] [-- driver options]
#   --servers LIST        which servers, in order (default pchat,prosody,ejabberd)
#   --users N             users signed in to each server (default 1000)
#   --room-size N         occupants per room (default 100)
#   --rooms-per-user N    rooms each user is in (default 1; occupants = users x rooms-per-user)
#   --rates LIST          post rates (posts/s over all rooms) to step through (default 10,25,50,100,150,200,300,400,500,600,800,1000,1200,1500,2000)
#   --step S              measured seconds per step (default 15)
#   --warmup S            unmeasured seconds before each step (default 5)
#   --p99-limit MS        a step counts while delivery p99 stays within this (default 50)
#   --history-messages N  pchat only: seed a room of N messages and read MAM pages of it (with --mam-rate)
#   --mam-rate N          MAM page queries/s during every step (pchat only; default 0)
#   --heap SIZE           pchat -Xmx (default 2g)
#   --jfr                 record a JFR profile of pchat (settings=profile) into <run directory>/pchat/server.jfr
#   --out DIR             run directory (default /tmp/pchat-xmpp/<time>)
# Installs Prosody and ejabberd from Debian when they are missing (apt-get; needs root). Each server gets its own
# configuration in the run directory: plain TCP on loopback, SASL without TLS, in-band registration for the
# driver's users, MUC with message archiving on (pchat archives every message; the peers are set up to do the same).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

servers=pchat,prosody,ejabberd users=1000 room_size=100 rooms_per_user=1
rates=10,25,50,100,150,200,300,400,500,600,800,1000,1200,1500,2000 step=15 warmup=5 p99=50 history_messages=0 mam_rate=0 heap=2g jfr=false out=""
driver_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --servers) servers=$2; shift 2 ;;
    --users) users=$2; shift 2 ;;
    --room-size) room_size=$2; shift 2 ;;
    --rooms-per-user) rooms_per_user=$2; shift 2 ;;
    --rates) rates=$2; shift 2 ;;
    --step) step=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --p99-limit) p99=$2; shift 2 ;;
    --history-messages) history_messages=$2; shift 2 ;;
    --mam-rate) mam_rate=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --jfr) jfr=true; shift ;;
    --out) out=$2; shift 2 ;;
    --) shift; driver_args=("$@"); break ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "bench/xmpp/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

jar=server/target/pchat.jar
. bench/lib.sh
[[ ",$servers," == *,pchat,* ]] && build_pchat_jar
build_load_driver XmppLoadMain
need=()
[[ ",$servers," == *,prosody,* ]] && ! command -v prosody >/dev/null && need+=(prosody)
[[ ",$servers," == *,ejabberd,* ]] && ! command -v ejabberdctl >/dev/null && need+=(ejabberd)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} from Debian" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >&2
fi

out=${out:-/tmp/pchat-xmpp/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"
chmod 755 "$out"
domain=load.example.com
password=$(load_password)
xmpp_ready() { # port pid log: the port answers a stream header with stream features (a server still starting
  # may accept connections before it serves them)
  for _ in $(seq 1 300); do
    python3 - "$1" "$domain" <<'PY' && return 0
import socket, sys
try:
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2)
    s.sendall(("<?xml version='1.0'?><stream:stream to='%s' xmlns='jabber:client' "
               "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>" % sys.argv[2]).encode())
    data = b""
    while b"features" not in data:
        chunk = s.recv(4096)
        if not chunk:
            sys.exit(1)
        data += chunk
    s.sendall(b"</stream:stream>")
    s.close()
except OSError:
    sys.exit(1)
PY
    kill -0 "$2" 2>/dev/null || { echo "server exited; last lines of $3:" >&2; tail -30 "$3" >&2; return 1; }
    sleep 0.2
  done
  echo "port $1 did not serve XMPP; last lines of $3:" >&2; tail -30 "$3" >&2; return 1
}
stop_server() { # pid
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
}
server_pid=""
trap '[ -n "$server_pid" ] && stop_server "$server_pid"' EXIT

drive() { # label port pid [driver options...]
  local label=$1 port=$2 pid=$3; shift 3
  local args=(--server "127.0.0.1:$port" --domain "$domain" --users "$users" --room-size "$room_size"
    --rooms-per-user "$rooms_per_user" --rates "$rates" --step "$step" --warmup "$warmup" --p99-limit "$p99"
    --server-pid "$pid" --json "$out/$label.json" --label "$label" "$@")
  echo "driver ($label): ${args[*]} ${driver_args[*]:-}" >&2
  PCHAT_LOAD_PASSWORD="$password" java -Xmx3g -XX:+UseParallelGC \
    -Dlogback.configurationFile="$root/bench/load/logback.xml" -cp "$driver_cp" \
    org.pchat.interop.load.XmppLoadMain "${args[@]}" "${driver_args[@]}" | tee "$out/$label.txt" || true
}

run_pchat() {
  local dir=$out/pchat port http_port sip_port proxy_port pool_port
  mkdir -p "$dir"
  port=$(free_port) http_port=$(free_port) sip_port=$(free_port) proxy_port=$(free_port) pool_port=$(free_port)
  local settings=(--data-dir "$dir/data" --set sip.domain=$domain --set xmpp.port="$port" --set http.port="$http_port"
    --set sip.port="$sip_port" --set proxy.port="$proxy_port" --set proxy.tls-port=0 --set pool.port="$pool_port"
    --set xmpp.allow-auth-without-tls=true --set xmpp.room-category=load)
  for listener in sip proxy xmpp http pool; do settings+=(--set "$listener.bind-address=127.0.0.1"); done
  java -jar "$jar" "${settings[@]}" db migrate >"$dir/migrate.log" 2>&1
  local seed=(--users "$users" --no-model-rooms --model-out "$dir/model.tsv" --password-stdin)
  [ "$history_messages" -gt 0 ] && seed+=(--history-messages "$history_messages")
  echo "$password" | java -Xmx2g -jar "$jar" "${settings[@]}" seed-model "${seed[@]}" >&2
  local jvm=(-Xms"$heap" -Xmx"$heap" -XX:+UseG1GC)
  $jfr && jvm+=(-XX:StartFlightRecording=filename="$dir/server.jfr",settings=profile,dumponexit=true)
  java "${jvm[@]}" -jar "$jar" "${settings[@]}" serve >"$dir/server.log" 2>&1 &
  server_pid=$!
  xmpp_ready "$port" "$server_pid" "$dir/server.log"
  local extra=(--sasl scram)
  [ "$mam_rate" != 0 ] && [ "$history_messages" -gt 0 ] && extra+=(--mam-room "load-history@conference.$domain" --mam-rate "$mam_rate")
  drive pchat "$port" "$server_pid" "${extra[@]}"
  stop_server "$server_pid"; server_pid=""
}

run_prosody() {
  local dir=$out/prosody port
  mkdir -p "$dir/data"
  port=$(free_port)
  cat >"$dir/prosody.cfg.lua" <<EOF
-- written by bench/xmpp/run.sh: plain TCP on loopback for the load driver
pidfile = "$dir/prosody.pid"
data_path = "$dir/data"
log = { { levels = { min = "error" }, to = "file", filename = "$dir/prosody.log" } }
interfaces = { "127.0.0.1" }
c2s_ports = { $port }
s2s_ports = { }
http_ports = { }
https_ports = { }
network_backend = "epoll"
network_settings = { tcp_backlog = 1024 }
modules_enabled = { "roster", "saslauth", "disco", "ping", "register" }
modules_disabled = { "s2s", "offline" }
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
authentication = "internal_hashed"
allow_registration = true
storage = "internal"
archive_expires_after = "never"
VirtualHost "$domain"
Component "conference.$domain" "muc"
  modules_enabled = { "muc_mam" }
  muc_log_by_default = true
  muc_log_all_rooms = true
  restrict_room_creation = false
  max_history_messages = 20
EOF
  chown -R prosody:prosody "$dir"
  # setpriv, not su/runuser: those apply PAM's limits (1,024 open files), which would cap the server's connections
  HOME="$dir" setpriv --reuid=prosody --regid=prosody --init-groups prosody --config "$dir/prosody.cfg.lua" -F \
    >"$dir/stdout.log" 2>&1 &
  server_pid=$!
  xmpp_ready "$port" "$server_pid" "$dir/stdout.log"
  drive prosody "$port" "$server_pid" --register --sasl scram
  stop_server "$server_pid"; server_pid=""
}

run_ejabberd() {
  local dir=$out/ejabberd port node ctl
  mkdir -p "$dir/spool" "$dir/logs"
  port=$(free_port)
  node="bench$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')@localhost"
  cat >"$dir/ejabberd.yml" <<EOF
# written by bench/xmpp/run.sh: plain TCP on loopback for the load driver
hosts:
  - "$domain"
loglevel: error
log_rotate_count: 0
listen:
  - port: $port
    ip: "127.0.0.1"
    module: ejabberd_c2s
    backlog: 1024
    max_stanza_size: 262144
    starttls_required: false
auth_method: [internal]
auth_password_format: scram
registration_timeout: infinity
shaper_rules:
  max_user_sessions: 10
  c2s_shaper: none
access_rules:
  local:
    allow: all
  c2s:
    allow: all
  register:
    allow: all
  muc_create:
    allow: all
modules:
  mod_disco: {}
  mod_ping: {}
  mod_roster: {}
  mod_register:
    access: register
    ip_access: all
  mod_mam:
    db_type: mnesia
    default: always
  mod_muc:
    host: "conference.$domain"
    access: all
    access_create: muc_create
    access_persistent: all
    access_mam: all
    history_size: 20
    max_users: 10000
    max_user_conferences: 1000
    default_room_options:
      mam: true
      persistent: false
EOF
  # our own ejabberdctl.cfg: Debian's (/etc/default/ejabberd) would point the server back at /etc/ejabberd
  printf 'POLL=true\nERL_PROCESSES=250000\nERL_MAX_PORTS=65536\nEJABBERD_PID_PATH=%s\n' "$dir/ejabberd.pid" \
    >"$dir/ejabberdctl.cfg"
  chown -R ejabberd:ejabberd "$dir"
  ctl=(ejabberdctl --config "$dir/ejabberd.yml" --ctl-config "$dir/ejabberdctl.cfg" --spool "$dir/spool"
    --logs "$dir/logs" --node "$node")
  # as the ejabberd user already, so that ejabberdctl does not su (PAM's limit of 1,024 open files)
  HOME="$dir" EJABBERD_BYPASS_WARNINGS=true setpriv --reuid=ejabberd --regid=ejabberd --init-groups "${ctl[@]}" \
    foreground >"$dir/stdout.log" 2>&1 &
  server_pid=$!
  xmpp_ready "$port" "$server_pid" "$dir/stdout.log"
  local beam_pid
  beam_pid=$(pgrep -f -n "beam.*$node" || echo "$server_pid")
  drive ejabberd "$port" "$beam_pid" --register --sasl scram
  HOME="$dir" EJABBERD_BYPASS_WARNINGS=true setpriv --reuid=ejabberd --regid=ejabberd --init-groups "${ctl[@]}" \
    stop >/dev/null 2>&1 || true
  stop_server "$server_pid"; server_pid=""
}

IFS=, read -r -a order <<<"$servers"
for s in "${order[@]}"; do
  case "$s" in
    pchat) run_pchat ;;
    prosody) run_prosody ;;
    ejabberd) run_ejabberd ;;
    *) echo "bench/xmpp/run.sh: unknown server $s" >&2; exit 2 ;;
  esac
done

python3 - "$out" "$p99" "${order[@]}" <<'EOF'
import json, os, sys
out, limit, names = sys.argv[1], sys.argv[2], sys.argv[3:]
runs = {}
for n in names:
    path = os.path.join(out, n + ".json")
    if os.path.exists(path):
        runs[n] = json.load(open(path))
print()
print(f"best step with delivery p99 <= {limit} ms and nothing lost, rooms of {next(iter(runs.values()))['room_size'] if runs else '?'}")
print(f"{'server':10} {'occupants':>9} {'posts/s':>8} {'deliveries/s':>12} {'p99 ms':>7} {'failed':>6}")
for n, r in runs.items():
    print(f"{n:10} {r['occupants']:>9} {r['best_posts_per_s']:>8.1f} {r['best_deliveries_per_s']:>12.1f} "
          f"{r['best_delivery_p99_ms'] if r['best_delivery_p99_ms'] is not None else float('nan'):>7.1f} {r['failed_operations']:>6}")
if "pchat" in runs:
    base = runs["pchat"]["best_deliveries_per_s"]
    for n, r in runs.items():
        if n != "pchat" and r["best_deliveries_per_s"]:
            print(f"pchat/{n}: {base / r['best_deliveries_per_s']:.2f}")
json.dump({n: {k: r[k] for k in ("occupants", "best_posts_per_s", "best_deliveries_per_s", "best_delivery_p99_ms",
                                  "failed_operations")} for n, r in runs.items()},
          open(os.path.join(out, "comparison.json"), "w"), indent=2)
print(f"run directory: {out}")
EOF
