"""People and aliases: curated, exact, fuzzy; the threshold's justification."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from iranstrikes.people import EntityMatcher, load_aliases


@pytest.fixture(scope="module")
def matcher():
    entries, problems = load_aliases(SEEDS)
    assert not problems
    return EntityMatcher(entries)


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Marziyeh Afkham", "marzieh-afkham"),
        ("Gen. Jazayeri", "massoud-jazayeri"),
        ("Brigadier-General Massoud Jazayeri", "massoud-jazayeri"),
        ("Masoud Jazayeri", "massoud-jazayeri"),  # unseen transliteration: fuzzy
        ("Ibrahim Rahimpour", "ebrahim-rahimpour"),  # unseen transliteration: fuzzy
        ("Daesh", "islamic-state"),
        ("ISIL", "islamic-state"),
        ("John Kerry", None),  # a different person with a similar name
        ("Mario Hart", None),
        ("Marzieh Akbari", None),
    ],
)
def test_match(matcher, name, expected):
    assert matcher.match(name)[0] == expected


def test_is_never_matches_ordinary_text(matcher):
    rows = matcher.scan("x", "This is it. Is this the IS group? ISIS is here. This isn't.")
    got = [(r["mention"], r["person_id"]) for r in rows]
    assert got == [("IS", "islamic-state"), ("ISIS", "islamic-state")]


def test_people_frame(corpus):
    p = corpus.people.set_index("person_id")
    assert p.loc["marzieh-afkham", "aliases"].split("|").count("Marziyeh Afkham") == 1
    assert p.loc["islamic-state", "kind"] == "group"
    assert p.loc["islamic-state", "n_mentions"] > 10
    m = corpus.mentions
    assert set(m[m["person_id"] == "massoud-jazayeri"]["article_id"]) == {
        "001_c83e7465428b1c6d",
        "003_ce71c3d27d66f5d4",
        "004_5a660a41deb1e848",
    }
    for aid, s, e, mention in zip(m["article_id"], m["start"], m["end"], m["mention"], strict=True):
        assert corpus.span(aid, s, e) == mention


def test_every_quote_has_a_canonical_person(corpus):
    from iranstrikes.people import canonical_speakers

    q = canonical_speakers(corpus.quotes, corpus.people)
    spoken = q[q["speaker"].fillna("") != ""]
    assert spoken["person_id"].notna().all()
    assert set(spoken["person_id"]) <= set(corpus.people["person_id"])
    # the curated transliterations are one person, shown by the canonical name
    afk = q[q["speaker"].fillna("").str.contains("Afkham")]
    assert set(afk["person_id"]) == {"marzieh-afkham"}
    assert set(afk["person_name"]) == {"Marzieh Afkham"}


def test_unnamed_sources_cluster_per_article_and_never_across():
    from iranstrikes.people import _UnnamedSources

    u = _UnnamedSources()
    a = [
        u.assign("a1", d)[0]
        for d in ("senior Iranian official", "senior official", "unnamed Iranian official")
    ]
    assert len(set(a)) == 1
    assert u.assign("a1", "U.S. officials")[0] not in a  # conflicting modifiers
    assert u.assign("a2", "senior official")[0] not in a  # another article


def test_a_state_speaking_is_named_by_its_country():
    from iranstrikes.people import institution_name

    assert institution_name("the Iranian government") == "Iran"
    assert institution_name("Iraq's government") == "Iraq"
    assert institution_name("the Pentagon") is None


@pytest.mark.parametrize(
    "name, bare",
    [
        ("Gen. Amos Varga", "Amos Varga"),
        ("Former Secretary of State Lena Orwell", "Lena Orwell"),
        ("Home Secretary Pia Brandt", "Pia Brandt"),
        ("The Harbour Gazette", "Harbour Gazette"),
        # nothing but titles: kept whole, never an empty key
        ("the deputy trade minister", "the deputy trade minister"),
        # an office, not a person: the title words are part of its name
        ("State Department", "State Department"),
        ("Interior Ministry", "Interior Ministry"),
    ],
)
def test_strip_titles_reads_the_shared_title_list(name, bare):
    from iranstrikes.people import strip_titles

    assert strip_titles(name) == bare


def test_two_title_only_descriptions_do_not_match_each_other():
    entries = [
        {
            "name": "Amos Varga",
            "kind": "person",
            "aliases": ["the trade minister"],
            "titles": [],
            "evidence": "invented",
        }
    ]
    m = EntityMatcher(entries)
    assert m.match("the trade minister")[0] == "amos-varga"
    assert m.match("the health minister")[0] is None


def test_a_coded_state_is_the_person_of_its_country(corpus):
    """A codebook stance of "<Country> government" groups with the country's own quotes."""
    from iranstrikes.people import institution_name

    names = dict(zip(corpus.people["name"], corpus.people["person_id"], strict=True))
    st = corpus.stances
    checked = 0
    for r in st[st["speaker_type"] == "institution"].itertuples(index=False):
        state = institution_name(r.speaker)
        if state and state in names and state != r.speaker:
            assert r.person_id == names[state], (r.speaker, r.person_id)
            checked += 1
    assert checked, "the seeds code a state by its government"
