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

import hashlib
import html
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from . import schema
from .normalise import date_from_url, decode_bytes, html_to_text, looks_like_html, normalise_text

__all__ = ["Corpus", "load_corpus", "process_article", "seeds_path", "ARTICLE_SUFFIXES"]

ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm")
CORPUS_DATA_FILES = {"manifest.csv", "aliases.yaml", "codebook.yaml", "context.yaml", "readme.md", "sha256sums"}
LARGE_FILE_BYTES = 2_000_000
MAX_FILE_BYTES = 64_000_000
MANIFEST_VALUE_COLUMNS = ("outlet", "url", "original_outlet", "outlet_country", "outlet_ownership", "published")


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
            "last_published": a.loc[dated, "published_latest"].fillna(a.loc[dated, "published"]).max() if dated.any() else None,
            "undated": int((a["published_basis"].isin(["unknown", "inferred"])).sum()) if len(a) else 0,
            "quotes": len(self.quotes),
            "people": len(self.people),
            "events": len(self.events),
            "stances": len(self.stances),
            "problems": len(self.problems),
            "errors": int((self.problems["severity"] == "error").sum()) if len(self.problems) else 0,
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
        return None, [_problem("manifest.csv", None, "error", "manifest-unreadable", f"manifest.csv could not be read ({exc}); articles load with fields derived from the text.")]
    if "file" not in df.columns:
        problems.append(_problem("manifest.csv", None, "error", "manifest-no-file-column", "manifest.csv has no 'file' column, so it cannot be matched to articles; it was ignored."))
        return None, problems
    df = df.replace({"": None})
    dup = df["file"].duplicated(keep="first")
    for f in df.loc[dup, "file"]:
        problems.append(_problem("manifest.csv", None, "warning", "manifest-duplicate-row", f"manifest.csv lists {f!r} more than once; the first row was used."))
    df = df[~dup].set_index("file", drop=False)
    return df, problems


def _problem(file: str, article_id: str | None, severity: str, code: str, message: str) -> dict:
    return {"file": file, "article_id": article_id, "severity": severity, "code": code, "message": message}


# --------------------------------------------------------------------------------------
# Per-article stage (pure)
# --------------------------------------------------------------------------------------
@dataclass
class ArticleResult:
    """Everything the per-article stage derives from one file."""

    article: dict | None
    paragraphs: list[dict]
    problems: list[dict]
    quotes: pd.DataFrame | None = None
    events: pd.DataFrame | None = None


def _ts(y: int, m: int, d: int):
    try:
        return pd.Timestamp(year=y, month=m, day=d)
    except ValueError:
        return None


def process_article(file_name: str, raw: bytes, manifest_row: dict | None = None, *, extract: bool = True) -> ArticleResult:
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
    article_id = Path(file_name).stem
    problems: list[dict] = []
    if len(raw) > MAX_FILE_BYTES:
        problems.append(_problem(file_name, None, "error", "too-large", f"The file is {len(raw) / 1e6:.0f} MB, more than the {MAX_FILE_BYTES / 1e6:.0f} MB limit for one article. Split it into one file per article."))
        return ArticleResult(None, [], problems)
    decoded = decode_bytes(raw)
    for sev, code, msg in decoded.problems:
        problems.append(_problem(file_name, article_id if sev != "error" else None, sev, code, msg))
    if not decoded.text:
        return ArticleResult(None, [], problems)
    if len(raw) > LARGE_FILE_BYTES:
        problems.append(_problem(file_name, article_id, "warning", "large-file", f"The file is {len(raw) / 1e6:.1f} MB, far longer than a news article; it was loaded as one article. If it holds several articles, split it into one file each."))
    text = decoded.text
    fmt = "text"
    html_title = None
    if looks_like_html(text):
        fmt = "html"
        text, html_title = html_to_text(text)
        problems.append(_problem(file_name, article_id, "info", "html", "HTML input: the main content was extracted with trafilatura."))
    norm = normalise_text(text)
    if not norm.body.strip():
        problems.append(_problem(file_name, None, "error", "no-text", "No article text was left after removing page chrome. Check that the file holds an article."))
        return ArticleResult(None, [], problems)
    if "\ufffd" in norm.body:
        problems.append(_problem(file_name, article_id, "warning", "replacement-chars", "The text contains U+FFFD replacement characters where bytes could not be decoded."))

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
        published = pd.to_datetime(m["published"], errors="coerce")
        if pd.isna(published):
            problems.append(_problem(file_name, article_id, "warning", "manifest-bad-date", f"manifest 'published' value {m['published']!r} is not a date; it was ignored."))
            published = None
        else:
            basis, evidence = "manifest", m.get("published_source") or "manifest.csv"
    url_date = date_from_url(url)
    if published is None and url_date and _ts(*url_date) is not None:
        published, basis, evidence = _ts(*url_date), "url", url
    dl_date = None
    if norm.dateline_month and norm.dateline_day:
        if norm.dateline_year:
            dl_date = _ts(norm.dateline_year, norm.dateline_month, norm.dateline_day)
            dl_evidence = norm.dateline
        else:
            # Year from evidence in the article itself (latest year it mentions).
            years = [y for y in norm.years_mentioned if y <= 2100]
            if published is not None:
                dl_date = _ts(published.year, norm.dateline_month, norm.dateline_day)
                dl_evidence = f"{norm.dateline} (year from {basis})"
            elif years:
                dl_date = _ts(years[-1], norm.dateline_month, norm.dateline_day)
                dl_evidence = f"{norm.dateline} (year {years[-1]} from the latest year the article mentions)"
        if dl_date is not None and published is None:
            published, basis, evidence = dl_date, "dateline", dl_evidence
        elif dl_date is not None and published is not None and dl_date != published:
            problems.append(_problem(file_name, article_id, "warning", "date-disagreement", f"The dateline says {dl_date:%Y-%m-%d} but the {basis} says {published:%Y-%m-%d}; the {basis} date was used."))
    if published is None and norm.published_text:
        parsed = pd.to_datetime(norm.published_text, errors="coerce")
        if not pd.isna(parsed):
            published, basis, evidence = parsed.normalize(), "text", norm.published_text
    pending_year = None
    if published is None and norm.dateline_month and norm.dateline_day and dl_date is None:
        pending_year = (norm.dateline_month, norm.dateline_day)

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
        result.quotes, result.events = _extract(article_id, norm.body, article)
    return result


def _extract(article_id: str, body: str, article: dict):
    """Per-article extraction: quotes, then events resolved against the publication date."""
    from .quotes import extract_quotes

    q = extract_quotes(body).copy()
    q.insert(0, "article_id", article_id)
    q.insert(0, "quote_id", [f"{article_id}:q{i:03d}" for i in range(len(q))])
    events = None
    try:
        from .chronology import extract_events
    except ImportError:
        extract_events = None
    if extract_events is not None:
        events = extract_events(
            article_id, body, article["published"], article["published_latest"], article["published_basis"], q
        )
    return q, events


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
            problems.append(_problem(p.name, None, "warning", "unsupported-file", f"{p.name} was not loaded: only {', '.join(ARTICLE_SUFFIXES)} files are read as articles. Convert it to text or HTML to include it."))
    return files, problems


def _run_stage(tasks: list[tuple[str, bytes, dict | None]], engine: str, progress: bool, workers: int | None):
    from tqdm.auto import tqdm

    n = len(tasks)
    if engine == "auto":
        engine = "processes" if n >= 200 and (os.cpu_count() or 1) > 1 else "serial"
    if engine == "serial":
        return [process_article(*t) for t in tqdm(tasks, desc="articles", disable=not progress or n < 20)]
    if engine == "processes":
        from concurrent.futures import ProcessPoolExecutor

        workers = workers or os.cpu_count() or 1
        chunksize = max(1, n // (workers * 8))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            it = pool.map(_process_task, tasks, chunksize=chunksize)
            return list(tqdm(it, total=n, desc="articles", disable=not progress))
    if engine == "dask":
        try:
            import dask.bag as db
        except ImportError as exc:
            raise ImportError("engine='dask' needs Dask: pip install 'iranstrikes[dask]'") from exc
        bag = db.from_sequence(tasks, npartitions=max(1, min(n, (os.cpu_count() or 1) * 4)))
        return bag.map(_process_task).compute()
    raise ValueError(f"Unknown engine {engine!r}: use 'auto', 'serial', 'processes' or 'dask'.")


def _process_task(task):
    return process_article(*task)


def load_corpus(
    path: str | os.PathLike | None = None,
    *,
    engine: str = "auto",
    workers: int | None = None,
    progress: bool = True,
    validate: bool = True,
) -> Corpus:
    """Load a folder of news articles into a :class:`Corpus`.

    Args:
        path: Folder of ``.txt``/``.html`` articles, optionally with ``manifest.csv``,
            ``aliases.yaml``, ``codebook.yaml`` and ``context.yaml``. None loads the bundled
            seed corpus.
        engine: Where the per-article stage runs: "auto" (processes for 200+ files),
            "serial", "processes" (all cores) or "dask" (needs ``iranstrikes[dask]``).
        workers: Number of processes for ``engine="processes"``.
        progress: Show a progress bar (tqdm) for long loads.
        validate: Validate every frame against :mod:`iranstrikes.schema` with pandera.

    Returns:
        The :class:`Corpus`. Files that could not be read fully are listed in
        ``corpus.problems``; nothing is dropped silently.

    Raises:
        FileNotFoundError: when the folder does not exist.
        NotADirectoryError: when the path is a file.
    """
    folder = Path(path) if path is not None else seeds_path()
    if not folder.exists():
        raise FileNotFoundError(f"No such folder: {folder}. Pass the folder that holds your .txt or .html articles.")
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder} is a file; pass the folder that holds it: load_corpus({str(folder.parent)!r}).")
    manifest, problems = read_manifest(folder)
    files, more = _discover(folder)
    problems += more
    if manifest is not None:
        present = {p.name for p in files}
        for f in manifest.index:
            if f not in present:
                problems.append(_problem(f, None, "warning", "manifest-missing-file", f"manifest.csv lists {f!r} but there is no such file in {folder}; its row was ignored."))
        for p in files:
            if p.name not in manifest.index:
                problems.append(_problem(p.name, p.stem, "info", "not-in-manifest", "Not listed in manifest.csv: outlet, URL and date were derived from the text only."))
    tasks = []
    for p in files:
        try:
            raw = p.read_bytes()
        except OSError as exc:
            problems.append(_problem(p.name, None, "error", "unreadable", f"Could not read the file ({exc.strerror or exc}). Check its permissions."))
            continue
        row = manifest.loc[p.name].to_dict() if manifest is not None and p.name in manifest.index else None
        tasks.append((p.name, raw, row))
    results = _run_stage(tasks, engine, progress, workers)

    articles, paragraphs, quotes, events = [], [], [], []
    seen_sha: dict[str, str] = {}
    for (fname, _raw, _row), res in zip(tasks, results, strict=True):
        problems += res.problems
        if res.article is None:
            continue
        art = res.article
        if art["sha256"] in seen_sha:
            problems.append(_problem(fname, art["article_id"], "warning", "duplicate", f"Byte-for-byte the same as {seen_sha[art['sha256']]!r}; loaded once, as that file. Remove one copy."))
            continue
        seen_sha[art["sha256"]] = fname
        art["source_path"] = str(folder / fname)
        articles.append(art)
        paragraphs += res.paragraphs
        if res.quotes is not None:
            quotes.append(res.quotes)
        if res.events is not None:
            events.append(res.events)

    articles_df = pd.DataFrame(articles)
    if len(articles_df):
        _fill_dateline_years(articles_df, problems)
        dup_body = articles_df["body"].duplicated(keep="first")
        for _, r in articles_df[dup_body].iterrows():
            first = articles_df.loc[articles_df["body"] == r["body"], "article_id"].iloc[0]
            problems.append(_problem(Path(r["source_path"]).name, r["article_id"], "warning", "duplicate-text", f"Same article text as {first!r} (different bytes); both were loaded."))
        articles_df = articles_df.drop(columns=["_pending_dateline", "_removed"])
    corpus = Corpus(
        path=folder,
        articles=schema.conform("articles", articles_df if len(articles_df) else None),
        paragraphs=schema.conform("paragraphs", pd.DataFrame(paragraphs) if paragraphs else None),
        problems=schema.conform("problems", pd.DataFrame(problems) if problems else None),
    )
    if quotes:
        corpus.quotes = schema.conform("quotes", pd.concat(quotes, ignore_index=True))
    if events:
        corpus.events = pd.concat(events, ignore_index=True)
    _cross_article(corpus, folder)
    if validate:
        for name in ("articles", "paragraphs", "problems", "quotes"):
            schema.validate(name, getattr(corpus, name))
    return corpus


def _fill_dateline_years(articles: pd.DataFrame, problems: list[dict]) -> None:
    """Give a year to datelines printed without one, from the corpus's own dated articles."""
    pending = articles["_pending_dateline"].notna()
    if not pending.any():
        return
    dated = articles.loc[articles["published"].notna(), "published"]
    if dated.empty:
        for _, r in articles[pending].iterrows():
            problems.append(_problem(Path(r["source_path"]).name, r["article_id"], "info", "dateline-no-year", "The dateline has no year and nothing in the corpus gives one; the article is undated."))
        return
    ref = pd.to_datetime(dated).sort_values().iloc[len(dated) // 2]
    for i, r in articles[pending].iterrows():
        month, day = r["_pending_dateline"]
        cands = [_ts(ref.year + k, month, day) for k in (-1, 0, 1)]
        cands = [c for c in cands if c is not None]
        if not cands:
            continue
        best = min(cands, key=lambda c: abs((c - ref).days))
        articles.at[i, "published"] = best
        articles.at[i, "published_latest"] = best
        articles.at[i, "published_basis"] = "dateline"
        articles.at[i, "published_evidence"] = f"{r['dateline']} (year {best.year} from the corpus: median date of the dated articles)"


def _cross_article(corpus: Corpus, folder: Path) -> None:
    """Run the explicit cross-article steps, in order."""
    from . import people, propagation

    people.attach_people(corpus, folder)
    propagation.attach_propagation(corpus)
    _attach_chronology(corpus, folder)
    _attach_claims(corpus, folder)


def _attach_claims(corpus: Corpus, folder: Path) -> None:
    """Cross-article claims: codebook stances (if the folder has a codebook), automatic
    suggestions for statements it does not cover, contradictions and headline support."""
    from . import claims

    problems = []
    codebook = folder / "codebook.yaml"
    coded = None
    if codebook.exists():
        try:
            props, codings = claims.load_codebook(codebook)
        except claims.CodebookError as exc:
            problems.append(_problem("codebook.yaml", None, "error", "codebook-invalid", f"codebook.yaml was not used: {exc}"))
            props, codings = None, None
        if codings is not None:
            known = set(corpus.articles["article_id"])
            missing = sorted(set(codings["article"]) - known) if "article" in codings else []
            for aid in missing:
                problems.append(_problem("codebook.yaml", aid, "warning", "codebook-unknown-article", f"codebook.yaml codes article {aid!r}, which is not in this corpus; those codings were skipped."))
            if "article" in codings:
                codings = codings[codings["article"].isin(known)]
            located, evidence_problems = claims.locate_evidence(codings, corpus.articles)
            for r in evidence_problems.to_dict("records"):
                problems.append(_problem("codebook.yaml", r.get("article_id"), r.get("severity", "warning"), r.get("code", "evidence-not-found"), r.get("message", "")))
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
    corpus.stances = schema.conform("stances", stances) if stances is not None else schema.empty("stances")
    corpus.contradictions = claims.find_contradictions(corpus.stances, corpus.events)
    corpus.headline_support = claims.headline_support(corpus.stances, corpus.articles)
    ctx = folder / "context.yaml"
    corpus.context = claims.load_context(ctx) if ctx.exists() else pd.DataFrame()
    if problems:
        corpus.problems = schema.conform("problems", pd.concat([corpus.problems, pd.DataFrame(problems)], ignore_index=True))


def _attach_chronology(corpus: Corpus, folder: Path) -> None:
    """Cross-article chronology: infer undated articles, re-date them, conflicts, timeline."""
    from . import chronology
    from .people import EntityMatcher, load_aliases

    events = corpus.events if len(corpus.events) else schema.empty("events")
    arts = corpus.articles
    inferred = chronology.infer_publication_dates(arts, events) if len(arts) else pd.DataFrame()
    if len(inferred):
        inferred = inferred[inferred["published_basis"] == "inferred"]
    if len(inferred):
        a = arts.set_index("article_id")
        redo = []
        for r in inferred.itertuples(index=False):
            a.loc[r.article_id, "published"] = r.published
            a.loc[r.article_id, "published_latest"] = r.published_latest
            a.loc[r.article_id, "published_basis"] = "inferred"
            a.loc[r.article_id, "published_evidence"] = r.published_evidence
            if not pd.isna(r.published_latest):
                redo.append(r.article_id)
        corpus.articles = schema.conform("articles", a.reset_index())
        if redo:
            q = corpus.quotes
            fresh = [
                chronology.extract_events(aid, str(a.loc[aid, "body"]), a.loc[aid, "published"], a.loc[aid, "published_latest"], "inferred", q[q["article_id"] == aid])
                for aid in redo
            ]
            events = pd.concat([events[~events["article_id"].isin(redo)], *fresh], ignore_index=True)
    # Canonical actors: the quote's person when the event is a statement, else the actor's name.
    matcher = EntityMatcher(load_aliases(folder)[0])
    by_quote = dict(zip(corpus.quotes["quote_id"], corpus.quotes["person_id"], strict=True)) if len(corpus.quotes) else {}
    pids = []
    for qid, actor in zip(events["quote_id"], events["actor"], strict=True):
        pid = by_quote.get(qid) if isinstance(qid, str) and qid else None
        if pid is None or pd.isna(pid):
            pid = matcher.match(actor)[0] if isinstance(actor, str) else None
        pids.append(pid)
    events = events.assign(person_id=pd.array(pids, dtype="string"))
    events = events.sort_values(["article_id", "event_id"], kind="stable").reset_index(drop=True)
    corpus.events = schema.conform("events", events)
    corpus.conflicts = schema.conform("conflicts", chronology.find_conflicts(corpus.events, corpus.people))
    timeline = chronology.merge_timeline(corpus.events, corpus.people)
    outlets = dict(zip(corpus.articles["article_id"], corpus.articles["outlet"], strict=True))
    if len(timeline):
        timeline["outlets"] = [
            "|".join(sorted({str(outlets.get(x)) for x in str(ids).split("|") if x and pd.notna(outlets.get(x))}))
            for ids in timeline["article_ids"]
        ]
    corpus.timeline = schema.conform("timeline", timeline)
