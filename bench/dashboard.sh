#!/usr/bin/env bash
# What the dashboard waits for: each view's GraphQL request timed with curl against the jar serving the demo data (or
# another store), first cold (right after the start, caches empty) and then warm (median of 20), with the size of the
# gzip-compressed answer. The queries are those the views in web/src/dashboard/views/ send.
# Usage: bench/dashboard.sh [DATA_DIR]   (default: a fresh demo store under target/bench-dashboard)
set -euo pipefail
cd "$(dirname "$0")/.."
STORE=${1:-target/bench-dashboard/data}
PORT=18092
KEY=bench-dashboard-admin-key-01
[ -f target/custograph.jar ] || ./mvnw -q -DskipTests package >&2
DEMO=()
[ -d "$STORE" ] || { DEMO=(--demo); mkdir -p "$(dirname "$STORE")"; }
java -jar target/custograph.jar serve --data-dir "$STORE" "${DEMO[@]}" --port $PORT --bolt-port 0 --http-port 0 \
  --admin-key $KEY > target/bench-dashboard-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until grep -q "Custograph ready" target/bench-dashboard-server.log; do
  kill -0 $SERVER 2>/dev/null || { cat target/bench-dashboard-server.log >&2; exit 1; }
  sleep 1
done

post() {  # $1: JSON body; prints seconds and compressed bytes
  curl -s -o /dev/null -w '%{time_total} %{size_download}\n' --compressed -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $KEY" -d "$1" "http://localhost:$PORT/graphql"
}
TOP=$(curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $KEY" \
  -d '{"query":"{ topCustomers(first: 1) { id } }"}' "http://localhost:$PORT/graphql" | sed 's/.*"id":"\([^"]*\)".*/\1/')
declare -A VIEWS=(
  [overview]='{"query":"{ dashboard { customers activeCustomers activeDays lastOrderDate revenueByMonth { month revenue orders customers } segments { id name size revenueShare action } churn { scored atRisk rate threshold horizonDays } } }"}'
  [rfm]='{"query":"{ rfmGrid { r f customers averageMonetary } rfmDistribution { segment customers revenue action } }"}'
  [segments]='{"query":"{ valueSample(first: 2000) { customerId segmentId segmentName recencyDays frequency monetary tenureDays averageOrderValue clv pAlive churnProbability } segments { id name size revenueShare action centroid { feature value } } }"}'
  [clv]='{"query":"{ clvHistogram(bins: 20) { customers cappedAt aboveCap bins { from to customers } } topCustomers(first: 20) { id name country value { clv pAlive rfm { segment frequency monetary } } } valueSample(first: 2000) { customerId segmentId segmentName frequency pAlive } }"}'
  [rules]='{"query":"{ associationRules(first: 100) { totalCount edges { node { antecedent { id name } consequent { id name } support confidence lift count } } pageInfo { hasNextPage endCursor } } }"}'
  [customer360]='{"query":"{ customer(id: \"'"$TOP"'\") { id name email totals { orders revenue } value { clv pAlive rfm { segment } } segment { name action } churnRisk { probability } orderHistory(first: 10) { totalCount edges { node { id orderDate total status } } } similarCustomers(first: 5) { customer { id name } score sharedProducts } recommendations(first: 5) { product { id name price } score reasons { kind text } } } }"}'
)
printf '%-12s %10s %10s %10s\n' view cold_ms warm_p50_ms gzip_kB
for view in overview rfm segments clv rules customer360; do
  read -r cold bytes < <(post "${VIEWS[$view]}")
  warm=$(for _ in $(seq 20); do post "${VIEWS[$view]}" | cut -d' ' -f1; done | sort -n | sed -n 10p)
  awk -v v="$view" -v c="$cold" -v w="$warm" -v b="$bytes" \
    'BEGIN { printf "%-12s %10.1f %10.1f %10.1f\n", v, c * 1000, w * 1000, b / 1024 }'
done
