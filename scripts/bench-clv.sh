#!/usr/bin/env bash
# Benchmark of the CLV fits (BG/NBD + Gamma-Gamma) after warm-up, on CDNOW and on 100,000 simulated
# customers. Usage: scripts/bench-clv.sh  (from the repository root; needs the dependencies in ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ] && [ -z "${JAVA_HOME:-}" ]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export PATH="${JAVA_HOME:+$JAVA_HOME/bin:}$PATH"
mvn -q test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    com.consumer360.analytics.clv.ClvBenchmark
