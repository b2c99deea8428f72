"""The notebook series: structure, navigation, and a papermill run on a corpus of our own.

The notebooks' saved outputs are regression-checked by nbval (``pytest --nbval-lax`` over
``notebooks/``, configured in pyproject.toml); these tests check what nbval does not.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import nbformat
import pytest
from conftest import FIXTURES, ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
SEED_NAMES = re.compile(r"Rahimpour|Afkham|Jazayeri|Kirby|Harf|Abadi|Sputnik|Fars|Arabiya|Tribune|Global Research|Guardian|Reuters")


def test_series_is_complete():
    assert [p.name[:2] for p in NOTEBOOKS] == ["00", "01", "02", "03", "04", "05"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_cells_are_short_and_type_no_findings(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert len(cell.source.splitlines()) <= 15, cell.source
        assert not SEED_NAMES.search(cell.source), f"a name from the articles is typed into a cell: {cell.source}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_outputs_saved_offline_and_without_errors(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.get("outputs") for c in code if "parameters" not in c.metadata.get("tags", [])), "run: python scripts/notebooks.py run"
    text = json.dumps(nb)
    assert not re.search(r"cdn\.jsdelivr|unpkg\.com|cdnjs", text)
    for c in code:
        assert not [o for o in c.outputs if o.output_type == "error"]


def test_navigation_links_are_generated_and_current():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "notebooks.py"), "nav", "--check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout
    for i, path in enumerate(NOTEBOOKS):
        nav = nbformat.read(path, as_version=4).cells[-1]
        assert "nav" in nav.metadata["tags"]
        if i + 1 < len(NOTEBOOKS):
            assert NOTEBOOKS[i + 1].name in nav.source
        if i > 0:
            assert NOTEBOOKS[i - 1].name in nav.source


def test_readme_describes_every_notebook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        assert f"`{path.name}`" in readme, path.name


@pytest.mark.slow
def test_bring_your_own_runs_on_a_corpus_of_our_own(tmp_path):
    import papermill

    folder = FIXTURES / "invented"
    out = tmp_path / "05-out.ipynb"
    papermill.execute_notebook(
        str(ROOT / "notebooks" / "05-bring-your-own.ipynb"),
        str(out),
        parameters={"corpus_path": str(folder)},
        cwd=str(tmp_path),
        progress_bar=False,
        kernel_name="python3",
    )
    nb = nbformat.read(out, as_version=4)
    texts = []
    for c in nb.cells:
        for o in c.get("outputs", []):
            assert o.output_type != "error"
            texts.append(str(o.get("data", {}).get("text/plain", "")) + str(o.get("text", "")))
    joined = "\n".join(texts)
    n = len(list(folder.glob("*.txt")))
    assert f"<Corpus 'invented': {n} articles" in joined
    assert "No codebook" in joined  # the fixture folder has no codebook: said plainly, no error
