#!/usr/bin/env bash
# The Spark job in local[2] beside the in-JVM engine, on the same graph, for docs/scaling.md: a synthetic lines file
# (about 19 lines a customer, the product's generator) imported into an embedded store, served, and then analyze,
# segment, churn and rules run by both engines as clients of that one server over Bolt: the product's own commands
# (in-JVM) and the Spark job (Spark's local mode with two worker threads: what spark-submit --master local[2] runs).
# Prints each step's seconds and the client's peak heap for both, and the ratio Spark / in-JVM.
# Usage: bench/spark.sh CUSTOMERS   e.g. 52000 for about 1M lines, 520000 for about 10M
# Env: HEAP (client heap, default 6g), SPARK_DIR (keep the work directory), SERVER_HEAP (default 8g),
#      STEPS (default "analyze segment churn rules").
set -euo pipefail
cd "$(dirname "$0")/.."
customers=${1:?customers}
heap=${HEAP:-6g}
[ -f target/custograph.jar ] && [ -f target/custograph-spark.jar ] || ./mvnw -q -B -DskipTests package >&2
./mvnw -q -B -pl spark dependency:build-classpath -Dmdep.includeScope=provided \
  -Dmdep.outputFile="$PWD/target/spark.classpath" >&2
work=${SPARK_DIR:-$(mktemp -d)}
mkdir -p "$work"
opens=$(sed -n 's:.*<spark.add-opens>\(.*\)</spark.add-opens>.*:\1:p' spark/pom.xml)

# A kept work directory (SPARK_DIR) with its store is used again: the import is the long part at 10M lines.
if [ ! -d "$work/data" ]; then
  java -jar target/custograph.jar generate --customers "$customers" --out "$work/lines.csv.gz" 2>/dev/null
  java -jar target/custograph.jar import --format lines "$work/lines.csv.gz" --data-dir "$work/data" \
    --rejects "$work/rejects.csv" > /dev/null 2> "$work/import.log"
fi
lines=$(( $(zcat "$work/lines.csv.gz" | wc -l) - 1 ))
key=bench-spark-admin-key-0123456789abcdef
CUSTOGRAPH_SECURITY_ADMIN_KEY=$key java -Xmx${SERVER_HEAP:-8g} -jar target/custograph.jar serve --data-dir "$work/data" \
  --port 18090 --bolt-port 17690 --http-port 17490 > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
until curl -sf -o /dev/null localhost:18090/actuator/health; do sleep 1; done
graph=(--neo4j-uri bolt://localhost:17690 --neo4j-user neo4j --neo4j-password-file "$work/data/neo4j-password")
last=$(java -jar target/custograph.jar analyze "${graph[@]}" --no-write --json 2>/dev/null \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["asOf"])')
cutoff=$(date -d "$last - 120 days" +%F)

timed() {  # $1: label; the rest: the command. Sets secs and peak (MiB, the JVM's high-water mark of used heap).
  local label=$1; shift
  local start=$(date +%s.%N)
  "$@" > "$work/$label.out" 2> "$work/$label.log" || { tail -5 "$work/$label.log"; exit 1; }
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  peak=$(grep -o '[0-9]*M->[0-9]*M' "$work/$label.gc" | sed 's/M->.*//' | sort -n | tail -1)
}
in_jvm() {  # $1: label; the rest: custograph arguments
  local label=$1; shift
  timed "$label-jvm" java -Xmx$heap -Xlog:gc:file="$work/$label-jvm.gc" -jar target/custograph.jar "$@" "${graph[@]}"
}
on_spark() {
  local label=$1; shift
  # shellcheck disable=SC2086
  timed "$label-spark" java -Xmx$heap $opens -Xlog:gc:file="$work/$label-spark.gc" -Dspark.master='local[2]' \
    -Dspark.ui.enabled=false -Dspark.sql.shuffle.partitions=8 \
    -cp "target/custograph-spark.jar:$(cat target/spark.classpath)" dev.custograph.spark.SparkAnalytics "$@" \
    "${graph[@]}" --partitions 2
}

echo "customers $customers, order lines $lines, client heap -Xmx$heap, as of $last, churn cutoff $cutoff"
printf "%-8s %10s %10s %8s %12s %12s\n" step "in-JVM s" "Spark s" ratio "in-JVM MiB" "Spark MiB"
step() {  # $1: label; the rest: the command's arguments, the same for both engines
  local label=$1; shift
  in_jvm "$label" "$@"; local js=$secs jp=$peak
  on_spark "$label" "$@"; local ss=$secs sp=$peak
  printf "%-8s %10.1f %10.1f %7.2fx %12s %12s\n" "$label" "$js" "$ss" "$(echo "$ss / $js" | bc -l)" "$jp" "$sp"
}
for s in ${STEPS:-analyze segment churn rules}; do
  case $s in
    analyze) step analyze analyze --json ;;
    segment) step segment segment --k 5 --restarts 3 --json ;;
    churn) step churn churn --cutoff "$cutoff" --horizon-days 90 --json ;;
    rules) step rules rules --min-support 0.005 --min-confidence 0.1 --json ;;
  esac
done
