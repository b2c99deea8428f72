"""Named holidays: which day each one is, and where that day applies.

What belongs here: reading ``resources/holidays.csv`` (a holiday's date rule and the regions
where it applies) and ``resources/holiday_regions.csv`` (the words that point an article to a
region), the calendar rules themselves (a fixed day, the n-th weekday, Easter and Orthodox
Easter, a day that moves with the equinox) and the choice of one rule for an article. A name
whose day differs between regions ("Thanksgiving": November in the United States, October in
Canada) is dated only when the article points to one of them: its dateline first, else the
regions it names. A holiday of a lunar calendar (Eid, Passover, Diwali, ...) is found but not
dated: its day moves every year and is not computed here. Finding the expressions in text is
:mod:`.expressions`; the choice of the year against the anchor is :mod:`.resolve`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd

from .. import resources as _resources

__all__ = [
    "HOLIDAY_HEADS",
    "HOLIDAY_NAMES",
    "article_regions",
    "holiday_region",
    "occurrence",
    "unresolved_reason",
]

#: Calendars whose holidays move every year against the Gregorian one (not dated here).
_MOVING = frozenset({"islamic", "hebrew", "chinese", "hindu"})


@dataclass(frozen=True)
class _Rule:
    where: frozenset[str]
    calendar: str
    month: int | None
    day: int | None
    weekday: int | None
    offset: int
    days: int

    @property
    def key(self) -> tuple:
        """The date rule without its regions (two regions, one day: the same key)."""
        return (self.calendar, self.month, self.day, self.weekday, self.offset, self.days)


def _int(v: str | None) -> int | None:
    return int(v) if v not in (None, "") else None


def _norm(name: str) -> str:
    """A holiday name as looked up: lower case, straight apostrophe, single spaces."""
    return " ".join(name.lower().replace("’", "'").split())


@functools.cache
def _rules() -> dict[str, tuple[_Rule, ...]]:
    out: dict[str, list[_Rule]] = {}
    for r in _resources.table("holidays"):
        rule = _Rule(
            frozenset(r["where"].split()),
            r["calendar"],
            _int(r["month"]),
            _int(r["day"]),
            _int(r["weekday"]),
            _int(r["offset"]) or 0,
            _int(r["days"]) or 1,
        )
        out.setdefault(_norm(r["name"]), []).append(rule)
    return {k: tuple(v) for k, v in out.items()}


#: Every holiday name of the table (lower case, straight apostrophe).
HOLIDAY_NAMES: tuple[str, ...] = tuple(_rules())


def _head(name: str) -> str:
    """The word of a holiday name that a sentence is searched for first (a cheap gate).

    Its last word, or its first when the last is a weekday ("Good Friday").
    """
    words = name.split()
    return words[0] if words[-1].lower() in _resources.weekdays() else words[-1]


#: One word of every name, as written: a sentence without any (in any case) names no holiday.
HOLIDAY_HEADS: tuple[str, ...] = tuple(
    sorted({_head(r["name"]) for r in _resources.table("holidays")})
)


@functools.cache
def _region_words() -> tuple[re.Pattern[str], dict[str, str]]:
    words = {r["word"]: r["region"] for r in _resources.table("holiday_regions")}
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alts})(?!\w)"), words


_DATELINE = re.compile(r"\s*(?P<place>[A-Z][A-Z .,'’-]{2,40}?)\s*(?:,|\(|[-—–])")


def article_regions(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(regions of the dateline, regions the text names) of an article.

    The dateline is a place in capitals opening one of the first three paragraphs
    ("OTTAWA, Oct. 10 —"); its words are looked up case-insensitively. The regions named are
    those of every region word of the text, as written (``holiday_regions.csv``).
    """
    rx, words = _region_words()
    upper = {w.upper(): reg for w, reg in words.items()}
    dateline: set[str] = set()
    for para in [p for p in text.split("\n") if p.strip()][:3]:
        dm = _DATELINE.match(para)
        if dm:
            place = " ".join(dm.group("place").replace(",", " ").split())
            dateline |= {
                reg for w, reg in upper.items() if re.search(rf"\b{re.escape(w)}\b", place)
            }
    named = {words[m.group(0)] for m in rx.finditer(text)}
    return frozenset(dateline), frozenset(named)


def holiday_region(name: str, dateline: frozenset[str], named: frozenset[str]) -> str:
    """The region whose day of holiday ``name`` the article means ("" when none is chosen).

    "" also when none is needed (one day everywhere) or when the article does not decide it
    (then the date is unknown). The dateline decides first; else the regions the text names, when all of them that have a
    date for this holiday agree on one.
    """
    rules = _rules().get(_norm(name), ())
    if len({r.key for r in rules}) <= 1:
        return ""
    for regions in (dateline, named):
        hits = {r.key: reg for r in rules for reg in sorted(r.where & regions)}
        if len(hits) == 1:
            return next(iter(hits.values()))
    return ""


def _candidates(name: str, where: str) -> list[_Rule]:
    rules = _rules().get(_norm(name), ())
    if where:
        rules = tuple(r for r in rules if where in r.where or "*" in r.where)
    return list({r.key: r for r in rules}.values())


def unresolved_reason(name: str, where: str = "") -> str:
    """Why holiday ``name`` cannot be dated (in region ``where``): "" when it can.

    ``"ambiguous"``: its day differs between regions and none was chosen; ``"moving"``: it
    follows a lunar calendar.
    """
    cands = _candidates(name, where)
    if len(cands) != 1:
        return "ambiguous"
    return "moving" if cands[0].calendar in _MOVING else ""


def _easter(y: int) -> pd.Timestamp:
    """Western (Gregorian) Easter Sunday of year ``y`` (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return pd.Timestamp(year=y, month=month, day=day + 1)


def _orthodox_easter(y: int) -> pd.Timestamp:
    """Orthodox Easter Sunday of year ``y`` as a Gregorian day (Julian computus)."""
    a, b, c = y % 4, y % 7, y % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian = pd.Timestamp(year=y, month=month, day=day + 1)
    return julian + pd.Timedelta(days=y // 100 - y // 400 - 2)  # Julian -> Gregorian


def occurrence(name: str, y: int, where: str = "") -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The first and last day of holiday ``name`` in year ``y`` (in region ``where``).

    None when that is not known (see :func:`unresolved_reason`).
    """
    if unresolved_reason(name, where):
        return None
    r = _candidates(name, where)[0]
    if r.calendar in ("easter", "orthodox-easter"):
        base = _easter(y) if r.calendar == "easter" else _orthodox_easter(y)
        d = base + pd.Timedelta(days=r.offset)
    else:
        d = pd.Timestamp(year=y, month=r.month, day=r.day)
        if r.weekday is not None:
            d += pd.Timedelta(days=(r.weekday - d.weekday()) % 7)
    return d, d + pd.Timedelta(days=r.days - 1)
