"""Cross-article steps that need more than one article: claims and chronology.

What belongs here: attaching the codebook's stances, suggestions, contradictions, headline
support and later context (:func:`_attach_claims`), and the corpus chronology (inferred
publication dates, re-dating their events, canonical actors, conflicts, merged timeline).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import schema
from .article import _events_frame
from .files import _problem
from .frames import Corpus
from .guard import DEFAULT_LIMITS, Clock
from .stage import _chunk_size, _chunks, _map_chunks


def _attach_claims(corpus: Corpus, folder: Path) -> None:
    """Cross-article claims.

    Codebook stances (if the folder has a codebook), automatic suggestions for statements it
    does not cover, contradictions and headline support.
    """
    from .. import claims

    problems = []
    codebook = folder / "codebook.yaml"
    coded = None
    corpus.coding_rules = schema.empty("coding_rules")

    def invalid(message: str) -> None:
        problems.append(_problem("codebook.yaml", None, "error", "codebook-invalid", message))

    if codebook.exists():
        try:
            props, codings = claims.load_codebook(codebook)
        except claims.CodebookError as exc:
            invalid(f"codebook.yaml was not used: {exc}")
            props, codings = None, None
        if props is not None:
            try:
                rules = claims.load_coding_rules(codebook)
            except claims.CodebookError as exc:
                invalid(f"The coding rules of codebook.yaml were not used: {exc}")
            else:
                corpus.coding_rules = schema.conform("coding_rules", rules)
        if codings is not None:
            known = set(corpus.articles["article_id"])
            missing = sorted(set(codings["article"]) - known) if "article" in codings else []
            for aid in missing:
                problems.append(
                    _problem(
                        "codebook.yaml",
                        aid,
                        "warning",
                        "codebook-unknown-article",
                        f"codebook.yaml codes article {aid!r}, which is not in this corpus; those codings were skipped.",
                    )
                )
            if "article" in codings:
                codings = codings[codings["article"].isin(known)]
            located, evidence_problems = claims.locate_evidence(codings, corpus.articles)
            for r in evidence_problems.to_dict("records"):
                problems.append(
                    _problem(
                        "codebook.yaml",
                        r.get("article_id"),
                        r.get("severity", "warning"),
                        r.get("code", "evidence-not-found"),
                        r.get("message", ""),
                    )
                )
            coded = claims.code_stances(codings, corpus.quotes, corpus.articles, corpus.people)
    else:
        props = None
    if props is None:
        props = schema.empty("propositions")
    corpus.propositions = props
    if len(props) and len(corpus.quotes):
        auto = claims.suggest_stances(corpus.quotes, props, exclude=coded, articles=corpus.articles)
    else:
        auto = None
    if coded is not None and auto is not None:
        stances = claims.combine_stances(coded, auto)
    else:
        stances = coded if coded is not None else auto
    corpus.stances = (
        schema.conform("stances", stances) if stances is not None else schema.empty("stances")
    )
    corpus.contradictions = claims.find_contradictions(corpus.stances, corpus.events)
    corpus.headline_support = claims.headline_support(corpus.stances, corpus.articles)
    ctx = folder / "context.yaml"
    corpus.context = pd.DataFrame()
    if ctx.exists():
        try:
            corpus.context = claims.load_context(ctx)
        except claims.CodebookError as exc:
            problems.append(
                _problem(
                    "context.yaml",
                    None,
                    "error",
                    "context-invalid",
                    f"context.yaml was not used: {exc}",
                )
            )
    if problems:
        corpus.problems = schema.conform(
            "problems", pd.concat([corpus.problems, pd.DataFrame(problems)], ignore_index=True)
        )


_MIN_PARALLEL_REDATE = 64  # fewer articles to re-date than this: in the loader's process


def _redate_chunk(tasks: list[tuple]) -> list[dict]:
    """The event records of articles given a new publication date, for the engine's workers.

    Each task holds the arguments of :func:`chronology._event_records` for one article.
    Each article runs in the same guard as in the per-article stage (default limits): a text
    longer than the extraction cap, a spent budget or an exception gives no events for that
    article (the per-article stage has already reported it), never a failed load.
    """
    from ..chronology import _event_records

    out = []
    for t in tasks:
        body = t[1]
        cap = DEFAULT_LIMITS.max_extract_chars
        if cap is not None and len(body) > cap:
            continue
        clock = Clock(DEFAULT_LIMITS)
        try:
            with clock.alarm():
                out += _event_records(*t)
        except Exception:  # noqa: BLE001, S112 - BudgetExceeded or a bug: reported by the stage
            continue
    return out


def _attach_chronology(
    corpus: Corpus, folder: Path, engine: str = "serial", workers: int | None = None
) -> None:
    """Cross-article chronology: infer undated articles, re-date them, conflicts, timeline."""
    from .. import chronology
    from ..people import EntityMatcher, load_aliases

    events = corpus.events if len(corpus.events) else schema.empty("events")
    corpus.events = None  # (set again below: meanwhile one copy of the events, not two)
    arts = corpus.articles
    inferred = chronology.infer_publication_dates(arts, events) if len(arts) else pd.DataFrame()
    if len(inferred):
        inferred = inferred[inferred["published_basis"] == "inferred"]
    if len(inferred):
        a = arts.set_index("article_id")
        # One vectorised assignment per column (not four .loc writes per inferred article).
        inf = inferred.drop_duplicates("article_id", keep="last").set_index("article_id")
        rows = a.index.isin(inf.index)
        for col in ("published", "published_latest", "published_evidence"):
            a.loc[rows, col] = inf[col].reindex(a.index[rows]).to_numpy()
        a.loc[rows, "published_basis"] = "inferred"
        redo = [
            aid
            for aid, pl in zip(inferred["article_id"], inferred["published_latest"], strict=True)
            if not pd.isna(pl)
        ]
        corpus.articles = schema.conform("articles", a.reset_index())
        if redo:
            # Per-article work again (pure, on the loader's engine), now with the inferred date.
            q = corpus.quotes
            q_rows = q.groupby("article_id", sort=False).indices if len(q) else {}
            q_cols = (
                {
                    c: q[c].tolist()
                    for c in (
                        "quote_id",
                        "article_id",
                        "start",
                        "end",
                        "cue_start",
                        "cue_end",
                        "speaker",
                    )
                }
                if len(q)
                else {}
            )

            def quote_lists(aid: str) -> dict[str, list] | None:
                rows = q_rows.get(aid)
                return (
                    None if rows is None else {c: [v[k] for k in rows] for c, v in q_cols.items()}
                )

            tasks = [
                (
                    aid,
                    str(a.loc[aid, "body"]),
                    a.loc[aid, "published"],
                    a.loc[aid, "published_latest"],
                    "inferred",
                    quote_lists(aid),
                )
                for aid in redo
            ]
            if engine != "serial" and len(tasks) < _MIN_PARALLEL_REDATE:
                engine = "serial"  # (starting workers costs more than it saves)
            done = _map_chunks(
                _redate_chunk,
                _chunks(tasks, _chunk_size(len(tasks), engine, workers)),
                engine,
                False,
                workers,
            )
            fresh = _events_frame([rec for c in done for rec in c])
            events = pd.concat([events[~events["article_id"].isin(redo)], fresh], ignore_index=True)
    # Canonical actors: the quote's person when the event is a statement, else the actor's name.
    matcher = EntityMatcher(load_aliases(folder)[0])
    by_quote = (
        dict(
            zip(
                corpus.quotes["quote_id"].tolist(), corpus.quotes["person_id"].tolist(), strict=True
            )
        )
        if len(corpus.quotes)
        else {}
    )
    # an event whose actor is named as a quote of its article names its speaker (the text
    # model's entity): the same person id as that speaker's
    by_speaker: dict[tuple[str, str], object] = {}
    if len(corpus.quotes):
        for aid, sp, qpid in zip(
            corpus.quotes["article_id"].tolist(),
            corpus.quotes["speaker"].tolist(),
            corpus.quotes["person_id"].tolist(),
            strict=True,
        ):
            if isinstance(sp, str) and sp and not pd.isna(qpid):
                by_speaker.setdefault((str(aid), sp), qpid)
    matched: dict[str, str | None] = {}  # actor -> person id (a corpus repeats its actors)
    pids = []
    for qid, actor, aid in zip(
        events["quote_id"].tolist(),
        events["actor"].tolist(),
        events["article_id"].tolist(),
        strict=True,
    ):
        pid = by_quote.get(qid) if isinstance(qid, str) and qid else None
        if (pid is None or pd.isna(pid)) and isinstance(actor, str) and actor:
            pid = by_speaker.get((str(aid), actor))
        if pid is None or pd.isna(pid):
            if isinstance(actor, str):
                pid = matched.get(actor, "")
                if pid == "":
                    pid = matched[actor] = matcher.match(actor)[0]
            else:
                pid = None
        pids.append(pid)
    events = events.assign(person_id=pd.array(pids, dtype="string"))
    events = events.sort_values(["article_id", "event_id"], kind="stable").reset_index(drop=True)
    corpus.events = schema.conform("events", events)
    grouping = chronology.group_events(corpus.events, corpus.people) if len(corpus.events) else None
    corpus.conflicts = schema.conform(
        "conflicts", chronology.find_conflicts(corpus.events, corpus.people, grouping=grouping)
    )
    timeline = chronology.merge_timeline(corpus.events, corpus.people, grouping=grouping)
    outlets = {
        a: str(o)
        for a, o in zip(
            corpus.articles["article_id"].tolist(), corpus.articles["outlet"].tolist(), strict=True
        )
        if not pd.isna(o)
    }
    if len(timeline):
        timeline["outlets"] = [
            "|".join(sorted({outlets[x] for x in str(ids).split("|") if x in outlets}))
            for ids in timeline["article_ids"].tolist()
        ]
        # Show canonical names, not ids, for actors that are known people or groups.
        names = dict(zip(corpus.people["person_id"], corpus.people["name"], strict=True))
        timeline["actor"] = [
            names.get(a, a) if isinstance(a, str) else a for a in timeline["actor"]
        ]
    corpus.timeline = schema.conform("timeline", timeline)
