#!/usr/bin/env bash
# Paging and name order at scale (PagingBenchmark), on the analyze bench's generated store (default 200,000
# customers; bench/analyze.sh builds it). Decides next best actions there first (without recommendations) if no run
# has. Usage: bench/paging.sh [customers]
set -euo pipefail
cd "$(dirname "$0")/.."
customers="${1:-200000}"
dir="target/bench-analyze-${customers}"
./mvnw -q -B -pl app test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench.classpath" -Dmdep.includeScope=test >&2
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
if [ ! -d "$dir/data" ]; then
  java -Xmx3g -cp "$cp" dev.custograph.bench.AnalyzeBenchmark build "$dir" "$customers"
  java -Xmx2g -cp "$cp" dev.custograph.bench.AnalyzeBenchmark run "$dir" >&2
fi
if [ ! -f "$dir/actions.done" ]; then
  [ -f target/custograph.jar ] || ./mvnw -q -B -DskipTests package
  target/custograph actions --data-dir "$dir/data" --no-recommendations --json > "$dir/actions.json"
  touch "$dir/actions.done"
fi
exec java -Xmx2g -cp "$cp" dev.custograph.bench.PagingBenchmark "$dir"
