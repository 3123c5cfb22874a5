"""Genders the text itself tells: a named person whose gender no title or first name gave, and
who is the subject of a sentence followed by one whose subject is ``il`` or ``elle``
(``Claude Verrier a été réélue. Elle a remercié ses électeurs.``), takes that pronoun's gender."""

from __future__ import annotations

from ..quotes.lexicon import _PRONOUNS
from .context import Context


def learn_genders(ctx: Context) -> None:
    ix, table = ctx.ix, ctx.table
    unknown = {e.id for e in table.entities() if e.label == "PERSON" and e.gender is None and e.head is None}
    if not unknown or not len(ix):
        return
    for m in table.mentions:
        if m.entity not in unknown or ctx.in_quote(m.start, m.end):
            continue
        k = ix.at(m.start)
        if k >= len(ix) or ix.starts[k] >= m.end:
            continue
        # the mention must be the subject of its sentence
        last = k
        while last + 1 < len(ix) and ix.starts[last + 1] < m.end:
            last += 1
        if not any(ix.toks[j].dep_ in ("nsubj", "nsubj:pass") for j in range(k, last + 1)):
            continue
        _, se = ix.sentence(k)
        if se >= len(ix):
            continue
        ns, ne = ix.sentence(se)
        for j in range(ns, min(ne, ns + 3)):
            low = ix.low(j)
            if ix.toks[j].dep_ in ("nsubj", "nsubj:pass") and low in ("il", "elle"):
                ent = table.get(m.entity)
                if ent is not None and ent.gender is None:
                    ent.gender = _PRONOUNS[low][0]
                    unknown.discard(m.entity)
                break
        if not unknown:
            return
