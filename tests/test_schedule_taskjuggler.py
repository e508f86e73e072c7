"""Differential test of roadmap.scheduler against TaskJuggler (tj3).

Random plans of FS, SS and FF links with lags and leads, calendar-day durations and
milestones are written as one TaskJuggler project (``duration`` in calendar days,
``gapduration`` for lags, ``onstart`` for SS) and scheduled by both; the start and the end
of every item must agree.  TaskJuggler's CSV ``End`` is the exclusive midnight after the
last day, our half-open end.

TaskJuggler's ``depends`` constrains a task's start from another task's start or end with
a gap of zero or more; it has no finish-to-finish link and no negative gap.  With fixed
durations in days both have exact equivalents, which is what the project file states:

- FF with lag L into a task of d days: ``E_s >= E_p + L`` is ``S_s >= E_p + (L - d)``, a
  finish-to-start link with lag ``L - d``;
- a finish-to-start lead L < 0 from a task of d_p days: ``S_s >= E_p + L`` is
  ``S_s >= S_p + (d_p + L)``, a start-to-start link with gap ``d_p + L >= 0``.

The generator only draws links that come out with a gap of zero or more.  The test is
skipped without tj3 on a developer's machine and fails in CI (``CI`` set), which installs it.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from roadmap import Dependency, Initiative, Milestone, Roadmap, schedule

TJ3 = shutil.which("tj3")
pytestmark = pytest.mark.skipif(
    TJ3 is None and not os.environ.get("CI"), reason="TaskJuggler (tj3) is not installed"
)
START = date(2019, 1, 1)


def tj_link(type: str, lag: int, d_pred: int, d_succ: int) -> tuple[bool, int] | None:
    """The link as TaskJuggler states it: (onstart, gap >= 0), or None if it cannot."""
    if type == "FF":
        type, lag = "FS", lag - d_succ
    if type == "FS" and lag < 0:
        type, lag = "SS", d_pred + lag
    return None if lag < 0 else (type == "SS", lag)


def random_plan(rng: random.Random, n: int) -> Roadmap:
    """N items; each links to up to three earlier ones: FS, SS or FF, lags of -30..20 days."""
    items: list[Initiative | Milestone] = []
    days: list[int] = []
    for i in range(n):
        milestone = i > 0 and rng.random() < 0.1
        d = 0 if milestone else rng.randint(1, 60)
        links = []
        # A milestone without links is reached at the end of the first day (SPEC §1), tj3
        # puts it at the project's start: milestones get at least one link.
        for p in rng.sample(range(i), k=min(i, rng.randint(1 if milestone else 0, 3))):
            while True:
                # TaskJuggler milestones take links from a task's end only.
                type = "FS" if milestone else rng.choice(["FS", "SS", "FF"])
                lag = rng.choice([0, 0, rng.randint(1, 20), -rng.randint(1, 30)])
                tj = tj_link(type, lag, days[p], d)
                if tj is not None and not (milestone and tj[0]):
                    break
            links.append(Dependency(id=f"t{p}", type=type, lag=lag))
        days.append(d)
        if milestone:
            items.append(Milestone(id=f"t{i}", name=f"t{i}", depends_on=links))
        else:
            items.append(Initiative(id=f"t{i}", name=f"t{i}", duration=d, depends_on=links))
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
        days = {i.id: i.span.fixed_days or 0 for i in plan.items}
        for item in plan.items:
            body = ["milestone" if isinstance(item, Milestone) else f"duration {days[item.id]}d"]
            for link in item.links:
                assert link.lag.fixed_days is not None
                tj = tj_link(link.type, link.lag.fixed_days, days[link.id], days[item.id])
                assert tj is not None
                onstart, gap = tj
                opts = (["onstart"] if onstart else []) + ([f"gapduration {gap}d"] if gap else [])
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
    """Start and exclusive end of every item agree with tj3 on 40 random plans."""
    assert TJ3 is not None, "CI installs TaskJuggler (apt-get install tj3): it is missing"
    rng = random.Random(seed)
    plans = [random_plan(rng, rng.randint(2, 25)) for _ in range(40)]
    (tmp_path / "p.tjp").write_text(to_tjp(plans))
    subprocess.run([TJ3, "--silent", "p.tjp"], cwd=tmp_path, check=True, timeout=300)
    with open(tmp_path / "out.csv", newline="") as fh:
        theirs = {
            row["Id"]: (
                datetime.strptime(row["Start"], "%Y-%m-%d %H:%M").date(),
                datetime.strptime(row["End"], "%Y-%m-%d %H:%M").date(),
            )
            for row in csv.DictReader(fh, delimiter=";")
        }
    compared = leads = 0
    types: set[str] = set()
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
            types.update(link.type for link in item.item.links)
            leads += sum(link.lag.sign < 0 for link in item.item.links)
    assert compared > 300
    assert types == {"FS", "SS", "FF"}
    assert leads > 20
