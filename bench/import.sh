#!/usr/bin/env bash
# Online Retail (541,909 rows): custograph import against Neo4j's own LOAD CSV + MERGE, in one run, into an empty
# store (the bulk path) and the second half on top of the first (the transactional path). Prints rows/s, ratios, heap.
# Usage: bench/import.sh   (needs ../shared/data beside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl app test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench.classpath" -Dmdep.includeScope=test >&2
exec java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.custograph.bench.ImportBenchmark "$@"
