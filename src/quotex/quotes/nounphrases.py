"""The noun phrase that starts at a token: a determiner or a name, its adjectives, complements
and apposed name, up to a verb, a clause or punctuation."""

from __future__ import annotations

from typing import Optional

from .. import resources
from .lexicon import (
    _DE_FORMS,
    _DETERMINERS,
    _NP_INNER,
    _TIME_WORDS,
)
from .tokens import TokenIndex


def _np_after(ix: TokenIndex, j: int, limit: int) -> Optional[tuple[int, int]]:
    """A noun phrase starting at token j (a determiner, a name or a noun), as token range."""
    if j >= limit:
        return None
    t = ix.toks[j]
    if (
        t.pos_ not in ("DET", "PROPN", "NOUN", "ADJ", "NUM")
        and not t.text[:1].isupper()
        and not _one_of(ix, j, limit)
        and ix.low(j) not in _DETERMINERS  # "a répliqué le maire": "le" tagged as a pronoun
    ):
        return None
    if t.is_punct:
        return None
    a = j
    b = j
    while b < limit:
        t = ix.toks[b]
        low = ix.low(b)
        if (
            t.pos_ == "DET"
            and not t.text.isdigit()
            and b > a
            and ix.low(b - 1) not in _NP_INNER
            and (ix.toks[b - 1].pos_ != "DET" or ix.text(b - 1).isdigit())
        ):
            break  # a new noun phrase starts: "à Sputnik | la porte-parole", "sur Europe 1 | la ministre"
        if (
            low == "et"
            and b + 2 < limit
            and ix.low(b + 1) in _DE_FORMS
            and any(ix.low(m) in _DE_FORMS for m in range(a + 1, b))
            and ix.text(b + 2 + (ix.low(b + 2) in _DETERMINERS))[:1].isupper()
        ):
            b += 2  # a role over two portfolios: "la ministre du Commerce et du Tourisme Marie Roux"
            continue
        names = resources.first_names()
        if (
            b > a + (ix.toks[a].pos_ == "DET")
            and ix.low(b - 1) not in names
            and (
                t.ent_iob_ == "B"
                or (t.lower_ in names and t.text[:1].isupper() and not (t.ent_iob_ == "I" and t.ent_type_ == "PER"))
            )
            and all(ix.toks[m].pos_ == "PROPN" or (m == a and ix.toks[m].pos_ == "DET") for m in range(a, b))
        ):
            break  # a new name starts: "à BFMTV | Yassine Bouzrou"
        if low in _TIME_WORDS and (b > a or t.pos_ != "PROPN"):
            if all(ix.toks[m].pos_ == "DET" or ix.low(m) in _TIME_WORDS for m in range(a, b)):
                a = b = b + 1  # "a déclaré ce jeudi matin Marie Roux": the time phrase is skipped
                continue
            break  # "a déclaré Marie Roux jeudi"
        if t.pos_ == "VERB" and b > a and ix.toks[b - 1].pos_ == "DET" and "Fin" not in t.morph.get("VerbForm"):
            b += 1  # a participle after a determiner is a noun: "cet enseignant", "une manifestante"
            continue
        if (
            b > a
            and t.is_alpha
            and t.pos_ in ("ADV", "VERB", "INTJ", "X")
            and (
                ix.toks[b - 1].pos_ == "DET"
                or (b - 1 == a and ix.low(a) in _DETERMINERS)
                or (t.dep_ == "amod" and t.text[:1].islower())
                or (  # a lower-case word inside a name ("la Coalition avenir Québec")
                    ix.text(b - 1)[:1].isupper()
                    and b + 1 < limit
                    and ix.text(b + 1)[:1].isupper()
                    and not ix.toks[b + 1].is_punct
                )
            )
        ):
            # a noun the model took for an adverb after its determiner ("le bourgmestre"), an
            # adjective it took for a verb ("le chef péquiste")
            b += 1
            continue
        if (
            t.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM")
            or (b == a and low in _DETERMINERS)
            or low in _NP_INNER
            or low in ("l'", "d'")
            or (_one_of(ix, b, limit) and (b == a or (b == a + 1 and ix.low(a) in ("l'", "l’"))))
            or (t.text[:1].isupper() and t.pos_ not in ("VERB", "AUX", "PUNCT", "ADP", "SCONJ", "CCONJ"))
            or (t.text[:1].isupper() and t.pos_ == "VERB" and "Inf" in t.morph.get("VerbForm"))  # "à Alger"
        ):
            if t.pos_ == "ADJ" and "Part" in t.morph.get("VerbForm") and b > a + 1:
                break
            b += 1
            continue
        if t.text == "(":
            # "(DFAE)", "(coalition d'opposition)"
            after = _after_brackets(ix, b, limit, 6)
            if after is not None:
                b = after
                continue
        if t.text == "," and b + 1 < limit and ix.toks[b + 1].pos_ == "PROPN":
            # apposed name: "le vice-président de la Douma russe, Piotr Tolstoï"
            c = b + 1
            while c < limit and (ix.toks[c].pos_ == "PROPN" or ix.text(c)[:1].isupper()) and not ix.toks[c].is_punct:
                c += 1
            b = c
            break
        break
    while b > a and ix.low(b - 1) in _NP_INNER | {"l'", "d'", "le", "la", "les"}:
        b -= 1
    if b <= a:
        return None
    return a, b


def _after_brackets(ix: TokenIndex, j: int, limit: int, width: int) -> Optional[int]:
    """Token ``j`` is ``(`` closed within ``width`` tokens (before ``limit``): the token after the
    ``)``, else None."""
    c = j + 1
    while c < limit and ix.text(c) != ")" and c - j < width:
        c += 1
    return c + 1 if c < limit and ix.text(c) == ")" else None


def _one_of(ix: TokenIndex, j: int, limit: int) -> bool:
    """``un des deux policiers``, ``l'une de ces sources``: ``un``/``une`` heading a partitive."""
    return ix.low(j) in ("un", "une") and j + 1 < limit and ix.low(j + 1) in _DE_FORMS
