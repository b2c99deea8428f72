"""ipywidgets explorers of a corpus: filtered quotes, keyword in context, articles side by side.

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

from .charts import PALETTE, STANCE_ORDER, quotes_table_data

__all__ = [
    "EMPTY_MESSAGE",
    "filter_quotes",
    "quotes_html",
    "kwic",
    "kwic_html",
    "speaker_colours",
    "highlight_html",
    "article_html",
    "Explorer",
    "KwicExplorer",
    "side_by_side",
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
    "article_id",
)
"""Columns of the quotes table shown by :class:`Explorer`."""

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
        pairs = [
            [tuple(p.split(":", 1)) for p in s.split("|")] if isinstance(s, str) and s else []
            for s in q["stances"]
        ]

        def ok(pp: list[tuple[str, ...]]) -> bool:
            if not pp:
                return props is None and stances is not None and "uncoded" in stances
            return any(
                (props is None or p[0] in props) and (stances is None or p[-1] in stances)
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


def quotes_html(
    quotes: pd.DataFrame, columns: Sequence[str] = TABLE_COLUMNS, *, limit: int = 200
) -> str:
    """An HTML table of quotes with every cell escaped, or the empty-result message.

    Args:
        quotes: Rows of :func:`filter_quotes`.
        columns: Columns shown, in order (missing ones are skipped).
        limit: At most this many rows (a note says how many were left out).

    Returns:
        An HTML fragment.
    """
    if quotes.empty:
        return f'<p class="iranstrikes-empty"><em>{html.escape(EMPTY_MESSAGE)}</em></p>'
    cols = [c for c in columns if c in quotes.columns]
    head = "".join(f'<th style="text-align:left">{html.escape(c)}</th>' for c in cols)
    rows = []
    for rec in quotes.head(limit)[cols].itertuples(index=False):
        cells = "".join(
            f'<td style="text-align:left;vertical-align:top">{_cell(v)}</td>' for v in rec
        )
        rows.append(f"<tr>{cells}</tr>")
    note = ""
    if len(quotes) > limit:
        note = (
            f"<p>Showing {limit} of {len(quotes)} quotes; narrow the filters to see the rest.</p>"
        )
    return (
        f"<p>{len(quotes)} quote{'s' if len(quotes) != 1 else ''}</p>"
        f'<table class="iranstrikes-quotes"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>{note}"
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


def kwic_html(lines: pd.DataFrame, term: str = "") -> str:
    """A KWIC concordance as an escaped HTML table (match centred and bold).

    Args:
        lines: The output of :func:`kwic`.
        term: The term searched (for the message when nothing was found).

    Returns:
        An HTML fragment.
    """
    if lines.empty:
        what = f" for “{html.escape(term)}”" if term else ""
        return f"<p><em>No occurrences{what}. Type a word or phrase.</em></p>"
    rows = "".join(
        "<tr>"
        f'<td style="color:#666">{_cell(r.article_id)}:{int(r.start)}</td>'
        f'<td style="text-align:right;white-space:pre">{_cell(r.left)}</td>'
        f'<td style="text-align:center"><strong>{_cell(r.match)}</strong></td>'
        f'<td style="text-align:left;white-space:pre">{_cell(r.right)}</td>'
        "</tr>"
        for r in lines.itertuples(index=False)
    )
    return f"<p>{len(lines)} occurrence{'s' if len(lines) != 1 else ''}</p><table>{rows}</table>"


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
    text: str, spans: Iterable[tuple[int, int, str]], colours: dict[str, str]
) -> str:
    """Escape ``text`` and wrap the given spans in ``<mark>`` tags coloured by speaker.

    Each stretch of text between offsets is escaped on its own, and the markup is added
    around the escaped pieces, so offsets stay right and no text can become markup. A span
    that overlaps an earlier one is clipped to start after it.

    Args:
        text: Untrusted text (an article body).
        spans: ``(start, end, speaker)`` offsets into ``text``.
        colours: Speaker → colour (see :func:`speaker_colours`).

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
            f'{html.escape(colour, quote=True)}" title="{html.escape(str(speaker), quote=True)}">'
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
    published = (
        "" if pd.isna(a.get("published")) else pd.Timestamp(a["published"]).strftime("%Y-%m-%d")
    )
    legend = " ".join(
        f'<mark style="background:{c}55;border-bottom:2px solid {c}">{html.escape(s)}</mark>'
        for s, c in sorted(colours.items())
        if any(sp == s for _, _, sp in spans)
    )
    return (
        f"<div><h4>{_cell(a.get('headline')) or html.escape(str(article_id))}</h4>"
        f"<p><strong>{_cell(a.get('outlet'))}</strong> {html.escape(published)} "
        f'<span style="color:#666">({html.escape(str(article_id))})</span></p>'
        f"<p>{legend}</p>"
        f'<div style="white-space:pre-wrap;font-family:serif;line-height:1.5">'
        f"{highlight_html(str(a['body']), spans, colours)}</div></div>"
    )


# --------------------------------------------------------------------------------------
# Widgets
# --------------------------------------------------------------------------------------
class Explorer:
    """Filter a corpus's quotes by outlet, speaker, proposition, stance and date.

    Display it in a notebook (``Explorer(corpus)`` as the last expression, or
    ``display(explorer.widget)``). The controls are attributes (``outlet``, ``speaker``,
    ``proposition``, ``stance``, ``dates``) so they can also be set from code; ``frame``
    holds the rows currently shown and ``table`` the HTML widget showing them.

    Args:
        corpus: The corpus.
        limit: At most this many rows in the table.
    """

    def __init__(self, corpus: Any, *, limit: int = 200) -> None:
        import ipywidgets as w

        self.corpus = corpus
        self.limit = limit
        self._table = quotes_table_data(corpus)
        t = self._table
        outlets = sorted(set(t["outlet"])) if len(t) else []
        speakers = sorted(set(t["speaker"])) if len(t) else []
        props_frame = getattr(corpus, "propositions", None)
        props = (
            sorted({str(p) for p in props_frame["proposition_id"]})
            if props_frame is not None and len(props_frame)
            else []
        )
        self.days = sorted(
            {d for col in ("date_start", "date_end") for d in t.get(col, []) if isinstance(d, str)}
        )
        rows = 6
        self.outlet = w.SelectMultiple(
            options=outlets, description="Outlet", rows=min(rows, max(1, len(outlets)))
        )
        self.speaker = w.SelectMultiple(
            options=speakers, description="Speaker", rows=min(rows, max(1, len(speakers)))
        )
        self.proposition = w.SelectMultiple(
            options=props, description="Proposition", rows=min(rows, max(1, len(props)))
        )
        self.stance = w.Dropdown(
            options=[ANY, *[s for s in STANCE_ORDER if s != "mixed"]],
            value=ANY,
            description="Stance",
        )
        if self.days:
            self.dates = w.SelectionRangeSlider(
                options=self.days, index=(0, len(self.days) - 1), description="Dates",
                layout=w.Layout(width="600px"),
            )  # fmt: skip
        else:
            self.dates = w.SelectionRangeSlider(
                options=["(no dates)"], index=(0, 0), description="Dates", disabled=True
            )
        self.clear = w.Button(description="Clear filters", icon="times")
        self.table = w.HTML()
        self.frame = self._table.iloc[0:0]
        for control in (self.outlet, self.speaker, self.proposition, self.stance, self.dates):
            control.observe(self._changed, names="value")
        self.clear.on_click(lambda _b: self.reset())
        self.widget = w.VBox(
            [
                w.HBox([self.outlet, self.speaker, self.proposition]),
                w.HBox([self.stance, self.clear]),
                self.dates,
                self.table,
            ]
        )
        self.update()

    def date_range(self) -> tuple[str, str] | None:
        """The date range selected on the slider, or None when it spans every date."""
        if not self.days:
            return None
        lo, hi = self.dates.index
        if (lo, hi) == (0, len(self.days) - 1):
            return None
        return self.days[lo], self.days[hi]

    def filters(self) -> dict[str, Any]:
        """The current filter values, as keyword arguments of :func:`filter_quotes`."""
        return {
            "outlet": tuple(self.outlet.value),
            "speaker": tuple(self.speaker.value),
            "proposition": tuple(self.proposition.value),
            "stance": self.stance.value,
            "date_range": self.date_range(),
        }

    def update(self) -> pd.DataFrame:
        """Re-filter and redraw the table; returns the rows shown."""
        self.frame = filter_quotes(self.corpus, table=self._table, **self.filters())
        self.table.value = quotes_html(self.frame, limit=self.limit)
        return self.frame

    def reset(self) -> None:
        """Clear every filter."""
        self.outlet.value = ()
        self.speaker.value = ()
        self.proposition.value = ()
        self.stance.value = ANY
        if self.days:
            self.dates.index = (0, len(self.days) - 1)
        self.update()

    def _changed(self, _change: Any) -> None:
        self.update()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


class KwicExplorer:
    """A text box and a keyword-in-context concordance that follows it.

    Args:
        corpus: The corpus.
        term: Initial search term.
        width: Characters of context on each side.
    """

    def __init__(self, corpus: Any, term: str = "", *, width: int = 60) -> None:
        import ipywidgets as w

        self.corpus = corpus
        self.width = width
        self.text = w.Text(
            value=term, description="Find", placeholder="word or phrase", continuous_update=False
        )
        self.output = w.HTML()
        self.frame = kwic(corpus, term, width)
        self.text.observe(lambda _c: self.update(), names="value")
        self.widget = w.VBox([self.text, self.output])
        self.update()

    def update(self) -> pd.DataFrame:
        """Search again for the text box's value; returns the concordance."""
        self.frame = kwic(self.corpus, self.text.value, self.width)
        self.output.value = kwic_html(self.frame, self.text.value)
        return self.frame

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def side_by_side(corpus: Any, article_a: str, article_b: str) -> Any:
    """Two articles next to each other, quotes highlighted in one colour per speaker.

    The colours are shared by both articles (a speaker quoted in both has the same colour).

    Args:
        corpus: The corpus.
        article_a: First article id.
        article_b: Second article id.

    Returns:
        An ``ipywidgets.HBox`` of two ``HTML`` widgets.
    """
    import ipywidgets as w

    q = corpus.quotes
    q = q[q["article_id"].isin([article_a, article_b])]
    colours = speaker_colours(s if isinstance(s, str) else "(unattributed)" for s in q["speaker"])
    layout = w.Layout(width="50%", padding="0 8px")
    return w.HBox(
        [
            w.HTML(article_html(corpus, article_a, colours), layout=layout),
            w.HTML(article_html(corpus, article_b, colours), layout=layout),
        ]
    )
