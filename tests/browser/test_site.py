"""The static site opens from disk with all network blocked and every chart renders."""

from __future__ import annotations

import re
from pathlib import Path

from iranstrikes.site import external_resources

from . import helpers


def _pages(site_dir):
    return sorted(p for p in site_dir.glob("*.html") if p.name != "index.html")


def test_site_has_no_external_resources(site_dir):
    for path in sorted(site_dir.glob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert not external_resources(text), path.name
        assert not re.search(r"<script[^>]+src=", text), f"{path.name}: script src present"


def test_index_lists_every_page(site_dir, guarded_page):
    page, guard, _ = guarded_page
    page.goto((site_dir / "index.html").as_uri())
    hrefs = page.locator("ol.contents a").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    extras = {"compare.html", "quotes.html", "data_dictionary.html", "teachers-guide.html"}
    assert hrefs == [p.name for p in _pages(site_dir) if p.name not in extras]
    more = page.locator("ul.extras a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert set(more) == extras
    helpers.screenshot(page, "site-index")
    guard.assert_clean()


def test_site_pages_render_offline(site_dir, guarded_page):
    page, guard, watch = guarded_page
    total = 0
    for path in _pages(site_dir):
        page.goto(path.as_uri())
        expected = page.locator(".iranstrikes-chart").count()
        if expected:
            helpers.assert_charts_rendered(page, expected)
        helpers.screenshot(page, f"site-{path.stem}")
        assert not watch.errors, f"{path.name}: page errors {watch.errors}"
        total += expected
    guard.assert_clean()
    assert total > 0, "the site has no chart at all"


def test_no_site_link_points_to_a_missing_file(site_dir, guarded_page):
    from urllib.parse import unquote, urlparse

    page, guard, _ = guarded_page
    checked = 0
    for path in sorted(site_dir.glob("*.html")):
        page.goto(path.as_uri())
        hrefs = page.locator("a[href]").evaluate_all("els => els.map(e => e.href)")
        for href in hrefs:
            url = urlparse(href)
            if url.scheme != "file":
                continue
            target = Path(unquote(url.path))
            assert target.exists(), f"{path.name} links to a missing file: {href}"
            assert target.suffix not in (".ipynb", ".md"), f"{path.name} links to {href}"
            checked += 1
    assert checked > 10
    guard.assert_clean()


def test_static_side_by_side_and_quote_filter(site_dir, guarded_page):
    page, guard, watch = guarded_page
    page.goto((site_dir / "compare.html").as_uri())
    assert page.locator("#pane-left mark").count() > 0
    options = page.locator("#left option").evaluate_all("els => els.map(e => e.value)")
    page.select_option("#left", options[-1])
    assert page.locator("#pane-left h4").inner_text()
    page.goto((site_dir / "quotes.html").as_uri())
    total = page.locator("table.iranstrikes-quotes tbody tr").count()
    page.fill("#find", "said")
    shown = page.locator("table.iranstrikes-quotes tbody tr:not([hidden])").count()
    assert 0 < shown < total and f"Showing {shown} of {total}" in page.inner_text("#count")
    helpers.screenshot(page, "site-quotes-filtered")
    assert not watch.errors
    guard.assert_clean()
