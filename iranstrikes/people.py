"""People, groups and institutions: canonical entities, their aliases and their mentions.

What belongs here: reading the curated alias file of a corpus (``aliases.yaml``), matching
names in article bodies and quote speakers to canonical entities (exact, alias, then fuzzy
matching with rapidfuzz), and building the ``people`` and ``mentions`` frames. This is a
cross-article step: it runs after every article has been processed on its own.

Fuzzy matching threshold: a name matches a canonical name when the full-name similarity
(``rapidfuzz.fuzz.ratio`` on case-folded names) is at least :data:`FUZZY_FULL` *and* the
surnames are at least :data:`FUZZY_SURNAME` similar. Transliteration variants of Persian and
Arabic given names score 92-97 (-iyeh/-ieh, -ss-/-s-, E-/I-) while different people with similar names
score 78-80 (e.g. two surnames differing in two letters); ``tests/test_people.py`` pins
examples of both.
Short aliases (three characters or fewer, e.g. an acronym) match only case-sensitively as
whole words, so "IS" never matches inside ordinary text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pandas as pd
import yaml
from rapidfuzz import fuzz

from . import schema

__all__ = ["FUZZY_FULL", "FUZZY_SURNAME", "load_aliases", "slug", "EntityMatcher", "attach_people"]

FUZZY_FULL = 88.0
FUZZY_SURNAME = 85.0
KINDS = ("person", "anonymous", "group", "institution", "media")
_SPEAKER_KIND = {
    "person": "person",
    "anonymous": "anonymous",
    "institution": "institution",
    "media": "media",
}
_NAME_CANDIDATE = re.compile(
    r"\b[A-Z][a-z'’\-]+(?:\s+(?:al-|bin\s+|de\s+|van\s+)?[A-Z][a-z'’\-]+){1,3}\b"
)
_TITLE_WORDS = re.compile(
    r"^(?:(?:the|a|an|mr\.?|mrs\.?|ms\.?|dr\.?|gen\.?|general|brigadier-general|rear|admiral|adm\.?|"
    r"col\.?|colonel|lt\.?|president|prime|minister|deputy|foreign|spokesman|spokeswoman|spokesperson|"
    r"senator|sen\.?|rep\.?|judge|justice|chief|secretary|ayatollah|sheikh|king|queen|prince)\s+)+",
    re.I,
)


@functools.lru_cache(maxsize=1 << 16)
def slug(name: str) -> str:
    """A stable ASCII id for a name: ``"Jane O’Neil" -> "jane-o-neil"``."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-zA-Z0-9]+", "-", s).strip("-").lower()
    return s or "unknown"


@functools.lru_cache(maxsize=1 << 16)
def strip_titles(name: str) -> str:
    """Remove leading titles and articles from a name ("Gen. X" -> "X")."""
    return _TITLE_WORDS.sub("", name.strip()).strip()


def load_aliases(folder: Path) -> tuple[list[dict], list[dict]]:
    """Read ``aliases.yaml`` of a corpus folder.

    Returns:
        (entries, problems) — each entry a dict with name, kind, titles, aliases, evidence.
    """
    path = Path(folder) / "aliases.yaml"
    if not path.exists():
        return [], []
    problems = []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        return [], [
            {
                "file": "aliases.yaml",
                "article_id": None,
                "severity": "error",
                "code": "aliases-unreadable",
                "message": f"aliases.yaml is not valid YAML ({exc}); curated aliases were not used.",
            }
        ]
    entries = []
    for i, e in enumerate(data.get("people") or []):
        if not isinstance(e, dict) or not e.get("name"):
            problems.append(
                {
                    "file": "aliases.yaml",
                    "article_id": None,
                    "severity": "warning",
                    "code": "aliases-bad-entry",
                    "message": f"Entry {i} of aliases.yaml has no name; it was skipped.",
                }
            )
            continue
        kind = e.get("kind", "person")
        if kind not in KINDS:
            problems.append(
                {
                    "file": "aliases.yaml",
                    "article_id": None,
                    "severity": "warning",
                    "code": "aliases-bad-kind",
                    "message": f"{e['name']!r} has kind {kind!r}; use one of {', '.join(KINDS)}. Treated as person.",
                }
            )
            kind = "person"
        entries.append(
            {
                "name": str(e["name"]),
                "kind": kind,
                "titles": [str(t) for t in e.get("titles") or []],
                "aliases": [str(a) for a in e.get("aliases") or []],
                "evidence": e.get("evidence") or [],
            }
        )
    return entries, problems


class EntityMatcher:
    """Match names to canonical entities: exact, alias, then fuzzy.

    Args:
        entries: Curated entries (see :func:`load_aliases`).
    """

    def __init__(self, entries: list[dict]):
        self.entries = {slug(e["name"]): e for e in entries}
        self._alias: dict[str, str] = {}
        self._alias_exact_case: dict[str, str] = {}
        self._surname: dict[str, set[str]] = defaultdict(set)
        for pid, e in sorted(self.entries.items()):
            for a in [e["name"], *e["aliases"]]:
                if len(a) <= 3 or a.isupper():
                    self._alias_exact_case[a] = pid
                else:
                    self._alias[a.casefold()] = pid
                    self._alias[strip_titles(a).casefold()] = pid
            if e["kind"] == "person":
                self._surname[e["name"].split()[-1].casefold()].add(pid)
        words = sorted(
            {
                *self._alias_exact_case,
                *(a for e in self.entries.values() for a in [e["name"], *e["aliases"]]),
            },
            key=lambda s: (-len(s), s),
        )
        self._scan = None
        if words:
            parts = []
            for w in words:
                esc = re.escape(w)
                parts.append(esc if (len(w) <= 3 or w.isupper()) else esc)
            self._scan = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")
        self._persons = [
            (pid, e["name"].casefold())
            for pid, e in sorted(self.entries.items())
            if e["kind"] == "person"
        ]

    def match(self, name: str | None) -> tuple[str | None, str, float]:
        """Match one name.

        Returns:
            (person_id or None, method, score): method is exact, alias or fuzzy.
        """
        if not name or not isinstance(name, str):
            return None, "", 0.0
        if name in self._alias_exact_case:
            return self._alias_exact_case[name], "alias", 100.0
        key = name.casefold().strip()
        stripped = strip_titles(name).casefold()
        for k in (key, stripped, re.sub(r"^(?:a|an|the)\s+", "", key)):
            if k in self._alias:
                pid = self._alias[k]
                method = "exact" if self.entries[pid]["name"].casefold() == k else "alias"
                return pid, method, 100.0
        tokens = stripped.split()
        if (
            tokens
            and len(tokens) == 1
            and tokens[0] in self._surname
            and len(self._surname[tokens[0]]) == 1
        ):
            return next(iter(self._surname[tokens[0]])), "alias", 100.0
        if len(tokens) >= 2:
            best = (None, 0.0)
            for pid, canon in self._persons:
                full = fuzz.ratio(stripped, canon)
                if full < FUZZY_FULL:
                    continue
                sur = fuzz.ratio(tokens[-1], canon.split()[-1])
                if sur >= FUZZY_SURNAME and full > best[1]:
                    best = (pid, full)
            if best[0] is not None:
                return best[0], "fuzzy", float(best[1])
        return None, "", 0.0

    def scan(self, article_id: str, body: str) -> list[dict]:
        """Find every mention of a curated entity in a body (exact, alias, and fuzzy names)."""
        rows = []
        taken: list[tuple[int, int]] = []
        if self._scan is not None:
            for m in self._scan.finditer(body):
                pid, method, score = self.match(m.group(0))
                if pid is None:
                    continue
                rows.append(
                    {
                        "person_id": pid,
                        "article_id": article_id,
                        "mention": m.group(0),
                        "start": m.start(),
                        "end": m.end(),
                        "method": method,
                        "score": score,
                    }
                )
                taken.append((m.start(), m.end()))
        if self._persons:
            for m in _NAME_CANDIDATE.finditer(body):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                pid, method, score = self.match(m.group(0))
                if pid is not None and method == "fuzzy":
                    rows.append(
                        {
                            "person_id": pid,
                            "article_id": article_id,
                            "mention": m.group(0),
                            "start": m.start(),
                            "end": m.end(),
                            "method": "fuzzy",
                            "score": score,
                        }
                    )
        return rows


def attach_people(corpus, folder: Path) -> None:
    """Cross-article step: build ``people`` and ``mentions`` and set ``quotes.person_id``.

    Speakers that match no curated entry become derived entities keyed by their in-article
    canonical name; anonymous speakers keep their description as the name.
    """
    entries, problems = load_aliases(folder)
    if problems:
        corpus.problems = schema.conform(
            "problems", pd.concat([corpus.problems, pd.DataFrame(problems)], ignore_index=True)
        )
    matcher = EntityMatcher(entries)
    mentions = []
    for aid, body in zip(corpus.articles["article_id"], corpus.articles["body"], strict=True):
        mentions += matcher.scan(aid, body)
    q = corpus.quotes
    derived: dict[str, dict] = {}
    person_ids = []
    n = len(q)
    # Column lists and a memo of matcher.match: a large corpus repeats the same few thousand
    # speaker names, and fuzzy matching is the expensive part.
    speakers = q["speaker"].tolist() if n else []
    mentions_col = q["speaker_mention"].tolist() if n and "speaker_mention" in q else [None] * n
    types = q["speaker_type"].tolist() if n else []
    memo: dict[str | None, tuple] = {}

    def match(name):
        hit = memo.get(name)
        if hit is None:
            hit = memo[name] = matcher.match(name)
        return hit

    for raw_speaker, mention, stype in zip(speakers, mentions_col, types, strict=True):
        speaker = raw_speaker if isinstance(raw_speaker, str) and raw_speaker else None
        pid, method, score = match(speaker)
        if pid is None and isinstance(mention, str):
            pid, method, score = match(mention)
        if pid is None and speaker:
            pid = slug(strip_titles(speaker) or speaker)
            kind = _SPEAKER_KIND.get(stype, "person") if isinstance(stype, str) else "person"
            d = derived.setdefault(
                pid,
                {
                    "name": strip_titles(speaker) or speaker,
                    "kind": kind,
                    "aliases": set(),
                    "titles": set(),
                },
            )
            if isinstance(mention, str) and mention:
                d["aliases"].add(mention)
        person_ids.append(pid)
    if len(q):
        q = q.copy()
        q["person_id"] = pd.array(person_ids, dtype="string")
        corpus.quotes = q
    mentions_df = schema.conform("mentions", pd.DataFrame(mentions) if mentions else None)
    if len(mentions_df):
        mentions_df = mentions_df.sort_values(["article_id", "start", "person_id"]).reset_index(
            drop=True
        )
    corpus.mentions = mentions_df

    n_mentions = mentions_df.groupby("person_id").size().to_dict() if len(mentions_df) else {}
    n_quotes = q.groupby("person_id").size().to_dict() if len(q) else {}
    seen_variants: dict[str, set[str]] = defaultdict(set)
    if len(mentions_df):
        for pid, mention in zip(
            mentions_df["person_id"].tolist(), mentions_df["mention"].tolist(), strict=True
        ):
            seen_variants[pid].add(mention)
    rows = []
    for pid, e in sorted(matcher.entries.items()):
        evidence = "; ".join(
            f"{ev.get('article', '')}: {ev.get('text', ev.get('url', ''))}"
            for ev in e["evidence"]
            if isinstance(ev, dict)
        )
        rows.append(
            {
                "person_id": pid,
                "name": e["name"],
                "kind": e["kind"],
                "titles": "|".join(sorted(set(e["titles"]))),
                "aliases": "|".join(sorted({*e["aliases"], *seen_variants[pid]} - {e["name"]})),
                "n_mentions": n_mentions.get(pid, 0),
                "n_quotes": n_quotes.get(pid, 0),
                "source": "curated",
                "evidence": evidence or None,
            }
        )
    for pid, d in sorted(derived.items()):
        if pid in matcher.entries:
            continue
        rows.append(
            {
                "person_id": pid,
                "name": d["name"],
                "kind": d["kind"],
                "titles": None,
                "aliases": "|".join(sorted(d["aliases"] - {d["name"]})) or None,
                "n_mentions": n_mentions.get(pid, 0),
                "n_quotes": n_quotes.get(pid, 0),
                "source": "derived",
                "evidence": None,
            }
        )
    corpus.people = schema.conform("people", pd.DataFrame(rows) if rows else None)
