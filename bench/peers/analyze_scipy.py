"""What a data team would run instead of `custograph analyze` on CDNOW: pandas reads the raw file, the
per-customer summaries (x, t_x, T in weeks as of the last order day, repeat-purchase mean spend), RFM quintiles,
then BG/NBD (Fader, Hardie and Lee 2005, equation 6) and Gamma-Gamma (Fader, Hardie and Lee 2005b) fitted by
maximum likelihood with scipy, and per customer P(alive), expected purchases in 52 weeks and their value.
Prints one JSON line with the estimates and the phases' seconds. Debian: python3-pandas python3-scipy.

Usage: python3 bench/peers/analyze_scipy.py ../shared/data/cdnow/CDNOW_master.txt   (or CDNOW_sample.txt, whose
second column is the sample's own customer number)
"""
import json
import sys
import time

started = time.perf_counter()
import numpy as np  # noqa: E402  (imports are part of what the user waits for)
import pandas as pd  # noqa: E402
from scipy.optimize import minimize  # noqa: E402
from scipy.special import betaln, gammaln, hyp2f1  # noqa: E402

imported = time.perf_counter()
lines = pd.read_csv(sys.argv[1], sep=r"\s+", header=None, dtype=str)
lines = lines[lines[0].str.isdigit()]  # the master file starts with a header line
lines = lines.iloc[:, [0, -3, -1]].set_axis(["customer", "date", "spend"], axis=1)
lines["spend"] = lines["spend"].astype(float)
lines["date"] = pd.to_datetime(lines["date"], format="%Y%m%d")
as_of = lines["date"].max()
days = lines.groupby(["customer", "date"], as_index=False)["spend"].sum()  # same-day orders are one purchase
first = days.groupby("customer")["date"].transform("min")
days["repeat"] = days["date"] > first
summary = days.groupby("customer").agg(first=("date", "min"), last=("date", "max"), n=("date", "size"),
                                       total=("spend", "sum"))
repeat_spend = days[days["repeat"]].groupby("customer")["spend"].mean()
x = (summary["n"] - 1).to_numpy(float)
t_x = ((summary["last"] - summary["first"]).dt.days / 7).to_numpy(float)
T = ((as_of - summary["first"]).dt.days / 7).to_numpy(float)
m = repeat_spend.reindex(summary.index).to_numpy(float)
recency = (as_of - summary["last"]).dt.days
rfm = (pd.qcut(-recency.rank(method="first"), 5, labels=False) + 1) * 100 \
    + (pd.qcut(summary["n"].rank(method="first"), 5, labels=False) + 1) * 10 \
    + (pd.qcut(summary["total"].rank(method="first"), 5, labels=False) + 1)
projected = time.perf_counter()


def bgnbd_nll(log_params):
    r, alpha, a, b = np.exp(log_params)
    ln_a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    ln_a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    ln_a3 = -(r + x) * np.log(alpha + T)
    ln_a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + t_x), -np.inf)
    return -np.sum(ln_a1 + ln_a2 + np.logaddexp(ln_a3, ln_a4))


# Nelder-Mead from log-parameters, as the lifetimes package fits BG/NBD.
bg = minimize(bgnbd_nll, np.zeros(4), method="Nelder-Mead", options={"maxiter": 2000})
r, alpha, a, b = np.exp(bg.x)

repeaters = (x > 0) & (np.nan_to_num(m) > 0)  # Gamma-Gamma needs a positive mean spend
xr, mr = x[repeaters], m[repeaters]


def gg_nll(log_params):
    p, q, v = np.exp(log_params)
    return -np.sum(gammaln(p * xr + q) - gammaln(p * xr) - gammaln(q) + q * np.log(v) + (p * xr - 1) * np.log(mr)
                   + p * xr * np.log(xr) - (p * xr + q) * np.log(xr * mr + v))


gg = minimize(gg_nll, np.zeros(3), method="Nelder-Mead", options={"maxiter": 2000})
p, q, v = np.exp(gg.x)
fitted = time.perf_counter()

p_alive = np.where(x > 0, 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + t_x)) ** (r + x)), 1.0)
horizon = 52.0
z = horizon / (alpha + T + horizon)
expected = ((a + b + x - 1) / (a - 1)) * (1 - ((alpha + T) / (alpha + T + horizon)) ** (r + x)
                                          * hyp2f1(r + x, b + x, a + b + x - 1, z)) * p_alive
avg_spend = np.where(x > 0, ((q - 1) / (p * x + q - 1)) * (v * p / (q - 1))
                     + (p * x / (p * x + q - 1)) * np.nan_to_num(m), v * p / (q - 1))
value = expected * avg_spend
finished = time.perf_counter()

print(json.dumps({"customers": int(len(x)), "bgnbd": {"r": round(r, 4), "alpha": round(alpha, 4), "a": round(a, 4),
                                                      "b": round(b, 4), "ll": round(-bg.fun, 2)},
                  "gammaGamma": {"p": round(p, 3), "q": round(q, 3), "v": round(v, 3)},
                  "rfmCells": int(rfm.nunique()), "meanPAlive": round(float(p_alive.mean()), 4),
                  "expectedPurchases": round(float(expected.sum()), 1), "value": round(float(value.sum()), 1),
                  "importSeconds": round(imported - started, 3), "readAndProjectSeconds": round(projected - imported, 3),
                  "fitSeconds": round(fitted - projected, 3), "scoreSeconds": round(finished - fitted, 3),
                  "seconds": round(finished - started, 3)}))
