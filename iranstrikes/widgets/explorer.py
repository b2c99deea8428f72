"""The quote explorer and the keyword-in-context search (thin ipywidgets over pure functions).

What belongs here: :class:`Explorer` (filter quotes by outlet, speaker, claim, stance and
date; a full-width, paginated, scrollable table in words) and :class:`KwicExplorer`. All the
logic is in :mod:`iranstrikes.widgets.html`, tested without a browser.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..charts import STANCE_ORDER, quotes_table_data
from ..charts.base import STANCE_WORDS
from .html import ANY, filter_quotes, first_keyword, kwic, kwic_html, quotes_html

__all__ = ["Explorer", "KwicExplorer", "SelectionTable"]


class Explorer:
    """Filter a corpus's quotes by outlet, speaker, claim, stance and date.

    Display it in a notebook (``Explorer(corpus)`` as the last expression, or
    ``display(explorer.widget)``). The controls are attributes (``outlet``, ``speaker``,
    ``proposition``, ``stance``, ``dates``) so they can also be set from code; ``frame``
    holds every row that passes the filters and ``table`` the HTML widget showing one page of
    them (``page_size`` rows; ``previous``/``next`` turn the page). Speakers are listed by
    their canonical name, so two spellings of one person are one option.

    Args:
        corpus: The corpus.
        limit: Rows per page.
    """

    def __init__(self, corpus: Any, *, limit: int = 25) -> None:
        import ipywidgets as w

        from ..reader import claim_names, day, proposition_labels

        self.corpus = corpus
        self.limit = limit
        self.page_size = limit
        self.offset = 0
        self._table = quotes_table_data(corpus)
        self.claims = claim_names(corpus)
        t = self._table
        outlets = sorted(set(t["outlet"])) if len(t) else []
        speakers = sorted(set(t["speaker"]), key=str.lower) if len(t) else []
        labels = proposition_labels(corpus)
        props = [(f"{self.claims[p].capitalize()}: {labels[p]}", p) for p in labels]
        self.days = sorted(
            {d for col in ("date_start", "date_end") for d in t.get(col, []) if isinstance(d, str)}
        )
        rows = 6
        half = w.Layout(width="48%")
        style = {"description_width": "6em"}
        self.outlet = w.SelectMultiple(
            options=outlets, description="Outlet", rows=min(rows, max(1, len(outlets))),
            layout=half, style=style,
        )  # fmt: skip
        self.speaker = w.SelectMultiple(
            options=speakers, description="Speaker", rows=min(rows, max(1, len(speakers))),
            layout=half, style=style,
        )  # fmt: skip
        self.proposition = w.SelectMultiple(
            options=props, description="Claim", rows=min(4, max(1, len(props))),
            layout=w.Layout(width="98%"), style=style,
        )  # fmt: skip
        self.stance = w.Dropdown(
            options=[("(any)", ANY)] + [(STANCE_WORDS[s], s) for s in STANCE_ORDER if s != "mixed"],
            value=ANY,
            description="Stance",
            style=style,
        )
        if self.days:
            self.dates = w.SelectionRangeSlider(
                options=[(day(d), d) for d in self.days], index=(0, len(self.days) - 1),
                description="Dates", layout=w.Layout(width="98%"), style=style,
                readout=False,  # the readout is clipped; the dates are written out below
            )  # fmt: skip
        else:
            self.dates = w.SelectionRangeSlider(
                options=["(no dates)"], index=(0, 0), description="Dates", disabled=True
            )
        self.date_label = w.HTML()
        self.clear = w.Button(description="Clear filters", icon="times")
        self.previous = w.Button(description="◀ Previous", layout=w.Layout(width="9em"))
        self.next = w.Button(description="Next ▶", layout=w.Layout(width="9em"))
        self.table = w.HTML(layout=w.Layout(width="100%"))
        self.frame = self._table.iloc[0:0]
        for control in (self.outlet, self.speaker, self.proposition, self.stance, self.dates):
            control.observe(self._changed, names="value")
        self.clear.on_click(lambda _b: self.reset())
        self.previous.on_click(lambda _b: self.turn(-1))
        self.next.on_click(lambda _b: self.turn(+1))
        self.widget = w.VBox(
            [
                w.HBox([self.outlet, self.speaker], layout=w.Layout(width="100%")),
                self.proposition,
                w.HBox([self.stance, self.clear]),
                self.dates,
                self.date_label,
                w.HBox([self.previous, self.next]),
                self.table,
            ],
            layout=w.Layout(width="100%"),
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

    def update(self, *, keep_page: bool = False) -> pd.DataFrame:
        """Re-filter and redraw the table; returns every row that passes the filters."""
        from ..reader import day

        self.frame = filter_quotes(self.corpus, table=self._table, **self.filters())
        if not keep_page:
            self.offset = 0
        self.table.value = quotes_html(
            self.frame, limit=self.page_size, offset=self.offset, claims=self.claims
        )
        self.previous.disabled = self.offset == 0
        self.next.disabled = self.offset + self.page_size >= len(self.frame)
        if self.days:
            lo, hi = self.dates.index
            self.date_label.value = (
                f"<span>From <b>{day(self.days[lo])}</b> to <b>{day(self.days[hi])}</b></span>"
            )
        return self.frame

    def turn(self, step: int) -> None:
        """Show the previous (-1) or next (+1) page."""
        last = max(0, (len(self.frame) - 1) // self.page_size * self.page_size)
        self.offset = min(max(0, self.offset + step * self.page_size), last)
        self.update(keep_page=True)

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
        term: Initial search term; None starts on the first keyword of the codebook
            (:func:`~iranstrikes.widgets.html.first_keyword`).
        width: Characters of context on each side.
    """

    def __init__(self, corpus: Any, term: str | None = "", *, width: int = 44) -> None:
        import ipywidgets as w

        from ..reader import article_labels

        self.corpus = corpus
        self.width = width
        self.labels = article_labels(corpus)
        term = first_keyword(corpus) if term is None else term
        self.text = w.Text(
            value=term, description="Find", placeholder="word or phrase", continuous_update=False
        )
        self.output = w.HTML(layout=w.Layout(width="100%"))
        self.frame = kwic(corpus, term, width)
        self.text.observe(lambda _c: self.update(), names="value")
        self.widget = w.VBox([self.text, self.output], layout=w.Layout(width="100%"))
        self.update()

    def update(self) -> pd.DataFrame:
        """Search again for the text box's value; returns the concordance."""
        self.frame = kwic(self.corpus, self.text.value, self.width)
        self.output.value = kwic_html(self.frame, self.text.value, self.labels)
        return self.frame

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


class SelectionTable:
    """A table of quotes that follows a dashboard's selections (through a traitlets observer).

    Click a speaker (shift-click adds one) or drag across the timeline of
    ``alt.JupyterChart(charts.linked_sourcing_dashboard(corpus))``: the table below shows
    every selected quote in full, with no re-run needed.

    Args:
        corpus: The corpus.
        chart: The ``alt.JupyterChart`` of the dashboard.
        limit: Rows shown (the line above the table says how many there are).
    """

    def __init__(self, corpus: Any, chart: Any, *, limit: int = 50) -> None:
        import ipywidgets as w

        from ..reader import claim_names

        self.corpus = corpus
        self.chart = chart
        self.limit = limit
        self.claims = claim_names(corpus)
        self.table = w.HTML(layout=w.Layout(width="100%"))
        self.frame = pd.DataFrame()
        selections = getattr(chart, "selections", None)
        names = [n for n in ("speaker_select", "date_brush") if selections is not None
                 and n in selections.traits()]  # fmt: skip
        if names:
            selections.observe(lambda _c: self.update(), names=names)
        self.widget = w.VBox([chart, self.table], layout=w.Layout(width="100%"))
        self.update()

    def update(self) -> pd.DataFrame:
        """Re-read the selections and redraw the table; returns the selected quotes."""
        from ..charts import selected_quotes

        sel = getattr(self.chart, "selections", None)
        speaker = getattr(getattr(sel, "speaker_select", None), "value", None)
        dates = getattr(getattr(sel, "date_brush", None), "value", None)
        self.frame = selected_quotes(self.corpus, speaker, date_range=dates or None)
        self.table.value = quotes_html(self.frame, limit=self.limit, claims=self.claims)
        return self.frame

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
