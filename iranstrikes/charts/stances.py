"""Stance charts: who said yes or no to which claim, grouped by kind of source.

What belongs here: :func:`stance_matrix_data` / :func:`stance_matrix` (every speaker × every
claim, the dashboard reuses it) and :func:`finding_data` / :func:`finding` (the key exhibit of
the series: the claims the headlines make, with rows for named people, unnamed sources,
institutions and headlines, annotated with the finding computed from ``headline_support``).
Rows group speakers by canonical person (``person_id`` → ``people.name``).
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from .base import (
    PALETTE,
    STANCE_WORDS,
    _frame,
    _plain,
    _speaker_select,
    _text,
    canonical_names,
    canonical_speaker,
    no_data_chart,
    stance_scale,
    wrap,
)
from .timeline import _combine_stances

__all__ = ["RECORDS", "GROUPS", "stance_matrix", "stance_matrix_data", "finding", "finding_data"]

RECORDS = ("on record", "media report", "anonymous", "headline")
"""How a stance-matrix row is sourced: a named person or institution on the record, a medium
cited without a named source, an anonymous source, or a headline/lede."""

GROUPS = ("named people", "unnamed sources", "institutions and outlets", "headlines")
"""The row groups of the stance charts, in order."""

_GROUP_OF_TYPE = {
    "person": "named people",
    "anonymous": "unnamed sources",
    "institution": "institutions and outlets",
    "media": "institutions and outlets",
    "headline": "headlines",
}
_GROUP_COLOUR = {
    "named people": PALETTE["source"]["named"],  # type: ignore[index]
    "unnamed sources": PALETTE["source"]["anonymous"],  # type: ignore[index]
    "institutions and outlets": PALETTE["source"]["institutional"],  # type: ignore[index]
    "headlines": "#555555",
}


def stance_matrix_data(corpus: Any) -> pd.DataFrame:
    """Speaker × proposition stances, grouped by kind of source, with the evidence.

    Args:
        corpus: The corpus.

    Returns:
        One row per (speaker, proposition): ``speaker`` (canonical name), ``speaker_label``
        (headlines read "Headline, <Outlet, date>"), ``group`` (one of :data:`GROUPS`),
        ``record`` (one of :data:`RECORDS`), ``proposition_id``, ``claim`` ("Claim N"),
        ``proposition`` (its text), ``stance`` (one value, or ``mixed``), ``stance_words``,
        ``n_statements``, the first statement's ``quote`` (else its evidence), ``evidence``,
        ``articles`` (in words), ``cue``, ``via``. Sorted by group, speaker, proposition.
    """
    from ..reader import article_labels

    cols = [
        "speaker", "speaker_label", "group", "record", "proposition_id", "claim", "proposition",
        "stance", "stance_words", "n_statements", "quote", "evidence", "articles", "cue", "via",
    ]  # fmt: skip
    st = _frame(corpus, "stances")
    if st.empty:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    props = _frame(corpus, "propositions")
    claim = {str(p): f"Claim {i}" for i, p in enumerate(props["proposition_id"], start=1)}
    text = {str(p): str(t) for p, t in zip(props["proposition_id"], props["text"], strict=True)}
    q = _frame(corpus, "quotes").set_index("quote_id")
    labels = article_labels(corpus)
    st = st.sort_values(["proposition_id", "stance_id"]).copy()
    st["speaker"] = canonical_speaker(st["person_id"], st["speaker"], canonical_names(corpus))
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
        first_type = next(iter(sorted(types & set(_GROUP_OF_TYPE)) or ["person"]))
        group = _GROUP_OF_TYPE.get(first_type, "named people")
        if "headline" in types:
            group = "headlines"
        r0 = g.iloc[0]
        qid = r0["quote_id"] if isinstance(r0["quote_id"], str) else None
        qrow = q.loc[qid] if qid is not None and qid in q.index else None
        evidence = r0["evidence"] if isinstance(r0["evidence"], str) else ""
        arts = sorted({labels.get(str(v), str(v)) for v in g["article_id"]})
        label = speaker
        if group == "headlines":
            label = "Headline, " + "; ".join(arts)
        stance = _combine_stances(g["stance"])
        rows.append(
            {
                "speaker": speaker,
                "speaker_label": label,
                "group": group,
                "record": record,
                "proposition_id": str(pid),
                "claim": claim.get(str(pid), str(pid)),
                "proposition": " ".join(text.get(str(pid), "").split()),
                "stance": stance,
                "stance_words": STANCE_WORDS[stance],
                "n_statements": len(g),
                "quote": str(qrow["quote"])
                if qrow is not None and pd.notna(qrow["quote"])
                else evidence,
                "evidence": evidence,
                "articles": "; ".join(arts),
                "cue": str(qrow["cue"]) if qrow is not None and pd.notna(qrow["cue"]) else "",
                "via": str(qrow["via"]) if qrow is not None and pd.notna(qrow["via"]) else "",
            }
        )
    order = {r: i for i, r in enumerate(GROUPS)}
    df = pd.DataFrame(rows, columns=cols)
    df = df.assign(_r=df["group"].map(order)).sort_values(
        ["_r", "speaker_label", "proposition_id"], kind="stable"
    )
    return _plain(df.drop(columns="_r").reset_index(drop=True))


def stance_matrix(corpus: Any, *, data: pd.DataFrame | None = None) -> alt.TopLevelMixin:
    """Who said yes or no to which claim: one column per claim, rows grouped by kind of source.

    Rows are speakers: named people, then unnamed sources, then institutions and outlets,
    then headlines; a coloured marker left of each row says which (blue named, orange
    unnamed, teal institution, grey headline — the same colours as every sourcing chart).
    The cell colour and text give the stance in words. Clicking a row sets
    ``speaker_select`` (shift-click adds a speaker, double-click clears).

    Args:
        corpus: The corpus.
        data: The output of :func:`stance_matrix_data`, when already computed.

    Returns:
        An Altair chart (or a "no data" chart).
    """
    df = stance_matrix_data(corpus) if data is None else data
    title = "Who said yes or no to each claim"
    if df.empty:
        return no_data_chart("No stances coded for this corpus", title)
    return _stance_chart(df, title, _speaker_select())


def _stance_chart(
    df: pd.DataFrame,
    title: Any,
    selection: alt.Parameter | None,
    *,
    define: bool = True,
    column_width: int = 90,
    header_width: int = 14,
) -> alt.TopLevelMixin:
    labels = list(dict.fromkeys(df["speaker_label"]))
    claims = list(dict.fromkeys(df.sort_values("proposition_id")["claim"]))
    heights = max(60, 22 * len(labels))
    heads = df.drop_duplicates("claim").set_index("claim")["proposition"]
    header = {c: "\n".join([c, *wrap(heads.get(c, ""), header_width)]) for c in claims}
    df = df.assign(header=[header[c] for c in df["claim"]])
    order = [header[c] for c in claims]
    y = alt.Y("speaker_label:N", sort=labels, title=None, axis=alt.Axis(labelLimit=260))
    x = alt.X("header:N", sort=order, title=None, axis=None)
    n_lines = max(len(h.split("\n")) for h in order)
    head = (
        alt.Chart(pd.DataFrame({"header": order}))
        .mark_text(lineBreak="\n", baseline="top", fontSize=11, lineHeight=13, dy=2)
        .encode(
            x=x,
            y=alt.value(0),
            text="header:N",
        )
        .properties(width=column_width * len(claims), height=13 * n_lines + 6)
    )
    base = alt.Chart(df).properties(width=column_width * len(claims), height=heights)
    tooltip = [
        alt.Tooltip("speaker:N", title="speaker"),
        alt.Tooltip("group:N", title="kind of source"),
        alt.Tooltip("claim:N", title="claim"),
        alt.Tooltip("stance_words:N", title="says"),
        alt.Tooltip("quote:N", title="words"),
        alt.Tooltip("articles:N", title="in"),
        alt.Tooltip("via:N", title="through"),
    ]
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        x=x,
        y=y,
        color=alt.Color(
            "stance_words:N", scale=stance_scale(), title="What they say",
            legend=alt.Legend(orient="bottom", direction="horizontal", columns=5),
        ),
        tooltip=tooltip,
    )  # fmt: skip
    if selection is not None:
        cells = cells.encode(opacity=alt.condition(selection, alt.value(1.0), alt.value(0.35)))
        cells = cells.add_params(selection) if define else cells
    cells = cells.properties(name="stance_cells")
    text = base.mark_text(fontSize=11).encode(x=x, y=y, text="stance_words:N", tooltip=tooltip)
    groups = [g for g in GROUPS if g in set(df["group"])]
    marker = (
        alt.Chart(df.drop_duplicates("speaker_label"))
        .mark_rect()
        .encode(
            y=alt.Y("speaker_label:N", sort=labels, axis=None),
            color=alt.Color(
                "group:N",
                scale=alt.Scale(domain=groups, range=[_GROUP_COLOUR[g] for g in groups]),
                title="Kind of source",
                legend=alt.Legend(orient="right"),
            ),
            tooltip=[alt.Tooltip("group:N", title="kind of source")],
        )
        .properties(width=10, height=heights)
    )
    matrix = alt.vconcat(head, alt.layer(cells, text), spacing=2)
    return (
        alt.hconcat(matrix, marker, spacing=4)
        .resolve_scale(color="independent")
        .properties(title=title)
    )


# --------------------------------------------------------------------------------------
# The key exhibit
# --------------------------------------------------------------------------------------
def _headline_props(corpus: Any, df: pd.DataFrame) -> list[str]:
    hs = _frame(corpus, "headline_support")
    props = [str(p) for p in dict.fromkeys(hs["proposition_id"])] if len(hs) else []
    return sorted(props) or sorted(set(df["proposition_id"]))


def finding_data(corpus: Any) -> pd.DataFrame:
    """The rows of :func:`stance_matrix_data` on the claims the headlines make.

    Only the claims some headline (or lede) is coded on; every claim when no headline is
    coded. Speakers who said nothing on those claims are left out.
    """
    df = stance_matrix_data(corpus)
    if df.empty:
        return df
    keep = _headline_props(corpus, df)
    return df[df["proposition_id"].isin(keep)].reset_index(drop=True)


def finding(corpus: Any, *, data: pd.DataFrame | None = None) -> alt.TopLevelMixin:
    """The key exhibit: what the headlines say vs. what named and unnamed sources said.

    One column per claim that a headline makes ("Claim N" and the claim in full), rows for
    named people, unnamed sources, institutions and outlets, and the headlines, each cell in
    words ("says yes", "says no", "takes no side"). The subtitle states the finding in
    sentences computed from ``headline_support`` and ``stances``
    (:func:`iranstrikes.reader.finding_sentences`).

    Args:
        corpus: The corpus.
        data: The output of :func:`finding_data`, when already computed.

    Returns:
        An Altair chart (or a "no data" chart).
    """
    from ..reader import finding_sentences

    df = finding_data(corpus) if data is None else data
    if df.empty:
        return no_data_chart(
            "No stances coded: add a codebook.yaml to compare headlines with sources",
            "What the headlines say, and what the sources said",
        )
    lines = [ln for s in finding_sentences(corpus) for ln in wrap(s, 100)]
    title = alt.TitleParams(
        "What the headlines say, and what the sources said",
        subtitle=lines or [""],
        anchor="start",
        fontSize=15,
        subtitleFontSize=12,
    )
    return _stance_chart(df, title, None, column_width=190, header_width=28)
