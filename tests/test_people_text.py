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
