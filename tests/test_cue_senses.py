"""Tests of the cue tests in iranstrikes.quotes.cues on invented sentences: senses of a
reporting verb that report no statement (negations and refusals, non-reporting senses,
adjectival participles and nouns)."""

from __future__ import annotations

import pytest

from iranstrikes.quotes import extract_quotes


def cues(text: str) -> list[str]:
    return extract_quotes(text)["cue"].tolist()


@pytest.mark.parametrize(
    "text",
    [
        "Kari Vik wouldn't say directly whether the harbour board has sold its stake.",
        "Kari Vik won’t say when the harbour board will vote.",
        "Ola Dahl doesn’t say whether the ferry will run.",
        "Ola Dahl didn’t concede defeat.",
    ],
)
def test_a_cue_negated_by_a_contracted_auxiliary_is_no_statement(text):
    # like "did not say" and "declined to say": a refusal to say reports no content
    assert extract_quotes(text).empty


def test_a_negated_belief_verb_still_reports_a_view():
    df = extract_quotes("Kari Vik doesn’t think that the ferry can run on time.")
    assert df["speaker"].tolist() == ["Kari Vik"]
    assert df["quote"].iloc[0] == "the ferry can run on time"


@pytest.mark.parametrize(
    "text",
    [
        "The harbour board in Tromsø, Norway, had no comment.",
        "The ferry company had no immediate comment on the strike.",
    ],
)
def test_no_comment_is_a_noun_not_a_cue(text):
    # not a postposed cue whose content is the subject ("The harbour board in Tromsø")
    assert extract_quotes(text).empty


@pytest.mark.parametrize(
    "text",
    [
        "No one has claimed responsibility for the fire.",
        "So far, no rebel group has claimed responsibility for the fire.",
        "None of the three candidates has said whether she will run.",
        "Nobody would confirm the figures.",
    ],
)
def test_a_negative_subject_makes_no_statement(text):
    assert extract_quotes(text).empty


def test_a_statement_about_a_negative_subject_keeps_its_speaker():
    df = extract_quotes("Kari Vik said no rebel group has claimed responsibility for the fire.")
    assert df["speaker"].tolist() == ["Kari Vik"]
    assert df["cue"].tolist() == ["said"]


def test_no_before_a_verb_phrase_is_no_negative_subject():
    df = extract_quotes(
        "Ola Dahl arrived with no clear answer and admitted that the ferry was late."
    )
    assert df["cue"].tolist() == ["admitted"]


@pytest.mark.parametrize(
    "text",
    [
        "The rebels maintain control of the valley through a large police presence.",
        "The lender requires that the ferry company maintain reserves of 2 million kroner.",
        "The ferry company, which declared bankruptcy in May, closed its last route.",
        "In that case they would have denied the mayor an opportunity to regroup.",
        "The court denied him bail.",
        "The harbour board responded by cutting fares on all routes to the islands.",
        "The rally then continued, with the index up 150 points by noon.",
    ],
)
def test_a_non_reporting_sense_of_a_cue_verb_is_no_statement(text):
    assert extract_quotes(text).empty


@pytest.mark.parametrize(
    ("text", "cue", "quote"),
    [
        ("Kari Vik maintained that the ferry was safe.", "maintained", "the ferry was safe"),
        ("Kari Vik maintained the ferry was safe.", "maintained", "the ferry was safe"),
        ("Ola Dahl denied the reports.", "denied", "the reports"),
        ("But, Ola Dahl continued, the ferry was late.", "continued", "the ferry was late"),
    ],
)
def test_the_reporting_sense_of_the_same_verbs_is_kept(text, cue, quote):
    df = extract_quotes(text)
    assert df["cue"].tolist() == [cue]
    assert df["quote"].iloc[0] == quote


def test_maintain_with_an_object_inside_a_statement_is_no_second_statement():
    df = extract_quotes("The ferry company said it must maintain reserves of 2 million kroner.")
    assert df["cue"].tolist() == ["said"]


def test_responding_by_saying_is_a_statement():
    df = extract_quotes("Ola Dahl responded by saying that the ferry was late.")
    assert "the ferry was late" in df["quote"].tolist()


@pytest.mark.parametrize(
    "text",
    [
        "Profit fell because of a charge tied to Acme's previously announced plan to cut jobs.",
        "Sales of the recently announced ferry tickets began on Tuesday.",
        "The fair had been dominated by a state aid dispute between Acme and Zenith.",
        "It is the third lawsuit in a long running trademark dispute between the two firms.",
    ],
)
def test_an_adjectival_participle_or_a_noun_is_no_cue(text):
    assert extract_quotes(text).empty


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Led by the mayor, the rally denounced the ferry plan.", "denounced"),
        ("Economists predict between two and four rate rises.", "predict"),
        ("Kari Vik has repeatedly claimed that the ferry was late.", "claimed"),
    ],
)
def test_a_verb_after_a_noun_in_ly_or_before_between_is_still_a_cue(text, cue):
    assert extract_quotes(text)["cue"].tolist() == [cue]
