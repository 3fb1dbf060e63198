#!/usr/bin/env bash
# `segment` and `analyze` end to end, as a user runs them (a new process each: JVM, embedded database, projection,
# model, write-back), side by side with what a data team would run instead: a pandas + scikit-learn script and a
# pandas + scipy script reading the raw CDNOW master file (bench/peers/). Prints each figure and the ratio.
# Target (issue 18): each command within 2x its script. Needs Debian's python3-pandas python3-sklearn python3-scipy
# and ../shared/data. The CDNOW store is imported once into target/bench-cdnow-master and reused.
# Usage: bench/batch-vs-python.sh [runs]; RUNNER=target/custograph (the launcher, trained with --train) runs the
# commands through the launcher instead of `java -jar target/custograph.jar`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
data=../shared/data/cdnow/CDNOW_master.txt
store=target/bench-cdnow-master
[ -f target/custograph.jar ] || ./mvnw -q -B -DskipTests package
if ! /usr/bin/python3 -c 'import pandas, sklearn, scipy' 2>/dev/null; then
  echo "needs Debian's python3-pandas python3-sklearn python3-scipy (apt-get install -y python3-sklearn python3-pandas python3-scipy)" >&2
  exit 1
fi
if [ ! -d "$store" ]; then
  echo "importing CDNOW master into $store (once)" >&2
  java -jar target/custograph.jar import --format cdnow "$data" --data-dir "$store" --json >/dev/null
fi

now() { date +%s.%N; }
seconds() { echo "$(now) - $1" | bc -l | xargs printf "%.1f"; }
ratio() { echo "$1 / $2" | bc -l | xargs printf "%.1f"; }

# One command and its peer script, each timed as a whole process; prints both, what the command reports of its own
# steps (a Python expression over its JSON report, d) and the ratio.
side_by_side() {
  local run=$1 command=$2 peer=$3 label=$4 steps=$5 start ours theirs inside
  start=$(now)
  # shellcheck disable=SC2086
  ${RUNNER:-java -jar target/custograph.jar} "$command" $6 --data-dir "$store" --json > "target/bench-$command.json" 2>/dev/null
  ours=$(seconds "$start")
  start=$(now)
  /usr/bin/python3 "bench/peers/$peer" "$data" > "target/bench-$command-peer.json" 2>/dev/null
  theirs=$(seconds "$start")
  inside=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($steps)" "target/bench-$command.json")
  echo "run $run: $command ${ours} s (${inside}); $label ${theirs} s; ratio $(ratio "$ours" "$theirs")x"
}

for i in $(seq 1 "$runs"); do
  side_by_side "$i" segment segment_sklearn.py "pandas + scikit-learn" \
    '"projection %.1f s, k-means %.2f s, write %.1f s" % (d["projectionSeconds"], d["clusterSeconds"], d["writeSeconds"])' \
    "--k 5 --restarts 10"
  side_by_side "$i" analyze analyze_scipy.py "pandas + scipy" \
    '"projection %.1f s, models %.2f s, write %.1f s" % (d["projectionSeconds"], d["modelSeconds"], d["writeSeconds"])' ""
done
