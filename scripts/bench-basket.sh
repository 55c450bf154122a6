#!/usr/bin/env bash
# Times basket-rule mining in process after warm-up: Groceries at support 0.001 (arules publishes
# 0.02-0.06 s) and a synthetic Online-Retail-sized data set at support 0.01 (target: at most 1 s).
# Usage: scripts/bench-basket.sh   (from the repository root; Java 21+ on JAVA_HOME, Maven on PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
classpath_file=target/bench-classpath.txt
mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.outputFile="$classpath_file"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
    com.consumer360.analytics.basket.BasketBenchmark
