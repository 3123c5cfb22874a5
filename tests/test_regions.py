"""Quotation marks: the linear scanner (model-free)."""

from __future__ import annotations

import pytest
from conftest import lines_run

from quotex.quotes import find_regions


def regions(text: str):
    stretches = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            stretches.append((pos, pos + len(line)))
        pos += len(line) + 1
    return [(text[r.start : r.end], r.closed) for r in find_regions(text, stretches)]


@pytest.mark.parametrize(
    "text,expected",
    [
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
        # a closer of another style ends a quotation whose own closer never comes
        ("« Oui”, dit-il. « Non », dit-elle.", [("Oui", True), ("Non", True)]),
        ("“Oui», dit-il.", [("Oui", True)]),
        # a straight mark shaped as an opener while another is open: that one was stray
        ('Il a dit que "tout va mal. Puis "Nous tiendrons", a-t-il dit.', [("Nous tiendrons", True)]),
        # a straight mark shaped as a closer with nothing open is stray
        ('Il mesure 6" de haut. "Oui", dit-il.', [("Oui", True)]),
        # its own closer comes later: the stray mark is inside the quotation
        ("« Il a dit non” puis oui »", [("Il a dit non” puis oui", True)]),
    ],
)
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


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "«" * n,
        lambda n: "»" * n,
        lambda n: "”" * (n // 2) + "“" * (n // 2),
        lambda n: '"«' * (n // 2),
        lambda n: "« »" * (n // 3),
    ],
    ids=["opening", "closing", "closing then opening", "straight and guillemet", "empty pairs"],
)
def test_linear_on_hostile_marks(make) -> None:
    """Work counted in lines run (not seconds): twice the marks, about twice the work."""
    small = lines_run(regions, make(20_000))
    large = lines_run(regions, make(40_000))
    assert large <= 2.5 * max(small, 200), (small, large)
    regions(make(100_000))  # and a large input completes


@pytest.mark.parametrize(
    "text, narration",
    [
        # first person through an elided pronoun: still the speaker's words
        ("— Je pars demain. Hier j'étais là quand il partait. Il la regarda longuement.", "Il la regarda longuement."),
        ("— Tu restes ? Elle m'attendait depuis midi. Il sortit sans répondre.", "Il sortit sans répondre."),
        # third person, past tense: narration takes over
        ("— Je pars demain. Il haussa les épaules et partit.", "Il haussa les épaules et partit."),
        # no sentence of narration: the turn runs to the end
        ("— Je pars demain. Nous verrons bien.", ""),
    ],
)
def test_where_narration_takes_over_in_run_on_dialogue(text: str, narration: str) -> None:
    from quotex.quotes.regions import _narration_start

    assert text[_narration_start(text, 2, len(text)) :].strip() == narration
