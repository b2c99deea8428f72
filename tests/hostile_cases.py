"""Hostile corpus folders from issue 16, one builder per case (invented text only).

Each builder fills an empty folder and returns the names of the entries a load must account
for (in ``articles`` or ``problems``, or as a counted skip in the corpus summary). Used by
tests/test_reliability.py and by benchmarks/hostile_probe.py (which runs every case in a
subprocess with a timeout, to tell a crash from a hang from a silent drop).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

ARTICLE = (
    "Council approves harbour budget\n\n"
    "PORTVILLE, March 3 (Example Wire) - The town council approved the harbour budget on "
    "Monday after a long debate.\n\n"
    "\u201cThe harbour is the heart of this town,\u201d said Mayor Ana Ferreira, who chaired "
    "the meeting.\n\n"
    "Opposition councillor Tom Reyes said the plan was rushed. \u201cWe were given two days "
    "to read it,\u201d he told the Portville Courier on Tuesday.\n"
)


def article(n: int = 0) -> str:
    """An invented article, distinct for each ``n`` (different bytes and body)."""
    return ARTICLE.replace("harbour budget", f"harbour budget number {n}")


def _write(folder: Path, name: str | bytes, text: str, encoding: str = "utf-8") -> None:
    path = os.path.join(os.fsencode(folder), name) if isinstance(name, bytes) else folder / name
    with open(path, "wb") as fh:
        fh.write(text.encode(encoding))


def _manifest(folder: Path, text: str, encoding: str = "utf-8") -> None:
    (folder / "manifest.csv").write_bytes(text.encode(encoding))


def dup_stem_txt_html(folder: Path) -> set[str]:
    _write(folder, "story.txt", article(1))
    _write(
        folder, "story.html", f"<html><body><article><p>{article(2)}</p></article></body></html>"
    )
    return {"story.txt", "story.html"}


def dup_stem_case(folder: Path) -> set[str]:
    _write(folder, "story.txt", article(1))
    _write(folder, "story.TXT", article(2))
    return {"story.txt", "story.TXT"}


def non_utf8_name(folder: Path) -> set[str]:
    _write(folder, b"caf\xe9-report.txt", article(1))
    _write(folder, "plain.txt", article(2))
    return {os.fsdecode(b"caf\xe9-report.txt"), "plain.txt"}


def manifest_empty_file(folder: Path) -> set[str]:
    _write(folder, "a.txt", article(1))
    _manifest(folder, "file,outlet\n,Example Wire\na.txt,Portville Courier\n")
    return {"a.txt"}


def manifest_vocabulary(folder: Path) -> set[str]:
    _write(folder, "a.txt", article(1))
    _write(folder, "b.txt", article(2))
    _manifest(
        folder, "file,outlet,outlet_ownership\na.txt,Courier,public\nb.txt,Wire,State-Owned\n"
    )
    return {"a.txt", "b.txt"}


def manifest_dates_out_of_range(folder: Path) -> set[str]:
    dates = ["9999-12-31", "2999-01-01", "-0044-03-15", "2014-12-03T10:00:00+03:30", "0001-01-01"]
    rows = []
    for i, d in enumerate(dates):
        _write(folder, f"d{i}.txt", article(i))
        rows.append(f"d{i}.txt,Courier,{d}")
    _manifest(folder, "file,outlet,published\n" + "\n".join(rows) + "\n")
    return {f"d{i}.txt" for i in range(len(dates))}


def manifest_clock_dates(folder: Path) -> set[str]:
    _write(folder, "a.txt", article(1))
    _write(folder, "b.txt", article(2))
    _write(folder, "c.txt", article(3))
    _manifest(folder, "file,published\na.txt,now\nb.txt,today\nc.txt,03/12/2014\n")
    return {"a.txt", "b.txt", "c.txt"}


def manifest_messy_columns(folder: Path) -> set[str]:
    _write(folder, "a.txt", article(1))
    _manifest(folder, " File ;OUTLET ; Published\na.txt;Portville Courier;2014-12-03\n")
    return {"a.txt"}


def manifest_tab_utf16(folder: Path) -> set[str]:
    _write(folder, "a.txt", article(1))
    _manifest(folder, "file\toutlet\na.txt\tCour\u00e9ier\n", encoding="utf-16")
    return {"a.txt"}


def manifest_cp1252(folder: Path) -> set[str]:
    _write(folder, "a.txt", article(1))
    _manifest(folder, "file,outlet\na.txt,Le Courrier de l\u2019\u00c9t\u00e9\n", encoding="cp1252")
    return {"a.txt"}


def manifest_fifo(folder: Path) -> set[str]:
    _write(folder, "a.txt", article(1))
    os.mkfifo(folder / "manifest.csv")
    return {"a.txt"}


def fifo_article(folder: Path) -> set[str]:
    _write(folder, "a.txt", article(1))
    os.mkfifo(folder / "pipe.txt")
    return {"a.txt", "pipe.txt"}


def dev_zero(folder: Path) -> set[str]:
    _write(folder, "a.txt", article(1))
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink("/dev/urandom", folder / "random.txt")
    return {"a.txt", "zero.txt", "random.txt"}


def silent_drops(folder: Path) -> set[str]:
    _write(folder, "a.txt", article(1))
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf")
    (folder / "x.txt").mkdir()
    (folder / "sub").mkdir()
    os.symlink(folder / "sub", folder / "linkdir.txt")
    _write(folder, ".hidden.txt", article(2))
    return {"a.txt", "bom.txt", "x.txt", "linkdir.txt", ".hidden.txt", "sub"}


def _data_file_case(name: str, content: bytes | None) -> Callable[[Path], set[str]]:
    def build(folder: Path) -> set[str]:
        _write(folder, "a.txt", article(1))
        _write(folder, "b.txt", article(2))
        if content is None:
            (folder / name).mkdir()
        else:
            (folder / name).write_bytes(content)
        return {"a.txt", "b.txt"}

    build.__name__ = f"{name.split('.')[0]}_{'dir' if content is None else 'bad'}"
    return build


DATA_FILE_CONTENTS = {
    "list": b"- one\n- two\n",
    "latin1": "people:\n  - name: Jos\u00e9\n".encode("latin-1"),
    "invalid": b"people: [unclosed\n  - : :\n",
    "dir": None,
}

CASES: dict[str, Callable[[Path], set[str]]] = {
    "dup_stem_txt_html": dup_stem_txt_html,
    "dup_stem_case": dup_stem_case,
    "non_utf8_name": non_utf8_name,
    "manifest_empty_file": manifest_empty_file,
    "manifest_vocabulary": manifest_vocabulary,
    "manifest_dates_out_of_range": manifest_dates_out_of_range,
    "manifest_clock_dates": manifest_clock_dates,
    "manifest_messy_columns": manifest_messy_columns,
    "manifest_tab_utf16": manifest_tab_utf16,
    "manifest_cp1252": manifest_cp1252,
    "manifest_fifo": manifest_fifo,
    "fifo_article": fifo_article,
    "dev_zero": dev_zero,
    "silent_drops": silent_drops,
}
for _file in ("aliases.yaml", "codebook.yaml", "context.yaml"):
    for _kind, _content in DATA_FILE_CONTENTS.items():
        CASES[f"{_file.split('.')[0]}_{_kind}"] = _data_file_case(_file, _content)
