"""Hostile and broken input: never a crash, a hang or a lost record.

Property tests (hypothesis) over arbitrary Unicode and over French-looking text assembled from
fragments; adversarial inputs at full size (a correct document, no crash); the growth of quotex's
work with the input's size, counted in lines of code run, which the machine's speed and load do not
change (times are measured by bench/throughput.py, never here); wrong types.
"""

from __future__ import annotations

import json
import os

import pytest
from conftest import lines_run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotex
from quotex import Document

FRAGMENTS = [
    "« Nous ne partirons pas », a déclaré la ministre Anne Roy.",
    "Selon lui, la réforme sera votée.",
    "Il a affirmé que les prix baisseraient",
    "« ouvert sans fin",
    "fermé sans début »",
    '"',
    "«",
    "»",
    "“",
    "”",
    "„",
    "‹",
    "›",
    "—",
    "– ",
    "-- ",
    "Lire aussi",
    "S'abonner",
    "Publicité",
    "12 commentaires",
    "Partager",
    "0",
    "Chat",
    "Заголовок открываемого материала",
    "مرحبا بالعالم",
    "שלום",
    "登录以继续",
    "😀🔥",
    "\u200b",
    "\u202f",
    "\u00a0",
    "\ufeff",
    "\x00",
    "\x07",
    "\r",
    "\t",
    "\ud800",
    "\udfff",  # lone surrogates: Python strings allow them
    "1 234,56",
    "14h30",
    "2024-01-01",
    "https://exemple.fr/article",
    "a-t-il ajouté",
    "dit-elle",
    ", a annoncé Mme Baldanza.",
    "d'après l'AFP,",
    "Pour lui,",
    "M.",
    "Mme",
    "Me",
    "(AFP)",
    "...",
    "…",
    "?!",
    ":",
]

fragment_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)),
    max_size=25,
).flatmap(
    lambda parts: st.lists(
        st.sampled_from([" ", "\n", "\n\n", "", " « ", " », "]), min_size=len(parts), max_size=len(parts)
    ).map(lambda seps: "".join(p + s for p, s in zip(parts, seps)))
)

PROPERTY_SETTINGS = settings(
    max_examples=int(os.environ.get("QUOTEX_HYPOTHESIS_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check_document(text: str, doc: Document) -> None:
    assert doc.text == text
    assert doc.error is None
    spans = list(doc.spans())
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start : s.end] == s.text
    assert [p.span.start for p in doc.paragraphs] == sorted(p.span.start for p in doc.paragraphs)
    assert [q.content.start for q in doc.quotes] == sorted(q.content.start for q in doc.quotes)
    ids = {e.id for e in doc.entities}
    for q in doc.quotes:
        assert q.type in ("direct", "indirect", "mixed")
        assert q.speaker is None or q.speaker in ids
    # JSON and back, unchanged (lone surrogates are escaped by json)
    assert Document.from_json(doc.to_json()) == doc
    assert Document.from_dict(json.loads(json.dumps(doc.to_dict()))) == doc


@PROPERTY_SETTINGS
@given(st.text(max_size=300))
def test_any_unicode(text: str) -> None:
    doc = quotex.extract(text)
    check_document(text, doc)


@PROPERTY_SETTINGS
@given(fragment_text)
def test_french_looking_fragments(text: str) -> None:
    doc = quotex.extract(text)
    check_document(text, doc)
    assert quotex.extract(text) == doc  # same input, same output


@pytest.mark.parametrize("bad", [None, b"octets", 42, 3.5, ["liste"], {"text": "x"}, object()])
def test_wrong_types_raise_type_error(bad) -> None:
    with pytest.raises(TypeError, match="str"):
        quotex.extract(bad)


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \n", "\u00a0\u202f"])
def test_empty_text_gives_an_empty_document(text: str) -> None:
    doc = quotex.extract(text)
    assert doc == Document(text=text)


def checked(text: str) -> Document:
    doc = quotex.extract(text)
    check_document(text, doc)
    return doc


_ARTICLE = (
    "Le ministre de l'Intérieur a déclaré mardi que la sécurité restait sa priorité. "
    "« Nous ne céderons rien », a-t-il ajouté devant les députés.\n"
)
GROWING = {
    "opening guillemets": lambda n: "«" * n,
    "guillemets inside an article": lambda n: (
        "Le ministre a parlé hier soir.\n" + "« " * (n // 2) + "fin\nIl a conclu."
    ),
    "alternating quote marks": lambda n: '« " “ ” » ‹ › „ ' * (n // 16),
    "line without a space": lambda n: "a" * n,
    "tiny paragraphs": lambda n: "".join(f"Ligne {i}.\n\n" for i in range(n // 10)),
    "deep nesting": lambda n: "« “ ‹ " * (n // 12) + "mot" + " › ” »" * (n // 12),
    "one article line repeated": lambda n: _ARTICLE * (n // len(_ARTICLE)),
    "dialogue turns": lambda n: "".join(
        f"— Tu viens, Paul{i} ? demanda-t-elle.\n— Non, répondit-il.\n" for i in range(n // 60)
    ),
    "quotes nobody is named for": lambda n: "".join(
        f"« Rien ne va plus ici, numéro {i}. »\n\n" for i in range(n // 40)
    ),
    "an institution never named": lambda n: "".join(
        f"« Rien à signaler {i} », a indiqué le parquet.\n" for i in range(n // 45)
    ),
}


@pytest.mark.parametrize("kind", sorted(GROWING))
def test_work_grows_linearly_with_the_input(kind: str) -> None:
    """Twice the text, at most about twice the work: no quadratic step hides in the rules."""
    make = GROWING[kind]
    small = lines_run(quotex.extract, make(4_000))
    large = lines_run(quotex.extract, make(8_000))
    assert large <= 2.5 * max(small, 200), (small, large)


def test_100000_opening_guillemets() -> None:
    checked("«" * 100_000)


def test_100000_guillemets_inside_an_article() -> None:
    text = "Le ministre a parlé hier soir devant les députés réunis.\n" + "« " * 50_000 + "fin\nIl a conclu la séance."
    checked(text)


def test_alternating_quote_marks() -> None:
    checked('« " “ ” » ‹ › „ ' * 12_000)


def test_megabyte_line_without_space() -> None:
    checked("a" * 1_000_000)
    checked("!" * 1_000_000)


def test_fifty_thousand_tiny_paragraphs() -> None:
    text = "".join(f"Ligne {i}.\n\n" for i in range(50_000))
    checked(text)


def test_deep_nesting() -> None:
    checked("« “ ‹ " * 3_000 + "mot" + " › ” »" * 3_000)


def test_paragraph_longer_than_spacy_max_length_is_parsed_in_pieces() -> None:
    # one paragraph of 1.1 million characters, mostly long runs without spaces (cheap to parse)
    piece = "Le maire a déclaré que la piscine rouvrirait. " + "x" * 5_000 + " "
    text = piece * 215
    assert len(text) > 1_000_000
    doc = checked(text)
    assert len(doc.paragraphs) == 1


@pytest.mark.skipif(not os.environ.get("QUOTEX_SLOW"), reason="set QUOTEX_SLOW=1: several minutes")
def test_five_megabyte_article() -> None:  # pragma: no cover - run by hand and in the benchmark
    text = "".join(
        f"Le ministre n°{i} a déclaré que la réforme serait votée. « Nous tiendrons », a-t-il ajouté.\n"
        for i in range(55_000)
    )
    assert len(text) > 5_000_000
    checked(text)


def test_extract_many_keeps_every_record() -> None:
    items = ["« Oui », a dit Anne Roy.", None, "\ud800«", "", 7, "Selon lui, c'est fini."]
    docs = list(quotex.extract_many(items, batch_size=2))
    assert len(docs) == len(items)
    assert [d.error is not None for d in docs] == [False, True, False, False, True, False]


def test_no_network_and_no_writes(tmp_path, monkeypatch) -> None:
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("quotex opened a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.chdir(tmp_path)
    doc = quotex.extract("« Bonjour », a dit Paul Martin.")
    assert doc.quotes
    assert list(tmp_path.iterdir()) == []


def test_model_batches_are_bounded_in_characters() -> None:
    # the model's working memory grows with the characters of a batch: a huge article is handed
    # over in bounded batches, a page of ordinary paragraphs in one
    from quotex.nlp import _BATCH_CHARS, _groups

    huge = [(0, k * 20_000, (k + 1) * 20_000, None) for k in range(50)]
    groups = list(_groups(huge, 64))
    assert sum(len(g) for g in groups) == 50 and len(groups) > 1
    assert all(sum(b - a for _, a, b, _ in g) <= max(_BATCH_CHARS, 20_000) for g in groups)
    page = [(0, k * 500, k * 500 + 400, None) for k in range(30)]
    assert [len(g) for g in _groups(page, 64)] == [30]
    assert [len(g) for g in _groups(page, 8)] == [8, 8, 8, 6]


def _hostile_lines(pattern: str, size: int) -> list[str]:
    """Lines of ``size`` characters built from what ``pattern`` looks for: each of its words
    repeated with and without spaces, its punctuation repeated, runs of one character; each
    also ending in a character that no pattern expects (where backtracking starts)."""
    import regex

    words = sorted(set(regex.findall(r"[\p{L}\d'’@-]+", pattern)))[:60]
    marks = "".join(sorted(set(regex.sub(r"[\p{L}\d\s\\]", "", pattern))))
    out = ["a" * size, " " * size, "1" * size, ("a " * size)[:size], (marks * size)[:size] or "!" * size]
    for w in words:
        out.append((w * size)[:size])
        out.append(((w + " ") * size)[:size])
        out.append(((w + " : ") * size)[:size])
    return [line for s in out for line in (s, s[:-1] + "\u0378")]


def _data_rules():
    from quotex.boilerplate import _rules

    return [(f"{r.reason}-{r.mode}-{n}", r.pattern) for n, r in enumerate(_rules())]


@pytest.mark.parametrize("name,pattern", _data_rules(), ids=[n for n, _ in _data_rules()])
def test_boilerplate_phrase_patterns_are_linear_on_hostile_lines(name: str, pattern) -> None:
    """The data file's patterns run without a timeout on lines of up to _MAX_UI_LINE characters:
    on hostile lines of that length they must finish at once. The timeout here only turns a
    catastrophic backtrack into a failure instead of a hang (each line takes microseconds)."""
    from quotex.boilerplate import _MAX_UI_LINE

    for line in _hostile_lines(pattern.pattern, _MAX_UI_LINE):
        pattern.search(line, timeout=2.0)
        pattern.match(line, timeout=2.0)


def test_boilerplate_shape_patterns_are_linear_on_megabyte_lines() -> None:
    """The shape patterns in code see lines of any length (no length bound before them)."""
    import regex

    from quotex import boilerplate

    patterns = [v for v in vars(boilerplate).values() if isinstance(v, regex.Pattern)]
    assert len(patterns) >= 10
    for pattern in patterns:
        for line in _hostile_lines(pattern.pattern, 1_000_000)[:8]:
            pattern.search(line, timeout=5.0)
            pattern.findall(line, timeout=5.0)
