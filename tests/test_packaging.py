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
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path)],
        check=True,
    )
    wheel = next(tmp_path.glob("iranstrikes-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert sum(n.startswith("iranstrikes/_seeds/") and n.endswith(".txt") for n in names) == 5
    assert "iranstrikes/_seeds/manifest.csv" in names
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = "import iranstrikes, sys; c = iranstrikes.load_corpus(progress=False); print(len(c.articles), iranstrikes.seeds_path())"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": ""}, capture_output=True, text=True, check=True)
    n, path = out.stdout.split()
    assert n == "5" and "_seeds" in path
