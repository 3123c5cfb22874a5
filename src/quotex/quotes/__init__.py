"""Stage 4: quotation candidates: direct, indirect and mixed, each with its cue and a speaker reference.

* Quoted regions are found by one linear scan over the article's quotation marks (« », “ ”, „ “,
  ‹ ›, straight double quotes, em-dash dialogue), nested marks kept inside the outer region, a
  region left open at a paragraph's end carried on when the next paragraph reopens it (the French
  convention for quotations over several paragraphs) and closed there otherwise.
* A region is a direct quote when a cue follows it (``», a-t-il dit``, ``", a annoncé X``,
  ``» — X``), when a cue or a colon introduces it (``X confie : « … »``), when a source marker
  heads its sentence (``Pour X, « … »``), or when it stands as a sentence of its own (a floating
  quote). A region split by an incise (``« A, dit-il, B »``) gives two quotes. Other regions are
  fragments: scare quotes, or the quoted part of a mixed quote.
* Indirect quotes come from reporting verbs matched by lemma (``data/reporting_verbs.tsv``) with a
  que-clause, an infinitive complement or an adjective (``se sont dites prêtes à``), from inverted
  order (``<content>, a annoncé X``), and from source markers (``selon X``, ``d'après X``,
  ``pour X``). Negated, conditional, future and interrogative verbs are not quotations. Reported
  content holding a quoted region is ``mixed``.

This package says *where* the speaker is named (a ``SpeakerRef``); ``attribution`` says who it is.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Optional

from ..nlp import Segment, ascii_guillemets
from .context import _Ctx
from .direct import _direct
from .indirect import _indirect
from .markers import _as_said, _markers
from .records import Candidate, Region, SpeakerRef
from .regions import find_regions
from .tokens import TokenIndex
from .verbs import cue_span, verb_class

__all__ = [
    "Region",
    "SpeakerRef",
    "Candidate",
    "find_regions",
    "TokenIndex",
    "find_candidates",
    "verb_class",
    "cue_span",
]


def find_candidates(
    text: str,
    segments: Sequence[Segment],
    stretches: Sequence[tuple[int, int, Optional[int]]],
    ix: Optional[TokenIndex] = None,
) -> list[Candidate]:
    """Every quotation candidate of the parsed article, in text order, overlaps resolved."""
    ix = ix if ix is not None else TokenIndex(segments)
    text = ascii_guillemets(text)  # same length: every offset holds
    regions = find_regions(text, [(s, e) for s, e, _ in stretches])
    ix.opens = frozenset(r.open for r in regions)
    starts = [s for s, _, _ in stretches]

    def para_of(offset: int) -> Optional[int]:
        k = bisect_right(starts, offset) - 1
        return stretches[k][2] if k >= 0 else None

    ctx = _Ctx(text, ix, regions, para_of, [r.open for r in regions])
    cands: list[Candidate] = []
    cands.extend(_direct(ctx))
    taken = [(c.start, c.end) for c in cands]
    cands.extend(_indirect(ctx, taken))
    cues = sorted(c.cue[0] for c in cands if c.cue is not None)
    for m in [*_markers(ctx), *_as_said(ctx)]:
        # "Selon la radio, le porte-parole a démenti que ...": the report inside the marker's
        # clause has its own cue and speaker; the marker only names where it was read
        k = bisect_right(cues, m.start)
        if k < len(cues) and cues[k] < m.end:
            continue
        cands.append(m)
    return _resolve_overlaps(ctx, cands)


def _resolve_overlaps(ctx: _Ctx, cands: list[Candidate]) -> list[Candidate]:
    cands.sort(key=lambda c: (c.start, -c.priority, -(c.end - c.start)))
    kept: list[Candidate] = []
    longest = 0
    for c in cands:
        clash = None
        for o in reversed(kept):
            if o.start + longest < c.start:
                break  # kept is in start order: nothing earlier can reach c
            inter = min(o.end, c.end) - max(o.start, c.start)
            if inter > 0:
                smaller = min(o.end - o.start, c.end - c.start)
                if inter >= 0.5 * smaller:
                    clash = o
                    break
        longest = max(longest, c.end - c.start)
        if clash is None:
            kept.append(c)
            continue
        # a direct quote inside reported content is the quoted part of a mixed quote
        replace = (
            clash.type == "direct"
            and c.type in ("indirect", "mixed")
            and clash.start >= c.start - 1
            and clash.end <= c.end + 1
            and clash.cue is None
        ) or c.priority > clash.priority
        if (
            replace
            and clash.cue is not None
            and c.cue is not None
            and clash.start <= c.cue[0]
            and clash.cue[0] >= c.end
            and clash.type == "indirect"
        ):
            # "Le suspect a reconnu avoir tué la mère, a déclaré le procureur": the report is the
            # procureur's; what the suspect admitted is inside it
            replace = False
        if replace:
            kept.remove(clash)
            kept.append(c)  # candidates come in start order: kept stays sorted by start
    kept.sort(key=lambda c: (c.start, c.end))
    return kept
