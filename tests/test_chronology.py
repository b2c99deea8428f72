"""Tests for iranstrikes.chronology.

The seed expectations below come from reading the seed articles by hand (Dec 2014: Mon 1,
Tue 2, Wed 3, Fri 5, Sat 6). The publication dates are those the manifest will carry; the
loader is written concurrently, so the raw seed text is read directly here.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iranstrikes import chronology as ch

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "chronology"

# article prefix -> (published, basis); None = unknown
SEED_MANIFEST = {
    "000": ("2014-12-06", "url"),
    "001": ("2014-12-03", "dateline"),
    "002": (None, "unknown"),
    "003": (None, "unknown"),
    "004": ("2014-12-03", "dateline"),
}
FIXTURE_MANIFEST = {
    "a_harbour": ("2014-12-31", "dateline"),
    "b_council": ("2015-01-05", "manifest"),
    "c_cranes": (None, "unknown"),
    "d_bridge": ("2015-01-02", "manifest"),
}


def T(s: str) -> pd.Timestamp:
    return pd.Timestamp(s)


def _articles(folder: Path, manifest: dict, name_len: int | None) -> pd.DataFrame:
    rows = []
    for path in sorted(folder.glob("*.txt")):
        aid = path.stem[:name_len] if name_len else path.stem
        pub, basis = manifest[aid]
        rows.append(
            {
                "article_id": aid,
                "body": path.read_text(encoding="utf-8"),
                "published": T(pub) if pub else pd.NaT,
                "published_latest": pd.NaT,
                "published_basis": basis,
            }
        )
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def seed_articles() -> pd.DataFrame:
    return _articles(SEEDS, SEED_MANIFEST, 3)


@pytest.fixture(scope="module")
def seed_chronology(seed_articles):
    return ch.build_chronology(seed_articles)


@pytest.fixture(scope="module")
def fixture_chronology():
    return ch.build_chronology(_articles(FIXTURES, FIXTURE_MANIFEST, None))


def _row(events: pd.DataFrame, article_id: str, date_text: str, nth: int = 0) -> pd.Series:
    norm = events["date_text"].map(_ws)  # seeds contain no-break spaces
    hit = events[(events["article_id"] == article_id) & (norm == date_text)]
    assert len(hit) > nth, f"{article_id}: no row for {date_text!r}"
    return hit.iloc[nth]


def _ws(text) -> str:
    return " ".join(str(text).split())


def _dates(row) -> tuple[pd.Timestamp, pd.Timestamp]:
    return row["date_start"], row["date_end"]


# --------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------

SAT = "2014-12-06"
WED = "2014-12-03"


@pytest.mark.parametrize(
    ("text", "anchor", "tense", "start", "end", "method"),
    [
        ("on Friday", SAT, "past", "2014-12-05", "2014-12-05", "weekday-past"),
        ("on Wednesday", WED, "past", WED, WED, "weekday-past"),  # same weekday = same day
        ("Earlier on Tuesday", WED, "past", "2014-12-02", "2014-12-02", "weekday-past"),
        ("on Thursday", WED, "past", "2014-11-27", "2014-11-27", "weekday-past"),
        ("on Monday", WED, "future", "2014-12-08", "2014-12-08", "weekday-future"),
        ("on Wednesday", WED, "future", WED, WED, "weekday-future"),
        ("last Wednesday", WED, "past", "2014-11-26", "2014-11-26", "weekday-last"),
        ("next Wednesday", WED, "past", "2014-12-10", "2014-12-10", "weekday-next"),
        ("earlier this week", SAT, "past", "2014-12-01", "2014-12-05", "relative"),
        ("this week", SAT, "past", "2014-12-01", SAT, "relative"),
        ("last week", WED, "past", "2014-11-24", "2014-11-30", "relative"),
        ("in recent days", WED, "past", "2014-11-26", WED, "relative"),
        ("in the past several days", WED, "past", "2014-11-26", WED, "relative"),
        ("since August", WED, "past", "2014-08-01", WED, "month"),
        ("last month", "2015-01-05", "past", "2014-12-01", "2014-12-31", "relative"),
        ("yesterday", "2015-01-01", "past", "2014-12-31", "2014-12-31", "relative"),
        ("tomorrow", "2014-12-31", "past", "2015-01-01", "2015-01-01", "relative"),
        ("three days ago", WED, "past", "2014-11-30", "2014-11-30", "ago"),
        ("December 3", WED, "past", WED, WED, "month-day-year-from-anchor"),
        (
            "December 30",
            "2015-01-02",
            "past",
            "2014-12-30",
            "2014-12-30",
            "month-day-year-from-anchor",
        ),
        (
            "January 5",
            "2014-12-30",
            "future",
            "2015-01-05",
            "2015-01-05",
            "month-day-year-from-anchor",
        ),
        ("Dec 2, 2014", None, "past", "2014-12-02", "2014-12-02", "month-day"),
        ("December 03, 2014", None, "past", WED, WED, "month-day"),
        ("3 December 2014", None, "past", WED, WED, "day-month"),
        ("2014-12-03", None, "past", WED, WED, "iso"),
        ("03/12/2014", None, "past", WED, WED, "numeric"),
        ("In June 2014", None, "past", "2014-06-01", "2014-06-30", "month-year"),
        ("since 2012", WED, "past", "2012-01-01", WED, "year"),
        ("in mid-December", WED, "past", "2014-12-11", "2014-12-20", "month"),
        (
            "on Friday, December 5",
            SAT,
            "past",
            "2014-12-05",
            "2014-12-05",
            "weekday-date-year-from-anchor",
        ),
    ],
)
def test_resolve_expression(text, anchor, tense, start, end, method):
    s, e, m, conf = ch.resolve_expression(text, anchor, tense=tense)
    assert (s, e) == (T(start), T(end))
    assert m == method
    assert 0 < conf <= 1


def test_weekday_date_mismatch_is_flagged():
    s, _, method, conf = ch.resolve_expression("on Thursday, December 5, 2014")
    assert s == T("2014-12-05") and method == "weekday-date-mismatch" and conf < 0.5


def test_numeric_ambiguous_day_month_is_low_confidence():
    assert ch.resolve_expression("03/12/2014")[3] < ch.resolve_expression("25/12/2014")[3]


def test_unanchored_relative_expression_is_unresolved():
    s, e, _, conf = ch.resolve_expression("on Tuesday", None)
    assert s is None and e is None and conf == 0


def test_interval_anchor_propagates():
    # published somewhere in Wed 3 .. Mon 8 Dec: a past Wednesday is pinned, a Friday is not
    s, e, _, _ = ch.resolve_expression("on Wednesday", "2014-12-03", "2014-12-08")
    assert (s, e) == (T("2014-12-03"), T("2014-12-03"))
    s, e, _, _ = ch.resolve_expression("on Friday", "2014-12-03", "2014-12-08")
    assert (s, e) == (T("2014-11-28"), T("2014-12-05"))
    s, e, _, _ = ch.resolve_expression("earlier this week", "2014-12-03", "2014-12-08")
    assert (s, e) == (T("2014-12-01"), T("2014-12-08"))  # a Monday anchor: "this week" = Mon


def test_year_boundary_weekday():
    # Friday 2 Jan 2015: "on Wednesday" is 31 Dec 2014, "will ... on Monday" is 5 Jan 2015
    assert ch.resolve_weekday("Wednesday", "2015-01-02") == T("2014-12-31")
    assert ch.resolve_weekday("Monday", "2015-01-02", "future") == T("2015-01-05")
    assert ch.resolve_weekday("Thursday", "2014-12-30", "future") == T("2015-01-01")


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@settings(max_examples=300, deadline=None)
@given(
    anchor=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
    wd=st.integers(0, 6),
    phrase=st.sampled_from(["on {}", "{}", "Earlier on {}", "late on {}", "on {} night"]),
)
def test_past_weekday_property(anchor, wd, phrase):
    s, e, method, _ = ch.resolve_expression(phrase.format(WEEKDAYS[wd]), anchor)
    a = T(anchor)
    assert s == e
    assert 0 <= (a - s).days <= 6
    assert s.weekday() == wd
    assert method == "weekday-past"


@settings(max_examples=200, deadline=None)
@given(
    anchor=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
    wd=st.integers(0, 6),
    span=st.integers(0, 10),
)
def test_weekday_interval_anchor_property(anchor, wd, span):
    lo, hi = T(anchor), T(anchor) + pd.Timedelta(days=span)
    s, e, _, _ = ch.resolve_expression(f"on {WEEKDAYS[wd]}", lo, hi)
    assert s.weekday() == wd and e.weekday() == wd
    assert s == ch.resolve_weekday(wd, lo) and e == ch.resolve_weekday(wd, hi)
    assert s <= e


@settings(max_examples=200, deadline=None)
@given(
    anchor=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
    wd=st.integers(0, 6),
)
def test_future_weekday_property(anchor, wd):
    d = ch.resolve_weekday(wd, anchor, "future")
    assert 0 <= (d - T(anchor)).days <= 6 and d.weekday() == wd


# --------------------------------------------------------------------------------------
# Per-article frame
# --------------------------------------------------------------------------------------


def test_frame_shape_and_spans(seed_articles):
    for r in seed_articles.itertuples(index=False):
        ev = ch.extract_events(
            r.article_id, r.body, r.published, r.published_latest, r.published_basis
        )
        assert tuple(ev.columns) == ch.EVENT_COLUMNS
        assert ev["event_id"].is_unique
        assert list(ev["event_id"]) == sorted(ev["event_id"])
        assert (ev["start"].diff().dropna() >= 0).all()
        dated = ev[ev["date_text"] != ""]
        for x in dated.itertuples(index=False):
            assert r.body[x.date_text_start : x.date_text_end] == x.date_text
            assert x.start <= x.date_text_start or x.basis.startswith("event:") or True
        assert (ev["description"].str.len() <= ch.DESCRIPTION_MAX).all()
        assert set(ev["kind"]) <= {"statement", "event", "stamp"}
        undated = ev[ev["date_start"].isna()]
        assert (undated["basis"] == "none").all()
        assert ((ev["date_start"] <= ev["date_end"]) | ev["date_start"].isna()).all()


def test_deterministic(seed_articles):
    r = seed_articles.iloc[1]
    a = ch.extract_events(r.article_id, r.body, r.published, None, r.published_basis)
    b = ch.extract_events(r.article_id, r.body, r.published, None, r.published_basis)
    pd.testing.assert_frame_equal(a, b)


def test_publication_default_is_opt_in(seed_articles):
    r = seed_articles.iloc[0]
    off = ch.extract_events(r.article_id, r.body, r.published, None, r.published_basis)
    on = ch.extract_events(
        r.article_id, r.body, r.published, None, r.published_basis, default_to_publication=True
    )
    assert (off["method"] == "undated").any() and not (off["method"] == "publication-default").any()
    pd_rows = on[on["method"] == "publication-default"]
    assert len(pd_rows) == (off["method"] == "undated").sum()
    assert (pd_rows["confidence"] <= 0.2).all() and (pd_rows["date_start"] == T(SAT)).all()


def test_quote_ids_are_linked_when_quotes_given(seed_articles):
    r = seed_articles.iloc[0]
    body = r.body
    cue = body.index("confirmed on Friday")
    sent_lo = body.index("A senior Iranian official")
    quotes = pd.DataFrame(
        {
            "quote_id": ["000:q001"],
            "start": [cue + 20],
            "end": [cue + 60],
            "speaker": ["senior Iranian official"],
            "cue_start": [cue],
            "cue_end": [cue + 9],
            "sentence_start": [sent_lo],
            "sentence_end": [sent_lo + 150],
        }
    )
    ev = ch.extract_events("000", body, SAT, None, "url", quotes)
    row = _row(ev, "000", "on Friday")
    assert row["quote_id"] == "000:q001" and row["actor"] == "senior Iranian official"


# --------------------------------------------------------------------------------------
# Seeds (expected values from reading the articles)
# --------------------------------------------------------------------------------------


def test_seed_friday_confirmation(seed_chronology):
    row = _row(seed_chronology["events"], "000", "on Friday")
    assert _dates(row) == (T("2014-12-05"), T("2014-12-05"))
    assert row["kind"] == "statement" and row["basis"] == "published:url"
    assert "confirmed" in row["description"]


def test_seed_earlier_this_week_and_at_the_time(seed_chronology):
    ev = seed_chronology["events"]
    week = _row(ev, "000", "earlier this week")
    assert _dates(week) == (T("2014-12-01"), T("2014-12-05"))
    assert week["actor"] == "U.S. officials"
    at = _row(ev, "000", "at the time")
    assert at["basis"] == f"event:{week['event_id']}"
    assert _dates(at) == _dates(week)


def test_seed_pentagon_tuesday_and_wednesday(seed_chronology):
    ev = seed_chronology["events"]
    wed = _row(ev, "001", "Earlier on Wednesday")
    tue = _row(ev, "001", "Earlier on Tuesday")
    assert _dates(wed) == (T(WED), T(WED))
    assert _dates(tue) == (T("2014-12-02"), T("2014-12-02"))
    assert "pentagon" in wed["actor"].lower() and "pentagon" in tue["actor"].lower()
    kirby = _row(ev, "004", "on Tuesday")  # "said at a briefing on Tuesday"
    assert _dates(kirby) == (T("2014-12-02"), T("2014-12-02")) and kirby["kind"] == "statement"
    assert kirby["actor"].endswith("Kirby")
    recent = _row(ev, "004", "in recent days")  # inside the quoted briefing: relative to it
    assert recent["basis"] == f"event:{kirby['event_id']}"
    assert _dates(recent) == (T("2014-11-25"), T("2014-12-02"))


def test_seed_dateline_and_explicit(seed_chronology):
    ev = seed_chronology["events"]
    dl = _row(ev, "001", "December 3")
    assert dl["method"] == "dateline" and _dates(dl) == (T(WED), T(WED))
    june = _row(ev, "001", "In June 2014")
    assert june["basis"] == "explicit" and _dates(june) == (T("2014-06-01"), T("2014-06-30"))
    # page furniture is not prose: its date is kept as a stamp, never as an event
    furniture = ev[ev["date_text"].str.contains("2021")]
    assert (furniture["kind"] == "stamp").all()
    assert not seed_chronology["timeline"]["description"].str.contains("2021").any()


def test_seed_wednesday_denial_004(seed_chronology):
    row = _row(seed_chronology["events"], "004", "on Wednesday")
    assert _dates(row) == (T(WED), T(WED)) and row["actor"] == "Iranian officials"


def test_seed_undated_articles_inferred(seed_chronology):
    inf = seed_chronology["inferred"].set_index("article_id")
    assert list(inf.index) == ["002", "003"]
    for aid in ("002", "003"):
        assert inf.at[aid, "published_basis"] == "inferred"
        assert inf.at[aid, "published"] == T(WED)
        assert inf.at[aid, "published_latest"] > inf.at[aid, "published"]  # a range, not a guess
        assert "on Wednesday" in inf.at[aid, "published_evidence"]


def test_seed_afkham_and_tuesday_remarks_after_inference(seed_chronology):
    ev = seed_chronology["events"]
    wed = _row(ev, "003", "on Wednesday")
    assert _dates(wed) == (T(WED), T(WED)) and wed["basis"] == "published:inferred"
    assert wed["actor"].endswith("Afkham")
    tue = _row(ev, "003", "on Tuesday")  # "In relevant remarks on Tuesday"
    assert _dates(tue) == (T("2014-12-02"), T("2014-12-02"))
    wed2 = _row(ev, "002", "on Wednesday")  # "..., the ... agency reported on Wednesday"
    assert _dates(wed2) == (T(WED), T(WED)) and wed2["actor"].endswith("Afkham")
    assert wed2["method"].endswith("+via-report")
    harf = _row(ev, "002", "On Tuesday")
    assert _dates(harf) == (T("2014-12-02"), T("2014-12-02"))
    since = _row(ev, "002", "Since August")
    assert since["date_start"] == T("2014-08-01")


def test_seed_undated_without_inference(seed_articles):
    r = seed_articles.set_index("article_id").loc["003"]
    ev = ch.extract_events("003", r.body, None, None, "unknown")
    dated = ev[ev["date_text"] != ""]
    assert len(dated) and dated["date_start"].isna().all() and (dated["basis"] == "none").all()


def test_seed_conflict_in_001(seed_chronology):
    con = seed_chronology["conflicts"]
    assert tuple(con.columns) == ch.CONFLICT_COLUMNS
    hit = con[con["article_ids"] == "001"]
    assert len(hit) == 1
    c = hit.iloc[0]
    assert {_ws(t) for t in c["date_texts"].split("|")} == {
        "Earlier on Wednesday",
        "Earlier on Tuesday",
    }
    assert set(c["dates"].split("|")) == {"2014-12-02", "2014-12-03"}
    assert "disjoint" in c["reason"]


def test_seed_timeline(seed_chronology):
    tl = seed_chronology["timeline"]
    assert tuple(tl.columns) == ch.TIMELINE_COLUMNS
    assert tl["timeline_id"].is_unique
    afkham = tl[tl["event_ids"].str.contains("002:") & tl["event_ids"].str.contains("003:")]
    afkham = afkham[afkham["date_start"] == T(WED)]
    assert len(afkham) == 1 and afkham.iloc[0]["n_reports"] >= 2
    pentagon = tl[tl["has_conflict"] & (tl["article_ids"] == "001")]
    assert len(pentagon) == 1
    assert pentagon.iloc[0]["date_start"] == T("2014-12-02")
    assert pentagon.iloc[0]["date_end"] == T(WED)
    dated = tl[tl["date_start"].notna()]
    assert list(dated["date_start"]) == sorted(dated["date_start"])


def test_no_seed_names_in_module():
    src = "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "iranstrikes" / "chronology").glob("*.py")
    )
    for name in ("Rahimpour", "Afkham", "Jazayeri", "Kirby", "Harf", "Abadi", "Sputnik",
                 "Fars News", "Al Arabiya", "Financial Tribune", "Global Research"):  # fmt: skip
        assert name not in src


# --------------------------------------------------------------------------------------
# Invented fixture corpus (tests/fixtures/chronology, see README there)
# --------------------------------------------------------------------------------------

FIXTURE_EXPECTED = [
    # (article, date_text, start, end, kind)
    ("a_harbour", "on Monday", "2014-12-29", "2014-12-29", "statement"),
    ("a_harbour", "mid-December", "2014-12-11", "2014-12-20", "event"),
    ("a_harbour", "on Friday", "2015-01-02", "2015-01-02", "event"),  # future, across the year
    ("a_harbour", "Earlier this week", "2014-12-29", "2014-12-30", "event"),
    ("a_harbour", "Last month", "2014-11-01", "2014-11-30", "event"),
    ("a_harbour", "since 2009", "2009-01-01", "2014-12-31", "event"),
    ("a_harbour", "yesterday", "2014-12-30", "2014-12-30", "event"),
    ("b_council", "on December 30", "2014-12-30", "2014-12-30", "event"),  # year from anchor
    ("b_council", "on Sunday", "2015-01-04", "2015-01-04", "statement"),
    ("b_council", "on Monday", "2015-01-05", "2015-01-05", "statement"),  # same weekday
    ("b_council", "next week", "2015-01-12", "2015-01-18", "event"),
    ("b_council", "in recent days", "2014-12-29", "2015-01-05", "statement"),
    ("b_council", "last month", "2014-12-01", "2014-12-31", "event"),  # across the year
    ("b_council", "on Thursday", "2015-01-08", "2015-01-08", "event"),  # "would be published"
    ("c_cranes", "on Tuesday", "2014-12-30", "2014-12-30", "statement"),
    ("c_cranes", "on Monday", "2014-12-29", "2014-12-29", "statement"),
    ("c_cranes", "on Friday", "2015-01-02", "2015-01-02", "event"),
    ("d_bridge", "On Thursday", "2015-01-01", "2015-01-01", "statement"),
    ("d_bridge", "on Wednesday", "2014-12-31", "2014-12-31", "statement"),
]


@pytest.mark.parametrize(("aid", "text", "start", "end", "kind"), FIXTURE_EXPECTED)
def test_fixture_dates(fixture_chronology, aid, text, start, end, kind):
    row = _row(fixture_chronology["events"], aid, text)
    assert _dates(row) == (T(start), T(end))
    assert row["kind"] == kind


def test_fixture_reported_speech_anchor(fixture_chronology):
    ev = fixture_chronology["events"]
    nxt = _row(ev, "b_council", "next week")
    owner = _row(ev, "b_council", "on Monday")
    assert nxt["basis"] == f"event:{owner['event_id']}"


def test_fixture_inference(fixture_chronology):
    inf = fixture_chronology["inferred"]
    assert list(inf["article_id"]) == ["c_cranes"]
    r = inf.iloc[0]
    assert (r["published"], r["published_latest"]) == (T("2015-01-02"), T("2015-01-04"))
    assert "matches a dated report" in r["published_evidence"]
    row = _row(fixture_chronology["events"], "c_cranes", "on Monday")
    assert row["basis"] == "published:inferred"


def test_fixture_conflict_and_timeline(fixture_chronology):
    con = fixture_chronology["conflicts"]
    assert list(con["article_ids"]) == ["d_bridge"]
    assert set(con.iloc[0]["dates"].split("|")) == {"2014-12-31", "2015-01-01"}
    tl = fixture_chronology["timeline"]
    mayor = tl[tl["event_ids"].str.contains("a_harbour") & tl["event_ids"].str.contains("c_cranes")]
    mayor = mayor[mayor["date_start"] == T("2015-01-02")]
    assert len(mayor) == 1 and not mayor.iloc[0]["has_conflict"]
    assert mayor.iloc[0]["date_end"] == T("2015-01-02")


# --------------------------------------------------------------------------------------
# Cross-article functions on small hand-made frames
# --------------------------------------------------------------------------------------


def _ev(eid, aid, actor, desc, s, e=None, text="on Tuesday", person_id=None):
    return {
        "event_id": eid,
        "article_id": aid,
        "actor": actor,
        "person_id": person_id,
        "description": desc,
        "quote_id": None,
        "kind": "statement",
        "date_start": T(s) if s else pd.NaT,
        "date_end": T(e or s) if s else pd.NaT,
        "date_text": text,
        "date_text_start": 0,
        "date_text_end": 10,
        "start": 0,
        "end": 100,
        "anchor": "",
        "basis": "published:manifest",
        "confidence": 0.8,
        "method": "weekday-past",
    }


def test_merge_intersects_consistent_reports():
    ev = pd.DataFrame(
        [
            _ev(
                "x:e001",
                "x",
                "Minister Ana Borg",
                "Borg said the plant will close in May",
                "2020-03-01",
                "2020-03-07",
            ),
            _ev("y:e001", "y", "Borg", "the plant will close in May, Borg said", "2020-03-03"),
            _ev("z:e001", "z", "Dr. Borg", "Borg opened a school in the north", "2020-03-03"),
        ]
    )
    tl = ch.merge_timeline(ev)
    grp = tl[tl["n_reports"] == 3]
    # same surname and same single day -> the school report joins the same-day report
    assert len(grp) == 1 and grp.iloc[0]["date_start"] == T("2020-03-03")
    assert grp.iloc[0]["date_end"] == T("2020-03-03") and not grp.iloc[0]["has_conflict"]
    assert ch.find_conflicts(ev).empty


def test_person_id_overrides_surname():
    ev = pd.DataFrame(
        [
            _ev(
                "x:e001",
                "x",
                "the ministry spokesman",
                "denied the plant will close",
                "2020-03-02",
                person_id="p1",
            ),
            _ev(
                "y:e001",
                "y",
                "Ana Borg",
                "denied the plant will close",
                "2020-03-03",
                person_id="p1",
            ),
        ]
    )
    con = ch.find_conflicts(ev)
    assert len(con) == 1 and con.iloc[0]["event_ids"] == "x:e001|y:e001"
    assert ch.merge_timeline(ev).iloc[0]["actor"] == "p1"


def test_generic_actors_need_more_overlap():
    ev = pd.DataFrame(
        [
            _ev(
                "x:e001", "x", "a senior official", "the army shelled the border town", "2020-03-02"
            ),
            _ev("y:e001", "y", "a senior official", "the budget will rise next year", "2020-03-05"),
        ]
    )
    assert ch.find_conflicts(ev).empty
    assert len(ch.merge_timeline(ev)) == 2


def test_empty_inputs():
    empty = pd.DataFrame(columns=list(ch.EVENT_COLUMNS))
    assert ch.find_conflicts(empty).empty and ch.merge_timeline(empty).empty
    assert tuple(ch.merge_timeline(empty).columns) == ch.TIMELINE_COLUMNS


def test_infer_with_only_an_explicit_date_gives_a_lower_bound():
    arts = pd.DataFrame(
        {
            "article_id": ["u"],
            "body": ["The board said the deal was signed on March 2, 2019, and shares rose."],
            "published": [pd.NaT],
            "published_latest": [pd.NaT],
            "published_basis": ["unknown"],
        }
    )
    ev = ch.extract_events("u", arts.at[0, "body"], None, None, "unknown")
    inf = ch.infer_publication_dates(arts, ev)
    r = inf.iloc[0]
    assert r["published"] == T("2019-03-02") and pd.isna(r["published_latest"])
    assert r["published_basis"] == "inferred" and "lower bound" in r["published_evidence"]


def test_infer_without_evidence_is_unknown():
    arts = pd.DataFrame(
        {
            "article_id": ["u"],
            "body": ["The board said shares rose sharply in early trading."],
            "published": [pd.NaT],
            "published_latest": [pd.NaT],
            "published_basis": ["unknown"],
        }
    )
    ev = ch.extract_events("u", arts.at[0, "body"], None, None, "unknown")
    r = ch.infer_publication_dates(arts, ev).iloc[0]
    assert r["published_basis"] == "unknown" and pd.isna(r["published"])


def test_dating_counts_add_up(corpus):
    from iranstrikes.evidence import dating_counts

    counts = dating_counts(corpus)
    assert list(counts.index) == ["exact day", "interval", "not dated"]
    assert counts.sum() == len(corpus.events)
    assert counts["exact day"] >= 5 and counts["interval"] >= 3


# --------------------------------------------------------------------------------------
# Invented multi-year folder with a file,url manifest (tests/fixtures/chronology/multiyear)
# --------------------------------------------------------------------------------------

MULTIYEAR = FIXTURES / "multiyear"


@pytest.fixture(scope="module")
def multiyear():
    from iranstrikes.corpus import load_corpus

    return load_corpus(MULTIYEAR)


def test_multiyear_every_dated_url_yields_its_date(multiyear):
    a = multiyear.articles.set_index("article_id")
    for aid, day in (
        ("m2003_flood", "2003-07-19"),
        ("m2014_dam_report", "2014-12-03"),
        ("m2016_budget", "2016-05-05"),
    ):
        assert a.at[aid, "published"] == T(day) and a.at[aid, "published_basis"] == "url"
    assert a.at["m2011_protest", "published"] == T("2011-03-04")
    assert a.at["m2011_protest", "published_basis"] == "dateline"


def test_multiyear_no_year_against_the_articles_own_evidence(multiyear):
    a = multiyear.articles.set_index("article_id")
    ev = multiyear.events
    for aid, row in a.iterrows():
        if pd.isna(row["published"]):
            continue
        own = ev[(ev["article_id"] == aid) & (ev["basis"] == "explicit")]
        years = {y for s, e in zip(own["date_start"], own["date_end"], strict=True)
                 for y in range(s.year, e.year + 1)}  # fmt: skip
        if years:
            assert row["published"].year in years | {max(years)}, aid
    # the 2002 article is never carried into the 2014 story, and a bare year is no day
    assert pd.isna(a.at["m2002_vote", "published"])
    assert a.at["m2002_vote", "published_basis"] == "unknown"
    # a dateline without a year, in a story of its own, stays undated
    assert pd.isna(a.at["myearless_market", "published"])


def test_multiyear_same_story_inference_states_its_evidence(multiyear):
    r = multiyear.articles.set_index("article_id").loc["m2014_dam_followup"]
    assert r["published_basis"] == "inferred"
    assert (r["published"], r["published_latest"]) == (T("2014-12-03"), T("2014-12-09"))
    assert "same story as m2014_dam_report" in r["published_evidence"]
    assert "confidence" in r["published_evidence"]


def test_multiyear_bare_year_and_future(multiyear):
    ev = multiyear.events
    y2016 = _row(ev, "m2016_budget", "In 2016")
    assert _dates(y2016) == (T("2016-01-01"), T("2016-12-31")) and y2016["basis"] == "explicit"
    friday = _row(ev, "m2011_protest", "until Friday")  # "would continue until Friday"
    assert _dates(friday)[1] == T("2011-03-04")
    jan = _row(ev, "m2014_dam_report", "in January")  # "would publish ... in January"
    assert _dates(jan) == (T("2015-01-01"), T("2015-01-31"))


def test_unresolvable_expressions_are_kept():
    ev = ch.extract_events("x", "The city said it would open two more markets this year.", None)
    row = _row(ev, "x", "this year")
    assert row["basis"] == "none" and pd.isna(row["date_start"])


@pytest.mark.parametrize(
    ("text", "anchor", "start", "end"),
    [
        ("a 2010 commando raid", "2014-12-03", "2010-01-01", "2010-12-31"),
        ("prices rose in October 2007", "2014-12-03", "2007-10-01", "2007-10-31"),
        ("three years ago", "2014-12-03", "2011-01-01", "2011-12-31"),
        ("two weeks ago", "2014-12-03", "2014-11-19", "2014-11-19"),
        ("the end of the year", "2014-12-03", "2014-11-01", "2014-12-31"),
        ("this fiscal year", "2014-12-03", "2014-01-01", "2014-12-03"),
        ("early 2009", "2014-12-03", "2009-01-01", "2009-04-30"),
        ("last summer", "2014-12-03", "2014-06-01", "2014-08-31"),
        ("mid-1996", "2014-12-03", "1996-05-01", "1996-08-31"),
        ("late 2006", "2014-12-03", "2006-09-01", "2006-12-31"),
        ("early December", "2014-12-20", "2014-12-01", "2014-12-10"),
    ],
)
def test_new_expressions(text, anchor, start, end):
    s, e, _, _ = ch.resolve_expression(text, anchor)
    assert (s, e) == (T(start), T(end))


@pytest.mark.parametrize(
    ("sentence", "anchor", "day"),
    [
        # future: the next such day on or after the anchor
        ("The contract may be signed on September 12, officials said.", "2007-09-08", "2007-09-12"),
        ("Markets remain closed until Friday, the exchange said.", "2008-09-18", "2008-09-19"),
        # past: the latest one on or before it
        ("The contract was signed on September 12, officials said.", "2007-09-08", "2006-09-12"),
    ],
)
def test_tense_decides_past_or_future(sentence, anchor, day):
    ev = ch.extract_events("x", sentence, T(anchor), None, "manifest")
    dated = ev[ev["date_start"].notna()]
    assert dated.iloc[0]["date_end"] == T(day)


@pytest.mark.parametrize(
    ("phrase", "actor"),
    [
        ("strikes but", ""),
        ("Iranian officials initially", "Iranian officials"),
        ("Images appearing to show Iranian jets", ""),
        ("CAIRO", ""),
        ("it", ""),
        ("Chairman Osric Pellow said the council", "the council"),
        ("The water authority", "The water authority"),
        ("of residents", ""),  # a prepositional phrase is no subject
        ("For the third quarter", ""),
        ("The", ""),  # a determiner alone, or at the end
        ("Plans for an", ""),
        ("There", ""),
        ("s figures", ""),  # the tail of a possessive
        ("The work must go on!", ""),  # a sentence
        ("A ferry clerk who", "A ferry clerk"),
        ("At least 12 dock workers", "At least 12 dock workers"),  # a count
        ("About 40 residents", "About 40 residents"),
        # pieces of clauses: an opener, a participle, a negated verb, a second subject,
        # a time phrase, a token that is no word
        ("Despite the harbour strike", ""),
        ("While the ferry company", ""),
        ("Speaking to the harbour radio", ""),
        ("Having", ""),
        ("The ferry clerk didn’t", ""),
        ("The one thing we", ""),
        ("Ten days after the vote", ""),
        ("Three weeks", ""),
        ("href=", ""),
        ("My sister and I", "My sister and I"),  # a coordinated pronoun belongs to the phrase
        ("The first ferry", "The first ferry"),
        ("Ten dock workers", "Ten dock workers"),  # a count, no unit of time
        ("Supporters of the ferry plan", "Supporters of the ferry plan"),
    ],
)
def test_choose_actor_gives_no_fragment(phrase, actor):
    from iranstrikes.chronology.actors import choose_actor

    got, pid = choose_actor(phrase)
    assert got == actor and pd.isna(pid)


def test_choose_actor_takes_the_quote_speaker():
    from iranstrikes.chronology.actors import choose_actor

    assert choose_actor("strikes but", quote_speaker="Dana Okafor", quote_person_id="p1") == (
        "Dana Okafor",
        "p1",
    )


def test_explain_date_in_words(seed_chronology):
    ev = seed_chronology["events"]
    friday = _row(ev, "000", "on Friday")
    words = ch.explain_date(friday)
    assert "weekday" in words and "web address" in words and "How sure" in words
    # the day it was counted from, which way the tense points, and the day it gives
    assert "6 Dec 2014" in words and "past tense" in words and "last Friday" in words
    assert "Result: 5 Dec 2014" in words
    assert ch.explain_date({"basis": "none", "method": "undated"}).startswith("Not dated")
    june = _row(ev, "001", "In June 2014")
    assert "written out in full" in ch.explain_date(june)
    assert "unknown" in ch.explain_publication("unknown").lower()


def test_explain_date_says_what_each_basis_rests_on():
    body = (
        "The harbour council voted on Tuesday, officials said. The council will meet again "
        "on Friday, its chair said. The cranes were bought in June 2009, the port said. "
        "Velden said the ships had waited at the time. The crew has struck since August."
    )
    ev = ch.extract_events("x", body, T("2015-01-08"), T("2015-01-10"), "inferred")
    by = {r["date_text"]: ch.explain_date(r) for r in ev.to_dict("records") if r["date_text"]}
    assert "last Tuesday on or before the day of publication" in by["on Tuesday"]
    assert "some day in 8–10 Jan 2015" in by["on Tuesday"]
    assert "looks ahead" in by["on Friday"] and "next Friday" in by["on Friday"]
    assert "written out in full" in by["in June 2009"]
    assert "previous dated event" in by["at the time"]
    assert "'since' runs from its start" in by["since August"]
    assert "a range, not a fact" in by["since August"]
    short = ch.explain_date(ev[ev["date_text"] == "on Tuesday"].iloc[0], confidence=False)
    assert "How sure" not in short and "Result" in short


def test_date_reasons_table_explains_every_date_in_words():
    from iranstrikes import load_corpus, reader

    c = load_corpus(FIXTURES, progress=False)
    t = reader.date_reasons_table(c)
    df = t.data
    dated = c.events[c.events["date_text"].fillna("") != ""]
    assert len(df) == len(dated)  # every date expression, dated or not
    assert set(df.columns) >= {"Words in the article", "When", "Why this date", "How sure"}
    assert all(isinstance(w, str) and len(w.split()) >= 8 for w in df["Why this date"])
    text = repr(t) + t._repr_html_()
    assert not re.search(r"\d{3}_[0-9a-f]{16}|<NA>|NaT|00:00:00|event:", text)


def test_anaphoric_dates_follow_the_previous_date():
    body = (
        "The bridge was closed on 3 March 2010, officials said. "
        "Later that year the council voted to rebuild it, a spokesman said."
    )
    ev = ch.extract_events("x", body, T("2014-12-03"), None, "manifest")
    row = _row(ev, "x", "Later that year")
    assert _dates(row) == (T("2010-03-04"), T("2010-12-31"))
    assert row["basis"] == "event:x:e001" and row["method"] == "anaphoric-previous-event"


@pytest.mark.parametrize(
    ("text", "anchor", "day"),
    [
        ("Election Day", "1998-11-05", "1998-11-03"),  # the Tuesday after the first Monday
        ("next Christmas", "2014-12-03", "2014-12-25"),
        ("at Easter", "2015-04-10", "2015-04-05"),  # Western Easter (computus)
        ("Orthodox Easter", "2015-04-20", "2015-04-12"),  # Julian computus, as Gregorian
        ("Good Friday", "2016-04-01", "2016-03-25"),  # Easter - 2
    ],
)
def test_holidays(text, anchor, day):
    s, e, method, _ = ch.resolve_expression(text, anchor)
    assert (s, e, method) == (T(day), T(day), "holiday")


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("on Thanksgiving Day", "holiday-ambiguous"),  # United States or Canada: not said
        ("last Labor Day", "holiday-ambiguous"),  # September or May, by country
        ("after Eid al-Fitr", "holiday-moving"),  # a lunar calendar: not computed here
        ("before Passover", "holiday-moving"),
    ],
)
def test_holidays_not_dated_without_evidence(text, method):
    assert ch.resolve_expression(text, "2015-12-01") == (None, None, method, 0.0)


@pytest.mark.parametrize(
    ("body", "day"),
    [
        ("The bakeries sold out on new year's day, the owners said.", "2015-01-01"),
        ("The market stalls shut on christmas eve, the union said.", "2014-12-24"),
        ("The ferry ran late on New year's Day, the operator said.", "2015-01-01"),
        ("The shops in the old town closed on Eid Al-Fitr, the traders said.", None),
    ],
)
def test_holiday_names_in_any_case(body, day):
    ev = ch.extract_events("x", body, T("2015-12-01"), None, "manifest")
    row = ev[ev["date_text"] != ""].iloc[0]
    if day is None:  # found, not dated (a lunar calendar)
        assert "Eid Al-Fitr" in row["date_text"] and row["method"] == "holiday-moving"
    else:
        assert _dates(row) == (T(day), T(day)) and row["method"] == "holiday"


@pytest.mark.parametrize(
    "body",
    [
        "It was a good friday for the bakers, the owners said.",
        "The town held a memorial day for the flood victims, the mayor said.",
        "Voters queued for hours on election day, the observers said.",
    ],
)
def test_common_phrases_in_lower_case_are_no_holiday(body):
    ev = ch.extract_events("x", body, T("2015-12-01"), None, "manifest")
    assert (ev["date_text"] == "").all()


def test_nowruz_is_the_two_days_it_can_fall_on():
    s, e, method, _ = ch.resolve_expression("on Nowruz", "2015-03-25")
    assert (s, e, method) == (T("2015-03-20"), T("2015-03-21"), "holiday")


@pytest.mark.parametrize(
    ("body", "anchor", "day"),
    [
        # the dateline decides, even when the text names another country too
        ("OTTAWA, Oct. 14 (Maple Wire) - Shoppers filled the malls on Thanksgiving, the "
         "retailers said. Exports to the United States rose.", "2015-10-14", "2015-10-12"),
        ("WASHINGTON - Shoppers filled the malls on Thanksgiving, the retailers said. "
         "Sales rose.", "2014-12-01", "2014-11-27"),
        # no dateline: the only region named
        ("Shoppers filled the malls on Thanksgiving, the retailers said. Sales across "
         "Canada rose.", "2015-10-14", "2015-10-12"),
        ("Shoppers filled the malls on Thanksgiving, the retailers said. Sales across "
         "Canada and the United States rose.", "2015-10-14", None),  # both: not dated
    ],
)  # fmt: skip
def test_regional_holiday_follows_the_article(body, anchor, day):
    ev = ch.extract_events("x", body, T(anchor), None, "manifest")
    row = ev[ev["date_text"].str.contains("Thanksgiving")].iloc[0]
    if day is None:
        assert row["basis"] == "none" and pd.isna(row["date_start"])
        assert row["method"] == "holiday-ambiguous"
        assert "different days" in ch.explain_date(row)
    else:
        assert _dates(row) == (T(day), T(day)) and row["method"] == "holiday"
        assert row["basis"] == "published:manifest"


# --- event actors from the shared text model (invented text) -------------------------------

_ACTOR_TEXT = (
    "HARBOUR TALKS\n\nDefence Minister Clara Novak said on Monday that the talks had failed.\n\n"
    "Novak flew to Vienna on Tuesday. She met the mayor of the city on Wednesday, her aides "
    "said.\n\nA spokesman for the port, Peter Hale, told reporters on Thursday that ships were "
    "waiting.\n\nHale will brief the council next week, the port said."
)


def _actor_events(body: str) -> pd.DataFrame:
    from iranstrikes.quotes import extract_quotes

    q = extract_quotes(body).copy()
    q.insert(0, "article_id", "a")
    q.insert(0, "quote_id", [f"a:q{i:03d}" for i in range(len(q))])
    return ch.extract_events("a", body, T("2015-03-06"), None, "manifest", q), q


def test_event_actor_is_the_quote_speakers_entity():
    ev, q = _actor_events(_ACTOR_TEXT)
    speaker = q.loc[q["speaker"].str.contains("Novak"), "speaker"].iloc[0]
    by_date = {t: a for t, a in zip(ev["date_text"], ev["actor"], strict=True) if t}
    # surname and pronoun ("She", after another sentence) are the minister's entity, named
    # as the quote names its speaker; the title is not part of the actor
    assert by_date["on Tuesday"] == speaker == by_date["on Wednesday"]
    assert by_date["next week"] == q.loc[q["speaker"].str.contains("Hale"), "speaker"].iloc[0]


def test_event_actor_pronoun_follows_the_text_model_not_the_last_name():
    body = (
        "Finance Minister Clara Novak met Peter Hale in Vienna on Monday.\n\n"
        "She announced the new budget on Tuesday."
    )
    ev = ch.extract_events("a", body, T("2015-03-06"), None, "manifest")
    tue = ev[ev["date_text"] == "on Tuesday"].iloc[0]
    assert tue["actor"] == "Clara Novak"


# --- ordinal quarters and years in words (invented text) -----------------------------------


def test_ordinal_quarters_resolve_by_year_or_tense():
    body = (
        "Profits rose in the third quarter, the company said on Tuesday. Sales will recover in "
        "the first quarter, it said. Revenue in the second quarter of 2013 was flat, and Q4 "
        "2012 was worse."
    )
    ev = ch.extract_events("a", body, T("2014-11-05"), None, "manifest").set_index("date_text")
    assert _dates(ev.loc["third quarter"]) == (T("2014-07-01"), T("2014-09-30"))  # past
    assert _dates(ev.loc["first quarter"]) == (T("2015-01-01"), T("2015-03-31"))  # future
    q2 = ev.loc["second quarter of 2013"]
    assert _dates(q2) == (T("2013-04-01"), T("2013-06-30")) and q2["basis"] == "explicit"
    assert _dates(ev.loc["Q4 2012"]) == (T("2012-10-01"), T("2012-12-31"))


def test_years_written_in_words_are_whole_years():
    body = (
        "The plant opened in nineteen ninety-eight and closed in two thousand and three, the "
        "mayor said. Twenty fourteen-year-olds attended the ceremony on Friday."
    )
    ev = ch.extract_events("a", body, T("2014-11-05"), None, "manifest")
    got = {t: _dates(r) for t, (_, r) in zip(ev["date_text"], ev.iterrows(), strict=True) if t}
    assert got["in nineteen ninety-eight"] == (T("1998-01-01"), T("1998-12-31"))
    assert got["in two thousand and three"] == (T("2003-01-01"), T("2003-12-31"))
    assert not any("fourteen" in t for t in got)  # a count of people, not a year


def test_loader_stage_builds_the_text_model_once_for_quotes_and_events(monkeypatch):
    """The per-article stage gives one text model to both steps, with the same rows."""
    from iranstrikes import chronology, quotes, text
    from iranstrikes.corpus import article as art_mod

    body = (
        "Harbour Council Delays Vote\n\n"
        "The harbour council postponed its vote on Tuesday, officials said.\n\n"
        "Mara Velden, the council's treasurer, told reporters on Monday that the cranes "
        "would be repaired by next Friday.\n\n"
        '"We are not ready," she said.'
    )
    article = {
        "outlet": "Harbour Gazette",
        "published": pd.Timestamp("2015-01-08"),
        "published_latest": pd.Timestamp("2015-01-08"),
        "published_basis": "manifest",
    }
    given = {}
    real_q, real_e, real_m = quotes.quote_columns, chronology._event_records, text.model

    def q(*a, **k):
        given["quotes"] = k.get("text_model")
        return real_q(*a, **k)

    def e(*a, **k):
        given["events"] = k.get("text_model")
        return real_e(*a, **k)

    built = []
    monkeypatch.setattr(quotes, "quote_columns", q)
    monkeypatch.setattr(chronology, "_event_records", e)
    monkeypatch.setattr(text, "model", lambda t, _pre=None: built.append(t) or real_m(t, _pre=_pre))
    cols, events = art_mod._extract("a1", body, article, packed=True)
    assert built == [body]  # one model, of the whole text
    assert given["quotes"] is given["events"] is not None
    assert "Mara Velden" in cols["speaker"]
    assert any(r["actor"] == "Mara Velden" for r in events)
    # the same rows as each step building its own model
    own = real_q(body, "Harbour Gazette")
    assert {k: cols[k] for k in own} == own
    records = real_e(
        "a1", body, article["published"], article["published_latest"], "manifest", cols
    )
    assert records == events


def test_a_full_stop_after_a_month_name_is_not_part_of_the_date():
    from iranstrikes.chronology.expressions import _find_dates

    assert [m.text for m in _find_dates("The crew has struck since August.")] == ["since August"]
    assert [m.text for m in _find_dates("It began on Aug. 5 and ended in Sept. 2014.")] == [
        "on Aug. 5",
        "in Sept. 2014",
    ]


def test_month_names_alone_come_from_the_month_list():
    """A month alone is read from resources/months.csv: full names and dotted abbreviations,
    never the names that are common words ("may", "march") unless a day or year comes with them."""
    body = (
        "Port talks stalled in Jul. and again in October, the council said on Friday. "
        "Members may agree next year, and a march on the harbour is planned for March 2016."
    )
    ev = ch.extract_events("a", body, T("2015-03-06"), None, "manifest")
    texts = set(ev["date_text"].dropna())
    assert {"in Jul.", "in October", "March 2016"} <= texts
    assert not any(t.lower() in {"may", "march"} for t in texts)


def test_a_character_folding_to_ascii_takes_the_exact_path():
    from iranstrikes.chronology.expressions import _find_dates

    # "ſ" (long s) matches "s" in a case-insensitive pattern but lower-cases to itself: the
    # word pre-test must not rule out a date the rules themselves find
    text = "The talks in the port ended la\u017ft week, officials said."
    assert [m.text for m in _find_dates(text)] == ["la\u017ft week"]
    assert [m.text for m in _find_dates(text.replace("\u017f", "s"))] == ["last week"]
