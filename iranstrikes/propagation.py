"""Quote propagation: the same words carried by several outlets.

What belongs here: grouping near-identical quotes across articles (``quotes.quote_group``) and
the ``propagation`` frame (which outlets carried each group, through which intermediary, and
which carried it first by date). A cross-article step.

It never compares all pairs: quotes are indexed by hashed word shingles (blocking); only quotes
that share a shingle are compared with rapidfuzz, and shingles shared by more than
:data:`MAX_BUCKET` quotes (boilerplate) are ignored. Cost grows with the number of quotes, not
its square.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import defaultdict

import pandas as pd
from rapidfuzz import fuzz

from . import schema

__all__ = ["normalise_quote", "group_quotes", "attach_propagation", "SHINGLE", "THRESHOLD", "MAX_BUCKET"]

SHINGLE = 4
THRESHOLD = 85.0
MAX_BUCKET = 200
MIN_WORDS = 5
_BRACKETS = re.compile(r"\s*[\[(][^\])]{0,60}[\])]")
_NONWORD = re.compile(r"[^\w\s]+")


def normalise_quote(text: str) -> str:
    """Fold a quote for comparison: case, punctuation, bracketed insertions, spacing."""
    s = unicodedata.normalize("NFKC", text)
    s = _BRACKETS.sub(" ", s)
    s = s.replace("’", "'").casefold()
    s = _NONWORD.sub(" ", s)
    return " ".join(s.split())


def _similar(a: str, b: str) -> float:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    score = fuzz.ratio(a, b)
    if len(short) >= 0.5 * len(long_):
        score = max(score, fuzz.partial_ratio(short, long_))
    return float(score)


def group_quotes(quotes: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Give near-identical quotes the same group id.

    Args:
        quotes: Frame with ``quote_id``, ``article_id`` and ``quote``.

    Returns:
        (group id per row, similarity to the group's first member per row), indexed like
        ``quotes``. Group ids are ``g<NNNNN>`` numbered in order of each group's first quote id.
    """
    n = len(quotes)
    if n == 0:
        return pd.Series([], dtype="string"), pd.Series([], dtype="Float64")
    order = quotes["quote_id"].astype(str).argsort(kind="stable").to_numpy()
    norm = [normalise_quote(str(t)) for t in quotes["quote"]]
    articles = quotes["article_id"].astype(str).tolist()
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[int, list[int]] = defaultdict(list)
    for i in order:
        words = norm[i].split()
        if len(words) < MIN_WORDS:
            continue
        for k in range(len(words) - SHINGLE + 1):
            buckets[zlib.crc32(" ".join(words[k : k + SHINGLE]).encode())].append(int(i))
    compared: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2 or len(members) > MAX_BUCKET:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if articles[i] == articles[j] or (i, j) in compared:
                    continue
                compared.add((i, j))
                if find(i) != find(j) and _similar(norm[i], norm[j]) >= THRESHOLD:
                    a, b = find(i), find(j)
                    parent[max(a, b)] = min(a, b)
    roots = [find(i) for i in range(n)]
    first_of: dict[int, int] = {}
    for i in order:
        first_of.setdefault(roots[i], int(i))
    position = {int(i): k for k, i in enumerate(order)}
    numbering = {root: k for k, root in enumerate(sorted(first_of, key=lambda r: position[first_of[r]]))}
    groups = [f"g{numbering[roots[i]]:05d}" for i in range(n)]
    sims = [100.0 if first_of[roots[i]] == i else _similar(norm[i], norm[first_of[roots[i]]]) for i in range(n)]
    return (
        pd.Series(groups, index=quotes.index, dtype="string"),
        pd.Series(sims, index=quotes.index, dtype="Float64"),
    )


def attach_propagation(corpus) -> None:
    """Cross-article step: set ``quotes.quote_group`` and build ``corpus.propagation``."""
    q = corpus.quotes
    if q.empty:
        corpus.propagation = schema.empty("propagation")
        return
    groups, sims = group_quotes(q)
    q = q.copy()
    q["quote_group"] = groups
    corpus.quotes = q
    arts = corpus.articles.set_index("article_id")
    rows = []
    for g, members in q.assign(_sim=sims).groupby("quote_group", sort=True):
        if members["article_id"].nunique() < 2:
            continue
        m = members.copy()
        m["outlet"] = m["article_id"].map(arts["outlet"])
        m["published"] = m["article_id"].map(arts["published"])
        m["published_basis"] = m["article_id"].map(arts["published_basis"])
        m = m.sort_values(["published", "article_id", "start"], na_position="last", kind="stable")
        dates = m["published"]
        first = dates.min()
        ranks = dates.rank(method="dense", na_option="keep") - 1
        for (_, r), rank in zip(m.iterrows(), ranks, strict=True):
            rows.append(
                {
                    "quote_group": g,
                    "quote_id": r["quote_id"],
                    "article_id": r["article_id"],
                    "outlet": r["outlet"],
                    "speaker": r["speaker"],
                    "via": r["via"],
                    "published": r["published"],
                    "published_basis": r["published_basis"],
                    "order": int(rank) if pd.notna(rank) else len(m),
                    "is_first": bool(pd.notna(first) and r["published"] == first),
                    "similarity": r["_sim"],
                }
            )
    corpus.propagation = schema.conform("propagation", pd.DataFrame(rows) if rows else None)
