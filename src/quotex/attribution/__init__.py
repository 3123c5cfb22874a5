"""Stage 5: attribution: turn each candidate's speaker reference into an entity.

Two stages, as in the sieve design of quote attribution (Muzny et al., EACL 2017):

1. quote -> speaker mention: the ``quotes`` stage says where the speaker is named (a
   ``SpeakerRef``: a noun phrase, a pronoun, a participial cue, the previous quote's speaker, or
   nothing for a floating quote); ``floating`` picks a mention for quotes without a cue.
2. mention -> entity: ``descriptions`` (names, definite and indefinite descriptions, ``ce
   dernier``) and ``pronouns``, each a list of sieves from most to least precise. A mention that
   names nobody already known becomes an entity of its own (``un habitant``).

``context`` holds what the sieves share: the token index, the entity table, the quotation
regions and who has spoken so far.
"""
from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

from ..entities import EntityTable
from ..model import Quote, Span
from ..quotes import Candidate, TokenIndex
from . import descriptions, pronouns
from .context import Context

__all__ = ["attribute"]


def attribute(text: str, ix: TokenIndex, table: EntityTable, cands: Sequence[Candidate]) -> Tuple[Quote, ...]:
    """Resolve every candidate's speaker, in text order; returns the quotes."""
    regions = [(r.start, r.end) for c in cands for r in c.regions]
    ctx = Context(text, ix, table, regions)
    out: List[Quote] = []
    last: Optional[str] = None
    last_sentence: Tuple[int, int] = (-1, -1)
    for c in cands:
        ref = c.ref
        eid: Optional[str] = None
        mention: Optional[Span] = None
        if ref.kind == "np" and ref.start >= 0:
            eid = descriptions.resolve_np(ctx, ref.start, ref.end)
            mention = Span.of(text, ref.start, ref.end)
        elif ref.kind == "pronoun" and ref.start >= 0:
            k = ix.at(ref.start)
            eid = pronouns.resolve_pronoun(ctx, k) if k < len(ix) else None
            mention = Span.of(text, ref.start, ref.end)
        elif ref.kind == "participle":
            eid = last if c.sentence == last_sentence or last is not None else None
        elif ref.kind == "float":
            para_start = ctx.para_start(ref.start)
            eid = ctx.last_mention(ref.start, ("PERSON", "ORG", "MISC"), after=para_start, check=False)
            if eid is None:
                eid = last
        else:
            eid = last
            if eid is None:
                eid = ctx.last_mention(c.start, ("PERSON",), check=False)
        if eid is not None:
            ctx.add_speaker(c.start, eid)
            last = eid
        last_sentence = c.sentence
        cue = Span.of(text, c.cue[0], c.cue[1]) if c.cue else None
        out.append(Quote(c.type, Span.of(text, c.start, c.end), cue, eid, mention, c.paragraph))
    return tuple(out)
