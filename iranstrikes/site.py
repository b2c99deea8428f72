"""Static HTML site of the notebook series, readable offline.

What belongs here: executing the notebook series (nbclient), exporting each notebook to HTML
(nbconvert, ``lab`` template) with every chart drawn by JavaScript inlined in the page, and the
``index.html`` contents page. No page refers to any network resource: the template's CDN
scripts (require.js, MathJax, mermaid, the widget manager) are removed, and any remaining
``http(s)://`` ``<script src>`` / ``<link href>`` is stripped (and reported) after export.

Widgets cannot run without a kernel. A ``JupyterChart`` widget is drawn as a static chart from
its saved state; an activity by its static stand-in (the question, the options and the
answer folded in ``<details>``, from the output's ``iranstrikes/static-html`` metadata); a
box of controls (the explorers) by what it showed when it first opened -- its charts and
``ipywidgets.HTML`` outputs, under a note; any other widget by a short note saying to open the
notebook in JupyterLab.
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

STATIC_HTML_KEY = "iranstrikes/static-html"
"""Output-metadata key of a widget's static stand-in (see :mod:`iranstrikes.activities`)."""

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
<style>.iranstrikes-chart.vega-embed { width: 100%; display: flex; }
.jp-InputArea-editor pre { white-space: pre-wrap; overflow-wrap: anywhere; }</style>
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


WIDGET_SNAPSHOT_NOTE = (
    '<div class="iranstrikes-widget-note" style="padding: 0.5em; border: 1px dashed #999; '
    'color: #555;">Interactive control (ipywidgets), shown here as it first opens: open this '
    'notebook in JupyterLab to change the choices. Without Jupyter: every quote in the <a href="quotes.html">'
    'quote table</a>, any two articles <a href="compare.html">side by side</a>.</div>'
)


def _widget_snapshot(states: dict[str, Any], model_id: str, prefix: str, n: list[int]) -> list[str]:
    """What a saved widget shows, in order: its charts and its HTML outputs.

    Charts are ``JupyterChart`` specs, HTML outputs ``ipywidgets.HTML`` values, found through
    the ``children`` of boxes. Controls (pickers, sliders, buttons) are left out: they do
    nothing without a kernel. ``n`` counts the charts drawn (for their ids).
    """
    state = (states.get(model_id, {}) or {}).get("state", {})
    if not isinstance(state, dict):
        return []
    spec = state.get("spec")
    if isinstance(spec, dict) and spec:
        n[0] += 1
        return [rendering.spec_to_html_fragment(spec, f"{prefix}-{n[0]}")]
    if states.get(model_id, {}).get("model_name") == "HTMLModel":
        value = state.get("value")
        return [value] if isinstance(value, str) and value.strip() else []
    parts: list[str] = []
    for child in state.get("children") or []:
        if isinstance(child, str) and child.startswith("IPY_MODEL_"):
            parts += _widget_snapshot(states, child[len("IPY_MODEL_") :], prefix, n)
    return parts


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
            model_id = str(view.get("model_id"))
            state = (states.get(model_id, {}) or {}).get("state", {})
            spec = state.get("spec") if isinstance(state, dict) else None
            counter = [charts]
            if isinstance(spec, dict) and spec:
                charts += 1
                fragment = rendering.spec_to_html_fragment(spec, f"{prefix}-{charts}")
            elif isinstance((output.get("metadata") or {}).get(STATIC_HTML_KEY), str):
                # an activity: its question and folded answer, as plain HTML
                notes += 1
                fragment = output["metadata"][STATIC_HTML_KEY]
            elif parts := _widget_snapshot(states, model_id, prefix, counter):
                # a box of controls and outputs: its charts and tables as they first opened
                charts, notes = counter[0], notes + 1
                fragment = WIDGET_SNAPSHOT_NOTE + "\n".join(parts)
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


_LINK = re.compile(r"\]\((?![a-z]+:|#)([^)#\s]+?)\.(ipynb|md)(#[^)]*)?\)")
DOCS = ("data_dictionary.md", "teachers-guide.md")
"""Markdown files next to the notebooks that the site turns into pages (links to them work
in JupyterLab, with ``notebooks/`` as the root, and on the site)."""


def rewrite_links(nb: Any) -> int:
    """Point markdown links at the site's pages: ``X.ipynb`` / ``X.md`` → ``X.html``. In place.

    Returns:
        How many links were rewritten.
    """
    n = 0
    for cell in nb.cells:
        if cell.get("cell_type") != "markdown":
            continue
        new, k = _LINK.subn(lambda m: f"]({m.group(1)}.html{m.group(3) or ''})", cell.source)
        cell.source, n = new, n + k
    return n


_PAGE_CSS = (
    "body { font-family: system-ui, sans-serif; max-width: 62em; margin: 2em auto; "
    "padding: 0 1em; line-height: 1.5; color: #222; } "
    "table { border-collapse: collapse; } td, th { text-align: left; vertical-align: top; "
    "padding: 4px 6px; border-bottom: 1px solid #ddd; } "
    "select, input { font-size: 1em; margin: 0 .5em .5em 0; }"
)


def _page(title: str, body: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_PAGE_CSS}</style>\n{head}"
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _index_page(
    entries: list[tuple[str, str, str]],
    title: str,
    finding: str = "",
    extras: list[tuple[str, str, str]] | None = None,
) -> str:
    items = "\n".join(
        f'  <li><a href="{html.escape(href)}">{html.escape(text)}</a>'
        + (f" — {html.escape(line)}" if line else "")
        + "</li>"
        for href, text, line in entries
    )
    more = "\n".join(
        f'  <li><a href="{html.escape(href)}">{html.escape(text)}</a> — {html.escape(line)}</li>'
        for href, text, line in extras or []
    )
    body = f"<h1>{html.escape(title)}</h1>\n{finding}\n<h2>The notebooks</h2>\n"
    body += f'<ol class="contents">\n{items}\n</ol>\n'
    if more:
        body += f'<h2>Without Jupyter</h2>\n<ul class="extras">\n{more}\n</ul>\n'
    head = rendering.vega_bundle_script() if "iranstrikes-chart" in finding else ""
    return _page(title, body, head)


def first_paragraph(nb: Any) -> str:
    """The first sentence of prose after a notebook's title (its line on the index)."""
    for cell in nb.cells:
        if cell.get("cell_type") != "markdown":
            continue
        text = _HEADING.sub("", cell.get("source", "")).strip()
        for para in re.split(r"\n\s*\n", text):
            para = " ".join(para.split())
            if para and not para.startswith(("**", "-", "|", "*Run")):
                para = re.sub(r"[*_`]", "", para)
                sentence = re.split(r"(?<=[.!?])\s", para, maxsplit=1)[0]
                return sentence
    return ""


def _and_list(words: list[str]) -> str:
    """Join words as in prose: a; a and b; a, b and c."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def finding_html(corpus: Any) -> str:
    """The finding of the series for the index: the sentences and the key chart."""
    from . import charts, reader

    sentences = reader.finding_sentences(corpus)
    if not sentences:
        return ""
    names = reader.claim_names(corpus)
    labels = reader.proposition_labels(corpus)
    # the claims some headline makes: those of the finding chart (finding sentences exist only
    # when headline_support has rows)
    made = {str(p) for p in corpus.headline_support["proposition_id"]}
    claims = "".join(
        f"<li><b>{html.escape(names[p].capitalize())}:</b> {html.escape(labels[p])}</li>"
        for p in names
        if p in made
    )
    others = [names[p] for p in names if p not in made]
    also = (
        f"<p>The codebook also checks {_and_list(others)}, which no headline makes; "
        "notebook 03 shows every source on every claim.</p>\n"
        if others
        else ""
    )
    items = "".join(f"<li>{html.escape(s)}</li>" for s in sentences)
    chart = rendering.spec_to_html_fragment(charts.finding(corpus).to_dict(), "index-finding")
    return (
        "<h2>The finding</h2>\n"
        f'<p>The headlines make these claims:</p><ul class="claims">{claims}</ul>\n'
        f"{also}"
        f'<p>What the headlines and the sources say about them:</p><ul class="finding">{items}</ul>\n'
        "<p>Denying one claim is not denying another: check which claim a source denied, and "
        "who the source is, before trusting what a headline says they said.</p>\n"
        f"{chart}\n"
    )


def compare_page(corpus: Any) -> str:
    """A static side-by-side reader: two article pickers and a claim picker.

    Plain JavaScript shows pre-rendered, escaped fragments; no kernel is needed.
    """
    import json

    from . import reader
    from .widgets import article_html, article_stance_html, default_pair, stance_legend_html

    labels = reader.article_labels(corpus)
    claims = reader.claim_names(corpus)
    texts = reader.proposition_labels(corpus)
    ids = list(labels)
    keys = {aid: f"a{i}" for i, aid in enumerate(ids)}
    frags = []
    for aid in ids:
        for j, pid in enumerate(claims):
            frags.append(
                f'<div class="frag" data-article="{keys[aid]}" data-claim="c{j}" hidden>'
                f"{article_stance_html(corpus, aid, pid)}</div>"
            )
        if not claims:
            frags.append(
                f'<div class="frag" data-article="{keys[aid]}" data-claim="" hidden>'
                f"{article_html(corpus, aid)}</div>"
            )
    a, b = default_pair(corpus)

    def picker(name: str, chosen: Any) -> str:
        opts = "".join(
            f'<option value="{keys[aid]}"{" selected" if aid == chosen else ""}>'
            f"{html.escape(lab)}</option>"
            for aid, lab in labels.items()
        )
        return f'<label>{name} <select id="{name.lower()}">{opts}</select></label>'

    claim_opts = (
        "".join(
            f'<option value="c{j}">{html.escape(claims[p].capitalize() + ": " + texts[p])}</option>'
            for j, p in enumerate(claims)
        )
        or '<option value="">(no codebook)</option>'
    )
    script = (
        "<script>(function(){"
        "function show(side, a, c){var pane=document.getElementById(side);pane.innerHTML='';"
        "var f=document.querySelector('.frag[data-article=\"'+a+'\"][data-claim=\"'+c+'\"]');"
        "if(f){pane.appendChild(f.cloneNode(true)).hidden=false;}}"
        "function update(){var c=document.getElementById('claim').value;"
        "show('pane-left',document.getElementById('left').value,c);"
        "show('pane-right',document.getElementById('right').value,c);}"
        "['left','right','claim'].forEach(function(i){"
        "document.getElementById(i).addEventListener('change',update);});update();})();</script>"
    )
    body = (
        "<h1>Two articles side by side</h1>"
        "<p>Pick two articles and a claim. Every statement on that claim is highlighted in its "
        f"stance colour. <a href={json.dumps('index.html')}>Back to the contents</a></p>"
        f"<p>{picker('Left', a)} {picker('Right', b)}</p>"
        f'<p><label>Claim <select id="claim">{claim_opts}</select></label></p>'
        f"<p>Highlights: {stance_legend_html()}</p>"
        '<div style="display:flex;gap:1em"><div id="pane-left" style="flex:1"></div>'
        '<div id="pane-right" style="flex:1"></div></div>'
        f"<div hidden>{''.join(frags)}</div>{script}"
    )
    return _page("Two articles side by side", body)


def quotes_page(corpus: Any) -> str:
    """Every quote in one table, filterable by typing and by outlet (plain JavaScript)."""
    from . import charts, reader
    from .widgets import quotes_html

    table = charts.quotes_table_data(corpus)
    claims = reader.claim_names(corpus)
    outlets = sorted(set(table["outlet"])) if len(table) else []
    opts = '<option value="">(every outlet)</option>' + "".join(
        f'<option value="{html.escape(o)}">{html.escape(o)}</option>' for o in outlets
    )
    grid = quotes_html(table, limit=max(1, len(table)), claims=claims, scroll=False)
    script = (
        "<script>(function(){var box=document.getElementById('find'),"
        "out=document.getElementById('outlet'),count=document.getElementById('count');"
        "function update(){var q=box.value.toLowerCase(),o=out.value,n=0,"
        "rows=document.querySelectorAll('table.iranstrikes-quotes tbody tr');"
        "rows.forEach(function(r){var t=r.textContent.toLowerCase();"
        "var ok=(!q||t.indexOf(q)>=0)&&(!o||r.cells[1].textContent===o);"
        "r.hidden=!ok;if(ok){n++;}});"
        "count.textContent='Showing '+n+' of '+rows.length+' quotes';}"
        "box.addEventListener('input',update);out.addEventListener('change',update);"
        "update();})();</script>"
    )
    body = (
        "<h1>Every quote</h1><p>Type a word to keep only the quotes that contain it, or pick an "
        'outlet. <a href="index.html">Back to the contents</a></p>'
        '<p><input id="find" type="search" placeholder="a word, a name, a verb">'
        f'<select id="outlet">{opts}</select> <span id="count"></span></p>'
        f"{grid}{script}"
    )
    return _page("Every quote", body)


def markdown_page(path: Path, title: str) -> str:
    """A markdown file next to the notebooks as a page (links to notebooks rewritten)."""
    import mistune

    text = path.read_text(encoding="utf-8")
    text = _LINK.sub(lambda m: f"]({m.group(1)}.html{m.group(3) or ''})", text)
    return _page(title, '<p><a href="index.html">Back to the contents</a></p>' + mistune.html(text))


def build_site(
    notebooks_dir: str | Path,
    out_dir: str | Path,
    execute: bool = True,
    *,
    timeout: int = 600,
    kernel_name: str | None = None,
    title: str = "iranstrikes notebooks",
    corpus: Any = None,
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
        corpus: The corpus for the index's finding and the pages usable without Jupyter
            (default: the one the notebooks load, ``load_corpus()``).

    Returns:
        The path of ``index.html``.
    """
    notebooks_dir = Path(notebooks_dir)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    entries: list[tuple[str, str, str]] = []
    for path in sorted(notebooks_dir.glob("*.ipynb")):
        if execute:
            nb = execute_notebook(path, timeout=timeout, kernel_name=kernel_name)
        else:
            nb = nbformat.read(path, as_version=4)
        page_title = notebook_title(nb, default=path.stem)
        line = first_paragraph(nb)
        rewrite_links(nb)
        page = export_html(nb, page_title, prefix="nb-" + re.sub(r"[^A-Za-z0-9_-]", "-", path.stem))
        target = out_dir / f"{path.stem}.html"
        target.write_text(page, encoding="utf-8")
        entries.append((target.name, page_title, line))
    extras = []
    for name in DOCS:
        src = notebooks_dir / name
        if src.exists():
            doc_title = "Data dictionary" if name.startswith("data") else "Teacher's guide"
            (out_dir / f"{src.stem}.html").write_text(markdown_page(src, doc_title), "utf-8")
            line = ("every table and column, with its meaning" if name.startswith("data")
                    else "a 45-minute lesson plan and the answer key")  # fmt: skip
            extras.append((f"{src.stem}.html", doc_title, line))
    if corpus is None:
        from .corpus import load_corpus

        corpus = load_corpus(progress=False)
    (out_dir / "compare.html").write_text(compare_page(corpus), encoding="utf-8")
    (out_dir / "quotes.html").write_text(quotes_page(corpus), encoding="utf-8")
    extras += [
        ("compare.html", "Two articles side by side", "pick two articles and a claim"),
        ("quotes.html", "Every quote", "a table you can filter by word and outlet"),
    ]
    index = out_dir / "index.html"
    index.write_text(_index_page(entries, title, finding_html(corpus), extras), encoding="utf-8")
    return index
