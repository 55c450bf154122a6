#!/usr/bin/env bash
# Benchmark of the headless batch run: generates N transaction lines, runs `analyze` on them under
# /usr/bin/time -v and prints lines per second, wall time, peak resident memory and per-stage times.
#
#   scripts/bench-analyze.sh N              # N lines from the demo generator (`generate`), when the jar has it
#   scripts/bench-analyze.sh N SOURCE.csv   # N lines replicated from SOURCE (e.g. the UCI Online Retail file)
#
# Replication (the fallback when the jar has no `generate` command) copies SOURCE's data lines as often as
# needed; copy k moves every date k years later and prefixes invoice numbers with k, so copies are new
# invoices of the same customers, not exact duplicates. Build first: mvn -DskipTests package.
set -euo pipefail

lines=${1:?usage: scripts/bench-analyze.sh N [SOURCE.csv[.gz]]}
source_csv=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/target/consumer360.jar
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
input=$work/bench-$lines.csv
java=${JAVA:-java}

[[ -f $jar ]] || { echo "no $jar: run mvn -DskipTests package first" >&2; exit 1; }

if [[ -z $source_csv ]] && unzip -l "$jar" | grep -q 'com/consumer360/demodata/GenerateCommand.class'; then
    echo "generating $lines lines with the demo generator ..." >&2
    "$java" -jar "$jar" generate --lines "$lines" --out "$input" --seed 42 --end 2011-12-09
else
    source_csv=${source_csv:-$root/src/test/resources/online-retail/online_retail_2010-12.csv.gz}
    echo "replicating $source_csv to $lines lines ..." >&2
    # The date is found as the first field shaped YYYY-MM-DD; the invoice is field 1 (UCI) or the field
    # named invoice_id/InvoiceNo in the header.
    zcat -f "$source_csv" | awk -v want="$lines" '
        NR == 1 { header = $0; next }
        { body[++n] = $0 }
        END {
            print header
            for (k = 0; written < want; k++) {
                for (i = 1; i <= n && written < want; i++) {
                    line = body[i]
                    if (k > 0) {
                        if (match(line, /(^|,)(C?)([0-9A-Za-z]+),/)) {
                            pre = substr(line, 1, RSTART - 1)
                            inv = substr(line, RSTART, RLENGTH)
                            sub(/^,?C?/, "&" k "-", inv)
                            line = pre inv substr(line, RSTART + RLENGTH)
                        }
                        if (match(line, /[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]/)) {
                            year = substr(line, RSTART, 4) + k
                            line = substr(line, 1, RSTART - 1) year substr(line, RSTART + 4)
                        }
                    }
                    print line
                    written++
                }
            }
        }' > "$input"
fi

out=$work/out-$lines
timing=$work/time-$lines.txt
/usr/bin/time -v "$java" -jar "$jar" analyze --input "$input" --out "$out" 2> "$timing" >/dev/null || {
    cat "$timing" >&2; exit 1; }

wall=$(grep 'Elapsed (wall clock)' "$timing" | awk '{print $NF}')
rss_kb=$(grep 'Maximum resident set size' "$timing" | awk '{print $NF}')
seconds=$(echo "$wall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
python3 - "$out/summary.json" "$lines" "$seconds" "$rss_kb" <<'PY'
import json, sys
summary, lines, seconds, rss_kb = json.load(open(sys.argv[1])), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print(f"lines:              {lines:,}")
print(f"wall time:          {seconds:.2f} s (JVM start included)")
print(f"lines per second:   {lines / seconds:,.0f} end to end, {summary['lines_per_second']:,} inside the run")
print(f"max resident:       {rss_kb / 1024:,.0f} MB")
print(f"peak heap:          {summary['peak_heap_bytes'] / 2**20:,.0f} MB")
print("stages (ms):        " + ", ".join(f"{k} {v}" for k, v in summary['stage_millis'].items()))
PY
echo "input and results kept in $work" >&2
