"""Quotation marks: the linear scanner (model-free)."""
from __future__ import annotations

import time

import pytest

from quotex.quotes import find_regions


def regions(text: str):
    stretches = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            stretches.append((pos, pos + len(line)))
        pos += len(line) + 1
    return [(text[r.start:r.end], r.closed) for r in find_regions(text, stretches)]


@pytest.mark.parametrize("text,expected", [
    ("« Oui », dit-il.", [("Oui", True)]),
    ("«Oui», dit-il.", [("Oui", True)]),
    ("\u00abOui\u00a0\u00bb", [("Oui", True)]),
    ("“Oui” et “non”", [("Oui", True), ("non", True)]),
    ('"Oui" et "non"', [("Oui", True), ("non", True)]),
    ("« Il a dit “jamais” hier »", [("Il a dit “jamais” hier", True)]),
    ('« Il a dit "jamais" hier »', [('Il a dit "jamais" hier', True)]),
    ("„Ja“ sagte er", [("Ja", True)]),
    ("Sans guillemets.", []),
    ("« Pas de fin", [("Pas de fin", False)]),
    ("Fin » sans début", []),
])
def test_regions(text, expected) -> None:
    assert regions(text) == expected


def test_quotation_over_paragraphs() -> None:
    text = "« Premier paragraphe.\n« Deuxième paragraphe. »\nSuite."
    got = regions(text)
    assert len(got) == 1
    assert got[0][0].startswith("Premier paragraphe.") and got[0][0].endswith("Deuxième paragraphe.")


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "« Ouvert sans fin\nAutre paragraphe « fermé »."
    assert regions(text) == [("Ouvert sans fin", False), ("fermé", True)]


def test_dialogue_dash() -> None:
    assert regions("— Vous partez déjà ?") == [("Vous partez déjà ?", True)]


def test_linear_on_hostile_marks() -> None:
    for text in ("«" * 100_000, "»" * 100_000, "”" * 50_000 + "“" * 50_000, '"«' * 50_000, "« »" * 30_000):
        t0 = time.perf_counter()
        regions(text)
        assert time.perf_counter() - t0 < 5.0
