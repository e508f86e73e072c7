"""Random plans for the benchmarks (about two links per item, realistic units) and a timer."""

from __future__ import annotations

import gc
import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import attrs

from roadmap import (
    DIMENSIONS,
    Dependency,
    Duration,
    Initiative,
    Milestone,
    Roadmap,
    allocations,
    schedule,
)

START = date(2019, 1, 1)


def timed(fn: Callable[[], Any], repeats: int) -> tuple[float, float]:
    """Median and minimum wall time of *fn* in seconds, with a collection before each run."""
    times = []
    for _ in range(repeats):
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
        del result  # freeing what fn made is not part of its time
    return statistics.median(times), min(times)


OWNERS = ("Diskominfo", "Bappelitbang", "Dinkes", "Dishub", "DPMPTSP", "Disdukcapil", "DLH")


def print_table(rows: list[tuple[str, ...]], left_last: bool = False) -> None:
    """Print rows (the first is the header) right-aligned, with a rule under the header.

    With *left_last*, the last column is free text: left-aligned and not padded.
    """
    n = len(rows[0]) - (1 if left_last else 0)
    widths = [max(len(r[c]) for r in rows) for c in range(n)]
    for k, row in enumerate(rows):
        cells = [c.rjust(w) for c, w in zip(row[:n], widths, strict=True)]
        print("  ".join([*cells, *row[n:]]).rstrip())
        if k == 0:
            print("  ".join("-" * w for w in widths) + ("  -----" if left_last else ""))


def random_plan(
    n: int,
    seed: int = 0,
    links_per_item: float = 2.0,
    window: int | None = None,
    realistic: bool = False,
) -> Roadmap:
    """A plan of *n* items; each links to about *links_per_item* of the *window* before it.

    The window is 500 items, and ``n // 50`` beyond 25,000 items: a deeper plan would run
    past 2200, the last year a plan may use (100,000 items in a window of 500 end in 2325).

    Durations: 70 % in days, 30 % in months; 5 % of items are milestones, 10 % have a
    planned start; links are 80 % FS, with SS, FF and SF, and a quarter carry a lag.
    With *realistic*, initiatives also get an owner, a dimension, a budget (a total, or per
    year for a tenth of them) and funding, and the roadmap yearly ceilings and an end.
    """
    window = window or max(500, n // 50)
    rng = random.Random(seed)
    initiatives: list[Initiative] = []
    milestones: list[Milestone] = []
    types = ["FS"] * 8 + ["SS", "FF"] + ["SF"] * (1 if rng.random() < 0.5 else 0)
    for i in range(n):
        k = min(i, int(links_per_item) + (rng.random() < links_per_item % 1))
        preds = rng.sample(range(max(0, i - window), i), k) if k else []
        links = []
        for p in preds:
            lag = Duration()
            if rng.random() < 0.25:
                lag = (
                    Duration(days=rng.randint(-10, 30))
                    if rng.random() < 0.8
                    else Duration(months=rng.randint(1, 3))
                )
            links.append(Dependency(id=f"T{p}", type=rng.choice(types), lag=lag))
        if rng.random() < 0.05:
            milestones.append(Milestone(id=f"T{i}", name=f"Milestone {i}", depends_on=links))
            continue
        duration = (
            Duration(days=rng.randint(5, 120))
            if rng.random() < 0.7
            else Duration(months=rng.randint(1, 12))
        )
        start = START + timedelta(days=rng.randint(0, 900)) if rng.random() < 0.1 else None
        extra: dict[str, object] = {}
        if realistic:
            extra = {
                "owner": rng.choice(OWNERS),
                "dimension": rng.choice(DIMENSIONS),
                "funding": rng.choice(["APBD", "APBN", "DAK", ("APBD", "CSR")]),
                "budget": rng.randrange(50, 5000) * 1_000_000,
            }
        initiatives.append(
            Initiative(
                id=f"T{i}",
                name=f"Initiative {i}",
                duration=duration,
                start=start,
                depends_on=links,
                **extra,  # type: ignore[arg-type]
            )
        )
    plan = Roadmap(name=f"random {n}", start=START, initiatives=initiatives, milestones=milestones)
    if realistic:
        plan = _as_a_planner_would(plan, rng)
    return plan


def _as_a_planner_would(plan: Roadmap, rng: random.Random) -> Roadmap:
    """The plan as a careful planner hands it in, with about 1 % of items left defective.

    Planned starts only where nothing precedes, cross-year budgets split per year, a horizon
    that holds the plan and ceilings twice the average year; about 1 % of items keep an
    undivided cross-year budget or a conflicting planned start.
    """
    inits = [
        i if not i.depends_on or rng.random() < 0.01 else attrs.evolve(i, start=None)
        for i in plan.initiatives
    ]
    plan = attrs.evolve(plan, initiatives=inits)
    split = allocations(plan)
    inits = [
        attrs.evolve(i, budget=split[i.id])
        if len(split.get(i.id, ())) > 1 and rng.random() >= 0.01 else i
        for i in inits
    ]  # fmt: skip
    plan = attrs.evolve(plan, initiatives=inits)
    finish = schedule(plan).finish
    years = range(START.year, finish.year + 1)
    per_year = sum(sum(v.values()) for v in split.values()) // len(years)
    return attrs.evolve(plan, end=finish, ceilings=dict.fromkeys(years, per_year * 2))
