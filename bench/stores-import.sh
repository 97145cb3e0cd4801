#!/usr/bin/env bash
# The 1M-member import on SQLite with two builds, alternated, each into a new database: issue 21's stores (V15's
# store_id columns and their triggers, the pipeline writing the store) against main before them.
#
#   bench/stores-import.sh DIR        DIR holds old/memberdesk.jar (+ old/lib), new/memberdesk.jar (+ new/lib) and
#                                     out/csv/{members,purchases}.csv (bench/foundation.sh's demo CSVs)
set -u
cd "${1:?the folder with old/, new/ and out/csv}"
for round in 1 2; do
  for jar in old new; do
    db=$PWD/$jar-$round.db; rm -f $db*
    /usr/bin/time -f "$jar r$round members: %e s wall, %U+%S s CPU" java -Xmx512m -jar $jar/memberdesk.jar --db $db import-members out/csv/members.csv --json > /dev/null
    /usr/bin/time -f "$jar r$round purchases: %e s wall, %U+%S s CPU" java -Xmx512m -jar $jar/memberdesk.jar --db $db import-purchases out/csv/purchases.csv --allow-returns --json > /dev/null
    echo "$jar r$round load $(cut -d' ' -f1-3 /proc/loadavg) stats $(java -jar $jar/memberdesk.jar --db $db stats --json)"
  done
done
