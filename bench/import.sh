#!/usr/bin/env bash
# Online Retail (541,909 rows) into an empty embedded database: custograph's importer against Neo4j's own
# LOAD CSV + MERGE, in one run, each into a fresh store. Prints rows/s, the ratio and peak heap.
# Usage: bench/import.sh   (needs ../shared/data beside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
exec java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.custograph.bench.ImportBenchmark "$@"
