"""The typed, immutable result model of quotex.

Every span carries character offsets into the *original* input string, so that
``doc.text[span.start:span.end] == span.text`` holds for every span, always.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Optional

__all__ = [
    "Span",
    "Boilerplate",
    "Paragraph",
    "Entity",
    "Quote",
    "Document",
    "QUOTE_TYPES",
    "ENTITY_LABELS",
]

QUOTE_TYPES = ("direct", "indirect", "mixed")
ENTITY_LABELS = ("PERSON", "ORG", "LOC", "MISC")


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the original input: ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """Build a span of ``source``; the text is always read from the source."""
        if not 0 <= start <= end <= len(source):
            raise ValueError(f"span {start}:{end} outside a text of length {len(source)}")
        return cls(start, end, source[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))


def _opt_span(d: Optional[Mapping[str, Any]]) -> Optional[Span]:
    return None if d is None else Span.from_dict(d)


@dataclass(frozen=True)
class Boilerplate:
    """A line of page furniture that is not article text, and why it was removed."""

    span: Span
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"span": self.span.to_dict(), "reason": self.reason}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Boilerplate:
        return cls(Span.from_dict(d["span"]), str(d["reason"]))


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of article text (hard-wrapped lines joined)."""

    index: int
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "span": self.span.to_dict()}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Paragraph:
        return cls(int(d["index"]), Span.from_dict(d["span"]))


@dataclass(frozen=True)
class Entity:
    """One real-world referent (person, organisation, place) with all its mentions.

    ``name`` is the fullest form the article uses; ``aliases`` the other names it goes by;
    ``canonical`` the name the organisation gazetteer knows it by (``Parti communiste français``
    for an article that only writes ``PCF``), for grouping across articles;
    ``role`` a function read from an apposition (``porte-parole du Pentagone``);
    ``affiliation`` the id of the organisation that role belongs to, if known.
    """

    id: str
    name: str
    label: str
    mentions: tuple[Span, ...] = ()
    aliases: tuple[str, ...] = ()
    role: Optional[str] = None
    affiliation: Optional[str] = None
    gender: Optional[str] = None
    canonical: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "mentions": [m.to_dict() for m in self.mentions],
            "aliases": list(self.aliases),
            "role": self.role,
            "affiliation": self.affiliation,
            "gender": self.gender,
            "canonical": self.canonical,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Entity:
        return cls(
            id=str(d["id"]),
            name=str(d["name"]),
            label=str(d["label"]),
            mentions=tuple(Span.from_dict(m) for m in d.get("mentions", ())),
            aliases=tuple(str(a) for a in d.get("aliases", ())),
            role=d.get("role"),
            affiliation=d.get("affiliation"),
            gender=d.get("gender"),
            canonical=d.get("canonical"),
        )


@dataclass(frozen=True)
class Quote:
    """A quotation: what was said (``content``), the reporting cue, and who said it.

    ``type`` is ``direct`` (in quotation marks), ``indirect`` (reported speech) or
    ``mixed`` (reported speech holding a quoted fragment). ``speaker`` is an entity
    id; ``speaker_mention`` the words naming the speaker at this quote (``il``,
    ``la porte-parole``); ``paragraph`` the index of the paragraph holding the
    content's start, or None when it is in the title.
    """

    type: str
    content: Span
    cue: Optional[Span] = None
    speaker: Optional[str] = None
    speaker_mention: Optional[Span] = None
    paragraph: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "content": self.content.to_dict(),
            "cue": None if self.cue is None else self.cue.to_dict(),
            "speaker": self.speaker,
            "speaker_mention": None if self.speaker_mention is None else self.speaker_mention.to_dict(),
            "paragraph": self.paragraph,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Quote:
        return cls(
            type=str(d["type"]),
            content=Span.from_dict(d["content"]),
            cue=_opt_span(d.get("cue")),
            speaker=d.get("speaker"),
            speaker_mention=_opt_span(d.get("speaker_mention")),
            paragraph=d.get("paragraph"),
        )


@dataclass(frozen=True)
class Document:
    """Everything quotex found in one page."""

    text: str
    title: Optional[Span] = None
    paragraphs: tuple[Paragraph, ...] = ()
    boilerplate: tuple[Boilerplate, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    error: Optional[str] = field(default=None, compare=True)

    # -- conveniences -------------------------------------------------
    def entity(self, entity_id: Optional[str]) -> Optional[Entity]:
        """The entity with this id, or None."""
        if entity_id is None:
            return None
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def speaker_of(self, quote: Quote) -> Optional[Entity]:
        """The entity who said ``quote``, or None when unattributed."""
        return self.entity(quote.speaker)

    @property
    def people(self) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.label == "PERSON")

    @property
    def organisations(self) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.label == "ORG")

    @property
    def places(self) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.label == "LOC")

    def quotes_by(self, entity_id: str) -> tuple[Quote, ...]:
        return tuple(q for q in self.quotes if q.speaker == entity_id)

    def spans(self) -> Iterator[Span]:
        """Every span of the document (for checking the offset invariant)."""
        if self.title is not None:
            yield self.title
        for p in self.paragraphs:
            yield p.span
        for b in self.boilerplate:
            yield b.span
        for e in self.entities:
            yield from e.mentions
        for q in self.quotes:
            yield q.content
            if q.cue is not None:
                yield q.cue
            if q.speaker_mention is not None:
                yield q.speaker_mention

    # -- views -------------------------------------------------------------
    def _repr_html_(self) -> str:
        """The HTML view (``quotex.render_html(doc, page=False)``), shown by notebooks."""
        from .render import render_html

        return render_html(self, page=False)

    # -- tables ------------------------------------------------------------
    def quote_rows(self, article_id: Optional[str] = None) -> list[dict[str, Any]]:
        """One plain dict per quotation (columns: ``quotex.tables.QUOTE_COLUMNS``); a failed
        document gives one row with ``error``."""
        from .tables import quote_rows

        return quote_rows(self, article_id)

    def entity_rows(self, article_id: Optional[str] = None) -> list[dict[str, Any]]:
        """One plain dict per entity (columns: ``quotex.tables.ENTITY_COLUMNS``)."""
        from .tables import entity_rows

        return entity_rows(self, article_id)

    # -- serialisation -------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        names = {e.id: e.name for e in self.entities}
        quotes: list[dict[str, Any]] = []
        for q in self.quotes:
            d = q.to_dict()
            d["speaker_name"] = names.get(q.speaker) if q.speaker else None
            quotes.append(d)
        return {
            "text": self.text,
            "title": None if self.title is None else self.title.to_dict(),
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "boilerplate": [b.to_dict() for b in self.boilerplate],
            "entities": [e.to_dict() for e in self.entities],
            "quotes": quotes,
            "error": self.error,
        }

    def to_record(self, id: Optional[Any] = None) -> dict[str, Any]:
        """The JSON record of the command line's json/jsonl output: ``to_dict()`` with the input's
        ``id`` first (when given) and ``error`` only when the document failed."""
        rec: dict[str, Any] = {} if id is None else {"id": id}
        rec.update(self.to_dict())
        if self.error is None:
            rec.pop("error", None)
        return rec

    def to_json(self, **kwargs: Any) -> str:
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Document:
        return cls(
            text=str(d["text"]),
            title=_opt_span(d.get("title")),
            paragraphs=tuple(Paragraph.from_dict(p) for p in d.get("paragraphs", ())),
            boilerplate=tuple(Boilerplate.from_dict(b) for b in d.get("boilerplate", ())),
            entities=tuple(Entity.from_dict(e) for e in d.get("entities", ())),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", ())),
            error=d.get("error"),
        )

    @classmethod
    def from_json(cls, s: str) -> Document:
        return cls.from_dict(json.loads(s))
