#!/usr/bin/env bash
# Server time of each weekly-summary interaction (SummaryService calls, as north and as exec) on a demo warehouse of
# LINES lines with 8 weekly snapshots of the past. Usage: scripts/bench-summary.sh [LINES=1000000]
# (Java 21+ on JAVA_HOME, Maven on PATH). The first call for a size generates and loads the demo data and runs the
# refreshes into target/bench-summary-LINES; later calls reuse it. Target (issue 15): <= 300 ms per interaction.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
classpath_file=target/bench-classpath.txt
mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
    com.consumer360.summary.SummaryBenchmark "${1:-1000000}" 2>&1 | grep -E "^(summary benchmark|north|exec|  )"
