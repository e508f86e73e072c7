"""Benchmark: feasibility checks of random plans.

Prints one table: for realistic random plans (owners, dimensions, budgets, ceilings; about
two links per item) of 1k, 10k and 100k items, the median time of ``check()`` on a fresh
plan object (which compiles and schedules it) and again on the same plan (which keeps its
schedule, so only the rules run), the number of findings, and as the baseline the first
``schedule()`` of a fresh plan in the same process.

Run::

    python bench/bench_check.py           # 1k, 10k, 100k
    python bench/bench_check.py --quick   # 1k, 10k
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import roadmap as rm
from bench._plans import print_table, random_plan, timed

REPEATS = {1_000: 15, 10_000: 9, 100_000: 7}


def measure(n: int) -> tuple[str, ...]:
    plan = random_plan(n, realistic=True)
    repeats = REPEATS[n]
    fresh = iter([attrs.evolve(plan) for _ in range(repeats)])
    t_first, _ = timed(lambda: rm.check(next(fresh)), repeats)
    report = rm.check(plan)
    t_again, _ = timed(lambda: rm.check(plan), repeats)
    fresh = iter([attrs.evolve(plan) for _ in range(repeats)])
    t_sched, _ = timed(lambda: rm.schedule(next(fresh)), repeats)
    codes = sorted({f.code for f in report})
    return (
        f"{n:,}", f"{t_first:.3f} s", f"{t_again:.3f} s", f"{t_sched:.3f} s",
        f"{t_first / t_sched:.2f}x", f"{len(report):,}", ", ".join(codes) or "-",
    )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the 100k plan")
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    print(
        f"roadmap {rm.__version__}, Python {sys.version.split()[0]}; medians; 'again' = "
        "check() of a plan already scheduled (the rules alone); schedule = the first "
        "schedule() of a fresh plan; ratio = check (first) / schedule"
    )
    head = ("items", "check (first)", "check (again)", "schedule", "ratio", "findings", "codes")
    rows = [head]
    for n in sizes:
        print(f"measuring {n:,} items ...", file=sys.stderr, flush=True)
        rows.append(measure(n))
    print_table(rows, left_last=True)


if __name__ == "__main__":
    main()
