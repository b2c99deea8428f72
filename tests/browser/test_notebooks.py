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
