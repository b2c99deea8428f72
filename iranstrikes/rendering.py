"""Offline rendering of Altair charts and safe display of untrusted text.

What belongs here: everything that decides *how* a chart or a piece of article text reaches a
screen -- the Altair renderer used by the notebooks, the self-contained HTML writer, the
vega-embed JavaScript bundle used by the static site, and HTML escaping helpers. Nothing in this
module may load anything from the network: the machines that run the notebooks have none.

Mechanism (see ``docs/browser.md`` for the evidence):

* **JupyterLab (live and reopened notebooks)** -- :func:`enable_offline` registers and enables
  the ``iranstrikes`` Altair renderer. It emits the spec under the
  ``application/vnd.vegalite.v5+json`` mimetype, which JupyterLab renders with its built-in
  ``@jupyterlab/vega5-extension``; that extension ships vega/vega-lite/vega-embed inside
  JupyterLab's own static bundle, so nothing is fetched. The output is only the JSON spec (a few
  KiB, no JavaScript), it renders in *untrusted* notebooks too (the vega renderer is marked safe),
  and it is byte-for-byte deterministic across runs, which keeps nbval happy. Altair 6's own
  ``mimetype`` renderer emits ``application/vnd.vegalite.v6.json``, which JupyterLab 4 cannot
  render -- hence this renderer.
* **Exported HTML / static site** -- :func:`vegalite_outputs_to_html` (used by
  :mod:`iranstrikes.site`) turns those mimetype outputs into small ``<div>`` + ``vegaEmbed(...)``
  snippets, and :func:`vega_bundle_script` gives the vega-embed + Vega-Lite + Vega bundle from
  ``vl-convert-python``, inlined **once per page**.
* **Single charts** -- :func:`save_html` writes one self-contained offline HTML file.
* **Python-readable selections** -- :func:`enable_offline` also switches ``alt.JupyterChart``
  (an anywidget) to altair's offline mode, in which the widget carries the vl-convert bundle in
  its ``_esm`` source instead of importing from a CDN. Building that bundle takes seconds, and
  only the explorer notebook makes a ``JupyterChart``, so it is built when the first
  ``JupyterChart`` is created (:class:`_OfflineEsm`), not when :func:`enable_offline` runs.
  This needs the ``anywidget`` package, which is optional here.
"""

from __future__ import annotations

import functools
import html
import json
from pathlib import Path
from typing import Any

import altair as alt

RENDERER_NAME = "iranstrikes"
"""Name under which the offline renderer is registered with ``alt.renderers``."""

JUPYTERLAB_VEGALITE_MIMETYPE = "application/vnd.vegalite.v5+json"
"""The Vega-Lite mimetype rendered by JupyterLab 4's built-in vega extension."""

VEGALITE_MIMETYPES = (
    "application/vnd.vegalite.v6+json",
    "application/vnd.vegalite.v6.json",
    "application/vnd.vegalite.v5+json",
    "application/vnd.vegalite.v4+json",
    "application/vnd.vegalite.v3+json",
)
"""Mimetypes that :func:`vegalite_outputs_to_html` recognises as Vega-Lite specs."""

EMBED_OPTIONS: dict[str, Any] = {
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}
"""vega-embed options: keep "save as SVG/PNG", drop the link to the online Vega editor."""

TEXT_PLAIN = "<iranstrikes offline Vega-Lite chart>"
"""The ``text/plain`` part of a chart's output (deterministic, shown by text-only frontends)."""


def _offline_renderer(spec: dict, **metadata: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return the mimebundle for one chart (the renderer registered by :func:`enable_offline`).

    Args:
        spec: The Vega-Lite spec as produced by ``chart.to_dict()``.
        **metadata: Renderer options given to ``alt.renderers.enable`` (``embed_options``).

    Returns:
        ``(data, metadata)`` as expected by IPython's ``_repr_mimebundle_``.
    """
    embed_options = dict(EMBED_OPTIONS)
    embed_options.update(metadata.get("embed_options") or {})
    data = {JUPYTERLAB_VEGALITE_MIMETYPE: spec, "text/plain": TEXT_PLAIN}
    meta = {JUPYTERLAB_VEGALITE_MIMETYPE: {"embed_options": embed_options}}
    return data, meta


def enable_offline(*, jupyter_chart: bool = True) -> None:
    """Make every Altair chart render without network access. Idempotent.

    Registers the ``iranstrikes`` renderer (Vega-Lite JSON under the mimetype JupyterLab renders
    with its bundled JavaScript) and enables it. When ``anywidget`` is installed and
    ``jupyter_chart`` is true, ``alt.JupyterChart`` is also switched to its offline mode (the
    vl-convert JavaScript bundle is inlined into the widget's ES module instead of an import from
    a CDN; it is built when the first ``JupyterChart`` is created, see
    :func:`enable_offline_jupyter_chart`).

    Args:
        jupyter_chart: Also configure ``alt.JupyterChart`` for offline use.

    """
    if RENDERER_NAME not in alt.renderers.names():
        alt.renderers.register(RENDERER_NAME, _offline_renderer)
    if alt.renderers.active != RENDERER_NAME:
        alt.renderers.enable(RENDERER_NAME)
    if jupyter_chart:
        enable_offline_jupyter_chart()


class _OfflineEsm:
    """Stands in for ``alt.JupyterChart._esm`` until the first ``JupyterChart`` is created.

    anywidget reads ``_esm`` when a widget is created; the first read builds the offline bundle
    with altair's own ``JupyterChart.enable_offline`` (which replaces this stand-in on the class
    by the bundle's source) and returns it. So every ``JupyterChart`` is offline, and a notebook
    without one never pays for the bundle.
    """

    def __get__(self, obj: Any, owner: type | None = None) -> str:
        cls = alt.JupyterChart
        if cls.__dict__.get("_esm") is self:
            cls._is_offline = False  # let altair build the bundle now
            cls.enable_offline(offline=True)
        return cls._esm


def enable_offline_jupyter_chart(*, lazy: bool = True) -> bool:
    """Switch ``alt.JupyterChart`` to offline mode if ``anywidget`` is importable.

    Args:
        lazy: Build the offline JavaScript bundle when the first ``JupyterChart`` is created
            (a few seconds, once per kernel) instead of now.

    Returns:
        True if JupyterChart is now offline, False if ``anywidget`` is missing.
    """
    try:
        import anywidget  # noqa: F401
    except ImportError:
        return False
    cls = alt.JupyterChart
    if cls._is_offline:  # already offline, or the stand-in is in place
        return True
    if lazy:
        cls._esm = _OfflineEsm()
        cls._is_offline = True  # altair's enable_offline() is then a no-op, as when offline
    else:
        cls.enable_offline(offline=True)
    return True


def chart_spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """Return the chart's Vega-Lite spec as a plain dict (with data inlined as datasets).

    Args:
        chart: Any top-level Altair chart.

    Returns:
        The spec, as ``chart.to_dict()`` gives it.
    """
    return chart.to_dict()


@functools.cache
def vega_bundle_js() -> str:
    """Return the vega-embed + Vega-Lite + Vega JavaScript bundle shipped with vl-convert.

    The bundle is a classic script (no imports, no network) that defines ``window.vegaEmbed``,
    ``window.vegaLite`` and ``window.vega``. It declares top-level ``const`` names, so it must be
    included only once per page.

    Returns:
        The JavaScript source (about 0.9 MB).
    """
    import vl_convert as vlc
    from altair.utils._importers import vl_version_for_vl_convert

    return vlc.javascript_bundle(vl_version=vl_version_for_vl_convert())


def _script_safe_js(source: str) -> str:
    """Make JavaScript safe to place inside an HTML ``<script>`` element."""
    return source.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def vega_bundle_script() -> str:
    """Return the vega bundle wrapped in a ``<script>`` element (include once per page).

    Returns:
        An HTML fragment.
    """
    return (
        '<script type="text/javascript" data-iranstrikes="vega-bundle">\n'
        + _script_safe_js(vega_bundle_js())
        + "\n</script>"
    )


def _json_for_script(obj: Any) -> str:
    """Serialise ``obj`` as JSON that can be embedded in a ``<script>`` element."""
    text = json.dumps(obj, sort_keys=True, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def spec_to_html_fragment(
    spec: dict[str, Any], div_id: str, embed_options: dict[str, Any] | None = None
) -> str:
    """Return a ``<div>`` plus a script that renders ``spec`` with the page's ``vegaEmbed``.

    The page must include :func:`vega_bundle_script` before this fragment.

    Args:
        spec: Vega-Lite spec.
        div_id: Id of the chart's container; must be unique in the page and deterministic.
        embed_options: vega-embed options (default :data:`EMBED_OPTIONS`).

    Returns:
        An HTML fragment.
    """
    options = dict(EMBED_OPTIONS if embed_options is None else embed_options)
    options.setdefault("mode", "vega-lite")
    return (
        f'<div id="{html.escape(div_id)}" class="iranstrikes-chart"></div>\n'
        '<script type="text/javascript">\n'
        "(function () {\n"
        f"  var el = document.getElementById({_json_for_script(div_id)});\n"
        f"  vegaEmbed(el, {_json_for_script(spec)}, {_json_for_script(options)})"
        ".catch(function (err) {\n"
        "    el.textContent = 'Chart failed to render: ' + err;\n"
        "    el.setAttribute('data-render-error', 'true');\n"
        "  });\n"
        "})();\n"
        "</script>"
    )


def vegalite_outputs_to_html(nb: Any, prefix: str = "chart") -> int:
    """Replace Vega-Lite mimetype outputs in a notebook by inline-HTML chart fragments.

    Used before exporting with nbconvert, whose templates do not render Vega-Lite mimetypes.
    Ids are ``<prefix>-<n>`` in document order, so exports are deterministic. The page needs
    :func:`vega_bundle_script` once (``iranstrikes.site`` adds it to the template head).

    Args:
        nb: An ``nbformat.NotebookNode`` (modified in place).
        prefix: Prefix of the chart container ids.

    Returns:
        The number of charts converted.
    """
    n = 0
    for cell in nb.cells:
        if cell.get("cell_type") != "code":
            continue
        for output in cell.get("outputs", []):
            data = output.get("data")
            if not data:
                continue
            mime = next((m for m in VEGALITE_MIMETYPES if m in data), None)
            if mime is None:
                continue
            spec = data[mime]
            if isinstance(spec, str):
                spec = json.loads(spec)
            options = (output.get("metadata", {}).get(mime) or {}).get("embed_options")
            n += 1
            fragment = spec_to_html_fragment(spec, f"{prefix}-{n}", options)
            for key in list(data):
                if key != "text/plain":
                    del data[key]
            data["text/html"] = fragment
            output["metadata"] = {}
    return n


def save_html(chart: alt.TopLevelMixin, path: str | Path, title: str = "Chart") -> Path:
    """Write ``chart`` to a self-contained HTML file that renders with no network access.

    The vega-embed/Vega-Lite/Vega bundle from vl-convert is inlined; no ``<script src>`` or
    stylesheet points anywhere. The output is deterministic (fixed container id, sorted JSON).

    Args:
        chart: Any top-level Altair chart.
        path: Output file (parent directories are created).
        title: Page title (escaped).

    Returns:
        The path written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    page = (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        "<style>#vis.vega-embed { width: 100%; display: flex; }</style>\n"
        f"{vega_bundle_script()}\n</head>\n<body>\n"
        f"{spec_to_html_fragment(chart_spec(chart), 'vis')}\n</body>\n</html>\n"
    )
    path.write_text(page, encoding="utf-8")
    return path


def html_escape_text(text: str, *, pre: bool = True) -> str:
    """Escape untrusted article text for display as HTML (e.g. in an ``ipywidgets.HTML``).

    Every ``<``, ``>``, ``&`` and quote is escaped, so markup, event handlers and
    ``javascript:`` links in the text show up literally and never execute or link.

    Args:
        text: Untrusted text.
        pre: Wrap in a ``<pre>`` that keeps line breaks and wraps long lines.

    Returns:
        An HTML fragment.
    """
    escaped = html.escape(text, quote=True)
    if not pre:
        return escaped
    return f'<pre style="white-space: pre-wrap;">{escaped}</pre>'
