#!/usr/bin/env bash
# Scale check: generate a synthetic lines file (default 260,000 customers, about 5M lines), import it into an
# empty embedded database with the heap capped at 1 GB (embedded Neo4j included), and print rows/s.
# Usage: bench/generated-import.sh [customers]
set -euo pipefail
cd "$(dirname "$0")/.."
customers=${1:-260000}
[ -f target/custograph.jar ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar target/custograph.jar generate --customers "$customers" --out "$work/lines.csv.gz" 2>/dev/null
java -Xmx1g -jar target/custograph.jar import --format lines "$work/lines.csv.gz" --data-dir "$work/data" \
  --rejects "$work/rejects.csv" --json 2>"$work/import.log" > "$work/report.json" || { tail -5 "$work/import.log"; exit 1; }
python3 - "$work/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"generated lines import with -Xmx1g: {r['rowsRead']:,} rows in {r['seconds']:.0f} s = {r['rowsPerSecond']:,} rows/s "
      f"({r['ordersCreated']:,} orders, {r['customersCreated']:,} customers, {r['rowsRejected']} rejected)")
PY
