#!/usr/bin/env bash
# Remakes installer/startup-classes.txt: the JDK and JavaFX classes MemberDesk loads when the windows
# start (members screen with rows, a search), and for the self-test and the command line's common
# commands. installer/Jpackage.java builds the app-image's class-data archive from it. Run it after
# a JDK or JavaFX upgrade or a big change to the first screen; a stale list is harmless (unknown
# classes are skipped, missing ones load the slow way). Needs Xvfb and GTK for the window:
#   apt-get install -y xvfb libgtk-3-0
#
#   installer/startup-classes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGE=target/installer/out/MemberDesk
[ -x "$IMAGE/bin/MemberDesk" ] || ./mvnw -q -Pinstaller -Dinstaller.types=app-image -DskipTests package
WORK=$(mktemp -d)
trap 'cp "$WORK/cfg" "$IMAGE/lib/app/MemberDesk.cfg"; rm -rf "$WORK"' EXIT
cp "$IMAGE/lib/app/MemberDesk.cfg" "$WORK/cfg"
n=0
run() {  # one run of the app-image with its classes listed in $WORK/list-N
  n=$((n + 1))
  { grep -v 'SharedArchiveFile\|Xshare' "$WORK/cfg"; echo "java-options=-XX:DumpLoadedClassList=$WORK/list-$n"; } \
    > "$IMAGE/lib/app/MemberDesk.cfg"
  "$@" > /dev/null 2>&1
}
DB="$WORK/demo.db"
run "$IMAGE/bin/MemberDesk" --db "$DB" demo --members 2000
run xvfb-run -a -s "-screen 0 1600x1000x24" "$IMAGE/bin/MemberDesk" --db "$DB" --lang zh --startup-timing
run "$IMAGE/bin/MemberDesk" --self-test
run "$IMAGE/bin/MemberDesk" --db "$DB" stats --json
run "$IMAGE/bin/MemberDesk" --db "$DB" report --from 2026-10-01 --to 2026-10-31 --json
run "$IMAGE/bin/MemberDesk" --help
# the runtime's classes only (see Jpackage.classArchive): java.*, javax.*, jdk.*, sun.*, com.sun.*
# (JDK and JavaFX internals) and javafx.*, and the lambdas they define; the class-path jars' stay out
{
  echo "# The JDK and JavaFX classes MemberDesk's start-up loads; made by installer/startup-classes.sh"
  # sorted (classes, then the lambda lines), so that remaking the list shows only real changes in a diff
  cat "$WORK"/list-* | grep -v '^#' | awk '
    /^@lambda-form-invoker/ { print "2 " $0; next }
    /^@lambda-proxy/ { if ($2 ~ /^(java|javax|jdk|sun|com\/sun|javafx)\//) print "3 " $0; next }
    /^(java|javax|jdk|sun|com\/sun|javafx)\// { print "1 " $1 }' | LC_ALL=C sort -u | cut -c3-
} > installer/startup-classes.txt
wc -l installer/startup-classes.txt
