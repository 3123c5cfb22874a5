"""The result model: frozen, typed, JSON round trip, offsets (model-free)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from quotex import Boilerplate, Document, Entity, Paragraph, Quote, Span


def _doc() -> Document:
    text = "« Oui », a dit Anne Roy.\nPartager"
    return Document(
        text=text,
        title=None,
        paragraphs=(Paragraph(0, Span.of(text, 0, 24)),),
        boilerplate=(Boilerplate(Span.of(text, 25, 33), "share"),),
        entities=(Entity("E1", "Anne Roy", "PERSON", (Span.of(text, 15, 23),), ("Roy",), None, None, "f"),),
        quotes=(Quote("direct", Span.of(text, 2, 5), Span.of(text, 9, 14), "E1", Span.of(text, 15, 23), 0),),
    )


def test_span_reads_from_source() -> None:
    text = "abc déf"
    s = Span.of(text, 4, 7)
    assert s.text == "déf" and text[s.start : s.end] == s.text
    with pytest.raises(ValueError):
        Span.of(text, 5, 100)


def test_frozen() -> None:
    doc = _doc()
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.quotes[0].speaker = None  # type: ignore[misc]


def test_json_round_trip_and_speaker_name() -> None:
    doc = _doc()
    d = json.loads(doc.to_json())
    assert d["quotes"][0]["speaker_name"] == "Anne Roy"
    assert set(d) >= {"text", "title", "paragraphs", "boilerplate", "entities", "quotes"}
    assert Document.from_dict(d) == doc


def test_conveniences() -> None:
    doc = _doc()
    assert doc.speaker_of(doc.quotes[0]).name == "Anne Roy"
    assert [e.name for e in doc.people] == ["Anne Roy"]
    assert doc.organisations == ()
    assert doc.quotes_by("E1") == doc.quotes
    assert doc.entity("E9") is None


def test_public_api_is_small() -> None:
    import quotex

    assert set(quotex.__all__) >= {"extract", "extract_many", "Document", "Quote", "Entity", "Span"}
    for name in quotex.__all__:
        assert getattr(quotex, name) is not None
