"""Loading a folder of articles into a :class:`Corpus` of tidy DataFrames.

What belongs here: finding the files of a corpus folder, reading its manifest, running the
per-article stage (:func:`process_article`, a pure function of one file's bytes and its
manifest row) serially, on all cores or on Dask, and then the explicit cross-article steps
(publication years, people and aliases, quote propagation, undated articles, conflicts, merged
timeline, stances). The analysis itself lives in the modules named for its nouns
(:mod:`~iranstrikes.normalise`, :mod:`~iranstrikes.quotes`, :mod:`~iranstrikes.people`,
:mod:`~iranstrikes.chronology`, :mod:`~iranstrikes.claims`).
"""

from __future__ import annotations

import functools
import gc
import hashlib
import html
import os
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import schema
from .normalise import decode_bytes, html_to_text, looks_like_html, normalise_text

__all__ = ["Corpus", "load_corpus", "process_article", "seeds_path", "ARTICLE_SUFFIXES"]

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


def seeds_path() -> Path:
    """Folder of the bundled seed corpus, wherever the package is installed.

    In a source checkout or editable install this is the repository's ``seeds/``; in a wheel
    the seeds are packaged as ``iranstrikes/_seeds``.
    """
    packaged = resources.files("iranstrikes") / "_seeds"
    if packaged.is_dir():
        return Path(str(packaged))
    repo = Path(__file__).resolve().parent.parent / "seeds"
    if repo.is_dir():
        return repo
    raise FileNotFoundError(
        "The bundled seed corpus was not found. Reinstall the package (pip install iranstrikes) "
        "or pass the folder of your articles: load_corpus('path/to/articles')."
    )


# --------------------------------------------------------------------------------------
# The Corpus
# --------------------------------------------------------------------------------------
FRAME_NAMES = (
    "articles",
    "paragraphs",
    "problems",
    "quotes",
    "people",
    "mentions",
    "propagation",
    "events",
    "conflicts",
    "timeline",
    "propositions",
    "stances",
    "contradictions",
    "headline_support",
)


@dataclass
class Corpus:
    """A loaded corpus: tidy DataFrames whose every derived value points to its text span.

    Attributes:
        path: Folder the corpus was loaded from.
        articles: One row per article (see the data dictionary).
        paragraphs: Paragraph offsets into ``articles.body``.
        problems: Everything the loader could not fully read.
        quotes: Attributed statements (direct, indirect, partial).
        people: Canonical people, groups and institutions with aliases.
        mentions: Every mention of a canonical entity.
        propagation: Which outlets carried each quote group, first by date.
        events: Dated statements and events.
        conflicts: Events given different dates.
        timeline: Events merged across reports.
        propositions: Claims codebook propositions.
        stances: Who affirmed or denied what.
        contradictions: Pairs of speakers with opposite stances on one proposition.
        headline_support: Whether each headline's claim is supported in its body.
        context: Cited later coverage that is not part of the corpus (from context.yaml).
        timings: Seconds spent in the per-article stage and in each cross-article step of
            the load (not a frame; empty for a corpus reopened with :meth:`from_parquet`).
    """

    path: Path
    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    problems: pd.DataFrame
    quotes: pd.DataFrame = field(default_factory=lambda: schema.empty("quotes"))
    people: pd.DataFrame = field(default_factory=lambda: schema.empty("people"))
    mentions: pd.DataFrame = field(default_factory=lambda: schema.empty("mentions"))
    propagation: pd.DataFrame = field(default_factory=lambda: schema.empty("propagation"))
    events: pd.DataFrame = field(default_factory=lambda: schema.empty("events"))
    conflicts: pd.DataFrame = field(default_factory=lambda: schema.empty("conflicts"))
    timeline: pd.DataFrame = field(default_factory=lambda: schema.empty("timeline"))
    propositions: pd.DataFrame = field(default_factory=lambda: schema.empty("propositions"))
    stances: pd.DataFrame = field(default_factory=lambda: schema.empty("stances"))
    contradictions: pd.DataFrame = field(default_factory=pd.DataFrame)
    headline_support: pd.DataFrame = field(default_factory=pd.DataFrame)
    context: pd.DataFrame = field(default_factory=pd.DataFrame)
    timings: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    def frames(self) -> dict[str, pd.DataFrame]:
        """All frames by name."""
        return {name: getattr(self, name) for name in FRAME_NAMES}

    def article(self, article_id: str) -> pd.Series:
        """One article's row, with a helpful error for an unknown id."""
        hit = self.articles[self.articles["article_id"] == article_id]
        if hit.empty:
            known = ", ".join(self.articles["article_id"].head(10))
            raise KeyError(f"No article {article_id!r} in this corpus. Known ids include: {known}")
        return hit.iloc[0]

    def span(self, article_id: str, start: int, end: int) -> str:
        """The text of ``articles.body[start:end]`` for one article."""
        return str(self.article(article_id)["body"])[int(start) : int(end)]

    def summary(self) -> dict[str, Any]:
        """Counts that describe the corpus at a glance."""
        a = self.articles
        dated = a["published"].notna() if len(a) else pd.Series([], dtype=bool)
        return {
            "path": str(self.path),
            "articles": len(a),
            "outlets": int(a["outlet"].nunique()) if len(a) else 0,
            "first_published": a.loc[dated, "published"].min() if dated.any() else None,
            "last_published": a.loc[dated, "published_latest"]
            .fillna(a.loc[dated, "published"])
            .max()
            if dated.any()
            else None,
            "undated": int((a["published_basis"].isin(["unknown", "inferred"])).sum())
            if len(a)
            else 0,
            "quotes": len(self.quotes),
            "people": len(self.people),
            "events": len(self.events),
            "stances": len(self.stances),
            "problems": len(self.problems),
            "errors": int((self.problems["severity"] == "error").sum())
            if len(self.problems)
            else 0,
        }

    def __repr__(self) -> str:
        s = self.summary()
        span = ""
        if s["first_published"] is not None:
            span = f", {s['first_published']:%Y-%m-%d} to {s['last_published']:%Y-%m-%d}"
        return (
            f"<Corpus {Path(s['path']).name!r}: {s['articles']} articles from {s['outlets']} outlets{span}; "
            f"{s['quotes']} quotes, {s['people']} people, {s['events']} events, {s['stances']} stances; "
            f"{s['problems']} problems ({s['errors']} errors)>"
        )

    def _repr_html_(self) -> str:
        s = self.summary()
        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(str(k))}</th><td style='text-align:left'>{html.escape(str(v))}</td></tr>"
            for k, v in {**s, "path": Path(s["path"]).name}.items()
        )
        hint = ""
        if s["problems"]:
            hint = "<p>Some files could not be fully read: see <code>corpus.problems</code>.</p>"
        return f"<div><strong>iranstrikes Corpus</strong><table>{rows}</table>{hint}</div>"

    def save(self, out: str | os.PathLike, fmt: str | None = None) -> list[Path]:
        """Write every frame to disk.

        Args:
            out: A file (``corpus.json``, ``corpus.xlsx`` is not supported) or a folder.
                ``.csv``/``.parquet``/``.json`` suffix on a file path writes one file per frame
                next to it (``<stem>.<frame>.<suffix>``); a folder gets ``<frame>.<fmt>``.
            fmt: csv, parquet or json; taken from the suffix when omitted.

        Returns:
            The paths written, in frame order.
        """
        out = Path(out)
        fmt = (fmt or out.suffix.lstrip(".") or "parquet").lower()
        if fmt not in ("csv", "parquet", "json"):
            raise ValueError(f"Unknown output format {fmt!r}: use csv, parquet or json.")
        if out.suffix:
            out.parent.mkdir(parents=True, exist_ok=True)
            targets = {name: out.with_name(f"{out.stem}.{name}.{fmt}") for name in FRAME_NAMES}
        else:
            out.mkdir(parents=True, exist_ok=True)
            targets = {name: out / f"{name}.{fmt}" for name in FRAME_NAMES}
        written = []
        for name, df in self.frames().items():
            path = targets[name]
            if fmt == "csv":
                df.to_csv(path, index=False)
            elif fmt == "parquet":
                df.to_parquet(path, index=False)
            else:
                df.to_json(path, orient="records", date_format="iso", indent=1, force_ascii=False)
            written.append(path)
        return written

    def to_parquet(self, out: str | os.PathLike, buckets: int = 16) -> Path:
        """Write every frame as Parquet, the large ones partitioned by article.

        For reopening a big corpus without re-parsing (:meth:`from_parquet`).

        Frames with an ``article_id`` column are split into ``buckets`` files
        ``<frame>/bucket=NN/part.parquet`` by a stable hash of the article id (a pyarrow
        dataset: ``pyarrow.dataset.dataset(out / "quotes", partitioning="hive")`` reads one
        frame lazily); the others are single files ``<frame>.parquet``. Column dtypes and row
        order are kept exactly.

        Args:
            out: Folder to write (created; existing frame files in it are replaced).
            buckets: Number of article buckets of each partitioned frame.

        Returns:
            The folder.
        """
        import json
        import shutil

        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        frames = {**self.frames(), "context": self.context}
        no_columns = [name for name, df in frames.items() if len(df.columns) == 0]
        for name, df in frames.items():
            target = out / name
            if target.is_dir():
                shutil.rmtree(target)
            (out / f"{name}.parquet").unlink(missing_ok=True)
            df = df.reset_index(drop=True)
            if name in no_columns:
                continue
            if "article_id" in df.columns and len(df) and buckets > 1:
                bucket = _buckets(df["article_id"], buckets)
                df = df.assign(_row=np.arange(len(df), dtype="int64"))
                for b in sorted(set(bucket.tolist())):
                    part = target / f"bucket={b:03d}"
                    part.mkdir(parents=True, exist_ok=True)
                    df[bucket == b].to_parquet(part / "part.parquet", index=False)
            else:
                df.to_parquet(out / f"{name}.parquet", index=False)
        meta = {
            "format": "iranstrikes-corpus-parquet-1",
            "path": str(self.path),
            "frames": list(frames),
            "no_columns": no_columns,
        }
        (out / "corpus.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
        return out

    @classmethod
    def from_parquet(cls, folder: str | os.PathLike) -> Corpus:
        """Reopen a corpus written by :meth:`to_parquet` (no article is parsed again).

        Raises:
            FileNotFoundError: when the folder holds no ``corpus.json`` from :meth:`to_parquet`.
        """
        import json

        folder = Path(folder)
        meta_path = folder / "corpus.json"
        if not meta_path.exists():
            raise FileNotFoundError(
                f"{folder} holds no corpus.json: write it with Corpus.to_parquet(folder) first."
            )
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        frames = {}
        for name in meta["frames"]:
            if name in meta.get("no_columns", []):
                frames[name] = pd.DataFrame()
                continue
            single = folder / f"{name}.parquet"
            if single.exists():
                frames[name] = pd.read_parquet(single)
                continue
            parts = sorted((folder / name).glob("bucket=*/part.parquet"))
            df = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
            frames[name] = (
                df.sort_values("_row", kind="stable").drop(columns="_row").reset_index(drop=True)
            )
        context = frames.pop("context", pd.DataFrame())
        return cls(path=Path(meta["path"]), context=context, **frames)


def _buckets(article_ids: pd.Series, n: int) -> np.ndarray:
    """A stable bucket 0..n-1 per article id (the same across runs and machines)."""
    memo: dict[str, int] = {}
    out = np.empty(len(article_ids), dtype="int64")
    for k, a in enumerate(article_ids.astype(str).tolist()):
        b = memo.get(a)
        if b is None:
            b = memo[a] = (
                int.from_bytes(hashlib.blake2b(a.encode(), digest_size=4).digest(), "big") % n
            )
        out[k] = b
    return out


# --------------------------------------------------------------------------------------
# Manifest
# --------------------------------------------------------------------------------------
def read_manifest(folder: Path) -> tuple[pd.DataFrame | None, list[dict]]:
    """Read ``manifest.csv`` of a corpus folder, if there is one.

    Returns:
        (manifest indexed by file name, or None; problem rows)
    """
    path = folder / "manifest.csv"
    if not path.exists():
        return None, []
    problems = []
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        return None, [
            _problem(
                "manifest.csv",
                None,
                "error",
                "manifest-unreadable",
                f"manifest.csv could not be read ({exc}); articles load with fields derived from the text.",
            )
        ]
    if "file" not in df.columns:
        problems.append(
            _problem(
                "manifest.csv",
                None,
                "error",
                "manifest-no-file-column",
                "manifest.csv has no 'file' column, so it cannot be matched to articles; it was ignored.",
            )
        )
        return None, problems
    df = df.replace({"": None})
    dup = df["file"].duplicated(keep="first")
    for f in df.loc[dup, "file"]:
        problems.append(
            _problem(
                "manifest.csv",
                None,
                "warning",
                "manifest-duplicate-row",
                f"manifest.csv lists {f!r} more than once; the first row was used.",
            )
        )
    df = df[~dup].set_index("file", drop=False)
    return df, problems


def _problem(file: str, article_id: str | None, severity: str, code: str, message: str) -> dict:
    return {
        "file": file,
        "article_id": article_id,
        "severity": severity,
        "code": code,
        "message": message,
    }


# --------------------------------------------------------------------------------------
# Per-article stage (pure)
# --------------------------------------------------------------------------------------
@dataclass
class ArticleResult:
    """Everything the per-article stage derives from one file.

    From :func:`process_article`, ``quotes`` and ``events`` are DataFrames. Inside the loader
    (and in its cache) they are *packed*: the quotes as a dict of column lists and the events
    as a list of records, plain Python values that pickle and unpickle several times faster
    than small frames; :func:`_pack` builds one frame of each per chunk of articles.
    """

    article: dict | None
    paragraphs: list[dict]
    problems: list[dict]
    quotes: pd.DataFrame | dict | None = None
    events: pd.DataFrame | list | None = None


def _ts(y: int, m: int, d: int):
    try:
        return pd.Timestamp(year=y, month=m, day=d)
    except ValueError:
        return None


def _parse_date(text: str):
    """``pd.to_datetime(text, errors="coerce")`` for one string, at a fraction of its cost.

    The scalar ``pd.Timestamp`` parser gives the same result for every string it accepts
    (~1 µs instead of ~300 µs); anything it rejects goes to ``pd.to_datetime``.
    """
    try:
        return pd.Timestamp(text)
    except (ValueError, TypeError, OverflowError):
        return pd.to_datetime(text, errors="coerce")


def process_article(
    file_name: str, raw: bytes, manifest_row: dict | None = None, *, extract: bool = True
) -> ArticleResult:
    """Normalise one article file and extract everything that needs only that article.

    A pure function of its arguments: it reads no other file and touches no global state, so
    a corpus can be mapped over processes or partitions.

    Args:
        file_name: Name of the file (its stem becomes ``article_id``).
        raw: The file's bytes.
        manifest_row: The file's manifest row as a dict, if the corpus has one.
        extract: Also extract quotes and events (False: normalisation only).

    Returns:
        An :class:`ArticleResult`.
    """
    return _process_article(file_name, raw, manifest_row, extract=extract)


def _process_article(
    file_name: str,
    raw: bytes,
    manifest_row: dict | None = None,
    *,
    extract: bool = True,
    packed: bool = False,
) -> ArticleResult:
    """:func:`process_article`, optionally with quotes and events packed.

    Args:
        file_name: As for :func:`process_article`.
        raw: As for :func:`process_article`.
        manifest_row: As for :func:`process_article`.
        extract: As for :func:`process_article`.
        packed: Return quotes and events packed (column lists and records, see
            :class:`ArticleResult`), not as frames.

    Returns:
        An :class:`ArticleResult`.
    """
    article_id = Path(file_name).stem
    problems: list[dict] = []
    if len(raw) > MAX_FILE_BYTES:
        problems.append(
            _problem(
                file_name,
                None,
                "error",
                "too-large",
                f"The file is {len(raw) / 1e6:.0f} MB, more than the {MAX_FILE_BYTES / 1e6:.0f} MB limit for one article. Split it into one file per article.",
            )
        )
        return ArticleResult(None, [], problems)
    decoded = decode_bytes(raw)
    for sev, code, msg in decoded.problems:
        problems.append(_problem(file_name, article_id if sev != "error" else None, sev, code, msg))
    if not decoded.text:
        return ArticleResult(None, [], problems)
    if len(raw) > LARGE_FILE_BYTES:
        problems.append(
            _problem(
                file_name,
                article_id,
                "warning",
                "large-file",
                f"The file is {len(raw) / 1e6:.1f} MB, far longer than a news article; it was loaded as one article. If it holds several articles, split it into one file each.",
            )
        )
    text = decoded.text
    fmt = "text"
    html_title = None
    html_source = None
    if looks_like_html(text):
        fmt = "html"
        html_source = text
        text, html_title = html_to_text(text)
        problems.append(
            _problem(
                file_name,
                article_id,
                "info",
                "html",
                "HTML input: the main content was extracted with trafilatura.",
            )
        )
    norm = normalise_text(text)
    if not norm.body.strip():
        problems.append(
            _problem(
                file_name,
                None,
                "error",
                "no-text",
                "No article text was left after removing page chrome. Check that the file holds an article.",
            )
        )
        return ArticleResult(None, [], problems)
    if "\ufffd" in norm.body:
        problems.append(
            _problem(
                file_name,
                article_id,
                "warning",
                "replacement-chars",
                "The text contains U+FFFD replacement characters where bytes could not be decoded.",
            )
        )

    m = {k: v for k, v in (manifest_row or {}).items() if isinstance(v, str) and v.strip()}
    outlet = m.get("outlet")
    if outlet is None and norm.dateline_agency:
        from .quotes import canonical_outlet

        outlet = canonical_outlet(norm.dateline_agency) or norm.dateline_agency
    original = m.get("original_outlet") or norm.original_outlet
    if original and outlet and original.casefold() == outlet.casefold():
        original = None

    # Publication date: manifest > URL > dateline (with year) > printed stamp; else unknown.
    published = None
    basis = "unknown"
    evidence = None
    url = m.get("url")
    if m.get("published"):
        published = _parse_date(m["published"])
        if pd.isna(published):
            problems.append(
                _problem(
                    file_name,
                    article_id,
                    "warning",
                    "manifest-bad-date",
                    f"manifest 'published' value {m['published']!r} is not a date; it was ignored.",
                )
            )
            published = None
        else:
            basis, evidence = "manifest", m.get("published_source") or "manifest.csv"
    from .chronology.published import choose_publication

    pub = choose_publication(
        manifest=published,
        manifest_evidence=evidence,
        url=url,
        html=html_source,
        dateline=norm.dateline,
        dateline_month=norm.dateline_month,
        dateline_day=norm.dateline_day,
        dateline_year=norm.dateline_year,
        years_mentioned=norm.years_mentioned,
        published_text=norm.published_text,
    )
    published, basis, evidence, pending_year = pub.published, pub.basis, pub.evidence, pub.pending
    for code, message in pub.problems:
        problems.append(_problem(file_name, article_id, "warning", code, message))

    lede = None
    if norm.paragraphs:
        s, e = norm.paragraphs[0]
        lede = norm.body[s:e]
    article = {
        "article_id": article_id,
        "outlet": outlet,
        "original_outlet": original,
        "outlet_country": m.get("outlet_country"),
        "outlet_ownership": m.get("outlet_ownership"),
        "url": url,
        "headline": norm.headline or html_title,
        "byline": norm.byline,
        "dateline": norm.dateline,
        "dateline_place": norm.dateline_place,
        "published": published,
        "published_latest": published,
        "published_basis": basis,
        "published_evidence": evidence,
        "body": norm.body,
        "lede": lede,
        "n_words": len(norm.body.split()),
        "n_paragraphs": len(norm.paragraphs),
        "n_chrome_lines": len(norm.removed),
        "source_path": "",
        "sha256": hashlib.sha256(raw).hexdigest(),
        "encoding": decoded.encoding,
        "format": fmt,
        "_pending_dateline": pending_year,
        "_removed": norm.removed,
    }
    paragraphs = [
        {"article_id": article_id, "n": i, "start": s, "end": e, "text": norm.body[s:e]}
        for i, (s, e) in enumerate(norm.paragraphs)
    ]
    result = ArticleResult(article, paragraphs, problems)
    if extract:
        result.quotes, result.events = _extract(article_id, norm.body, article, packed)
    return result


def _extract(article_id: str, body: str, article: dict, packed: bool = False):
    """Per-article extraction: quotes, then events resolved against the publication date."""
    from .chronology import _event_records
    from .quotes import quote_columns

    cols = quote_columns(body)
    n = len(cols["start"])
    cols = {
        "quote_id": [f"{article_id}:q{i:03d}" for i in range(n)],
        "article_id": [article_id] * n,
        **cols,
    }
    events = _event_records(
        article_id,
        body,
        article["published"],
        article["published_latest"],
        article["published_basis"],
        cols,
    )
    if not packed:
        return _quotes_frame(cols), _events_frame(events)
    return cols, events


def _events_frame(records: list[dict]) -> pd.DataFrame:
    from .chronology import _events_from_records

    return _events_from_records(records)


def _quotes_frame(cols: dict[str, list]) -> pd.DataFrame:
    """The quotes frame of packed column lists, each column built once in its final dtype.

    Columns: ``quote_id``, ``article_id``, then :data:`quotes.QUOTE_COLUMNS`.
    """
    from .quotes import _frame_from_columns, _str_array

    df = _frame_from_columns(cols)
    df.insert(0, "article_id", _str_array(cols["article_id"]))
    df.insert(0, "quote_id", _str_array(cols["quote_id"]))
    return df


# --------------------------------------------------------------------------------------
# The loader
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


@dataclass
class _Chunk:
    """Results of the per-article stage for consecutive files, ready to send between processes.

    The quotes and events of the chunk's articles travel as one frame each (with per-article
    row counts) instead of two small frames per article: pickling and unpickling many small
    DataFrames costs more than building them. ``warnings`` carries the messages of warnings
    raised in a worker process (which would otherwise be lost), for the loader to re-emit.
    """

    results: list[ArticleResult]  # with paragraphs, quotes and events emptied
    quotes: pd.DataFrame | None
    events: pd.DataFrame | None
    n_quotes: list[int]
    n_events: list[int]
    warnings: list[str] = field(default_factory=list)
    paragraphs: pd.DataFrame | None = None
    n_paragraphs: list[int] = field(default_factory=list)


def _pack(results: list[ArticleResult], warned: list[str] | None = None) -> _Chunk:
    """One :class:`_Chunk` of packed results (see :class:`ArticleResult`)."""
    qs = [r.quotes for r in results if r.quotes is not None]
    es = [r.events for r in results if r.events is not None]
    quotes = events = None
    if qs:
        # in the schema's dtypes here, in the workers, rather than in the loader afterwards
        quotes = schema.conform(
            "quotes", _quotes_frame({c: [v for q in qs for v in q[c]] for c in qs[0]})
        )
    if es:
        events = _events_frame([rec for e in es for rec in e])
    paras = [p for r in results for p in r.paragraphs]
    paragraphs = None
    if paras:
        paragraphs = pd.DataFrame(
            {
                "article_id": pd.array([p["article_id"] for p in paras], dtype=pd.StringDtype()),
                "n": pd.array([p["n"] for p in paras], dtype="Int64"),
                "start": pd.array([p["start"] for p in paras], dtype="Int64"),
                "end": pd.array([p["end"] for p in paras], dtype="Int64"),
                "text": pd.array([p["text"] for p in paras], dtype=pd.StringDtype()),
            }
        )
    light = [ArticleResult(r.article, [], r.problems) for r in results]
    n_q = [len(r.quotes["quote_id"]) if r.quotes is not None else 0 for r in results]
    n_e = [len(r.events) if r.events is not None else 0 for r in results]
    n_p = [len(r.paragraphs) for r in results]
    return _Chunk(light, quotes, events, n_q, n_e, list(warned or []), paragraphs, n_p)


def _read(path: str) -> bytes | ArticleResult:
    """A file's bytes, or the result of a file that could not be read (one problem row)."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        name = Path(path).name
        return ArticleResult(
            None,
            [],
            [
                _problem(
                    name,
                    None,
                    "error",
                    "unreadable",
                    f"Could not read the file ({exc.strerror or exc}). Check its permissions.",
                )
            ],
        )


def _stage_chunk(tasks: list[tuple[str, str, dict | None]], cache_dir: str | None = None) -> _Chunk:
    """The per-article stage for consecutive files, run where the chunk is sent.

    Each task is (file name, path, manifest row). The worker reads the file itself (the
    loader never holds the bytes of the whole corpus), looks it up in the cache when there is
    one, and otherwise runs :func:`_process_article` (and stores the result).

    Args:
        tasks: The chunk's files.
        cache_dir: The cache folder (see :mod:`iranstrikes._cache`), or None.

    Returns:
        The packed chunk.
    """
    import warnings

    from . import _cache

    results = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for name, path, row in tasks:
            raw = _read(path)
            if isinstance(raw, ArticleResult):
                results.append(raw)
                continue
            k = _cache.key(name, raw, row) if cache_dir else None
            res = _cache.get(Path(cache_dir), k) if cache_dir else None
            if res is None:
                res = _process_article(name, raw, row, packed=True)
                if cache_dir:
                    _cache.put(Path(cache_dir), k, res)
            results.append(res)
    return _pack(results, [str(w.message) for w in caught])


def _chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _resolve_engine(engine: str, n: int) -> str:
    if engine == "auto":
        return "processes" if n >= 200 and (os.cpu_count() or 1) > 1 else "serial"
    if engine not in ("serial", "processes", "dask"):
        raise ValueError(f"Unknown engine {engine!r}: use 'auto', 'serial', 'processes' or 'dask'.")
    return engine


def _map_chunks(fn, chunks: list[list], engine: str, progress: bool, workers: int | None) -> list:
    """Apply ``fn`` to every chunk of tasks on the chosen engine, results in input order."""
    from tqdm.auto import tqdm

    n = len(chunks)
    if engine == "serial" or n == 0:
        return [fn(c) for c in tqdm(chunks, desc="article chunks", disable=not progress or n < 4)]
    if engine == "processes":
        from concurrent.futures import ProcessPoolExecutor

        workers = workers or os.cpu_count() or 1
        with ProcessPoolExecutor(max_workers=min(workers, n)) as pool:
            return list(
                tqdm(pool.map(fn, chunks), total=n, desc="article chunks", disable=not progress)
            )
    try:
        import dask.bag as db
    except ImportError as exc:
        raise ImportError("engine='dask' needs Dask: pip install 'iranstrikes[dask]'") from exc
    # dask.bag uses the active distributed Client when there is one (it registers itself as
    # the default scheduler), else Dask's default (multiprocessing) scheduler for bags.
    return db.from_sequence(chunks, npartitions=n).map(fn).compute()


def _chunk_size(n: int, engine: str, workers: int | None) -> int:
    """Files per chunk: a few chunks per worker (load balance) of at most 64 files."""
    if engine == "serial":
        return 64
    w = workers or os.cpu_count() or 1
    return max(1, min(64, -(-n // (w * 4))))


def _run_stage(
    tasks: list[tuple[str, str, dict | None]],
    engine: str,
    progress: bool,
    workers: int | None,
    cache_dir: Path | None = None,
) -> list[_Chunk]:
    """The per-article stage over all files, as packed chunks in file order.

    Warnings raised while processing (in whichever process) are re-emitted here.
    """
    import functools
    import warnings

    engine = _resolve_engine(engine, len(tasks))
    if engine == "processes":  # compiled once here, inherited by every forked worker
        from . import chronology, quotes  # noqa: F401
    size = _chunk_size(len(tasks), engine, workers)
    fn = functools.partial(_stage_chunk, cache_dir=str(cache_dir) if cache_dir else None)
    chunks = _map_chunks(fn, _chunks(tasks, size), engine, progress, workers)
    for chunk in chunks:
        for message in chunk.warnings:
            warnings.warn(message, stacklevel=3)
    return chunks


def load_corpus(
    path: str | os.PathLike | None = None,
    *,
    engine: str = "auto",
    workers: int | None = None,
    progress: bool = True,
    validate: bool = True,
    cache: bool | str | os.PathLike = False,
) -> Corpus:
    """Load a folder of news articles into a :class:`Corpus`.

    Args:
        path: Folder of ``.txt``/``.html`` articles, optionally with ``manifest.csv``,
            ``aliases.yaml``, ``codebook.yaml`` and ``context.yaml``. None loads the bundled
            seed corpus.
        engine: Where the per-article stage runs: "auto" (processes for 200+ files),
            "serial", "processes" (all cores) or "dask" (needs ``iranstrikes[dask]``). The
            workers read the files themselves, so Dask workers must see the folder (a
            ``LocalCluster``, or a file system shared with the cluster).
        workers: Number of processes for ``engine="processes"``.
        progress: Show a progress bar (tqdm) for long loads.
        validate: Validate every frame against :mod:`iranstrikes.schema` with pandera.
        cache: Keep the per-article results on disk so that a reload re-processes only new
            or changed files: True uses ``<folder>/.iranstrikes-cache/``, a path uses that
            folder, False (the default, as the bundled seeds may sit in a read-only package
            folder) keeps nothing. Entries are keyed by the file's name and SHA-256, its
            manifest row and the package version; an unreadable entry is ignored with a
            warning. The cross-article steps always re-run.

    The per-article stage (all engines) gives the same frames; every frame is a function of
    the folder's contents only.

    Returns:
        The :class:`Corpus`. Files that could not be read fully are listed in
        ``corpus.problems``; nothing is dropped silently.

    Raises:
        FileNotFoundError: when the folder does not exist.
        NotADirectoryError: when the path is a file.
    """
    folder = Path(path) if path is not None else seeds_path()
    if not folder.exists():
        raise FileNotFoundError(
            f"No such folder: {folder}. Pass the folder that holds your .txt or .html articles."
        )
    if not folder.is_dir():
        raise NotADirectoryError(
            f"{folder} is a file; pass the folder that holds it: load_corpus({str(folder.parent)!r})."
        )
    manifest, problems = read_manifest(folder)
    files, more = _discover(folder)
    problems += more
    if manifest is not None:
        present = {p.name for p in files}
        for f in manifest.index:
            if f not in present:
                problems.append(
                    _problem(
                        f,
                        None,
                        "warning",
                        "manifest-missing-file",
                        f"manifest.csv lists {f!r} but there is no such file in {folder}; its row was ignored.",
                    )
                )
        for p in files:
            if p.name not in manifest.index:
                problems.append(
                    _problem(
                        p.name,
                        p.stem,
                        "info",
                        "not-in-manifest",
                        "Not listed in manifest.csv: outlet, URL and date were derived from the text only.",
                    )
                )
    rows = manifest.to_dict("index") if manifest is not None else {}
    tasks = [(p.name, str(p), rows.get(p.name)) for p in files]
    cache_dir = None
    if cache:
        cache_dir = folder / ".iranstrikes-cache" if cache is True else Path(cache)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    chunks = _run_stage(tasks, engine, progress, workers, cache_dir)
    timings["per_article"] = time.perf_counter() - t0
    t0 = time.perf_counter()

    articles, paragraphs, quotes, events = [], [], [], []
    seen_sha: dict[str, str] = {}
    task_iter = iter(tasks)
    for chunk in chunks:
        keep = []
        for res in chunk.results:
            fname = next(task_iter)[0]
            problems += res.problems
            keep.append(False)
            if res.article is None:
                continue
            art = res.article
            if art["sha256"] in seen_sha:
                problems.append(
                    _problem(
                        fname,
                        art["article_id"],
                        "warning",
                        "duplicate",
                        f"Byte-for-byte the same as {seen_sha[art['sha256']]!r}; loaded once, as that file. Remove one copy.",
                    )
                )
                continue
            seen_sha[art["sha256"]] = fname
            art["source_path"] = str(folder / fname)
            articles.append(art)
            keep[-1] = True
        for frame, counts, out in (
            (chunk.paragraphs, chunk.n_paragraphs, paragraphs),
            (chunk.quotes, chunk.n_quotes, quotes),
            (chunk.events, chunk.n_events, events),
        ):
            if frame is None:
                continue
            mask = np.repeat(np.array(keep, dtype=bool), counts)
            out.append(frame if mask.all() else frame[mask])

    articles_df = pd.DataFrame(articles)
    if len(articles_df):
        _fill_dateline_years(articles_df, problems)
        dup_body = articles_df["body"].duplicated(keep="first")
        for _, r in articles_df[dup_body].iterrows():
            first = articles_df.loc[articles_df["body"] == r["body"], "article_id"].iloc[0]
            problems.append(
                _problem(
                    Path(r["source_path"]).name,
                    r["article_id"],
                    "warning",
                    "duplicate-text",
                    f"Same article text as {first!r} (different bytes); both were loaded.",
                )
            )
        articles_df = articles_df.drop(columns=["_pending_dateline", "_removed"])
    corpus = Corpus(
        path=folder,
        articles=schema.conform("articles", articles_df if len(articles_df) else None),
        paragraphs=schema.conform(
            "paragraphs", pd.concat(paragraphs, ignore_index=True) if paragraphs else None
        ),
        problems=schema.conform("problems", pd.DataFrame(problems) if problems else None),
    )
    if quotes:
        corpus.quotes = schema.conform("quotes", pd.concat(quotes, ignore_index=True))
    if events:
        corpus.events = pd.concat(events, ignore_index=True)
    # The per-article results (raw bytes, article and paragraph dicts, per-chunk frames) are
    # all in the corpus frames now: free them before the cross-article steps, not after.
    chunk = res = art = frame = None  # (loop variables: the last chunk)
    del tasks, task_iter, chunks, articles, paragraphs, quotes, events, articles_df
    del chunk, res, art, frame
    timings["assemble"] = time.perf_counter() - t0
    # The millions of objects alive now (frames' Python objects, caches) stay alive through the
    # cross-article steps: freezing them keeps the garbage collector from re-scanning them on
    # every collection those steps trigger (about 0.5-0.7 s at 10k articles).
    gc.freeze()
    try:
        _cross_article(
            corpus,
            folder,
            timings,
            engine=_resolve_engine(engine, len(corpus.articles)),
            workers=workers,
        )
    finally:
        gc.unfreeze()
    if validate:
        t0 = time.perf_counter()
        for name in ("articles", "paragraphs", "problems", "quotes"):
            schema.validate(name, getattr(corpus, name))
        timings["validate"] = time.perf_counter() - t0
    corpus.timings = timings
    return corpus


def _fill_dateline_years(articles: pd.DataFrame, problems: list[dict]) -> None:
    """Report datelines printed without a year (the year comes from the cross-article step)."""
    pending = articles["_pending_dateline"].notna()
    if not pending.any():
        return
    dated = articles.loc[articles["published"].notna(), "published"]
    if dated.empty:
        for _, r in articles[pending].iterrows():
            problems.append(
                _problem(
                    Path(r["source_path"]).name,
                    r["article_id"],
                    "info",
                    "dateline-no-year",
                    "The dateline has no year and nothing in the corpus gives one; the article is undated.",
                )
            )
        return
    # No year is borrowed here: the corpus's median year would date an article of another
    # story into the wrong year. The cross-article inference gives the dateline the year of
    # the articles of the same story (shared people), or leaves it unknown.
    for _, r in articles[pending].iterrows():
        problems.append(
            _problem(
                Path(r["source_path"]).name,
                r["article_id"],
                "info",
                "dateline-no-year",
                "The dateline has no year; the year is taken only from articles of the same story (see published_evidence), else the article stays undated.",
            )
        )


def _release_memory() -> None:
    """Hand memory freed by the last step back to the operating system.

    Between steps, the C heap keeps the pages of the many small objects a step freed, and
    Arrow's allocator keeps freed buffers; at 10k articles that is hundreds of MB of resident
    memory no one uses. ``malloc_trim`` (glibc only; elsewhere nothing happens) and Arrow's
    ``release_unused`` return them, so the next step starts from what the corpus really holds.
    """
    try:
        import pyarrow as pa

        pa.default_memory_pool().release_unused()
    except (ImportError, AttributeError):  # pragma: no cover - pyarrow is a dependency
        pass
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim():
    """The C library's ``malloc_trim`` (glibc), or None where it has none; looked up once."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    except OSError:  # pragma: no cover - exotic platforms
        return None


def _cross_article(
    corpus: Corpus,
    folder: Path,
    timings: dict[str, float] | None = None,
    engine: str = "serial",
    workers: int | None = None,
) -> None:
    """Run the explicit cross-article steps, in order (seconds per step into ``timings``).

    ``engine`` and ``workers`` say where per-article work that a cross-article step asks for
    runs (re-dating the events of articles whose publication date was inferred).
    """
    from . import people, propagation

    timings = {} if timings is None else timings
    steps = (
        ("people", lambda: people.attach_people(corpus, folder)),
        ("propagation", lambda: propagation.attach_propagation(corpus)),
        ("chronology", lambda: _attach_chronology(corpus, folder, engine, workers)),
        ("claims", lambda: _attach_claims(corpus, folder)),
    )
    _release_memory()
    for name, step in steps:
        t0 = time.perf_counter()
        step()
        _release_memory()
        timings[name] = time.perf_counter() - t0


def _attach_claims(corpus: Corpus, folder: Path) -> None:
    """Cross-article claims.

    Codebook stances (if the folder has a codebook), automatic suggestions for statements it
    does not cover, contradictions and headline support.
    """
    from . import claims

    problems = []
    codebook = folder / "codebook.yaml"
    coded = None
    if codebook.exists():
        try:
            props, codings = claims.load_codebook(codebook)
        except claims.CodebookError as exc:
            problems.append(
                _problem(
                    "codebook.yaml",
                    None,
                    "error",
                    "codebook-invalid",
                    f"codebook.yaml was not used: {exc}",
                )
            )
            props, codings = None, None
        if codings is not None:
            known = set(corpus.articles["article_id"])
            missing = sorted(set(codings["article"]) - known) if "article" in codings else []
            for aid in missing:
                problems.append(
                    _problem(
                        "codebook.yaml",
                        aid,
                        "warning",
                        "codebook-unknown-article",
                        f"codebook.yaml codes article {aid!r}, which is not in this corpus; those codings were skipped.",
                    )
                )
            if "article" in codings:
                codings = codings[codings["article"].isin(known)]
            located, evidence_problems = claims.locate_evidence(codings, corpus.articles)
            for r in evidence_problems.to_dict("records"):
                problems.append(
                    _problem(
                        "codebook.yaml",
                        r.get("article_id"),
                        r.get("severity", "warning"),
                        r.get("code", "evidence-not-found"),
                        r.get("message", ""),
                    )
                )
            coded = claims.code_stances(codings, corpus.quotes, corpus.articles, corpus.people)
    else:
        props = None
    if props is None:
        props = schema.empty("propositions")
    corpus.propositions = props
    if len(props) and len(corpus.quotes):
        auto = claims.suggest_stances(corpus.quotes, props, exclude=coded, articles=corpus.articles)
    else:
        auto = None
    if coded is not None and auto is not None:
        stances = claims.combine_stances(coded, auto)
    else:
        stances = coded if coded is not None else auto
    corpus.stances = (
        schema.conform("stances", stances) if stances is not None else schema.empty("stances")
    )
    corpus.contradictions = claims.find_contradictions(corpus.stances, corpus.events)
    corpus.headline_support = claims.headline_support(corpus.stances, corpus.articles)
    ctx = folder / "context.yaml"
    corpus.context = claims.load_context(ctx) if ctx.exists() else pd.DataFrame()
    if problems:
        corpus.problems = schema.conform(
            "problems", pd.concat([corpus.problems, pd.DataFrame(problems)], ignore_index=True)
        )


_MIN_PARALLEL_REDATE = 64  # fewer articles to re-date than this: in the loader's process


def _redate_chunk(tasks: list[tuple]) -> list[dict]:
    """The event records of articles given a new publication date, for the engine's workers.

    Each task holds the arguments of :func:`chronology._event_records` for one article.
    """
    from .chronology import _event_records

    return [rec for t in tasks for rec in _event_records(*t)]


def _attach_chronology(
    corpus: Corpus, folder: Path, engine: str = "serial", workers: int | None = None
) -> None:
    """Cross-article chronology: infer undated articles, re-date them, conflicts, timeline."""
    from . import chronology
    from .people import EntityMatcher, load_aliases

    events = corpus.events if len(corpus.events) else schema.empty("events")
    corpus.events = None  # (set again below: meanwhile one copy of the events, not two)
    arts = corpus.articles
    inferred = chronology.infer_publication_dates(arts, events) if len(arts) else pd.DataFrame()
    if len(inferred):
        inferred = inferred[inferred["published_basis"] == "inferred"]
    if len(inferred):
        a = arts.set_index("article_id")
        # One vectorised assignment per column (not four .loc writes per inferred article).
        inf = inferred.drop_duplicates("article_id", keep="last").set_index("article_id")
        rows = a.index.isin(inf.index)
        for col in ("published", "published_latest", "published_evidence"):
            a.loc[rows, col] = inf[col].reindex(a.index[rows]).to_numpy()
        a.loc[rows, "published_basis"] = "inferred"
        redo = [
            aid
            for aid, pl in zip(inferred["article_id"], inferred["published_latest"], strict=True)
            if not pd.isna(pl)
        ]
        corpus.articles = schema.conform("articles", a.reset_index())
        if redo:
            # Per-article work again (pure, on the loader's engine), now with the inferred date.
            q = corpus.quotes
            q_rows = q.groupby("article_id", sort=False).indices if len(q) else {}
            q_cols = (
                {
                    c: q[c].tolist()
                    for c in (
                        "quote_id",
                        "article_id",
                        "start",
                        "end",
                        "cue_start",
                        "cue_end",
                        "speaker",
                    )
                }
                if len(q)
                else {}
            )

            def quote_lists(aid: str) -> dict[str, list] | None:
                rows = q_rows.get(aid)
                return (
                    None if rows is None else {c: [v[k] for k in rows] for c, v in q_cols.items()}
                )

            tasks = [
                (
                    aid,
                    str(a.loc[aid, "body"]),
                    a.loc[aid, "published"],
                    a.loc[aid, "published_latest"],
                    "inferred",
                    quote_lists(aid),
                )
                for aid in redo
            ]
            if engine != "serial" and len(tasks) < _MIN_PARALLEL_REDATE:
                engine = "serial"  # (starting workers costs more than it saves)
            done = _map_chunks(
                _redate_chunk,
                _chunks(tasks, _chunk_size(len(tasks), engine, workers)),
                engine,
                False,
                workers,
            )
            fresh = _events_frame([rec for c in done for rec in c])
            events = pd.concat([events[~events["article_id"].isin(redo)], fresh], ignore_index=True)
    # Canonical actors: the quote's person when the event is a statement, else the actor's name.
    matcher = EntityMatcher(load_aliases(folder)[0])
    by_quote = (
        dict(
            zip(
                corpus.quotes["quote_id"].tolist(), corpus.quotes["person_id"].tolist(), strict=True
            )
        )
        if len(corpus.quotes)
        else {}
    )
    matched: dict[str, str | None] = {}  # actor -> person id (a corpus repeats its actors)
    pids = []
    for qid, actor in zip(events["quote_id"].tolist(), events["actor"].tolist(), strict=True):
        pid = by_quote.get(qid) if isinstance(qid, str) and qid else None
        if pid is None or pd.isna(pid):
            if isinstance(actor, str):
                pid = matched.get(actor, "")
                if pid == "":
                    pid = matched[actor] = matcher.match(actor)[0]
            else:
                pid = None
        pids.append(pid)
    events = events.assign(person_id=pd.array(pids, dtype="string"))
    events = events.sort_values(["article_id", "event_id"], kind="stable").reset_index(drop=True)
    corpus.events = schema.conform("events", events)
    grouping = chronology.group_events(corpus.events, corpus.people) if len(corpus.events) else None
    corpus.conflicts = schema.conform(
        "conflicts", chronology.find_conflicts(corpus.events, corpus.people, grouping=grouping)
    )
    timeline = chronology.merge_timeline(corpus.events, corpus.people, grouping=grouping)
    outlets = {
        a: str(o)
        for a, o in zip(
            corpus.articles["article_id"].tolist(), corpus.articles["outlet"].tolist(), strict=True
        )
        if not pd.isna(o)
    }
    if len(timeline):
        timeline["outlets"] = [
            "|".join(sorted({outlets[x] for x in str(ids).split("|") if x in outlets}))
            for ids in timeline["article_ids"].tolist()
        ]
        # Show canonical names, not ids, for actors that are known people or groups.
        names = dict(zip(corpus.people["person_id"], corpus.people["name"], strict=True))
        timeline["actor"] = [
            names.get(a, a) if isinstance(a, str) else a for a in timeline["actor"]
        ]
    corpus.timeline = schema.conform("timeline", timeline)
