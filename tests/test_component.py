"""The spaCy component: registration, extensions, serialisation, multiprocessing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from conftest import DATA
from spacy.tokens import Doc, DocBin

import quotex

TEXTS = [
    "« Nous ne céderons rien », a déclaré mardi la ministre du Travail Claire Dumont.",
    "Selon la préfecture, plus de mille personnes ont manifesté samedi à Rennes.",
    "Le président turc Recep Demir a proposé aux Européens d'organiser un sommet.\n\nPublicité\n\n« C'est urgent », a-t-il ajouté.",
]


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load("fr_core_news_sm")
    nlp.add_pipe("quotex")
    return nlp


def test_add_pipe_and_extensions(nlp) -> None:
    doc = nlp(TEXTS[0])
    assert [q.type for q in doc._.quotes] == ["direct"]
    assert [e.name for e in doc._.speakers] == ["Claire Dumont"]
    assert isinstance(doc._.quotex, dict)
    assert doc._.quotex_document.text == doc.text


def _texts(seed_text):
    return TEXTS + [seed_text] + [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))]


def test_component_gives_exactly_extract(nlp, seed_text) -> None:
    for text in _texts(seed_text):
        assert nlp(text)._.quotex_document == quotex.extract(text), text[:60]


def test_on_a_blank_pipeline_gives_exactly_extract(seed_text) -> None:
    nlp = spacy.blank("fr")
    nlp.add_pipe("quotex")
    for text in _texts(seed_text)[:4]:
        assert nlp(text)._.quotex_document == quotex.extract(text), text[:60]


def test_host_parse_agrees_with_extract(seed_text) -> None:
    """With reparse=False, on the host pipeline's own parse, the page structure is identical and
    the quotations nearly so (the parse of a whole page and of normalised paragraphs can differ)."""
    host = spacy.load("fr_core_news_sm")
    host.add_pipe("quotex", config={"reparse": False})
    same = total = 0
    for text in _texts(seed_text):
        a, b = quotex.extract(text), host(text)._.quotex_document
        assert (a.title, a.paragraphs, a.boilerplate) == (b.title, b.paragraphs, b.boilerplate)
        got = {(q.type, q.content.start, q.content.end) for q in b.quotes}
        total += len(a.quotes)
        same += sum((q.type, q.content.start, q.content.end) in got for q in a.quotes)
    assert same >= 0.85 * total, (same, total)


def test_values_survive_to_bytes_and_docbin(nlp) -> None:
    doc = nlp(TEXTS[2])
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.quotes == doc._.quotes
    bin_ = DocBin(store_user_data=True, docs=[doc])
    restored = list(DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab))[0]
    assert restored._.quotex_document == doc._.quotex_document


def test_to_disk_and_load(nlp, tmp_path: Path) -> None:
    pipe = nlp.get_pipe("quotex")
    pipe.remove_boilerplate = pipe.reparse = False
    try:
        nlp.to_disk(tmp_path / "pipe")
    finally:
        pipe.remove_boilerplate = pipe.reparse = True
    loaded = spacy.load(tmp_path / "pipe")
    assert "quotex" in loaded.pipe_names
    assert loaded.get_pipe("quotex").remove_boilerplate is False
    assert loaded.get_pipe("quotex").reparse is False
    assert (tmp_path / "pipe" / "quotex" / "cfg.json").exists()
    doc = loaded(TEXTS[2])
    assert doc._.boilerplate == ()


def test_nlp_pipe_with_two_processes(nlp) -> None:
    docs = list(nlp.pipe(TEXTS, n_process=2, batch_size=1))
    assert [d._.quotex_document for d in docs] == [nlp(t)._.quotex_document for t in TEXTS]


def test_factory_found_without_importing_quotex() -> None:
    code = (
        "import sys, spacy\n"
        "nlp = spacy.load('fr_core_news_sm')\n"
        "nlp.add_pipe('quotex')\n"
        "doc = nlp('« Oui », a dit Anne Roy.')\n"
        "print(len(doc._.quotes))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "1"


def test_import_is_lazy() -> None:
    code = "import sys, quotex\nprint('spacy' in sys.modules, 'quotex.pipeline' in sys.modules)\n"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert r.stdout.split() == ["False", "False"]


def test_extract_many_in_order_with_bad_items() -> None:
    items = [TEXTS[0], None, "", TEXTS[1], b"bytes", TEXTS[2]]
    docs = list(quotex.extract_many(items, batch_size=2))
    assert len(docs) == len(items)
    assert docs[0] == quotex.extract(TEXTS[0])
    assert docs[1].error.startswith("TypeError") and docs[4].error.startswith("TypeError")
    assert docs[2].error is None and docs[2].quotes == ()
    assert docs[5] == quotex.extract(TEXTS[2])


def test_extract_many_two_processes_is_the_same() -> None:
    items = TEXTS * 3
    assert list(quotex.extract_many(items, batch_size=2, n_process=2)) == list(quotex.extract_many(items))


def test_batches_from_worker_and_from_this_process_keep_input_order() -> None:
    from quotex.pipeline import Options, _extract_parallel

    items = [TEXTS[n % 3] + f" Dépêche {n}." for n in range(12)] + [None]
    tally: dict = {}
    got = list(_extract_parallel(items, 1, 2, Options(), wait_for_workers=True, tally=tally))
    assert tally["workers"] >= 1 and tally["here"] >= 1, tally  # a real mix of both processes
    assert got == list(quotex.extract_many(items))
    assert [d.text for d in got[:-1]] == items[:-1] and got[-1].error.startswith("TypeError")


_SCRIPT = """
import quotex
texts = {texts!r}
docs = list(quotex.extract_many(texts, batch_size=1, n_process=2))
print(len(docs), [len(d.quotes) for d in docs])
"""


@pytest.mark.parametrize("how", ["stdin", "file without a main guard"])
def test_two_processes_fall_back_when_workers_cannot_start(how: str, tmp_path: Path) -> None:
    # a script piped to `python -` or without `if __name__ == "__main__":` cannot start spawned
    # workers; the stream must still finish, with a warning, instead of restarting workers forever
    script = _SCRIPT.format(texts=TEXTS[:2])
    if how == "stdin":
        r = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=600)
    else:
        path = tmp_path / "unguarded.py"
        path.write_text(script, encoding="utf-8")
        r = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    expected = [len(quotex.extract(t).quotes) for t in TEXTS[:2]]
    assert r.stdout.strip().splitlines()[-1] == f"2 {expected}"
    if how == "stdin":  # known before starting: no worker is tried
        assert "RuntimeWarning" in r.stderr and "continuing in this process" in r.stderr


def test_stopping_early_stops_the_workers() -> None:
    import multiprocessing

    from quotex.pipeline import Options, _extract_parallel

    before = set(multiprocessing.active_children())
    stream = _extract_parallel(TEXTS * 20, 1, 2, Options(), wait_for_workers=True)
    got = [next(stream) for _ in range(3)]
    stream.close()  # the consumer stops: no hang, and no worker left behind
    assert [d.text for d in got] == TEXTS
    assert set(multiprocessing.active_children()) <= before
