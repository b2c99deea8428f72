"""People, groups and institutions: canonical entities, their aliases and their mentions.

What belongs here: reading the curated alias file of a corpus (``aliases.yaml``), matching
names in article bodies and quote speakers to canonical entities (exact, alias, then fuzzy
matching with rapidfuzz; the candidate names of a body are the name mentions of the shared
text model, :mod:`iranstrikes.text`), and building the ``people`` and ``mentions`` frames. This is a
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

from . import resources as _resources
from . import schema

__all__ = [
    "FUZZY_FULL",
    "FUZZY_SURNAME",
    "load_aliases",
    "slug",
    "EntityMatcher",
    "attach_people",
    "canonical_speakers",
    "institution_name",
]

FUZZY_FULL = 88.0
FUZZY_SURNAME = 85.0
KINDS = ("person", "anonymous", "group", "institution", "media")
_SPEAKER_KIND = {
    "person": "person",
    "anonymous": "anonymous",
    "institution": "institution",
    "media": "media",
}


# Leading words stripped to find a bare name: the determiners, then the shared title list (the
# words that only link titles, "of"/"and"/"for"/"the", only between two titles), each with an
# optional dot.
_LINK_WORDS = ("of", "and", "for", "the")


def _leading(words) -> re.Pattern:
    alt = "|".join(re.escape(w) + r"\.?" for w in sorted(set(words), key=lambda w: (-len(w), w)))
    link = "|".join(_LINK_WORDS)
    return re.compile(r"^(?:(?:" + alt + r")\s+(?:(?:" + link + r")\s+(?=[A-Za-z]))?)+", re.I)


_DETERMINERS = re.compile(
    r"^(?:(?:" + "|".join(map(re.escape, _resources.word_list("determiners"))) + r")\s+)+", re.I
)
_TITLE_WORDS = _leading(set(_resources.word_list("titles")) - set(_LINK_WORDS))
_ORGANISATION_WORDS = frozenset(_resources.word_list("organisation_words"))


@functools.lru_cache(maxsize=1 << 16)
def slug(name: str) -> str:
    """A stable ASCII id for a name: ``"Jane O’Neil" -> "jane-o-neil"``."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-zA-Z0-9]+", "-", s).strip("-").lower()
    return s or "unknown"


@functools.lru_cache(maxsize=1 << 16)
def strip_titles(name: str) -> str:
    """Remove leading titles and articles from a name ("Gen. X" -> "X").

    Only when a name is left: a phrase made only of titles ("the foreign minister") or one that
    ends in an organisation word ("State Department") is returned whole, so it never becomes an
    empty key that every other such phrase matches, nor a stray "Department".
    """
    name = name.strip()
    plain = _DETERMINERS.sub("", name).strip()
    if not any(w[:1].isupper() for w in plain.split()):
        return name
    bare = _TITLE_WORDS.sub("", plain).strip()
    words = bare.split()
    if not any(w[:1].isupper() for w in words) or words[-1].casefold() in _ORGANISATION_WORDS:
        return plain
    return bare


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

    def scan(
        self, article_id: str, body: str, name_spans: list[tuple[int, int]] | None = None
    ) -> list[dict]:
        """Find every mention of a curated entity in a body (exact, alias, and fuzzy names).

        ``name_spans``: the candidates for fuzzy matching, :func:`name_spans` of the body's
        text model when the per-article stage computed them already; None computes them here.
        """
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
            if name_spans is None:
                name_spans = _name_spans(body)
            for ns, ne in name_spans:
                if any(s < ne and ns < e for s, e in taken):
                    continue
                name = body[ns:ne]
                pid, method, score = self.match(name)
                if pid is not None and method == "fuzzy":
                    rows.append(
                        {
                            "person_id": pid,
                            "article_id": article_id,
                            "mention": name,
                            "start": ns,
                            "end": ne,
                            "method": "fuzzy",
                            "score": score,
                        }
                    )
        return rows


def _name_spans(body: str) -> list[tuple[int, int]]:
    """:func:`name_spans` of the text model of ``body`` (built here)."""
    from . import text as _text

    return name_spans(_text.model(body))


def name_spans(text_model) -> list[tuple[int, int]]:
    """(start, end) of the personal name of every name mention of a text model.

    The shared text model (:mod:`iranstrikes.text`) reads the names ("Foreign Ministry
    spokeswoman Anna Berg" -> "Anna Berg", titles off); only names of two words or more are
    candidates for fuzzy matching (a lone surname is matched exactly or by alias only). The
    per-article stage computes these from the model it builds anyway (``Corpus.name_spans``),
    so the cross-article people step does not build every article's model a second time.
    """
    out = []
    for m in text_model.mentions:
        if m.kind not in {"name", "title_name"} or len(m.name.split()) < 2:
            continue
        k = m.text.rfind(m.name)
        if k < 0:
            continue
        out.append((m.start + k, m.start + k + len(m.name)))
    return out


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
    spans = getattr(corpus, "name_spans", None) or {}
    for aid, body in zip(corpus.articles["article_id"], corpus.articles["body"], strict=True):
        mentions += matcher.scan(aid, body, spans.get(aid))
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

    article_ids = q["article_id"].tolist() if n and "article_id" in q else [""] * n
    unnamed = _UnnamedSources()
    for aid, raw_speaker, mention, stype in zip(
        article_ids, speakers, mentions_col, types, strict=True
    ):
        speaker = raw_speaker if isinstance(raw_speaker, str) and raw_speaker else None
        pid, method, score = match(speaker)
        if pid is None and isinstance(mention, str):
            pid, method, score = match(mention)
        if pid is None and speaker:
            kind = _SPEAKER_KIND.get(stype, "person") if isinstance(stype, str) else "person"
            if kind == "anonymous":
                # one "unnamed source" per article for compatible descriptions; never merged
                # across articles (only curated aliases do that)
                pid, name = unnamed.assign(str(aid), speaker)
            else:
                name = institution_name(speaker) if kind == "institution" else None
                name = name or strip_titles(speaker) or speaker
                pid = slug(name)
            d = derived.setdefault(
                pid,
                {
                    "name": name,
                    "kind": kind,
                    "aliases": set(),
                    "titles": set(),
                },
            )
            if kind == "anonymous":
                d["name"] = unnamed.name_of(pid)
                d["aliases"].add(speaker)
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


# -- derived entities: unnamed sources and institutions -------------------------------------
_GENERIC_DESC = frozenset(
    [
        "a",
        "an",
        "the",
        "one",
        "two",
        "three",
        "four",
        "several",
        "some",
        "many",
        "other",
        "senior",
        "top",
        "high",
        "ranking",
        "high-ranking",
        "leading",
        "key",
        "unnamed",
        "anonymous",
        "unidentified",
        "former",
        "current",
    ]
)


def _desc_parts(desc: str) -> tuple[str, frozenset[str]]:
    """(head noun, specific modifiers) of an anonymous description, case-folded.

    "a senior Iranian official" -> ("official", {"iranian"}); plural heads are folded.
    """
    toks = [t.strip(".,'’").casefold() for t in re.split(r"[\s]+", desc) if t.strip(".,'’")]
    cut = next(
        (i for i, t in enumerate(toks) if t in {"of", "from", "with", "familiar", "who"}), None
    )
    core, rest = (toks[:cut], toks[cut:]) if cut is not None else (toks, [])
    if not core:
        return "", frozenset()
    head = core[-1]
    if len(head) > 3 and head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    mods = {t for t in core[:-1] if t not in _GENERIC_DESC}
    mods |= {t for t in rest if t not in _GENERIC_DESC and t not in {"of", "from", "with", "who"}}
    return head, frozenset(mods)


class _UnnamedSources:
    """Per-article clusters of the descriptions of unnamed sources.

    "senior Iranian official", "the official" and "unnamed Iranian official" in one article
    are one unnamed source.

    Two descriptions in one article join when they have the same head noun (singular and
    plural folded) and the specific modifiers of one contain the other's ("senior official"
    and "senior Iranian official"); conflicting modifiers ("U.S. officials", "Iranian
    official") keep them apart. Clusters never span articles.
    """

    def __init__(self) -> None:
        self._clusters: dict[str, list[dict]] = defaultdict(list)
        self._names: dict[str, str] = {}

    def assign(self, article_id: str, desc: str) -> tuple[str, str]:
        head, mods = _desc_parts(desc)
        clusters = self._clusters[article_id]
        for c in clusters:
            if c["head"] == head and (mods <= c["mods"] or c["mods"] <= mods):
                if len(mods) > len(c["mods"]):
                    c["mods"], c["name"] = mods, _clean_unnamed(desc)
                    self._names[c["pid"]] = c["name"]
                return c["pid"], c["name"]
        pid = f"unnamed-{slug(article_id)}-{len(clusters) + 1}"
        c = {"head": head, "mods": mods, "pid": pid, "name": _clean_unnamed(desc)}
        clusters.append(c)
        self._names[pid] = c["name"]
        return pid, c["name"]

    def name_of(self, pid: str) -> str:
        return self._names[pid]


def _clean_unnamed(desc: str) -> str:
    return re.sub(r"^(?:a|an|the|one)\s+", "", desc.strip(), flags=re.I) or desc


@functools.cache
def _countries() -> dict[str, str]:
    from . import resources

    return {
        c.casefold(): c for c in resources.word_list("countries") + resources.word_list("regions")
    }


_GOVERNMENT_RE = re.compile(
    r"^(?:the\s+)?(?P<adj>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:[’']s)?\s+"
    r"(?:government|administration|regime|state|leadership)$"
)


def institution_name(speaker: str) -> str | None:
    """A state speaking as itself, named by its country: "Iranian government" -> "Iran".

    Only when the adjective (or possessive) plainly names a country of
    ``resources/countries.txt`` (the country's name, or an adjective starting with it); the
    country keeps the case it has in the text.
    """
    m = _GOVERNMENT_RE.match(speaker.strip())
    if not m:
        return None
    adj = m.group("adj")
    low = adj.casefold()
    countries = _countries()
    if low in countries:
        return adj
    for c in countries:
        if len(c) >= 4 and low.startswith(c) and low[len(c) :] in {"ian", "i", "n", "ese", "an"}:
            return adj[: len(c)]
    return None


def canonical_speakers(quotes: pd.DataFrame, people: pd.DataFrame | None) -> pd.DataFrame:
    """Quotes with ``person_id`` and ``person_name`` (the canonical person's name).

    Every table or chart that groups statements by speaker should group by ``person_id`` and
    show ``person_name``: two transliterations of one name ("Marziyeh"/"Marzieh" spellings of a
    given name, matched through the corpus's aliases) are one row, and so are the
    descriptions of one unnamed source within an article. Quotes without a ``person_id``
    (none attached yet, or no speaker) keep their ``speaker`` as the name.

    Args:
        quotes: a quotes frame (``corpus.quotes``); ``person_id`` is used when present.
        people: the ``people`` frame (``corpus.people``), or None.

    Returns:
        A copy of ``quotes`` with ``person_id`` and ``person_name`` (string dtype).
    """
    q = quotes.copy()
    if "person_id" not in q:
        q["person_id"] = pd.array([None] * len(q), dtype="string")
    names: dict[str, str] = {}
    if people is not None and len(people) and {"person_id", "name"} <= set(people.columns):
        names = dict(zip(people["person_id"].astype(str), people["name"].astype(str), strict=True))
    pids = q["person_id"].tolist()
    spk = q["speaker"].tolist() if "speaker" in q else [None] * len(q)
    out = []
    for pid, s in zip(pids, spk, strict=True):
        name = names.get(pid) if isinstance(pid, str) else None
        out.append(name or (s if isinstance(s, str) and s else None))
    q["person_name"] = pd.array(out, dtype="string")
    return q
