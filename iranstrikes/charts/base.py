"""Shared pieces of every chart: colours, source classes, stance order, selections, helpers.

What belongs here: the constants the charts and widgets agree on (:data:`PALETTE`,
:data:`SOURCE_CLASSES`, :data:`STANCE_ORDER`, selection names) and the small helpers that turn
frame columns into plain JSON-safe values. No chart is built here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import altair as alt
import pandas as pd

from .. import schema

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
        "named": "#1f5fa8",
        "anonymous": "#e08214",
        "institutional": "#35978f",
        "unknown": "#9e9e9e",
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
        "neither": "#f2cf3b",
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
    "verdict": {
        "supported on the record": "#1f5fa8",
        "rests only on anonymous source(s)": "#e08214",
        "not supported in the body": "#9e9e9e",
    },
}
"""All colours and shapes used by the charts (and the widgets), in one place.

One colour keeps one meaning across the whole series: green/red/yellow are stances (says yes /
says no / takes no side) and nothing else; blue is a named source (and a headline backed on
the record), orange an unnamed source (and a headline that rests on one), teal an institution,
grey unknown or not coded."""

STANCE_WORDS = {
    "affirms": "says yes",
    "denies": "says no",
    "neither": "takes no side",
    "mixed": "both yes and no",
    "uncoded": "not coded",
}
"""Legend words for :data:`STANCE_ORDER` (the same words as ``resources/reader_words.csv``)."""


def stance_scale() -> alt.Scale:
    """Colour scale over the stance *words* (legends read "says yes", not "affirms")."""
    mapping = PALETTE["stance"]
    assert isinstance(mapping, dict)
    return alt.Scale(
        domain=[STANCE_WORDS[k] for k in STANCE_ORDER], range=[mapping[k] for k in STANCE_ORDER]
    )


def wrap(text: Any, width: int = 60) -> list[str]:
    """``text`` broken into lines of at most ``width`` characters at spaces (never cut)."""
    import textwrap

    s = "" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text)
    return textwrap.wrap(" ".join(s.split()), width=width, break_long_words=False) or [""]


NO_DATA = "No data to chart for this corpus"
UNKNOWN_OUTLET = "unknown outlet"
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


def canonical_names(corpus: Any) -> dict[str, str]:
    """``person_id`` → canonical display name, from ``corpus.people`` (empty when absent)."""
    people = _ensure(getattr(corpus, "people", None), ["person_id", "name"])
    return {
        str(k): str(v)
        for k, v in zip(people["person_id"], people["name"], strict=True)
        if isinstance(k, str) and isinstance(v, str) and v.strip()
    }


def canonical_speaker(
    person_ids: Iterable[Any], speakers: Iterable[Any], names: dict[str, str]
) -> list[str]:
    """The name to group and show a speaker by: the canonical person's name, else as written.

    Two spellings of one person ("Marzieh"/"Marziyeh") share a ``person_id`` and so one name;
    a statement with no ``person_id`` keeps its own speaker string (:data:`UNATTRIBUTED` when
    there is none).
    """
    out = []
    for pid, sp in zip(person_ids, speakers, strict=True):
        if isinstance(pid, str) and pid in names:
            out.append(names[pid])
        elif isinstance(sp, str) and sp.strip():
            out.append(sp)
        else:
            out.append(UNATTRIBUTED)
    return out


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
    # click replaces the selection, shift-click adds to it, double-click clears
    return alt.selection_point(
        name=SPEAKER_SELECT,
        fields=["speaker"],
        on="click",
        clear="dblclick",
        toggle="event.shiftKey",
    )


def _date_brush() -> alt.Parameter:
    return alt.selection_interval(name=DATE_BRUSH, encodings=["x"])
