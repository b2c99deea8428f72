"""Hostile article text is shown literally, never executed (JupyterLab and static site)."""

from __future__ import annotations

from . import helpers


def _assert_literal(page, watch, guard):
    body = page.inner_text("body")
    assert "<script>alert(1)</script>" in body, "escaped <script> text not visible"
    assert 'onerror="alert(2)"' in body
    assert "[click](javascript:alert(3))" in body
    assert page.locator('a[href^="javascript:"]').count() == 0
    page.wait_for_timeout(500)  # give any injected handler a chance to fire
    watch.assert_no_injection()
    guard.assert_clean()


def test_hostile_text_in_jupyterlab(lab, guarded_page):
    page, guard, watch = guarded_page
    helpers.open_notebook(page, lab.base_url, lab.token, f"hostile/{helpers.HOSTILE_NOTEBOOK}")
    helpers.run_all_cells(page)
    page.wait_for_selector(".widget-html-content pre")
    helpers.screenshot(page, "lab-hostile")
    assert not helpers.error_outputs(page)
    # the HTML output and the ipywidgets.HTML widget both show the text
    assert (
        page.locator(".jp-OutputArea-output pre", has_text="<script>alert(1)</script>").count() >= 2
    )
    # and so do the library's views: article HTML, side by side (x2), explorer table, KWIC
    literal = page.get_by_text("<script>alert(1)</script>", exact=False)
    assert literal.count() >= 5, literal.count()
    _assert_literal(page, watch, guard)


def test_hostile_text_in_site(site_dir, guarded_page):
    page, guard, watch = guarded_page
    page.goto((site_dir / "zz-hostile-text.html").as_uri())
    helpers.screenshot(page, "site-hostile")
    _assert_literal(page, watch, guard)
