"""The token index over the parsed segments: offsets, lower forms, sentences."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any, Optional

from .. import resources
from ..nlp import Segment


class TokenIndex:
    """All parsed tokens of the article, addressable by input offset."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self.toks: list[Any] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.seg: list[Segment] = []
        self.texts: list[str] = []
        self.lows: list[str] = []
        for seg in segments:
            shift = seg.shift
            words, lows, all_toks = seg.texts, seg.lowers, seg.token_list
            keep = [k for k, word in enumerate(words) if not word.isspace()]  # spaCy's is_space
            toks = [all_toks[k] for k in keep]
            starts = [t.idx + shift for t in toks]
            self.toks.extend(toks)
            self.starts.extend(starts)
            self.ends.extend([a + len(words[k]) for a, k in zip(starts, keep)])
            self.seg.extend([seg] * len(toks))
            self.texts.extend([words[k] for k in keep])
            self.lows.extend([lows[k].replace("’", "'") for k in keep])
        self._pos_map: Optional[dict[tuple[int, int], int]] = None
        self._sents: Optional[list[tuple[int, int]]] = None
        # the article stretch (paragraph or title) of every token
        self.stretch_starts: list[int] = sorted(s for seg in segments for s, _, _ in seg.stretches())
        self.stretch_of: list[int] = [max(0, bisect_right(self.stretch_starts, st) - 1) for st in self.starts]
        self.opens: frozenset[int] = frozenset()
        self.verb_classes: dict[int, Optional[str]] = {}
        self._maybe_verbs: Optional[list[int]] = None
        self._maybe_set: Optional[frozenset[int]] = None

    def __len__(self) -> int:
        return len(self.toks)

    def maybe_verbs(self) -> list[int]:
        """Indices of the tokens that may be reporting verbs: a listed form of one, or a word
        starting like one. Most tokens are neither, and their lemma need not be computed."""
        if self._maybe_verbs is None:
            forms, prefixes = resources.verb_forms(), resources.verb_prefixes()
            self._maybe_verbs = [k for k, low in enumerate(self.lows) if low in forms or low[:3] in prefixes]
        return self._maybe_verbs

    def may_report(self, k: int) -> bool:
        """Token ``k`` is one of ``maybe_verbs()``."""
        if self._maybe_set is None:
            self._maybe_set = frozenset(self.maybe_verbs())
        return k in self._maybe_set

    def at(self, offset: int) -> int:
        """Index of the first token ending after ``offset``."""
        return bisect_right(self.ends, offset)

    def before(self, offset: int) -> int:
        """Index of the last token starting before ``offset`` (or -1)."""
        return bisect_left(self.starts, offset) - 1

    def index(self, tok: Any) -> int:
        if self._pos_map is None:
            self._pos_map = {(id(t.doc), t.i): k for k, t in enumerate(self.toks)}
        return self._pos_map.get((id(tok.doc), tok.i), -1)

    def text(self, k: int) -> str:
        return self.texts[k]

    def low(self, k: int) -> str:
        return self.lows[k]

    def finite(self, k: int) -> bool:
        """Token k is a verb or an auxiliary in a finite form (``a``, ``estime``), not an
        infinitive or a participle."""
        t = self.toks[k]
        return t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")

    def finite_in(self, a: int, b: int) -> bool:
        """A finite verb stands among tokens [a, b)."""
        return any(self.finite(j) for j in range(a, b))

    def sentence(self, k: int) -> tuple[int, int]:
        """Token index range [a, b) of the sentence holding token k.

        Sentences are cut at sentence-final punctuation followed by a capital, an opening
        quotation mark or a dash, and at piece boundaries: the small model's own sentence ends
        are often wrong on news text (it cuts before names and after fronted adverbials).
        """
        if self._sents is None:
            self._sents = self._split()
        return self._sents[k]

    def _split(self) -> list[tuple[int, int]]:
        n = len(self.toks)
        texts = self.texts
        ends: set[int] = set()
        # piece and stretch boundaries
        ends.update(
            k
            for k in range(n - 1)
            if self.seg[k + 1] is not self.seg[k] or self.stretch_of[k + 1] != self.stretch_of[k]
        )
        enders = (".", "!", "?", "…", "...")
        closers = ("»", "”", '"', ")")
        for k in [k for k, t in enumerate(texts) if t in enders or t in closers]:
            if k + 1 >= n or k in ends:
                continue
            text = texts[k]
            nxt = texts[k + 1]
            opens_next = self.starts[k + 1] in self.opens or nxt[:1] in ("«", "“", "—", "–", "(", "[")
            if text in enders:
                if nxt[:1].isupper() or nxt[:1].isdigit() or opens_next:
                    ends.add(k)
            elif (
                self.starts[k] not in self.opens
                and k > 0
                and (texts[k - 1] in enders or (text == ")" and texts[k - 1].endswith(".")))
            ):
                if nxt[:1].isupper() or opens_next:
                    ends.add(k)
        bounds: list[tuple[int, int]] = []
        start = 0
        for k in sorted(ends):
            bounds.extend([(start, k + 1)] * (k + 1 - start))
            start = k + 1
        if start < n:
            bounds.extend([(start, n)] * (n - start))
        return bounds
