#!/usr/bin/env bash
# JMH: the fits behind `segment` and `churn`, warm, without the graph: K-Means (k 5, 10 restarts) on the 23,570
# CDNOW master customers (target: no slower than scikit-learn's ~0.3 s) and on 1M customers, and logistic
# regression on 1M customers x 6 features (target: under 2 s).
# Usage: bench/segment.sh [JMH options]   (needs ../shared/data beside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl app test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench.classpath" -Dmdep.includeScope=test >&2
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main \
  'dev.custograph.bench.SegmentChurnFitBenchmark' "$@"
