"""Command-line interface: ``iranstrikes --help``.

What belongs here: thin commands over the library (load a folder and write its frames, check
a folder's curated files, write the data dictionary, build the static site). No analysis logic.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["main"]


def _cmd_load(args: argparse.Namespace) -> int:
    from .corpus import load_corpus

    corpus = load_corpus(args.folder, engine=args.engine, progress=not args.quiet)
    written = corpus.save(args.out, args.format)
    s = corpus.summary()
    print(
        f"Loaded {s['articles']} articles, {s['quotes']} quotes, {s['problems']} problems from {args.folder}."
    )
    for p in written:
        print(f"  wrote {p}")
    if s["problems"]:
        print("Some files could not be fully read: see the 'problems' table.", file=sys.stderr)
    return 0


def _cmd_dictionary(args: argparse.Namespace) -> int:
    from .schema import data_dictionary_markdown

    text = data_dictionary_markdown() + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    else:
        sys.stdout.write(text)
    return 0


def _cmd_claimreview(args: argparse.Namespace) -> int:
    from .claims import write_claimreview
    from .corpus import load_corpus

    corpus = load_corpus(args.folder, progress=False)
    if corpus.stances.empty:
        print(
            "No coded stances: add a codebook.yaml to the folder (see seeds/codebook.yaml).",
            file=sys.stderr,
        )
        return 1
    path = write_claimreview(args.out, corpus.stances, corpus.articles, corpus.propositions)
    print(f"wrote {path}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from .corpus.datafiles import check_folder

    folder = Path(args.folder)
    if not folder.is_dir():
        raise NotADirectoryError(f"{folder} is not a folder: pass the corpus folder to check.")
    rows = check_folder(folder)
    present = [
        n
        for n in ("manifest.csv", "aliases.yaml", "codebook.yaml", "context.yaml")
        if (folder / n).exists() or (folder / n).is_symlink()
    ]
    for r in rows:
        where = f"{r['file']}:{r['line']}" if r["line"] else r["file"]
        print(f"{where}: {r['severity']}: {r['message']}")
    if rows:
        print(f"{len(rows)} problem(s) in the curated files of {folder}.", file=sys.stderr)
        return 1
    print(f"OK: {', '.join(present) or 'no curated files'} in {folder} passed every check.")
    return 0


def _cmd_site(args: argparse.Namespace) -> int:
    from .site import build_site

    out = build_site(Path(args.notebooks), Path(args.out), execute=not args.no_execute)
    print(f"Static site written to {out} (open index.html in a browser; works offline).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and docs)."""
    p = argparse.ArgumentParser(
        prog="iranstrikes",
        description="Load news articles into evidence-anchored tables of quotes, sources, dates and stances.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    load = sub.add_parser("load", help="load a folder of articles and write every table")
    load.add_argument(
        "folder",
        help="folder of .txt/.html articles (optionally with manifest.csv, aliases.yaml, codebook.yaml)",
    )
    load.add_argument(
        "--out",
        required=True,
        help="output: a folder, or a file name like corpus.csv / corpus.parquet / corpus.json (one file per table)",
    )
    load.add_argument(
        "--format",
        choices=["csv", "parquet", "json"],
        help="output format (default: from --out's suffix, else parquet)",
    )
    load.add_argument(
        "--engine",
        default="auto",
        choices=["auto", "serial", "processes", "dask"],
        help="where per-article work runs",
    )
    load.add_argument("--quiet", action="store_true", help="no progress bar")
    load.set_defaults(func=_cmd_load)
    dd = sub.add_parser("data-dictionary", help="print or write the data dictionary (Markdown)")
    dd.add_argument("--out", help="file to write (default: print)")
    dd.set_defaults(func=_cmd_dictionary)
    cr = sub.add_parser(
        "claimreview", help="export the coded claims as schema.org ClaimReview JSON-LD"
    )
    cr.add_argument(
        "folder", nargs="?", default=None, help="corpus folder (default: the bundled seeds)"
    )
    cr.add_argument("--out", required=True, help="output .jsonld / .json file")
    cr.set_defaults(func=_cmd_claimreview)
    chk = sub.add_parser(
        "check",
        help="strictly check a corpus folder's curated files (manifest, aliases, codebook, "
        "context); exits 1 when any has a problem",
    )
    chk.add_argument("folder", help="corpus folder")
    chk.set_defaults(func=_cmd_check)
    site = sub.add_parser(
        "build-site", help="execute the notebooks and export an offline static HTML site"
    )
    site.add_argument(
        "--notebooks", default="notebooks", help="folder of notebooks (default: notebooks)"
    )
    site.add_argument("--out", default="site", help="output folder (default: site)")
    site.add_argument(
        "--no-execute", action="store_true", help="export the saved outputs without re-running"
    )
    site.set_defaults(func=_cmd_site)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, NotADirectoryError, ValueError) as exc:
        print(f"iranstrikes: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
