"""Benchmark: leveling quality and speed on PSPLIB j30 (480 instances with proven optima).

Two tables.  *Resource-constrained* (the classic RCPSP): for the built-in heuristic
(roadmap.leveling.rcpsp.search, a genetic algorithm with double justification, 5,000
schedules a run, pure Python) and for OR-Tools CP-SAT (one worker, 10 s an instance),
the average deviation of the makespan from the optimum in ``j30opt.sm``, the instances at
the optimum, and the time per instance.  *Budget ceiling*: the first resource of each
instance becomes money (an activity spends its demand every day it runs) with a ceiling
per 10-day period of ten times its capacity, the other three stay resources; the
heuristic is compared with CP-SAT's optimum (instances CP-SAT proves optimal).

The instances are read from ``../shared/data/psplib`` by ``bench/_psplib.py``.

Run::

    python bench/bench_level.py                  # all 480 instances (about 20 minutes)
    python bench/bench_level.py --every 8        # every 8th instance (60)
    python bench/bench_level.py --table budget   # only the budget-ceiling table
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._plans import print_table
from bench._psplib import Instance, instances, optima
from roadmap.leveling import exact
from roadmap.leveling.rcpsp import Pool, Project, search

SCHEDULES = 5000
PERIOD = 10


def project(inst: Instance, *, budget: bool = False) -> Project:
    gaps: list[list[tuple[int, int]]] = [[] for _ in inst.durations]
    for i, succs in enumerate(inst.successors):
        for j in succs:
            gaps[j].append((i, inst.durations[i]))
    if not budget:
        return Project(inst.durations, gaps, demand=inst.demand, capacity=inst.capacity)
    periods = inst.horizon // PERIOD + 2
    money = Pool(
        bounds=[k * PERIOD for k in range(periods + 1)],
        ceiling=[inst.capacity[0] * PERIOD] * periods,
        cost={j: inst.demand[0][j] * d for j, d in enumerate(inst.durations) if d},
        fixed=[0] * periods,
    )
    return Project(inst.durations, gaps, demand=inst.demand[1:], capacity=inst.capacity[1:],
                   pools=[money])  # fmt: skip


def rcpsp(chosen: list[Instance], opt: dict[str, int], solver: bool) -> None:
    rows = [("method", "instances", "avg deviation", "at optimum", "s/instance (median)",
             "s/instance (max)", "total (s)")]  # fmt: skip
    runs = [("heuristic, 5,000 schedules", "heuristic")]
    if solver:
        runs.append(("CP-SAT, 1 worker, 10 s", "exact"))
    for label, how in runs:
        devs, times, hits = [], [], 0
        for inst in chosen:
            p = project(inst)
            t0 = time.perf_counter()
            if how == "heuristic":
                makespan = search(p, horizon=inst.horizon, schedules=SCHEDULES, seed=1)[0].makespan
            else:
                ex = exact.solve(p, horizon=inst.horizon, time_limit=10, tiebreak=False)
                assert ex.start is not None
                makespan = max(ex.start[j] + p.length[j] for j in range(p.n))
            times.append(time.perf_counter() - t0)
            best = opt[inst.name]
            assert makespan >= best, (inst.name, makespan, best)
            devs.append((makespan - best) / best)
            hits += makespan == best
        rows.append((label, str(len(chosen)), f"{100 * statistics.mean(devs):.3f} %",
                     str(hits), f"{statistics.median(times):.3f}", f"{max(times):.2f}",
                     f"{sum(times):.0f}"))  # fmt: skip
    print_table(rows)


def budget(chosen: list[Instance]) -> None:
    rows = [("instances", "CP-SAT proved", "heuristic within 1 %", "share", "avg gap",
             "heuristic s/instance", "CP-SAT s/instance")]  # fmt: skip
    proved, within, gaps, th, te = 0, 0, [], [], []
    for inst in chosen:
        p = project(inst, budget=True)
        t0 = time.perf_counter()
        ex = exact.solve(p, horizon=inst.horizon, time_limit=10, tiebreak=False)
        te.append(time.perf_counter() - t0)
        if ex.start is None or not ex.optimal:
            continue
        proved += 1
        best = max(ex.start[j] + p.length[j] for j in range(p.n))
        t0 = time.perf_counter()
        found = search(p, horizon=inst.horizon, schedules=SCHEDULES, seed=1)[0]
        th.append(time.perf_counter() - t0)
        gap = (found.makespan - best) / best
        gaps.append(gap)
        within += gap <= 0.01
    share = 100 * within / max(proved, 1)
    rows.append((str(len(chosen)), str(proved), str(within), f"{share:.1f} %",
                 f"{100 * statistics.mean(gaps or [0]):.3f} %",
                 f"{statistics.median(th or [0]):.3f}",
                 f"{statistics.median(te):.3f}"))  # fmt: skip
    print_table(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--every", type=int, default=1, help="every Nth instance only")
    parser.add_argument("--table", choices=("rcpsp", "budget", "both"), default="both")
    args = parser.parse_args()
    chosen = instances()[:: args.every]
    solver = exact.available()
    if not solver:
        print("(OR-Tools is not installed: pip install 'roadmap[solver]' for the CP-SAT rows)")
    if args.table in ("rcpsp", "both"):
        rcpsp(chosen, optima(), solver)
    if args.table in ("budget", "both") and solver:
        print()
        budget(chosen)


if __name__ == "__main__":
    main()
