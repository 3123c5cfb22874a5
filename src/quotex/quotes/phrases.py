"""Where the speaker is named after a cue (an inverted subject, a noun phrase after the verb, a
source after a date or an aside) and the ``SpeakerRef`` of a cue verb; before it, see ``subjects``."""

from __future__ import annotations

from typing import Optional

from .. import nouns, resources
from .lexicon import (
    _ASIDE_NOUNS,
    _DE_ADVERBS,
    _MARKER_PRONOUNS,
    _MONTHS,
    _NP_INNER,
    _OBJ_CLITICS,
    _POSSESSIVES,
    _PRONOUNS,
    _SKIP_PREPS,
    _TIME_WORDS,
)
from .nounphrases import _np_after, _one_of
from .records import SpeakerRef
from .subjects import _name_before, _np_before_cue, _opening_np, _subject_before
from .tokens import TokenIndex
from .verbs import _gerund, _inverted_pronoun


def _subject_after(ix: TokenIndex, j: int, limit: int) -> Optional[tuple[int, int]]:
    """The inverted subject after a cue: skip adverbs, dates and a prepositional phrase or two."""
    skips = 0
    while j < limit and skips < 4:
        t = ix.toks[j]
        low = ix.low(j)
        if (t.pos_ == "ADV" or low in _TIME_WORDS) and low not in _SKIP_PREPS:
            j += 1
            continue
        m = _day_and_month(ix, j, limit)
        if m is not None:
            j = m  # "a déclaré le 3 mars la préfète", "annonce mardi 7 novembre le parquet"
            continue
        if t.text == ",":
            # "a précisé, mardi 17 mars 2020, Paul Roux": a date set off by commas
            m = _after_date(ix, j + 1, limit)
            if m is None:
                m = _after_aside(ix, j + 1, limit)
            if m is None:
                break
            j = m + 1 if m < limit and ix.text(m) == "," else m
            continue
        if low in ("d'", "de") and j + 1 < limit and ix.low(j + 1) in _DE_ADVERBS:
            j += 2  # "affirme d'emblée X", "déclare de nouveau X"
            continue
        if low in _SKIP_PREPS or (t.pos_ == "ADP" and low not in _NP_INNER):
            k = j + 1
            if t.pos_ == "ADV" and k < limit and ix.low(k) in _NP_INNER:
                k += 1  # "lors d'une conférence de presse", "auprès de ses proches"
            np = _np_after(ix, k, limit)
            if np is None:
                return None
            indefinite = _indefinite_inside(ix, np)
            nxt = _name_inside(ix, np) or indefinite or np[1]
            if indefinite is not None and nxt == indefinite:
                j = nxt  # "des" of "à l'AFP des sources" may be tagged as a preposition
                skips += 1
                continue
            if (
                nxt + 1 < limit
                and ix.text(nxt) == ","
                and (ix.toks[nxt + 1].pos_ in ("DET", "PROPN") or ix.text(nxt + 1)[:1].isupper())
            ):
                nxt += 1  # "a confié à la radio nationale, le ministre": a comma after the phrase
            if (
                nxt < limit
                and (ix.toks[nxt].pos_ in ("DET", "PROPN") or ix.text(nxt)[:1].isupper() or _one_of(ix, nxt, limit))
                and not ix.toks[nxt].is_punct
            ):
                j = nxt
                skips += 1
                continue
            return None
        break
    np = _np_after(ix, j, limit)
    if np is None:
        return None
    a, b = np
    # "un communiqué lu par X": the person who read or signed it
    if b + 1 < limit and ix.toks[b].pos_ in ("VERB", "ADJ") and ix.low(b + 1) == "par":
        inner = _np_after(ix, b + 2, limit)
        if inner:
            return inner
    if b < limit and ix.low(b) == "par" and b - 1 > a:
        inner = _np_after(ix, b + 1, limit)
        if inner:
            return inner
    if (
        b + 1 < limit
        and ix.toks[b].pos_ in ("VERB", "ADJ")
        and "Part" in ix.toks[b].morph.get("VerbForm")
        and ix.toks[b + 1].pos_ == "ADP"
        and nouns.noun_class(ix.low(b - 1)) == "person"
    ):
        # "souffle cette institutrice venue de la région de Charleroi": a participle phrase
        # describing the speaker, to the sentence's end
        e = b + 1
        while e < limit and not ix.toks[e].is_punct and e - b < 12:
            e += 1
        if e >= limit or ix.text(e) in (".", "!", "?", "…"):
            return a, e
    return a, b


def _after_date(ix: TokenIndex, j: int, limit: int) -> Optional[int]:
    """The token after a date or time phrase starting at ``j`` (``mardi 17 mars 2020``,
    ``ce lundi soir``), or None when none starts there."""
    dates = resources.date_words()
    m = j
    while m < limit and (
        ix.toks[m].like_num or ix.low(m) in dates or ix.low(m) in _TIME_WORDS or ix.low(m) in ("le", "ce")
    ):
        m += 1
    if any(ix.toks[n].like_num or ix.low(n) in dates for n in range(j, m)):
        return m
    return None


def _aside_at(ix: TokenIndex, j: int, limit: int) -> Optional[int]:
    """The token after an aside starting at ``j`` (``pour sa part``, ``de son côté``, ``à son
    tour``, ``quant à lui``, ``lui aussi``), or None."""
    if j + 2 < limit and ix.low(j) in ("pour", "de", "à", "du") and ix.low(j + 1) in _POSSESSIVES:
        return j + 3 if ix.low(j + 2) in _ASIDE_NOUNS else None
    if j + 2 < limit and ix.low(j) == "quant" and ix.low(j + 1) in ("à", "au", "aux"):
        return j + 3
    if j + 1 < limit and ix.low(j) in _MARKER_PRONOUNS and ix.low(j + 1) in ("aussi", "également", "non", "même"):
        return j + 2
    return None


def _after_aside(ix: TokenIndex, j: int, limit: int) -> Optional[int]:
    """The token after an aside set off by commas (``, pour sa part,``) whose first word is at ``j``."""
    m = _aside_at(ix, j, limit)
    return m if m is not None and m < limit and ix.text(m) == "," else None


def _day_and_month(ix: TokenIndex, j: int, limit: int) -> Optional[int]:
    """The token after a date written with its day and month at ``j`` (``le 3 mars``, ``mardi 7
    novembre 2023``), or None."""
    m = j
    if m < limit and ix.low(m) in ("le", "ce"):
        m += 1
    if m < limit and ix.low(m) in _TIME_WORDS:
        m += 1
    if not (m + 1 < limit and ix.toks[m].like_num and ix.low(m + 1) in _MONTHS):
        return None
    m += 2
    if m < limit and ix.toks[m].like_num:
        m += 1  # the year
    return m


def _indefinite_inside(ix: TokenIndex, np: tuple[int, int]) -> Optional[int]:
    """In the object of a preposition after a cue, an indefinite noun phrase after a name (``à
    l'AFP | des sources policières``, ``au Parisien | une proche``): the inverted subject."""
    for m in range(np[0] + 1, np[1] - 1):
        if (
            ix.text(m - 1)[:1].isupper()  # a name, whatever its tag ("Franceinfo" as a noun)
            and ix.low(m) in ("des", "un", "une")
            and ix.text(m + 1)[:1].islower()
            and ix.toks[m + 1].pos_ in ("NOUN", "ADJ")
        ):
            return m
    return None


def _name_inside(ix: TokenIndex, np: tuple[int, int]) -> Optional[int]:
    """In the object of a preposition after a cue, where a person's name follows a common noun
    that is no role (``dans un communiqué | Marie Roux``): the name is the inverted subject, not
    an apposition (``au préfet Jean Roux`` keeps its name)."""
    names = resources.first_names()
    roles = resources.role_nouns()
    for m in range(np[0] + 1, np[1]):
        prev = ix.toks[m - 1]
        t = ix.toks[m]
        starts_name = (t.ent_iob_ == "B" and t.ent_type_ == "PER") or (t.lower_ in names and t.text[:1].isupper())
        if starts_name and prev.pos_ == "NOUN" and prev.text[:1].islower() and ix.low(m - 1) not in roles:
            return m
    return None


def _impersonal_source(ix: TokenIndex, pron: int, limit: int) -> Optional[SpeakerRef]:
    """``explique-t-on à la mairie``, ``assure-t-on du côté de la préfecture``, ``indique-t-on
    chez Renault``: after an inverted ``on``, the place the words come from speaks."""
    if ix.low(pron).lstrip("-t").lstrip("-") != "on":
        return None
    j = pron + 1
    if j + 1 < limit and ix.low(j) in ("du", "de") and ix.low(j + 1) == "côté":
        j += 2  # "du côté de la mairie", "du côté du parquet"
    if j >= limit or ix.low(j) not in ("à", "au", "aux", "chez", "dans", "de", "d'", "d’", "du", "des"):
        return None
    np = _np_after(ix, j + 1, limit)
    return SpeakerRef("np", ix.starts[np[0]], ix.ends[np[1] - 1]) if np else None


def _ref_after(ix: TokenIndex, k: int, a: int, b: int, limit: int) -> SpeakerRef:
    """Speaker of a cue that follows its quotation: an inverted pronoun or the phrase after it."""
    pron = _inverted_pronoun(ix, a, b)
    if pron is not None:
        return _impersonal_source(ix, pron, limit) or SpeakerRef("pronoun", ix.starts[pron], ix.ends[pron])
    after = _subject_after(ix, b, limit)
    if after is not None:
        return _np_or_pronoun(ix, after)
    return SpeakerRef("inherit")


def _ref_for_verb(ix: TokenIndex, k: int, a: int, b: int, limit: int) -> SpeakerRef:
    """Who is speaking for the reporting verb k with cue tokens [a, b)."""
    pron = _inverted_pronoun(ix, a, b)
    if pron is not None:
        return SpeakerRef("pronoun", ix.starts[pron], ix.ends[pron])
    tok = ix.toks[k]
    form = tok.morph.get("VerbForm")
    if (ix.low(k).endswith("ant") and ("Part" in form or tok.pos_ != "VERB")) or _gerund(ix, k):
        return SpeakerRef("participle")  # ("Rappelant que …" opening a sentence may be tagged a noun)
    if "Inf" in form:
        # "Le maire a tenu à rappeler que …": the infinitive's subject is its governing verb's
        head = ix.index(tok.head) if tok.head is not tok else -1
        subj = _subject_before(ix, head) if head >= 0 and head < k else None
        if subj is not None and subj[1] <= a:
            return _np_or_pronoun(ix, subj)
        if k > 0 and ix.low(k - 1) in ("d'", "de"):
            return SpeakerRef("inherit")
    subj = _subject_before(ix, k)
    if subj is None:
        clitic = _clitic_subject(ix, a)
        if clitic is not None:
            # "Il leur a promis de …": the parse hung the subject pronoun nowhere
            return SpeakerRef("pronoun", ix.starts[clitic], ix.ends[clitic])
    if subj is not None and subj[1] <= a:
        s, e = subj
        if e - s == 1 and ix.low(s) in _PRONOUNS:
            return SpeakerRef("pronoun", ix.starts[s], ix.ends[s])
        return SpeakerRef("np", ix.starts[s], ix.ends[e - 1])
    after = _subject_after(ix, b, limit)
    if after is not None and any(ix.toks[m].dep_ == "obj" and ix.toks[m].head.i == tok.i for m in range(*after)):
        after = None  # "résume le sentiment général : « … »": the verb's object, no inverted subject
    if after is not None and all(ix.toks[m].pos_ == "ADJ" and ix.text(m).islower() for m in range(*after)):
        after = None  # "juge indispensable que …": an attribute, no subject
    if after is None and subj is None:
        opening = _opening_np(ix, a)
        if opening is not None:
            return SpeakerRef("np", ix.starts[opening[0]], ix.ends[opening[1] - 1])
    if after is not None:
        s, e = after
        if e - s == 1 and ix.low(s) in _PRONOUNS:
            return SpeakerRef("pronoun", ix.starts[s], ix.ends[s])
        return SpeakerRef("np", ix.starts[s], ix.ends[e - 1])
    if subj is not None:
        s, e = subj
        return SpeakerRef("np", ix.starts[s], ix.ends[e - 1])
    adjacent = _np_before_cue(ix, a)
    if adjacent is not None:
        return SpeakerRef("np", ix.starts[adjacent[0]], ix.ends[adjacent[1] - 1])
    name = _name_before(ix, a)
    if name is not None:
        return SpeakerRef("np", ix.starts[name[0]], ix.ends[name[1] - 1])
    return SpeakerRef("inherit")


def _clitic_subject(ix: TokenIndex, a: int) -> Optional[int]:
    """A subject pronoun right before the cue at token ``a``, past object clitics and the
    negation (``Il leur a promis``, ``Elle ne l'a pas dit``)."""
    j = a - 1
    while j >= 0 and (ix.low(j) in _OBJ_CLITICS or ix.low(j) in ("ne", "n'", "n’", "y", "en")) and a - j < 4:
        j -= 1
    return j if j >= 0 and ix.low(j) in ("il", "elle", "ils", "elles") else None


def _sentence_stop(ix: TokenIndex, k: int, se: int) -> int:
    """The end of k's sentence by punctuation (the parser sometimes ends it early at a name)."""
    j = k
    seg = ix.seg[k]
    while j < len(ix) and ix.seg[j] is seg and j - k < 60:
        if ix.text(j) in (".", "!", "?", "…"):
            return max(se, j + 1)
        j += 1
    return max(se, j)


def _ends_clause(ix: TokenIndex, after: int, limit: int, phrase_after: bool = True) -> bool:
    """An inverted subject ending before token ``after`` closes its clause: the sentence ends or
    punctuation follows (``, rapporte Le Parisien.``), or (``phrase_after``) a closing bracket or a
    prepositional phrase (``, a déclaré le procureur lors de l'audience``); not a complement of the
    verb."""
    if after >= limit or ix.text(after) in (",", ".", "(", "!", "?", ";"):
        return True
    return phrase_after and (ix.text(after) == ")" or ix.toks[after].pos_ == "ADP")


def _np_or_pronoun(ix: TokenIndex, np: tuple[int, int]) -> SpeakerRef:
    s, e = np
    if e - s == 2 and ix.low(s) == "t" and ix.low(s + 1) in _PRONOUNS:
        s += 1  # "dira t-il": the hyphen before t left out
    if e - s == 1 and ix.low(s) in _PRONOUNS:
        return SpeakerRef("pronoun", ix.starts[s], ix.ends[s])
    return SpeakerRef("np", ix.starts[s], ix.ends[e - 1])
