#!/usr/bin/env bash
# segment (k 5, 10 restarts) and churn (cutoff 2024-09-30, 90 days) end to end on the generated graph of
# bench/analyze.sh (default 1,000,000 customers; built once into target/bench-analyze-<N>, which takes a while),
# twice each, with the heap capped at 2 GB, the embedded database included. Prints times and peak heap.
# Usage: bench/segment-at-scale.sh [customers]
set -euo pipefail
cd "$(dirname "$0")/.."
customers="${1:-1000000}"
dir="target/bench-analyze-${customers}"
./mvnw -q -B -pl app test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench.classpath" -Dmdep.includeScope=test >&2
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
if [ ! -d "$dir/data" ]; then
  java -Xmx3g -cp "$cp" dev.custograph.bench.AnalyzeBenchmark build "$dir" "$customers"
fi
exec java -Xmx2g -cp "$cp" dev.custograph.bench.SegmentChurnBenchmark "$dir"
