"""Issue 16: one bad file never stops a load, no input makes it hang, every file accounted for.

Every case is built from invented text by tests/hostile_cases.py. Cases that hung before
(pipes, devices) run in a subprocess with a timeout so that a regression fails instead of
hanging the suite.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import hostile_cases as hc  # noqa: E402
from hostile_probe import run_case  # noqa: E402

from iranstrikes import extract_quotes, load_corpus, schema  # noqa: E402
from iranstrikes.corpus.files import display_name, open_regular  # noqa: E402


def _load(folder, **kw):
    kw.setdefault("engine", "serial")
    return load_corpus(folder, progress=False, **kw)


def _codes(c) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f, code in zip(c.problems["file"], c.problems["code"], strict=True):
        out.setdefault(f, []).append(code)
    return out


def _accounted(c, expected: set[str]) -> set[str]:
    loaded = {os.path.basename(p) for p in c.articles["source_path"]}
    reported = set(c.problems["file"].dropna())
    skipped = {r["file"] for r in c.skipped}
    return {display_name(n) for n in expected} - loaded - reported - skipped


def _frames_valid(c) -> None:
    for name in ("articles", "paragraphs", "problems", "quotes"):
        schema.validate(name, getattr(c, name))
    assert not (c.problems["code"] == "internal-error").any(), c.problems.to_string()


# ----------------------------------------------------------------------------- crashes before
@pytest.mark.parametrize("case", ["dup_stem_txt_html", "dup_stem_case"])
def test_files_sharing_a_stem_get_distinct_ids(tmp_path, case):
    expected = hc.CASES[case](tmp_path)
    c = _load(tmp_path)
    assert len(c.articles) == 2 and c.articles["article_id"].is_unique
    assert "story" in set(c.articles["article_id"])
    dup = c.problems[c.problems["code"] == "duplicate-stem"]
    assert len(dup) == 1 and dup["article_id"].iloc[0] in set(c.articles["article_id"])
    assert "Rename one of them" in dup["message"].iloc[0]
    assert not _accounted(c, expected)
    _frames_valid(c)


def test_file_name_that_is_not_utf8(tmp_path):
    hc.non_utf8_name(tmp_path)
    c = _load(tmp_path)
    assert set(c.articles["article_id"]) == {"caf\\xe9-report", "plain"}
    row = c.problems[c.problems["code"] == "file-name-not-utf8"]
    assert row["file"].tolist() == ["caf\\xe9-report.txt"] and "Rename" in row["message"].iloc[0]
    _frames_valid(c)


def test_non_utf8_file_name_matches_a_cp1252_manifest_row(tmp_path):
    hc.non_utf8_name(tmp_path)
    (tmp_path / "manifest.csv").write_text(
        "file,outlet\ncafé-report.txt,Courier\nplain.txt,Wire\n", encoding="utf-8"
    )
    c = _load(tmp_path)
    a = c.articles.set_index("article_id")
    assert a.loc["caf\\xe9-report", "outlet"] == "Courier" and a.loc["plain", "outlet"] == "Wire"


def test_manifest_row_with_an_empty_file_value(tmp_path):
    hc.manifest_empty_file(tmp_path)
    c = _load(tmp_path)
    assert c.articles["outlet"].tolist() == ["Portville Courier"]
    row = c.problems[c.problems["code"] == "manifest-empty-file"]
    assert row["file"].tolist() == ["manifest.csv"] and "Row 2" in row["message"].iloc[0]
    _frames_valid(c)


def test_manifest_vocabulary_outside_the_schema_is_kept_with_a_warning(tmp_path):
    hc.manifest_vocabulary(tmp_path)
    c = _load(tmp_path)
    own = dict(zip(c.articles["article_id"], c.articles["outlet_ownership"], strict=True))
    assert own == {"a": "public", "b": "state-owned"}
    p = c.problems[c.problems["code"] == "manifest-vocabulary"].set_index("file")
    assert p.loc["a.txt", "severity"] == "warning" and "kept as given" in p.loc["a.txt", "message"]
    assert p.loc["b.txt", "severity"] == "info"
    _frames_valid(c)


def test_manifest_dates_out_of_range_or_with_a_time_zone(tmp_path):
    hc.manifest_dates_out_of_range(tmp_path)
    c = _load(tmp_path)
    codes = _codes(c)
    for f in ("d0.txt", "d1.txt", "d2.txt", "d4.txt"):
        assert "manifest-date-out-of-range" in codes[f]
    a = c.articles.set_index("article_id")
    assert a.loc["d3", "published"] == pd.Timestamp("2014-12-03 10:00")
    assert a.loc["d3", "published_basis"] == "manifest"
    assert "manifest-date-timezone" in codes["d3.txt"]
    assert not (a["published_basis"] == "manifest").drop("d3").any()
    _frames_valid(c)


def test_manifest_clock_words_and_ambiguous_dates_are_refused(tmp_path):
    hc.manifest_clock_dates(tmp_path)
    c = _load(tmp_path)
    codes = _codes(c)
    assert "manifest-relative-date" in codes["a.txt"] and "manifest-relative-date" in codes["b.txt"]
    assert "manifest-ambiguous-date" in codes["c.txt"]
    msg = c.problems.loc[c.problems["code"] == "manifest-ambiguous-date", "message"].iloc[0]
    assert "2014-03-12" in msg and "2014-12-03" in msg
    assert not (c.articles["published_basis"] == "manifest").any()
    again = _load(tmp_path)
    pd.testing.assert_frame_equal(c.articles, again.articles)  # no clock in the output


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("13/03/2014", "2014-03-13"),
        ("03/13/2014", "2014-03-13"),
        ("05/05/2014", "2014-05-05"),
        ("3 December 2014", "2014-12-03"),
        ("2014-12-03", "2014-12-03"),
    ],
)
def test_unambiguous_manifest_dates_are_read(value, expected):
    from iranstrikes.corpus.manifest import clean_date

    assert clean_date(value) == (expected, None)


@pytest.mark.parametrize(
    ("case", "outlet"),
    [
        ("manifest_messy_columns", "Portville Courier"),
        ("manifest_tab_utf16", "Cour\u00e9ier"),
        ("manifest_cp1252", "Le Courrier de l\u2019\u00c9t\u00e9"),
    ],
)
def test_manifest_columns_separators_and_encodings(tmp_path, case, outlet):
    hc.CASES[case](tmp_path)
    c = _load(tmp_path)
    assert c.articles["outlet"].tolist() == [outlet]
    if case == "manifest_messy_columns":
        assert c.articles["published_basis"].tolist() == ["manifest"]
    if case == "manifest_cp1252":
        assert "manifest-encoding" in _codes(c)["manifest.csv"]
    _frames_valid(c)


def test_lone_surrogates_do_not_break_extract_quotes():
    text = "\u201cThe plan is \udce9 rushed,\u201d said Tom R\udce9yes on Monday."
    q = extract_quotes(text)
    assert len(q) == 1 and q["speaker"].iloc[0] == "Tom R\ufffdyes"
    assert (
        text[q["start"].iloc[0] : q["end"].iloc[0]].replace("\udce9", "\ufffd")
        == q["quote"].iloc[0]
    )


# ----------------------------------------------------------------------------- curated data files
@pytest.mark.parametrize("name", ["aliases.yaml", "codebook.yaml", "context.yaml"])
@pytest.mark.parametrize("kind", list(hc.DATA_FILE_CONTENTS))
def test_unusable_data_file_is_reported_and_the_articles_load(tmp_path, name, kind):
    hc.CASES[f"{name.split('.')[0]}_{kind}"](tmp_path)
    c = _load(tmp_path)
    assert len(c.articles) == 2
    rows = c.problems[c.problems["file"] == name]
    assert len(rows) >= 1 and (rows["severity"] == "error").all(), c.problems.to_string()
    msg = " ".join(rows["message"])
    advice = {"list": "mapping", "latin1": "Save it as UTF-8", "invalid": "line 2", "dir": "folder"}
    assert advice[kind] in msg, msg
    _frames_valid(c)


def test_bad_alias_entries_are_skipped_and_the_good_ones_used(tmp_path):
    (tmp_path / "a.txt").write_text(hc.article(1), encoding="utf-8")
    (tmp_path / "aliases.yaml").write_text(
        "people:\n  - name: Ana Ferreira\n    aliases: [Mayor Ferreira]\n"
        "  - name: Tom Reyes\n    titles: 7\n",
        encoding="utf-8",
    )
    c = _load(tmp_path)
    assert "Ana Ferreira" in set(c.people["name"])
    row = c.problems[(c.problems["file"] == "aliases.yaml")]
    assert row["severity"].tolist() == ["warning"] and "entry 1" in row["message"].iloc[0]


def test_seed_codebook_error_carries_its_line(tmp_path):
    from iranstrikes import claims

    p = tmp_path / "cb.yaml"
    p.write_text(
        "propositions:\n  - id: P1\n    wording: Something happened.\ncodings:\n"
        "  - article: a\n    speaker: S\n    speaker_type: person\n    proposition: [P1]\n"
        "    stance: affirms\n    evidence: x\n",
        encoding="utf-8",
    )
    with pytest.raises(claims.CodebookError, match=r"line 5.*proposition must be one id"):
        claims.load_codebook(p)


# ----------------------------------------------------------------------------- hangs before
@pytest.mark.parametrize("case", ["manifest_fifo", "fifo_article", "dev_zero"])
def test_pipes_and_devices_never_hang(case):
    assert run_case(case, timeout=120) == "ok"


@pytest.mark.parametrize("case", ["fifo_article", "dev_zero"])
def test_pipes_and_devices_are_reported(tmp_path, case):
    expected = hc.CASES[case](tmp_path)
    c = _load(tmp_path)
    assert c.articles["article_id"].tolist() == ["a"]
    bad = c.problems[c.problems["code"] == "not-a-regular-file"]
    assert set(bad["file"]) == expected - {"a.txt"} and (bad["severity"] == "error").all()


def test_open_regular_checks_the_handle_before_reading(tmp_path):
    assert open_regular("/dev/zero", 1000)[0] is None
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    raw, why = open_regular(big, 1000)
    assert raw is None and "limit" in why
    assert open_regular(big, 5000) == (b"x" * 5000, None)


# ----------------------------------------------------------------------------- silent drops before
def test_every_folder_entry_is_accounted_for(tmp_path):
    expected = hc.silent_drops(tmp_path)
    c = _load(tmp_path)
    assert not _accounted(c, expected)
    codes = _codes(c)
    assert codes["bom.txt"] == ["empty"]
    assert codes["x.txt"] == ["not-a-file"] and codes["linkdir.txt"] == ["not-a-file"]
    assert codes["sub"] == ["subfolder"]
    s = c.summary()
    assert s["skipped"] == 1 and s["skipped_files"] == {"hidden": [".hidden.txt"]}


def test_seed_summary_has_no_skip_keys(corpus):
    assert "skipped" not in corpus.summary()


# ----------------------------------------------------------------------------- isolation
def _three(folder: Path) -> None:
    for i, n in enumerate(("good1.txt", "bad.txt", "good2.txt")):
        (folder / n).write_text(hc.article(i), encoding="utf-8")


@pytest.mark.parametrize("engine", ["serial", "processes", "dask"])
@pytest.mark.parametrize("step", ["read", "normalise", "quotes", "events", "pack"])
def test_a_failure_in_one_article_is_one_problem_row(tmp_path, monkeypatch, engine, step):
    if engine == "dask":
        pytest.importorskip("dask")
    _three(tmp_path)
    monkeypatch.setenv("IRANSTRIKES_FAULT", f"{step}:bad.txt")
    c = load_corpus(tmp_path, engine=engine, workers=2, progress=False)
    err = c.problems[c.problems["code"] == "internal-error"]
    assert err["file"].tolist() == ["bad.txt"] and err["severity"].tolist() == ["error"]
    msg = err["message"].iloc[0]
    assert "RuntimeError: injected fault" in msg and "report it with the file" in msg.lower()
    kept = {"good1", "good2"} | ({"bad"} if step in ("quotes", "events") else set())
    assert set(c.articles["article_id"]) == kept
    if step == "quotes":
        assert "bad" not in set(c.quotes["article_id"]) and "good1" in set(c.quotes["article_id"])
    for name in ("articles", "paragraphs", "problems", "quotes"):
        schema.validate(name, getattr(c, name))


def test_a_failing_cross_article_step_is_one_problem_row(tmp_path, monkeypatch):
    from iranstrikes import propagation

    _three(tmp_path)

    def broken(corpus):
        raise ValueError("boom")

    monkeypatch.setattr(propagation, "attach_propagation", broken)
    c = _load(tmp_path)
    err = c.problems[c.problems["code"] == "internal-error"]
    assert len(err) == 1 and "cross-article propagation" in err["message"].iloc[0]
    assert len(c.articles) == 3 and len(c.events)  # the later steps still ran


# ----------------------------------------------------------------------------- budgets
@pytest.mark.parametrize("engine", ["serial", "processes"])
def test_time_budget_interrupts_a_step_and_keeps_the_article(tmp_path, monkeypatch, engine):
    import time

    from iranstrikes import quotes

    _three(tmp_path)
    real = quotes.quote_columns

    def slow(body, **kwargs):
        if "number 1" in body:
            time.sleep(30)
        return real(body, **kwargs)

    monkeypatch.setattr(quotes, "quote_columns", slow)  # (inherited by forked workers)
    c = load_corpus(tmp_path, engine=engine, workers=2, progress=False, article_seconds=1.0)
    b = c.problems[c.problems["code"] == "budget"]
    assert b["file"].tolist() == ["bad.txt"] and "quote extraction" in b["message"].iloc[0]
    assert set(c.articles["article_id"]) == {"good1", "bad", "good2"}
    assert "bad" not in set(c.quotes["article_id"]) and "good2" in set(c.quotes["article_id"])


def test_size_cap_skips_the_extractors_with_a_problem_row(tmp_path):
    _three(tmp_path)
    c = _load(tmp_path, max_extract_chars=100)
    rows = c.problems[c.problems["code"] == "too-long-to-extract"]
    assert len(rows) == 3 and len(c.articles) == 3 and c.quotes.empty and c.events.empty
    assert len(c.paragraphs) > 3


def test_budget_results_are_not_cached(tmp_path):
    _three(tmp_path)
    cache = tmp_path / ".cache"
    c = _load(tmp_path, max_extract_chars=100, cache=cache)
    assert len(c.problems[c.problems["code"] == "too-long-to-extract"]) == 3
    again = _load(tmp_path, cache=cache)
    assert (again.problems["code"] == "too-long-to-extract").sum() == 0 and len(again.quotes)


def test_data_file_with_the_wrong_case_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text(hc.article(1), encoding="utf-8")
    (tmp_path / "Manifest.CSV").write_text("file,outlet\na.txt,Courier\n", encoding="utf-8")
    c = _load(tmp_path)
    row = c.problems[c.problems["file"] == "Manifest.CSV"]
    assert row["code"].tolist() == ["data-file-name"] and "'manifest.csv'" in row["message"].iloc[0]


def test_a_worker_process_that_dies_costs_only_its_file(tmp_path, monkeypatch):
    for i in range(6):
        (tmp_path / f"f{i}.txt").write_text(hc.article(i), encoding="utf-8")
    monkeypatch.setenv("IRANSTRIKES_FAULT", "exit:f2.txt")
    c = load_corpus(tmp_path, engine="processes", workers=2, progress=False)
    err = c.problems[c.problems["code"] == "internal-error"]
    assert err["file"].tolist() == ["f2.txt"] and "worker process" in err["message"].iloc[0]
    assert set(c.articles["article_id"]) == {f"f{i}" for i in range(6)} - {"f2"}
    assert len(c.quotes) and len(c.events)


@pytest.mark.parametrize("engine", ["serial", "processes"])
def test_a_date_dense_timeline_cannot_hang_the_load(tmp_path, engine):
    # A scraped one-sentence timeline: event extraction was quadratic in it (issue 16: over
    # a minute at this length). It is linear now, so the whole text is read well inside the
    # budget: its dates are events, no budget row, and the other file loads too.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_scaling import dates_text

    (tmp_path / "timeline.txt").write_text(dates_text(150_000), encoding="utf-8")
    (tmp_path / "a.txt").write_text(hc.article(1), encoding="utf-8")
    c = load_corpus(tmp_path, engine=engine, workers=2, progress=False, article_seconds=30)
    assert (c.problems["code"] == "budget").sum() == 0
    assert set(c.articles["article_id"]) == {"a", "timeline"}
    per_article = c.events["article_id"].value_counts()
    assert per_article.get("a", 0) > 0 and per_article.get("timeline", 0) > 500


def test_manifest_name_in_other_capitals_is_matched_when_unambiguous(tmp_path):
    (tmp_path / "story.txt").write_text(hc.article(1), encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,outlet\nStory.TXT,Courier\n", encoding="utf-8")
    c = _load(tmp_path)
    assert c.articles["outlet"].tolist() == ["Courier"]
    assert "manifest-name-case" in _codes(c)["story.txt"]
    (tmp_path / "two").mkdir()
    hc.dup_stem_case(tmp_path / "two")
    (tmp_path / "two" / "manifest.csv").write_text(
        "file,outlet\nSTORY.txt,Courier\n", encoding="utf-8"
    )
    two = _load(tmp_path / "two")  # story.txt and story.TXT: ambiguous, not used
    assert two.articles["outlet"].tolist() == ["Example Wire", "Example Wire"]
    assert "manifest-missing-file" in _codes(two)["STORY.txt"]
