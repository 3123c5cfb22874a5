"""The spaCy component: ``nlp.add_pipe("quotex")`` on a French pipeline.

Registered through ``Language.factory`` when this module is imported, and through the
``spacy_factories`` entry point, so that ``nlp.add_pipe("quotex")`` and ``spacy.load()`` of a saved
pipeline work without importing quotex first.

By default (``reparse=True``) the component parses the article paragraphs itself exactly as
``quotex.extract()`` does and gives the same result, whatever ran before it: on
``spacy.blank("fr")`` nothing is parsed twice. With ``reparse=False`` it reads the Doc as the host
pipeline parsed it (tagger, parser and NER must run before it): no second parse, results as good as
that parse of the whole page, close to but not always identical with ``extract()``'s. It stores its
result on Doc extensions:

* ``doc._.quotex``: the whole result as a plain dict (``Document.to_dict()`` without the text), the
  one value that is serialised with the Doc (msgpack-safe, so it survives ``doc.to_bytes()``,
  ``DocBin`` and ``nlp.pipe(n_process=2)``);
* ``doc._.quotex_document``, ``doc._.quotes``, ``doc._.speakers``, ``doc._.boilerplate``: typed
  views (getters) rebuilt from that dict.

Extensions are registered by the factory, by ``__call__`` and on unpickling, so a spawned worker
process that never imported quotex still has them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Callable, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from .model import Boilerplate, Document, Entity, Quote
from .nlp import Segment, parse_spans

__all__ = ["QuotexComponent", "make_quotex", "register_extensions"]

_DATA_FILES = (
    "boilerplate.tsv",
    "reporting_verbs.tsv",
    "verb_forms.tsv",
    "source_markers.txt",
    "titles.tsv",
    "person_titles.tsv",
    "first_names.tsv",
    "organisations.jsonl",
    "date_words.txt",
)


def _document(doc: Doc) -> Optional[Document]:
    data = doc._.quotex
    if data is None:
        return None
    return Document.from_dict({**data, "text": doc.text})


def _quotes(doc: Doc) -> tuple[Quote, ...]:
    d = _document(doc)
    return d.quotes if d else ()


def _speakers(doc: Doc) -> tuple[Entity, ...]:
    d = _document(doc)
    if d is None:
        return ()
    ids = []
    for q in d.quotes:
        if q.speaker and q.speaker not in ids:
            ids.append(q.speaker)
    return tuple(e for e in d.entities if e.id in ids)


def _boilerplate(doc: Doc) -> tuple[Boilerplate, ...]:
    d = _document(doc)
    return d.boilerplate if d else ()


def register_extensions() -> None:
    """Register the Doc extensions (idempotent)."""
    if not Doc.has_extension("quotex"):
        Doc.set_extension("quotex", default=None)
    getters: dict[str, Callable[[Doc], Any]] = {
        "quotex_document": _document,
        "quotes": _quotes,
        "speakers": _speakers,
        "boilerplate": _boilerplate,
    }
    for name, getter in getters.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=getter)


class QuotexComponent:
    """Finds quotations, speakers, entities and boilerplate in a parsed French Doc."""

    def __init__(
        self,
        nlp: Language,
        name: str = "quotex",
        remove_boilerplate: bool = True,
        reparse: bool = True,
        spans_key: str = "quotex",
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.remove_boilerplate = remove_boilerplate
        self.reparse = reparse
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        from .pipeline import Options, analyse, prepare

        register_extensions()
        text = doc.text
        if not text.strip():
            doc._.quotex = _plain(Document(text=text))
            doc.spans[self.spans_key] = []
            return doc
        options = Options(remove_boilerplate=self.remove_boilerplate)
        analysis, paras, stretches = prepare(text, options)
        segments: list[Segment] = []
        if self.reparse:
            # exactly what quotex.extract() sees: the article paragraphs, normalised, parsed by
            # quotex's own French model
            segments = parse_spans(text, stretches)
        else:
            for start, end, para in stretches:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None and len(span):
                    segments.append(Segment(span, 0, para))
        result = analyse(text, analysis, paras, segments, stretches)
        doc._.quotex = _plain(result)
        doc.spans[self.spans_key] = _span_group(doc, result, self.spans_key)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def initialize(
        self, get_examples: Optional[Callable[[], Iterable[Any]]] = None, *, nlp: Optional[Language] = None
    ) -> None:
        """Load (and so check) every word list now rather than on the first Doc."""
        from . import resources

        resources.boilerplate_rules()
        resources.reporting_verbs()
        resources.organisations()

    # -- serialisation: settings and a fingerprint of the word lists used ----------------
    def _cfg(self) -> dict[str, Any]:
        from importlib import resources as ir

        digest = hashlib.sha256()
        for name in _DATA_FILES:
            digest.update(ir.files("quotex").joinpath("data").joinpath(name).read_bytes())
        return {
            "remove_boilerplate": self.remove_boilerplate,
            "reparse": self.reparse,
            "spans_key": self.spans_key,
            "resources_sha256": digest.hexdigest(),
        }

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps(self._cfg()).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> QuotexComponent:
        cfg = json.loads(data.decode("utf-8"))
        self.remove_boilerplate = bool(cfg.get("remove_boilerplate", True))
        self.reparse = bool(cfg.get("reparse", True))
        self.spans_key = str(cfg.get("spans_key", self.spans_key))
        self.saved_resources = cfg.get("resources_sha256")
        return self

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "cfg.json").write_text(json.dumps(self._cfg(), indent=2), encoding="utf-8")

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> QuotexComponent:
        cfg_file = Path(path) / "cfg.json"
        if cfg_file.exists():
            self.from_bytes(cfg_file.read_bytes())
        return self

    def __getstate__(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        register_extensions()


def _span_group(doc: Doc, result: Document, key: str) -> list[Any]:
    """The quotations (labels ``DIRECT``, ``INDIRECT``, ``MIXED``), cues (``CUE``) and speaker
    mentions (``SPEAKER``) as token spans of ``doc`` (widened to whole tokens), for
    ``displacy.render(doc, style="span", options={"spans_key": key})``."""
    spans = []
    for q in result.quotes:
        for span, label in ((q.content, q.type.upper()), (q.cue, "CUE"), (q.speaker_mention, "SPEAKER")):
            if span is None:
                continue
            found = doc.char_span(span.start, span.end, label=label, alignment_mode="expand")
            if found is not None and len(found):
                spans.append(found)
    return spans


def _plain(document: Document) -> dict[str, Any]:
    """The msgpack-safe dict stored on the Doc (the text is the Doc's own)."""
    d = document.to_dict()
    d.pop("text", None)
    return d


@Language.factory(
    "quotex",
    default_config={"remove_boilerplate": True, "reparse": True, "spans_key": "quotex"},
    assigns=["doc._.quotex", "doc.spans"],
)
def make_quotex(
    nlp: Language, name: str, remove_boilerplate: bool, reparse: bool, spans_key: str = "quotex"
) -> QuotexComponent:
    """Factory of the ``quotex`` component.

    ``reparse=True`` (default) parses the article paragraphs with quotex's model and typography
    normalisation, giving exactly ``quotex.extract()``'s result. ``reparse=False`` reads the host
    pipeline's own parse of the page (tagger, parser and NER before it): no second parse.
    """
    return QuotexComponent(nlp, name, remove_boilerplate=remove_boilerplate, reparse=reparse, spans_key=spans_key)
