"""On-disk cache of per-article results (``load_corpus(path, cache=...)``).

One file per article, ``<cache>/<key[:2]>/<key>.pkl``, holding a pickled, packed
:class:`~iranstrikes.corpus.ArticleResult` behind a short header. The key is the SHA-256 of
the cache format, the package version, the pandas major version, the file name, the SHA-256 of
the file's bytes, its manifest row and its article id, so a changed file, manifest row or package version is
simply a miss. Writes are atomic (temporary file, then rename). A missing, truncated, corrupt
or foreign entry is a miss with a warning, never an error; a cache folder that cannot be
written only warns.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
import warnings
from pathlib import Path

import pandas as pd

from . import __version__

CACHE_FORMAT = "iranstrikes-article-cache-4"
_HEADER = CACHE_FORMAT.encode() + b"\n"


def key(
    file_name: str, raw: bytes, manifest_row: dict | None, article_id: str | None = None
) -> str:
    """The cache key of one file (see the module docstring)."""
    row = json.dumps(manifest_row or {}, sort_keys=True, default=str)
    parts = [
        CACHE_FORMAT,
        __version__,
        pd.__version__.split(".")[0],
        file_name,
        hashlib.sha256(raw).hexdigest(),
        row,
        article_id or "",
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _path(cache_dir: Path, k: str) -> Path:
    return Path(cache_dir) / k[:2] / f"{k}.pkl"


def get(cache_dir: Path, k: str):
    """The cached result for key ``k``, or None (miss; a bad entry also warns)."""
    path = _path(cache_dir, k)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        warnings.warn(
            f"Cache entry {path} could not be read ({exc}); re-processing the file.", stacklevel=3
        )
        return None
    try:
        if not data.startswith(_HEADER):
            raise ValueError("not an iranstrikes cache entry")
        stored_key, result = pickle.loads(data[len(_HEADER) :])
        if stored_key != k:
            raise ValueError("entry is for another key")
        from .corpus import ArticleResult

        if not isinstance(result, ArticleResult):
            raise ValueError("unexpected content")
    except Exception as exc:  # noqa: BLE001 - any damage means: ignore the entry
        warnings.warn(
            f"Ignoring corrupt cache entry {path} ({exc}); re-processing the file.", stacklevel=3
        )
        return None
    return result


def put(cache_dir: Path, k: str, result) -> None:
    """Store one result (atomically); a cache folder that cannot be written only warns."""
    path = _path(cache_dir, k)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pkl")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_HEADER)
                pickle.dump((k, result), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        warnings.warn(
            f"Could not write the cache entry {path} ({exc}); the cache is not updated.",
            stacklevel=3,
        )
