"""Templates a researcher copies next to their own articles (a commented codebook).

What belongs here: the template files (``codebook.yaml``) and :func:`copy_codebook`, which
puts a copy into a folder without ever overwriting a codebook already there.
"""

from __future__ import annotations

import shutil
from pathlib import Path

__all__ = ["CODEBOOK", "copy_codebook"]

CODEBOOK = Path(__file__).with_name("codebook.yaml")
"""The commented template codebook shipped with the package."""


def copy_codebook(folder: str | Path, *, overwrite: bool = False) -> Path:
    """Copy the template ``codebook.yaml`` into ``folder`` (created if needed).

    Args:
        folder: The folder of your articles.
        overwrite: Replace an existing ``codebook.yaml`` (default: refuse).

    Returns:
        The path of the copy.

    Raises:
        FileExistsError: if the folder already has a codebook and ``overwrite`` is False;
            the message says how to keep or replace it.
    """
    target = Path(folder) / "codebook.yaml"
    if target.exists() and not overwrite:
        raise FileExistsError(
            f"{target} already exists: edit it, or pass overwrite=True to replace it with the "
            "template."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(CODEBOOK, target)
    return target
