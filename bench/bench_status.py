"""Benchmark: roadmap status (re-forecast, baseline, earned value) of tracked plans.

Broad random plans of 1k and 10k items (half a link each, so that most items run in the
first years, as in a roadmap) are tracked to the middle of their
schedule: every item started by then has an actual start, those finished an actual finish
and cost, and those under way a monthly realisation record (cumulative progress, money
spent) for every month they ran in the year before the status date, as the monthly RFK
reports every item that ran, finished or not.  The table gives the median time of
:func:`roadmap.status` on a freshly loaded plan, the number of records, and as the baseline
measured in the same process the first :func:`roadmap.schedule` of the same plan.

Run::

    python bench/bench_status.py            # 1k, 10k items, and 10k with 12 records each
    python bench/bench_status.py --quick    # 1k items
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import roadmap as rm
from bench._plans import print_table, random_plan, timed


def tracked(n: int, dense: bool = False) -> rm.Roadmap:
    """A random plan of *n* items with a baseline and actuals to its middle."""
    plan = random_plan(n, realistic=True, links_per_item=0.5)  # broad: most items run early
    sched = rm.schedule(plan)
    day = plan.start + (sched.finish - plan.start) / 2
    months = []
    first = day - timedelta(days=365)
    y, m = first.year, first.month
    while (end := date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)) <= day:
        months.append(end)
        y, m = end.year + (end.month == 12), end.month % 12 + 1
    initiatives, records = [], []
    for item in plan.initiatives:
        s = sched[item.id]
        if s.start > day:
            initiatives.append(item)
            continue
        done = s.finish <= day
        initiatives.append(attrs.evolve(item, actual_start=s.start,
                                        actual_finish=s.finish if done else None))  # fmt: skip
        # The RFK: a record for every month the item ran in the year before the status date.
        ran = months if dense else [e for e in months if s.start <= e
                                     and e - timedelta(days=31) < s.finish]  # fmt: skip
        for k, end in enumerate(ran, start=1):
            share = max(0.0, min(1.0, 0.9 * ((end - s.start).days + 1) / s.days))
            spent = round((item.budget_amount or 0) / max(len(ran), 1))
            records.append(rm.Realisation(item=item.id, date=end, progress=share, spent=spent,
                                          note=None if k % 3 else "catatan"))  # fmt: skip
    plan = attrs.evolve(plan, initiatives=initiatives, realisation=records, status_date=day)
    return rm.tracking.with_baseline(plan, rm.make_baseline(plan, "base", sched=sched))


def measure(n: int, dense: bool = False) -> tuple[str, ...]:
    plan = tracked(n, dense)
    text = rm.dumps(plan, "json")

    # Freshly loaded plans, loaded before the clock starts: a plan keeps its schedule.
    for_status = iter([rm.loads(text, "json") for _ in range(5)])
    for_schedule = iter([rm.loads(text, "json") for _ in range(5)])
    t_status, _ = timed(lambda: rm.status(next(for_status), by="year"), 5)
    t_schedule, _ = timed(lambda: rm.schedule(next(for_schedule)), 5)
    return (f"{len(plan.items):,}" + (" (12 records each)" if dense else ""),
            f"{len(plan.realisation):,}", f"{t_status:.3f} s",
            f"{t_schedule:.3f} s", f"{t_status / t_schedule:.1f}x")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the 10k-item plan")
    args = parser.parse_args()
    print(f"roadmap {rm.__version__}, Python {sys.version.split()[0]}; medians of 5 runs; "
          "status = status(plan, by='year') of a freshly loaded plan")  # fmt: skip
    rows = [("items", "records", "status", "schedule (baseline)", "ratio")]
    for n, dense in [(1_000, False)] + ([] if args.quick else [(10_000, False), (10_000, True)]):
        print(f"measuring {n:,} items ...", file=sys.stderr)
        rows.append(measure(n, dense))
    print_table(rows)


if __name__ == "__main__":
    main()
