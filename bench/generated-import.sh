#!/usr/bin/env bash
# Scale target of issue 18: 10M generated order lines (520,000 customers) imported into an empty embedded store,
# end to end (the whole process: JVM, reading, the in-memory graph, Neo4j's batch import engine, the schema left for
# the first start) in <= 180 s with the heap capped at 2 GB. Runs the launcher (target/custograph), as an operator
# would. Usage: bench/generated-import.sh [customers] (default 520000; about 19.6 lines per customer)
set -euo pipefail
cd "$(dirname "$0")/.."
customers=${1:-520000}
[ -f target/custograph.jar ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "generating $customers customers..." >&2
target/custograph generate --customers "$customers" --out "$work/lines.csv.gz" 2>/dev/null
start=$(date +%s.%N)
CUSTOGRAPH_JAVA_OPTS="-Xmx2g -Xlog:gc:file=$work/gc.log" target/custograph import --format lines "$work/lines.csv.gz" \
  --data-dir "$work/data" --rejects "$work/rejects.csv" --json 2>"$work/import.log" > "$work/report.json" \
  || { tail -5 "$work/import.log"; exit 1; }
end=$(date +%s.%N)
python3 - "$work/report.json" "$start" "$end" "$work/gc.log" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
wall = float(sys.argv[3]) - float(sys.argv[2])
# The heap held after each collection: the live data, the most the import needed at once.
live = max((int(m.group(1)) for m in re.finditer(r"->(\d+)M", open(sys.argv[4]).read())), default=0)
print(f"generated lines import, -Xmx2g, path {r['path']}: {r['rowsRead']:,} rows "
      f"({r['ordersCreated']:,} orders, {r['customersCreated']:,} customers, {r['rowsRejected']} rejected)")
print(f"  whole process {wall:.1f} s (the import's own clock {r['seconds']:.1f} s, {r['rowsPerSecond']:,.0f} rows/s); "
      f"largest heap after a collection {live} MB")
print(f"  target <= 180 s with -Xmx2g: {'met' if wall <= 180 else 'not met'} ({wall / 180:.2f} of the budget)")
PY
