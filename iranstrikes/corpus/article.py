"""The per-article stage: one file's bytes and manifest row in, one :class:`ArticleResult` out.

What belongs here: :func:`process_article` (a pure function of one article: decoding,
normalisation, publication date, quotes and events) and the packing of its quotes and events
into frames.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..normalise import decode_bytes, html_to_text, looks_like_html, normalise_text
from .files import LARGE_FILE_BYTES, MAX_FILE_BYTES, _problem
from .guard import BudgetExceeded, Clock, budget_problem, fault, internal_error


# --------------------------------------------------------------------------------------
# Per-article stage (pure)
# --------------------------------------------------------------------------------------
@dataclass
class ArticleResult:
    """Everything the per-article stage derives from one file.

    From :func:`process_article`, ``quotes`` and ``events`` are DataFrames. Inside the loader
    (and in its cache) they are *packed*: the quotes as a dict of column lists and the events
    as a list of records, plain Python values that pickle and unpickle several times faster
    than small frames; :func:`_pack` builds one frame of each per chunk of articles.
    """

    article: dict | None
    paragraphs: list[dict]
    problems: list[dict]
    quotes: pd.DataFrame | dict | None = None
    events: pd.DataFrame | list | None = None


def _ts(y: int, m: int, d: int):
    try:
        return pd.Timestamp(year=y, month=m, day=d)
    except ValueError:
        return None


def _parse_date(text: str):
    """``pd.to_datetime(text, errors="coerce")`` for one string, at a fraction of its cost.

    The scalar ``pd.Timestamp`` parser gives the same result for every string it accepts
    (~1 µs instead of ~300 µs); anything it rejects goes to ``pd.to_datetime``.
    """
    try:
        return pd.Timestamp(text)
    except (ValueError, TypeError, OverflowError):
        return pd.to_datetime(text, errors="coerce")


def process_article(
    file_name: str, raw: bytes, manifest_row: dict | None = None, *, extract: bool = True
) -> ArticleResult:
    """Normalise one article file and extract everything that needs only that article.

    A pure function of its arguments: it reads no other file and touches no global state, so
    a corpus can be mapped over processes or partitions.

    Args:
        file_name: Name of the file (its stem becomes ``article_id``).
        raw: The file's bytes.
        manifest_row: The file's manifest row as a dict, if the corpus has one.
        extract: Also extract quotes and events (False: normalisation only).

    Returns:
        An :class:`ArticleResult`.
    """
    return _process_article(file_name, raw, manifest_row, extract=extract)


def _process_article(
    file_name: str,
    raw: bytes,
    manifest_row: dict | None = None,
    *,
    extract: bool = True,
    packed: bool = False,
    article_id: str | None = None,
    clock: Clock | None = None,
) -> ArticleResult:
    """:func:`process_article`, optionally with quotes and events packed.

    Args:
        file_name: As for :func:`process_article`.
        raw: As for :func:`process_article`.
        manifest_row: As for :func:`process_article`.
        extract: As for :func:`process_article`.
        packed: Return quotes and events packed (column lists and records, see
            :class:`ArticleResult`), not as frames.
        article_id: The article's id (default: the file's stem; the loader gives files that
            share a stem distinct ids).
        clock: The article's budget (:class:`~iranstrikes.corpus.guard.Clock`); None: no
            budget and no size cap. Quotes and events each run in a guard: an exception or
            a spent budget there becomes one problem row and the article is kept.

    Returns:
        An :class:`ArticleResult`.
    """
    article_id = article_id or Path(file_name).stem
    fault("normalise", file_name)
    problems: list[dict] = []
    if len(raw) > MAX_FILE_BYTES:
        problems.append(
            _problem(
                file_name,
                None,
                "error",
                "too-large",
                f"The file is {len(raw) / 1e6:.0f} MB, more than the {MAX_FILE_BYTES / 1e6:.0f} MB limit for one article. Split it into one file per article.",
            )
        )
        return ArticleResult(None, [], problems)
    decoded = decode_bytes(raw)
    for sev, code, msg in decoded.problems:
        problems.append(_problem(file_name, article_id if sev != "error" else None, sev, code, msg))
    if not decoded.text:
        return ArticleResult(None, [], problems)
    if len(raw) > LARGE_FILE_BYTES:
        problems.append(
            _problem(
                file_name,
                article_id,
                "warning",
                "large-file",
                f"The file is {len(raw) / 1e6:.1f} MB, far longer than a news article; it was loaded as one article. If it holds several articles, split it into one file each.",
            )
        )
    text = decoded.text
    fmt = "text"
    html_title = None
    html_source = None
    if looks_like_html(text):
        fmt = "html"
        html_source = text
        text, html_title = html_to_text(text)
        problems.append(
            _problem(
                file_name,
                article_id,
                "info",
                "html",
                "HTML input: the main content was extracted with trafilatura.",
            )
        )
    norm = normalise_text(text)
    if not norm.body.strip():
        problems.append(
            _problem(
                file_name,
                None,
                "error",
                "no-text",
                "No article text was left after removing page chrome. Check that the file holds an article.",
            )
        )
        return ArticleResult(None, [], problems)
    if "\ufffd" in norm.body:
        problems.append(
            _problem(
                file_name,
                article_id,
                "warning",
                "replacement-chars",
                "The text contains U+FFFD replacement characters where bytes could not be decoded.",
            )
        )

    m = {k: v for k, v in (manifest_row or {}).items() if isinstance(v, str) and v.strip()}
    outlet = m.get("outlet")
    if outlet is None and norm.dateline_agency:
        from ..quotes import canonical_outlet

        outlet = canonical_outlet(norm.dateline_agency) or norm.dateline_agency
    original = m.get("original_outlet") or norm.original_outlet
    if original and outlet and original.casefold() == outlet.casefold():
        original = None

    # Publication date: manifest > URL > dateline (with year) > printed stamp; else unknown.
    published = None
    basis = "unknown"
    evidence = None
    url = m.get("url")
    if m.get("published"):
        published = _parse_date(m["published"])
        if pd.isna(published):
            problems.append(
                _problem(
                    file_name,
                    article_id,
                    "warning",
                    "manifest-bad-date",
                    f"manifest 'published' value {m['published']!r} is not a date; it was ignored.",
                )
            )
            published = None
        else:
            basis, evidence = "manifest", m.get("published_source") or "manifest.csv"
    from ..chronology.published import choose_publication

    pub = choose_publication(
        manifest=published,
        manifest_evidence=evidence,
        url=url,
        html=html_source,
        dateline=norm.dateline,
        dateline_month=norm.dateline_month,
        dateline_day=norm.dateline_day,
        dateline_year=norm.dateline_year,
        years_mentioned=norm.years_mentioned,
        published_text=norm.published_text,
        body=norm.body,
    )
    published, basis, evidence, pending_year = pub.published, pub.basis, pub.evidence, pub.pending
    for code, message in pub.problems:
        problems.append(_problem(file_name, article_id, "warning", code, message))

    lede = None
    if norm.paragraphs:
        s, e = norm.paragraphs[0]
        lede = norm.body[s:e]
    article = {
        "article_id": article_id,
        "outlet": outlet,
        "original_outlet": original,
        "outlet_country": m.get("outlet_country"),
        "outlet_ownership": m.get("outlet_ownership"),
        "url": url,
        "headline": norm.headline or html_title,
        "byline": norm.byline,
        "dateline": norm.dateline,
        "dateline_place": norm.dateline_place,
        "published": published,
        "published_latest": published,
        "published_basis": basis,
        "published_evidence": evidence,
        "body": norm.body,
        "lede": lede,
        "n_words": len(norm.body.split()),
        "n_paragraphs": len(norm.paragraphs),
        "n_chrome_lines": len(norm.removed),
        "source_path": "",
        "sha256": hashlib.sha256(raw).hexdigest(),
        "encoding": decoded.encoding,
        "format": fmt,
        "_pending_dateline": pending_year,
        "_removed": norm.removed,
    }
    paragraphs = [
        {"article_id": article_id, "n": i, "start": s, "end": e, "text": norm.body[s:e]}
        for i, (s, e) in enumerate(norm.paragraphs)
    ]
    result = ArticleResult(article, paragraphs, problems)
    if extract:
        result.quotes, result.events = _extract(
            article_id,
            norm.body,
            article,
            packed,
            file_name=file_name,
            clock=clock,
            problems=problems,
        )
    return result


def _extract(
    article_id: str,
    body: str,
    article: dict,
    packed: bool = False,
    *,
    file_name: str | None = None,
    clock: Clock | None = None,
    problems: list[dict] | None = None,
):
    """Per-article extraction: quotes, then events resolved against the publication date.

    The article's text model (:func:`iranstrikes.text.model`) is built once here, from the
    quote extractor's reading of the text (:func:`iranstrikes.quotes.frame.article_model`, so
    the quotes are those :func:`~iranstrikes.quotes.extract_quotes` gives), and given to both
    steps (the quotes' speaker checks and the events' actors read it).

    Each step runs in a guard: an unexpected exception, or a budget spent (``clock``), adds
    one row to ``problems`` and the step's output is empty; the article is kept. A text
    longer than the clock's ``max_extract_chars`` is not extracted at all (one problem row).
    """
    from ..chronology import _event_records
    from ..people import name_spans
    from ..quotes import quote_columns
    from ..quotes.frame import article_model

    file_name = file_name or article_id
    problems = [] if problems is None else problems
    cap = clock.limits.max_extract_chars if clock is not None else None
    cols = None
    tm = None  # the text model, shared by both steps
    skip_events = False
    if cap is not None and len(body) > cap:
        problems.append(
            _problem(
                file_name,
                article_id,
                "warning",
                "too-long-to-extract",
                f"The text is {len(body):,} characters, more than the {cap:,} characters up to "
                "which quotes and events are extracted; the article was loaded with its text "
                "and paragraphs only. Split the file if it holds several articles, or raise "
                "the cap: load_corpus(..., max_extract_chars=...).",
            )
        )
        skip_events = True
        article["_name_spans"] = []  # no text model over the cap: no fuzzy-name candidates
    else:
        try:
            if clock is not None and clock.spent():
                raise BudgetExceeded("spent before quote extraction")
            fault("quotes", file_name)
            outlet = article.get("outlet")
            art, tm = article_model(body)
            article["_name_spans"] = name_spans(tm)
            cols = quote_columns(
                body,
                outlet=outlet if isinstance(outlet, str) else None,
                text_model=tm,
                _article=art,
            )
        except BudgetExceeded:
            problems.append(budget_problem(file_name, article_id, "quote extraction", clock))
            skip_events = True
        except Exception as exc:  # noqa: BLE001 - one article's failure is a problem row
            problems.append(internal_error(file_name, article_id, "quote extraction", exc))
    if cols is None:
        cols = quote_columns("")
    n = len(cols["start"])
    cols = {
        "quote_id": [f"{article_id}:q{i:03d}" for i in range(n)],
        "article_id": [article_id] * n,
        **cols,
    }
    events: list = []
    if not skip_events:
        try:
            if clock is not None and clock.spent():
                raise BudgetExceeded("spent before event extraction")
            fault("events", file_name)
            events = _event_records(
                article_id,
                body,
                article["published"],
                article["published_latest"],
                article["published_basis"],
                cols,
                text_model=tm,
            )
        except BudgetExceeded:
            problems.append(budget_problem(file_name, article_id, "event extraction", clock))
        except Exception as exc:  # noqa: BLE001 - one article's failure is a problem row
            problems.append(internal_error(file_name, article_id, "event extraction", exc))
    if not packed:
        return _quotes_frame(cols), _events_frame(events)
    return cols, events


def _events_frame(records: list[dict]) -> pd.DataFrame:
    from ..chronology import _events_from_records

    return _events_from_records(records)


def _quotes_frame(cols: dict[str, list]) -> pd.DataFrame:
    """The quotes frame of packed column lists, each column built once in its final dtype.

    Columns: ``quote_id``, ``article_id``, then :data:`quotes.QUOTE_COLUMNS`.
    """
    from ..quotes import _frame_from_columns, _str_array

    df = _frame_from_columns(cols)
    df.insert(0, "article_id", _str_array(cols["article_id"]))
    df.insert(0, "quote_id", _str_array(cols["quote_id"]))
    return df
