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
SEED_NAMES = re.compile(
    r"Rahimpour|Afkham|Jazayeri|Kirby|Harf|Abadi|Sputnik|Fars|Arabiya|Tribune|Global Research|Guardian|Reuters"
)


def test_series_is_complete():
    assert [p.name[:2] for p in NOTEBOOKS] == ["00", "01", "02", "03", "04", "05"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_cells_are_short_and_type_no_findings(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert len(cell.source.splitlines()) <= 15, cell.source
        assert not SEED_NAMES.search(cell.source), (
            f"a name from the articles is typed into a cell: {cell.source}"
        )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_outputs_saved_offline_and_without_errors(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(
        c.get("outputs") for c in code if "parameters" not in c.metadata.get("tags", [])
    ), "run: python scripts/notebooks.py run"
    text = json.dumps(nb)
    assert not re.search(r"cdn\.jsdelivr|unpkg\.com|cdnjs", text)
    for c in code:
        assert not [o for o in c.outputs if o.output_type == "error"]


def test_navigation_links_are_generated_and_current():
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "notebooks.py"), "nav", "--check"],
        capture_output=True,
        text=True,
    )
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


STORY = [p for p in NOTEBOOKS if p.name[:2] in ("00", "01", "02", "03")]
INTERNAL = re.compile(
    r"\d{3}_[0-9a-f]{16}"  # article ids
    r"|<NA>|\bNaN\b|\bNaT\b|00:00:00|dtype:|Name: \w+, dtype"  # raw pandas
    r"|\bP\d_[a-z_]+\b"  # proposition ids
    r"|event:\d{3}_"  # internal date bases
)


def _reader_texts(nb):
    """(cell source, text) of every output a reader sees (widgets and chart specs excluded)."""
    for c in nb.cells:
        for o in c.get("outputs", []):
            data = o.get("data", {})
            if any(k.startswith("application/vnd.") for k in data):
                continue
            for mime in ("text/html", "text/plain"):
                if mime in data:
                    yield c.source, data[mime]
            if o.output_type == "stream":
                yield c.source, o.get("text", "")


@pytest.mark.parametrize("path", STORY, ids=lambda p: p.stem)
def test_story_outputs_show_no_internal_ids_and_no_cut_text(path):
    nb = nbformat.read(path, as_version=4)
    texts = list(_reader_texts(nb))
    assert texts
    for source, text in texts:
        m = INTERNAL.search(text)
        assert not m, f"{path.name}: {m.group(0)!r} shown by `{source}`"
        # text cut with an ellipsis (pandas' max_colwidth "...", or "…")
        assert not re.search(r"\w(…|\.\.\.)(?=\s|<|$)", text), (
            f"{path.name}: cut text in `{source}`"
        )


@pytest.mark.parametrize("path", STORY, ids=lambda p: p.stem)
def test_story_notebooks_lead_with_objectives_or_finding(path):
    nb = nbformat.read(path, as_version=4)
    first_md = " ".join(c.source for c in nb.cells[:6] if c.cell_type == "markdown")
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    if path.name.startswith("00"):
        assert "headline_exhibit" in code and "finding" in code
    else:
        assert "You will learn to" in first_md and "reader.glossary(" in code
        assert "activities." in code  # at least one activity with feedback


def test_teachers_guide_has_a_lesson_plan_and_key():
    guide = (ROOT / "notebooks" / "teachers-guide.md").read_text(encoding="utf-8")
    assert "45" in guide and "## Answer key" in guide and "answer_key(" in guide
