"""Publication dates of one article: from its URL, its HTML, its dateline or a printed stamp.

What belongs here: reading the date an article was published from the evidence that comes
with it — URL shapes (``/2014/12/03/``, ``/2014/dec/05/``, ``-20141206-``, ``?date=…``) and
HTML meta tags through the well-kept library ``htmldate`` (offline: it is only ever given a
URL *string* to parse or an HTML *string*, never asked to download), our own rules for URL
shapes it does not know and for plain-text datelines and "Posted …" stamps, and the choice
among the candidates (:func:`choose_publication`), which keeps every candidate with its basis
and reports disagreements. Cross-article inference of undated articles is
:mod:`.inference`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pandas as pd

from .. import resources as _resources

__all__ = [
    "PublicationDate",
    "choose_publication",
    "date_from_html",
    "date_from_url",
    "parse_month_day",
    "url_date",
]

_MONTHS = _resources.months()
_MIN, _MAX = dt.datetime(1800, 1, 1), dt.datetime(2100, 12, 31)

# Our URL rules, for the shapes htmldate's URL patterns do not read (in order).
_URL_RULES = (
    ("url-ymd", re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$)")),
    (
        "url-y-monthname-d",
        re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<mon>[A-Za-z]{3,9})/(?P<d>\d{1,2})(?:/|$)"),
    ),
    ("url-iso", re.compile(r"(?<![\d])(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d])")),
    # a path segment that opens with yyyymmdd followed by an id ("/201412031015438739/")
    ("url-compact-id", re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})\d*(?:/|$)")),
    # yyyymmdd between non-digits in a slug ("-20141206-", "_20020315_")
    (
        "url-compact",
        re.compile(
            r"(?<=[/_.-])(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
            r"(?=[/_.?#-]|$)"
        ),
    ),
)


def _valid(y: int, m: int, d: int) -> tuple[int, int, int] | None:
    try:
        dt.date(y, m, d)
    except ValueError:
        return None
    return (y, m, d)


def _htmldate_url(url: str) -> tuple[int, int, int] | None:
    """Read the URL string with htmldate's URL patterns (parsing only: nothing is fetched)."""
    try:
        from htmldate.extractors import extract_url_date
        from htmldate.utils import Extractor
    except ImportError:  # pragma: no cover - htmldate comes with trafilatura
        return None
    try:
        got = extract_url_date(url, Extractor(False, _MAX, _MIN, False, "%Y-%m-%d"))
    except Exception:  # noqa: BLE001 - a library failure only loses this candidate
        return None
    if not got:
        return None
    y, m, d = (int(x) for x in got.split("-"))
    return _valid(y, m, d)


def url_date(url: str | None) -> tuple[tuple[int, int, int], str] | None:
    """The date an article URL carries, with the rule that read it, or None.

    htmldate's URL patterns first, then ours for month names (``/2014/dec/05/``) and compact
    dates (``-20141206-``, ``/201412031015438739/``). A URL with only a year or an id that
    is not a valid date gives None.
    """
    if not url or not isinstance(url, str):
        return None
    got = _htmldate_url(url)
    if got is not None:
        return got, "htmldate"
    for name, rx in _URL_RULES:
        for mt in rx.finditer(url):
            if mt.groupdict().get("mon"):
                mon = _MONTHS.get(mt.group("mon").lower().rstrip("."))
                if mon is None:
                    continue
            else:
                mon = int(mt.group("m"))
            got = _valid(int(mt.group("y")), mon, int(mt.group("d")))
            if got is not None:
                return got, name
    return None


def date_from_url(url: str | None) -> tuple[int, int, int] | None:
    """Return (year, month, day) printed in an article URL, or None (see :func:`url_date`)."""
    got = url_date(url)
    return got[0] if got else None


def date_from_html(html: str | None) -> tuple[pd.Timestamp, str] | None:
    """The publication date htmldate reads from an HTML page's meta tags and markup.

    Only an HTML string is passed (never a URL, which htmldate would download); the
    "extensive" search of free text is off, so only explicit markup counts. Returns
    ``(day, "htmldate")`` or None.
    """
    if not html or not isinstance(html, str) or "<" not in html[:2000]:
        return None
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover
        return None
    try:
        got = find_date(
            html, extensive_search=False, original_date=True, min_date=_MIN, max_date=_MAX
        )
    except Exception:  # noqa: BLE001 - a library failure only loses this candidate
        return None
    if not got:
        return None
    try:
        return pd.Timestamp(got).normalize(), "htmldate"
    except (ValueError, TypeError):
        return None


_MONTH_DAY = re.compile(r"(?P<mon>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})(?:,?\s+(?P<year>\d{4}))?")


def parse_month_day(s: str) -> tuple[int | None, int | None, int | None]:
    """(month, day, year) of a dateline date such as ``"December 3"`` or ``"Dec. 3, 2014"``."""
    m = _MONTH_DAY.match(s.strip())
    if not m:
        return None, None, None
    mon = _MONTHS.get(m.group("mon").lower())
    year = int(m.group("year")) if m.group("year") else None
    return mon, int(m.group("day")), year


def _ts(y: int, m: int, d: int) -> pd.Timestamp | None:
    try:
        return pd.Timestamp(year=y, month=m, day=d)
    except ValueError:
        return None


@dataclass
class PublicationDate:
    """The chosen publication day of one article, with its basis and every candidate.

    Attributes:
        published: The day, or None when nothing supports one.
        basis: manifest, url, html, dateline, text or unknown.
        evidence: What the day rests on, then every other candidate ("also: ...").
        problems: (code, message) of disagreements between candidates.
        pending: (month, day) of a dateline printed without a year, for the corpus step.
    """

    published: pd.Timestamp | None = None
    basis: str = "unknown"
    evidence: str | None = None
    problems: list[tuple[str, str]] = field(default_factory=list)
    pending: tuple[int, int] | None = None


_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _latest_past_year(body: str, years: list[int]) -> int | None:
    """The latest of ``years`` that ``body`` mentions at least once outside the future tense.

    Each mention's tense is that of its clause (:func:`.tense._tense_of`, the rule that
    reads every date's tense); a year mentioned only in future-tense clauses ("the contract
    will run until 2030") is not evidence of the year the article was written in.
    """
    from .expressions import _Match
    from .tense import _tense_of

    for y in sorted(set(years), reverse=True):
        for m in re.finditer(rf"(?<![\w.,/-]){y}(?![\w%/-])", body):
            lo = max((x.end() for x in _SENTENCE_END.finditer(body, 0, m.start())), default=0)
            nxt = _SENTENCE_END.search(body, m.end())
            hi = nxt.start() + 1 if nxt else len(body)
            match = _Match("year", m.start(), m.end(), m.group(), {"y": str(y)})
            if _tense_of(body, lo, hi, match) != "future":
                return y
    return None


def choose_publication(
    *,
    manifest: pd.Timestamp | None = None,
    manifest_evidence: str | None = None,
    url: str | None = None,
    html: str | None = None,
    dateline: str | None = None,
    dateline_month: int | None = None,
    dateline_day: int | None = None,
    dateline_year: int | None = None,
    years_mentioned: list[int] | None = None,
    published_text: str | None = None,
    body: str | None = None,
) -> PublicationDate:
    """Choose the publication day: manifest > URL > HTML markup > dateline > printed stamp.

    Every candidate is kept in the evidence with its basis; a candidate that gives another
    day than the chosen one is reported as a ``date-disagreement`` problem. A dateline without
    a year takes the year of a chosen candidate, else the latest year the article mentions
    outside the future tense (``body``: its text; "the 2020 election will ..." in a 2016
    article is no evidence of 2020, a reported past year is a lower bound the report is
    dated by), said so in the evidence, else it is left pending for the corpus step.
    """
    cands: list[tuple[str, pd.Timestamp, str]] = []  # (basis, day, evidence)
    if manifest is not None:
        cands.append(("manifest", manifest, manifest_evidence or "manifest.csv"))
    got = url_date(url)
    if got is not None and _ts(*got[0]) is not None:
        cands.append(("url", _ts(*got[0]), f"{url} ({got[1]})" if got[1] != "htmldate" else url))
    hd = date_from_html(html)
    if hd is not None:
        cands.append(("html", hd[0], "HTML markup (htmldate)"))
    first = cands[0] if cands else None
    dl = None
    if dateline_month and dateline_day:
        if dateline_year:
            d = _ts(dateline_year, dateline_month, dateline_day)
            if d is not None:
                dl = (d, dateline)
        elif first is not None:
            d = _ts(first[1].year, dateline_month, dateline_day)
            if d is not None:
                dl = (d, f"{dateline} (year from {first[0]})")
        else:
            years = [y for y in (years_mentioned or []) if y <= 2100]
            year = _latest_past_year(body, years) if body is not None else None
            if year is None and body is None and years:
                year = years[-1]  # (no text to read the tense in: the caller's own choice)
            if year is not None:
                d = _ts(year, dateline_month, dateline_day)
                if d is not None:
                    dl = (
                        d,
                        f"{dateline} (year {year} from the latest year the article mentions "
                        "outside the future tense)",
                    )
    if dl is not None:
        cands.append(("dateline", dl[0], dl[1]))
    if published_text:
        try:
            parsed = pd.Timestamp(published_text)
        except (ValueError, TypeError, OverflowError):
            parsed = pd.to_datetime(published_text, errors="coerce")
        if not pd.isna(parsed):
            if parsed.tzinfo is not None:
                parsed = parsed.tz_localize(None)
            cands.append(("text", parsed.normalize(), published_text))
    out = PublicationDate()
    if not cands:
        if dateline_month and dateline_day:
            out.pending = (dateline_month, dateline_day)
        return out
    basis, day, evidence = cands[0]
    others = [c for c in cands[1:]]
    out.published, out.basis = day, basis
    out.evidence = evidence
    if others:
        out.evidence += "; also: " + "; ".join(f"{b} {d:%Y-%m-%d} ({e})" for b, d, e in others)
    for b, d, _ in others:
        if d != day:
            what = "dateline" if b == "dateline" else f"{b} date"
            out.problems.append(
                (
                    "date-disagreement",
                    f"The {what} says {d:%Y-%m-%d} but the {basis} says {day:%Y-%m-%d}; "
                    f"the {basis} date was used.",
                )
            )
    return out
