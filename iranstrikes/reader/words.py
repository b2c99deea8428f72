"""Reader words: the table object and the small pieces every reader table uses.

What belongs here: :class:`Table` (wrapped, left-aligned, no index, escaped), stored values in
words (:func:`words`, from ``resources/reader_words.csv``), dates without times
(:func:`day`, :func:`day_range`), articles as "Outlet, 3 Dec 2014", claims numbered, speakers
by canonical name, the glossary and the sentence around a span.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from ..resources import table as _resource_table

__all__ = [
    "Table", "words", "day", "day_range", "confidence_words", "article_labels", "article_refs_in_words",
    "proposition_labels", "claim_names", "claims_key", "sentence_around", "speaker_names",
    "glossary", "UNKNOWN_OUTLET", "UNKNOWN_DATE", "SOURCE_TYPES",
]  # fmt: skip

UNKNOWN_OUTLET = "unknown outlet"
"""How an article without an outlet is named (bring-your-own folders without a manifest)."""

UNKNOWN_DATE = "date unknown"
"""How a missing date is written."""

SOURCE_TYPES = ("person", "anonymous", "institution")
"""Speaker types that count as sources of a claim (not headlines, not the outlet itself)."""


# --------------------------------------------------------------------------------------
# The table object
# --------------------------------------------------------------------------------------
_CSS = (
    "border-collapse:collapse;width:100%;table-layout:auto;font-size:13px;line-height:1.4;"
    "margin:4px 0 10px 0"
)
_TH = (
    "text-align:left;vertical-align:bottom;padding:4px 8px;border-bottom:2px solid #444;"
    "white-space:normal"
)
_TD = (
    "text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #ddd;"
    "white-space:pre-wrap;word-break:normal;overflow-wrap:break-word;min-width:6em"
)


def _blank(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, (list, tuple, dict)):
        return False
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _cell_text(v: Any) -> str:
    if _blank(v):
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, pd.Timestamp):
        return day(v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


class Table:
    """A reader-facing table: wrapped, left-aligned, no index, every cell HTML-escaped.

    Shown as HTML in JupyterLab and on the static site, as plain aligned text elsewhere.

    Attributes:
        data: The DataFrame shown (columns already in words).
        title: Optional heading shown above the table.
        note: Optional sentence shown under the table.
    """

    def __init__(self, data: pd.DataFrame, title: str = "", note: str = "") -> None:
        self.data = data.reset_index(drop=True)
        self.title = title
        self.note = note

    def __len__(self) -> int:
        return len(self.data)

    def _repr_html_(self) -> str:
        parts = []
        if self.title:
            parts.append(f"<p><strong>{html.escape(self.title)}</strong></p>")
        if self.data.empty and not self.note:
            parts.append("<p><em>Nothing to show.</em></p>")
        elif self.data.empty:
            pass
        else:
            head = "".join(f'<th style="{_TH}">{html.escape(str(c))}</th>' for c in self.data)
            body = "".join(
                "<tr>"
                + "".join(f'<td style="{_TD}">{html.escape(_cell_text(v))}</td>' for v in rec)
                + "</tr>"
                for rec in self.data.itertuples(index=False)
            )
            parts.append(
                f'<table class="iranstrikes-reader" style="{_CSS}"><thead><tr>{head}</tr>'
                f"</thead><tbody>{body}</tbody></table>"
            )
        if self.note:
            parts.append(f'<p style="color:#444">{html.escape(self.note)}</p>')
        return (
            '<div class="iranstrikes-table" style="max-width:100%;overflow-x:auto">'
            + "".join(parts)
            + "</div>"
        )

    def __repr__(self) -> str:
        lines = [self.title] if self.title else []
        if self.data.empty and not self.note:
            lines.append("Nothing to show.")
        for i, rec in enumerate(self.data.itertuples(index=False)):
            if i:
                lines.append("")
            for col, v in zip(self.data.columns, rec, strict=True):
                lines.append(f"{col}: {_cell_text(v)}")
        if self.note:
            lines += ["", self.note] if len(lines) else [self.note]
        return "\n".join(lines)


# --------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------
def words(kind: str, value: Any) -> str:
    """The reader's words for a stored value (``words("stance", "denies") == "says no"``).

    Args:
        kind: Which vocabulary (``stance``, ``speaker_type``, ``speaker_group``, ``form``,
            ``kind``, ``verdict``, ``basis``, ``headline_kind``).
        value: The stored value; ``basis`` values like ``published:url`` use their last part,
            ``event:…`` bases read as ``event``.

    Returns:
        The words; the value itself when the vocabulary has no entry; "" for a missing value.
    """
    if _blank(value):
        return ""
    v = str(value)
    vocab = _vocab().get(kind, {})
    if v in vocab:
        return vocab[v]
    if kind == "basis":
        head, _, tail = v.partition(":")
        if head == "event":
            return vocab.get("event", v)
        if tail in vocab:
            return vocab[tail]
    return v


_VOCAB: dict[str, dict[str, str]] | None = None


def _vocab() -> dict[str, dict[str, str]]:
    global _VOCAB
    if _VOCAB is None:
        out: dict[str, dict[str, str]] = {}
        for r in _resource_table("reader_words"):
            out.setdefault(r["kind"], {})[r["value"]] = r["words"]
        _VOCAB = out
    return _VOCAB


def day(value: Any) -> str:
    """A date as "3 Dec 2014" (no time); :data:`UNKNOWN_DATE` when missing."""
    ts = pd.to_datetime(value, errors="coerce") if not isinstance(value, pd.Timestamp) else value
    if _blank(ts):
        return UNKNOWN_DATE
    return f"{ts.day} {ts:%b %Y}"


def day_range(start: Any, end: Any = None) -> str:
    """A date or an interval in words: "3 Dec 2014", "3–8 Dec 2014", "30 Nov – 3 Dec 2014"."""
    s = pd.to_datetime(start, errors="coerce")
    e = pd.to_datetime(end, errors="coerce") if end is not None else s
    if _blank(s):
        return UNKNOWN_DATE
    if _blank(e) or e.normalize() == s.normalize():
        return day(s)
    if s.year == e.year and s.month == e.month:
        return f"{s.day}–{e.day} {e:%b %Y}"
    if s.year == e.year:
        return f"{s.day} {s:%b} – {e.day} {e:%b %Y}"
    return f"{day(s)} – {day(e)}"


def confidence_words(value: Any) -> str:
    """A 0–1 confidence in words ("high", "medium", "low"), with the number."""
    if _blank(value):
        return ""
    v = float(value)
    level = "high" if v >= 0.75 else "medium" if v >= 0.5 else "low"
    return f"{level} ({v:.0%})"


def article_labels(corpus: Any) -> dict[str, str]:
    """``article_id`` → "Outlet, 3 Dec 2014" (a number is added when two labels collide).

    An article dated only to a range of days reads "Outlet, 3–8 Dec 2014".

    A missing outlet reads :data:`UNKNOWN_OUTLET`; a missing date :data:`UNKNOWN_DATE`.
    """
    arts = getattr(corpus, "articles", None)
    if arts is None or arts.empty:
        return {}
    arts = arts.sort_values(["published", "article_id"], na_position="last", kind="stable")
    latest = arts["published_latest"] if "published_latest" in arts else arts["published"]
    heads = arts["headline"] if "headline" in arts else pd.Series([None] * len(arts))
    files = arts["source_path"] if "source_path" in arts else pd.Series([None] * len(arts))
    base = {}
    for aid, outlet, pub, last in zip(
        arts["article_id"], arts["outlet"], arts["published"], latest, strict=True
    ):
        name = outlet if isinstance(outlet, str) and outlet.strip() else UNKNOWN_OUTLET
        base[str(aid)] = f"{name}, {day_range(pub, last)}"
    counts = pd.Series(list(base.values())).value_counts()
    labels: dict[str, str] = {}
    seen: dict[str, int] = {}
    for aid, head, file in zip(arts["article_id"], heads, files, strict=True):
        label = base[str(aid)]
        if counts[label] > 1:  # two articles would read the same: add what tells them apart
            if isinstance(head, str) and head.strip():
                label = f"{label}: {' '.join(head.split())}"
            elif isinstance(file, str) and file:
                label = f"{label} ({file.replace(chr(92), '/').rsplit('/', 1)[-1]})"
        seen[label] = seen.get(label, 0) + 1
        labels[str(aid)] = label if seen[label] == 1 else f"{label} ({seen[label]})"
    return labels


def article_refs_in_words(corpus: Any, text: Any) -> str:
    """Coder's notes in words: article numbers ("001/002", "(004)") become outlet names.

    A standalone three-digit number that is the number of one of the corpus's articles (the
    part of its ``article_id`` before the underscore) is replaced by the article's outlet, or
    by its whole label ("Outlet, 3 Dec 2014") when two articles share the outlet. Any other
    number is left alone.
    """
    import re

    if not isinstance(text, str):
        return ""
    arts = getattr(corpus, "articles", None)
    if arts is None or arts.empty:
        return text
    labels = article_labels(corpus)
    outlets = {str(a): o for a, o in zip(arts["article_id"], arts["outlet"], strict=True)}
    counts = pd.Series([o for o in outlets.values() if isinstance(o, str)]).value_counts()
    names = {}
    for aid, label in labels.items():
        number = aid.split("_", 1)[0]
        outlet = outlets.get(aid)
        unique = isinstance(outlet, str) and outlet.strip() and counts.get(outlet, 0) == 1
        names[number] = outlet if unique else label
    return re.sub(
        r"(?<![\w.:-])(\d{3})(?![\w:-])", lambda m: names.get(m.group(1), m.group(1)), text
    )


def proposition_labels(corpus: Any) -> dict[str, str]:
    """``proposition_id`` → the proposition in words.

    Its ``label`` when the propositions frame has one, else its full text.
    """
    props = getattr(corpus, "propositions", None)
    if props is None or props.empty:
        return {}
    col = "label" if "label" in props.columns else "text"
    out = {}
    for pid, text, full in zip(props["proposition_id"], props[col], props["text"], strict=True):
        t = text if isinstance(text, str) and text.strip() else full
        out[str(pid)] = " ".join(str(t).split()) if isinstance(t, str) else str(pid)
    return out


def claim_names(corpus: Any) -> dict[str, str]:
    """``proposition_id`` → "claim 1", "claim 2", … in codebook order.

    The short name every table, chart and activity of the series uses.
    """
    return {pid: f"claim {i}" for i, pid in enumerate(proposition_labels(corpus), start=1)}


def claims_key(corpus: Any) -> Table:
    """The claims (propositions) the codebook checks, numbered, in full."""
    props = proposition_labels(corpus)
    if not props:
        return Table(pd.DataFrame(), note="No codebook: no claims to check.")
    names = claim_names(corpus)
    return Table(
        pd.DataFrame(
            {"Claim": [names[p].capitalize() for p in props], "In full": list(props.values())}
        )
    )


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding ``text[start:end]``, with that span in [brackets]."""
    import re

    left = 0
    for m in re.finditer(r"[.!?][\"'”’)]*\s+|\n\s*\n", text[:start]):
        left = m.end()
    m = re.search(r"[.!?](?=[\"'”’)]*(\s|$))|\n\s*\n", text[end:])
    right = end + (m.end() if m else len(text) - end)
    s = " ".join(text[left:start].split())
    e = " ".join(text[end:right].split())
    sep = "" if e[:1] in ",.;:!?)”’" else " "
    return f"{s} [{text[start:end]}]{sep}{e}".strip()


def speaker_names(corpus: Any, frame: pd.DataFrame) -> list[str]:
    """The canonical name of each row's speaker (``people.name`` via ``person_id``)."""
    from ..charts.base import canonical_names, canonical_speaker

    pids = frame["person_id"] if "person_id" in frame.columns else [None] * len(frame)
    return canonical_speaker(pids, frame["speaker"], canonical_names(corpus))


def glossary(terms: Sequence[str] | None = None) -> Table:
    """The glossary of the series (or the given terms), as a table."""
    rows = [r for r in _resource_table("glossary") if terms is None or r["term"] in terms]
    return Table(
        pd.DataFrame({"Word": [r["term"] for r in rows], "Meaning": [r["meaning"] for r in rows]})
    )


def _frame(corpus: Any, name: str) -> pd.DataFrame:
    df = getattr(corpus, name, None)
    return df if isinstance(df, pd.DataFrame) else pd.DataFrame()


def _join(values: Iterable[Any], sep: str = "\n") -> str:
    return sep.join(dict.fromkeys(str(v) for v in values if not _blank(v) and str(v).strip()))


def coding_rules(corpus: Any) -> dict[int, tuple[str, str]]:
    """Rule number → (name, text) from the corpus's ``coding_rules`` frame.

    The rules are read with the codebook when the corpus is loaded, so the key always
    matches the codings it explains. Empty when the codebook states no rules (or they do
    not load: the loader reports that in ``problems``).
    """
    df = _frame(corpus, "coding_rules")
    if df.empty or not {"rule", "name", "text"} <= set(df.columns):
        return {}
    return {int(r): (n, t) for r, n, t in zip(df["rule"], df["name"], df["text"], strict=True)}


def coding_rules_key(corpus: Any) -> Table:
    """The codebook's coding rules, numbered, in full (what "(rule 3)" in a coder's note means)."""
    rules = coding_rules(corpus)
    if not rules:
        return Table(pd.DataFrame(), note="The codebook states no coding rules.")
    return Table(
        pd.DataFrame(
            {
                "Rule": [f"Rule {n}" for n in rules],
                "Name": [v[0] for v in rules.values()],
                "The rule": [v[1] for v in rules.values()],
            }
        )
    )


def rule_refs_in_words(text: str, rules: dict[int, tuple[str, str]]) -> str:
    """Name the rules a coder's note cites: "(rule 3)" becomes "(rule 3: scope of a denial)"."""
    import re

    def name(m: re.Match) -> str:
        rule = rules.get(int(m.group(2)))
        return f"{m.group(1)}: {rule[0][:1].lower()}{rule[0][1:]}" if rule else m.group(1)

    return re.sub(r"\b((?i:rules?)\s+(\d+))\b(?!\s*:)", name, text)
