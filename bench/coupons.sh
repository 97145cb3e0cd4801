#!/usr/bin/env bash
# Coupons benchmark: issue a campaign to 100,000 members, print a 10,000-row coupon list to PDF,
# redeem coupons one by one; then the same through the command line, JVM start included.
# Usage: bench/coupons.sh [DB]   (DB defaults to /tmp/coupons-bench.db, made with 100,000 demo members)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-/tmp/coupons-bench.db}
./mvnw -q -DskipTests package
JAR=target/memberdesk.jar
if [ ! -f "$DB" ]; then
  java -jar "$JAR" --db "$DB" demo --members 100000 --json
fi
echo "== in-process timings"
java -cp "target/test-classes:$JAR:target/lib/*" org.memberdesk.coupons.CouponsBenchmark "$DB" 200

echo "== command line (JVM start included)"
ID=$(java -jar "$JAR" --db "$DB" campaign create --name "cli bench" --type threshold --value 20 --min-spend 100 \
  --target all --control 10 --seed 3 --json | sed 's/.*"campaign":\([0-9]*\).*/\1/')
/usr/bin/time -f "campaign issue: %e s" java -jar "$JAR" --db "$DB" campaign issue "$ID" --json
/usr/bin/time -f "coupons print (A4 list): %e s" java -jar "$JAR" --db "$DB" coupons print "$ID" --pdf /tmp/coupons-bench.pdf --json
/usr/bin/time -f "campaign report: %e s" java -jar "$JAR" --db "$DB" campaign report "$ID" --json
