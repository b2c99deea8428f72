"""The timeline of statements: one lane per proposition, one row per speaker.

What belongs here: :func:`timeline_data` and :func:`timeline`, and the layered chart the
dashboard reuses. Statements on different propositions never share a lane.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import altair as alt
import pandas as pd

from .base import (
    PALETTE,
    STANCE_ORDER,
    UNATTRIBUTED,
    UNKNOWN_OUTLET,
    _date_brush,
    _ensure,
    _frame,
    _plain,
    _scale,
    _text,
    no_data_chart,
)
from .table import quotes_table_data


def _combine_stances(values: Iterable[str]) -> str:
    vals = sorted({str(v) for v in values if isinstance(v, str) and v})
    if not vals:
        return "uncoded"
    return vals[0] if len(vals) == 1 else "mixed"


def timeline_data(corpus: Any, *, statements_only: bool = True) -> pd.DataFrame:
    """Dated statements (or all events) by actor, with their stance and date conflicts.

    One row per statement (every event with ``statements_only=False``) with a date
    (``events.date_start`` not missing). ``speaker`` is the canonical name of the event's
    person (``people.name`` via ``events.person_id``) when known, else the quote's speaker
    when the event is a statement with a quote, else the event's actor.
    ``stance`` combines the stances coded on the event's quote: one value, ``mixed`` when
    they differ, ``uncoded`` when there are none (``stances`` lists ``proposition:stance``).
    ``date_after`` is the day after ``date_end`` (the interval is drawn ``[date_start,
    date_after)``). ``in_conflict`` / ``conflict_ids`` come from ``conflicts.event_ids``.

    Args:
        corpus: The corpus.
        statements_only: Keep only statements (False: every dated event).

    Returns:
        The DataFrame sorted by speaker's first date, speaker, date, event id. The number of
        undated events left out is ``len(events) - len(result)``.
    """
    cols = [
        "event_id", "article_id", "outlet", "speaker", "kind", "description", "date_start",
        "date_end", "date_after", "date_text", "basis", "stance", "stances", "in_conflict",
        "conflict_ids", "quote_id", "quote", "cue", "via",
    ]  # fmt: skip
    ev = _frame(corpus, "events")
    ev = ev[ev["date_start"].notna()]
    if statements_only and "kind" in ev.columns:
        ev = ev[ev["kind"] == "statement"]
    if ev.empty:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    people = _ensure(getattr(corpus, "people", None), ["person_id", "name"])
    canonical = {
        str(k): str(v)
        for k, v in zip(people["person_id"], people["name"], strict=True)
        if pd.notna(k) and pd.notna(v)
    }
    qt = quotes_table_data(corpus).set_index("quote_id") if len(_frame(corpus, "quotes")) else None
    a = _frame(corpus, "articles").set_index("article_id")["outlet"]
    st = _frame(corpus, "stances")
    st = st[st["quote_id"].notna()]
    by_quote = {
        str(k): (
            _combine_stances(g["stance"]),
            "|".join(
                sorted({f"{p}:{s}" for p, s in zip(g["proposition_id"], g["stance"], strict=True)})
            ),
        )
        for k, g in st.groupby("quote_id", sort=True)
    }
    conflicts = _ensure(getattr(corpus, "conflicts", None), ["conflict_id", "event_ids"])
    conflict_of: dict[str, set[str]] = {}
    for cid, ids in zip(conflicts["conflict_id"], conflicts["event_ids"], strict=True):
        if not isinstance(ids, str):
            continue
        for e in ids.split("|"):
            if e.strip():
                conflict_of.setdefault(e.strip(), set()).add(str(cid))
    rows = []
    for r in ev.itertuples(index=False):
        qid = r.quote_id if isinstance(r.quote_id, str) and r.quote_id else None
        qrow = qt.loc[qid] if (qt is not None and qid in qt.index) else None
        pid = getattr(r, "person_id", None)
        speaker = (
            canonical[str(pid)]
            if isinstance(pid, str) and str(pid) in canonical
            else qrow["speaker"]
            if qrow is not None
            else _text(pd.Series([r.actor]), UNATTRIBUTED).iloc[0]
        )
        stance, stances = by_quote.get(qid, ("uncoded", "")) if qid else ("uncoded", "")
        end = r.date_end if pd.notna(r.date_end) else r.date_start
        cids = sorted(conflict_of.get(str(r.event_id), set()))
        rows.append(
            {
                "event_id": str(r.event_id),
                "article_id": str(r.article_id),
                "outlet": a.get(r.article_id)
                if r.article_id in a.index and pd.notna(a.get(r.article_id))
                else UNKNOWN_OUTLET,
                "speaker": speaker,
                "kind": r.kind if isinstance(r.kind, str) else "event",
                "description": r.description if isinstance(r.description, str) else "",
                "date_start": pd.Timestamp(r.date_start).strftime("%Y-%m-%d"),
                "date_end": pd.Timestamp(end).strftime("%Y-%m-%d"),
                "date_after": (pd.Timestamp(end) + pd.Timedelta(days=1)).strftime("%Y-%m-%d"),
                "date_text": r.date_text if isinstance(r.date_text, str) else "",
                "basis": r.basis if isinstance(r.basis, str) else "",
                "stance": stance,
                "stances": stances,
                "in_conflict": bool(cids),
                "conflict_ids": "|".join(cids),
                "quote_id": qid,
                "quote": qrow["quote"] if qrow is not None else "",
                "cue": qrow["cue"] if qrow is not None else "",
                "via": qrow["via"] if qrow is not None else "",
            }
        )
    df = pd.DataFrame(rows, columns=cols)
    first = df.groupby("speaker")["date_start"].min().rename("_first")
    df = df.join(first, on="speaker").sort_values(
        ["_first", "speaker", "date_start", "event_id"], kind="stable"
    )
    return _plain(df.drop(columns="_first").reset_index(drop=True))


def timeline(
    corpus: Any, *, data: pd.DataFrame | None = None, brush: bool = True
) -> alt.TopLevelMixin:
    """Statements by actor over time, coloured by stance, with date uncertainty and conflicts.

    Each statement is a bar from ``date_start`` to the end of ``date_end`` (a one-day bar
    when the date is exact, longer when uncertain); a black ring marks events whose date is
    disputed (``corpus.conflicts``). Dragging on the chart sets ``date_brush``.

    Args:
        corpus: The corpus.
        data: The output of :func:`timeline_data`, when already computed.
        brush: Add the ``date_brush`` interval selection.

    Returns:
        A layered Altair chart (or a "no data" chart).
    """
    df = timeline_data(corpus) if data is None else data
    title = "Timeline of statements by speaker (colour = stance; ring = disputed date)"
    if df.empty:
        return no_data_chart("No dated statements or events", title)
    return _timeline_chart(df, title, brush=_date_brush() if brush else None)


TIMELINE_FOCUS_DAYS = 31
"""Intervals longer than this many days ("since 2012") do not set the timeline's x range:
they are drawn clipped at its left edge, so that the days most statements fall on stay
readable."""


def _timeline_domain(df: pd.DataFrame) -> alt.Scale:
    start = pd.to_datetime(df["date_start"])
    after = pd.to_datetime(df["date_after"])
    short = (after - start) <= pd.Timedelta(days=TIMELINE_FOCUS_DAYS)
    lo = start[short].min() if short.any() else start.min()
    hi = after.max()
    lo, hi = lo - pd.Timedelta(days=1), hi + pd.Timedelta(days=1)
    return alt.Scale(domain=[lo.strftime("%Y-%m-%d"), hi.strftime("%Y-%m-%d")])


def _timeline_chart(
    df: pd.DataFrame,
    title: str,
    *,
    brush: alt.Parameter | None,
    speaker: alt.Parameter | None = None,
    define: bool = True,
) -> alt.TopLevelMixin:
    speakers = list(dict.fromkeys(df["speaker"]))
    y = alt.Y("speaker:N", sort=speakers, title=None, axis=alt.Axis(labelLimit=220))
    x = alt.X(
        "date_start:T", title="date", axis=alt.Axis(format="%Y-%m-%d"), scale=_timeline_domain(df)
    )
    base = alt.Chart(df).properties(width=560, height=max(120, 26 * len(speakers)))
    tooltip = [
        alt.Tooltip("quote:N", title="quote"),
        alt.Tooltip("description:N", title="description"),
        alt.Tooltip("speaker:N", title="speaker"),
        alt.Tooltip("stance:N", title="stance"),
        alt.Tooltip("stances:N", title="stances"),
        alt.Tooltip("date_start:N", title="from"),
        alt.Tooltip("date_end:N", title="to"),
        alt.Tooltip("date_text:N", title="as written"),
        alt.Tooltip("basis:N", title="date basis"),
        alt.Tooltip("conflict_ids:N", title="conflicts"),
        alt.Tooltip("article_id:N", title="article"),
        alt.Tooltip("outlet:N", title="outlet"),
        alt.Tooltip("cue:N", title="cue"),
        alt.Tooltip("via:N", title="via"),
    ]
    bars = base.mark_bar(height=12, cornerRadius=2, clip=True).encode(
        x=x,
        x2="date_after:T",
        y=y,
        color=alt.Color("stance:N", scale=_scale("stance", STANCE_ORDER), title="stance"),
        tooltip=tooltip,
    )
    if speaker is not None:
        bars = bars.encode(opacity=alt.condition(speaker, alt.value(0.9), alt.value(0.2)))
    if brush is not None:
        bars = (bars.add_params(brush) if define else bars).properties(name="timeline_bars")
    rings = (
        base.transform_filter("datum.in_conflict")
        .mark_point(
            shape="circle",
            size=260,
            filled=False,
            strokeWidth=2,
            clip=True,
            color=PALETTE["link"]["conflict"],  # type: ignore[index]
        )
        .encode(x=x, y=y, tooltip=tooltip)
    )
    return alt.layer(bars, rings).properties(title=title)
