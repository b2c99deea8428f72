"""The static site (built from the saved outputs, no kernel): links, index, pages without Jupyter."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from iranstrikes import site


@pytest.fixture(scope="module")
def built(tmp_path_factory, corpus):
    out = tmp_path_factory.mktemp("site")
    site.build_site(ROOT / "notebooks", out, execute=False, corpus=corpus)
    return out


def _links(page: str) -> list[str]:
    return re.findall(r'<a\b[^>]*\bhref="([^"]+)"', page)


def test_no_link_points_to_a_missing_file(built):
    pages = sorted(built.glob("*.html"))
    assert {"index.html", "compare.html", "quotes.html", "data_dictionary.html",
            "teachers-guide.html"} <= {p.name for p in pages}  # fmt: skip
    checked = 0
    for page in pages:
        for href in _links(page.read_text(encoding="utf-8")):
            if href.startswith(("#", "http:", "https:", "mailto:")):
                continue
            target = href.split("#")[0]
            assert not target.endswith((".ipynb", ".md")), f"{page.name} links to {href}"
            assert (built / target).exists(), f"{page.name} links to missing {href}"
            checked += 1
    assert checked >= 10


def test_index_states_the_finding_with_the_key_chart(built, corpus):
    from iranstrikes import reader

    index = (built / "index.html").read_text(encoding="utf-8")
    for sentence in reader.finding_sentences(corpus):
        assert sentence.replace("'", "&#x27;") in index
    assert 'id="index-finding"' in index and "vegaEmbed" in index
    items = re.findall(r"<li><a href=\"(\d\d-[^\"]+)\">[^<]+</a> — ([^<]+)</li>", index)
    assert len(items) == len(list((ROOT / "notebooks").glob("*.ipynb")))
    assert all(line.strip() for _, line in items)  # one line per page


def test_index_lists_the_claims_of_its_chart(built, corpus):
    """The claims listed above the finding chart are the ones it shows; the rest are named."""
    from iranstrikes import reader

    index = (built / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r"<li><b>(Claim \d+):</b>", index)
    names = reader.claim_names(corpus)
    made = sorted({names[p].capitalize() for p in corpus.headline_support["proposition_id"]})
    assert sorted(listed) == made
    for name in names.values():
        if name.capitalize() not in made:
            assert name in index.split("which no headline makes")[0].rsplit("<p>", 1)[-1]


def test_static_pages_work_without_jupyter(built, corpus):
    compare = (built / "compare.html").read_text(encoding="utf-8")
    assert compare.count('class="frag"') == len(corpus.articles) * len(corpus.propositions)
    assert '<select id="left">' in compare and '<select id="claim">' in compare
    quotes = (built / "quotes.html").read_text(encoding="utf-8")
    assert quotes.count("<tr>") == len(corpus.quotes) + 1  # every quote, plus the header
    assert 'id="find"' in quotes
    for page in (compare, quotes):
        assert not re.search(
            r"\d{3}_[0-9a-f]{16}", re.sub(r"<script.*?</script>", "", page, flags=re.S)
        )


def test_dictionary_copy_is_current():
    assert (ROOT / "notebooks" / "data_dictionary.md").read_text(encoding="utf-8") == (
        ROOT / "docs" / "data_dictionary.md"
    ).read_text(encoding="utf-8"), "run: python scripts/notebooks.py nav"


def test_rewrite_links():
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(
        "[a](01-sources.ipynb) [b](data_dictionary.md#quotes) [c](https://x.org/y.md)")]  # fmt: skip
    assert site.rewrite_links(nb) == 2
    assert (
        nb.cells[0].source
        == "[a](01-sources.html) [b](data_dictionary.html#quotes) [c](https://x.org/y.md)"
    )
