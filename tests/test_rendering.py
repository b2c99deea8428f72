"""Unit tests for iranstrikes.rendering and iranstrikes.site (no browser)."""

from __future__ import annotations

import json
import re

import altair as alt
import nbformat
import pandas as pd
import pytest

from iranstrikes import rendering, site


@pytest.fixture
def chart():
    df = pd.DataFrame({"outlet": ["A", "B", "C"], "n": [3, 1, 2]})
    return alt.Chart(df).mark_bar().encode(x="outlet:N", y="n:Q")


def test_enable_offline_is_idempotent(chart):
    before = alt.renderers.active
    try:
        rendering.enable_offline(jupyter_chart=False)
        rendering.enable_offline(jupyter_chart=False)
        assert alt.renderers.active == rendering.RENDERER_NAME
        assert alt.renderers.names().count(rendering.RENDERER_NAME) == 1
        data, meta = chart._repr_mimebundle_()
        assert set(data) == {rendering.JUPYTERLAB_VEGALITE_MIMETYPE, "text/plain"}
        assert "embed_options" in meta[rendering.JUPYTERLAB_VEGALITE_MIMETYPE]
        # no JavaScript, no HTML in the notebook output: just the spec
        assert "<script" not in json.dumps(data)
    finally:
        alt.renderers.enable(before)


def test_mimebundle_is_deterministic(chart):
    before = alt.renderers.active
    try:
        rendering.enable_offline(jupyter_chart=False)
        one = json.dumps(chart._repr_mimebundle_(), sort_keys=True)
        two = json.dumps(chart.copy()._repr_mimebundle_(), sort_keys=True)
        assert one == two
    finally:
        alt.renderers.enable(before)


def test_save_html_is_offline_and_deterministic(chart, tmp_path):
    a = rendering.save_html(chart, tmp_path / "a.html").read_text()
    b = rendering.save_html(chart, tmp_path / "b.html").read_text()
    assert a == b
    assert not site.external_resources(a)
    assert not re.search(r"<script[^>]*\bsrc=", a)
    assert not re.search(r"<link[^>]*\bhref=", a)
    assert "window.vegaEmbed" in a or "vegaEmbed" in a
    assert a.count('data-iranstrikes="vega-bundle"') == 1


def test_fragment_escapes_script_breakout():
    spec = {"data": {"values": [{"t": "</script><script>alert(1)</script>"}]}, "mark": "text"}
    frag = rendering.spec_to_html_fragment(spec, "c-1")
    assert frag.count("</script>") == 1  # only the fragment's own closing tag


def test_html_escape_text():
    out = rendering.html_escape_text('<script>alert(1)</script> <img src=x onerror="a()">')
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<img" not in out and "&quot;a()&quot;" in out


def test_vegalite_outputs_to_html_and_widget_notes():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={rendering.JUPYTERLAB_VEGALITE_MIMETYPE: {"mark": "bar"}, "text/plain": "c"},
        ),
        nbformat.v4.new_output(
            "display_data",
            data={site.WIDGET_VIEW_MIMETYPE: {"model_id": "m1"}, "text/plain": "Dropdown()"},
        ),
    ]
    nb.cells = [nbformat.v4.new_markdown_cell("intro\n\n## The title ##"), cell]
    nb.metadata["widgets"] = {site.WIDGET_STATE_MIMETYPE: {"state": {}}}
    assert rendering.vegalite_outputs_to_html(nb, prefix="p") == 1
    assert site.static_widget_outputs(nb, prefix="w") == (0, 1)
    assert 'id="p-1"' in cell.outputs[0]["data"]["text/html"]
    assert "JupyterLab" in cell.outputs[1]["data"]["text/html"]
    assert "widgets" not in nb.metadata
    assert site.notebook_title(nb, "x") == "The title"


def test_build_site_without_execution(tmp_path, chart):
    before = alt.renderers.active
    try:
        rendering.enable_offline(jupyter_chart=False)
        data, meta = chart._repr_mimebundle_()
    finally:
        alt.renderers.enable(before)
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("chart")
    cell.outputs = [nbformat.v4.new_output("display_data", data=data, metadata=meta)]
    nb.cells = [nbformat.v4.new_markdown_cell("# First <page>"), cell]
    src = tmp_path / "nbs"
    src.mkdir()
    nbformat.write(nb, src / "01-first.ipynb")
    index = site.build_site(src, tmp_path / "out", execute=False)
    page = (tmp_path / "out" / "01-first.html").read_text()
    assert not site.external_resources(page)
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert page.count('data-iranstrikes="vega-bundle"') == 1
    assert "vegaEmbed(el" in page
    assert "First &lt;page&gt;" in index.read_text()


def test_jupyter_chart_bundle_is_built_only_when_a_jupyter_chart_is_made(chart, monkeypatch):
    """enable_offline() is cheap; the first JupyterChart gets the offline bundle, no CDN import."""
    pytest.importorskip("anywidget")
    import vl_convert

    calls = []

    def fake_bundle(src=None, vl_version=None):
        calls.append(src)
        return "/* offline bundle */\n" + (src or "")

    monkeypatch.setattr(vl_convert, "javascript_bundle", fake_bundle)
    monkeypatch.setattr(alt.JupyterChart, "_esm", alt.JupyterChart._esm)  # restored afterwards
    monkeypatch.setattr(alt.JupyterChart, "_is_offline", False)
    before = alt.renderers.active
    try:
        rendering.enable_offline()
        rendering.enable_offline()
        alt.JupyterChart.enable_offline()  # altair's own call: a no-op now, as when offline
        assert calls == []
        first = alt.JupyterChart(chart)
        second = alt.JupyterChart(chart)
    finally:
        alt.renderers.enable(before)
    assert len(calls) == 1
    for jc in (first, second):
        assert jc._esm.startswith("/* offline bundle */")
        assert not re.search(r"^\s*import\b.*https?://", jc._esm, re.M)


def test_a_box_of_widgets_becomes_its_charts_and_tables_as_first_opened():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={site.WIDGET_VIEW_MIMETYPE: {"model_id": "box"}, "text/plain": "VBox()"},
        )
    ]
    nb.cells = [cell]
    states = {
        "box": {
            "model_name": "VBoxModel",
            "state": {"children": ["IPY_MODEL_pick", "IPY_MODEL_inner"]},
        },
        "pick": {"model_name": "DropdownModel", "state": {"options": ["a", "b"]}},
        "inner": {
            "model_name": "VBoxModel",
            "state": {"children": ["IPY_MODEL_chart", "IPY_MODEL_table"]},
        },
        "chart": {"model_name": "AnyModel", "state": {"spec": {"mark": "bar"}}},
        "table": {
            "model_name": "HTMLModel",
            "state": {"value": "<table><tr><td>Ann Ray</td></tr></table>"},
        },
    }
    nb.metadata["widgets"] = {site.WIDGET_STATE_MIMETYPE: {"state": states}}
    assert site.static_widget_outputs(nb, prefix="w") == (1, 1)
    page = cell.outputs[0]["data"]["text/html"]
    assert 'id="w-1"' in page and "<td>Ann Ray</td>" in page and "as it first opens" in page
    assert page.index('id="w-1"') < page.index("Ann Ray")  # in the widget's order
    assert "DropdownModel" not in page and "options" not in page
