"""The :class:`Corpus`: the loaded frames, their display and saving, and the seed folder.

What belongs here: the :class:`Corpus` dataclass (its frames, summary, HTML display, saving to
CSV/Parquet/JSON and reopening from Parquet), and where the bundled seed corpus is.
"""

from __future__ import annotations

import hashlib
import html
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .. import schema


def seeds_path() -> Path:
    """Folder of the bundled seed corpus, wherever the package is installed.

    In a source checkout or editable install this is the repository's ``seeds/``; in a wheel
    the seeds are packaged as ``iranstrikes/_seeds``.
    """
    packaged = resources.files("iranstrikes") / "_seeds"
    if packaged.is_dir():
        return Path(str(packaged))
    repo = Path(__file__).resolve().parents[2] / "seeds"
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
    "coding_rules",
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
        coding_rules: The codebook's numbered coding rules (what "(rule N)" in a rationale
            means), read with the codebook at load time.
        stances: Who affirmed or denied what.
        contradictions: Pairs of speakers with opposite stances on one proposition.
        headline_support: Whether each headline's claim is supported in its body.
        context: Cited later coverage that is not part of the corpus (from context.yaml).
        timings: Seconds spent in the per-article stage and in each cross-article step of
            the load (not a frame; empty for a corpus reopened with :meth:`from_parquet`).
        skipped: Folder entries skipped on purpose, as {file, reason} rows (hidden entries;
            not a frame; counted in :meth:`summary` when there are any).
        name_spans: Per article id, the (start, end) of the personal names the per-article
            stage's text model found (not a frame; the people step's fuzzy-match candidates,
            see :func:`iranstrikes.people.name_spans`). Empty for a corpus reopened with
            :meth:`from_parquet`; the people step then builds them itself.
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
    coding_rules: pd.DataFrame = field(default_factory=lambda: schema.empty("coding_rules"))
    stances: pd.DataFrame = field(default_factory=lambda: schema.empty("stances"))
    contradictions: pd.DataFrame = field(default_factory=pd.DataFrame)
    headline_support: pd.DataFrame = field(default_factory=pd.DataFrame)
    context: pd.DataFrame = field(default_factory=pd.DataFrame)
    timings: dict[str, float] = field(default_factory=dict, repr=False, compare=False)
    skipped: list[dict] = field(default_factory=list, repr=False, compare=False)
    name_spans: dict[str, list] = field(default_factory=dict, repr=False, compare=False)

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
            **self._skip_counts(),
        }

    def _skip_counts(self) -> dict[str, Any]:
        """``skipped`` (count) and ``skipped_files`` ({reason: names}), when any were skipped."""
        if not self.skipped:
            return {}
        by_reason: dict[str, list[str]] = {}
        for row in self.skipped:
            by_reason.setdefault(row["reason"], []).append(row["file"])
        return {"skipped": len(self.skipped), "skipped_files": by_reason}

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

        def shown(v: Any) -> str:
            if v is None:
                return "none"
            return f"{v:%Y-%m-%d}" if isinstance(v, pd.Timestamp) else str(v)

        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(k.replace('_', ' '))}</th>"
            f"<td style='text-align:left'>{html.escape(shown(v))}</td></tr>"
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
