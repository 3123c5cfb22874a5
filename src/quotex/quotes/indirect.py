"""Indirect and mixed quotations from reporting verbs: que-clauses, infinitives, inverted order."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable, Optional

from .context import _clause_start, _content_end, _content_span, _covering, _Ctx, _new_clause, _typed
from .incises import unlisted_incises
from .lexicon import _ARTICLES, _DE_FORMS, _NEGATORS, _OBJ_CLITICS, _POSSESSIVES, _QUE, _SUBORDINATORS, _TIME_WORDS
from .nounphrases import _np_after
from .phrases import (
    _aside_at,
    _day_and_month,
    _ends_clause,
    _np_or_pronoun,
    _ref_for_verb,
    _sentence_stop,
    _subject_after,
)
from .records import Candidate, SpeakerRef
from .tokens import TokenIndex
from .verbs import _hypothetical, _inverted_pronoun, _lemma, _negated, cue_span, participle_auxiliary, verb_class


def _indirect(ctx: _Ctx, taken: list[tuple[int, int]]) -> list[Candidate]:
    ix = ctx.ix
    out: list[Candidate] = []
    taken = sorted(taken)
    taken_starts = [s for s, _ in taken]

    def in_taken(pos: int) -> bool:
        j = bisect_right(taken_starts, pos) - 1
        return j >= 0 and taken[j][0] <= pos < taken[j][1]

    verbs = {k: cls for k in ix.maybe_verbs() if (cls := verb_class(ix, k)) in ("speech", "cue")}
    verbs.update((k, "cue") for k in unlisted_incises(ctx))  # "<content> « … », énumère X."
    for k, cls in sorted(verbs.items()):
        r = ctx.region_at(ix.starts[k])
        if in_taken(ix.starts[k]):
            continue
        if r is not None and r.start <= ix.starts[k] < r.end:
            lo_t = bisect_left(taken_starts, r.start)
            parts = [(s, e) for s, e in taken[lo_t : bisect_right(taken_starts, r.end)] if e <= r.end]
            if len(parts) < 2:
                continue  # a verb inside quotation marks belongs to the quotation
        ca, cb = cue_span(ix, k)
        if _negated(ix, ca, cb) or _hypothetical(ix, k, ca):
            continue
        sa, se = ix.sentence(k)
        if se - 1 >= sa and ix.text(se - 1) == "?":
            continue
        para = ctx.para_of(ix.starts[k])
        found = _complement(ctx, k, cb, se) if cls == "speech" else None
        if (
            found is not None
            and found[1] == "que"
            and ix.toks[found[0] - 2].pos_ == "NOUN"
            and ca > sa
            and ix.text(ca - 1) in (",", '"', "»", "”")
            and _inverted_pronoun(ix, ca, cb + 1) is not None
        ):
            # an incise (« ... », déclarent-ils dans le communiqué qu'ils ont remis) takes no
            # complement: a que after a noun there opens a relative clause
            found = None
        if found is not None:
            cs, kind = found
            ce = _content_end(ctx, cs, se)
            if ca == sa and ix.low(k).endswith("ant"):
                ce = _main_clause_at(ix, cs, ce, se)  # "Rappelant que …, elle a appelé …"
            if ca > sa and ix.low(ca - 1) == "qui":
                ce = _relative_end(ix, cs, ce)
            span = _content_span(ctx, cs, ce)
            if span is None or len(ctx.text[span[0] : span[1]].split()) < 2:
                continue
            ref = _ref_for_verb(ix, k, ca, cb, se)
            out.append(
                Candidate(
                    _typed(ctx, *span), span[0], span[1], (ix.starts[ca], ix.ends[cb - 1]), ref, para, 2, (sa, se)
                )
            )
            continue
        # inverted: "<content>, a annoncé X" — the cue follows a comma and ends the clause
        if ix.low(k).endswith("ant") and "Part" in ix.toks[k].morph.get("VerbForm"):
            continue
        if any(ix.low(m) == "été" for m in range(ca, k)):
            continue  # a passive ("…, a été communiquée aux riverains"): what was told, not who told it
        if (
            ca == k
            and ix.text(k - 1) == ","
            and "Part" in ix.toks[k].morph.get("VerbForm")
            and ix.low(k).endswith(("é", "ée", "és", "ées", "it", "ite", "is", "ise", "u", "ue", "us", "ues"))
            and _inverted_pronoun(ix, ca, cb + 1) is None
        ):
            continue  # "…, annoncée la semaine dernière par l'ARS": a participle apposed to a noun
        if ca - 1 >= sa and ix.text(ca - 1) == "," and ca - 1 > sa:
            se = _sentence_stop(ix, k, se)
            pron = _inverted_pronoun(ix, ca, cb + 1)
            if pron is not None:
                ref = SpeakerRef("pronoun", ix.starts[pron], ix.ends[pron])
            else:
                after_np = _subject_after(ix, cb, se)
                if after_np is None:
                    continue
                ref = _np_or_pronoun(ix, after_np)
            if ref.kind == "np" and ref.end > 0:
                # what follows the inverted subject may be a date, a place, a bracket, a
                # participle or a prepositional phrase ("a déclaré X jeudi à Lyon"), not the
                # verb's own complement: a que-clause or a finite verb
                after = ix.at(ref.end)
                if after < se and (
                    ix.low(after) in _QUE
                    or (ix.finite(after) and ix.low(after) not in _TIME_WORDS)  # "jeudi" tagged as a verb
                ):
                    continue
            if cls == "cue" and not _closing_subject(ix, ref, se):
                continue  # "..., rapporte Le Parisien.": an incise verb reports only in that shape
            start_tok = _clause_start(ctx, sa, ca - 1)
            span = _content_span(ctx, start_tok, ca - 1)
            if span is None:
                continue
            s, e = span
            if not any(ix.toks[m].pos_ in ("VERB", "AUX") for m in range(start_tok, ca - 1)):
                continue
            whole = _covering(ctx, s, e)
            if whole:
                continue  # the content is one quotation: the direct quote carries this cue
            out.append(Candidate(_typed(ctx, s, e), s, e, (ix.starts[ca], ix.ends[cb - 1]), ref, para, 1, (sa, se)))
    out.extend(_learnt_from_sources(ctx, in_taken))
    return out


def _main_clause_at(ix: TokenIndex, cs: int, ce: int, se: int) -> int:
    """The content of a participle opening the sentence ends at the comma before the main
    clause, which has a subject of its own (``Rappelant que …, elle a appelé …``)."""
    for j in range(cs + 1, ce):
        if ix.text(j) != ",":
            continue
        n = j + 1
        if ix.low(n) in ("il", "elle", "ils", "elles", "on") and any(
            ix.finite(m) for m in range(n + 1, min(ce, n + 4))
        ):
            return j
        if _new_clause(ix, n, ce):
            return j
    return ce


def _closing_subject(ix: TokenIndex, ref: SpeakerRef, se: int) -> bool:
    """The inverted subject ``ref`` is a name, a pronoun or a definite phrase that ends the
    sentence or is followed by a comma (``, rapporte Le Parisien.``, ``, relate la radio,
    vendredi``), not an object (``, fait du soutien à ...``)."""
    if ref.kind == "pronoun":
        return True
    if ref.kind != "np" or ref.end <= 0:
        return False
    a = ix.at(ref.start)
    first = ix.low(a)
    if not (ix.text(a)[:1].isupper() or first in _ARTICLES or first in _POSSESSIVES or first in ("un", "une")):
        return False
    return _ends_clause(ix, ix.at(ref.end), se, phrase_after=False)


def _learnt_from_sources(ctx: _Ctx, in_taken: Callable[[int], bool]) -> list[Candidate]:
    """The wire formula ``<content>, a appris l'AFP de sources sécuritaires`` / ``a-t-on appris
    auprès du parquet``: what was learnt is the sources' report; they are its speaker."""
    ix = ctx.ix
    out: list[Candidate] = []
    for k in range(1, len(ix)):
        if not ix.low(k).startswith("appr") or _lemma(ix.toks[k]) != "apprendre":
            continue
        ca, cb = cue_span(ix, k)
        sa, se = ix.sentence(k)
        if ca - 1 <= sa or ix.text(ca - 1) != "," or in_taken(ix.starts[k]):
            continue
        # the source within a few words of the verb (after its subject: "l'AFP", "-t-on")
        source = None
        for j in range(cb, min(se - 1, cb + 8)):
            if ix.low(j) == "auprès" and ix.low(j + 1) in _DE_FORMS:
                source = _np_after(ix, j + 2, se)
                break
            if ix.low(j) in ("de", "d'") and ix.low(j + 1) in ("source", "sources"):
                source = _np_after(ix, j + 1, se)
                break
            if ix.text(j) in (",", ".", ";", ":"):
                break
        if source is None:
            continue
        start_tok = _clause_start(ctx, sa, ca - 1)
        span = _content_span(ctx, start_tok, ca - 1)
        if span is None or not any(ix.toks[m].pos_ in ("VERB", "AUX") for m in range(start_tok, ca - 1)):
            continue
        ref = SpeakerRef("np", ix.starts[source[0]], ix.ends[source[1] - 1])
        s, e = span
        para = ctx.para_of(ix.starts[k])
        out.append(Candidate(_typed(ctx, s, e), s, e, (ix.starts[ca], ix.ends[cb - 1]), ref, para, 1, (sa, se)))
    return out


def _relative_end(ix: TokenIndex, cs: int, ce: int) -> int:
    """Content at tokens ``cs:ce`` reported inside a relative clause ends where the main verb comes
    back after a comma, once it has a verb of its own (``Le maire, qui assure n'avoir rien su, a
    démissionné``)."""
    for m in range(cs + 1, ce - 1):
        if ix.text(m) == "," and ix.finite(m + 1) and any(ix.toks[n].pos_ in ("VERB", "AUX") for n in range(cs, m)):
            return m
    return ce


def _infinitive_at(ix: TokenIndex, j: int, se: int) -> bool:
    """Token ``j`` begins an infinitive clause: object clitics, ``ne pas`` or an opening
    quotation mark, then an infinitive (``se rendre``, ``ne pas abandonner``, ``"tendre``)."""
    steps = 0
    while j < se and steps < 4:
        low = ix.low(j)
        if (
            low in ("ne", "n'")
            or low in _NEGATORS
            or low in _OBJ_CLITICS
            or low in ("y", "en")
            or ix.text(j) in ('"', "«", "“")
        ):
            j += 1
            steps += 1
            continue
        break
    return (
        j < se
        and "Inf" in ix.toks[j].morph.get("VerbForm")
        and ix.toks[j].pos_ in ("VERB", "AUX")
        and not ix.text(j)[:1].isupper()  # "à Alger" tagged as an infinitive: a place
        and ix.low(j) not in _TIME_WORDS  # "jeudi" too
    )


def _passive(ix: TokenIndex, k: int) -> bool:
    """Verb ``k`` is a past participle not built with ``avoir`` (``les riverains invités à``,
    ``ils ont été priés de``): its subject is who is asked, not who speaks."""
    aux = participle_auxiliary(ix, k)
    return aux is not None and aux != "avoir"


def _complement(ctx: _Ctx, k: int, cb: int, se: int) -> Optional[tuple[int, str]]:
    """The start token of a que-clause, infinitive or adjective complement after verb k."""
    ix = ctx.ix
    j = cb
    steps = 0
    se_verb = ix.low(k - 1) in ("se", "s'") or (k > 1 and ix.low(k - 2) in ("se", "s'"))
    while j < se and steps < 10:
        low = ix.low(j)
        t = ix.toks[j]
        if low in _QUE:
            if j > cb and ix.low(j - 1) in _SUBORDINATORS:
                return None  # "…, dit-il, alors qu'une mineure comparaissait": a clause of time or cause
            return (j + 1, "que") if j + 1 < se else None
        if low in ("qu", "d") and j + 2 < se and ix.text(j + 1) in ("'", "’"):
            # "qu’« aucun effort »", "d’« agir vite »": the tokenizer splits an elision before a mark
            if low == "qu":
                return j + 2, "que"
            if _infinitive_at(ix, j + 2, se) and not _passive(ix, k):
                return j, "inf"
        if low in ("à", "de", "d'") and _infinitive_at(ix, j + 1, se) and not _passive(ix, k):
            # "appelle à ne pas prendre la route", "propose de se retirer": the infinitive clause asked for
            return j, "inf"
        if low in ("de", "d'") and j + 1 < se and _infinitive_at(ix, j + 1, j + 2):
            return j, "inf"
        if (
            low in ("de", "d'")
            and j + 2 < se
            and ix.text(j + 1) in ('"', "«", "“")
            and "Inf" in ix.toks[j + 2].morph.get("VerbForm")
        ):
            return j, "inf"
        day = _day_and_month(ix, j, se)
        if day is None:
            day = _aside_at(ix, j, se)  # "assure de son côté que ...", "estime pour sa part que ..."
        if day is not None:
            j = day  # "a indiqué le mardi 21 mai 2019, que ..."
            steps += 1
            continue
        if t.pos_ == "DET" and j == cb:
            # "appeler les parents à consulter": an object, then à + infinitive
            np = _np_after(ix, j, se)
            if np and np[1] + 1 < se and ix.low(np[1]) == "à" and "Inf" in ix.toks[np[1] + 1].morph.get("VerbForm"):
                return j, "inf"
            if (
                not _passive(ix, k)
                and np
                and np[1] + 1 < se
                and ix.low(np[1]) in ("à", "de", "d'")
                and _infinitive_at(ix, np[1] + 1, se)
            ):
                return np[1], "inf"  # the object is who is asked: the content is what
            if not _passive(ix, k) and np and np[1] + 1 < se and ix.low(np[1]) in _QUE:
                return np[1] + 1, "que"  # "a informé les salariés que ...": who is told, then what
            return None
        if low in ("ne", "n'") and j + 1 < se and ix.low(j + 1) in ("pas", "plus", "jamais", "rien"):
            v = j + 2
            while v < se - 1 and ix.low(v) in _OBJ_CLITICS:
                v += 1  # "a précisé ne pas se faire de souci", "ne pas le savoir"
            if v < se and "Inf" in ix.toks[v].morph.get("VerbForm"):
                return j, "inf"
        if t.pos_ in ("VERB", "AUX") and "Inf" in t.morph.get("VerbForm") and low not in _TIME_WORDS:
            # ("jeudi" may be tagged as an infinitive)
            if j == cb or all(ix.toks[m].pos_ == "ADV" for m in range(cb, j)):
                return (j - 1 if j > cb and ix.low(j - 1) in ("ne", "n'", "n’") else j), "inf"  # "n'avoir rien su"
            return None
        if (
            se_verb
            and j == cb
            and t.pos_ in ("ADJ", "NOUN")
            and j + 1 < se
            and ix.low(j + 1) in ("à", "de", "d'", "prêt", "prête")
        ):
            return j, "adj"
        if (
            se_verb
            and j == cb
            and (
                t.pos_ == "ADJ" or (t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") and not low.endswith("ant"))
            )
        ):
            return j, "adj"  # "se dit inquiet", "se dit épuisé par ..."
        if low in ("lors", "auprès") and j + 1 < se and ix.low(j + 1) in _DE_FORMS:
            # "a déclaré, lors d'une conférence de presse, que ...", "auprès de ses proches"
            np = _np_after(ix, j + 2, se)
            if np is None or (np[1] < se and ix.low(np[1]) in _QUE):
                return None  # "lors d'un forum que la chambre avait organisé": a relative clause
            j = np[1]
            steps += 1
            continue
        if t.pos_ == "ADV" or low.startswith("-") or low in ("lui", "leur", "nous", "vous"):
            j += 1
            steps += 1
            continue
        if low in _TIME_WORDS:
            j += 1
            steps += 1
            continue
        if t.pos_ in ("ADJ",) or (
            t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") and not low.endswith("ant") and j > cb
        ):
            j += 1
            steps += 1
            continue
        if low in (
            "à",
            "au",
            "aux",
            "auprès",
            "devant",
            "lors",
            "pour",
            "en",
            ",",
            "dans",
            "sur",
            "sans",
            "avec",
            "par",
            "après",
            "avant",
            "depuis",
            "lundi",
        ):
            # an indirect object or an adverbial ("à Sputnik", "aux Etats-Unis", "à l'armée")
            if low == ",":
                j += 1
                steps += 1
                continue
            np = _np_after(ix, j + 1, se)
            if np is None:
                if low in _TIME_WORDS:
                    j += 1
                    steps += 1
                    continue
                return None
            j = np[1]
            steps += 1
            continue
        return None
    return None
