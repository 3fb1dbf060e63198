#!/usr/bin/env bash
# Sizing for docs/scaling.md: generate a synthetic lines file (about 19 lines a customer), import it into an empty
# embedded store, then analyze, segment, back up and restore it, printing each step's time, the store's size on
# disk, the archive's size and the peak heap (the JVM's own high-water mark of used heap, from -Xlog:gc).
# Usage: bench/scaling.sh CUSTOMERS [HEAP]   e.g. 52000 for about 1M lines, 520000 for about 10M (HEAP default 4g)
set -euo pipefail
cd "$(dirname "$0")/.."
customers=${1:?customers}
heap=${2:-4g}
jar=${CUSTOGRAPH_JAR:-target/custograph.jar}
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
work=${SCALING_DIR:-$(mktemp -d)}
mkdir -p "$work"
run() {  # $1: step name; the rest: custograph arguments. Prints seconds and the peak heap in MiB.
  local step=$1; shift
  local start=$(date +%s.%N)
  java -Xmx$heap -Xlog:gc:file="$work/$step.gc" -jar "$jar" "$@" > "$work/$step.out" 2> "$work/$step.log" \
    || { tail -5 "$work/$step.log"; exit 1; }
  local end=$(date +%s.%N)
  local peak=$(grep -o '[0-9]*M->[0-9]*M' "$work/$step.gc" | sed 's/M->.*//' | sort -n | tail -1)
  printf "%-10s %8.1f s   peak heap %6s MiB\n" "$step" "$(echo "$end - $start" | bc)" "${peak:-?}"
}
java -jar "$jar" generate --customers "$customers" --out "$work/lines.csv.gz" 2>/dev/null
lines=$(zcat "$work/lines.csv.gz" | wc -l)
echo "customers $customers, lines $((lines - 1)), heap -Xmx$heap"
run import import --format lines "$work/lines.csv.gz" --data-dir "$work/data" --rejects "$work/rejects.csv"
echo "store on disk: $(du -sh "$work/data" | cut -f1)"
run analyze analyze --data-dir "$work/data"
run segment segment --data-dir "$work/data"
run backup backup --data-dir "$work/data" --out "$work/backup.zip"
echo "archive: $(du -sh "$work/backup.zip" | cut -f1)"
run restore restore --data-dir "$work/restored" --in "$work/backup.zip"
