"""What the quotation stage produces: quoted regions, speaker references, candidates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


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
    ``float`` (no cue: the nearest entity before ``start`` in the paragraph, else inherit),
    ``clause`` (no cue, quoted words inside a sentence: the subject of that sentence, else as
    ``float``).
    """

    kind: str
    start: int = -1
    end: int = -1


@dataclass
class Candidate:
    type: str
    start: int
    end: int
    cue: Optional[tuple[int, int]]
    ref: SpeakerRef
    paragraph: Optional[int]
    priority: int = 1
    sentence: tuple[int, int] = (-1, -1)
    regions: list[Region] = field(default_factory=list)
