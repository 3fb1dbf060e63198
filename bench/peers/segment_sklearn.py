"""What a data team would run instead of `custograph segment --k 5 --restarts 10` on CDNOW master: pandas reads
the raw file, recency / frequency / monetary as of the last purchase day, log(1 + x) then z-score (the product's
default --scale log-zscore), scikit-learn's K-Means (k-means++, 10 restarts) and a silhouette on 2,000 sampled
customers. Prints one JSON line with the phases' seconds. Debian: python3-pandas python3-sklearn.

Usage: python3 bench/peers/segment_sklearn.py ../shared/data/cdnow/CDNOW_master.txt
"""
import json
import sys
import time

started = time.perf_counter()
import numpy as np  # noqa: E402  (imports are part of what the user waits for)
import pandas as pd  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.metrics import silhouette_score  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

imported = time.perf_counter()
lines = pd.read_csv(sys.argv[1], sep=r"\s+", header=None, names=["customer", "date", "cds", "spend"],
                    dtype=str)
lines = lines[lines["customer"].str.isdigit()].astype({"spend": float})  # the file starts with a header line
lines["date"] = pd.to_datetime(lines["date"], format="%Y%m%d")
as_of = lines["date"].max()
per_customer = lines.groupby("customer").agg(last=("date", "max"), frequency=("date", "size"),
                                             monetary=("spend", "sum"))
features = np.column_stack([(as_of - per_customer["last"]).dt.days, per_customer["frequency"],
                            per_customer["monetary"]]).astype(float)
projected = time.perf_counter()

scaled = StandardScaler().fit_transform(np.log1p(features))
model = KMeans(n_clusters=5, n_init=10, init="k-means++", random_state=42).fit(scaled)
clustered = time.perf_counter()
silhouette = silhouette_score(scaled, model.labels_, sample_size=2000, random_state=42)
finished = time.perf_counter()

print(json.dumps({"customers": len(per_customer), "inertia": round(float(model.inertia_), 1),
                  "silhouette": round(float(silhouette), 3), "importSeconds": round(imported - started, 3),
                  "readAndProjectSeconds": round(projected - imported, 3),
                  "kmeansSeconds": round(clustered - projected, 3),
                  "silhouetteSeconds": round(finished - clustered, 3), "seconds": round(finished - started, 3)}))
