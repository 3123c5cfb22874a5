"""Direct quotations: quoted regions with a cue after, before or inside them, or standing alone."""

from __future__ import annotations

from typing import Optional

import regex

from .context import _content_end, _content_span, _Ctx
from .cues import _after_apposition, _cue_after, _cue_before, _np_incise
from .lexicon import (
    _PLURAL_DETERMINERS,
    _SPACES,
)
from .phrases import (
    _ref_after,
)
from .records import Candidate, Region, SpeakerRef
from .regions import _trim
from .tokens import TokenIndex
from .verbs import _inverted_pronoun, cue_span, verb_class


def _region_tokens(ix: TokenIndex, r: Region) -> tuple[int, int]:
    return ix.at(r.start), ix.before(r.end) + 1


def _split_incises(ctx: _Ctx, r: Region) -> list[tuple[Region, Optional[tuple[int, int, SpeakerRef, int]]]]:
    """Split a region at incises (« A, dit-il, B »); each part with the incise cue if any."""
    ix = ctx.ix
    a, b = _region_tokens(ix, r)
    parts: list[tuple[Region, Optional[tuple[int, int, SpeakerRef, int]]]] = []
    cur = r.start
    j = a
    while j < b - 1:
        if ix.text(j) in (",", "?", "!", "…", "...", ";") and j + 1 < b:
            v = j + 1
            # skip an object or reflexive clitic ("lui répond", "s'écria", "se disait")
            if ix.low(v) in ("lui", "leur", "se", "s'") and v + 1 < b:
                v += 1
            k = None
            if ix.toks[v].pos_ == "AUX" and v + 1 < b:
                pron = _inverted_pronoun(ix, v, min(v + 3, b))
                if pron is not None:
                    # "a-t-il (ensuite) promis": after the inverted auxiliary, the participle,
                    # whatever tag the model gave it ("promis" as a noun)
                    k = pron + 1
                    while k + 1 < b and ix.toks[k].pos_ == "ADV" and ix.toks[k + 1].text.isalpha():
                        k += 1
                    if not (
                        k < b
                        and (ix.toks[k].pos_ in ("VERB", "AUX") or (ix.text(k).isalpha() and ix.text(k).islower()))
                    ):
                        k = None
                    while k is not None and k + 1 < b and ix.toks[k].pos_ == "AUX" and ix.toks[k + 1].pos_ == "VERB":
                        k += 1
                else:
                    k = _np_incise(ix, v, b)  # « A, a indiqué Paul Roux. B »: a compound tense and its subject
            elif verb_class(ix, v) or (
                r.dash and ix.toks[v].pos_ == "VERB" and "Fin" in ix.toks[v].morph.get("VerbForm")
            ):
                pron = _inverted_pronoun(ix, v, min(v + 2, b))
                nxt = v + 1
                while nxt < b - 1 and ix.toks[nxt].pos_ == "ADV" and not ix.toks[nxt].is_punct:
                    nxt += 1
                if pron is not None or (
                    nxt < b
                    and (
                        ix.toks[nxt].pos_ in ("PROPN", "DET", "PRON", "NOUN")
                        or ix.text(nxt)[:1].isupper()
                        or (r.dash and verb_class(ix, v) and not ix.low(v).endswith("ant"))
                    )
                    # a plural noun phrase is no subject of a verb in the singular ("…, poursuit
                    # normalement ses opérations.": the verb of the quoted sentence, not an incise)
                    and not (ix.low(nxt) in _PLURAL_DETERMINERS and not ix.low(v).endswith(("ent", "ont")))
                ):
                    k = v
            if k is not None:
                ca, cb = cue_span(ix, k)
                # the incise runs to the next punctuation
                e = cb
                while e < b and not (ix.toks[e].is_punct and ix.text(e) in ",.;!?…"):
                    e += 1
                if e < b and ix.text(e) == ",":
                    e = _after_apposition(ix, e, b)
                if e >= b - 1 or ix.ends[min(e, b - 1)] >= r.end:
                    # the incise closes the region: « ..., dit-il. »
                    ref = _ref_after(ix, k, ca, cb, b)
                    keep = ix.ends[j] if ix.text(j) != "," else ix.starts[j]
                    sa, ea = _trim(ctx.text, cur, keep)
                    if sa < ea:
                        parts.append(
                            (
                                Region(sa, ea, r.open if cur == r.start else cur, keep, True, r.dash),
                                (ix.starts[ca], ix.ends[cb - 1], ref, k),
                            )
                        )
                    return parts
                if e < b - 1 and ix.ends[e] < r.end:
                    ref = _ref_after(ix, k, ca, cb, e)
                    end_a = ix.starts[j] if ix.text(j) == "," else ix.ends[j]
                    sa, ea = _trim(ctx.text, cur, end_a)
                    if sa < ea:
                        parts.append(
                            (
                                Region(sa, ea, r.open if cur == r.start else cur, end_a, True),
                                (ix.starts[ca], ix.ends[cb - 1], ref, k),
                            )
                        )
                    cur = ix.ends[e]
                    j = e + 1
                    continue
        j += 1
    if not parts:
        return [(r, None)]
    s, e = _trim(ctx.text, cur, r.end)
    if s < e:
        parts.append((Region(s, e, cur, r.close, r.closed, r.dash), parts[-1][1]))
    return parts


_INNER_SENTENCE_END = regex.compile(r"[.!?…]\s+[\p{Lu}«\"“]")


# quoted words inside a sentence, this long, are somebody's words even when no cue the rules know
# introduces them ("invite à « ... »", "espérant que « ... »"); shorter ones may be a title, a
# slogan or a scare quote
_MIN_INNER_QUOTE_WORDS = 7


def _is_inner_quote(ctx: _Ctx, r: Region) -> bool:
    """A long quoted stretch inside a sentence (see ``_MIN_INNER_QUOTE_WORDS``) that ends a
    sentence or stands before one."""
    if not r.closed:
        return False
    _, after_ok, words = _shape(ctx, r)
    return after_ok and words >= _MIN_INNER_QUOTE_WORDS


def _is_standalone(ctx: _Ctx, r: Region) -> bool:
    """The region is a sentence (or more) of its own, not words inside someone else's sentence."""
    before_ok, after_ok, words = _shape(ctx, r)
    return before_ok and after_ok and words >= 3


def _shape(ctx: _Ctx, r: Region) -> tuple[bool, bool, int]:
    """Whether the region starts a sentence (or follows a colon or another quotation), whether
    it ends one (or a sentence of its own ends inside it), and its number of words."""
    text = ctx.text
    j = r.open - 1
    while j >= 0 and text[j] in _SPACES:
        j -= 1
    before_ok = j < 0 or text[j] in "\n.!?…:" or (text[j] in '»”"' and j > 0)
    k = r.close + 1
    while k < len(text) and text[k] in _SPACES:
        k += 1
    after_ok = (
        k >= len(text)
        or text[k] in "\n.!?…"
        or text[k] in '«“"'
        or (text[k].isupper() and text[r.close] != '"' or text[k].isupper() and k > r.close + 1)
    )
    inner_end = text[r.end - 1] if r.end > r.start else ""
    words = len(text[r.start : r.end].split())
    # "« Je l'ai vu partir. On s'est dit qu'il reviendrait » avec les autres.": sentences of
    # their own, whatever the narrative tacks on after the closing mark
    several = words >= 8 and _INNER_SENTENCE_END.search(text, r.start, r.end) is not None
    return before_ok, after_ok or inner_end in ".!?…" or several, words


def _direct(ctx: _Ctx) -> list[Candidate]:
    ix = ctx.ix
    out: list[Candidate] = []
    prev_cue: Optional[tuple[int, int, SpeakerRef, int]] = None
    prev_close = -1
    for r in ctx.regions:
        if ix.at(r.start) >= len(ix):
            continue
        before = len(out)
        para = ctx.para_of(r.start)
        parts = _split_incises(ctx, r)
        if r.dash:
            for part, inner_cue in parts:
                if inner_cue is not None:
                    out.append(
                        Candidate(
                            "direct",
                            part.start,
                            part.end,
                            (inner_cue[0], inner_cue[1]),
                            inner_cue[2],
                            para,
                            3,
                            regions=[part],
                        )
                    )
                else:
                    out.append(
                        Candidate(
                            "direct", part.start, part.end, None, SpeakerRef("float", r.start), para, 2, regions=[part]
                        )
                    )
            continue
        for n, (part, inner_cue) in enumerate(parts):
            cue = None
            if n == len(parts) - 1 and (len(parts) > 1 or _opens_clause(ctx, r, prev_cue)):
                cue = _cue_after(ctx, r)
            if cue is None and inner_cue is not None and n < len(parts) - 1:
                cue = inner_cue
            if cue is None and n == 0:
                cue = _cue_before(ctx, r, prev_close)
                if cue is not None and len(parts) == 1:
                    mixed = _fragment_with_continuation(ctx, r)
                    if mixed is not None:
                        # "s'est dit « choqué » par le comportement des voyageurs": the verb's
                        # complement runs on after the quoted fragment
                        out.append(
                            Candidate("mixed", mixed[0], mixed[1], (cue[0], cue[1]), cue[2], para, 3, regions=[r])
                        )
                        prev_cue = None
                        prev_close = r.close
                        break
            if cue is None and inner_cue is not None:
                cue = inner_cue
            if cue is None and prev_cue is not None and n == 0 and _follows_cue(ctx, prev_cue, r):
                cue = prev_cue
            if cue is not None:
                c = Candidate("direct", part.start, part.end, (cue[0], cue[1]), cue[2], para, 3, regions=[part])
                out.append(c)
                prev_cue = cue
            elif _is_standalone(ctx, r) or len(parts) > 1:
                out.append(
                    Candidate(
                        "direct", part.start, part.end, None, SpeakerRef("float", r.open), para, 2, regions=[part]
                    )
                )
                prev_cue = None
            elif _is_inner_quote(ctx, r):
                out.append(
                    Candidate(
                        "direct", part.start, part.end, None, SpeakerRef("clause", r.open), para, 1, regions=[part]
                    )
                )
                prev_cue = None
            else:
                prev_cue = None
        if len(out) > before:
            prev_close = r.close  # a quoted word that made no quotation bounds no cue search
    return out


def _fragment_with_continuation(ctx: _Ctx, r: Region) -> Optional[tuple[int, int]]:
    """A quoted fragment (a few words, no capital: not a sentence of its own) right after its cue,
    and the words that continue the clause after the closing mark: the content of a mixed quote."""
    ix = ctx.ix
    text = ctx.text
    frag = text[r.start : r.end]
    words = frag.split()
    if not r.closed or not words or len(words) > 6 or not frag.lstrip()[:1].islower():
        return None
    j = ix.at(r.close + 1)
    if j >= len(ix) or ix.toks[j].is_punct or ix.stretch_of[j] != ix.stretch_of[max(0, ix.before(r.close + 1))]:
        return None
    _, se = ix.sentence(j)
    end = _content_end(ctx, j, se)
    span = _content_span(ctx, j, end)
    if span is None or len(text[span[0] : span[1]].split()) < 2:
        return None
    return r.open, span[1]


def _opens_clause(ctx: _Ctx, r: Region, prev_cue: Optional[tuple[int, int, SpeakerRef, int]]) -> bool:
    """The region starts its sentence (or follows a colon, a dash, or the cue of the quote before):
    words before it in the same clause make it the quoted part of a mixed quote instead."""
    text = ctx.text
    j = r.open - 1
    while j >= 0 and text[j] in _SPACES:
        j -= 1
    if j < 0 or text[j] in '\n.!?…:;—–«“"»”(':
        return True
    if prev_cue is not None and text[j] == "," and not text[prev_cue[1] : j].strip(" ,\u00a0\u202f"):
        return True
    if text[j] == ",":
        # after a cue's subject phrase: « A », a souligné X, « B »
        ix = ctx.ix
        k = ix.before(j + 1)
        sa, _ = ix.sentence(max(k, 0)) if k >= 0 else (0, 0)
        if any(ix.starts[m] < r.open and ix.text(m) in ("»", "”", '"') for m in range(sa, max(k, 0))):
            return True
        # after a fronted phrase with no verb: "Du côté de la prévenue, « ... » affirme son avocate"
        return k > sa and not ix.finite_in(sa, k)
    return False


def _follows_cue(ctx: _Ctx, cue: tuple[int, int, SpeakerRef, int], r: Region) -> bool:
    """« A », a-t-il ajouté, « B »: B continues the quote whose cue stands just before it."""
    between = ctx.text[cue[1] : r.open]
    if len(between) > 80:
        return False
    ix = ctx.ix
    j = ix.at(cue[1])
    while j < len(ix) and ix.starts[j] < r.open:
        if ix.toks[j].pos_ in ("VERB",) or ix.text(j) in ".!?":
            return False
        j += 1
    # right after a comma or a colon: a quoted name in the subject's apposition (« présidente de
    # "la Voix de l'Enfant" ») goes on no quotation
    return between.rstrip(_SPACES)[-1:] in (",", ":")
