"""Reusable helpers for the headless-Chromium tests (Playwright, system Chromium).

Nothing here downloads a browser: Playwright drives Debian's ``/usr/bin/chromium``.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest

CHROMIUM = "/usr/bin/chromium"
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
INSTALL_HINT = (
    "headless Chromium could not start. Install it with "
    "`apt-get install chromium chromium-driver` (Playwright uses /usr/bin/chromium; "
    "never `playwright install`)."
)
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
LOCAL_SCHEMES = {"file", "data", "blob", "about", "chrome-error"}
ARTIFACTS = Path(__file__).parent / "artifacts"
REPO = Path(__file__).resolve().parents[2]
HOSTILE_DIR = REPO / "tests" / "fixtures" / "hostile"
XSS_MARKER = "IRANSTRIKES_XSS_MARKER"


def launch_chromium(playwright):
    """Launch the system Chromium headless, or FAIL the test with an install hint."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: {INSTALL_HINT}", pytrace=False)
    try:
        return playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
    except Exception as exc:  # noqa: BLE001 - any launch failure is the same failure
        pytest.fail(f"{INSTALL_HINT}\n{type(exc).__name__}: {exc}", pytrace=False)


def is_local_url(url: str) -> bool:
    """True for URLs that stay on this machine (loopback hosts, file:, data:, blob:)."""
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


@dataclass
class NetworkGuard:
    """Aborts and records every request that would leave the machine."""

    blocked: list[str] = field(default_factory=list)

    def install(self, context) -> NetworkGuard:
        """Route all requests of a browser context through the guard."""
        context.route("**/*", self._handle)
        return self

    def _handle(self, route) -> None:
        url = route.request.url
        if is_local_url(url):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("internetdisconnected")

    def assert_clean(self) -> None:
        """Fail if any off-machine request was attempted."""
        assert not self.blocked, f"external requests attempted: {sorted(set(self.blocked))}"


@dataclass
class PageWatch:
    """Records dialogs (alert/confirm/prompt), console messages and page errors."""

    dialogs: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, page) -> PageWatch:
        """Start recording events of ``page``; dialogs are dismissed."""

        def on_dialog(dialog):
            self.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("console", lambda msg: self.console.append(f"{msg.type}: {msg.text}"))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        return self

    def assert_no_injection(self, marker: str = XSS_MARKER) -> None:
        """Fail if a dialog fired or the injection marker reached the console."""
        assert not self.dialogs, f"dialogs fired: {self.dialogs}"
        hits = [m for m in self.console if marker in m]
        assert not hits, f"injected script ran: {hits}"


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot to ``tests/browser/artifacts/<name>.png``."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', name)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# --- charts -----------------------------------------------------------------------------------

_CHART_STATUS_JS = """
() => Array.from(document.querySelectorAll('.vega-embed')).map((el) => {
  const svg = el.querySelector('svg.marks');
  const marks = svg ? svg.querySelectorAll('[class*="mark-"] path, [class*="mark-"] rect,'
      + ' [class*="mark-"] line, [class*="mark-"] circle, [class*="mark-"] text').length : 0;
  const canvas = el.querySelector('canvas.marks');
  let painted = 0;
  if (canvas && canvas.width > 0 && canvas.height > 0) {
    const ctx = canvas.getContext('2d');
    const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < d.length; i += 4 * 7) { if (d[i] !== 0) { painted++; } }
  }
  return {kind: svg ? 'svg' : (canvas ? 'canvas' : 'none'), marks, painted,
          height: el.getBoundingClientRect().height,
          width: canvas ? canvas.width : (svg ? svg.getBoundingClientRect().width : 0),
          error: el.closest('[data-render-error]') !== null
                 || (el.textContent || '').includes('failed to render')};
})
"""


def chart_status(page) -> list[dict]:
    """Return one dict per ``.vega-embed`` element: kind, marks, painted pixels, width."""
    return page.evaluate(_CHART_STATUS_JS)


def wait_for_charts(page, expected: int, timeout_s: float = 30.0) -> list[dict]:
    """Wait until ``expected`` charts exist and each has drawn marks; return their status."""
    deadline = time.monotonic() + timeout_s
    status: list[dict] = []
    while time.monotonic() < deadline:
        status = chart_status(page)
        if len(status) >= expected and all(_drawn(s) for s in status):
            return status
        page.wait_for_timeout(250)
    return status


def _drawn(s: dict) -> bool:
    return (
        not s["error"]
        and s["width"] > 0
        and s["height"] > 0
        and (s["marks"] > 0 or s["painted"] > 0)
    )


def assert_charts_rendered(page, expected: int, timeout_s: float = 30.0) -> list[dict]:
    """Fail unless at least ``expected`` charts exist and every chart drew marks."""
    status = wait_for_charts(page, expected, timeout_s)
    assert len(status) >= expected, f"expected {expected} charts, found {len(status)}"
    bad = [s for s in status if not _drawn(s)]
    assert not bad, f"charts not rendered: {bad}"
    return status


# --- JupyterLab ----------------------------------------------------------------------------

_PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
_ALL_CELLS_DONE_JS = """
() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return false;
  const ind = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  if (ind && ind.getAttribute('data-status') !== 'idle') return false;
  const cells = panel.querySelectorAll('.jp-CodeCell');
  for (const c of cells) {
    const src = c.querySelector('.jp-InputArea-editor');
    if (src && src.textContent.trim() === '') continue;
    const p = c.querySelector('.jp-InputPrompt');
    if (!p || !/\\[\\d+\\]/.test(p.textContent)) return false;
  }
  return cells.length > 0;
}
"""


def open_notebook(page, base_url: str, token: str, name: str, timeout_ms: int = 60_000) -> None:
    """Open ``name`` (relative to the server root) in JupyterLab and wait for an idle kernel."""
    # ?reset: start from an empty workspace (do not restore notebooks of earlier tests)
    page.goto(f"{base_url}/lab/tree/{name}?reset&token={token}", timeout=timeout_ms)
    page.wait_for_selector(f"{_PANEL} .jp-Cell", timeout=timeout_ms)
    idle = page.locator(f'{_PANEL} .jp-Notebook-ExecutionIndicator[data-status="idle"]')
    dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        if dialog.count():
            dialog.locator(".jp-mod-accept").click()  # keep the suggested (python3) kernel
        elif idle.count() and not dialog.count():
            page.wait_for_timeout(300)
            if not dialog.count():
                break
        page.wait_for_timeout(200)
    idle.first.wait_for(timeout=timeout_ms)
    page.locator(".jp-StatusBar-Widget", has_text=re.compile(r"\| Idle")).first.wait_for(
        timeout=timeout_ms
    )
    page.wait_for_timeout(1000)  # let the kernel connection settle before executing


_NO_COUNTS_JS = (
    "() => !Array.from(document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden)"
    " .jp-InputPrompt')).some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))"
)


def menu_command(page, menu: str, item: str) -> None:
    """Click ``menu`` in JupyterLab's menu bar, then its ``item``."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{re.escape(menu)}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$")).click()


def run_all_cells(page, timeout_ms: int | None = None) -> None:
    """Clear all outputs, Run → Run All Cells through the menu bar, wait until all cells ran.

    The timeout defaults to ``$IRANSTRIKES_BROWSER_RUN_TIMEOUT`` seconds (600).
    """
    if timeout_ms is None:
        timeout_ms = int(float(os.environ.get("IRANSTRIKES_BROWSER_RUN_TIMEOUT", "600")) * 1000)
    menu_command(page, "Edit", "Clear Outputs of All Cells")  # also resets the [n] prompts
    page.wait_for_function(_NO_COUNTS_JS, timeout=15_000, polling=100)
    menu_command(page, "Run", "Run All Cells")
    started = (
        "() => Array.from(document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden)"
        " .jp-InputPrompt')).some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))"
    )
    try:
        page.wait_for_function(started, timeout=15_000, polling=100)
    except Exception:  # the kernel was not ready: ask once more
        menu_command(page, "Run", "Run All Cells")
    page.wait_for_timeout(500)
    try:
        page.wait_for_function(_ALL_CELLS_DONE_JS, timeout=timeout_ms, polling=250)
    except Exception:
        shot = screenshot(page, "run-all-timeout")
        raise AssertionError(f"cells did not finish within {timeout_ms} ms; see {shot}") from None


def error_outputs(page) -> list[str]:
    """Return texts of error outputs (stderr tracebacks, error outputs) in the open notebook."""
    return page.evaluate(
        """
        () => {
          const out = [];
          const sel = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"],'
                    + ' .jp-OutputArea-output .jp-RenderedText';
          for (const el of document.querySelectorAll(sel)) {
            const t = el.textContent || '';
            if (t.includes('Traceback') || /\\w+Error:/.test(t)
                || el.getAttribute('data-mime-type') === 'application/vnd.jupyter.error') {
              out.push(t.slice(0, 2000));
            }
          }
          return out;
        }
        """
    )


def find_first_control(page):
    """Return the first ipywidgets Dropdown ``select`` (or else text input) in the notebook."""
    for selector in (".widget-dropdown select", ".widget-text input", ".jupyter-widgets input"):
        loc = page.locator(selector)
        if loc.count():
            return loc.first
    raise AssertionError("no ipywidgets Dropdown or text input found")


def output_tables_text(page) -> str:
    """Return the text of all HTML tables displayed in outputs (e.g. pandas DataFrames)."""
    return "\n".join(page.locator(".jp-OutputArea-output table").all_inner_texts())


def change_control(control) -> None:
    """Pick a different option of a ``select`` (or type into a text input)."""
    tag = control.evaluate("el => el.tagName.toLowerCase()")
    if tag == "select":
        values = control.evaluate("el => Array.from(el.options).map(o => o.value)")
        current = control.input_value()
        other = next((v for v in reversed(values) if v != current), None)
        assert other is not None, "dropdown has a single option; cannot change it"
        control.select_option(other)
    else:
        control.fill("a")
        control.press("Enter")


# --- test notebooks ----------------------------------------------------------------------------

SMOKE_NOTEBOOK = "00-browser-smoke.ipynb"


def smoke_notebook() -> nbformat.NotebookNode:
    """A small notebook: offline Altair chart + a Dropdown that changes a displayed table."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Browser smoke test"),
        nbformat.v4.new_code_cell(
            "from iranstrikes.rendering import enable_offline\n\nenable_offline()"
        ),
        nbformat.v4.new_code_cell(
            "import altair as alt\nimport pandas as pd\n\n"
            "df = pd.DataFrame({'outlet': ['A', 'B', 'C', 'D'], 'n': [3, 7, 2, 5],"
            " 'kind': ['x', 'y', 'x', 'y']})\n"
            "alt.Chart(df).mark_bar().encode(x='outlet:N', y='n:Q', color='kind:N')"
        ),
        nbformat.v4.new_code_cell(
            "import ipywidgets as widgets\nfrom IPython.display import display\n\n"
            "dd = widgets.Dropdown(options=['x', 'y'], value='x', description='kind')\n"
            "out = widgets.Output()\n\n"
            "def show(change=None):\n"
            "    out.clear_output(wait=True)\n"
            "    with out:\n"
            "        display(df[df['kind'] == dd.value])\n\n"
            "dd.observe(show, names='value')\nshow()\ndisplay(dd, out)"
        ),
    ]
    return nb


HOSTILE_NOTEBOOK = "zz-hostile-text.ipynb"


def hostile_notebook(hostile_path: Path) -> nbformat.NotebookNode:
    """A notebook that shows an untrusted article escaped, in HTML output and an HTML widget."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Hostile text is shown, never run"),
        nbformat.v4.new_code_cell(
            "from pathlib import Path\n\nimport ipywidgets as widgets\n"
            "from IPython.display import HTML, display\n\n"
            "from iranstrikes.rendering import html_escape_text\n\n"
            f"text = Path({str(hostile_path)!r}).read_text(encoding='utf-8')\n"
            "display(HTML(html_escape_text(text)))\n"
            "display(widgets.HTML(html_escape_text(text)))"
        ),
        nbformat.v4.new_markdown_cell("Through the library: loader, quotes, explorer widgets."),
        nbformat.v4.new_code_cell(
            "import iranstrikes\nfrom iranstrikes import widgets as iw\n\n"
            f"hostile = iranstrikes.load_corpus({str(hostile_path.parent)!r}, progress=False)\n"
            "aid = hostile.articles['article_id'].iloc[0]\n"
            "display(HTML(iw.article_html(hostile, aid)))\n"
            "display(iw.side_by_side(hostile, aid, aid))\n"
            "explorer = iw.Explorer(hostile)\n"
            "display(explorer.widget)\n"
            "display(iw.KwicExplorer(hostile, 'script').widget)"
        ),
    ]
    return nb


def write_notebook(nb: nbformat.NotebookNode, path: Path) -> Path:
    """Write a notebook (creating folders) and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def copy_tree(src: Path, dst: Path) -> Path:
    """Copy a folder (or nothing, if ``src`` does not exist) and return ``dst``."""
    if src.exists():
        shutil.copytree(src, dst, dirs_exist_ok=True)
    else:
        dst.mkdir(parents=True, exist_ok=True)
    return dst


# --- layout and activities (teaching layer) ------------------------------------------------------
_OVERFLOW_JS = """
() => Array.from(document.querySelectorAll('.jp-OutputArea-output')).map((el, i) => {
  const box = el.getBoundingClientRect();
  let right = box.right;
  el.querySelectorAll('*').forEach((c) => {
    const r = c.getBoundingClientRect();
    // only what is drawn: scrolled-away content inside a scroll box does not count
    let clipped = false;
    for (let p = c.parentElement; p && p !== el; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') {
        clipped = true; break;
      }
    }
    if (!clipped && r.width > 0) { right = Math.max(right, r.right); }
  });
  return {index: i, width: box.width, overflow: Math.round(right - box.right)};
}).filter((o) => o.overflow > 4)
"""


def overflowing_outputs(page) -> list[dict]:
    """Outputs with content drawn past their container's right edge (scroll boxes excepted)."""
    return page.evaluate(_OVERFLOW_JS)


def answer_first_activity(page, timeout_s: float = 20.0) -> str:
    """Click the first option of the first activity, then "Check my answer"; return the feedback."""
    box = page.locator(".iranstrikes-activity").first
    box.scroll_into_view_if_needed()
    box.locator(".widget-radio-box input[type=radio]").first.check()
    box.get_by_role("button", name="Check my answer").click()
    feedback = box.locator(".iranstrikes-feedback")
    feedback.wait_for(timeout=timeout_s * 1000)
    return feedback.inner_text()
