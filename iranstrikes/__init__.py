"""iranstrikes: read the news critically.

Load a folder of news articles into tidy, evidence-anchored pandas DataFrames (articles,
quotes, people, events, claims and stances) and explore them in a JupyterLab notebook
series. Every derived value carries the span of text it came from and the method that
produced it.

Start with::

    import iranstrikes
    corpus = iranstrikes.load_corpus()          # the bundled seed articles
    corpus.quotes.head()

or ``iranstrikes.load_corpus("path/to/your/articles")`` for your own folder.
"""

from __future__ import annotations

from ._startup import defer_iri_grammar

__version__ = "0.1.0"

# Each notebook runs in a fresh kernel: keep seconds of third-party start-up out of it.
defer_iri_grammar()

__all__ = ["Corpus", "load_corpus", "extract_quotes", "seeds_path", "__version__"]


def __getattr__(name: str):
    # Lazy imports keep `import iranstrikes` fast in notebooks and worker processes.
    if name in ("Corpus", "load_corpus", "seeds_path"):
        from . import corpus

        return getattr(corpus, name)
    if name == "extract_quotes":
        from .quotes import extract_quotes

        return extract_quotes
    raise AttributeError(f"module 'iranstrikes' has no attribute {name!r}")
