"""Stance charts: the speaker × proposition matrix.

What belongs here: :func:`stance_matrix_data` and :func:`stance_matrix` and the chart the
dashboard reuses.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from .base import (
    STANCE_ORDER,
    UNATTRIBUTED,
    _frame,
    _plain,
    _scale,
    _speaker_select,
    _text,
    no_data_chart,
)
from .timeline import _combine_stances

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
