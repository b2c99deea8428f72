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
