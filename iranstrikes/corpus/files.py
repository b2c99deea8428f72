"""Which files of a corpus folder are read, and how: suffixes, size limits, problem rows.

What belongs here: the file suffixes read as articles and the names of the corpus's own data
files, the size limits, finding the article files of a folder (and reporting the others),
reading one file's bytes, and the shape of one ``problems`` row.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm")
CORPUS_DATA_FILES = {
    "manifest.csv",
    "aliases.yaml",
    "codebook.yaml",
    "context.yaml",
    "readme.md",
    "sha256sums",
}
LARGE_FILE_BYTES = 2_000_000
MAX_FILE_BYTES = 64_000_000
MANIFEST_VALUE_COLUMNS = (
    "outlet",
    "url",
    "original_outlet",
    "outlet_country",
    "outlet_ownership",
    "published",
)


def _problem(file: str, article_id: str | None, severity: str, code: str, message: str) -> dict:
    return {
        "file": file,
        "article_id": article_id,
        "severity": severity,
        "code": code,
        "message": message,
    }


# --------------------------------------------------------------------------------------
# Discovering the files of a folder
# --------------------------------------------------------------------------------------
#: Reasons a folder entry is skipped without a problem row (counted in ``Corpus.summary()``).
SKIP_REASONS = {"hidden": "hidden (name starts with a dot): skipped, as file managers hide them"}


@dataclass(frozen=True)
class FileEntry:
    r"""One article file found in a corpus folder.

    Attributes:
        path: Its path for the operating system (``os.fsencode`` gives the exact bytes).
        name: Its name as shown in every frame: the file name, with bytes that are not valid
            UTF-8 written as ``\xNN`` escapes.
        article_id: Its article id: the stem of ``name``, made unique in the folder.
        raw_name: Its name as the operating system gives it (may hold surrogate escapes).
    """

    path: str
    name: str
    article_id: str
    raw_name: str


def display_name(name: str) -> str:
    r"""A file name safe to show and store: undecodable bytes become ``\xNN`` escapes."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device (such as /dev/zero)"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _discover(folder: Path) -> tuple[list[FileEntry], list[dict], list[dict]]:
    """The article files of a folder, problem rows for the other entries, and counted skips.

    Every entry of the folder ends up in exactly one place: an article file, a corpus data
    file (manifest, aliases, codebook, context, README, checksums), a problem row (folders,
    links to folders, pipes, devices, sockets, broken links, unsupported suffixes, names
    that are not UTF-8, file names sharing a stem), or a counted skip (hidden entries, see
    :data:`SKIP_REASONS`). Only regular files (or links to them) are article files.

    Returns:
        (article files in name order, problem rows, skipped entries as {file, reason} rows)
    """
    files: list[FileEntry] = []
    problems: list[dict] = []
    skipped: list[dict] = []
    used: dict[str, str] = {}
    with os.scandir(folder) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        raw_name = e.name
        name = display_name(raw_name)
        if raw_name.startswith("."):
            skipped.append({"file": name, "reason": "hidden"})
            continue
        if name.lower() in CORPUS_DATA_FILES:  # (checked by their own readers)
            canonical = "README.md" if name.lower() == "readme.md" else name.lower()
            canonical = "SHA256SUMS" if canonical == "sha256sums" else canonical
            if (
                name != canonical
                and canonical not in ("README.md", "SHA256SUMS")
                and not os.path.exists(os.path.join(folder, canonical))  # (case-blind systems)
            ):
                problems.append(
                    _problem(
                        name,
                        None,
                        "warning",
                        "data-file-name",
                        f"{name} was not read: the loader reads {canonical!r} (lower case). Rename it.",
                    )
                )
            continue
        try:
            st = os.stat(e.path)
        except OSError as exc:
            what = "a link that points nowhere" if e.is_symlink() else "unreadable"
            problems.append(
                _problem(
                    name,
                    None,
                    "error",
                    "unreadable",
                    f"{name} is {what} ({exc.strerror or exc}); it was not loaded. Fix or remove it.",
                )
            )
            continue
        suffix = Path(name).suffix.lower()
        link = " (a link to a folder)" if e.is_symlink() else ""
        if stat.S_ISDIR(st.st_mode):
            if suffix in ARTICLE_SUFFIXES:
                problems.append(
                    _problem(
                        name,
                        None,
                        "warning",
                        "not-a-file",
                        f"{name} is a folder{link}, not an article file, although its name ends in {suffix}; it was not loaded. Subfolders are not searched: move its articles into the corpus folder.",
                    )
                )
            else:
                problems.append(
                    _problem(
                        name,
                        None,
                        "info",
                        "subfolder",
                        f"{name} is a folder{link}; subfolders are not searched. Move its articles into the corpus folder, or load it on its own.",
                    )
                )
            continue
        if not stat.S_ISREG(st.st_mode):
            problems.append(
                _problem(
                    name,
                    None,
                    "error",
                    "not-a-regular-file",
                    f"{name} is {_kind(st.st_mode)}, not a regular file; it was not read (reading it could block or never end). Replace it with the article's text.",
                )
            )
            continue
        if suffix in ARTICLE_SUFFIXES:
            if name != raw_name:
                problems.append(
                    _problem(
                        name,
                        None,
                        "warning",
                        "file-name-not-utf8",
                        f"The file name is not valid UTF-8; it is shown as {name!r}. Rename the file (UTF-8) so that it can be matched to manifest.csv and cited.",
                    )
                )
            stem = Path(name).stem
            aid = stem
            if aid in used:
                base = f"{stem}_{suffix.lstrip('.')}"
                aid, k = base, 2
                while aid in used:
                    aid, k = f"{base}_{k}", k + 1
                problems.append(
                    _problem(
                        name,
                        aid,
                        "warning",
                        "duplicate-stem",
                        f"{name} has the same name stem as {used[stem]!r}, whose article id is {stem!r}; it was loaded as article {aid!r}. Rename one of them so each article has its own name.",
                    )
                )
            used[aid] = name
            files.append(FileEntry(e.path, name, aid, raw_name))
        elif name.lower() not in CORPUS_DATA_FILES:
            problems.append(
                _problem(
                    name,
                    None,
                    "warning",
                    "unsupported-file",
                    f"{name} was not loaded: only {', '.join(ARTICLE_SUFFIXES)} files are read as articles. Convert it to text or HTML to include it.",
                )
            )
    return files, problems, skipped


def open_regular(path: str | os.PathLike, limit: int) -> tuple[bytes | None, str | None]:
    """Read a file only if it is a regular file of at most ``limit`` bytes.

    The file is opened without blocking (a named pipe would otherwise wait forever for a
    writer) and its type and size are checked on the open handle (``fstat``) before anything
    is read; at most ``limit + 1`` bytes are ever read.

    Returns:
        (the bytes, None) or (None, a sentence saying why the file was not read).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return None, f"it could not be opened ({exc.strerror or exc}); check its permissions"
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None, f"it is {_kind(st.st_mode)}, not a regular file".replace(
                "not a regular file, not a regular file", "not a regular file"
            )
        if st.st_size > limit:
            return (
                None,
                f"it is {st.st_size / 1e6:.0f} MB, more than the {limit / 1e6:.0f} MB limit",
            )
        chunks, total = [], 0
        while total <= limit:
            b = os.read(fd, min(1 << 20, limit + 1 - total))
            if not b:
                break
            chunks.append(b)
            total += len(b)
        if total > limit:
            return None, f"it grew past the {limit / 1e6:.0f} MB limit while it was read"
        return b"".join(chunks), None
    except OSError as exc:
        return None, f"it could not be read ({exc.strerror or exc}); check its permissions"
    finally:
        os.close(fd)
