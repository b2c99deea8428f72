"""Each date's basis in plain words, for readers (students, teachers) rather than programmers.

What belongs here: turning an event's ``basis``, ``method``, ``anchor`` and ``confidence`` and
an article's ``published_basis`` into one sentence that says what the date rests on. No date
arithmetic (that is :mod:`.resolve`) and no display layout (that is the notebooks' display
layer).
"""

from __future__ import annotations

import pandas as pd

__all__ = ["explain_date", "explain_publication"]

_PUBLISHED = {
    "manifest": "the publication date given in the corpus's manifest",
    "url": "the date printed in the article's web address",
    "html": "the date in the web page's markup",
    "dateline": "the date in the article's dateline",
    "text": "a date stamp printed with the article",
    "inferred": "worked out from other articles of the same story",
    "unknown": "an unknown publication date",
}

_RULES = {
    "weekday": "a weekday",
    "month-day": "a day and month",
    "day-month": "a day and month",
    "weekday-date": "a weekday with its date",
    "month": "a month",
    "month-bare": "a month",
    "relative": "a relative date (like 'yesterday' or 'last week')",
    "period": "a period (like 'this year' or 'last month')",
    "ago": "a span back in time (like 'three days ago')",
    "qualified": "a part of a period (like 'early 2009')",
    "season": "a season",
    "year": "a year",
    "month-year": "a month and year",
    "iso": "a full date",
    "numeric": "a date written in numbers",
    "dateline": "the date in the dateline",
    "holiday": "a holiday",
    "quarter": "a quarter of a year",
    "anaphoric": "a date pointing back (like 'that day' or 'later that year')",
    "at-the-time": "the phrase 'at the time'",
}

#: Why a date expression could not be placed, by the end of its method name.
_NOT_PLACED = {
    "holiday-ambiguous": (
        "the holiday falls on different days in different countries, and the article does "
        "not say which country it means"
    ),
    "holiday-moving": (
        "the holiday follows a lunar calendar, so its day changes every year and is not "
        "worked out here"
    ),
}


def _rule_of(method: str) -> str:
    for key in sorted(_RULES, key=len, reverse=True):
        if method.startswith(key):
            return _RULES[key]
    return "a date expression"


def _level(conf) -> str:
    if conf is None or pd.isna(conf):
        return "unknown"
    conf = float(conf)
    return "high" if conf >= 0.75 else "medium" if conf >= 0.5 else "low"  # (as the reader)


def _day(ts) -> str:
    """A day as a reader writes it: "3 Dec 2014"."""
    ts = pd.Timestamp(ts)
    return f"{ts.day} {ts:%b %Y}"


def _days(s, e) -> str:
    """A day or a range of days in words ("3 Dec 2014", "1–5 Dec 2014")."""
    if s is None or e is None or pd.isna(s) or pd.isna(e):
        return ""
    s, e = pd.Timestamp(s), pd.Timestamp(e)
    if s == e:
        return _day(s)
    if (s.year, s.month) == (e.year, e.month):
        return f"{s.day}–{_day(e)}"
    if s.year == e.year:
        return f"{s.day} {s:%b}–{_day(e)}"
    return f"{_day(s)}–{_day(e)}"


def _anchor_days(anchor: str) -> str:
    """The publication day (or range) named in an ``anchor`` ("published 2014-12-03 (url)")."""
    parts = anchor.split()
    if len(parts) < 2 or parts[0] != "published":
        return ""
    lo, _, hi = parts[1].partition("..")
    try:
        return _days(pd.Timestamp(lo), pd.Timestamp(hi or lo))
    except ValueError:
        return ""


def _how(method: str, text: str, ref: str = "that day") -> str:
    """How the rule read the words against the anchor, for the common rules ("" otherwise).

    ``ref``: how the anchor is referred to ("that day").
    """
    wd = next((w for w in text.split() if w[:1].isupper() and w.lower().endswith("day")), "")
    wd = wd.strip(",.") or "weekday"
    if method.startswith("weekday-past"):
        return f"the verb is in the past tense, so it is the last {wd} on or before {ref}"
    if method.startswith("weekday-future"):
        return f"the verb looks ahead, so it is the next {wd} on or after {ref}"
    if method.startswith(("weekday-last", "weekday-next", "weekday-this")):
        return f"'{method.split('-')[1]}' says which {wd} it is, counted from {ref}"
    low = text.lower()
    if low.startswith("since"):
        return f"'since' runs from its start up to {ref}"
    if low.startswith(("until", "by ", "till")):
        return f"'{low.split()[0]}' runs from {ref} up to its end"
    if method.endswith("-year-from-anchor"):
        return f"the year is not written, so it is taken from {ref}"
    if "future" in method:
        return f"the verb looks ahead, so the date is after {ref}"
    return ""


def explain_date(row, *, confidence: bool = True, result: bool = True) -> str:
    """What an event's date rests on, in words for a student (``row``: a row of ``events``).

    Example: "'on Tuesday' names a day without its date. It is counted from 3 Dec 2014, the
    day the article was published (the date in the article's web address): the verb is in the
    past tense, so it is the last Tuesday on or before that day. Result: 2 Dec 2014. How sure:
    high." (``confidence=False`` and ``result=False`` leave out the last two sentences, for
    a table that shows them in columns of their own.)
    """
    get = row.get if hasattr(row, "get") else lambda k, d=None: getattr(row, k, d)
    basis = str(get("basis", "none") or "none")
    method = str(get("method", "") or "")
    text = str(get("date_text", "") or "")
    anchor = str(get("anchor", "") or "")
    when = _days(get("date_start"), get("date_end"))
    quoted = f"'{text}'" if text else "The date"
    sure = f" How sure: {_level(get('confidence'))}." if confidence else ""
    result = f" Result: {when}." if when and result else ""
    if basis == "none":
        if method == "undated":
            return "Not dated: the sentence has no date expression."
        why = next((w for k, w in _NOT_PLACED.items() if method.startswith(k)), "")
        if why:
            return f"Not dated: {_rule_of(method)} ('{text}') could not be placed: {why}."
        return (
            f"Not dated: {_rule_of(method)} ('{text}') could not be placed on the calendar "
            "(nothing gives the day it is counted from)."
        )
    if basis == "explicit":
        return f"{quoted} is written out in full (it gives the year), so nothing had to be worked out.{result}{sure}"
    if basis.startswith("event:"):
        if method.startswith("at-the-time"):
            lead = f"{quoted} points back to the previous dated event in the article, so it takes that event's date"
        elif method.startswith("anaphoric"):
            lead = f"{quoted} points back to the date named just before it in the article"
        else:
            lead = (
                f"{quoted} sits inside a statement that has its own date, so it is counted "
                "from the day of that statement, not from the publication"
            )
        return f"{lead}.{result}{sure}"
    if basis.startswith("published:"):
        kind = basis.split(":", 1)[1]
        pub = _PUBLISHED.get(kind, "the publication date")
        pub_days = _anchor_days(anchor)
        if method == "publication-default":
            return (
                f"No date in the sentence: the statement was made no later than the day the "
                f"article was published ({pub}).{sure}"
            )
        if kind == "inferred":
            since = f"some day in {pub_days}" if "–" in pub_days else f"on {pub_days}"
            start = (
                f"{quoted} is {_rule_of(method)}. The article prints no date of its own: it was "
                f"probably published {since} ({pub}), and the date is counted from there"
            )
            tail = " (a range, not a fact)" if "–" in when else ""
            how = _how(method, text, "the day of publication")
            how = f": {how}" if how else ""
            return f"{start}{how}.{result[:-1]}{tail}.{sure}" if result else f"{start}{how}.{sure}"
        on = (
            f"{pub_days}, the day the article was published"
            if pub_days
            else "the day the article was published"
        )
        how = _how(method, text)
        how = f": {how}" if how else ""
        return (
            f"{quoted} is {_rule_of(method)}. It is counted from {on} ({pub}){how}.{result}{sure}"
        )
    return f"Dated from {basis} ({quoted}).{result}{sure}"


def explain_publication(published_basis: str, evidence: str | None = None) -> str:
    """One sentence on what an article's publication date rests on."""
    what = _PUBLISHED.get(str(published_basis or "unknown"), str(published_basis))
    if published_basis in (None, "unknown"):
        return "Publication date unknown: nothing in the article or its story gives one."
    out = f"Published: from {what}."
    if evidence:
        out += f" Evidence: {evidence}"
    return out
