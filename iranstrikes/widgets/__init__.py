"""ipywidgets explorers of a corpus: filtered quotes, keyword in context, articles side by side.

What belongs here: the package's public widget names. The pure functions (filtering, KWIC,
escaped HTML) are in :mod:`.html`, the explorer and the search box in :mod:`.explorer`, the
side-by-side reader in :mod:`.compare`. Article text is untrusted: every piece of it is
escaped before it reaches an ``ipywidgets.HTML`` value.
"""

from __future__ import annotations

from .compare import SideBySide, article_stance_html, default_pair, side_by_side
from .explorer import Explorer, KwicExplorer, SelectionTable
from .html import (
    ANY,
    COLUMN_WORDS,
    EMPTY_MESSAGE,
    KWIC_COLUMNS,
    TABLE_COLUMNS,
    article_html,
    filter_quotes,
    first_keyword,
    highlight_html,
    kwic,
    kwic_html,
    quotes_html,
    speaker_colours,
    stance_legend_html,
    stance_spans,
)

__all__ = [
    "ANY",
    "COLUMN_WORDS",
    "EMPTY_MESSAGE",
    "KWIC_COLUMNS",
    "TABLE_COLUMNS",
    "Explorer",
    "KwicExplorer",
    "SelectionTable",
    "SideBySide",
    "article_html",
    "article_stance_html",
    "default_pair",
    "filter_quotes",
    "first_keyword",
    "highlight_html",
    "kwic",
    "kwic_html",
    "quotes_html",
    "side_by_side",
    "speaker_colours",
    "stance_legend_html",
    "stance_spans",
]
