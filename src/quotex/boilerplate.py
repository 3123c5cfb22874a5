"""Stage 1: judge every line of a scraped page as article text or boilerplate, and find the title.

The evidence travels across sites: a data list of French UI phrases (``data/boilerplate.tsv``),
lines without sentence structure, text in another script, counters and datelines, teaser shapes
(``<place> - <outlet>`` and the headline under it, time-stamped teasers, runs of ``Topic - text``
lines), pull-quotes and captions that repeat the body, and blocks opened by a section header
(comments, related articles). Nothing here knows any particular page.

Every pattern is linear: bounded repeats, no nested quantifiers (tests/test_hostile.py runs
each on hostile lines).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Optional

import regex

from . import linemodel, resources
from .marks import OPENERS
from .model import Boilerplate, Span

__all__ = ["Line", "LineAnalysis", "split_lines", "analyse_lines"]

# The patterns are linear (bounded repeats, no nested quantifiers) and run without the `regex`
# module's timeout, which cost more than the matching itself (about 2 us a call, and per match in
# findall); the phrase rules of the data file only ever see lines of at most _MAX_UI_LINE
# characters, and tests/test_hostile.py runs every one of them on hostile lines of that length.
_MAX_UI_LINE = 3000  # characters: no page furniture is longer than this

_WORD = regex.compile(r"\w+(?:['’]\w+)*")
_MAX_READER_WORDS = 12
_MAX_NUMBERED_WORDS = 12
_MAX_TITLE_CASE_WORDS = 10
_MIN_LONE_SENTENCE_WORDS = 4
_MIN_ARTICLE_STEMS = 40  # content words: enough article to say a line takes up none of them
_MAX_LONE_SENTENCE_WORDS = 8
_QUOTE_MARK = regex.compile(r"[«»\"“”]")
# words by which a page speaks to its reader; "rendez-vous" also opens articles' sentences
# ("Rendez-vous est pris..."), so only the phrase rules read it
_READER_WORDS = ("vous", "votre", "vos", "cliquez", "connectez", "inscrivez", "abonnez", "identifiez")
_TO_READER = regex.compile(r"\b(?:" + "|".join(_READER_WORDS) + r")\b", regex.I)
_READER = regex.compile(r"\b(?:" + "|".join(_READER_WORDS) + r"|rendez-vous)\b", regex.I)
_TIMESTAMP_TEASER = regex.compile(r"^\s*(?:\d{1,2}[:h]\d{2}|\d{1,2}/\d{1,2})(?=\p{L})")
_TOPIC_DASH = regex.compile(r"^\s*[\p{L}\d][^\n.!?:;«»\"–—]{0,45}?\s[-–—]\s+[\p{Lu}«\"\d]")
_PLACE_OUTLET = regex.compile(
    r"^\s*\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){0,3}\s+[-–—]\s+\p{Lu}[\p{L}\d'’.-]*(?:\s+[\p{L}\d'’.-]+){0,3}\s*$"
)
_FILE_LIKE = regex.compile(
    r"^\s*(?:\S+\.(?:jpe?g|png|gif|webp|svg|mp4|mp3|pdf|html?|php)|https?://\S+|www\.\S+)\s*$", regex.I
)
_NUMBER = regex.compile(r"^\d+(?:[.,:/h-]\d+)*(?:h|k|m)?$", regex.I)
_COUNTER = regex.compile(
    r"^\s*\d+(?:[.,]\d+)?\s*(?:k|m)?\s*(?:likes?|vues?|partages?|commentaires?|réactions?|j'aime|abonnés|min|minutes?|mn|s)?\s*$",
    regex.I,
)
_END_SENTENCE = regex.compile(r"[.!?…»\"”)]\s*$")
# what ends a sentence (or introduces one) for the stray-label pass: a short line ending so is text
_SENTENCE_ENDS = (".", "!", "?", "»", '"', "”", ":")
_QUOTE_OPENERS = tuple(OPENERS)
_END_TRUNCATED = regex.compile(r"(?:\.\.\.|…|\bPlus\s*\.\.\.|\bPlus\s*…)\s*$")
_TRAILING_ATTRIBUTION = regex.compile(r"\s[-–—]\s\p{Lu}[^.!?–—]{0,60}$")
_TOPIC_COLON = regex.compile(r"^\s*[\p{L}\d][^\n.!?:;«»\"]{0,30}?\s:\s+[\p{L}«\"\d]")
# signatures: an e-mail address; initials ("- L.C."); agency codes ("SY/ls/APA", "(AB/Le Soir)")
_EMAIL = regex.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}")
_INITIALS = regex.compile(r"^[-–—(]?\s*(?:\p{Lu}\.\s?){1,4}\)?$")
_AGENCY_CODE = regex.compile(r"^\(?[\p{L}.'’ -]{1,25}(?:/[\p{L}.'’ -]{1,25}){1,3}\)?$")
# breadcrumbs: "Accueil | Société | Justice"
_CRUMB = regex.compile(r"\s(?:\||>|»|/)\s")
# the signature line of an embedded post: "— Name (@handle) April 25, 2024"
_SOCIAL = regex.compile(
    r"^[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s*(?:\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}+\.?\s+\d{4})"
)


@dataclass(frozen=True)
class Line:
    """One line of the input (without its line break)."""

    index: int
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class LineAnalysis:
    """The verdict on every line: which is the title, which are boilerplate and why."""

    lines: tuple[Line, ...]
    title: Optional[int]
    reasons: dict[int, str]

    def is_article(self, index: int) -> bool:
        line = self.lines[index]
        return not line.blank and index not in self.reasons and index != self.title

    def boilerplate(self, text: str) -> tuple[Boilerplate, ...]:
        out = []
        for i in sorted(self.reasons):
            s, e = _trim(self.lines[i].text)
            ln = self.lines[i]
            out.append(Boilerplate(Span.of(text, ln.start + s, ln.start + e), self.reasons[i]))
        return tuple(out)

    def title_span(self, text: str) -> Optional[Span]:
        if self.title is None:
            return None
        ln = self.lines[self.title]
        s, e = _trim(ln.text)
        return Span.of(text, ln.start + s, ln.start + e)


def _trim(s: str) -> tuple[int, int]:
    """Offsets of ``s`` without surrounding white space (any Unicode space)."""
    start, end = 0, len(s)
    while start < end and (s[start].isspace() or s[start] == "\ufeff"):
        start += 1
    while end > start and (s[end - 1].isspace() or s[end - 1] == "\ufeff"):
        end -= 1
    return start, end


def split_lines(text: str) -> tuple[Line, ...]:
    """Split on ``\\n`` (a trailing ``\\r`` stays out of the line), keeping offsets."""
    out: list[Line] = []
    start = 0
    n = len(text)
    idx = 0
    while start <= n:
        nl = text.find("\n", start)
        end = n if nl < 0 else nl
        stop = end - 1 if end > start and text[end - 1] == "\r" else end
        out.append(Line(idx, start, stop, text[start:stop]))
        idx += 1
        if nl < 0:
            break
        start = nl + 1
    return tuple(out)


def _norm(s: str) -> str:
    return s.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ").strip()


def _words(s: str) -> list[str]:
    words: list[str] = _WORD.findall(s)
    return words


# -- compiled phrase rules -------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    reason: str
    mode: str
    pattern: regex.Pattern[str]


@cache
def _rules() -> tuple[_Rule, ...]:
    out = []
    for reason, mode, pattern in resources.boilerplate_rules():
        body = pattern.replace("’", "'")
        if mode == "line":
            rx = regex.compile(r"^(?:" + body + r")$", regex.I | regex.V0)
        elif mode in ("start", "zone"):
            rx = regex.compile(r"^(?:" + body + r")" + ("$" if mode == "zone" else ""), regex.I)
        else:
            rx = regex.compile(body, regex.I)
        out.append(_Rule(reason, mode, rx))
    return tuple(out)


def _edge(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in ("P", "S")


def _core(s: str) -> str:
    """The line without surrounding spaces and punctuation (for whole-line matches). Linear."""
    a, b = 0, len(s)
    while a < b and _edge(s[a]):
        a += 1
    while b > a and _edge(s[b - 1]):
        b -= 1
    return s[a:b]


_QUOTED = regex.compile(r"«[^«»\n]{0,3000}»|“[^“”\n]{0,3000}”|\"[^\"\n]{0,3000}\"")


def _phrase_reason(norm: str, n_words: int) -> Optional[str]:
    if n_words > 80:  # longer than any rule below accepts
        return None
    core = _core(norm)
    # words inside quotation marks are somebody's words ("« Ne cliquez sur aucun lien », prévient
    # la banque"), not the page talking to its reader: the phrase rules read the rest of the line
    unquoted = _QUOTED.sub(" ", norm) if any(ch in norm for ch in '«“"') else norm
    if unquoted != norm and not unquoted.strip(" ,.;:!?-–—"):
        return None
    norm = unquoted
    reader = None
    for rule in _rules():
        if rule.mode == "zone":
            continue
        if rule.mode == "line":
            if n_words <= 12 and (rule.pattern.match(core) or rule.pattern.match(norm)):
                return rule.reason
        elif rule.mode == "start":
            if rule.reason == "byline":
                # a byline may carry its date stamp: "Par Lise Roy, mis à jour le 3/12/2024 à 10:05"
                length, limit = sum(1 for w in _words(norm) if not any(c.isdigit() for c in w)), 12
            else:
                length, limit = n_words, 20
            if length <= limit and (rule.pattern.match(norm) or rule.pattern.match(core)):
                if rule.reason == "byline" and _END_SENTENCE.search(norm) and norm.endswith("."):
                    continue
                return rule.reason
        elif rule.mode == "strong":
            if n_words <= 60 and rule.pattern.search(norm):
                return rule.reason
        elif rule.mode == "contains":
            # a line of more than 14 words is furniture only when it addresses the reader
            if n_words > 14:
                if reader is None:
                    reader = bool(_READER.search(norm))
                if not reader:
                    continue
            if rule.pattern.search(norm):
                return rule.reason
    return None


def _zone_kind(norm: str) -> Optional[str]:
    core = _core(norm)
    for rule in _rules():
        if rule.mode == "zone" and rule.pattern.match(core):
            return rule.reason
    return None


# -- single-line evidence --------------------------------------------------------------

_BEYOND_LATIN = regex.compile(r"[\p{L}--[\u0000-\u024F\u1E00-\u1EFF]]", flags=regex.V1)


def _script_reason(s: str) -> Optional[str]:
    if not _BEYOND_LATIN.search(s):  # every letter in the Latin blocks: the common case, fast
        return None
    latin = other = 0
    for ch in s:
        if ch.isalpha():
            try:
                name = unicodedata.name(ch)
            except ValueError:
                other += 1
                continue
            if name.startswith("LATIN"):
                latin += 1
            else:
                other += 1
    if other and other >= latin:
        return "foreign-script"
    return None


def _date_line(words: Sequence[str]) -> bool:
    if not words:
        return False
    dw = resources.date_words()
    has_number = False
    for w in words:
        lw = w.lower().replace("’", "'")
        if _NUMBER.match(lw):
            has_number = True
        elif lw not in dw:
            return False
    return has_number


def _stamp_line(norm: str, words: Sequence[str]) -> bool:
    """A short line, no sentence, more than half of its content words dates, times or numbers, one
    number at least: a date stamp with its labels (``12 mars 2021 10:33; Act: 12.03.2021 11:02 Print``)."""
    if len(words) < 2 or _END_SENTENCE.search(norm):
        return False
    dw = resources.date_words()
    stop = resources.stopwords()
    lows = [w.lower().replace("’", "'") for w in words]
    lows = [w for w in lows if w not in stop]  # "le", "à", "de" say nothing either way
    numbers = sum(1 for w in lows if _NUMBER.match(w))
    dated = sum(1 for w in lows if w in dw)
    return numbers > 0 and 2 * (numbers + dated) > len(lows)


def _line_reason(norm: str, words: Sequence[str]) -> Optional[str]:
    n = len(words)
    if not any(ch.isalnum() for ch in norm):
        return "ui-label"
    script = _script_reason(norm)
    if script:
        return script
    if _COUNTER.match(norm):
        return "counter"
    if _FILE_LIKE.match(norm):
        return "ui-label"
    if n <= 12 and _date_line(words):
        return "dateline"
    if len(norm) <= _MAX_UI_LINE:
        phrase = _phrase_reason(norm, n)
        if phrase:
            return phrase
    if _TIMESTAMP_TEASER.match(norm):
        return "related-link"
    if n <= 12 and _stamp_line(norm, words):
        return "dateline"
    return _signature_reason(norm, words)


def _title_case(words: Sequence[str]) -> bool:
    """At least 70 % of the words are capitalised."""
    return sum(1 for w in words if w[:1].isupper()) >= 0.7 * len(words)


def _to_reader(norm: str, words: Sequence[str]) -> bool:
    """A short line that speaks to the reader (``vous``, ``cliquez``), outside any quotation
    and any dialogue turn."""
    return (
        len(words) <= _MAX_READER_WORDS
        and norm[:1] not in "—–-"
        and bool(_TO_READER.search(norm))
        and not _QUOTE_MARK.search(norm)
    )


def _mark_reader_lines(page: Page) -> None:
    """Short sentences to the reader ("Merci de votre visite !", "Retrouvez-nous sur votre
    application."): page furniture. Questions wait for the pass after the line model, which
    sees whether an answer follows (an interviewer's "Vous étiez sur place ?")."""
    for i in page.content:
        norm = page.norms[i]
        if i not in page.reasons and norm.endswith((".", "!")) and _to_reader(norm, page.words[i]):
            page.reasons[i] = "ui-label"


def _signature_reason(norm: str, words: Sequence[str]) -> Optional[str]:
    """Bylines, credits, breadcrumbs and embedded-post signatures, by their shape."""
    n = len(words)
    if n == 0 or n > 25:
        return None
    if _SOCIAL.match(norm):
        return "social-post"
    if n <= 12 and _EMAIL.search(norm):
        return "byline"
    if n <= 4 and _INITIALS.match(norm):
        return "byline"
    if n <= 6 and "/" in norm and _AGENCY_CODE.match(norm):
        return "credit"
    if len(_CRUMB.findall(norm)) >= 2 and not _END_SENTENCE.search(norm):
        return "ui-label"
    if 2 <= n <= 4 and not _END_SENTENCE.search(norm) and _is_name(words):
        return "byline"
    return None


def _is_name(words: Sequence[str]) -> bool:
    """A person's name alone on a line: capitalised words, the first a known first name."""
    if not all(w[:1].isupper() for w in words):
        return False
    return words[0].lower() in resources.first_names()


def _shapeless(norm: str, words: Sequence[str]) -> bool:
    """A very short line with no sentence structure: a label, a rubric, a name on its own."""
    n = len(words)
    if n == 0 or n > 3 or _END_SENTENCE.search(norm):
        return False
    letters = [w for w in words if w[:1].isalpha()]
    if not letters:
        return True
    if n == 1:
        return True
    if all(w.isupper() for w in letters if len(w) > 1):
        return True  # rubric in capitals
    if all(w[:1].islower() for w in letters):
        return True  # UI label
    return False


def _is_headline_like(norm: str, words: Sequence[str]) -> bool:
    return 2 <= len(words) <= 30 and not norm.rstrip().endswith(".")


def _is_body_like(norm: str, words: Sequence[str], min_words: int = 15) -> bool:
    return len(words) >= min_words and bool(_END_SENTENCE.search(norm)) and not _END_TRUNCATED.search(norm)


# -- the whole page ---------------------------------------------------------------------


def _shingles(words: Sequence[str], k: int = 4) -> set[tuple[str, ...]]:
    lw = [w.lower() for w in words]
    return {tuple(lw[i : i + k]) for i in range(max(0, len(lw) - k + 1))}


@dataclass
class Page:
    """The content (non-blank) lines of a page, by line index: their normalised text, their words,
    and the reasons found so far for those judged boilerplate."""

    content: list[int]
    norms: dict[int, str]
    words: dict[int, list[str]]
    reasons: dict[int, str]


def read_page(lines: Sequence[Line]) -> Page:
    """The content lines of ``lines``, normalised and split into words, no verdict yet."""
    content = [ln.index for ln in lines if not ln.blank]
    norms = {i: _norm(lines[i].text) for i in content}
    words: dict[int, list[str]] = {}
    for i in content:
        words[i] = _words(norms[i])
    return Page(content, norms, words, {})


def analyse_lines(text: str, model: bool = True) -> LineAnalysis:
    """Judge every line of ``text``; see the module docstring for the evidence used.
    ``model=False``: the phrase and shape rules only, without the line model and the pass after
    it (what the line model is trained on)."""
    lines = split_lines(text)
    page = read_page(lines)
    content, norms, words, reasons = page.content, page.norms, page.words, page.reasons
    for i in content:
        reason = _line_reason(norms[i], words[i])
        if reason:
            reasons[i] = reason

    _mark_repeats(page)
    _mark_teasers(page)
    _mark_zones(page)
    _mark_reader_lines(page)

    for i in content:
        if i not in reasons and _shapeless(norms[i], words[i]):
            reasons[i] = "ui-label"
    title = _find_title(page)
    _smooth(page, title)
    if title is not None:
        reasons.pop(title, None)
    if model and content:
        _mark_by_model(page, title)
        _mark_stray_labels(page, title)
    return LineAnalysis(lines, title, reasons)


def _mark_stray_labels(page: Page, title: Optional[int]) -> None:
    """Lines judged by their neighbours, as jusText judges short blocks (after the line model, on
    the verdicts before this pass). Never the headline. Boilerplate are:

    * a short sentence (4-8 words) between two lines judged boilerplate, on a page of six lines
      or more: a slogan or a message of the page (``Faits divers.``, ``Pour lire la suite :``);
      an article's short last sentence stands by its paragraphs or its quotations;
    * a question to the reader with no prose after it (``Vous avez aimé cet article ?``; an
      interviewer's question has its answer after it);
    * among lines of at most twenty words ending no sentence: a title-case line of 2-10 words
      (``Facebook Comments``: French prose and subheadings capitalise their first word and names
      only), a line opening on a number (a list teaser ``1. Les plus lus``, a counter, a stamp),
      a line of one to three words by no prose (``Provence``, ``Sur ce sujet``; a subheading
      stands by its paragraphs), a headline-shaped line between two lines judged boilerplate (a
      teaser of a list of links)."""
    content, norms, words, reasons = page.content, page.norms, page.words, page.reasons
    n = len(content)
    prose = [i not in reasons and _is_body_like(norms[i], words[i]) for i in content]

    def flagged(j: int) -> bool:
        return j < 0 or j >= n or content[j] in reasons

    whole_page = n >= _MODEL_MIN_LINES  # not a few sentences given on their own
    found = []
    seen_prose = False
    for k, i in enumerate(content):
        if i in reasons or i == title or _speaker_label(page, i):
            seen_prose = seen_prose or prose[k]
            continue
        norm, ws = norms[i], words[i]
        if (
            whole_page
            and _MIN_LONE_SENTENCE_WORDS <= len(ws) <= _MAX_LONE_SENTENCE_WORDS
            and norm.endswith((".", "!", "?", "…", ":"))
            and flagged(k - 1)
            and flagged(k + 1)
            and not _QUOTE_MARK.search(norm)
        ):
            found.append(i)
        elif norm.endswith("?") and _to_reader(norm, ws) and not (k + 1 < n and prose[k + 1]):
            found.append(i)
        elif not 1 <= len(ws) <= 20 or norm.endswith(_SENTENCE_ENDS):
            seen_prose = seen_prose or prose[k]
        elif 2 <= len(ws) <= _MAX_TITLE_CASE_WORDS and _title_case(ws):
            found.append(i)
        elif len(ws) <= _MAX_NUMBERED_WORDS and norm[:1].isdigit():
            found.append(i)
        elif len(ws) <= 3 and not (k > 0 and prose[k - 1]) and not (k + 1 < n and prose[k + 1]):
            found.append(i)
        elif flagged(k - 1) and flagged(k + 1) and (title is not None or seen_prose):
            found.append(i)  # (without a title, a line before the first prose may be the headline)
    for i in found:
        reasons[i] = "ui-label" if len(words[i]) <= 3 else "related-link"


def line_features(page: Page, only: Optional[Sequence[int]] = None) -> list[list[float]]:
    """The line model's features of every content line, or of the lines at positions ``only`` of
    ``page.content`` (see ``linemodel``)."""
    flagged = [i in page.reasons for i in page.content]
    texts = [page.norms[i] for i in page.content]
    return linemodel.features(texts, [page.words[i] for i in page.content], flagged, only)


def _mark_by_model(page: Page, title: Optional[int]) -> None:
    """Lines the rules kept, judged by the small statistical model over shallow features of the
    line and its neighbours; only a confident verdict removes a line."""
    content, norms, reasons = page.content, page.norms, page.reasons
    if len(content) < _MODEL_MIN_LINES:
        return
    # a line opened by a dash is a dialogue turn (the model learnt from news pages, where such
    # lines are rare, and would take a novel's dialogue for furniture)
    judged = [k for k, i in enumerate(content) if model_judges(i, page, title) and norms[i][:1] not in "—–-"]
    if not judged:
        return
    probs = linemodel.probabilities(line_features(page, judged))
    cut = linemodel.threshold()
    for k, p in zip(judged, probs):
        if p >= cut:
            reasons[content[k]] = "furniture"


_MODEL_MIN_LINES = 6  # a scraped page, not a paragraph or two given on their own


def model_judges(i: int, page: Page, title: Optional[int]) -> bool:
    """The line model judges the lines the rules kept, except the title, full sentences of prose
    (forty words or more ending a sentence) and speaker labels, which it never removes."""
    return (
        i not in page.reasons
        and i != title
        and not _is_body_like(page.norms[i], page.words[i], 40)
        and not _speaker_label(page, i)
    )


_LABEL_NAME = regex.compile(r"\p{Lu}[\p{Ll}'’-]+(?:[ -]\p{Lu}[\p{L}'’-]+){1,3}")
_LABEL_REST = regex.compile(r"\s*(?:\([^()@|]{1,40}\)|,[^@|()]{1,60})?")


def _speaker_label(page: Page, i: int) -> bool:
    """Line ``i`` names who speaks in the quotation opening the next line, as interview answers,
    after-match reactions and vox pops print them (``Marie Roux (FC Sion)``, ``Paul Sow, 34 ans,
    infirmier``, then ``« ... »``): a name, an optional bracket or apposition, no sentence."""
    norm = page.norms[i]
    m = _LABEL_NAME.match(norm)
    if m is None or len(page.words[i]) > 10 or norm.endswith(_SENTENCE_ENDS):
        return False
    rest = _LABEL_REST.match(norm, m.end())
    if rest is None or rest.end() != len(norm):
        return False
    k = bisect_left(page.content, i) + 1
    return k < len(page.content) and page.norms[page.content[k]][:1] in _QUOTE_OPENERS


def _mark_repeats(page: Page) -> None:
    content, norms, words, reasons = page.content, page.norms, page.words, page.reasons
    # identical short lines seen more than once are page furniture (teaser labels, buttons)
    seen: dict[str, list[int]] = {}
    for i in content:
        seen.setdefault(norms[i].lower(), []).append(i)
    for key, idxs in seen.items():
        if len(idxs) > 1 and not _END_SENTENCE.search(key) and key[:1] not in '—–-«"“':
            short = len(words[idxs[0]]) <= 8
            for i in idxs if short else idxs[1:]:
                reasons.setdefault(i, "related-link" if short else "duplicate")
    # a line written twice in a row (an image's text and its caption), away from the top of the
    # page where the headline may be repeated: both copies are the caption
    position = {i: k for k, i in enumerate(content)}
    cores: dict[str, list[int]] = {}
    for i in content:
        if len(words[i]) >= 4:
            cores.setdefault(" ".join(words[i]).lower(), []).append(i)
    for idxs in cores.values():
        for a, b in zip(idxs, idxs[1:]):
            if position[b] - position[a] == 1 and position[a] >= 2:
                reasons.setdefault(a, "duplicate")
                reasons.setdefault(b, "duplicate")
    # a line whose words all stand in one longer line: a pull-quote or a caption repeating the body
    index: dict[tuple[str, ...], set[int]] = {}
    shingles: dict[int, set[tuple[str, ...]]] = {}
    for i in content:
        sh = _shingles(words[i])
        shingles[i] = sh
        for s in sh:
            index.setdefault(s, set()).add(i)
    twins = {key for key, idxs in seen.items() if len(idxs) > 1}
    for i in content:
        if i in reasons or norms[i].lower() in twins:
            continue  # a line repeated word for word is handled above, not a pull-quote
        if position[i] < 3 or _QUOTE_MARK.search(norms[i]):
            # the headline and the lede repeat each other; a quotation said twice is still
            # the article's (annotators keep both copies)
            continue
        if len(words[i]) < 6:
            continue  # stripping a trailing attribution only takes words away
        stripped = _TRAILING_ATTRIBUTION.sub("", norms[i])
        same = stripped == norms[i]
        ws = words[i] if same else _words(stripped)
        if len(ws) < 6 or len(ws) > 40:
            continue
        own = shingles[i] if same else _shingles(ws)
        if not own:
            continue
        candidates: Optional[set[int]] = None
        for s in own:
            holders = index.get(s, set()) - {i}
            candidates = holders if candidates is None else candidates & holders
            if not candidates:
                break
        if candidates and any(len(words[j]) > len(ws) for j in candidates):
            reasons[i] = "pull-quote"


def _mark_teasers(page: Page) -> None:
    content, norms, words, reasons = page.content, page.norms, page.words, page.reasons
    # "<place> - <outlet>" label lines, and the headline right under them
    for k, i in enumerate(content):
        if _PLACE_OUTLET.match(norms[i]) and len(words[i]) <= 8:
            reasons[i] = "related-link"
            if k + 1 < len(content):
                j = content[k + 1]
                if j not in reasons and _is_headline_like(norms[j], words[j]):
                    reasons[j] = "related-link"
    # runs of "Topic - text" teaser lines (two or more close together; a line another rule
    # judged, "Temps de lecture : 2 min", is no teaser of the run)
    _mark_runs([i for i in content if _TOPIC_DASH.match(norms[i]) and i not in reasons], reasons)
    # runs of "Topic : headline" lines without a full stop ("Tennis : X annonce son retour")
    _mark_runs(
        [
            i
            for i in content
            if _is_headline_like(norms[i], words[i]) and _TOPIC_COLON.match(norms[i]) and i not in reasons
        ],
        reasons,
    )


def _mark_runs(teasers: Sequence[int], reasons: dict[int, str]) -> None:
    """Teaser-shaped lines two or more close together (at most three lines apart) are a list."""
    for a, b in zip(teasers, teasers[1:]):
        if b - a <= 3:
            for i in (a, b):
                reasons.setdefault(i, "related-link")


def _mark_zones(page: Page) -> None:
    content, norms, words, reasons = page.content, page.norms, page.words, page.reasons
    body_seen = 0
    k = 0
    while k < len(content):
        i = content[k]
        kind = _zone_kind(norms[i])
        if kind is None:
            if i not in reasons and len(words[i]) >= 20:
                body_seen += 1
            k += 1
            continue
        reasons.setdefault(i, kind)
        k += 1
        if kind == "comment-prompt":
            if body_seen == 0:
                continue
            # the comment section: up to a long line that reads as article body again
            while k < len(content):
                j = content[k]
                if j not in reasons and _is_body_like(norms[j], words[j], 25):
                    break
                reasons.setdefault(j, "comment-prompt")
                k += 1
            continue
        # a block of teasers: up to the next line that reads as article body
        while k < len(content):
            j = content[k]
            if _is_body_like(norms[j], words[j]) and j not in reasons:
                break
            if _zone_kind(norms[j]) is not None:
                break
            reasons.setdefault(j, kind)
            k += 1


def _content_stems(words: Sequence[str]) -> set[str]:
    """The first five letters of the content words (four letters or more, no function word)."""
    stop = resources.stopwords()
    return {w.lower()[:5] for w in words if len(w) >= 4 and w.lower() not in stop and not w.isdigit()}


def _unrelated(page: Page, i: int) -> bool:
    """Line ``i`` shares no content word with the rest of the article (the lines not judged
    boilerplate): a site label or a UI string (``Voir mon actualité``, ``Outlet (Edition)``), no
    headline, which always takes up words of its article. A headline quoting someone is kept."""
    own = _content_stems(page.words[i])
    if len(own) < 2 or _QUOTE_MARK.search(page.norms[i]) or page.norms[i].rstrip().endswith((".", "!", "?", "…")):
        return False
    k = page.content.index(i)
    if k + 1 < len(page.content) and page.content[k + 1] == i + 1 and page.norms[i + 1][:1].islower():
        return False  # a sentence wrapped onto the next line
    rest: set[str] = set()
    for j in page.content:
        if j != i and j not in page.reasons:
            rest |= _content_stems(page.words[j])
    return len(rest) >= _MIN_ARTICLE_STEMS and not own & rest


def _find_title(page: Page) -> Optional[int]:
    content, norms, words, reasons = page.content, page.norms, page.words, page.reasons
    candidates = [i for i in content if i not in reasons]
    while len(candidates) > 2 and _unrelated(page, candidates[0]):
        reasons[candidates[0]] = "ui-label"
        candidates = candidates[1:]
    if len(candidates) < 2:
        return None
    first = candidates[0]
    norm, ws = norms[first], words[first]
    if len(ws) <= 5 and not _END_SENTENCE.search(norm) and len(candidates) > 2:
        # a rubric above the headline ("Ligue 1", "Économie", "Politique au Luxembourg")
        second = candidates[1]
        if _is_headline_like(norms[second], words[second]) and len(words[second]) >= max(3, len(ws) + 2):
            reasons[first] = "ui-label"
            candidates = candidates[1:]
            first = second
            norm, ws = norms[first], words[first]
    nxt = candidates[1]
    if nxt == first + 1 and regex.match(r"^\s*\p{Ll}", norms[nxt]):
        return None  # a hard-wrapped sentence, not a headline
    if not 3 <= len(ws) <= 30 or norm.endswith((".", ",", ";", ":")):
        return None
    if len(norm) > 220:
        return None
    return first


def _smooth(page: Page, title: Optional[int]) -> None:
    """A short line without sentence end between two boilerplate lines is boilerplate too."""
    content, norms, words, reasons = page.content, page.norms, page.words, page.reasons
    for k, i in enumerate(content):
        if i in reasons or i == title:
            continue
        if len(words[i]) > 6 or _END_SENTENCE.search(norms[i]):
            continue
        prev_bp = k == 0 or content[k - 1] in reasons
        next_bp = k + 1 >= len(content) or content[k + 1] in reasons
        if prev_bp and next_bp and (k > 0 and k + 1 < len(content)):
            reasons[i] = reasons.get(content[k - 1], "ui-label") if content[k - 1] in reasons else "ui-label"
