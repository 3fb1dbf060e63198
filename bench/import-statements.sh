#!/usr/bin/env bash
# Where a transactional import's time goes, statement by statement. Usage: bench/import-statements.sh FORMAT FILE
# (e.g. cdnow ../shared/data/cdnow/CDNOW_master.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl app test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/bench.classpath" -Dmdep.includeScope=test >&2
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.custograph.bench.ImportStatementTimes "$@"
