"""Open each notebook in JupyterLab, run all cells, check charts, errors and the network."""

from __future__ import annotations

import time

import pytest

from . import helpers
from .conftest import repo_notebooks

EXPLORER = "04-explorer.ipynb"


def _run(page, lab, name: str) -> float:
    start = time.monotonic()
    helpers.open_notebook(page, lab.base_url, lab.token, f"notebooks/{name}")
    helpers.run_all_cells(page)
    return time.monotonic() - start


def _expected_charts(page) -> int:
    """Number of chart outputs JupyterLab created (vega mimetype or inline vega-embed)."""
    return page.locator(
        '.jp-OutputArea-output[data-mime-type^="application/vnd.vegalite"], '
        ".jp-OutputArea-output .vega-embed"
    ).count()


@pytest.mark.parametrize("name", repo_notebooks())
def test_notebook_runs_and_renders_offline(lab, guarded_page, name):
    page, guard, watch = guarded_page
    elapsed = _run(page, lab, name)
    errors = helpers.error_outputs(page)
    charts = _expected_charts(page)
    status = helpers.wait_for_charts(page, charts) if charts else []
    if charts:
        page.locator(".vega-embed").first.scroll_into_view_if_needed()
    shot = helpers.screenshot(page, f"lab-{name}")
    assert not errors, f"{name}: error outputs:\n" + "\n---\n".join(errors)
    if charts:
        helpers.assert_charts_rendered(page, charts, timeout_s=5)
    guard.assert_clean()
    print(f"{name}: ran in {elapsed:.1f}s, {len(status)} chart(s), screenshot {shot}")


def test_control_changes_table(lab, guarded_page):
    names = repo_notebooks()
    name = EXPLORER if EXPLORER in names else names[0]
    page, guard, _ = guarded_page
    _run(page, lab, name)
    control = helpers.find_first_control(page)
    control.scroll_into_view_if_needed()
    before = helpers.output_tables_text(page)
    helpers.change_control(control)
    deadline = time.monotonic() + 30
    after = before
    while time.monotonic() < deadline and after == before:
        page.wait_for_timeout(250)
        after = helpers.output_tables_text(page)
    helpers.screenshot(page, f"lab-control-{name}")
    assert after != before, f"{name}: changing the control did not change any displayed table"
    guard.assert_clean()


@pytest.mark.parametrize("name", [n for n in repo_notebooks() if n[:2] in ("00", "03", "04")])
def test_no_output_is_wider_than_its_container(lab, guarded_page, name):
    page, guard, _ = guarded_page
    _run(page, lab, name)
    charts = _expected_charts(page)
    if charts:
        helpers.wait_for_charts(page, charts)
    wide = helpers.overflowing_outputs(page)
    helpers.screenshot(page, f"lab-width-{name}")
    assert not wide, f"{name}: outputs wider than their container: {wide}"
    guard.assert_clean()


def test_dashboard_stance_matrix_is_visible(lab, guarded_page):
    page, guard, _ = guarded_page
    _run(page, lab, EXPLORER)
    helpers.wait_for_charts(page, _expected_charts(page))
    title = page.locator("svg text", has_text="Who said yes or no to each claim").first
    title.scroll_into_view_if_needed()
    box = title.bounding_box()
    area = title.locator("xpath=ancestor::div[contains(@class,'jp-OutputArea-output')]").first
    outer = area.bounding_box()
    assert (
        box
        and outer
        and box["x"] >= outer["x"]
        and box["x"] + box["width"] <= outer["x"] + outer["width"]
    )
    cells = page.locator("svg text", has_text="says no")
    assert cells.count() > 0
    last = cells.last.bounding_box()
    assert last["x"] + last["width"] <= outer["x"] + outer["width"], "stance matrix cut off"
    helpers.screenshot(page, "lab-dashboard")
    guard.assert_clean()


def test_activity_can_be_answered_by_clicking(lab, guarded_page):
    page, guard, _ = guarded_page
    _run(page, lab, "01-sources.ipynb")
    text = helpers.answer_first_activity(page)
    helpers.screenshot(page, "lab-activity")
    assert text.startswith(("✓ Right.", "✗ Not quite.")) and len(text) > 40, text
    guard.assert_clean()
