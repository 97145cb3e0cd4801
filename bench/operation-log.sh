#!/usr/bin/env bash
# Issue 18's bar (BENCHMARKS.md "## Operation log (issue 18)"): writing a log entry adds < 1 ms p95 to a counter
# sale. On a copy of a 1,000,000-member database whose log is first filled to PREFILL entries: N counter sales
# through CounterSales.sell, each followed by its log entry in a transaction of its own, timing OperationLog.record
# inside the transaction and the whole transaction; p50/p95/p99/max of each, and audit verify over the whole log.
#   bench/operation-log.sh DB [N] [PREFILL]   DB: a database filled by bench/foundation.sh (copied, never changed)
# Needs `./mvnw -q -DskipTests package test-compile` first (the benchmarks live in test-classes).
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCE=${1:?DB}
N=${2:-1000}
PREFILL=${3:-100000}
JAR=target/memberdesk.jar
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$SOURCE" "$WORK/log.db"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$JAR:target/test-classes" org.memberdesk.bench.OperationLogBenchmark "$WORK/log.db" "$N" "$PREFILL"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
