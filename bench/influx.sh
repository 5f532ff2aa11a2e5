#!/usr/bin/env bash
# Sustained probe results per second written into a local InfluxDB 1.x by Bongsu's InfluxDB store; median of RUNS.
# Starts a private influxd (temporary directory, free loopback port) unless INFLUX_URL is given.
#
#   bench/influx.sh                          # 3 runs of 20 s after 5 s warm-up, 10,000 checks x 3 vantages
#   RUNS=1 MEASURE=5 bench/influx.sh
#   INFLUX_URL=http://127.0.0.1:8086 bench/influx.sh   # against a running InfluxDB (writes databases bongsu_bench_1..RUNS and bongsu_curl)
#   INFLUX_URL=discard bench/influx.sh                 # Bongsu's side alone: an in-process server that answers 204
#
# Needs: java 17, maven (offline repository filled by a normal build), influxd (apt-get install influxdb).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
WARMUP=${WARMUP:-5}
MEASURE=${MEASURE:-20}
CHECKS=${CHECKS:-10000}
VANTAGES=${VANTAGES:-3}
BATCH=${BATCH:-5000}
BUILD_DIR=${BUILD_DIR:-target-bench-influx}

work=$(mktemp -d /tmp/bongsu-bench-influx.XXXXXX)
influx_pid=""
cleanup() {
  if [[ -n "$influx_pid" ]]; then kill "$influx_pid" 2>/dev/null || true; wait "$influx_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

if [[ -z "${INFLUX_URL:-}" ]]; then
  command -v influxd >/dev/null || { echo "influx.sh: influxd is needed (apt-get install influxdb)" >&2; exit 1; }
  http_port=$(free_port); rpc_port=$(free_port)
  cat > "$work/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$rpc_port"
[meta]
  dir = "$work/meta"
[data]
  dir = "$work/data"
  wal-dir = "$work/wal"
  query-log-enabled = false
[monitor]
  store-enabled = false
[http]
  bind-address = "127.0.0.1:$http_port"
  log-enabled = false
[logging]
  level = "warn"
CONF
  influxd -config "$work/influxdb.conf" > "$work/influxd.log" 2>&1 &
  influx_pid=$!
  INFLUX_URL="http://127.0.0.1:$http_port"
  for _ in $(seq 1 100); do
    curl -fs -o /dev/null "$INFLUX_URL/ping" && break
    sleep 0.2
  done
  echo "== influxd $(influxd version | head -1) on $INFLUX_URL (data in $work)"
fi

echo "== building the aggregator ($BUILD_DIR)"
# One reactor invocation, so the model module resolves from the build itself (nothing needs installing); the
# classpath file is written per module and the aggregator, built last, writes it last.
mvn -B -q -o -Dbuild.dir="$BUILD_DIR" -pl aggregator -am compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$work/deps.txt" -Dmdep.includeScope=runtime >/dev/null
deps=$(tr ':' '\n' < "$work/deps.txt" | grep -v '/dev/bongsu/' | paste -sd: -)
cp="model/$BUILD_DIR/classes:aggregator/$BUILD_DIR/classes:$deps"
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$cp" bench/src/main/java/dev/bongsu/bench/influx/InfluxWriteBench.java

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
java -Xmx1g -cp "$work/classes:$cp" dev.bongsu.bench.influx.InfluxWriteBench \
  "$INFLUX_URL" "$RUNS" "$WARMUP" "$MEASURE" "$CHECKS" "$VANTAGES" "$BATCH"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

[[ "$INFLUX_URL" == discard ]] && exit 0

# The same InfluxDB without Bongsu: curl posting pre-built batches of BATCH lines back to back, for comparison.
python3 - "$BATCH" > "$work/batch.lp" <<'PY'
import sys, time
n = int(sys.argv[1]); now = int(time.time() * 1000) - 7200000
for i in range(n):
    s = i % 3000
    print(f"probe,category=bank,check=svc-{s}.http,datacenter=dc-{s % 12},outcome=success,provider=provider-{s % 40},"
          f"region=region-{s % 3},service=svc-{s},vantage=vantage-{i % 3} latency_ms=23.0,dns_ms=1.2,connect_ms=3.4,tls_ms=7.8,"
          f"first_byte_ms=19.0,status_code=200i,up=1i {now + i}")
PY
curl -fs -XPOST "$INFLUX_URL/query" --data-urlencode 'q=CREATE DATABASE bongsu_curl' >/dev/null
end=$((SECONDS + MEASURE)); posts=0
while (( SECONDS < end )); do
  curl -fs -o /dev/null -XPOST "$INFLUX_URL/write?db=bongsu_curl&precision=ms" --data-binary @"$work/batch.lp"
  posts=$((posts + 1))
done
echo "curl baseline (same influxd, one connection, batches of $BATCH): $((posts * BATCH / MEASURE)) points/s over ${MEASURE} s"
