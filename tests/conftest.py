from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_7870b7fd83a32e72.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(seed_text: str):
    import quotex

    return quotex.extract(seed_text)


def assert_offsets(doc) -> None:
    """Every span of the document points into the original text, within bounds."""
    for span in doc.spans():
        assert 0 <= span.start <= span.end <= len(doc.text)
        assert doc.text[span.start : span.end] == span.text


def lines_run(fn, *args) -> int:
    """How many lines of quotex's own code ``fn(*args)`` runs: a measure of work that does not
    depend on the machine's speed or load (spaCy's parse is not counted)."""
    import os
    import sys

    import quotex

    root = os.path.dirname(quotex.__file__)
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def outer(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(root) else None

    previous = sys.gettrace()
    sys.settrace(outer)
    try:
        fn(*args)
    finally:
        sys.settrace(previous)
    return count
