#!/usr/bin/env bash
# rules warm, in process, on Groceries (9,835 baskets) and Online Retail (all months): median and slowest Cypher time
# and whole call (20 runs on Groceries, 5 on Online Retail), and the time with BOUGHT_WITH written. Each graph is imported once into
# target/bench-rules-*. Target: tens of milliseconds for Groceries, like R's arules.
# Usage: bench/rules.sh   (needs ../shared/data beside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl app test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench.classpath" -Dmdep.includeScope=test >&2
exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.custograph.bench.RulesBenchmark
