#!/usr/bin/env bash
# Server time of each basket page interaction (BasketService calls, as north and as exec) on a demo warehouse of
# LINES lines. Usage: scripts/bench-basket-view.sh [LINES=1000000] [DATA_DIR=target/bench-rfm-LINES] \
#     [MIN_SUPPORT=0.002 MIN_CONFIDENCE=0.2]
# Other thresholds need a DATA_DIR of their own: they apply to the first refresh there (more rules per set).
# (Java 21+ on JAVA_HOME, Maven on PATH). The first call for a data directory generates and loads the demo data and
# runs the first refresh; later calls reuse it (the RFM benchmark's directory by default). Prints median and p95 of
# 21 calls per interaction. Target (issue 13): <= 300 ms per interaction at 1 M lines.
# scripts/bench-basket.sh times the rule miner itself.
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-1000000}"
mvn -q test-compile
classpath_file=target/bench-classpath.txt
# Full coordinates: the "dependency:" prefix does not resolve on machines without the plugin-group metadata.
mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
    com.consumer360.basket.BasketBenchmark "$lines" "${2:-target/bench-rfm-$lines}" "${3:-0.002}" "${4:-0.2}" 2>&1 \
    | grep -E "^(basket view benchmark|north|exec|  )"
