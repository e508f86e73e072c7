"""Capacity: resources and owners' concurrent initiatives over time, against their limits.

An initiative uses its ``resources`` (``{"analis_TI": 2}``) on every day it runs, and counts
as one running initiative of its owner.  The roadmap's ``capacity`` and
``owner_capacity`` say how much there is.  :func:`overloads` finds the stretches of days on
which more is used than there is; :func:`peak_use` the most used at once.

Examples
--------
>>> from datetime import date
>>> from roadmap.model import Initiative, Roadmap
>>> plan = Roadmap(name="x", start=date(2019, 1, 1), capacity={"analis_TI": 2},
...     initiatives=[Initiative(id="A", name="a", duration=10, resources={"analis_TI": 2}),
...                  Initiative(id="B", name="b", duration=5, resources={"analis_TI": 1})])
>>> [(o.name, o.start, o.finish, o.used, o.capacity) for o in overloads(plan)]
[('analis_TI', datetime.date(2019, 1, 1), datetime.date(2019, 1, 5), 3, 2)]
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Literal

import attrs

from roadmap import scheduler
from roadmap.model import Roadmap
from roadmap.scheduler import Schedule

__all__ = ["Overload", "demands", "overloads", "peak_use", "usage"]

Kind = Literal["resource", "owner"]


def demands(plan: Roadmap) -> Iterator[tuple[Kind, str, str, int]]:
    """``(kind, name, item id, units)`` of every initiative's use of a limited capacity."""
    for item in plan.initiatives:
        for name, units in item.resources.items():
            if units:
                yield "resource", name, item.id, units
        if item.owner is not None and item.owner in plan.owner_capacity:
            yield "owner", item.owner, item.id, 1


def usage(
    plan: Roadmap, schedule: Schedule | None = None
) -> dict[tuple[Kind, str], list[tuple[int, int, int, tuple[str, ...]]]]:
    """Use over time: per ``(kind, name)``, ``(first day, end day, units, item ids)`` steps.

    Days are day numbers, ``[first, end)``; only stretches with some use are listed.
    """
    sched = scheduler.schedule(plan) if schedule is None else schedule
    days = sched.days
    events: dict[tuple[Kind, str], list[tuple[int, int, str]]] = {}
    for kind, name, id, units in demands(plan):
        pos = days.position[id]
        s, e = days.early_start[pos], days.early_finish[pos]
        if e > s:
            events.setdefault((kind, name), []).extend([(s, units, id), (e, -units, id)])
    out: dict[tuple[Kind, str], list[tuple[int, int, int, tuple[str, ...]]]] = {}
    for key, evs in events.items():
        evs.sort(key=lambda ev: (ev[0], ev[1]))
        steps = []
        running: dict[str, int] = {}
        level = 0
        k = 0
        while k < len(evs):
            day = evs[k][0]
            while k < len(evs) and evs[k][0] == day:
                _, units, id = evs[k]
                level += units
                if units > 0:
                    running[id] = units
                else:
                    running.pop(id, None)
                k += 1
            nxt = evs[k][0] if k < len(evs) else day
            if level and nxt > day:
                steps.append((day, nxt, level, tuple(sorted(running))))
        out[key] = steps
    return out


@attrs.frozen(kw_only=True)
class Overload:
    """Days on which a resource or an owner is used beyond its capacity (inclusive dates)."""

    kind: Kind
    name: str
    start: date
    finish: date
    used: int
    capacity: int
    items: tuple[str, ...]


def _limit(plan: Roadmap, kind: Kind, name: str) -> int | None:
    return (plan.capacity if kind == "resource" else plan.owner_capacity).get(name)


def overloads(plan: Roadmap, schedule: Schedule | None = None) -> list[Overload]:
    """Every stretch of days with more use than capacity, merged while the use is the same."""
    found: list[Overload] = []
    for (kind, name), steps in usage(plan, schedule).items():
        cap = _limit(plan, kind, name)
        if cap is None:
            continue
        run: tuple[int, int, int, set[str]] | None = None
        for s, e, units, ids in [*steps, (0, 0, 0, ())]:
            if run is not None and (units != run[2] or s != run[1]):
                found.append(Overload(kind=kind, name=name, start=date.fromordinal(run[0]),
                                      finish=date.fromordinal(run[1] - 1), used=run[2],
                                      capacity=cap, items=tuple(sorted(run[3]))))  # fmt: skip
                run = None
            if units > cap:
                run = (s, e, units, set(ids)) if run is None else (run[0], e, units,
                                                                   run[3] | set(ids))  # fmt: skip
    return found


def peak_use(plan: Roadmap, schedule: Schedule | None = None) -> dict[tuple[Kind, str], int]:
    """The most of each resource and owner used at once (0 for one not used)."""
    out: dict[tuple[Kind, str], int] = {("resource", n): 0 for n in plan.capacity}
    out.update({("owner", n): 0 for n in plan.owner_capacity})
    for key, steps in usage(plan, schedule).items():
        out[key] = max(units for _, _, units, _ in steps) if steps else 0
    return out
