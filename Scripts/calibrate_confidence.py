#!/usr/bin/env python3
"""Fit the answer-confidence model (ConfidenceModel) on an evaluation run's features.

    zhixun eval --queries Tests/Fixtures/eval/questions.jsonl --dump-features /tmp/features.jsonl
    python3 Scripts/calibrate_confidence.py /tmp/features.jsonl

Fits a class-balanced logistic regression separating answerable from out-of-scope questions on
coverage, relative score, margin, unknown-term share, ln(1 + top score) and matched-term count,
then prints the weights (to paste into ConfidenceModel.default) and the hand-over rates of
out-of-scope and answerable questions at several thresholds. Needs numpy.
"""
import json
import sys

import numpy as np

NAMES = ["coverage", "relativeScore", "margin", "unknownShare", "topScore", "matchedTerms"]


def main(path: str) -> None:
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    x = np.array([[r["features"].get(n, 0.0) for n in NAMES] for r in rows])
    x[:, 4] = np.log1p(x[:, 4])
    y = np.array([1.0 if r["inScope"] else 0.0 for r in rows])
    mean, std = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mean) / std, np.ones((len(x), 1))])
    balance = np.where(y == 0, (y == 1).sum() / max((y == 0).sum(), 1), 1.0)
    w = np.zeros(z.shape[1])
    for _ in range(30000):
        p = 1 / (1 + np.exp(-z @ w))
        w -= 0.5 * (z.T @ ((p - y) * balance) / len(y) + 1e-3 * np.r_[w[:-1], 0])
    raw = w[:-1] / std
    bias = w[-1] - (w[:-1] * mean / std).sum()
    print("weights:", ", ".join(f"{n} {v:.3f}" for n, v in zip(NAMES, raw)), f"bias {bias:.3f}")
    p = 1 / (1 + np.exp(-(x @ raw + bias)))
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        oos = ((p < t) & (y == 0)).sum() / max((y == 0).sum(), 1)
        false = ((p < t) & (y == 1)).sum() / max((y == 1).sum(), 1)
        print(f"threshold {t:.1f}: hand-over {oos:.1%} of out-of-scope, {false:.1%} of answerable")


if __name__ == "__main__":
    main(sys.argv[1])
