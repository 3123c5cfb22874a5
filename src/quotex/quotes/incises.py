"""Incises whose verb is in no list: ``« … », grince le maire``, ``« … », a complété Anne Roy``.

The slot after a closing quotation mark and its comma, followed by a subject that closes the
clause, is the shape of a cue whatever verb fills it; the subject must be a person or a body
that speaks, so that a title and its apposition (``« Intouchables », comédie de ...``) is none.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import nouns
from .context import _Ctx
from .phrases import _subject_after
from .records import SpeakerRef
from .tokens import TokenIndex
from .verbs import verb_class


def _person_subject(ix: TokenIndex, ref: SpeakerRef) -> bool:
    """The inverted subject ``ref`` is a pronoun, a name, a noun of a person (``le porte-parole``) or
    of a body that speaks (``le syndicat``), not a thing (``l'histoire de ...``)."""
    if ref.kind != "np":
        return ref.kind == "pronoun"
    k = ix.at(ref.start)
    while k < len(ix) and ix.starts[k] < ref.end and (ix.toks[k].pos_ == "DET" or ix.low(k) in ("l'", "d'")):
        k += 1
    if k >= len(ix) or ix.starts[k] >= ref.end:
        return False
    # a body that speaks: "martèle le syndicat", "affirme la préfecture"
    return ix.text(k)[:1].isupper() or nouns.noun_class(ix.low(k)) in ("person", "org", "org_anaphor")


def _unlisted_incise(ix: TokenIndex, k: int, b: int, limit: int) -> bool:
    """``« … », expose le commissaire X.``: a finite verb in the incise slot whose inverted subject
    is a person or a speaking body and closes the clause is a cue, listed or not."""
    tok = ix.toks[k]
    form = tok.morph.get("VerbForm")
    if tok.pos_ == "VERB":
        # a finite verb, or a participle after its auxiliary (``», a grincé X``)
        if "Fin" not in form and not ("Part" in form and k > 0 and ix.toks[k - 1].pos_ == "AUX"):
            return False
    elif not (
        # the model often tags an incise verb as a noun (``», grince le maire``): no noun is
        # followed by a determiner without a preposition, so a verb-shaped word there is the verb
        tok.pos_ in ("NOUN", "ADJ")
        and ix.text(k).isalpha()
        and ix.text(k).islower()
        and ix.low(k).endswith(("e", "t", "d", "ent"))
    ):
        return False
    np = _subject_after(ix, b, limit)
    if np is None or np[0] != b:
        return False
    if np[1] < limit and ix.text(np[1]) not in (",", ".", "!", "?", ";", "…"):
        return False
    return _person_subject(ix, SpeakerRef("np", ix.starts[np[0]], ix.ends[np[1] - 1]))


def unlisted_incises(ctx: _Ctx) -> Iterator[int]:
    """Verb tokens of incises after a closing quotation mark that no word list holds."""
    ix = ctx.ix
    for r in ctx.regions:
        if not r.closed:
            continue
        j = ix.at(r.close + 1)
        if j + 1 >= len(ix) or ix.text(j) != "," or ix.starts[j] - r.close > 3:
            continue
        k = j + 1
        while k + 1 < len(ix) and ix.toks[k].pos_ == "AUX" and k - j <= 2:
            k += 1
        if verb_class(ix, k):
            continue
        _, limit = ix.sentence(k)
        if _unlisted_incise(ix, k, k + 1, limit):
            yield k
