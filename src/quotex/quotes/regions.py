"""Quoted regions: one linear scan over quotation marks and dialogue dashes."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Optional

import regex

from .. import resources
from ..marks import CLOSERS as _CLOSERS
from ..marks import OPENERS as _OPENERS
from .lexicon import _DASHES, _SPACES
from .records import Region

# the characters the scan acts on (every other character is passed over)
_MARKS = regex.compile("[" + regex.escape("".join(sorted(set(_OPENERS) | set(_CLOSERS)))) + "]")


def _skip_spaces(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in _SPACES:
        pos += 1
    return pos


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _SPACES):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _SPACES):
        end -= 1
    return start, end


def find_regions(text: str, stretches: Sequence[tuple[int, int]]) -> list[Region]:
    """Top-level quoted regions of the article stretches (title, paragraphs), in order. Linear."""
    out: list[Region] = []
    carried: Optional[tuple[str, int]] = None  # opener and its offset, open at the last stretch's end
    for k, (s, e) in enumerate(stretches):
        stack: list[str] = []
        counts: dict[str, int] = {}
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
        seen: Optional[dict[str, list[int]]] = None  # offsets of each mark in the stretch, when needed
        for mark in _MARKS.finditer(text, pos, e):
            pos = mark.start()
            ch = text[pos]
            if ch == '"':
                shape = _straight_shape(text, pos, s, e)
                if stack == ['"'] and shape == "open":
                    # '... que "la situation est grave. Puis ... "Nous ferons tout", a-t-il dit':
                    # a mark shaped as an opener while another is open: that one was never
                    # closed and opens nothing; this one opens
                    stack.pop()
                    counts['"'] -= 1
                if shape == "close" and not stack:
                    continue  # a closer-shaped mark with nothing open: stray
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
            elif (
                ch in _CLOSERS
                and len(stack) == 1
                and stack[0] != '"'
                and _stray_closes(stack[0], pos, e, seen := seen if seen is not None else _mark_offsets(text, pos, e))
            ):
                # "« J'habite à côté”, raconte X": a closer of another style ends a quotation
                # whose own closer never comes before it opens again
                counts[stack.pop()] -= 1
                a, b = _trim(text, top_open + 1, pos)
                out.append(Region(a, b, top_open, pos, True))
            elif ch in _OPENERS:
                if not stack:
                    top_open = pos
                stack.append(ch)
                counts[ch] = counts.get(ch, 0) + 1
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


def _straight_shape(text: str, pos: int, start: int, end: int) -> str:
    """``open`` for a straight quotation mark after a space (or the stretch's start) and before a
    word, ``close`` for one after a word and before a space or punctuation, else ``either``."""
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    space_before = before.isspace() or before in "([{\u00a0\u202f—–-"
    space_after = after.isspace() or after in ".,;:!?)]}…\u00a0\u202f"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def _mark_offsets(text: str, start: int, end: int) -> dict[str, list[int]]:
    """The offsets of each quotation mark in ``text[start:end]``, in order."""
    offsets: dict[str, list[int]] = {}
    for m in _MARKS.finditer(text, start, end):
        offsets.setdefault(m.group(), []).append(m.start())
    return offsets


def _stray_closes(opener: str, pos: int, end: int, offsets: dict[str, list[int]]) -> bool:
    """A closing mark of another style at ``pos`` closes ``opener`` when no closer of the opener's
    own style comes before the opener is used again (or the stretch ends)."""

    def next_of(mark: str) -> int:
        found = offsets.get(mark, [])
        k = bisect_right(found, pos)
        return found[k] if k < len(found) else end

    return min(next_of(c) for c in _OPENERS[opener]) >= next_of(opener)


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
    bounds: list[int] = [m.end() for m in _TURN_END.finditer(text, start, stop)]
    for k, b in enumerate(bounds):
        nxt = bounds[k + 1] if k + 1 < len(bounds) else stop
        sentence = text[b:nxt]
        if not _SPEAKER_WORDS.search(sentence) and _PAST_VERB.search(sentence):
            return b
    return stop


def _dialogue_turns(text: str, s: int, e: int) -> list[Region]:
    """Dialogue turns of a stretch without quotation marks: a dash at its start, or after the end
    of a sentence, opens a turn that runs to the next such dash or to the stretch's end."""
    first = _skip_spaces(text, s, e)
    starts: list[tuple[int, int]] = []
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
            if j >= s and text[j] in ".!?…:" and nxt < e and (text[nxt].isupper() or text[nxt] in '«".'):
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
