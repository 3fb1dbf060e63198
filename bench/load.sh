#!/usr/bin/env bash
# Load test of the running jar over HTTP on loopback with wrk (2 threads, 8 connections, on the same 2 cores as the
# server) on the Online Retail graph (imported once into target/bench-rules-online-retail, with rules and SIMILAR
# materialised). Runs, each printing wrk's throughput and latency percentiles, then a table against the targets:
#   1. first request per customer (nothing cached for that customer: each asked for once, after a warm-up of the
#      JVM on 500 other customers): the widget's endpoint for half of them, the GraphQL recommendations query for a
#      quarter, and the first view of a customer's page (Customer 360: profile, totals, value, segment, churn risk,
#      5 recommendations, the 10 latest orders with their lines) for the last quarter;
#   2. cached (after a warm-up over 500 customers): widget endpoint, GraphQL POST, GraphQL GET with a persisted
#      query's hash (APQ), Customer 360 (orders and lines included);
#   3. during a refresh: the cached widget run again while a rules job runs and the recommendations are re-ranked;
#   4. Customer 360 cached by the entry caches only (no response cache), to compare with run 2;
#   5. Customer 360 with no cache at all (entry caches of size 0, no response cache): every request reads everything.
# Targets on a 2-core machine: first request p99 <= 20 ms and >= 500 req/s; cached recommendations >= 5,000 req/s;
# Customer 360 p99 <= 50 ms uncached and >= 2,000 req/s cached; p99 during a refresh < 2x its normal value.
# Usage: bench/load.sh [seconds per run, default 20]   (installs wrk from Debian if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
# SERVER_JAVA_OPTS: the server JVM's options (default -Xmx2g), e.g. "-Xmx2g -XX:+UseZGC" to compare collectors.
# LOAD_STORE: another store, prepared beforehand with rules and SIMILAR (e.g. bench/serving-heap.sh 100000 builds
# target/bench-serving-heap-100000/data): Online Retail's 4,371 customers are too few for the first-request runs,
# which then come back to customers already asked for ("wrapped").
STORE=${LOAD_STORE:-target/bench-rules-online-retail/data}
PORT=18091
KEY=bench-load-admin-key-0001
URL=http://localhost:$PORT
RESULTS=target/bench-load-results.txt
command -v wrk >/dev/null || apt-get install -y -q wrk >&2
[ -f target/custograph.jar ] || ./mvnw -q -DskipTests package >&2
if [ -z "${LOAD_STORE:-}" ]; then
  if [ ! -d "$STORE" ]; then
    mkdir -p "$(dirname "$STORE")"
    java -jar target/custograph.jar import --format online-retail --data-dir "$STORE" \
      --rejects "$(dirname "$STORE")/rejects.csv" ../shared/data/online_retail/*.csv.gz >&2
  fi
  java -jar target/custograph.jar rules --data-dir "$STORE" --min-support 0.005 --min-confidence 0.1 --limit 100000 \
    >/dev/null
  java -jar target/custograph.jar similar --data-dir "$STORE" --all --k 20 >/dev/null
fi
: > $RESULTS

serve() {  # $1: entry cache size; $2: response cache size in characters (default 50M; 0 with $1 = 0). Waits until
            # the recommendations' first snapshot is ranked.
  local chars=${2:-50000000}; [ "$1" = 0 ] && chars=0
  CUSTOGRAPH_CACHE_MAXIMUMSIZE=$1 CUSTOGRAPH_CACHE_RESPONSECHARS=$chars java ${SERVER_JAVA_OPTS:--Xmx2g} -jar target/custograph.jar serve --data-dir "$STORE" --port $PORT \
    --bolt-port 0 --http-port 0 --admin-key $KEY > target/bench-load-server.log 2>&1 &
  SERVER=$!
  until grep -q "lists ranked ahead" target/bench-load-server.log; do
    kill -0 $SERVER 2>/dev/null || { cat target/bench-load-server.log >&2; exit 1; }
    sleep 1
  done
  grep -h "lists ranked ahead" target/bench-load-server.log | sed 's/^/# /'
}
stop() { kill $SERVER; wait $SERVER 2>/dev/null || true; }
# Waits (at most 3 minutes) until the JIT's compile queue has drained: on 2 cores, the C2 compiler busy with
# Neo4j's and Spring's code takes one of them for minutes after start, and a run then measures the compiler.
settle() {
  for _ in $(seq 1 180); do
    [ "$(jcmd $SERVER Compiler.queue 2>/dev/null | grep -c '^[0-9]')" -le 2 ] && return
    sleep 1
  done
  echo "# (the compile queue did not drain in 3 minutes)"
}
trap 'kill $SERVER 2>/dev/null || true' EXIT

graphql() {  # $1: JSON body
  curl -s $URL/graphql -H 'Content-Type: application/json' -H "Authorization: Bearer $KEY" -d "$1"
}

ids() {  # every customer id, through the API itself; the first 500 for the cached runs; two halves for run 1
  local after="" all=target/bench-load-all-ids.txt
  : > $all
  while :; do
    local arg=""; [ -n "$after" ] && arg=", after: \\\"$after\\\""
    local json
    json=$(graphql "{\"query\":\"{ customers(first: 100, orderBy: ID$arg) { edges { node { id } } pageInfo { hasNextPage endCursor } } }\"}")
    echo "$json" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 >> $all
    echo "$json" | grep -q '"hasNextPage":true' || break
    after=$(echo "$json" | grep -o '"endCursor":"[^"]*"' | cut -d'"' -f4)
  done
  head -500 $all > target/bench-load-ids.txt
  tail -n +501 $all | awk 'NR % 4 == 1 || NR % 4 == 2' > target/bench-load-ids-widget.txt
  tail -n +501 $all | awk 'NR % 4 == 3' > target/bench-load-ids-graphql.txt
  tail -n +501 $all | awk 'NR % 4 == 0' > target/bench-load-ids-c360.txt
  echo "# $(wc -l < $all) customers"
}

run() {  # $1: label; $2: wrk script; $3: ids file; $4: seconds; then VAR=value settings for the script
  local label=$1 script=$2 idfile=$3 secs=$4
  shift 4
  echo "== $label"
  local out
  out=$(env IDS=$(pwd)/$idfile KEY=$KEY WRK_THREADS=2 "$@" wrk -t2 -c8 -d${secs}s --latency -s bench/load/$script $URL \
    2> target/bench-load-wrk-errors.txt)
  echo "$out" | grep -E "Requests/sec|^ +(50|90|99)%|Non-2xx|Socket errors"
  local errors; errors=$(grep -c unexpected target/bench-load-wrk-errors.txt || true)
  [ "$errors" = 0 ] || { echo "   $errors unexpected answers, e.g.:"; head -2 target/bench-load-wrk-errors.txt; }
  ! grep -q wrapped target/bench-load-wrk-errors.txt || echo "   (wrapped: more requests than ids; some answers were cached)"
  printf '%-62s %10s %10s %10s\n' "$label" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '$1 == "50%" {print $2}')" "$(echo "$out" | awk '$1 == "99%" {print $2}')" >> $RESULTS
}

serve 10000
ids
RECS='query Recommendations($id: ID!) { recommendations(customerId: $id, first: 10) { product { id name } score reasons { text } } }'
HASH=$(printf '%s' "$RECS" | sha256sum | cut -d' ' -f1)
graphql "{\"query\":\"$RECS\",\"variables\":{\"id\":\"$(head -1 target/bench-load-ids.txt)\"},\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"$HASH\"}}}" >/dev/null
# Warm-up of the JVM (and the product catalogue's cache) on the first 500 customers only, which run 1 leaves out.
warm_up() {
  for warm in "widget.lua" "graphql.lua QUERY=recommendations" "graphql.lua QUERY=customer360" \
              "graphql.lua QUERY=recommendations METHOD=GET HASH=$HASH"; do
    set -- $warm
    script=$1; shift
    env IDS=$(pwd)/target/bench-load-ids.txt KEY=$KEY "$@" wrk -t2 -c8 -d15s -s bench/load/$script $URL >/dev/null 2>&1
  done
}
warm_up
settle
# 1. First request per customer: each of the other customers asked for once, in runs short enough not to come back
#    to one ("wrapped" would say so).
run "first request per customer, widget endpoint" widget.lua target/bench-load-ids-widget.txt 2 ONCE=1
run "first request per customer, GraphQL recommendations" graphql.lua target/bench-load-ids-graphql.txt 3 ONCE=1 \
  QUERY=recommendations
run "first view of a customer's page, Customer 360 (nothing cached)" graphql.lua target/bench-load-ids-c360.txt 8 \
  ONCE=1 QUERY=customer360

# 2. Cached, after a second warm-up.
warm_up
settle
run "cached, widget endpoint" widget.lua target/bench-load-ids.txt $SECONDS_PER_RUN
run "cached, GraphQL recommendations (POST)" graphql.lua target/bench-load-ids.txt $SECONDS_PER_RUN QUERY=recommendations
run "cached, GraphQL recommendations (GET, persisted query)" graphql.lua target/bench-load-ids.txt $SECONDS_PER_RUN \
  QUERY=recommendations METHOD=GET HASH=$HASH
run "cached, Customer 360 (POST)" graphql.lua target/bench-load-ids.txt $SECONDS_PER_RUN QUERY=customer360

# 3. During a refresh: a rules job (mining, writing the rules, re-ranking every list) while the widget is asked.
run "cached, widget endpoint (again, just before the refresh)" widget.lua target/bench-load-ids.txt $SECONDS_PER_RUN
( sleep 1
  graphql '{"query":"mutation { runRules(input: {minSupport: 0.005, minConfidence: 0.1}) { id } }"}' > /dev/null
) &
TRIGGER=$!
run "cached, widget endpoint, during a rules job and its re-ranking" widget.lua target/bench-load-ids.txt $SECONDS_PER_RUN
wait $TRIGGER
grep -h "recommendations: .* lists ranked ahead" target/bench-load-server.log | tail -1 | sed 's/^/# the job: /'
stop

# 4. The same cached Customer 360 run without the response cache (entry caches only), for comparison.
serve 10000 0
warm_up
settle
run "cached, Customer 360 (POST), entry caches only" graphql.lua target/bench-load-ids.txt $SECONDS_PER_RUN \
  QUERY=customer360
stop

# 5. Uncached: entry caches of size 0 and no response cache, so each request reads again (the recommendations'
#    snapshot stays).
serve 0
env IDS=$(pwd)/target/bench-load-ids.txt KEY=$KEY QUERY=customer360 wrk -t2 -c8 -d15s -s bench/load/graphql.lua $URL >/dev/null 2>&1
settle
run "uncached, Customer 360 (no entry or response cache)" graphql.lua target/bench-load-ids.txt $SECONDS_PER_RUN \
  QUERY=customer360
stop

echo
printf '%-62s %10s %10s %10s\n' "run" "req/s" "p50" "p99"
cat $RESULTS
