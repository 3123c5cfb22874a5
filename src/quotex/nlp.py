"""The spaCy side: loading the French model once per process, and the text we hand it.

quotex parses the article paragraphs only (never the boilerplate), one spaCy ``Doc`` per piece, each
with the offset of its first character in the original input, so token offsets map straight back.
The parsed copy is *normalised one character for one character* (typographic apostrophes, guillemets
and no-break spaces become their plain forms, which the small model parses far better; runs of
characters with no space become ``x``), so every offset stays equal to the input's.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Optional, Union

import regex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

__all__ = ["MODEL_NAME", "get_nlp", "normalise", "Segment", "MAX_PIECE", "lemma", "parse_spans", "parse_many"]

MODEL_NAME = "fr_core_news_sm"
# a paragraph longer than this is parsed in pieces (spaCy's max_length is never what a user sees)
MAX_PIECE = 20_000
_LONG_RUN = 60  # a run of non-space characters longer than this is not language
_SHORT = 120  # paragraphs shorter than this are parsed in groups
_BATCH_CHARS = 40_000  # characters handed to the model at once (its working memory grows with them)

_SKIPPED = ("lemmatizer", "attribute_ruler")  # loaded but not run, see get_nlp()

_lock = threading.RLock()  # re-entrant: a re-entrant call errors out instead of hanging
_nlp: Optional[Language] = None

_TRANSLATE = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark used as apostrophe
        "\u2018": "'",
        "\u02bc": "'",
        "\u00ab": '"',  # « »
        "\u00bb": '"',
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2039": '"',
        "\u203a": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u2060": " ",
        "\ufeff": " ",
        "\u200b": " ",
        "\u0000": " ",
    }
)
_ASCII_OPEN = regex.compile(r"<<(?!<)")
_ASCII_CLOSE = regex.compile(r"(?<!>)>>")


def ascii_guillemets(text: str) -> str:
    """A copy of ``text`` of the same length where ``<<`` and ``>>``, typed for guillemets on some
    sites, read `` «`` and ``» ``."""
    if "<<" not in text and ">>" not in text:
        return text
    out: str = _ASCII_CLOSE.sub("» ", _ASCII_OPEN.sub(" «", text))
    return out


_RUN = regex.compile(rf"\S{{{_LONG_RUN + 1},}}")
_CTRL = regex.compile(r"[[\p{Cc}\p{Cs}\p{Co}\p{Cn}]--[\n\t]]", flags=regex.V1)


def normalise(text: str) -> str:
    """A copy of ``text`` of the same length, easier for the model to parse."""
    out: str = ascii_guillemets(text).translate(_TRANSLATE)
    out = _CTRL.sub(" ", out)
    if len(out) > _LONG_RUN:
        out = _RUN.sub(lambda m: "x" * len(m.group(0)), out)
    return out


def get_nlp() -> Language:
    """The French pipeline, loaded lazily once per process and reused."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import spacy

                # the rule lemmatizer is the slowest component and quotex needs lemmas of a few
                # verbs only: it stays loaded but off, and ``lemma()`` calls it on demand. The
                # attribute ruler copies each token's part of speech into its tag (quotex never
                # reads tags) and fixes whitespace tokens, which ``_fix_spaces`` does for less.
                nlp = spacy.load(MODEL_NAME)
                for name in _SKIPPED:
                    if name in nlp.pipe_names:
                        nlp.disable_pipe(name)
                nlp.max_length = max(nlp.max_length, MAX_PIECE * 2)
                _nlp = nlp
    return _nlp


_lemma_cache: dict[tuple[str, str], str] = {}


def lemma(tok: Any) -> str:
    """The token's lemma, lower case: the pipeline's when it has one, else computed on demand
    by the model's rule lemmatizer (cached by form and part of speech, all it reads)."""
    if tok.lemma_:
        return str(tok.lemma_).lower()
    key = (tok.text, tok.pos_)  # what the French rule lemmatizer reads
    found = _lemma_cache.get(key)
    if found is None:
        try:
            lemmatizer: Any = get_nlp().get_pipe("lemmatizer")
            found = str(lemmatizer.rule_lemmatize(tok)[0]).lower()
        except Exception:  # pragma: no cover - a pipeline without a rule lemmatizer
            found = tok.lower_
        if len(_lemma_cache) < 200_000:
            _lemma_cache[key] = found
    return found


@dataclass(frozen=True)
class Segment:
    """A parsed piece of the article: its tokens and where its first character sits in the input.

    ``tokens`` is a spaCy ``Doc`` (parsed on its own) or a ``Span`` of a larger Doc (in the spaCy
    component); ``offset`` is added to a token's ``idx`` to get its offset in the input, minus
    ``base`` (the ``idx`` of the Doc character that stands for input offset ``offset``).
    """

    tokens: Union[Doc, SpacySpan]
    offset: int
    paragraph: Optional[int]
    base: int = 0
    # the article stretches (start, end, paragraph) this piece holds, in input offsets; what lies
    # between them was blanked before parsing
    bounds: tuple[tuple[int, int, Optional[int]], ...] = ()

    def stretches(self) -> tuple[tuple[int, int, Optional[int]], ...]:
        if self.bounds:
            return self.bounds
        if not len(self.tokens):
            return ()
        return ((self.start(self.tokens[0]), self.end(self.tokens[-1]), self.paragraph),)

    @cached_property
    def token_list(self) -> list[Any]:
        """The tokens as a list, built once: spaCy makes a new Token object at every iteration,
        which dominated the cost of the several passes over a segment."""
        return list(self.tokens)

    @cached_property
    def texts(self) -> list[str]:
        """The tokens' texts, read once for the scans that look at words only."""
        return [t.text for t in self.token_list]

    @cached_property
    def lowers(self) -> list[str]:
        return [t.lower() for t in self.texts]

    @property
    def shift(self) -> int:
        """What turns a token's ``idx`` into its offset in the input."""
        return self.offset - self.base

    def start(self, tok: Any) -> int:
        return int(tok.idx) + self.offset - self.base

    def end(self, tok: Any) -> int:
        return int(tok.idx) + len(tok.text) + self.offset - self.base


def pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split ``text[start:end]`` into pieces of at most MAX_PIECE characters at sentence ends."""
    pos = start
    while end - pos > MAX_PIECE:
        window_end = pos + MAX_PIECE
        cut = -1
        for mark in (". ", "! ", "? ", "\n", " "):
            cut = text.rfind(mark, pos + MAX_PIECE // 2, window_end)
            if cut >= 0:
                cut += len(mark)
                break
        if cut < 0:
            cut = window_end
        yield pos, cut
        pos = cut
    if end > pos:
        yield pos, end


def parse_spans(
    text: str, spans: Sequence[tuple[int, int, Optional[int]]], nlp: Optional[Language] = None, batch_size: int = 64
) -> list[Segment]:
    """Parse the given (start, end, paragraph) stretches of ``text``; one Segment per piece."""
    return parse_many([(text, spans)], nlp, batch_size)[0]


def parse_many(
    items: Sequence[tuple[str, Sequence[tuple[int, int, Optional[int]]]]],
    nlp: Optional[Language] = None,
    batch_size: int = 64,
) -> list[list[Segment]]:
    """Parse the stretches of several texts in one ``nlp.pipe`` stream.

    Runs of consecutive short paragraphs (under ``_SHORT`` characters) are parsed together as one
    piece of at most MAX_PIECE characters, the text between them (line breaks kept) blanked to
    spaces: spaCy's cost per Doc dominates on pages of many tiny paragraphs. Other paragraphs and
    the title are parsed on their own.
    """
    nlp = nlp or get_nlp()
    jobs: list[tuple[int, int, int, tuple[tuple[int, int, Optional[int]], ...]]] = []
    norms = []
    for n, (text, spans) in enumerate(items):
        norms.append(normalise(text))
        group: list[tuple[int, int, Optional[int]]] = []
        for start, end, para in spans:
            if end - start > _SHORT or para is None:
                # a real paragraph, or the title, is parsed on its own
                if group:
                    jobs.append((n, group[0][0], group[-1][1], tuple(group)))
                    group = []
                for a, b in pieces(text, start, end):
                    jobs.append((n, a, b, ((a, b, para),)))
                continue
            if group and (end - group[0][0] > MAX_PIECE or start - group[-1][1] > 2_000):
                jobs.append((n, group[0][0], group[-1][1], tuple(group)))
                group = []
            group.append((start, end, para))
        if group:
            jobs.append((n, group[0][0], group[-1][1], tuple(group)))

    def piece_text(n: int, a: int, b: int, bounds: tuple[tuple[int, int, Optional[int]], ...]) -> str:
        norm = norms[n]
        if len(bounds) == 1:
            return norm[a:b]
        parts = []
        pos = a
        for s, e, _ in bounds:
            if s > pos:
                parts.append("".join("\n" if c == "\n" else " " for c in norm[pos:s]))
            parts.append(norm[s:e])
            pos = e
        return "".join(parts)

    out: list[list[Segment]] = [[] for _ in items]
    for batch in _groups(jobs, batch_size):
        docs: Iterable[Doc] = nlp.pipe((piece_text(*job) for job in batch), batch_size=len(batch))
        for doc, (n, a, _b, bounds) in zip(docs, batch):
            _drop_tensor(doc)
            _fix_spaces(doc)
            out[n].append(Segment(doc, a, bounds[0][2], bounds=bounds))
    return out


def _groups(jobs: list[tuple[int, int, int, Any]], batch_size: int) -> Iterator[list[tuple[int, int, int, Any]]]:
    """The pieces in model batches of at most ``batch_size`` pieces and about ``_BATCH_CHARS``
    characters: the model's working memory grows with the tokens of a batch (several kB each)."""
    group: list[tuple[int, int, int, Any]] = []
    size = 0
    for job in jobs:
        if group and (len(group) >= batch_size or size + job[2] - job[1] > _BATCH_CHARS):
            yield group
            group, size = [], 0
        group.append(job)
        size += job[2] - job[1]
    if group:
        yield group


def _fix_spaces(doc: Doc) -> None:
    """What the model's attribute ruler does to whitespace, without its cost on every token:
    a whitespace token gets part of speech SPACE, no morphology and, when it has one, the
    dependency label ``dep``; a word tagged SPACE becomes X. Idempotent."""
    from spacy.attrs import IS_SPACE, POS

    if not len(doc):
        return
    arr = doc.to_array([IS_SPACE, POS])
    space = doc.vocab.strings["SPACE"]
    for i in ((arr[:, 0] == 1) | (arr[:, 1] == space)).nonzero()[0]:
        tok = doc[int(i)]
        if tok.is_space:
            if tok.dep_:
                tok.dep_ = "dep"
            tok.pos_ = "SPACE"
        else:
            tok.pos_ = "X"
        tok.set_morph(None)  # type: ignore[attr-defined]  # (spaCy's stubs lack it)


def _drop_tensor(doc: Doc) -> None:
    """Free the Doc's token vectors (hundreds of bytes a token): nothing after the parse reads them."""
    tensor: Any = getattr(doc, "tensor", None)
    if tensor is not None and tensor.size:
        doc.tensor = tensor[:0]
