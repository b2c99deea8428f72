"""Sourcing: who cites whom, through which intermediaries, and what each outlet left out.

What belongs here: summaries computed from a loaded corpus's ``quotes``, ``articles`` and
``propagation`` frames — the source mix of each outlet, the intermediary chain behind every
statement (outlet ← original outlet ← intermediary ← speaker), the quotes that travel between
outlets, and the sources and quotes an outlet did not carry although others did. No text
parsing happens here; every row keeps the ``quote_id``/``article_id`` keys that lead back to
the spans.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["source_mix", "chains", "chain_summary", "travelling_quotes", "omissions", "FIRST_HAND"]

FIRST_HAND = "first-hand"
ARROW = " ← "
UNKNOWN_OUTLET = "unknown outlet"
"""The outlet of an article whose outlet is not known (e.g. a folder without a manifest):
summaries count its quotes under this name instead of dropping them."""


def _outlets(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles with a missing or blank outlet named :data:`UNKNOWN_OUTLET`."""
    a = articles.copy()
    out = a["outlet"].astype("object")
    a["outlet"] = out.where(
        out.map(lambda v: isinstance(v, str) and v.strip() != ""), UNKNOWN_OUTLET
    )
    return a


def _speakers(corpus, q: pd.DataFrame) -> list:
    """Each quote's speaker by its canonical person (``people.name``), else as written."""
    people = getattr(corpus, "people", None)
    names = {}
    if people is not None and len(people):
        names = {k: v for k, v in zip(people["person_id"], people["name"], strict=True)
                 if isinstance(k, str) and isinstance(v, str)}  # fmt: skip
    return [
        names[p] if isinstance(p, str) and p in names else s
        for p, s in zip(q["person_id"], q["speaker"], strict=True)
    ]


def _quotes_with_outlets(corpus) -> pd.DataFrame:
    q = corpus.quotes
    cols = ["article_id", "outlet", "original_outlet", "published", "published_basis"]
    a = _outlets(corpus.articles[cols])
    out = q.merge(a, on="article_id", how="left")
    out["outlet"] = out["outlet"].fillna(UNKNOWN_OUTLET)
    if len(out):
        out["speaker"] = _speakers(corpus, out)
    return out


def source_mix(corpus) -> pd.DataFrame:
    """Per outlet: how many statements, from which kinds of source, in which form, second-hand.

    Args:
        corpus: A loaded :class:`~iranstrikes.corpus.Corpus`.

    Returns:
        One row per outlet (sorted): outlet, n_articles, n_quotes, counts and shares of
        speaker types (person, anonymous, institution, media, unknown), counts of quote kinds
        (direct, indirect, partial), n_via (statements that came through an intermediary)
        and share_via.
    """
    q = _quotes_with_outlets(corpus)
    arts = _outlets(corpus.articles).groupby("outlet").size().rename("n_articles")
    cols = ["person", "anonymous", "institution", "media", "unknown"]
    kinds = ["direct", "indirect", "partial"]
    if q.empty:
        out = pd.DataFrame({"outlet": arts.index, "n_articles": arts.to_numpy()})
        for c in ["n_quotes", *cols, *kinds, "n_via"]:
            out[c] = 0
        return out
    stype = q["speaker_type"].astype("object").where(q["speaker_type"].isin(cols[:-1]), "unknown")
    st = pd.crosstab(q["outlet"], stype).reindex(columns=cols, fill_value=0)
    kd = pd.crosstab(q["outlet"], q["kind"].astype("object").fillna("unknown"))
    kd = kd.reindex(columns=kinds, fill_value=0)
    via = q.assign(_v=q["via"].fillna("").ne("")).groupby("outlet")["_v"].sum().rename("n_via")
    out = pd.concat([arts, st, kd, via], axis=1).fillna(0)
    out["n_quotes"] = q.groupby("outlet").size().reindex(out.index, fill_value=0)
    for c in cols:
        out[f"share_{c}"] = (out[c] / out["n_quotes"].where(out["n_quotes"] > 0)).round(3)
    out["share_via"] = (out["n_via"] / out["n_quotes"].where(out["n_quotes"] > 0)).round(3)
    out = (
        out.reset_index(names="outlet").sort_values("outlet", kind="stable").reset_index(drop=True)
    )
    ints = ["n_articles", "n_quotes", *cols, *kinds, "n_via"]
    out[ints] = out[ints].astype("int64")
    return out[
        [
            "outlet",
            "n_articles",
            "n_quotes",
            *cols,
            *kinds,
            "n_via",
            *[f"share_{c}" for c in cols],
            "share_via",
        ]
    ]


def chains(corpus) -> pd.DataFrame:
    """The chain of hands behind every statement, as the articles themselves tell it.

    ``chain`` reads from the reader back to the source:
    ``outlet ← original outlet (reprints) ← intermediary (via) ← speaker``; links the
    article does not state are left out, never guessed.

    Returns:
        One row per quote: quote_id, article_id, outlet, original_outlet, via, speaker,
        speaker_type, kind, chain, n_hands (number of links between reader and speaker).
    """
    q = _quotes_with_outlets(corpus)
    rows = []
    for r in q.itertuples(index=False):
        links = [str(r.outlet)]
        if isinstance(r.original_outlet, str) and r.original_outlet:
            links.append(r.original_outlet)
        if isinstance(r.via, str) and r.via and r.via not in links:
            links.append(r.via)
        speaker = r.speaker if isinstance(r.speaker, str) and r.speaker else "(unattributed)"
        links.append(speaker)
        rows.append(
            {
                "quote_id": r.quote_id,
                "article_id": r.article_id,
                "outlet": r.outlet,
                "original_outlet": r.original_outlet,
                "via": r.via if isinstance(r.via, str) and r.via else FIRST_HAND,
                "speaker": speaker,
                "speaker_type": r.speaker_type,
                "kind": r.kind,
                "chain": ARROW.join(links),
                "n_hands": len(links) - 1,
            }
        )
    cols = [
        "quote_id",
        "article_id",
        "outlet",
        "original_outlet",
        "via",
        "speaker",
        "speaker_type",
        "kind",
        "chain",
        "n_hands",
    ]
    return pd.DataFrame(rows, columns=cols)


def chain_summary(corpus) -> pd.DataFrame:
    """Distinct chains with the number of statements that travelled along each, longest first."""
    c = chains(corpus)
    if c.empty:
        return pd.DataFrame(
            columns=["chain", "speaker_type", "n_hands", "n_statements", "quote_ids"]
        )
    g = (
        c.groupby(["chain", "speaker_type", "n_hands"], dropna=False)
        .agg(
            n_statements=("quote_id", "size"), quote_ids=("quote_id", lambda s: "|".join(sorted(s)))
        )
        .reset_index()
    )
    return g.sort_values(
        ["n_hands", "n_statements", "chain"], ascending=[False, False, True], kind="stable"
    ).reset_index(drop=True)


def travelling_quotes(corpus) -> pd.DataFrame:
    """Quotes carried by more than one article: who said it, who carried it, who was first.

    Returns:
        One row per quote group: quote_group, speaker (most frequent attribution), n_articles,
        outlets ("|" in date order), first_outlets, vias ("|"-joined distinct intermediaries),
        first_published, text (the first carrier's wording), quote_ids.
    """
    p = corpus.propagation
    cols = [
        "quote_group",
        "speaker",
        "n_articles",
        "outlets",
        "first_outlets",
        "vias",
        "first_published",
        "text",
        "quote_ids",
    ]
    if p.empty:
        return pd.DataFrame(columns=cols)
    text = dict(zip(corpus.quotes["quote_id"], corpus.quotes["quote"], strict=True))
    pid_of = dict(zip(corpus.quotes["quote_id"], corpus.quotes["person_id"], strict=True))
    rows = []
    for g, m in p.groupby("quote_group", sort=True):
        m = m.sort_values(["order", "article_id", "quote_id"], kind="stable")
        m = m.assign(person_id=m["quote_id"].map(pid_of))
        speakers = pd.Series(_speakers(corpus, m), index=m.index).dropna()
        rows.append(
            {
                "quote_group": g,
                "speaker": speakers.value_counts().sort_index().idxmax() if len(speakers) else None,
                "n_articles": m["article_id"].nunique(),
                "outlets": "|".join(dict.fromkeys(m["outlet"].fillna(UNKNOWN_OUTLET))),
                "first_outlets": "|".join(dict.fromkeys(m.loc[m["is_first"], "outlet"].dropna())),
                "vias": "|".join(sorted({v for v in m["via"].dropna() if v})),
                "first_published": m["published"].min(),
                "text": text.get(m["quote_id"].iloc[0]),
                "quote_ids": "|".join(m["quote_id"]),
            }
        )
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(
        ["n_articles", "first_published", "quote_group"],
        ascending=[False, True, True],
        kind="stable",
    ).reset_index(drop=True)


def omissions(corpus, *, min_outlets: int = 2) -> pd.DataFrame:
    """What each outlet left out: sources quoted by other outlets but not by this one.

    A source counts when at least ``min_outlets`` outlets quote them (so the gap is
    meaningful). Anonymous and named sources are both listed; the ``speaker_type`` column
    tells them apart.

    Returns:
        One row per (outlet, missing source): outlet, person_id, speaker, speaker_type,
        quoted_by (the outlets that did quote them, "|"-joined), n_quoted_by.
    """
    q = _quotes_with_outlets(corpus)
    cols = ["outlet", "person_id", "speaker", "speaker_type", "quoted_by", "n_quoted_by"]
    if q.empty:
        return pd.DataFrame(columns=cols)
    q = q[q["person_id"].notna()]
    names = dict(zip(corpus.people["person_id"], corpus.people["name"], strict=True))
    by_person = q.groupby("person_id")
    outlets = sorted(_outlets(corpus.articles)["outlet"].unique())
    rows = []
    for pid, m in by_person:
        carried = sorted(m["outlet"].unique())
        if len(carried) < min_outlets:
            continue
        stype = m["speaker_type"].mode().iloc[0] if m["speaker_type"].notna().any() else None
        for o in outlets:
            if o not in carried:
                rows.append(
                    {
                        "outlet": o,
                        "person_id": pid,
                        "speaker": names.get(pid, pid),
                        "speaker_type": stype,
                        "quoted_by": "|".join(carried),
                        "n_quoted_by": len(carried),
                    }
                )
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(
        ["outlet", "n_quoted_by", "speaker"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)
