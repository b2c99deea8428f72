"""Reader tables: every view of the corpus a student reads, in words.

What belongs here: the finding (:func:`finding_sentences`, :func:`headline_exhibit`), the
articles and dates, stances and close reading, sourcing summaries, problems and the corpus
summary — each a :class:`~iranstrikes.reader.words.Table` built from the frames, nothing
decided here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from .words import (
    SOURCE_TYPES,
    Table,
    _blank,
    _frame,
    _join,
    article_labels,
    article_refs_in_words,
    claim_names,
    claims_key,
    coding_rules,
    confidence_words,
    day,
    day_range,
    proposition_labels,
    rule_refs_in_words,
    sentence_around,
    speaker_names,
    words,
)


# --------------------------------------------------------------------------------------
# The finding: what the headline says vs what was said
# --------------------------------------------------------------------------------------
def _date_basis_words(basis: Any) -> str:
    """How an event's date was worked out, in words.

    ``published:url`` reads "counted from the day the article was published (printed in the
    web address)".
    """
    if _blank(basis):
        return words("basis", "none")
    head, _, tail = str(basis).partition(":")
    if head == "published" and tail:
        return f"{words('basis', 'published')} ({words('basis', tail)})"
    return words("basis", basis)


def _speaker_with_kind(name: str, speaker_type: Any) -> str:
    return f"{name} — {words('speaker_type', speaker_type) or 'not known'}"


_VERB = {"affirms": ("says yes to", "say yes to"), "denies": ("says no to", "say no to"),
         "neither": ("takes no side on", "take no side on")}  # fmt: skip


def finding_sentences(corpus: Any, keys: Sequence[tuple[str, str]] | None = None) -> list[str]:
    """The finding of the headline-versus-sources comparison, in sentences.

    Computed from ``headline_support`` and ``stances`` only: for each claim a headline
    makes, how many headlines make it, what backs them, and which named sources (people and
    institutions on the record) anywhere in the corpus said the same. Empty when no headline
    is coded. ``keys`` limits them to some ``(proposition_id, headline_stance)`` pairs.
    """
    hs = _frame(corpus, "headline_support")
    if hs.empty:
        return []
    names = claim_names(corpus)
    st = _coded(corpus, ("person", "institution"))
    total = hs["article_id"].nunique()
    out = []
    for (pid, stance), g in hs.groupby(["proposition_id", "headline_stance"], sort=True):
        if keys is not None and (pid, stance) not in keys:
            continue
        one, many = _VERB.get(str(stance), (f"{stance}", f"{stance}"))
        n = g["article_id"].nunique()
        claim = names.get(str(pid), str(pid))
        text = f"{n} of {total} headlines {one if n == 1 else many} {claim}."
        verdicts = list(g["verdict"])
        if all(v == "rests only on anonymous source(s)" for v in verdicts):
            text += (
                " It rests only on an unnamed source."
                if n == 1
                else (" Each of them rests only on an unnamed source.")
            )
        elif all(v == "supported on the record" for v in verdicts):
            text += " It is backed on the record." if n == 1 else " Each is backed on the record."
        else:
            counts = pd.Series(verdicts).value_counts()
            text += " " + "; ".join(f"{k}: {int(c)}" for k, c in counts.items()) + "."
        same = st[(st["proposition_id"] == pid) & (st["stance"] == stance)] if len(st) else st
        who = sorted(set(same["_name"])) if len(same) else []
        if who:
            text += f" Named sources in these articles who {many} {claim}: {', '.join(who)}."
        else:
            text += f" No named person or institution in these articles {one} {claim}."
        out.append(text)
    return out


def finding(corpus: Any) -> Table:
    """The finding in sentences, under the numbered claims it is about.

    See :func:`finding_sentences`.
    """
    sentences = finding_sentences(corpus)
    if not sentences:
        return Table(pd.DataFrame(), note="No headline is coded, so there is no headline finding.")
    key = claims_key(corpus).data
    used = {
        claim_names(corpus)[p].capitalize()
        for p in _frame(corpus, "headline_support")["proposition_id"]
    }
    return Table(key[key["Claim"].isin(used)], note=" ".join(sentences))


def headline_exhibit(corpus: Any) -> Table:
    """What each headline says vs. what its own article's sources said.

    One row per headline claim (``corpus.headline_support``): the article in words, the full
    headline, what it claims (stance in words + the proposition), the exact words in the body
    that back it, who said them (named or unnamed), and the verdict in words.

    Args:
        corpus: A loaded corpus.

    Returns:
        A :class:`Table`; its ``data`` keeps ``article_id``/``proposition_id`` out of sight.
    """
    hs = _frame(corpus, "headline_support")
    cols = ["Article", "Headline", "What the headline claims", "The words behind it",
            "Who said them", "Verdict"]  # fmt: skip
    if hs.empty:
        return Table(
            pd.DataFrame(columns=cols),
            note="No headline is coded in this corpus's codebook, so there is nothing to compare.",
        )
    labels, props = article_labels(corpus), proposition_labels(corpus)
    st = _frame(corpus, "stances")
    arts = _frame(corpus, "articles").set_index("article_id")
    rows = []
    for r in hs.itertuples(index=False):
        sup = st[
            (st["article_id"] == r.article_id)
            & (st["proposition_id"] == r.proposition_id)
            & (st["stance"] == r.headline_stance)
            & st["speaker_type"].isin(SOURCE_TYPES)
        ]
        names = speaker_names(corpus, sup) if len(sup) else []
        speakers = dict.fromkeys(
            _speaker_with_kind(n, t) for n, t in zip(names, sup["speaker_type"], strict=True)
        )
        who = _join(f"• {w}" if len(speakers) > 1 else w for w in speakers)
        said = _join(f"• “{e}”" for e in sup["evidence"])
        headline = arts["headline"].get(r.article_id) if "headline" in arts else None
        shown = headline if isinstance(headline, str) and headline.strip() else r.headline_text
        if r.headline_kind == "lede":
            shown = f"(no headline; its opening sentence) {shown}"
        rows.append(
            {
                "Article": labels.get(str(r.article_id), str(r.article_id)),
                "Headline": shown,
                "What the headline claims": f"{words('stance', r.headline_stance).capitalize()}: "
                f"{props.get(str(r.proposition_id), str(r.proposition_id))}",
                "The words behind it": said or "No source in the article says this.",
                "Who said them": who or "nobody",
                "Verdict": words("verdict", r.verdict),
            }
        )
    return Table(pd.DataFrame(rows, columns=cols))


# --------------------------------------------------------------------------------------
# Articles and dates
# --------------------------------------------------------------------------------------
def articles_table(corpus: Any) -> Table:
    """The articles: outlet and date in words, headline, and how the date is known."""
    a = _frame(corpus, "articles")
    labels = article_labels(corpus)
    rows = []
    for r in a.sort_values(["published", "article_id"], na_position="last").itertuples(index=False):
        basis = words("basis", r.published_basis) or words("basis", "unknown")
        ev = r.published_evidence if isinstance(r.published_evidence, str) else ""
        rows.append(
            {
                "Article": labels.get(str(r.article_id), str(r.article_id)),
                "Headline": r.headline if isinstance(r.headline, str) and r.headline else "(no headline)",
                "Published": day_range(r.published, r.published_latest),
                "How we know the date": basis + (f" — {_evidence_words(ev)}" if ev and r.published_basis != "inferred" else ""),
                "Words": "" if _blank(r.n_words) else int(r.n_words),
            }
        )  # fmt: skip
    return Table(pd.DataFrame(rows))


def _evidence_words(text: str) -> str:
    """The words behind a publication date, for a reader: the first piece of evidence only.

    The loader's evidence string is for researchers: it can add further evidence after
    "; also:" and name its method in parentheses ("(url-compact-id)"); both are left out here
    (the full string stays in ``corpus.articles["published_evidence"]``).
    """
    import re

    first = _strip_ids(text).split("; also:")[0]
    return re.sub(r"\s*\([a-z]+(?:-[a-z]+)+\)", "", first).strip()


def _strip_ids(text: str) -> str:
    """Drop internal ids in parentheses ("(000_abc…:501-513)") from an evidence string."""
    import re

    return re.sub(r"\s*\(\d{3}_[0-9a-f]{16}[^)]*\)", "", text).strip()


def dated_statements_table(corpus: Any) -> Table:
    """Every dated statement: when, who, the date words, how the date was worked out, how sure."""
    e = _frame(corpus, "events")
    if e.empty:
        return Table(pd.DataFrame(), note="No events were found.")
    e = e[(e["kind"] == "statement") & e["date_start"].notna()]
    if e.empty:
        return Table(pd.DataFrame(), note="No statement has a date that the text gives.")
    e = e.sort_values(["date_start", "date_end", "article_id", "event_id"], kind="stable")
    labels = article_labels(corpus)
    from ..charts.base import canonical_names

    names = canonical_names(corpus)
    rows = []
    for r in e.itertuples(index=False):
        who = names.get(r.person_id) if isinstance(r.person_id, str) else None
        rows.append(
            {
                "When": day_range(r.date_start, r.date_end),
                "Who": who or (r.actor if isinstance(r.actor, str) and r.actor else "not known"),
                "Words in the article": r.date_text if isinstance(r.date_text, str) else "",
                "How the date was worked out": _date_basis_words(r.basis),
                "How sure": confidence_words(r.confidence),
                "Article": labels.get(str(r.article_id), str(r.article_id)),
            }
        )
    return Table(pd.DataFrame(rows))


_KIND_WORDS = {
    "statement": "a statement (someone said it)",
    "event": "an event",
    "stamp": "a date printed on the page, outside the sentences",
}


def date_reasons_table(corpus: Any) -> Table:
    """Every date expression of every article, in reading order, and why it has its date.

    Statements and events, dated or not: the words, the day or range they were placed on (or
    "not dated"), who, and the reasoning in words
    (:func:`~iranstrikes.chronology.explain_date`: what it was counted from, which way the
    tense points, why it could not be placed).
    """
    from ..chronology import explain_date

    e = _frame(corpus, "events")
    if e.empty:
        return Table(pd.DataFrame(), note="No events were found.")
    e = e[e["date_text"].fillna("").astype(str) != ""]
    if e.empty:
        return Table(pd.DataFrame(), note="No sentence gives a date.")
    labels = article_labels(corpus)
    arts = _frame(corpus, "articles")
    order = {a: k for k, a in enumerate(arts["article_id"])} if "article_id" in arts else {}
    e = e.assign(_o=e["article_id"].map(order).fillna(len(order)))
    e = e.sort_values(["_o", "date_text_start", "event_id"], kind="stable")
    from ..charts.base import canonical_names

    names = canonical_names(corpus)
    rows = []
    for r in e.to_dict("records"):
        who = names.get(r["person_id"]) if isinstance(r["person_id"], str) else None
        who = who or (r["actor"] if isinstance(r["actor"], str) and r["actor"] else "not known")
        dated = not _blank(r["date_start"])
        rows.append(
            {
                "Article": labels.get(str(r["article_id"]), str(r["article_id"])),
                "Words in the article": str(r["date_text"]),
                "What it dates": _KIND_WORDS.get(str(r["kind"]), str(r["kind"])),
                "Who": who,
                "When": day_range(r["date_start"], r["date_end"]) if dated else "not dated",
                "Why this date": explain_date(r, confidence=False, result=False),
                "How sure": confidence_words(r["confidence"]) if dated else "—",
            }
        )
    return Table(pd.DataFrame(rows))


def _conflict_sentence(corpus: Any, r: Any) -> str:
    ev = _frame(corpus, "events").set_index("event_id")
    arts = _frame(corpus, "articles").set_index("article_id")
    if r.event_id in ev.index and r.article_id in arts.index:
        e = ev.loc[r.event_id]
        if not _blank(e["date_text_start"]) and not _blank(e["date_text_end"]):
            body = str(arts.loc[r.article_id, "body"])
            return sentence_around(body, int(e["date_text_start"]), int(e["date_text_end"]))
    return str(r.context).strip("…")


def conflicts_table(corpus: Any) -> Table:
    """Each date conflict: who, the dates given, the words that give them, in their sentence."""
    from .. import evidence

    c = _frame(corpus, "conflicts")
    if c.empty:
        return Table(pd.DataFrame(), note="No conflicting dates were found.")
    ev = evidence.conflict_evidence(corpus)
    labels = article_labels(corpus)
    numbers = {cid: n for n, cid in enumerate(dict.fromkeys(ev["conflict_id"]), start=1)}
    rows = [
        {
            "Conflict": f"conflict {numbers[r.conflict_id]}",
            "Who": r.actor if isinstance(r.actor, str) else "not known",
            "Date given": day(r.date_start),
            "Words in the article": r.date_text,
            "The sentence": _conflict_sentence(corpus, r),
            "Article": labels.get(str(r.article_id), str(r.article_id)),
        }
        for r in ev.itertuples(index=False)
    ]
    return Table(pd.DataFrame(rows))


# --------------------------------------------------------------------------------------
# Stances and close reading
# --------------------------------------------------------------------------------------
def _coded(corpus: Any, speaker_types: Sequence[str] = SOURCE_TYPES) -> pd.DataFrame:
    st = _frame(corpus, "stances")
    if st.empty:
        return st
    if "source" in st.columns and (st["source"] == "codebook").any():
        st = st[st["source"] == "codebook"]
    st = st[st["speaker_type"].isin(list(speaker_types))]
    return st.assign(_name=speaker_names(corpus, st)) if len(st) else st.assign(_name=[])


def stances_table(corpus: Any, speaker_types: Sequence[str] = SOURCE_TYPES) -> Table:
    """Who took which stance on each proposition, in words; one row per speaker."""
    st = _coded(corpus, speaker_types)
    if st.empty:
        return Table(pd.DataFrame(), note="No stances are coded (a codebook.yaml adds them).")
    names = claim_names(corpus)
    rows = []
    for (name, stype), g in st.groupby(["_name", "speaker_type"], sort=True):
        row = {"Speaker": name, "Kind of source": words("speaker_type", stype)}
        for pid, claim in names.items():
            vals = sorted(set(g.loc[g["proposition_id"] == pid, "stance"]))
            row[claim.capitalize()] = " / ".join(words("stance", v) for v in vals) if vals else "—"
        rows.append(row)
    rank = {
        t: i for i, t in enumerate(("named person", "institution, on the record", "unnamed source"))
    }
    df = pd.DataFrame(rows)
    df = df.assign(_r=df["Kind of source"].map(rank).fillna(9)).sort_values(["_r", "Speaker"])
    return Table(df.drop(columns="_r"), note="“—” means the speaker said nothing on that claim.")


def close_reading_table(corpus: Any, proposition_id: str | None = None) -> Table:
    """Every coded statement on one proposition: who, stance, form, the exact words, the reason."""
    st = _coded(corpus)
    if proposition_id is not None and len(st):
        st = st[st["proposition_id"] == proposition_id]
    if st.empty:
        return Table(pd.DataFrame(), note="No coded statements on this claim.")
    labels = article_labels(corpus)
    rules = coding_rules(corpus)
    st = st.sort_values(["_name", "article_id", "evidence_start"], kind="stable")
    df = pd.DataFrame(
        {
            "Speaker": st["_name"],
            "Kind of source": [words("speaker_type", t) for t in st["speaker_type"]],
            "Stance": [words("stance", s) for s in st["stance"]],
            "How it is reported": [words("form", f) for f in st["form"]],
            "The exact words": [f"“{e}”" if isinstance(e, str) else "" for e in st["evidence"]],
            "Why it was coded so": [
                rule_refs_in_words(article_refs_in_words(corpus, r), rules) for r in st["rationale"]
            ],
            "Article": [labels.get(str(a), str(a)) for a in st["article_id"]],
        }
    )
    return Table(df)


def contradictions_table(corpus: Any) -> Table:
    """Who contradicts whom on which proposition (one row per pair of speakers)."""
    from .. import evidence

    c = evidence.contradiction_summary(corpus)
    if c.empty:
        return Table(pd.DataFrame(), note="No two sources contradict each other.")
    names = claim_names(corpus)

    def days(v: Any) -> str:
        return ", ".join(day(d) for d in str(v).split("|") if d) if isinstance(v, str) else ""

    df = pd.DataFrame(
        {
            "Claim": [names.get(p, p).capitalize() for p in c["proposition_id"]],
            "Says yes": [f"{s} ({words('speaker_type', t)})" for s, t in zip(c["speaker_affirms"], c["type_affirms"], strict=True)],
            "Said on": [days(v) for v in c["dates_affirms"]],
            "Says no": [f"{s} ({words('speaker_type', t)})" for s, t in zip(c["speaker_denies"], c["type_denies"], strict=True)],
            "Said on ": [days(v) for v in c["dates_denies"]],
        }
    )  # fmt: skip
    return Table(df)


def context_table(corpus: Any) -> Table:
    """Later coverage kept as cited context (``corpus.context``), in words."""
    c = _frame(corpus, "context")
    if c.empty:
        return Table(pd.DataFrame(), note="No later coverage is recorded (a context.yaml adds it).")
    names = claim_names(corpus)
    c = c.sort_values("date_said", kind="stable")
    df = pd.DataFrame(
        {
            "When": [day(d) for d in c["date_said"]],
            "Who": [f"{s} ({words('speaker_type', t)})" for s, t in zip(c["speaker"], c["speaker_type"], strict=True)],
            "What they said (our summary)": [" ".join(str(x).split()) for x in c["claim"]],
            "On the claim": [names.get(str(p), str(p)).capitalize() for p in c["proposition_id"]],
            "Reported by": [o if _blank(oo) else f"{o} (from {oo})" for o, oo in zip(c["outlet"], c["original_outlet"], strict=True)],
        }
    )  # fmt: skip
    return Table(df)


def problems_table(corpus: Any) -> Table:
    """Files that could not be fully read, in words (an empty table says so)."""
    p = _frame(corpus, "problems")
    if p.empty:
        return Table(pd.DataFrame(), note="Every file loaded cleanly.")
    df = pd.DataFrame(
        {
            "File": p["file"],
            "How serious": p["severity"],
            "What happened": p["message"],
        }
    )
    return Table(df)


def quotes_table(corpus: Any, speaker_type: str | None = None) -> Table:
    """Quotes in words (optionally of one speaker type): article, speaker, through whom, words."""
    from ..charts import quotes_table_data

    q = quotes_table_data(corpus)
    if speaker_type is not None:
        q = q[q["speaker_type"] == speaker_type]
    if q.empty:
        return Table(pd.DataFrame(), note="No quotes.")
    labels = article_labels(corpus)
    df = pd.DataFrame(
        {
            "Article": [labels.get(str(a), str(a)) for a in q["article_id"]],
            "Speaker": q["speaker"],
            "Kind of source": [words("speaker_type", t) for t in q["speaker_type"]],
            "Through": [v or "first-hand" for v in q["via"]],
            "Verb": q["cue"],
            "Words": q["quote"],
        }
    )
    return Table(df)


# --------------------------------------------------------------------------------------
# Sourcing and dating, in words
# --------------------------------------------------------------------------------------
def source_mix_table(corpus: Any) -> Table:
    """Per outlet: how many statements, from which kinds of source, how many second-hand."""
    from .. import sourcing

    m = sourcing.source_mix(corpus)
    if m.empty:
        return Table(pd.DataFrame(), note="No articles.")

    def share(n: Any, total: Any) -> str:
        return f"{int(n)} ({n / total:.0%})" if total else str(int(n))

    df = pd.DataFrame(
        {
            "Outlet": m["outlet"],
            "Articles": m["n_articles"],
            "Statements": m["n_quotes"],
            "Named people": [share(n, t) for n, t in zip(m["person"], m["n_quotes"], strict=True)],
            "Unnamed sources": [share(n, t) for n, t in zip(m["anonymous"], m["n_quotes"], strict=True)],
            "Institutions": [share(n, t) for n, t in zip(m["institution"], m["n_quotes"], strict=True)],
            "The outlet itself": [share(n, t) for n, t in zip(m["media"], m["n_quotes"], strict=True)],
            "Through an intermediary": [share(n, t) for n, t in zip(m["n_via"], m["n_quotes"], strict=True)],
        }
    )  # fmt: skip
    return Table(df)


def chains_table(corpus: Any, n: int | None = None) -> Table:
    """The chains of hands (reader ← … ← speaker), longest first, in full."""
    from .. import sourcing

    c = sourcing.chain_summary(corpus)
    if n is not None:
        c = c.head(n)
    df = pd.DataFrame(
        {
            "Chain, from the reader back to the speaker": c["chain"],
            "Kind of source": [words("speaker_type", t) for t in c["speaker_type"]],
            "Hands between reader and speaker": c["n_hands"],
            "Statements": c["n_statements"],
        }
    )
    return Table(df)


def travelling_table(corpus: Any) -> Table:
    """Quotes carried by more than one article: the words, who said them, who carried them."""
    from .. import sourcing

    t = sourcing.travelling_quotes(corpus)
    t = t[t["n_articles"] >= 2] if len(t) else t
    if t.empty:
        return Table(pd.DataFrame(), note="No quote was carried by more than one article.")
    df = pd.DataFrame(
        {
            "The words (as first carried)": t["text"],
            "Speaker": t["speaker"],
            "Carried by (earliest first)": [" → ".join(str(o).split("|")) for o in t["outlets"]],
            "Through": [", ".join(str(v).split("|")) if v else "first-hand" for v in t["vias"]],
            "First published": [day(d) for d in t["first_published"]],
        }
    )
    return Table(df)


def omissions_table(corpus: Any) -> Table:
    """Sources quoted by at least two outlets but not by this one."""
    from .. import sourcing

    o = sourcing.omissions(corpus)
    if o.empty:
        return Table(pd.DataFrame(), note="No outlet left out a source that two others quoted.")
    df = pd.DataFrame(
        {
            "Outlet": o["outlet"],
            "Did not quote": o["speaker"],
            "Kind of source": [words("speaker_type", t) for t in o["speaker_type"]],
            "Quoted by": [", ".join(str(v).split("|")) for v in o["quoted_by"]],
        }
    )
    return Table(df)


def dating_table(corpus: Any) -> Table:
    """How many events were dated to an exact day, to a range of days, or not at all."""
    from .. import evidence

    c = evidence.dating_counts(corpus)
    labels = {"exact day": "to one exact day", "interval": "to a range of days",
              "not dated": "not dated (the text gives no date)"}  # fmt: skip
    return Table(
        pd.DataFrame(
            {"Events dated": [labels.get(k, k) for k in c.index], "How many": [int(v) for v in c]}
        )
    )


def summary(corpus: Any) -> Table:
    """The corpus at a glance, in one sentence (dates in words)."""
    s = corpus.summary()
    span = ""
    if s["first_published"] is not None:
        span = f", published {day_range(s['first_published'], s['last_published'])}"
    problems = (
        "every file loaded cleanly"
        if not s["problems"]
        else f"{s['problems']} problem(s) reading the files (see the problems table)"
    )
    return Table(
        pd.DataFrame(),
        note=f"{s['articles']} articles from {s['outlets']} outlets{span}; {s['quotes']} quotes, "
        f"{s['people']} people, {s['events']} events, {s['stances']} coded stances; {problems}.",
    )


def rules_score_table(corpus: Any) -> Table:
    """How the automatic stance rules compare with the codebook, in sentences with numbers.

    The raw score dict is :func:`iranstrikes.evidence.auto_vs_codebook`.
    """
    from .. import evidence

    s = evidence.auto_vs_codebook(corpus)
    if not s:
        return Table(
            pd.DataFrame(), note="No codebook: there is nothing to compare the rules with."
        )
    matched, coded = int(s.get("n_matched", 0)), int(s.get("n_codebook", 0))
    agree = round(float(s.get("agreement", 0.0)) * matched)
    rows = [
        ("Statements the codebook codes on a claim", str(coded)),
        ("Statements the rules code on a claim", str(int(s.get("n_auto", 0)))),
        ("Codebook statements the rules also found", f"{matched} of {coded} ({_percent(matched, coded)})"),
        ("Of those, the rules gave the same stance", f"{agree} of {matched} ({_percent(agree, matched)})"),
    ]  # fmt: skip
    return Table(pd.DataFrame(rows, columns=["What", "How many"]))


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"
