#!/usr/bin/env bash
# Churn on CDNOW master, the product beside what a data team would run instead (pandas + scikit-learn,
# bench/peers/churn_sklearn.py), on the same out-of-time split: cutoff 1997-12-31, 180-day horizon. Prints each
# side's test AUC for the logistic regression and the random forest, each side's seconds, and the ratio.
# The product's side is `custograph churn --no-write` on a store imported once into target/bench-churn-cdnow.
# Needs the jar (./mvnw -DskipTests package), Debian's python3-pandas and python3-sklearn, ../shared/data.
# Usage: bench/churn.sh
set -euo pipefail
cd "$(dirname "$0")/.."
master=../shared/data/cdnow/CDNOW_master.txt
store=target/bench-churn-cdnow/data
python=/usr/bin/python3
if [ ! -d "$store" ]; then
  mkdir -p "$(dirname "$store")"
  java -jar target/custograph.jar import --format cdnow "$master" --data-dir "$store" --json >/dev/null
fi
started=$(date +%s.%N)
ours=$(java -jar target/custograph.jar churn --data-dir "$store" --cutoff 1997-12-31 --horizon-days 180 \
  --validation out-of-time --no-write --json 2>/dev/null)
ours_seconds=$(echo "$(date +%s.%N) - $started" | bc)
started=$(date +%s.%N)
theirs=$("$python" bench/peers/churn_sklearn.py "$master" 1997-12-31 180)
theirs_seconds=$(echo "$(date +%s.%N) - $started" | bc)
"$python" - "$ours" "$theirs" "$ours_seconds" "$theirs_seconds" <<'PY'
import json, sys
ours, theirs = json.loads(sys.argv[1]), json.loads(sys.argv[2])
ours_s, theirs_s = float(sys.argv[3]), float(sys.argv[4])
print(f"test customers        custograph {ours['validation']['testCustomers']:>8}   scikit-learn {theirs['testCustomers']:>8}")
print(f"logistic AUC          custograph {ours['metrics']['auc']:8.4f}   scikit-learn {theirs['logisticAuc']:8.4f}"
      f"   difference {ours['metrics']['auc'] - theirs['logisticAuc']:+.4f}")
print(f"random forest AUC     custograph {ours['randomForest']['auc']:8.4f}   scikit-learn {theirs['forestAuc']:8.4f}"
      f"   difference {ours['randomForest']['auc'] - theirs['forestAuc']:+.4f}"
      f"   (scikit-learn over seeds {min(theirs['forestAucOverSeeds']):.4f}-{max(theirs['forestAucOverSeeds']):.4f})")
print(f"wall seconds, whole   custograph {ours_s:8.2f}   scikit-learn {theirs_s:8.2f}   ratio {ours_s / theirs_s:.2f}x"
      f"   (scikit-learn fits 6 forests here, custograph 1 plus 2 regressions)")
PY
