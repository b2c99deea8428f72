"""Generate an N-article benchmark corpus of realistic news text.

Articles are recombined from the bundled seed articles (``seeds/*.txt``) and the invented test
fixtures (``tests/fixtures/invented``, ``tests/fixtures/chronology``): a headline and a lede
from one source article, then paragraphs drawn from all of them until the article reaches its
target length (~600 words on average). The people quoted in the source paragraphs are renamed
consistently within each article from a pool of invented names, so a large corpus has many
speakers (as a real one does) rather than the same dozen. A ``manifest.csv`` gives each file an
outlet (from the outlet gazetteer and the seed manifest) and a publication date; about one file
in ten is left undated so that date inference has work to do.

Everything is a function of ``seed`` (``random.Random(seed)``): the same arguments always write
byte-for-byte the same files.

Run: .venv/bin/python benchmarks/make_corpus.py OUT_DIR N [--seed 0] [--no-manifest]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import random
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (
    ROOT / "seeds",
    ROOT / "tests" / "fixtures" / "invented",
    ROOT / "tests" / "fixtures" / "chronology",
)
FIRST = [
    "Amir",
    "Sara",
    "Daniel",
    "Leila",
    "Omar",
    "Nadia",
    "Peter",
    "Hannah",
    "Karim",
    "Elena",
    "Yusuf",
    "Marta",
    "Jonas",
    "Farah",
    "David",
    "Irene",
    "Samuel",
    "Noor",
    "Lukas",
    "Anna",
    "Reza",
    "Clara",
    "Tariq",
    "Sofia",
    "Hugo",
    "Mina",
    "Paul",
    "Lina",
    "Victor",
    "Dalia",
]
LAST = [
    "Moradi",
    "Keller",
    "Haddad",
    "Novak",
    "Larsen",
    "Farouk",
    "Brennan",
    "Okafor",
    "Lindgren",
    "Sadeghi",
    "Marsh",
    "Petrov",
    "Castillo",
    "Varga",
    "Holt",
    "Nasser",
    "Brandt",
    "Quinn",
    "Osei",
    "Ferreira",
    "Tamura",
    "Weller",
    "Rossi",
    "Kovac",
    "Ahmadi",
    "Sterling",
    "Duval",
    "Hakimi",
    "Berg",
    "Conte",
]
DATE0 = dt.date(2014, 10, 1)
DATE_SPAN_DAYS = 120


@cache
def _sources() -> list[dict]:
    """Source articles: headline, paragraphs and the full names of the people quoted."""
    from iranstrikes.quotes import extract_quotes

    out = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
            if len(paras) < 3:
                continue
            q = extract_quotes(text)
            people = sorted(
                {
                    s
                    for s, t in zip(q["speaker"], q["speaker_type"], strict=True)
                    if t == "person" and len(str(s).split()) >= 2
                },
                key=len,
                reverse=True,
            )
            body = [p for p in paras[1:] if len(p.split()) >= 8]
            out.append({"headline": paras[0], "paras": body, "people": people, "name": path.name})
    return out


def _outlets() -> list[tuple[str, str]]:
    """(outlet, country) pairs: the seed manifest's outlets and the gazetteer's."""
    pairs = []
    man = ROOT / "seeds" / "manifest.csv"
    with man.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            pairs.append((row["outlet"], row.get("outlet_country") or ""))
    gaz = ROOT / "iranstrikes" / "reference" / "outlets.csv"
    with gaz.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            pairs.append((row["outlet"], row.get("country") or ""))
    return sorted(set(pairs))


def _rename(text: str, mapping: dict[str, str]) -> str:
    """Replace each full name, then its surname alone, by the article's invented name."""
    for old, new in mapping.items():
        text = text.replace(old, new)
        text = re.sub(rf"\b{re.escape(old.split()[-1])}\b", new.split()[-1], text)
    return text


def make_article(rng: random.Random, words: int) -> str:
    """One recombined article of about ``words`` words."""
    src = _sources()
    lead = rng.choice(src)
    paras = [lead["paras"][0]]
    pool = [(s, p) for s in src for p in s["paras"]]
    count = len(paras[0].split())
    used_people: list[str] = list(lead["people"])
    while count < words:
        s, p = rng.choice(pool)
        paras.append(p)
        count += len(p.split())
        used_people += [n for n in s["people"] if n not in used_people]
    mapping = {}
    taken = set()
    for name in sorted(set(used_people), key=len, reverse=True):
        for _ in range(20):
            new = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            if new not in taken:
                break
        taken.add(new)
        mapping[name] = new
    body = "\n\n".join(paras)
    return _rename(lead["headline"], mapping) + "\n\n" + _rename(body, mapping) + "\n"


def make_corpus(out: str | Path, n: int, seed: int = 0, manifest: bool = True) -> Path:
    """Write ``n`` articles (and a manifest.csv) into ``out``.

    Args:
        out: Folder to write into (created if missing; existing generated files are replaced).
        n: Number of articles.
        seed: Seed of the random generator: the same seed writes the same corpus.
        manifest: Also write ``manifest.csv`` with outlet, country and publication date.

    Returns:
        The folder.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    outlets = _outlets()
    rows = []
    for i in range(n):
        words = max(150, int(rng.gauss(600, 180)))
        text = make_article(rng, words)
        name = f"{i:06d}_{hashlib.sha256(text.encode()).hexdigest()[:12]}.txt"
        (out / name).write_text(text, encoding="utf-8")
        outlet, country = rng.choice(outlets)
        date = DATE0 + dt.timedelta(days=rng.randrange(DATE_SPAN_DAYS))
        undated = rng.random() < 0.1
        rows.append(
            {
                "file": name,
                "outlet": outlet,
                "outlet_country": country,
                "published": "" if undated else date.isoformat(),
            }
        )
    if manifest:
        with (out / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=["file", "outlet", "outlet_country", "published"])
            w.writeheader()
            w.writerows(rows)
    return out


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-manifest", action="store_true")
    a = ap.parse_args()
    make_corpus(a.out, a.n, a.seed, manifest=not a.no_manifest)
    print(f"wrote {a.n} articles to {a.out}")


if __name__ == "__main__":
    main()
