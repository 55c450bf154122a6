#!/usr/bin/env bash
# Server time of every page interaction the views' benchmarks time (Sales, customer search, RFM, behaviour,
# segments, basket, CLV, cohorts, summary), as north and as exec, on ONE demo warehouse of LINES lines; prints p50
# and p95 per interaction, worst first, and the worst one. An export is timed until its download starts (the first
# 8 KiB written) and until the whole file is written (docs/decisions/0009: goals 300 ms and 5 s).
# Usage: scripts/bench-pages.sh [LINES=1000000] [DATA_DIR=target/bench-pages-LINES]   (Java 21+, Maven on PATH)
# The first call for a size generates and loads the demo data and runs the first refresh (and two history weeks);
# later calls reuse it. BENCH_RUNS=3 times each interaction 3 times instead of the benchmarks' own counts (a first look);
# BENCH_PAGES=sales,segments runs only those pages (names: sales, customer search, rfm, behaviour, segments, basket,
# clv, cohorts, summary); BENCH_REFRESH=1 runs one refresh first (a warehouse loaded by an earlier version). Goal (issue 19): p95 <= 300 ms for every interaction at 10 M lines, aim 100 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
classpath_file=target/bench-classpath.txt
mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx${BENCH_HEAP:-1g} ${BENCH_RUNS:+-Dbench.runs=$BENCH_RUNS} \
    ${BENCH_PAGES:+"-Dbench.pages=$BENCH_PAGES"} ${BENCH_REFRESH:+-Dbench.refresh=true} -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
    com.consumer360.bench.PagesBenchmark "${1:-1000000}" ${2:+"$2"} 2>&1 | grep -E "^(pages |  )"
