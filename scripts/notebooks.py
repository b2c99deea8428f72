"""Maintain the notebook series: navigation links and in-place execution.

Usage:
    python scripts/notebooks.py nav          # (re)write the prev/next links of every notebook
                                             # and copy docs/data_dictionary.md next to them
    python scripts/notebooks.py nav --check  # exit 1 if any link is out of date (used by tests)
    python scripts/notebooks.py run [NB...]  # execute notebooks in place, outputs saved
    python scripts/notebooks.py time [NB...] # execute without saving; seconds per notebook

``run`` and ``time`` print, per notebook, the wall-clock seconds and the CPU seconds of the
kernel and of this process. On a machine shared with other work the wall clock grows with the
others' load while the CPU seconds stay close to what an idle machine's wall clock would show
(the notebooks' code is single-threaded), so both are printed; the series target (under 60 s)
is about the idle wall clock.

``notebooks/data_dictionary.md`` is a copy of ``docs/data_dictionary.md`` so that the link in
00 works with ``notebooks/`` as JupyterLab's root (``make lab``) and on the static site.

The navigation cell is the last cell of each notebook, tagged ``nav``; its text is generated
from the notebooks' titles (first Markdown heading), never written by hand.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAV_TAG = "nav"
DICTIONARY = ROOT / "docs" / "data_dictionary.md"


def copy_dictionary(check: bool = False, folder: Path = NOTEBOOKS) -> bool:
    """Copy the data dictionary next to the notebooks; returns True when it was stale."""
    target = folder / DICTIONARY.name
    text = DICTIONARY.read_text(encoding="utf-8")
    stale = not target.exists() or target.read_text(encoding="utf-8") != text
    if stale and not check:
        target.write_text(text, encoding="utf-8")
    return stale


def series(folder: Path = NOTEBOOKS) -> list[Path]:
    """The numbered notebooks of the series, in order."""
    return sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb"))


def title(nb) -> str:
    """The first Markdown heading of a notebook, without the leading #."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, re.M)
            if m:
                return m.group(1).strip()
    return "Untitled"


def nav_text(paths: list[Path], i: int, titles: list[str]) -> str:
    """Markdown for the navigation cell of notebook ``i``."""
    parts = []
    if i > 0:
        parts.append(f"← Previous: [{titles[i - 1]}]({paths[i - 1].name})")
    parts.append("[Contents](00-start-here.ipynb)" if i > 0 else "Contents: this notebook")
    if i + 1 < len(paths):
        parts.append(f"Next: [{titles[i + 1]}]({paths[i + 1].name}) →")
    return "---\n" + " · ".join(parts)


def update_nav(check: bool = False, folder: Path = NOTEBOOKS) -> list[Path]:
    """Write (or check) the navigation cell of each notebook; returns the stale ones."""
    paths = series(folder)
    nbs = [nbformat.read(p, as_version=4) for p in paths]
    titles = [title(nb) for nb in nbs]
    stale = []
    for i, (p, nb) in enumerate(zip(paths, nbs, strict=True)):
        text = nav_text(paths, i, titles)
        cells = [c for c in nb.cells if NAV_TAG in c.metadata.get("tags", [])]
        if cells and cells[0].source == text and nb.cells[-1] is cells[0]:
            continue
        stale.append(p)
        if check:
            continue
        nb.cells = [c for c in nb.cells if NAV_TAG not in c.metadata.get("tags", [])]
        cell = nbformat.v4.new_markdown_cell(text)
        cell.metadata["tags"] = [NAV_TAG]
        cell.id = f"nav-{p.stem[:2]}"
        nb.cells.append(cell)
        nbformat.write(nb, p)
    return stale


def _cpu_seconds() -> float:
    """CPU seconds used so far by this process and its finished children (the kernels)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run(paths: list[Path], timeout: int = 300, save: bool = True) -> dict[str, tuple[float, float]]:
    """Execute notebooks (kernel cwd = the notebook's folder), in place unless ``save`` is False.

    Returns:
        ``{name: (wall seconds, CPU seconds)}`` per notebook, the CPU seconds counting the
        kernel (a child process, counted once it has exited) and this process.
    """
    from nbclient import NotebookClient

    times = {}
    for p in paths:
        nb = nbformat.read(p, as_version=4)
        t0, c0 = time.perf_counter(), _cpu_seconds()
        NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(p.parent)}},
        ).execute()
        times[p.name] = (time.perf_counter() - t0, _cpu_seconds() - c0)
        if not save:
            continue
        for cell in nb.cells:
            cell.metadata.pop("execution", None)
        nbformat.write(nb, p)
    return times


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    n = sub.add_parser("nav")
    n.add_argument("--check", action="store_true")
    for name in ("run", "time"):
        sub.add_parser(name).add_argument("notebooks", nargs="*")
    args = ap.parse_args(argv)
    if args.cmd == "nav":
        stale = update_nav(check=args.check)
        if copy_dictionary(check=args.check):
            stale.append(NOTEBOOKS / DICTIONARY.name)
        for p in stale:
            print(("stale: " if args.check else "updated: ") + p.name)
        return 1 if (args.check and stale) else 0
    paths = [Path(x).resolve() for x in args.notebooks] or series()
    load = os.getloadavg()[0]
    times = run(paths, save=args.cmd == "run")
    for name, (wall, cpu) in times.items():
        print(f"{name}: {wall:.1f} s wall, {cpu:.1f} s CPU")
    wall, cpu = (sum(t[i] for t in times.values()) for i in (0, 1))
    print(
        f"total: {wall:.1f} s wall, {cpu:.1f} s CPU (load average {load:.1f} -> {os.getloadavg()[0]:.1f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
