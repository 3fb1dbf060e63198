#!/usr/bin/env bash
# Measures what a newcomer waits for: time from `java -jar` to "ready" (first start with --demo, which generates
# and loads the demo set; second start, which reuses the store), the Northwind import, and the jar's size; then the
# second start again through target/custograph after `target/custograph --train` (docs/operations.md), with the ratio.
# Usage: bench/startup.sh [runs]   (builds the jar first if missing; uses free ports; prints one line per figure)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
[ -f target/custograph.jar ] && [ -x target/custograph ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d)
trap 'pkill -f "custograph.jar serve.*$work" 2>/dev/null || true; rm -rf "$work"' EXIT

now() { date +%s.%N; }

# Starts serve (with LAUNCHER, default `java -jar target/custograph.jar`), waits for the ready line, prints wall
# seconds, stops it.
time_to_ready() {
  local data=$1 log=$work/serve.log start pid
  local -a launcher=(${LAUNCHER:-java -jar target/custograph.jar})
  start=$(now)
  "${launcher[@]}" serve --demo --data-dir "$data" --port 0 --bolt-port 0 --http-port 0 2>"$log" &
  pid=$!
  until grep -q "Custograph ready" "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "serve exited early:" >&2; cat "$log" >&2; exit 1; fi
    sleep 0.1
  done
  echo "$(now) - $start" | bc -l | xargs printf "%.1f"
  grep -o -E "Demo data (loaded|written) in [0-9.]* s: [0-9]* nodes and [0-9]* relationships" "$log" >&2 || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "jar size: $(du -m target/custograph.jar | cut -f1) MB"
for i in $(seq 1 "$runs"); do
  rm -rf "$work/data"
  first=$(time_to_ready "$work/data")
  second=$(time_to_ready "$work/data")
  start=$(now)
  java -jar target/custograph.jar import --format northwind ../shared/data/northwind --data-dir "$work/nw$i" --json \
    > "$work/import.json" 2>/dev/null
  import=$(echo "$(now) - $start" | bc -l | xargs printf "%.1f")
  internal=$(grep -o '"seconds":[0-9.]*' "$work/import.json" | cut -d: -f2 | xargs printf "%.2f")
  echo "run $i: first start with demo load ${first} s, second start ${second} s, northwind import ${import} s wall (${internal} s inside the command)"
done

target/custograph --train
for i in $(seq 1 "$runs"); do
  plain=$(time_to_ready "$work/data")
  fast=$(LAUNCHER=target/custograph time_to_ready "$work/data")
  echo "run $i: second start ${plain} s with java -jar, ${fast} s with target/custograph (trained): $(echo "$plain / $fast" | bc -l | xargs printf "%.1f")x"
done
