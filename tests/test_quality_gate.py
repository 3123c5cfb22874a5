"""Quality gate: the evaluation on the project's own annotated articles (tests/data, written for
quotex) must not fall below pinned floors. Raise a floor when quality improves; a drop fails CI."""

from __future__ import annotations

import pytest
from conftest import DATA

import quotex
from quotex.evaluate import load_news, score_news

FLOORS = {
    "quote_f1": 95.0,
    "near_exact_f1": 93.0,
    "direct_recall": 95.0,
    "indirect_recall": 90.0,
    "mixed_recall": 80.0,
    "speaker_accuracy": 95.0,
    "quote_with_speaker_recall": 93.0,
    "boilerplate_removed": 95.0,
    "article_lines_kept": 99.0,
    "organisations_found": 80.0,
}


@pytest.fixture(scope="module")
def scores():
    items = load_news([DATA])
    assert len(items) >= 6
    docs = list(quotex.extract_many(t for _, t, _ in items))
    return score_news(items, docs).summary()


@pytest.mark.parametrize("metric,floor", sorted(FLOORS.items()))
def test_floor(scores, metric: str, floor: float) -> None:
    assert scores[metric] >= floor, f"{metric} {scores[metric]:.1f} < floor {floor}"


def test_scorer_matches_by_overlap() -> None:
    from quotex.evaluate import match, token_f1

    assert token_f1("le chat dort", "le chat dort") == 1.0
    assert token_f1("le chat", "un chien") == 0.0
    pairs = match(["a b c d", "x y"], ["a b c", "z"], 0.5)
    assert pairs == [(0, 0, pytest.approx(2 * 0.75 * 1 / 1.75))]
