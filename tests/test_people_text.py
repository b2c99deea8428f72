"""people reads candidate names from the shared text model (invented names)."""

from __future__ import annotations

from iranstrikes.people import EntityMatcher


def _matcher():
    entry = {
        "name": "Marta Lindqvist",
        "aliases": [],
        "kind": "person",
        "titles": [],
        "evidence": [],
    }
    return EntityMatcher([entry])


def test_fuzzy_scan_reads_the_name_without_its_titles():
    body = (
        "Harbour Board Spokeswoman Martha Lindqvist said the canal would reopen. "
        "Later, Martha Lindqvist added that the fees would rise."
    )
    rows = _matcher().scan("a1", body)
    got = [(r["mention"], r["method"], body[r["start"] : r["end"]]) for r in rows]
    assert got == [
        ("Martha Lindqvist", "fuzzy", "Martha Lindqvist"),
        ("Martha Lindqvist", "fuzzy", "Martha Lindqvist"),
    ]


def test_a_different_person_is_not_fuzzy_matched():
    rows = _matcher().scan("a1", "Spokesman Marek Lindholm said the fees would rise.")
    assert rows == []


def test_loader_hands_the_stage_name_spans_to_the_people_step(tmp_path, monkeypatch):
    """The people step reads the names found by the per-article stage; it builds no model."""
    import iranstrikes.people as people
    from iranstrikes import load_corpus, text

    (tmp_path / "a.txt").write_text(
        "Canal fees to rise\n\nHarbour Board spokeswoman Martha Lindqvist said on Monday the "
        "canal would reopen. Lindqvist added that fees would rise.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Board meets\n\nThe harbour board met on Tuesday, said Marta Lindqvist.\n", encoding="utf-8"
    )
    (tmp_path / "aliases.yaml").write_text(
        "people:\n  - name: Marta Lindqvist\n    evidence: [invented]\n", encoding="utf-8"
    )
    built = []
    real = people._name_spans
    monkeypatch.setattr(people, "_name_spans", lambda body: built.append(body) or real(body))
    c = load_corpus(tmp_path, progress=False)
    assert built == []  # no second text model in the cross-article step
    bodies = dict(zip(c.articles["article_id"], c.articles["body"], strict=True))
    assert set(c.name_spans) == set(bodies)
    for aid, body in bodies.items():
        assert c.name_spans[aid] == people.name_spans(text.model(body))
    fuzzy = c.mentions[c.mentions["method"] == "fuzzy"]
    assert fuzzy["mention"].tolist() == ["Martha Lindqvist"]
    # a corpus without the stage's spans (e.g. reopened) computes them and finds the same
    c.name_spans = {}
    people.attach_people(c, tmp_path)
    assert len(built) == 2
    assert c.mentions[c.mentions["method"] == "fuzzy"]["mention"].tolist() == ["Martha Lindqvist"]
