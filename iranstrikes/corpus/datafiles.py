"""The corpus's curated data files, checked before the cross-article steps read them.

What belongs here: checking ``aliases.yaml``, ``codebook.yaml`` and ``context.yaml`` of a
corpus folder (a regular file of bounded size, UTF-8, valid YAML, a mapping, and for the
aliases the shape of each entry), reporting each fault as a ``problems`` row with the file,
the line and what to fix, and giving the cross-article steps a folder that holds only the
data files that can be used (the loader goes on without the others; articles always load).
The strict check of the same files, for ``iranstrikes check DIR``, is :func:`check_folder`.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .files import _problem, open_regular

DATA_FILES = ("aliases.yaml", "codebook.yaml", "context.yaml")
DATA_MAX_BYTES = 16_000_000


def _line_of(raw: bytes, pos: int) -> int:
    return raw[:pos].count(b"\n") + 1


def read_yaml(path: Path) -> tuple[object | None, list[tuple[int | None, str]]]:
    """Read one YAML data file: (the data, or None when unusable; [(line, what to fix)])."""
    import yaml

    raw, why = open_regular(path, DATA_MAX_BYTES)
    if raw is None:
        return None, [(None, f"{path.name} was not read: {why}. Replace it with a YAML file.")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [
            (
                _line_of(raw, exc.start),
                f"{path.name} is not UTF-8 (byte 0x{raw[exc.start]:02x} on line "
                f"{_line_of(raw, exc.start)}). Save it as UTF-8 in your editor.",
            )
        ]
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        what = " ".join(str(getattr(exc, "problem", None) or exc).split())
        return None, [
            (
                line,
                f"{path.name} is not valid YAML ({what}"
                + (f", line {line}, column {mark.column + 1}" if mark is not None else "")
                + "). Check the indentation and the quotes around that line.",
            )
        ]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return None, [
            (
                1,
                f"{path.name} holds a {type(data).__name__}, not a mapping: its top level must be "
                + (
                    "'people:' followed by a list of entries."
                    if path.name == "aliases.yaml"
                    else "'propositions:' and 'codings:' lists."
                    if path.name == "codebook.yaml"
                    else "'context:' followed by a list of entries."
                ),
            )
        ]
    return data, []


def _alias_faults(data: dict) -> tuple[dict | None, list[tuple[int | None, str]]]:
    """The usable part of an aliases mapping and what is wrong with the rest."""
    faults: list[tuple[int | None, str]] = []
    people = data.get("people")
    if people is None:
        return {"people": []}, []
    if not isinstance(people, list):
        return None, [
            (None, "aliases.yaml: 'people' must be a list of entries (each '- name: ...').")
        ]
    keep = []
    for i, e in enumerate(people):
        if not isinstance(e, dict):
            faults.append((None, f"aliases.yaml: entry {i} is not a mapping; it was skipped."))
            continue
        bad = [
            k
            for k in ("titles", "aliases")
            if e.get(k) is not None
            and not (isinstance(e[k], list) and all(isinstance(v, str | int) for v in e[k]))
        ]
        if not isinstance(e.get("name"), str | int | float) or not str(e.get("name")).strip():
            bad.append("name")
        if e.get("kind") is not None and not isinstance(e["kind"], str):
            bad.append("kind")
        if bad:
            faults.append(
                (
                    None,
                    f"aliases.yaml: entry {i} ({e.get('name')!r}) has a bad "
                    f"{', '.join(bad)} (name and kind are text; titles and aliases are lists of "
                    "text); it was skipped.",
                )
            )
            continue
        keep.append(e)
    return {**data, "people": keep}, faults


def _read_data_files(folder: Path) -> Iterator[tuple[str, Path, Any, Any, list, bool]]:
    """Each curated data file present in ``folder``, read once, with its faults.

    Yields ``(name, path, data, cleaned, faults, pruned)``: ``data`` is the parsed YAML (None
    when unreadable); for ``aliases.yaml``, ``cleaned`` is the data without its unusable
    entries (None when none can be used), ``faults`` includes the entries' faults and
    ``pruned`` says whether any entry was left out; for the other files ``cleaned`` is
    ``data`` and ``pruned`` is False.
    """
    for name in DATA_FILES:
        path = folder / name
        if not path.exists() and not path.is_symlink():
            continue
        data, faults = read_yaml(path)
        cleaned, more = data, []
        if data is not None and name == "aliases.yaml":
            cleaned, more = _alias_faults(data)
            faults += more
        yield name, path, data, cleaned, faults, bool(more)


@contextlib.contextmanager
def usable_data_folder(folder: Path) -> Iterator[tuple[Path, list[dict]]]:
    """The folder the cross-article steps should read the data files from, and problem rows.

    When every data file present can be used, that is ``folder`` itself. Otherwise it is a
    temporary folder (removed afterwards) holding copies of the usable files only, and a
    cleaned copy of ``aliases.yaml`` without its unusable entries.
    """
    import yaml

    problems: list[dict] = []
    replace: dict[str, bytes | None] = {}  # name -> new content (None: leave out)
    for name, _path, data, cleaned, faults, pruned in _read_data_files(folder):
        if data is not None and name == "aliases.yaml":
            if cleaned is None:
                data = None
            elif pruned:
                replace[name] = yaml.safe_dump(cleaned, allow_unicode=True).encode("utf-8")
        if data is None:
            replace[name] = None
        for _line, msg in faults:
            unused = data is None
            problems.append(
                _problem(
                    name,
                    None,
                    "error" if unused else "warning",
                    "data-file-invalid",
                    msg
                    + (f" The corpus was loaded without {name}." if unused else "")
                    + " Run `iranstrikes check FOLDER` to list every fault.",
                )
            )
    if not replace:
        yield folder, problems
        return
    with tempfile.TemporaryDirectory(prefix="iranstrikes-data-") as tmp:
        out = Path(tmp)
        for name in DATA_FILES:
            if name in replace:
                if replace[name] is not None:
                    (out / name).write_bytes(replace[name])
            elif (folder / name).is_file():
                shutil.copyfile(folder / name, out / name)
        yield out, problems


def check_folder(folder: str | Path) -> list[dict]:
    """Strictly check a corpus folder's curated files; every fault is one row.

    Checks ``manifest.csv`` (every problem the loader would report about it), ``aliases.yaml``
    (structure and every entry), ``codebook.yaml`` (:func:`~iranstrikes.claims.load_codebook`)
    and ``context.yaml`` (:func:`~iranstrikes.claims.load_context`). Articles are not loaded.

    Returns:
        Rows with file, line (or None), severity and message; empty when everything is fine.
    """
    from .. import claims
    from ..people import load_aliases
    from .manifest import read_manifest

    folder = Path(folder)
    rows: list[dict] = []
    _, manifest_problems = read_manifest(folder)
    for p in manifest_problems:
        if p["severity"] != "info":
            rows.append(
                {
                    "file": "manifest.csv",
                    "line": None,
                    "severity": p["severity"],
                    "message": p["message"],
                }
            )
    for name, path, data, cleaned, faults, pruned in _read_data_files(folder):
        if data is not None and name == "aliases.yaml":
            if cleaned is not None and not pruned:
                with usable_data_folder(folder) as (usable, _):
                    for p in load_aliases(usable)[1]:
                        faults.append((None, p["message"]))
        elif data is not None:
            loaders = (
                (claims.load_codebook, claims.load_coding_rules)
                if name == "codebook.yaml"
                else (claims.load_context,)
            )
            for loader in loaders:
                try:
                    loader(path)
                except claims.CodebookError as exc:
                    lines = str(exc).splitlines()
                    faults += [(None, ln.strip()) for ln in (lines[1:] or lines) if ln.strip()]
        for line, msg in faults:
            rows.append({"file": name, "line": line, "severity": "error", "message": msg})
    return rows
