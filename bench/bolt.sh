#!/usr/bin/env bash
# The cost of one read transaction through the driver on the embedded store (Bolt on loopback): the floor under
# every uncached API request, which makes one or more of them. Usage: bench/bolt.sh (needs ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl app test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench.classpath" -Dmdep.includeScope=test >&2
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.custograph.bench.BoltRoundTripBenchmark
