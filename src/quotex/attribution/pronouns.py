"""Pronoun mentions (``il``, ``elle``, ``-t-il``, ``Selon elle``) to entities.

Sieves, most precise first: the named person who is subject of the sentence before (or of an
earlier clause of the same sentence) and agrees on a known gender; for a singular pronoun, who
spoke or, failing that, the named person mentioned last in that sentence or the one before, on a
known gender (``Les salariés l'ont appris du délégué Julien Marchal. « ... », a-t-il dit``);
the latest speaker of the last two paragraphs who agrees on a known gender; any subject that
agrees on a known gender; the latest agreeing speaker; any agreeing subject; the latest agreeing
mention; for a singular pronoun, the latest speaker.
"""

from __future__ import annotations

from typing import Optional

from .. import nouns, resources
from ..quotes import TokenIndex
from ..quotes.lexicon import _DETERMINERS, _PRONOUNS
from ..quotes.nounphrases import _np_after
from ..quotes.subjects import _subject_before
from . import descriptions
from .context import Context


def resolve_pronoun(ctx: Context, k: int) -> Optional[str]:
    ix = ctx.ix
    start = ix.starts[k]
    if start in ctx.pronoun_memo:
        return ctx.pronoun_memo[start]
    low = ix.low(k).replace("-t-", "-")
    if low in ("on", "-on"):
        # "Du côté de la préfecture, on assure que …", "« … », explique-t-on à Matignon": the body
        # or the camp named around it
        eid = _camp(ctx, k)
        if eid is not None:
            ctx.pronoun_memo[start] = eid
            return eid
    if low == "il" and _impersonal_passive(ix, k):
        # "Il est précisé que …", "Il a été rappelé que …": nobody, or the text the sentence
        # before names ("Dans un communiqué, la préfecture a annoncé … Il est précisé que …")
        eid = _impersonal(ctx, k)
        ctx.pronoun_memo[start] = eid
        return eid
    gender, number = _PRONOUNS.get(low, _PRONOUNS.get(low.lstrip("-"), (None, "s")))
    recent = ctx.recent(start)
    eid = previous_subject(ctx, k, gender, number, strict=True, named=True)
    if eid is None and number == "s":
        eid = _near(ctx, k, gender)
    if eid is None:
        eid = ctx.last_speaker(start, gender, number, within=recent, strict=True)
    if eid is None:
        eid = previous_subject(ctx, k, gender, number, strict=True)
    if eid is None and number == "s" and gender is not None:
        eid = _described_before(ctx, k, gender)
    if eid is None:
        eid = ctx.last_speaker(start, gender, number, within=recent)
    if eid is None:
        eid = previous_subject(ctx, k, gender, number)
    if eid is None:
        labels: tuple[str, ...] = ("PERSON",) if number == "s" else ("ORG", "MISC")
        eid = ctx.last_mention(start, labels, gender, number)
    if eid is None and number == "s":
        eid = ctx.last_speaker(start, any_=True)
        ent = ctx.ent(eid)
        if ent is not None and gender is not None and ent.gender not in (None, gender):
            eid = None  # "elle" is never the man who spoke last
    ctx.pronoun_memo[start] = eid
    return eid


_CHAIN_DEPTH = 3


def _chain_ok(ctx: Context, s: int, gender: Optional[str], number: str) -> bool:
    """The subject pronoun at ``s`` agrees with the pronoun being resolved and the chain is short."""
    low = ctx.ix.low(s)
    g, n = _PRONOUNS.get(low, (None, "s"))
    return low in ("il", "elle", "ils", "elles") and g == gender and n == number and ctx.chain < _CHAIN_DEPTH


def _resolve_chained(ctx: Context, s: int) -> Optional[str]:
    ctx.chain += 1
    try:
        return resolve_pronoun(ctx, s)
    finally:
        ctx.chain -= 1


# how far around a pronoun its sieves read, in tokens: two sentences of news, and a bound on the
# work per pronoun in a page of one endless sentence
_WINDOW = 80

_BE = resources.words("passive_be")
_HAVE = resources.words("passive_have")


def _impersonal_passive(ix: TokenIndex, k: int) -> bool:
    """``il`` at ``k`` opens a passive of its own (``Il est précisé``, ``Il a été rappelé``)."""
    j = k + 1
    if j < len(ix) and ix.low(j) in _HAVE and j + 1 < len(ix) and ix.low(j + 1) == "été":
        j += 2
    elif j < len(ix) and ix.low(j) in _BE:
        j += 1
    else:
        return False
    return j < len(ix) and ix.toks[j].pos_ == "VERB" and "Part" in ix.toks[j].morph.get("VerbForm")


def _impersonal(ctx: Context, k: int) -> Optional[str]:
    """Who issued the text (``communiqué``, ``rapport``) named in the sentence of the impersonal
    passive at ``k`` or the one before, if one is."""
    ix = ctx.ix
    sa, se = ix.sentence(k)
    lo = ix.sentence(sa - 1)[0] if sa > 0 else sa
    for j in range(max(lo, k - _WINDOW), min(se, k + _WINDOW)):
        if (
            ix.toks[j].pos_ == "NOUN"
            and nouns.noun_class(ix.low(j)) == "document"
            and not ctx.in_quote(ix.starts[j], ix.ends[j])
        ):
            return descriptions.issuer(ctx, ix.starts[k], "document")
    return None


# what a sentence opens on before "on" to say whose side speaks (data/camp_openers.txt), as tokens
_CAMP_OPENERS = tuple(tuple(o.lower().split()) for o in resources.read_lines("camp_openers.txt"))


def _camp(ctx: Context, k: int) -> Optional[str]:
    """The organisation, or the person whose camp, a sentence opens on before ``on`` at ``k``
    (``Chez Renault, on …``, ``Dans l'entourage du ministre, on …``), or names right after an
    inverted ``-t-on`` (``explique-t-on à Matignon``)."""
    ix = ctx.ix
    sa, se = ix.sentence(k)
    if ix.low(k).startswith("-"):
        # after an inverted "on": "explique-t-on à la mairie", "assure-t-on dans l'entourage du ministre"
        a, b = k + 1, k + 1
        lows = tuple(ix.low(j) for j in range(a, min(se, a + 12)))
    elif k - 2 >= sa and ix.text(k - 1) == ",":
        a, b = sa, k - 1
        lows = tuple(ix.low(j) for j in range(a, b))
    else:
        return None
    opener = max((o for o in _CAMP_OPENERS if lows[: len(o)] == o), key=len, default=None)
    if opener is None:
        return None
    a += len(opener)
    if b == a - len(opener):  # after the pronoun: the phrase runs to the next punctuation
        b = a
        while b < se and not ix.toks[b].is_punct and b - a < 8:
            b += 1
    if a >= b:
        return None
    start, end = ix.starts[a], ix.ends[b - 1]
    orgs = [m for m in ctx.table.mentions_in(start, end) if m.label == "ORG"]
    if orgs:
        return orgs[-1].entity
    head_words = [ix.low(j) for j in range(a, b) if ix.toks[j].pos_ == "NOUN"]
    if head_words and nouns.noun_class(head_words[0]) in ("org", "org_anaphor", "person"):
        return descriptions.resolve_np(ctx, start, end)
    return None


def _described_before(ctx: Context, k: int, gender: str) -> Optional[str]:
    """The person a singular description of that gender designates, latest in the sentence before
    ``k`` or in its own sentence before it (``Une affirmation contestée par l'ancienne gardienne.
    « … », a-t-elle assuré``)."""
    ix = ctx.ix
    sa, _ = ix.sentence(k)
    lo = sa
    for _ in range(2):  # the two sentences before
        lo = ix.sentence(lo - 1)[0] if lo > 0 else lo
    for j in range(k - 1, max(lo, k - _WINDOW), -1):
        t = ix.toks[j]
        if t.pos_ not in ("NOUN", "ADJ", "VERB") or not ix.text(j).islower():
            continue
        if "Plur" in t.morph.get("Number") or nouns.noun_class(ix.low(j)) != "person":
            continue
        d = j - 1
        while d > lo and ix.toks[d].pos_ == "ADJ" and j - d < 3:
            d -= 1  # "l'ancienne gardienne"
        if ix.low(d) not in _DETERMINERS:
            continue
        g = descriptions.np_gender(ctx, [d, j], j)
        if g != gender or ctx.in_quote(ix.starts[d], ix.ends[j]):
            continue
        # the whole phrase, with its complement ("un habitant de l'immeuble voisin")
        np = _np_after(ix, d, ix.sentence(j)[1])
        e = np[1] - 1 if np is not None and np[1] > j and not ctx.in_quote(ix.starts[d], ix.ends[np[1] - 1]) else j
        return descriptions.resolve_np(ctx, ix.starts[d], ix.ends[e])
    return None


def _near(ctx: Context, k: int, gender: Optional[str]) -> Optional[str]:
    """Who spoke in the sentence of token ``k`` (before it) or the sentence before, else the
    named person mentioned last there, agreeing on a known gender."""
    ix = ctx.ix
    sa, _ = ix.sentence(k)
    lo = ix.starts[ix.sentence(sa - 1)[0] if sa > 0 else sa]
    start = ix.starts[k]
    eid = ctx.last_speaker(start, gender, within=lo, strict=True)
    if eid is None:
        eid = ctx.last_mention(start, ("PERSON",), gender, after=lo, strict=True, named=True)
    return eid


def previous_subject(
    ctx: Context,
    k: int,
    gender: Optional[str],
    number: str,
    strict: bool = False,
    named: bool = False,
    create: bool = True,
) -> Optional[str]:
    """The entity that is subject of an earlier clause of ``k``'s sentence, or of the sentence
    before, when it agrees (``strict``: on a known gender; ``named``: a named person only)."""
    ix = ctx.ix
    sa, _ = ix.sentence(k)
    ranges = [(sa, k)]
    opened = ctx.quote_before(ix.starts[k], ix.starts[sa])
    if opened is not None and ix.at(opened) < sa:
        first = ix.sentence(ix.at(opened))[0]
        if all(ix.toks[j].is_punct for j in range(first, ix.at(opened))):
            # "« … . … », dit-il": a quotation of several sentences that opens its own; the
            # sentence before is the one before the quotation
            sa = first
    if sa > 0:
        ranges.append(ix.sentence(sa - 1))
    for a, b in ranges:
        subj = subject_in(ctx, a, b)
        if subj is None:
            subj = _opening_name(ctx, a, b)  # the parse found no subject: a name opening the sentence
        if subj is None:
            continue
        s, e = subj
        if e - s == 1 and ix.low(s) in _PRONOUNS:
            if ctx.in_quote(ix.starts[s], ix.ends[s]):
                continue  # "« … Elle était forte », confie-t-elle": the quotation's own subject
            eid = ctx.pronoun_memo.get(ix.starts[s])
            if eid is None and ix.starts[s] not in ctx.pronoun_memo and _chain_ok(ctx, s, gender, number):
                # "Eugénie était son amie. Elle n'arrive pas à ... « … », confie-t-elle": the
                # subject pronoun before is resolved in turn (a chain of a few sentences at most)
                eid = _resolve_chained(ctx, s)
        else:
            if ctx.in_quote(ix.starts[s], ix.ends[e - 1]) or _thing(ctx, s, e):
                continue  # "La vidéo a été transmise au maire. « … », raconte-t-elle": no speaker
            eid = descriptions.resolve_np(ctx, ix.starts[s], ix.ends[e - 1], create=create)
        if named:
            ent = ctx.ent(eid)
            if ent is None or ent.label != "PERSON" or ent.head is not None:
                continue
            if ctx.compatible(eid, gender, number):
                if gender and ent.gender is None:
                    ent.gender = gender  # "Claude Martin a été réélue. Elle ..." tells her gender
                return eid
            continue
        if eid and (ctx.strict(eid, gender, number) if strict else ctx.compatible(eid, gender, number)):
            return eid
    return None


def _thing(ctx: Context, s: int, e: int) -> bool:
    """The phrase at tokens ``s:e`` names a thing or a text, which a subject pronoun of a speech
    verb does not take up: headed by a common noun of no person or body, with no name in it."""
    ix = ctx.ix
    if any(ix.toks[j].pos_ == "PROPN" or (j > s and ix.text(j)[:1].isupper()) for j in range(s, e)):
        return False
    head = next((j for j in range(s, e) if ix.toks[j].pos_ == "NOUN"), None)
    return head is not None and nouns.noun_class(ix.low(head)) in ("other", "document")


def _opening_name(ctx: Context, a: int, b: int) -> Optional[tuple[int, int]]:
    """The tokens of a person's name opening the sentence at tokens ``a:b``, after a civil title
    (``Me Pierre Huet représente ...``), or of a place's or a body's right before its verb."""
    ix = ctx.ix
    titles = resources.person_titles()
    k = a
    if k < b and ix.toks[k].pos_ == "DET":
        # "Son adjoint, Thierry Moulin, a voté …": a role set before the name by a comma
        c = next((j for j in range(k + 1, min(b, k + 5)) if ix.text(j) == ","), None)
        if c is not None and all(ix.text(j).islower() and ix.text(j).isalpha() for j in range(k + 1, c)):
            k = c + 1
    while k < b and (ix.low(k) in titles or ix.low(k) + "." in titles):
        k += 1
    if k >= b:
        return None
    # "Le Conseil départemental prévoit ...": a body's name after its article
    article = k + 1 < b and ix.toks[k].pos_ == "DET" and ix.low(k) in ("le", "la", "l'", "l’", "les")
    for m in ctx.table.mentions_in(ix.starts[k], ix.ends[b - 1]):
        if m.start != ix.starts[k] and not (article and m.start == ix.starts[k + 1] and m.label == "ORG"):
            continue
        end = ix.at(m.end - 1) + 1
        if m.label == "PERSON":
            return k, end
        if m.label in ("ORG", "LOC") and end < b and ix.toks[end].pos_ in ("AUX", "VERB"):
            return k, end  # "Israël a rejeté ...": a place or a body right before its verb
    return None


def subject_in(ctx: Context, a: int, b: int) -> Optional[tuple[int, int]]:
    """The token range of the subject of a main clause between tokens ``a`` and ``b``."""
    ix = ctx.ix
    for k in range(a, b):
        t = ix.toks[k]
        if (
            t.dep_ in ("nsubj", "nsubj:pass")
            and t.head.dep_ in ("ROOT", "conj")
            and t.pos_ in ("NOUN", "PROPN", "PRON")
            and t.lower_ not in ("qui", "que")
        ):
            hk = ix.index(t.head)
            if hk < 0:
                continue
            sub = _subject_before(ix, hk)
            if sub and a <= sub[0] and sub[1] <= b:
                return sub
    return None
