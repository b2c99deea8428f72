"""Sourcing summaries and evidence views on the seed corpus."""

from __future__ import annotations

from iranstrikes import evidence, sourcing


def test_source_mix_counts_every_quote(corpus):
    mix = sourcing.source_mix(corpus)
    assert mix["n_quotes"].sum() == len(corpus.quotes)
    assert (
        mix[["person", "anonymous", "institution", "media", "unknown"]].sum(axis=1)
        == mix["n_quotes"]
    ).all()
    assert set(mix["outlet"]) == set(corpus.articles["outlet"])


def test_chains_follow_reprints_and_intermediaries(corpus):
    ch = sourcing.chains(corpus)
    assert len(ch) == len(corpus.quotes)
    reprint = corpus.articles.dropna(subset=["original_outlet"]).iloc[0]
    rows = ch[ch["article_id"] == reprint["article_id"]]
    assert rows["chain"].str.startswith(f"{reprint['outlet']} ← {reprint['original_outlet']}").all()
    second_hand = ch[(ch["via"] != sourcing.FIRST_HAND) & (ch["via"] != ch["outlet"])]
    assert len(second_hand) and (second_hand["n_hands"] >= 2).all()
    own = ch[ch["via"] == ch["outlet"]]  # an agency quoting an interview given to itself
    assert (own["n_hands"] == 1).all()
    # the longest chains run through a reprint and an intermediary
    assert sourcing.chain_summary(corpus)["n_hands"].iloc[0] == 3


def test_travelling_quotes_match_propagation(corpus):
    tq = sourcing.travelling_quotes(corpus)
    multi = corpus.propagation.groupby("quote_group")["article_id"].nunique()
    assert set(tq["quote_group"]) == set(multi[multi >= 2].index)
    top = tq.iloc[0]
    assert top["n_articles"] == 3 and top["speaker"] and "Reuters" in top["vias"]


def test_omissions_are_sources_others_quoted(corpus):
    om = sourcing.omissions(corpus)
    for r in om.itertuples():
        carried = set(
            corpus.quotes.merge(corpus.articles[["article_id", "outlet"]]).query(
                "person_id == @r.person_id"
            )["outlet"]
        )
        assert r.outlet not in carried and len(carried) >= 2


def test_in_context_marks_the_span(corpus):
    q = corpus.quotes.iloc[0]
    ctx = evidence.in_context(corpus, q["article_id"], q["start"], q["end"], width=20)
    assert f"[{q['quote']}]" in ctx


def test_close_reading_and_pivot_agree(corpus):
    pivot = evidence.stance_pivot(corpus).set_index("speaker")
    close = evidence.close_reading(corpus)
    for r in close.itertuples():
        assert r.stance in pivot.loc[r.speaker, r.proposition_id].split("|")


def test_no_quote_is_lost_without_a_manifest(tmp_path):
    """A folder without a manifest has no outlets: every quote is still counted, under
    "unknown outlet", and nothing shows an internal id in place of an outlet."""
    import shutil

    from conftest import FIXTURES

    from iranstrikes import load_corpus, reader

    for f in sorted((FIXTURES / "invented").glob("*.txt")):
        shutil.copy(f, tmp_path / f.name)
    c = load_corpus(tmp_path, progress=False)
    assert len(c.quotes) > 0 and c.articles["outlet"].isna().all()
    mix = sourcing.source_mix(c)
    assert mix["n_quotes"].sum() == len(c.quotes)
    assert mix["outlet"].tolist() == [sourcing.UNKNOWN_OUTLET]
    assert mix["n_articles"].sum() == len(c.articles)
    ch = sourcing.chains(c)
    assert len(ch) == len(c.quotes) and ch["chain"].str.startswith(sourcing.UNKNOWN_OUTLET).all()
    assert all(label.startswith("unknown outlet, ") for label in reader.article_labels(c).values())


def test_summaries_group_by_the_canonical_person(corpus):
    """Two spellings of one person (one person_id) are one speaker in every summary."""
    q = corpus.quotes
    spellings = q.dropna(subset=["person_id"]).groupby("person_id")["speaker"].nunique()
    merged = spellings[spellings > 1].index
    assert len(merged)  # the seeds spell at least one person two ways
    names = dict(zip(corpus.people["person_id"], corpus.people["name"], strict=True))
    ch = sourcing.chains(corpus)
    for pid in merged:
        rows = ch[ch["quote_id"].isin(q.loc[q["person_id"] == pid, "quote_id"])]
        assert set(rows["speaker"]) == {names[pid]}
