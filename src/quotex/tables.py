"""Quotes and entities as tables: plain rows, pandas frames (optional extra ``quotex[dataframe]``).

One row per quotation (``quote_rows``) or per entity (``entity_rows``) of a document; a document
that failed gives one *error row* (``error`` set, the other fields empty) so that no record is
silently dropped. The columns, their order and their types are listed in ``QUOTE_COLUMNS`` and
``ENTITY_COLUMNS`` and do not change between versions (new columns may only be added at the end).

pandas is imported only by ``quotes_frame`` and ``entities_frame``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Optional

from .model import Document

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "QUOTE_COLUMNS",
    "ENTITY_COLUMNS",
    "quote_rows",
    "entity_rows",
    "quotes_frame",
    "entities_frame",
    "rows_frame",
]

# (name, type, meaning); types: "string" and "int" may be empty (None) unless said otherwise
QUOTE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("article_id", "string", "the id given with the article (its path, its record id), else empty"),
    ("quote_index", "int", "position of the quotation in the article, from 0 (empty on an error row)"),
    ("type", "string", "direct, indirect or mixed"),
    ("content", "string", "what was said"),
    ("content_start", "int", "offset of the content in the article text"),
    ("content_end", "int", "offset just after the content"),
    ("cue", "string", "the reporting cue (verb, 'selon', colon), if any"),
    ("speaker_id", "string", "the speaker's entity id within the article (E1, E2, ...)"),
    ("speaker_name", "string", "the speaker's fullest name or description"),
    ("speaker_label", "string", "PERSON, ORG, LOC or MISC"),
    ("speaker_role", "string", "the speaker's function, as the article gives it"),
    ("speaker_gender", "string", "f or m when the article tells"),
    ("speaker_affiliation", "string", "name of the organisation the speaker's role belongs to"),
    ("speaker_mention", "string", "the words naming the speaker at this quotation ('il', 'la ministre')"),
    ("paragraph", "int", "index of the paragraph holding the content (empty: the title)"),
    ("error", "string", "why the article could not be processed (error rows only)"),
)

ENTITY_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("article_id", "string", "the id given with the article, else empty"),
    ("entity_id", "string", "the entity's id within the article (E1, E2, ...)"),
    ("name", "string", "fullest name (or description) seen"),
    ("label", "string", "PERSON, ORG, LOC or MISC"),
    ("role", "string", "function read from an apposition"),
    ("gender", "string", "f or m when the article tells"),
    ("affiliation_id", "string", "entity id of the organisation of the role"),
    ("affiliation", "string", "name of that organisation"),
    ("aliases", "string", "the other names it goes by, joined with ' | '"),
    ("mentions", "int", "number of mentions"),
    ("first_start", "int", "offset of the first mention"),
    ("quotes", "int", "number of quotations attributed to it"),
    ("error", "string", "why the article could not be processed (error rows only)"),
    ("canonical", "string", "the gazetteer's name for a known organisation"),
)

QUOTE_FIELDS = tuple(c[0] for c in QUOTE_COLUMNS)
ENTITY_FIELDS = tuple(c[0] for c in ENTITY_COLUMNS)


def _check(doc: Any) -> None:
    if not isinstance(doc, Document):
        raise TypeError(f"expected a quotex Document, not {type(doc).__name__}")


def _empty(fields: Sequence[str], article_id: Optional[str], error: str) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(fields)
    row["article_id"] = article_id
    row["error"] = error
    return row


def quote_rows(doc: Document, article_id: Optional[str] = None) -> list[dict[str, Any]]:
    """One dict per quotation of ``doc`` (keys: ``QUOTE_COLUMNS``), or one error row."""
    _check(doc)
    if doc.error is not None:
        return [_empty(QUOTE_FIELDS, article_id, doc.error)]
    ents = {e.id: e for e in doc.entities}
    rows = []
    for n, q in enumerate(doc.quotes):
        sp = ents.get(q.speaker) if q.speaker else None
        aff = ents.get(sp.affiliation) if sp is not None and sp.affiliation else None
        rows.append(
            {
                "article_id": article_id,
                "quote_index": n,
                "type": q.type,
                "content": q.content.text,
                "content_start": q.content.start,
                "content_end": q.content.end,
                "cue": q.cue.text if q.cue else None,
                "speaker_id": q.speaker,
                "speaker_name": sp.name if sp else None,
                "speaker_label": sp.label if sp else None,
                "speaker_role": sp.role if sp else None,
                "speaker_gender": sp.gender if sp else None,
                "speaker_affiliation": aff.name if aff else None,
                "speaker_mention": q.speaker_mention.text if q.speaker_mention else None,
                "paragraph": q.paragraph,
                "error": None,
            }
        )
    return rows


def entity_rows(doc: Document, article_id: Optional[str] = None) -> list[dict[str, Any]]:
    """One dict per entity of ``doc`` (keys: ``ENTITY_COLUMNS``), or one error row."""
    _check(doc)
    if doc.error is not None:
        return [_empty(ENTITY_FIELDS, article_id, doc.error)]
    ents = {e.id: e for e in doc.entities}
    said: dict[str, int] = {}
    for q in doc.quotes:
        if q.speaker:
            said[q.speaker] = said.get(q.speaker, 0) + 1
    rows = []
    for e in doc.entities:
        aff = ents.get(e.affiliation) if e.affiliation else None
        rows.append(
            {
                "article_id": article_id,
                "entity_id": e.id,
                "name": e.name,
                "label": e.label,
                "role": e.role,
                "gender": e.gender,
                "affiliation_id": e.affiliation,
                "affiliation": aff.name if aff else None,
                "aliases": " | ".join(e.aliases) if e.aliases else None,
                "mentions": len(e.mentions),
                "first_start": min((m.start for m in e.mentions), default=None),
                "quotes": said.get(e.id, 0),
                "error": None,
                "canonical": e.canonical,
            }
        )
    return rows


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ImportError('quotes_frame and entities_frame need pandas: pip install "quotex[dataframe]"') from exc
    return pandas


def rows_frame(rows: list[dict[str, Any]], columns: Sequence[tuple[str, str, str]]) -> pandas.DataFrame:
    """Rows (dicts) as a DataFrame with the columns' nullable dtypes (``string``, ``Int64``); with no
    rows, the empty frame that describes them (e.g. a Dask ``meta``)."""
    pd = _pandas()
    dtypes = {"string": "string", "int": "Int64"}
    data = {name: pd.array([r[name] for r in rows], dtype=dtypes[kind]) for name, kind, _ in columns}
    return pd.DataFrame(data, columns=[c[0] for c in columns])


def _ids(docs: Sequence[Document], ids: Optional[Iterable[Any]]) -> list[Optional[str]]:
    if ids is None:
        return [None] * len(docs)
    out = [None if i is None else str(i) for i in ids]
    if len(out) != len(docs):
        raise ValueError(f"{len(out)} ids for {len(docs)} documents")
    return out


def quotes_frame(docs: Iterable[Document], ids: Optional[Iterable[Any]] = None) -> pandas.DataFrame:
    """A pandas DataFrame of the quotations of ``docs`` (columns: ``QUOTE_COLUMNS``, nullable
    dtypes ``string`` and ``Int64``), with ``ids[i]`` as the article id of ``docs[i]``."""
    docs = list(docs)
    rows = [r for doc, i in zip(docs, _ids(docs, ids)) for r in quote_rows(doc, i)]
    return rows_frame(rows, QUOTE_COLUMNS)


def entities_frame(docs: Iterable[Document], ids: Optional[Iterable[Any]] = None) -> pandas.DataFrame:
    """A pandas DataFrame of the entities of ``docs`` (columns: ``ENTITY_COLUMNS``)."""
    docs = list(docs)
    rows = [r for doc, i in zip(docs, _ids(docs, ids)) for r in entity_rows(doc, i)]
    return rows_frame(rows, ENTITY_COLUMNS)
