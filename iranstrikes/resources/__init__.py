"""Language knowledge as data: the word lists every extractor shares.

What belongs here: plain lists (``.txt``, one entry a line) and small tables (``.csv``) of
English language knowledge — reporting verbs, titles, anonymity words, organisation words,
countries and nationalities, month and weekday names — each file opening with a ``#`` comment
header that says what the list is for and who reads it. This module only *reads* them; the
engines that use them live in the subpackages named for their nouns (``text``, ``quotes``,
``chronology``). Knowledge about a particular corpus (outlets of the seeds, aliases, the claims
codebook) does not belong here: it lives in the corpus folder's data files.

Every loader is cached, so a list is parsed once per process and shared by all modules.
"""

from __future__ import annotations

import csv
import functools
import re
from importlib import resources as _res

__all__ = [
    "word_list",
    "word_set",
    "table",
    "months",
    "weekdays",
    "weekday_names",
    "month_names",
    "first_name_genders",
    "resource_text",
    "conjunctions",
    "conjunction_pattern",
]


def resource_text(name: str) -> str:
    """The text of resource file ``name`` (e.g. ``"months.csv"``)."""
    path = _res.files(__name__) / name
    if not path.is_file():
        raise FileNotFoundError(
            f"Language resource {name!r} is missing from iranstrikes/resources/; "
            "reinstall the package or restore the file."
        )
    return path.read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    out = []
    for raw in resource_text(name).splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        out.append(line)
    return out


@functools.cache
def word_list(name: str) -> tuple[str, ...]:
    """Entries of a one-entry-a-line list, in file order (comments and blanks skipped).

    ``name`` is the file name without ``.txt``. Entries are stripped but keep their case.
    """
    return tuple(_lines(f"{name}.txt"))


@functools.cache
def word_set(name: str, lower: bool = True) -> frozenset[str]:
    """Entries of ``name.txt`` as a set (lower-cased unless ``lower=False``)."""
    words = word_list(name)
    return frozenset(w.lower() for w in words) if lower else frozenset(words)


@functools.cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``name.csv`` as dicts (``#`` comment lines before the header are skipped)."""
    rows = [
        ln for ln in resource_text(f"{name}.csv").splitlines() if not ln.lstrip().startswith("#")
    ]
    return tuple(dict(r) for r in csv.DictReader(rows))


@functools.cache
def title_abbreviations() -> dict[str, str]:
    """``title_abbreviations.csv`` as a dict: abbreviation -> the title it stands for."""
    return {r["abbreviation"]: r["title"] for r in table("title_abbreviations")}


@functools.cache
def conjunctions(*roles: str) -> tuple[str, ...]:
    """Words of ``clause_conjunctions.csv`` with one of ``roles``, in file order.

    No ``roles``: every word. An unknown role is an error naming the roles the file has.
    """
    rows = table("clause_conjunctions")
    known = {r["role"] for r in rows}
    unknown = set(roles) - known
    if unknown:
        raise ValueError(
            f"Unknown conjunction role(s) {sorted(unknown)}; clause_conjunctions.csv has "
            f"{sorted(known)}."
        )
    return tuple(r["word"] for r in rows if not roles or r["role"] in roles)


@functools.cache
def conjunction_pattern(*roles: str) -> str:
    r"""A regex alternation of :func:`conjunctions` (``"while|even\s+as|..."``).

    The words are escaped; a two-word entry matches any blank between its words.
    """
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in conjunctions(*roles))


@functools.cache
def months() -> dict[str, int]:
    """Month names and abbreviations (lower case, no dot) to month number 1–12."""
    return {r["name"].lower(): int(r["number"]) for r in table("months")}


@functools.cache
def weekdays() -> dict[str, int]:
    """Weekday names and abbreviations (lower case, no dot) to Python weekday 0 (Mon)–6."""
    return {r["name"].lower(): int(r["number"]) for r in table("weekdays")}


@functools.cache
def weekday_names() -> tuple[str, ...]:
    """The seven weekday names, capitalised, Monday first ("Monday", …, "Sunday")."""
    full = {n: d for n, d in weekdays().items() if n.endswith("day")}
    return tuple(n.capitalize() for n, _ in sorted(full.items(), key=lambda kv: kv[1]))


@functools.cache
def month_names() -> tuple[str, ...]:
    """The twelve month names, capitalised, January first (the longest name of each month)."""
    best: dict[int, str] = {}
    for name, num in months().items():
        if len(name) > len(best.get(num, "")):
            best[num] = name
    return tuple(best[n].capitalize() for n in sorted(best))


@functools.cache
def first_name_genders() -> dict[str, str]:
    """First names (lower case) strongly associated with one gender, to "m" or "f".

    For pronoun agreement only (``first_names.csv`` says where the list comes from).
    """
    return {r["name"]: r["gender"] for r in table("first_names")}
