"""Role descriptions (``le ministre``, ``la porte-parole``, ``le magistrat``) to the person they
designate, in sieves from the most precise: a named person holding that role; a person described
before with the same noun; the named subject of the sentence before; for a word that fits any
office, the official a role description subject of the sentence before designates; the latest
named speaker, then person, of that gender who holds no other office; the speaker of the passage.
Periphrases (``le chef de l'État``) go to the person whose role holds the words they stand for."""

from __future__ import annotations

from functools import cache
from itertools import chain
from typing import Optional

import regex

from .. import nouns, resources
from ..entities.table import _Ent, _key
from ..quotes.lexicon import _DE_FORMS, _DETERMINERS, _PRE_ADJECTIVES
from ..quotes.nounphrases import _np_after
from . import descriptions, pronouns
from .context import Context

_MAITRE = regex.compile(r"\b(?:Me|Maître)\s+\Z")


def fuller_description(ctx: Context, first: int, head: str) -> Optional[str]:
    """The same definite description with a complement nearby in the article, before or after
    (``le maire de Saint-Aubin`` for ``le maire``), when it names nobody (no name, none apposed)."""
    ix = ctx.ix
    before = range(first - 1, max(0, first - 600), -1)
    after = range(first + 1, min(len(ix), first + 600))
    for k in chain(before, after):
        if ix.low(k) != head or ix.low(k - 1) not in ("le", "la", "l'", "l’", "du", "au"):
            continue
        if k + 2 >= len(ix) or ix.low(k + 1) not in _DE_FORMS or ctx.in_quote(ix.starts[k], ix.ends[k]):
            continue
        _, se = ix.sentence(k)
        np = _np_after(ix, k, se)
        if np is None or np[1] - np[0] < 3 or np[1] - np[0] > 8:
            continue
        a, b = ix.starts[np[0]], ix.ends[np[1] - 1]
        if any(m.label == "PERSON" for m in ctx.table.mentions_in(a, b)):
            continue
        nxt = np[1]
        if nxt < len(ix) and ix.text(nxt) == "," and nxt + 1 < len(ix) and ix.toks[nxt + 1].pos_ == "PROPN":
            continue  # "le maire de Lyon, Paul Roux": a named person, not a description
        return ctx.text[a:b]
    return None


def resolve_role(
    ctx: Context,
    head: str,
    gender: Optional[str],
    before: int,
    loose: bool = True,
    complement: frozenset[str] = frozenset(),
    salient: bool = True,
) -> Optional[str]:
    """A role description (``le ministre``; ``complement``: the content words after its head,
    ``santé`` for ``la ministre de la Santé``) to the person it designates (``salient``: may be
    the latest named speaker or person of its gender, the last sieves)."""
    named = [e for e in ctx.table.entities() if e.label == "PERSON" and e.head is None]
    # 1. a named person whose role has this noun, latest first; one whose role has the same
    # complement before one whose role has none, never one whose role has another
    best: Optional[tuple[bool, int, str]] = None
    same = resources.role_groups().get(head, frozenset({head}))
    for e in named:
        words = set(_key(e.role).split()) if e.role else set()
        if words & same:
            held = role_complement(e.role or "", next(w for w in _key(e.role or "").split() if w in same))
            if complement and held and not complement <= held:
                continue  # "le maire de Lyon" is not the maire de Villeurbanne
            pos = max((s for s, _ in e.mentions if s < before), default=-1)
            spoke = ctx.latest.get(e.id, -1)
            if spoke < before:
                pos = max(pos, spoke)
            rank = (bool(complement) and bool(held), pos, e.id)
            if pos >= 0 and (best is None or rank[:2] > best[:2]):
                best = rank
    if best:
        return best[2]
    # 2. a person described earlier with the same noun ("un habitant" ... "l'habitant"), known
    # as a speaker or introduced with an indefinite article and not yet met
    found = ctx.table.by_head(head, before, single=True)
    intro = _introduced(ctx, head, before)
    if intro is not None and (
        found is None or max((s for s, _ in found.mentions if s < before), default=-1) < intro[0]
    ):
        eid = descriptions.resolve_np(ctx, intro[0], intro[1])
        ent = ctx.ent(eid)
        if ent is not None and ent.label == "PERSON" and not ent.group:
            return eid
    if found is not None:
        return found.id
    # 2b. an office named nobody before: the person the article names later with that role
    # ("Le ministre de l'Intérieur a assuré ..." in the lede, "Gérald Masson, ministre de
    # l'Intérieur," in the body)
    eid = _named_later(ctx, named, head, before, complement)
    if eid is not None:
        return eid
    if not loose:
        return None
    # 3. the named person subject of the sentence before ("Son adjoint, Thierry Moulin, a voté
    # contre. L'élu estime que …"), when it agrees and holds no other office
    eid = pronouns.previous_subject(
        ctx, ctx.ix.at(before), gender, "s", strict=gender is not None, named=True, create=False
    )
    if eid is not None and not _other_office(ctx, eid, head, complement) and (salient or not _in_office(ctx, eid)):
        return eid  # (a person presented by a noun of no office is not one who holds an office)
    # 3b. a word for any office (le magistrat, l'élu) is the person a role description subject of
    # the sentence before designates ("Le procureur avait requis trois ans. Le magistrat …")
    if _masculine(head) in _generic_offices():
        eid = _described_subject(ctx, before, gender)
        if eid is not None:
            return eid
    # 3c. a noun of no office (l'homme, cette habitante) is the person described as subject of
    # the sentence before ("Un riverain a pris la parole. « … », a expliqué cet homme.")
    if head not in resources.role_nouns():
        eid = _described_subject(ctx, before, gender, indefinite=True)
        if eid is not None and (salient or not _in_office(ctx, eid)):
            return eid
    if not salient:
        return None
    # 4. the latest named speaker, then the latest named person, of the same known gender
    # (never one who holds another office: "le maire" is not the procureur named before)
    eid = ctx.last_speaker(before - 1, gender, strict=True, named="PERSON")
    if eid is None or _other_office(ctx, eid, head, complement):
        eid = ctx.last_mention(before, ("PERSON",), gender, strict=True, named=True)
    if eid and not _other_office(ctx, eid, head, complement):
        return eid
    # 5. the speaker of the passage, or a named person of unknown gender in the paragraph
    eid = ctx.last_speaker(before, any_=True)
    ent = ctx.ent(eid)
    if (
        eid
        and ent is not None
        and ent.label == "PERSON"
        and ent.head is None
        and ctx.compatible(eid, gender, "s")
        and not _other_office(ctx, eid, head, complement)
    ):
        return eid
    eid = ctx.last_mention(before, ("PERSON",), gender, after=ctx.para_start(before), named=True)
    return None if eid is None or _other_office(ctx, eid, head, complement) else eid


def _in_office(ctx: Context, eid: str) -> bool:
    """The person ``eid`` holds an office: a role noun of titles.tsv heads their role."""
    ent = ctx.ent(eid)
    words = _key(ent.role).split() if ent is not None and ent.role else []
    return bool(words) and words[0] in resources.role_nouns()


def _named_later(ctx: Context, named: list[_Ent], head: str, before: int, complement: frozenset[str]) -> Optional[str]:
    """The named person first mentioned after ``before`` who holds the office ``head`` (a
    specific title, with the same complement when both have one), when only one does."""
    if head not in resources.role_nouns() or _masculine(head) in _generic_offices():
        return None
    holders = []
    for e in named:
        if not e.role or head not in _key(e.role).split():
            continue
        held = role_complement(e.role, head)
        if complement and held and not complement <= held:
            continue
        if min((s for s, _ in e.mentions), default=-1) > before:
            holders.append(e.id)
    return holders[0] if len(holders) == 1 else None


def _introduced(ctx: Context, head: str, before: int, reach: int = 1500) -> Optional[tuple[int, int]]:
    """The offsets of the latest indefinite description headed by ``head`` before ``before``,
    outside quotation marks (``Une habitante du quartier a tout vu.`` ... ``l'habitante``): the
    person a definite description with that head takes up."""
    ix = ctx.ix
    end = ix.at(before)
    for k in range(end - 1, max(0, end - reach), -1):
        if ix.low(k) != head:
            continue
        d = k - 1
        while d > 0 and ix.toks[d].pos_ == "ADJ" and ix.low(d) not in _PRE_ADJECTIVES and d > k - 3:
            d -= 1  # "une jeune habitante"
        if d < 0 or ix.low(d) not in ("un", "une") or ix.toks[d].pos_ != "DET":
            continue
        if ctx.in_quote(ix.starts[d], ix.ends[k]):
            continue
        _, se = ix.sentence(k)
        np = _np_after(ix, d, se)
        if np is None or np[1] <= k:
            continue
        return ix.starts[np[0]], ix.ends[np[1] - 1]
    return None


def _described_subject(ctx: Context, before: int, gender: Optional[str], indefinite: bool = False) -> Optional[str]:
    """The person a singular definite description (``indefinite``: or indefinite, ``un
    riverain``) headed by a person noun designates, subject of the sentence before the one at
    ``before``."""
    ix = ctx.ix
    sa, _ = ix.sentence(ix.at(before))
    if sa == 0:
        return None
    a, b = ix.sentence(sa - 1)
    subj = pronouns.subject_in(ctx, a, b)
    if subj is None or ctx.in_quote(ix.starts[subj[0]], ix.ends[subj[1] - 1]):
        return None
    dets = ("le", "la", "l'", "l’", "un", "une") if indefinite else ("le", "la", "l'", "l’")
    # the head: the first noun ("un riverain de la route", "la jeune avocate")
    head = next((j for j in range(subj[0] + 1, subj[1]) if ix.toks[j].pos_ == "NOUN"), subj[1] - 1)
    if ix.low(subj[0]) not in dets or nouns.noun_class(ix.low(head)) != "person":
        return None
    if "Plur" in ix.toks[head].morph.get("Number"):
        return None
    eid = descriptions.resolve_np(ctx, ix.starts[subj[0]], ix.ends[subj[1] - 1 if indefinite else head])
    ent = ctx.ent(eid)
    if ent is None or ent.label != "PERSON" or ent.group or not ctx.compatible(eid, gender, "s"):
        return None
    return eid


@cache
def _generic_offices() -> frozenset[str]:
    """Role nouns that fit any office (``data/speaker_nouns.tsv``: ``generic_role``), masculine."""
    return frozenset(_masculine(w) for w in resources.speaker_nouns()["generic_role"])


def _other_office(ctx: Context, eid: str, head: str, complement: frozenset[str] = frozenset()) -> bool:
    """The person ``eid`` holds an office (a role noun of titles.tsv) other than ``head``, both
    specific (``procureur`` / ``maire``; a generic ``responsable``, ``élu`` fits any office), or
    the same office with another complement (``maire de Villeurbanne`` for ``le maire de Lyon``)."""
    ent = ctx.ent(eid)
    if ent is None:
        return False
    if complement and ent.role:
        same_office = role_complement(ent.role, head)
        if same_office and not complement <= same_office:
            return True  # the maire de Villeurbanne is not "le maire de Lyon"
    titles = resources.role_nouns()
    generic = _generic_offices()
    h = _masculine(head)
    if ent.role and set(_key(ent.role).split()) & resources.role_groups().get(head, frozenset()):
        return False  # "le technicien" is the sélectionneur
    if head not in titles or h in generic:
        return False
    if not ent.role:
        # "Me Antoine Weil" is a lawyer, whatever role the article gives him
        return h != "avocat" and any(_MAITRE.search(ctx.text, max(0, s - 8), s) for s, _ in ent.mentions)
    words = _key(ent.role).split()
    held = {_masculine(w) for w in words if w in titles}
    if not held and words and nouns.noun_class(words[0]) == "person":
        held = {_masculine(words[0])}  # a trade (viticulteur, infirmière) is another office too
    held -= generic
    return bool(held) and h not in held


def periphrasis(ctx: Context, toks: list[int], before: int) -> Optional[str]:
    """``le chef de l'État``, ``le locataire de Matignon``: the latest named person before
    ``before`` whose role holds the words the periphrasis stands for."""
    ix = ctx.ix
    words = [ix.low(k) for k in toks]
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    phrase = " ".join(words).replace("l' ", "l'").replace("d' ", "d'")
    table = resources.role_synonyms()
    # the longest periphrasis opening the phrase ("le chef de l'État français")
    keys = [k for k in table if phrase == k or phrase.startswith(k + " ")]
    if not keys:
        return None
    wanted = table[max(keys, key=len)]
    best: Optional[tuple[int, str]] = None
    for e in ctx.table.entities():
        if e.label != "PERSON" or e.head is not None or not e.role:
            continue
        role = {_masculine(w) for w in _key(e.role).split()}
        if all(_masculine(w) in role for w in wanted):
            pos = max((s for s, _ in e.mentions if s < before), default=-1)
            if pos >= 0 and (best is None or pos > best[0]):
                best = (pos, e.id)
    return best[1] if best else None


def role_complement(role: str, head: str) -> frozenset[str]:
    """The content words of the complement after ``head`` in a role (``santé`` in ``ministre de
    la Santé``), from its preposition on: an adjective right after the head is no complement
    (``le dirigeant italien``)."""
    words = _key(role).replace("'", "' ").split()  # "l'intérieur": the article apart
    if head not in words:
        return frozenset()
    rest = words[words.index(head) + 1 :]
    opens = next((n for n, w in enumerate(rest) if w in _COMPLEMENT_OPENERS), None)
    if opens is None:
        return frozenset()
    function = resources.stopwords()
    return frozenset(w for w in rest[opens + 1 :] if w not in function and len(w) > 1)


_COMPLEMENT_OPENERS = frozenset({"de", "du", "des", "d'", "à", "au", "aux", "chez", "pour"})


def _masculine(word: str) -> str:
    """A role word without its feminine ending, to compare roles whatever the holder's gender
    (``présidente`` / ``président``, ``première`` / ``premier``)."""
    return word.replace("ière", "ier").removesuffix("e")
