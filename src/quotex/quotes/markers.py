"""Source markers: ``selon X``, ``d'après X``, ``pour X`` heading or closing reported content."""

from __future__ import annotations

from typing import Optional

from .. import nouns, resources
from .context import _clause_start, _content_end, _content_span, _covering, _Ctx, _typed
from .lexicon import _CLAUSE_LINKERS, _DE_FORMS, _MARKER_PRONOUNS, _QUE, _REACH_PARTICIPLES
from .nounphrases import _after_brackets
from .phrases import _aside_at, _np_or_pronoun
from .records import Candidate
from .tokens import TokenIndex
from .verbs import _lemma, verb_class


def _markers(ctx: _Ctx) -> list[Candidate]:
    """``Selon X, …``, ``D'après X, …``, ``Pour X, …`` (``Selon elle …`` without a comma) and
    ``…, selon X.`` (the source phrase may hold a bracketed acronym and be followed by an
    apposition or a relative clause)."""
    ix = ctx.ix
    out: list[Candidate] = []
    markers = resources.source_markers()
    roles = resources.role_nouns()
    firsts = {m.split()[0] for m in markers} | {"d'", "d’"}
    shapes = [(m, len(m.split()), m.replace(" ", "")) for m in markers]
    lows = ix.lows
    resume = 0
    for k in [k for k, low in enumerate(lows) if low in firsts]:
        if k < resume:
            continue
        low = lows[k]
        m_len = 0
        for m, size, joined in shapes:
            if " ".join(lows[k : k + size]) == m:
                m_len = size
                break
            if (
                size > 1
                and m.endswith(" de")
                and " ".join(lows[k : k + size - 1]) == m[:-3]
                and lows[k + size - 1 : k + size] in (["du"], ["des"])
            ):
                m_len = size - 1  # "aux yeux des syndicats": the article is in the contraction
                break
            # the tokenizer splits "d'après" into "d'" + "après"
            if "".join(lows[k : k + 2]) == joined:
                m_len = 2
                break
        if not m_len:
            continue
        is_pour = low == "pour"
        if is_pour and _aside_at(ix, k, len(lows)) is not None:
            continue  # "pour sa part", "pour leur compte": an aside, no source
        if ctx.region_at(ix.starts[k]) is not None:
            continue  # "« … faite à Québec, pour Québec », a-t-elle dit": the quotation's own words
        sa, se = ix.sentence(k)
        np_start = k + m_len
        # a marker heading its clause: "Selon X, <content>"
        at_head = (
            k == sa
            or (ix.text(k - 1) in (",", ":", "—", "-") and k - 1 >= sa)
            or ix.low(k - 1) in ("mais", "et", "or")
            # "Toujours selon X, …", "Mais toujours d'après elle, …": adverbs only before it
            or all(ix.toks[j].pos_ in ("ADV", "CCONJ") for j in range(sa, k))
        )
        comma, np_end = _source_extent(ix, np_start, se, roles)
        if (
            at_head
            and k > sa
            and ix.text(k - 1) == ","
            and comma + 1 < se
            and (ix.text(comma + 1)[:1].isupper() or ix.toks[comma + 1].pos_ == "DET")
            and not any(ix.toks[j].pos_ in ("VERB", "AUX") for j in range(comma + 1, se))
        ):
            # "Les dégâts sont lourds, selon le directeur, Paul Roux.": the source closes the
            # sentence; a name after it is no content
            at_head = False
        if at_head and k > sa and _linker_after(ix, comma, se) and ix.finite_in(sa, k):
            # "Cette annonce a surpris les salariés, selon la CGT, alors que ...": the source
            # closes the clause before it; another clause follows
            at_head = False
        body = comma + 1
        if (
            comma > np_start + 1
            and np_start + 1 < se
            and lows[np_start] in _MARKER_PRONOUNS
            and not ix.toks[np_start + 1].is_punct
        ):
            comma = body = np_start + 1  # "Selon elle la réforme ...": a pronoun needs no comma
        np = (np_start, np_end if np_end is not None else comma)
        ok_np = comma < se and comma > np_start and _source_np_ok(ix, np, is_pour, roles)
        if at_head and ok_np and body < se:
            ce = _content_end(ctx, body, se)
            span = _content_span(ctx, body, ce)
            if span:
                s, e = span
                ref = _np_or_pronoun(ix, np)
                whole = _covering(ctx, s, e)
                typ = "direct" if whole else _typed(ctx, s, e)
                if whole:
                    s, e = whole[0].start, whole[0].end
                out.append(
                    Candidate(typ, s, e, (ix.starts[k], ix.ends[k + m_len - 1]), ref, ctx.para_of(s), 2, (sa, se))
                )
                resume = body
                continue
        # a marker closing the sentence: "<content>, selon X."
        # (also right after a closing quotation mark: "« pour des raisons de sécurité » selon X")
        end = _source_end(ix, np_start, se) if not is_pour and k - 1 > sa else np_start
        if end > np_start and (ix.text(k - 1) in (",", "»", "”", '"') or _speaking_source(ix, np_start, end, se)):
            if (
                end > np_start
                and (
                    end >= se - 1
                    or ix.text(end) in (".", "!", "…")
                    or _tail_ok(ix, end, se)
                    or _linker_after(ix, end, se)
                )
                and _source_np_ok(ix, (np_start, end), False, roles)
            ):
                stop = k - 1 if ix.text(k - 1) in (",", "»", "”", '"') else k  # no comma: up to the marker
                start_tok = _clause_start(ctx, sa, stop)
                span = _content_span(ctx, start_tok, stop)
                if span and any(ix.toks[m].pos_ in ("VERB", "AUX") for m in range(start_tok, stop)):
                    s, e = span
                    whole = _covering(ctx, s, e)
                    typ = "direct" if whole else _typed(ctx, s, e)
                    if whole:
                        s, e = whole[0].start, whole[0].end
                    ref = _np_or_pronoun(ix, (np_start, end))
                    out.append(
                        Candidate(typ, s, e, (ix.starts[k], ix.ends[k + m_len - 1]), ref, ctx.para_of(s), 2, (sa, se))
                    )
        resume = k + m_len
    return out


def _as_said(ctx: _Ctx) -> list[Candidate]:
    """``Comme l'a rappelé X, <content>``, ``Comme le souligne X, …``, ``Comme il l'a dit, …`` and
    ``<content>, comme l'a expliqué X.``: a reporting verb after ``comme`` (its object clitic,
    its auxiliary, its subject before or after it) attributes the rest of the sentence, or the
    clause before it, to that subject, which must be one that speaks."""
    ix = ctx.ix
    out: list[Candidate] = []
    roles = resources.role_nouns()
    for k in [k for k, low in enumerate(ix.lows) if low == "comme"]:
        sa, se = ix.sentence(k)
        if ctx.region_at(ix.starts[k]) is not None:
            continue
        j = k + 1
        pron: Optional[int] = None
        if j < se and ix.low(j) in ("il", "elle", "ils", "elles"):
            pron = j  # "Comme il l'a dit"
            j += 1
        if j >= se or ix.low(j) not in ("l'", "l’", "le"):
            continue
        j += 1
        while j < se and (_lemma(ix.toks[j]) in ("avoir", "être") or ix.toks[j].pos_ == "AUX") and j - k < 5:
            j += 1
        if j >= se or verb_class(ix, j) != "speech":
            continue
        v = j
        comma = v + 1
        while comma < se and ix.text(comma) != "," and not ix.toks[comma].is_punct and comma - v < 12:
            comma += 1
        if pron is not None:
            np: tuple[int, int] = (pron, pron + 1)
        else:
            end = next(
                (m for m in range(v + 2, comma) if ix.toks[m].pos_ == "ADP" and ix.low(m) not in _DE_FORMS), comma
            )
            np = (v + 1, end)  # "Comme le souligne Paul Roux | dans un communiqué,"
            if (
                np[1] <= np[0]
                or not _speaking_source(ix, np[0], np[1], np[1])
                and not _source_np_ok(ix, np, True, roles)
            ):
                continue
        ref = _np_or_pronoun(ix, np)
        cue = (ix.starts[k], ix.ends[v])
        heading = k == sa or all(ix.toks[m].pos_ in ("ADV", "CCONJ") for m in range(sa, k))
        if heading and comma < se and ix.text(comma) == ",":
            body = comma + 1
            ce = _content_end(ctx, body, se)
            span = _content_span(ctx, body, ce)
        elif not heading and ix.text(k - 1) == "," and (comma >= se - 1 or ix.text(comma) in (".", "!", "…")):
            start_tok = _clause_start(ctx, sa, k - 1)
            span = _content_span(ctx, start_tok, k - 1) if ix.finite_in(start_tok, k - 1) else None
        else:
            span = None
        if not span:
            continue
        s, e = span
        whole = _covering(ctx, s, e)
        typ = "direct" if whole else _typed(ctx, s, e)
        if whole:
            s, e = whole[0].start, whole[0].end
        out.append(Candidate(typ, s, e, cue, ref, ctx.para_of(s), 2, (sa, se)))
    return out


def _speaking_source(ix: TokenIndex, a: int, end: int, se: int) -> bool:
    """With no comma before it (``… jusqu'à lundi selon la préfecture.``), a source closing the
    sentence must be one that speaks: a name or a noun of a person, a body or a text (``selon les
    régions`` is no source); ``end``: where the source phrase from ``a`` ends."""
    if end <= a or not (end >= se - 1 or ix.text(end) in (".", "!", "…")):
        return False
    head = next((j for j in range(a, end) if ix.toks[j].pos_ in ("NOUN", "PROPN")), None)
    if head is None:
        return False
    return ix.text(head)[:1].isupper() or nouns.noun_class(ix.low(head)) in ("person", "org", "org_anaphor", "document")


def _source_end(ix: TokenIndex, a: int, se: int) -> int:
    """End of the source phrase after a closing marker: up to a punctuation mark or a relative
    pronoun, a bracketed acronym included (``selon les chiffres de l'Institut ... (Insee).``)."""
    end = a
    while end < se:
        if ix.text(end) == "(":
            after = _after_brackets(ix, end, se, 8)
            if after is not None:
                end = after
                continue
        if ix.toks[end].is_punct or (end > a and ix.low(end) in ("dont", "qui", "où")):
            break
        end += 1
    return end


def _linker_after(ix: TokenIndex, comma: int, se: int) -> bool:
    """Token ``comma`` is a comma followed by a word opening a new clause (``, alors que``,
    ``, mais``)."""
    return comma + 1 < se and ix.text(comma) == "," and ix.low(comma + 1) in _CLAUSE_LINKERS


def _tail_ok(ix: TokenIndex, end: int, se: int) -> bool:
    """What follows the source phrase: an apposition to the sentence's end (``, l'adjointe à
    l'urbanisme.``) or a relative clause about the source."""
    if ix.low(end) in ("dont", "qui", "où"):
        return True
    if ix.text(end) != ",":
        return False
    return not any(ix.toks[j].pos_ in ("VERB", "AUX") for j in range(end + 1, se))


def _name_word(ix: TokenIndex, k: int) -> bool:
    """Token k opens a name: tagged so, or a capitalised word the model took for a common noun
    (an unfamiliar first name) followed by another capitalised word."""
    if ix.toks[k].pos_ == "PROPN":
        return True
    return (
        ix.toks[k].pos_ in ("NOUN", "ADJ", "X")
        and ix.text(k)[:1].isupper()
        and k + 1 < len(ix)
        and ix.toks[k + 1].pos_ == "PROPN"
    )


def _relative_at(ix: TokenIndex, a: int, b: int) -> int:
    """Where a relative clause about the source opens in tokens [a, b) (``le procureur qui était
    interrogé lundi``), or b: its verbs are not the reported clause's."""
    for j in range(a + 1, b):
        if ix.low(j) in ("qui", "dont") and ix.toks[j].pos_ == "PRON":
            return j
    return b


def _source_extent(ix: TokenIndex, np_start: int, se: int, roles: dict[str, str]) -> tuple[int, Optional[int]]:
    """Where the source phrase after a marker ends: the comma closing it (with an apposed name, a
    role, a relative clause or a complement about the source), and the phrase's own end when it is
    not that comma (None when it is)."""
    comma = np_start
    np_end: Optional[int] = None  # where the source phrase ends, when not at the comma
    while comma < se and ix.text(comma) != "," and comma - np_start < 16:
        comma += 1
    # "Selon le procureur, Antoine Blanc, ...": an apposed name belongs to the source
    if comma < se and comma + 2 < se and _name_word(ix, comma + 1):
        c2 = comma + 1
        while c2 < se and ix.text(c2)[:1].isupper() and not ix.toks[c2].is_punct and c2 - comma < 5:
            c2 += 1
        if c2 < se and ix.text(c2) == ",":
            comma = c2
    elif (
        comma + 2 < se
        and (ix.toks[comma + 1].pos_ == "DET" or nouns.noun_class(ix.low(comma + 1)) == "person")
        and _names_someone(ix, np_start, comma)
    ):
        # "Pour Eva Roy, la cheffe de groupe dans l'opposition, ...", "Pour X, chercheur à
        # l'Institut ..., ...": a role in apposition
        c2 = comma + 1
        while c2 < se and ix.text(c2) != "," and not ix.toks[c2].is_punct and c2 - comma < 10:
            c2 += 1
        apposed = range(comma + 1 + (ix.toks[comma + 1].pos_ == "DET"), c2)
        if (
            c2 < se
            and ix.text(c2) == ","
            and any(ix.low(j) in roles for j in apposed)
            # (a role noun the tagger takes for a participle is no verb: "délégué du personnel")
            and not any(ix.toks[j].pos_ in ("VERB", "AUX") and ix.low(j) not in roles for j in apposed)
        ):
            comma = c2
    elif comma + 2 < se and (
        ix.low(comma + 1) in ("qui", "dont") or (ix.low(comma + 1) in _DE_FORMS and ix.text(comma + 2)[:1].isupper())
    ):
        # "Selon l'AFP, qui cite des sources, ...", "Selon Anne Roy, de France 2, ...": a
        # relative clause or a complement about the source belongs to it
        c2 = comma + 1
        while c2 < se and ix.text(c2) not in (",", "«", '"', "“") and c2 - comma < 12:
            c2 += 1
        if c2 < se and ix.text(c2) == ",":
            np_end, comma = comma, c2
    elif comma + 2 < se and _apposed_participle(ix, comma + 1):
        # "Selon un de ses cadres, joint par téléphone, ...", "Selon le maire, interrogé par
        # France Bleu, ...": how the paper reached its source belongs to the source
        c2 = comma + 1
        while c2 < se and ix.text(c2) not in (",", "«", '"', "“") and c2 - comma < 10:
            c2 += 1
        if c2 < se and ix.text(c2) == "," and not ix.finite_in(comma + 1, c2):
            np_end, comma = comma, c2
    rel = _relative_at(ix, np_start, min(comma, se))
    if rel < comma < se and np_end is None and not ix.finite_in(np_start, rel) and ix.low(comma - 1) not in _QUE:
        np_end = rel  # "Selon le procureur qui était interrogé lundi, ...": the source is before qui
    if comma >= se or comma - np_start >= 16 or ix.finite_in(np_start, rel):
        # "Selon le ministre Gérald Roux les policiers ont été ...": no comma after a name (or
        # after "l'Intérieur"): the source ends at its last capitalised word
        for e in range(np_start + 2, min(se - 1, np_start + 14)):
            if (
                ix.text(e - 1)[:1].isupper()  # a name, whatever its tag ("Marchand" as an adjective)
                and ix.toks[e].pos_ in ("DET", "PRON")
                and not ix.toks[e].is_punct
                and ix.finite_in(e + 1, min(se, e + 8))
            ):
                comma = e - 1  # the source ends with the name; the clause follows
                np_end = e
                break
    return comma, np_end


def _names_someone(ix: TokenIndex, a: int, b: int) -> bool:
    """Tokens ``a:b`` name somebody an apposition can describe: a name or a noun of a person
    (not ``nos informations``: "Selon nos informations, l'ancien adjoint, X, …" opens the clause)."""
    return any(
        ix.toks[j].pos_ == "PROPN" or ix.text(j)[:1].isupper() or nouns.noun_class(ix.low(j)) == "person"
        for j in range(a, b)
    )


def _apposed_participle(ix: TokenIndex, k: int) -> bool:
    """Token ``k`` opens a participle phrase (``joint par téléphone``, ``interrogé par X``)."""
    t = ix.toks[k]
    participle = t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") and not ix.low(k).endswith("ant")
    return ix.low(k) in _REACH_PARTICIPLES or participle


def _source_np_ok(ix: TokenIndex, np: tuple[int, int], strict: bool, roles: dict[str, str]) -> bool:
    a, b = np
    if b - a > 14:
        return False
    first = ix.toks[a]
    if "Inf" in first.morph.get("VerbForm") or ix.low(a) in (
        "que",
        "qu'",
        "laquelle",
        "lequel",
        "lesquels",
        "lesquelles",
    ):
        return False
    if b - a == 1 and ix.low(a) in _MARKER_PRONOUNS:
        return True
    dates = resources.date_words()
    if all(ix.low(j) in dates or ix.toks[j].like_num or not ix.text(j).isalpha() for j in range(a, b)):
        return False  # "Pour Noël, six personnes ...", "Pour 2025, ...": a time, not a source
    has_name = any(ix.toks[j].pos_ == "PROPN" or (ix.text(j)[:1].isupper() and j > a) for j in range(a, b))
    has_role = any(ix.low(j) in roles or _lemma(ix.toks[j]) in roles for j in range(a, b))
    if any(ix.toks[j].pos_ in ("VERB", "AUX") and "Part" not in ix.toks[j].morph.get("VerbForm") for j in range(a, b)):
        return False
    if strict:
        return has_name or has_role
    if ix.low(a) in ("ses", "son", "sa", "leurs", "leur", "mes", "nos", "vos"):
        return has_name or has_role
    # "Selon un de ses cadres": one of a group of people (the tagger may call "un" a numeral)
    one_of = ix.low(a) in ("un", "une", "l'un", "l'une") and any(
        ix.toks[j].pos_ == "NOUN" and nouns.noun_class(ix.low(j)) == "person" for j in range(a + 1, b)
    )
    return has_name or has_role or one_of or first.pos_ in ("DET",) or ix.low(a) in ("du", "des")
