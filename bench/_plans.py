"""Random plans for the benchmarks: about two links per item, realistic units."""

from __future__ import annotations

import random
from datetime import date, timedelta

from roadmap import Dependency, Duration, Initiative, Milestone, Roadmap

START = date(2019, 1, 1)


def random_plan(n: int, seed: int = 0, links_per_item: float = 2.0, window: int = 500) -> Roadmap:
    """A plan of *n* items; each links to about *links_per_item* of the *window* before it.

    Durations: 70 % in days, 30 % in months; 5 % of items are milestones, 10 % have a
    planned start; links are 80 % FS, with SS, FF and SF, and a quarter carry a lag.
    """
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
        initiatives.append(
            Initiative(
                id=f"T{i}", name=f"Initiative {i}", duration=duration, start=start, depends_on=links
            )
        )
    return Roadmap(name=f"random {n}", start=START, initiatives=initiatives, milestones=milestones)
