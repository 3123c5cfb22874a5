"""Stage 2: group the article lines into paragraphs.

One paragraph per article line or block of lines; lines of one block are joined into one paragraph
when the text was hard-wrapped (the line does not end a sentence and the next one goes on in lower
case), and split otherwise (one scraped paragraph a line is the usual shape of news pages).
"""

from __future__ import annotations

import regex

from .boilerplate import LineAnalysis, _trim
from .marks import OPENERS
from .model import Paragraph, Span

__all__ = ["paragraphs"]

_ENDS_SENTENCE = regex.compile(r"[.!?…:;»\"”)\]]\s*$")
_STARTS_LOWER = regex.compile(r"^\s*[\p{Ll}\d,;)«\"]")


_WRAP_WIDTH = 60  # a hard-wrapped line is long; a shorter one is a heading or a line of its own


def _continues(prev: str, nxt: str) -> bool:
    if _ENDS_SENTENCE.search(prev) or not _STARTS_LOWER.match(nxt):
        return False
    # a quotation opening the next line goes on from a wrapped line, not from a subheading
    # ("Garde à vue prolongée" / "« Compte tenu des faits », ...")
    return nxt.lstrip()[:1] not in OPENERS or len(prev.strip()) >= _WRAP_WIDTH


def paragraphs(text: str, analysis: LineAnalysis) -> tuple[Paragraph, ...]:
    """Article paragraphs of ``text`` as spans of the original string."""
    groups: list[list[int]] = []
    current: list[int] = []
    for line in analysis.lines:
        if not analysis.is_article(line.index):
            if current:
                groups.append(current)
                current = []
            continue
        if current and not _continues(analysis.lines[current[-1]].text, line.text):
            groups.append(current)
            current = []
        current.append(line.index)
    if current:
        groups.append(current)
    out: list[Paragraph] = []
    for g in groups:
        first, last = analysis.lines[g[0]], analysis.lines[g[-1]]
        s, _ = _trim(first.text)
        _, e = _trim(last.text)
        out.append(Paragraph(len(out), Span.of(text, first.start + s, last.start + e)))
    return tuple(out)
