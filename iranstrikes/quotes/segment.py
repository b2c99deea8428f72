"""The small records of the quote extractor, and the segmentation it shares with the text model.

What belongs here: ``_Stmt`` (one attributed statement while it is being resolved) and
:func:`sentences_back`, the window of sentences a backward look-up reads. Masks,
paragraphs, quotation pairing and sentences live in :mod:`iranstrikes.text.segment` and are
re-exported here for the quote modules.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..text.segment import (  # noqa: F401 (re-exported for the quote modules)
    MAX_SENTENCE,
    _find_quotes,
    _is_headline,
    _mask,
    _paragraphs,
    _Quote,
    _sentences,
)


# ---------------------------------------------------------------------------------------------
# Document model
# ---------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Stmt:
    kind: str
    start: int
    end: int
    cue: tuple[int, int]
    subj: tuple[int, int] | None  # speaker mention span
    sent: tuple[int, int]
    method: str
    conf: float
    via: tuple[int, int] | None = None
    via_name: str = ""
    speaker: str = ""
    speaker_type: str = "unknown"
    inherit_from: int | None = None
    subj_from: int | None = None  # index of statement whose speaker to reuse
    apposition: str = ""
    extra: dict = field(default_factory=dict)


def sentences_back(
    sents: list[tuple[int, ...]], starts: list[int], pos: int, n: int
) -> list[tuple[int, int, int]]:
    """The window of sentences a backward look-up from ``pos`` reads, nearest first.

    ``(start, end cut at pos, end)`` of the sentence holding ``pos``, then of up to ``n``
    sentences before it (``starts``: the sentences' sorted start offsets).
    """
    j = bisect.bisect_right(starts, pos) - 1
    return [
        (sents[k][0], min(pos, sents[k][1]), sents[k][1]) for k in range(j, max(-1, j - n - 1), -1)
    ]
