"""Resolving date expressions to day intervals against an anchor.

Resolving date expressions to day intervals: the calendar arithmetic of each rule against
an anchor day or anchor interval, the tense that decides past or future (:func:`_tense_of`),
and the public rule-level helpers :func:`resolve_expression` and :func:`resolve_weekday`.
"""

from __future__ import annotations

import calendar
import functools
import re

import pandas as pd

from .expressions import _FUTURE, _MONTH_NUM, _NUMBER_WORDS, _WEEKDAY_NUM, _find_dates, _Match


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


def _tense_of(text: str, sent_lo: int, sent_hi: int, m: _Match, sx=None) -> str:
    """Guess the tense governing a date expression from its clause.

    The clause runs from the last clause break before the expression to the next one after
    it; a future marker in it ("will", "is due to", ...) makes it future. ``sx``: the
    sentence's :class:`~iranstrikes.chronology.actors._SentIndex` (each look is a bisection).
    """
    mod = ((m.groups.get("mod") or "") + (m.groups.get("mod2") or "")).lower()
    if mod in ("next", "coming"):
        return "future"
    if mod in ("last", "earlier", "since"):
        return "past"
    if sx is None:
        from .actors import _SentIndex

        sx = _SentIndex(text, sent_lo, sent_hi)
    lo = sx.last_end(_CLAUSE_BREAK, m.start)
    lo = sent_lo if lo is None else lo
    hi = sx.first_after(_CLAUSE_BREAK, m.end, sent_hi)
    hi = sent_hi if hi is None else hi
    if sx.any_within(_FUTURE, lo, m.start) or sx.any_within(_FUTURE, m.end, hi):
        return "future"
    return "past"


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
