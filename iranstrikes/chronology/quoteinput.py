"""An article's quotes as the event stage reads them.

The quote columns :func:`.events.extract_events` needs, read once per article as plain Python
values (from a frame, or from column lists), and the index that finds the quotes overlapping
a sentence by bisection.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

_QUOTE_SPANS = ("start", "end", "cue_start", "cue_end")
_QUOTE_COLUMNS = ("quote_id", "article_id", *_QUOTE_SPANS, "speaker", "person_id",
                  "speaker_start", "speaker_end")  # fmt: skip


def _labels(df: pd.DataFrame) -> list:
    """``df.columns.tolist()`` (text labels read from their Arrow array: ~3x faster)."""
    vals = df.columns._values
    pa_arr = getattr(vals, "_pa_array", None)
    if pa_arr is not None and pa_arr.null_count == 0 and isinstance(vals.dtype, pd.StringDtype):
        return pa_arr.to_pylist()
    return df.columns.tolist()


def _unique_labels(df: pd.DataFrame, labels: list | None = None) -> bool:
    """``df.columns.is_unique``, without the hash table pandas builds for it (~0.1 ms a frame).

    ``labels``: the :func:`_labels` of ``df``, when already read.
    """
    cols = _labels(df) if labels is None else labels
    return len(set(cols)) == len(cols)


def _column_lists(
    df: pd.DataFrame, names: Iterable[str], labels: list | None = None
) -> dict[str, tuple[list, object]]:
    """Some columns of a small frame as (list, dtype); names not in the frame are left out.

    The column arrays are read directly when pandas allows it: ``df[name]`` builds a Series
    (~10 µs each, a large share of one article's events); ``labels``: the :func:`_labels` of
    ``df``, when already read.
    """
    get = getattr(df, "_get_column_array", None)
    where = None
    if get is not None:
        labels = _labels(df) if labels is None else labels
        if _unique_labels(df, labels):  # (each label's position: one look per name)
            where = {c: i for i, c in enumerate(labels)}
    out = {}
    for name in names:
        if where is not None:
            i = where.get(name)
            if i is None:
                continue
            arr = get(i)
        elif name in df.columns:
            arr = df[name].array
        else:
            continue
        pa_arr = getattr(arr, "_pa_array", None)
        if pa_arr is not None and pa_arr.null_count == 0 and isinstance(arr.dtype, pd.StringDtype):
            out[name] = (pa_arr.to_pylist(), arr.dtype)  # (the same strings, ~4x faster)
        else:
            out[name] = (arr.tolist(), arr.dtype)
    return out


def _n_rows(table: pd.DataFrame | Mapping[str, list]) -> int:
    """Rows of a frame, or of a mapping of column lists (its first column's length)."""
    if isinstance(table, pd.DataFrame):
        return len(table)
    return len(next(iter(table.values()), ()))


def _quote_rows(quotes: pd.DataFrame | Mapping[str, list] | None) -> list[tuple]:
    """The columns :func:`_quote_for` needs, read once per article as plain Python values.

    Args:
        quotes: The article's quotes: a frame, or its columns as lists (``quote_id``,
            ``start``, ``end``, ``cue_start``, ``cue_end``, ``speaker``; offsets -1 or None
            when missing).

    Returns:
        One (quote_id, spans, cue_start, speaker) tuple per quote; ``spans`` holds the valid
        (start, end) of the quote and of its cue, ``cue_start`` is None when missing.
    """
    if quotes is None or "quote_id" not in quotes or _n_rows(quotes) == 0:
        return []
    names = ("quote_id", *_QUOTE_SPANS, "speaker")
    if isinstance(quotes, pd.DataFrame):
        got = _column_lists(quotes, names)
        cols = {c: v for c, (v, _) in got.items()}
        plain = all(
            c in got and isinstance(got[c][1], np.dtype) and got[c][1].kind == "i"
            for c in _QUOTE_SPANS
        )
    else:
        cols = {c: list(quotes[c]) for c in names if c in quotes}
        plain = all(c in cols and all(type(v) is int for v in cols[c]) for c in _QUOTE_SPANS)
    n = len(cols["quote_id"])

    def col(name):
        return cols[name] if name in cols else [None] * n

    def num(v):
        return None if v is None or pd.isna(v) else int(v)

    starts, ends, cue_starts, cue_ends = (col(c) for c in _QUOTE_SPANS)
    if not plain:  # nullable or missing columns: convert once, None for missing values
        starts, ends, cue_starts, cue_ends = (
            [num(v) for v in xs] for xs in (starts, ends, cue_starts, cue_ends)
        )
    out = []
    for qid, s, e, cs, ce, sp in zip(
        col("quote_id"), starts, ends, cue_starts, cue_ends, col("speaker"), strict=True
    ):
        # (the valid spans, written out: no generator per quote)
        quote_ok, cue_ok = s is not None and s >= 0, cs is not None and cs >= 0
        if quote_ok:
            spans = ((s, e), (cs, ce)) if cue_ok else ((s, e),)
        else:
            spans = ((cs, ce),) if cue_ok else ()
        if type(sp) is not str:  # (a string is kept as it is: no pd.isna for it)
            sp = "" if sp is None or pd.isna(sp) else str(sp)
        out.append((qid if type(qid) is str else str(qid), spans, cs, sp))
    return out


def _quote_person_ids(quotes) -> dict[str, object]:
    """quote_id -> person_id of the article's quotes (empty when the column is absent)."""
    if quotes is None:
        return {}
    cols = quotes.columns if isinstance(quotes, pd.DataFrame) else quotes
    if "person_id" not in cols or "quote_id" not in cols:
        return {}
    if isinstance(quotes, pd.DataFrame):
        ids, pids = quotes["quote_id"].tolist(), quotes["person_id"].tolist()
    else:
        ids, pids = list(quotes["quote_id"]), list(quotes["person_id"])
    return {str(q): p for q, p in zip(ids, pids, strict=True)}


class _QuoteIndex:
    """The :func:`_quote_rows` of one article with its spans sorted, for :func:`_quote_for`.

    The quotes overlapping a span are found by bisection (and remembered per span: the same
    sentence is asked about once, then once per statement row in it).
    """

    def __init__(self, rows: list[tuple]):
        self.rows = rows
        spans = sorted((a, b, i) for i, (_, sp, _, _) in enumerate(rows) for a, b in sp)
        if any(b is None for _, b, _ in spans):
            raise TypeError("a quote span without an end")
        self.starts = [a for a, _, _ in spans]
        self.spans = spans
        self.maxlen = max((b - a for a, b, _ in spans), default=0)
        self.memo: dict[tuple[int, int], list[tuple]] = {}

    def overlapping(self, lo: int, hi: int) -> list[tuple]:
        """The rows with a span in [lo, hi), in their original order."""
        key = (lo, hi)
        got = self.memo.get(key)
        if got is None:
            i = bisect.bisect_right(self.starts, lo - self.maxlen)
            j = bisect.bisect_left(self.starts, hi)
            idx = sorted({k for a, b, k in self.spans[i:j] if a < hi and b > lo})
            got = self.memo[key] = [self.rows[k] for k in idx]
        return got


def _quote_for(
    quotes: pd.DataFrame | list[tuple] | _QuoteIndex | None, lo: int, hi: int, near: int
) -> tuple[str, str]:
    """Return (quote_id, speaker) of the quote whose span or cue falls in [lo, hi).

    Args:
        quotes: The article's quotes, or their :func:`_quote_rows` (much faster when called
            once per sentence).
        lo: Start of the span.
        hi: End of the span.
        near: Offset of the statement's cue: the nearest quote cue wins (-1: none).
    """
    if isinstance(quotes, _QuoteIndex):
        rows = quotes.overlapping(lo, hi)
    else:
        rows = quotes if isinstance(quotes, list) else _quote_rows(quotes)
        rows = [q for q in rows if any(a < hi and b > lo for a, b in q[1])]
    return _best_quote(rows, near)


def _best_quote(rows: list[tuple], near: int) -> tuple[str, str]:
    """(quote_id, speaker) of the row of ``rows`` whose cue is nearest ``near``.

    Ties go to the smaller quote_id (``near`` -1: none is near, the smallest wins); ("", "")
    for no rows.
    """
    best = None
    for qid, _, cue, sp in rows:
        dist = abs(cue - near) if cue is not None and near >= 0 else 10**9
        key = (dist, qid)
        if best is None or key < best[0]:
            best = (key, qid, sp)
    return (best[1], best[2]) if best else ("", "")
