"""Documents that speak: "the statement said" and whoever issued the statement.

What belongs here: :func:`document_issuer`, the reading of a definite document description
("the statement", "the filing", "the written statement"; the nouns are
``resources/document_nouns.txt``) as the speaker the story gave the document to in the nearest
earlier sentence that names one as where a speaker said it ("Acme Corp. said in a statement
...", "In a filing, Acme said ..."). Else None: a document named otherwise ("The Times said
Cook provided a written statement") says nothing of whose it is. Pure functions of an article and the speakers resolved
so far.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import resources as _resources
from .segment import sentences_back

_NOUNS = _resources.word_set("document_nouns")
_DEFINITE_DOC_RE = re.compile(r"(?:the|that|this)\s+(?:[a-z-]+\s+){0,2}(?P<noun>[a-z]+)")
#: How many sentences back the document's first naming is looked for.
_SENTENCES_BACK = 4


def document_issuer(art, low: str, pos: int, resolved: list) -> tuple[str, str] | None:
    """(speaker, type) that a definite document description at ``pos`` stands for, or None.

    ``low``: the description, lower case; ``resolved``: the ``(position, speaker, type, ...)``
    of the statements resolved before it, in text order.
    """
    dm = _DEFINITE_DOC_RE.fullmatch(low.strip(" ,."))
    if dm is None or dm.group("noun") not in _NOUNS:
        return None
    after_cue, opening, named = _patterns(dm.group("noun"))
    for lo, hi, end in sentences_back(art.sents, art.sent_starts, pos, _SENTENCES_BACK):
        am = after_cue.search(art.masked, lo, hi)
        if am is not None:
            # the speaker whose subject comes last before the cue
            before = [r for r in resolved if lo <= r[0] < am.start() and r[1]]
            if before and before[-1][2] != "unknown":
                return before[-1][1], before[-1][2]
            return None
        if opening.match(art.masked, lo, hi):
            found = {(r[1], r[2]) for r in resolved if lo <= r[0] < end and r[1]}
            if len(found) == 1 and next(iter(found))[1] != "unknown":
                return found.pop()
            return None
        if named.search(art.masked, lo, hi):
            return None  # the nearest document named is no speaker's ("Cook provided a ...")
    return None


@lru_cache(maxsize=64)
def _patterns(noun: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The three patterns of one document noun, compiled once.

    Where a speaker said something in it ("X said in a statement", "X wrote in its filing";
    "In a statement, X said"), and any naming of one.
    """
    noun = re.escape(noun)
    # (its modifiers may name the body it went to: "a Securities and Exchange Commission filing")
    mods = r"(?:(?:[a-z-]+|[A-Z][\w&.-]*)\s+){0,5}?"
    doc = r"(?:a|an|its|his|her|their)\s+" + mods + noun + r"(?![\w-])"
    after_cue = re.compile(r"(?<![\w-])(?:" + _CUES + r")\s+(?:[a-z]+\s+){0,2}?in\s+" + doc)
    opening = re.compile(r"\s*In\s+" + doc)
    named = re.compile(
        r"(?<![\w-])(?:a|an|its|his|her|their|the|[A-Z][\w.&-]*[’']s)\s+"
        + mods
        + noun
        + r"(?![\w-])"
    )
    return after_cue, opening, named


_CUES = "said|says|wrote|writes|announced|added|stated|argued|noted|explained|told"
