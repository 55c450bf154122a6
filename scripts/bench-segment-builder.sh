#!/usr/bin/env bash
# Server time of the custom segment builder (issue 18's targets: preview <= 300 ms, save <= 500 ms, 50 segments
# evaluated in a refresh <= 2 s extra): the live preview of three definitions as csops and north, create and edit as
# csops, and refreshes without and with 50 saved segments; median and p95 of each. Usage:
# scripts/bench-segment-builder.sh [LINES=1000000] (Java 21+ on JAVA_HOME, Maven on PATH). Shares the demo warehouse
# of scripts/bench-segment-pages.sh (target/bench-segments-LINES, generated on first use); deletes what it creates.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
classpath_file=target/bench-classpath.txt
mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
    com.consumer360.customsegments.SegmentBuilderBenchmark "${1:-1000000}" 2>&1 | grep -E "^(segment builder benchmark|  )"
