"""Via chains: the hands a statement passed through, each with the span that says so.

What belongs here: building, for one statement, the chain from the article's publisher back to
the source (``publisher ← reprinting outlet ← agency ← speaker``) out of what the extractor
already found: the statement's ``via`` (the outlet nearest the source), the other outlets its
own sentence credits ("*The Courier*, citing ...", "..., *the agency* reported"), the wire credited
in the dateline or byline, and the publisher passed by the caller. Each link keeps the offsets
of the words that name it; the publisher (article metadata) has none.

Two plain columns carry it (:data:`~iranstrikes.quotes.frame.QUOTE_COLUMNS`):
``via_chain`` (names joined by ``" ← "``, outermost first) and ``via_chain_spans`` (one
``start-end`` per link in the same order, empty for a link the text does not name).
:func:`via_links` turns them into one row per link for reading.
"""

from __future__ import annotations

import pandas as pd

from .article import _Article
from .lexicon import _RX61, _RX62
from .outlets import canonical_outlet
from .segment import _Stmt

#: Separator of ``via_chain`` (outermost hand first).
ARROW = " ← "


def _credited_outlets(art: _Article, st: _Stmt, taken: set[str]) -> list[tuple[int, int, str]]:
    """Other outlets the statement's sentence credits, nearest the source first.

    An outlet counts when a reporting verb follows it ("The Courier reported") or a via cue
    ("citing", "according to", "told") comes right before it, and it lies outside the reported
    content and the speaker span. Later in the sentence means further from the source
    ("X told A, B reported").
    """
    m = art.masked
    ss, se = st.sent
    subj = st.subj or (-1, -1)
    cue_ends = art.via_cue_ends(ss, se)
    out = []
    for o in art.outlets_between(ss, se - 1):
        if o[2] in taken or (st.start <= o[0] < st.end) or (o[0] < subj[1] and o[1] > subj[0]):
            continue
        followed = bool(_RX62.match(m[o[1] : o[1] + 40]))
        cued = any(
            pos - 1 <= o[0] <= pos + 30 and not _RX61.search(m[pos : o[0]]) for pos in cue_ends
        )
        if followed or cued:
            out.append((o[0], o[1], o[2]))
            taken.add(o[2])
    return out


def via_chain(
    art: _Article,
    st: _Stmt,
    via: tuple[int, int, str] | None,
    wire: tuple[int, int, str] | None,
    publisher: str | None,
) -> tuple[str, str]:
    """``(via_chain, via_chain_spans)`` of one statement; both empty when it is first-hand.

    Args:
        art: the article.
        st: the statement (speaker already resolved).
        via: its resolved intermediary ``(start, end, name)``, or None.
        wire: the wire credited in the dateline/byline, or None.
        publisher: the article's outlet when the caller knows it.
    """
    if via is None:
        return "", ""
    source = st.speaker or "unknown source"
    ss, se = st.subj if st.subj else (-1, -1)
    links: list[tuple[int, int, str]] = [(ss, se, source), via]
    taken = {source, via[2]}
    if st.sent[0] <= via[0] < st.sent[1]:  # named in this sentence (not carried from earlier)
        links += _credited_outlets(art, st, taken)
    if wire is not None and wire[2] not in taken:
        links.append(wire)
        taken.add(wire[2])
    pub = canonical_outlet(publisher) if isinstance(publisher, str) and publisher else ""
    if pub and pub not in taken:
        links.append((-1, -1, pub))
    links.reverse()  # outermost hand first
    names = ARROW.join(name for _s, _e, name in links)
    spans = ";".join(f"{s}-{e}" if s >= 0 else "" for s, e, _name in links)
    return names, spans


def via_links(quotes: pd.DataFrame, text: str) -> pd.DataFrame:
    """One row per link of each quote's via chain, with the words that name it.

    Args:
        quotes: a frame from :func:`~iranstrikes.quotes.extract_quotes` of ``text``.
        text: the article text.

    Returns:
        Columns ``row`` (index of the quote), ``hop`` (0 = outermost hand), ``hand``,
        ``role`` (publisher / intermediary / source), ``evidence`` (the text naming the link,
        empty for article metadata), ``start`` and ``end`` (-1 when the text names none).
    """
    rows = []
    for i, (chain, spans) in enumerate(
        zip(quotes["via_chain"].tolist(), quotes["via_chain_spans"].tolist(), strict=True)
    ):
        if not chain:
            continue
        names = chain.split(ARROW)
        sp = spans.split(";")
        for hop, (name, s) in enumerate(zip(names, sp, strict=True)):
            a, b = (int(x) for x in s.split("-")) if s else (-1, -1)
            role = "source" if hop == len(names) - 1 else "intermediary"
            if hop == 0 and a < 0:
                role = "publisher"
            rows.append((i, hop, name, role, text[a:b] if a >= 0 else "", a, b))
    cols = ["row", "hop", "hand", "role", "evidence", "start", "end"]
    return pd.DataFrame(rows, columns=cols).astype({"row": "int64", "hop": "int64"})
