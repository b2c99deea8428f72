"""Altair charts of sourcing, propagation, chronology and stances.

What belongs here: small functions in the Altair-gallery style that turn the frames of a
:class:`~iranstrikes.corpus.Corpus` into charts, the tidy data behind each chart, the linked
dashboard with named selections, and saving a chart with its data. Nothing about how a chart
reaches a screen (that is :mod:`iranstrikes.rendering`) and nothing about particular articles,
people or outlets.

Conventions:
    * Every chart function ``name(corpus)`` has a data twin ``name_data(corpus)`` returning the
      exact DataFrame the chart is built from (one row per data row of the spec), so that
      ``save_chart(chart, name_data(corpus), "out/name")`` keeps the numbers next to the picture.
    * Data is sorted, dates are ISO strings (``YYYY-MM-DD``), only the needed columns are inlined
      and every selection and view has a fixed name: ``chart.to_dict()`` is the same on every
      call and every load.
    * Selections have stable names (:data:`SPEAKER_SELECT`, :data:`DATE_BRUSH`) so that
      ``alt.JupyterChart(chart).selections.speaker_select.value`` can be read from Python and
      passed to :func:`selected_quotes`.
    * An empty frame gives a chart with a "no data" text mark, never an exception.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd

from . import schema

__all__ = [
    "PALETTE",
    "SOURCE_CLASSES",
    "STANCE_ORDER",
    "SPEAKER_SELECT",
    "DATE_BRUSH",
    "source_class",
    "quotes_table_data",
    "sourcing_flow",
    "sourcing_flow_data",
    "quote_propagation",
    "quote_propagation_data",
    "timeline",
    "timeline_data",
    "stance_matrix",
    "stance_matrix_data",
    "outlet_profile",
    "outlet_profile_data",
    "quotes_list",
    "linked_sourcing_dashboard",
    "selected_quotes",
    "save_chart",
    "no_data_chart",
]

SPEAKER_SELECT = "speaker_select"
"""Name of the point selection on speakers (flow nodes, stance-matrix cells)."""

DATE_BRUSH = "date_brush"
"""Name of the interval selection on dates (timeline x axis)."""

SOURCE_CLASSES = ("named", "anonymous", "institutional", "unknown")
"""How a source is classed at a glance: a named person, an anonymous source, an institution
or medium, or unknown."""

_SOURCE_CLASS_OF_TYPE = {
    "person": "named",
    "anonymous": "anonymous",
    "institution": "institutional",
    "media": "institutional",
    "group": "institutional",
}

STANCE_ORDER = ("affirms", "denies", "neither", "mixed", "uncoded")
"""Stance categories as charted: the coded stances, "mixed" when one speaker took different
stances on one proposition (or one statement on several), and "uncoded"."""

QUOTE_KINDS = ("direct", "indirect", "partial")

PALETTE: dict[str, dict[str, str] | tuple[str, ...]] = {
    "source": {
        "named": "#1f77b4",
        "anonymous": "#d62728",
        "institutional": "#2ca02c",
        "unknown": "#7f7f7f",
    },
    "shape": {
        "named": "circle",
        "anonymous": "triangle-up",
        "institutional": "square",
        "unknown": "cross",
    },
    "stance": {
        "affirms": "#1a9850",
        "denies": "#d73027",
        "neither": "#fdae61",
        "mixed": "#984ea3",
        "uncoded": "#bdbdbd",
    },
    "kind": {"direct": "#08519c", "indirect": "#6baed6", "partial": "#c6dbef"},
    "categorical": (
        "#4e79a7",
        "#f28e2b",
        "#e15759",
        "#76b7b2",
        "#59a14f",
        "#edc948",
        "#b07aa1",
        "#ff9da7",
        "#9c755f",
        "#bab0ac",
    ),
    "link": {"default": "#9e9e9e", "conflict": "#000000"},
}
"""All colours and shapes used by the charts (and the widgets), in one place."""

NO_DATA = "No data to chart for this corpus"
UNKNOWN_OUTLET = "(unknown outlet)"
UNATTRIBUTED = "(unattributed)"
FIRST_HAND = "first-hand"


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------
def _frame(corpus: Any, name: str) -> pd.DataFrame:
    """A frame of the corpus with at least its declared columns (never mutates the corpus)."""
    df = getattr(corpus, name, None)
    if df is None:
        df = pd.DataFrame()
    if name in schema.FRAMES:
        missing = [c for c in schema.FRAMES[name].names if c not in df.columns]
        if missing or len(df.columns) == 0:
            return schema.conform(name, df)
    return df


def _ensure(df: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """Add missing columns (all missing values) to an undeclared frame."""
    df = df if df is not None else pd.DataFrame()
    missing = [c for c in columns if c not in df.columns]
    if missing:
        df = df.copy()
        for c in missing:
            df[c] = pd.Series([None] * len(df), index=df.index, dtype=object)
    return df


def _iso(values: pd.Series) -> pd.Series:
    """Dates as ``YYYY-MM-DD`` strings (None when missing)."""
    d = pd.to_datetime(values, errors="coerce")
    return pd.Series(
        [None if pd.isna(v) else v.strftime("%Y-%m-%d") for v in d],
        index=values.index,
        dtype=object,
    )


def _text(values: pd.Series, default: str | None = None) -> pd.Series:
    """Strings as plain Python objects; missing or blank values become ``default``."""
    out = []
    for v in values:
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            out.append(default)
        else:
            s = str(v)
            out.append(s if s.strip() else default)
    return pd.Series(out, index=values.index, dtype=object)


def _ints(values: pd.Series) -> pd.Series:
    return pd.Series(
        [None if pd.isna(v) else int(v) for v in values], index=values.index, dtype=object
    )


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Only plain Python values (str/int/float/bool/None), a fresh RangeIndex."""
    out = {}
    for c in df.columns:
        s = df[c]
        if pd.api.types.is_bool_dtype(s.dtype) and not s.isna().any():
            out[c] = s.astype(bool).tolist()
        elif pd.api.types.is_integer_dtype(s.dtype) and not s.isna().any():
            out[c] = [int(v) for v in s]
        elif pd.api.types.is_float_dtype(s.dtype):
            out[c] = [None if pd.isna(v) else float(v) for v in s]
        else:
            out[c] = [None if (not isinstance(v, (list, tuple)) and pd.isna(v)) else v for v in s]
    return pd.DataFrame(out, columns=list(df.columns))


def _short(text: Any, n: int = 60) -> str:
    s = (
        ""
        if text is None or (not isinstance(text, str) and pd.isna(text))
        else " ".join(str(text).split())
    )
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def source_class(speaker_type: Any) -> str:
    """Class a ``speaker_type`` as named, anonymous, institutional or unknown.

    Args:
        speaker_type: A value of ``quotes.speaker_type`` (or ``people.kind``).

    Returns:
        One of :data:`SOURCE_CLASSES`.
    """
    if speaker_type is None or (not isinstance(speaker_type, str) and pd.isna(speaker_type)):
        return "unknown"
    return _SOURCE_CLASS_OF_TYPE.get(str(speaker_type), "unknown")


def no_data_chart(message: str = NO_DATA, title: str = "") -> alt.Chart:
    """A chart that only says there is nothing to show.

    Args:
        message: The text shown.
        title: Chart title.

    Returns:
        A text-mark chart.
    """
    data = pd.DataFrame({"message": [message]})
    chart = (
        alt.Chart(data)
        .mark_text(fontSize=14, color="#555555")
        .encode(text="message:N")
        .properties(width=400, height=60)
    )
    return chart.properties(title=title) if title else chart


def _scale(palette_key: str, domain: Sequence[str] | None = None) -> alt.Scale:
    mapping = PALETTE[palette_key]
    assert isinstance(mapping, dict)
    dom = list(domain) if domain is not None else list(mapping)
    return alt.Scale(domain=dom, range=[mapping[k] for k in dom])


def _categorical_scale(domain: Sequence[str]) -> alt.Scale:
    colours = PALETTE["categorical"]
    return alt.Scale(
        domain=list(domain), range=[colours[i % len(colours)] for i in range(len(domain))]
    )


def _speaker_select() -> alt.Parameter:
    return alt.selection_point(
        name=SPEAKER_SELECT, fields=["speaker"], on="click", clear="dblclick", toggle="true"
    )


def _date_brush() -> alt.Parameter:
    return alt.selection_interval(name=DATE_BRUSH, encodings=["x"])


# --------------------------------------------------------------------------------------
# The quote table every chart and widget starts from
# --------------------------------------------------------------------------------------
QUOTES_TABLE_COLUMNS = (
    "quote_id",
    "article_id",
    "outlet",
    "published",
    "date_start",
    "date_end",
    "date_basis",
    "speaker",
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


def quotes_table_data(corpus: Any) -> pd.DataFrame:
    """One row per quote with its outlet, dates and coded stances, ready to chart or filter.

    ``date_start``/``date_end`` are the statement's date from ``events`` when the chronology
    dated it, else the article's publication range (``date_basis`` says which: ``statement``,
    ``published`` or ``none``). ``propositions`` and ``stances`` are ``|``-joined, in
    proposition order (``stances`` holds ``proposition:stance`` pairs); empty when uncoded.

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

    st = _frame(corpus, "stances")
    st = st[st["quote_id"].notna()].sort_values(["quote_id", "proposition_id", "stance_id"])
    props: dict[str, str] = {}
    stances: dict[str, str] = {}
    for qid, g in st.groupby("quote_id", sort=True):
        pairs = sorted(
            {(str(p), str(s)) for p, s in zip(g["proposition_id"], g["stance"], strict=True)}
        )
        props[str(qid)] = "|".join(sorted({p for p, _ in pairs}))
        stances[str(qid)] = "|".join(f"{p}:{s}" for p, s in pairs)

    out = pd.DataFrame(
        {
            "quote_id": _text(df["quote_id"]),
            "article_id": _text(df["article_id"]),
            "outlet": _text(df["outlet"], UNKNOWN_OUTLET),
            "published": _iso(df["published"]),
            "date_start": _iso(start),
            "date_end": _iso(end),
            "date_basis": basis,
            "speaker": _text(df["speaker"], UNATTRIBUTED),
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


# --------------------------------------------------------------------------------------
# Sourcing flow: speaker -> intermediary -> outlet
# --------------------------------------------------------------------------------------
FLOW_COLUMNS = ("speaker", "via", "outlet")


def sourcing_flow_data(corpus: Any) -> pd.DataFrame:
    """Nodes and links of the speaker → intermediary → outlet flow, with their positions.

    One frame holds both: ``element`` is ``node`` or ``link``. Nodes have ``column``
    (speaker|via|outlet), ``label``, ``x`` (0, 1, 2) and ``y`` (0-1, evenly spaced within the
    column), ``n`` (statements) and, for speaker nodes, ``speaker`` and ``source_class``.
    Links have ``column`` = the column they leave, ``x``/``y`` → ``x2``/``y2`` and ``n``;
    speaker links also carry ``speaker`` and ``source_class``. An empty ``via`` is
    ``"first-hand"``.

    Args:
        corpus: The corpus.

    Returns:
        The DataFrame, nodes first (by column, then position), then links.
    """
    cols = [
        "element",
        "column",
        "label",
        "speaker",
        "source_class",
        "target",
        "x",
        "y",
        "x2",
        "y2",
        "n",
    ]
    q = quotes_table_data(corpus)
    if q.empty:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    q = q.assign(via_label=[v if v else FIRST_HAND for v in q["via"]])
    class_rank = {c: i for i, c in enumerate(SOURCE_CLASSES)}
    # Speakers: grouped by class, then most statements first, then name.
    sp = (
        q.groupby(["speaker", "source_class"], sort=True)
        .size()
        .rename("n")
        .reset_index()
        .sort_values(["speaker", "n", "source_class"], ascending=[True, False, True])
        .drop_duplicates("speaker")
    )
    sp["rank"] = sp["source_class"].map(class_rank)
    sp = sp.sort_values(["rank", "n", "speaker"], ascending=[True, False, True])
    speaker_class = dict(zip(sp["speaker"], sp["source_class"], strict=True))
    via = q.groupby("via_label").size().rename("n").reset_index()
    via["first"] = via["via_label"] != FIRST_HAND
    via = via.sort_values(["first", "n", "via_label"], ascending=[True, False, True])
    out = (
        q.groupby("outlet")
        .size()
        .rename("n")
        .reset_index()
        .sort_values(["n", "outlet"], ascending=[False, True])
    )

    def ys(n: int) -> list[float]:
        return [round((i + 0.5) / n, 6) for i in range(n)]

    nodes = []
    pos: dict[tuple[str, str], float] = {}
    for x, (column, labels, counts) in enumerate(
        [
            ("speaker", sp["speaker"].tolist(), sp["n"].tolist()),
            ("via", via["via_label"].tolist(), via["n"].tolist()),
            ("outlet", out["outlet"].tolist(), out["n"].tolist()),
        ]
    ):
        for label, n, y in zip(labels, counts, ys(len(labels)), strict=True):
            pos[(column, label)] = y
            nodes.append(
                {
                    "element": "node",
                    "column": column,
                    "label": label,
                    "speaker": label if column == "speaker" else None,
                    "source_class": speaker_class[label] if column == "speaker" else None,
                    "target": None,
                    "x": x,
                    "y": y,
                    "x2": None,
                    "y2": None,
                    "n": int(n),
                }
            )
    links = []
    l1 = q.groupby(["speaker", "via_label"], sort=True).size().rename("n").reset_index()
    for r in l1.itertuples(index=False):
        links.append(
            {
                "element": "link",
                "column": "speaker",
                "label": f"{r.speaker} → {r.via_label}",
                "speaker": r.speaker,
                "source_class": speaker_class[r.speaker],
                "target": r.via_label,
                "x": 0,
                "y": pos[("speaker", r.speaker)],
                "x2": 1,
                "y2": pos[("via", r.via_label)],
                "n": int(r.n),
            }
        )
    l2 = q.groupby(["via_label", "outlet"], sort=True).size().rename("n").reset_index()
    for r in l2.itertuples(index=False):
        links.append(
            {
                "element": "link",
                "column": "via",
                "label": f"{r.via_label} → {r.outlet}",
                "speaker": None,
                "source_class": None,
                "target": r.outlet,
                "x": 1,
                "y": pos[("via", r.via_label)],
                "x2": 2,
                "y2": pos[("outlet", r.outlet)],
                "n": int(r.n),
            }
        )
    return _plain(pd.DataFrame(nodes + links, columns=cols))


def sourcing_flow(
    corpus: Any, *, data: pd.DataFrame | None = None, selection: alt.Parameter | None = None
) -> alt.TopLevelMixin:
    """Who is quoted, through which intermediary, in which outlet (a three-column flow).

    Speakers (left) are coloured and shaped by source class (named / anonymous /
    institutional / unknown); intermediaries (middle, "first-hand" when none); outlets
    (right). Node size and link width are the number of statements. Clicking a speaker sets
    the ``speaker_select`` selection (double-click clears).

    Args:
        corpus: The corpus.
        data: The output of :func:`sourcing_flow_data`, when already computed.
        selection: A ``speaker_select`` parameter defined elsewhere (the dashboard defines it
            at its top level); the chart then only refers to it. None defines one here.

    Returns:
        A layered Altair chart (or a "no data" chart).
    """
    df = sourcing_flow_data(corpus) if data is None else data
    title = "Sourcing: speaker → intermediary → outlet"
    if df.empty:
        return no_data_chart("No attributed statements to chart", title)
    n_rows = int(df.loc[df["element"] == "node"].groupby("column").size().max())
    height = max(160, 22 * n_rows)
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.9, 2.9]))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=[1, 0]))
    base = alt.Chart(df).properties(width=640, height=height)
    sel = selection if selection is not None else _speaker_select()
    define = selection is None
    links = (
        base.transform_filter(alt.datum.element == "link")
        .mark_rule(strokeCap="round")
        .encode(
            x=x,
            y=y,
            x2="x2:Q",
            y2="y2:Q",
            strokeWidth=alt.StrokeWidth("n:Q", scale=alt.Scale(range=[1, 10]), legend=None),
            color=alt.condition(
                "datum.source_class",
                alt.Color("source_class:N", scale=_scale("source", SOURCE_CLASSES), title="source"),
                alt.value(PALETTE["link"]["default"]),  # type: ignore[index]
            ),
            opacity=alt.condition(sel, alt.value(0.55), alt.value(0.12)),
            tooltip=[alt.Tooltip("label:N", title="link"), alt.Tooltip("n:Q", title="statements")],
        )
    )
    speakers = (
        base.transform_filter(alt.datum.column == "speaker")
        .transform_filter(alt.datum.element == "node")
        .mark_point(filled=True, size=120)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "source_class:N", scale=_scale("source", SOURCE_CLASSES), title="source"
            ),
            shape=alt.Shape(
                "source_class:N", scale=_scale("shape", SOURCE_CLASSES), title="source"
            ),
            size=alt.Size("n:Q", scale=alt.Scale(range=[60, 400]), title="statements"),
            opacity=alt.condition(sel, alt.value(1.0), alt.value(0.3)),
            tooltip=[
                alt.Tooltip("speaker:N", title="speaker"),
                alt.Tooltip("source_class:N", title="source"),
                alt.Tooltip("n:Q", title="statements"),
            ],
        )
        .properties(name="flow_speakers")
    )
    if define:
        speakers = speakers.add_params(sel)
    others = (
        base.transform_filter(alt.datum.element == "node")
        .transform_filter(alt.datum.column != "speaker")
        .mark_square(color="#444444")
        .encode(
            x=x,
            y=y,
            size=alt.Size("n:Q", scale=alt.Scale(range=[60, 400]), title="statements"),
            tooltip=[
                alt.Tooltip("column:N", title="column"),
                alt.Tooltip("label:N", title="name"),
                alt.Tooltip("n:Q", title="statements"),
            ],
        )
    )
    text_layers = []
    for column, align, dx, dy in (
        ("speaker", "right", -12, 0),
        ("via", "center", 0, -12),
        ("outlet", "left", 12, 0),
    ):
        text_layers.append(
            base.transform_filter(alt.datum.element == "node")
            .transform_filter(alt.datum.column == column)
            .mark_text(align=align, dx=dx, dy=dy, fontSize=11)
            .encode(x=x, y=y, text="label:N")
        )
    headers = (
        alt.Chart(pd.DataFrame({"x": [0, 1, 2], "header": ["speaker", "intermediary", "outlet"]}))
        .mark_text(fontWeight="bold", baseline="bottom", dy=-4)
        .encode(x=x, y=alt.value(-2), text="header:N")
    )
    return alt.layer(links, others, speakers, *text_layers, headers).properties(title=title)


# --------------------------------------------------------------------------------------
# Quote propagation
# --------------------------------------------------------------------------------------
def quote_propagation_data(corpus: Any, *, min_carriers: int = 2) -> pd.DataFrame:
    """Which outlets carried each quote group, in date order.

    Args:
        corpus: The corpus.
        min_carriers: Keep groups carried by at least this many articles (2 = the quotes
            that actually propagated).

    Returns:
        One row per (quote group, article), with ``group_label`` (group id and the first
        words of its first quote), ``group_rank`` (groups ordered by first date), quote text,
        speaker, cue, via, outlet, ISO ``published`` (None when undated), ``order`` and
        ``is_first``/``carrier`` ("first carrier" or "later carrier"). Sorted by group rank,
        order, article.
    """
    cols = [
        "quote_group", "group_rank", "group_label", "quote_id", "article_id", "outlet",
        "published", "published_basis", "order", "is_first", "carrier", "speaker", "cue",
        "via", "quote", "similarity",
    ]  # fmt: skip
    p = _frame(corpus, "propagation")
    if p.empty:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    n = p.groupby("quote_group")["article_id"].nunique()
    p = p[p["quote_group"].isin(n[n >= min_carriers].index)]
    if p.empty:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    q = _frame(corpus, "quotes")[["quote_id", "quote", "cue", "start"]]
    df = p.merge(q, on="quote_id", how="left")
    df = df.sort_values(
        ["quote_group", "order", "published", "article_id", "quote_id"], kind="stable"
    )
    first = df.groupby("quote_group", sort=True).agg(
        first_date=("published", "min"), first_quote=("quote", "first")
    )
    first = first.reset_index().sort_values(
        ["first_date", "quote_group"], na_position="last", kind="stable"
    )
    rank = {g: i for i, g in enumerate(first["quote_group"])}
    label = {
        g: f"{g}: {_short(t, 48)}"
        for g, t in zip(first["quote_group"], first["first_quote"], strict=True)
    }
    is_first = [bool(v) if pd.notna(v) else False for v in df["is_first"]]
    out = pd.DataFrame(
        {
            "quote_group": _text(df["quote_group"]),
            "group_rank": [rank[g] for g in df["quote_group"]],
            "group_label": [label[g] for g in df["quote_group"]],
            "quote_id": _text(df["quote_id"]),
            "article_id": _text(df["article_id"]),
            "outlet": _text(df["outlet"], UNKNOWN_OUTLET),
            "published": _iso(df["published"]),
            "published_basis": _text(df["published_basis"], "unknown"),
            "order": _ints(df["order"]),
            "is_first": is_first,
            "carrier": ["first carrier" if f else "later carrier" for f in is_first],
            "speaker": _text(df["speaker"], UNATTRIBUTED),
            "cue": _text(df["cue"], ""),
            "via": _text(df["via"], ""),
            "quote": _text(df["quote"], ""),
            "similarity": [None if pd.isna(v) else float(v) for v in df["similarity"]],
        }
    )
    out = out.sort_values(["group_rank", "order", "article_id", "quote_id"], kind="stable")
    return _plain(out.reset_index(drop=True))


def quote_propagation(corpus: Any, *, data: pd.DataFrame | None = None) -> alt.TopLevelMixin:
    """The outlets that carried each quote group, by publication date.

    x = publication date, y = quote group (short label, groups in order of first carriage),
    colour = outlet, diamond = first carrier, circle = later carriers (carriers of one group
    on the same day are offset vertically, one lane per outlet); a grey rule joins the
    carriers of a group. Undated carriers are listed in the data but not drawn (the subtitle
    counts them).

    Args:
        corpus: The corpus.
        data: The output of :func:`quote_propagation_data`, when already computed.

    Returns:
        A layered Altair chart (or a "no data" chart).
    """
    df = quote_propagation_data(corpus) if data is None else data
    title = "Quote propagation: who carried the same words, and when"
    if df.empty:
        return no_data_chart("No quote was carried by more than one article", title)
    groups = df.drop_duplicates("quote_group").sort_values("group_rank")["group_label"].tolist()
    outlets = sorted(df["outlet"].unique())
    y = alt.Y("group_label:N", sort=groups, title=None, axis=alt.Axis(labelLimit=320))
    x = alt.X("published:T", title="published", axis=alt.Axis(format="%Y-%m-%d"))
    base = alt.Chart(df).properties(width=480, height=max(120, 28 * len(groups)))
    span = base.mark_rule(color=PALETTE["link"]["default"]).encode(  # type: ignore[index]
        x=alt.X("min(published):T", title="published"), x2="max(published):T", y=y
    )
    points = base.mark_point(size=140, filled=True, opacity=0.9).encode(
        x=x,
        y=y,
        yOffset=alt.YOffset("outlet:N", sort=outlets),
        color=alt.Color("outlet:N", scale=_categorical_scale(outlets), title="outlet"),
        shape=alt.Shape(
            "carrier:N",
            scale=alt.Scale(domain=["first carrier", "later carrier"], range=["diamond", "circle"]),
            title="carrier",
        ),
        tooltip=[
            alt.Tooltip("quote:N", title="quote"),
            alt.Tooltip("quote_group:N", title="group"),
            alt.Tooltip("outlet:N", title="outlet"),
            alt.Tooltip("article_id:N", title="article"),
            alt.Tooltip("published:T", title="published", format="%Y-%m-%d"),
            alt.Tooltip("published_basis:N", title="date basis"),
            alt.Tooltip("carrier:N", title="carrier"),
            alt.Tooltip("speaker:N", title="speaker"),
            alt.Tooltip("cue:N", title="cue"),
            alt.Tooltip("via:N", title="via"),
        ],
    )
    undated = int(df["published"].isna().sum())
    if undated:
        title = alt.TitleParams(
            title, subtitle=f"{undated} undated carrier(s) listed in the data, not drawn"
        )
    return alt.layer(span, points).properties(title=title)


# --------------------------------------------------------------------------------------
# Timeline of statements
# --------------------------------------------------------------------------------------
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


# --------------------------------------------------------------------------------------
# Stance matrix
# --------------------------------------------------------------------------------------
RECORDS = ("on record", "media report", "anonymous", "headline")
"""How a stance-matrix row is sourced: a named person or institution on the record, a medium
cited without a named source, an anonymous source, or a headline/lede."""


def stance_matrix_data(corpus: Any) -> pd.DataFrame:
    """Speaker × proposition stances, with on-record status and the evidence.

    Args:
        corpus: The corpus.

    Returns:
        One row per (speaker, proposition): ``stance`` (one value, or ``mixed``),
        ``n_statements``, ``record`` (one of :data:`RECORDS`),
        ``speaker_label`` (the speaker, marked "(anon.)" when anonymous), the proposition text,
        the first statement's ``quote`` (else its evidence), ``article_ids``, ``cue``, ``via``.
        Sorted by record, speaker, proposition.
    """
    cols = [
        "speaker", "speaker_label", "record", "proposition_id", "proposition", "stance",
        "n_statements", "quote", "evidence", "article_ids", "cue", "via",
    ]  # fmt: skip
    st = _frame(corpus, "stances")
    if st.empty:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    props = _frame(corpus, "propositions").set_index("proposition_id")["text"]
    q = _frame(corpus, "quotes").set_index("quote_id")
    st = st.sort_values(["proposition_id", "stance_id"]).copy()
    st["speaker"] = _text(st["speaker"], UNATTRIBUTED)
    rows = []
    for (speaker, pid), g in st.groupby(["speaker", "proposition_id"], sort=True):
        types = set(_text(g["speaker_type"], "unknown"))
        on = [bool(v) for v in g["on_record"] if pd.notna(v)]
        if "headline" in types:
            record = "headline"
        elif (on and any(on)) or (not on and types & {"person", "institution"}):
            record = "on record"
        elif "media" in types:
            record = "media report"
        else:
            record = "anonymous"
        r0 = g.iloc[0]
        qid = r0["quote_id"] if isinstance(r0["quote_id"], str) else None
        qrow = q.loc[qid] if qid is not None and qid in q.index else None
        evidence = r0["evidence"] if isinstance(r0["evidence"], str) else ""
        rows.append(
            {
                "speaker": speaker,
                "speaker_label": speaker + (" (anon.)" if record == "anonymous" else ""),
                "record": record,
                "proposition_id": str(pid),
                "proposition": str(props.get(pid, ""))
                if pid in props.index and pd.notna(props.get(pid))
                else "",
                "stance": _combine_stances(g["stance"]),
                "n_statements": len(g),
                "quote": str(qrow["quote"])
                if qrow is not None and pd.notna(qrow["quote"])
                else evidence,
                "evidence": evidence,
                "article_ids": "|".join(sorted({str(v) for v in g["article_id"]})),
                "cue": str(qrow["cue"]) if qrow is not None and pd.notna(qrow["cue"]) else "",
                "via": str(qrow["via"]) if qrow is not None and pd.notna(qrow["via"]) else "",
            }
        )
    order = {r: i for i, r in enumerate(RECORDS)}
    df = pd.DataFrame(rows, columns=cols)
    df = df.assign(_r=df["record"].map(order)).sort_values(
        ["_r", "speaker", "proposition_id"], kind="stable"
    )
    return _plain(df.drop(columns="_r").reset_index(drop=True))


def stance_matrix(corpus: Any, *, data: pd.DataFrame | None = None) -> alt.TopLevelMixin:
    """Heatmap of who affirmed or denied which proposition.

    Rows are speakers (on-record first, then media reports, then anonymous sources marked
    "(anon.)", then headlines; the less on the record, the fainter the cell and the more
    dashed its outline), columns are propositions; the cell colour
    and text give the stance. Clicking a cell sets ``speaker_select``.

    Args:
        corpus: The corpus.
        data: The output of :func:`stance_matrix_data`, when already computed.

    Returns:
        A layered Altair chart (or a "no data" chart).
    """
    df = stance_matrix_data(corpus) if data is None else data
    title = "Stances: speaker × proposition"
    if df.empty:
        return no_data_chart("No stances coded for this corpus", title)
    return _stance_chart(df, title, _speaker_select())


def _stance_chart(
    df: pd.DataFrame, title: str, selection: alt.Parameter, *, define: bool = True
) -> alt.TopLevelMixin:
    speakers = list(dict.fromkeys(df["speaker_label"]))
    props = sorted(df["proposition_id"].unique())
    base = alt.Chart(df).properties(
        width=max(160, 70 * len(props)), height=max(100, 24 * len(speakers))
    )
    x = alt.X(
        "proposition_id:N",
        sort=props,
        title="proposition",
        axis=alt.Axis(labelAngle=-30, labelLimit=140),
    )
    y = alt.Y("speaker_label:N", sort=speakers, title=None, axis=alt.Axis(labelLimit=240))
    record = alt.Scale(domain=list(RECORDS), range=[1.0, 0.75, 0.45, 0.6])
    dash = alt.Scale(domain=list(RECORDS), range=[[1, 0], [6, 2], [3, 3], [1, 2]])
    cells = base.mark_rect(stroke="#333333", strokeWidth=1).encode(
        x=x,
        y=y,
        color=alt.Color("stance:N", scale=_scale("stance", STANCE_ORDER), title="stance"),
        opacity=alt.Opacity("record:N", scale=record, title="source"),
        strokeDash=alt.StrokeDash("record:N", scale=dash, title="source"),
        tooltip=[
            alt.Tooltip("quote:N", title="quote"),
            alt.Tooltip("speaker:N", title="speaker"),
            alt.Tooltip("record:N", title="source"),
            alt.Tooltip("proposition_id:N", title="proposition"),
            alt.Tooltip("proposition:N", title="text"),
            alt.Tooltip("stance:N", title="stance"),
            alt.Tooltip("n_statements:Q", title="statements"),
            alt.Tooltip("article_ids:N", title="articles"),
            alt.Tooltip("cue:N", title="cue"),
            alt.Tooltip("via:N", title="via"),
        ],
    )
    cells = (cells.add_params(selection) if define else cells).properties(name="stance_cells")
    text = base.mark_text(fontSize=10).encode(x=x, y=y, text="stance:N")
    return alt.layer(cells, text).properties(title=title)


# --------------------------------------------------------------------------------------
# Outlet profile
# --------------------------------------------------------------------------------------
PROFILE_MEASURES = ("sources", "quote kinds", "headline support")


def outlet_profile_data(corpus: Any) -> pd.DataFrame:
    """Per outlet: share of source classes, of quote kinds and of headline verdicts.

    Args:
        corpus: The corpus.

    Returns:
        Long frame with ``outlet``, ``measure`` (one of :data:`PROFILE_MEASURES`),
        ``category``, ``n`` and ``share`` (of the outlet's total for that measure), sorted by
        measure, outlet, category.
    """
    cols = ["measure", "outlet", "category", "n", "share"]
    q = quotes_table_data(corpus)
    parts = []
    if len(q):
        parts.append(
            q.assign(measure="sources", category=q["source_class"])[
                ["measure", "outlet", "category"]
            ]
        )
        kinds = q[q["kind"].notna()]
        parts.append(
            kinds.assign(measure="quote kinds", category=kinds["kind"])[
                ["measure", "outlet", "category"]
            ]
        )
    hs = _ensure(
        getattr(corpus, "headline_support", None), ["article_id", "proposition_id", "verdict"]
    )
    if len(hs):
        a = _frame(corpus, "articles")[["article_id", "outlet"]]
        h = hs.merge(a, on="article_id", how="left")
        parts.append(
            pd.DataFrame(
                {
                    "measure": "headline support",
                    "outlet": _text(h["outlet"], UNKNOWN_OUTLET),
                    "category": _text(h["verdict"], "unknown"),
                }
            )
        )
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    long = pd.concat(parts, ignore_index=True)
    counts = (
        long.groupby(["measure", "outlet", "category"], sort=True).size().rename("n").reset_index()
    )
    totals = counts.groupby(["measure", "outlet"])["n"].transform("sum")
    counts["share"] = (counts["n"] / totals).round(4)
    rank = {m: i for i, m in enumerate(PROFILE_MEASURES)}
    counts = counts.assign(_m=counts["measure"].map(rank)).sort_values(
        ["_m", "outlet", "category"], kind="stable"
    )
    return _plain(counts.drop(columns="_m")[cols].reset_index(drop=True))


def outlet_profile(corpus: Any, *, data: pd.DataFrame | None = None) -> alt.TopLevelMixin:
    """Per outlet: who it quotes, how it quotes, and whether its headlines are supported.

    Three panels of 100 % stacked bars, one row per outlet: source classes (named /
    anonymous / institutional), quote kinds (direct / indirect / partial) and headline
    support verdicts (from ``corpus.headline_support``; the panel is absent when there are
    none).

    Args:
        corpus: The corpus.
        data: The output of :func:`outlet_profile_data`, when already computed.

    Returns:
        A horizontally concatenated Altair chart (or a "no data" chart).
    """
    df = outlet_profile_data(corpus) if data is None else data
    title = "Outlet profile: sources, quote kinds and headline support"
    if df.empty:
        return no_data_chart("No quotes or headline verdicts to profile", title)
    outlets = sorted(df["outlet"].unique())
    panels = []
    for measure in PROFILE_MEASURES:
        cats = sorted(df.loc[df["measure"] == measure, "category"].unique())
        if not cats:
            continue
        if measure == "sources":
            scale = _scale("source", [c for c in SOURCE_CLASSES if c in cats])
        elif measure == "quote kinds":
            scale = _scale("kind", [c for c in QUOTE_KINDS if c in cats])
        else:
            scale = _categorical_scale(cats)
        panels.append(
            alt.Chart()
            .transform_filter(alt.datum.measure == measure)
            .mark_bar()
            .encode(
                x=alt.X(
                    "n:Q", stack="normalize", title=f"share ({measure})", axis=alt.Axis(format="%")
                ),
                y=alt.Y("outlet:N", sort=outlets, title=None, axis=alt.Axis(labelLimit=200)),
                color=alt.Color("category:N", scale=scale, title=measure),
                order=alt.Order("category:N"),
                tooltip=[
                    alt.Tooltip("outlet:N"),
                    alt.Tooltip("measure:N"),
                    alt.Tooltip("category:N"),
                    alt.Tooltip("n:Q", title="count"),
                    alt.Tooltip("share:Q", format=".0%"),
                ],
            )
            .properties(width=260, height=max(60, 24 * len(outlets)), title=measure)
        )
    return alt.vconcat(*panels, data=df).resolve_scale(color="independent").properties(title=title)


# --------------------------------------------------------------------------------------
# Quotes list and the linked dashboard
# --------------------------------------------------------------------------------------
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
    base = base.transform_window(row_number="row_number()").transform_filter(
        f"datum.row_number <= {int(rows)}"
    )
    tooltip = [
        alt.Tooltip(f"{c}:N", title=c)
        for c in ("quote", "speaker", "cue", "via", "article_id", "outlet", "date_end")
    ]
    cols = []
    for field, title, width in (
        ("date_label", "date", 80),
        ("outlet", "outlet", 140),
        ("speaker", "speaker", 160),
        ("quote_short", "quote", 520),
    ):
        cols.append(
            base.transform_calculate(date_label="timeFormat(datum.date_start, '%Y-%m-%d')")
            .mark_text(align="left", baseline="middle", fontSize=11)
            .encode(
                y=alt.Y("row_number:O", axis=None),
                text=alt.Text(f"{field}:N"),
                tooltip=tooltip,
            )
            .properties(
                title=title, width=width, height=16 * rows, view=alt.ViewBackground(stroke=None)
            )
        )
    return alt.hconcat(*cols, spacing=4)


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
    top = [sourcing_flow(corpus, selection=speaker)]
    sm = stance_matrix_data(corpus)
    if len(sm):
        top.append(_stance_chart(sm, "Stances: speaker × proposition", speaker, define=False))
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
                conflict_ids="",
            ).dropna(subset=["date_start"])
        )  # fmt: skip
    independent = {
        k: "independent" for k in ("color", "opacity", "shape", "size", "strokeDash", "strokeWidth")
    }
    parts: list[alt.TopLevelMixin] = [
        alt.hconcat(*top).resolve_scale(**independent).resolve_legend(**independent)
    ]
    if len(tl):
        parts.append(
            _timeline_chart(
                tl, "Timeline (drag to select dates)", brush=brush, speaker=speaker, define=False
            )
        )
        filters: Sequence[alt.Parameter] = (speaker, brush)
    else:
        filters = (speaker,)
    parts.append(
        quotes_list(ql, filters=filters).properties(
            title="Quotes (click a speaker, drag the timeline)"
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


# --------------------------------------------------------------------------------------
# Saving
# --------------------------------------------------------------------------------------
def save_chart(
    chart: alt.TopLevelMixin,
    data: pd.DataFrame,
    path_stem: str | Path,
    formats: Sequence[str] = ("png", "svg"),
    *,
    scale: float = 2.0,
) -> list[Path]:
    """Save a chart as images (offline, with vl-convert) and its data as CSV side by side.

    Args:
        chart: The chart.
        data: The DataFrame behind it (e.g. from the chart function's ``*_data`` twin).
        path_stem: Path without suffix; writes ``<stem>.png``, ``<stem>.svg`` and
            ``<stem>.csv``. Parent folders are created.
        formats: Image formats: any of "png", "svg", "pdf".
        scale: Pixel scale factor for PNG.

    Returns:
        The paths written: images in the order of ``formats``, then the CSV.

    Raises:
        ValueError: for an unknown format.
    """
    import vl_convert as vlc

    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    spec = chart.to_dict()
    written = []
    for fmt in formats:
        fmt = fmt.lower().lstrip(".")
        path = stem.with_name(f"{stem.name}.{fmt}")
        if fmt == "png":
            path.write_bytes(vlc.vegalite_to_png(spec, scale=scale))
        elif fmt == "svg":
            path.write_text(vlc.vegalite_to_svg(spec), encoding="utf-8")
        elif fmt == "pdf":
            path.write_bytes(vlc.vegalite_to_pdf(spec))
        else:
            raise ValueError(f"Unknown image format {fmt!r}: use png, svg or pdf.")
        written.append(path)
    csv = stem.with_name(f"{stem.name}.csv")
    data.to_csv(csv, index=False)
    written.append(csv)
    return written


FIGURES = ("sourcing_flow", "quote_propagation", "timeline", "stance_matrix", "outlet_profile")
"""Chart functions that have a ``*_data`` twin and can be saved with :func:`figure`."""


def figure(
    name: str,
    corpus: Any,
    path_stem: str | Path | None = None,
    formats: Sequence[str] = ("svg",),
) -> alt.TopLevelMixin:
    """Build one of the :data:`FIGURES`, save it next to the data behind it, and return it.

    The notebook idiom: ``charts.figure("timeline", corpus, "figures/02-timeline")`` draws the
    chart in the notebook and writes ``figures/02-timeline.svg`` and ``.csv`` beside it.

    Args:
        name: A chart function name from :data:`FIGURES`.
        corpus: A loaded corpus.
        path_stem: Where to save (without suffix); None saves nothing.
        formats: Image formats for :func:`save_chart`.

    Returns:
        The chart.

    Raises:
        ValueError: for an unknown chart name.
    """
    if name not in FIGURES:
        raise ValueError(f"Unknown chart {name!r}: choose one of {', '.join(FIGURES)}.")
    data = globals()[f"{name}_data"](corpus)
    chart = globals()[name](corpus, data=data)
    if path_stem is not None:
        save_chart(chart, data, path_stem, formats)
    return chart
