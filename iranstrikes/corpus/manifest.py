"""Reading a corpus folder's ``manifest.csv``.

What belongs here: parsing the manifest into one row per file and reporting what is wrong with
it as ``problems`` rows (never raising).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .files import _problem


# --------------------------------------------------------------------------------------
# Manifest
# --------------------------------------------------------------------------------------
def read_manifest(folder: Path) -> tuple[pd.DataFrame | None, list[dict]]:
    """Read ``manifest.csv`` of a corpus folder, if there is one.

    Returns:
        (manifest indexed by file name, or None; problem rows)
    """
    path = folder / "manifest.csv"
    if not path.exists():
        return None, []
    problems = []
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        return None, [
            _problem(
                "manifest.csv",
                None,
                "error",
                "manifest-unreadable",
                f"manifest.csv could not be read ({exc}); articles load with fields derived from the text.",
            )
        ]
    if "file" not in df.columns:
        problems.append(
            _problem(
                "manifest.csv",
                None,
                "error",
                "manifest-no-file-column",
                "manifest.csv has no 'file' column, so it cannot be matched to articles; it was ignored.",
            )
        )
        return None, problems
    df = df.replace({"": None})
    dup = df["file"].duplicated(keep="first")
    for f in df.loc[dup, "file"]:
        problems.append(
            _problem(
                "manifest.csv",
                None,
                "warning",
                "manifest-duplicate-row",
                f"manifest.csv lists {f!r} more than once; the first row was used.",
            )
        )
    df = df[~dup].set_index("file", drop=False)
    return df, problems
