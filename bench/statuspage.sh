#!/usr/bin/env bash
# Status page under a flash crowd: wrk against Bongsu's status page (/ and /api/v1/status) and against nginx
# serving the very same bytes as static files, one after the other on this machine; median of RUNS runs.
# Meanwhile the page's JVM delivers subscription messages: SUBSCRIBERS confirmed subscribers (half webhooks to nginx,
# half e-mail to a loopback SMTP sink) get a new notice every ANNOUNCE_EVERY_MS during the measured runs (skipped
# while more than two notices' worth of messages wait: delivery runs flat out with a bounded backlog).
#
#   bench/statuspage.sh                 # 3 runs of 15 s per target and path, 2000 subscribers
#   RUNS=1 DURATION=5s bench/statuspage.sh
#   SUBSCRIBERS=0 bench/statuspage.sh   # the page alone, no subscriptions
#   KEEP=1 bench/statuspage.sh          # keep the temporary directory (logs, databases)
#
# Needs: java 17, maven (offline repository filled by a normal build), wrk, nginx, curl; python3 <= 3.11 for the
# SMTP sink (its standard-library smtpd; without it the subscribers are all webhooks).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
DURATION=${DURATION:-15s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
BONGSU_PORT=${BONGSU_PORT:-18431}
NGINX_PORT=${NGINX_PORT:-18432}
SERVERS=${SERVERS:-2}
BUILD_DIR=${BUILD_DIR:-target-sp}
SUBSCRIBERS=${SUBSCRIBERS:-2000}
ANNOUNCE_EVERY_MS=${ANNOUNCE_EVERY_MS:-1000}
SMTP_PORT=${SMTP_PORT:-18433}
CONTROL_PORT=${CONTROL_PORT:-18434}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC}

for tool in java mvn wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "statuspage.sh: '$tool' is needed (apt-get install wrk nginx curl)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/bongsu-bench-sp.XXXXXX)
chmod 755 "$work"   # nginx workers run as another user and must read the files
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [[ -f "$work/nginx/nginx.pid" ]]; then kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true; fi
  if [[ -n "${KEEP:-}" ]]; then echo "kept $work (server.log, smtp.log, data/)"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== building the status page ($BUILD_DIR)"
# One reactor invocation, so the model module resolves from the build itself (nothing needs installing); the
# classpath file is written per module and the status page, built last, writes it last.
mvn -B -q -o -Dbuild.dir="$BUILD_DIR" -pl statuspage -am compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$work/deps.txt" -Dmdep.includeScope=runtime >/dev/null
deps=$(tr ':' '\n' < "$work/deps.txt" | grep -v '/dev/bongsu/' | paste -sd: -)
cp="model/$BUILD_DIR/classes:statuspage/$BUILD_DIR/classes:$deps"
mkdir -p "$work/classes"
javac -nowarn -d "$work/classes" -cp "$cp" bench/src/main/java/dev/bongsu/bench/statuspage/*.java

smtp_pid=""
if (( SUBSCRIBERS > 0 )); then
  if python3 -W ignore -c 'import smtpd' 2>/dev/null; then
    # an SMTP server that takes every message (250), counts it and throws it away; writes the count when stopped
    cat > "$work/smtp_sink.py" <<'PY'
import signal, sys, warnings
warnings.simplefilter("ignore", DeprecationWarning)
import asyncore, smtpd

class Sink(smtpd.SMTPServer):
    received = 0

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        Sink.received += 1
        return None

def stop(*_):
    with open(sys.argv[2], "w") as f:
        f.write("%d\n" % Sink.received)
    sys.exit(0)

signal.signal(signal.SIGTERM, stop)
Sink(("127.0.0.1", int(sys.argv[1])), None, decode_data=False)
print("smtp sink listening", flush=True)
asyncore.loop(timeout=1)
PY
    python3 "$work/smtp_sink.py" "$SMTP_PORT" "$work/smtp_count" > "$work/smtp.log" 2>&1 &
    smtp_pid=$!
    pids+=("$smtp_pid")
    for _ in $(seq 1 50); do grep -q "listening" "$work/smtp.log" && break; sleep 0.1; done
    grep -q "listening" "$work/smtp.log" || { cat "$work/smtp.log"; echo "SMTP sink did not start" >&2; exit 1; }
    echo "== $SUBSCRIBERS subscribers: half webhooks to nginx, half e-mail to the SMTP sink on 127.0.0.1:$SMTP_PORT"
  else
    echo "== $SUBSCRIBERS subscribers, all webhooks to nginx: python3 has no smtpd module (removed in 3.12) for the SMTP sink"
    SMTP_PORT=0
  fi
fi

echo "== starting the status page on 127.0.0.1:$BONGSU_PORT ($SERVERS server instances)"
# shellcheck disable=SC2086
SUBSCRIBERS=$SUBSCRIBERS SMTP_PORT=$SMTP_PORT CONTROL_PORT=$CONTROL_PORT ANNOUNCE_EVERY_MS=$ANNOUNCE_EVERY_MS \
HOOK_URL="http://127.0.0.1:$NGINX_PORT/hook" \
java $JAVA_OPTS -cp "$work/classes:$cp" dev.bongsu.bench.statuspage.StatusPageBenchServer "$BONGSU_PORT" "$SERVERS" "$work/data" \
  > "$work/server.log" 2>&1 &
server_pid=$!
pids+=("$server_pid")
# creating the subscribers (two writes each) comes first
for _ in $(seq 1 900); do grep -q "listening on" "$work/server.log" && break; sleep 0.2; done
grep -q "listening on" "$work/server.log" || { cat "$work/server.log"; echo "server did not start" >&2; exit 1; }

echo "== copying the same bytes for nginx"
mkdir -p "$work/nginx/root/api/v1" "$work/nginx/logs"
curl -sf -H 'Accept-Language: ko' "http://127.0.0.1:$BONGSU_PORT/" -o "$work/nginx/root/index.html"
curl -sf "http://127.0.0.1:$BONGSU_PORT/api/v1/status" -o "$work/nginx/root/api/v1/status"
# the gzip'd bytes too, for nginx's gzip_static: a browser in a flash crowd asks for gzip
curl -sf -H 'Accept-Language: ko' -H 'Accept-Encoding: gzip' "http://127.0.0.1:$BONGSU_PORT/" -o "$work/nginx/root/index.html.gz"
curl -sf -H 'Accept-Encoding: gzip' "http://127.0.0.1:$BONGSU_PORT/api/v1/status" -o "$work/nginx/root/api/v1/status.gz"
chmod -R a+rX "$work/nginx/root"
echo "   / is $(wc -c < "$work/nginx/root/index.html") bytes ($(wc -c < "$work/nginx/root/index.html.gz") gzip'd)," \
  "/api/v1/status $(wc -c < "$work/nginx/root/api/v1/status") bytes ($(wc -c < "$work/nginx/root/api/v1/status.gz") gzip'd)"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  gzip_static on;
  gzip_vary on;
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/nginx/root;
    location = / { default_type "text/html; charset=utf-8"; try_files /index.html =404; }
    location = /api/v1/status { default_type "application/json; charset=utf-8"; }
    location = /hook { return 204; }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx"
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$NGINX_PORT/" -o /dev/null && break; sleep 0.1; done
cmp <(curl -sf -H 'Accept-Language: ko' "http://127.0.0.1:$BONGSU_PORT/") <(curl -sf "http://127.0.0.1:$NGINX_PORT/") \
  || { echo "nginx does not serve the same bytes" >&2; exit 1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# warm up the JIT before measuring
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H 'Accept-Language: ko' "http://127.0.0.1:$BONGSU_PORT/" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://127.0.0.1:$BONGSU_PORT/api/v1/status" >/dev/null
if (( SUBSCRIBERS > 0 )); then
  echo "== subscription delivery on: a notice to every subscriber every $ANNOUNCE_EVERY_MS ms while measuring (none while 2 notices' worth wait)"
  curl -sf -X POST "http://127.0.0.1:$CONTROL_PORT/start" >/dev/null
fi

# prints "requests/s p99_ms" of one wrk run; $2 is an extra header or empty
measure() {
  local out rps p99 extra=()
  [[ -n "${2:-}" ]] && extra=(-H "$2")
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Language: ko' "${extra[@]}" "$1")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' <<<"$out")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx answers from $1" >&2; fi
  echo "$rps $p99"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

results="$work/results.txt"
: > "$results"
cases=("/ plain" "/ gzip" "/api/v1/status plain" "/api/v1/status gzip")
for c in "${cases[@]}"; do
  read -r path enc <<<"$c"
  header=""; [[ $enc == gzip ]] && header="Accept-Encoding: gzip"
  for run in $(seq 1 "$RUNS"); do
    for target in bongsu nginx; do
      port=$BONGSU_PORT; [[ $target == nginx ]] && port=$NGINX_PORT
      echo "$target $path $enc $(measure "http://127.0.0.1:$port$path" "$header")" >> "$results"
      echo "   run $run $target $path $enc: $(tail -1 "$results" | cut -d' ' -f4-)"
    done
  done
done

if (( SUBSCRIBERS > 0 )); then
  # key=value figures of the measured time, read from the outbox's own counters
  delivery=$(curl -sf -X POST "http://127.0.0.1:$CONTROL_PORT/stop")
  fig() { tr ' ' '\n' <<<"$delivery" | awk -F= -v k="$1" '$1==k {print $2}'; }
  # the server goes first, so that its backlog meets no closed SMTP port (no retries after the measurement)
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  if [[ -n "$smtp_pid" ]]; then
    kill -TERM "$smtp_pid" 2>/dev/null || true
    wait "$smtp_pid" 2>/dev/null || true
  fi
fi

echo
echo "== median of $RUNS runs, wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, $(nproc) CPUs:$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), load before: $load_before"
printf '%-16s %-6s %-8s %12s %10s %16s\n' path body target 'requests/s' 'p99 ms' 'bongsu/nginx'
for c in "${cases[@]}"; do
  read -r path enc <<<"$c"
  nrps=$(awk -v p="$path" -v e="$enc" '$1=="nginx" && $2==p && $3==e {print $4}' "$results" | median)
  for target in bongsu nginx; do
    rps=$(awk -v t="$target" -v p="$path" -v e="$enc" '$1==t && $2==p && $3==e {print $4}' "$results" | median)
    p99=$(awk -v t="$target" -v p="$path" -v e="$enc" '$1==t && $2==p && $3==e {print $5}' "$results" | median)
    ratio=""; [[ $target == bongsu ]] && ratio=$(awk -v a="$rps" -v b="$nrps" 'BEGIN{printf "%.2f", a/b}')
    printf '%-16s %-6s %-8s %12s %10s %16s\n' "$path" "$enc" "$target" "$rps" "$p99" "$ratio"
  done
done
if (( SUBSCRIBERS > 0 )); then
  echo "with subscriptions being delivered: $(fig delivered) messages, $(fig rate)/s over $(fig seconds) s" \
    "($SUBSCRIBERS subscribers, $(fig notices) notices, $(fig skipped) skipped while the backlog was over 2 notices;" \
    "at the end $(fig pending) pending, $(fig dead) dead letters)"
  echo "   SMTP sink received $(cat "$work/smtp_count" 2>/dev/null || echo n/a) e-mails in all;" \
    "retries logged: $(grep -c 'subscription message retry' "$work/server.log" || true)," \
    "dead letters logged: $(grep -c 'dead letter' "$work/server.log" || true)," \
    "warnings/errors in the server log: $(grep -cE '^(WARNING|SEVERE)' "$work/server.log" || true)"
fi
