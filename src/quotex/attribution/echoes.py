"""Quotations left without a speaker by the sieves, attributed from the rest of the article.

A headline or a subheading often repeats words that the body quotes with their speaker
(``« Un long fleuve moins tranquille »`` above ``…, a estimé le ministre``): such an echo goes to
the speaker of the body quotation it repeats. A quotation in the headline that repeats nothing
goes to the person the headline names outside its quotation marks, else to the article's main
voice (the speaker of most of its quotations).
"""

from __future__ import annotations

from collections import Counter
from collections import Counter as CounterType
from collections.abc import Sequence
from typing import Optional

import regex

from ..entities import EntityTable
from ..model import Quote

_WORD = regex.compile(r"\w+")
_WINDOW = 40  # quotations compared on either side: a bound on the work on pages of thousands of quotes


def _words(s: str) -> CounterType[str]:
    return Counter(w.lower() for w in _WORD.findall(s) if len(w) > 2)


def _overlap(a: CounterType[str], b: CounterType[str]) -> float:
    """How much of ``a`` is in ``b`` (share of ``a``'s words)."""
    total = sum(a.values())
    return sum((a & b).values()) / total if total else 0.0


def fill_echoes(quotes: Sequence[Quote], table: EntityTable, title: Optional[tuple[int, int]] = None) -> list[Quote]:
    """``quotes`` with a speaker given to the unattributed ones that echo or head the article.
    ``title``: the (start, end) offsets of the headline, if any."""
    out = list(quotes)
    if all(q.speaker is not None and (q.cue is not None or q.speaker_mention is not None) for q in out):
        return out
    bags = [_words(q.content.text) for q in out]
    voices = Counter(q.speaker for q in out if q.speaker is not None and q.paragraph is not None)
    for n, q in enumerate(out):
        # a quotation with no cue got at best the passage's voice: a pull quote repeating words
        # that a cue attributes elsewhere (« … » set apart above « …, …, … », continue X) is X's
        guessed = q.speaker is not None and q.cue is None and q.speaker_mention is None
        if (q.speaker is not None and not guessed) or not bags[n] or (guessed and sum(bags[n].values()) < 4):
            continue
        best, best_score = None, 0.0
        for m in range(max(0, n - _WINDOW), min(len(out), n + _WINDOW + 1)):
            r = out[m]
            if m == n or r.speaker is None or (guessed and r.cue is None):
                continue
            score = _overlap(bags[n], bags[m])
            if score > best_score:
                best, best_score = r.speaker, score
        eid = best if best_score >= (0.8 if guessed else 0.6) else None
        if guessed:
            if eid is not None and eid != q.speaker:
                out[n] = Quote(q.type, q.content, q.cue, eid, q.speaker_mention, q.paragraph)
            continue
        if eid is None and q.paragraph is None:
            eid = _named_in(table, title, q) or (voices.most_common(1)[0][0] if voices else None)
        if eid is not None:
            out[n] = Quote(q.type, q.content, q.cue, eid, q.speaker_mention, q.paragraph)
    return out


def _named_in(table: EntityTable, title: Optional[tuple[int, int]], q: Quote) -> Optional[str]:
    """The person named in the headline outside the quotation."""
    if not title:
        return None
    a, b = title
    for m in table.mentions_in(a, b):
        if m.label == "PERSON" and not (q.content.start <= m.start < q.content.end):
            return m.entity
    return None
