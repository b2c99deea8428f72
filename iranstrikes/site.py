"""Static HTML site of the notebook series, readable offline.

What belongs here: executing the notebook series (nbclient), exporting each notebook to HTML
(nbconvert, ``lab`` template) with every chart drawn by JavaScript inlined in the page, and the
``index.html`` contents page. No page refers to any network resource: the template's CDN
scripts (require.js, MathJax, mermaid, the widget manager) are removed, and any remaining
``http(s)://`` ``<script src>`` / ``<link href>`` is stripped (and reported) after export.

Widgets cannot run without a kernel. A ``JupyterChart`` widget is drawn as a static chart from
its saved state; any other widget is replaced by a short note saying to open the notebook in
JupyterLab.
"""

from __future__ import annotations

import html
import re
import warnings
from pathlib import Path
from typing import Any

import nbformat

from iranstrikes import rendering

WIDGET_VIEW_MIMETYPE = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE_MIMETYPE = "application/vnd.jupyter.widget-state+json"

WIDGET_NOTE = (
    '<div class="iranstrikes-widget-note" style="padding: 0.5em; border: 1px dashed #999; '
    'color: #555;">Interactive control (ipywidgets): open this notebook in JupyterLab to use '
    "it.</div>"
)

# A template that extends nbconvert's ``lab`` template without any CDN resource and with the
# vega bundle inlined once in the head.
_TEMPLATE_NAME = "iranstrikes_offline.html.j2"
_TEMPLATE = """\
{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}
{{ resources.iranstrikes_head }}
<style>.iranstrikes-chart.vega-embed { width: 100%; display: flex; }</style>
{%- endblock extra_css -%}
"""

_EXTERNAL_RESOURCE = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>"
    r"|<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>",
    re.IGNORECASE,
)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)


def external_resources(page: str) -> list[str]:
    """Return the ``<script src>`` and ``<link href>`` tags of ``page`` that point off-machine.

    Args:
        page: HTML text.

    Returns:
        The offending tags, in document order.
    """
    return [m.group(0) for m in _EXTERNAL_RESOURCE.finditer(page)]


def notebook_title(nb: Any, default: str) -> str:
    """Return the text of the first markdown heading of a notebook.

    Args:
        nb: An ``nbformat.NotebookNode``.
        default: Returned when no markdown cell has a heading.

    Returns:
        The heading text, without the leading ``#`` marks.
    """
    for cell in nb.cells:
        if cell.get("cell_type") != "markdown":
            continue
        match = _HEADING.search(cell.get("source", ""))
        if match:
            return match.group(1).strip()
    return default


def _widget_states(nb: Any) -> dict[str, Any]:
    widgets = nb.metadata.get("widgets", {}).get(WIDGET_STATE_MIMETYPE, {})
    return widgets.get("state", {}) if isinstance(widgets, dict) else {}


def static_widget_outputs(nb: Any, prefix: str) -> tuple[int, int]:
    """Replace widget views by a static chart (``JupyterChart``) or a note. In place.

    Also drops ``nb.metadata.widgets`` so that nbconvert does not load the widget manager from a
    CDN.

    Args:
        nb: An executed ``nbformat.NotebookNode``.
        prefix: Prefix for the ids of charts made from ``JupyterChart`` states.

    Returns:
        ``(charts, notes)``: how many widget views became charts and notes.
    """
    states = _widget_states(nb)
    charts = notes = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data") or {}
            view = data.get(WIDGET_VIEW_MIMETYPE)
            if view is None:
                continue
            state = (states.get(view.get("model_id"), {}) or {}).get("state", {})
            spec = state.get("spec") if isinstance(state, dict) else None
            if isinstance(spec, dict) and spec:
                charts += 1
                fragment = rendering.spec_to_html_fragment(spec, f"{prefix}-{charts}")
            else:
                notes += 1
                fragment = WIDGET_NOTE
            output["data"] = {"text/html": fragment}
            output["metadata"] = {}
    nb.metadata.pop("widgets", None)
    return charts, notes


def execute_notebook(
    path: Path, timeout: int = 600, kernel_name: str | None = None, cwd: Path | None = None
) -> Any:
    """Execute a notebook with nbclient and return it (the file is not modified).

    Args:
        path: The ``.ipynb`` file.
        timeout: Seconds allowed per cell.
        kernel_name: Kernel to use (default: the notebook's, else ``python3``).
        cwd: Working directory of the kernel (default: the notebook's folder).

    Returns:
        The executed ``nbformat.NotebookNode``.
    """
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    name = kernel_name or nb.metadata.get("kernelspec", {}).get("name") or "python3"
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=name,
        resources={"metadata": {"path": str(cwd or path.parent)}},
    )
    client.execute()
    return nb


def export_html(nb: Any, title: str, prefix: str) -> str:
    """Export one notebook to a self-contained offline HTML page.

    Args:
        nb: An ``nbformat.NotebookNode`` (modified in place: charts and widgets converted).
        title: Page title.
        prefix: Prefix for chart container ids (unique per page).

    Returns:
        The HTML text.
    """
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    rendering.vegalite_outputs_to_html(nb, prefix=f"{prefix}-chart")
    static_widget_outputs(nb, prefix=f"{prefix}-widgetchart")
    nb.metadata["title"] = title
    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({_TEMPLATE_NAME: _TEMPLATE})],
        template_file=_TEMPLATE_NAME,
    )
    resources = {"iranstrikes_head": rendering.vega_bundle_script()}
    page, _ = exporter.from_notebook_node(nb, resources=resources)
    leftovers = external_resources(page)
    if leftovers:
        warnings.warn(
            f"removed {len(leftovers)} external resource tag(s) from {title!r}: {leftovers}",
            stacklevel=2,
        )
        page = _EXTERNAL_RESOURCE.sub("", page)
    return page


def _index_page(entries: list[tuple[str, str]], title: str) -> str:
    items = "\n".join(
        f'  <li><a href="{html.escape(href)}">{html.escape(text)}</a></li>'
        for href, text in entries
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        "<style>body { font-family: sans-serif; max-width: 50em; margin: 2em auto; }</style>\n"
        f'</head>\n<body>\n<h1>{html.escape(title)}</h1>\n<ol class="contents">\n{items}\n'
        "</ol>\n</body>\n</html>\n"
    )


def build_site(
    notebooks_dir: str | Path,
    out_dir: str | Path,
    execute: bool = True,
    *,
    timeout: int = 600,
    kernel_name: str | None = None,
    title: str = "iranstrikes notebooks",
) -> Path:
    """Execute the notebook series and write an offline static HTML site.

    One page per ``notebooks_dir/*.ipynb`` (sorted by file name) plus ``index.html`` listing
    them by the first markdown heading of each notebook.

    Args:
        notebooks_dir: Folder with the ``.ipynb`` files (also the kernels' working directory).
        out_dir: Output folder (created).
        execute: Run each notebook with nbclient first; if false, export the saved outputs.
        timeout: Seconds allowed per cell.
        kernel_name: Kernel to run (default: each notebook's kernelspec, else ``python3``).
        title: Title of the contents page.

    Returns:
        The path of ``index.html``.
    """
    notebooks_dir = Path(notebooks_dir)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    entries: list[tuple[str, str]] = []
    for path in sorted(notebooks_dir.glob("*.ipynb")):
        if execute:
            nb = execute_notebook(path, timeout=timeout, kernel_name=kernel_name)
        else:
            nb = nbformat.read(path, as_version=4)
        page_title = notebook_title(nb, default=path.stem)
        page = export_html(nb, page_title, prefix="nb-" + re.sub(r"[^A-Za-z0-9_-]", "-", path.stem))
        target = out_dir / f"{path.stem}.html"
        target.write_text(page, encoding="utf-8")
        entries.append((target.name, page_title))
    index = out_dir / "index.html"
    index.write_text(_index_page(entries, title), encoding="utf-8")
    return index
