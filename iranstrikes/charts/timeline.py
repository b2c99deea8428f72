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
    STANCE_WORDS,
    UNATTRIBUTED,
    UNKNOWN_OUTLET,
    _date_brush,
    _ensure,
    _frame,
    _plain,
    _text,
    no_data_chart,
    stance_scale,
    wrap,
)
from .table import quotes_table_data


def _combine_stances(values: Iterable[str]) -> str:
    vals = sorted({str(v) for v in values if isinstance(v, str) and v})
    if not vals:
        return "uncoded"
    return vals[0] if len(vals) == 1 else "mixed"


UNCODED_LANE = "Statements not coded on any claim"
"""The lane of statements that the codebook does not code on any proposition."""


def _lanes(corpus: Any) -> dict[str, str]:
    """proposition_id → lane title ("Claim 1: <the claim in full>"), in codebook order."""
    props = _frame(corpus, "propositions")
    out = {}
    for i, (pid, text) in enumerate(zip(props["proposition_id"], props["text"], strict=True), 1):
        words = " ".join(str(text).split()) if isinstance(text, str) else str(pid)
        out[str(pid)] = f"Claim {i}: {words}"
    return out


def timeline_data(corpus: Any, *, statements_only: bool = True) -> pd.DataFrame:
    """Dated statements (or all events) by speaker, one lane per proposition.

    One row per (dated statement, proposition it is coded on); a statement coded on no
    proposition has one row in the lane :data:`UNCODED_LANE`. So a denial of one claim and a
    confirmation of another never share a lane. ``speaker`` is the canonical name of the
    event's person (``people.name`` via ``events.person_id``) when known, else the quote's
    (canonical) speaker, else the event's actor. ``stance`` is the stance on *that*
    proposition (``mixed`` when one statement took two; ``uncoded`` in the uncoded lane),
    ``stance_words`` says it in words, ``stances`` lists every ``proposition:stance`` of the
    statement. ``date_after`` is the day after ``date_end`` (the interval is drawn
    ``[date_start, date_after)``). ``in_conflict`` / ``conflict_ids`` come from
    ``conflicts.event_ids``.

    Args:
        corpus: The corpus.
        statements_only: Keep only statements (False: every dated event).

    Returns:
        The DataFrame sorted by lane, speaker's first date, speaker, date, event id.
        ``result["event_id"].nunique()`` is the number of dated statements charted.
    """
    cols = [
        "event_id", "article_id", "outlet", "speaker", "kind", "description", "date_start",
        "date_end", "date_after", "date_text", "basis", "lane", "lane_rank", "proposition_id",
        "stance", "stance_words", "stances", "in_conflict", "conflict_ids", "quote_id", "quote",
        "cue", "via",
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
    lanes = _lanes(corpus)
    lane_rank = {pid: i for i, pid in enumerate(lanes)}
    st = _frame(corpus, "stances")
    st = st[st["quote_id"].notna()]
    by_quote: dict[str, list[tuple[str, str]]] = {}
    listed: dict[str, str] = {}
    for k, g in st.groupby("quote_id", sort=True):
        by_quote[str(k)] = [
            (str(pid), _combine_stances(gp["stance"]))
            for pid, gp in g.groupby("proposition_id", sort=True)
        ]
        listed[str(k)] = "|".join(
            sorted({f"{p}:{s}" for p, s in zip(g["proposition_id"], g["stance"], strict=True)})
        )
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
        end = r.date_end if pd.notna(r.date_end) else r.date_start
        cids = sorted(conflict_of.get(str(r.event_id), set()))
        base = {
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
            "stances": listed.get(qid, "") if qid else "",
            "in_conflict": bool(cids),
            "conflict_ids": "|".join(cids),
            "quote_id": qid,
            "quote": qrow["quote"] if qrow is not None else "",
            "cue": qrow["cue"] if qrow is not None else "",
            "via": qrow["via"] if qrow is not None else "",
        }
        coded = [(p, s) for p, s in by_quote.get(qid, []) if p in lanes] if qid else []
        for prop, stance in coded or [("", "uncoded")]:
            rows.append(
                {
                    **base,
                    "lane": lanes.get(prop, UNCODED_LANE),
                    "lane_rank": lane_rank.get(prop, len(lanes)),
                    "proposition_id": prop,
                    "stance": stance,
                    "stance_words": STANCE_WORDS[stance],
                }
            )
    df = pd.DataFrame(rows, columns=cols)
    first = df.groupby("speaker")["date_start"].min().rename("_first")
    df = df.join(first, on="speaker").sort_values(
        ["lane_rank", "_first", "speaker", "date_start", "event_id"], kind="stable"
    )
    return _plain(df.drop(columns="_first").reset_index(drop=True))


def timeline(
    corpus: Any, *, data: pd.DataFrame | None = None, brush: bool = True
) -> alt.TopLevelMixin:
    """Statements over time, one lane per claim, one row per speaker, coloured by stance.

    Each lane holds the statements on one proposition (titled "Claim N: …" in full), so a
    "no" to one claim and a "yes" to another are never drawn side by side as if they were
    about the same thing. Each statement is a bar from ``date_start`` to the end of
    ``date_end`` (one day when the date is exact, longer when uncertain); a black ring marks
    statements whose date is disputed (``corpus.conflicts``). Dragging on a lane sets
    ``date_brush``.

    Args:
        corpus: The corpus.
        data: The output of :func:`timeline_data`, when already computed.
        brush: Add the ``date_brush`` interval selection.

    Returns:
        A vertically concatenated Altair chart (or a "no data" chart).
    """
    df = timeline_data(corpus) if data is None else data
    title = alt.TitleParams(
        "When each claim was made, and by whom",
        subtitle=["One lane per claim. Colour = what the statement says about that claim; "
                  "a longer bar = a less certain date; a ring = a disputed date."],
        anchor="start",
    )  # fmt: skip
    if df.empty:
        return no_data_chart("No dated statements or events", "Timeline of statements")
    chart = _timeline_chart(df, title, brush=_date_brush() if brush else None, define=False)
    if brush:
        from .dashboard import _top_param, _view_names

        chart.params = [_top_param(_date_brush(), _view_names(chart, ("timeline_bars",)))]
    return chart


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
    title: Any,
    *,
    brush: alt.Parameter | None,
    speaker: alt.Parameter | None = None,
    define: bool = True,
    width: int = 470,
) -> alt.TopLevelMixin:
    """One layered chart per lane, stacked; every lane shares the x scale and the colours."""
    domain = _timeline_domain(df)
    tooltip = [
        alt.Tooltip("quote:N", title="words"),
        alt.Tooltip("speaker:N", title="speaker"),
        alt.Tooltip("stance_words:N", title="on this claim"),
        alt.Tooltip("date_start:T", title="from", format="%-d %b %Y"),
        alt.Tooltip("date_end:T", title="to", format="%-d %b %Y"),
        alt.Tooltip("date_text:N", title="date as written"),
        alt.Tooltip("outlet:N", title="outlet"),
        alt.Tooltip("via:N", title="through"),
    ]
    lanes = []
    ordered = df.drop_duplicates("lane").sort_values("lane_rank")
    for i, lane in enumerate(ordered["lane"]):
        part = df[df["lane"] == lane]
        speakers = list(dict.fromkeys(part["speaker"]))
        y = alt.Y("speaker:N", sort=speakers, title=None, axis=alt.Axis(labelLimit=220))
        x = alt.X(
            "date_start:T", title=None, axis=alt.Axis(format="%-d %b", labelOverlap=True),
            scale=domain,
        )  # fmt: skip
        base = (
            alt.Chart(df)
            .transform_filter(alt.FieldEqualPredicate(field="lane", equal=lane))
            .properties(width=width, height=max(40, 22 * len(speakers)))
        )
        bars = base.mark_bar(height=12, cornerRadius=2, clip=True).encode(
            x=x,
            x2="date_after:T",
            y=y,
            color=alt.Color("stance_words:N", scale=stance_scale(), title="What it says"),
            tooltip=tooltip,
        )
        if speaker is not None:
            bars = bars.encode(opacity=alt.condition(speaker, alt.value(0.9), alt.value(0.2)))
        if brush is not None:
            if define and i == 0:
                bars = bars.add_params(brush)
            bars = bars.properties(name=f"timeline_bars_{i}")
        rings = (
            base.transform_filter("datum.in_conflict")
            .mark_point(
                shape="circle", size=260, filled=False, strokeWidth=2, clip=True,
                color=PALETTE["link"]["conflict"],  # type: ignore[index]
            )
            .encode(x=x, y=y, tooltip=tooltip)
        )  # fmt: skip
        lanes.append(
            alt.layer(bars, rings).properties(
                title=alt.TitleParams(wrap(lane, 95), anchor="start", fontSize=12)
            )
        )
    return alt.vconcat(*lanes, spacing=14).properties(title=title)
