"""Normalisation: decoding, chrome removal, headline/byline/dateline, sentences kept."""

from __future__ import annotations

import re

import pytest
from conftest import SEEDS

from iranstrikes.normalise import date_from_url, decode_bytes, looks_like_html, normalise_text


def _seed(stem: str):
    return normalise_text(decode_bytes(next(SEEDS.glob(f"{stem}*.txt")).read_bytes()).text)


CHROME = {
    "000": {
        "Published: Updated:",
        "Read Mode",
        "100% Font Size",
        "3 min read",
        "Top Content Trending",
    },
    "001": {
        "12:39 GMT18 April 2021",
        "Listen Live",
        "Middle East",
        "Get short URL",
        "0 64",
        "Daesh, airstrikes, Iran, Iraq",
        "Community standardsDiscussion",
    },
    "002": set(),
    "003": {"Leave a Reply"},
    "004": {
        "Region: Middle East & North Africa",
        "Copyright © Jon Queally, Common Dreams, 2014",
        "Become a Member of Global Research",
        "For media inquiries: publications@globalresearch.ca",
    },
}


@pytest.mark.parametrize("stem", sorted(CHROME))
def test_chrome_removed(stem):
    art = _seed(stem)
    removed = {line for line, _rule in art.removed}
    assert CHROME[stem] <= removed
    for line in CHROME[stem]:
        assert line not in art.body


def test_related_headlines_and_disclaimer_removed():
    a1 = _seed("001")
    assert "Syrian FM" not in a1.body and "Home Ministry" not in a1.body
    a4 = _seed("004")
    assert (
        "Disclaimer" not in a4.body and "fair use" not in a4.body and "Facebook page" not in a4.body
    )
    assert "(#)" not in a4.body and "[" not in a4.body.split("\n")[0]
    assert "told Reuters on condition of anonymity" in a4.body  # link text kept, target dropped


def _sentences(raw: str):
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", raw).replace("\u00a0", " ")
    for line in text.splitlines():
        line = " ".join(line.split())
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", line):
            if len(s.split()) >= 5 and s[-1] in '.!?"”':
                yield s


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_every_sentence_of_the_article_proper_is_kept(path):
    art = normalise_text(decode_bytes(path.read_bytes()).text)
    chrome = " ".join(line for line, _ in art.removed)
    kept = art.body + " " + (art.headline or "")
    missing = [
        s for s in _sentences(path.read_text(encoding="utf-8")) if s not in kept and s not in chrome
    ]
    assert missing == []
    # and what was removed as chrome is not article prose: no removed line is a reported statement
    for line, rule in art.removed:
        assert not re.search(r"\b(said|told|added|denied)\b", line), (rule, line)


def test_headline_byline_dateline():
    assert _seed("000").headline == "Iran confirms it carried out air strikes in Iraq"
    assert _seed("001").headline is None  # the lede is not promoted
    a2 = _seed("002")
    assert a2.headline == "No Involvement in Anti-IS Air Strikes"
    assert a2.body.count("No Involvement") == 0  # repeated headline collapsed
    a3 = _seed("003")
    assert (a3.dateline, a3.dateline_place, a3.dateline_agency) == (
        "TEHRAN (FNA)-",
        "Tehran",
        "FNA",
    )
    a1 = _seed("001")
    assert (
        a1.dateline_place,
        a1.dateline_agency,
        a1.dateline_month,
        a1.dateline_day,
        a1.dateline_year,
    ) == ("Moscow", "Sputnik", 12, 3, None)
    a4 = _seed("004")
    assert a4.byline == "Jon Queally"
    assert (a4.dateline_month, a4.dateline_day, a4.dateline_year) == (12, 3, 2014)
    assert a4.original_outlet == "Common Dreams"


def test_page_stamp_is_not_a_date():
    a1 = _seed("001")
    assert 2021 not in a1.years_mentioned
    assert a1.published_text is None


def test_curly_quotes_and_nbsp():
    a1 = _seed("001")
    assert "\u00a0" not in a1.body
    assert "“" in _seed("000").body and "’" in _seed("003").body


def test_paragraph_offsets():
    art = _seed("000")
    for s, e in art.paragraphs:
        assert art.body[s:e].strip() == art.body[s:e] and art.body[s:e]
    assert art.body[art.paragraphs[1][0] :].startswith(
        "A senior Iranian official confirmed on Friday"
    )


@pytest.mark.parametrize(
    "raw,enc,code",
    [
        ("Olé “quoted” text.".encode("cp1252"), "cp1252", "encoding"),
        ("Olé “quoted”.".encode("utf-16"), "utf-16", "encoding"),
        (b"\xef\xbb\xbfHello world.", "utf-8-sig", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "", "binary"),
        (b"   \n  ", "", "empty"),
        (b"\xef\xbb\xbf", "utf-8-sig", "empty"),
        (b"\xff\xfe", "utf-16", "empty"),
        (b"\xef\xbb\xbf \n", "utf-8-sig", "empty"),
    ],
)
def test_decode(raw, enc, code):
    d = decode_bytes(raw)
    assert d.encoding == enc
    assert (code is None and not d.problems) or code in {c for _, c, _ in d.problems}
    if enc and enc != "utf-8-sig" and code != "empty":
        assert "é" in d.text and "“" in d.text


def test_html_detection():
    assert looks_like_html("<html><body><p>One.</p><p>Two.</p></body></html>")
    assert not looks_like_html("He wrote <b>bold</b> once.")


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://x.net/News/middle-east/2014/12/06/Iran-confirms", (2014, 12, 6)),
        ("https://x.com/middleeast/201412031015438739/", (2014, 12, 3)),
        ("https://x.com/articles/national/6172/slug", None),
        (None, None),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected
