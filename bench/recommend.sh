#!/usr/bin/env bash
# Recommendation latency on the Online Retail graph: p50, p99 and the slowest of 2,000 calls, uncached (one live
# read per call) and cached (the API's Caffeine cache). Targets: p99 < 10 ms uncached, < 1 ms cached.
# Usage: bench/recommend.sh   (needs ../shared/data beside the repository; imports Online Retail once, shared with
# bench/rules.sh, into target/bench-rules-online-retail)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl app test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench.classpath" -Dmdep.includeScope=test >&2
exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.custograph.bench.RecommendBenchmark
