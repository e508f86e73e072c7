"""A roadmap as a resource-constrained project: what the leveler may move, and what binds it.

Days count from the roadmap's start.  Every item is an activity of the length its schedule
gives it; each link becomes a minimum start-to-start gap (its type, lag and the lengths
decide how many days); a planned start or the roadmap's start is a release day.  Deadlines
and the roadmap's ``end`` are latest finishes.  Items marked ``fixed``, and in a monitored
plan the work done or under way, are pinned where the schedule (the re-forecast) puts
them.  Resources are the roadmap's ``capacity``, and an owner's limit of concurrent
initiatives; money pools are the fiscal-year ceilings, total and per funding source,
dimension or owner, with each initiative's budget spread over its days as
:func:`roadmap.budget.spread` does (a budget given per year stays in its years).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from roadmap._network import FF, FS, SS, network
from roadmap.budget import ceiling_groups, fiscal_year
from roadmap.dates import LAST_DATE, Duration
from roadmap.leveling.rcpsp import Pool, Project
from roadmap.model import Initiative, Roadmap
from roadmap.scheduler import schedule
from roadmap.tracking import forecast_plan

__all__ = ["LevelProblem", "past_years"]


def past_years(plan: Roadmap) -> int:
    """The first fiscal year a monitored plan can still change (the years before are spent).

    For a plan without a status date, a year before any plan.
    """
    if plan.status_date is None:
        return 0
    return fiscal_year(plan.status_date + timedelta(days=1), plan.fiscal_year_start)


class LevelProblem:
    """The plan (its re-forecast, when monitored), its schedule and the project they make.

    Attributes
    ----------
    base
        The plan whose schedule is leveled: the plan, or its re-forecast at the status date.
    schedule
        Its schedule.
    origin
        Day number of day 0 (the roadmap's start).
    project
        The :class:`~roadmap.leveling.rcpsp.Project`.
    horizon
        Days the profiles cover.
    resources
        ``(kind, name)`` of each renewable resource, in the project's order.
    pools
        ``(kind, name)`` of each money pool (``("", "")`` is the total ceiling), and the
        first fiscal year of its periods.
    """

    def __init__(self, plan: Roadmap) -> None:
        base = forecast_plan(plan) if plan.status_date is not None else plan
        sched = schedule(base)
        net = network(base)
        days = sched.days
        origin = base.start.toordinal()
        items = base.items
        n = len(items)
        es, ef = days.early_start, days.early_finish
        length = [ef[j] - es[j] for j in range(n)]
        gaps: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        cal = base.calendar
        for j in range(n):
            for k in range(net.first[j], net.first[j + 1]):
                i, t = net.src[k], net.code[k]
                lag = net.lag[k]
                if isinstance(lag, Duration):  # resolved at the schedule's dates, as it does
                    lag = lag.days_from(ef[i] if t in (FS, FF) else es[i], cal)
                assert isinstance(lag, int)
                if t == FS:
                    g = length[i] + lag
                elif t == SS:
                    g = lag
                elif t == FF:
                    g = length[i] + lag - length[j]
                else:
                    g = lag - length[j]
                gaps[j].append((i, g))
        original = {i.id: i for i in plan.initiatives}
        pinned = set()
        for j, item in enumerate(items):
            if isinstance(item, Initiative):
                first = original.get(item.id, item)
                if item.fixed or first.actual_start is not None or first.status == "done":
                    pinned.add(j)
        release = [net.snet[j] - origin for j in range(n)]
        for j in pinned:
            release[j] = es[j] - origin
        end = None if base.end is None else base.end.toordinal() + 1 - origin
        due: list[int | None] = []
        for j in range(n):
            limit = net.deadline.get(j)
            bound = None if limit is None else limit - origin
            if end is not None:
                bound = end if bound is None else min(bound, end)
            due.append(bound)
        finish = sched.finish_day - origin
        self.horizon = min(finish + sum(length) + 1, LAST_DATE.toordinal() + 1 - origin)
        self.base, self.schedule, self.origin, self.plan = base, sched, origin, plan
        resources, demand, capacity = self._resources(base, days.position, n)
        pools, keys = self._pools(base, days.position, n)
        self.resources = resources
        self.pools = keys
        self.project = Project(
            length, gaps, release, demand=demand, capacity=capacity, pools=pools,
            pinned=frozenset(pinned), due=due,
        )  # fmt: skip
        #: The unconstrained early starts: where every item would be without limits.
        self.early = [es[j] - origin for j in range(n)]

    @staticmethod
    def _resources(
        plan: Roadmap, position: Mapping[str, int], n: int
    ) -> tuple[list[tuple[str, str]], list[list[int]], list[int]]:
        keys: list[tuple[str, str]] = []
        demand: list[list[int]] = []
        capacity: list[int] = []
        for name, units in plan.capacity.items():
            row = [0] * n
            for item in plan.initiatives:
                row[position[item.id]] = item.resources.get(name, 0)
            keys.append(("resource", name))
            demand.append(row)
            capacity.append(units)
        for owner, limit in plan.owner_capacity.items():
            row = [0] * n
            for item in plan.initiatives:
                if item.owner == owner:
                    row[position[item.id]] = 1
            keys.append(("owner", owner))
            demand.append(row)
            capacity.append(limit)
        return keys, demand, capacity

    def _pools(
        self, plan: Roadmap, position: Mapping[str, int], n: int
    ) -> tuple[list[Pool], list[tuple[str, str, int]]]:
        """The money pools: the yearly ceilings, total and per group, over fiscal years."""
        groups = [
            g for g in ceiling_groups(plan.initiatives, plan.ceilings, plan.group_ceilings) if g[3]
        ]
        if not groups:
            return [], []
        fys = plan.fiscal_year_start
        first = fiscal_year(plan.start, fys) - 1
        last = fiscal_year(date.fromordinal(self.origin + self.horizon), fys) + 1
        month, day = (int(x) for x in fys.split("-"))
        bounds = [date(y, month, day).toordinal() - self.origin for y in range(first, last + 2)]
        pools, keys = [], []
        past = past_years(plan)
        for kind, name, members, ceilings in groups:
            ceiling = [None if y < past else ceilings.get(y) for y in range(first, last + 1)]
            fixed = [0] * (last - first + 1)
            cost: dict[int, int] = {}
            for item in members:
                b = item.share(name) if kind == "funding" else item.budget
                if isinstance(b, dict):
                    for y, amount in b.items():
                        if first <= y <= last:
                            fixed[y - first] += amount
                elif isinstance(b, int) and b:
                    cost[position[item.id]] = b
            pools.append(Pool(bounds, ceiling, cost, fixed))
            keys.append((kind, name, first))
        return pools, keys

    def day(self, t: int) -> date:
        """Day *t* of the project as a date."""
        return date.fromordinal(self.origin + t)
