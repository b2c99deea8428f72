"""Two articles side by side, with pickers, highlights by stance or speaker, and a legend.

What belongs here: :class:`SideBySide` (two article pickers and a claim picker; every
statement on the chosen claim highlighted in its stance colour) and :func:`side_by_side`.
"""

from __future__ import annotations

from typing import Any

from ..charts.base import STANCE_WORDS
from .html import (
    article_html,
    highlight_html,
    speaker_colours,
    stance_colours,
    stance_legend_html,
    stance_spans,
)

__all__ = ["SideBySide", "side_by_side", "article_stance_html", "default_pair"]


def article_stance_html(corpus: Any, article_id: str, proposition_id: str) -> str:
    """One article with its statements on ``proposition_id`` highlighted by stance."""
    import html

    from ..reader import day_range

    arts = corpus.articles
    hit = arts[arts["article_id"] == article_id]
    if hit.empty:
        return f"<p><em>No article {html.escape(str(article_id))} in this corpus.</em></p>"
    a = hit.iloc[0]
    spans = stance_spans(corpus, article_id, proposition_id)
    headline = a.get("headline")
    head = html.escape(headline) if isinstance(headline, str) and headline else "(no headline)"
    outlet = a.get("outlet")
    outlet = html.escape(outlet) if isinstance(outlet, str) and outlet else "unknown outlet"
    return (
        f"<div><h4>{head}</h4><p><strong>{outlet}</strong> "
        f"{html.escape(day_range(a.get('published'), a.get('published_latest')))}</p>"
        '<div style="white-space:pre-wrap;font-family:serif;line-height:1.5">'
        f"{highlight_html(str(a['body']), spans, stance_colours(), STANCE_WORDS)}</div></div>"
    )


def default_pair(corpus: Any) -> tuple[str | None, str | None]:
    """Two articles worth comparing.

    The first pair of articles whose sources contradict each other, else the first two.
    """
    c = getattr(corpus, "contradictions", None)
    if c is not None and len(c) and "same_article" in c.columns:
        other = c[~c["same_article"].fillna(False).astype(bool)]
        if len(other):
            r = other.iloc[0]
            return str(r["article_id_a"]), str(r["article_id_b"])
    ids = list(corpus.articles["article_id"])
    return (ids[0] if ids else None), (ids[1] if len(ids) > 1 else (ids[0] if ids else None))


class SideBySide:
    """Two articles next to each other, each chosen from a list, highlighted for one claim.

    Every statement on the chosen claim is highlighted in its stance colour (green says yes,
    red says no, yellow takes no side, grey quotes not coded on this claim); the legend says
    so. Without a codebook the highlights are by speaker instead.

    Args:
        corpus: The corpus.
        article_a: The left article (default: :func:`default_pair`).
        article_b: The right article.
        proposition: The claim (default: the first one).
    """

    def __init__(
        self,
        corpus: Any,
        article_a: str | None = None,
        article_b: str | None = None,
        proposition: str | None = None,
    ) -> None:
        import ipywidgets as w

        from ..reader import article_labels, claim_names, proposition_labels

        self.corpus = corpus
        labels = article_labels(corpus)
        options = [(lab, aid) for aid, lab in labels.items()]
        da, db = default_pair(corpus)
        self.left = w.Dropdown(options=options, value=article_a or da, description="Left",
                               layout=w.Layout(width="48%"))  # fmt: skip
        self.right = w.Dropdown(options=options, value=article_b or db, description="Right",
                                layout=w.Layout(width="48%"))  # fmt: skip
        names, texts = claim_names(corpus), proposition_labels(corpus)
        claims = [(f"{names[p].capitalize()}: {texts[p]}", p) for p in texts]
        self.claim = w.Dropdown(
            options=claims or [("(no codebook: colours are speakers)", "")],
            value=proposition if proposition is not None else (claims[0][1] if claims else ""),
            description="Claim", layout=w.Layout(width="98%"),
        )  # fmt: skip
        self.legend = w.HTML()
        self.panes = w.HBox(
            [w.HTML(layout=w.Layout(width="50%", padding="0 8px")) for _ in range(2)],
            layout=w.Layout(width="100%"),
        )
        for control in (self.left, self.right, self.claim):
            control.observe(lambda _c: self.update(), names="value")
        self.widget = w.VBox(
            [w.HBox([self.left, self.right]), self.claim, self.legend, self.panes],
            layout=w.Layout(width="100%"),
        )
        self.update()

    def update(self) -> None:
        """Redraw both articles for the chosen articles and claim."""
        ids = [self.left.value, self.right.value]
        if self.claim.value:
            self.legend.value = "<p>Highlights: " + stance_legend_html() + "</p>"
            for pane, aid in zip(self.panes.children, ids, strict=True):
                pane.value = article_stance_html(self.corpus, aid, self.claim.value)
        else:
            q = self.corpus.quotes
            q = q[q["article_id"].isin(ids)]
            colours = speaker_colours(
                s if isinstance(s, str) else "(unattributed)" for s in q["speaker"]
            )
            self.legend.value = "<p>Highlights: one colour per speaker (hover to see who).</p>"
            for pane, aid in zip(self.panes.children, ids, strict=True):
                pane.value = article_html(self.corpus, aid, colours)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def side_by_side(corpus: Any, article_a: str, article_b: str) -> Any:
    """Two articles next to each other, quotes highlighted in one colour per speaker.

    The colours are shared by both articles (a speaker quoted in both has the same colour).
    For pickers and stance colours use :class:`SideBySide`.

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
