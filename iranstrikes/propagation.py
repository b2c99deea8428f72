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

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from . import schema

__all__ = [
    "normalise_quote",
    "group_quotes",
    "attach_propagation",
    "SHINGLE",
    "THRESHOLD",
    "MAX_BUCKET",
]

SHINGLE = 4
THRESHOLD = 85.0
MAX_BUCKET = 200
MIN_WORDS = 5
_BRACKETS = re.compile(r"\s*[\[(][^\])]{0,60}[\])]")
_WORD_RUN = re.compile(r"\w+")


def normalise_quote(text: str) -> str:
    """Fold a quote for comparison: case, punctuation, bracketed insertions, spacing.

    The words of the folded text are its maximal runs of word characters, joined by one space
    (the same as replacing every run of other characters by a space and collapsing spaces).
    """
    s = text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)
    if "[" in s or "(" in s:
        s = _BRACKETS.sub(" ", s)
    return " ".join(_WORD_RUN.findall(s.casefold()))


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

    # Identical normalised texts form one class, compared once through a representative:
    # a class with members in two or more articles is connected as a whole (any two members
    # from different articles are identical, hence similar), and a one-article class has the
    # same similarities to every other quote as each of its members, so its members join
    # whatever its representative joins. Bucket sizes still count every member, so MAX_BUCKET
    # skips exactly the buckets it skipped when every quote was compared with every other.
    classes: dict[str, list[int]] = {}
    for i in order:
        i = int(i)
        classes.setdefault(norm[i], []).append(i)
    rep_of: dict[int, int] = {}
    multi: set[int] = set()  # representatives of classes spanning several articles
    for members in classes.values():
        r = members[0]
        for i in members:
            rep_of[i] = r
        if len({articles[i] for i in members}) > 1:
            multi.add(r)
    size = {members[0]: len(members) for members in classes.values()}
    buckets: dict[int, list[int]] = defaultdict(list)
    shingles_of: dict[int, list[int]] = {}
    for text, members in classes.items():
        words = text.split()
        if len(words) < MIN_WORDS:
            continue
        r = members[0]
        hs = [
            zlib.crc32(" ".join(words[k : k + SHINGLE]).encode())
            for k in range(len(words) - SHINGLE + 1)
        ]
        shingles_of[r] = hs
        for h in hs:
            buckets[h].append(r)
    total = {h: sum(size[r] for r in reps) for h, reps in buckets.items()}
    for r in multi:  # its members meet in any bucket that is not skipped
        if any(total[h] <= MAX_BUCKET for h in shingles_of.get(r, ())):
            for i in classes[norm[r]][1:]:
                parent[i] = r
    compared: set[tuple[int, int]] = set()
    joined: set[int] = set()
    for h, reps in buckets.items():
        if len(reps) < 2 or total[h] > MAX_BUCKET:
            continue
        for x in range(len(reps)):
            for y in range(x + 1, len(reps)):
                i, j = reps[x], reps[y]
                if articles[i] == articles[j] and i not in multi and j not in multi:
                    continue  # no pair of members from different articles
                if find(i) == find(j):
                    joined.update((i, j))
                    continue
                key = (i, j) if i < j else (j, i)
                if key in compared:
                    continue
                compared.add(key)
                if _similar(norm[i], norm[j]) >= THRESHOLD:
                    a, b = find(i), find(j)
                    parent[max(a, b)] = min(a, b)
                    joined.update((i, j))
    for members in classes.values():
        r = members[0]
        if r in joined and r not in multi:
            for i in members[1:]:
                a, b = find(i), find(r)
                parent[max(a, b)] = min(a, b)
    roots = [find(i) for i in range(n)]
    first_of: dict[int, int] = {}
    for i in order:
        first_of.setdefault(roots[i], int(i))
    position = {int(i): k for k, i in enumerate(order)}
    numbering = {
        root: k for k, root in enumerate(sorted(first_of, key=lambda r: position[first_of[r]]))
    }
    groups = [f"g{numbering[roots[i]]:05d}" for i in range(n)]
    sims = [
        100.0
        if first_of[roots[i]] == i or norm[i] == norm[first_of[roots[i]]]
        else _similar(norm[i], norm[first_of[roots[i]]])
        for i in range(n)
    ]
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
    # Vectorised over all groups at once (one sort, grouped ranks) rather than per group.
    arts = corpus.articles.drop_duplicates("article_id").set_index("article_id")
    m = q.assign(_sim=sims)
    spread = m.groupby("quote_group", sort=False)["article_id"].transform("nunique")
    m = m[spread >= 2]
    if m.empty:
        corpus.propagation = schema.empty("propagation")
        return
    m = m.assign(
        outlet=m["article_id"].map(arts["outlet"]),
        published=m["article_id"].map(arts["published"]),
        published_basis=m["article_id"].map(arts["published_basis"]),
    )
    m = _sort_within_groups(m)
    by = m.groupby("quote_group", sort=False)["published"]
    ranks = by.rank(method="dense", na_option="keep") - 1
    first = by.transform("min")
    size = m.groupby("quote_group", sort=False)["quote_id"].transform("size")
    order = [int(r) if pd.notna(r) else int(n) for r, n in zip(ranks, size, strict=True)]
    is_first = (first.notna() & (m["published"] == first)).fillna(False).astype(bool)
    out = pd.DataFrame(
        {
            "quote_group": m["quote_group"].to_numpy(),
            "quote_id": m["quote_id"].to_numpy(),
            "article_id": m["article_id"].to_numpy(),
            "outlet": m["outlet"].to_numpy(),
            "speaker": m["speaker"].to_numpy(),
            "via": m["via"].to_numpy(),
            "via_chain": (
                m["via_chain"].to_numpy() if "via_chain" in m else np.full(len(m), "", dtype=object)
            ),
            "published": m["published"].to_numpy(),
            "published_basis": m["published_basis"].to_numpy(),
            "order": order,
            "is_first": is_first.to_numpy(),
            "similarity": m["_sim"].to_numpy(),
        }
    )
    corpus.propagation = schema.conform("propagation", out)


def _sort_within_groups(m: pd.DataFrame) -> pd.DataFrame:
    """Rows grouped by quote_group (sorted), each ordered by date (undated last), article, offset.

    Ties keep their order: one stable multi-key sort.
    """
    key = m.assign(_undated=m["published"].isna())
    key = key.sort_values(
        ["quote_group", "_undated", "published", "article_id", "start"],
        kind="stable",
        na_position="last",
    )
    return key.drop(columns="_undated")
