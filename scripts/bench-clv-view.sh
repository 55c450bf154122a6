#!/usr/bin/env bash
# Server time of each CLV page interaction (ClvService calls, as north and as exec) on a demo warehouse of
# LINES lines. Usage: scripts/bench-clv-view.sh [LINES=1000000]   (Java 21+ on JAVA_HOME, Maven on PATH)
# The first call for a size generates and loads the demo data and runs the first refresh into
# target/bench-clv-LINES; later calls reuse it. Target (issue 14): <= 300 ms per interaction at 1 M lines.
# (scripts/bench-clv.sh times the model fits themselves.)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
classpath_file=target/bench-classpath.txt
# Full coordinates: the "dependency:" prefix does not resolve on machines without the plugin-group metadata.
mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
    com.consumer360.clv.ClvBenchmark "${1:-1000000}" 2>&1 | grep -E "^(clv benchmark|north|exec|  )"
