#!/usr/bin/env bash
# Server time of the custom segment pages' service calls (profile, movement, why, compare, overlap, exports), as
# north and as exec, on a demo warehouse of LINES lines. Usage: scripts/bench-segment-pages.sh [LINES=1000000]
# (Java 21+ on JAVA_HOME, Maven on PATH). The first call for a size generates and loads the demo data into
# target/bench-segments-LINES; every call creates three segments, refreshes twice, times, and deletes them.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
classpath_file=target/bench-classpath.txt
mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
    com.consumer360.customsegments.SegmentPagesBenchmark "${1:-1000000}" 2>&1 | grep -E "^(segment pages benchmark|  )"
