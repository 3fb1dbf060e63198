#!/usr/bin/env bash
# The stream's targets (docs/streaming.md): sustained order events per second from Kafka into the embedded store, and
# the p99 from produce to visible through GraphQL, on a real broker (Apache Kafka's KRaft broker in the bench's JVM)
# and a real serve (target/custograph.jar).
# Usage: bench/streaming.sh [EVENTS=200000] [RATE=500] [SECONDS=30]
#   BENCH_TRACE=1 also prints when samples reach the graph and the server's Cypher timers;
#   SERVE_JVM_OPTIONS adds options to the server's JVM (a flight recording, say).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/custograph.jar ] || ./mvnw -q -B -DskipTests package >&2
./mvnw -q -B -pl app test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench.classpath" -Dmdep.includeScope=test >&2
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.custograph.bench.StreamBenchmark "$@"
