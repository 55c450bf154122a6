#!/usr/bin/env bash
# Times the import (read, clean, COPY into staging, publish) of an Online-Retail-shaped file of LINES lines into a
# fresh database each run, and prints each run, the median and p95, the peak heap and the load average.
# Usage: scripts/bench-import.sh [LINES=541909] [RUNS=5]   (Java 21+ on JAVA_HOME, Maven on PATH)
# The file is the December 2010 sample replicated (target/bench-import/online-retail-LINES.csv, kept for later
# calls); the embedded server lives in target/bench-import/postgres. Target (issue 16): <= 10 s, aim 5 s.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
classpath_file=target/bench-classpath.txt
mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx${BENCH_HEAP:-1g} -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
    com.consumer360.ingest.ImportBenchmark "${1:-541909}" "${2:-5}" 2>&1 | grep -E "^(import benchmark|run )"
