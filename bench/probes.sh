#!/usr/bin/env bash
# Probe engine benchmark: HTTP checks per second one probe node sustains, CPU-ms per 1,000 probes, and scheduler
# lag at 1,000 and 10,000 checks. The target (the simulated fleet without latency, or TARGET=minimal for one
# bare Vert.x HTTP server) runs in its own JVM on loopback, so the probe node's process CPU time is its own.
# A run is the scheduled node at rising rates and two check counts (about 90 s), then a closed loop of 30,000 probes
# through the checkers alone (CPU per probe without the scheduler, about 15 s); RUNS runs (default 3), then the
# median of each figure.
#
#   bench/probes.sh                  # 3 runs against the simulator
#   RUNS=1 TARGET=minimal bench/probes.sh
#
# Needs: java 17, maven (offline repository filled by a normal build).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
TARGET=${TARGET:-simulator}
BUILD_DIR=${BUILD_DIR:-target-probes}
HEAP=${HEAP:-1g}

work=$(mktemp -d /tmp/bongsu-bench-probes.XXXXXX)
target_pid=""
cleanup() {
  if [[ -n "$target_pid" ]]; then kill "$target_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building probes and simulator ($BUILD_DIR)"
mvn -B -q -o -Dbuild.dir="$BUILD_DIR" -pl probes,simulator -am compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$work/deps.txt" -Dmdep.appendOutput=true -Dmdep.includeScope=runtime
deps=$(tr ':' '\n' < "$work/deps.txt" | grep '\.jar$' | sort -u | paste -sd: -)
cp="model/$BUILD_DIR/classes:probes/$BUILD_DIR/classes:simulator/$BUILD_DIR/classes:$deps"
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$cp" bench/src/main/java/dev/bongsu/bench/probes/*.java
cp="$work/classes:$cp"

echo "== machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "== load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx256m -cp "$cp" dev.bongsu.bench.probes.ProbeTarget "$TARGET" "$work/urls.txt" > "$work/target.log" 2>&1 &
target_pid=$!
for _ in $(seq 1 150); do [[ -f "$work/urls.txt" ]] && break; sleep 0.2; done
[[ -f "$work/urls.txt" ]] || { echo "probes.sh: the target did not start:" >&2; cat "$work/target.log" >&2; exit 1; }
head -1 "$work/target.log"

outs=()
for i in $(seq 1 "$RUNS"); do
  echo "== run $i of $RUNS"
  timeout 120 java -Xmx"$HEAP" -cp "$cp" dev.bongsu.bench.probes.ProbeBench "$work/urls.txt" "$work/run$i.tsv"
  timeout 60 java -Xmx"$HEAP" -cp "$cp" dev.bongsu.bench.probes.ProbeCostBench "$work/urls.txt" 30000 64 "$work/run$i.tsv"
  outs+=("$work/run$i.tsv")
done
echo "== median of $RUNS runs"
java -cp "$cp" dev.bongsu.bench.probes.ProbeBench --median "${outs[@]}" | column -t
