"""Fixtures for the browser tests: a throw-away JupyterLab server and headless Chromium."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from . import helpers

NOTEBOOKS = helpers.REPO / "notebooks"


def repo_notebooks() -> list[str]:
    """Names of the package's notebooks, or the generated smoke notebook if there are none."""
    names = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
    return names or [helpers.SMOKE_NOTEBOOK]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(helpers.REPO), env.get("PYTHONPATH", "")) if p
    )
    env.update(extra)
    return env


def _write_lab_settings(settings: Path) -> None:
    """Render every cell (no virtual scrolling) and keep the news toast out of screenshots."""
    files = {
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
            "windowingMode": "none",
            "autoStartDefaultKernel": True,
        },
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
            "fetchNews": "false",
            "checkForUpdates": False,
        },
    }
    for rel, value in files.items():
        path = settings / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), encoding="utf-8")


@dataclass
class Lab:
    """A running JupyterLab server."""

    base_url: str
    token: str
    root: Path
    log: Path


@pytest.fixture(scope="session")
def lab_root(tmp_path_factory) -> Path:
    """A temp copy of ``notebooks/`` (+ seeds, fixtures) used as the server's root dir."""
    work = tmp_path_factory.mktemp("lab")
    root = helpers.copy_tree(NOTEBOOKS, work / "notebooks")
    for name in ("seeds", "tests/fixtures"):
        if (helpers.REPO / name).exists():
            helpers.copy_tree(helpers.REPO / name, work / name)
    if not any(root.glob("*.ipynb")):
        helpers.write_notebook(helpers.smoke_notebook(), root / helpers.SMOKE_NOTEBOOK)
    hostile = work / "tests/fixtures/hostile/hostile-article.txt"
    helpers.write_notebook(
        helpers.hostile_notebook(hostile), work / "hostile" / helpers.HOSTILE_NOTEBOOK
    )
    return root


@pytest.fixture(scope="session")
def lab(lab_root, tmp_path_factory):
    """Start ``jupyter lab`` on a free loopback port with a random token; stop it afterwards."""
    port = _free_port()
    token = secrets.token_hex(16)
    state = tmp_path_factory.mktemp("labstate")
    log = state / "jupyter.log"
    env = _env(
        {
            "JUPYTERLAB_SETTINGS_DIR": str(state / "settings"),
            "JUPYTERLAB_WORKSPACES_DIR": str(state / "workspaces"),
            "JUPYTER_RUNTIME_DIR": str(state / "runtime"),
        }
    )
    _write_lab_settings(state / "settings")
    cmd = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser",
        f"--IdentityProvider.token={token}", f"--port={port}", "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.root_dir={lab_root.parent}", "--ServerApp.port_retries=0",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    with log.open("wb") as fh:
        proc = subprocess.Popen(cmd, cwd=lab_root.parent, env=env, stdout=fh, stderr=fh)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"jupyter lab exited early:\n{log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{base_url}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"jupyter lab did not start:\n{log.read_text()[-3000:]}")
                time.sleep(0.3)
        yield Lab(base_url=base_url, token=token, root=lab_root.parent, log=log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="session")
def chromium():
    """A headless system Chromium (fails, never skips, when it cannot start)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = helpers.launch_chromium(pw)
        yield browser
        browser.close()


@pytest.fixture
def guarded_page(chromium):
    """A fresh page whose context aborts and records every off-machine request."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    guard = helpers.NetworkGuard().install(context)
    page = context.new_page()
    watch = helpers.PageWatch().attach(page)
    yield page, guard, watch
    context.close()


@pytest.fixture(scope="session")
def site_dir(lab_root, tmp_path_factory) -> Path:
    """The static site built (in a subprocess) from the notebooks + the hostile notebook."""
    src = tmp_path_factory.mktemp("site_src")
    helpers.copy_tree(lab_root, src)
    hostile = lab_root.parent / "hostile" / helpers.HOSTILE_NOTEBOOK
    (src / helpers.HOSTILE_NOTEBOOK).write_bytes(hostile.read_bytes())
    out = tmp_path_factory.mktemp("site")
    code = (
        "import sys; from iranstrikes.site import build_site; "
        "print(build_site(sys.argv[1], sys.argv[2], execute=True))"
    )
    res = subprocess.run(
        [sys.executable, "-c", code, str(src), str(out)],
        cwd=src,
        env=_env({}),
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if res.returncode != 0:
        pytest.fail(f"build_site failed:\n{res.stdout[-3000:]}\n{res.stderr[-5000:]}")
    return out
