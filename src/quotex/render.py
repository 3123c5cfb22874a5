"""Who said what, to look at: one self-contained HTML page (or fragment) of a ``Document``.

``render_html(doc)`` shows the page text as it came, with the boilerplate lines greyed and folded
(their reason on hover), each quotation highlighted by type, each speaker in a colour of its own (on
the quotation, on the words naming the speaker, and in the side panel "who said what", which links
to the quotations), and the cues marked. Inline CSS only: no script, no external asset. Every
quotation element carries ``data-quote-type`` and ``data-speaker`` (the speaker's entity id, empty
when unattributed). All text of the article is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Optional

from .model import Document, Entity

__all__ = ["render_html"]

_CSS = """
.quotex { font: 16px/1.55 Georgia, 'DejaVu Serif', serif; color: #1d1d1f; display: flex; gap: 2em;
  align-items: flex-start; max-width: 76em; margin: 0 auto; padding: 1em; }
.quotex .article { flex: 3; min-width: 0; white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
.quotex .panel { flex: 1; min-width: 14em; position: sticky; top: 1em; font: 14px/1.4 'DejaVu Sans', Arial, sans-serif;
  border-left: 3px solid #ddd; padding-left: 1em; }
.quotex .panel h2 { font-size: 1.1em; margin: 0 0 .6em; }
.quotex .panel ol { padding-left: 1.2em; margin: 0; }
.quotex .panel li { margin-bottom: .7em; }
.quotex .panel .links a { margin-right: .4em; }
.quotex .head { font: 13px 'DejaVu Sans', Arial, sans-serif; color: #555; margin-bottom: 1em; white-space: normal; }
.quotex .title { font-size: 1.5em; font-weight: bold; }
.quotex details.boilerplate { color: #9a9a9a; background: #f4f4f4; border-left: 3px solid #ccc; padding: 0 .5em;
  white-space: pre-wrap; font-size: .85em; }
.quotex details.boilerplate summary { cursor: pointer; font-style: italic; white-space: normal; }
.quotex .bp-line { display: block; }
.quotex .q { border-bottom: 3px solid var(--spk, #888); padding: 1px 0; }
.quotex .q-direct { background: #fff1b8; }
.quotex .q-indirect { background: #dff0ff; }
.quotex .q-mixed { background: #e9e1ff; }
.quotex .cue { text-decoration: underline dotted 2px; font-style: italic; }
.quotex .spk { color: var(--spk, #333); font-weight: bold; }
.quotex .swatch { display: inline-block; width: .9em; height: .9em; border-radius: 50%; background: var(--spk, #888);
  vertical-align: middle; margin-right: .3em; }
.quotex .legend span { margin-right: .8em; padding: 0 .3em; }
"""


def _colour(n: int) -> str:
    """A distinct, readable colour for the n-th speaker (golden-angle hues)."""
    return f"hsl({(n * 137.508 + 20) % 360:.0f}, 70%, 38%)"


def _esc(s: str) -> str:
    return html.escape(s, quote=True)


class _Mark:
    __slots__ = ("start", "end", "level", "open", "close")

    def __init__(self, start: int, end: int, level: int, open_: str, close: str) -> None:
        self.start, self.end, self.level, self.open, self.close = start, end, level, open_, close


def _nest(marks: list[_Mark]) -> list[_Mark]:
    """Marks that nest: a mark crossing the edge of a mark of a lower level (an outer one) is cut
    there; marks of one level that overlap are clipped to the first."""
    out: list[_Mark] = []
    for level in sorted({m.level for m in marks}):
        edges = sorted({p for m in out for p in (m.start, m.end)})  # of the outer levels placed so far
        placed: list[tuple[int, int]] = []
        for m in sorted((m for m in marks if m.level == level), key=lambda m: (m.start, -m.end)):
            start = max([m.start] + [e for s, e in placed if s <= m.start < e])
            if start >= m.end:
                continue
            cuts = [p for p in edges if start < p < m.end]
            bounds = [start, *cuts, m.end]
            for a, b in zip(bounds, bounds[1:]):
                if a < b:
                    out.append(_Mark(a, b, level, m.open, m.close))
            placed.append((start, m.end))
    return out


def _paint(text: str, marks: list[_Mark]) -> str:
    """The text with the (nesting) marks as elements, every character escaped."""
    opens: dict[int, list[_Mark]] = {}
    closes: dict[int, list[_Mark]] = {}
    for m in marks:
        opens.setdefault(m.start, []).append(m)
        closes.setdefault(m.end, []).append(m)
    points = sorted({0, len(text), *opens, *closes})
    parts: list[str] = []
    for a, b in zip(points, points[1:] + [len(text)]):
        # inner marks close first, outer ones open first
        for m in sorted(closes.get(a, []), key=lambda m: (-m.level, m.start)):
            parts.append(m.close)
        for m in sorted(opens.get(a, []), key=lambda m: (m.level, -m.end)):
            parts.append(m.open)
        if a < b:
            parts.append(_esc(text[a:b]))
    return "".join(parts)


def _boilerplate_runs(doc: Document) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """Runs of boilerplate lines with only blank text between them: (start, end, lines)."""
    runs: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    for b in sorted(doc.boilerplate, key=lambda b: b.span.start):
        s, e = b.span.start, b.span.end
        if runs and not doc.text[runs[-1][1] : s].strip():
            runs[-1] = (runs[-1][0], e, runs[-1][2] + [(s, e, b.reason)])
        else:
            runs.append((s, e, [(s, e, b.reason)]))
    return runs


def _panel(doc: Document, colours: dict[str, str], counts: dict[Optional[str], list[int]]) -> str:
    items = []
    for sid, quotes in counts.items():
        ent: Optional[Entity] = doc.entity(sid)
        links = " ".join(f'<a href="#q{n}">{n + 1}</a>' for n in quotes)
        if ent is None:
            items.append(
                f'<li data-speaker=""><span class="swatch"></span><strong>Unattributed</strong> — {len(quotes)} '
                f'quotation{"s" if len(quotes) > 1 else ""}<div class="links">{links}</div></li>'
            )
            continue
        bits = [_esc(ent.label.lower())]
        if ent.role:
            bits.append(_esc(ent.role))
        aff = doc.entity(ent.affiliation)
        if aff is not None:
            bits.append("affiliation: " + _esc(aff.name))
        items.append(
            f'<li data-speaker="{_esc(ent.id)}" style="--spk: {colours[ent.id]}"><span class="swatch"></span>'
            f'<strong class="spk">{_esc(ent.name)}</strong> — {len(quotes)} quotation{"s" if len(quotes) > 1 else ""}'
            f'<br><small>{"; ".join(bits)}</small><div class="links">{links}</div></li>'
        )
    legend = (
        '<p class="legend"><span class="q q-direct">direct</span><span class="q q-indirect">indirect</span>'
        '<span class="q q-mixed">mixed</span><span class="cue">cue</span></p>'
    )
    body = "".join(items) or "<li>No quotation found.</li>"
    return f'<aside class="panel"><h2>Who said what</h2>{legend}<ol>{body}</ol></aside>'


def render_html(doc: Document, page: bool = True, title: Optional[str] = None) -> str:
    """The document as HTML: a whole self-contained page (``page=True``) or a fragment to embed
    (a notebook cell, another page). ``title`` names the page (default: the article's title)."""
    if not isinstance(doc, Document):
        raise TypeError(f"render_html expects a quotex Document, not {type(doc).__name__}")
    text = doc.text
    speakers: list[str] = []
    for q in doc.quotes:
        if q.speaker and q.speaker not in speakers:
            speakers.append(q.speaker)
    colours = {sid: _colour(n) for n, sid in enumerate(speakers)}
    counts: dict[Optional[str], list[int]] = {}
    for n, q in enumerate(doc.quotes):
        counts.setdefault(q.speaker, []).append(n)

    marks: list[_Mark] = []
    for s, e, lines in _boilerplate_runs(doc):
        reasons = sorted({r for _, _, r in lines})
        summary = f"{len(lines)} line{'s' if len(lines) > 1 else ''} of page furniture ({', '.join(reasons)})"
        marks.append(_Mark(s, e, 0, f'<details class="boilerplate"><summary>{_esc(summary)}</summary>', "</details>"))
        for ls, le, reason in lines:
            marks.append(
                _Mark(
                    ls, le, 1, f'<span class="bp-line" title="{_esc(reason)}" data-reason="{_esc(reason)}">', "</span>"
                )
            )
    if doc.title is not None:
        marks.append(_Mark(doc.title.start, doc.title.end, 1, '<span class="title">', "</span>"))
    for n, q in enumerate(doc.quotes):
        sid = q.speaker or ""
        ent = doc.entity(q.speaker)
        style = f' style="--spk: {colours[sid]}"' if sid in colours else ""
        who = f"{q.type} — {ent.name if ent else 'unattributed'}"
        marks.append(
            _Mark(
                q.content.start,
                q.content.end,
                2,
                f'<span class="q q-{_esc(q.type)}" id="q{n}" data-quote-type="{_esc(q.type)}" '
                f'data-speaker="{_esc(sid)}" title="{_esc(who)}"{style}>',
                "</span>",
            )
        )
        if q.cue is not None:
            marks.append(_Mark(q.cue.start, q.cue.end, 3, '<span class="cue">', "</span>"))
        if q.speaker_mention is not None:
            marks.append(
                _Mark(
                    q.speaker_mention.start,
                    q.speaker_mention.end,
                    3,
                    f'<span class="spk" data-speaker="{_esc(sid)}"{style}>',
                    "</span>",
                )
            )
    body = _paint(text, _nest([m for m in marks if 0 <= m.start < m.end <= len(text)]))
    heading = title if title is not None else (doc.title.text if doc.title is not None else "quotex")
    head = (
        f'<div class="head">{len(doc.quotes)} quotations, {len(speakers)} speakers, '
        f"{len(doc.boilerplate)} boilerplate lines removed, {len(doc.entities)} entities"
        + (f" — error: {_esc(doc.error)}" if doc.error else "")
        + "</div>"
    )
    fragment = (
        f'<div class="quotex"><style>{_CSS}</style><main class="article">{head}{body}</main>'
        f"{_panel(doc, colours, counts)}</div>"
    )
    if not page:
        return fragment
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(heading)}</title></head><body>{fragment}</body></html>\n"
    )


def render_index(entries: Sequence[tuple[str, str, Document]]) -> str:
    """An index page of rendered documents: (link, name, document) each, with their counts."""
    rows = "".join(
        f'<tr><td><a href="{_esc(link)}">{_esc(name)}</a></td><td>{_esc(doc.title.text if doc.title else "")}</td>'
        f"<td>{len(doc.quotes)}</td><td>{len({q.speaker for q in doc.quotes if q.speaker})}</td>"
        f"<td>{len(doc.boilerplate)}</td><td>{_esc(doc.error or '')}</td></tr>"
        for link, name, doc in entries
    )
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8"><title>quotex: index</title>'
        "<style>body{font:14px 'DejaVu Sans',Arial,sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border-bottom:1px solid #ddd;padding:.3em .8em;text-align:left}</style></head><body>"
        f"<h1>quotex</h1><table><tr><th>input</th><th>title</th><th>quotations</th><th>speakers</th>"
        f"<th>boilerplate lines</th><th>error</th></tr>{rows}</table></body></html>\n"
    )
