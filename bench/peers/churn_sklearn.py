"""What a data team would run instead of `custograph churn --validation out-of-time` on CDNOW master, and the
reference the product's random forest and logistic regression are checked against (CdnowMasterChurnIT).

pandas reads the raw file (each row one order, as the product imports it); the features are the product's defaults,
as of a day: recency (days since the last order), frequency (orders), monetary (spend), tenure (days since the
first order), for customers with an order by that day. A customer churned when it has no order in the next
--horizon days. Out-of-time validation: train on the features at cutoff - horizon, labelled by what customers did up
to the cutoff; test on the features at the cutoff, labelled by what they did in the horizon after it.

Models: scikit-learn's RandomForestClassifier with the product's settings (100 trees, depth 10, 20 customers per leaf
at least, sqrt(d) features per split, bootstrap samples) on raw features, and an unpenalised LogisticRegression on
z-scores fitted on the training customers. Prints one JSON line: the split's sizes, both test AUCs, the forest's AUC
over several seeds, and seconds. Debian: python3-pandas python3-sklearn.

Usage: python3 bench/peers/churn_sklearn.py ../shared/data/cdnow/CDNOW_master.txt 1997-12-31 180
"""
import json
import sys
import time

started = time.perf_counter()
import numpy as np  # noqa: E402  (imports are part of what the user waits for)
import pandas as pd  # noqa: E402
from sklearn.ensemble import RandomForestClassifier  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import roc_auc_score  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

path, cutoff, horizon = sys.argv[1], pd.Timestamp(sys.argv[2]), int(sys.argv[3])
imported = time.perf_counter()
orders = pd.read_csv(path, sep=r"\s+", header=None, names=["customer", "date", "cds", "spend"], dtype=str)
orders = orders[orders["customer"].str.isdigit()].astype({"spend": float})  # the file starts with a header line
orders["date"] = pd.to_datetime(orders["date"], format="%Y%m%d")


def labelled(day):
    """Features of the customers with an order by `day`, and whether each bought again in the horizon after it."""
    before = orders[orders["date"] <= day]
    after = orders[(orders["date"] > day) & (orders["date"] <= day + pd.Timedelta(days=horizon))]
    per = before.groupby("customer").agg(last=("date", "max"), first=("date", "min"), frequency=("date", "size"),
                                         monetary=("spend", "sum"))
    x = np.column_stack([(day - per["last"]).dt.days, per["frequency"], per["monetary"],
                         (day - per["first"]).dt.days]).astype(float)
    y = (~per.index.isin(after["customer"].unique())).astype(int)
    return x, y


train_x, train_y = labelled(cutoff - pd.Timedelta(days=horizon))
test_x, test_y = labelled(cutoff)
projected = time.perf_counter()


def forest(seed):
    model = RandomForestClassifier(n_estimators=100, max_depth=10, min_samples_leaf=20, max_features="sqrt",
                                   bootstrap=True, random_state=seed, n_jobs=-1).fit(train_x, train_y)
    return roc_auc_score(test_y, model.predict_proba(test_x)[:, 1])


forest_auc = forest(42)
forest_aucs = [forest(seed) for seed in range(1, 6)]
fitted = time.perf_counter()
scaler = StandardScaler().fit(train_x)
logistic = LogisticRegression(penalty=None, max_iter=1000).fit(scaler.transform(train_x), train_y)
logistic_auc = roc_auc_score(test_y, logistic.predict_proba(scaler.transform(test_x))[:, 1])
finished = time.perf_counter()

print(json.dumps({"trainCustomers": len(train_y), "trainChurned": int(train_y.sum()), "testCustomers": len(test_y),
                  "testChurned": int(test_y.sum()), "forestAuc": round(float(forest_auc), 4),
                  "forestAucOverSeeds": [round(float(a), 4) for a in forest_aucs],
                  "logisticAuc": round(float(logistic_auc), 4),
                  "importSeconds": round(imported - started, 3), "projectSeconds": round(projected - imported, 3),
                  "forestSeconds": round(fitted - projected, 3), "logisticSeconds": round(finished - fitted, 3)}))
