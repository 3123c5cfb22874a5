"""Shallow text features of a page line and its neighbours, and a small logistic model over them.

The features are those boilerplate detectors use across sites (Kohlschütter et al., WSDM 2010;
jusText): how many words, whether the line ends a sentence, how dense French function words are
(prose has many, labels and teasers few), capitals, digits, links and handles, separators, the
position on the page, and the same for the lines before and after, with the verdicts the phrase
and shape rules gave them. The weights are trained by ``quality/train_boilerplate.py`` on the
annotated development pages and shipped in ``data/boilerplate_model.json``; the model judges only
lines the rules left as article text, and only when it is confident.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import cache
from typing import Any, Optional

import regex

from . import resources

_WORD = regex.compile(r"\w+(?:['’]\w+)*")
_SENTENCE_END = regex.compile(r"[.!?…»\"”)]\s*$")
_LINKISH = regex.compile(r"@\w|https?://|www\.|\.(?:fr|com|be|ch|ca|net|org)\b|#\w", regex.I)
_SEPARATORS = regex.compile(r"\s[|>•·/]\s|^\s*[•·>*-]")

NAMES = (
    "bias",
    "log_words",
    "ends_sentence",
    "ends_period",
    "stopword_density",
    "capital_ratio",
    "digit_ratio",
    "linkish",
    "separators",
    "has_quote_mark",
    "comma_density",
    "short",
    "position",
    "before_first_long",
    "rule_flagged",
    "prev_log_words",
    "prev_ends_sentence",
    "prev_stopword_density",
    "prev_flagged",
    "next_log_words",
    "next_ends_sentence",
    "next_stopword_density",
    "next_flagged",
    "flagged_around",
    "long_around",
)


def _own(text: str, words: Sequence[str]) -> list[float]:
    n = len(words)
    stop = resources.stopwords()
    lows = [w.lower().replace("’", "'") for w in words]
    letters = [w for w in words if w[:1].isalpha()]
    return [
        math.log1p(n),
        1.0 if _SENTENCE_END.search(text) else 0.0,
        1.0 if text.rstrip().endswith(".") else 0.0,
        (sum(1 for w in lows if w in stop) / n) if n else 0.0,
        (sum(1 for w in letters if w[:1].isupper()) / len(letters)) if letters else 0.0,
        (sum(1 for w in words if w[:1].isdigit()) / n) if n else 0.0,
        1.0 if _LINKISH.search(text) else 0.0,
        1.0 if _SEPARATORS.search(text) else 0.0,
        1.0 if any(ch in text for ch in '«»"“”') else 0.0,
        (text.count(",") / n) if n else 0.0,
        1.0 if n <= 6 else 0.0,
    ]


def features(
    texts: Sequence[str], words: Sequence[Sequence[str]], flagged: Sequence[bool], only: Optional[Sequence[int]] = None
) -> list[list[float]]:
    """One feature vector per content line of a page (``texts`` in page order), or per line of
    ``only`` (indexes into ``texts``): a line's vector reads its own words and its neighbours'."""
    n = len(texts)
    wanted = range(n) if only is None else only
    own: dict[int, list[float]] = {}

    def own_of(j: int) -> list[float]:
        if j not in own:
            own[j] = _own(texts[j], words[j])
        return own[j]

    first_long = next((k for k, w in enumerate(words) if len(w) >= 20 and _SENTENCE_END.search(texts[k])), n)
    out = []
    for k in wanted:
        prev = own_of(k - 1) if k > 0 else None
        nxt = own_of(k + 1) if k + 1 < n else None
        around = [j for j in (k - 2, k - 1, k + 1, k + 2) if 0 <= j < n]
        out.append(
            [
                1.0,
                *own_of(k)[:11],
                k / max(1, n - 1),
                1.0 if k < first_long else 0.0,
                1.0 if flagged[k] else 0.0,
                prev[0] if prev else 0.0,
                prev[1] if prev else 1.0,
                prev[3] if prev else 0.0,
                1.0 if k > 0 and flagged[k - 1] else 0.0,
                nxt[0] if nxt else 0.0,
                nxt[1] if nxt else 1.0,
                nxt[3] if nxt else 0.0,
                1.0 if k + 1 < n and flagged[k + 1] else 0.0,
                (sum(1 for j in around if flagged[j]) / len(around)) if around else 0.0,
                (sum(1 for j in around if len(words[j]) >= 20) / len(around)) if around else 0.0,
            ]
        )
    return out


@cache
def _model() -> dict[str, Any]:
    model: dict[str, Any] = json.loads(resources._read_text("boilerplate_model.json"))
    return model


def probabilities(rows: Sequence[Sequence[float]]) -> list[float]:
    """P(boilerplate) of each feature vector under the shipped model."""
    m = _model()
    w: list[float] = list(m["weights"])
    mean: list[float] = list(m["mean"])
    scale: list[float] = list(m["scale"])
    out = []
    for x in rows:
        z = w[0] + sum(wi * (xi - mu) / sd for wi, xi, mu, sd in zip(w[1:], x[1:], mean[1:], scale[1:]))
        out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
    return out


def threshold() -> float:
    return float(_model()["threshold"])
