#!/usr/bin/env bash
# Issue 19: the 10 M-line warehouse and the refresh's growth, in one run, each size in its own JVM with -Xmx1g.
# Usage: scripts/bench-scale.sh [SIZES="1000000 10000000"] [RUNS=3] [DATA_ROOT=target/bench-scale]
#        (Java 21+ on JAVA_HOME, Maven on PATH)
# For each size, starts the portal as ./dev run would (embedded PostgreSQL in DATA_ROOT/LINES; a new directory is
# generated and loaded first, then gets its first refresh with the history weeks), prints the load time, the first
# refresh, RUNS refreshes with their per-stage times and the heap (peak used, and the largest heap after a
# collection), then the ratio of the per-stage medians of the last size to the first (issue 19 target: the refresh
# at 10 M lines <= 12 x its time at 1 M lines). GC logs go to DATA_ROOT/gc-LINES.log. A 10 M-line directory takes
# about 5 GB; the first load of 10 M lines about 5 minutes and the first refresh with its history a few more.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=(${1:-1000000 10000000})
runs=${2:-3}
root=${3:-target/bench-scale}
mkdir -p "$root"
mvn -q test-compile
classpath_file=target/bench-classpath.txt
mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
declare -A medians
for lines in "${sizes[@]}"; do
    echo "== $lines lines, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    out=$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx1g "-Xlog:gc:file=$root/gc-$lines.log" \
        -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
        com.consumer360.refresh.ScaleBenchmark "$lines" "$runs" "$root/$lines" 2>&1 \
        | grep -E "^(scale benchmark|load|first refresh|heap|run [0-9]|median|Exception|Caused by)")
    echo "$out" | grep -v "^median"
    echo "$out" | grep "^median" | sed 's/^/   /'
    # From the GC log of the whole JVM (start and runs): the heap after a full collection is the live set then.
    awk '/Pause/ { split($0, a, "->"); split(a[2], b, "M"); pause += $NF }
         /Pause (Young|Remark)/ { if (b[1] > after) after = b[1] }
         /Pause Full/ { full++; if (b[1] > live) live = b[1] }
         END { printf "   gc log: %.1f s paused; %d full collections, heap after them at most %d MB; after any other pause at most %d MB\n",
               pause / 1000, full, live, after }' "$root/gc-$lines.log"
    echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    medians[$lines]=$(echo "$out" | grep "^median")
done
first=${sizes[0]}
last=${sizes[${#sizes[@]}-1]}
if [[ "$first" != "$last" ]]; then
    echo "== per-stage median at $last lines / at $first lines (target for \"total\": <= 12)"
    join <(echo "${medians[$first]}" | awk '{print $2, $3}' | sort) \
         <(echo "${medians[$last]}" | awk '{print $2, $3}' | sort) \
        | awk '{ printf "%-22s %8d ms %8d ms  %6.1f x\n", $1, $2, $3, ($2 > 0 ? $3 / $2 : 0) }'
fi
