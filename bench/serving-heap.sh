#!/usr/bin/env bash
# The heap the recommendations service holds per customer, on a store built as bench/scaling.sh builds one: generated
# customers (about 19 lines each), bulk-imported, with SIMILAR (top 20, cosine) and pair rules materialised; then the
# live heap before and after the service reads its snapshot and ranks every customer's list, divided by the customers.
# Usage: bench/serving-heap.sh CUSTOMERS [HEAP]   e.g. 100000 (HEAP default 4g)
# With NO_SIMILAR=1 the store gets no SIMILAR (finding it for every customer grows with the square of the customers on
# the generator's 300 products: about 45 s at 100,000, over an hour at 1,000,000 on 2 cores); run both ways at a size
# where both are quick to get what SIMILAR adds per customer. Without SIMILAR the snapshot finds each customer's
# neighbours itself, which grows the same way: use it only at small sizes.
# PRODUCTS (default 300, the generator's): more products make each product's buyers fewer, and finding SIMILAR for a
# million customers a matter of minutes instead of hours.
set -euo pipefail
cd "$(dirname "$0")/.."
customers=${1:?customers}
heap=${2:-4g}
products=${PRODUCTS:-300}
suffix=$([ "${NO_SIMILAR:-}" = 1 ] && echo "-no-similar" || true)$([ "$products" = 300 ] || echo "-$products-products")
work=${SERVING_HEAP_DIR:-target/bench-serving-heap-$customers$suffix}
[ -f target/custograph.jar ] || ./mvnw -q -B -DskipTests package >&2
if [ ! -d "$work/data" ]; then
  mkdir -p "$work"
  java -jar target/custograph.jar generate --customers "$customers" --products "$products" --out "$work/lines.csv.gz" \
    2>/dev/null
  step() { local s=$(date +%s); java -Xmx$heap -jar target/custograph.jar "$@" > /dev/null 2> "$work/$1.log" \
    || { tail -5 "$work/$1.log"; exit 1; }; echo "$1: $(( $(date +%s) - s )) s"; }
  step import --format lines "$work/lines.csv.gz" --data-dir "$work/data" --rejects "$work/rejects.csv"
  [ "${NO_SIMILAR:-}" = 1 ] || step similar --data-dir "$work/data" --all --k 20
  step rules --data-dir "$work/data" --min-support 0.001 --min-confidence 0.1 --limit 100000
fi
./mvnw -q -B -pl app test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench.classpath" -Dmdep.includeScope=test >&2
java -Xmx$heap -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.custograph.bench.ServingHeapBenchmark "$work/data"
