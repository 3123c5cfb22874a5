"""Reporting verbs and their cues: the verb test, the cue span, negation and hypotheticals."""

from __future__ import annotations

from typing import Any, Optional

from .. import resources
from ..marks import CLOSERS as _CLOSERS
from ..nlp import lemma
from .lexicon import _MODALS, _NEGATORS, _OBJ_CLITICS, _SPEECH_LEADERS, _SUBJ_CLITICS, _VERB_ASIDES
from .tokens import TokenIndex


def _lemma(tok: Any) -> str:
    return lemma(tok).replace("’", "'")


def verb_class(ix: TokenIndex, k: int) -> Optional[str]:
    """``speech`` or ``cue`` when token k is a reporting verb, else None (memoised per index)."""
    try:
        return ix.verb_classes[k]
    except KeyError:
        cls = ix.verb_classes[k] = _verb_class(ix, k)
        return cls


def _verb_class(ix: TokenIndex, k: int) -> Optional[str]:
    if not ix.may_report(k):
        return None
    low = ix.low(k)
    forms = resources.verb_forms()
    tok = ix.toks[k]
    verbs = resources.reporting_verbs()
    lemma = (
        forms.get(low)
        if tok.pos_ in ("VERB", "AUX", "ADV", "ADJ", "PROPN", "X", "INTJ")
        or (tok.pos_ == "NOUN" and (k == 0 or ix.toks[k - 1].pos_ not in ("DET", "ADP") or _gerund(ix, k)))
        else None
    )
    if (
        lemma is None
        and k + 1 < len(ix)
        and ix.low(k + 1) in ("que", "qu'", "qu’")
        and (k == 0 or ix.toks[k - 1].pos_ not in ("DET", "ADP"))
    ):
        # "Paul Roux, qui préside l'association, regrette que …": a verb form before que, whatever
        # its tag (a determiner never comes before que; "le doute que" has its article)
        lemma = forms.get(low)
    if lemma is None:
        if tok.pos_ not in ("VERB", "AUX") and not _incise_slot(ix, k):
            return None
        lemma = _lemma(tok)
    prev = ix.low(k - 1) if k > 0 else ""
    if prev in ("se", "s'") or (k > 1 and ix.low(k - 2) in ("se", "s'") and ix.toks[k - 1].pos_ == "AUX"):
        # a reflexive verb reports speech only when listed so ("se poursuivre": to go on)
        return verbs.get("se " + lemma) or verbs.get("s'" + lemma)
    if lemma in ("faire", "laisser", "mettre") and k + 1 < len(ix):
        j = k + 1
        while j < len(ix) and ix.text(j).startswith("-"):
            j += 1
        if j < len(ix):
            nxt = _lemma(ix.toks[j])
            if f"{lemma} {nxt}" in verbs:
                return verbs[f"{lemma} {nxt}"]
            if j + 1 < len(ix) and f"{lemma} {ix.low(j)} {ix.low(j + 1)}" in verbs:
                return verbs[f"{lemma} {ix.low(j)} {ix.low(j + 1)}"]
    return verbs.get(lemma)


def _incise_slot(ix: TokenIndex, k: int) -> bool:
    """Token k follows a closing quotation mark and its comma (« ... », écrivent les syndicats):
    the verb slot of an incise, where the small model often tags a plural verb as an adverb."""
    return (
        k > 1
        and ix.low(k - 1) == ","
        and (ix.text(k - 2) in _CLOSERS or ix.text(k - 2) == '"')
        and ix.toks[k].pos_ != "PUNCT"
    )


def _gerund(ix: TokenIndex, k: int) -> bool:
    """``en estimant``: a gerund, whatever tag the model gave the -ant form."""
    return k > 0 and ix.low(k - 1) == "en" and ix.low(k).endswith("ant")


def _main_verb(ix: TokenIndex, k: int) -> int:
    """For ``faire savoir`` and the like, the second verb ends the cue."""
    if _lemma(ix.toks[k]) in ("faire", "laisser", "mettre"):
        j = k + 1
        while j < len(ix) and ix.text(j).startswith("-"):
            j += 1
        if j < len(ix) and ix.low(j) == "en":
            j += 1
        return min(j, len(ix) - 1)
    return k


def _auxiliary(ix: TokenIndex, j: int) -> bool:
    """Token ``j`` is an auxiliary, also when the model tagged ``a`` or ``est`` as a verb."""
    t = ix.toks[j]
    return t.pos_ == "AUX" or (t.pos_ == "VERB" and t.dep_.startswith("aux") and _lemma(t) in ("avoir", "être"))


def cue_span(ix: TokenIndex, k: int) -> tuple[int, int]:
    """Token range [a, b) of the verb group around reporting verb k (auxiliaries, clitics, -t-il)."""
    a = k
    j = k - 1
    steps = 0
    while j >= 0 and steps < 5 and ix.seg[j] is ix.seg[k]:
        t = ix.toks[j]
        low = ix.low(j)
        if (
            _auxiliary(ix, j)
            or low.startswith("-")
            or low in _OBJ_CLITICS
            or (low in _SUBJ_CLITICS and j > 0 and ix.text(j - 1) in ("-", "-t"))
        ):
            a = j
        elif t.pos_ == "ADV" or (low in ("de", "son", "sa", "leur", "côté", "part", "ailleurs", "par") and steps < 4):
            pass
        else:
            break
        j -= 1
        steps += 1
    # do not start on an adverb or a preposition
    while a < k and not _auxiliary(ix, a) and not ix.low(a).startswith("-") and ix.low(a) not in _OBJ_CLITICS:
        a += 1
    b = _main_verb(ix, k) + 1
    while (
        b < len(ix)
        and ix.seg[b] is ix.seg[k]
        and ix.starts[b] == ix.ends[b - 1]
        and (ix.text(b).startswith("-") or (ix.text(b - 1) in ("-", "-t") and ix.low(b) in _SUBJ_CLITICS))
    ):
        b += 1
    return a, b


def _inverted_pronoun(ix: TokenIndex, a: int, b: int) -> Optional[int]:
    """The inverted subject clitic in tokens [a, b]: ``-il``, ``-t-elle``, or ``-`` then ``elles``."""
    for j in range(a, min(b + 1, len(ix))):
        low = ix.low(j)
        if low.startswith("-") and low.lstrip("-t").lstrip("-") in _SUBJ_CLITICS:
            return j
        if (
            low in ("-", "-t", "-t-")
            and j + 1 < len(ix)
            and ix.low(j + 1).lstrip("-") in _SUBJ_CLITICS
            and ix.starts[j + 1] == ix.ends[j]
        ):
            return j + 1
    return None


def _negated(ix: TokenIndex, a: int, b: int) -> bool:
    lo = max(0, a - 2)
    hi = min(len(ix), b + 2)
    has_ne = any(ix.low(j) in ("ne", "n'") for j in range(lo, b))
    has_neg = any(ix.low(j) in _NEGATORS for j in range(a, hi))
    # "sans révéler", "sans le dire": a verb after sans is what was not done
    without = any(ix.low(j) == "sans" for j in range(lo, a)) and "Inf" in ix.toks[b - 1].morph.get("VerbForm")
    return (has_ne and has_neg) or without


def _hypothetical(ix: TokenIndex, k: int, a: int) -> bool:
    tok = ix.toks[k]
    morph = tok.morph
    if "Fut" in morph.get("Tense") and "Fin" in morph.get("VerbForm"):
        return True
    if "Cnd" in morph.get("Mood") and "Part" not in morph.get("VerbForm"):
        return True
    for j in range(a, k):
        m = ix.toks[j].morph
        if ix.toks[j].pos_ == "AUX" and "Fut" in m.get("Tense"):
            return True
    # an infinitive under a modal or a non-reporting verb ("pourrait annoncer", "refuse de dire")
    if "Inf" in morph.get("VerbForm"):
        head = tok.head
        if head is not tok and head.pos_ in ("VERB", "AUX") and _lemma(head) in _MODALS:
            return True
        if (
            head is not tok
            and head.pos_ == "VERB"
            and _lemma(head) not in resources.reporting_verbs()
            and _lemma(head) not in _SPEECH_LEADERS
        ):
            prev = ix.low(k - 1) if k > 0 else ""
            if prev not in ("d'", "de"):
                return True
    # a clause introduced by "si"
    for child in tok.children:
        if child.dep_ == "mark" and child.lower_ in ("si", "s'"):
            return True
    sa, _ = ix.sentence(k)
    for j in range(max(sa, k - 4), k):
        if ix.low(j) in ("si", "s'") and (j + 1 < len(ix) and ix.low(j + 1) in ("il", "ils", "elle", "elles", "on")):
            return True
    return False


def _before_inverted_pronoun(ix: TokenIndex, k: int, limit: int) -> bool:
    """``convient-elle``, ``tranche-t-il``: a word followed by an inverted subject pronoun is a
    verb, whatever tag the model gave it."""
    if k + 1 >= limit or not ix.text(k + 1).startswith("-") or ix.toks[k].is_punct:
        return False
    nxt = ix.low(k + 1).replace("-t-", "-")
    if nxt == "-t" and k + 2 < limit:
        nxt = "-" + ix.low(k + 2).lstrip("-")
    return nxt.lstrip("-") in _SUBJ_CLITICS


def participle_auxiliary(ix: TokenIndex, k: int) -> Optional[str]:
    """For a past participle at ``k``, what builds it (adverbs and negation before it skipped):
    ``avoir``, ``être``, ``se être`` (a pronominal verb: ``s'est dit``), ``été`` (``avaient été
    rapportés``) or ``""`` (nothing: ``les riverains invités à``); None when ``k`` is no past
    participle."""
    if "Part" not in ix.toks[k].morph.get("VerbForm") or ix.low(k).endswith("ant"):
        return None
    j = k - 1
    while j >= 0 and (ix.toks[j].pos_ == "ADV" or ix.low(j) in _NEGATORS or (ix.low(j) in _VERB_ASIDES and k - j <= 4)):
        j -= 1  # (and an aside: "a par ailleurs estimé", "a lui aussi rappelé")
    if j < 0:
        return ""
    if ix.low(j) == "été":
        return "été"
    if ix.toks[j].pos_ == "AUX" or (
        ix.toks[j].pos_ == "VERB" and _lemma(ix.toks[j]) in ("avoir", "être") and j < k - 1
    ):
        aux = _lemma(ix.toks[j])
        if aux == "être" and j > 0 and ix.low(j - 1) in ("se", "s'", "me", "m'", "te", "t'", "nous", "vous"):
            return "se être"
        if aux in ("avoir", "être"):
            return aux
    return ""


def passive_voice(ix: TokenIndex, k: int) -> bool:
    """Verb ``k`` is a past participle in the passive voice (``ont été relatés``, ``est
    invité``): what it reports is not its subject's words. ``s'est dit`` is not passive."""
    return participle_auxiliary(ix, k) in ("été", "être")
