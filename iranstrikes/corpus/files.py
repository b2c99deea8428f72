"""Which files of a corpus folder are read, and how: suffixes, size limits, problem rows.

What belongs here: the file suffixes read as articles and the names of the corpus's own data
files, the size limits, finding the article files of a folder (and reporting the others),
reading one file's bytes, and the shape of one ``problems`` row.
"""

from __future__ import annotations

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
def _discover(folder: Path) -> tuple[list[Path], list[dict]]:
    files, problems = [], []
    for p in sorted(folder.iterdir(), key=lambda x: x.name):
        if p.name.startswith(".") or p.is_dir():
            continue
        if p.suffix.lower() in ARTICLE_SUFFIXES:
            files.append(p)
        elif p.name.lower() not in CORPUS_DATA_FILES:
            problems.append(
                _problem(
                    p.name,
                    None,
                    "warning",
                    "unsupported-file",
                    f"{p.name} was not loaded: only {', '.join(ARTICLE_SUFFIXES)} files are read as articles. Convert it to text or HTML to include it.",
                )
            )
    return files, problems
