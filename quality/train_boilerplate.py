#!/usr/bin/env python3
"""Train the line model of the boilerplate stage on annotated pages; write its weights.

A logistic regression over ``quotex.linemodel`` features, fitted (numpy, L2, gradient descent) on
the lines the phrase and shape rules keep, against the annotators' boilerplate lines. The
threshold is chosen by leave-one-site-out cross-validation: the lowest probability at which the
held-out sites keep at least ``--keep`` of their article lines. Prints the cross-validated
figures, then writes ``src/quotex/data/boilerplate_model.json``.

Usage, from the project root:  python3 quality/train_boilerplate.py [CORPUS_DIR] [--keep 0.995] [--dry-run]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import numpy as np

from quotex import linemodel
from quotex.boilerplate import _MODEL_MIN_LINES, analyse_lines, line_features, model_judges, read_page

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "quotex" / "data" / "boilerplate_model.json"


def page_rows(text: str, gold_bp: set, gold_title: str):
    """Feature rows, labels and 'rules kept it' flags of a page's content lines."""
    a = analyse_lines(text, model=False)
    page = read_page(a.lines)
    page.reasons.update(a.reasons)
    rows = line_features(page)
    out = []
    if len(page.content) < _MODEL_MIN_LINES:
        return []
    for i, x in zip(page.content, rows):
        if not model_judges(i, page, a.title) or a.lines[i].text.strip() == (gold_title or "").strip():
            continue
        out.append((x, 1.0 if i in gold_bp else 0.0))
    return out


def fit(X: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000, lr: float = 0.1):
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    mean[0], scale[0] = 0.0, 1.0
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    w = np.zeros(X.shape[1])
    n = len(y)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(Z @ w)))
        grad = Z.T @ (p - y) / n + l2 * np.r_[0.0, w[1:]] / n
        w -= lr * grad
    return w, mean, scale


def predict(w, mean, scale, X):
    Z = (X - mean) / scale
    return 1 / (1 + np.exp(-(Z @ w)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpora" / "news-dev"))
    ap.add_argument("--keep", type=float, default=0.995, help="share of article lines the threshold must keep")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    by_site = defaultdict(list)
    for gf in sorted(Path(a.corpus).glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        text = (gf.parent / gold["file"]).read_text(encoding="utf-8")
        by_site[gold.get("site") or gf.stem] += page_rows(text, set(gold["boilerplate_lines"]), gold.get("title"))
    sites = sorted(by_site)
    # leave-one-site-out: held-out probabilities for every line
    held = []
    for s in sites:
        train = [r for t in sites if t != s for r in by_site[t]]
        if not by_site[s] or not train:
            continue
        X = np.array([x for x, _ in train])
        y = np.array([label for _, label in train])
        w, mu, sd = fit(X, y, a.l2)
        P = predict(w, mu, sd, np.array([x for x, _ in by_site[s]]))
        held += list(zip(P, [label for _, label in by_site[s]]))
    held.sort(key=lambda t: -t[0])
    n_body = sum(1 for _, label in held if label == 0)
    n_bp = sum(1 for _, label in held if label == 1)
    cut, caught, lost = 1.0, 0, 0
    for p, label in held:
        lost_now = lost + (label == 0)
        if n_body and (n_body - lost_now) / n_body < a.keep:
            break
        caught += label == 1
        lost = lost_now
        cut = p
    print(f"lines the rules keep: {len(held)} ({n_bp} boilerplate, {n_body} article)")
    print(
        f"leave-one-site-out ({len(sites)} sites): threshold {cut:.3f} removes {caught}/{n_bp} of those boilerplate lines, "
        f"drops {lost}/{n_body} article lines"
    )
    X = np.array([x for s in sites for x, _ in by_site[s]])
    y = np.array([label for s in sites for _, label in by_site[s]])
    w, mu, sd = fit(X, y, a.l2)
    model = {
        "features": list(linemodel.NAMES),
        "weights": [round(float(v), 6) for v in w],
        "mean": [round(float(v), 6) for v in mu],
        "scale": [round(float(v), 6) for v in sd],
        "threshold": round(float(cut), 4),
        "trained_on": f"{Path(a.corpus).name}: {len(sites)} sites, {len(y)} lines kept by the rules",
        "cross_validated": {
            "boilerplate_removed": caught,
            "boilerplate": n_bp,
            "article_dropped": lost,
            "article": n_body,
        },
    }
    for name, v in sorted(zip(linemodel.NAMES, w), key=lambda t: -abs(t[1]))[:8]:
        print(f"  {name:24s} {v:+.2f}")
    if not a.dry_run:
        OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
