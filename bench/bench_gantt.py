"""Benchmark: Gantt charts of 50, 500 and 2,000 rows, drawn and saved in each format.

Prints one table: for realistic random plans (owners, dimensions, budgets; lanes by
dimension) the median time to draw the chart on one page's axes (build) and to write it
as PNG (150 dpi), SVG and PDF with :func:`roadmap.save_gantt` (A4 landscape; PDF continues
on further pages, PNG and SVG are one tall page), with the number of PDF pages; and as the
baseline, in the same process, the naive chart: one ``barh`` patch and one ``annotate``
arrow per item, saved to PDF.

Run::

    python bench/bench_gantt.py           # 50, 500, 2,000 rows
    python bench/bench_gantt.py --quick   # 50, 500
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import roadmap as rm
from bench._plans import print_table, random_plan, timed

REPEATS = {50: 5, 500: 3, 2_000: 3}


def naive_pdf(plan: rm.Roadmap) -> None:
    """What one writes first: a patch per bar and an annotation per link, one tall figure."""
    sched = rm.schedule(plan)
    items = list(sched)
    fig, ax = plt.subplots(figsize=(11.69, max(8.27, 0.2 * len(items))))
    row = {s.id: k for k, s in enumerate(items)}
    for k, s in enumerate(items):
        ax.barh(k, max(s.days, 1), left=s.start.toordinal(), height=0.5)
        for link in s.driving:
            p = sched[link.id]
            ax.annotate(
                "",
                xy=(s.start.toordinal(), k),
                xytext=(p.finish.toordinal() + 1, row[p.id]),
                arrowprops={"arrowstyle": "->", "connectionstyle": "angle"},
            )
    ax.set_yticks(range(len(items)), [f"{s.id} {s.name}" for s in items])
    ax.invert_yaxis()
    fig.savefig(io.BytesIO(), format="pdf")
    plt.close(fig)


def measure(n: int, folder: Path) -> tuple[str, ...]:
    plan = rm.schedule(random_plan(n, realistic=True)).plan
    repeats = REPEATS[n]

    def build() -> None:
        fig, ax = plt.subplots(figsize=(11.69, 8.27))
        rm.plot_gantt(plan, ax=ax, group_by="dimension")
        fig.canvas.draw()
        plt.close(fig)

    t_build, _ = timed(build, repeats)
    cells = [f"{n:,}", f"{t_build:.2f} s"]
    pages = 0
    times = {}
    for fmt in ("png", "svg", "pdf"):
        out = folder / f"gantt_{n}.{fmt}"
        times[fmt], _ = timed(
            lambda out=out: rm.save_gantt(plan, out, group_by="dimension"), repeats
        )
        cells.append(f"{times[fmt]:.2f} s")
        if fmt == "pdf":
            pages = rm.save_gantt(plan, out, group_by="dimension")
    t_naive, _ = timed(lambda: naive_pdf(plan), repeats)
    cells += [
        str(pages),
        f"{times['pdf'] / n * 1000:.1f} ms",
        f"{t_naive:.2f} s",
        f"{t_naive / times['pdf']:.1f}x",
    ]
    return tuple(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the 2,000-row chart")
    parser.add_argument("--keep", metavar="DIR", help="keep the charts in DIR")
    args = parser.parse_args()
    sizes = [50, 500] if args.quick else [50, 500, 2_000]
    print(
        f"roadmap {rm.__version__}, matplotlib {matplotlib.__version__}, Python "
        f"{sys.version.split()[0]}; medians; A4 landscape, PNG at 150 dpi"
    )
    head = ("rows", "build", "PNG", "SVG", "PDF", "PDF pages", "PDF per row", "naive PDF", "ratio")
    rows = [head]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for n in sizes:
            print(f"measuring {n:,} rows ...", file=sys.stderr, flush=True)
            rows.append(measure(n, folder))
    print_table(rows)


if __name__ == "__main__":
    main()
