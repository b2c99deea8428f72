"""Chronology: every statement and event dated, with its basis and its conflicts.

What belongs here: finding date expressions in article prose ("on Tuesday", "earlier this
week", "December 3", "since August"), resolving them to day-resolution intervals against an
anchor (the publication date, or another event), telling statements from events and naming
their actor, inferring the publication dates of undated articles from the corpus, listing
date conflicts, and merging reports of the same real-world event into a timeline. Nothing
about particular articles, people or outlets: only general rules of news prose.

Per-article (pure): :func:`extract_events`. Cross-article: :func:`infer_publication_dates`,
:func:`find_conflicts`, :func:`merge_timeline`, and the convenience :func:`build_chronology`
that chains them. Rule-level helpers :func:`resolve_expression` and :func:`resolve_weekday`
are public so that each rule can be tested on its own.

Conventions:
    * Every date is an interval ``[date_start, date_end]`` of whole days (equal for a single
      day). An anchor may itself be an interval (an inferred publication range); a rule is a
      monotone function of the anchor day, so the result is ``[f(lo).start, f(hi).end]``.
    * A past-tense weekday is the most recent such day on or before the anchor (the same day
      when the weekdays agree); a future-tense weekday is the next one on or after it.
    * Statements without any date expression are kept with ``NaT`` dates and basis ``none``
      (so that "not dated" can be counted). They inherit the publication date only when
      ``extract_events(..., default_to_publication=True)`` is asked for, and then with method
      ``publication-default`` and confidence 0.2: a report dates the statement no later than
      the publication, not on it.
    * Nothing is guessed silently: ``basis`` says what a date rests on, ``anchor`` names it,
      ``method`` names the rule, and conflicting dates are listed, never resolved.
"""

from __future__ import annotations

import bisect
import calendar
import contextlib
import functools
import heapq
import itertools
import math
import re
from collections import namedtuple
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import resources as _resources

__all__ = [
    "CONFLICT_COLUMNS",
    "EVENT_COLUMNS",
    "TIMELINE_COLUMNS",
    "build_chronology",
    "extract_events",
    "find_conflicts",
    "infer_publication_dates",
    "merge_timeline",
    "resolve_expression",
    "resolve_weekday",
]

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

# --------------------------------------------------------------------------------------
# Date expressions
# --------------------------------------------------------------------------------------

_MONTH_NUM = {k: v for k, v in _resources.months().items() if len(k) == 3}
_WEEKDAY_NUM = {k: v for k, v in _resources.weekdays().items() if k.endswith("day")}
_NUMBER_WORDS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "couple of": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "few": 3,
    "several": 7,
}

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_WD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d{2}"
_ON = r"(?:(?i:on)\s+)?"

# (rule, regex) in order of preference when matches start at the same place.
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        (
            "iso",
            rf"(?<![\w-])(?P<y>{_YEAR})-(?P<m>1[0-2]|0?[1-9])-(?P<d>3[01]|[12]\d|0?[1-9])(?![\w-])",
        ),
        ("numeric", r"(?<![\w/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})(?![\w/.])"),
        (
            "weekday-date",
            rf"(?<!\w){_ON}(?P<wd>{_WD}),?\s+(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})|(?P<d2>{_DAY})\s+"
            rf"(?:of\s+)?(?P<m2>{_MONTH}))(?:,?\s+(?P<y>{_YEAR}))?(?!\w)",
        ),
        (
            "month-day",
            rf"(?<!\w){_ON}(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?![\w%])(?:,?\s+(?P<y>{_YEAR})(?!\w))?",
        ),
        (
            "day-month",
            rf"(?<![\w/]){_ON}(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR})(?!\w))?",
        ),
        (
            "month-year",
            rf"(?<!\w)(?:(?P<prep>(?i:since|in|during|by|until|from|early|late|mid|earlier in|later in))"
            rf"[\s-]+)?(?P<m>{_MONTH})\s+(?P<y>{_YEAR})(?!\w)",
        ),
        (
            "year",
            rf"(?<!\w)(?P<prep>(?i:since|in|during|until|from|throughout))\s+(?P<y>{_YEAR})(?![\w/-])",
        ),
        (
            "month",
            rf"(?<!\w)(?P<prep>(?i:since|in|during|by|until|from|early|late|mid|earlier in|later in"
            rf"|last|this|next))[\s-]+(?P<m>{_MONTH})(?!\s*\d)",
        ),
        (
            "relative",
            r"(?<!\w)(?P<rel>(?i:earlier this week|later this week|this week|last week|next week"
            r"|earlier this month|later this month|this month|last month|next month"
            r"|earlier this year|this year|last year|next year"
            r"|in recent days|in recent weeks|in recent months"
            r"|(?:in|over|during) the (?:past|last) (?:several|few|couple of|two|three|four|five) days"
            r"|(?:in|over|during) the (?:past|last) (?:several|few|couple of|two|three) weeks"
            r"|(?:in|over|during) the (?:past|last) (?:day|week|month)"
            r"|earlier today|later today|today|yesterday|tomorrow|tonight|last night"
            r"|this morning|this afternoon|this evening))(?!\w)",
        ),
        (
            "ago",
            r"(?<!\w)(?P<n>\d+|(?i:a|one|two|three|four|five|six|seven|eight|nine|ten|few|several))"
            r"\s+(?P<unit>(?i:days?|weeks?))\s+(?i:ago)(?!\w)",
        ),
        ("at-the-time", r"(?<!\w)(?P<rel>(?i:at the time|at that time))(?!\w)"),
        (
            "weekday",
            rf"(?<!\w)(?:(?P<mod>(?i:earlier|later|late|early))\s+(?:(?i:on)\s+)?"
            rf"|(?P<mod2>(?i:on|last|next|this|coming|by|until|since|from))\s+)?(?P<wd>{_WD})"
            rf"(?:'s|’s)?(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?(?!\w)",
        ),
    )
)
_RULE_ORDER = {name: i for i, (name, _) in enumerate(_RULES)}
_DATE_WORDS = {
    *(k for k in _WEEKDAY_NUM),
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tomorrow",
    "week",
    "month",
    "year",
    "days",
    "recent",
    "past",
    "time",
}

_FUTURE = re.compile(
    r"(?<!\w)(?:will|would|shall|won't|'ll|(?:is|are|was|were) (?:due|set|scheduled|expected|going|"
    r"planning|slated) to|plans? to|intends? to|(?:is|are) to)(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Match:
    rule: str
    start: int
    end: int
    text: str
    groups: dict[str, str | None]


# Literal pieces that every match of a rule contains (same case rules as the rule itself): a
# rule is only run on a span that holds all of its pieces. Most sentences hold no date, so
# this skips most of the twelve scans without changing any result.
_G_DIGIT = re.compile(r"\d")
_G_MONTH = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_G_REL = re.compile(r"(?i:day|week|month|year|tomorrow|night|morning|afternoon|evening)")
_G_AGO = re.compile(r"(?i:ago)")
_G_TIME = re.compile(r"(?i:time)")
_REL_WORDS = (
    "day",
    "week",
    "month",
    "year",
    "tomorrow",
    "night",
    "morning",
    "afternoon",
    "evening",
)
# The only characters that a case-insensitive pattern matches to one of the (ASCII) letters
# of the words above but that ``str.lower`` does not turn into that letter. Without them,
# ``word in text.lower()`` is the same test as ``(?i:word)``, and ~5x cheaper.
_FOLD_ODD = re.compile("[\u0130\u0131\u212a]")
# The pieces each rule needs: digit, month (abbreviation), wd ("day", case-sensitive),
# rel (a relative-date word), ago, time.
_RULE_GATES: dict[str, tuple[str, ...]] = {
    "iso": ("digit",),
    "numeric": ("digit",),
    "weekday-date": ("wd", "month", "digit"),
    "month-day": ("month", "digit"),
    "day-month": ("month", "digit"),
    "month-year": ("month", "digit"),
    "year": ("digit",),
    "month": ("month",),
    "relative": ("rel",),
    "ago": ("ago", "rel"),
    "at-the-time": ("time",),
    "weekday": ("wd",),
}
_GATED_RULES = tuple((name, rx, _RULE_GATES[name]) for name, rx in _RULES)


def _date_pieces(text: str, lo: int = 0, hi: int | None = None) -> dict[str, bool] | None:
    """Which pieces of date expressions ``text[lo:hi]`` holds (see :data:`_RULE_GATES`).

    None when it holds none: then neither it nor any part of it holds a date expression.
    """
    hi = len(text) if hi is None else hi
    span = text[lo:hi]
    if span.isascii() or not _FOLD_ODD.search(span):
        low = span.lower()
        rel = any(w in low for w in _REL_WORDS)
        ago, time_ = "ago" in low, "time" in low
    else:
        rel = _G_REL.search(span) is not None
        ago, time_ = _G_AGO.search(span) is not None, _G_TIME.search(span) is not None
    has = {
        "digit": _G_DIGIT.search(span) is not None,
        "month": _G_MONTH.search(span) is not None,
        "wd": "day" in span,
        "rel": rel,
        "ago": ago,
        "time": time_,
    }
    return has if any(has.values()) else None


def _find_dates(
    text: str, lo: int = 0, hi: int | None = None, pieces: dict | None | bool = True
) -> list[_Match]:
    """Return non-overlapping date expressions in ``text[lo:hi]`` (absolute offsets).

    ``pieces``: the :func:`_date_pieces` of the span when already known.
    """
    hi = len(text) if hi is None else hi
    has = _date_pieces(text, lo, hi) if pieces is True else pieces
    if has is None:  # (most sentences)
        return []
    found: list[_Match] = []
    for name, rx, gates in _GATED_RULES:
        if all(has[g] for g in gates):
            for m in rx.finditer(text, lo, hi):
                found.append(_Match(name, m.start(), m.end(), m.group(0), m.groupdict()))
    if not found:
        return []
    found.sort(key=lambda x: (x.start, -(x.end - x.start), _RULE_ORDER[x.rule]))
    chosen: list[_Match] = []
    for m in found:
        if chosen and m.start < chosen[-1].end:
            continue
        if (
            m.rule == "month"
            and (m.groups.get("m") or "").startswith("May")
            and not m.groups.get("prep")
        ):
            continue
        chosen.append(m)
    return chosen


def _day(value) -> pd.Timestamp | None:
    """Return ``value`` as a tz-naive midnight Timestamp, or None when missing."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    ts = pd.Timestamp(value)
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    return ts.normalize()


def _month_num(name: str) -> int:
    return _MONTH_NUM[name.strip(".")[:3].lower()]


def _day_num(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def _safe_date(y: int, m: int, d: int) -> pd.Timestamp | None:
    try:
        return pd.Timestamp(year=y, month=m, day=d)
    except ValueError:
        return None


def _month_bounds(y: int, m: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    last = calendar.monthrange(y, m)[1]
    return pd.Timestamp(year=y, month=m, day=1), pd.Timestamp(year=y, month=m, day=last)


def _monday(a: pd.Timestamp) -> pd.Timestamp:
    return a - pd.Timedelta(days=a.weekday())


def resolve_weekday(
    weekday: int | str, anchor, tense: str = "past", modifier: str = ""
) -> pd.Timestamp:
    """Resolve a weekday name against an anchor day.

    Args:
        weekday: 0 (Monday) .. 6 (Sunday), or a weekday name.
        anchor: The day the text is relative to (usually the publication date).
        tense: ``"past"`` gives the most recent such day on or before the anchor (the same
            day when the weekdays agree); ``"future"`` the next one on or after it.
        modifier: ``"last"`` (strictly before), ``"next"``/``"coming"`` (strictly after),
            ``"this"`` (same week side as the tense), or empty.

    Returns:
        The resolved day.
    """
    wd = _WEEKDAY_NUM[weekday.lower()] if isinstance(weekday, str) else int(weekday)
    a = _day(anchor)
    mod = modifier.lower()
    if mod == "last":
        return a - pd.Timedelta(days=(a.weekday() - wd - 1) % 7 + 1)
    if mod in ("next", "coming"):
        return a + pd.Timedelta(days=(wd - a.weekday() - 1) % 7 + 1)
    if tense == "future":
        return a + pd.Timedelta(days=(wd - a.weekday()) % 7)
    return a - pd.Timedelta(days=(a.weekday() - wd) % 7)


def _year_for(m: int, d: int, a: pd.Timestamp, tense: str) -> pd.Timestamp | None:
    """Pick the year of a year-less date.

    Latest on/before the anchor (past), earliest on/after (future), nearest (neutral).
    """
    cands = [x for x in (_safe_date(a.year + k, m, d) for k in (-1, 0, 1)) if x is not None]
    if not cands:
        return None
    if tense == "past":
        ok = [x for x in cands if x <= a]
        return max(ok) if ok else min(cands)
    if tense == "future":
        ok = [x for x in cands if x >= a]
        return min(ok) if ok else max(cands)
    return min(cands, key=lambda x: (abs((x - a).days), x))


# Each rule returns (start, end) for one anchor day, or None when it cannot be resolved.
def _resolve_at(m: _Match, a: pd.Timestamp | None, tense: str):
    g = m.groups
    one = pd.Timedelta(days=1)
    rule = m.rule
    if rule == "iso":
        d = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return (d, d) if d is not None else None
    if rule == "numeric":
        y = int(g["y"])
        y = y + (2000 if y < 50 else 1900) if y < 100 else y
        d = _safe_date(y, int(g["b"]), int(g["a"]))  # day-first (international press)
        if d is None:
            d = _safe_date(y, int(g["a"]), int(g["b"]))
        return (d, d) if d is not None else None
    if rule in ("weekday-date", "month-day", "day-month"):
        mon = g.get("m") or g.get("m1") or g.get("m2")
        dd = g.get("d") or g.get("d1") or g.get("d2")
        mnum, dnum = _month_num(mon), _day_num(dd)
        if g.get("y"):
            d = _safe_date(int(g["y"]), mnum, dnum)
        elif a is None:
            return None
        else:
            d = _year_for(mnum, dnum, a, tense)
        return (d, d) if d is not None else None
    if rule == "month-year":
        s, e = _month_bounds(int(g["y"]), _month_num(g["m"]))
        return _with_prep(s, e, (g.get("prep") or "").lower(), a)
    if rule == "year":
        y = int(g["y"])
        return _with_prep(
            pd.Timestamp(year=y, month=1, day=1),
            pd.Timestamp(year=y, month=12, day=31),
            g["prep"].lower(),
            a,
        )
    if a is None:
        return None
    if rule == "month":
        prep = g["prep"].lower()
        mnum = _month_num(g["m"])
        if prep == "last":
            y = a.year if mnum < a.month else a.year - 1
        elif prep == "this":
            y = a.year
        elif prep == "next" or (tense == "future" and prep not in ("since", "earlier in")):
            y = a.year if mnum > a.month else a.year + 1
        else:
            y = a.year if mnum <= a.month else a.year - 1
        s, e = _month_bounds(y, mnum)
        return _with_prep(s, e, prep, a)
    if rule == "relative":
        return _relative(g["rel"].lower(), a, tense)
    if rule == "ago":
        n = g["n"].lower()
        n = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        if g["unit"].lower().startswith("week"):
            c = a - pd.Timedelta(days=7 * n)
            return c - 3 * one, c + 3 * one
        return a - pd.Timedelta(days=n), a - pd.Timedelta(days=n)
    if rule == "weekday":
        mod = (g.get("mod2") or "").lower()
        d = resolve_weekday(g["wd"], a, tense, mod)
        if mod == "since":
            return d, a
        return d, d
    return None


def _with_prep(s: pd.Timestamp, e: pd.Timestamp, prep: str, a: pd.Timestamp | None):
    one = pd.Timedelta(days=1)
    if prep == "since":
        return (s, a) if a is not None and a >= s else (s, None)
    if prep in ("until", "by"):
        return (None, e) if a is None else (a, e)
    if prep == "early":
        return s, min(e, s + 9 * one)
    if prep == "mid":
        return s + 10 * one, min(e, s + 19 * one)
    if prep == "late":
        return s + 20 * one, e
    if prep == "earlier in" and a is not None and s <= a <= e:
        return s, max(s, a - one)
    return s, e


def _relative(rel: str, a: pd.Timestamp, tense: str):
    one = pd.Timedelta(days=1)
    mon = _monday(a)
    sun = mon + 6 * one
    rel = re.sub(r"\s+", " ", rel)
    if rel in ("today", "earlier today", "later today", "tonight", "this morning"):
        return a, a
    if rel in ("this afternoon", "this evening"):
        return a, a
    if rel in ("yesterday", "last night"):
        return a - one, a - one
    if rel == "tomorrow":
        return a + one, a + one
    if rel == "earlier this week":
        return mon, max(mon, a - one)
    if rel == "later this week":
        return min(a + one, sun), sun
    if rel == "this week":
        return (a, sun) if tense == "future" else (mon, a)
    if rel == "last week":
        return mon - 7 * one, mon - one
    if rel == "next week":
        return mon + 7 * one, sun + 7 * one
    first, last = _month_bounds(a.year, a.month)
    if rel == "earlier this month":
        return first, max(first, a - one)
    if rel == "later this month":
        return min(a + one, last), last
    if rel == "this month":
        return (a, last) if tense == "future" else (first, a)
    if rel == "last month":
        p = first - one
        return _month_bounds(p.year, p.month)
    if rel == "next month":
        n = last + one
        return _month_bounds(n.year, n.month)
    jan1 = pd.Timestamp(year=a.year, month=1, day=1)
    if rel == "earlier this year":
        return jan1, max(jan1, a - one)
    if rel == "this year":
        return (a, pd.Timestamp(year=a.year, month=12, day=31)) if tense == "future" else (jan1, a)
    if rel == "last year":
        return pd.Timestamp(year=a.year - 1, month=1, day=1), pd.Timestamp(
            year=a.year - 1, month=12, day=31
        )
    if rel == "next year":
        return pd.Timestamp(year=a.year + 1, month=1, day=1), pd.Timestamp(
            year=a.year + 1, month=12, day=31
        )
    if rel == "in recent days":
        return a - 7 * one, a
    if rel in ("in recent weeks",):
        return a - 28 * one, a
    if rel == "in recent months":
        return a - 120 * one, a
    m = re.match(r"(?:in|over|during) the (?:past|last) (.+?) ?(days|weeks|day|week|month)$", rel)
    if m:
        qty, unit = m.group(1), m.group(2)
        n = _NUMBER_WORDS.get(qty, 1) if qty else 1
        per = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30}[unit]
        return a - pd.Timedelta(days=n * per), a
    return None


_RULE_CONFIDENCE = {
    "iso": 0.95,
    "numeric": 0.7,
    "weekday-date": 0.95,
    "month-day": 0.9,
    "day-month": 0.9,
    "month-year": 0.9,
    "year": 0.85,
    "month": 0.8,
    "relative": 0.7,
    "ago": 0.75,
    "weekday": 0.85,
    "at-the-time": 0.5,
}


def _method(m: _Match, tense: str, has_year: bool) -> str:
    rule = m.rule
    if rule == "weekday":
        mod = (m.groups.get("mod2") or "").lower()
        if mod in ("last", "next", "coming", "this", "since"):
            return f"weekday-{mod}"
        return f"weekday-{tense}"
    if rule in ("month-day", "day-month", "weekday-date") and not has_year:
        return f"{rule}-year-from-anchor"
    if rule in ("relative", "month"):
        return f"{rule}-{tense}" if tense == "future" else rule
    return rule


def _anchor_free(m: _Match) -> bool:
    """Whether the expression is dated without any anchor (carries its own year)."""
    return m.rule in ("iso", "numeric", "month-year") or (
        m.rule in ("month-day", "day-month", "weekday-date", "year")
        and bool(m.groups.get("y"))
        and (m.groups.get("prep") or "").lower() not in ("since", "until", "by")
    )


_CLAUSE_BREAK = re.compile(r"[,;:“”\"]|\bthat\b|\bwho\b|\bwhich\b")


def _tense_of(text: str, sent_lo: int, sent_hi: int, m: _Match) -> str:
    """Guess the tense governing a date expression from its clause."""
    mod = ((m.groups.get("mod") or "") + (m.groups.get("mod2") or "")).lower()
    if mod in ("next", "coming"):
        return "future"
    if mod in ("last", "earlier", "since"):
        return "past"
    # the clause: from the last boundary before the expression to the next one after it
    left = text[sent_lo : m.start]
    cut = max((x.end() for x in _CLAUSE_BREAK.finditer(left)), default=0)
    left = left[cut:]
    right = text[m.end : sent_hi]
    nxt = _CLAUSE_BREAK.search(right)
    right = right[: nxt.start()] if nxt else right
    clause = left + " " + right
    return "future" if _FUTURE.search(clause) else "past"


def resolve_expression(
    text: str, anchor=None, anchor_latest=None, tense: str = "past"
) -> tuple[pd.Timestamp | None, pd.Timestamp | None, str, float]:
    """Resolve one date expression against an anchor day or interval.

    Args:
        text: The expression as written, e.g. ``"on Friday"`` or ``"since August"``.
        anchor: The anchor day (or the first day of an anchor interval); None if unknown.
        anchor_latest: The last day of an anchor interval (defaults to ``anchor``).
        tense: ``"past"`` or ``"future"``.

    Returns:
        ``(date_start, date_end, method, confidence)``; dates are None when they cannot
        be resolved.

    Raises:
        ValueError: If ``text`` holds no date expression.
    """
    found = _find_dates(text)
    if not found:
        raise ValueError(f"no date expression in {text!r}")
    m = max(found, key=lambda x: x.end - x.start)
    lo, hi = _day(anchor), _day(anchor_latest)
    hi = hi if hi is not None else lo
    return _resolve_match(m, lo, hi, tense)


def _resolve_match(m: _Match, lo, hi, tense: str):
    """``(start, end, method, confidence)`` of a date expression against the anchor [lo, hi].

    Remembered per (rule, groups, anchor, tense): the calendar arithmetic on Timestamps is
    the costly part, and the same expressions recur against the same anchors.
    """
    try:
        return _resolve_cached(m.rule, tuple(m.groups.items()), lo, hi, tense)
    except TypeError:  # (an unhashable anchor)
        return _resolve_uncached(m, lo, hi, tense)


@functools.lru_cache(maxsize=4096)
def _resolve_cached(rule: str, groups: tuple, lo, hi, tense: str):
    return _resolve_uncached(_Match(rule, 0, 0, "", dict(groups)), lo, hi, tense)


def _resolve_uncached(m: _Match, lo, hi, tense: str):
    has_year = bool(m.groups.get("y"))
    method = _method(m, tense, has_year)
    conf = _RULE_CONFIDENCE.get(m.rule, 0.5)
    if m.rule == "numeric" and int(m.groups["a"]) <= 12 and int(m.groups["b"]) <= 12:
        conf = 0.5 if m.groups["a"] != m.groups["b"] else 0.9
    if m.rule == "at-the-time":
        return None, None, "at-the-time-unresolved", 0.1
    if lo is not None and hi is not None and lo < hi and (hi - lo).days <= 92:
        # hull over every possible anchor day (rules are not all monotone at week ends)
        days = pd.date_range(lo, hi, freq="D")
    else:
        days = [d for d in (lo, hi) if d is not None] or [None]
    results = [_resolve_at(m, d, tense) for d in dict.fromkeys(days)]
    if any(r is None or r[0] is None or r[1] is None for r in results):
        return None, None, method, 0.0
    s, e = min(r[0] for r in results), max(r[1] for r in results)
    if m.rule == "weekday-date":
        wd = _WEEKDAY_NUM[m.groups["wd"].lower()]
        if s.weekday() != wd:
            method, conf = "weekday-date-mismatch", 0.4
    if s > e:
        s, e = e, s
    return s, e, method, conf


# --------------------------------------------------------------------------------------
# Sentences, cues and actors
# --------------------------------------------------------------------------------------

_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep",
    "gov", "pres", "prof", "st", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "brig", "cmdr", "rev", "fr", "mt",
}  # fmt: skip
_OPEN_Q, _CLOSE_Q = "“‘", "”’"


_SPAN_CHARS = re.compile(r'[“”".!?]')
_QUOTE_CHARS = re.compile(r'[“”"]')
_LINES = re.compile(r"[^\n]+")


def _sentence_spans(body: str) -> list[tuple[int, int]]:
    """Split ``body`` into sentence spans; never across a newline or inside a quotation."""
    spans: list[tuple[int, int]] = []
    for pm in _LINES.finditer(body):
        p_lo, p_hi = pm.start(), pm.end()
        depth = 0
        straight = False
        s = p_lo
        skip_to = p_lo
        # only these characters change the state: jump from one to the next
        for cm in _SPAN_CHARS.finditer(body, p_lo, p_hi):
            i = cm.start()
            if i < skip_to:
                continue
            ch = body[i]
            if ch == "“":
                depth += 1
            elif ch == "”":
                depth = max(0, depth - 1)
            elif ch == '"':
                straight = not straight
            elif ch in ".!?":
                j = i + 1
                while j < p_hi and body[j] in '”’")]':
                    if body[j] == "”":
                        depth = max(0, depth - 1)
                    elif body[j] == '"':
                        straight = not straight
                    j += 1
                if depth == 0 and not straight and _is_boundary(body, i, j, p_hi):
                    spans.append((s, j))
                    s = j
                    skip_to = j
        spans.append((s, p_hi))
    out = []
    for lo, hi in spans:
        while lo < hi and body[lo].isspace():
            lo += 1
        while hi > lo and body[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            out.append((lo, hi))
    return out


_TAIL_WORD = re.compile(r"([A-Za-z.]+)$")


def _is_boundary(body: str, i: int, j: int, p_hi: int) -> bool:
    k = j
    while k < p_hi and body[k] == " ":
        k += 1
    if k >= p_hi:
        return True
    if k == j:  # no space after the period (U.S., 3.5)
        return False
    nxt = body[k]
    if not (nxt.isupper() or nxt.isdigit() or nxt in '“"‘(['):
        return False
    if body[i] == ".":
        w = _TAIL_WORD.search(body[max(0, i - 12) : i])
        word = w.group(1).lower().rstrip(".") if w else ""
        if word in _ABBREV or (len(word) == 1 and body[i - 1].isupper()):
            return False
    return True


def _quoted_regions(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    open_at = None
    straight_at = None
    for qm in _QUOTE_CHARS.finditer(text, lo, hi):
        i = qm.start()
        ch = qm.group()
        if ch == "“" and open_at is None:
            open_at = i
        elif ch == "”" and open_at is not None:
            regions.append((open_at, i + 1))
            open_at = None
        elif ch == '"' and open_at is None:
            if straight_at is None:
                straight_at = i
            else:
                regions.append((straight_at, i + 1))
                straight_at = None
    for start in (open_at, straight_at):
        if start is not None:
            regions.append((start, hi))
    return sorted(regions)


def _inside(pos: int, regions: Iterable[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in regions)


_CUE = re.compile(
    r"(?<![\w-])(?:said|says|told|added|adds|stated|announced|confirmed|denied|denies|rejected"
    r"|dismissed|claimed|reported|stressed|underlined|reiterated|insisted|noted|explained|warned"
    r"|blamed|complained|acknowledged|admitted|declared|repeated|wrote|argued|urged|accused"
    r"|asserted|emphasi[sz]ed|revealed|disclosed|alleged|maintained|refused to confirm"
    r"|could not confirm|declined to confirm|went on to say|quoted)(?![\w-])"
)
_PASSIVE = re.compile(r"(?:been|be|being|was|were|is|are)\s+(?:\w+ly\s+)?$")
_MEDIA = re.compile(
    r"(?i)\b(?:agency|news|newspaper|daily|media|television|tv|radio|website|outlet|wire"
    r"|broadcaster|press)\b"
)
_ADVERBIAL_START = re.compile(
    r"(?i)^(?:in|on|at|after|following|earlier|later|however|meanwhile|according|since|during"
    r"|while|when|as|but|and|also|then|separately|reiterating|speaking|responding|asked)\b"
)
_TRAILING_JUNK = {
    "who", "which", "that", "has", "have", "had", "also", "is", "was", "were", "are", "did",
    "does", "do", "not", "never", "then", "later", "earlier", "however", "would",
    "could", "will", "and", "but", "it", "today",
}  # fmt: skip
_BREAK_WORDS = {
    "from", "by", "with", "and", "or", "to", "followed", "after", "before", "than", "as",
    "about", "against", "that", "which", "for", "at",
}  # fmt: skip
_SUBORDINATORS = {
    "since",
    "because",
    "after",
    "before",
    "when",
    "while",
    "though",
    "although",
    "if",
}
_BREAK_WORDS |= _SUBORDINATORS
_PRONOUNS = {"he", "she", "they", "it"}
_CONNECTORS = {"of", "the", "al", "bin", "de", "van", "von", "la", "le", "and", "for"}


_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_ACTOR_PUNCT = re.compile(r"[\[\]“”\"#*]|(?<!\w)[‘’']|[‘’'](?!\w)")


def _clean_actor(text: str) -> str:
    if "](" in text:
        text = _LINK_TARGET.sub("", text)
    text = _ACTOR_PUNCT.sub(" ", text)
    text = _SPACES.sub(" ", text).strip(" ,.;:-—–")
    return text


def _strip_dates(text: str) -> str:
    for m in reversed(_find_dates(text)):
        text = text[: m.start] + " " + text[m.end :]
    return text


def _name_like(piece: str) -> bool:
    toks = [t for t in re.split(r"\s+", piece.strip()) if t]
    if not toks or len(toks) > 7:
        return False
    return all(t[0].isupper() or t.lower() in _CONNECTORS or t[0].isdigit() for t in toks)


_DASH_BREAK = re.compile(r"\s[—–]\s|\)\s*[-—–]\s*")
_LY = re.compile(r"[a-z]+ly")


def _subject_before(segment: str, dateless: bool = False) -> str:
    """The noun phrase that ends ``segment`` (the subject of a following verb).

    ``dateless``: the segment is known to hold no date expression (it is part of a text
    without any of the pieces every date expression needs), so none is stripped.
    """
    segment = _DASH_BREAK.split(segment)[-1]
    seg = _clean_actor(segment if dateless else _strip_dates(segment))
    words = seg.split()
    while words and (words[-1].lower() in _TRAILING_JUNK or _LY.fullmatch(words[-1])):
        words.pop()
    seg = " ".join(words).strip(" ,")
    pieces = [p.strip() for p in seg.split(",") if p.strip()]
    pieces = [p for p in pieces if not _ADVERBIAL_START.match(p)] or pieces[-1:]
    if not pieces:
        return ""
    if len(pieces) > 1 and _name_like(pieces[0]) and not pieces[1][0].isupper():
        chosen = pieces[0]
    else:
        chosen = pieces[-1]
    toks = chosen.split()
    k = len(toks)
    breaks = _BREAK_WORDS if len(toks) > 8 else _SUBORDINATORS
    while k > 0 and toks[k - 1].lower() not in breaks:
        k -= 1
    return " ".join(toks[k:]).strip(" ,")


_VERBISH = re.compile(
    r"(?<![\w-])(?:has|have|had|is|are|was|were|will|would|could|can|may|might|should|did|does"
    r"|do|[a-z]{3,}ed|told|met|came|went|took|made|gave|sent|flew|struck|began|fell|rose|won|lost"
    r"|held|left|saw|found|spoke|wrote|brought|built|bought|fought|kept|led|paid|ran|sold|shot"
    r"|stood|thought|threw|hit|put|quit|shut|spread|sank|swore|drove|broke|chose|grew|knew)(?![\w-])"
)


_THAT_QUOTE_SEMI = re.compile(r"\bthat\b|[“\"]|;")
_LEAD_ADVERBIAL = re.compile(r"\s*([^,]{0,40}),\s+")
_QUOTE_OR_THAT = re.compile(r"[“”\"]|\bthat\b")


def _clause_subject(text: str, sent_lo: int, sent_hi: int, m: _Match) -> tuple[str, int]:
    """Return (subject, clause_start) of the clause containing the date expression ``m``."""
    left = text[sent_lo : m.start]
    cut = 0
    for x in _THAT_QUOTE_SEMI.finditer(left):
        cut = x.end()
    clause_lo = sent_lo + cut
    # the clause with the date expression blanked out
    clause = text[clause_lo : m.start] + " " * (m.end - m.start) + text[m.end : sent_hi]
    # drop a leading adverbial ("Since August, ", "In June 2014, ")
    lead = _LEAD_ADVERBIAL.match(clause)
    if lead and (
        not lead.group(1).strip()
        or _find_dates(lead.group(1))
        or _ADVERBIAL_START.match(lead.group(1).strip())
    ):
        clause = clause[lead.end() :]
        clause_lo += lead.end()
    v = _VERBISH.search(clause)
    subj = clause[: v.start()] if v else ""
    subj = _clean_actor(subj.split(",")[0])
    if not subj and cut:
        prev = text[sent_lo : sent_lo + cut - 1]
        bits = _QUOTE_OR_THAT.split(prev)
        cand = _clean_actor(bits[-1]) if bits else ""
        if 0 < len(cand.split()) <= 6:
            subj = cand
    return subj, clause_lo


def _actor_key(actor: str) -> str:
    """Normalise an actor for grouping: surname for names, the phrase for descriptions."""
    toks = [t for t in re.split(r"[\s]+", _clean_actor(actor)) if t]
    toks = [t for t in toks if t.lower() not in ("the", "a", "an")]
    if not toks:
        return ""
    last = toks[-1].strip("’'s") if toks[-1].endswith(("’s", "'s")) else toks[-1]
    if last[:1].isupper():
        return last.casefold()
    return " ".join(toks).casefold()


@dataclass
class _Row:
    start: int
    end: int
    kind: str
    actor: str
    match: _Match | None
    tense: str = "past"
    cue_pos: int = -1
    parent: int | None = None  # index of the statement row this date is relative to
    method_suffix: str = ""
    extra: dict = field(default_factory=dict)


_QUOTED_AS = re.compile(r"\s+(.+?)\s+as\s+say")
_ENDS_QUOTE = re.compile(r"[”\"],?\s*$")
_INVERTED = re.compile(r"\s+((?:[A-Z][\w.’'-]*\s*){1,6})")
_SUBJECT_CUT = re.compile(r"[”]|\bthat\b|\"(?=[,\s])|;")


def _statement_actor(
    text: str, sent_lo: int, cue: re.Match, regions, dateless: bool = False
) -> str:
    """Name the speaker of a reporting cue (``dateless``: see :func:`_subject_before`)."""
    after = text[cue.end() : cue.end() + 80]
    if cue.group(0) == "quoted":
        qm = _QUOTED_AS.match(after)
        if qm:
            return _clean_actor(qm.group(1))
    before = text[sent_lo : cue.start()]
    # inverted: ..." said X
    if _ENDS_QUOTE.search(before):
        inv = _INVERTED.match(after)
        if inv and cue.group(0) in ("said", "added", "says", "adds", "wrote"):
            return _clean_actor(inv.group(1))
    # subject before the cue, from the last closing quote / "that"
    cut = 0
    for x in _SUBJECT_CUT.finditer(before):
        if not _inside(
            sent_lo + x.start(), [r for r in regions if r[1] - 1 != sent_lo + x.start()]
        ):
            cut = x.end()
    return _subject_before(before[cut:], dateless)


# --------------------------------------------------------------------------------------
# Per article
# --------------------------------------------------------------------------------------


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SPACES = re.compile(r"\s+")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z’'-]+")
_DATELINE_LEAD = re.compile(r"\s*[A-Z][A-Z .,'’-]{2,40},\s*$")
_COMMA_START = re.compile(r"\s*,")
_THAT_OR_QUOTE = re.compile(r"\bthat\b|[“”\"]")


def _describe(text: str) -> str:
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    text = " ".join(text.split())  # (= _SPACES.sub(" ", text).strip(): the same whitespace)
    if len(text) > DESCRIPTION_MAX:
        text = text[: DESCRIPTION_MAX - 1].rstrip() + "…"
    return text


_QUOTE_SPANS = ("start", "end", "cue_start", "cue_end")


def _column_lists(df: pd.DataFrame, names: Iterable[str]) -> dict[str, tuple[list, object]]:
    """Some columns of a small frame as (list, dtype); names not in the frame are left out.

    The column arrays are read directly when pandas allows it: ``df[name]`` builds a Series
    (~10 µs each, a large share of one article's events).
    """
    get = getattr(df, "_get_column_array", None)
    direct = get is not None and df.columns.is_unique
    out = {}
    for name in names:
        if name in df.columns:
            arr = get(df.columns.get_loc(name)) if direct else df[name].array
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
        spans = tuple((a, b) for a, b in ((s, e), (cs, ce)) if a is not None and a >= 0)
        out.append((str(qid), spans, cs, "" if sp is None or pd.isna(sp) else str(sp)))
    return out


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
        check = False
    else:
        rows = quotes if isinstance(quotes, list) else _quote_rows(quotes)
        check = True
    best = None
    for qid, spans, cue, sp in rows:
        if check and not any(a < hi and b > lo for a, b in spans):
            continue
        dist = abs(cue - near) if cue is not None and near >= 0 else 10**9
        key = (dist, qid)
        if best is None or key < best[0]:
            best = (key, qid, sp)
    return (best[1], best[2]) if best else ("", "")


def _is_person(actor: str, surnames: set[str]) -> bool:
    toks = [t for t in actor.split() if t]
    caps = [t for t in toks if t[:1].isupper()]
    if len(caps) >= 2 and toks[-1][:1].isupper():
        return True
    return bool(toks) and toks[-1][:1].isupper() and toks[-1].casefold() in surnames


def extract_events(
    article_id: str,
    body: str,
    published=None,
    published_latest=None,
    published_basis: str = "unknown",
    quotes: pd.DataFrame | None = None,
    *,
    default_to_publication: bool = False,
) -> pd.DataFrame:
    """Find every dated statement or event in one article, and every undated statement.

    One row per date expression found in a sentence of prose (page furniture without two
    lower-case words is skipped), plus one row for each statement sentence (reporting verb,
    or a quote from ``quotes``) that carries no date. A date attached to a reporting verb
    ("confirmed on Friday", "On Tuesday, X told reporters") dates a *statement*; any other
    date dates an *event* (the clause it sits in). A relative date inside the reported
    content of a dated statement is resolved against that statement (basis ``event:<id>``);
    "at the time" is resolved against the nearest preceding dated row.

    Args:
        article_id: The article's id; event ids are ``<article_id>:e<NNN>``.
        body: The article text; all offsets index it.
        published: Publication day (or first day of a publication range); None/NaT if unknown.
        published_latest: Last day of the publication range; defaults to ``published``.
        published_basis: How the publication date is known (manifest, url, dateline, text,
            inferred, unknown).
        quotes: Optional quotes of this article (columns quote_id, start, end, speaker,
            cue_start, cue_end, ...); used to link statements to quotes and name speakers.
        default_to_publication: Give undated statements the publication date at confidence
            0.2 (method ``publication-default``) instead of NaT.

    Returns:
        The events frame of the article (columns :data:`EVENT_COLUMNS`), sorted by ``start``
        then ``date_text_start``.
    """
    return _frame(
        _event_records(
            article_id,
            body,
            published,
            published_latest,
            published_basis,
            quotes,
            default_to_publication=default_to_publication,
        ),
        EVENT_COLUMNS,
    )


def _events_from_records(records: list[dict]) -> pd.DataFrame:
    """The events frame of the records of :func:`_event_records` (of one or many articles)."""
    return _frame(records, EVENT_COLUMNS)


def _event_records(
    article_id: str,
    body: str,
    published=None,
    published_latest=None,
    published_basis: str = "unknown",
    quotes: pd.DataFrame | Mapping[str, list] | None = None,
    *,
    default_to_publication: bool = False,
) -> list[dict]:
    """The rows of :func:`extract_events` as records (the loader builds one frame per chunk).

    ``quotes`` may also be the article's quote columns as lists (as
    :func:`iranstrikes.quotes.quote_columns` gives them, with ``quote_id`` and
    ``article_id``): the same rows, without building a frame.
    """
    body = body or ""
    lo_anchor, hi_anchor = _day(published), _day(published_latest)
    if lo_anchor is None:
        hi_anchor = None
    elif hi_anchor is None or hi_anchor < lo_anchor:
        hi_anchor = lo_anchor
    basis_name = published_basis or "unknown"
    anchor_conf = BASIS_CONFIDENCE.get(basis_name, 0.5) if lo_anchor is not None else 0.0
    if quotes is not None and "article_id" in quotes and _n_rows(quotes):
        aid = str(article_id)
        if isinstance(quotes, pd.DataFrame):
            ids = _column_lists(quotes, ["article_id"])["article_id"][0]
        else:
            ids = quotes["article_id"]
        if not all(type(x) is str and x == aid for x in ids):  # else: all rows are kept
            if isinstance(quotes, pd.DataFrame):
                quotes = quotes[quotes["article_id"].astype(str) == aid]
            else:
                keep = [k for k, x in enumerate(ids) if str(x) == aid]
                quotes = {c: [v[k] for k in keep] for c, v in quotes.items()}
    quote_rows: list[tuple] | _QuoteIndex = _quote_rows(quotes)
    with contextlib.suppress(TypeError):  # unusual spans: keep the plain scan
        quote_rows = _QuoteIndex(quote_rows)

    rows: list[_Row] = []
    surnames: set[str] = set()
    last_person = ""
    for s_lo, s_hi in _sentence_spans(body):
        sent = body[s_lo:s_hi]
        if len(sent.split()) < 4:
            continue
        words = _LOWER_WORD.finditer(sent)
        if next(words, None) is None or next(words, None) is None:  # fewer than two
            continue
        regions = _quoted_regions(body, s_lo, s_hi)
        cues = [
            c
            for c in _CUE.finditer(body, s_lo, s_hi)
            if not _inside(c.start(), regions) and not _PASSIVE.search(body[s_lo : c.start()])
        ]
        pieces = _date_pieces(body, s_lo, s_hi)
        dates = _find_dates(body, s_lo, s_hi, pieces)
        dateline = None
        if dates and _DATELINE_LEAD.match(body[s_lo : dates[0].start]):
            # a dateline dates the lede only when the lede has no date of its own
            dateline, dates = dates[0], dates[1:]
            dates = dates or [dateline]

        def actor_of(cue, _s_lo=s_lo, _regions=regions, _dateless=pieces is None):
            nonlocal last_person
            a = _statement_actor(body, _s_lo, cue, _regions, _dateless)
            if a.lower() in _PRONOUNS and last_person:
                return last_person
            if _is_person(a, surnames):
                toks = a.split()
                if len(toks) >= 2:
                    surnames.add(toks[-1].casefold())
                last_person = a
            return a

        cue_actor = {c.start(): actor_of(c) for c in cues}
        stmt_idx_for_cue: dict[int, int] = {}
        sentence_rows: list[_Row] = []
        for m in dates:
            tense = _tense_of(body, s_lo, s_hi, m)
            attached = None
            in_quote = _inside(m.start, regions)
            if in_quote or not cues:
                date_initial = False
            else:  # the date opens the sentence ("On Tuesday, ...")
                prefix = body[s_lo : m.start].strip()
                date_initial = (
                    len(prefix) < 40
                    and (not prefix or bool(_ADVERBIAL_START.match(prefix)))
                    and not _VERBISH.search(prefix)
                    and bool(_COMMA_START.match(body[m.end : m.end + 2]))
                )
            for c in cues:
                if in_quote:
                    continue
                a, b = (m.end, c.start()) if m.end <= c.start() else (c.end(), m.start)
                between = body[a:b]
                if _THAT_OR_QUOTE.search(between) or _VERBISH.search(between):
                    continue
                initial = date_initial and c.start() > m.end
                if "," in between and not initial:
                    continue  # another clause: the date belongs to its own verb
                close = len(between) <= 60 or (initial and len(between) <= 110)
                if close and (
                    attached is None or abs(c.start() - m.start) < abs(attached.start() - m.start)
                ):
                    attached = c
            if m is dateline:
                m = _Match("dateline", m.start, m.end, m.text, m.groups | {"rule": m.rule})
            if attached is not None:
                actor = cue_actor[attached.start()]
                suffix = ""
                if attached.group(0) == "reported" and _MEDIA.search(actor):
                    earlier = [c for c in cues if c.start() < attached.start()]
                    if earlier and not _MEDIA.search(cue_actor[earlier[0].start()]):
                        actor = cue_actor[earlier[0].start()]
                        suffix = "+via-report"
                row = _Row(s_lo, s_hi, "statement", actor, m, tense, attached.start())
                row.method_suffix = suffix
                stmt_idx_for_cue[attached.start()] = len(sentence_rows)
            else:
                if m.rule == "dateline" and cues:
                    row = _Row(
                        s_lo,
                        s_hi,
                        "statement",
                        cue_actor[cues[0].start()],
                        m,
                        tense,
                        cues[0].start(),
                    )
                    stmt_idx_for_cue[cues[0].start()] = len(sentence_rows)
                else:
                    subj, c_lo = _clause_subject(body, s_lo, s_hi, m)
                    if subj.lower() in _PRONOUNS and last_person:
                        subj = last_person
                    row = _Row(c_lo, s_hi, "event", subj, m, tense)
                    # relative date in the content of a dated statement of this sentence
                    owners = [
                        stmt_idx_for_cue[c.start()]
                        for c in cues
                        if c.start() < m.start and c.start() in stmt_idx_for_cue
                    ]
                    if owners and not _anchor_free(m):
                        row.parent = owners[-1]
            sentence_rows.append(row)
        # undated statement: a cue (or a quote) with no date attached
        undated_cues = [c for c in cues if c.start() not in stmt_idx_for_cue]
        has_stmt = any(r.kind == "statement" for r in sentence_rows)
        if not has_stmt:
            qid, _ = _quote_for(quote_rows, s_lo, s_hi, -1)
            if undated_cues or qid:
                c0 = undated_cues[0] if undated_cues else None
                actor = cue_actor[c0.start()] if c0 is not None else ""
                sentence_rows.append(
                    _Row(s_lo, s_hi, "statement", actor, None, "past", c0.start() if c0 else -1)
                )
        base = len(rows)
        for r in sentence_rows:
            if r.parent is not None:
                r.parent += base
        rows.extend(sentence_rows)

    # ids in document order
    order = sorted(
        range(len(rows)),
        key=lambda i: (rows[i].start, rows[i].match.start if rows[i].match else 10**12, i),
    )
    new_index = {old: k for k, old in enumerate(order)}
    rows = [rows[i] for i in order]
    for r in rows:
        if r.parent is not None:
            r.parent = new_index[r.parent]
    ids = [f"{article_id}:e{k + 1:03d}" for k in range(len(rows))]

    pub_label = ""
    if lo_anchor is not None:
        rng = lo_anchor.date().isoformat()
        if hi_anchor != lo_anchor:
            rng += ".." + hi_anchor.date().isoformat()
        pub_label = f"published {rng} ({basis_name})"

    out = []
    resolved: list[tuple] = []
    for k, r in enumerate(rows):
        qid, qspeaker = ("", "")
        if r.kind == "statement":
            qid, qspeaker = _quote_for(quote_rows, r.start, r.end, r.cue_pos)
        actor = qspeaker or r.actor
        rec = {
            "event_id": ids[k],
            "article_id": str(article_id),
            "actor": actor,
            "person_id": pd.NA,
            "description": _describe(body[r.start : r.end]),
            "quote_id": qid or pd.NA,
            "kind": r.kind,
            "date_text": "",
            "date_text_start": -1,
            "date_text_end": -1,
            "start": r.start,
            "end": r.end,
        }
        s = e = None
        anchor, basis, conf, method = "", "none", 0.0, "undated"
        m = r.match
        if m is None:
            if default_to_publication and lo_anchor is not None:
                s, e, anchor = lo_anchor, hi_anchor, pub_label
                basis, conf, method = f"published:{basis_name}", 0.2, "publication-default"
        else:
            rec.update(date_text=m.text, date_text_start=m.start, date_text_end=m.end)
            mm = m
            if m.rule == "dateline":
                mm = _Match(m.groups["rule"], m.start, m.end, m.text, m.groups)
            tense = "neutral" if m.rule == "dateline" else r.tense
            if m.rule != "dateline" and m.rule == "at-the-time":
                prev = [j for j in range(k - 1, -1, -1) if resolved[j][0] is not None]
                if prev:
                    j = prev[0]
                    s, e = resolved[j][0], resolved[j][1]
                    anchor, basis = ids[j], f"event:{ids[j]}"
                    conf, method = 0.5 * resolved[j][2], "at-the-time-previous-event"
                else:
                    conf, method = 0.1, "at-the-time-unresolved"
            elif r.parent is not None and resolved[r.parent][0] is not None:
                p = r.parent
                s, e, method, conf = _resolve_match(mm, resolved[p][0], resolved[p][1], tense)
                anchor, basis = ids[p], f"event:{ids[p]}"
                conf *= resolved[p][2]
                method += "-in-reported-speech"
            elif _anchor_free(mm):
                s, e, method, conf = _resolve_match(mm, None, None, tense)
                anchor, basis = "", "explicit"
            else:
                s, e, method, conf = _resolve_match(mm, lo_anchor, hi_anchor, tense)
                if s is not None:
                    anchor, basis = pub_label, f"published:{basis_name}"
                    conf *= anchor_conf
                    if hi_anchor != lo_anchor and s != e:
                        conf *= 0.8
            if m.rule == "dateline":
                method = "dateline"
            method += r.method_suffix
            if s is None:
                basis, anchor, conf = "none", "", min(conf, 0.1)
        rec.update(
            date_start=s if s is not None else pd.NaT,
            date_end=e if e is not None else pd.NaT,
            anchor=anchor,
            basis=basis,
            confidence=round(float(conf), 3),
            method=method,
        )
        resolved.append((s, e, conf))
        out.append(rec)
    return out


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


def _event_frame(records: list[dict]) -> pd.DataFrame:
    """The events frame of ``records`` (:data:`EVENT_COLUMNS`), each column built in its dtype."""
    arrays = []
    for c in EVENT_COLUMNS:
        vals = [r[c] for r in records]
        dtype = _DTYPES.get(c, "string")
        if dtype == "string":
            arrays.append(_str_array(vals))
        elif dtype == "datetime64[ns]":
            arrays.append(_ns_array(vals))
        elif dtype == "Int64":
            arrays.append(_masked(vals, "int64", "Int64"))
        elif dtype == "Float64":
            arrays.append(_masked(vals, "float64", "Float64"))
        else:  # pragma: no cover - no other dtype in EVENT_COLUMNS
            arrays.append(pd.array(vals, dtype=dtype))
    return pd.DataFrame._from_arrays(
        arrays, columns=_EVENT_INDEX, index=pd.RangeIndex(len(records)), verify_integrity=False
    )


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


# --------------------------------------------------------------------------------------
# Cross-article: grouping
# --------------------------------------------------------------------------------------
#
# Speed notes. The cross-article steps see every event of the corpus (~30 per article), so:
# * inside the sweeps a date is an int of nanoseconds since the epoch (None when missing):
#   comparing and adding Python ints costs a fraction of the same on pd.Timestamp and gives
#   the same order, so every result is unchanged; Timestamps are made for the output only;
# * actor keys and content tokens are computed once per distinct string;
# * grouping only needs the *partition* into connected components, so a union step that
#   cannot merge anything (its reports already form one component) is skipped.

_STOP = {
    "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from",
    "that", "this", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been",
    "has", "have", "had", "as", "not", "no", "any", "all", "also", "but", "he", "she", "they",
    "his", "her", "their", "we", "our", "us", "i", "there", "which", "who", "what", "would",
    "will", "could", "can", "about", "into", "than", "such", "said", "says", "told", "added",
    "announced", "stated", "reported", "confirmed", "denied", "claimed", "stressed", "quoted",
    "saying", "according", "earlier", "later", "reporters", "spokesman", "spokesperson",
}  # fmt: skip

_ALPHA = re.compile(r"[A-Za-z]+")
_DAY_NS = 86_400 * 10**9
_NAT_NS = np.iinfo(np.int64).min
_OPEN = 2**63  # larger than any date in ns: an open window end, a missing date sorted last


@functools.lru_cache(maxsize=1 << 16)
def _word_token(word: str) -> tuple[str, str | None]:
    """(casefolded word, its content token); the token is None for stop, date and short words."""
    w = word.casefold()
    if w in _STOP or w in _DATE_WORDS or len(w) < 3:
        return w, None
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        return w, w[:-1]
    return w, w


def _description_words(description: str) -> list[tuple[str, str]]:
    """The (casefolded word, content token) pairs of the content words of a description."""
    out = []
    for t in _ALPHA.findall(description):
        pair = _word_token(t)
        if pair[1] is not None:
            out.append(pair)
    return out


def _actor_words(actor: str) -> set[str]:
    return {t.casefold() for t in _ALPHA.findall(actor)}


def _content_tokens(description: str, actor: str = "") -> frozenset[str]:
    """Content words of a description (stop words, date words, the actor's words dropped)."""
    actor_toks = _actor_words(actor or "")
    return frozenset(tok for w, tok in _description_words(description or "") if w not in actor_toks)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)  # (the size of the union: the same float)


#: From this many distinct token sets on, a group's pairwise Jaccards come from numpy.
_NUMPY_PAIRS = 16


def _pairwise_jaccard(sets: list[frozenset[str]]) -> np.ndarray:
    """The matrix of :func:`_jaccard` of every pair of ``sets``: the same floats.

    Intersection sizes from the product of the 0/1 incidence matrix (integer counts, exact
    in float32 far below 2**24), then ``inter / (|a| + |b| - inter)`` in float64: the
    correctly rounded quotient of the same two integers, as Python's ``int / int``.
    """
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for a, t in enumerate(sets):
        for w in t:
            rows.append(a)
            cols.append(vocab.setdefault(w, len(vocab)))
    m = np.zeros((len(sets), len(vocab)), dtype=np.float32)
    m[rows, cols] = 1.0
    inter = (m @ m.T).astype(np.float64)
    size = np.array([len(t) for t in sets], dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        jac = inter / (size[:, None] + size[None, :] - inter)
    empty = size == 0
    jac[empty, :] = 0.0
    jac[:, empty] = 0.0
    return jac


def _alias_map(people: pd.DataFrame | None) -> dict[str, str]:
    """Casefolded cleaned name or alias -> person_id (the first person wins)."""
    alias: dict[str, str] = {}
    if people is not None and len(people) and "person_id" in people:
        for p in people.itertuples(index=False):
            pd_ = p._asdict()
            name, aliases = pd_.get("name"), pd_.get("aliases")
            name = "" if name is None or pd.isna(name) else str(name)
            aliases = "" if aliases is None or pd.isna(aliases) else str(aliases)
            names = [name, *aliases.split("|")]
            for n in names:
                n = _clean_actor(n)
                if n:
                    alias.setdefault(n.casefold(), str(pd_["person_id"]))
    return alias


def _present(values: pd.Series) -> list:
    """``values`` as a list with None for every missing value (None, NaN, NA, NaT)."""
    out = values.tolist()
    missing = values.isna().to_numpy()
    if missing.any():
        for k in np.flatnonzero(missing).tolist():
            out[k] = None
    return out


def _factorize(values: pd.Series) -> tuple[np.ndarray, list]:
    """(code of each row, distinct values): rows with the same code hold the same value.

    Text columns are factorised by pandas (in C; a missing value is one more distinct
    value, as ``tolist`` gives it); any other column gets one code per row.
    """
    if isinstance(values.dtype, pd.StringDtype):
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        return codes, list(uniques)
    return np.arange(len(values)), values.tolist()


def _keys(events: pd.DataFrame, people: pd.DataFrame | None) -> list[str]:
    """Canonical actor key per event: person_id if present, else people aliases, else surname.

    Computed once per distinct actor and per distinct person id (they repeat a lot).
    """
    n = len(events)
    if n == 0:
        return []
    alias = _alias_map(people)
    a_codes, actors = _factorize(events["actor"])
    by_actor = []
    for actor in actors:
        actor = "" if pd.isna(actor) else str(actor)
        a = _clean_actor(actor).casefold()
        by_actor.append(f"person:{alias[a]}" if a in alias else _actor_key(actor))
    keys = np.array(by_actor, dtype=object)[a_codes]
    if "person_id" in events:
        p_codes, pids = _factorize(events["person_id"])
        by_pid = [
            f"person:{pid}" if pid is not None and not pd.isna(pid) and str(pid) else None
            for pid in pids
        ]
        has = np.array([k is not None for k in by_pid], dtype=bool)[p_codes]
        keys[has] = np.array(by_pid, dtype=object)[p_codes][has]
    return keys.tolist()


def _tokens(events: pd.DataFrame) -> list[frozenset[str]]:
    """Content tokens of each event's description and actor (see :func:`_content_tokens`).

    Computed once per distinct (description, actor) pair, from the words of each distinct
    description and actor; a description none of whose words is the actor's gives one set
    shared by all its pairs.
    """
    n = len(events)
    if n == 0:
        return []
    d_codes, descriptions = _factorize(events["description"])
    a_codes, actors = _factorize(events["actor"])
    words = [_description_words(str(d)) for d in descriptions]
    actor_words = [_actor_words("" if pd.isna(a) else str(a)) for a in actors]
    full: list[frozenset[str] | None] = [None] * len(descriptions)
    na = len(actors)
    pairs, inverse = np.unique(d_codes.astype(np.int64) * na + a_codes, return_inverse=True)
    distinct = []
    for pair in pairs.tolist():
        dc, ac = divmod(pair, na)
        dw, aw = words[dc], actor_words[ac]
        if aw and any(w in aw for w, _ in dw):
            t = frozenset(tok for w, tok in dw if w not in aw)
        else:
            t = full[dc]
            if t is None:
                t = full[dc] = frozenset(tok for _, tok in dw)
        distinct.append(t)
    return [distinct[k] for k in inverse.ravel().tolist()]


def _date_ns(values: pd.Series) -> np.ndarray:
    """Dates as int64 nanoseconds since the epoch (wall time; missing: the NaT value)."""
    if not (isinstance(values.dtype, np.dtype) and values.dtype.kind == "M"):
        values = pd.to_datetime(values)
        if getattr(values.dtype, "tz", None) is not None:
            values = values.dt.tz_localize(None)
    return values.to_numpy(dtype="datetime64[ns]").view("int64")


def _ns_list(ns: np.ndarray) -> list[int | None]:
    """``ns`` as a list of Python ints, None for NaT."""
    out = ns.tolist()
    missing = ns == _NAT_NS
    if missing.any():
        for k in np.flatnonzero(missing).tolist():
            out[k] = None
    return out


@functools.lru_cache(maxsize=1 << 14)
def _iso_day(ns: int) -> str:
    return pd.Timestamp(ns).date().isoformat()


class _DSU:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, x: int) -> int:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def _group(
    events: pd.DataFrame,
    people: pd.DataFrame | None = None,
    threshold: float = SAME_EVENT_JACCARD,
    window_days: int = GROUP_WINDOW_DAYS,
) -> tuple[list[list[int]], list[str], list[frozenset[str]]]:
    """Group events judged to be the same event.

    Same actor key, similar description, dates within ``window_days``. Blocked by actor key
    and swept by date (sub-quadratic).
    """
    n = len(events)
    keys = _keys(events, people)
    toks = _tokens(events)
    # one int per sentence (article, start, end): two dates of one sentence are two events
    sentence_np = (
        pd.DataFrame(
            {"a": events["article_id"].astype(str), "s": events["start"], "e": events["end"]}
        )
        .groupby(["a", "s", "e"], sort=False, dropna=False)
        .ngroup()
        .to_numpy(dtype=np.int64)
    )
    sentence = sentence_np.tolist()
    ds_ns = _date_ns(events["date_start"])
    ds, de = _ns_list(ds_ns), _ns_list(_date_ns(events["date_end"]))
    undated_mask = ds_ns == _NAT_NS
    # one int per distinct token set (the corpus repeats descriptions)
    set_ids: dict[frozenset[str], int] = {}
    set_id = np.array([set_ids.setdefault(t, len(set_ids)) for t in toks], dtype=np.int64)
    id_sets = list(set_ids)
    freq: dict[str, int] = {}
    for t, c in zip(id_sets, np.bincount(set_id, minlength=len(id_sets)).tolist(), strict=True):
        for w in t:  # (each distinct set once, with its count)
            freq[w] = freq.get(w, 0) + c
    # Blocks by actor key, from sorts (not a Python loop over the reports): each block's
    # reports in index order, and its dated reports in (date_start, index) order.
    block_names, block_of = np.unique(np.array(keys, dtype=object), return_inverse=True)
    block_of = block_of.ravel()
    in_block = _split_by(np.argsort(block_of, kind="stable"), block_of)
    by_date = np.lexsort((np.arange(n), ds_ns, block_of))
    dated_in_block = _split_by(by_date[~undated_mask[by_date]], block_of)
    dsu = _DSU(n)
    union = dsu.union
    win = window_days * _DAY_NS
    prefixes: dict[float, dict[frozenset[str], list[str]]] = {}
    jac_memo: dict[tuple[int, int], float] = {}  # (set id, set id) -> rounded Jaccard
    edges: list[tuple[np.ndarray, np.ndarray]] = []  # undated report -> its best match
    for b, k in enumerate(block_names.tolist()):
        if not k or b not in in_block:
            continue
        idx = in_block[b]
        dated = dated_in_block[b].tolist() if b in dated_in_block else []
        undated = idx[undated_mask[idx]]
        # a description ("senior official") is weaker evidence of identity than a name
        thr = threshold if _is_name_key(k) else max(threshold, GENERIC_ACTOR_JACCARD)
        prefix = prefixes.setdefault(thr, {})
        # Same single day: every report of the day joins unless all come from one sentence
        # (two dates of one sentence are two events), exactly as pairwise unions would.
        by_day: dict[int, list[int]] = {}
        for i in dated:
            if ds[i] == de[i]:
                by_day.setdefault(ds[i], []).append(i)
        for members in by_day.values():
            if len(members) > 1:
                s0 = sentence[members[0]]
                if any(sentence[j] != s0 for j in members):
                    for j in members[1:]:
                        union(members[0], j)
        # Similar descriptions within the window: only pairs that can reach the threshold,
        # found by prefix filtering (a pair with Jaccard >= thr shares a token among the
        # rarest len - ceil(thr * len) + 1 tokens of each set). Sub-quadratic, and exact.
        # Reports with identical token sets are one node of that search, and the pairs of
        # their members are handled by a sweep over the window (_window_unions).
        if dated:
            _join_similar(dated, toks, ds, de, win, sentence, dsu, freq, thr, prefix)
        if len(undated):
            edges.append(
                _join_undated(
                    idx, undated, set_id, id_sets, sentence_np, freq, thr, prefix, jac_memo
                )
            )
    # An undated report links to at most one report, so these links never join two
    # components of dated reports (within a block or across): they are applied at the end.
    return _components(dsu.p, edges), keys, toks


def _split_by(order: np.ndarray, codes: np.ndarray) -> dict[int, np.ndarray]:
    """``order`` cut where ``codes[order]`` changes: code -> its run of ``order``."""
    if not len(order):
        return {}
    c = codes[order]
    cuts = np.flatnonzero(np.diff(c)) + 1
    starts = [0, *cuts.tolist()]
    return dict(zip(c[starts].tolist(), np.split(order, cuts), strict=True))


def _components(
    parent: list[int], edges: list[tuple[np.ndarray, np.ndarray]] | None = None
) -> list[list[int]]:
    """The components of a :class:`_DSU` parent list plus ``edges``, by first index.

    Each component is in index order. A root is the smallest index of its component
    (``union`` keeps the smaller root): the roots, found for all at once by pointer
    jumping, order the groups. Edges hook the larger root onto the smaller one, then the
    pointers are jumped again, until every edge is within one component.
    """
    root = _jump(np.array(parent, dtype=np.int64))
    if edges:
        u = np.concatenate([a for a, _ in edges])
        v = np.concatenate([b for _, b in edges])
        while True:
            ru, rv = root[u], root[v]
            apart = ru != rv
            if not apart.any():
                break
            ru, rv = ru[apart], rv[apart]
            np.minimum.at(root, np.maximum(ru, rv), np.minimum(ru, rv))
            root = _jump(root)
    order = np.argsort(root, kind="stable")
    bounds = [0, *(np.flatnonzero(np.diff(root[order])) + 1).tolist(), len(order)]
    members = order.tolist()
    return [members[a:b] for a, b in itertools.pairwise(bounds)] if len(members) else []


def _jump(root: np.ndarray) -> np.ndarray:
    """Pointer jumping: every node to the root of its tree."""
    while True:
        up = root[root]
        if np.array_equal(up, root):
            return root
        root = up


def _join_similar(
    dated: list[int],
    toks: list[frozenset[str]],
    ds: list,
    de: list,
    win: int,
    sentence: list[int],
    dsu: _DSU,
    freq: dict[str, int],
    thr: float,
    prefix: dict,
) -> None:
    """Union the dated reports of one block (``dated``, by date) with similar descriptions."""
    find = dsu.find
    pos = {i: a for a, i in enumerate(dated)}
    dmembers: dict[frozenset[str], list[int]] = {}
    for i in dated:
        dmembers.setdefault(toks[i], []).append(i)
    dsets = list(dmembers)
    firsts = [dmembers[t][0] for t in dsets]
    whole: set[int] = set()  # the sets whose reports are known to be in one component

    def is_whole(x: int) -> bool:
        if x in whole:
            return True
        members = dmembers[dsets[x]]
        r = find(members[0])
        if any(find(m) != r for m in members):
            return False
        whole.add(x)  # (components only grow: it stays whole)
        return True

    for x, t in enumerate(dsets):
        members = dmembers[t]
        if t and len(members) > 1 and not is_whole(x):  # Jaccard 1 >= thr
            _window_unions([members], pos, ds, de, win, sentence, dsu)
    index = _prefix_index(range(len(dsets)), dsets, freq, thr, prefix)
    seen: set[tuple[int, int]] = set()
    for xs in index.values():
        if len(xs) < 2:
            continue
        # Nothing to join when every report of these sets is already in one component
        # (the common case once the first pairs are joined): skip all pairs of the list.
        r = find(firsts[xs[0]])
        if all(find(firsts[x]) == r and is_whole(x) for x in xs):
            continue
        for a, x in enumerate(xs):  # (x < y: the lists are in increasing order)
            tx = dsets[x]
            for y in xs[a + 1 :]:
                if (x, y) in seen:
                    continue
                seen.add((x, y))
                if find(firsts[x]) == find(firsts[y]) and is_whole(x) and is_whole(y):
                    continue
                if _jaccard(tx, dsets[y]) >= thr:
                    _window_unions(
                        [dmembers[tx], dmembers[dsets[y]]], pos, ds, de, win, sentence, dsu
                    )


def _join_undated(
    idx: np.ndarray,
    undated: np.ndarray,
    set_id: np.ndarray,
    id_sets: list[frozenset[str]],
    sentence: np.ndarray,
    freq: dict[str, int],
    thr: float,
    prefix: dict,
    jac_memo: dict[tuple[int, int], float],
) -> tuple[np.ndarray, np.ndarray]:
    """Link each undated report of a block to its best-matching report of the block, if any.

    The best match has the highest (rounded) Jaccard, then the lowest index, among the
    reports not in the undated report's sentence. Candidates are scored once per distinct
    token set of the block's undated reports; the usual answer (the first report of the
    best set, when it is in another sentence) is taken for all reports at once.

    Args:
        idx: The block's reports (increasing).
        undated: Its undated reports (increasing).
        set_id: Token set id per report.
        id_sets: The token set of each id.
        sentence: Sentence id per report.
        freq: Token frequencies.
        thr: The block's Jaccard threshold.
        prefix: Memo of :func:`_prefix` for ``thr``.
        jac_memo: Rounded Jaccard per pair of set ids (shared by all blocks).

    Returns:
        (undated reports, their best matches), for :func:`_components`.
    """
    sid = set_id[idx]
    block_sets, first_at = np.unique(sid, return_index=True)  # (idx increasing: the lowest)
    block_sets_l = block_sets.tolist()
    firsts = idx[first_at].tolist()
    sets = [id_sets[x] for x in block_sets_l]
    index = _prefix_index(range(len(sets)), sets, freq, thr, prefix)
    u_sets, u_plan = np.unique(set_id[undated], return_inverse=True)
    u_plan = u_plan.ravel()
    plan_first = np.full(len(u_sets), -1, dtype=np.int64)
    plan_sentence = np.full(len(u_sets), -1, dtype=np.int64)
    plans = []
    for k, s in enumerate(u_sets.tolist()):
        t = id_sets[s]
        cands = {x for w in _prefix(t, freq, thr, prefix) for x in index.get(w, ())}
        by_jac: dict[float, list[tuple[int, int]]] = {}
        for x in cands:
            pair = (s, block_sets_l[x])
            jac = jac_memo.get(pair)
            if jac is None:
                jac = jac_memo[pair] = round(_jaccard(t, sets[x]), 6)
            if jac >= thr:
                by_jac.setdefault(jac, []).append((firsts[x], x))
        # the candidate sets by level of Jaccard (highest first), each level as
        # (first report, set) in order of the first report
        levels = [sorted(by_jac[j]) for j in sorted(by_jac, reverse=True)]
        plans.append(levels)
        if levels:
            plan_first[k] = levels[0][0][0]
            plan_sentence[k] = sentence[levels[0][0][0]]
    first, first_sentence = plan_first[u_plan], plan_sentence[u_plan]
    si = sentence[undated]
    usual = (first >= 0) & (si != first_sentence)
    u, v = [undated[usual]], [first[usual]]
    # the rest: the first report of the best set is in the undated report's own sentence
    members: dict[int, list[int]] = {}
    rest_u, rest_v = [], []
    for k in np.flatnonzero((first >= 0) & (si == first_sentence)).tolist():
        levels = plans[u_plan[k]]
        best = _best_outside(levels, int(si[k]), sentence, idx, sid, block_sets_l, members)
        if best is not None:
            rest_u.append(int(undated[k]))
            rest_v.append(best)
    u.append(np.array(rest_u, dtype=np.int64))
    v.append(np.array(rest_v, dtype=np.int64))
    return np.concatenate(u), np.concatenate(v)


def _best_outside(
    levels: list[list[tuple[int, int]]],
    si: int,
    sentence: np.ndarray,
    idx: np.ndarray,
    sid: np.ndarray,
    block_sets: list[int],
    members: dict[int, list[int]],
) -> int | None:
    """The lowest-index report outside sentence ``si`` at the highest level that has one.

    ``members`` remembers the reports of each set of the block (``idx`` where ``sid`` is
    the set's id), in index order.
    """
    for level in levels:
        # the lowest index among the sets' first reports outside the sentence: scan by
        # first report; a set whose first report is in the sentence offers its next one
        best = None
        for first, x in level:
            if best is not None and first >= best:
                break
            if sentence[first] != si:
                best = first
                break
            if x not in members:
                members[x] = idx[sid == block_sets[x]].tolist()
            j = next((j for j in members[x] if sentence[j] != si), None)
            if j is not None and (best is None or j < best):
                best = j
        if best is not None:
            return best
    return None


def _prefix(
    tok: frozenset[str], freq: dict[str, int], thr: float, memo: dict | None = None
) -> list[str]:
    """The prefix-filtering tokens of a set: its rarest ``len - ceil(thr * len) + 1`` tokens.

    ``memo`` (one per ``freq`` and ``thr``) remembers the answer per set.
    """
    if memo is not None:
        got = memo.get(tok)
        if got is not None:
            return got
    if not tok or thr <= 0:
        got = sorted(tok)
    else:
        n = len(tok) - math.ceil(thr * len(tok) - 1e-9) + 1
        got = sorted(tok, key=lambda w: (freq.get(w, 0), w))[: max(1, n)]
    if memo is not None:
        memo[tok] = got
    return got


def _prefix_index(
    idx: Iterable[int],
    toks: list[frozenset[str]],
    freq: dict[str, int],
    thr: float,
    memo: dict | None = None,
) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for i in idx:
        for w in _prefix(toks[i], freq, thr, memo):
            index.setdefault(w, []).append(i)
    return index


def _window_unions(
    groups: list[list[int]],
    pos: dict[int, int],
    ds: list,
    de: list,
    win: int,
    sentence: list,
    dsu: _DSU,
) -> None:
    """Union the reports linked by the pairwise rule, without enumerating the pairs.

    The rule: reports a before b (in ``pos`` order, by date) are linked when
    ``ds[b] <= de[a] + win`` and they come from different sentences. With one group, pairs
    within it; with two, pairs across them (their descriptions are similar enough). Dates
    are ints (ns), ``de`` None when missing (an open window).

    Sweep in order, keeping the *active* reports of each group (those still in the window of
    the current one) by sentence. Among the active reports of a group, any two from different
    sentences are linked (the later arrived while the earlier was active; identical
    descriptions are unioned before any pair of groups), so when they span two or more
    sentences they are one component and one union suffices; when they all come from one
    sentence, each is linked to the new report on its own.
    """
    tagged = sorted((pos[i], g, i) for g, members in enumerate(groups) for i in members)
    active: list[dict] = [{} for _ in groups]
    heaps: list[list] = [[] for _ in groups]
    for _, g, b in tagged:
        dsb = ds[b]
        for h, act in zip(heaps, active, strict=True):
            while h and h[0][0] < dsb:
                _, _, a = heapq.heappop(h)
                lst = act[sentence[a]]
                lst.remove(a)
                if not lst:
                    del act[sentence[a]]
        act = active[0 if len(groups) == 1 else 1 - g]
        sb = sentence[b]
        if len(act) >= 2:  # a report of another sentence than b's: one union suffices
            other = next(iter(act))
            if other == sb:
                other = next(s for s in act if s != sb)
            dsu.union(b, act[other][0])
        elif act:
            other = next(iter(act))
            if other != sb:
                for a in act[other]:
                    dsu.union(b, a)
        limit = _OPEN if de[b] is None else de[b] + win
        heapq.heappush(heaps[g], (limit, pos[b], b))
        active[g].setdefault(sb, []).append(b)


def _is_name_key(key: str) -> bool:
    """Whether an actor key is a person id or a surname (one token), not a description."""
    return key.startswith("person:") or " " not in key


def _fmt_range(s, e) -> str:
    if pd.isna(s):
        return "undated"
    a, b = pd.Timestamp(s).date().isoformat(), pd.Timestamp(e).date().isoformat()
    return a if a == b else f"{a}..{b}"


def _fmt_range_ns(s: int | None, e: int | None) -> str:
    """:func:`_fmt_range` of ns dates (None: missing)."""
    if s is None:
        return "undated"
    a = _iso_day(s)
    b = _iso_day(e) if e is not None else "NaT"
    return a if a == b else f"{a}..{b}"


def _sorted_events(events: pd.DataFrame) -> pd.DataFrame:
    if isinstance(events.index, pd.RangeIndex) and _in_event_order(events):
        # already in order (the loader's events are): a shallow copy, not a sorted copy
        return events.copy(deep=False)
    order = events[["article_id", "event_id"]].sort_values(
        ["article_id", "event_id"], kind="mergesort"
    )
    if isinstance(events.index, pd.RangeIndex) and events.index.equals(order.index):
        return events.copy(deep=False)
    return events.sort_values(["article_id", "event_id"], kind="mergesort").reset_index(drop=True)


def _in_event_order(events: pd.DataFrame) -> bool:
    """Whether (article_id, event_id) never decreases: the stable sort would keep the order.

    Only answered for string columns without missing values (Python's order of str is
    pandas's); False otherwise (the caller then sorts).
    """
    cols = [events[c] for c in ("article_id", "event_id")]
    if not all(isinstance(c.dtype, pd.StringDtype) and not c.hasnans for c in cols):
        return False
    a, e = (c.to_numpy(dtype=object) for c in cols)
    # (elementwise comparisons of the str objects, in C)
    up = (a[:-1] < a[1:]) | ((a[:-1] == a[1:]) & (e[:-1] <= e[1:]))
    return bool(up.all())


def group_events(events: pd.DataFrame, people: pd.DataFrame | None = None) -> tuple:
    """Sort events and group reports of the same event once.

    For :func:`find_conflicts` and :func:`merge_timeline` (pass the result as ``grouping``).

    Returns:
        (sorted events, groups, actor keys, content tokens).
    """
    ev = _sorted_events(events)
    return (ev, *_group(ev, people))


def find_conflicts(
    events: pd.DataFrame, people: pd.DataFrame | None = None, *, grouping: tuple | None = None
) -> pd.DataFrame:
    """List events that are the same event by actor and description but get disjoint dates.

    Groups are formed as in :func:`merge_timeline` (actor key + Jaccard of content words,
    dates within :data:`GROUP_WINDOW_DAYS`); a group is a conflict when two of its dated
    reports have non-overlapping intervals. Nothing is resolved: every report is listed.

    Args:
        events: Concatenated events frames.
        people: Optional people frame used to map actors to person ids.
        grouping: The result of :func:`group_events` for these events and people, to avoid
            grouping twice.

    Returns:
        One row per conflicting group (columns :data:`CONFLICT_COLUMNS`).
    """
    if events is None or len(events) == 0:
        return _frame([], CONFLICT_COLUMNS)
    ev, groups, keys, toks = grouping if grouping is not None else group_events(events, people)
    # Only the dates for every report (as ns ints), the other columns for the members of
    # conflicting groups only (a few: no copy of the whole frame).
    ds, de = _ns_list(_date_ns(ev["date_start"])), _ns_list(_date_ns(ev["date_end"]))
    found = []
    for g in groups:
        if len(g) == 1:  # one report clashes only with itself (ends before it starts)
            i = g[0]
            if ds[i] is None or de[i] is None or not de[i] < ds[i]:
                continue
        dated = [i for i in g if ds[i] is not None]
        members, min_sim = _clashes(dated, ds, de, toks)
        if members:
            found.append((members, min_sim))
    rows = sorted({i for members, _ in found for i in members})
    C = {}  # noqa: N806
    for c in ("event_id", "article_id", "actor", "date_text", "date_text_start", "date_text_end"):
        C[c] = dict(zip(rows, ev[c].take(rows).tolist(), strict=True))
    out = []
    for members, min_sim in found:
        sims = [min_sim]
        eids = [str(C["event_id"][i]) for i in members]
        out.append(
            {
                "event_group": f"g:{eids[0]}",
                "event_ids": "|".join(eids),
                "article_ids": "|".join(sorted({str(C["article_id"][i]) for i in members})),
                "actors": "|".join(str(C["actor"][i]) for i in members),
                "dates": "|".join(_fmt_range_ns(ds[i], de[i]) for i in members),
                "date_texts": "|".join(str(C["date_text"][i]) for i in members),
                "spans": "|".join(
                    f"{C['article_id'][i]}:{C['date_text_start'][i]}-{C['date_text_end'][i]}"
                    for i in members
                ),
                "reason": (
                    f"same actor ({keys[members[0]]}) and similar description "
                    f"(content-word Jaccard >= {min(sims):.2f}) but disjoint dates: "
                    + " vs ".join(sorted({_fmt_range_ns(ds[i], de[i]) for i in members}))
                ),
            }
        )
    out.sort(key=lambda r: r["event_ids"])
    for k, r in enumerate(out):
        r["conflict_id"] = f"c{k + 1:03d}"
    return _frame(out, CONFLICT_COLUMNS)


def _clashes(
    dated: list[int], ds: list, de: list, toks: list[frozenset[str]]
) -> tuple[list[int], float]:
    """Reports of a group in some pair with disjoint dates, and the lowest Jaccard of such a pair.

    The same as listing every pair (i, j) with ``de[i] < ds[j] or de[j] < ds[i]``, without
    the pairs: a report is in a clashing pair iff some other report ends before it starts or
    starts after it ends; and the lowest Jaccard is taken over pairs of distinct token sets
    (two sets have a clashing pair iff one's earliest end precedes the other's latest start).
    Dates are ns ints, ``de`` None when missing.
    """
    ends = [de[i] for i in dated if de[i] is not None]
    if not ends:
        return [], 1.0
    min_end = min(ends)
    max_start = max(ds[i] for i in dated)
    members = sorted(
        i for i in dated if min_end < ds[i] or (de[i] is not None and max_start > de[i])
    )
    if not members:
        return [], 1.0
    by_set: dict[frozenset[str], list] = {}
    for i in dated:
        st = by_set.setdefault(toks[i], [None, None])
        if de[i] is not None and (st[0] is None or de[i] < st[0]):
            st[0] = de[i]  # earliest end
        if st[1] is None or ds[i] > st[1]:
            st[1] = ds[i]  # latest start
    sets = list(by_set.items())
    best = None
    if len(sets) >= _NUMPY_PAIRS:  # the same, as matrices (the minimum is exact)
        has_end = np.array([e is not None for _, (e, _) in sets], dtype=bool)
        ends_ = np.array([e if e is not None else 0 for _, (e, _) in sets], dtype=np.int64)
        starts = np.array([s for _, (_, s) in sets], dtype=np.int64)
        before = has_end[:, None] & (ends_[:, None] < starts[None, :])
        clash = before | before.T  # (the diagonal: a set's own reports clash)
        if clash.any():
            best = float(_pairwise_jaccard([t for t, _ in sets])[clash].min())
        return members, best if best is not None else 1.0
    for a, (t1, (e1, s1)) in enumerate(sets):
        if e1 is not None and e1 < s1:  # two reports with this very description clash
            best = _jaccard(t1, t1) if best is None else min(best, _jaccard(t1, t1))
        for t2, (e2, s2) in sets[a + 1 :]:
            if (e1 is not None and e1 < s2) or (e2 is not None and e2 < s1):
                sim = _jaccard(t1, t2)
                best = sim if best is None else min(best, sim)
    return members, best if best is not None else 1.0


def _group_actor(actor: list, g: list[int], keys: list[str], is_person: list | None = None) -> str:
    """The person id of a group, else its most frequent actor as written (longest on ties).

    ``actor``: the actor of every report, None when missing; ``is_person``: whether each key
    is a person key (computed here when not given).
    """
    if is_person is None:
        pids = sorted({keys[i] for i in g if keys[i].startswith("person:")})
    else:
        pids = sorted({keys[i] for i in g if is_person[i]})
    if pids:
        return pids[0].removeprefix("person:")
    names = [str(actor[i]) for i in g if actor[i] is not None and str(actor[i])]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return min(set(names), key=lambda a: (-names.count(a), -len(a), a))


def _medoid_scores(distinct: dict[frozenset[str], int]) -> dict[frozenset[str], float]:
    """Per distinct token set, the sum of its Jaccard with every report of the group.

    ``distinct``: token set -> number of reports. Each pair's Jaccard is computed once (it
    is symmetric) and each sum is added up in the order of ``distinct``, as before.
    """
    items = list(distinct.items())
    m = len(items)
    if m >= _NUMPY_PAIRS:  # the same products, each row added up by Python's sum in order
        jac = _pairwise_jaccard([t for t, _ in items])
        counts = np.array([c for _, c in items], dtype=np.float64)
        return {t: sum((jac[a] * counts).tolist()) for a, (t, _) in enumerate(items)}
    sims = [[0.0] * m for _ in range(m)]
    for a in range(m):
        ta = items[a][0]
        row = sims[a]
        row[a] = _jaccard(ta, ta)
        for b in range(a + 1, m):
            row[b] = sims[b][a] = _jaccard(ta, items[b][0])
    return {t: sum(sims[a][b] * items[b][1] for b in range(m)) for a, (t, _) in enumerate(items)}


def merge_timeline(
    events: pd.DataFrame, people: pd.DataFrame | None = None, *, grouping: tuple | None = None
) -> pd.DataFrame:
    """Merge reports of the same real-world event into one timeline row.

    Reports are grouped by canonical actor (``person_id`` column if present, else the people
    frame's names/aliases, else the surname: last token, casefolded) and content-word Jaccard
    of the description, within a date window. The date is the intersection of the reports'
    intervals when they agree, else their hull with ``has_conflict`` set. Undated reports
    join their best match but do not change its date.

    Args:
        events: Concatenated events frames.
        people: Optional people frame (person_id, name, aliases).
        grouping: The result of :func:`group_events` for these events and people.

    Returns:
        Timeline frame (columns :data:`TIMELINE_COLUMNS`; ``outlets`` left empty for the
        loader to join), sorted by date then id; undated groups last.
    """
    if events is None or len(events) == 0:
        return _frame([], TIMELINE_COLUMNS)
    ev, groups, keys, toks = grouping if grouping is not None else group_events(events, people)
    # Column lists of the columns needed for every report only; dates as ns ints.
    ds, de = _ns_list(_date_ns(ev["date_start"])), _ns_list(_date_ns(ev["date_end"]))
    eid = [str(x) for x in ev["event_id"].tolist()]
    aid = [str(x) for x in ev["article_id"].tolist()]
    conf_of = _present(ev["confidence"])
    actor = _present(ev["actor"])
    is_person = [k.startswith("person:") for k in keys]
    # one list per output column (not one dict per group)
    c_actor, c_start, c_end, c_conflict, c_n, c_aids, c_eids, c_conf = ([] for _ in range(8))
    bests = []  # the row whose description stands for each group
    for g in groups:
        if len(g) == 1:  # (most groups: one report; the same rules, spelled out)
            i = g[0]
            s, e, c = ds[i], de[i], conf_of[i]
            conflict = False
            if s is None:
                e = None
            elif e is None:  # (not from extract_events) as Timestamps
                s, e, conflict = _span_ts(g, ds, de)
            elif e < s:
                conflict = True
            conf = float(c) if c is not None else 0.0
            if conflict:
                conf *= 0.5
            bests.append(i)
            c_actor.append(keys[i][7:] if is_person[i] else _group_actor(actor, g, keys))
            c_start.append(s)
            c_end.append(e)
            c_conflict.append(conflict)
            c_n.append(1)
            c_aids.append(aid[i])
            c_eids.append(eid[i])
            c_conf.append(round(conf, 3))
            continue
        dated = [i for i in g if ds[i] is not None]
        conflict = False
        s = e = None
        if dated:
            if any(de[i] is None for i in dated):  # (not from extract_events) as Timestamps
                s, e, conflict = _span_ts(dated, ds, de)
            else:
                lo = max(ds[i] for i in dated)
                hi = min(de[i] for i in dated)
                if lo <= hi:
                    s, e = lo, hi
                else:
                    conflict = True
                    s = min(ds[i] for i in dated)
                    e = max(de[i] for i in dated)
        # medoid description (identical token sets are scored once, with their count)
        distinct: dict[frozenset[str], int] = {}
        for j in g:
            distinct[toks[j]] = distinct.get(toks[j], 0) + 1
        if len(distinct) == 1:  # every score is equal: the lowest event id
            best = min(g, key=lambda i: eid[i])
        else:
            score = _medoid_scores(distinct)
            best = min(g, key=lambda i: (-score[toks[i]], -len(toks[i]), eid[i]))
        bests.append(best)
        confs = [float(conf_of[i]) for i in g if conf_of[i] is not None]
        conf = (sum(confs) / len(confs)) if confs else 0.0
        if conflict:
            conf *= 0.5
        c_actor.append(_group_actor(actor, g, keys, is_person))
        c_start.append(s)
        c_end.append(e)
        c_conflict.append(conflict)
        c_n.append(len(g))
        c_aids.append("|".join(sorted({aid[i] for i in g})))
        c_eids.append("|".join([eid[i] for i in g]))
        c_conf.append(round(conf, 3))
    # the chosen descriptions, read in one take (not one Arrow lookup per group)
    c_desc = [str(d) for d in ev["description"].take(bests).tolist()]
    # sorted by date then ids; undated last
    order = sorted(
        range(len(groups)),
        key=lambda k: (
            _OPEN if c_start[k] is None else c_start[k],
            _OPEN if c_end[k] is None else c_end[k],
            c_eids[k],
        ),
    )
    columns = {
        "timeline_id": [f"t{k + 1:03d}" for k in range(len(order))],
        "actor": c_actor,
        "description": c_desc,
        "date_start": c_start,
        "date_end": c_end,
        "has_conflict": c_conflict,
        "n_reports": c_n,
        "article_ids": c_aids,
        "outlets": [None] * len(order),
        "event_ids": c_eids,
        "confidence": c_conf,
    }
    for c in TIMELINE_COLUMNS[1:]:
        vals = columns[c]
        columns[c] = [vals[k] for k in order]
    return _columns_frame(columns, TIMELINE_COLUMNS)


def _span_ts(dated: list[int], ds: list, de: list) -> tuple:
    """The timeline span of ``dated`` as the rule computes it on Timestamps and NaT.

    Only for groups with a report that has a start but no end (which
    :func:`extract_events` never makes). Returns (start, end, conflict) as ns ints or None.
    """
    s_ts = [pd.Timestamp(ds[i]) for i in dated]
    e_ts = [pd.NaT if de[i] is None else pd.Timestamp(de[i]) for i in dated]
    lo, hi = max(s_ts), min(e_ts)
    conflict = not lo <= hi
    if conflict:
        lo, hi = min(s_ts), max(e_ts)
    return (None if pd.isna(lo) else lo.value), (None if pd.isna(hi) else hi.value), conflict


# --------------------------------------------------------------------------------------
# Cross-article: publication dates of undated articles
# --------------------------------------------------------------------------------------


# the columns of an undated article's event that infer_publication_dates reads
_UndatedRow = namedtuple(
    "_UndatedRow",
    "article_id event_id method basis date_text date_text_start date_text_end date_start",
)


def infer_publication_dates(articles: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Infer a publication range for each article whose ``published`` is missing.

    Constraints, intersected over a candidate window of days:

    * a past-tense weekday reported of the same actor with a similar description as a
      dated report elsewhere in the corpus (on day D) means: published in [D, D+6] and the
      weekday resolves to D;
    * otherwise a past-tense weekday means: it resolves to a day of that weekday that the
      corpus contains (a single-day date of a dated article, or a publication day);
    * an explicit date in past tense (year written, or taken from the corpus) is a lower bound.

    Never a point guess: the result is a range [published, published_latest] with basis
    ``inferred`` and the evidence spelled out; with no usable constraint both are NaT and
    the basis is ``unknown``.

    Args:
        articles: Columns article_id, published (NaT when unknown), published_latest.
        events: Events of all articles (from :func:`extract_events`).

    Returns:
        One row per undated article (columns article_id, published, published_latest,
        published_basis, published_evidence), sorted by article_id.
    """
    arts = articles.sort_values("article_id", kind="mergesort")
    undated_ids = [
        str(a)
        for a, missing in zip(arts["article_id"].tolist(), arts["published"].isna(), strict=True)
        if missing
    ]
    if not undated_ids:
        return _frame([], INFERRED_COLUMNS)
    dated_ids = {str(a) for a in arts["article_id"]} - set(undated_ids)
    ev = _sorted_events(events) if events is not None and len(events) else _frame([], EVENT_COLUMNS)
    ev_aid = ev["article_id"].astype(str)
    of_dated = ev_aid.isin(dated_ids).to_numpy()
    of_undated = ev_aid.isin(undated_ids).to_numpy()
    ref_days: set[pd.Timestamp] = set()
    for p, pl in zip(arts["published"], arts["published_latest"], strict=True):
        if not pd.isna(p) and (pd.isna(pl) or pl == p):
            ref_days.add(_day(p))
    # single-day dates of dated articles (recent, anchored days only: not explicit ones)
    ds_col, de_col = ev["date_start"], ev["date_end"]
    single = (ds_col.notna() & (ds_col == de_col)).to_numpy(dtype=bool)
    exact = of_dated & single & (ev["basis"].astype(str) != "explicit").to_numpy(dtype=bool)
    ref_days |= {_day(d) for d in ds_col[exact].unique()}
    # The rows the original reads, in its order: the dated articles' events, then the
    # undated articles' (``j`` below indexes this order). Actor keys and content tokens are
    # only needed for single-day events of dated articles and for the undated articles'
    # events (looked up by event id), so only those are computed.
    pos_dated, pos_undated = np.flatnonzero(of_dated), np.flatnonzero(of_undated)
    rows_all = np.concatenate([pos_dated, pos_undated])
    eids = [str(e) for e in ev["event_id"].tolist()]
    index_of = {eids[p]: j for j, p in enumerate(rows_all.tolist())}
    cand_js = np.flatnonzero(single[pos_dated]).tolist()  # (j < len(pos_dated): dated rows)
    needed = sorted({*cand_js, *(index_of[eids[p]] for p in pos_undated.tolist())})
    cols = [c for c in ("person_id", "actor", "description") if c in ev]
    sub = ev[cols].take(rows_all[needed]) if needed else ev[cols].iloc[:0]
    keys: list = [None] * len(rows_all)
    toks: list = [None] * len(rows_all)
    for j, k, t in zip(needed, _keys(sub, None), _tokens(sub), strict=True):
        keys[j], toks[j] = k, t
    ds_ns = _ns_list(_date_ns(ds_col.take(pos_dated)))  # (the candidates are dated rows)
    n_dated = len(pos_dated)
    # (key, weekday) -> token set -> (days, members): each distinct description is scored once
    by_key: dict[tuple[str, int], dict[frozenset[str], tuple[set, list[int]]]] = {}
    for j in cand_js:
        if keys[j]:
            v = ds_ns[j]
            d = v - v % _DAY_NS  # the day (midnight), as _day
            wd = (d // _DAY_NS + 3) % 7  # (1970-01-01 was a Thursday)
            days_j, members_j = by_key.setdefault((keys[j], wd), {}).setdefault(
                toks[j], (set(), [])
            )
            days_j.add(d)
            members_j.append(j)
    ref_of_weekday: dict[int, tuple[set[pd.Timestamp], str]] = {}  # (days, as listed)
    valid_memo: dict[tuple, set[int]] = {}
    # the rows of undated articles only, as plain values
    undated_rows = list(
        map(
            _UndatedRow._make,
            zip(*(ev[c].take(pos_undated).tolist() for c in _UndatedRow._fields), strict=True),
        )
    )
    rows_of: dict[str, list] = {}
    for r in undated_rows:
        rows_of.setdefault(str(r.article_id), []).append(r)
    out = []
    for aid in undated_ids:
        rows = rows_of.get(aid, [])
        constraints: list[tuple[str, object]] = []  # (evidence, predicate on day)
        lower: list[tuple[pd.Timestamp, str]] = []
        for r in rows:
            method = str(r.method)
            where = f"{aid}:{r.date_text_start}-{r.date_text_end}"
            if method.startswith("weekday-past") or method == "weekday-last":
                wd = _weekday_of(str(r.date_text))
                if wd is None:
                    continue
                mod = "last" if method == "weekday-last" else ""
                i = index_of.get(str(r.event_id))
                cands = by_key.get((keys[i], wd), {}) if i is not None and keys[i] else {}
                found: set[int] = set()
                for t, (days_t, members_t) in cands.items():
                    if _jaccard(toks[i], t) < SAME_EVENT_JACCARD:
                        continue
                    if i < n_dated and i in members_t:  # never the event itself
                        found |= {ds_ns[j] - ds_ns[j] % _DAY_NS for j in members_t if j != i}
                    else:
                        found |= days_t
                matches = sorted(found)
                if matches:
                    days = {_day_ts(d) for d in matches}
                    why = (
                        f"'{r.date_text}' ({where}) matches a dated report of the same actor on "
                        + ", ".join(_iso_day(d) for d in matches)
                    )
                else:
                    if wd not in ref_of_weekday:
                        wdays = {d for d in ref_days if d.weekday() == wd}
                        listed = ", ".join(sorted(d.date().isoformat() for d in wdays))
                        ref_of_weekday[wd] = (wdays, listed)
                    days, listed = ref_of_weekday[wd]
                    if not days:
                        continue
                    why = (
                        f"'{r.date_text}' ({where}) taken as a {calendar.day_name[wd]} the corpus "
                        "contains: " + listed
                    )
                memo_key = (wd, mod, frozenset(days))
                valid = valid_memo.get(memo_key)
                if valid is None:
                    valid = valid_memo[memo_key] = _publication_days(wd, mod, days)
                constraints.append((why, valid))
            elif str(r.basis) == "explicit" and not pd.isna(r.date_start):
                lower.append(
                    (_day(r.date_start), f"explicit '{r.date_text}' ({where}) is a lower bound")
                )
            elif "year-from-anchor" in method and ref_days:
                y = _year_from_corpus(str(r.date_text), ref_days)
                if y is not None:
                    lower.append(
                        (y, f"'{r.date_text}' ({where}) with the corpus year is a lower bound")
                    )
        rec = {"article_id": aid, "published": pd.NaT, "published_latest": pd.NaT}
        if constraints:
            cand_lo = (
                min(min(d for d in ref_days), *(d for d, _ in lower)) if lower else min(ref_days)
            )
            cand_hi = max(ref_days) + pd.Timedelta(days=7)
            # the candidate days in [cand_lo, cand_hi] that satisfy every constraint (in ns)
            common = set.intersection(*(v for _, v in constraints))
            lo_ns, hi_ns = cand_lo.value, cand_hi.value
            lower_ns = [d.value for d, _ in lower]
            ok = [
                _day_ts(p)
                for p in sorted(common)
                if lo_ns <= p <= hi_ns and all(p >= d for d in lower_ns)
            ]
            if ok:
                rec.update(published=ok[0], published_latest=ok[-1], published_basis="inferred")
                rec["published_evidence"] = (
                    "; ".join([w for w, _ in constraints] + [w for _, w in lower])
                    + f" => published {ok[0].date().isoformat()}..{ok[-1].date().isoformat()}"
                )
            else:
                rec.update(
                    published_basis="unknown",
                    published_evidence="inconsistent constraints: "
                    + "; ".join(w for w, _ in constraints),
                )
        elif lower:
            d, _ = max(lower)
            rec.update(
                published=d,
                published_latest=pd.NaT,
                published_basis="inferred",
                published_evidence="; ".join(w for _, w in sorted(lower))
                + f" => published on or after {d.date().isoformat()} (no upper bound)",
            )
        else:
            rec.update(published_basis="unknown", published_evidence="no usable date references")
        out.append(rec)
    return _frame(out, INFERRED_COLUMNS)


def _publication_days(wd: int, mod: str, days: set[pd.Timestamp]) -> set[int]:
    """The publication days p with ``resolve_weekday(wd, p, "past", mod)`` in ``days``, in ns.

    A past weekday resolves to at most 7 days before p, so p lies in [d, d + 7] of some d.
    ``days`` are midnights; computed on ns ints (the same arithmetic as
    :func:`resolve_weekday`: ``mod`` is ``"last"`` or empty).
    """
    day_ns = {d.value for d in days}
    found = set()
    for d in day_ns:
        for k in range(8):
            p = d + k * _DAY_NS
            p_wd = (p // _DAY_NS + 3) % 7  # (1970-01-01 was a Thursday)
            back = (p_wd - wd - 1) % 7 + 1 if mod == "last" else (p_wd - wd) % 7
            if p - back * _DAY_NS in day_ns:
                found.add(p)
    return found


@functools.lru_cache(maxsize=1 << 14)
def _day_ts(ns: int) -> pd.Timestamp:
    """The Timestamp of a midnight given in ns (as :func:`_day` returns it)."""
    return pd.Timestamp(ns)


def _weekday_of(text: str) -> int | None:
    m = re.search(_WD, text)
    return _WEEKDAY_NUM[m.group(0).lower()] if m else None


def _year_from_corpus(text: str, ref_days: set[pd.Timestamp]) -> pd.Timestamp | None:
    found = [m for m in _find_dates(text) if m.rule in ("month-day", "day-month", "weekday-date")]
    if not found:
        return None
    mid = sorted(ref_days)[len(ref_days) // 2]
    s, _, _, _ = _resolve_match(found[0], mid, mid, "neutral")
    return s


def build_chronology(
    articles: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    people: pd.DataFrame | None = None,
) -> dict[str, pd.DataFrame]:
    """Run the whole chronology: events, inferred publication dates, conflicts, timeline.

    Events of undated articles are extracted twice: first without an anchor (to infer the
    publication range from the corpus), then against the inferred range (basis
    ``published:inferred``).

    Args:
        articles: Columns article_id, body, published, published_latest, published_basis.
        quotes: Optional corpus quotes frame (with article_id).
        people: Optional people frame for actor canonicalisation.

    Returns:
        ``{"events", "inferred", "conflicts", "timeline"}`` frames.
    """
    arts = articles.sort_values("article_id", kind="mergesort").reset_index(drop=True)
    if "published_latest" not in arts:
        arts = arts.assign(published_latest=pd.NaT)
    if "published_basis" not in arts:
        arts = arts.assign(published_basis="unknown")

    def run(table: pd.DataFrame) -> pd.DataFrame:
        frames = [
            extract_events(
                str(r.article_id), str(r.body), r.published, r.published_latest,
                str(r.published_basis), quotes,
            )
            for r in table.itertuples(index=False)
        ]  # fmt: skip
        frames = [f for f in frames if len(f)]
        return pd.concat(frames, ignore_index=True) if frames else _frame([], EVENT_COLUMNS)

    events = run(arts)
    inferred = infer_publication_dates(arts, events)
    if len(inferred):
        upd = arts.set_index("article_id")
        for r in inferred.itertuples(index=False):
            # re-anchor only on a bounded range; a lower bound alone anchors nothing
            if r.published_basis == "inferred" and not pd.isna(r.published_latest):
                upd.loc[r.article_id, ["published", "published_latest", "published_basis"]] = [
                    r.published,
                    r.published_latest,
                    "inferred",
                ]
        arts2 = upd.reset_index()
        bounded = inferred.loc[inferred["published_latest"].notna(), "article_id"]
        redo = arts2[arts2["article_id"].isin(bounded)]
        keep = events[~events["article_id"].isin(bounded)]
        events = pd.concat([keep, run(redo)], ignore_index=True)
    events = _frame(_sorted_events(events).to_dict("records"), EVENT_COLUMNS)
    return {
        "events": events,
        "inferred": inferred,
        "conflicts": find_conflicts(events, people),
        "timeline": merge_timeline(events, people),
    }
