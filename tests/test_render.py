"""What a person looks at: spaCy spans for displaCy, the HTML view, and that view in a real browser."""

from __future__ import annotations

import html
import html.parser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED

import quotex

HOSTILE = (
    "Titre <script>alert('x')</script> & <b>gras</b>\n\n"
    "« Nous ne céderons pas <img src=x onerror=alert(1)> », a déclaré le maire Paul Girard lundi. 🎉🚀\n\n"
    "قال المتحدث باسم الحكومة إن الوضع مستقر. « Le dialogue reprendra », a assuré la ministre Hélène Roux.\n\n"
    "« Une guillemet ouverte sans fermeture, a-t-il ajouté.\n\n" + "motsanslimite" * 400 + "\n\n"
    "Partager sur Facebook\n"
    "Abonnez-vous à notre newsletter\n"
)


class _Elements(html.parser.HTMLParser):
    """The elements of a page: (tag, attributes) in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, object]]) -> None:
        self.elements.append((tag, {k: str(v) for k, v in attrs}))


def elements(page: str) -> list[tuple[str, dict[str, str]]]:
    p = _Elements()
    p.feed(page)
    return p.elements


def quote_elements(page: str) -> list[dict[str, str]]:
    return [a for tag, a in elements(page) if "data-quote-type" in a]


def test_seed_page_marks_every_quote_with_its_speaker(seed_doc) -> None:
    page = quotex.render_html(seed_doc)
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "http" not in page
    quotes = quote_elements(page)
    assert [q["data-quote-type"] for q in quotes] == [q.type for q in seed_doc.quotes]
    assert [q["data-speaker"] for q in quotes] == [q.speaker or "" for q in seed_doc.quotes]
    # the side panel lists each speaker once, with the number of quotations and links to them
    panel = page[page.index('<aside class="panel">') :]
    baldanza = next(e for e in seed_doc.entities if e.name == "Michelle Baldanza")
    assert f'data-speaker="{baldanza.id}"' in panel and "porte-parole du Pentagone" in panel
    assert panel.count("<li data-speaker=") == len({q.speaker for q in seed_doc.quotes})
    for n in range(len(seed_doc.quotes)):
        assert f'href="#q{n}"' in panel and f'id="q{n}"' in page


def test_boilerplate_is_greyed_folded_and_explained() -> None:
    doc = quotex.extract(HOSTILE)
    page = quotex.render_html(doc)
    assert doc.boilerplate
    reasons = [a["data-reason"] for tag, a in elements(page) if "data-reason" in a]
    assert reasons == [b.reason for b in sorted(doc.boilerplate, key=lambda b: b.span.start)]
    assert page.count('<details class="boilerplate">') >= 1


def test_article_text_is_escaped_and_nothing_is_injected() -> None:
    doc = quotex.extract(HOSTILE)
    page = quotex.render_html(doc)
    tags = {tag for tag, _ in elements(page)}
    assert not tags & {"script", "b", "img"}
    assert "&lt;script&gt;" in page and "&lt;b&gt;gras&lt;/b&gt;" in page and "🎉" in page and "قال" in page
    # the text between the tags is the input text, character for character
    assert html.unescape("".join(_Text.of(page))) == HOSTILE


class _Text(html.parser.HTMLParser):
    """The text of the article element only (not the head line or the panel)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.depth = 0
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "main":
            self.depth = 1
        elif self.depth:
            self.depth += 1
            if tag in ("summary",) or a.get("class") == "head":
                self.skip = self.depth

    def handle_endtag(self, tag):
        if self.depth:
            if self.skip == self.depth:
                self.skip = 0
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")

    @classmethod
    def of(cls, page: str) -> list[str]:
        p = cls()
        p.feed(page)
        return p.parts


def test_fragment_and_notebook_view(seed_doc) -> None:
    frag = quotex.render_html(seed_doc, page=False)
    assert not frag.startswith("<!DOCTYPE") and frag.startswith('<div class="quotex">')
    assert seed_doc._repr_html_() == frag
    assert len(quote_elements(frag)) == 8
    with pytest.raises(TypeError):
        quotex.render_html("pas un document")  # type: ignore[arg-type]


def test_empty_and_failed_documents_render() -> None:
    for doc in (quotex.extract(""), next(quotex.extract_many([None]))):
        page = quotex.render_html(doc)
        assert "No quotation found." in page and quote_elements(page) == []


def test_cli_html_one_page_and_a_folder(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "quotex", str(SEED), "--format", "html"], capture_output=True, timeout=600
    )
    assert r.returncode == 0, r.stderr
    assert len(quote_elements(r.stdout.decode())) == 8
    other = tmp_path / "autre.txt"
    other.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "html"
    r = subprocess.run(
        [sys.executable, "-m", "quotex", str(SEED), str(other), "--format", "html", "-o", str(out)],
        capture_output=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr
    pages = sorted(p.name for p in out.glob("*.html"))
    assert pages == ["00000-000_7870b7fd83a32e72.txt.html", "00001-autre.txt.html", "index.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert [a["href"] for tag, a in elements(index) if tag == "a"] == pages[:2]
    assert "<td>8</td>" in index


# -- spaCy spans ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    import spacy

    nlp = spacy.blank("fr")
    nlp.add_pipe("quotex")
    return nlp


def test_span_group_for_displacy(nlp, seed_text) -> None:
    from spacy import displacy

    doc = nlp(seed_text)
    group = doc.spans["quotex"]
    labels = [s.label_ for s in group]
    ref = quotex.extract(seed_text)
    assert sum(1 for lab in labels if lab in ("DIRECT", "INDIRECT", "MIXED")) == len(ref.quotes) == 8
    assert labels.count("CUE") == sum(1 for q in ref.quotes if q.cue)
    assert labels.count("SPEAKER") == sum(1 for q in ref.quotes if q.speaker_mention)
    for span in group:
        if span.label_ in ("DIRECT", "INDIRECT", "MIXED"):
            assert any(span.start_char <= q.content.start and q.content.end <= span.end_char for q in ref.quotes)
    out = displacy.render(doc, style="span", options={"spans_key": "quotex"})
    assert "DIRECT" in out and "Baldanza" in out


def test_span_group_survives_serialisation(nlp, seed_text) -> None:
    from spacy.tokens import Doc, DocBin

    doc = nlp(seed_text)
    want = [(s.start, s.end, s.label_) for s in doc.spans["quotex"]]
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [(s.start, s.end, s.label_) for s in again.spans["quotex"]] == want
    db = DocBin(store_user_data=True)
    db.add(doc)
    back = list(DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab))[0]
    assert [(s.start, s.end, s.label_) for s in back.spans["quotex"]] == want


def test_span_group_across_processes(nlp, seed_text) -> None:
    docs = list(nlp.pipe([seed_text, "« Oui », a dit Anne Roy."], n_process=2, batch_size=1))
    assert sum(1 for s in docs[0].spans["quotex"] if s.label_ == "SPEAKER") >= 1
    assert [s.label_ for s in docs[1].spans["quotex"]].count("DIRECT") == 1


# -- in a real browser -------------------------------------------------------------------------


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium on this machine (.ci/run installs Debian's chromium)")
    return ""


def _headless(browser: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            *args,
        ],
        capture_output=True,
        timeout=180,
    )


@pytest.mark.parametrize("name", ["seed", "hostile"])
def test_view_in_headless_chromium(tmp_path: Path, seed_doc, name: str) -> None:
    browser = _chromium()
    doc = seed_doc if name == "seed" else quotex.extract(HOSTILE)
    page = tmp_path / f"{name}.html"
    page.write_text(quotex.render_html(doc), encoding="utf-8")
    r = _headless(browser, "--dump-dom", page.as_uri())
    assert r.returncode == 0, r.stderr[-2000:]
    dom = r.stdout.decode("utf-8")
    quotes = quote_elements(dom)
    assert [q["data-speaker"] for q in quotes] == [q.speaker or "" for q in doc.quotes]
    if name == "seed":
        assert len(quotes) == 8 and all(q["data-speaker"] for q in quotes)
    tags = [tag for tag, _ in elements(dom)]
    assert "script" not in tags and "img" not in tags and "b" not in tags  # nothing injected
    shot = tmp_path / f"{name}.png"
    r = _headless(browser, f"--screenshot={shot}", "--window-size=1200,900", page.as_uri())
    assert r.returncode == 0 and shot.exists(), r.stderr[-2000:]
    colours = _png_colours(shot.read_bytes())
    assert len(colours) > 20  # text, highlights and panel: not a blank page


def _png_colours(data: bytes) -> set:
    """The distinct pixel colours of a PNG (8-bit RGB or RGBA, non-interlaced), decoded here."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    channels = 4
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour_type in (2, 6)
            channels = 3 if colour_type == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    prev = bytearray(stride)
    colours = set()
    for row in range(len(raw) // (stride + 1)):
        f = raw[row * (stride + 1)]
        line = bytearray(raw[row * (stride + 1) + 1 : (row + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if row % 8 == 0:
            colours.update(bytes(line[i : i + 3]) for i in range(0, stride, channels * 4))
        prev = line
    return colours
