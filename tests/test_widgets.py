"""Widgets: filtering, the empty message, escaping of hostile text, KWIC offsets."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from iranstrikes import schema
from iranstrikes import widgets as W
from iranstrikes.corpus import Corpus

HOSTILE = (
    'Officials said "<script>alert(1)</script> is final." '
    'An image: <img src=x onerror="alert(2)"> and [click](javascript:alert(3)). '
    "The officials said it again: the plan is final."
)


def make_corpus() -> Corpus:
    other = 'Mayor Kim said "the plan is final." The council denied the plan.'
    articles = schema.conform(
        "articles",
        pd.DataFrame(
            [
                dict(article_id="h1", outlet="Outlet <b>One</b>", headline="<script>alert(5)</script>",
                     body=HOSTILE, published="2021-05-01", published_latest="2021-05-01", published_basis="manifest"),
                dict(article_id="h2", outlet="Outlet Two", headline="Plain", body=other,
                     published="2021-05-04", published_latest="2021-05-04", published_basis="manifest"),
            ]
        ),
    )  # fmt: skip
    q1 = "<script>alert(1)</script> is final."
    s1 = HOSTILE.index(q1)
    q2 = "the plan is final"
    s2 = HOSTILE.index(q2)
    q3 = "the plan is final."
    s3 = other.index(q3)
    q4 = "denied the plan"
    s4 = other.index(q4)
    quotes = schema.conform(
        "quotes",
        pd.DataFrame(
            [
                dict(quote_id="h1:q000", article_id="h1", kind="direct", quote=q1, start=s1, end=s1 + len(q1),
                     speaker="Officials <i>", speaker_type="institution", cue="said", via="javascript:alert(4)"),
                dict(quote_id="h1:q001", article_id="h1", kind="indirect", quote=q2, start=s2, end=s2 + len(q2),
                     speaker="Officials <i>", speaker_type="institution", cue="said", via=""),
                dict(quote_id="h2:q000", article_id="h2", kind="direct", quote=q3, start=s3, end=s3 + len(q3),
                     speaker="Kim", speaker_type="person", cue="said", via=""),
                dict(quote_id="h2:q001", article_id="h2", kind="indirect", quote=q4, start=s4, end=s4 + len(q4),
                     speaker="council", speaker_type="institution", cue="denied", via=""),
            ]
        ),
    )  # fmt: skip
    events = schema.conform(
        "events",
        pd.DataFrame(
            [dict(event_id="h2:e000", article_id="h2", quote_id="h2:q001", kind="statement",
                  date_start="2021-05-02", date_end="2021-05-02")]
        ),
    )  # fmt: skip
    stances = schema.conform(
        "stances",
        pd.DataFrame(
            [
                dict(stance_id="s1", article_id="h2", speaker="Kim", proposition_id="P1", stance="affirms",
                     quote_id="h2:q000", source="auto"),
                dict(stance_id="s2", article_id="h2", speaker="council", proposition_id="P1", stance="denies",
                     quote_id="h2:q001", source="auto"),
                dict(stance_id="s3", article_id="h2", speaker="council", proposition_id="P2", stance="neither",
                     quote_id="h2:q001", source="auto"),
            ]
        ),
    )  # fmt: skip
    propositions = schema.conform(
        "propositions",
        pd.DataFrame([dict(proposition_id="P1", text="x"), dict(proposition_id="P2", text="y")]),
    )
    return Corpus(
        path=Path("hostile"),
        articles=articles,
        paragraphs=schema.empty("paragraphs"),
        problems=schema.empty("problems"),
        quotes=quotes,
        events=events,
        stances=stances,
        propositions=propositions,
    )


@pytest.fixture(scope="module")
def hc() -> Corpus:
    return make_corpus()


def ids(df: pd.DataFrame) -> list[str]:
    return df["quote_id"].tolist()


# --------------------------------------------------------------------------------------
# filter_quotes (pure)
# --------------------------------------------------------------------------------------
def test_filter_quotes(hc):
    assert ids(W.filter_quotes(hc)) == ["h1:q000", "h1:q001", "h2:q001", "h2:q000"]  # date order
    assert ids(W.filter_quotes(hc, outlet="Outlet Two")) == ["h2:q001", "h2:q000"]
    assert ids(W.filter_quotes(hc, outlet=["Outlet Two"], speaker=("Kim",))) == ["h2:q000"]
    assert ids(W.filter_quotes(hc, proposition="P2")) == ["h2:q001"]
    assert ids(W.filter_quotes(hc, stance="affirms")) == ["h2:q000"]
    assert ids(W.filter_quotes(hc, proposition="P1", stance="neither")) == []
    assert ids(W.filter_quotes(hc, proposition="P2", stance="neither")) == ["h2:q001"]
    assert ids(W.filter_quotes(hc, stance="uncoded")) == ["h1:q000", "h1:q001"]
    # the statement date (2 May) counts, not the publication date (4 May)
    assert ids(W.filter_quotes(hc, date_range=("2021-05-02", "2021-05-03"))) == ["h2:q001"]
    assert ids(W.filter_quotes(hc, date_range=(None, "2021-05-01"))) == ["h1:q000", "h1:q001"]
    assert ids(W.filter_quotes(hc, outlet=(), speaker="(any)", stance="")) == ids(
        W.filter_quotes(hc)
    )


def test_filter_quotes_on_seeds(corpus):
    everything = W.filter_quotes(corpus)
    assert len(everything) == len(corpus.quotes)
    outlet = sorted(corpus.articles["outlet"].dropna())[0]
    ids_in_outlet = set(corpus.articles.loc[corpus.articles["outlet"] == outlet, "article_id"])
    sub = W.filter_quotes(corpus, outlet=outlet)
    assert len(sub) == corpus.quotes["article_id"].isin(ids_in_outlet).sum()
    denies = W.filter_quotes(corpus, stance="denies")
    coded = set(corpus.stances.loc[corpus.stances["stance"] == "denies", "quote_id"].dropna())
    assert set(denies["quote_id"]) == coded


# --------------------------------------------------------------------------------------
# Explorer
# --------------------------------------------------------------------------------------
def test_explorer_follows_filters(hc):
    ex = W.Explorer(hc)
    assert len(ex.frame) == 4
    ex.outlet.value = ("Outlet Two",)
    assert ids(ex.frame) == ["h2:q001", "h2:q000"]
    assert "Kim" in ex.table.value and "alert(1)" not in ex.table.value
    ex.speaker.value = ("council",)
    assert ids(ex.frame) == ["h2:q001"]
    ex.reset()
    assert len(ex.frame) == 4
    ex.stance.value = "affirms"
    assert ids(ex.frame) == ["h2:q000"]
    ex.reset()
    ex.dates.index = (0, 0)  # 1 May only
    assert ex.date_range() == ("2021-05-01", "2021-05-01")
    assert ids(ex.frame) == ["h1:q000", "h1:q001"]


def test_explorer_empty_result_shows_message(hc):
    ex = W.Explorer(hc)
    ex.outlet.value = ("Outlet Two",)
    ex.stance.value = "uncoded"
    assert ex.frame.empty
    assert W.EMPTY_MESSAGE in ex.table.value
    assert "<table" not in ex.table.value


def test_explorer_on_empty_corpus():
    empty = Corpus(
        path=Path("e"), articles=schema.empty("articles"), paragraphs=schema.empty("paragraphs"),
        problems=schema.empty("problems"),
    )  # fmt: skip
    ex = W.Explorer(empty)
    assert ex.frame.empty and W.EMPTY_MESSAGE in ex.table.value
    assert ex.dates.disabled
    assert W.KwicExplorer(empty, "x").frame.empty


def test_explorer_on_seeds(corpus):
    ex = W.Explorer(corpus)
    assert len(ex.frame) == len(corpus.quotes)
    first = ex.outlet.options[0]
    ex.outlet.value = (first,)
    assert set(ex.frame["outlet"]) == {first} and len(ex.frame) < len(corpus.quotes)


# --------------------------------------------------------------------------------------
# Escaping
# --------------------------------------------------------------------------------------
def assert_no_live_markup(fragment: str):
    assert "<script" not in fragment.lower()
    assert "<img" not in fragment.lower()
    assert "<i>" not in fragment and "<b>" not in fragment
    assert not re.search(r"href\s*=", fragment)


def test_table_escapes_hostile_text(hc):
    ex = W.Explorer(hc)
    ex.outlet.value = ("Outlet <b>One</b>",)
    value = ex.table.value
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in value
    assert "Outlet &lt;b&gt;One&lt;/b&gt;" in value
    assert "javascript:alert(4)" in value  # shown literally, as text
    assert_no_live_markup(value)


def test_side_by_side_escapes_and_highlights(hc):
    box = W.side_by_side(hc, "h1", "h2")
    left, right = (child.value for child in box.children)
    for fragment in (left, right):
        assert_no_live_markup(fragment)
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in left  # the headline
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in left
    assert "[click](javascript:alert(3))" in left
    marks = re.findall(
        r'<mark style="background:(#[0-9a-f]{6})55[^"]*" title="([^"]*)">(.*?)</mark>', left + right
    )
    body_marks = [(c, t, txt) for c, t, txt in marks]
    # both quotes of h1 are highlighted, with the escaped quote text inside the mark
    assert ("&lt;script&gt;alert(1)&lt;/script&gt; is final.") in [m[2] for m in body_marks]
    colours: dict[str, set[str]] = {}
    for c, t, _ in body_marks:
        colours.setdefault(t, set()).add(c)
    assert all(len(v) == 1 for v in colours.values())  # one colour per speaker
    assert len({next(iter(v)) for v in colours.values()}) == len(
        colours
    )  # distinct speakers differ


def test_highlight_html_offsets_and_overlaps():
    text = 'a <b> "x & y" z'
    out = W.highlight_html(text, [(6, 13, "S"), (8, 9, "T")], {"S": "#123456"})
    assert out.startswith("a &lt;b&gt; ")
    assert (
        '<mark style="background:#12345655;border-bottom:2px solid #123456" title="S">&quot;x &amp; y&quot;</mark>'
        in out
    )
    assert out.endswith(" z")
    assert out.count("<mark") == 1  # the overlapping span is clipped away
    # removing the markup and unescaping gives the text back
    import html

    assert html.unescape(re.sub(r"</?mark[^>]*>", "", out)) == text


def test_hostile_fixture_article_is_escaped():
    from iranstrikes import load_corpus

    folder = Path(__file__).parent / "fixtures" / "hostile"
    c = load_corpus(folder, progress=False)
    aid = c.articles["article_id"].iloc[0]
    fragment = W.article_html(c, aid)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in fragment
    assert "&lt;svg onload=&quot;alert(4)&quot;&gt;" in fragment
    assert_no_live_markup(fragment)
    assert "<svg" not in fragment
    table = W.quotes_html(W.filter_quotes(c))
    assert_no_live_markup(table)
    kw = W.kwic_html(W.kwic(c, "onerror"), "onerror")
    assert_no_live_markup(kw) and "<svg" not in kw


# --------------------------------------------------------------------------------------
# KWIC
# --------------------------------------------------------------------------------------
def test_kwic_finds_every_occurrence(hc):
    lines = W.kwic(hc, "plan", width=10)
    expected = [
        (aid, m.start())
        for aid, body in zip(hc.articles["article_id"], hc.articles["body"], strict=True)
        for m in re.finditer("plan", body, re.I)
    ]
    assert list(zip(lines["article_id"], lines["start"], strict=True)) == sorted(expected)
    bodies = dict(zip(hc.articles["article_id"], hc.articles["body"], strict=True))
    for r in lines.itertuples():
        assert bodies[r.article_id][r.start : r.end] == r.match
        assert r.left == bodies[r.article_id][max(0, r.start - 10) : r.start]
        assert r.right == bodies[r.article_id][r.end : r.end + 10]
    assert list(lines.columns) == ["article_id", "start", "end", "left", "match", "right"]


def test_kwic_case_overlap_and_special_characters(hc):
    assert len(W.kwic(hc, "PLAN")) == len(W.kwic(hc, "plan"))
    overlapping = W.kwic(
        Corpus(
            path=Path("x"),
            articles=pd.DataFrame({"article_id": ["a"], "body": ["aaaa"]}),
            paragraphs=None,
            problems=None,
        ),
        "aa",
    )
    assert overlapping["start"].tolist() == [0, 1, 2]
    assert W.kwic(hc, "(1)")["match"].tolist() == ["(1)"]
    assert W.kwic(hc, "").empty and W.kwic(hc, "no such words").empty


def test_kwic_on_seeds(corpus):
    lines = W.kwic(corpus, "said")
    total = sum(len(re.findall("said", b, re.I)) for b in corpus.articles["body"])
    assert len(lines) == total > 0
    bodies = dict(zip(corpus.articles["article_id"], corpus.articles["body"], strict=True))
    assert all(bodies[r.article_id][r.start : r.end].lower() == "said" for r in lines.itertuples())


def test_kwic_widget(hc):
    kx = W.KwicExplorer(hc)
    assert "Type a word" in kx.output.value
    kx.text.value = "<script>"
    assert len(kx.frame) == 1
    assert "&lt;script&gt;" in kx.output.value
    assert_no_live_markup(kx.output.value)


# --------------------------------------------------------------------------------------
# Teaching fixes: table in words with pages, keyword, slider readout, side by side
# --------------------------------------------------------------------------------------
def test_explorer_pages_and_says_how_many(corpus):
    ex = W.Explorer(corpus, limit=10)
    n = len(corpus.quotes)
    assert f"Showing 1–10 of {n} quotes" in ex.table.value
    assert ex.previous.disabled and not ex.next.disabled
    ex.turn(+1)
    assert f"Showing 11–20 of {n} quotes" in ex.table.value
    ex.turn(+100)  # never past the last page
    assert f"of {n} quotes" in ex.table.value and ex.next.disabled
    assert "width:100%" in ex.table.value and "overflow:auto" in ex.table.value
    assert not re.search(r"\d{3}_[0-9a-f]{16}", ex.table.value)  # no article ids
    assert "00:00:00" not in ex.table.value


def test_explorer_lists_each_person_once(corpus):
    ex = W.Explorer(corpus)
    q = corpus.quotes
    spellings = q.dropna(subset=["person_id"]).groupby("person_id")["speaker"].nunique()
    names = dict(zip(corpus.people["person_id"], corpus.people["name"], strict=True))
    for pid in spellings[spellings > 1].index:
        assert names[pid] in ex.speaker.options
        others = set(q.loc[q["person_id"] == pid, "speaker"]) - {names[pid]}
        assert not others & set(ex.speaker.options)


def test_slider_readout_is_a_date_in_words(hc):
    ex = W.Explorer(hc)
    assert ex.dates.options[0] == ("1 May 2021", "2021-05-01")
    assert "1 May 2021" in ex.date_label.value and "4 May 2021" in ex.date_label.value


def test_first_keyword_is_a_word_not_a_letter(corpus):
    kw = W.first_keyword(corpus)
    first = corpus.propositions["keywords"].dropna().iloc[0]
    assert len(kw) > 1 and kw == str(first).split("|")[0].strip()
    kx = W.KwicExplorer(corpus, None)
    assert kx.text.value == kw and len(kx.frame) > 0
    assert not re.search(r"\d{3}_[0-9a-f]{16}", kx.output.value)


def test_side_by_side_pickers_and_stance_colours(hc):
    sbs = W.SideBySide(hc, "h1", "h2", proposition="P1")
    left, right = (p.value for p in sbs.panes.children)
    assert_no_live_markup(left + right)
    assert "says yes" in sbs.legend.value and "says no" in sbs.legend.value
    marks = dict(re.findall(r'title="([^"]*)">(.*?)</mark>', right))
    assert marks["says yes"] == "the plan is final." and marks["says no"] == "denied the plan"
    sbs.claim.value = "P2"
    marks = dict(re.findall(r'title="([^"]*)">(.*?)</mark>', sbs.panes.children[1].value))
    assert (
        marks["takes no side"] == "denied the plan" and marks["not coded"] == "the plan is final."
    )
    sbs.left.value = "h2"
    assert "Mayor Kim" in sbs.panes.children[0].value


def test_selection_table_follows_the_dashboard(corpus):
    """The table follows the dashboard's selection through an observer: no re-run."""
    pytest.importorskip("anywidget")
    import altair as alt

    from iranstrikes import charts

    jc = alt.JupyterChart(charts.linked_sourcing_dashboard(corpus))
    follow = W.SelectionTable(corpus, jc)
    n = len(corpus.quotes)
    assert len(follow.frame) == n and f"of {n} quotes" in follow.table.value
    speaker = follow.frame["speaker"].iloc[0]
    sel = jc.selections.speaker_select
    new = type(sel)(name=sel.name, value=[{"speaker": speaker}], store=sel.store)
    jc.selections._set_value("speaker_select", new)  # what a click in the browser does
    assert set(follow.frame["speaker"]) == {speaker} and len(follow.frame) < n
    assert speaker.split()[0] in follow.table.value


def test_a_stance_coded_to_someone_else_names_them(corpus):
    """A quote the codebook credits to another speaker too ("denied reports that ...") says
    whose each stance is, and the stance filter still finds it."""
    from iranstrikes import charts, reader
    from iranstrikes.widgets import html as H

    table = charts.quotes_table_data(corpus)
    claims = reader.claim_names(corpus)
    other = table[table["stances"].str.contains("@", regex=False)]
    assert len(other), "the seeds' codebook credits some quotes' stances to another speaker"
    for r in other.itertuples(index=False):
        shown = H._stances_words(r.stances, claims)
        for _pid, stance, who in charts.stance_triples(r.stances):
            assert stance in ("affirms", "denies", "neither")
            if who:
                assert who != r.speaker and f"{who} {H.STANCE_WORDS[stance]}" in shown
        pid, stance, _ = charts.stance_triples(r.stances)[0]
        hits = W.filter_quotes(corpus, proposition=pid, stance=stance, table=table)
        assert r.quote_id in set(hits["quote_id"])
