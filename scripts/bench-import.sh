#!/usr/bin/env bash
# Times the import (read, clean, COPY into staging, publish) of an Online-Retail-shaped file of LINES lines into a
# fresh database each run, and prints each run, the median and p95, the peak heap and the load average.
# Usage: scripts/bench-import.sh [LINES=541909] [RUNS=5]   (Java 21+ on JAVA_HOME, Maven on PATH)
#        scripts/bench-import.sh loaded [LINES] [RUNS]   the same into a warehouse that already holds LINES other lines
#                                          (imported untimed before each run): the insert trigger and indexes in place
#        scripts/bench-import.sh memory    one import each of 135,477, 541,909 and 1,083,818 lines in a heap of
#                                          BENCH_HEAP (default 192m): the peak heap and the peak left after a GC
# The file is the December 2010 sample replicated (target/bench-import/online-retail-LINES.csv, kept for later
# calls); the embedded server lives in target/bench-import/postgres. Target (issue 16): <= 10 s, aim 5 s.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
classpath_file=target/bench-classpath.txt
mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
bench() {
    "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx$1 -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
        com.consumer360.ingest.ImportBenchmark "${@:2}" 2>&1 | grep -E "^(import benchmark|run |Exception|java.lang.OutOfMemoryError)" || true
}
if [ "${1:-}" = loaded ]; then
    bench "${BENCH_HEAP:-1g}" "${2:-541909}" "${3:-5}" loaded
elif [ "${1:-}" = memory ]; then
    for lines in 135477 541909 1083818; do
        echo "$lines lines, -Xmx${BENCH_HEAP:-192m}:"
        bench "${BENCH_HEAP:-192m}" "$lines" 1
    done
else
    bench "${BENCH_HEAP:-1g}" "${1:-541909}" "${2:-5}"
fi
