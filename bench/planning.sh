#!/usr/bin/env bash
# What Cypher planning costs each new database: every catalogue statement EXPLAINed on fresh stores, round after
# round in one JVM (round 1 = a batch command's cold start). Usage: bench/planning.sh [rounds].
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl app test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench.classpath" -Dmdep.includeScope=test >&2
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.custograph.bench.PlanningCostBenchmark "$@"
