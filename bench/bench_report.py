"""Benchmark: the HTML report of plans of 41 (the example), 100 and 500 items.

Prints one table: the median time to build the report of a freshly loaded plan (schedule,
checks, the charts as SVG, the templates), its size, and as the baseline measured in the
same process the Gantt chart alone as a one-page SVG (what the report's largest section
costs), with the ratio.

Run::

    python bench/bench_report.py            # example, 100, 500 items
    python bench/bench_report.py --quick    # example and 100 items
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import roadmap as rm
from bench._plans import print_table, random_plan, timed

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "tanjungpinang_2019_2023.toml"


def measure(label: str, plan: rm.Roadmap) -> tuple[str, ...]:
    text = rm.dumps(plan, "json")

    def fresh() -> rm.Roadmap:  # nothing cached: a plan keeps its schedule
        return rm.loads(text, "json")

    t_report, _ = timed(lambda: rm.report(fresh()), 5)
    size = rm.report(plan).size
    t_gantt, _ = timed(lambda: rm.plot.render_gantt(fresh(), "svg", paper="A3"), 5)
    return (label, f"{len(plan.items):,}", f"{t_report:.2f} s", f"{size / 1024:,.0f} KiB",
            f"{t_gantt:.2f} s", f"{t_report / t_gantt:.1f}x")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the 500-item plan")
    args = parser.parse_args()
    print(f"roadmap {rm.__version__}, Python {sys.version.split()[0]}; medians of 5 runs")
    plans = [("example", rm.load(EXAMPLE)), ("random", random_plan(100, realistic=True))]
    if not args.quick:
        plans.append(("random", random_plan(500, realistic=True)))
    rows = [("plan", "items", "report", "size", "Gantt SVG alone", "ratio")]
    for label, plan in plans:
        print(f"measuring {label} ({len(plan.items)}) ...", file=sys.stderr)
        rows.append(measure(label, plan))
    print_table(rows)


if __name__ == "__main__":
    main()
