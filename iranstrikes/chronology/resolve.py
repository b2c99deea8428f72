"""Resolving date expressions to day intervals against an anchor.

What belongs here: the calendar arithmetic of each rule against an anchor day or anchor
interval (weekdays, months, periods, seasons, holidays, "N ago", ...), each rule's method name
and confidence, and the public rule-level helpers :func:`resolve_expression` and
:func:`resolve_weekday`. The tense that decides past or future is read by :mod:`.tense`;
finding the expressions in text is :mod:`.expressions`.
"""

from __future__ import annotations

import calendar
import functools
import math
import re

import pandas as pd

from . import holidays as _holidays
from .expressions import (
    _MONTH_NUM,
    _NUMBER_WORDS,
    _QUALIFIERS,
    _SEASONS,
    _WEEKDAY_NUM,
    _find_dates,
    _Match,
)


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


def _quarter(g: dict, a: pd.Timestamp | None, tense: str):
    """The quarter an ordinal names: of its own year, else the anchor's tense decides.

    Without a year: the latest such quarter that has begun by the anchor (past), the
    earliest that has not ended (future), else the anchor's year's (present tense).
    """
    from .expressions import _ORDINALS

    q = int(g["qn"][1]) if g.get("qn") else _ORDINALS[g["ord"].lower()]
    y = g.get("y") or g.get("y2")

    def bounds(year: int):
        s = pd.Timestamp(year=year, month=3 * q - 2, day=1)
        return s, _month_bounds(year, 3 * q)[1]

    if y:
        return bounds(int(y))
    if a is None:
        return None
    cands = [bounds(a.year + k) for k in (-1, 0, 1)]
    if tense == "past":
        return max(c for c in cands if c[0] <= a)
    if tense == "future":
        return min(c for c in cands if c[1] >= a)
    return cands[1]


# Each rule returns (start, end) for one anchor day, or None when it cannot be resolved.
def _resolve_at(m: _Match, a: pd.Timestamp | None, tense: str):
    g = m.groups
    rule = m.rule
    if rule == "quarter":
        return _quarter(g, a, tense)
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
        prep = (g.get("prep") or "").lower()
        if g.get("y"):
            d = _safe_date(int(g["y"]), mnum, dnum)
        elif a is None:
            return None
        else:
            d = _year_for(mnum, dnum, a, "past" if prep == "since" else tense)
            if rule == "weekday-date":  # the weekday tells the year
                wd = _WEEKDAY_NUM[g["wd"].lower()]
                fits = [
                    x
                    for x in (_safe_date(a.year + k, mnum, dnum) for k in (-1, 0, 1))
                    if x is not None and x.weekday() == wd
                ]
                if fits:
                    d = min(fits, key=lambda x: (abs((x - a).days), x))
        if d is None:
            return None
        return _with_prep(d, d, prep, a) if prep else (d, d)
    if rule == "qualified":
        return _qualified(g, a, tense)
    if rule == "month-year":
        s, e = _month_bounds(int(g["y"]), _month_num(g["m"]))
        return _with_prep(s, e, (g.get("prep") or "").lower(), a)
    if rule == "year":
        s, e = _year_bounds(int(g["y"]))
        return _with_prep(s, e, (g.get("prep") or "").lower(), a)
    if rule == "season" and g.get("y"):
        return _season(g, a, tense)
    if a is None:
        return None
    if rule in ("month", "month-bare"):
        prep = (g.get("prep") or "").lower()
        mnum = _month_num(g["m"])
        s, e = _month_bounds(_month_year(mnum, a, tense, prep), mnum)
        return _with_prep(s, e, prep, a)
    if rule == "period":
        return _period(g, a, tense)
    if rule == "holiday":
        return _holiday(g, a, tense)
    if rule == "season":
        return _season(g, a, tense)
    if rule in ("ago", "unit-ago"):
        return _ago(g, a)
    if rule == "relative":
        return _relative(g["rel"].lower(), a, tense)
    if rule == "weekday":
        mod = (g.get("mod2") or "").lower()
        d = resolve_weekday(g["wd"], a, _prep_tense(mod, tense), mod)
        if mod == "since":
            return d, a
        return d, d
    return None


def _prep_tense(prep: str, tense: str) -> str:
    """The tense of a weekday after a preposition: "until Friday" in the present looks ahead."""
    if prep in ("until", "till", "by") and tense == "neutral":
        return "future"
    if prep in ("since",):
        return "past"
    return tense


def _with_prep(s: pd.Timestamp, e: pd.Timestamp, prep: str, a: pd.Timestamp | None):
    """The interval of "<prep> X" for X = [s, e] against the anchor ``a``.

    "since X" runs from X to the anchor, "until/by X" from the anchor to X (when X is not
    already past); other prepositions, or no anchor, give X itself. Early/mid/late are parts
    of X (see :func:`_part`).
    """
    one = pd.Timedelta(days=1)
    if prep == "since":
        return (s, a) if a is not None and a >= s else (s, e)
    if prep in ("until", "till", "by", "through"):
        return (a, e) if a is not None and a <= e else (s, e)
    if prep in ("early", "mid", "late"):
        return _part(s, e, prep, a)
    if prep == "earlier in" and a is not None and s <= a <= e:
        return s, max(s, a - one)
    return s, e


def _year_bounds(y: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    return pd.Timestamp(year=y, month=1, day=1), pd.Timestamp(year=y, month=12, day=31)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _month_year(mnum: int, a: pd.Timestamp, tense: str, prep: str) -> int:
    """The year of a month named without one ("in October", "last March").

    Past: the latest such month on or before the anchor's; future: the next one on or after
    it; present tense (neutral): the nearest one (ties go to the past).
    """
    if prep == "last":
        return a.year if mnum < a.month else a.year - 1
    if prep == "this":
        return a.year
    if prep in ("since", "earlier in"):
        tense = "past"
    if prep == "next" or tense == "future":
        return a.year if mnum >= a.month else a.year + 1
    if tense == "neutral":
        diff = mnum - a.month  # -11..11
        if diff > 6:
            return a.year - 1
        if diff < -6:
            return a.year + 1
        return a.year
    return a.year if mnum <= a.month else a.year - 1


def _unit_period(unit: str, a: pd.Timestamp, k: int = 0) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The ``unit`` (day, week, weekend, month, quarter, year) ``k`` steps from the anchor's."""
    one = pd.Timedelta(days=1)
    if unit == "day":
        d = a + k * one
        return d, d
    if unit in ("week", "weekend"):
        mon = _monday(a) + 7 * k * one
        return (mon + 5 * one, mon + 6 * one) if unit == "weekend" else (mon, mon + 6 * one)
    if unit == "month":
        y, m = _add_months(a.year, a.month, k)
        return _month_bounds(y, m)
    if unit == "quarter":
        y, m = _add_months(a.year, 3 * ((a.month - 1) // 3) + 1, 3 * k)
        s = pd.Timestamp(year=y, month=m, day=1)
        return s, _month_bounds(*_add_months(y, m, 2))[1]
    return _year_bounds(a.year + k)


_PART_OF_MONTH = {"early": (1, 10), "middle": (11, 20), "late": (21, 31)}


def _part(s: pd.Timestamp, e: pd.Timestamp, q: str, a: pd.Timestamp | None = None):
    """The part of [s, e] that the qualifier ``q`` names (early, mid, late, the end of, ...).

    A month's early/mid/late are days 1-10, 11-20 and 21-end; a year's parts are whole
    months; otherwise the fractions of ``resources/temporal_qualifiers.csv``. "earlier in"/"later in" the anchor's own period
    run to/from the anchor.
    """
    q = " ".join(q.lower().replace("-", " ").split())
    q = "mid" if q == "mid" else q
    part, f0, f1 = _QUALIFIERS.get(q, ("", 0.0, 1.0))
    one = pd.Timedelta(days=1)
    if q in ("earlier in", "later in") and a is not None and s <= a <= e:
        return (s, max(s, a - one)) if q == "earlier in" else (min(e, a + one), e)
    month = s.day == 1 and e == _month_bounds(s.year, s.month)[1]
    if month and part in _PART_OF_MONTH:
        d0, d1 = _PART_OF_MONTH[part]
        return s + (d0 - 1) * one, min(e, s + (d1 - 1) * one)
    if s.month == 1 and s.day == 1 and e == pd.Timestamp(year=s.year, month=12, day=31):
        # a calendar year: in whole months (early = Jan-Apr, the end of = Nov-Dec, ...)
        m0, m1 = round(12 * f0) + 1, max(round(12 * f0) + 1, round(12 * f1))
        return _month_bounds(s.year, m0)[0], _month_bounds(s.year, m1)[1]
    n = (e - s).days + 1
    lo = s + int(math.floor(n * f0 + 1e-9)) * one
    hi = s + max(0, int(math.ceil(n * f1 - 1e-9)) - 1) * one
    return lo, max(lo, min(hi, e))


def _qualified(g: dict, a: pd.Timestamp | None, tense: str):
    """Early/mid/late X, the beginning/end/middle of X, the first/second half of X."""
    q = g["q"]
    if g.get("m"):
        mnum = _month_num(g["m"])
        if g.get("y"):
            y = int(g["y"])
        elif a is None:
            return None
        else:
            y = _month_year(mnum, a, tense, "")
        s, e = _month_bounds(y, mnum)
    elif g.get("y2"):
        s, e = _year_bounds(int(g["y2"]))
    else:
        if a is None:
            return None
        k = {"last": -1, "next": 1}.get(g["det"].lower(), 0)
        s, e = _unit_period(g["unit"].lower(), a, k)
    return _part(s, e, q, a)


_PERIOD_STEP = {
    "this": 0, "the current": 0, "the same": 0,
    "last": -1, "the past": -1, "the previous": -1, "the latest": -1, "the prior": -1,
    "the last": -1, "the preceding": -1,
    "next": 1, "the coming": 1, "the next": 1,
}  # fmt: skip


def _period(g: dict, a: pd.Timestamp, tense: str):
    """This/last/next week, weekend, month, quarter, (fiscal) year."""
    det = " ".join(g["det"].lower().split())
    unit = g["unit"].lower()
    k = _PERIOD_STEP.get(det, 0)
    s, e = _unit_period(unit, a, k)
    if k == 0 and unit in ("week", "month", "quarter", "year") and det == "this":
        return (a, e) if tense == "future" else (s, a)
    if det in ("the past", "the last") and unit in _ROLLING:  # the last seven days, ...
        return a - pd.Timedelta(days=_ROLLING[unit]), a
    return s, e


_ROLLING = {"day": 1, "week": 7, "month": 30, "quarter": 91, "year": 365}


def _holiday(g: dict, a: pd.Timestamp, tense: str):
    """A named holiday: last/next/this one, else by tense (nearest in the present).

    ``g["where"]``: the region the article points to (:func:`.holidays.holiday_region`); a
    holiday whose day is not known there (several regions' days, a lunar calendar) is None.
    """
    name = g["h"]
    where = g.get("where") or ""
    cands = [_holidays.occurrence(name, a.year + k, where) for k in (-1, 0, 1)]
    if any(c is None for c in cands):
        return None
    det = (g.get("det") or "").lower()
    if det == "last":
        s, e = max(c for c in cands if c[0] < a)
    elif det == "next":
        s, e = min(c for c in cands if c[0] > a)
    elif det == "this":
        s, e = cands[1]
    else:
        tense = _prep_tense(det, tense) if det in ("until", "by") else tense
        if tense == "past" or det == "since":
            s, e = max(c for c in cands if c[0] <= a)
        elif tense == "future":
            s, e = min(c for c in cands if c[0] >= a)
        else:
            s, e = min(cands, key=lambda c: (abs((c[0] - a).days), c))
    return (s, a) if det == "since" and s <= a else (s, e)


def _season_bounds(season: str, y: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    fm, lm = _SEASONS[season]
    s = pd.Timestamp(year=y, month=fm, day=1)
    ey = y + 1 if lm < fm else y
    return s, _month_bounds(ey, lm)[1]


def _season(g: dict, a: pd.Timestamp | None, tense: str):
    """A season: of a year, or this/last/next one against the anchor."""
    season = g["season"].lower()
    det = " ".join((g.get("det") or "").lower().split())
    if g.get("y"):
        s, e = _season_bounds(season, int(g["y"]))
    else:
        cands = [_season_bounds(season, a.year + k) for k in (-2, -1, 0, 1)]
        now = [c for c in cands if c[0] <= a <= c[1]]
        past = [c for c in cands if c[1] < a]
        future = [c for c in cands if c[0] > a]
        if det in ("last", "this past"):
            s, e = past[-1]
        elif det in ("next", "this coming"):
            s, e = future[0]
        elif now:
            s, e = now[0]
        else:
            s, e = future[0] if tense == "future" else past[-1]
    if det in ("early", "mid", "late"):
        return _part(s, e, det, a)
    return s, e


def _ago(g: dict, a: pd.Timestamp):
    """N days/weeks/months/years ago (or earlier): a day, or the month/year it falls in."""
    raw = g.get("n")
    if raw is None:
        n = 1
        unit = (g.get("unit") or g.get("unit2") or "day").lower()
    else:
        raw = " ".join(raw.lower().split())
        n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 1)
        unit = g["unit"].lower().rstrip("s")
    one = pd.Timedelta(days=1)
    if unit == "day":
        d = a - n * one
        return d, d
    if unit == "week":
        d = a - 7 * n * one
        return d, d
    if unit == "month":
        return _month_bounds(*_add_months(a.year, a.month, -n))
    return _year_bounds(a.year - n)


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
    "quarter": 0.85,
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
    "qualified": 0.75,
    "month-bare": 0.7,
    "unit-ago": 0.6,
    "period": 0.7,
    "season": 0.6,
    "anaphoric": 0.4,
    "holiday": 0.8,
}


def _method(m: _Match, tense: str, has_year: bool) -> str:
    rule = m.rule
    if rule == "holiday":
        why = _holidays.unresolved_reason(m.groups["h"], m.groups.get("where") or "")
        return f"holiday-{why}" if why else "holiday"
    if rule == "weekday":
        mod = (m.groups.get("mod2") or "").lower()
        if mod in ("last", "next", "coming", "this", "since"):
            return f"weekday-{mod}"
        return f"weekday-{'future' if tense == 'future' else 'past'}"
    if rule in ("month-day", "day-month", "weekday-date") and not has_year:
        return f"{rule}-year-from-anchor"
    if rule in ("relative", "month", "month-bare", "period", "season", "qualified", "quarter"):
        method = f"{rule}-{tense}" if tense == "future" else rule
    else:
        method = rule
    if m.groups.get("fiscal"):
        method += "-fiscal-as-calendar"
    if m.groups.get("approx"):
        method += "-approximate"
    return method


def _anchor_free(m: _Match) -> bool:
    """Whether the expression is dated without any anchor (carries its own year)."""
    g = m.groups
    if (g.get("prep") or "").lower() in ("since", "until", "till", "by", "through"):
        return False
    if m.rule in ("iso", "numeric", "month-year", "year"):
        return True
    if m.rule == "quarter":
        return bool(g.get("y") or g.get("y2"))
    if m.rule == "qualified":
        return bool(g.get("y") or g.get("y2")) and g["q"].lower() not in ("earlier in", "later in")
    return m.rule in ("month-day", "day-month", "weekday-date", "season") and bool(g.get("y"))


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
