"""quotex: who said what in French news.

``quotex.extract(text)`` turns the raw text of a scraped French news page into a typed, immutable
``Document``: title, paragraphs, removed boilerplate (with reasons), entities (people,
organisations, places, with roles and affiliations) and quotations (direct, indirect, mixed) with
their content, cue and speaker. Every span's offsets point into the original string.

Importing quotex is cheap: the spaCy model loads on the first extraction, once per process.
"""

from __future__ import annotations

from typing import Any

from .model import Boilerplate, Document, Entity, Paragraph, Quote, Span

__all__ = [
    "extract",
    "extract_many",
    "Options",
    "Document",
    "Span",
    "Boilerplate",
    "Paragraph",
    "Entity",
    "Quote",
    "render_html",
    "quotes_frame",
    "entities_frame",
    "schema",
    "__version__",
]


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of quotex's JSON output: ``Document.to_dict()`` and the
    command line's json/jsonl records, error records included."""
    import json
    from importlib import resources

    return dict(json.loads(resources.files("quotex").joinpath("data", "schema.json").read_text(encoding="utf-8")))


def _version() -> str:
    """The installed package's version (pyproject.toml is the one source)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("quotex")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree without installing
        return "0+unknown"


def __getattr__(name: str) -> Any:
    # the pipeline (and spaCy with it) is imported on first use, keeping `import quotex` cheap
    if name == "__version__":
        return _version()
    if name in ("extract", "extract_many", "Options"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "render_html":
        from .render import render_html

        return render_html
    if name in ("quotes_frame", "entities_frame"):
        from . import tables

        return getattr(tables, name)
    raise AttributeError(f"module 'quotex' has no attribute {name!r}")
