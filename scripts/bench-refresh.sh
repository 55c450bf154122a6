#!/usr/bin/env bash
# Times the weekly refresh end to end (read, engines, write, switch) on a demo warehouse of LINES lines.
# Usage: scripts/bench-refresh.sh [LINES=1000000] [RUNS=3] [SHAPE=standard|online-retail]
#        (Java 21+ on JAVA_HOME, Maven on PATH)
# SHAPE online-retail generates invoices of about 20 lines over 4,000 products, like UCI Online Retail
# (541,909 lines: about 27,000 invoices of 7,000 customers); standard is the portal's demo data (about 4 lines
# per invoice). The first call for a shape and size generates and loads the data into
# target/bench-refresh-SHAPE-LINES (about 30 s for 1 M lines); later calls reuse it.
# Targets (issue 6): <= 5 s for the 1 M-line demo data, <= 1 s for an Online-Retail-sized warehouse.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
classpath_file=target/bench-classpath.txt
mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
    com.consumer360.refresh.RefreshBenchmark "${1:-1000000}" "${2:-3}" "${3:-standard}" 2>&1 | grep -E "^(refresh benchmark|run )"
