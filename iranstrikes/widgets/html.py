"""The pure functions behind the widgets: filtering quotes, keyword in context, safe HTML.

What belongs here: the pure functions that filter quotes (:func:`filter_quotes`), build a
keyword-in-context concordance (:func:`kwic`) and turn article text into safe HTML
(:func:`quotes_html`, :func:`highlight_html`, :func:`kwic_html`), and the thin widget classes
that wire ipywidgets controls to them (:class:`Explorer`, :class:`KwicExplorer`,
:func:`side_by_side`). All logic is in the functions so that it is tested without a browser.

Article text is untrusted: every piece of it is passed through :func:`html.escape` before it
reaches an ``ipywidgets.HTML`` value. Highlighting escapes each segment between offsets
separately and only then inserts ``<mark>`` tags -- never the other way round.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from ..charts import PALETTE, quotes_table_data, stance_triples
from ..charts.base import STANCE_WORDS

__all__ = [
    "EMPTY_MESSAGE",
    "filter_quotes",
    "quotes_html",
    "kwic",
    "kwic_html",
    "speaker_colours",
    "highlight_html",
    "article_html",
    "stance_spans",
    "stance_legend_html",
    "first_keyword",
    "TABLE_COLUMNS",
    "COLUMN_WORDS",
]

EMPTY_MESSAGE = "No quotes match these filters — widen the date range or clear a filter"
"""Shown instead of an empty table."""

TABLE_COLUMNS = (
    "date_start",
    "outlet",
    "speaker",
    "kind",
    "cue",
    "via",
    "quote",
    "stances",
)
"""Columns of the quotes table shown by :class:`Explorer` (no internal ids)."""

COLUMN_WORDS = {
    "date_start": "When",
    "outlet": "Outlet",
    "speaker": "Speaker",
    "kind": "How quoted",
    "cue": "Verb",
    "via": "Through",
    "quote": "Words",
    "stances": "On the claims",
    "article_id": "Article",
}
"""Column headers in words."""

_WIDTHS = {"date_start": "5.5em", "outlet": "6.5em", "speaker": "7em", "kind": "4.5em",
           "cue": "4em", "via": "5.5em", "quote": "16em", "stances": "7em"}  # fmt: skip

ANY = "(any)"


# --------------------------------------------------------------------------------------
# Pure functions
# --------------------------------------------------------------------------------------
def _as_set(value: Any) -> set[str] | None:
    """None / "" / (any) / empty collection mean "no filter"; otherwise the set of values."""
    if value is None:
        return None
    if isinstance(value, str):
        return None if value in ("", ANY) else {value}
    values = {str(v) for v in value if v is not None and str(v) not in ("", ANY)}
    return values or None


def _day(value: Any) -> pd.Timestamp | None:
    if value is None:
        return None
    ts = pd.to_datetime(value, errors="coerce")
    return None if pd.isna(ts) else pd.Timestamp(ts).normalize()


def filter_quotes(
    corpus: Any,
    outlet: str | Iterable[str] | None = None,
    speaker: str | Iterable[str] | None = None,
    proposition: str | Iterable[str] | None = None,
    stance: str | Iterable[str] | None = None,
    date_range: Sequence[Any] | None = None,
    *,
    table: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The quotes that pass every given filter.

    Each filter takes one value or several (any of them matches); None, ``""``, ``"(any)"``
    or an empty collection means no filter.

    Args:
        corpus: The corpus.
        outlet: Outlet(s) of the article.
        speaker: Speaker(s) as in ``quotes.speaker``.
        proposition: Proposition id(s): quotes coded on one of them.
        stance: Stance(s) (affirms, denies, neither, or "uncoded" for quotes with no coded
            stance). With ``proposition`` too, the stance must be on that proposition.
        date_range: ``(first, last)`` day (either may be None); keeps quotes whose date
            interval (statement date, else publication date) overlaps it. Undated quotes are
            dropped when a range is given.
        table: The output of :func:`~iranstrikes.charts.quotes_table_data`, when already
            computed (the widgets compute it once).

    Returns:
        Rows of :func:`~iranstrikes.charts.quotes_table_data`, sorted by date then quote id.
    """
    q = quotes_table_data(corpus) if table is None else table
    if q.empty:
        return q.copy()
    keep = pd.Series(True, index=q.index)
    outlets, speakers = _as_set(outlet), _as_set(speaker)
    props, stances = _as_set(proposition), _as_set(stance)
    if outlets is not None:
        keep &= q["outlet"].isin(outlets)
    if speakers is not None:
        keep &= q["speaker"].isin(speakers)
    if props is not None or stances is not None:
        pairs = [stance_triples(s) for s in q["stances"]]

        def ok(pp: list[tuple[str, ...]]) -> bool:
            if not pp:
                return props is None and stances is not None and "uncoded" in stances
            return any(
                (props is None or p[0] in props) and (stances is None or p[1] in stances)
                for p in pp
            )

        keep &= pd.Series([ok(pp) for pp in pairs], index=q.index)
    if date_range is not None:
        lo, hi = (_day(date_range[0]), _day(date_range[-1])) if len(date_range) else (None, None)
        if lo is not None or hi is not None:
            ds = pd.to_datetime(q["date_start"])
            de = pd.to_datetime(q["date_end"]).fillna(ds)
            inside = ds.notna()
            if lo is not None:
                inside &= de >= lo
            if hi is not None:
                inside &= ds <= hi
            keep &= inside
    out = q[keep]
    return out.sort_values(
        ["date_start", "quote_id"], na_position="last", kind="stable"
    ).reset_index(drop=True)


def _cell(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def _stances_words(value: Any, claims: dict[str, str] | None) -> str:
    parts = []
    for pid, stance, who in stance_triples(value):
        name = (claims or {}).get(pid, pid)
        said = STANCE_WORDS.get(stance, stance)
        # a stance coded to someone else the quote reports ("denied reports that ..."):
        # say whose it is, so one quote never seems to say yes and no at once
        parts.append(f"{name}: {who} {said}" if who else f"{name}: {said}")
    return "; ".join(parts)


def _value_words(col: str, row: Any, claims: dict[str, str] | None) -> str:
    from ..reader import day_range

    v = getattr(row, col, None)
    if col == "date_start":
        return "" if v is None else day_range(v, getattr(row, "date_end", None))
    if col == "stances":
        return _stances_words(v, claims)
    if col == "via":
        return "first-hand" if not v else str(v)
    if col == "kind":
        from ..reader import words

        return words("kind", v)
    return "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)


def quotes_html(
    quotes: pd.DataFrame,
    columns: Sequence[str] = TABLE_COLUMNS,
    *,
    limit: int = 200,
    offset: int = 0,
    claims: dict[str, str] | None = None,
    scroll: bool = True,
) -> str:
    """An HTML table of quotes in words, every cell escaped, or the empty-result message.

    The table takes the full width, wraps every cell (the words are never cut) and sits in a
    scroll box; a line above it says which rows are shown ("Showing 1–25 of 60 quotes").

    Args:
        quotes: Rows of :func:`filter_quotes`.
        columns: Columns shown, in order (missing ones are skipped).
        limit: At most this many rows (one page).
        offset: The first row shown (for pagination).
        claims: ``proposition_id`` → short claim name ("claim 1") for the stances column.
        scroll: Put the table in a scroll box with the "Showing …" line (False: the bare
            table, for a page that counts rows itself).

    Returns:
        An HTML fragment.
    """
    if quotes.empty:
        return f'<p class="iranstrikes-empty"><em>{html.escape(EMPTY_MESSAGE)}</em></p>'
    cols = [c for c in columns if c in quotes.columns]
    head = "".join(
        f'<th style="text-align:left;position:sticky;top:0;background:#fff;padding:4px 6px;'
        f'border-bottom:2px solid #444;min-width:{_WIDTHS.get(c, "auto")}">'
        f"{html.escape(COLUMN_WORDS.get(c, c))}</th>"
        for c in cols
    )
    offset = max(0, min(int(offset), max(0, len(quotes) - 1)))
    page = quotes.iloc[offset : offset + limit]
    rows = []
    for rec in page.itertuples(index=False):
        cells = "".join(
            '<td style="text-align:left;vertical-align:top;padding:4px 6px;'
            f"border-bottom:1px solid #ddd;white-space:normal;overflow-wrap:break-word;"
            f'min-width:{_WIDTHS.get(c, "auto")}">'
            f"{html.escape(_value_words(c, rec, claims), quote=True)}</td>"
            for c in cols
        )
        rows.append(f"<tr>{cells}</tr>")
    n = len(quotes)
    first, last = offset + 1, offset + len(page)
    status = f"Showing {first}–{last} of {n} quote{'s' if n != 1 else ''}"
    if last < n or first > 1:
        status += " (use the buttons to see the others)"
    box = "max-height:520px;overflow:auto;" if scroll else ""
    return (
        (f'<p class="iranstrikes-status">{html.escape(status)}</p>' if scroll else "")
        + f'<div style="{box}width:100%;border:1px solid #ddd">'
        '<table class="iranstrikes-quotes" style="width:100%;border-collapse:collapse;'
        f'table-layout:auto;font-size:13px;line-height:1.35"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


KWIC_COLUMNS = ("article_id", "start", "end", "left", "match", "right")


def kwic(corpus: Any, term: str, width: int = 60) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` in every article body.

    Matching is literal and case-insensitive; overlapping occurrences are all found.

    Args:
        corpus: The corpus.
        term: The text to find (leading/trailing spaces are kept; an empty term finds nothing).
        width: Characters of context on each side.

    Returns:
        One row per occurrence with ``article_id``, ``start``/``end`` (offsets into
        ``articles.body``, ``body[start:end] == match``), ``left``, ``match`` and ``right``
        (line breaks in the context shown as spaces), sorted by article and offset.
    """
    rows: list[dict[str, Any]] = []
    if term:
        pattern = re.compile(f"(?=({re.escape(term)}))", re.IGNORECASE)
        arts = getattr(corpus, "articles", pd.DataFrame(columns=["article_id", "body"]))
        for aid, body in sorted(
            zip(arts["article_id"], arts["body"], strict=True), key=lambda r: str(r[0])
        ):
            if not isinstance(body, str):
                continue
            for m in pattern.finditer(body):
                s, e = m.start(1), m.end(1)
                rows.append(
                    {
                        "article_id": str(aid),
                        "start": s,
                        "end": e,
                        "left": " ".join(body[max(0, s - width) : s].splitlines()) if width else "",
                        "match": body[s:e],
                        "right": " ".join(body[e : e + width].splitlines()) if width else "",
                    }
                )
    df = pd.DataFrame(rows, columns=list(KWIC_COLUMNS))
    if df.empty:
        return df.astype({"start": "int64", "end": "int64"})
    return df.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


def kwic_html(lines: pd.DataFrame, term: str = "", labels: dict[str, str] | None = None) -> str:
    """A KWIC concordance as an escaped HTML table (match centred and bold).

    Args:
        lines: The output of :func:`kwic`.
        term: The term searched (for the message when nothing was found).
        labels: ``article_id`` → "Outlet, 3 Dec 2014" (shown instead of the id).

    Returns:
        An HTML fragment.
    """
    if lines.empty:
        what = f" for “{html.escape(term)}”" if term else ""
        return f"<p><em>No occurrences{what}. Type a word or phrase.</em></p>"
    rows = "".join(
        "<tr>"
        f'<td style="color:#666;white-space:nowrap;padding-right:8px">'
        f"{_cell((labels or {}).get(r.article_id, r.article_id))}</td>"
        f'<td style="text-align:right;white-space:pre">{_cell(r.left)}</td>'
        f'<td style="text-align:center;white-space:nowrap"><strong>{_cell(r.match)}</strong></td>'
        f'<td style="text-align:left;white-space:pre">{_cell(r.right)}</td>'
        "</tr>"
        for r in lines.itertuples(index=False)
    )
    return (
        f"<p>{len(lines)} occurrence{'s' if len(lines) != 1 else ''}</p>"
        f'<div style="max-height:420px;overflow:auto;width:100%"><table>{rows}</table></div>'
    )


def speaker_colours(speakers: Iterable[str]) -> dict[str, str]:
    """A consistent colour per speaker: sorted names, cycled through the palette.

    Args:
        speakers: Speaker names (duplicates and None are ignored).

    Returns:
        Mapping speaker → hex colour.
    """
    names = sorted(
        {str(s) for s in speakers if s is not None and not (not isinstance(s, str) and pd.isna(s))}
    )
    colours = PALETTE["categorical"]
    return {n: colours[i % len(colours)] for i, n in enumerate(names)}  # type: ignore[index]


def highlight_html(
    text: str,
    spans: Iterable[tuple[int, int, str]],
    colours: dict[str, str],
    titles: dict[str, str] | None = None,
) -> str:
    """Escape ``text`` and wrap the given spans in ``<mark>`` tags coloured by speaker.

    Each stretch of text between offsets is escaped on its own, and the markup is added
    around the escaped pieces, so offsets stay right and no text can become markup. A span
    that overlaps an earlier one is clipped to start after it.

    Args:
        text: Untrusted text (an article body).
        spans: ``(start, end, speaker)`` offsets into ``text``.
        colours: Speaker → colour (see :func:`speaker_colours`).
        titles: Key → hover text (default: the key itself).

    Returns:
        An HTML fragment (no wrapper element).
    """
    out = []
    cursor = 0
    for start, end, speaker in sorted(spans, key=lambda s: (int(s[0]), -int(s[1]))):
        start, end = max(int(start), cursor), min(int(end), len(text))
        if end <= start:
            continue
        out.append(html.escape(text[cursor:start], quote=True))
        colour = colours.get(speaker, "#dddddd")
        out.append(
            f'<mark style="background:{html.escape(colour, quote=True)}55;border-bottom:2px solid '
            f'{html.escape(colour, quote=True)}" title="{html.escape(str((titles or {}).get(speaker, speaker)), quote=True)}">'
            f"{html.escape(text[start:end], quote=True)}</mark>"
        )
        cursor = end
    out.append(html.escape(text[cursor:], quote=True))
    return "".join(out)


def article_html(corpus: Any, article_id: str, colours: dict[str, str] | None = None) -> str:
    """One article (headline, outlet, date, body) with its quotes highlighted by speaker.

    Args:
        corpus: The corpus.
        article_id: The article.
        colours: Speaker → colour; by default :func:`speaker_colours` of the article's quotes.

    Returns:
        An HTML fragment with every piece of article text escaped.
    """
    arts = corpus.articles
    hit = arts[arts["article_id"] == article_id]
    if hit.empty:
        return f"<p><em>No article {html.escape(str(article_id))} in this corpus.</em></p>"
    a = hit.iloc[0]
    q = corpus.quotes
    q = q[q["article_id"] == article_id]
    spans = [
        (int(s), int(e), str(sp) if isinstance(sp, str) else "(unattributed)")
        for s, e, sp in zip(q["start"], q["end"], q["speaker"], strict=True)
        if pd.notna(s) and pd.notna(e)
    ]
    colours = colours if colours is not None else speaker_colours(sp for _, _, sp in spans)
    from ..reader import day_range

    published = day_range(a.get("published"), a.get("published_latest"))
    legend = " ".join(
        f'<mark style="background:{c}55;border-bottom:2px solid {c}">{html.escape(s)}</mark>'
        for s, c in sorted(colours.items())
        if any(sp == s for _, _, sp in spans)
    )
    return (
        f"<div><h4>{_cell(a.get('headline')) or html.escape(str(article_id))}</h4>"
        f"<p><strong>{_cell(a.get('outlet')) or 'unknown outlet'}</strong> "
        f"{html.escape(published)}</p>"
        f"<p>{legend}</p>"
        f'<div style="white-space:pre-wrap;font-family:serif;line-height:1.5">'
        f"{highlight_html(str(a['body']), spans, colours)}</div></div>"
    )


def first_keyword(corpus: Any) -> str:
    """The first keyword of the first proposition that has any (``""`` when none).

    ``propositions.keywords`` is a ``|``-joined string: the keyword is the part before the
    first ``|`` (not the string's first character).
    """
    props = getattr(corpus, "propositions", None)
    if props is None or props.empty or "keywords" not in props.columns:
        return ""
    for value in props["keywords"]:
        if isinstance(value, str):
            words = [w.strip() for w in value.split("|") if w.strip()]
        elif isinstance(value, (list, tuple)):
            words = [str(w).strip() for w in value if str(w).strip()]
        else:
            continue
        if words:
            return words[0]
    return ""


def stance_spans(corpus: Any, article_id: str, proposition_id: str) -> list[tuple[int, int, str]]:
    """``(start, end, stance)`` spans of one article's statements on one proposition.

    Each coded statement's quote span (``quotes.start/end`` through ``stances.quote_id``), or
    its evidence span in the body when it has no quote; quotes not coded on the proposition
    are ``uncoded``.
    """
    q = corpus.quotes
    q = q[q["article_id"] == article_id]
    st = corpus.stances
    st = st[(st["article_id"] == article_id) & (st["proposition_id"] == proposition_id)]
    if "source" in st.columns and (st["source"] == "codebook").any():
        st = st[st["source"] == "codebook"]
    by_quote: dict[str, set[str]] = {}
    spans: list[tuple[int, int, str]] = []
    for r in st.itertuples(index=False):
        qid = getattr(r, "quote_id", None)
        if isinstance(qid, str) and qid:
            by_quote.setdefault(qid, set()).add(str(r.stance))
        elif (
            getattr(r, "evidence_in", "body") in ("body", None)
            and pd.notna(getattr(r, "evidence_start", None))
            and pd.notna(getattr(r, "evidence_end", None))
        ):
            spans.append((int(r.evidence_start), int(r.evidence_end), str(r.stance)))
    for qid, s, e in zip(q["quote_id"], q["start"], q["end"], strict=True):
        if pd.isna(s) or pd.isna(e):
            continue
        found = by_quote.get(str(qid))
        stance = "uncoded" if not found else (next(iter(found)) if len(found) == 1 else "mixed")
        spans.append((int(s), int(e), stance))
    return sorted(spans)


def stance_colours() -> dict[str, str]:
    """Stance → highlight colour (the series' stance colours)."""
    colours = dict(PALETTE["stance"])  # type: ignore[arg-type]
    return colours


def stance_legend_html() -> str:
    """The legend of stance highlights, in words."""
    colours = stance_colours()
    return " ".join(
        f'<mark style="background:{c}55;border-bottom:2px solid {c};padding:0 4px">'
        f"{html.escape(STANCE_WORDS[s])}</mark>"
        for s, c in colours.items()
    )
