#!/usr/bin/env bash
# Live paging latency: fault onset → first notification POST on a real webhook receiver on 127.0.0.1, with 1 s
# probing and the monitor's default detection and alerting settings. Three cases, RUNS runs each (default 3), then
# the median:
#   refuse  the four kakao services in pangyo refuse connections at once      (target ≤ 2.0 s)
#   hang    the same four accept connections and never answer (timeouts)      (target ≤ 3.0 s)
#   blip    kakaotalk alone refuses connections for 2 s; POSTs counted for BLIP_WINDOW s after it (target: none)
# Bongsu runs as a user runs it — `java -jar bongsu.jar run --config F` — with a generated configuration (the 8
# simulated services, 3 vantages, `defaults.interval: 1s`, a `webhook` receiver, nothing else set), a fresh process
# and data directory per run. The simulated fleet and the receiver run in the bench's own JVM (PagingBench).
# With PEER=on (the default) the same cases then run against Prometheus + blackbox_exporter + Alertmanager (Debian
# packages, installed when missing): scrape/evaluation 1 s, `probe_success == 0` for 3s, group_wait 0s.
# About 1 min per Bongsu run and 30 s per peer run: 3 runs × 3 cases × 2 monitors ≈ 10 min.
#
#   bench/paging.sh                                  # builds app/target-bench/bongsu.jar, 3 runs, Bongsu then the peer
#   RUNS=1 PEER=off CASES=refuse bench/paging.sh
#   JAR=app/target/bongsu.jar bench/paging.sh        # an already built jar (no build)
#   BUILD_DIR=target-x bench/paging.sh               # build into app/target-x instead
#   KEEP=1 bench/paging.sh                           # keep the work directory (configs, each process's log)
#
# Needs: java 17, maven (offline repository filled by a normal build); for PEER=on prometheus,
# prometheus-blackbox-exporter and prometheus-alertmanager (apt-get install, done here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
CASES=${CASES:-refuse,hang,blip}
PEER=${PEER:-on}
BUILD_DIR=${BUILD_DIR:-target-bench}
JAR=${JAR:-}
BLIP_WINDOW=${BLIP_WINDOW:-15}
PAGE_DEADLINE=${PAGE_DEADLINE:-30}
SETTLE=${SETTLE:-3}
BONGSU_JAVA_OPTS=${BONGSU_JAVA_OPTS:--Xmx512m}
KEEP=${KEEP:-0}

work=$(mktemp -d /tmp/bongsu-bench-paging.XXXXXX)
cleanup() {
  if [[ "$KEEP" == 1 ]]; then echo "== work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if [[ "$PEER" == on ]]; then
  missing=()
  command -v prometheus >/dev/null || missing+=(prometheus)
  command -v prometheus-blackbox-exporter >/dev/null || missing+=(prometheus-blackbox-exporter)
  command -v prometheus-alertmanager >/dev/null || missing+=(prometheus-alertmanager)
  if (( ${#missing[@]} )); then
    echo "== installing ${missing[*]} (the peer; PEER=off skips it)"
    sudo=""; [[ $(id -u) == 0 ]] || sudo=sudo
    $sudo apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

code="a jar built elsewhere"
if [[ -z "$JAR" ]]; then
  echo "== building app/$BUILD_DIR/bongsu.jar"
  mvn -B -q -o -Dbuild.dir="$BUILD_DIR" -pl app -am -DskipTests package >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; echo "paging.sh: build failed (or JAR=path to use a built jar)" >&2; exit 1; }
  JAR="app/$BUILD_DIR/bongsu.jar"
  code="built now from commit $(git log -1 --format=%h 2>/dev/null || echo '?')"
  if [[ -n "$(git status --porcelain -- ':!bench' 2>/dev/null | head -1)" ]]; then code+=" + uncommitted changes"; fi
fi
[[ -f "$JAR" ]] || { echo "paging.sh: no jar at $JAR" >&2; exit 1; }
JAR=$(realpath "$JAR")
# The runnable jar carries the simulator and Vert.x, so the bench compiles and runs against it alone.
mkdir -p "$work/classes"
javac -nowarn -d "$work/classes" -cp "$JAR" bench/src/main/java/dev/bongsu/bench/paging/*.java

echo "== machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "== load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== command: RUNS=$RUNS CASES=$CASES PEER=$PEER BLIP_WINDOW=$BLIP_WINDOW JAR=$JAR bench/paging.sh"
echo "== jar: $JAR (modified $(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC'), $code)"
monitors=1; [[ "$PEER" == on ]] && monitors=2
ncases=$(tr ',' '\n' <<< "$CASES" | grep -c .)
timeout $(( RUNS * ncases * monitors * 180 + 120 )) \
  java -Xmx256m -Djava.util.logging.SimpleFormatter.format='%1$tT %4$s %5$s%6$s%n' -cp "$work/classes:$JAR" dev.bongsu.bench.paging.PagingBench --jar "$JAR" --runs "$RUNS" --cases "$CASES" \
    --peer "$PEER" --blip-window "$BLIP_WINDOW" --page-deadline "$PAGE_DEADLINE" --settle "$SETTLE" \
    --java-opts "$BONGSU_JAVA_OPTS" --work "$work/runs"
