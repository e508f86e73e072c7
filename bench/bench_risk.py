"""Benchmark: Monte Carlo simulation (roadmap.simulate) against a per-sample schedule() loop.

Random plans (bench._plans.random_plan, realistic: owners, budgets per year, ceilings;
about two links per item, 80 % FS with SS, FF and SF, a quarter with lags in days or
calendar months) get a three-point PERT range of -30 % .. +60 % on every initiative.  For
100, 1,000 and 10,000 items the table gives the median time of ``simulate(plan, 10_000)``
(the passes over all samples, criticality, cruciality, percentiles and yearly spend), the
time per sample, and the baseline: the same samples scheduled one by one with
``roadmap.schedule`` on a plan whose sampled items carry their sampled durations, timed
over a few samples and scaled to 10,000; the ratio is baseline / simulate.

Run::

    python bench/bench_risk.py            # 100, 1k, 10k items x 10,000 samples
    python bench/bench_risk.py --quick    # 100, 1k items
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import attrs
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import roadmap as rm
from bench._plans import print_table, random_plan, timed
from roadmap.dates import Duration
from roadmap.risk.sampling import Uncertainty
from roadmap.risk.simulation import days_for

SAMPLES = 10_000
REPEATS = {100: 7, 1_000: 5, 10_000: 3}
BASELINE_SAMPLES = {100: 200, 1_000: 40, 10_000: 5}


def uncertain(n: int) -> rm.Roadmap:
    plan = random_plan(n, seed=n, realistic=True)
    items = [attrs.evolve(i, duration_range=["-30%", "+60%"]) for i in plan.initiatives]
    return attrs.evolve(plan, initiatives=items)


def baseline(plan: rm.Roadmap, samples: int) -> float:
    """Seconds per sample of scheduling each sample with roadmap.schedule."""
    sched = rm.schedule(plan)
    draws = Uncertainty(plan, sched, days_for(plan, sched.finish_day)).draw(
        np.random.default_rng(1), samples
    )
    t0 = time.perf_counter()
    for k in range(samples):
        items = list(plan.initiatives)
        for pos, units in draws.sampled.units.items():
            items[pos] = attrs.evolve(items[pos], duration=Duration(days=int(units[k])),
                                      finish=None, duration_range=None)  # fmt: skip
        rm.schedule(attrs.evolve(plan, initiatives=items))
    return (time.perf_counter() - t0) / samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 items only")
    args = parser.parse_args()
    sizes = [100, 1_000] if args.quick else [100, 1_000, 10_000]
    rows = [("items", "links", "samples", "simulate (s)", "min (s)", "us/sample",
             "schedule() loop (s, est.)", "ratio")]  # fmt: skip
    for n in sizes:
        plan = uncertain(n)
        links = sum(len(i.links) for i in plan.items)
        rm.simulate(plan, 100, seed=0)  # warm: compile the plan once, as any first call does
        median, low = timed(lambda plan=plan: rm.simulate(plan, SAMPLES, seed=1), REPEATS[n])
        per = baseline(plan, BASELINE_SAMPLES[n])
        rows.append((f"{n:,}", f"{links:,}", f"{SAMPLES:,}", f"{median:.3f}", f"{low:.3f}",
                     f"{1e6 * median / SAMPLES:.1f}", f"{per * SAMPLES:.1f}",
                     f"{per * SAMPLES / median:.0f}x"))  # fmt: skip
    print_table(rows)


if __name__ == "__main__":
    main()
