#!/usr/bin/env bash
# Issue 15's counter bar (BENCHMARKS.md "## Counter: sale and return"): on a copy of a 1,000,000-member database,
# N sales at the counter (tier discount, half with a coupon, points, possible upgrade) and N returns, each one
# transaction through the purchase pipeline; p50/p95/max per kind. The old path (CounterBenchmark: a plain sale
# through PurchaseService.record) runs on the same copy in the same run, as the reference.
#   bench/counter.sh DB [N]     DB: a database filled by bench/foundation.sh (it is copied, never changed)
# Needs `./mvnw -q -DskipTests package test-compile` first (the benchmarks live in test-classes).
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCE=${1:?DB}
N=${2:-1000}
JAR=target/memberdesk.jar
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$SOURCE" "$WORK/counter.db"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$JAR:target/test-classes" org.memberdesk.bench.CounterBenchmark "$WORK/counter.db" "$N"
java -cp "$JAR:target/test-classes" org.memberdesk.bench.CounterSalesBenchmark "$WORK/counter.db" "$N"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
