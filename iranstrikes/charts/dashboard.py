"""The linked sourcing dashboard, its quotes list, and reading its selections back in Python.

What belongs here: :func:`linked_sourcing_dashboard`, :func:`quotes_list` and
:func:`selected_quotes` (the table that follows a selection).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

from .base import _date_brush, _plain, _short, _speaker_select, no_data_chart
from .sourcing import sourcing_flow
from .stances import _stance_chart, stance_matrix_data
from .table import QUOTES_TABLE_COLUMNS, quotes_table_data
from .timeline import UNCODED_LANE, _timeline_chart, timeline_data

QUOTES_LIST_COLUMNS = (
    "quote_id",
    "article_id",
    "outlet",
    "date_start",
    "date_end",
    "speaker",
    "source_class",
    "kind",
    "cue",
    "via",
    "quote",
    "quote_short",
)


def _quotes_list_data(corpus: Any) -> pd.DataFrame:
    q = quotes_table_data(corpus)
    if q.empty:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in QUOTES_LIST_COLUMNS})
    q = q.assign(quote_short=[_short(t, 90) for t in q["quote"]])
    q = q.sort_values(["date_start", "quote_id"], na_position="last", kind="stable")
    return _plain(q[list(QUOTES_LIST_COLUMNS)].reset_index(drop=True))


def quotes_list(
    data: pd.DataFrame, *, rows: int = 20, filters: Sequence[alt.Parameter] = ()
) -> alt.TopLevelMixin:
    """A text list of quotes that follows the named selections.

    Args:
        data: Quotes with at least ``date_start``, ``outlet``, ``speaker``, ``quote_short`` and
            the tooltip fields (the quotes part of :func:`linked_sourcing_dashboard`).
        rows: Number of rows shown.
        filters: Selection parameters (added to other views of the same dashboard) that
            filter the list.

    Returns:
        A horizontally concatenated chart of text columns.
    """
    base = alt.Chart(data).transform_calculate(date_start="toDate(datum.date_start)")
    for param in filters:
        base = base.transform_filter(param)
    counted = base.transform_joinaggregate(n_selected="count()").transform_window(
        row_number="row_number()"
    )
    shown = counted.transform_filter(f"datum.row_number <= {int(rows)}")
    tooltip = [
        alt.Tooltip(f"{c}:N", title=t)
        for c, t in (("quote", "words"), ("speaker", "speaker"), ("cue", "verb"),
                     ("via", "through"), ("outlet", "outlet"))
    ]  # fmt: skip
    cols = []
    for field, title, width in (
        ("date_label", "date", 70),
        ("outlet", "outlet", 110),
        ("speaker", "speaker", 130),
        ("quote_short", "words (hover for all of them)", 240),
    ):
        cols.append(
            shown.transform_calculate(date_label="timeFormat(datum.date_start, '%-d %b %Y')")
            .mark_text(align="left", baseline="middle", fontSize=11, limit=width)
            .encode(
                x=alt.value(0),
                y=alt.Y("row_number:O", axis=None),
                text=alt.Text(f"{field}:N"),
                tooltip=tooltip,
            )
            .properties(
                title=alt.TitleParams(title, anchor="start"),
                width=width,
                height=16 * rows,
                view=alt.ViewBackground(stroke=None),
            )
        )
    total = len(data)
    count = (
        counted.transform_aggregate(n="max(n_selected)")
        .transform_calculate(
            label=f"'Showing ' + min(datum.n, {int(rows)}) + ' of ' + datum.n + "
            f"' selected quotes (' + {total} + ' in all). Read them all in the table below.'"
        )
        .mark_text(align="left", fontSize=12, fontStyle="italic")
        .encode(x=alt.value(0), y=alt.value(8), text="label:N")
        .properties(width=560, height=16, view=alt.ViewBackground(stroke=None))
    )
    return alt.vconcat(count, alt.hconcat(*cols, spacing=4), spacing=2)


def linked_sourcing_dashboard(corpus: Any) -> alt.TopLevelMixin:
    """The sourcing flow, stance matrix, timeline and a quotes list, linked by selections.

    Clicking a speaker in the flow or a row of the stance matrix sets ``speaker_select``
    (double-click clears); it highlights that speaker's statements on the timeline and
    filters the quotes list. Dragging across the timeline sets ``date_brush``, which also
    filters the quotes list. Read the selections from Python with
    ``alt.JupyterChart(chart).selections.speaker_select.value`` and pass them to
    :func:`selected_quotes`.

    Args:
        corpus: The corpus.

    Returns:
        A vertically concatenated Altair chart; a "no data" chart when there are no quotes.
    """
    ql = _quotes_list_data(corpus)
    if ql.empty:
        return no_data_chart("No attributed statements to chart", "Sourcing dashboard")
    speaker = _speaker_select()
    brush = _date_brush()
    top = [sourcing_flow(corpus, selection=speaker, width=440)]
    sm = stance_matrix_data(corpus)
    if len(sm):
        top.append(
            _stance_chart(
                sm,
                "Who said yes or no to each claim (click a row, shift-click to add one)",
                speaker,
                define=False,
                column_width=80,
                header_width=14,
            )
        )
    tl = timeline_data(corpus)
    if tl.empty:
        # Fall back to quote dates (publication days) so that the brush still exists.
        tl = _plain(
            ql.assign(
                event_id=ql["quote_id"], description="", kind="statement", date_after=[
                    None if d is None else (pd.Timestamp(d) + pd.Timedelta(days=1)).strftime("%Y-%m-%d")
                    for d in ql["date_end"]
                ],
                date_text="", basis="published", stance="uncoded", stances="", in_conflict=False,
                lane=UNCODED_LANE, lane_rank=0, proposition_id="", stance_words="not coded",
                conflict_ids="",
            ).dropna(subset=["date_start"])
        )  # fmt: skip
    independent = {
        k: "independent" for k in ("color", "opacity", "shape", "size", "strokeDash", "strokeWidth")
    }
    # stacked, not side by side: the dashboard fits a 1,000 px notebook output
    parts: list[alt.TopLevelMixin] = list(top)
    if len(tl):
        parts.append(
            _timeline_chart(
                tl,
                "When it was said (drag across a lane to pick dates)",
                brush=brush,
                speaker=speaker,
                define=False,
            )
        )
        filters: Sequence[alt.Parameter] = (speaker, brush)
    else:
        filters = (speaker,)
    parts.append(
        quotes_list(ql, filters=filters).properties(
            title="The words (click a speaker or drag the timeline to filter)"
        )
    )
    chart = (
        alt.vconcat(*parts)
        .resolve_scale(**independent)
        .resolve_legend(**independent)
        .properties(title="Sourcing dashboard")
    )
    # The selections are defined once, at the top level, bound to named views (Altair's own
    # lifting of one parameter shared by several views leaves stale view names and warns).
    chart.params = [_top_param(speaker, _view_names(chart, ("flow_speakers", "stance_cells")))]
    if len(tl):
        chart.params = [*chart.params, _top_param(brush, _view_names(chart, ("timeline_bars",)))]
    return chart


def _view_names(chart: Any, bases: tuple[str, ...]) -> list[str]:
    """Names of the unit views in ``chart`` whose name (minus Altair's ``_<i>`` suffix) is a base."""
    found = []
    name = getattr(chart, "name", alt.Undefined)
    if isinstance(name, str) and (name in bases or name.rsplit("_", 1)[0] in bases):
        found.append(name)
    for attr in ("vconcat", "hconcat", "concat", "layer"):
        children = getattr(chart, attr, alt.Undefined)
        if isinstance(children, list):
            for child in children:
                found += _view_names(child, bases)
    return found


def _top_param(param: alt.Parameter, views: list[str]) -> alt.TopLevelSelectionParameter:
    spec = param.param.to_dict()
    return alt.TopLevelSelectionParameter(**spec, views=views)


def _selection_value(selection: Any) -> Any:
    """The value of a JupyterChart selection object, or the value itself."""
    return getattr(selection, "value", selection)


def _to_day(v: Any) -> pd.Timestamp | None:
    if v is None:
        return None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return pd.Timestamp(int(v), unit="ms").normalize()
    if isinstance(v, dict) and "year" in v:
        return pd.Timestamp(
            year=int(v["year"]), month=int(v.get("month", 1)), day=int(v.get("date", 1))
        )
    ts = pd.to_datetime(v, errors="coerce")
    return (
        None
        if pd.isna(ts)
        else pd.Timestamp(ts).tz_localize(None).normalize()
        if getattr(ts, "tzinfo", None)
        else pd.Timestamp(ts).normalize()
    )


def selected_quotes(
    corpus: Any, selection_value: Any = None, *, date_range: Any = None
) -> pd.DataFrame:
    """The quotes that a dashboard selection picks out, for a table that follows it.

    Args:
        corpus: The corpus.
        selection_value: What ``alt.JupyterChart(chart).selections.<name>.value`` holds (or
            the selection object itself): a point selection (``[{"speaker": ...}, ...]`` or
            ``{"speaker": [...]}``), an interval selection (``{"date_start": [lo, hi]}``, dates
            as ISO strings, timestamps or epoch milliseconds), a dict with both keys, or None /
            empty for everything.
        date_range: A date interval ``(lo, hi)`` to apply as well (e.g. the ``date_brush``
            value while ``selection_value`` is the speaker selection).

    Returns:
        Rows of :func:`quotes_table_data` whose speaker is selected and whose ``date_start``
        lies in the selected dates (as the dashboard's quotes list filters), in date order.
    """
    q = _quotes_list_data(corpus)
    full = quotes_table_data(corpus).set_index("quote_id")
    value = _selection_value(selection_value)
    speakers: set[str] | None = None
    dates = None
    if isinstance(value, list):
        names = [
            d.get("speaker") for d in value if isinstance(d, dict) and d.get("speaker") is not None
        ]
        if names:
            speakers = {str(n) for n in names}
    elif isinstance(value, dict):
        sp = value.get("speaker")
        if sp is not None and sp != []:
            speakers = {str(s) for s in (sp if isinstance(sp, (list, tuple, set)) else [sp])}
        for key in ("date_start", "date", "published"):
            if value.get(key):
                dates = value[key]
                break
    if date_range is not None:
        dr = _selection_value(date_range)
        if isinstance(dr, dict):
            dr = dr.get("date_start") or dr.get("date") or dr.get("published")
        dates = dr or dates
    if speakers is not None:
        q = q[q["speaker"].isin(speakers)]
    if dates:
        lo, hi = _to_day(list(dates)[0]), _to_day(list(dates)[-1])
        ds = pd.to_datetime(q["date_start"])
        keep = ds.notna()
        if lo is not None:
            keep &= ds >= lo
        if hi is not None:
            keep &= ds <= hi
        q = q[keep]
    out = full.loc[q["quote_id"]].reset_index()
    return out[list(QUOTES_TABLE_COLUMNS)].reset_index(drop=True)
