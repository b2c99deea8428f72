"""The language resources folder: every list documented, read, and free of duplicates.

The lists are the package's language knowledge (``iranstrikes/resources``); these tests keep
them honest as data: a file nobody reads, a file without a header saying what it is for, or a
repeated entry is a defect the extractors would silently live with.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from iranstrikes import resources

RES = Path(resources.__file__).parent
PKG = RES.parent
FILES = sorted(p for p in RES.iterdir() if p.suffix in {".txt", ".csv"})


def test_resources_folder_has_lists():
    assert len(FILES) > 40


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_resource_has_a_header_naming_its_readers(path):
    text = path.read_text(encoding="utf-8")
    header = [ln for ln in text.splitlines() if ln.startswith("#")]
    assert text.startswith("#"), f"{path.name} has no comment header"
    assert re.search(r"read by|reads", " ".join(header), re.IGNORECASE), (
        f"{path.name}'s header does not say which module reads it"
    )


#: The package's source, read once for every resource file's check.
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in sorted(PKG.rglob("*.py")))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_resource_is_read_by_the_package(path):
    assert re.search(rf"[\"']{re.escape(path.stem)}(?:\.{path.suffix[1:]})?[\"']", SOURCE), (
        f"no module of the package names {path.name}"
    )


@pytest.mark.parametrize("path", [p for p in FILES if p.suffix == ".txt"], ids=lambda p: p.name)
def test_plain_lists_have_no_repeated_entries(path):
    entries = resources.word_list(path.stem)
    repeated = [w for w, n in Counter(entries).items() if n > 1]
    assert not repeated, f"{path.name} repeats {repeated}"


def test_conjunction_roles_select_their_words():
    contrast = resources.conjunctions("contrast")
    assert "while" in contrast and "whereas" in contrast
    assert "because" not in contrast and "when" not in contrast
    both = resources.conjunctions("contrast", "cause")
    assert set(contrast) < set(both) and "because" in both
    everything = resources.conjunctions()
    assert "even though" in everything and set(both) < set(everything)


def test_conjunction_pattern_matches_two_word_entries_across_any_blank():
    rx = re.compile(r"(?:" + resources.conjunction_pattern() + r")\s")
    assert rx.match("even  though it rained ")
    assert rx.match("even\u00a0as the vote ")
    assert not rx.match("evening came ")
    assert not re.compile(resources.conjunction_pattern("contrast")).fullmatch("when")


def test_unknown_conjunction_role_says_which_roles_exist():
    with pytest.raises(ValueError, match="contrast"):
        resources.conjunctions("temporal")


def test_title_abbreviations_map_to_titles_the_package_knows():
    titles = resources.word_set("titles")
    abbr = resources.title_abbreviations()
    assert abbr["sen"] == "senator" and abbr["gov"] == "governor"
    # every abbreviation and its title are titles of titles.txt (the text model reads both)
    assert {a for a in abbr if a not in titles} == set()
    assert {t for t in abbr.values() if t not in titles} == set()
