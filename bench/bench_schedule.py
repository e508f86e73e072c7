"""Benchmark: load, graph build and critical-path scheduling of random plans.

Prints one table: for random plans of 1k, 10k and 100k items (about two links each) the
median time to load the plan from TOML, to build the networkx graph, to schedule it the
first time (a plan just read from a JSON file: compile and passes) and again on a plan
already compiled (the passes alone: a Roadmap is immutable, so it keeps its compiled
form), the peak memory of scheduling, and a straightforward networkx + ``datetime``
CPM run in the same process as the baseline, with the ratio.

Run::

    python bench/bench_schedule.py            # 1k, 10k, 100k
    python bench/bench_schedule.py --quick    # 1k, 10k only
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import networkx as nx
from dateutil.relativedelta import relativedelta

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import roadmap as rm
from bench._plans import print_table, random_plan, timed

REPEATS = {1_000: 15, 10_000: 9, 100_000: 7}


def peak_memory(fn: Callable[[], Any]) -> float:
    """Peak extra memory of one call, in MB (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


# -- the baseline: what one would write first with networkx and datetime ----------------


def baseline_cpm(plan: rm.Roadmap) -> tuple[date, dict[str, int]]:
    """Straightforward CPM: a networkx DiGraph, dates and relativedelta in both passes.

    Same semantics as roadmap.schedule (four link types, lags resolved at the early
    dates, planned starts, milestones at the end of their day); returns the finish and the
    total slack per item so the two can be compared.
    """
    g = nx.DiGraph()
    for item in plan.items:
        g.add_node(item.id, item=item)
    for item in plan.items:
        for link in item.links:
            g.add_edge(link.id, item.id, type=link.type, lag=link.lag)

    def rd(d: rm.Duration) -> relativedelta:
        return relativedelta(
            years=d.years, months=d.total_months - 12 * d.years, weeks=d.weeks, days=d.days
        )

    es: dict[str, date] = {}
    ef: dict[str, date] = {}
    lag_days: dict[tuple[str, str], timedelta] = {}
    for n in nx.topological_sort(g):
        item = g.nodes[n]["item"]
        start = plan.start
        if isinstance(item, rm.Milestone):
            start = max(plan.start, item.date or plan.start) + timedelta(days=1)
        elif item.start:
            start = max(start, item.start)
        finish_bound = None
        for p in g.predecessors(n):
            data = g.edges[p, n]
            anchor = ef[p] if data["type"] in ("FS", "FF") else es[p]
            lag = anchor + rd(data["lag"]) - anchor
            lag_days[p, n] = lag
            bound = anchor + lag
            if data["type"] in ("FS", "SS"):
                start = max(start, bound)
            else:
                finish_bound = bound if finish_bound is None else max(finish_bound, bound)
        end = start + rd(item.span)
        if finish_bound is not None and finish_bound > end:
            start = finish_bound - rd(item.span)
            end = finish_bound
        es[n], ef[n] = start, end
    finish = max(ef.values())
    lf: dict[str, date] = {}
    slack: dict[str, int] = {}
    for n in reversed(list(nx.topological_sort(g))):
        late = finish
        for s in g.successors(n):
            data = g.edges[n, s]
            lag = lag_days[n, s]
            ls = lf[s] - (ef[s] - es[s])
            dur = ef[n] - es[n]
            late = min(
                late,
                {
                    "FS": ls - lag,
                    "SS": ls - lag + dur,
                    "FF": lf[s] - lag,
                    "SF": lf[s] - lag + dur,
                }[data["type"]],
            )
        lf[n] = late
        slack[n] = (late - ef[n]).days
    return finish - timedelta(days=1), slack


def measure(n: int) -> tuple[tuple[str, ...], float]:
    """One row of the table for a random plan of *n* items, and schedule time per item."""
    plan = random_plan(n)
    links = sum(len(i.links) for i in plan.items)
    repeats = REPEATS[n]
    text = rm.dumps(plan)
    t_load, _ = timed(lambda: rm.loads(text), max(3, repeats // 3))
    t_graph, _ = timed(lambda: rm.build_graph(plan), repeats)
    # First call: on a plan freshly read from a file (JSON, not timed), so the compile of
    # ids and links is measured as a user meets it.
    t_first, m_first = first_call(rm.dumps(plan, format="json"), repeats)
    rm.schedule(plan)

    def passes_only() -> None:
        # The plan keeps its compiled form and its schedule: drop the schedule, keep the
        # compiled form, so that only the passes run.
        object.__setattr__(plan, "_schedule", None)
        rm.schedule(plan)

    t_again, m_again = timed(passes_only, repeats)
    mem = peak_memory(lambda: rm.schedule(attrs.evolve(plan)))
    t_base, _ = timed(lambda: baseline_cpm(plan), max(3, repeats // 2))
    # Same answer as the baseline, or the comparison means nothing.
    finish, slack = baseline_cpm(plan)
    sched = rm.schedule(plan)
    assert finish == sched.finish, (finish, sched.finish)
    assert all(sched[i].total_slack == s for i, s in slack.items())
    row = (
        f"{n:,}", f"{links:,}", f"{t_load:.3f} s", f"{t_graph:.3f} s",
        f"{t_first:.3f} s ({m_first:.3f})", f"{t_again:.3f} s ({m_again:.3f})",
        f"{mem:.1f}", f"{t_base:.3f} s", f"{t_base / t_first:.1f}x", f"{t_base / t_again:.1f}x",
    )  # fmt: skip
    return row, t_first / n


def first_call(text: str, repeats: int) -> tuple[float, float]:
    """Median and minimum time of the first schedule() of a plan just loaded from *text*."""
    times = []
    for _ in range(repeats):
        plan = rm.loads(text, "json")
        gc.collect()
        t0 = time.perf_counter()
        rm.schedule(plan)
        times.append(time.perf_counter() - t0)
        del plan
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the 100k plan")
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]

    print(
        f"roadmap {rm.__version__}, Python {sys.version.split()[0]}; medians (min) of "
        "repeated runs; 'again' = the passes on a plan already compiled"
    )
    head = (
        "items",
        "links",
        "load TOML",
        "graph",
        "schedule",
        "again",
        "peak MB",
        "baseline",
        "ratio",
        "again ratio",
    )
    rows = [head]
    per_item: list[float] = []
    for n in sizes:
        print(f"measuring {n:,} items ...", file=sys.stderr, flush=True)
        row, first_per_item = measure(n)
        rows.append(row)
        per_item.append(first_per_item)
    print_table(rows)
    growth = ", ".join(f"{per_item[k] / per_item[0]:.2f}" for k in range(len(per_item)))
    print(f"\nschedule time per item relative to {sizes[0]:,} items: {growth} (1.00 = linear)")
    print(f"import roadmap: {import_time() * 1000:.0f} ms (fresh interpreter, median of 5)")


def import_time() -> float:
    import subprocess

    code = "import time; t = time.perf_counter(); import roadmap; print(time.perf_counter() - t)"
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(5)
    ]
    return statistics.median(runs)


if __name__ == "__main__":
    main()
