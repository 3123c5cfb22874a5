"""Stage 4: quotation candidates: direct, indirect and mixed, each with its cue and a speaker reference.

* Quoted regions are found by one linear scan over the article's quotation marks (« », “ ”, „ “,
  ‹ ›, straight double quotes, em-dash dialogue), nested marks kept inside the outer region, a
  region left open at a paragraph's end carried on when the next paragraph reopens it (the French
  convention for quotations over several paragraphs) and closed there otherwise.
* A region is a direct quote when a cue follows it (``», a-t-il dit``, ``", a annoncé X``,
  ``» — X``), when a cue or a colon introduces it (``X confie : « … »``), when a source marker
  heads its sentence (``Pour X, « … »``), or when it stands as a sentence of its own (a floating
  quote). A region split by an incise (``« A, dit-il, B »``) gives two quotes. Other regions are
  fragments: scare quotes, or the quoted part of a mixed quote.
* Indirect quotes come from reporting verbs matched by lemma (``data/reporting_verbs.tsv``) with a
  que-clause, an infinitive complement or an adjective (``se sont dites prêtes à``), from inverted
  order (``<content>, a annoncé X``), and from source markers (``selon X``, ``d'après X``,
  ``pour X``). Negated, conditional, future and interrogative verbs are not quotations. Reported
  content holding a quoted region is ``mixed``.

This module says *where* the speaker is named (a ``SpeakerRef``); ``attribution`` says who it is.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from . import resources
from .nlp import Segment, lemma

__all__ = ["Region", "SpeakerRef", "Candidate", "find_regions", "TokenIndex", "find_candidates"]

_OPENERS = {"«": "»", "“": "”", "„": "“”", "‹": "›", '"': '"'}
_CLOSERS = {"»": "«", "”": "“„", "“": "„", "›": "‹"}
_DASHES = ("—", "–", "―")
_SPACES = " \t\u00a0\u202f\u2009\u2007\ufeff\r"
# closed classes of words, from data/function_words.tsv and data/pronouns.tsv
_PRONOUNS = resources.pronouns()
_NEGATORS = resources.words("negators")
_MODALS = resources.words("modals")
_QUE = resources.words("que")
_OBJ_CLITICS = resources.words("object_clitics")
_NP_INNER = resources.words("np_inner")
_SKIP_PREPS = resources.words("skip_preps")
_TIME_WORDS = resources.words("time_words")
_CAUSATIVE_SPEECH = resources.words("causative_speech")
_DE_ADVERBS = resources.words("de_adverbs")


@dataclass(frozen=True)
class Region:
    """Text between quotation marks (or after a dialogue dash): content offsets and mark offsets."""

    start: int
    end: int
    open: int
    close: int
    closed: bool
    dash: bool = False


@dataclass(frozen=True)
class SpeakerRef:
    """Where the speaker of a quote is named.

    kind: ``np`` (a noun phrase or name at ``start:end``), ``pronoun`` (``start:end`` is the
    pronoun), ``inherit`` (the previous quote's speaker), ``participle`` (the speaker of the
    clause the participial cue depends on; ``start:end`` is that clause's subject if known),
    ``float`` (no cue: the nearest entity before ``start`` in the paragraph, else inherit).
    """

    kind: str
    start: int = -1
    end: int = -1


@dataclass
class Candidate:
    type: str
    start: int
    end: int
    cue: Optional[Tuple[int, int]]
    ref: SpeakerRef
    paragraph: Optional[int]
    priority: int = 1
    sentence: Tuple[int, int] = (-1, -1)
    regions: List[Region] = field(default_factory=list)


# -- quotation marks --------------------------------------------------------------------

def _skip_spaces(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in _SPACES:
        pos += 1
    return pos


def _trim(text: str, start: int, end: int) -> Tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _SPACES):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _SPACES):
        end -= 1
    return start, end


def find_regions(text: str, stretches: Sequence[Tuple[int, int]]) -> List[Region]:
    """Top-level quoted regions of the article stretches (title, paragraphs), in order. Linear."""
    out: List[Region] = []
    carried: Optional[Tuple[str, int]] = None  # opener and its offset, open at the last stretch's end
    for k, (s, e) in enumerate(stretches):
        stack: List[str] = []
        counts: Dict[str, int] = {}
        top_open = -1
        pos = s
        if carried is not None:
            first = _skip_spaces(text, s, e)
            if first < e and text[first] in _OPENERS and _OPENERS.get(text[first]) == _OPENERS.get(carried[0]):
                stack.append(carried[0])
                counts[carried[0]] = 1
                top_open = carried[1]
                pos = first + 1
            carried = None
        before = len(out)
        while pos < e:
            ch = text[pos]
            if ch == '"':
                if stack and stack[-1] == '"':
                    stack.pop()
                    counts['"'] -= 1
                    if not stack:
                        a, b = _trim(text, top_open + 1, pos)
                        out.append(Region(a, b, top_open, pos, True))
                else:
                    if not stack:
                        top_open = pos
                    stack.append('"')
                    counts['"'] = counts.get('"', 0) + 1
            elif ch in _CLOSERS and any(counts.get(o, 0) for o in _CLOSERS[ch]):
                while stack:
                    o = stack.pop()
                    counts[o] -= 1
                    if o in _CLOSERS[ch]:
                        break
                if not stack:
                    a, b = _trim(text, top_open + 1, pos)
                    out.append(Region(a, b, top_open, pos, True))
            elif ch in _OPENERS:
                if not stack:
                    top_open = pos
                stack.append(ch)
                counts[ch] = counts.get(ch, 0) + 1
            pos += 1
        if stack:
            nxt = stretches[k + 1] if k + 1 < len(stretches) else None
            opener = stack[0]
            if nxt is not None and opener != '"':
                first = _skip_spaces(text, nxt[0], nxt[1])
                if first < nxt[1] and text[first] == opener:
                    carried = (opener, top_open)
                    continue
            stop = e
            if e - s > _RUN_ON:
                # a mark left open in text whose line breaks were lost: up to its sentence's end
                m = _TURN_END.search(text, top_open + 1, e)
                if m is not None:
                    stop = m.end()
            a, b = _trim(text, top_open + 1, stop)
            if a < b:
                out.append(Region(a, b, top_open, stop, False))
        # dialogue turns outside the quotation marks of this stretch
        marked = out[before:]
        turns = [t for t in _dialogue_turns(text, s, e) if not any(q.open <= t.open <= q.close for q in marked)]
        if turns:
            cut = []
            for t in turns:
                stop = min([q.open for q in marked if q.open > t.open] + [t.close])
                a, b = _trim(text, t.start, stop)
                if a < b:
                    cut.append(Region(a, b, t.open, stop, True, dash=True))
            out[before:] = sorted(marked + cut, key=lambda r: r.open)
    # a region carried over several paragraphs was opened in an earlier stretch: its start is right
    return [r for r in out if r.start < r.end]


_ANY_DASH = regex.compile("[" + "".join(_DASHES) + "]|--")
_DASH_CHAR = regex.compile("[—–-]")  # where a dialogue turn may open inside a stretch


def _dash_at(text: str, pos: int, end: int) -> int:
    """Length of a dialogue dash at ``pos`` (``—``, ``–``, ``--``) followed by a space, else 0."""
    if text[pos] in _DASHES:
        n = 1
    elif text.startswith("--", pos):
        n = 2
    else:
        return 0
    return n if pos + n < end and text[pos + n] in _SPACES else 0


_RUN_ON = 1500
_TURN_END = regex.compile(r"[.!?…]+(?=[\s\u00a0]+\p{Lu}\p{Ll})")


# a first- or second-person word; an elided form (``j'``, ``m'``) is followed by its verb
_SPEAKER_WORDS = regex.compile(
    r"(?i)(?<![\w'’])(?:"
    + "|".join(
        regex.escape(w[:-1]) + "['’]" if w.endswith("'") else regex.escape(w) + r"(?![\w'’])"
        for w in sorted(resources.words("speaker_words"), key=len, reverse=True)
    )
    + ")"
)
_PAST_VERB = regex.compile(r"(?<![\w'’])\w{2,}(?:ait|aient|èrent|irent|urent|a|it|ut)(?!\w)")


def _narration_start(text: str, start: int, stop: int) -> int:
    """Where narration takes over from a dialogue turn in run-on text, or ``stop``."""
    bounds = [m.end() for m in _TURN_END.finditer(text, start, stop)]
    for k, b in enumerate(bounds):
        nxt = bounds[k + 1] if k + 1 < len(bounds) else stop
        sentence = text[b:nxt]
        if not _SPEAKER_WORDS.search(sentence) and _PAST_VERB.search(sentence):
            return b
    return stop


def _dialogue_turns(text: str, s: int, e: int) -> List[Region]:
    """Dialogue turns of a stretch without quotation marks: a dash at its start, or after the end
    of a sentence, opens a turn that runs to the next such dash or to the stretch's end."""
    first = _skip_spaces(text, s, e)
    starts: List[Tuple[int, int]] = []
    if first < e and _dash_at(text, first, e):
        starts.append((first, _dash_at(text, first, e)))
    elif first >= e or not _ANY_DASH.search(text, first, e):
        return []
    k = first + 1
    for m in _DASH_CHAR.finditer(text, first + 1, e):
        if m.start() < k:
            continue  # the second hyphen of a ``--`` already taken
        k = m.start()
        n = _dash_at(text, k, e)
        if n:
            j = k - 1
            while j >= s and text[j] in _SPACES:
                j -= 1
            nxt = _skip_spaces(text, k + n, e)
            if j >= s and text[j] in ".!?…:" and nxt < e and (text[nxt].isupper() or text[nxt] in "«\"."):
                starts.append((k, n))
            k += n
    out = []
    run_on = e - s > _RUN_ON
    for i, (d, n) in enumerate(starts):
        stop = starts[i + 1][0] if i + 1 < len(starts) else e
        if run_on:
            # text whose line breaks were lost: the turn ends where a sentence of narration
            # (third person, past tense, no first or second person) follows
            stop = _narration_start(text, d + n, stop)
        a, b = _trim(text, d + n, stop)
        if a < b:
            out.append(Region(a, b, d, stop, True, dash=True))
    return out


# -- tokens -----------------------------------------------------------------------------

class TokenIndex:
    """All parsed tokens of the article, addressable by input offset."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self.toks: List[Any] = []
        self.starts: List[int] = []
        self.ends: List[int] = []
        self.seg: List[Segment] = []
        self.texts: List[str] = []
        self.lows: List[str] = []
        for seg in segments:
            shift = seg.shift
            words, lows, all_toks = seg.texts, seg.lowers, seg.token_list
            keep = [k for k, word in enumerate(words) if not word.isspace()]  # spaCy's is_space
            toks = [all_toks[k] for k in keep]
            starts = [t.idx + shift for t in toks]
            self.toks.extend(toks)
            self.starts.extend(starts)
            self.ends.extend([a + len(words[k]) for a, k in zip(starts, keep)])
            self.seg.extend([seg] * len(toks))
            self.texts.extend([words[k] for k in keep])
            self.lows.extend([lows[k].replace("’", "'") for k in keep])
        self._pos_map: Optional[Dict[Tuple[int, int], int]] = None
        self._sents: Optional[List[Tuple[int, int]]] = None
        # the article stretch (paragraph or title) of every token
        self.stretch_starts: List[int] = sorted(s for seg in segments for s, _, _ in seg.stretches())
        self.stretch_of: List[int] = [max(0, bisect_right(self.stretch_starts, st) - 1) for st in self.starts]
        self.opens: frozenset = frozenset()
        self.verb_classes: Dict[int, Optional[str]] = {}
        self._maybe_verbs: Optional[List[int]] = None

    def __len__(self) -> int:
        return len(self.toks)

    def maybe_verbs(self) -> List[int]:
        """Indices of the tokens that may be reporting verbs (see ``_may_report``)."""
        if self._maybe_verbs is None:
            self._maybe_verbs = [k for k, low in enumerate(self.lows) if _may_report(low)]
        return self._maybe_verbs

    def at(self, offset: int) -> int:
        """Index of the first token ending after ``offset``."""
        return bisect_right(self.ends, offset)

    def before(self, offset: int) -> int:
        """Index of the last token starting before ``offset`` (or -1)."""
        return bisect_left(self.starts, offset) - 1

    def index(self, tok: Any) -> int:
        if self._pos_map is None:
            self._pos_map = {(id(t.doc), t.i): k for k, t in enumerate(self.toks)}
        return self._pos_map.get((id(tok.doc), tok.i), -1)

    def text(self, k: int) -> str:
        return self.texts[k]

    def low(self, k: int) -> str:
        return self.lows[k]

    def sentence(self, k: int) -> Tuple[int, int]:
        """Token index range [a, b) of the sentence holding token k.

        Sentences are cut at sentence-final punctuation followed by a capital, an opening
        quotation mark or a dash, and at piece boundaries: the small model's own sentence ends
        are often wrong on news text (it cuts before names and after fronted adverbials).
        """
        if self._sents is None:
            self._sents = self._split()
        return self._sents[k]

    def _split(self) -> List[Tuple[int, int]]:
        n = len(self.toks)
        texts = self.texts
        ends = set()
        # piece and stretch boundaries
        ends.update(k for k in range(n - 1) if self.seg[k + 1] is not self.seg[k] or self.stretch_of[k + 1] != self.stretch_of[k])
        enders = (".", "!", "?", "…", "...")
        closers = ("»", "”", '"')
        for k in [k for k, t in enumerate(texts) if t in enders or t in closers]:
            if k + 1 >= n or k in ends:
                continue
            text = texts[k]
            nxt = texts[k + 1]
            opens_next = self.starts[k + 1] in self.opens or nxt[:1] in ("«", "“", "—", "–", "(", "[")
            if text in enders:
                if nxt[:1].isupper() or nxt[:1].isdigit() or opens_next:
                    ends.add(k)
            elif self.starts[k] not in self.opens and k > 0 and texts[k - 1] in enders:
                if nxt[:1].isupper() or opens_next:
                    ends.add(k)
        bounds: List[Tuple[int, int]] = []
        start = 0
        for k in sorted(ends):
            bounds.extend([(start, k + 1)] * (k + 1 - start))
            start = k + 1
        if start < n:
            bounds.extend([(start, n)] * (n - start))
        return bounds


# -- reporting verbs --------------------------------------------------------------------

def _lemma(tok: Any) -> str:
    return lemma(tok).replace("’", "'")


def verb_class(ix: TokenIndex, k: int) -> Optional[str]:
    """``speech`` or ``cue`` when token k is a reporting verb, else None (memoised per index)."""
    try:
        return ix.verb_classes[k]
    except KeyError:
        cls = ix.verb_classes[k] = _verb_class(ix, k)
        return cls


def _may_report(low: str) -> bool:
    """A known form of a reporting verb, or a word starting like one: most tokens are neither,
    and their lemma need not be computed."""
    return low in resources.verb_forms() or low[:3] in resources.verb_prefixes()


def _verb_class(ix: TokenIndex, k: int) -> Optional[str]:
    low = ix.low(k)
    if not _may_report(low):
        return None
    forms = resources.verb_forms()
    tok = ix.toks[k]
    verbs = resources.reporting_verbs()
    lemma = forms.get(low) if tok.pos_ in ("VERB", "AUX", "ADV", "ADJ", "PROPN", "X", "INTJ") or (
        tok.pos_ == "NOUN" and (k == 0 or ix.toks[k - 1].pos_ not in ("DET", "ADP"))
    ) else None
    if lemma is None:
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        lemma = _lemma(tok)
    prev = ix.low(k - 1) if k > 0 else ""
    if prev in ("se", "s'") or (k > 1 and ix.low(k - 2) in ("se", "s'") and ix.toks[k - 1].pos_ == "AUX"):
        cls = verbs.get("se " + lemma) or verbs.get("s'" + lemma)
        if cls:
            return cls
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


def cue_span(ix: TokenIndex, k: int) -> Tuple[int, int]:
    """Token range [a, b) of the verb group around reporting verb k (auxiliaries, clitics, -t-il)."""
    a = k
    j = k - 1
    steps = 0
    while j >= 0 and steps < 5 and ix.seg[j] is ix.seg[k]:
        t = ix.toks[j]
        low = ix.low(j)
        if t.pos_ == "AUX" or low.startswith("-") or low in _OBJ_CLITICS or (low in _SUBJ_CLITICS and j > 0 and ix.text(j - 1) in ("-", "-t")):
            a = j
        elif t.pos_ == "ADV" or (low in ("de", "son", "sa", "leur", "côté", "part", "ailleurs", "par") and steps < 4):
            pass
        else:
            break
        j -= 1
        steps += 1
    # do not start on an adverb or a preposition
    while a < k and ix.toks[a].pos_ not in ("AUX",) and not ix.low(a).startswith("-") and ix.low(a) not in _OBJ_CLITICS:
        a += 1
    b = _main_verb(ix, k) + 1
    while b < len(ix) and ix.seg[b] is ix.seg[k] and ix.starts[b] == ix.ends[b - 1] and (
        ix.text(b).startswith("-") or (ix.text(b - 1) in ("-", "-t") and ix.low(b) in _SUBJ_CLITICS)
    ):
        b += 1
    return a, b


_SUBJ_CLITICS = resources.words("subject_clitics")


def _inverted_pronoun(ix: TokenIndex, a: int, b: int) -> Optional[int]:
    """The inverted subject clitic in tokens [a, b]: ``-il``, ``-t-elle``, or ``-`` then ``elles``."""
    for j in range(a, min(b + 1, len(ix))):
        low = ix.low(j)
        if low.startswith("-") and low.lstrip("-t").lstrip("-") in _SUBJ_CLITICS:
            return j
        if low in ("-", "-t", "-t-") and j + 1 < len(ix) and ix.low(j + 1).lstrip("-") in _SUBJ_CLITICS and ix.starts[j + 1] == ix.ends[j]:
            return j + 1
    return None


def _negated(ix: TokenIndex, a: int, b: int) -> bool:
    lo = max(0, a - 2)
    hi = min(len(ix), b + 2)
    has_ne = any(ix.low(j) in ("ne", "n'") for j in range(lo, b))
    has_neg = any(ix.low(j) in _NEGATORS for j in range(a, hi))
    return has_ne and has_neg


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
        if head is not tok and head.pos_ == "VERB" and _lemma(head) not in resources.reporting_verbs():
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


# -- noun phrases -----------------------------------------------------------------------

def _np_after(ix: TokenIndex, j: int, limit: int) -> Optional[Tuple[int, int]]:
    """A noun phrase starting at token j (a determiner, a name or a noun), as token range."""
    if j >= limit:
        return None
    t = ix.toks[j]
    if t.pos_ not in ("DET", "PROPN", "NOUN", "ADJ", "NUM") and not t.text[:1].isupper() and not _one_of(ix, j, limit):
        return None
    if t.is_punct:
        return None
    a = j
    b = j
    while b < limit:
        t = ix.toks[b]
        low = ix.low(b)
        if t.pos_ == "DET" and b > a and ix.low(b - 1) not in _NP_INNER and ix.toks[b - 1].pos_ != "DET":
            break  # a new noun phrase starts: "à Sputnik | la porte-parole"
        names = resources.first_names()
        if b > a + (ix.toks[a].pos_ == "DET") and ix.low(b - 1) not in names and (t.ent_iob_ == "B" or (t.lower_ in names and t.text[:1].isupper() and not (t.ent_iob_ == "I" and t.ent_type_ == "PER"))) and all(
            ix.toks[m].pos_ == "PROPN" or (m == a and ix.toks[m].pos_ == "DET") for m in range(a, b)
        ):
            break  # a new name starts: "à BFMTV | Yassine Bouzrou"
        if low in _TIME_WORDS and (b > a or t.pos_ != "PROPN"):
            if all(ix.toks[m].pos_ == "DET" or ix.low(m) in _TIME_WORDS for m in range(a, b)):
                a = b = b + 1  # "a déclaré ce jeudi matin Marie Roux": the time phrase is skipped
                continue
            break  # "a déclaré Marie Roux jeudi"
        if t.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM") or low in _NP_INNER or low in ("l'", "d'") or _one_of(ix, b, limit) or (
            t.text[:1].isupper() and t.pos_ not in ("VERB", "AUX", "PUNCT", "ADP", "SCONJ", "CCONJ")
        ):
            if t.pos_ == "ADJ" and "Part" in t.morph.get("VerbForm") and b > a + 1:
                break
            b += 1
            continue
        if t.text == "(":
            # "(DFAE)", "(coalition d'opposition)"
            c = b + 1
            while c < limit and ix.text(c) != ")" and c - b < 6:
                c += 1
            if c < limit and ix.text(c) == ")":
                b = c + 1
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


def _one_of(ix: TokenIndex, j: int, limit: int) -> bool:
    """``un des deux policiers``, ``l'une de ces sources``: ``un``/``une`` heading a partitive."""
    return ix.low(j) in ("un", "une") and j + 1 < limit and ix.low(j + 1) in ("des", "de", "d'", "d’", "du")


def _subject_after(ix: TokenIndex, j: int, limit: int) -> Optional[Tuple[int, int]]:
    """The inverted subject after a cue: skip adverbs, dates and a prepositional phrase or two."""
    skips = 0
    while j < limit and skips < 4:
        t = ix.toks[j]
        low = ix.low(j)
        if t.pos_ == "ADV" or low in _TIME_WORDS:
            j += 1
            continue
        if low in ("d'", "de") and j + 1 < limit and ix.low(j + 1) in _DE_ADVERBS:
            j += 2  # "affirme d'emblée X", "déclare de nouveau X"
            continue
        if low in _SKIP_PREPS or (t.pos_ == "ADP" and low not in _NP_INNER):
            np = _np_after(ix, j + 1, limit)
            if np is None:
                return None
            nxt = np[1]
            if nxt < limit and (ix.toks[nxt].pos_ in ("DET", "PROPN") or ix.text(nxt)[:1].isupper()) and not ix.toks[nxt].is_punct:
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


def _subject_before(ix: TokenIndex, k: int) -> Optional[Tuple[int, int]]:
    """The subject of verb k from the dependency parse (nsubj), as token range of its phrase."""
    tok = ix.toks[k]
    cands = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if not cands and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
        cands = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if not cands:
        return None
    c = cands[0]
    if c.lower_ == "qui" and c.head.head is not c.head:
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
    while a < b and ix.toks[a].is_punct:
        a += 1
    if b <= a or b > k:
        b = min(b, k)
    return (a, b) if a < b else None


def _ref_after(ix: TokenIndex, k: int, a: int, b: int, limit: int) -> SpeakerRef:
    """Speaker of a cue that follows its quotation: an inverted pronoun or the phrase after it."""
    pron = _inverted_pronoun(ix, a, b)
    if pron is not None:
        return SpeakerRef("pronoun", ix.starts[pron], ix.ends[pron])
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
    if "Part" in form and ix.low(k).endswith("ant"):
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
    if after is not None:
        s, e = after
        if e - s == 1 and ix.low(s) in _PRONOUNS:
            return SpeakerRef("pronoun", ix.starts[s], ix.ends[s])
        return SpeakerRef("np", ix.starts[s], ix.ends[e - 1])
    if subj is not None:
        s, e = subj
        return SpeakerRef("np", ix.starts[s], ix.ends[e - 1])
    name = _name_before(ix, a)
    if name is not None:
        return SpeakerRef("np", ix.starts[name[0]], ix.ends[name[1] - 1])
    return SpeakerRef("inherit")


def _name_before(ix: TokenIndex, a: int) -> Optional[Tuple[int, int]]:
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
            if prev is None or prev.is_punct or (prev.pos_ == "DET" and (s - 2 < sa or ix.toks[s - 2].pos_ not in ("ADP",))) or prev.pos_ == "NOUN":
                if not any(ix.text(m) in '"«»“”' for m in range(s, e)):
                    return s, e
            j = s - 1
            continue
        j -= 1
    return None


# -- candidates -------------------------------------------------------------------------

@dataclass
class _Ctx:
    text: str
    ix: TokenIndex
    regions: List[Region]
    para_of: Any
    region_starts: List[int] = field(default_factory=list)

    def region_at(self, offset: int) -> Optional[Region]:
        k = bisect_right(self.region_starts, offset) - 1
        if k >= 0:
            r = self.regions[k]
            if r.open <= offset <= r.close:
                return r
        return None


def find_candidates(
    text: str, segments: Sequence[Segment], stretches: Sequence[Tuple[int, int, Optional[int]]], ix: Optional[TokenIndex] = None
) -> List[Candidate]:
    """Every quotation candidate of the parsed article, in text order, overlaps resolved."""
    ix = ix if ix is not None else TokenIndex(segments)
    regions = find_regions(text, [(s, e) for s, e, _ in stretches])
    ix.opens = frozenset(r.open for r in regions)
    starts = [s for s, _, _ in stretches]

    def para_of(offset: int) -> Optional[int]:
        k = bisect_right(starts, offset) - 1
        return stretches[k][2] if k >= 0 else None

    ctx = _Ctx(text, ix, regions, para_of, [r.open for r in regions])
    cands: List[Candidate] = []
    cands.extend(_direct(ctx))
    taken = [(c.start, c.end) for c in cands]
    cands.extend(_indirect(ctx, taken))
    cands.extend(_markers(ctx))
    return _resolve_overlaps(ctx, cands)


def _region_tokens(ix: TokenIndex, r: Region) -> Tuple[int, int]:
    return ix.at(r.start), ix.before(r.end) + 1


def _split_incises(ctx: _Ctx, r: Region) -> List[Tuple[Region, Optional[Tuple[int, int, SpeakerRef, int]]]]:
    """Split a region at incises (« A, dit-il, B »); each part with the incise cue if any."""
    ix = ctx.ix
    a, b = _region_tokens(ix, r)
    parts: List[Tuple[Region, Optional[Tuple[int, int, SpeakerRef, int]]]] = []
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
                    k = pron + 1 if pron + 1 < b and ix.toks[pron + 1].pos_ in ("VERB", "AUX") else None
                    while k is not None and k + 1 < b and ix.toks[k].pos_ == "AUX" and ix.toks[k + 1].pos_ == "VERB":
                        k += 1
            elif verb_class(ix, v) or (r.dash and ix.toks[v].pos_ == "VERB" and "Fin" in ix.toks[v].morph.get("VerbForm")):
                pron = _inverted_pronoun(ix, v, min(v + 2, b))
                nxt = v + 1
                while nxt < b - 1 and ix.toks[nxt].pos_ == "ADV" and not ix.toks[nxt].is_punct:
                    nxt += 1
                if pron is not None or (nxt < b and (
                    ix.toks[nxt].pos_ in ("PROPN", "DET", "PRON", "NOUN") or ix.text(nxt)[:1].isupper()
                    or (r.dash and verb_class(ix, v) and not ix.low(v).endswith("ant"))
                )):
                    k = v
            if k is not None:
                ca, cb = cue_span(ix, k)
                # the incise runs to the next punctuation
                e = cb
                while e < b and not (ix.toks[e].is_punct and ix.text(e) in ",.;!?…"):
                    e += 1
                if e >= b - 1 or ix.ends[min(e, b - 1)] >= r.end:
                    # the incise closes the region: « ..., dit-il. »
                    ref = _ref_after(ix, k, ca, cb, b)
                    keep = ix.ends[j] if ix.text(j) != "," else ix.starts[j]
                    sa, ea = _trim(ctx.text, cur, keep)
                    if sa < ea:
                        parts.append((Region(sa, ea, r.open if cur == r.start else cur, keep, True, r.dash),
                                      (ix.starts[ca], ix.ends[cb - 1], ref, k)))
                    return parts
                if e < b - 1 and ix.ends[e] < r.end:
                    ref = _ref_after(ix, k, ca, cb, e)
                    end_a = ix.starts[j] if ix.text(j) == "," else ix.ends[j]
                    sa, ea = _trim(ctx.text, cur, end_a)
                    if sa < ea:
                        parts.append((Region(sa, ea, r.open if cur == r.start else cur, end_a, True),
                                      (ix.starts[ca], ix.ends[cb - 1], ref, k)))
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


def _sentence_stop(ix: TokenIndex, k: int, se: int) -> int:
    """The end of k's sentence by punctuation (the parser sometimes ends it early at a name)."""
    j = k
    seg = ix.seg[k]
    while j < len(ix) and ix.seg[j] is seg and j - k < 60:
        if ix.text(j) in (".", "!", "?", "…"):
            return max(se, j + 1)
        j += 1
    return max(se, j)


def _is_standalone(ctx: _Ctx, r: Region) -> bool:
    """The region is a sentence (or more) of its own, not words inside someone else's sentence."""
    text = ctx.text
    j = r.open - 1
    while j >= 0 and text[j] in _SPACES:
        j -= 1
    before_ok = j < 0 or text[j] in "\n.!?…:" or (text[j] in "»”\"" and j > 0)
    k = r.close + 1
    while k < len(text) and text[k] in _SPACES:
        k += 1
    after_ok = k >= len(text) or text[k] in "\n.!?…" or text[k] in "«“\"" or (text[k].isupper() and text[r.close] != '"' or text[k].isupper() and k > r.close + 1)
    inner_end = text[r.end - 1] if r.end > r.start else ""
    words = len(text[r.start:r.end].split())
    return before_ok and (after_ok or inner_end in ".!?…") and words >= 3


def _cue_after(ctx: _Ctx, r: Region) -> Optional[Tuple[int, int, SpeakerRef, int]]:
    """A cue right after the closing mark: ``», a-t-il dit``, ``", a annoncé X``, ``» — X``."""
    ix = ctx.ix
    text = ctx.text
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
        if np and any(ix.toks[m].pos_ == "PROPN" or ix.text(m)[:1].isupper() for m in range(*np)) and not any(ix.text(m)[:1].isdigit() for m in range(*np)):
            return ix.starts[j], ix.ends[j], SpeakerRef("np", ix.starts[np[0]], ix.ends[np[1] - 1]), j
        return None
    if t != ",":
        return None
    v = j + 1
    if v < limit and ix.low(v) in ("lui", "leur", "nous", "me", "m'"):
        v += 1
    if v < limit and ix.low(v) in ("de", "d'") and v + 1 < limit and "Inf" in ix.toks[v + 1].morph.get("VerbForm"):
        # Québec usage: "», de dire X"
        k = v + 1
        if verb_class(ix, k):
            ref_np = _subject_after(ix, k + 1, limit)
            ref = SpeakerRef("np", ix.starts[ref_np[0]], ix.ends[ref_np[1] - 1]) if ref_np else SpeakerRef("inherit")
            return ix.starts[v], ix.ends[k], ref, k
        return None
    if v < limit and ix.low(v) in ("selon", "d'après"):
        np = _np_after(ix, v + 1, limit)
        if np:
            return ix.starts[v], ix.ends[v], _np_or_pronoun(ix, np), v
        return None
    # the verb group: aux (with -t-il) and participle, or a finite verb
    k = None
    first_aux = None
    scan = v
    while scan < min(limit, v + 6):
        tok = ix.toks[scan]
        if tok.pos_ == "VERB" or verb_class(ix, scan) or _before_inverted_pronoun(ix, scan, limit):
            k = scan
            break
        if tok.pos_ == "AUX" and first_aux is None:
            first_aux = scan
        if tok.pos_ in ("AUX", "ADV") or ix.text(scan).startswith("-") or ix.low(scan) in _OBJ_CLITICS or ix.low(scan) in _TIME_WORDS or (
            ix.low(scan) in _SUBJ_CLITICS and ix.text(scan - 1) in ("-", "-t")
        ):
            scan += 1
            continue
        break
    if k is None:
        k = first_aux
    if k is None:
        return None
    # "a fait remarquer": the last verb of a chain
    k0 = k
    while k + 1 < limit and ix.toks[k + 1].pos_ == "VERB" and "Inf" in ix.toks[k + 1].morph.get("VerbForm") and _lemma(ix.toks[k]) in ("faire", "laisser"):
        k += 1
    ca, cb = cue_span(ix, k)
    if k != k0:
        ca, cb = min(ca, cue_span(ix, k0)[0]), max(cb, k + 1)
    ca = max(ca, v if ix.low(v - 1) not in ("lui", "leur") else v - 1)
    cls = verb_class(ix, k) or verb_class(ix, ca)
    if cls is None and _lemma(ix.toks[k]) in _CAUSATIVE_SPEECH and k > v and _lemma(ix.toks[k - 1]) in ("faire", "laisser"):
        cls = "speech"
    pron = _inverted_pronoun(ix, ca, cb + 1)
    if cls is None and pron is None:
        return None
    if "Part" in ix.toks[k].morph.get("VerbForm") and ix.low(k).endswith("ant"):
        return None  # "…», ajoutant que …": a new quote starts, this one has no cue here
    ref = _ref_after(ix, k, ca, cb, limit)
    return ix.starts[ca], ix.ends[cb - 1], ref, k


def _before_inverted_pronoun(ix: TokenIndex, k: int, limit: int) -> bool:
    """``convient-elle``, ``tranche-t-il``: a word followed by an inverted subject pronoun is a
    verb, whatever tag the model gave it."""
    if k + 1 >= limit or not ix.text(k + 1).startswith("-") or ix.toks[k].is_punct:
        return False
    nxt = ix.low(k + 1).replace("-t-", "-")
    if nxt == "-t" and k + 2 < limit:
        nxt = "-" + ix.low(k + 2).lstrip("-")
    return nxt.lstrip("-") in _SUBJ_CLITICS


def _np_or_pronoun(ix: TokenIndex, np: Tuple[int, int]) -> SpeakerRef:
    s, e = np
    if e - s == 1 and ix.low(s) in _PRONOUNS:
        return SpeakerRef("pronoun", ix.starts[s], ix.ends[s])
    return SpeakerRef("np", ix.starts[s], ix.ends[e - 1])


def _cue_before(ctx: _Ctx, r: Region, prev_end: int) -> Optional[Tuple[int, int, SpeakerRef, int]]:
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
        if cls and not _negated(ix, *cue_span(ix, k)):
            if not colon and k != last and not (k + 1 <= last and all(ix.toks[m].pos_ in ("ADV", "ADP", "DET", "NOUN", "PROPN") for m in range(k + 1, last + 1)) and colon):
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
            if sub:
                return ix.starts[o], ix.ends[o], _np_or_pronoun(ix, sub), o
    np = _np_after(ix, lo, o)
    if np:
        return ix.starts[o], ix.ends[o], SpeakerRef("np", ix.starts[np[0]], ix.ends[np[1] - 1]), o
    return None


def _direct(ctx: _Ctx) -> List[Candidate]:
    ix = ctx.ix
    out: List[Candidate] = []
    prev_cue: Optional[Tuple[int, int, SpeakerRef, int]] = None
    prev_close = -1
    for r in ctx.regions:
        if ix.at(r.start) >= len(ix):
            continue
        para = ctx.para_of(r.start)
        parts = _split_incises(ctx, r)
        if r.dash:
            for part, inner_cue in parts:
                if inner_cue is not None:
                    out.append(Candidate("direct", part.start, part.end, (inner_cue[0], inner_cue[1]), inner_cue[2], para, 3, regions=[part]))
                else:
                    out.append(Candidate("direct", part.start, part.end, None, SpeakerRef("float", r.start), para, 2, regions=[part]))
            continue
        for n, (part, inner_cue) in enumerate(parts):
            cue = None
            if n == len(parts) - 1 and (len(parts) > 1 or _opens_clause(ctx, r, prev_cue)):
                cue = _cue_after(ctx, r)
            if cue is None and inner_cue is not None and n < len(parts) - 1:
                cue = inner_cue
            if cue is None and n == 0:
                cue = _cue_before(ctx, r, prev_close)
            if cue is None and inner_cue is not None:
                cue = inner_cue
            if cue is None and prev_cue is not None and n == 0 and _follows_cue(ctx, prev_cue, r):
                cue = prev_cue
            if cue is not None:
                c = Candidate("direct", part.start, part.end, (cue[0], cue[1]), cue[2], para, 3, regions=[part])
                out.append(c)
                prev_cue = cue
            elif _is_standalone(ctx, r) or len(parts) > 1:
                out.append(Candidate("direct", part.start, part.end, None, SpeakerRef("float", r.open), para, 2, regions=[part]))
                prev_cue = None
            else:
                prev_cue = None
        prev_close = r.close
    return out


def _opens_clause(ctx: _Ctx, r: Region, prev_cue: Optional[Tuple[int, int, SpeakerRef, int]]) -> bool:
    """The region starts its sentence (or follows a colon, a dash, or the cue of the quote before):
    words before it in the same clause make it the quoted part of a mixed quote instead."""
    text = ctx.text
    j = r.open - 1
    while j >= 0 and text[j] in _SPACES:
        j -= 1
    if j < 0 or text[j] in "\n.!?…:;—–«“\"»”(":
        return True
    if prev_cue is not None and text[j] == "," and not text[prev_cue[1]:j].strip(" ,\u00a0\u202f"):
        return True
    if text[j] == ",":
        # after a cue's subject phrase: « A », a souligné X, « B »
        ix = ctx.ix
        k = ix.before(j + 1)
        sa, _ = ix.sentence(max(k, 0)) if k >= 0 else (0, 0)
        return any(ix.starts[m] < r.open and ix.text(m) in ("»", "”", '"') for m in range(sa, max(k, 0)))
    return False


def _follows_cue(ctx: _Ctx, cue: Tuple[int, int, SpeakerRef, int], r: Region) -> bool:
    """« A », a-t-il ajouté, « B »: B continues the quote whose cue stands just before it."""
    between = ctx.text[cue[1]:r.open]
    if len(between) > 80:
        return False
    ix = ctx.ix
    j = ix.at(cue[1])
    while j < len(ix) and ix.starts[j] < r.open:
        if ix.toks[j].pos_ in ("VERB",) or ix.text(j) in ".!?":
            return False
        j += 1
    return "," in between or ":" in between


def _content_end(ctx: _Ctx, start_tok: int, sent_end: int) -> int:
    """Token index ending reported content that starts at ``start_tok``."""
    ix = ctx.ix
    j = start_tok
    while j < sent_end:
        t = ix.toks[j]
        low = ix.low(j)
        if low == ";":
            return j
        if low in ("et", "mais", "puis") and j + 1 < sent_end and ix.low(j + 1) in ("il", "ils", "elle", "elles", "on", "nous"):
            return j
        if low == "," and j + 1 < sent_end:
            n = j + 1
            if ix.low(n) in ("selon", "d'après"):
                return j
            if verb_class(ix, n) and ("Part" in ix.toks[n].morph.get("VerbForm") and ix.low(n).endswith("ant")):
                return j
            if ix.toks[n].pos_ == "AUX" and _inverted_pronoun(ix, n, min(n + 3, sent_end)) is not None:
                return j
            if verb_class(ix, n) and _inverted_pronoun(ix, n, min(n + 2, sent_end)) is not None:
                return j
        r = ctx.region_at(ix.starts[j])
        if r is not None and r.closed and ix.starts[j] == r.close and j + 1 < sent_end and ix.low(j + 1) == ",":
            # "... «de façon inexacte», ce dimanche": the quoted part ends the content
            nxt = j + 2
            if nxt < sent_end and not (ix.toks[nxt].pos_ in ("CCONJ",) or ix.low(nxt) in ("mais", "et", "car", "qui")):
                return j + 1
        j += 1
    return sent_end


def _content_span(ctx: _Ctx, a: int, b: int) -> Optional[Tuple[int, int]]:
    """Offsets of tokens [a, b) without trailing sentence punctuation."""
    ix = ctx.ix
    while b > a and ix.toks[b - 1].is_punct and ix.text(b - 1) in ".,;:!?…":
        b -= 1
    while a < b and ix.toks[a].is_punct and ix.text(a) in ",;:":
        a += 1
    if b <= a:
        return None
    return ix.starts[a], ix.ends[b - 1]


def _regions_between(ctx: _Ctx, s: int, e: int) -> List[Region]:
    """Regions whose marks open at or after ``s - 2`` and before ``e + 2`` (bisect, not a scan)."""
    lo = bisect_left(ctx.region_starts, s - 2)
    hi = bisect_left(ctx.region_starts, e + 2)
    return ctx.regions[lo:hi]


def _covering(ctx: _Ctx, s: int, e: int) -> List[Region]:
    """Regions whose marks enclose [s, e] (give or take one character)."""
    k = bisect_right(ctx.region_starts, s + 1) - 1
    return [ctx.regions[k]] if k >= 0 and ctx.regions[k].close >= e - 1 else []


def _typed(ctx: _Ctx, s: int, e: int) -> str:
    inner = [r for r in _regions_between(ctx, s, e) if r.start >= s - 1 and r.end <= e + 1]
    return "mixed" if inner else "indirect"


def _indirect(ctx: _Ctx, taken: List[Tuple[int, int]]) -> List[Candidate]:
    ix = ctx.ix
    out: List[Candidate] = []
    taken = sorted(taken)
    taken_starts = [s for s, _ in taken]

    def in_taken(pos: int) -> bool:
        j = bisect_right(taken_starts, pos) - 1
        return j >= 0 and taken[j][0] <= pos < taken[j][1]

    for k in ix.maybe_verbs():
        cls = verb_class(ix, k)
        if cls != "speech":
            continue
        r = ctx.region_at(ix.starts[k])
        if in_taken(ix.starts[k]):
            continue
        if r is not None and r.start <= ix.starts[k] < r.end:
            lo_t = bisect_left(taken_starts, r.start)
            parts = [(s, e) for s, e in taken[lo_t:bisect_right(taken_starts, r.end)] if e <= r.end]
            if len(parts) < 2:
                continue  # a verb inside quotation marks belongs to the quotation
        ca, cb = cue_span(ix, k)
        if _negated(ix, ca, cb) or _hypothetical(ix, k, ca):
            continue
        sa, se = ix.sentence(k)
        if se - 1 >= sa and ix.text(se - 1) == "?":
            continue
        para = ctx.para_of(ix.starts[k])
        found = _complement(ctx, k, cb, se)
        if found is not None:
            cs, kind = found
            ce = _content_end(ctx, cs, se)
            span = _content_span(ctx, cs, ce)
            if span is None or len(ctx.text[span[0]:span[1]].split()) < 2:
                continue
            ref = _ref_for_verb(ix, k, ca, cb, se)
            out.append(Candidate(_typed(ctx, *span), span[0], span[1], (ix.starts[ca], ix.ends[cb - 1]), ref, para, 2, (sa, se)))
            continue
        # inverted: "<content>, a annoncé X" — the cue follows a comma and ends the clause
        if ix.low(k).endswith("ant") and "Part" in ix.toks[k].morph.get("VerbForm"):
            continue
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
                after = ix.at(ref.end)
                if after < se and ix.text(after) not in (".", ",", "!", "…", ";") and ix.low(after) not in ("sur", "dans", "à", "au", "lors", "en", "pour", "après", "avant", "devant", "citant"):
                    continue
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
    return out


def _clause_start(ctx: _Ctx, sa: int, limit: int) -> int:
    """Start of inverted content: the sentence start, after a leading source marker or colon."""
    ix = ctx.ix
    start = sa
    for j in range(sa, limit):
        if ix.text(j) == ":" and j + 1 < limit:
            start = j + 1
    return start


def _complement(ctx: _Ctx, k: int, cb: int, se: int) -> Optional[Tuple[int, str]]:
    """The start token of a que-clause, infinitive or adjective complement after verb k."""
    ix = ctx.ix
    j = cb
    steps = 0
    se_verb = ix.low(k - 1) in ("se", "s'") or (k > 1 and ix.low(k - 2) in ("se", "s'"))
    while j < se and steps < 10:
        low = ix.low(j)
        t = ix.toks[j]
        if low in _QUE:
            return (j + 1, "que") if j + 1 < se else None
        if low in ("de", "d'") and j + 1 < se and "Inf" in ix.toks[j + 1].morph.get("VerbForm"):
            return j, "inf"
        if low in ("de", "d'") and j + 2 < se and ix.text(j + 1) in ('"', "«", "“") and "Inf" in ix.toks[j + 2].morph.get("VerbForm"):
            return j, "inf"
        if t.pos_ == "DET" and j == cb:
            # "appeler les parents à consulter": an object, then à + infinitive
            np = _np_after(ix, j, se)
            if np and np[1] + 1 < se and ix.low(np[1]) == "à" and "Inf" in ix.toks[np[1] + 1].morph.get("VerbForm"):
                return j, "inf"
            return None
        if low in ("ne", "n'") and j + 1 < se and ix.low(j + 1) in ("pas", "plus", "jamais") and j + 2 < se and "Inf" in ix.toks[j + 2].morph.get("VerbForm"):
            return j, "inf"
        if t.pos_ in ("VERB", "AUX") and "Inf" in t.morph.get("VerbForm"):
            if j == cb or all(ix.toks[m].pos_ == "ADV" for m in range(cb, j)):
                return j, "inf"
            return None
        if se_verb and j == cb and t.pos_ in ("ADJ", "NOUN") and j + 1 < se and ix.low(j + 1) in ("à", "de", "d'", "prêt", "prête"):
            return j, "adj"
        if se_verb and j == cb and t.pos_ == "ADJ":
            return j, "adj"
        if t.pos_ == "ADV" or low.startswith("-") or low in ("lui", "leur", "nous", "vous"):
            j += 1
            steps += 1
            continue
        if low in _TIME_WORDS:
            j += 1
            steps += 1
            continue
        if t.pos_ in ("ADJ",) or (t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm") and not low.endswith("ant") and j > cb):
            j += 1
            steps += 1
            continue
        if low in ("à", "au", "aux", "auprès", "devant", "lors", "pour", "en", ",", "dans", "sur", "sans", "avec", "par", "après", "avant", "depuis", "lundi"):
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


_MARKER_PRONOUNS = resources.words("marker_pronouns")


def _markers(ctx: _Ctx) -> List[Candidate]:
    """``Selon X, …``, ``D'après X, …``, ``Pour X, …`` and ``…, selon X.``"""
    ix = ctx.ix
    out: List[Candidate] = []
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
            if " ".join(lows[k:k + size]) == m:
                m_len = size
                break
            # the tokenizer splits "d'après" into "d'" + "après"
            if "".join(lows[k:k + 2]) == joined:
                m_len = 2
                break
        if not m_len:
            continue
        is_pour = low == "pour"
        sa, se = ix.sentence(k)
        np_start = k + m_len
        # a marker heading its clause: "Selon X, <content>"
        at_head = k == sa or (ix.text(k - 1) in (",", ":", "—", "-") and k - 1 >= sa) or ix.low(k - 1) in ("mais", "et", "or")
        comma = np_start
        while comma < se and ix.text(comma) != "," and comma - np_start < 16:
            comma += 1
        # "Selon le procureur, Antoine Blanc, ...": an apposed name belongs to the source
        if comma < se and comma + 2 < se and ix.toks[comma + 1].pos_ == "PROPN":
            c2 = comma + 1
            while c2 < se and ix.text(c2)[:1].isupper() and not ix.toks[c2].is_punct and c2 - comma < 5:
                c2 += 1
            if c2 < se and ix.text(c2) == ",":
                comma = c2
        np = (np_start, comma)
        ok_np = comma < se and comma > np_start and _source_np_ok(ix, np, is_pour, roles)
        if at_head and ok_np and comma + 1 < se:
            ce = _content_end(ctx, comma + 1, se)
            span = _content_span(ctx, comma + 1, ce)
            if span:
                s, e = span
                ref = _np_or_pronoun(ix, np)
                whole = _covering(ctx, s, e)
                typ = "direct" if whole else _typed(ctx, s, e)
                if whole:
                    s, e = whole[0].start, whole[0].end
                out.append(Candidate(typ, s, e, (ix.starts[k], ix.ends[k + m_len - 1]), ref, ctx.para_of(s), 2, (sa, se)))
                resume = comma + 1
                continue
        # a marker closing the sentence: "<content>, selon X."
        if not is_pour and k - 1 > sa and ix.text(k - 1) == ",":
            end = np_start
            while end < se and not ix.toks[end].is_punct:
                end += 1
            if end > np_start and (end >= se - 1 or ix.text(end) in (".", "!", "…")) and _source_np_ok(ix, (np_start, end), False, roles):
                start_tok = _clause_start(ctx, sa, k - 1)
                span = _content_span(ctx, start_tok, k - 1)
                if span and any(ix.toks[m].pos_ in ("VERB", "AUX") for m in range(start_tok, k - 1)):
                    s, e = span
                    whole = _covering(ctx, s, e)
                    typ = "direct" if whole else _typed(ctx, s, e)
                    if whole:
                        s, e = whole[0].start, whole[0].end
                    ref = _np_or_pronoun(ix, (np_start, end))
                    out.append(Candidate(typ, s, e, (ix.starts[k], ix.ends[k + m_len - 1]), ref, ctx.para_of(s), 2, (sa, se)))
        resume = k + m_len
    return out


def _source_np_ok(ix: TokenIndex, np: Tuple[int, int], strict: bool, roles: Dict[str, str]) -> bool:
    a, b = np
    if b - a > 14:
        return False
    first = ix.toks[a]
    if "Inf" in first.morph.get("VerbForm") or ix.low(a) in ("que", "qu'", "laquelle", "lequel", "lesquels", "lesquelles"):
        return False
    if b - a == 1 and ix.low(a) in _MARKER_PRONOUNS:
        return True
    has_name = any(ix.toks[j].pos_ == "PROPN" or (ix.text(j)[:1].isupper() and j > a) for j in range(a, b))
    has_role = any(ix.low(j) in roles or _lemma(ix.toks[j]) in roles for j in range(a, b))
    if any(ix.toks[j].pos_ in ("VERB", "AUX") and "Part" not in ix.toks[j].morph.get("VerbForm") for j in range(a, b)):
        return False
    if strict:
        return has_name or has_role
    if ix.low(a) in ("ses", "son", "sa", "leurs", "leur", "mes", "nos", "vos"):
        return has_name or has_role
    return has_name or has_role or first.pos_ in ("DET",)


def _resolve_overlaps(ctx: _Ctx, cands: List[Candidate]) -> List[Candidate]:
    cands.sort(key=lambda c: (c.start, -c.priority, -(c.end - c.start)))
    kept: List[Candidate] = []
    longest = 0
    for c in cands:
        clash = None
        for o in reversed(kept):
            if o.start + longest < c.start:
                break  # kept is in start order: nothing earlier can reach c
            inter = min(o.end, c.end) - max(o.start, c.start)
            if inter > 0:
                smaller = min(o.end - o.start, c.end - c.start)
                if inter >= 0.5 * smaller:
                    clash = o
                    break
        longest = max(longest, c.end - c.start)
        if clash is None:
            kept.append(c)
            continue
        # a direct quote inside reported content is the quoted part of a mixed quote
        replace = (clash.type == "direct" and c.type in ("indirect", "mixed") and clash.start >= c.start - 1
                   and clash.end <= c.end + 1 and clash.cue is None) or c.priority > clash.priority
        if replace:
            kept.remove(clash)
            kept.append(c)  # candidates come in start order: kept stays sorted by start
    kept.sort(key=lambda c: (c.start, c.end))
    return kept
