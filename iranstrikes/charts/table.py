"""The quote table every chart and widget starts from (:func:`quotes_table_data`).

What belongs here: one row per quote joined to its article, statement date and coded stances,
with the speaker shown by its canonical name (``people.name`` through ``quotes.person_id``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from .base import (
    UNKNOWN_OUTLET,
    _frame,
    _ints,
    _iso,
    _text,
    canonical_names,
    canonical_speaker,
    source_class,
)

QUOTES_TABLE_COLUMNS = (
    "quote_id",
    "article_id",
    "outlet",
    "published",
    "date_start",
    "date_end",
    "date_basis",
    "speaker",
    "person_id",
    "speaker_as_written",
    "speaker_type",
    "source_class",
    "kind",
    "cue",
    "via",
    "quote",
    "start",
    "end",
    "propositions",
    "stances",
)


def _bare(name: Any) -> str:
    """A speaker's name without the separators of the ``stances`` column."""
    return " ".join(str(name).replace("|", " ").replace("@", " ").split())


def _stances_cell(pairs: Iterable[tuple[str, str, str]]) -> str:
    """The ``stances`` cell of (proposition, stance, other speaker or "") triples."""
    return "|".join(f"{p}:{s}@{w}" if w else f"{p}:{s}" for p, s, w in pairs)


def stance_triples(cell: Any) -> list[tuple[str, str, str]]:
    """Read a ``stances`` cell of :func:`quotes_table_data` back into triples.

    ``"P1:denies|P2:affirms@Anna Berg"`` → ``[("P1", "denies", ""), ("P2", "affirms",
    "Anna Berg")]``: proposition, stance, and the speaker the codebook gives the stance to
    when it is not the quote's own speaker ("" otherwise). Empty for an uncoded quote.
    """
    if not isinstance(cell, str) or not cell:
        return []
    out = []
    for pair in cell.split("|"):
        pid, _, rest = pair.partition(":")
        stance, _, who = rest.partition("@")
        out.append((pid, stance, who))
    return out


def quotes_table_data(corpus: Any) -> pd.DataFrame:
    """One row per quote with its outlet, dates and coded stances, ready to chart or filter.

    ``date_start``/``date_end`` are the statement's date from ``events`` when the chronology
    dated it, else the article's publication range (``date_basis`` says which: ``statement``,
    ``published`` or ``none``). ``propositions`` and ``stances`` are ``|``-joined, in
    proposition order (``stances`` holds ``proposition:stance`` pairs, and
    ``proposition:stance@speaker`` for a stance the codebook gives to someone other than the
    quote's own speaker, e.g. the reports a speaker denies); empty when uncoded.
    :func:`stance_triples` reads a ``stances`` cell back.

    Args:
        corpus: A :class:`~iranstrikes.corpus.Corpus` (or any object with its frames).

    Returns:
        A DataFrame with :data:`QUOTES_TABLE_COLUMNS`, sorted by ``quote_id``.
    """
    q = _frame(corpus, "quotes")
    if q.empty:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in QUOTES_TABLE_COLUMNS})
    a = _frame(corpus, "articles")[["article_id", "outlet", "published", "published_latest"]]
    df = q.merge(a, on="article_id", how="left")
    ev = _frame(corpus, "events")
    ev = ev[ev["quote_id"].notna() & ev["date_start"].notna()]
    ev = ev.sort_values(["quote_id", "event_id"]).drop_duplicates("quote_id")
    df = df.merge(
        ev[["quote_id", "date_start", "date_end"]].rename(
            columns={"date_start": "_ev_start", "date_end": "_ev_end"}
        ),
        on="quote_id",
        how="left",
    )
    has_ev = df["_ev_start"].notna()
    start = df["_ev_start"].where(has_ev, df["published"])
    end = df["_ev_end"].where(has_ev & df["_ev_end"].notna(), df["_ev_start"])
    end = end.where(
        has_ev, df["published_latest"].where(df["published_latest"].notna(), df["published"])
    )
    basis = [
        "statement" if e else ("published" if pd.notna(p) else "none")
        for e, p in zip(has_ev, df["published"], strict=True)
    ]

    names = canonical_names(corpus)
    st = _frame(corpus, "stances")
    st = st[st["quote_id"].notna()].sort_values(["quote_id", "proposition_id", "stance_id"])
    quote_speaker = dict(
        zip(
            _text(q["quote_id"]),
            canonical_speaker(q["person_id"], q["speaker"], names),
            strict=True,
        )
    )
    props: dict[str, str] = {}
    stances: dict[str, str] = {}
    for qid, g in st.groupby("quote_id", sort=True):
        own = quote_speaker.get(str(qid))
        speakers = canonical_speaker(g["person_id"], g["speaker"], names)
        pairs = sorted(
            {
                (str(p), str(s), "" if who == own else _bare(who))
                for p, s, who in zip(g["proposition_id"], g["stance"], speakers, strict=True)
            }
        )
        props[str(qid)] = "|".join(sorted({p for p, _, _ in pairs}))
        stances[str(qid)] = _stances_cell(pairs)

    out = pd.DataFrame(
        {
            "quote_id": _text(df["quote_id"]),
            "article_id": _text(df["article_id"]),
            "outlet": _text(df["outlet"], UNKNOWN_OUTLET),
            "published": _iso(df["published"]),
            "date_start": _iso(start),
            "date_end": _iso(end),
            "date_basis": basis,
            "speaker": canonical_speaker(df["person_id"], df["speaker"], names),
            "person_id": _text(df["person_id"]),
            "speaker_as_written": _text(df["speaker"], ""),
            "speaker_type": _text(df["speaker_type"], "unknown"),
            "source_class": [source_class(t) for t in df["speaker_type"]],
            "kind": _text(df["kind"]),
            "cue": _text(df["cue"], ""),
            "via": _text(df["via"], ""),
            "quote": _text(df["quote"], ""),
            "start": _ints(df["start"]),
            "end": _ints(df["end"]),
        }
    )
    out["propositions"] = [props.get(str(i), "") for i in out["quote_id"]]
    out["stances"] = [stances.get(str(i), "") for i in out["quote_id"]]
    return out.sort_values("quote_id", kind="stable").reset_index(drop=True)
