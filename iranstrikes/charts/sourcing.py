"""Sourcing charts: speaker → intermediary → outlet flow, quote propagation, outlet profile.

What belongs here: the charts of *who* is quoted *through whom* in *which* outlet, each with
its ``*_data`` twin.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from .base import (
    FIRST_HAND,
    PALETTE,
    QUOTE_KINDS,
    SOURCE_CLASSES,
    UNATTRIBUTED,
    UNKNOWN_OUTLET,
    _categorical_scale,
    _ensure,
    _frame,
    _ints,
    _iso,
    _plain,
    _scale,
    _speaker_select,
    _text,
    no_data_chart,
)
from .table import quotes_table_data

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


# Node size by statements; the scale starts at one statement (a node always has one or more).
_NODE_SIZE = alt.Scale(range=[60, 400], domainMin=1)


def sourcing_flow(
    corpus: Any,
    *,
    data: pd.DataFrame | None = None,
    selection: alt.Parameter | None = None,
    width: int = 600,
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
        width: Width of the plot in pixels.

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
    base = alt.Chart(df).properties(width=width, height=height)
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
            size=alt.Size("n:Q", scale=_NODE_SIZE, title="statements"),
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
            size=alt.Size("n:Q", scale=_NODE_SIZE, title="statements"),
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
        labels = base.transform_filter(alt.datum.element == "node").transform_filter(
            alt.datum.column == column
        )
        if column == "via":
            # the intermediaries sit among the links: a white halo keeps their names legible
            text_layers.append(
                labels.mark_text(
                    align=align, dx=dx, dy=dy, fontSize=11, stroke="white", strokeWidth=4
                ).encode(x=x, y=y, text="label:N")
            )
        text_layers.append(
            labels.mark_text(align=align, dx=dx, dy=dy, fontSize=11).encode(
                x=x, y=y, text="label:N"
            )
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
        One row per (quote group, article), with ``group_label`` (the whole first quote, wrapped
        into lines for the axis), ``group_rank`` (groups ordered by first date), quote text,
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
    label: dict[str, str] = {}
    for g, t in zip(first["quote_group"], first["first_quote"], strict=True):
        text = _quote_label(t)
        while text in label.values():  # two groups that start alike stay two rows
            text += " "
        label[g] = text
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
    lines = max(label.count("\n") + 1 for label in groups)
    y = alt.Y(
        "group_label:N",
        sort=groups,
        title=None,
        axis=alt.Axis(labelExpr="split(datum.label, '\\n')", labelLimit=0, labelAlign="right"),
    )
    x = alt.X("published:T", title="published", axis=alt.Axis(format=DAY_FORMAT))
    band = max(28, 13 * lines + 10)
    base = alt.Chart(df).properties(width=360, height=max(120, band * len(groups)))
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
            alt.Tooltip("outlet:N", title="outlet"),
            alt.Tooltip("published:T", title="published", format=DAY_FORMAT),
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


DAY_FORMAT = "%-d %b %Y"
"""Dates on axes and in tooltips: "3 Dec 2014", as in the reader's tables."""

QUOTE_LABEL_WIDTH = 44
"""Characters per line of a quote written out as an axis label."""


def _quote_label(text: Any) -> str:
    """The whole quote, in quotation marks, wrapped into lines (joined by newlines)."""
    import textwrap

    words = " ".join(str(text).split()) if isinstance(text, str) else ""
    return (
        "\n".join(
            textwrap.wrap(
                f"“{words}”", QUOTE_LABEL_WIDTH, break_long_words=False, break_on_hyphens=False
            )
        )
        or "(no words)"
    )


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
            # the verdict colours repeat the source colours: blue = backed on the record,
            # orange = rests on an unnamed source (one colour meaning per figure)
            verdict = PALETTE["verdict"]
            assert isinstance(verdict, dict)
            scale = alt.Scale(domain=cats, range=[verdict.get(c, "#9e9e9e") for c in cats])
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
