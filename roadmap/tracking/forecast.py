"""Re-forecast at the status date, and baselines to measure it against.

The rules (``docs/concepts/tracking.md`` shows them step by step on a worked case):

1. A **finished** item sits at its actual dates; its links no longer move it.
2. A **started** item keeps its actual start and finishes after its remaining work,
   counted from the day after the status date: ``remaining`` when given (in any unit,
   workdays too), else ``(1 - progress) x`` its planned duration in days, rounded up.
3. An item **not started** cannot start before the day after the status date (nor before
   its planned start); its links hold as planned.  A milestone counts as reached, on the
   finish its links give, once everything it follows is finished, even unrecorded.
4. Successors follow by the critical path method, deadlines included, so a forecast that
   misses a deadline shows as negative slack.

The forecast is an ordinary :class:`~roadmap.scheduler.Schedule` of the plan so rewritten.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import TypeVar

import attrs

from roadmap.budget import allocations
from roadmap.errors import RoadmapError
from roadmap.model import Baseline, BaselineItem, Initiative, Milestone, Roadmap
from roadmap.scheduler import Schedule, schedule
from roadmap.tracking.actuals import Actuals

__all__ = [
    "forecast",
    "forecast_plan",
    "make_baseline",
    "stored_baseline",
    "with_baseline",
]

_Item = TypeVar("_Item", Initiative, Milestone)


def _as_of(plan: Roadmap, as_of: date | None) -> date:
    day = as_of or plan.status_date
    if day is None:
        raise RoadmapError(
            f"{plan.name!r} has no status date: set status_date in [roadmap] or give one "
            "(--as-of YYYY-MM-DD)"
        )
    return day


def forecast_plan(plan: Roadmap, as_of: date | None = None) -> Roadmap:
    """The plan rewritten by the re-forecast rules at *as_of* (default: its status date).

    Raises
    ------
    roadmap.RoadmapError
        Without a status date, or when the plan cannot be scheduled.
    """
    day = _as_of(plan, as_of)
    planned = schedule(plan)
    actuals = Actuals(plan)
    after = day + timedelta(days=1)
    initiatives: list[Initiative] = []
    waiting: set[str] = set()  # not started: cannot start before the day after
    done: set[str] = set()
    for item in plan.initiatives:
        state = actuals.state(item, day)
        if state == "done":
            done.add(item.id)
            start = item.actual_start or planned[item.id].start
            finish = item.actual_finish
            assert finish is not None
            initiatives.append(attrs.evolve(
                item, start=min(start, finish), duration=None, finish=finish, depends_on=(),
            ))  # fmt: skip
        elif state == "started":
            start = item.actual_start or min(planned[item.id].start, day)
            if item.remaining is not None:
                end = item.remaining.end(after.toordinal(), plan.calendar)
                finish = date.fromordinal(max(end - 1, day.toordinal()))
            else:
                left = 1.0 - actuals.progress(item, day)
                finish = day + timedelta(days=math.ceil(round(left * planned[item.id].days, 9)))
            initiatives.append(attrs.evolve(
                item, start=min(start, finish), duration=None, finish=finish, depends_on=(),
            ))  # fmt: skip
        else:
            initiatives.append(item)
            waiting.add(item.id)
    done |= {m.id for m in plan.milestones if m.actual_finish and m.actual_finish <= day}
    reached: set[str] = set()  # not recorded, but everything before it is done
    pending = [m for m in plan.milestones if m.id not in done and m.links]
    while pending:
        more = [m for m in pending if all(link.id in done for link in m.links)]
        if not more:
            break
        reached.update(m.id for m in more)
        done.update(reached)
        pending = [m for m in pending if m.id not in reached]
    milestones: list[Milestone] = []
    for m in plan.milestones:
        if m.actual_finish is not None and m.actual_finish <= day:
            milestones.append(attrs.evolve(m, date=m.actual_finish, after=None, depends_on=()))
        else:
            milestones.append(m)  # reached ones: their links place them on actual finishes
            if m.id not in reached:
                waiting.add(m.id)
    # Hold back only what would otherwise start by the status date: a constraint that does
    # not bind could still move an item (month arithmetic measured from another day), so
    # a plan whose actuals follow its baseline re-forecasts to the baseline exactly.
    held = {k for k in waiting if planned[k].start <= day}
    while True:
        candidate = attrs.evolve(plan, initiatives=[
            _held(i, after) if i.id in held else i for i in initiatives], milestones=[
            _held(m, after) if m.id in held else m for m in milestones])  # fmt: skip
        sched = schedule(candidate)
        early = {k for k in waiting - held if sched[k].start <= day}
        if not early:
            return candidate
        held |= early


def _held(item: _Item, after: date) -> _Item:
    """*item* with a planned start no earlier than *after*."""
    if isinstance(item, Milestone):
        return attrs.evolve(item, date=max(item.date, after) if item.date else after)
    return attrs.evolve(item, start=max(item.start, after) if item.start else after)


def forecast(plan: Roadmap, as_of: date | None = None) -> Schedule:
    """The schedule re-forecast at *as_of* (default: the plan's status date).

    Examples
    --------
    >>> from roadmap.model import Initiative, Roadmap
    >>> plan = Roadmap(name="x", start=date(2021, 1, 1), status_date=date(2021, 3, 31),
    ...     initiatives=[
    ...         Initiative(id="A", name="a", duration=100, actual_start=date(2021, 1, 11),
    ...                    progress=0.6),
    ...         Initiative(id="B", name="b", duration=30, depends_on=["A"]),
    ...     ])
    >>> s = forecast(plan)
    >>> s["A"].start, s["A"].finish  # 40 of 100 days left after 31 March
    (datetime.date(2021, 1, 11), datetime.date(2021, 5, 10))
    >>> s["B"].start
    datetime.date(2021, 5, 11)
    """
    return schedule(forecast_plan(plan, as_of))


def make_baseline(
    plan: Roadmap,
    name: str,
    *,
    taken: date | None = None,
    default: bool = False,
    sched: Schedule | None = None,
) -> Baseline:
    """Freeze the plan's scheduled dates and yearly budgets as a :class:`Baseline`."""
    sched = sched or schedule(plan)
    budgets = allocations(plan, sched)
    items = {
        s.id: BaselineItem(id=s.id, start=s.start, finish=s.finish, budget=budgets.get(s.id, {}))
        for s in sched
    }
    return Baseline(name=name, taken=taken, default=default, items=items)


def stored_baseline(plan: Roadmap, name: str | None = None) -> Baseline | None:
    """A baseline kept in the plan: by *name*, else the default one, else the only one.

    Raises
    ------
    roadmap.RoadmapError
        For a name the plan has no baseline of, or several baselines and none the default.
    """
    if name is not None:
        for b in plan.baselines:
            if b.name == name:
                return b
        known = ", ".join(repr(b.name) for b in plan.baselines) or "none"
        raise RoadmapError(f"the plan has no baseline {name!r}; it has: {known}")
    defaults = [b for b in plan.baselines if b.default]
    if defaults:
        return defaults[0]
    if len(plan.baselines) == 1:
        return plan.baselines[0]
    if plan.baselines:
        raise RoadmapError(
            "the plan has several baselines and none is the default: name one "
            f"({', '.join(repr(b.name) for b in plan.baselines)})"
        )
    return None


def with_baseline(plan: Roadmap, baseline: Baseline) -> Roadmap:
    """The plan with *baseline* added (replacing one of the same name).

    A default baseline makes the others non-default; the first baseline is the default.
    """
    others = [b for b in plan.baselines if b.name != baseline.name]
    if baseline.default or not others:
        baseline = attrs.evolve(baseline, default=True)
        others = [attrs.evolve(b, default=False) for b in others]
    return attrs.evolve(plan, baselines=[*others, baseline])
