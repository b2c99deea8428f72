"""The one declaration of every table the package produces.

What belongs here: for each frame of a :class:`~iranstrikes.corpus.Corpus`, the columns in
order, their dtype, their meaning and their allowed values. The loader uses it to give every
frame the same shape (:func:`conform`), validation uses it through pandera (:func:`validate`),
and the data dictionary in ``docs/data_dictionary.md`` is generated from it
(:func:`data_dictionary_markdown`). Nothing else: no parsing, no analysis.

Dtypes are pandas extension dtypes so that missing values are explicit (``pd.NA`` / ``NaT``):
``string``, ``Int64``, ``Float64``, ``boolean`` and ``datetime64[ns]`` (dates at day resolution).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

__all__ = [
    "Column",
    "FRAMES",
    "PUBLISHED_BASES",
    "conform",
    "data_dictionary_markdown",
    "empty",
    "validate",
]

PUBLISHED_BASES = ("manifest", "url", "dateline", "text", "inferred", "unknown")
SEVERITIES = ("error", "warning", "info")
QUOTE_KINDS = ("direct", "indirect", "partial")
SPEAKER_TYPES = ("person", "anonymous", "institution", "media", "unknown")
PERSON_KINDS = ("person", "anonymous", "group", "institution", "media")
STANCES = ("affirms", "denies", "neither")
STANCE_SOURCES = ("codebook", "auto")


@dataclass(frozen=True)
class Column:
    """One column of one frame.

    Attributes:
        name: Column name.
        dtype: pandas dtype string (``string``, ``Int64``, ``Float64``, ``boolean``,
            ``datetime64[ns]``).
        description: What the value means and how it was obtained.
        allowed: Allowed values, if the column is categorical.
        nullable: Whether missing values are allowed.
        unique: Whether values must be unique within the frame.
    """

    name: str
    dtype: str
    description: str
    allowed: tuple[str, ...] | None = None
    nullable: bool = True
    unique: bool = False


@dataclass(frozen=True)
class Frame:
    """A frame: its meaning and its columns."""

    name: str
    description: str
    columns: tuple[Column, ...] = field(default_factory=tuple)

    @property
    def names(self) -> list[str]:
        """Column names in order."""
        return [c.name for c in self.columns]


def _c(name, dtype, description, allowed=None, nullable=True, unique=False) -> Column:
    return Column(name, dtype, description, allowed, nullable, unique)


_SPAN = "Offset into `articles.body` (Python string index)"

FRAMES: dict[str, Frame] = {
    f.name: f
    for f in [
        Frame(
            "articles",
            "One row per article file that could be read. Curated values come from the "
            "corpus manifest (each with its source); the rest is derived from the text.",
            (
                _c(
                    "article_id",
                    "string",
                    "File stem; the key of every other frame.",
                    nullable=False,
                    unique=True,
                ),
                _c(
                    "outlet",
                    "string",
                    "Outlet that published this copy (manifest, else a known outlet named in the dateline).",
                ),
                _c(
                    "original_outlet",
                    "string",
                    "Outlet that first published the article when this copy is a reprint.",
                ),
                _c("outlet_country", "string", "Country where the outlet is based (manifest)."),
                _c(
                    "outlet_ownership",
                    "string",
                    "Ownership or affiliation of the outlet (manifest).",
                    (
                        "state-owned",
                        "state-affiliated",
                        "private",
                        "non-profit",
                        "public-service",
                        "unknown",
                    ),
                ),
                _c("url", "string", "Canonical URL of the article (manifest)."),
                _c(
                    "headline",
                    "string",
                    "Headline as printed; missing when the text has none (a lede is never promoted).",
                ),
                _c("byline", "string", "Author(s) as printed after 'By'."),
                _c("dateline", "string", "Dateline as printed, e.g. 'TEHRAN (FNA)-'."),
                _c("dateline_place", "string", "Place named in the dateline."),
                _c(
                    "published",
                    "datetime64[ns]",
                    "Publication day, or the lower bound of the inferred range when published_basis is 'inferred'.",
                ),
                _c(
                    "published_latest",
                    "datetime64[ns]",
                    "Upper bound of the publication range (equal to `published` when exact).",
                ),
                _c(
                    "published_basis",
                    "string",
                    "How `published` was established.",
                    PUBLISHED_BASES,
                    nullable=False,
                ),
                _c("published_evidence", "string", "The text, URL or reasoning the date rests on."),
                _c(
                    "body",
                    "string",
                    "Clean article text (page chrome removed); all offsets point into it.",
                    nullable=False,
                ),
                _c("lede", "string", "First paragraph of the body."),
                _c("n_words", "Int64", "Number of words in `body`.", nullable=False),
                _c("n_paragraphs", "Int64", "Number of paragraphs in `body`.", nullable=False),
                _c(
                    "n_chrome_lines",
                    "Int64",
                    "Lines of page chrome removed by normalisation.",
                    nullable=False,
                ),
                _c(
                    "source_path",
                    "string",
                    "Path of the file the article was read from.",
                    nullable=False,
                ),
                _c("sha256", "string", "SHA-256 of the raw bytes of the file.", nullable=False),
                _c(
                    "encoding", "string", "Text encoding the file was decoded with.", nullable=False
                ),
                _c("format", "string", "Input format.", ("text", "html"), nullable=False),
            ),
        ),
        Frame(
            "paragraphs",
            "Paragraphs of each article body, with offsets.",
            (
                _c("article_id", "string", "Article.", nullable=False),
                _c("n", "Int64", "Paragraph number, from 0.", nullable=False),
                _c("start", "Int64", _SPAN + " where the paragraph starts.", nullable=False),
                _c("end", "Int64", _SPAN + " where the paragraph ends.", nullable=False),
                _c("text", "string", "Paragraph text (= body[start:end]).", nullable=False),
            ),
        ),
        Frame(
            "problems",
            "Everything the loader could not fully read. Nothing is dropped silently: a file "
            "either has a row in `articles`, or an error row here, or both.",
            (
                _c("file", "string", "File name (relative to the corpus folder).", nullable=False),
                _c("article_id", "string", "Article id when the file was loaded."),
                _c(
                    "severity",
                    "string",
                    "error: not loaded; warning: loaded with a caveat; info: note.",
                    SEVERITIES,
                    nullable=False,
                ),
                _c(
                    "code",
                    "string",
                    "Short machine-readable code, e.g. 'empty', 'binary', 'duplicate'.",
                    nullable=False,
                ),
                _c("message", "string", "What happened and what to do next.", nullable=False),
            ),
        ),
        Frame(
            "quotes",
            "One row per attributed statement (direct, indirect or partial quote).",
            (
                _c("quote_id", "string", "`<article_id>:q<NNN>`.", nullable=False, unique=True),
                _c("article_id", "string", "Article.", nullable=False),
                _c(
                    "kind",
                    "string",
                    "direct: in quotation marks; indirect: reported speech; partial: a quoted fragment inside reported speech.",
                    QUOTE_KINDS,
                    nullable=False,
                ),
                _c("quote", "string", "The words (= body[start:end]).", nullable=False),
                _c("start", "Int64", _SPAN + ".", nullable=False),
                _c("end", "Int64", _SPAN + ".", nullable=False),
                _c(
                    "speaker",
                    "string",
                    "Best canonical name within the article (pronouns and descriptions resolved).",
                ),
                _c(
                    "speaker_mention",
                    "string",
                    "The speaker as written: a name, a pronoun, or a description with the "
                    'phrases that say whose it is ("a spokesman for X", "officials who ...").',
                ),
                _c("speaker_start", "Int64", _SPAN + " of speaker_mention (-1 if none)."),
                _c("speaker_end", "Int64", _SPAN + " of speaker_mention (-1 if none)."),
                _c("speaker_type", "string", "Kind of source.", SPEAKER_TYPES),
                _c("cue", "string", "Reporting verb or phrase as written."),
                _c("cue_start", "Int64", _SPAN + " of the cue."),
                _c("cue_end", "Int64", _SPAN + " of the cue."),
                _c(
                    "via",
                    "string",
                    "Intermediary outlet the words came through (canonical); empty when first-hand.",
                ),
                _c("via_mention", "string", "The intermediary as written."),
                _c("via_start", "Int64", _SPAN + " of via_mention."),
                _c("via_end", "Int64", _SPAN + " of via_mention."),
                _c(
                    "via_chain",
                    "string",
                    "Hands the words passed through, outermost first, joined by ' ← ' "
                    "(publisher ← reprinting outlet ← agency ← speaker); empty when first-hand.",
                ),
                _c(
                    "via_chain_spans",
                    "string",
                    "Evidence of each via_chain link: 'start-end' offsets joined by ';' "
                    "(empty for a link the text does not name, e.g. the publisher).",
                ),
                _c("sentence_start", "Int64", _SPAN + " of the sentence holding the attribution."),
                _c("sentence_end", "Int64", _SPAN + " of the sentence holding the attribution."),
                _c("method", "string", "Rule that produced the row."),
                _c("confidence", "Float64", "Confidence of the rule, 0-1."),
                _c(
                    "person_id",
                    "string",
                    "Canonical person or group (see `people`), cross-article.",
                ),
                _c(
                    "quote_group",
                    "string",
                    "Near-identical quotes across articles share a group id.",
                ),
            ),
        ),
        Frame(
            "people",
            "Canonical people, groups, institutions and media, with aliases.",
            (
                _c(
                    "person_id",
                    "string",
                    "Stable id (slug of the canonical name).",
                    nullable=False,
                    unique=True,
                ),
                _c("name", "string", "Canonical name.", nullable=False),
                _c("kind", "string", "What the entity is.", PERSON_KINDS, nullable=False),
                _c("titles", "string", "Titles and roles seen or curated, '|'-joined."),
                _c("aliases", "string", "Name variants, '|'-joined and sorted."),
                _c("n_mentions", "Int64", "Number of mentions in the corpus.", nullable=False),
                _c("n_quotes", "Int64", "Number of quotes attributed.", nullable=False),
                _c(
                    "source",
                    "string",
                    "curated: from the corpus aliases file; derived: from the text only.",
                    ("curated", "derived"),
                    nullable=False,
                ),
                _c(
                    "evidence",
                    "string",
                    "Evidence for curated entries (a quote from the text or a URL).",
                ),
            ),
        ),
        Frame(
            "mentions",
            "Every mention of a canonical entity in an article body.",
            (
                _c("person_id", "string", "Entity.", nullable=False),
                _c("article_id", "string", "Article.", nullable=False),
                _c("mention", "string", "As written (= body[start:end]).", nullable=False),
                _c("start", "Int64", _SPAN + ".", nullable=False),
                _c("end", "Int64", _SPAN + ".", nullable=False),
                _c(
                    "method",
                    "string",
                    "How the mention was matched.",
                    ("exact", "alias", "fuzzy", "speaker"),
                    nullable=False,
                ),
                _c("score", "Float64", "Match score 0-100 (100 for exact/alias)."),
            ),
        ),
        Frame(
            "propagation",
            "For each quote group: which outlets carried it, through which intermediary, first by date.",
            (
                _c("quote_group", "string", "Group of near-identical quotes.", nullable=False),
                _c("quote_id", "string", "A quote in the group.", nullable=False),
                _c("article_id", "string", "Article carrying it.", nullable=False),
                _c("outlet", "string", "Outlet of the article."),
                _c("speaker", "string", "Speaker as attributed in this article."),
                _c("via", "string", "Intermediary named in this article."),
                _c(
                    "via_chain",
                    "string",
                    "Hands the words passed through in this article, outermost first "
                    "(see quotes.via_chain).",
                ),
                _c(
                    "published",
                    "datetime64[ns]",
                    "Publication day (or lower bound) of the article.",
                ),
                _c("published_basis", "string", "Basis of that date.", PUBLISHED_BASES),
                _c(
                    "order",
                    "Int64",
                    "Rank by publication date within the group (0 = first).",
                    nullable=False,
                ),
                _c(
                    "is_first",
                    "boolean",
                    "Whether this article carried the quote first (ties share).",
                    nullable=False,
                ),
                _c("similarity", "Float64", "Similarity to the group's first quote, 0-100."),
            ),
        ),
        Frame(
            "events",
            "One row per dated statement or event in each article.",
            (
                _c("event_id", "string", "`<article_id>:e<NNN>`.", nullable=False, unique=True),
                _c("article_id", "string", "Article.", nullable=False),
                _c("actor", "string", "Actor or speaker as in the text."),
                _c("person_id", "string", "Canonical actor (see `people`)."),
                _c("description", "string", "Short description, from the text."),
                _c("quote_id", "string", "The statement's quote, when the event is a statement."),
                _c(
                    "kind",
                    "string",
                    "statement, event, or stamp (a full date printed alone on a line, such as"
                    " a publication stamp: kept, but not part of the timeline).",
                    ("statement", "event", "stamp"),
                ),
                _c("date_start", "datetime64[ns]", "First possible day."),
                _c(
                    "date_end",
                    "datetime64[ns]",
                    "Last possible day (= date_start for a single day).",
                ),
                _c("date_text", "string", "The date expression as written."),
                _c("date_text_start", "Int64", _SPAN + " of date_text."),
                _c("date_text_end", "Int64", _SPAN + " of date_text."),
                _c("start", "Int64", _SPAN + " of the clause or sentence."),
                _c("end", "Int64", _SPAN + " of the clause or sentence."),
                _c("anchor", "string", "What the date was resolved against."),
                _c("basis", "string", "published:<basis>, event:<event_id>, explicit, or none."),
                _c("confidence", "Float64", "Confidence, 0-1."),
                _c("method", "string", "Rule that produced the row."),
            ),
        ),
        Frame(
            "conflicts",
            "The same event given different dates, across outlets or inside one article.",
            (
                _c("conflict_id", "string", "Id.", nullable=False),
                _c("event_group", "string", "Group of events judged to be the same event."),
                _c("event_ids", "string", "Events, '|'-joined."),
                _c("article_ids", "string", "Articles, '|'-joined."),
                _c("actors", "string", "Actors, '|'-joined."),
                _c("dates", "string", "The conflicting dates as resolved."),
                _c("date_texts", "string", "The date expressions as written."),
                _c("spans", "string", "article_id:start-end of each date expression."),
                _c("reason", "string", "Why this is a conflict."),
            ),
        ),
        Frame(
            "timeline",
            "Real-world events merged across reports.",
            (
                _c("timeline_id", "string", "Id.", nullable=False),
                _c("actor", "string", "Canonical actor."),
                _c("description", "string", "Most representative description."),
                _c("date_start", "datetime64[ns]", "First possible day."),
                _c("date_end", "datetime64[ns]", "Last possible day."),
                _c("has_conflict", "boolean", "Whether the reports disagree on the date."),
                _c("n_reports", "Int64", "Number of reports merged."),
                _c("article_ids", "string", "Articles, '|'-joined."),
                _c("outlets", "string", "Outlets, '|'-joined."),
                _c("event_ids", "string", "Events, '|'-joined."),
                _c("confidence", "Float64", "Confidence, 0-1."),
            ),
        ),
        Frame(
            "propositions",
            "The propositions of the claims codebook.",
            (
                _c("proposition_id", "string", "Id.", nullable=False, unique=True),
                _c("text", "string", "Wording of the proposition.", nullable=False),
            ),
        ),
        Frame(
            "coding_rules",
            "The numbered coding rules of the claims codebook (its rules list): what "
            '"(rule N)" in a coder\'s rationale means.',
            (
                _c(
                    "rule",
                    "Int64",
                    "Rule number, as cited in rationales.",
                    nullable=False,
                    unique=True,
                ),
                _c("name", "string", "A few words naming the rule.", nullable=False),
                _c("text", "string", "The rule in full.", nullable=False),
            ),
        ),
        Frame(
            "stances",
            "Who affirmed or denied what: one row per statement coded on a proposition.",
            (
                _c("stance_id", "string", "Id.", nullable=False, unique=True),
                _c("article_id", "string", "Article.", nullable=False),
                _c("speaker", "string", "Speaker (canonical), or the headline."),
                _c("speaker_type", "string", "Kind of source (headline for headlines and ledes)."),
                _c("person_id", "string", "Canonical speaker."),
                _c("proposition_id", "string", "Proposition.", nullable=False),
                _c("stance", "string", "Stance.", STANCES, nullable=False),
                _c("rationale", "string", "Why."),
                _c("evidence", "string", "Evidence text."),
                _c("evidence_start", "Int64", _SPAN + " of the evidence."),
                _c("evidence_end", "Int64", _SPAN + " of the evidence."),
                _c("quote_id", "string", "Quote overlapping the evidence."),
                _c(
                    "source",
                    "string",
                    "codebook (curated) or auto (rules).",
                    STANCE_SOURCES,
                    nullable=False,
                ),
                _c(
                    "on_record",
                    "boolean",
                    "Named person or institution (not anonymous, not a headline).",
                ),
            ),
        ),
    ]
}


def _pandas_dtype(dtype: str):
    return {
        "string": pd.StringDtype(),
        "Int64": pd.Int64Dtype(),
        "Float64": pd.Float64Dtype(),
        "boolean": pd.BooleanDtype(),
        "datetime64[ns]": "datetime64[ns]",
    }[dtype]


def empty(name: str) -> pd.DataFrame:
    """Return an empty frame with the declared columns and dtypes.

    Args:
        name: Frame name, a key of :data:`FRAMES`.
    """
    frame = FRAMES[name]
    return pd.DataFrame(
        {c.name: pd.Series([], dtype=_pandas_dtype(c.dtype)) for c in frame.columns}
    )


def conform(name: str, df: pd.DataFrame | None, *, extra: str = "keep") -> pd.DataFrame:
    """Give a frame the declared columns (in order) and dtypes.

    Missing declared columns are added empty. Columns that are not declared are kept after the
    declared ones (``extra="keep"``) or dropped (``extra="drop"``).

    Args:
        name: Frame name, a key of :data:`FRAMES`.
        df: The frame, or None for an empty one.
        extra: What to do with undeclared columns: "keep" or "drop".

    Returns:
        A new DataFrame with a fresh RangeIndex.
    """
    frame = FRAMES[name]
    if df is None:
        df = empty(name)
    out = {}
    n = len(df)
    for col in frame.columns:
        dtype = _pandas_dtype(col.dtype)
        if col.name in df.columns:
            s = df[col.name].reset_index(drop=True)
            if s.dtype == dtype:
                pass  # already conforming: no round trip through Python objects
            elif col.dtype == "datetime64[ns]":
                s = pd.to_datetime(s, errors="coerce").astype("datetime64[ns]")
            elif col.dtype == "string" or col.dtype == "boolean":
                s = s.astype(object).where(s.notna(), None).astype(dtype)
            else:
                s = pd.to_numeric(s, errors="coerce").astype(dtype)
        else:
            s = (
                pd.Series([None] * n, dtype=object).astype(dtype)
                if n
                else pd.Series([], dtype=dtype)
            )
        out[col.name] = s
    result = pd.DataFrame(out)
    if extra == "keep":
        for c in df.columns:
            if c not in out:
                result[c] = df[c].reset_index(drop=True)
    return result


#: Columns whose allowed values are suggestions, not a rule: they hold a user's own curated
#: vocabulary (the loader warns about other values in ``problems`` and keeps them).
OPEN_VOCABULARIES = {("articles", "outlet_ownership")}


def _pandera_schema(name: str):
    import pandera.pandas as pa

    frame = FRAMES[name]
    columns = {}
    for col in frame.columns:
        closed = col.allowed and (name, col.name) not in OPEN_VOCABULARIES
        checks = [pa.Check.isin(list(col.allowed))] if closed else []
        columns[col.name] = pa.Column(
            _pandas_dtype(col.dtype),
            checks=checks,
            nullable=col.nullable,
            unique=col.unique,
            description=col.description,
        )
    return pa.DataFrameSchema(columns, name=name, strict=False, ordered=False)


def validate(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Validate a frame against its declaration with pandera.

    Args:
        name: Frame name, a key of :data:`FRAMES`.
        df: The frame to validate.

    Returns:
        The frame, unchanged.

    Raises:
        pandera.errors.SchemaErrors: listing every failing column and value.
    """
    return _pandera_schema(name).validate(df, lazy=True)


def data_dictionary_markdown() -> str:
    """Render the data dictionary of every frame as Markdown."""
    lines = [
        "# Data dictionary",
        "",
        "Generated from `iranstrikes/schema.py` by `iranstrikes data-dictionary`; do not edit by hand.",
        "",
    ]
    for frame in FRAMES.values():
        lines += [
            f"## `{frame.name}`",
            "",
            frame.description,
            "",
            "| column | dtype | meaning | allowed values |",
            "|---|---|---|---|",
        ]
        for c in frame.columns:
            allowed = ", ".join(c.allowed) if c.allowed else ""
            req = "" if c.nullable else " (required)"
            lines.append(f"| `{c.name}` | {c.dtype}{req} | {c.description} | {allowed} |")
        lines.append("")
    return "\n".join(lines)
