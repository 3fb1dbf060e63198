#!/usr/bin/env bash
# JMH: BG/NBD + Gamma-Gamma fitted on the CDNOW 1/10th sample summary, warm (target: under 50 ms for both).
# Usage: bench/fit.sh   (needs ../shared/data beside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl app test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench.classpath" -Dmdep.includeScope=test >&2
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main \
  'dev.custograph.bench.ValueFitBenchmark' "$@"
