"""Cues of direct quotations: the reporting verb or colon after a quoted region (an incise, a
sentence of its own, the next sentence) or before it, with where its speaker is named."""

from __future__ import annotations

from bisect import bisect_right
from typing import Optional

from .. import nouns
from .context import _Ctx
from .incises import _person_subject, _unlisted_incise
from .lexicon import (
    _CAUSATIVE_SPEECH,
    _DASHES,
    _DETERMINERS,
    _OBJ_CLITICS,
    _QUE,
    _SUBJ_CLITICS,
    _TIME_WORDS,
)
from .nounphrases import _np_after
from .phrases import _np_or_pronoun, _ref_after, _ref_for_verb, _sentence_stop, _subject_after
from .records import Region, SpeakerRef
from .subjects import _subject_before
from .tokens import TokenIndex
from .verbs import _before_inverted_pronoun, _inverted_pronoun, _lemma, _negated, cue_span, passive_voice, verb_class


def _np_incise(ix: TokenIndex, v: int, b: int) -> Optional[int]:
    """Tokens from ``v`` (an auxiliary) read ``a indiqué Paul Roux`` / ``a ensuite relevé le
    maire``: a reporting verb in a compound tense, then its subject (before token ``b``); the
    verb's index, else None."""
    k = v + 1
    while k < b - 1 and ix.toks[k].pos_ == "ADV" and not ix.toks[k].is_punct:
        k += 1  # "a encore indiqué"
    if k >= b - 1 or verb_class(ix, k) is None or ix.toks[k].pos_ != "VERB":
        return None
    nxt = ix.toks[k + 1]
    # ("le" after a verb may be tagged as its object pronoun)
    if nxt.pos_ in ("PROPN", "DET") or ix.low(k + 1) in _DETERMINERS or (nxt.text[:1].isupper() and not nxt.is_punct):
        return k
    return None


def _after_apposition(ix: TokenIndex, comma: int, b: int) -> int:
    """An incise's subject may carry an apposition up to the end of its sentence (``mentionne
    Eva Roy, des Affaires publiques de la police. Nous ...``): the token ending it, else
    ``comma``. An apposition holds no finite verb and is short."""
    e = comma + 1
    while e < b and e - comma <= 12:
        t = ix.toks[e]
        if t.is_punct and ix.text(e) in ".;!?…":
            return e
        if t.is_punct and ix.text(e) in ',«»"“”':
            return comma
        if ix.finite(e):
            return comma  # (a participle may belong to it: "curé de Léon" is tagged as one)
        e += 1
    return comma


# a sentence ends inside the quoted words: ". Puis", "? Je"


def _cue_after(ctx: _Ctx, r: Region) -> Optional[tuple[int, int, SpeakerRef, int]]:
    """A cue right after the closing mark: ``», a-t-il dit``, ``", a annoncé X``, ``» — X``."""
    ix = ctx.ix
    if not r.closed:
        return None
    j = ix.at(r.close + 1)
    if j >= len(ix) or ix.stretch_of[j] != ix.stretch_of[max(0, ix.before(r.close + 1))]:
        return None
    if ix.starts[j] - r.close > 4:
        return None
    _, sent_end = ix.sentence(j) if j < len(ix) else (0, 0)
    limit = _sentence_stop(ix, j, sent_end)
    k_next = bisect_right(ctx.region_starts, r.close)
    nxt_region = ctx.regions[k_next] if k_next < len(ctx.regions) else None
    if nxt_region is not None:
        limit = min(limit, ix.at(nxt_region.open))
    t = ix.text(j)
    if t in _DASHES or t == "-":
        np = _np_after(ix, j + 1, limit)
        if (
            np
            and any(ix.toks[m].pos_ == "PROPN" or ix.text(m)[:1].isupper() for m in range(*np))
            and not any(ix.text(m)[:1].isdigit() for m in range(*np))
        ):
            return ix.starts[j], ix.ends[j], SpeakerRef("np", ix.starts[np[0]], ix.ends[np[1] - 1]), j
        return None
    comma = t == ","
    if not comma:
        found = _cue_in_next_sentence(ctx, r, j)
        if found is not None or len(ctx.text[r.start : r.end].split()) < 3:
            return found
    # no comma: "« … » explique le porte-parole", checked below to have a person for subject
    v = j + 1 if comma else j
    if v < limit and ix.low(v) in ("lui", "leur", "nous", "me", "m'"):
        v += 1
    if v < limit and ix.low(v) in ("de", "d'") and v + 1 < limit and "Inf" in ix.toks[v + 1].morph.get("VerbForm"):
        # Québec usage: "», de dire X"
        inf = v + 1
        if verb_class(ix, inf):
            ref_np = _subject_after(ix, inf + 1, limit)
            ref = SpeakerRef("np", ix.starts[ref_np[0]], ix.ends[ref_np[1] - 1]) if ref_np else SpeakerRef("inherit")
            return ix.starts[v], ix.ends[inf], ref, inf
        return None
    if v < limit and ix.low(v) in ("selon", "d'après"):
        np = _np_after(ix, v + 1, limit)
        if np:
            return ix.starts[v], ix.ends[v], _np_or_pronoun(ix, np), v
        return None
    # the verb group: aux (with -t-il) and participle, or a finite verb
    k: Optional[int] = None
    first_aux: Optional[int] = None
    scan = v
    while scan < min(limit, v + 6):
        tok = ix.toks[scan]
        if tok.pos_ == "VERB" or verb_class(ix, scan) or _before_inverted_pronoun(ix, scan, limit):
            k = scan
            break
        if tok.pos_ == "AUX" and first_aux is None:
            first_aux = scan
        if (
            tok.pos_ in ("AUX", "ADV")
            or ix.text(scan).startswith("-")
            or ix.low(scan) in _OBJ_CLITICS
            or ix.low(scan) in _TIME_WORDS
            or (ix.low(scan) in _SUBJ_CLITICS and ix.text(scan - 1) in ("-", "-t"))
        ):
            scan += 1
            continue
        break
    if k is None:
        k = first_aux
    if k is None and comma and v < limit and _unlisted_incise(ix, v, v + 1, limit):
        k = v
    if k is None:
        return None
    # "a fait remarquer": the last verb of a chain
    k0 = k
    while (
        k + 1 < limit
        and ix.toks[k + 1].pos_ == "VERB"
        and "Inf" in ix.toks[k + 1].morph.get("VerbForm")
        and _lemma(ix.toks[k]) in ("faire", "laisser")
    ):
        k += 1
    ca, cb = cue_span(ix, k)
    if k != k0:
        ca, cb = min(ca, cue_span(ix, k0)[0]), max(cb, k + 1)
    ca = max(ca, v if ix.low(v - 1) not in ("lui", "leur") else v - 1)
    cls = verb_class(ix, k) or verb_class(ix, ca)
    if (
        cls is None
        and _lemma(ix.toks[k]) in _CAUSATIVE_SPEECH
        and k > v
        and _lemma(ix.toks[k - 1]) in ("faire", "laisser")
    ):
        cls = "speech"
    pron = _inverted_pronoun(ix, ca, cb + 1)
    if cls is None and pron is None and not (comma and _unlisted_incise(ix, k, cb, limit)):
        return None
    if "Part" in ix.toks[k].morph.get("VerbForm") and ix.low(k).endswith("ant"):
        return None  # "…», ajoutant que …": a new quote starts, this one has no cue here
    ref = _ref_after(ix, k, ca, cb, limit)
    if not comma and (
        not any(verb_class(ix, m) for m in range(ca, min(cb + 2, limit))) or not _person_subject(ix, ref)
    ):
        return None  # a title before its verb: "« Les Misérables » raconte l'histoire de ..."
    return ix.starts[ca], ix.ends[cb - 1], ref, k


def _cue_in_next_sentence(ctx: _Ctx, r: Region, j: int) -> Optional[tuple[int, int, SpeakerRef, int]]:
    """``« … » C'est ce qu'a déclaré X.``, ``Voilà ce qu'a dit notre source``: the sentence after
    the quotation names its speaker (``j``: the first token after the closing mark)."""
    ix = ctx.ix
    if j < len(ix) and ix.text(j) in (".", "!", "?", "…"):
        j += 1
    if j >= len(ix) or ix.stretch_of[j] != ix.stretch_of[max(0, ix.before(r.close + 1))]:
        return None
    _, se = ix.sentence(j)
    m = j
    if ix.low(m) in ("c'", "c’", "ce") and m + 1 < se and ix.low(m + 1) == "est":
        m += 2
    elif ix.low(m) == "voilà":
        m += 1
    else:
        return None
    while m < se and (ix.toks[m].pos_ == "ADV" or ix.toks[m].is_punct or ix.low(m) in ("en", "substance")):
        m += 1  # "Voilà, en substance, ce que ..."
    if not (m + 1 < se and ix.low(m) == "ce" and ix.low(m + 1) in _QUE):
        return None
    for k in range(m + 2, min(se, m + 9)):
        if verb_class(ix, k) and ix.toks[k].pos_ in ("VERB", "AUX"):
            ca, cb = cue_span(ix, k)
            ca = max(ca, m + 2)
            ref = _ref_for_verb(ix, k, ca, cb, se)
            if ref.kind == "inherit":
                return None
            return ix.starts[ca], ix.ends[cb - 1], ref, k
    return None


def _cue_before(ctx: _Ctx, r: Region, prev_end: int) -> Optional[tuple[int, int, SpeakerRef, int]]:
    """A cue introducing the region: ``X confie : « … »``, ``Galthié : « … »``, ``a déclaré « … »``."""
    ix = ctx.ix
    o = ix.before(r.open + 1)
    while o >= 0 and ix.starts[o] >= r.open:
        o -= 1
    if o < 0:
        return None
    sa, _ = ix.sentence(o)
    lo = max(sa, ix.at(prev_end) if prev_end >= 0 else sa)
    if lo > o:
        return None
    colon = ix.text(o) == ":"
    last = o - 1 if colon else o
    # the last reporting verb of the introduction
    for k in range(last, lo - 1, -1):
        cls = verb_class(ix, k)
        if cls and not _negated(ix, *cue_span(ix, k)) and not passive_voice(ix, k):
            if (
                not colon
                and k != last
                and not (
                    k + 1 <= last
                    and all(ix.toks[m].pos_ in ("ADV", "ADP", "DET", "NOUN", "PROPN") for m in range(k + 1, last + 1))
                    and colon
                )
            ):
                if k != last:
                    continue
            ca, cb = cue_span(ix, k)
            if ix.low(k - 1) in ("d'", "de") and "Inf" in ix.toks[k].morph.get("VerbForm"):
                ca = k - 1
                ref = SpeakerRef("inherit")
            else:
                ref = _ref_for_verb(ix, k, ca, cb, o)
            return ix.starts[ca], ix.ends[cb - 1], ref, k
    if not colon:
        return None
    # "Galthié : « … »", "La police reste attentive aux dénonciations : « … »"
    for k in range(lo, o):
        tok = ix.toks[k]
        if tok.dep_ in ("nsubj", "nsubj:pass") and tok.pos_ in ("NOUN", "PROPN", "PRON"):
            sub = _subject_before(ix, ix.index(tok.head)) if ix.index(tok.head) >= 0 else None
            if sub and lo <= sub[0] and sub[1] <= o:  # a subject before the colon, not in the quotation
                return ix.starts[o], ix.ends[o], _np_or_pronoun(ix, sub), o
    np = _np_after(ix, lo, o)
    if np and _topic(ix, np):
        # "Agriculture : « … »": the colon introduces the quotation; its speaker is named elsewhere
        return ix.starts[o], ix.ends[o], SpeakerRef("float", r.start), o
    if np:
        return ix.starts[o], ix.ends[o], SpeakerRef("np", ix.starts[np[0]], ix.ends[np[1] - 1]), o
    return None


def _topic(ix: TokenIndex, np: tuple[int, int]) -> bool:
    """The phrase before a colon is a topic, not a speaker (``Agriculture : « … »``, ``Guerre en
    Ukraine : « … »``): headed by a common noun of no person or body, or by a place."""
    if any(ix.toks[j].ent_type_ in ("PER", "ORG") for j in range(*np)):
        return False
    head = next((j for j in range(*np) if ix.toks[j].pos_ in ("NOUN", "PROPN")), None)
    if head is None:
        return False
    tok = ix.toks[head]
    if tok.ent_type_ in ("LOC", "GPE"):
        return True
    return (
        tok.pos_ == "NOUN"
        and not tok.ent_type_
        and nouns.noun_class(ix.low(head)) not in ("person", "org", "org_anaphor")
    )
