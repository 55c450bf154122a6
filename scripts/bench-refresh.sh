#!/usr/bin/env bash
# Times the weekly refresh end to end (read, engines, write, switch) on a demo warehouse of LINES lines.
# Usage: scripts/bench-refresh.sh [LINES=1000000] [RUNS=3]   (Java 21+ on JAVA_HOME, Maven on PATH)
# The first call for a size generates and loads the demo data into target/bench-refresh-LINES (about 30 s
# for 1 M lines); later calls reuse it. Targets: <= 5 s for 1 M lines, <= 1 s for 540,000.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q test-compile
classpath_file=target/bench-classpath.txt
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
    com.consumer360.refresh.RefreshBenchmark "${1:-1000000}" "${2:-3}" 2>&1 | grep -E "^(refresh benchmark|run )"
