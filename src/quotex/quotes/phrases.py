"""Where the speaker is named: noun phrases and subjects around a cue (``SpeakerRef``)."""

from __future__ import annotations

from typing import Optional

from .. import resources
from .lexicon import (
    _ASIDE_NOUNS,
    _DE_ADVERBS,
    _DE_FORMS,
    _DETERMINERS,
    _MARKER_PRONOUNS,
    _MONTHS,
    _NP_INNER,
    _OBJ_CLITICS,
    _POSSESSIVES,
    _PRONOUNS,
    _QUE,
    _SKIP_PREPS,
    _TIME_WORDS,
)
from .records import SpeakerRef
from .tokens import TokenIndex
from .verbs import _gerund, _inverted_pronoun


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


def _subject_before(ix: TokenIndex, k: int) -> Optional[tuple[int, int]]:
    """The subject of verb k from the dependency parse (nsubj), as token range of its phrase."""
    tok = ix.toks[k]
    cands = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if not cands:
        # the parse may hang the subject on the auxiliary ("Son mari a par ailleurs estimé")
        cands = [c for a in tok.children if a.dep_.startswith("aux") for c in a.children if c.dep_ == "nsubj"]
    if not cands and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
        cands = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if not cands:
        return None
    # the parse may give a verb two subjects: the one nearest before it is the right one
    before = [c for c in cands if c.i < tok.i]
    c = max(before, key=lambda t: t.i) if before else cands[0]
    if c.lower_ == "qui" and c.head.head.i != c.head.i:
        ante = c.head.head
        a = ix.index(ante)
        q = ix.index(c)
        if a < 0 or q < 0 or a >= q:
            return None
        s = a
        while s > 0 and ix.toks[s - 1].pos_ == "DET" and s - 1 >= a - 2:
            s -= 1
        e = q
        while e > a + 1 and ix.toks[e - 1].is_punct:
            e -= 1
        if ante.pos_ not in ("NOUN", "PROPN") or e - s > 8 or any(ix.text(m) in '"«»“”' for m in range(s, e)):
            return _np_before_relative(ix, q)  # the parse's antecedent is too far: the phrase before qui
        return s, e
    left = [t for t in c.subtree if t.i <= c.i or ix.index(t) < k]
    ks = [ix.index(t) for t in left if ix.index(t) >= 0 and not t.is_punct]
    # stop a subject phrase at a comma that is followed by a relative or a participle clause
    if not ks:
        return None
    a, b = min(ks), max(ks) + 1
    ci = ix.index(c)
    if ci < 0:
        return None
    # keep the part around the head noun, cutting relative clauses ("qui participent ...")
    for j in range(ci + 1, b):
        if ix.low(j) in ("qui", "que", "dont", "lequel", "laquelle") and ix.text(j - 1) == ",":
            b = j - 1
            break
        if ix.text(j - 1) == "," and ix.toks[j].pos_ == "ADP" and ix.low(j) not in _DE_FORMS:
            b = j - 1  # "Le syndicat, par la voix de son secrétaire, a affirmé": a phrase set off by commas
            break
    while a < b and (ix.toks[a].is_punct or ix.low(a) in _QUE):
        a += 1  # (and "que" the parse left in it: "c'est que l'expert a considéré")
    # "Marie Le Goff (PS) a estimé": the party in brackets is no part of the speaker's name,
    # and the first name the parse left out of the subject is
    bracket = next((j for j in range(a + 1, b) if ix.text(j) == "("), None)
    if bracket is not None:
        b = bracket
    while (
        a > 0
        and ix.toks[a - 1].ent_type_ == "PER"
        and ix.toks[a - 1].pos_ == "PROPN"
        and ix.toks[a].pos_ in ("DET", "PROPN")
    ):
        a -= 1
    if b <= a or b > k:
        b = min(b, k)
    if b - a > 2 and ix.low(b - 1) in ("eux", "elles", "lui", "elle") and ix.text(b - 2) == ",":
        b -= 2  # "Les riverains, eux, estiment": the stressed pronoun only repeats the subject
    while b > a + 1 and ix.toks[b - 1].pos_ == "PRON" and ix.low(b - 1) in _OBJ_CLITICS:
        b -= 1  # "Le maire lui a répondu": the object pronoun before the verb is no part of the subject
    if b - 1 >= 0 and ix.low(b - 1) in ("ci", "là"):
        # "Celui-ci se dit": the demonstrative the tokenizer split
        j = b - 2 if b >= 2 and ix.text(b - 2) == "-" else b - 1
        if j >= 1 and ix.low(j - 1) in ("celui", "celle"):
            a = min(a, j - 1)
    return (a, b) if a < b else None


def _np_before_relative(ix: TokenIndex, q: int) -> Optional[tuple[int, int]]:
    """The noun phrase right before the relative pronoun at ``q`` (``dans ce communiqué, qui
    rappelle ...``, ``du compte « L'Œil gauche », qui estimait ...``), at most eight tokens."""
    e = q
    while e > 0 and ix.text(e - 1) == ",":
        e -= 1
    s = e
    while (
        s > 0
        and e - s < 8
        and (
            ix.toks[s - 1].pos_ in ("NOUN", "PROPN", "ADJ", "DET")
            or ix.low(s - 1) in _DE_FORMS
            or ix.text(s - 1) in ("«", "»", "“", "”", '"')
        )
    ):
        s -= 1
    while s < e and ix.low(s) in _DE_FORMS:
        s += 1
    return (s, e) if any(ix.toks[m].pos_ in ("NOUN", "PROPN") for m in range(s, e)) else None


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
    if ("Part" in form and ix.low(k).endswith("ant")) or _gerund(ix, k):
        return SpeakerRef("participle")
    if "Inf" in form and k > 0 and ix.low(k - 1) in ("d'", "de"):
        return SpeakerRef("inherit")
    subj = _subject_before(ix, k)
    if subj is not None and subj[1] <= a:
        s, e = subj
        if e - s == 1 and ix.low(s) in _PRONOUNS:
            return SpeakerRef("pronoun", ix.starts[s], ix.ends[s])
        return SpeakerRef("np", ix.starts[s], ix.ends[e - 1])
    after = _subject_after(ix, b, limit)
    if after is not None and any(ix.toks[m].dep_ == "obj" and ix.toks[m].head.i == tok.i for m in range(*after)):
        after = None  # "résume le sentiment général : « … »": the verb's object, no inverted subject
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


def _opening_np(ix: TokenIndex, a: int) -> Optional[tuple[int, int]]:
    """The noun phrase opening the sentence right before the cue at token ``a`` (``Un lycéen
    ajoute : « … »``), or closed by a comma when an aside set off by commas stands between it and
    the cue (``Une habitante, venue avec ses enfants, résume …``): its subject, which the parse
    lost."""
    sa, _ = ix.sentence(a)
    if a - 1 <= sa or ix.low(sa) not in _DETERMINERS:
        return None
    np = _np_after(ix, sa, a)
    if np is not None and np[1] == a and a - sa <= 4:
        return np  # "Un lycéen ajoute : « … »": the phrase right before the cue opens the sentence
    if ix.text(a - 1) != ",":
        return None
    if np is None or np[1] >= a - 2 or ix.text(np[1]) != ",":
        return None
    if any(ix.text(m) == "," for m in range(np[1] + 1, a - 1)) or a - np[1] > 12:
        return None
    return np


def _np_before_cue(ix: TokenIndex, a: int) -> Optional[tuple[int, int]]:
    """A noun phrase after a comma right up to the cue at token ``a``, when the parse found no
    subject (``Joint au téléphone, le syndicaliste estime que ...``: the article tagged as an object)."""
    sa, _ = ix.sentence(a)
    for c in range(a - 2, max(sa, a - 8) - 1, -1):
        if ix.text(c) == ",":
            break
    else:
        return None
    if ix.low(c + 1) not in _DETERMINERS:
        return None
    np = _np_after(ix, c + 1, a)
    return np if np is not None and np[1] == a and np[1] - np[0] >= 2 else None


def _name_before(ix: TokenIndex, a: int) -> Optional[tuple[int, int]]:
    """The nearest name before token a in its sentence that stands in subject position
    (not inside a prepositional phrase or a coordination): the parse's fallback."""
    sa, _ = ix.sentence(a)
    j = a - 1
    while j >= sa:
        if ix.toks[j].pos_ == "PROPN" and not ix.toks[j].is_punct:
            e = j + 1
            s = j
            while s - 1 >= sa and ix.toks[s - 1].pos_ == "PROPN":
                s -= 1
            prev = ix.toks[s - 1] if s - 1 >= sa else None
            if prev is not None and prev.text == "(" and e < len(ix) and ix.text(e) == ")":
                j = s - 1  # "Marie Le Goff (PS) a estimé": a party in brackets, not the speaker
                continue
            if (
                prev is None
                or prev.is_punct
                or (prev.pos_ == "DET" and (s - 2 < sa or ix.toks[s - 2].pos_ not in ("ADP",)))
                or prev.pos_ == "NOUN"
            ):
                if not any(ix.text(m) in '"«»“”' for m in range(s, e)):
                    return s, e
            j = s - 1
            continue
        j -= 1
    return None


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
