"""The display layer: tables in words, nothing internal shown, nothing cut, works without a
codebook or manifest."""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest
from conftest import FIXTURES

from iranstrikes import load_corpus, reader

INTERNAL = re.compile(r"\d{3}_[0-9a-f]{16}|<NA>|00:00:00|dtype:|\bnan\b|NaT")

TABLES = [reader.headline_exhibit, reader.articles_table, reader.dated_statements_table,
          reader.conflicts_table, reader.stances_table, reader.close_reading_table,
          reader.contradictions_table, reader.context_table, reader.problems_table,
          reader.quotes_table, reader.claims_key, reader.finding, reader.source_mix_table,
          reader.chains_table, reader.travelling_table, reader.omissions_table,
          reader.dating_table, reader.rules_score_table]  # fmt: skip


@pytest.fixture(scope="module")
def byo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("byo")
    for f in sorted((FIXTURES / "invented").glob("*.txt")):
        shutil.copy(f, folder / f.name)
    return load_corpus(folder, progress=False)


def test_days_in_words():
    assert reader.day("2014-12-03") == "3 Dec 2014"
    assert reader.day(None) == reader.UNKNOWN_DATE
    assert reader.day_range("2014-12-03", "2014-12-08") == "3–8 Dec 2014"
    assert reader.day_range("2014-11-30", "2014-12-03") == "30 Nov – 3 Dec 2014"
    assert reader.day_range("2014-12-03", "2014-12-03") == "3 Dec 2014"
    assert reader.confidence_words(0.315) == "low (32%)"
    assert reader.words("basis", "published:url") == "printed in the web address"
    assert reader.words("stance", "denies") == "says no"


@pytest.mark.parametrize("build", TABLES, ids=lambda b: b.__name__)
def test_tables_show_words_not_internals(corpus, byo, build):
    for c in (corpus, byo):
        t = build(c)
        text = repr(t) + t._repr_html_()
        assert not INTERNAL.search(text), INTERNAL.search(text).group(0)
        assert "…" not in repr(t)  # nothing cut
        html = t._repr_html_()
        assert "<th" not in html or "text-align:left" in html


def test_headline_exhibit_rows_come_from_the_frames(corpus):
    t = reader.headline_exhibit(corpus).data
    hs = corpus.headline_support
    assert len(t) == len(hs)
    labels = reader.article_labels(corpus)
    assert list(t["Article"]) == [labels[a] for a in hs["article_id"]]
    for headline, r in zip(t["Headline"], hs.itertuples(index=False), strict=True):
        full = corpus.articles.set_index("article_id").loc[r.article_id, "headline"]
        assert (full if isinstance(full, str) else r.headline_text) in headline  # full, not cut
    anon = hs["verdict"] == "rests only on anonymous source(s)"
    assert (t.loc[anon.to_numpy(), "Who said them"].str.contains("unnamed source")).all()
    assert set(t["Verdict"]) <= {reader.words("verdict", v) for v in hs["verdict"]}


def test_finding_is_computed(corpus):
    sentences = reader.finding_sentences(corpus)
    hs = corpus.headline_support
    assert len(sentences) == len(hs.groupby(["proposition_id", "headline_stance"]))
    n = len(hs)
    assert all(f" of {n} headlines " in s for s in sentences)


def test_byo_corpus_reads_sensibly(byo):
    assert all(
        v.startswith(f"{reader.UNKNOWN_OUTLET}, ") for v in reader.article_labels(byo).values()
    )
    assert "No headline is coded" in reader.headline_exhibit(byo).note
    assert reader.finding_sentences(byo) == []
    assert len(reader.quotes_table(byo).data) == len(byo.quotes)


def test_table_escapes_text():
    t = reader.Table(pd.DataFrame({"a": ["<script>x</script>"]}))
    assert "&lt;script&gt;" in t._repr_html_() and "<script>" not in t._repr_html_()


def test_date_evidence_in_words_keeps_the_first_piece_without_method_tags():
    from iranstrikes.reader.tables import _evidence_words

    ev = "https://example.org/news/20201103123/ (url-compact-id); also: dateline 2020-11-03 (x)"
    assert _evidence_words(ev) == "https://example.org/news/20201103123/"
    assert _evidence_words("The Courier, November 03, 2020") == "The Courier, November 03, 2020"
    assert _evidence_words("said (on Monday) at noon") == "said (on Monday) at noon"


def test_headline_exhibit_lists_several_speakers_one_a_line(corpus):
    t = reader.headline_exhibit(corpus).data
    for who in t["Who said them"]:
        lines = who.split("\n")
        assert len(lines) == 1 or all(line.startswith("• ") for line in lines), who
    assert not any(
        "; also:" in v or "(url-" in v
        for v in reader.articles_table(corpus).data["How we know the date"]
    )


def test_article_numbers_in_coders_notes_become_outlets():
    arts = pd.DataFrame(
        {
            "article_id": ["000_aaaaaaaaaaaaaaaa", "001_bbbbbbbbbbbbbbbb", "002_cccccccccccccccc"],
            "outlet": ["The Courier", "Daily Lantern", "Daily Lantern"],
            "published": pd.to_datetime(["2020-11-03", "2020-11-04", "2020-11-05"]),
            "published_latest": pd.to_datetime(["2020-11-03", "2020-11-04", "2020-11-05"]),
        }
    )

    class C:
        articles = arts

    text = "Same claim as 000/001 (002); rule 3; 250 km; see 007 and 000_aaaaaaaaaaaaaaaa:12-30."
    assert reader.article_refs_in_words(C, text) == (
        "Same claim as The Courier/Daily Lantern, 4 Nov 2020 (Daily Lantern, 5 Nov 2020); "
        "rule 3; 250 km; see 007 and 000_aaaaaaaaaaaaaaaa:12-30."
    )
    assert reader.article_refs_in_words(C, None) == ""
