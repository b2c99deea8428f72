"""The shared text model (iranstrikes.text): regions, mentions, entities, look-ups."""

from __future__ import annotations

import pytest

from iranstrikes import text

STORY = (
    "Minister quits over budget row\n\n"
    "OSLO (AFP) — A senior Norwegian official said on Tuesday that the budget had failed. "
    "Norwegian Finance Minister Kari Lund told The Guardian that her ministry acted alone.\n\n"
    "Lund, the finance minister, said she was sure. The minister added that U.S. officials "
    "were wrong. Per Dahl, the spokesman, said he disagreed. The spokesman said the Labour "
    "Party would respond. Counterterrorism officials told reporters they knew."
)


@pytest.fixture(scope="module")
def tm():
    return text.model(STORY)


def name_at(tm, phrase, nth=0):
    pos = -1
    for _ in range(nth + 1):
        pos = STORY.index(phrase, pos + 1)
    e = tm.entity_at(pos)
    return e.name if e else None


def test_regions_are_marked(tm):
    kinds = {r.kind: STORY[r.start : r.end] for r in tm.regions}
    assert kinds["headline"] == "Minister quits over budget row"
    assert kinds["dateline"].startswith("OSLO (AFP)")
    assert tm.region_at(STORY.index("OSLO")) == "dateline"
    assert tm.region_at(STORY.index("Lund,")) == "body"


def test_offsets_index_the_text(tm):
    for m in tm.mentions:
        assert STORY[m.start : m.end] == m.text
    for s, e, t in tm.tokens:
        assert STORY[s:e] == t
    assert all(s.start < s.end for s in tm.sentences)


def test_names_titles_apposition_and_descriptions(tm):
    assert name_at(tm, "Lund,") == "Kari Lund"  # surname
    assert name_at(tm, "the finance minister") == "Kari Lund"  # apposition
    assert name_at(tm, "The minister") == "Kari Lund"  # description the story attached
    assert name_at(tm, "the spokesman") == "Per Dahl"  # "X, the spokesman,"
    assert name_at(tm, "The spokesman") == "Per Dahl"


def test_lede_cataphora_ties_the_description_to_the_named_person(tm):
    assert name_at(tm, "A senior Norwegian official") == "Kari Lund"
    m = tm.mention_at(STORY.index("A senior"))
    assert m.rule == "cataphora"


def test_anonymity_marker_blocks_cataphora():
    t = (
        "A senior Norwegian official, who asked not to be named, said the budget failed. "
        "Norwegian Finance Minister Kari Lund said nothing."
    )
    tm = text.model(t)
    e = tm.entity_at(0)
    assert e.kind == "anonymous" and e.name == "senior Norwegian official"


def test_pronouns_agree_and_prefer_the_subject(tm):
    assert name_at(tm, "she was sure") == "Kari Lund"
    assert name_at(tm, "he disagreed") == "Per Dahl"
    assert name_at(tm, "they knew") == "Counterterrorism officials"
    assert name_at(tm, "her ministry") == "Kari Lund"


def test_unnamed_groups_are_anonymous_and_outlets_media(tm):
    assert tm.entity_at(STORY.index("U.S. officials")).kind == "anonymous"
    assert tm.entity_at(STORY.index("The Guardian")).kind == "media"
    assert tm.entity_at(STORY.index("Labour Party")).kind == "organisation"


def test_subject_entity_skips_prepositional_phrases_and_quotes():
    t = 'The spokesman for the ministry, Per Dahl, said "Anna Berg is wrong" and left.'
    tm = text.model(t)
    i = tm.sentence_at(t.index("said"))
    assert tm.subject_entity(i, t.index("said")).name == "Per Dahl"
    assert tm.subject_entity(i, t.index("left")).name == "Per Dahl"  # not the quoted name


def test_no_entity_spans_two_articles():
    a = text.model("Kari Lund said the plan failed.")
    b = text.model("Lund said the plan worked.")
    assert b.entity_at(0).name == "Lund"  # nothing carried over from the other article
    assert a.entity_at(0).name == "Kari Lund"


def _story_files():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    return sorted((root / "seeds").glob("*.txt")) + sorted(
        (root / "tests" / "fixtures" / "invented").glob("*.txt")
    )


@pytest.mark.parametrize("path", _story_files(), ids=lambda p: p.stem)
def test_every_speaker_span_is_a_mention_of_the_text_model(path):
    from iranstrikes.quotes import extract_quotes

    body = path.read_text(encoding="utf-8")
    tm = text.model(body)
    q = extract_quotes(body)
    for r in q[q["speaker_start"] >= 0].itertuples():
        near = tm.mentions_in(max(0, r.speaker_start - 30), r.speaker_end)
        assert any(m.start < r.speaker_end and m.end > r.speaker_start for m in near), (
            r.speaker_mention,
            r.method,
        )
        assert tm.region_at(r.speaker_start) not in {"headline", "dateline"} or (
            r.method == "headline_colon"
        )


@pytest.mark.parametrize(
    ("body", "pronoun_at", "antecedent"),
    [
        # a possessive opening the sentence is not its subject
        (
            "Berg’s lawyer, Tom Holm, said Ola Vik was “looking for publicity.” He said Vik was "
            "bound by an agreement.",
            "He said",
            "Tom Holm",
        ),
        # nor is a place in a fronted prepositional phrase
        (
            "In Bergen, Mayor Ola Vik released a statement condemning the attack in Molde. He "
            "said his team would help.",
            "He said",
            "Ola Vik",
        ),
        # the subject of the sentence just before beats an older subject with a known gender
        (
            "Tom Holm said the vote mattered, “and to the port,” he said. Ola Vik, a ferry "
            "captain, recalled that in 2009 “we had no work.” He said that since then he has "
            "been secure.",
            "He said that",
            "Ola Vik",
        ),
    ],
)
def test_pronoun_salience_is_the_subject_not_the_first_string(body, pronoun_at, antecedent):
    tm = text.model(body)
    assert tm.entity_at(body.index(pronoun_at)).name == antecedent


def test_an_acronym_is_no_antecedent_of_a_personal_pronoun():
    body = "The FBI sent its report to Kari Lund on Monday. She said the pier was unsafe."
    tm = text.model(body)
    assert tm.entity_at(body.index("She")).name == "Kari Lund"
    body = "The NTSB released the findings on Monday. She said the pier was unsafe."
    tm = text.model(body)
    e = tm.entity_at(body.index("She"))
    assert e is None or e.name != "NTSB"


def test_a_contracted_first_person_pronoun_is_no_name():
    tm = text.model("Several pilots I've met said the harbour was unsafe. I’m not sure, she said.")
    assert not [m for m in tm.mentions if m.kind == "name"]
    assert not [e for e in tm.entities if e.kind == "person"]


def test_a_pronoun_after_a_coordinated_pair_of_people_is_ambiguous():
    from iranstrikes.quotes import extract_quotes

    body = "Karl Ode and Jon Berg met on Monday. He said afterwards that the talks went well."
    row = extract_quotes(body).iloc[0]
    assert row["speaker"] == "" and row["speaker_mention"] == "He"
    assert row["quote"] == "the talks went well"
    # first names tied to different genders tell the pair apart, whichever side is meant
    for pronoun, speaker in (("She", "Anna Berg"), ("He", "Karl Ode")):
        body = f"Karl Ode and Anna Berg met on Monday. {pronoun} said the talks went well."
        assert extract_quotes(body).iloc[0]["speaker"] == speaker
    # one person of the pair is still the antecedent when the other is not a person
    body = "Karl Ode and the harbour board met on Monday. He said the talks went well."
    assert extract_quotes(body).iloc[0]["speaker"] == "Karl Ode"


def test_a_first_name_tied_to_one_gender_guides_a_pronoun_softly():
    from iranstrikes.quotes import extract_quotes

    body = (
        "Hillary Clinton said the plan would work. Donald Trump disagreed. "
        "She said the numbers were clear."
    )
    assert extract_quotes(body)["speaker"].tolist() == ["Hillary Clinton"] * 2
    # the text model ranks the same way
    from iranstrikes.text import model

    tm = model(body)
    she = next(m for m in tm.mentions if m.text == "She")
    assert tm.entities[she.entity].name == "Hillary Clinton"
    # a hint only: with no other person near, a name of the other gender still stands
    body = "In his address, Lindsey Graham assures his audience he will tell them to stop."
    assert extract_quotes(body)["speaker"].tolist() == ["Lindsey Graham"]


def test_first_names_resource_is_well_formed():
    from iranstrikes import resources

    names = resources.first_name_genders()
    assert len(names) > 10_000
    assert set(names.values()) == {"m", "f"}
    assert all(n.isalpha() and n.islower() for n in names)


def test_a_lede_description_named_by_a_definite_apposition_is_that_person():
    from iranstrikes.quotes import extract_quotes
    from iranstrikes.text import model

    body = (
        "A senior harbour official said the pier would close. Karl Holm, the official, said "
        "repairs would take a year."
    )
    tm = model(body)
    lede = tm.mention_at(0)
    assert lede.rule == "cataphora" and tm.entities[lede.entity].name == "Karl Holm"
    assert extract_quotes(body)["speaker"].tolist() == ["Karl Holm"] * 2
    # an anonymous source stays one, whatever the apposition says
    body = body.replace("official said", "official, speaking on condition of anonymity, said")
    assert extract_quotes(body)["speaker"].tolist()[0] == "senior harbour official"
    # another head is no evidence
    body = (
        "A senior official said the pier would close. Karl Holm, the harbour master, said "
        "repairs would take a year."
    )
    assert extract_quotes(body)["speaker"].tolist()[0] == "senior official"


def test_a_description_stops_at_a_past_verb_after_another_head_noun():
    text_ = "The aide thanked supporters. The retired general declined."
    spans = [text_[m.start : m.end] for m in text.model(text_).mentions if m.kind == "description"]
    assert "The aide" in spans and "The retired general" in spans
    assert not any("thanked" in s for s in spans)


def test_a_sentence_initial_capital_before_a_title_and_a_name_is_no_name():
    text_ = "Band member Karl Holm shared the news. Holm said it was over."
    spans = [text_[m.start : m.end] for m in text.model(text_).mentions]
    assert "Band" not in spans and "Karl Holm" in spans


def test_a_plural_group_name_is_no_antecedent_of_a_singular_pronoun():
    text_ = "Karl Holm spoke first. Then the Republicans objected. He called it shameful."
    tm = text.model(text_)
    he = next(m for m in tm.mentions if text_[m.start : m.end] == "He")
    assert tm.entities[he.entity].name == "Karl Holm"


def test_a_party_adjective_is_no_person():
    text_ = (
        "Clinton, the Democratic front-runner, was critical of Karl Holm. She said it was wrong."
    )
    tm = text.model(text_)
    assert "Democratic" not in {e.name for e in tm.entities}


@pytest.mark.parametrize(
    "text_",
    [
        "Hillary Clinton praised George W. Bush for reaching out when he was in the White House.",
        "Hillary Clinton praised George W. Bush. He said it was time.",
    ],
)
def test_a_first_name_tied_to_the_other_gender_loses_to_a_matching_one(text_):
    tm = text.model(text_)
    he = next(m for m in tm.mentions if text_[m.start : m.end].lower() == "he")
    assert tm.entities[he.entity].name == "George W. Bush"


def test_a_region_named_alone_is_a_place_not_an_antecedent():
    text_ = "Karl Holm campaigned across Vermont on Sunday. He said the crowds were large."
    tm = text.model(text_)
    he = next(m for m in tm.mentions if text_[m.start : m.end] == "He")
    assert tm.entities[he.entity].name == "Karl Holm"
    vt = next(m for m in tm.mentions if text_[m.start : m.end] == "Vermont")
    assert vt.kind == "state"


def test_a_first_name_of_the_other_gender_never_wins_a_pronoun_over_a_person_without_one():
    body = (
        "Supporters of Lise Berg and Karl Ode avoided fights on Wednesday — the "
        "morning after the former governor cemented her status as the nominee."
    )
    tm = text.model(body)
    her = tm.entity_at(body.index("her status"))
    assert her is None or her.name != "Karl Ode"
    ode = tm.entity_at(body.index("Karl Ode"))
    assert ode.gender != "f"


def test_a_fronted_participle_phrase_is_no_subject_even_with_a_verb_inside():
    body = "Citing polls that show Lise Berg leads, Karl Ode told the board the race was close."
    tm = text.model(body)
    m = tm.subject_mention(0, body.index("told"))
    assert m is not None and tm.entities[m.entity].name == "Karl Ode"
    # a name ending in -ing is no participle
    body = "Ola Vik met Kari Manning. Manning said the race was close, and left."
    tm = text.model(body)
    m = tm.subject_mention(1, body.index("left"))
    assert m is not None and tm.entities[m.entity].name == "Kari Manning"


def test_a_fronted_participle_phrase_runs_past_a_pair_of_horizontal_bars():
    body = (
        "Jon Berg left early. Hastily politicizing the storm ― much like he did after the "
        "floods ― Karl Ode\u00a0cast the blame on his rivals, and emphasized the threat."
    )
    tm = text.model(body)
    m = tm.subject_mention(1, body.index("emphasized"))
    assert m is not None and tm.entities[m.entity].name == "Karl Ode"


@pytest.mark.parametrize(
    ("body", "n"),
    [
        ("They met the mayor on Jan 5. Former mayor Anna Berg spoke.", 2),
        ("The ticket cost $5. Few people came.", 2),
        ("The letter was signed by Karl J. Holm and sent on Monday.", 1),
    ],
)
def test_a_number_before_a_full_stop_ends_a_sentence_an_initial_does_not(body, n):
    assert len(text.model(body).sentences) == n


def test_a_weekday_closing_a_name_run_is_no_part_of_the_name():
    tm = text.model(
        "The board met. Karl Holm said on Twitter Thursday that Juanita Berg Sunday left."
    )
    names = [m.text for m in tm.mentions if m.kind in {"name", "title_name"}]
    assert "Twitter" in names and "Juanita Berg" in names
    assert not any(n.endswith(("Thursday", "Sunday")) for n in names)


def test_a_nationality_before_a_noun_is_an_adjective_not_a_person():
    body = "His grandfather brewed Cuban coffee, told him about Cuban history and laughed."
    tm = text.model(body)
    assert not [m for m in tm.mentions if m.text == "Cuban"]
    assert not [e for e in tm.entities if e.kind == "person" and e.name == "Cuban"]


def test_a_nationality_word_is_a_name_when_the_article_names_someone_by_it():
    # "Mark Cuban ... Cuban said": the surname, not the adjective; a place ("Arizona", a
    # first name too) or a possessive before it ("Mr. Rubio's Cuban side") makes no surname
    body = "Mark Cuban spoke on Monday. Cuban said the plan failed. Cuban coffee was served."
    tm = text.model(body)
    said = tm.entity_at(body.index("Cuban said"))
    assert said is not None and said.name == "Mark Cuban"
    body2 = "Lise Berg, an Arizona Republican, spoke. Purcell, a Republican, said no."
    tm2 = text.model(body2)
    rep = tm2.entity_at(body2.index("Republican, said"))
    assert rep is None or rep.name != "Arizona Republican"


def test_two_nationalities_name_one_people():
    tm = text.model("Cuban Americans say they might vote for him.")
    m = tm.mentions[0]
    assert (m.text, m.name, m.number) == ("Cuban Americans", "Cuban Americans", "p")


def test_an_organisation_name_modifying_a_description_is_part_of_it():
    from iranstrikes.text import model

    tm = model(
        "Kari Vik regrets her remarks.\n\nThe Supreme Court justice said the ruling stood.\n\n"
        "A White House press secretary said the talks failed."
    )
    descs = [m.text for m in tm.mentions if m.kind == "description"]
    assert descs == ["The Supreme Court justice", "A White House press secretary"]


def test_a_pronoun_inside_a_quotation_teaches_its_antecedent_no_gender():
    from iranstrikes.text import model

    tm = model(
        "Ola Dahl spoke at the harbour.\n\n"
        "“I don’t see how anyone can trust her as a mayor,” Dahl said.\n\n"
        "He said the plan failed."
    )
    dahl = next(e for e in tm.entities if e.name == "Ola Dahl")
    assert dahl.gender != "f"
    he = next(m for m in tm.mentions if m.text == "He")
    assert tm.entities[he.entity].name == "Ola Dahl"


def test_an_opener_after_an_abbreviation_that_ends_a_sentence_is_no_part_of_a_name():
    from iranstrikes.text import model

    tm = model("Dahl wants to ban ships from the U.S. While Kari Vik has condemned it, she waits.")
    names = [m.text for m in tm.mentions if m.kind in ("name", "title_name")]
    assert "Kari Vik" in names and not any("While" in n for n in names)


def test_a_headline_opening_with_a_quantifier_names_no_one_by_it():
    from iranstrikes.text import model

    tm = model("More Kari Vik emails released.\n\nKari Vik said the plan failed.")
    assert {e.name for e in tm.entities if e.kind == "person"} == {"Kari Vik"}


def test_a_plural_head_before_a_lower_case_word_ends_the_description():
    tm = text.model("The candidates oppose Dahl’s executive actions on trade.")
    descs = [tm.text[m.start : m.end] for m in tm.mentions if m.kind == "description"]
    assert "The candidates" in descs
    assert not any("oppose" in d for d in descs)


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        (
            "All of the GOP candidates oppose the plan, and have pledged to end it.",
            "GOP candidates",
        ),
        ("Two of the officials opposed the plan and said it would fail.", "officials"),
    ],
)
def test_a_group_after_a_share_and_of_is_the_sentence_subject(sentence, subject):
    tm = text.model(sentence)
    e = tm.sentence_subject(0, sentence.index(" and "), strict=True)
    assert e is not None and e.name == subject


def test_one_of_a_group_is_not_the_group():
    sentence = "One of the officials opposed the plan and said it would fail."
    tm = text.model(sentence)
    assert tm.sentence_subject(0, sentence.index(" and "), strict=True) is None


def test_lede_cataphora_through_a_definite_apposition_before_the_name():
    t = (
        "A top aide to the mayor said on Monday that the city would not pay the fine.\n\n"
        "“We will fight this in court,” said the aide, Kari Vik, who has advised the mayor."
    )
    tm = text.model(t)
    lede = tm.entity_at(t.index("A top aide"))
    assert lede is not None and lede.name == "Kari Vik"


def test_a_collective_noun_of_a_plural_is_one_group_mention():
    t = "A team of young scientists has found a crack, a finding they say could change plans."
    tm = text.model(t)
    e = tm.entity_at(t.index("they"))
    assert e is not None and e.name == "team of young scientists" and e.kind == "anonymous"


def test_a_geographic_feature_is_a_place_not_a_person():
    t = (
        "Admiral Kari Harris spoke about the South China Sea and the Atlantic Ocean on Monday. "
        "He said the navy would stay."
    )
    tm = text.model(t)
    assert tm.entity_at(t.index("South China Sea")).kind == "state"
    assert tm.entity_at(t.index("He said")).name != "South China Sea"


def test_a_one_word_organisation_before_a_bare_group_plural_is_part_of_the_group():
    t = "Council members were unimpressed. They said no. Pentagon officials said it was over."
    tm = text.model(t)
    assert tm.entity_at(t.index("They")).name == "Council members"
    assert tm.entity_at(t.index("Pentagon")).kind == "anonymous"


def test_a_run_ending_in_a_peoples_plural_is_a_plural_group():
    from iranstrikes.text import model

    tm = model("Muslim Americans fear the plan. Senate Democrats agree.")
    for name in ("Muslim Americans", "Senate Democrats"):
        m = next(x for x in tm.mentions if tm.text[x.start : x.end] == name)
        assert m.number == "p" and tm.entities[m.entity].kind != "person", name
