"""Reading a corpus folder's ``manifest.csv``: reported, never raised.

What belongs here: reading the manifest's bytes safely (a regular file of bounded size),
its encoding (UTF-8, UTF-16 with a byte-order mark, else Windows-1252 with a warning) and its
separator (comma, semicolon or tab), matching column names case-insensitively after
trimming, and checking each value: an empty ``file``, an ``outlet_ownership`` outside the
suggested vocabulary, a ``published`` date that is relative (``now``, ``today``), ambiguous
(``03/12/2014``), out of range or has a time zone. Each finding is one ``problems`` row (with
the manifest's line number) and the load goes on: the value is kept as given, kept with a
warning, or set empty.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from .. import schema
from .files import _problem, open_regular

MANIFEST_MAX_BYTES = 64_000_000
#: The values suggested for ``outlet_ownership`` (others are kept, with a warning).
OWNERSHIP = next(
    c.allowed for c in schema.FRAMES["articles"].columns if c.name == "outlet_ownership"
)
_CLOCK_WORDS = {"now", "today", "tomorrow", "yesterday", "current", "present"}
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})\s*$")
#: Dates outside the range a datetime64[ns] column can hold are refused.
_MIN = pd.Timestamp("1677-09-22")
_MAX = pd.Timestamp("2262-04-10")


def _decode(raw: bytes) -> tuple[str, str]:
    """The manifest's text and the encoding used."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def _separator(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda s: (counts[s], s == ","))
    return best if counts[best] else ","


def clean_date(value: str) -> tuple[str | None, tuple[str, str, str] | None]:
    """A manifest ``published`` value as an ISO date, or None, and the problem to report.

    Returns:
        (ISO date ``YYYY-MM-DD`` or ISO date-time without zone, or None when refused;
        (severity, code, message) or None)
    """
    v = value.strip()
    if v.casefold() in _CLOCK_WORDS:
        return None, (
            "warning",
            "manifest-relative-date",
            f"'published' is {v!r}, a word for the time of loading, not a date: it was ignored "
            "(two loads would differ). Write the publication date as YYYY-MM-DD.",
        )
    m = _NUMERIC_DATE.match(v)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), m.group(3)
        if len(y) != 4:
            return None, (
                "warning",
                "manifest-ambiguous-date",
                f"'published' is {v!r}, with a two-digit year; it was ignored. Write YYYY-MM-DD.",
            )
        if a <= 12 and b <= 12 and a != b:
            return None, (
                "warning",
                "manifest-ambiguous-date",
                f"'published' is {v!r}, which reads as {int(y):04d}-{a:02d}-{b:02d} (month first) "
                f"or {int(y):04d}-{b:02d}-{a:02d} (day first); it was ignored rather than "
                "guessed. Write YYYY-MM-DD.",
            )
        month, day = (a, b) if b > 12 else (b, a)
        try:
            return pd.Timestamp(year=int(y), month=month, day=day).strftime("%Y-%m-%d"), None
        except ValueError:
            return None, (
                "warning",
                "manifest-bad-date",
                f"manifest 'published' value {v!r} is not a date; it was ignored.",
            )
    try:
        ts = pd.Timestamp(v)
    except (ValueError, TypeError, OverflowError):
        ts = None
    if ts is None or pd.isna(ts):
        return None, (
            "warning",
            "manifest-bad-date",
            f"manifest 'published' value {v!r} is not a date; it was ignored. Write YYYY-MM-DD.",
        )
    note = None
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
        note = (
            "info",
            "manifest-date-timezone",
            f"'published' is {v!r}: the time zone was dropped and the day and time as written "
            f"({ts:%Y-%m-%d %H:%M}) were used.",
        )
    if not (_MIN.year <= ts.year <= _MAX.year) or not (_MIN <= ts <= _MAX):
        return None, (
            "warning",
            "manifest-date-out-of-range",
            f"'published' is {v!r}, outside the years {_MIN.year + 1}-{_MAX.year - 1} that can be "
            "stored; it was ignored. Check the year.",
        )
    iso = ts.strftime("%Y-%m-%d") if ts == ts.normalize() else ts.strftime("%Y-%m-%dT%H:%M:%S")
    return iso, note


def _ownership(value: str) -> tuple[str, tuple[str, str, str] | None]:
    v = " ".join(value.split())
    key = re.sub(r"[\s_]+", "-", v.casefold())
    if key in OWNERSHIP:
        if key == v:
            return v, None
        return key, (
            "info",
            "manifest-vocabulary",
            f"'outlet_ownership' {value!r} was read as {key!r}.",
        )
    return v, (
        "warning",
        "manifest-vocabulary",
        f"'outlet_ownership' is {value!r}, not one of the suggested values "
        f"({', '.join(OWNERSHIP)}); it was kept as given. Use a suggested value so that "
        "outlets can be compared across corpora.",
    )


def read_manifest(folder: Path) -> tuple[pd.DataFrame | None, list[dict]]:
    """Read ``manifest.csv`` of a corpus folder, if there is one.

    Never raises: everything wrong with the manifest becomes a ``problems`` row (see the
    module docstring), and rows and values that can be used are used.

    Returns:
        (manifest indexed by file name, or None; problem rows)
    """
    path = folder / "manifest.csv"
    if not path.exists() and not path.is_symlink():
        return None, []
    raw, why = open_regular(path, MANIFEST_MAX_BYTES)
    if raw is None:
        return None, [
            _problem(
                "manifest.csv",
                None,
                "error",
                "manifest-unreadable",
                f"manifest.csv was not read: {why}. Articles load with fields derived from the text.",
            )
        ]
    problems: list[dict] = []
    text, encoding = _decode(raw)
    if encoding in ("cp1252", "latin-1"):
        problems.append(
            _problem(
                "manifest.csv",
                None,
                "warning",
                "manifest-encoding",
                f"manifest.csv is not UTF-8; it was read as {encoding}. Save it as UTF-8 so that "
                "accented names are read as written.",
            )
        )
    sep = _separator(text)
    bad_lines: list[list[str]] = []
    try:
        try:
            df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=sep)
        except pd.errors.ParserError:  # rows with too many fields: read the rest, report them
            df = pd.read_csv(
                io.StringIO(text),
                dtype=str,
                keep_default_na=False,
                sep=sep,
                engine="python",
                on_bad_lines=lambda line: bad_lines.append(line) and None,
                quoting=csv.QUOTE_MINIMAL,
            )
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        return None, [
            _problem(
                "manifest.csv",
                None,
                "error",
                "manifest-unreadable",
                f"manifest.csv could not be read ({' '.join(str(exc).split())[:200]}); articles "
                "load with fields derived from the text.",
            )
        ]
    for line in bad_lines:
        problems.append(
            _problem(
                "manifest.csv",
                None,
                "warning",
                "manifest-bad-row",
                f"A manifest.csv row has more fields than the header ({sep.join(line)[:120]!r}); "
                "it was skipped. Quote values that hold the separator.",
            )
        )
    cols = [" ".join(str(c).split()).casefold().replace(" ", "_") for c in df.columns]
    seen: set[str] = set()
    keep = []
    for k, c in enumerate(cols):
        if c in seen:
            problems.append(
                _problem(
                    "manifest.csv",
                    None,
                    "warning",
                    "manifest-duplicate-column",
                    f"manifest.csv has the column {df.columns[k]!r} twice; the first was used.",
                )
            )
        else:
            keep.append(k)
        seen.add(c)
    df = df.iloc[:, keep]
    df.columns = [cols[k] for k in keep]
    if "file" not in df.columns:
        problems.append(
            _problem(
                "manifest.csv",
                None,
                "error",
                "manifest-no-file-column",
                "manifest.csv has no 'file' column, so it cannot be matched to articles; it was "
                f"ignored (columns found: {', '.join(map(str, df.columns))[:200]}).",
            )
        )
        return None, problems
    df = df.apply(lambda s: s.str.strip())
    df = df.replace({"": None})
    line_no = pd.Series(range(2, len(df) + 2), index=df.index)
    empty = df["file"].isna()
    for i in df.index[empty]:
        problems.append(
            _problem(
                "manifest.csv",
                None,
                "warning",
                "manifest-empty-file",
                f"Row {line_no[i]} of manifest.csv has an empty 'file' value; it was skipped. "
                "Fill in the article's file name.",
            )
        )
    df = df[~empty]
    dup = df["file"].duplicated(keep="first")
    for f in df.loc[dup, "file"]:
        problems.append(
            _problem(
                "manifest.csv",
                None,
                "warning",
                "manifest-duplicate-row",
                f"manifest.csv lists {f!r} more than once; the first row was used.",
            )
        )
    df = df[~dup].copy()
    for col, check in (("published", clean_date), ("outlet_ownership", _ownership)):
        if col not in df.columns:
            continue
        values = []
        for f, v in zip(df["file"].tolist(), df[col].tolist(), strict=True):
            if v is None:
                values.append(None)
                continue
            new, finding = check(v)
            values.append(new)
            if finding is not None:
                sev, code, msg = finding
                problems.append(_problem(f, None, sev, code, f"manifest.csv: {msg}"))
        df[col] = values
    df = df.set_index("file", drop=False)
    return df, problems
