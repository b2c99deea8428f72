"""Draw the scaling curve of ``load_corpus`` from the rows ``bench_load.py --out`` wrote.

One line per step (the per-article stage and each cross-article step), seconds against corpus
size on log-log axes, with a dashed reference line of slope 1 (linear cost) through the
per-article stage's first point. The chart is saved as SVG next to the CSV it is drawn from.

Run: .venv/bin/python benchmarks/plot_scale.py benchmarks/results/load.csv
"""

from __future__ import annotations

import argparse
from pathlib import Path

import altair as alt
import pandas as pd

STEPS = ("per_article", "assemble", "people", "propagation", "chronology", "claims", "validate")


def scale_chart(rows: pd.DataFrame, engine: str = "processes") -> alt.Chart:
    """Seconds per step against the number of articles (log-log), for one engine.

    Args:
        rows: The CSV of ``bench_load.py --out``; the latest run per size is used.
        engine: Which engine's runs to draw.

    Returns:
        The layered chart.
    """
    r = rows[(rows["engine"] == engine) & (~rows["cross_only"].astype(str).eq("True"))]
    r = r.drop_duplicates("n", keep="last").sort_values("n")
    cols = [f"s_{s}" for s in STEPS]
    long = r[["n", *cols]].melt(
        id_vars=["n"], value_vars=cols, var_name="step", value_name="seconds"
    )
    long["step"] = long["step"].str.removeprefix("s_")
    long = long[long["seconds"] > 0]
    base = float(r["s_per_article"].iloc[0]) / float(r["n"].iloc[0])
    ref = pd.DataFrame({"n": r["n"], "seconds": base * r["n"], "step": "linear (slope 1)"})
    x = alt.X("n:Q", scale=alt.Scale(type="log"), title="articles")
    y = alt.Y("seconds:Q", scale=alt.Scale(type="log"), title="seconds")
    lines = (
        alt.Chart(long)
        .mark_line(point=True)
        .encode(
            x=x, y=y, color=alt.Color("step:N", sort=list(STEPS)), tooltip=["step", "n", "seconds"]
        )
    )
    linear = alt.Chart(ref).mark_line(strokeDash=[4, 4], color="gray").encode(x=x, y=y)
    return (linear + lines).properties(
        width=420, height=300, title=f"load_corpus, {engine}: seconds per step by corpus size"
    )


def main(argv: list[str] | None = None) -> Path:
    """Command-line entry point; returns the SVG path."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("csv", type=Path)
    ap.add_argument("--engine", default="processes")
    a = ap.parse_args(argv)
    chart = scale_chart(pd.read_csv(a.csv), a.engine)
    out = a.csv.with_suffix(".svg")
    chart.save(out)
    print(out)
    return out


if __name__ == "__main__":
    main()
