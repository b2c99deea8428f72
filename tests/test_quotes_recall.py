"""Recall of reported speech: the sentence shapes added for issue #13 (invented text only)."""

from __future__ import annotations

import pytest

from iranstrikes.quotes import extract_quotes

HEAD = "Council approves the harbour budget\n\n"


def rows(body: str) -> list[dict]:
    return extract_quotes(HEAD + body + "\n").to_dict("records")


def found(body: str, content: str) -> dict:
    """The row whose quote holds ``content`` (fails when there is none)."""
    hits = [r for r in rows(body) if content in r["quote"]]
    assert hits, f"no row holding {content!r}: {rows(body)}"
    return hits[0]


def test_question_whose_mark_ends_the_sentence_takes_the_next_sentences_cue():
    r = found('"Why should the harbour pay for it?" Mrs. Okonkwo asked.', "harbour pay")
    assert r["kind"] == "direct" and r["cue"] == "asked"
    assert "Okonkwo" in r["speaker"]
    r = found('"The budget is final." Mayor Lindqvist said.', "budget is final")
    assert "Lindqvist" in r["speaker"]


def test_a_later_sentence_with_a_subordinate_cue_does_not_attribute_the_quotation():
    body = '"Really?" The question hung in the air after the treasurer said it.'
    assert not [r for r in rows(body) if "Really" in r["quote"]]


@pytest.mark.parametrize(
    ("body", "content", "cue"),
    [
        ("Mayor Lindqvist vowed to rebuild the harbour wall.", "to rebuild the harbour", "vowed"),
        ("Mayor Lindqvist promised to cut fees.", "to cut fees", "promised"),
        (
            "Councillor Okonkwo urged the board to delay the vote until spring.",
            "the board to delay",
            "urged",
        ),
        ("Councillor Okonkwo asked residents to stay home.", "residents to stay home", "asked"),
        (
            "Councillor Okonkwo called for an inquiry into the harbour contract.",
            "an inquiry into",
            "called for",
        ),
        (
            "The union called on the council to reopen the talks.",
            "the council to reopen",
            "called on",
        ),
        (
            "Mayor Lindqvist made the case that the fees would fall.",
            "the fees would fall",
            "made the case",
        ),
        (
            "Mayor Lindqvist described the contract as a mistake.",
            "the contract as a mistake",
            "described",
        ),
    ],
)
def test_infinitive_object_and_phrase_cues_report_their_complement(body, content, cue):
    r = found(body, content)
    assert r["kind"] == "indirect" and r["cue"] == cue
    assert r["speaker"]


def test_coordinated_object_cue_is_the_sentence_subjects_statement():
    body = "Mayor Lindqvist toured the docks on Friday and vowed to repair the cranes."
    r = found(body, "to repair the cranes")
    assert r["cue"] == "vowed"


def test_to_infinitives_that_are_not_speech_stay_out():
    body = "Mayor Lindqvist went to the docks to inspect the cranes."
    assert rows(body) == []
    body = "Mayor Lindqvist called the harbour office on Friday."
    assert rows(body) == []


def test_postposed_cue_after_content_holding_a_verb_that_is_no_attribution():
    # "continued" and "found" inside the content are no reporting cues (they have no clause)
    body = (
        "Some residents have continued paying the old fees after the change, "
        "harbour officials said."
    )
    r = found(body, "continued paying the old fees")
    assert r["cue"] == "said" and r["speaker"] == "harbour officials"
    body = "Many traders found the new fees unfair, councillor Mira Okonkwo said on Friday."
    r = found(body, "found the new fees unfair")
    assert "Okonkwo" in r["speaker"]


def test_inverted_subject_opening_with_a_quantifier():
    body = "The harbour vote surprised the traders more than anyone else, said several councillors."
    r = found(body, "surprised the traders")
    assert r["kind"] == "indirect" and "councillors" in r["speaker"]
    assert "several" not in r["quote"]


def test_according_to_opening_a_quotation_is_a_direct_quote_of_the_source():
    r = found("According to the harbour office: “The cranes will be repaired by spring.”", "cranes")
    assert r["kind"] == "direct" and r["cue"] == "According to"
    assert r["speaker"] == "harbour office"


@pytest.mark.parametrize(
    ("body", "content"),
    [
        ("But according to the harbour office, the cranes will be repaired soon.", "the cranes"),
        ("In addition, according to the treasurer, the fees will rise in May.", "the fees will"),
        ("The delay, according to the treasurer, was caused by the storm.", "was caused by"),
        ("The fees rose by a third last year, according to council records.", "The fees rose"),
    ],
)
def test_according_to_forms(body, content):
    r = found(body, content)
    assert r["kind"] == "indirect" and r["method"] == "according_to"


@pytest.mark.parametrize(
    ("body", "outer", "inner", "source"),
    [
        (
            "Most traders said the fees were too high, according to a survey by the chamber.",
            "Most traders said the fees were too high",
            "the fees were too high",
            "chamber",
        ),
        (
            "The board has called for a new crane, according to the harbour union, which "
            "represents the pilots.",
            "The board has called for a new crane",
            "a new crane",
            "harbour union",
        ),
        (
            "According to two councillors, the mayor said she would resign.",
            "the mayor said she would resign",
            "she would resign",
            "councillors",
        ),
    ],
)
def test_according_to_a_source_around_a_statement_reports_it(body, outer, inner, source):
    """The outer source (not an outlet) gets the sentence; the inner statement is kept."""
    got = {r["quote"]: r for r in rows(body)}
    assert got[outer]["method"] == "according_to" and source in got[outer]["speaker"]
    assert got[inner]["cue"] in {"said", "called for"} and got[inner]["method"] != "according_to"


@pytest.mark.parametrize(
    "body",
    [
        # inside the statement: part of what the treasurer said
        "The treasurer said that according to its own audit, the port lost money.",
        # between the statement and its cue
        "The harbour, according to the minutes, will close, the treasurer said.",
    ],
)
def test_according_to_inside_or_before_a_statement_reports_nothing_around_it(body):
    assert [r["method"] for r in rows(body)].count("according_to") == 0


def test_according_to_a_norm_is_no_statement():
    assert rows("The vote was held in May, according to the rules.") == []


def test_infinitive_cue_inside_another_statement_is_part_of_it():
    body = "Ms. Okonkwo said the board chose the bid because its owner had promised to keep jobs."
    assert [r["cue"] for r in rows(body)] == ["said"]


def test_noun_uses_of_phrase_cues_are_no_cues():
    body = "The treasurer, Tom Haller, dismissed calls for a recount as unnecessary."
    assert not [r for r in rows(body) if r["cue"] == "calls for"]
    body = "Councillors rejected her call for a recount on Friday."
    assert not [r for r in rows(body) if r["cue"] == "call for"]


@pytest.mark.parametrize(
    ("body", "question"),
    [
        (
            "Asked whether the harbour would close, Mayor Lindqvist said it would not.",
            "whether the harbour would close",
        ),
        ("The treasurer was asked about the missing invoices.", "about the missing invoices"),
        (
            "When asked if the fees would rise, Ms. Okonkwo declined to comment.",
            "if the fees would rise",
        ),
    ],
)
def test_passive_question_is_the_statement_and_its_asker_is_unknown(body, question):
    r = found(body, question)
    assert r["method"] == "asked_question" and r["cue"].lower() == "asked"
    assert r["speaker"] == "" and r["speaker_type"] == "unknown"


def test_passive_question_by_a_named_asker():
    body = "Mayor Lindqvist was asked by reporter Ana Ferreira whether the cranes were safe."
    r = found(body, "whether the cranes were safe")
    assert "Ferreira" in r["speaker"]


def test_active_question_keeps_its_subject_and_is_not_doubled():
    body = "Councillor Okonkwo asked whether the cranes were safe."
    got = [r for r in rows(body) if "cranes were safe" in r["quote"]]
    assert len(got) == 1 and "Okonkwo" in got[0]["speaker"]


@pytest.mark.parametrize(
    ("body", "content", "speaker"),
    [
        ("The dock workers are saying the new fees are unfair.", "the new fees are unfair", "dock"),
        (
            "Mayor Lindqvist toured the harbour, but now said the cranes had to be replaced.",
            "the cranes had to be replaced",
            "Lindqvist",
        ),
        (
            "Rather, Ms. Okonkwo said, the fees will fall next year.",
            "the fees will fall",
            "Okonkwo",
        ),
    ],
)
def test_progressive_adverb_coordinated_and_fronted_adverb_cues(body, content, speaker):
    r = found(body, content)
    assert speaker in r["speaker"]


def test_saying_with_a_clause_after_a_noun_is_a_cue_but_not_without_one():
    body = "The harbour office issued a statement saying that the cranes were safe."
    r = found(body, "the cranes were safe")
    assert r["cue"] == "saying"
    assert rows("A sign saying no parking stood by the gate.") == []
    assert rows("Mayor Lindqvist is saying goodbye to her staff.") == []


def test_that_s_after_a_cue_is_part_of_the_content():
    r = found("The dock workers are saying that’s unfair.", "unfair")
    assert r["quote"].startswith("that’s")


def test_partial_quote_gets_the_speaker_of_its_coordinated_host():
    body = "Mayor Lindqvist toured the docks, but later said the cranes were “a disgrace.”"
    r = found(body, "a disgrace")
    assert "Lindqvist" in r["speaker"]


def test_parenthetical_cue_inside_its_statement():
    body = "The delay, Ms. Okonkwo noted, was caused by the storm and not by the contractor."
    r = found(body, "was caused by the storm")
    assert r["method"] == "parenthetical_cue" and r["quote"].startswith("The delay")
    assert "Okonkwo" in r["speaker"]


@pytest.mark.parametrize(
    ("body", "content", "speaker"),
    [
        (
            "But as Mayor Lindqvist noted, the cranes will need new motors within a year.",
            "the cranes will need new motors",
            "Lindqvist",
        ),
        (
            "As reported by the Harbour Gazette, the council will vote on the fees in May.",
            "the council will vote",
            "Harbour Gazette",
        ),
    ],
)
def test_as_clause_cue_before_its_statement(body, content, speaker):
    r = found(body, content)
    assert r["method"] == "as_clause_cue" and speaker in r["speaker"]


def test_parenthetical_rules_leave_quotations_and_fronted_phrases_alone():
    r = found("Mayor Lindqvist, the chair, said, “We will rebuild the wall.”", "rebuild")
    assert r["kind"] == "direct"
    r = found("In May, Ms. Okonkwo said, the fees will rise again.", "the fees will rise")
    assert r["method"] != "parenthetical_cue"


def test_quotation_after_a_clause_ending_in_a_colon_is_its_subjects():
    r = found("Mayor Lindqvist addressed the crowd again: “We will rebuild the wall.”", "rebuild")
    assert r["method"] == "colon_clause" and "Lindqvist" in r["speaker"]
    assert rows("The rule changed: “No vessels after dark.”") == []


def test_quote_only_verbs_attribute_quotations_not_clauses():
    r = found("The sign read: “Closed until spring.”", "Closed until spring")
    assert r["cue"] == "read"
    assert rows("Mayor Lindqvist read that the plan had failed.") == []
    r = found("Ms. Okonkwo posted on her website that the cranes were safe.", "cranes were safe")
    assert r["cue"] == "posted"


def test_quotation_after_a_partial_quote_continues_its_speaker():
    body = (
        "The fees are “simply unfair,” said Ms. Okonkwo, who chairs the traders’ group. "
        "“Nobody asked the people who work here.”"
    )
    r = found(body, "Nobody asked")
    assert r["method"] == "continuation" and "Okonkwo" in r["speaker"]


@pytest.mark.parametrize(
    "body, content, speaker",
    [
        ("The Harbour Gazette reported the email arrived hours after the vote.",
         "the email arrived hours", "Harbour Gazette"),
        ("Treasurer Mara Velden noted the council voted against the plan.",
         "the council voted against", "Mara Velden"),
        ("Mayor Lindqvist noted she came to the harbour as a child.", "she came to the harbour",
         "Lindqvist"),
    ],
)  # fmt: skip
def test_thatless_clause_with_a_past_tense_verb(body, content, speaker):
    r = found(body, content)
    assert r["kind"] == "indirect" and speaker in r["speaker"]


@pytest.mark.parametrize(
    "body",
    [
        "Mayor Lindqvist noted the increased demand for moorings.",  # a participle adjective
        "Mayor Lindqvist noted Tuesday's vote on the harbour fees.",  # an object, no clause
    ],
)
def test_thatless_object_is_no_reported_clause(body):
    assert not [r for r in rows(body) if r["cue"] == "noted"]


@pytest.mark.parametrize(
    "body, content",
    [
        ("Addressing the gala, Mayor Lindqvist described families playing in the harbour park.",
         "families playing in the harbour park"),
        ("Treasurer Mara Velden recalled the storm of 1998 and the week the port was shut.",
         "the storm of 1998"),
        ("Mayor Lindqvist described the budget as a failure.", "the budget as a failure"),
    ],
)  # fmt: skip
def test_describe_and_recall_report_their_object(body, content):
    r = found(body, content)
    assert r["kind"] == "indirect" and r["cue"] in {"described", "recalled"}


def test_so_called_is_no_cue():
    body = "The so called “Harbour Pact” was called by the board to force the port to reopen."
    assert extract_quotes(body).empty  # was two rows, both spoken by "so"
    q = extract_quotes("The mayor called the pact “a trick.” The so-called fee went, she said.")
    assert list(zip(q["speaker"], q["cue"], strict=True)) == [
        ("mayor", "called"),
        ("mayor", "said"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "In a letter to fellow councillors released Monday, Mayor Ana Ferreira attacked the "
        "harbour deal, arguing that it favours the shipping firms.",
        "Mayor Ana Ferreira attacked the harbour deal, arguing that it favours the shipping firms.",
        "After a long night of talks, Mayor Ana Ferreira signed the harbour deal, arguing that "
        "it favours the shipping firms.",
    ],
)
def test_participle_speaker_is_the_subject_after_a_fronted_phrase(body):
    q = extract_quotes(body)
    assert q[["speaker", "cue"]].values.tolist() == [["Ana Ferreira", "arguing"]]


def test_participle_with_an_object_after_a_fronted_phrase_is_no_statement():
    body = "In June, the militia extended its raids into the valley, declaring a new province."
    assert extract_quotes(body).empty


@pytest.mark.parametrize(
    ("body", "speaker", "content"),
    [
        (
            "Having announced that he would not close the port, Judge Ana Berman proceeded to "
            "read the ruling.",
            "Ana Berman",
            "he would not close the port",
        ),
        (
            "Reiterating that the port would stay open, the mayor left the room.",
            "mayor",
            "the port would stay open",
        ),
        # no subject and past-tense verb after a comma: the speaker stays unknown
        (
            "Reiterating that the port would stay open, and that fees rose, officials closed it.",
            "",
            "the port would stay open, and that fees rose, officials closed it",
        ),
    ],
)
def test_fronted_participle_speaks_through_the_main_clause_subject(body, speaker, content):
    q = extract_quotes(body)
    assert q[["speaker", "quote"]].values.tolist() == [[speaker, content]]


def test_idioms_and_hyphenated_nouns_are_no_cues():
    q = extract_quotes("No wonder the mayor said, and I quote, “We love the port.”")
    assert q[["speaker", "cue"]].values.tolist() == [["mayor", "said"]]
    q = extract_quotes(
        "Citing the fire as a wake-up call for the city, Ana Berman urged the board to act."
    )
    assert q[["speaker", "cue"]].values.tolist() == [["Ana Berman", "urged"]]
    q = extract_quotes("The council formally calls for calm.")  # a verb: still a cue
    assert q["cue"].tolist() == ["calls for"]


def test_tweets_is_a_noun_unless_a_named_subject_tweets_that():
    body = "The mayor sent lurid tweets and photos to a rival, the Harbour Gazette reported."
    q = extract_quotes(body)
    assert q[["speaker", "speaker_type", "cue"]].values.tolist() == [
        ["Harbour Gazette", "media", "reported"]
    ]
    q = extract_quotes("Berman tweets that the port will reopen.")
    assert q[["speaker", "cue"]].values.tolist() == [["Berman", "tweets"]]


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        ("Mayor Dahl added that the harbour would stay open.", "the harbour would stay open"),
        ("Mayor Dahl added the harbour would stay open.", "the harbour would stay open"),
        ("But, Mayor Dahl added, the harbour would stay open.", "the harbour would stay open"),
    ],
)
def test_added_with_a_clause_reports_it(body, quote):
    assert found(body, quote)["cue"] == "added"


def test_added_with_a_plain_object_reports_nothing():
    assert rows("Organizers added 160 guards along the parade route.") == []
    body = "Organizers added 160 guards along the parade route, the Tribune reported."
    assert [r["cue"] for r in rows(body)] == ["reported"]


def test_according_to_a_record_names_its_maker():
    body = "The harbour fees rose by a third last year, according to figures released by the port."
    assert found(body, "harbour fees rose")["speaker"] == "port"
    body = "The harbour fees rose by a third last year, according to an analysis of port records."
    assert "analysis" in found(body, "harbour fees rose")["speaker"]


@pytest.mark.parametrize(
    "body",
    [
        "Harbour fees rose by a third last year, according to a recent report from the port.",
        "Harbour fees rose by a third last year, according to figures reported by the port.",
    ],
)
def test_a_cue_word_inside_the_source_of_according_to_is_no_cue(body):
    assert [(r["method"], r["speaker"]) for r in rows(body)] == [("according_to", "port")]


@pytest.mark.parametrize(
    ("body", "speaker", "cue"),
    [
        ("Mayor Per Holm told reporters he would sell the crane.", "Per Holm", "told"),
        (
            "Criticism grew in the port, with Mayor Per Holm telling reporters that the crane "
            "was unsafe.",
            "Per Holm",
            "telling",
        ),
    ],
)
def test_told_hearer_then_clause_and_with_absolute(body, speaker, cue):
    r = [r for r in rows(body) if r["cue"] == cue][0]
    assert r["speaker"] == speaker and r["quote"].split()[0] in {"he", "the"}


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        # a fronted subordinate clause ends before the speaker: the content runs on
        (
            "As the board met, Mayor Holm noted that in small things, the port was out of step.",
            "in small things, the port was out of step",
        ),
        # a negated modal opens the that-less clause
        (
            "The harbour survey suggests local pilots cannot keep the crane running.",
            "local pilots cannot keep the crane running",
        ),
        # a verb form that is also a plural noun, with a that-less clause
        (
            "The Harbour Union notes the crane is older than the port.",
            "the crane is older than the port",
        ),
    ],
)
def test_that_less_and_fronted_clause_contents(body, quote):
    assert found(body, quote)["quote"] == quote


def test_according_to_initials_and_records():
    r = found("According to F.A.A. records, the harbour jet has flown 333 hours since June.", "jet")
    assert r["speaker"] == "F.A.A. records"
    r = found("According to recent polls, Mayor Holm holds only 14 percent of the vote.", "holds")
    assert r["speaker"] == "recent polls"


def test_cue_before_a_quotation_through_a_hearer_and_a_long_adjunct():
    body = (
        "Mayor Per Holm was telling pilots after the long vote in the Harbour Board chamber "
        "that “the crane stays where it is.”"
    )
    r = found(body, "crane stays")
    assert r["kind"] == "direct" and r["cue"] == "telling"


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        (
            "Mayor Holm called him a kind and careful harbour master.",
            "him a kind and careful harbour master",
        ),
        ("Anna Berg called the crane plan reckless, and left.", "the crane plan reckless"),
        ("Karl Ode called Mrs. Berg an enemy of the port.", "Mrs. Berg an enemy of the port"),
    ],
)
def test_called_with_an_object_and_what_it_is_called(body, quote):
    assert found(body, quote)["cue"] == "called"


@pytest.mark.parametrize(
    "body",
    [
        "The harbour board called an emergency session on Monday.",
        "Mayor Holm called Anna Berg on Tuesday.",
        "The pilots called it a day.",
        "Mayor Holm called a press conference.",
    ],
)
def test_called_without_a_small_clause_is_no_statement(body):
    assert extract_quotes(body).empty


def test_asked_someone_about_a_topic_reports_the_question():
    r = found("Radio host Per Holm asked Mayor Berg about the crane she had sold.", "crane")
    assert r["quote"] == "about the crane she had sold" and r["speaker"] == "Per Holm"
    assert extract_quotes("Anna Berg asked for a recount and about nothing else.").empty


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        (
            "The board met. Mayor Holm vows to close the crane yard by June.",
            "to close the crane yard by June",
        ),
        ("The board met. Anna Berg claims she's owed $10 million.", "she's owed $10 million"),
    ],
)
def test_a_verb_form_that_is_also_a_plural_noun_before_an_infinitive_or_contraction(body, quote):
    assert found(body, quote)["cue"] in {"vows", "claims"}


def test_a_plural_noun_cue_after_a_possessive_is_a_noun():
    assert extract_quotes("The board met. Holm's promises to close the yard were popular.").empty


def test_a_passive_request_to_do_something_is_the_askers():
    r = found("Asked by Per Holm to respond to the crane report, Anna Berg said no.", "respond")
    assert r["quote"] == "to respond to the crane report" and r["speaker"] == "Per Holm"
    r = found("Mayor Holm was asked on Tuesday to leave the harbour meeting.", "leave")
    assert r["method"] == "asked_question" and r["speaker"] != "Holm"


@pytest.mark.parametrize(
    ("body", "quote"),
    [
        (
            "The board met. The Harbour Trust reported its smallest quarterly profit in years.",
            "its smallest quarterly profit in years",
        ),
        (
            "The board met. The pilots' union reported spending $6 million on the strike.",
            "spending $6 million on the strike",
        ),
    ],
)
def test_a_report_of_figures_without_a_clause(body, quote):
    assert found(body, quote)["cue"] == "reported"


def test_reporting_something_to_someone_is_no_statement():
    assert extract_quotes("The board met. Mayor Holm reported the leak to the police.").empty


@pytest.mark.parametrize(
    ("body", "question", "answer", "speaker"),
    [
        (
            'Asked why she had not endorsed Holm on "Morning Harbour," Anna Berg said she '
            "had not heard him say enough.",
            'why she had not endorsed Holm on "Morning Harbour,"',
            "she had not heard him say enough",
            "Anna Berg",
        ),
        (
            "Asked whether the mayor “has the judgment to serve,” 61 percent of voters said "
            "no in the survey.",
            "whether the mayor “has the judgment to serve,”",
            "no in the survey",
            "61 percent of voters",
        ),
    ],
)
def test_a_passive_question_ends_where_its_quotation_closes_with_a_comma(
    body, question, answer, speaker
):
    # the comma inside the closing mark ends the question; the main clause is its own
    # statement, and a quotation inside the question is the asker's, not the answerer's
    df = extract_quotes(body)
    spans = {body[r["start"] : r["end"]]: r for r in df.to_dict("records")}
    assert spans[answer]["speaker"] == speaker
    q = [r for r in df.to_dict("records") if r["method"].startswith(("asked", "partial"))]
    assert q and all(r["speaker"] == "" for r in q)
    assert all(r["end"] <= len(question) + body.index(question) for r in q)


def test_asked_a_long_object_whether():
    r = found(
        "The board met. Holm asked the U.S. attorney in D.C. whether Dahl committed perjury.",
        "whether",
    )
    assert r["quote"] == "whether Dahl committed perjury" and r["speaker"] == "Holm"
    # a request is not skipped over: "asked X to investigate whether ..."
    q = extract_quotes(
        "The board met. Holm asked the harbour police in the city to investigate whether Dahl "
        "committed perjury."
    )
    assert not q["quote"].str.startswith("whether").any()
