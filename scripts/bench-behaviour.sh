#!/usr/bin/env bash
# Server time of each behaviour map interaction (BehaviourService calls, as north and as exec) on a demo
# warehouse of LINES lines. Usage: scripts/bench-behaviour.sh [LINES=1000000] [DATA_DIR]
# (Java 21+ on JAVA_HOME, Maven on PATH). Without DATA_DIR the first call for a size generates and loads the demo
# data and runs the first refresh into target/bench-behaviour-LINES; later calls reuse it. DATA_DIR may name an
# existing portal data directory of that size (e.g. target/bench-refresh-LINES, when no other process uses it).
# Target (issue 7): <= 300 ms per interaction at 1 M lines.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
classpath_file=target/bench-classpath.txt
mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
lines="${1:-1000000}"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
    com.consumer360.behaviour.BehaviourBenchmark "$lines" ${2:+"$2"} 2>&1 | grep -E "^(behaviour benchmark|north|exec|  )"
