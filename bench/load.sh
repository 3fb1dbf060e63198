#!/usr/bin/env bash
# Load test of the running jar over HTTP on loopback with wrk (2 threads, 8 connections): recommendations and Customer 360 queries on the
# Online Retail graph (imported once into target/bench-rules-online-retail, with rules and SIMILAR materialised),
# cached (caches warm, 500 customers cycled) and uncached (entry caches of size 0, so every request recomputes;
# the purchase projection and popularity prior, one entry each, stay warm). Prints wrk's throughput and latency
# percentiles. Targets on a 2-core machine: >= 10,000 req/s cached recommendations, p99 < 10 ms uncached.
# Usage: bench/load.sh [seconds per run, default 20]   (installs wrk from Debian if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
STORE=target/bench-rules-online-retail/data
PORT=18091
KEY=bench-load-admin-key-0001
command -v wrk >/dev/null || apt-get install -y -q wrk >&2
[ -f target/custograph.jar ] || ./mvnw -q -DskipTests package >&2
if [ ! -d "$STORE" ]; then
  mkdir -p "$(dirname "$STORE")"
  java -jar target/custograph.jar import --format online-retail --data-dir "$STORE" ../shared/data/online_retail/*.csv.gz >&2
fi
java -jar target/custograph.jar rules --data-dir "$STORE" --min-support 0.005 --min-confidence 0.1 --limit 100000 >/dev/null
java -jar target/custograph.jar similar --data-dir "$STORE" --all --k 20 >/dev/null

serve() {  # $1: cache size
  CUSTOGRAPH_CACHE_MAXIMUMSIZE=$1 java -Xmx2g -jar target/custograph.jar serve --data-dir "$STORE" --port $PORT \
    --bolt-port 0 --http-port 0 --admin-key $KEY > target/bench-load-server.log 2>&1 &
  SERVER=$!
  until grep -q "Custograph ready" target/bench-load-server.log; do
    kill -0 $SERVER 2>/dev/null || { cat target/bench-load-server.log >&2; exit 1; }
    sleep 1
  done
}
stop() { kill $SERVER; wait $SERVER 2>/dev/null || true; }
trap 'kill $SERVER 2>/dev/null || true' EXIT

ids() {  # the first 500 customer ids, through the API itself
  local after="" out=target/bench-load-ids.txt
  : > $out
  for page in 1 2 3 4 5; do
    local arg=""; [ -n "$after" ] && arg=", after: \\\"$after\\\""
    local json
    json=$(curl -s localhost:$PORT/graphql -H 'Content-Type: application/json' -H "Authorization: Bearer $KEY" \
      -d "{\"query\":\"{ customers(first: 100, orderBy: ID$arg) { edges { node { id } } pageInfo { endCursor } } }\"}")
    echo "$json" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 >> $out
    after=$(echo "$json" | grep -o '"endCursor":"[^"]*"' | cut -d'"' -f4)
  done
  echo $out
}

run() {  # $1: label, $2: query kind
  echo "== $1"
  IDS=$(pwd)/target/bench-load-ids.txt KEY=$KEY QUERY=$2 wrk -t2 -c8 -d${SECONDS_PER_RUN}s --latency \
    -s bench/load/graphql.lua http://localhost:$PORT/graphql | grep -E "Requests/sec|^ +(50|90|99)%|Latency|Non-2xx|Socket errors"
}

serve 10000
ids >/dev/null
# Warm-up: each customer's recommendations and Customer 360 several times over (an uncached one takes up to
# 100 ms), so the cached runs measure cache hits.
for kind in recommendations customer360; do
  IDS=$(pwd)/target/bench-load-ids.txt KEY=$KEY QUERY=$kind wrk -t1 -c4 -d30s -s bench/load/graphql.lua http://localhost:$PORT/graphql >/dev/null
done
run "recommendations, cached" recommendations
run "Customer 360, cached" customer360
stop
serve 0
IDS=$(pwd)/target/bench-load-ids.txt KEY=$KEY QUERY=recommendations wrk -t1 -c1 -d5s -s bench/load/graphql.lua http://localhost:$PORT/graphql >/dev/null
run "recommendations, uncached (entry caches of size 0)" recommendations
run "Customer 360, uncached (entry caches of size 0)" customer360
stop
