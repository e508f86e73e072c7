"""What happened: the state, physical progress and money spent of each item at a date.

Two sources, as a planning agency keeps them: the item's own fields, which describe the
roadmap's ``status_date`` (``actual_start``, ``actual_finish``, ``progress``,
``actual_cost``), and the monthly realisation records (*RFK*: cumulative physical progress
and money spent in the period).  At a date *d*:

- **progress** is the latest of the records up to *d* and the item's ``progress`` (when the
  status date is on or before *d*); 1 once the item has an actual finish on or before *d*;
- **money spent** is the item's ``actual_cost`` (when the status date is on or before *d*)
  plus what records after the status date report, or else the sum of the records up to *d*;
- before the status date, an item known only by its fields (no records) is taken to have
  progressed and spent evenly over its actual days, from its actual start to its actual
  finish or the status date: the history an S-curve draws;
- **state** is ``done`` (an actual finish on or before *d*), ``started`` (an actual start
  on or before *d*, or progress above 0) or ``not_started``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date
from typing import Literal, TypeAlias

from roadmap.model import Initiative, Milestone, Realisation, Roadmap

__all__ = ["Actuals", "State"]

State: TypeAlias = Literal["done", "started", "not_started"]


class Actuals:
    """The actuals of a plan, indexed once: ask any item's state, progress or cost at a date."""

    def __init__(self, plan: Roadmap) -> None:
        self.plan = plan
        self.status_date = plan.status_date
        self._records: dict[str, list[Realisation]] = {}
        for r in sorted(plan.realisation, key=lambda r: r.date):
            self._records.setdefault(r.item, []).append(r)
        self._days = {k: [r.date for r in rs] for k, rs in self._records.items()}

    def records(self, item_id: str) -> list[Realisation]:
        """The records of an item, oldest first."""
        return self._records.get(item_id, [])

    def _until(self, item_id: str, day: date) -> list[Realisation]:
        return self._records.get(item_id, [])[: bisect_right(self._days.get(item_id, []), day)]

    def _fields_apply(self, day: date) -> bool:
        return self.status_date is None or self.status_date <= day

    def state(self, item: Initiative | Milestone, day: date) -> State:
        """Done, started or not started at *day*."""
        if item.actual_finish is not None and item.actual_finish <= day:
            return "done"
        if isinstance(item, Initiative) and item.actual_start is not None:
            if item.actual_start <= day:
                return "started"
            return "not_started"
        return "started" if self.progress(item, day) > 0 else "not_started"

    def progress(self, item: Initiative | Milestone, day: date) -> float:
        """Cumulative physical progress at *day*, 0 to 1."""
        if item.actual_finish is not None and item.actual_finish <= day:
            return 1.0
        found: tuple[date, float] | None = None
        for r in reversed(self._until(item.id, day)):
            if r.progress is not None:
                found = (r.date, r.progress)
                break
        own: float = getattr(item, "progress", 0.0)
        if own > 0 and self._fields_apply(day):
            when = self.status_date or day
            if found is None or when >= found[0]:
                return own
        if found is None and (own > 0 or item.actual_finish is not None):
            # Known only by its fields: progressed evenly over its actual days.
            return (own if own > 0 else 1.0) * self._share(item, day)
        return found[1] if found is not None else 0.0

    def _share(self, item: Initiative | Milestone, day: date) -> float:
        """How much of its actual days (to its finish or the status date) lie up to *day*."""
        start: date | None = item.actual_start  # a milestone's is its actual finish
        end = item.actual_finish or self.status_date
        if start is None or end is None or day < start:
            return 0.0
        return min(1.0, ((day - start).days + 1) / ((end - start).days + 1))

    def cost(self, item: Initiative | Milestone, day: date) -> int:
        """Money spent on the item up to *day*."""
        records = self._until(item.id, day)
        actual: int | None = getattr(item, "actual_cost", None)
        if actual is not None and self._fields_apply(day):
            later = self.status_date
            return actual + sum(r.spent or 0 for r in records if later is None or r.date > later)
        if actual is not None and not self._records.get(item.id):
            return round(actual * self._share(item, day))
        return sum(r.spent or 0 for r in records)

    def spent_by_year(self, item: Initiative | Milestone, day: date, fys: str) -> dict[int, int]:
        """Money spent up to *day* by the fiscal year it was spent in.

        Records count in the year of their date.  Of an ``actual_cost``, what the records
        up to the status date do not account for is spread evenly over the item's actual
        days up to its finish or the status date (like :meth:`cost` between records).
        """
        from roadmap.budget import fiscal_year, fiscal_years, spread

        out: dict[int, int] = {}

        def add(year: int, amount: int) -> None:
            out[year] = out.get(year, 0) + amount

        records = self._until(item.id, day)
        actual = getattr(item, "actual_cost", None)
        if actual is not None and self._fields_apply(day):
            cut = self.status_date or day
            before = [r for r in records if r.date <= cut]
            rest = actual - sum(r.spent or 0 for r in before)
            start: date | None = item.actual_start
            end = min(item.actual_finish or cut, cut)
            if rest and start is not None and start <= end:
                years = fiscal_years(start.toordinal(), end.toordinal() + 1, fys)
                for year, amount in spread(rest, years).items():
                    add(year, amount)
            elif rest:
                add(fiscal_year(cut, fys), rest)
            records = before + [r for r in records if r.date > cut]
        for r in records:
            if r.spent:
                add(fiscal_year(r.date, fys), r.spent)
        return out

    def dates(self) -> list[date]:
        """Every date a record or the status date gives, in order (for histories)."""
        days: Iterable[date] = (d for ds in self._days.values() for d in ds)
        found = set(days)
        if self.status_date is not None:
            found.add(self.status_date)
        return sorted(found)
