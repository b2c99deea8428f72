"""The loader: seed by seed, bad input, determinism, the Corpus display."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from conftest import SEEDS

from iranstrikes import load_corpus
from iranstrikes.corpus import process_article

EXPECTED = {
    # article: (outlet, original_outlet, headline, byline, dateline_place)
    "000_cbaa2443f991397a": (
        "Al Arabiya English",
        None,
        "Iran confirms it carried out air strikes in Iraq",
        None,
        None,
    ),
    "001_c83e7465428b1c6d": ("Sputnik", None, None, None, "Moscow"),
    "002_6d6052d4b005bc83": (
        "Financial Tribune",
        None,
        "No Involvement in Anti-IS Air Strikes",
        None,
        None,
    ),
    "003_ce71c3d27d66f5d4": (
        "Fars News Agency",
        None,
        "Iran Rejects Military Cooperation with Anti-ISIS Coalition in Iraq",
        None,
        "Tehran",
    ),
    "004_5a660a41deb1e848": (
        "Global Research",
        "Common Dreams",
        "Rejecting Pentagon Claims, Iran Denies Conducting Airstrikes Inside Iraq",
        "Jon Queally",
        None,
    ),
}


def _val(x):
    return None if pd.isna(x) else x


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_seed_front_matter(corpus, article_id):
    row = corpus.article(article_id)
    outlet, original, headline, byline, place = EXPECTED[article_id]
    assert _val(row["outlet"]) == outlet
    assert _val(row["original_outlet"]) == original
    assert _val(row["headline"]) == headline
    assert _val(row["byline"]) == byline
    assert _val(row["dateline_place"]) == place


def test_seed_dates_with_basis(corpus):
    a = corpus.articles.set_index("article_id")
    assert (
        a.loc["000_cbaa2443f991397a", "published"],
        a.loc["000_cbaa2443f991397a", "published_basis"],
    ) == (pd.Timestamp("2014-12-06"), "url")
    assert (
        a.loc["001_c83e7465428b1c6d", "published"],
        a.loc["001_c83e7465428b1c6d", "published_basis"],
    ) == (pd.Timestamp("2014-12-03"), "url")
    assert (
        a.loc["004_5a660a41deb1e848", "published"],
        a.loc["004_5a660a41deb1e848", "published_basis"],
    ) == (pd.Timestamp("2014-12-03"), "dateline")
    # No article is dated from the page stamp "12:39 GMT18 April 2021".
    assert (a["published"].dropna().dt.year == 2014).all()
    for aid in ("002_6d6052d4b005bc83", "003_ce71c3d27d66f5d4"):
        assert a.loc[aid, "published_basis"] in ("inferred", "unknown")


def test_articles_frame_shape(corpus, seed_ids):
    a = corpus.articles
    assert a["article_id"].tolist() == seed_ids
    assert (a["n_words"] > 300).all()
    assert a["sha256"].str.len().eq(64).all()
    assert (a["encoding"] == "utf-8").all()
    p = corpus.paragraphs
    for aid, body in zip(a["article_id"], a["body"], strict=True):
        paras = p[p["article_id"] == aid]
        assert len(paras) == a.set_index("article_id").loc[aid, "n_paragraphs"]
        for s, e, t in zip(paras["start"], paras["end"], paras["text"], strict=True):
            assert body[s:e] == t


def test_seed_load_reports_no_problems(corpus):
    assert corpus.problems.empty, corpus.problems.to_string()


def test_corpus_repr(corpus):
    r = repr(corpus)
    assert "5 articles from 5 outlets" in r and "2014-12-03" in r
    html = corpus._repr_html_()
    assert "<table>" in html and "articles" in html


def test_deterministic(corpus):
    again = load_corpus(progress=False)
    for name, df in corpus.frames().items():
        pd.testing.assert_frame_equal(df, getattr(again, name), obj=name)


def test_folder_without_manifest_derives_fields(tmp_path):
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    c = load_corpus(tmp_path, progress=False)
    a = c.articles.set_index("article_id")
    assert len(a) == 5
    assert a.loc["001_c83e7465428b1c6d", "outlet"] == "Sputnik"  # from the dateline "(Sputnik)"
    assert (
        a.loc["003_ce71c3d27d66f5d4", "outlet"] == "Fars News Agency"
    )  # "(FNA)" via the gazetteer
    assert a.loc["004_5a660a41deb1e848", "outlet"] == "Global Research"
    assert a.loc["004_5a660a41deb1e848", "original_outlet"] == "Common Dreams"
    # 001's dateline has no year: it comes from the article's own mention of 2014, never the 2021 page stamp
    assert a.loc["001_c83e7465428b1c6d", "published"] == pd.Timestamp("2014-12-03")
    assert a.loc["001_c83e7465428b1c6d", "published_basis"] == "dateline"
    assert "2014" in a.loc["001_c83e7465428b1c6d", "published_evidence"]


@pytest.fixture
def bad_folder(tmp_path):
    seed = next(SEEDS.glob("000_*.txt")).read_bytes()
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n \t\n")
    (tmp_path / "binary.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    (tmp_path / "windows.txt").write_bytes(
        "Council approves budget\n\nThe mayor said on Monday that the café would stay open. “It is a fine place,” she said.".encode(
            "cp1252"
        )
    )
    (tmp_path / "utf16.txt").write_bytes(
        "Flood warning issued\n\nOfficials said on Tuesday the river “could burst its banks”.".encode(
            "utf-16"
        )
    )
    (tmp_path / "page.html").write_text(
        "<!doctype html><html><head><title>Port strike ends</title></head><body><nav>Home | World</nav>"
        "<article><h1>Port strike ends</h1><p>Dock workers voted on Friday to end a two-week strike, union leaders said.</p>"
        "<p>“We got what we asked for,” said Maria Lopez, the union’s president, after the vote.</p></article>"
        "<footer>© 2024 Example News</footer></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "big.txt").write_bytes(
        b"Long report\n\n" + (b"The committee said the plan was sound. " * 20 + b"\n\n") * 4000
    )
    (tmp_path / "copy1.txt").write_bytes(seed)
    (tmp_path / "copy2.txt").write_bytes(seed)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 ...")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,published\ncopy1.txt,Example Outlet,2014-12-06\nmissing.txt,Nobody,2014-01-01\n",
        encoding="utf-8",
    )
    return tmp_path


def test_bad_input_every_file_accounted_for(bad_folder):
    c = load_corpus(bad_folder, progress=False)
    files = {p.name for p in bad_folder.iterdir()} - {"manifest.csv"}
    loaded = {r.split("/")[-1] for r in c.articles["source_path"]}
    reported = set(c.problems["file"])
    assert files <= loaded | reported
    codes = dict(
        zip(c.problems["file"] + ":" + c.problems["code"], c.problems["severity"], strict=True)
    )
    assert codes["empty.txt:empty"] == "error"
    assert codes["blank.txt:empty"] == "error"
    assert codes["binary.txt:binary"] == "error"
    assert codes["windows.txt:encoding"] == "warning"
    assert codes["utf16.txt:encoding"] == "info"
    assert codes["page.html:html"] == "info"
    assert codes["big.txt:large-file"] == "warning"
    assert codes["copy2.txt:duplicate"] == "warning"
    assert codes["scan.pdf:unsupported-file"] == "warning"
    assert codes["missing.txt:manifest-missing-file"] == "warning"
    assert codes["windows.txt:not-in-manifest"] == "info"
    a = c.articles.set_index("article_id")
    assert (
        "café" in a.loc["windows", "body"] and "“It is a fine place,”" in a.loc["windows", "body"]
    )
    assert "“could burst its banks”" in a.loc["utf16", "body"]
    assert a.loc["page", "headline"] == "Port strike ends"
    assert (
        "Dock workers voted on Friday" in a.loc["page", "body"]
        and "Home | World" not in a.loc["page", "body"]
    )
    assert a.loc["copy1", "outlet"] == "Example Outlet"
    assert a.loc["copy1", "published_basis"] == "manifest"
    for msg in c.problems["message"]:
        assert len(msg) > 20


def test_missing_folder_message(tmp_path):
    with pytest.raises(FileNotFoundError, match="Pass the folder"):
        load_corpus(tmp_path / "nope")
    f = tmp_path / "one.txt"
    f.write_text("x")
    with pytest.raises(NotADirectoryError, match="pass the folder that holds it"):
        load_corpus(f)


def test_process_article_is_pure():
    raw = next(SEEDS.glob("003_*.txt")).read_bytes()
    a = process_article("003.txt", raw, None)
    b = process_article("003.txt", raw, None)
    assert a.article == b.article
    pd.testing.assert_frame_equal(a.quotes, b.quotes)


@pytest.mark.parametrize(
    "text",
    [
        "2014-12-03",
        "2014-12-03T10:00:00Z",
        "3 December 2014",
        "Dec 3, 2014",
        "12/03/2014",
        "2014",
        "",
        "not a date",
        "2014-13-45",
        "Tuesday",
    ],
)
def test_manifest_date_parsing_matches_pandas(text):
    from iranstrikes.corpus import _parse_date

    got, want = _parse_date(text), pd.to_datetime(text, errors="coerce")
    assert (pd.isna(got) and pd.isna(want)) or got == want
