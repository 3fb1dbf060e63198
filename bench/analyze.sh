#!/usr/bin/env bash
# analyze end to end on a generated graph (default 1,000,000 customers over one year, about 10M order lines).
# The graph is built once into target/bench-analyze-<N> (generation + import take a while), then analysed twice
# with the heap capped at 2 GB, the embedded database included.
# Usage: bench/analyze.sh [customers]
set -euo pipefail
cd "$(dirname "$0")/.."
customers="${1:-1000000}"
dir="target/bench-analyze-${customers}"
./mvnw -q -B -pl app test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench.classpath" -Dmdep.includeScope=test >&2
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
if [ ! -d "$dir/data" ]; then
  java -Xmx3g -cp "$cp" dev.custograph.bench.AnalyzeBenchmark build "$dir" "$customers"
fi
exec java -Xmx2g -cp "$cp" dev.custograph.bench.AnalyzeBenchmark run "$dir"
