"""Hypothesis strategies for random corpus folders, and the loader's invariants.

A folder is a list of entries (random names and suffixes, some sharing a stem, some not valid
UTF-8; random bytes, invented text in random encodings, HTML, empty or BOM-only files;
folders, links to folders, named pipes and links to /dev/zero), an optional manifest (random columns, separators, encodings,
rows and dates) and optional curated data files (random YAML or bytes). Used by
tests/test_fuzz_loader.py (a bounded number of examples in CI) and benchmarks/fuzz_loader.py
(a longer run).
"""

from __future__ import annotations

import os
from pathlib import Path

from hostile_cases import article
from hypothesis import strategies as st

SUFFIXES = [".txt", ".TXT", ".html", ".htm", ".text", ".pdf", ".md", ""]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]
DATES = [
    "2014-12-03",
    "now",
    "today",
    "03/12/2014",
    "13/03/2014",
    "9999-12-31",
    "-0044-03-15",
    "2014-12-03T10:00:00+03:30",
    "not a date",
    "",
    "3 December 2014",
    "2014",
]
OWNERSHIP = ["state-owned", "State-Owned", "public", "", "private", "unknown", "x" * 50]
PIECES = [
    "\u201cWe will decide on Friday,\u201d said Ana Ferreira, the mayor.",
    "Officials said on Monday, Dec. 1, 2014, that talks would resume.",
    'He said: "No." She said "yes" and "maybe", he added.',
    "TEHRAN (FNA)- ",
    "By Tom Reyes\n",
    "\u201c\u201c\u201d\u201d",
    "said said said",
    "<p>para</p>",
    "\x00",
    "\ufeff",
    "\udce9",
    "\r\n",
    "\n\n",
    "   ",
]

stems = st.sampled_from(["story", "a", "b", "Story", "x y", "caf\u00e9", "n\u00b01", "-", "..."])
names = st.one_of(
    st.tuples(stems, st.sampled_from(SUFFIXES)).map(lambda t: t[0] + t[1]),
    st.text(
        st.characters(blacklist_categories=["Cs"], blacklist_characters="/\x00"),
        min_size=1,
        max_size=12,
    ).map(lambda s: s + ".txt"),
    st.just(b"caf\xe9.txt"),
)
texts = st.one_of(
    st.builds(article, st.integers(0, 5)),
    st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
    st.text(max_size=200),
)


@st.composite
def contents(draw) -> bytes:
    kind = draw(st.sampled_from(["text", "bytes", "empty", "bom", "html"]))
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "empty":
        return b""
    if kind == "bom":
        return draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]))
    text = draw(texts)
    if kind == "html":
        text = f"<html><head><title>T</title></head><body><article><p>{text}</p></article></body></html>"
    enc = draw(st.sampled_from(ENCODINGS))
    return text.encode(enc, errors="surrogateescape" if enc == "utf-8" else "replace")


@st.composite
def entries(draw) -> dict:
    return {
        "name": draw(names),
        "kind": draw(st.sampled_from(["file"] * 8 + ["dir", "linkdir", "fifo", "devzero"])),
        "content": draw(contents()),
    }


@st.composite
def manifests(draw, file_names: list[str]) -> bytes | None:
    if draw(st.booleans()):
        return None
    sep = draw(st.sampled_from([",", ";", "\t"]))
    cols = draw(
        st.lists(
            st.sampled_from(
                ["file", " File ", "OUTLET", "published", "outlet_ownership", "url", "x"]
            ),
            min_size=1,
            max_size=5,
            unique=True,
        )
    )
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        row = []
        for c in cols:
            c = c.strip().lower()
            if c == "file":
                row.append(
                    draw(
                        st.sampled_from([*file_names, "", "missing.txt"])
                        if file_names
                        else st.just("")
                    )
                )
            elif c == "published":
                row.append(draw(st.sampled_from(DATES)))
            elif c == "outlet_ownership":
                row.append(draw(st.sampled_from(OWNERSHIP)))
            else:
                row.append(
                    draw(st.text(max_size=12)).replace(sep, " ").replace("\n", " ").replace('"', "")
                )
        rows.append(sep.join(row))
    text = "\n".join([sep.join(cols), *rows]) + "\n"
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


data_files = st.dictionaries(
    st.sampled_from(["aliases.yaml", "codebook.yaml", "context.yaml"]),
    st.one_of(
        st.binary(max_size=80),
        st.sampled_from(
            [
                b"- a\n- b\n",
                b"people: 3\n",
                b"people:\n  - name: Ana Ferreira\n    titles: 7\n",
                b"propositions: []\ncodings: []\n",
                b"context: [{id: 1}]\n",
                b"{",
                b"propositions:\n  - id: [1]\n",
            ]
        ),
    ),
    max_size=2,
)


@st.composite
def folders(draw) -> dict:
    es = draw(st.lists(entries(), max_size=7, unique_by=lambda e: e["name"]))
    file_names = [e["name"] for e in es if isinstance(e["name"], str)]
    return {"entries": es, "manifest": draw(manifests(file_names)), "data": draw(data_files)}


def build(folder: Path, spec: dict) -> set[str]:
    """Write a folder spec; the names (as shown in frames) that must be accounted for."""
    from iranstrikes.corpus.files import CORPUS_DATA_FILES, display_name

    expected = set()
    for e in spec["entries"]:
        name = e["name"]
        path = os.path.join(os.fsencode(folder), name) if isinstance(name, bytes) else folder / name
        shown = display_name(os.fsdecode(name) if isinstance(name, bytes) else name)
        if shown.lower() in CORPUS_DATA_FILES:
            continue
        try:
            if e["kind"] == "file":
                with open(path, "wb") as fh:
                    fh.write(e["content"])
            elif e["kind"] == "dir":
                os.mkdir(path)
            elif e["kind"] == "fifo":
                os.mkfifo(path)
            elif e["kind"] == "devzero":
                os.symlink("/dev/zero", path)
            else:
                target = folder.parent / (folder.name + "-target")
                target.mkdir(exist_ok=True)
                os.symlink(target, path)
        except OSError:  # a name the file system refuses
            continue
        expected.add(shown)
    if spec["manifest"] is not None:
        (folder / "manifest.csv").write_bytes(spec["manifest"])
    for n, content in spec["data"].items():
        (folder / n).write_bytes(content)
    return expected


def check_invariants(corpus, expected: set[str]) -> list[str]:
    """Violations of the loader's invariants (empty when all hold)."""
    from iranstrikes import schema

    out = []
    loaded = {os.path.basename(p) for p in corpus.articles["source_path"]}
    reported = set(corpus.problems["file"].dropna())
    skipped = {r["file"] for r in corpus.skipped}
    missing = expected - loaded - reported - skipped
    if missing:
        out.append(f"not accounted for: {sorted(missing)}")
    for name in ("articles", "paragraphs", "problems", "quotes", "events", "people", "stances"):
        try:
            schema.validate(name, getattr(corpus, name))
        except Exception as exc:  # noqa: BLE001 - reported
            out.append(f"{name} fails its schema: {str(exc)[:300]}")
    return out
