"""Differential test of roadmap.scheduler against TaskJuggler (tj3), skipped when absent.

Random plans of FS and SS links with lags, calendar-day durations and milestones are
written as one TaskJuggler project (``duration`` in calendar days, ``gapduration`` for lags,
``onstart`` for SS) and scheduled by both.  TaskJuggler's CSV ``End`` is the exclusive
midnight after the last day, our half-open end.
"""

from __future__ import annotations

import csv
import random
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from roadmap import Dependency, Initiative, Milestone, Roadmap, schedule

TJ3 = shutil.which("tj3")
pytestmark = pytest.mark.skipif(TJ3 is None, reason="TaskJuggler (tj3) is not installed")
START = date(2019, 1, 1)


def random_plan(rng: random.Random, n: int) -> Roadmap:
    """N items; each links to up to three earlier ones with FS or SS and a lag of 0-20 days."""
    items: list[Initiative | Milestone] = []
    for i in range(n):
        preds = rng.sample(range(i), k=min(i, rng.randint(0, 3)))
        links = [
            Dependency(
                id=f"t{p}",
                type=rng.choice(["FS", "SS"]),
                lag=rng.choice([0, 0, rng.randint(1, 20)]),
            )
            for p in preds
        ]
        if preds and rng.random() < 0.1:
            # TaskJuggler milestones take finish-to-start links only.
            items.append(
                Milestone(
                    id=f"t{i}",
                    name=f"t{i}",
                    depends_on=[Dependency(id=link.id, lag=link.lag) for link in links],
                )
            )
        else:
            items.append(
                Initiative(id=f"t{i}", name=f"t{i}", duration=rng.randint(1, 60), depends_on=links)
            )
    return Roadmap(
        name="random",
        start=START,
        initiatives=[i for i in items if isinstance(i, Initiative)],
        milestones=[m for m in items if isinstance(m, Milestone)],
    )


def to_tjp(plans: list[Roadmap]) -> str:
    lines = [
        f'project p "p" {START.isoformat()} +20y {{\n  timezone "UTC"\n}}',
    ]
    for k, plan in enumerate(plans):
        for item in plan.items:
            body = []
            if isinstance(item, Milestone):
                body.append("milestone")
            else:
                assert item.duration is not None
                assert item.duration.fixed_days is not None
                body.append(f"duration {item.duration.fixed_days}d")
            for link in item.links:
                opts = []
                if link.type == "SS":
                    opts.append("onstart")
                if link.lag.fixed_days:
                    opts.append(f"gapduration {link.lag.fixed_days}d")
                dep = f"depends p{k}_{link.id}"
                body.append(dep + (" { " + " ".join(opts) + " }" if opts else ""))
            lines.append(f'task p{k}_{item.id} "{item.id}" {{ ' + " ".join(body) + " }")
    lines.append(
        'taskreport "out" { formats csv columns id, start, end timeformat "%Y-%m-%d %H:%M" }'
    )
    return "\n".join(lines) + "\n"


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_same_dates_as_taskjuggler(tmp_path: Path, seed: int) -> None:
    """Early start and exclusive end of every item agree with tj3 on 40 random plans."""
    rng = random.Random(seed)
    plans = [random_plan(rng, rng.randint(2, 25)) for _ in range(40)]
    (tmp_path / "p.tjp").write_text(to_tjp(plans))
    assert TJ3 is not None
    subprocess.run([TJ3, "--silent", "p.tjp"], cwd=tmp_path, check=True, timeout=300)
    with open(tmp_path / "out.csv", newline="") as fh:
        theirs = {
            row["Id"]: (
                datetime.strptime(row["Start"], "%Y-%m-%d %H:%M").date(),
                datetime.strptime(row["End"], "%Y-%m-%d %H:%M").date(),
            )
            for row in csv.DictReader(fh, delimiter=";")
        }
    compared = 0
    for k, plan in enumerate(plans):
        sched = schedule(plan)
        for item in sched:
            if item.kind == "milestone":
                ours = (item.finish.toordinal() + 1,) * 2
            else:
                ours = (item.start.toordinal(), item.finish.toordinal() + 1)
            start, end = theirs[f"p{k}_{item.id}"]
            assert ours == (start.toordinal(), end.toordinal()), (k, item.id)
            compared += 1
    assert compared > 300
