"""The state the rules share for one document, and the extent of reported content."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any, Optional

from .lexicon import _QUE, _TIME_WORDS
from .phrases import _ends_clause, _subject_after
from .records import Region
from .tokens import TokenIndex
from .verbs import _inverted_pronoun, cue_span, verb_class


@dataclass
class _Ctx:
    text: str
    ix: TokenIndex
    regions: list[Region]
    para_of: Any
    region_starts: list[int] = field(default_factory=list)

    def region_at(self, offset: int) -> Optional[Region]:
        k = bisect_right(self.region_starts, offset) - 1
        if k >= 0:
            r = self.regions[k]
            if r.open <= offset <= r.close:
                return r
        return None


def _content_end(ctx: _Ctx, start_tok: int, sent_end: int) -> int:
    """Token index ending reported content that starts at ``start_tok``."""
    ix = ctx.ix
    j = start_tok
    while j < sent_end:
        low = ix.low(j)
        if low == ";":
            return j
        if low == ":" and j + 1 < sent_end and ix.starts[j + 1] in ix.opens:
            return j  # "a affirmé que la loi est passée : « … »": the quotation after is its own
        if (
            low in ("et", "mais", "puis")
            and j + 1 < sent_end
            and ix.low(j + 1) in ("il", "ils", "elle", "elles", "on", "nous")
        ):
            return j
        if low == "et" and j + 2 < sent_end and ix.toks[j + 1].pos_ == "AUX" and verb_class(ix, j + 2):
            return j  # "… et a rappelé que …": a second report by the same speaker
        if (
            low in ("et", "mais")
            and j + 2 < sent_end
            and verb_class(ix, j + 1) == "speech"
            and ix.low(j + 2) in ("que", "qu'", "qu’")
        ):
            return j  # "reconnaît « … » mais assure que …": a second report, with its own content
        if (
            low == ","
            and j + 2 < sent_end
            and ix.low(j + 1) in _TIME_WORDS
            and ix.low(j + 1)
            not in ("aussi", "également", "notamment", "encore", "toutefois", "cependant", "ensuite", "enfin")
            and (
                ix.toks[j + 2].pos_ == "ADP"
                or ix.low(j + 2) in _TIME_WORDS
                or ix.low(j + 2) in ("lors", "pendant", "durant", "devant", "au", "à", "en", "dans")
            )
        ):
            return j  # "…, dimanche au premier jour de sa visite": when it was said
        if low == "," and j + 1 < sent_end:
            n = j + 1
            if ix.low(n) in ("selon", "d'après"):
                return j
            if (
                ix.low(n) == "avant"
                and n + 2 < sent_end
                and ix.low(n + 1) in ("de", "d'", "d’")
                and verb_class(ix, n + 2)
            ):
                return j  # "…, avant d'ajouter que …": a second report
            if ix.low(n) == "mais" and _new_clause(ix, n + 1, sent_end):
                return j  # "…, mais l'opposition doute de ce calendrier": the narrator again
            if verb_class(ix, n) and ("Part" in ix.toks[n].morph.get("VerbForm") and ix.low(n).endswith("ant")):
                return j
            if ix.toks[n].pos_ == "AUX" and _inverted_pronoun(ix, n, min(n + 3, sent_end)) is not None:
                return j
            if verb_class(ix, n) and _inverted_pronoun(ix, n, min(n + 2, sent_end)) is not None:
                return j
            if _inverted_cue(ix, n, sent_end):
                return j  # "Le suspect a reconnu avoir tué la mère, a déclaré le procureur": the outer report
        r = ctx.region_at(ix.starts[j])
        if r is not None and r.closed and ix.starts[j] == r.close and j + 1 < sent_end and ix.low(j + 1) == ",":
            # "... «de façon inexacte», ce dimanche": the quoted part ends the content
            nxt = j + 2
            if nxt < sent_end and not (ix.toks[nxt].pos_ in ("CCONJ",) or ix.low(nxt) in ("mais", "et", "car", "qui")):
                return j + 1
        j += 1
    return sent_end


def _new_clause(ix: TokenIndex, j: int, sent_end: int) -> bool:
    """Tokens from ``j`` open a clause with its own subject: a determiner and a noun (or a name)
    right before a finite verb (``l'opposition doute``, ``les syndicats réclament``)."""
    k = j
    if k < sent_end and (ix.toks[k].pos_ == "DET" or ix.low(k) in ("l'", "l’")):
        k += 1
        while k < sent_end and ix.toks[k].pos_ in ("NOUN", "ADJ", "PROPN") and k - j < 4:
            k += 1
    else:
        while k < sent_end and ix.toks[k].pos_ == "PROPN" and k - j < 3:
            k += 1
    return j < k < sent_end and ix.finite(k) and ix.low(k - 1) not in _QUE


def _inverted_cue(ix: TokenIndex, n: int, sent_end: int) -> bool:
    """At token ``n`` (after a comma), a reporting verb in the finite form followed by its
    inverted subject that ends the clause: ``, a déclaré hier le procureur.``, ``, rapporte
    France Bleu``."""
    k = n
    while k < min(sent_end, n + 3) and ix.toks[k].pos_ == "AUX":
        k += 1
    if k >= sent_end or not verb_class(ix, k) or ix.low(k).endswith("ant"):
        return False
    form = ix.toks[k].morph.get("VerbForm")
    if "Inf" in form or ("Part" in form and k == n):
        return False
    subject = _subject_after(ix, cue_span(ix, k)[1], sent_end)
    return subject is not None and _ends_clause(ix, subject[1], sent_end)


def _content_span(ctx: _Ctx, a: int, b: int) -> Optional[tuple[int, int]]:
    """Offsets of tokens [a, b) without trailing sentence punctuation."""
    ix = ctx.ix
    while b > a and ix.toks[b - 1].is_punct and ix.text(b - 1) in ".,;:!?…":
        b -= 1
    while a < b and ix.toks[a].is_punct and ix.text(a) in ",;:":
        a += 1
    if b <= a:
        return None
    return ix.starts[a], ix.ends[b - 1]


def _regions_between(ctx: _Ctx, s: int, e: int) -> list[Region]:
    """Regions whose marks open at or after ``s - 2`` and before ``e + 2`` (bisect, not a scan)."""
    lo = bisect_left(ctx.region_starts, s - 2)
    hi = bisect_left(ctx.region_starts, e + 2)
    return ctx.regions[lo:hi]


def _covering(ctx: _Ctx, s: int, e: int) -> list[Region]:
    """Regions whose marks enclose [s, e] (give or take one character)."""
    k = bisect_right(ctx.region_starts, s + 1) - 1
    return [ctx.regions[k]] if k >= 0 and ctx.regions[k].close >= e - 1 else []


def _typed(ctx: _Ctx, s: int, e: int) -> str:
    inner = [r for r in _regions_between(ctx, s, e) if r.start >= s - 1 and r.end <= e + 1]
    return "mixed" if inner else "indirect"


def _clause_start(ctx: _Ctx, sa: int, limit: int) -> int:
    """Start of inverted content: the sentence start, after a leading source marker or colon."""
    ix = ctx.ix
    start = sa
    for j in range(sa, limit):
        if ix.text(j) == ":" and j + 1 < limit:
            start = j + 1
    return start
