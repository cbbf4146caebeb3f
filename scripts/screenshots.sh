#!/usr/bin/env bash
# Takes the README's screenshots: every section and a replay, at 1280x800 and 1920x1080, on a
# project made from sample-data/tasks and the tests' run fixtures (ScreenshotTour).
#   scripts/screenshots.sh [OUT_DIR]      (default docs/screenshots)
# JavaFX's Headless platform renders the window with the same software pipeline as on screen,
# so no display is needed; on a machine with GTK, SCREENSHOTS_GLASS=gtk runs it under Xvfb.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME="$("$ROOT/scripts/find-jdk.sh")" || exit 1
export JAVA_HOME
cd "$ROOT"
./mvnw -B -q -DskipTests test-compile
./mvnw -B -q -DskipTests dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
run=("$JAVA_HOME/bin/java" -Xmx2g --enable-native-access=ALL-UNNAMED -Dprism.order=sw -Djava.awt.headless=true
     -cp "target/test-classes:target/classes:$(cat target/bench.classpath)"
     org.termcurator.screenshots.ScreenshotTour "${1:-docs/screenshots}")
if [ "${SCREENSHOTS_GLASS:-headless}" = gtk ]; then
    exec xvfb-run -a -s "-screen 0 1920x1080x24" "${run[@]}"
fi
exec "${run[0]}" -Dglass.platform=Headless "${run[@]:1}"
