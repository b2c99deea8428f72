"""Publication dates from URLs, HTML markup, datelines and stamps (chronology.published)."""

from __future__ import annotations

import socket

import pandas as pd
import pytest
from url_dates import URL_DATES

from iranstrikes.chronology.published import (
    choose_publication,
    date_from_html,
    date_from_url,
    parse_month_day,
    url_date,
)
from iranstrikes.normalise import date_from_url as normalise_date_from_url


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test: dates are read offline."""

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.mark.parametrize(("url", "want"), URL_DATES)
def test_url_shapes(url, want):
    got = date_from_url(url)
    assert (None if got is None else "-".join(f"{x:02d}" for x in got)) == want
    assert normalise_date_from_url(url) == got  # the thin re-export gives the same answer


def test_url_rule_is_named():
    (_, rule) = url_date("https://www.example-guardian.com/world/2014/dec/05/iran-air-strikes")
    assert rule == "url-y-monthname-d"
    assert url_date(None) is None and url_date("") is None


def test_html_meta_date_offline():
    html = (
        "<html><head><meta property='article:published_time' content='2014-12-03T10:00:00Z'>"
        "</head><body><p>Text.</p></body></html>"
    )
    day, how = date_from_html(html)
    assert day == pd.Timestamp("2014-12-03") and how == "htmldate"
    # a URL is never handed to htmldate (it would download it)
    assert date_from_html("https://example.com/2014/12/03/story") is None
    assert date_from_html("<html><body><p>No date here.</p></body></html>") is None


def test_parse_month_day():
    assert parse_month_day("December 3") == (12, 3, None)
    assert parse_month_day("Dec. 03, 2014") == (12, 3, 2014)
    assert parse_month_day("nothing") == (None, None, None)


def test_choose_keeps_every_candidate_and_reports_disagreement():
    pub = choose_publication(
        url="https://example.com/2014/12/06/story",
        dateline="MOSCOW, December 3 (Agency) —",
        dateline_month=12,
        dateline_day=3,
        published_text="2014-12-05",
    )
    assert pub.published == pd.Timestamp("2014-12-06") and pub.basis == "url"
    assert "dateline 2014-12-03" in pub.evidence and "text 2014-12-05" in pub.evidence
    codes = [c for c, _ in pub.problems]
    assert codes == ["date-disagreement", "date-disagreement"]
    assert "dateline says 2014-12-03" in pub.problems[0][1]


def test_choose_dateline_with_year_and_pending():
    pub = choose_publication(dateline="X, Dec. 3, 2003", dateline_month=12, dateline_day=3,
                             dateline_year=2003)  # fmt: skip
    assert (pub.published, pub.basis, pub.problems) == (pd.Timestamp("2003-12-03"), "dateline", [])
    pending = choose_publication(dateline="X, Dec. 3", dateline_month=12, dateline_day=3)
    assert pending.published is None and pending.basis == "unknown" and pending.pending == (12, 3)


def test_manifest_outranks_url():
    pub = choose_publication(
        manifest=pd.Timestamp("2014-12-07"), url="https://example.com/2014/12/06/story"
    )
    assert (pub.published, pub.basis) == (pd.Timestamp("2014-12-07"), "manifest")
    assert [c for c, _ in pub.problems] == ["date-disagreement"]


def test_yearless_dateline_never_takes_a_year_named_only_in_the_future_tense():
    from iranstrikes.chronology.published import choose_publication

    body = (
        "LISBON, March 4 - The port authority said on Tuesday that its new terminal, built "
        "since 2011, had opened. The concession will run until 2040."
    )
    got = choose_publication(
        dateline="LISBON, March 4",
        dateline_month=3,
        dateline_day=4,
        years_mentioned=[2011, 2040],
        body=body,
    )
    assert got.published == pd.Timestamp("2011-03-04") and got.basis == "dateline"
    assert "2011" in got.evidence and "2040" not in got.evidence
    # every year named only as future: no year at all, left pending for the corpus step
    future = "LISBON, March 4 - The concession will run until 2040, the authority said."
    got = choose_publication(
        dateline="LISBON, March 4",
        dateline_month=3,
        dateline_day=4,
        years_mentioned=[2040],
        body=future,
    )
    assert got.published is None and got.pending == (3, 4)
