"""Packaging: one source of dependencies; the seeds travel inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile

import pytest
import yaml
from conftest import ROOT


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = set(project["dependencies"]) | set(project["optional-dependencies"]["dev"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = {p for p in pip if p != "-e ."}
    assert listed == wanted


def test_required_packages_declared():
    deps = " ".join(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"])
    for name in ("jupyterlab", "pandas", "altair", "ipywidgets", "nbval"):
        assert name in deps


@pytest.mark.slow
def test_wheel_bundles_seeds_and_loads_them(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
        ],
        check=True,
    )
    wheel = next(tmp_path.glob("iranstrikes-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert sum(n.startswith("iranstrikes/_seeds/") and n.endswith(".txt") for n in names) == 5
    assert "iranstrikes/_seeds/manifest.csv" in names
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = "import iranstrikes, sys; c = iranstrikes.load_corpus(progress=False); print(len(c.articles), iranstrikes.seeds_path())"
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": ""},
        capture_output=True,
        text=True,
        check=True,
    )
    n, path = out.stdout.split()
    assert n == "5" and "_seeds" in path


# ----------------------------------------------------------------------------- dependency hygiene
# Declared runtime dependencies that nothing imports by name, each with the place that uses it.
NOT_IMPORTED = {
    "jupyterlab": ("Makefile", "jupyter lab"),  # the notebook environment (make lab)
    "nbval": ("pyproject.toml", "--nbval-lax"),  # the notebooks' regression check (pytest plugin)
    "ipykernel": ("notebooks/00-start-here.ipynb", '"name": "python3"'),  # the notebooks' kernel
    "lxml-html-clean": (
        "iranstrikes/normalise.py",
        "trafilatura",
    ),  # lxml.html.clean, for trafilatura
}
_LOCAL = {
    "iranstrikes",
    "conftest",
    "hostile_cases",
    "hostile_probe",
    "make_corpus",
    "quote_scoring",
    "helpers",
}


def _norm(dist: str) -> str:
    import re

    return re.sub(r"[-_.]+", "-", re.split(r"[<>=!~\[; ]", dist, maxsplit=1)[0]).lower()


def _imports(paths) -> dict[str, set[str]]:
    """Top-level third-party modules imported by the given files (and notebooks' code cells)."""
    import ast
    import json

    out: dict[str, set[str]] = {}
    for f in paths:
        text = f.read_text(encoding="utf-8")
        if f.suffix == ".ipynb":
            cells = json.loads(text)["cells"]
            text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
            text = "\n".join(
                ln for ln in text.splitlines() if not ln.lstrip().startswith(("%", "!"))
            )
        for node in ast.walk(ast.parse(text)):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for n in names:
                top = n.split(".")[0]
                if top not in sys.stdlib_module_names and top not in _LOCAL:
                    out.setdefault(top, set()).add(str(f.relative_to(ROOT)))
    return out


def _declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = {_norm(d) for d in project["dependencies"]}
    extras = {_norm(d) for group in project["optional-dependencies"].values() for d in group}
    return runtime, extras


def _dists(module: str) -> set[str]:
    import importlib.metadata

    return {_norm(d) for d in importlib.metadata.packages_distributions().get(module, [])}


def test_every_third_party_import_is_declared():
    runtime, extras = _declared()
    lib = _imports(sorted((ROOT / "iranstrikes").rglob("*.py")))
    rest = _imports(
        sorted((ROOT / "tests").rglob("*.py"))
        + sorted((ROOT / "benchmarks").rglob("*.py"))
        + sorted((ROOT / "notebooks").glob("*.ipynb"))
    )
    local = {p.stem for p in (ROOT / "benchmarks").glob("*.py")} | {
        p.stem for p in (ROOT / "tests").rglob("*.py")
    }
    for module, where in lib.items():
        dists = _dists(module)
        assert dists, f"{module} (imported in {sorted(where)}) is not installed"
        # the library may import optional extras (dask) only lazily, behind a clear message
        assert dists & (runtime | extras), f"{module} (imported in {sorted(where)}) is not declared"
    for module, where in rest.items():
        if module in local:
            continue
        dists = _dists(module)
        assert dists & (runtime | extras), f"{module} (imported in {sorted(where)}) is not declared"


def test_every_declared_runtime_dependency_is_used():
    runtime, _ = _declared()
    files = (
        sorted((ROOT / "iranstrikes").rglob("*.py"))
        + sorted((ROOT / "tests").rglob("*.py"))
        + sorted((ROOT / "benchmarks").rglob("*.py"))
        + sorted((ROOT / "notebooks").glob("*.ipynb"))
    )
    used = set()
    for module in _imports(files):
        used |= _dists(module)
    for dist in sorted(runtime - used):
        assert dist in NOT_IMPORTED, f"{dist} is declared but nothing imports it: remove it"
        where, needle = NOT_IMPORTED[dist]
        assert needle in (ROOT / where).read_text(encoding="utf-8"), (dist, where)
    assert "dateparser" not in runtime and "datasketch" not in runtime


def test_trafilatura_imports_with_the_declared_html_cleaner():
    import lxml_html_clean  # noqa: F401 - what lxml.html.clean needs since lxml 5.2
    import trafilatura  # noqa: F401
