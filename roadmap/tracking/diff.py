"""What changed between two versions of a plan: items, fields, dates, budgets, the path.

Examples
--------
>>> from datetime import date
>>> from roadmap.model import Initiative, Roadmap
>>> old = Roadmap(name="v1", start=date(2021, 1, 1), initiatives=[
...     Initiative(id="A", name="a", duration="3 months", budget=300),
...     Initiative(id="B", name="b", duration="1 month", depends_on=["A"])])
>>> new = Roadmap(name="v2", start=date(2021, 1, 1), initiatives=[
...     Initiative(id="A", name="a", duration="4 months", budget=400),
...     Initiative(id="C", name="c", duration="1 month", depends_on=["A"])])
>>> d = diff(old, new)
>>> d.added, d.removed, [(c.id, c.field) for c in d.changed]
(('C',), ('B',), [('A', 'duration'), ('A', 'budget')])
>>> d.finish
(datetime.date(2021, 4, 30), datetime.date(2021, 5, 31))
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from roadmap.budget import budget_by
from roadmap.model import Initiative, Milestone, Roadmap
from roadmap.scheduler import schedule

__all__ = ["Change", "PlanDiff", "Shift", "diff"]


@attrs.frozen
class Change:
    """One field of one item, before and after (as text)."""

    id: str
    field: str
    old: str
    new: str


@attrs.frozen
class Shift:
    """An item's scheduled dates before and after, and by how many days they moved."""

    id: str
    old_start: date
    old_finish: date
    new_start: date
    new_finish: date

    @property
    def start_days(self) -> int:
        """Days the start moved (positive: later)."""
        return (self.new_start - self.old_start).days

    @property
    def finish_days(self) -> int:
        """Days the finish moved (positive: later)."""
        return (self.new_finish - self.old_finish).days


@attrs.frozen(kw_only=True)
class PlanDiff:
    """The result of :func:`diff`.

    Attributes
    ----------
    old, new
        The plans' names.
    added, removed
        Ids of items only in the new plan / only in the old one.
    changed
        Each changed field of each item in both.
    shifts
        Items in both whose scheduled start or finish moved.
    budget
        ``{key: (old, new)}`` for every fiscal year (``"2020"``) and funding source in a
        year (``"APBD 2020"``) whose amount changed.
    critical_path, finish
        Before and after.
    """

    old: str
    new: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[Change, ...]
    shifts: tuple[Shift, ...]
    budget: dict[str, tuple[int, int]]
    critical_path: tuple[list[str], list[str]]
    finish: tuple[date, date]

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not (self.added or self.removed or self.changed or self.shifts or self.budget)

    def to_dict(self) -> dict[str, Any]:
        """The JSON tree of ``roadmap diff --format json``."""
        return {
            "old": self.old, "new": self.new, "added": list(self.added),
            "removed": list(self.removed),
            "changed": [attrs.asdict(c) for c in self.changed],
            "shifts": [
                {"id": s.id, "old_start": s.old_start.isoformat(),
                 "new_start": s.new_start.isoformat(), "old_finish": s.old_finish.isoformat(),
                 "new_finish": s.new_finish.isoformat(), "start_days": s.start_days,
                 "finish_days": s.finish_days}
                for s in self.shifts
            ],
            "budget": {k: {"old": a, "new": b, "change": b - a}
                       for k, (a, b) in self.budget.items()},
            "critical_path": {"old": self.critical_path[0], "new": self.critical_path[1]},
            "finish": {"old": self.finish[0].isoformat(), "new": self.finish[1].isoformat(),
                       "days": (self.finish[1] - self.finish[0]).days},
        }  # fmt: skip


def _fields(item: Initiative | Milestone) -> dict[str, str]:
    out = {}
    for field in attrs.fields(type(item)):
        if field.name in ("id", "kind") or not field.init:
            continue
        value = getattr(item, field.name)
        if isinstance(value, tuple):
            value = ", ".join(str(v) for v in value)
        out[field.name] = "" if value is None else str(value)
    return out


def _amounts(plan: Roadmap) -> dict[str, int]:
    out = {str(y): v for y, v in budget_by(plan, "year").totals().items()}
    for source, years in budget_by(plan, "funding").groups.items():
        for y, v in years.items():
            out[f"{source} {y}"] = v
    return out


def diff(old: Roadmap, new: Roadmap) -> PlanDiff:
    """Compare two versions of a plan.

    Raises
    ------
    roadmap.RoadmapError
        When either plan cannot be scheduled.
    """
    a, b = schedule(old), schedule(new)
    old_items = {i.id: i for i in old.items}
    new_items = {i.id: i for i in new.items}
    changed = []
    for id, item in old_items.items():
        other = new_items.get(id)
        if other is None:
            continue
        if other.kind != item.kind:
            changed.append(Change(id, "kind", item.kind, other.kind))
            continue
        before, after = _fields(item), _fields(other)
        changed += [Change(id, f, before[f], after[f]) for f in before if before[f] != after[f]]
    shifts = []
    for s in a:
        if s.id in new_items:
            t = b[s.id]
            if (s.start, s.finish) != (t.start, t.finish):
                shifts.append(Shift(s.id, s.start, s.finish, t.start, t.finish))
    was, now = _amounts(old), _amounts(new)
    budget = {
        k: (was.get(k, 0), now.get(k, 0))
        for k in sorted(set(was) | set(now))
        if was.get(k, 0) != now.get(k, 0)
    }
    return PlanDiff(
        old=old.name, new=new.name,
        added=tuple(i for i in new_items if i not in old_items),
        removed=tuple(i for i in old_items if i not in new_items),
        changed=tuple(changed), shifts=tuple(shifts), budget=budget,
        critical_path=(a.critical_path, b.critical_path), finish=(a.finish, b.finish),
    )  # fmt: skip
