"""Chronology's frames: columns, dtypes, constants and fast frame builders.

Chronology's frames: the column lists, dtypes and confidence constants of the events,
conflicts, timeline and inferred-dates frames, and the fast builders that turn record lists into
frames with each column in its final dtype. Nothing about reading text belongs here.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable

import numpy as np
import pandas as pd

EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "actor",
    "person_id",
    "description",
    "quote_id",
    "kind",
    "date_start",
    "date_end",
    "date_text",
    "date_text_start",
    "date_text_end",
    "start",
    "end",
    "anchor",
    "basis",
    "confidence",
    "method",
)
CONFLICT_COLUMNS = (
    "conflict_id",
    "event_group",
    "event_ids",
    "article_ids",
    "actors",
    "dates",
    "date_texts",
    "spans",
    "reason",
)
TIMELINE_COLUMNS = (
    "timeline_id",
    "actor",
    "description",
    "date_start",
    "date_end",
    "has_conflict",
    "n_reports",
    "article_ids",
    "outlets",
    "event_ids",
    "confidence",
)
INFERRED_COLUMNS = (
    "article_id",
    "published",
    "published_latest",
    "published_basis",
    "published_evidence",
)

_DTYPES = {
    "date_start": "datetime64[ns]",
    "date_end": "datetime64[ns]",
    "published": "datetime64[ns]",
    "published_latest": "datetime64[ns]",
    "date_text_start": "Int64",
    "date_text_end": "Int64",
    "start": "Int64",
    "end": "Int64",
    "n_reports": "Int64",
    "confidence": "Float64",
    "has_conflict": "boolean",
}

#: How much a publication date of each basis is trusted as an anchor.
BASIS_CONFIDENCE = {
    "manifest": 1.0,
    "dateline": 0.95,
    "url": 0.9,
    "text": 0.85,
    "inferred": 0.6,
    "unknown": 0.0,
}

DESCRIPTION_MAX = 200
SAME_EVENT_JACCARD = 0.3
GENERIC_ACTOR_JACCARD = 0.5
GROUP_WINDOW_DAYS = 14


def _frame(records: list[dict], columns: Iterable[str]) -> pd.DataFrame:
    """A frame of ``records`` with each column in its final dtype (:data:`_DTYPES`, else string).

    Each column is built once, in its dtype, from a list (a per-column ``astype`` of an
    object frame costs several times more on the small frames of one article).
    """
    columns = list(columns)
    if columns == list(EVENT_COLUMNS):
        try:
            return _event_frame(records)
        except (TypeError, ValueError, AttributeError, OverflowError):
            pass  # unusual values: the general path below
    try:
        data = {}
        for c in columns:
            vals = [r.get(c) for r in records]
            dtype = _DTYPES.get(c, "string")
            if dtype.startswith("datetime64"):
                data[c] = pd.Series(vals, dtype=object).astype(dtype).array
            else:
                data[c] = pd.array(vals, dtype=dtype)
        return pd.DataFrame(data, columns=columns)
    except (TypeError, ValueError):  # unusual values: the general (slower) path
        return _frame_slow(records, columns)


_STR_DTYPE = pd.StringDtype()
_EVENT_INDEX = pd.Index(EVENT_COLUMNS)
_NAT = pd.NaT


def _str_array(vals: list):
    """A ``string`` column from Python strings and missing values (pd.NA, None)."""
    if getattr(_STR_DTYPE, "storage", None) != "pyarrow":  # pragma: no cover
        return pd.array(vals, dtype=_STR_DTYPE)
    import pyarrow as pa

    vals = [None if v is None or v is pd.NA else v for v in vals]
    return pd.arrays.ArrowStringArray(
        pa.chunked_array([pa.array(vals, type=pa.large_string())]), dtype=_STR_DTYPE
    )


def _ns_array(vals: list):
    """A ``datetime64[ns]`` column from Timestamps and NaT (raises on anything else)."""
    ns = []
    for v in vals:
        if v is _NAT:
            ns.append(-(2**63))
        elif type(v) is pd.Timestamp and v.tzinfo is None:
            ns.append(v.value)
        else:
            raise TypeError("not a naive Timestamp")
    return pd.arrays.DatetimeArray._from_sequence(
        np.array(ns, dtype="int64").view("datetime64[ns]"), dtype=np.dtype("datetime64[ns]")
    )


def _masked(vals: list, np_dtype: str, ea_dtype: str):
    """An Int64/Float64 column from numbers and missing values."""
    if any(v is None or v is pd.NA for v in vals):
        return pd.array(vals, dtype=ea_dtype)
    data = np.array(vals, dtype=np_dtype)
    mask = np.zeros(len(vals), dtype=bool)
    if np_dtype == "int64":
        return pd.arrays.IntegerArray(data, mask)
    return pd.arrays.FloatingArray(data, mask)


_EVENT_GET = operator.itemgetter(*EVENT_COLUMNS)
_EVENT_KINDS = tuple(_DTYPES.get(c, "string") for c in EVENT_COLUMNS)
_EVENT_STR = tuple(i for i, k in enumerate(_EVENT_KINDS) if k == "string")
_M8 = np.dtype("datetime64[ns]")


def _event_frame(records: list[dict]) -> pd.DataFrame:
    """The events frame of ``records`` (:data:`EVENT_COLUMNS`), each column built in its dtype.

    The text columns are one Arrow array cut into column slices (one conversion instead of
    one per column: the per-call overhead is most of the cost for one article's rows); the
    dates go in as ``datetime64[ns]`` arrays, which the frame wraps as :func:`_ns_array` does.
    """
    n = len(records)
    cols = list(zip(*map(_EVENT_GET, records), strict=True)) if n else [()] * len(EVENT_COLUMNS)
    arrays: list = [None] * len(cols)
    if getattr(_STR_DTYPE, "storage", None) == "pyarrow":
        import pyarrow as pa

        # (from_pandas: None and NA are missing, as is NaN, which the general path reads so)
        flat = list(itertools.chain.from_iterable([cols[i] for i in _EVENT_STR]))
        big = pa.array(flat, type=pa.large_string(), from_pandas=True)
        for k, i in enumerate(_EVENT_STR):
            arrays[i] = _arrow_str(pa.chunked_array([big.slice(k * n, n)]))
    else:  # pragma: no cover - python string storage
        for i in _EVENT_STR:
            arrays[i] = _str_array(list(cols[i]))
    for i, kind in enumerate(_EVENT_KINDS):
        if kind == "string":
            continue
        vals = cols[i]
        if kind == "datetime64[ns]":
            arrays[i] = _ns_values(vals)
        elif kind == "Int64":
            arrays[i] = _int_array(vals)
        elif kind == "Float64":
            arrays[i] = _masked(list(vals), "float64", "Float64")
        else:  # pragma: no cover - no other dtype in EVENT_COLUMNS
            arrays[i] = pd.array(list(vals), dtype=kind)
    return pd.DataFrame._from_arrays(
        arrays, columns=_EVENT_INDEX, index=pd.RangeIndex(n), verify_integrity=False
    )


def _arrow_str(chunked):
    """The ``string`` array of a large_string ChunkedArray.

    As ``ArrowStringArray(chunked, dtype=_STR_DTYPE)`` makes it, without its checks (the type
    is known).
    """
    cls = pd.arrays.ArrowStringArray
    obj = cls.__new__(cls)
    obj._pa_array = chunked
    obj._dtype = _STR_DTYPE
    obj._cache = {}
    return obj


def _ns_values(vals) -> np.ndarray:
    """The ``datetime64[ns]`` values of Timestamps and NaT (raises on anything else)."""
    ns = []
    for v in vals:
        if v is _NAT:
            ns.append(_NAT_NS)
        elif type(v) is pd.Timestamp and v.tzinfo is None:
            ns.append(v.value)
        else:
            raise TypeError("not a naive Timestamp")
    return np.array(ns, dtype=np.int64).view(_M8)


def _int_array(vals):
    """:func:`_masked` ``Int64`` of ``vals``.

    Plain ints are converted without a scan for missing values (a None or NA fails the
    conversion, and then :func:`_masked` reads them).
    """
    try:
        data = np.array(vals, dtype="int64")
    except (TypeError, ValueError):
        return _masked(list(vals), "int64", "Int64")
    return pd.arrays.IntegerArray(data, np.zeros(len(data), dtype=bool))


def _columns_frame(data: dict[str, list], columns: tuple[str, ...]) -> pd.DataFrame:
    """The frame :func:`_frame` makes of the same rows, from one list per column.

    Dates are given as ns ints (None: missing), text as str (None: missing). Each column
    is built in its final dtype directly; unusual values fall back to :func:`_frame`.
    """
    n = len(data[columns[0]])
    try:
        arrays = []
        for c in columns:
            vals = data[c]
            dtype = _DTYPES.get(c, "string")
            if dtype == "string":
                arrays.append(_str_array(vals))
            elif dtype == "datetime64[ns]":
                ns = np.array([_NAT_NS if v is None else v for v in vals], dtype=np.int64)
                arrays.append(
                    pd.arrays.DatetimeArray._from_sequence(
                        ns.view("datetime64[ns]"), dtype=np.dtype("datetime64[ns]")
                    )
                )
            elif dtype == "Int64":
                arrays.append(_masked(vals, "int64", "Int64"))
            elif dtype == "Float64":
                arrays.append(_masked(vals, "float64", "Float64"))
            else:
                arrays.append(pd.array(vals, dtype=dtype))
        return pd.DataFrame._from_arrays(
            arrays, columns=pd.Index(columns), index=pd.RangeIndex(n), verify_integrity=False
        )
    except (TypeError, ValueError, AttributeError, OverflowError):
        pass  # unusual values: the general path

    def value(c, v):
        if v is None:
            return pd.NaT if _DTYPES.get(c) == "datetime64[ns]" else pd.NA
        return pd.Timestamp(v) if _DTYPES.get(c) == "datetime64[ns]" else v

    records = [{c: value(c, data[c][k]) for c in columns} for k in range(n)]
    return _frame(records, columns)


def _frame_slow(records: list[dict], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame.from_records(records, columns=columns)
    for c in columns:
        dtype = _DTYPES.get(c, "string")
        df[c] = df[c].astype(dtype)
    return df.reset_index(drop=True)


_NAT_NS = np.iinfo(np.int64).min
