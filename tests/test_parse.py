"""The parse quotex hands to its rules: what it skips of the model's pipeline changes nothing it reads."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from quotex.nlp import _fix_spaces, get_nlp, normalise, parse_spans

TEXT = (
    "Le ministre de l'Intérieur,  Gérald Darmanin, a déclaré mardi que « la sécurité\n\n"
    "des Français » restait sa priorité.\n"
    "  « Nous ne céderons rien », a-t-il ajouté   devant les députés de l'Assemblée nationale.\n"
    "\tSelon la CGT, la grève   continuera jeudi à Marseille."
)


@pytest.mark.parametrize(
    "words, spaces, pos, deps, expected_pos, expected_deps",
    [
        # a whitespace token the model called a noun: SPACE, and its label becomes "dep"
        (
            ["Il", "\n", "dit"],
            [True, False, False],
            ["PRON", "NOUN", "VERB"],
            ["nsubj", "punct", "ROOT"],
            ["PRON", "SPACE", "VERB"],
            ["nsubj", "dep", "ROOT"],
        ),
        # a word the model called SPACE becomes X
        (
            ["Il", "dit", "oui"],
            [True, True, False],
            ["PRON", "VERB", "SPACE"],
            ["nsubj", "ROOT", "obj"],
            ["PRON", "VERB", "X"],
            ["nsubj", "ROOT", "obj"],
        ),
        # nothing to fix
        (["Elle", "parle"], [True, False], ["PRON", "VERB"], ["nsubj", "ROOT"], ["PRON", "VERB"], ["nsubj", "ROOT"]),
    ],
)
def test_fix_spaces(words, spaces, pos, deps, expected_pos, expected_deps) -> None:
    nlp = spacy.blank("fr")
    heads = [2 if len(words) == 3 else 1] * len(words)
    doc = Doc(
        nlp.vocab, words=words, spaces=spaces, pos=pos, deps=deps, heads=heads, morphs=["Number=Sing"] * len(words)
    )
    _fix_spaces(doc)
    assert [t.pos_ for t in doc] == expected_pos
    assert [t.dep_ for t in doc] == expected_deps
    for t in doc:
        changed = t.is_space or pos[t.i] == "SPACE"
        assert (str(t.morph) == "") == changed


def test_fix_spaces_on_an_empty_doc() -> None:
    doc = spacy.blank("fr")("")
    _fix_spaces(doc)
    assert len(doc) == 0


def test_normalise_keeps_every_offset() -> None:
    text = "« L’été » \u00a0dit-il\u202f; " + "x" * 100 + "\u0000fin"
    norm = normalise(text)
    assert len(norm) == len(text)
    assert norm.startswith('" L\'été "  dit-il ;')


def test_skipped_components_change_nothing_quotex_reads() -> None:
    """quotex runs the model without its lemmatizer and attribute ruler; parts of speech,
    morphology, dependencies and entities are those of the model's full default pipeline."""
    full = spacy.load("fr_core_news_sm")
    assert "attribute_ruler" in full.pipe_names and "lemmatizer" in full.pipe_names
    mine = get_nlp()
    assert "attribute_ruler" not in mine.pipe_names and "lemmatizer" not in mine.pipe_names
    segments = parse_spans(TEXT, [(0, len(TEXT), 0)])
    assert len(segments) == 1
    ours = segments[0].tokens
    theirs = full(normalise(TEXT))
    assert any(t.is_space for t in theirs)
    assert [t.text for t in ours] == [t.text for t in theirs]
    for a, b in zip(ours, theirs):
        assert (a.pos_, str(a.morph), a.dep_, a.head.i, a.ent_iob_, a.ent_type_) == (
            b.pos_,
            str(b.morph),
            b.dep_,
            b.head.i,
            b.ent_iob_,
            b.ent_type_,
        ), a.text
