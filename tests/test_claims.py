"""Tests for iranstrikes.claims and the curated seeds/codebook.yaml + seeds/context.yaml."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iranstrikes import claims

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CODEBOOK = SEEDS / "codebook.yaml"
CONTEXT = SEEDS / "context.yaml"


# ----------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def raw_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="module")
def codebook():
    return claims.load_codebook(CODEBOOK)


@pytest.fixture(scope="module")
def raw_articles(raw_texts) -> pd.DataFrame:
    return pd.DataFrame(
        [{"article_id": k, "body": v, "headline": None} for k, v in raw_texts.items()]
    )


@pytest.fixture(scope="module")
def norm_articles(raw_texts) -> pd.DataFrame:
    from iranstrikes.normalise import normalise_text

    rows = []
    for k, v in raw_texts.items():
        a = normalise_text(v)
        rows.append({"article_id": k, "body": a.body, "headline": a.headline, "url": None})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def stances(codebook, norm_articles) -> pd.DataFrame:
    _, codings = codebook
    return claims.code_stances(codings, None, norm_articles)


def _rows(stances, speaker, proposition):
    return stances[(stances["speaker"] == speaker) & (stances["proposition_id"] == proposition)]


# ----------------------------------------------------------------------------- codebook data
def test_codebook_structure(codebook, raw_texts):
    props, codings = codebook
    assert set(codings["proposition_id"]) <= set(props["proposition_id"])
    assert set(codings["stance"]) <= set(claims.STANCES)
    assert set(codings["speaker_type"]) <= set(claims.SPEAKER_TYPES)
    assert set(codings["form"]) <= set(claims.FORMS)
    assert set(codings["article_id"]) <= set(raw_texts)
    assert {"P1_strikes", "P2_us_coordination", "P3_iraqi_request", "P4_ground_troops"} <= set(
        props["proposition_id"]
    )
    assert codings["coding_id"].is_unique
    # no duplicate coding of the same statement on the same proposition by the same speaker
    assert not codings.duplicated(["article_id", "speaker", "proposition_id", "evidence"]).any()


def test_every_evidence_occurs_once_in_raw_text(codebook, raw_texts):
    _, codings = codebook
    for r in codings.itertuples(index=False):
        text = raw_texts[r.article_id]
        assert text.count(r.evidence) == 1, (r.coding_id, r.evidence)
        if isinstance(r.date_said_evidence, str):
            assert r.date_said_evidence in text, (r.coding_id, r.date_said_evidence)
            assert pd.notna(r.date_said)


def test_headlines_coded_once_per_article(codebook, raw_texts):
    _, codings = codebook
    heads = codings[codings["speaker_type"] == "headline"]
    assert sorted(heads["article_id"].unique()) == sorted(raw_texts)


def test_locate_evidence_on_raw_text(codebook, raw_articles):
    _, codings = codebook
    located, problems = claims.locate_evidence(codings, raw_articles)
    assert problems.empty, problems["message"].tolist()
    assert (located["match_method"] == "exact").all()
    for r in located.itertuples(index=False):
        body = raw_articles.set_index("article_id").at[r.article_id, "body"]
        assert body[r.evidence_start : r.evidence_end] == r.evidence


def test_locate_evidence_on_normalised_text(codebook, norm_articles):
    _, codings = codebook
    located, problems = claims.locate_evidence(codings, norm_articles)
    assert problems.empty, problems["message"].tolist()
    assert located["evidence_start"].notna().all()
    canon = lambda s: claims.canonicalise(s)[0].strip()  # noqa: E731
    arts = norm_articles.set_index("article_id")
    for r in located.itertuples(index=False):
        field = arts.at[r.article_id, r.evidence_in]
        assert canon(field[r.evidence_start : r.evidence_end]) == canon(r.evidence)
    # headlines are found in the headline field when the article has one
    heads = located[located["speaker_type"] == "headline"]
    with_headline = heads["article_id"].map(arts["headline"].notna())
    assert (heads.loc[with_headline, "evidence_in"] == "headline").all()


def test_unmatched_evidence_is_a_problem_row_not_an_exception(codebook, raw_articles):
    _, codings = codebook
    bad = codings.head(2).copy()
    bad.loc[bad.index[0], "evidence"] = "words that appear in no article at all"
    bad.loc[bad.index[1], "article_id"] = "999_missing"
    located, problems = claims.locate_evidence(bad, raw_articles)
    assert located["evidence_start"].isna().all()
    assert list(located["match_method"]) == ["none", "none"]
    assert sorted(problems["code"]) == ["evidence-not-found", "unknown-article"]


def test_context_entries(raw_texts):
    ctx = claims.load_context(CONTEXT)
    assert len(ctx) >= 2
    for r in ctx.itertuples(index=False):
        assert r.url_verified in (True, False)
        if r.url_verified:
            assert isinstance(r.source_url, str) and r.source_url.startswith("https://")
        else:
            assert isinstance(r.outlet, str) and isinstance(r.source_title, str)
    assert set(ctx["date_said"]) >= {"2014-12-07", "2014-12-09"}


# ----------------------------------------------------------------------------- load_codebook errors
def _write(tmp_path, text) -> Path:
    p = tmp_path / "cb.yaml"
    p.write_text(text, encoding="utf-8")
    return p


_GOOD_PROP = "propositions:\n  - id: P1\n    wording: Something happened.\n"


@pytest.mark.parametrize(
    ("coding", "message"),
    [
        ("proposition: P9\n    stance: affirms\n    evidence: x", "unknown proposition id 'P9'"),
        ("proposition: P1\n    stance: maybe\n    evidence: x", "bad stance 'maybe'"),
        ("proposition: P1\n    stance: denies", "missing evidence"),
        (
            "proposition: P1\n    stance: denies\n    evidence: x\n    colour: red",
            "unknown key(s) ['colour']",
        ),
    ],
)
def test_load_codebook_errors(tmp_path, coding, message):
    text = (
        _GOOD_PROP
        + f"codings:\n  - article: a\n    speaker: S\n    speaker_type: person\n    {coding}\n"
    )
    with pytest.raises(claims.CodebookError) as err:
        claims.load_codebook(_write(tmp_path, text))
    assert message in str(err.value)


def test_load_codebook_reports_all_problems(tmp_path):
    text = _GOOD_PROP + (
        "codings:\n"
        "  - {article: a, speaker: S, speaker_type: robot, proposition: P2, stance: affirms, evidence: x}\n"
        "  - {article: b, speaker: T, speaker_type: person, proposition: P1, stance: probably, evidence: ''}\n"
    )
    with pytest.raises(claims.CodebookError) as err:
        claims.load_codebook(_write(tmp_path, text))
    msg = str(err.value)
    for part in (
        "bad speaker_type 'robot'",
        "unknown proposition id 'P2'",
        "bad stance 'probably'",
        "missing evidence",
    ):
        assert part in msg


# ----------------------------------------------------------------------------- the expected reading
def test_rahimpour_affirms_strikes_and_request_and_denies_coordination(stances):
    assert set(_rows(stances, "Ebrahim Rahimpour", "P1_strikes")["stance"]) == {"affirms"}
    assert set(_rows(stances, "Ebrahim Rahimpour", "P3_iraqi_request")["stance"]) == {"affirms"}
    assert set(_rows(stances, "Ebrahim Rahimpour", "P2_us_coordination")["stance"]) == {"denies"}


def test_anonymous_official_denies_strikes_and_cooperation(stances):
    anon = stances[stances["speaker"] == "senior Iranian official"]
    assert (anon["speaker_type"] == "anonymous").all()
    assert not anon["on_record"].any()
    assert set(anon.loc[anon["proposition_id"] == "P1_strikes", "stance"]) == {"denies"}
    assert set(anon.loc[anon["proposition_id"] == "P2_us_coordination", "stance"]) == {"denies"}
    assert anon["article_id"].nunique() == 3  # the same Reuters source in 001, 002, 004


@pytest.mark.parametrize("speaker", ["Marzieh Afkham", "Massoud Jazayeri"])
def test_afkham_and_jazayeri_deny_coordination_not_strikes(stances, speaker):
    rows = stances[stances["speaker"] == speaker]
    assert not ((rows["proposition_id"] == "P1_strikes") & (rows["stance"] == "denies")).any()
    assert set(rows.loc[rows["proposition_id"] == "P2_us_coordination", "stance"]) == {"denies"}
    assert rows["on_record"].all()


def test_harf_neither_confirms_nor_denies_and_kirby(stances):
    assert set(_rows(stances, "Marie Harf", "P1_strikes")["stance"]) == {"neither"}
    assert set(_rows(stances, "John Kirby", "P1_strikes")["stance"]) == {"affirms"}
    assert set(_rows(stances, "John Kirby", "P2_us_coordination")["stance"]) == {"denies"}


def test_reporter_paraphrase_is_coded_to_the_outlet(stances):
    # 002's "The foreign ministry spokesperson denied reports claiming ... air strikes"
    row = stances[stances["evidence"].str.startswith("The foreign ministry spokesperson denied")]
    assert list(row["speaker_type"]) == ["media"]
    assert list(row["stance"]) == ["denies"]


def test_stances_frame_shape(stances):
    from iranstrikes import schema

    assert (
        list(stances.columns[: len(schema.FRAMES["stances"].names)])
        == schema.FRAMES["stances"].names
    )
    assert stances["stance_id"].is_unique
    assert (stances["source"] == "codebook").all()
    assert not stances.loc[stances["speaker_type"] == "headline", "on_record"].any()
    schema.validate("stances", stances)


def test_headline_support(stances, norm_articles):
    hs = claims.headline_support(stances, norm_articles).set_index("article_id")
    expect = {
        "000_cbaa2443f991397a": ("P1_strikes", "affirms", "supported on the record"),
        "001_c83e7465428b1c6d": ("P1_strikes", "denies", "rests only on anonymous source(s)"),
        "002_6d6052d4b005bc83": ("P1_strikes", "denies", "rests only on anonymous source(s)"),
        "003_ce71c3d27d66f5d4": ("P2_us_coordination", "denies", "supported on the record"),
        "004_5a660a41deb1e848": ("P1_strikes", "denies", "rests only on anonymous source(s)"),
    }
    for aid, (pid, stance, verdict) in expect.items():
        r = hs.loc[aid]
        assert (r["proposition_id"], r["headline_stance"], r["verdict"]) == (
            pid,
            stance,
            verdict,
        ), aid
    assert hs.loc["000_cbaa2443f991397a", "supporting_speakers"] == "Ebrahim Rahimpour"
    assert hs.loc["001_c83e7465428b1c6d", "headline_kind"] == "lede"
    assert set(hs.loc["003_ce71c3d27d66f5d4", "supporting_speakers"].split("|")) == {
        "Marzieh Afkham",
        "Massoud Jazayeri",
    }
    for aid in ("002_6d6052d4b005bc83", "004_5a660a41deb1e848"):
        assert hs.loc[aid, "supporting_speakers"] == "senior Iranian official"
        assert not hs.loc[aid, "on_record_support"] and hs.loc[aid, "anonymous_support"]


def test_contradictions(stances):
    c = claims.find_contradictions(stances)
    p1 = c[c["proposition_id"] == "P1_strikes"]
    pair = p1[
        (p1["speaker_a"] == "Ebrahim Rahimpour") & (p1["speaker_b"] == "senior Iranian official")
    ]
    assert len(pair) > 0
    assert set(pair["article_id_a"]) == {"000_cbaa2443f991397a"}
    assert (
        c.loc[c["proposition_id"] == "P1_strikes", "speaker_a"]
        != c.loc[c["proposition_id"] == "P1_strikes", "speaker_b"]
    ).all()
    assert c["contradiction_id"].is_unique
    # dates from the codebook when no events are given
    dated = pair[pair["date_start_a"].notna()]
    assert (dated["date_start_a"] == pd.Timestamp("2014-12-05")).all()
    # deterministic
    pd.testing.assert_frame_equal(
        c, claims.find_contradictions(stances.sample(frac=1, random_state=1))
    )


def test_contradiction_dates_from_events(stances):
    st_ = stances.copy()
    st_.loc[st_["speaker"] == "senior Iranian official", "quote_id"] = "X:q001"
    events = pd.DataFrame(
        {
            "quote_id": ["X:q001"],
            "date_start": [pd.Timestamp("2014-12-03")],
            "date_end": [pd.Timestamp("2014-12-03")],
        }
    )
    c = claims.find_contradictions(st_, events, speaker_types=["person", "anonymous"])
    pair = c[
        (c["speaker_a"] == "Ebrahim Rahimpour") & (c["speaker_b"] == "senior Iranian official")
    ]
    assert (pair["date_start_b"] == pd.Timestamp("2014-12-03")).all()
    assert (pair["date_basis_b"] == "events").all()
    assert not c["speaker_type_a"].isin(["headline", "media"]).any()


def test_claimreview(stances, norm_articles, codebook, tmp_path):
    props, _ = codebook
    arts = norm_articles.assign(url=lambda d: "https://example.org/" + d["article_id"])
    items = claims.to_claimreview(stances, arts, props, review_date="2024-01-01")
    assert len(items) == len(stances)
    for it in items:
        assert it["@context"] == "https://schema.org"
        assert it["@type"] == "ClaimReview"
        assert it["claimReviewed"]
        assert it["datePublished"] == "2024-01-01"
        assert it["itemReviewed"]["@type"] == "Claim"
        assert it["itemReviewed"]["author"]["@type"] in ("Person", "Organization")
        assert it["itemReviewed"]["appearance"]["url"].startswith("https://example.org/")
        assert it["reviewRating"]["@type"] == "Rating"
        assert it["reviewRating"]["alternateName"] in claims.STANCES
    out = claims.write_claimreview(
        tmp_path / "cr.json", stances, arts, props, review_date="2024-01-01"
    )
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(json.dumps(items))


# ----------------------------------------------------------------------------- automatic rules
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister did not deny the strikes.", {"P1_strikes": "neither"}),
        ("The spokesman denied coordinating with the US.", {"P2_us_coordination": "denies"}),
        (
            "The general said the country did not coordinate airstrikes with the United States.",
            {"P2_us_coordination": "denies"},
        ),
        ("She denied reports that the army carried out air strikes.", {"P1_strikes": "denies"}),
        (
            "We have never been involved in any air strikes against the rebels.",
            {"P1_strikes": "denies"},
        ),
        (
            "Any cooperation in such strikes with America is out of the question.",
            {"P2_us_coordination": "denies"},
        ),
        (
            "He did not confirm or deny the reports that the air force was conducting airstrikes.",
            {"P1_strikes": "neither"},
        ),
        ("Officials refused to confirm the strikes.", {"P1_strikes": "neither"}),
        (
            "The prime minister said he had no knowledge of any air strikes.",
            {"P1_strikes": "neither"},
        ),
        (
            "The official confirmed that his country had carried out air strikes.",
            {"P1_strikes": "affirms"},
        ),
        ("There is no need to send troops to the region.", {"P4_ground_troops": "denies"}),
        (
            "The ministry dismissed as untrue reports that warplanes bombed targets in coordination with the US.",
            {"P2_us_coordination": "denies", "P1_strikes": "neither"},
        ),
        (
            "The strikes were carried out at the request of the government in Baghdad but were not coordinated with Washington.",
            {
                "P1_strikes": "affirms",
                "P3_iraqi_request": "affirms",
                "P2_us_coordination": "denies",
            },
        ),
        ("There has been no change in our policy on fighting terrorist groups.", {}),
    ],
)
def test_detect_stances_invented_sentences(codebook, sentence, expected):
    props, _ = codebook
    got = {d["proposition_id"]: d["stance"] for d in claims.detect_stances(sentence, props)}
    assert got == expected


def test_denying_coordination_is_never_a_denial_of_strikes(codebook):
    props, _ = codebook
    for s in (
        "The army denied coordinating its air strikes with the US.",
        "The general rejected reports that jets bombed the town in cooperation with the coalition.",
        "Iran did not coordinate the strikes with Washington.",
    ):
        got = {d["proposition_id"]: d["stance"] for d in claims.detect_stances(s, props)}
        assert got.get("P2_us_coordination") == "denies", s
        assert got.get("P1_strikes") != "denies", s


def test_suggest_stances_on_a_quotes_frame(codebook):
    props, _ = codebook
    quotes = pd.DataFrame(
        {
            "quote_id": ["z:q001", "z:q002", "z:q003"],
            "article_id": ["z", "z", "z"],
            "kind": ["direct", "indirect", "direct"],
            "quote": [
                "We were never involved in any air strikes.",
                "coordinating with the US",
                "The weather is fine.",
            ],
            "start": [0, 50, 100],
            "end": [42, 74, 120],
            "speaker": ["A Person", "B Person", "C Person"],
            "speaker_type": ["person", "anonymous", "person"],
            "cue": ["said", "denied", "said"],
        }
    )
    auto = claims.suggest_stances(quotes, props)
    got = {
        (r.quote_id, r.proposition_id): (r.stance, r.on_record)
        for r in auto.itertuples(index=False)
    }
    assert got == {
        ("z:q001", "P1_strikes"): ("denies", True),
        ("z:q002", "P2_us_coordination"): ("denies", False),
    }
    assert (auto["source"] == "auto").all()
    # what the codebook covers can be excluded
    cover = auto.head(1)[["article_id", "proposition_id", "evidence_start", "evidence_end"]]
    assert len(claims.suggest_stances(quotes, props, exclude=cover)) == 1


def test_score_suggestions(codebook, stances):
    props, _ = codebook
    cb = stances[stances["speaker_type"] != "headline"].head(6)
    fake = cb.assign(source="auto", stance_id=cb["stance_id"].str.replace(":s", ":a"))
    fake.loc[fake.index[0], "stance"] = (
        "neither" if fake["stance"].iloc[0] != "neither" else "denies"
    )
    res = claims.score_suggestions(fake, stances)
    assert res["n_matched"] == 6
    assert res["agreement"] == pytest.approx(5 / 6)
    assert res["confusion"].to_numpy().sum() == res["n_codebook"] + len(res["extra"])
    assert 0 < res["coverage"] < 1


# ----------------------------------------------------------------------------- matching robustness
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_find_span_survives_whitespace_and_quote_changes(raw_texts, data):
    aid = data.draw(st.sampled_from(sorted(raw_texts)))
    text = raw_texts[aid]
    start = data.draw(st.integers(0, len(text) - 40))
    length = data.draw(st.integers(15, 40))
    needle = text[start : start + length].strip()
    links = [m.span() for m in re.finditer(r"\[[^\]\n]*\]\([^)\n]*\)", text)]
    if len(needle) < 10 or any(a < start + length and start < b for a, b in links):
        return  # a cut through markdown link syntax ("[told Reuters](#)") is not evidence
    mangled = re.sub(
        r"\s+", lambda m: data.draw(st.sampled_from([" ", "\u00a0", "  ", "\n"])), needle
    )
    mangled = mangled.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    hit = claims.find_span(mangled, text)
    assert hit is not None
    canon = lambda s: claims.canonicalise(s)[0].strip()  # noqa: E731
    assert canon(text[hit[0] : hit[1]]) == canon(needle)


def test_find_span_strips_markdown_links():
    text = "a senior official [told Reuters](#) on Wednesday"
    s, e, how = claims.find_span("told Reuters on Wednesday", text)
    assert how == "normalised" and text[s:e] == "told Reuters](#) on Wednesday"


# ----------------------------------------------------------------------------- quotes overlap
def test_every_coded_source_statement_overlaps_an_extracted_quote(codebook):
    """Every quoted or reported statement of a source overlaps a quote in ``corpus.quotes``,
    so the codebook and the extractor cannot drift apart silently. Headlines and outlet
    characterisations are not quotes."""
    from iranstrikes import load_corpus

    c = load_corpus(progress=False)
    _, codings = codebook
    located, _ = claims.locate_evidence(codings, c.articles)
    sel = located[
        located["form"].isin(["direct", "partial", "indirect"])
        & located["speaker_type"].isin(["person", "anonymous", "institution"])
    ]
    missing = []
    for r in sel.itertuples(index=False):
        q = c.quotes[c.quotes["article_id"] == r.article_id]
        if not ((q["start"] < r.evidence_end) & (q["end"] > r.evidence_start)).any():
            missing.append(f"{r.coding_id} {r.article_id} {r.speaker}: {r.evidence[:60]!r}")
    assert not missing, "coded statements with no overlapping extracted quote:\n" + "\n".join(
        missing
    )


def test_coding_rules_load_and_name_the_rules_a_note_cites(tmp_path):
    from iranstrikes import reader

    rules = claims.load_coding_rules(CODEBOOK)
    assert list(rules["rule"]) == sorted(rules["rule"]) and rules["name"].str.len().min() > 0
    named = {int(r): n for r, n in zip(rules["rule"], rules["name"], strict=True)}
    cited = {int(n) for r in claims.load_codebook(CODEBOOK)[1]["rationale"].dropna()
             for n in re.findall(r"\(rule (\d+)\)", r)}  # fmt: skip
    assert cited and cited <= set(named), "every rule a rationale cites is in the rules list"
    lookup = {k: (v, "") for k, v in named.items()}
    assert reader.rule_refs_in_words("x (rule 3).", {3: ("Scope of a denial", "")}) == (
        "x (rule 3: scope of a denial)."
    )
    assert reader.rule_refs_in_words("see rule 99", lookup) == "see rule 99"  # unknown: as is


@pytest.mark.parametrize(
    "rules, message",
    [
        ("rules: {a: 1}", "'rules' must be a list"),
        ("rules:\n  - number: 0\n    name: x\n    text: y", "positive whole number"),
        ("rules:\n  - number: 1\n    name: x", "missing 'text'"),
        (
            "rules:\n  - {number: 1, name: x, text: y}\n  - {number: 1, name: z, text: w}",
            "given twice",
        ),
    ],
)
def test_coding_rules_errors(tmp_path, rules, message):
    path = tmp_path / "codebook.yaml"
    path.write_text("propositions: []\ncodings: []\n" + rules + "\n", encoding="utf-8")
    with pytest.raises(claims.CodebookError, match=message):
        claims.load_coding_rules(path)


def test_the_corpus_keeps_the_rules_it_was_coded_with(tmp_path):
    """The rules are read with the codebook at load time, not again at display time."""
    import shutil

    from iranstrikes import load_corpus, reader

    for f in SEEDS.iterdir():
        if f.is_file():
            shutil.copy(f, tmp_path / f.name)
    c = load_corpus(tmp_path, progress=False)
    on_file = claims.load_coding_rules(tmp_path / "codebook.yaml")
    assert c.coding_rules["rule"].tolist() == on_file["rule"].tolist() != []
    assert str(c.coding_rules["rule"].dtype) == "Int64"
    key = reader.coding_rules_key(c).data
    (tmp_path / "codebook.yaml").write_text("propositions: []\ncodings: []\n", encoding="utf-8")
    assert reader.coding_rules_key(c).data.equals(key)  # the file changed; the corpus did not


def test_bad_coding_rules_are_a_problem_and_the_codings_still_load(tmp_path):
    from iranstrikes import load_corpus

    (tmp_path / "a.txt").write_text("Port to reopen\n\nThe port will reopen, Ana Ferreira said.\n")
    (tmp_path / "codebook.yaml").write_text(
        "propositions:\n  - id: P1\n    wording: The port will reopen.\ncodings: []\n"
        "rules:\n  - number: 1\n    name: Scope\n",
        encoding="utf-8",
    )
    c = load_corpus(tmp_path, progress=False)
    assert c.propositions["proposition_id"].tolist() == ["P1"]
    assert c.coding_rules.empty
    msg = c.problems.loc[c.problems["file"] == "codebook.yaml", "message"].tolist()
    assert len(msg) == 1 and "coding rules" in msg[0] and "missing 'text'" in msg[0], msg
