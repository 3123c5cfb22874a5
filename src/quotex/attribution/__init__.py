"""Stage 5: attribution: turn each candidate's speaker reference into an entity.

Two stages, as in the sieve design of quote attribution (Muzny et al., EACL 2017):

1. quote -> speaker mention: the ``quotes`` stage says where the speaker is named (a
   ``SpeakerRef``: a noun phrase, a pronoun, a participial cue, the previous quote's speaker, or
   nothing for a floating quote); ``floating`` picks a mention for quotes without a cue.
2. mention -> entity: ``descriptions`` (names, definite and indefinite descriptions, ``ce
   dernier``) and ``pronouns``, each a list of sieves from most to least precise. A mention that
   names nobody already known becomes an entity of its own (``un habitant``).

A quotation signed on the line after it (``« ... »`` / ``Nom, rôle``) goes to the signing name.
``echoes`` gives the quotations still without a speaker (a headline repeating a body quote)
the speaker of the quote they repeat. ``context`` holds what the sieves share: the token index, the entity table, the quotation
regions and who has spoken so far.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

import regex

from .. import nouns
from ..entities import EntityTable
from ..model import Quote, Span
from ..quotes import Candidate, TokenIndex
from ..quotes.context import _new_clause
from ..quotes.nounphrases import _np_after
from ..quotes.verbs import _gerund
from . import descriptions, pronouns
from .context import Context
from .echoes import fill_echoes
from .genders import learn_genders

__all__ = ["attribute"]


def _subject_before(ctx: Context, k: int, same_sentence: bool) -> Optional[tuple[int, int]]:
    """Offsets of the subject of the clause before token ``k`` in its sentence
    (``same_sentence``) or of the sentence before, when it stands outside quotation marks."""
    ix = ctx.ix
    sa, _ = ix.sentence(k)
    if same_sentence:
        span = (sa, k)
    elif sa > 0:
        span = ix.sentence(sa - 1)
    else:
        return None
    sub = pronouns.subject_in(ctx, *span)
    if sub is None:
        return None
    a, b = ix.starts[sub[0]], ix.ends[sub[1] - 1]
    return None if ctx.in_quote(a, b) else (a, b)


def _named_subject(ctx: Context, a: int, b: int) -> Optional[tuple[int, str]]:
    """The named person who is subject of the sentence at tokens ``a:b`` (outside quotation
    marks), or, when the parse gives it no subject, whose name opens it; with the offset of that
    mention."""
    ix = ctx.ix
    sub = pronouns.subject_in(ctx, a, b)
    if sub is not None and not ctx.in_quote(ix.starts[sub[0]], ix.ends[sub[1] - 1]):
        at = ix.starts[sub[0]]
        eid = descriptions.resolve_np(ctx, at, ix.ends[sub[1] - 1], create=False, loose=False)
    else:
        at = ix.starts[a]
        opening = [m for m in ctx.table.mentions_in(at, ix.ends[b - 1]) if m.start == at]
        eid = opening[0].entity if opening else None
    ent = ctx.ent(eid)
    return (at, ent.id) if ent is not None and ent.label == "PERSON" and ent.head is None else None


def _next_subject(ctx: Context, end: int, para_start: int) -> Optional[str]:
    """The named person who is subject of (or opens) the sentence right after a quotation
    ending at ``end``, in the same paragraph: ``« ... » Marie Roux est sonnée.``"""
    ix = ctx.ix
    k = ix.at(end)
    while k < len(ix) and (ix.toks[k].is_punct or ix.toks[k].is_space or ix.starts[k] < end):
        k += 1
    if k >= len(ix) or ctx.para_start(ix.starts[k]) != para_start:
        return None
    a, b = ix.sentence(k)
    found = _named_subject(ctx, max(a, k), b)
    return found[1] if found else None


def _signature(ctx: Context, end: int, signed: set[int]) -> Optional[str]:
    """A quotation closing its paragraph, signed on the next line by a name and a role with no verb
    (``« ... »`` / ``Ahmad Haddad, député du Courant du futur``): the person signing (the line
    is added to ``signed``)."""
    ix = ctx.ix
    k = ix.at(end)
    while k < len(ix) and (ix.toks[k].is_punct or ix.toks[k].is_space):
        k += 1
    if k >= len(ix) or k == 0 or ix.stretch_of[k] != ix.stretch_of[k - 1] + 1:
        return None  # the quotation does not end its paragraph, or no line follows
    n = k
    while n < len(ix) and ix.stretch_of[n] == ix.stretch_of[k]:
        n += 1
    words = [j for j in range(k, n) if not ix.toks[j].is_punct]
    if not 2 <= len(words) <= 15 or ix.finite_in(k, n):
        return None
    e = k
    while e < n and ix.text(e)[:1].isupper() and not ix.toks[e].is_punct:
        e += 1
    if e - k < 2 or (e < n and ix.text(e) != ","):
        return None  # two capitalised words at least, then a comma or the line's end
    signed.add(ix.stretch_of[k])
    return descriptions.resolve_np(ctx, ix.starts[k], ix.ends[e - 1])


def _label(ctx: Context, start: int, signed: set[int]) -> Optional[str]:
    """A quotation opening its paragraph under a line that names its speaker and says nothing else
    (``Marie Roux (FC Sion)`` / ``« ... »``, ``Paul Sow, 34 ans, infirmier`` / ``« ... »``): the
    person named there (not a line in ``signed``, which signs the quotation before it)."""
    ix = ctx.ix
    k = ix.at(start)
    while k > 0 and ix.toks[k - 1].is_punct and ix.stretch_of[k - 1] == ix.stretch_of[k]:
        k -= 1
    if k == 0 or k >= len(ix) or ix.stretch_of[k - 1] != ix.stretch_of[k] - 1 or ix.stretch_of[k - 1] in signed:
        return None  # text before the quotation in its paragraph, or no line before it
    a = k - 1
    while a > 0 and ix.stretch_of[a - 1] == ix.stretch_of[k - 1]:
        a -= 1
    if k - a > 14 or ix.finite_in(a, k):
        return None
    for m in ctx.table.mentions_in(ix.starts[a], ix.ends[k - 1]):
        if m.start == ix.starts[a] and m.label == "PERSON":
            ent = ctx.ent(m.entity)
            return m.entity if ent is not None and ent.head is None else None
    return None


def floating(ctx: Context, start: int, last: Optional[str], end: int = -1) -> Optional[str]:
    """A quotation with no cue: the person who is subject of the sentence just before it in its
    paragraph (``Marie Roux hausse le ton. « ... »``), else the person the paragraph is about when
    introduced after the last speaker, else (a quotation opening its paragraph, nobody quoted
    before) the person named as subject right after it (``« ... » Marie Roux est sonnée.``), else
    the speaker of the quotes before (a quote running on from an interview), else a person named
    before it in its paragraph, else an organisation named there."""
    ix = ctx.ix
    para_start = ctx.para_start(start)
    k = ix.at(start)
    sub = _subject_before(ctx, k, same_sentence=False) if k < len(ix) else None
    if sub is not None and sub[0] >= para_start:
        eid = descriptions.resolve_np(ctx, sub[0], sub[1], create=False, loose=False)
        ent = ctx.ent(eid)
        if ent is not None and ent.label == "PERSON":
            return eid
    topic = _paragraph_subject(ctx, k, para_start) if k < len(ix) else None
    if topic is not None and (last is None or ctx.latest.get(last, -1) < topic[0]):
        return topic[1]  # "Marie Roux, présidente de ..., a passé la journée ... « ... »"
    if end >= 0 and not ctx.text[para_start:start].strip():
        # a quotation opening the passage, its speaker named right after it (nobody quoted
        # before, or somebody quoted before who is back: « … » Thomas Girard n'y croit plus.)
        nxt = _next_subject(ctx, end, para_start)
        if nxt is not None and (last is None or (nxt != last and nxt in ctx.latest)):
            return nxt
    if last is not None:
        return last
    eid = ctx.last_mention(start, ("PERSON",), after=para_start, check=False)
    if eid is None:
        eid = ctx.last_mention(start, ("ORG", "MISC"), after=para_start, check=False)
    return eid


def _paragraph_subject(ctx: Context, k: int, para_start: int) -> Optional[tuple[int, str]]:
    """The latest named person who is subject of (or opens) a sentence of the paragraph before
    token ``k``, with the offset of that mention."""
    ix = ctx.ix
    sa = ix.sentence(k)[0]
    while sa > 0:
        a, b = ix.sentence(sa - 1)
        if ix.starts[a] < para_start:
            return None
        found = _named_subject(ctx, a, b)
        if found is not None:
            return found
        sa = a
    return None


def _clause_subject(ctx: Context, offset: int, same_sentence: bool, create: bool = False) -> Optional[str]:
    """The entity that is subject of the sentence holding ``offset`` (before it), or of the
    sentence before (``create``: a description that names nobody known becomes an entity)."""
    ix = ctx.ix
    k = ix.at(offset)
    sub = _subject_before(ctx, k, same_sentence) if k < len(ix) else None
    if sub is None:
        return None
    if create:
        # a thing is nobody ("Les violences n'aident pas à la sérénité, « ... »")
        return descriptions.resolve_np(ctx, sub[0], sub[1]) if _can_speak(ctx, sub) else None
    eid = descriptions.resolve_np(ctx, sub[0], sub[1], create=False)
    if eid is None and _can_speak(ctx, sub, person=False):
        eid = descriptions.resolve_np(ctx, sub[0], sub[1])  # "la cour": an organisation of its own
    return eid


# "Ces mots sont ceux de X", "Ces propos sont ceux d'une habitante": the words just quoted
_WORDS_OF = regex.compile(
    r"\s*(?:Ces|Ce|Cette|Tels?|Telles?)\s+(?:mots|propos|paroles|phrases?|confidences?|déclarations?|"
    r"témoignages?|cris?)\s+(?:sont|est|étaient|était)\s+(?:ceux|celles?|celui)\s+(?:de|du|des|d['’])\s*"
)


def _words_of(ctx: Context, end: int) -> Optional[str]:
    """The speaker a sentence right after the quotation names as the owner of its words (``« … »
    Ces mots sont ceux de Jean-Marc Duval, viticulteur``)."""
    pos = end
    while pos < len(ctx.text) and pos - end < 4 and ctx.text[pos] in ' \u00a0\u202f»”"':
        pos += 1  # past the closing mark
    m = _WORDS_OF.match(ctx.text, pos)
    if m is None:
        return None
    ix = ctx.ix
    k = ix.at(m.end())
    if k >= len(ix):
        return None
    _, se = ix.sentence(k)
    e = k
    while e < se and not ix.toks[e].is_punct and e - k < 8:
        e += 1
    if e == k:
        return None
    if ix.low(k - 1) in ("du", "des") and ix.toks[k].pos_ != "DET":
        k -= 1  # "ceux du maire": the article is in the contraction
    return descriptions.resolve_np(ctx, ix.starts[k], ix.ends[e - 1])


def _main_subject(ctx: Context, offset: int) -> Optional[str]:
    """The speaker subject of the main clause after a participle opening the sentence at
    ``offset`` (``Rappelant que …, la directrice a demandé …``), if it opens it."""
    ix = ctx.ix
    k = ix.at(offset)
    if k >= len(ix):
        return None
    sa, se = ix.sentence(k)
    if k != sa:
        return None
    sub = pronouns.subject_in(ctx, k + 1, se)
    if sub is None:
        # the parse missed it: the phrase after the comma right before a finite verb
        for j in range(k + 1, se - 1):
            if ix.text(j) == "," and _new_clause(ix, j + 1, se):
                sub = _np_after(ix, j + 1, se)
                break
    if sub is None:
        return None
    a, b = ix.starts[sub[0]], ix.ends[sub[1] - 1]
    if ctx.in_quote(a, b) or not _can_speak(ctx, (a, b)):
        return None
    return descriptions.resolve_np(ctx, a, b)


def _indefinite_subject(ctx: Context, offset: int) -> bool:
    """The subject of the clause before ``offset`` in its sentence is an indefinite description
    of a person (``Une habitante de Pontarlier``)."""
    ix = ctx.ix
    k = ix.at(offset)
    sub = _subject_before(ctx, k, same_sentence=True) if k < len(ix) else None
    if sub is None:
        return False
    toks = list(ctx.tokens(*sub))
    return (
        len(toks) > 1
        and ix.low(toks[0]) in ("un", "une")
        and any(nouns.noun_class(ix.low(j)) == "person" for j in toks[1:3] if ix.toks[j].pos_ == "NOUN")
    )


def _can_speak(ctx: Context, sub: tuple[int, int], person: bool = True) -> bool:
    """A subject that may be a speaker: a name, a noun of an institution or of a text, or (with
    ``person``) of a person; ``les violences``, a thing, is nobody."""
    ix = ctx.ix
    toks = list(ctx.tokens(*sub))
    classes = {nouns.noun_class(ix.low(j)) for j in toks if ix.toks[j].pos_ in ("NOUN", "ADJ")}
    if "person" in classes:
        return person
    return bool(classes & {"org", "org_anaphor", "document"}) or any(
        ix.text(j)[:1].isupper() and (ix.toks[j].pos_ == "PROPN" or j != ix.sentence(j)[0]) for j in toks
    )


def attribute(
    text: str, ix: TokenIndex, table: EntityTable, cands: Sequence[Candidate], title: Optional[tuple[int, int]] = None
) -> tuple[Quote, ...]:
    """Resolve every candidate's speaker, in text order; returns the quotes. ``title``: the
    headline's offsets, for quotations in it."""
    regions = [(r.start, r.end) for c in cands for r in c.regions]
    ctx = Context(text, ix, table, regions)
    learn_genders(ctx)
    out: list[Quote] = []
    last: Optional[str] = None
    signed: set[int] = set()  # the lines that sign a quotation
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
            # "X a rejeté l'appel, en estimant que ...": the running speaker, else the subject of
            # the sentence's first clause
            at = c.cue[0] if c.cue else c.start
            fronted = _main_subject(ctx, at) if c.cue is not None else None
            if fronted is not None:
                # "Rappelant que …, la directrice a demandé …": the participle opens the sentence;
                # its subject is the main clause's
                eid = fronted
            elif c.cue is not None and _gerund(ix, ix.at(c.cue[0])):
                # "Le ministre l'a démenti en disant que …": a gerund's subject is its clause's
                eid = _clause_subject(ctx, at, same_sentence=True)
                if eid is None:
                    eid = last
            else:
                own = _clause_subject(ctx, at, same_sentence=True)
                ent = ctx.ent(own)
                if own is not None and ent is not None and ent.label == "PERSON" and ent.head is None:
                    # "Le maire, Jean Bonnet, s'est félicité du jugement, rappelant que …": the named
                    # person the sentence is about, not whoever spoke before
                    eid = own
                elif own is None and _indefinite_subject(ctx, at):
                    # "Une habitante a salué la mesure, expliquant que …": somebody new, subject of
                    # the participle's own sentence
                    eid = _clause_subject(ctx, at, same_sentence=True, create=True)
                else:
                    eid = last if last is not None else own
            if eid is None:
                # "Le président de la République a nié, expliquant que ...": a description of its own
                eid = _clause_subject(ctx, at, same_sentence=True, create=True)
        elif ref.kind == "float":
            eid = _label(ctx, c.start, signed)
            if eid is None:
                eid = _signature(ctx, c.end, signed)
            if eid is None:
                eid = _words_of(ctx, c.end)
            if eid is None:
                eid = floating(ctx, ref.start, last, c.end)
        elif ref.kind == "clause":
            # "X invite à « ... »": the subject of the quotation's own sentence, else as a floating quote
            eid = _clause_subject(ctx, ref.start, same_sentence=True)
            ent = ctx.ent(eid)
            if ent is None or ent.label not in ("PERSON", "ORG"):
                eid = floating(ctx, ref.start, last, c.end)
            if eid is None:
                # "La maire a exhorté les habitants à « ... »": a description introduced here
                eid = _clause_subject(ctx, ref.start, same_sentence=True, create=True)
        else:
            # "Et d'ajouter que ...": the running speaker, else the subject of the sentence before
            eid = (
                last if last is not None else _clause_subject(ctx, c.cue[0] if c.cue else c.start, same_sentence=False)
            )
            if eid is None:
                eid = ctx.last_mention(c.start, ("PERSON",), check=False)
        if eid is not None:
            ctx.add_speaker(c.start, eid)
            last = eid
        cue = Span.of(text, c.cue[0], c.cue[1]) if c.cue else None
        out.append(Quote(c.type, Span.of(text, c.start, c.end), cue, eid, mention, c.paragraph))
    return tuple(fill_echoes(out, table, title))
