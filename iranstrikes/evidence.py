"""Evidence: the exact words behind every finding, in context, ready for close reading.

What belongs here: read-only views that join a corpus's frames back to their text spans for
the notebooks — a span in its sentence context, the statements coded on each proposition with
their exact words, stance pivots, contradictions summarised by speaker pair, the dates of
conflicting reports with the words that say so, and the agreement of the automatic stance
rules with the codebook. Nothing here extracts or decides anything new.
"""

from __future__ import annotations

import pandas as pd

__all__ = [
    "in_context",
    "stance_pivot",
    "close_reading",
    "contradiction_summary",
    "conflict_evidence",
    "dated_statements",
    "auto_vs_codebook",
    "schema_overview",
    "dating_counts",
]

SOURCE_TYPES = ("person", "anonymous", "institution")


def in_context(corpus, article_id: str, start: int, end: int, width: int = 60) -> str:
    """The span ``body[start:end]`` with ``width`` characters either side, the span in [brackets].

    Args:
        corpus: A loaded corpus.
        article_id: Article.
        start: Span start (offset into the body).
        end: Span end.
        width: Characters of context either side.
    """
    body = str(corpus.article(article_id)["body"])
    s, e = int(start), int(end)
    left = body[max(0, s - width) : s].replace("\n", " ")
    right = body[e : e + width].replace("\n", " ")
    return f"…{left}[{body[s:e]}]{right}…"


def _canonical_speaker(corpus, s: pd.DataFrame) -> pd.DataFrame:
    """``s`` with ``speaker`` replaced by the canonical person's name where ``person_id`` is set.

    Two spellings of one person (matched through the corpus's aliases) become one row of a
    pivot; statements without a person keep the speaker as written.
    """
    if "person_id" not in s.columns or corpus.people is None or corpus.people.empty:
        return s
    names = dict(zip(corpus.people["person_id"], corpus.people["name"], strict=True))
    canonical = s["person_id"].map(names)
    return s.assign(speaker=canonical.where(canonical.notna(), s["speaker"]))


def stance_pivot(
    corpus, *, speaker_types=SOURCE_TYPES, source: str | None = "codebook"
) -> pd.DataFrame:
    """Speakers × propositions: each cell lists the distinct stances taken ("denies", "affirms|neither").

    Args:
        corpus: A loaded corpus.
        speaker_types: Which speaker types to include (default: sources, not headlines or media).
        source: "codebook", "auto" or None for both.
    """
    s = corpus.stances
    if source is not None:
        s = s[s["source"] == source]
    s = _canonical_speaker(corpus, s[s["speaker_type"].isin(list(speaker_types))])
    if s.empty:
        return pd.DataFrame()
    p = s.pivot_table(
        index=["speaker", "speaker_type"],
        columns="proposition_id",
        values="stance",
        aggfunc=lambda v: "|".join(sorted(set(v))),
        fill_value="",
    )
    p.columns.name = None
    return (
        p.reset_index()
        .sort_values(["speaker_type", "speaker"], kind="stable")
        .reset_index(drop=True)
    )


def close_reading(
    corpus, proposition_id: str | None = None, *, speaker_types=SOURCE_TYPES
) -> pd.DataFrame:
    """The exact words of every coded statement, with the coder's rationale.

    Returns:
        speaker, speaker_type, proposition_id, stance, form, evidence, rationale, article_id,
        outlet — sorted by proposition, speaker, article.
    """
    s = corpus.stances
    s = s[(s["source"] == "codebook") & s["speaker_type"].isin(list(speaker_types))]
    s = _canonical_speaker(corpus, s)
    if proposition_id is not None:
        s = s[s["proposition_id"] == proposition_id]
    outlets = dict(zip(corpus.articles["article_id"], corpus.articles["outlet"], strict=True))
    out = s.assign(outlet=s["article_id"].map(outlets))
    cols = [
        "speaker",
        "speaker_type",
        "proposition_id",
        "stance",
        "form",
        "evidence",
        "rationale",
        "article_id",
        "outlet",
    ]
    cols = [c for c in cols if c in out.columns]
    return (
        out[cols]
        .sort_values(["proposition_id", "speaker", "article_id"], kind="stable")
        .reset_index(drop=True)
    )


def contradiction_summary(corpus, *, speaker_types=SOURCE_TYPES) -> pd.DataFrame:
    """Contradictions between sources, one row per proposition and speaker pair.

    Returns:
        proposition_id, speaker_affirms, type_affirms, speaker_denies, type_denies, n_pairs,
        dates_affirms, dates_denies (distinct statement days, "|"-joined), articles.
    """
    c = corpus.contradictions
    cols = [
        "proposition_id",
        "speaker_affirms",
        "type_affirms",
        "speaker_denies",
        "type_denies",
        "n_pairs",
        "dates_affirms",
        "dates_denies",
        "articles",
    ]
    if c is None or c.empty:
        return pd.DataFrame(columns=cols)
    c = c[
        c["speaker_type_a"].isin(list(speaker_types))
        & c["speaker_type_b"].isin(list(speaker_types))
    ]

    def days(series) -> str:
        vals = sorted({pd.Timestamp(v).strftime("%Y-%m-%d") for v in series.dropna()})
        return "|".join(vals)

    rows = []
    for (pid, a, ta, b, tb), g in c.groupby(
        ["proposition_id", "speaker_a", "speaker_type_a", "speaker_b", "speaker_type_b"], sort=True
    ):
        rows.append(
            {
                "proposition_id": pid,
                "speaker_affirms": a,
                "type_affirms": ta,
                "speaker_denies": b,
                "type_denies": tb,
                "n_pairs": len(g),
                "dates_affirms": days(g["date_start_a"]),
                "dates_denies": days(g["date_start_b"]),
                "articles": "|".join(sorted(set(g["article_id_a"]) | set(g["article_id_b"]))),
            }
        )
    return pd.DataFrame(rows, columns=cols)


def conflict_evidence(corpus, width: int = 60) -> pd.DataFrame:
    """Each date expression involved in a conflict, with its resolved date and its context.

    Returns:
        conflict_id, event_id, article_id, actor, date_text, date_start, date_end, basis,
        context (the words around the date expression).
    """
    cols = [
        "conflict_id",
        "event_id",
        "article_id",
        "actor",
        "date_text",
        "date_start",
        "date_end",
        "basis",
        "context",
    ]
    if corpus.conflicts.empty:
        return pd.DataFrame(columns=cols)
    ev = corpus.events.set_index("event_id")
    rows = []
    for cid, ids in zip(
        corpus.conflicts["conflict_id"], corpus.conflicts["event_ids"], strict=True
    ):
        for eid in str(ids).split("|"):
            if eid not in ev.index:
                continue
            e = ev.loc[eid]
            ctx = (
                in_context(corpus, e["article_id"], e["date_text_start"], e["date_text_end"], width)
                if pd.notna(e["date_text_start"])
                else ""
            )
            rows.append(
                {
                    "conflict_id": cid,
                    "event_id": eid,
                    "article_id": e["article_id"],
                    "actor": e["actor"],
                    "date_text": e["date_text"],
                    "date_start": e["date_start"],
                    "date_end": e["date_end"],
                    "basis": e["basis"],
                    "context": ctx,
                }
            )
    return pd.DataFrame(rows, columns=cols)


def dated_statements(corpus) -> pd.DataFrame:
    """Statements with a resolved date, with how the date was obtained (earliest first).

    Returns:
        date_start, date_end, actor, person_id, date_text, basis, confidence, article_id,
        outlet, quote_id.
    """
    e = corpus.events
    e = e[(e["kind"] == "statement") & e["date_start"].notna()]
    outlets = dict(zip(corpus.articles["article_id"], corpus.articles["outlet"], strict=True))
    e = e.assign(outlet=e["article_id"].map(outlets))
    cols = [
        "date_start",
        "date_end",
        "actor",
        "person_id",
        "date_text",
        "basis",
        "confidence",
        "article_id",
        "outlet",
        "quote_id",
    ]
    return (
        e[cols]
        .sort_values(["date_start", "date_end", "article_id", "quote_id"], kind="stable")
        .reset_index(drop=True)
    )


def auto_vs_codebook(corpus) -> dict:
    """Score the automatic stance rules against the codebook on this corpus.

    Runs the rules on every quote (not only those the codebook leaves uncovered) and compares
    them with the codebook's stances (see :func:`iranstrikes.claims.score_suggestions`).

    Returns:
        The score dict: n_codebook, n_auto, n_matched, coverage, agreement, confusion, …;
        empty when the corpus has no codebook.
    """
    from . import claims

    coded = corpus.stances[corpus.stances["source"] == "codebook"]
    if coded.empty or corpus.propositions.empty:
        return {}
    auto = claims.suggest_stances(corpus.quotes, corpus.propositions, articles=corpus.articles)
    return claims.score_suggestions(auto, coded)


def schema_overview() -> pd.DataFrame:
    """The frames of a corpus: name, number of columns, meaning (from the schema module)."""
    from .schema import FRAMES

    return pd.DataFrame(
        [
            {"frame": f.name, "columns": len(f.columns), "one row per / meaning": f.description}
            for f in FRAMES.values()
        ]
    )


def dating_counts(corpus) -> pd.Series:
    """How many events were dated to an exact day, to an interval, or not at all."""
    e = corpus.events
    kind = pd.Series("not dated", index=e.index, dtype="object")
    kind[e["date_start"].notna() & (e["date_start"] == e["date_end"])] = "exact day"
    kind[e["date_start"].notna() & (e["date_start"] < e["date_end"])] = "interval"
    counts = kind.value_counts().reindex(["exact day", "interval", "not dated"], fill_value=0)
    counts.name = "events"
    return counts
