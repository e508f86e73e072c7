"""The milestone slip table: every milestone's forecast date at each status date.

The table behind a milestone trend chart.  For a sequence of status dates it holds the date
each milestone was forecast to be reached, so a milestone that keeps moving to the right
shows at once, quarter after quarter.  It comes from one tracked plan, re-forecast at every
quarter (or month) end up to its status date from the actuals recorded by then, or from
several versions of a plan, each at its own status date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, Literal, TypeAlias

import attrs

from roadmap.errors import RoadmapError
from roadmap.model import Roadmap
from roadmap.scheduler import schedule
from roadmap.tracking.forecast import forecast, stored_baseline

__all__ = ["Every", "MilestoneSlip", "SlipLine", "milestone_slip", "period_ends"]

Every: TypeAlias = Literal["month", "quarter"]


@attrs.frozen(kw_only=True)
class SlipLine:
    """One milestone's forecast dates, one per status date of its :class:`MilestoneSlip`.

    ``forecasts[k]`` is ``None`` where the milestone was not in that version of the plan.
    """

    id: str
    name: str
    baseline: date | None
    deadline: date | None
    forecasts: tuple[date | None, ...]

    @property
    def slip_days(self) -> int | None:
        """Days from the baseline date to the last forecast (positive: later)."""
        last = next((d for d in reversed(self.forecasts) if d is not None), None)
        if last is None or self.baseline is None:
            return None
        return (last - self.baseline).days


@attrs.frozen(kw_only=True)
class MilestoneSlip:
    """Milestone forecasts per status date: the data of a milestone trend (slip) chart."""

    roadmap: str
    status_dates: tuple[date, ...]
    lines: tuple[SlipLine, ...]

    def records(self) -> list[dict[str, Any]]:
        """One record per milestone and status date (for CSV, JSON or a DataFrame)."""
        return [
            {
                "id": line.id,
                "name": line.name,
                "status_date": day.isoformat(),
                "baseline": line.baseline.isoformat() if line.baseline else None,
                "forecast": fc.isoformat() if fc else None,
                "slip_days": (fc - line.baseline).days if fc and line.baseline else None,
            }
            for line in self.lines
            for day, fc in zip(self.status_dates, line.forecasts, strict=True)
        ]


def period_ends(first: date, last: date, every: Every = "quarter") -> tuple[date, ...]:
    """The ends of the months or quarters (*triwulan*) from *first* to *last*, and *last*.

    Examples
    --------
    >>> [d.isoformat() for d in period_ends(date(2019, 1, 1), date(2019, 8, 15))]
    ['2019-03-31', '2019-06-30', '2019-08-15']
    """
    if last < first:
        return ()
    step = 3 if every == "quarter" else 1
    month = ((first.month - 1) // step + 1) * step  # the period's last month
    year = first.year
    ends: list[date] = []
    while True:
        end = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        if end >= last:
            break
        ends.append(end)
        month += step
        if month > 12:
            year, month = year + 1, month - 12
    return (*ends, last)


def milestone_slip(
    plans: Roadmap | Sequence[Roadmap],
    *,
    every: Every = "quarter",
    dates: Sequence[date] | None = None,
) -> MilestoneSlip:
    """Every milestone's forecast date at each status date.

    Parameters
    ----------
    plans
        One tracked plan: it is re-forecast (:func:`~roadmap.tracking.forecast`) at the
        end of every quarter (or month) from its start to its status date, from the
        actuals recorded by each of those days. Or several versions of a plan, oldest
        first, each with a status date: each is re-forecast at its own.
    every
        ``"quarter"`` (*triwulan*, the default) or ``"month"``, for one plan.
    dates
        The status dates to re-forecast one plan at, instead of *every*.

    Returns
    -------
    MilestoneSlip
        Lines in the order of the milestones of the last plan, then of those it dropped.
        The baseline date is the first plan's default baseline, else its planned date.

    Raises
    ------
    roadmap.RoadmapError
        Without a status date, or when a plan cannot be scheduled.

    Examples
    --------
    >>> from roadmap.model import Initiative, Milestone, Realisation, Roadmap
    >>> plan = Roadmap(name="x", start=date(2021, 1, 1), status_date=date(2021, 5, 31),
    ...     initiatives=[Initiative(id="A", name="a", duration=100,
    ...                             actual_start=date(2021, 1, 1))],
    ...     milestones=[Milestone(id="M", name="m", after="A")],
    ...     realisation=[Realisation(item="A", month="2021-03", progress=0.3),
    ...                  Realisation(item="A", month="2021-05", progress=0.6)])
    >>> slip = milestone_slip(plan)  # 70 days left after March, 40 after May
    >>> [(d.isoformat(), f.isoformat()) for d, f in zip(slip.status_dates, slip.lines[0].forecasts)]
    [('2021-03-31', '2021-06-09'), ('2021-05-31', '2021-07-10')]
    >>> slip.lines[0].baseline, slip.lines[0].slip_days  # planned 10 April 2021
    (datetime.date(2021, 4, 10), 91)
    """
    versions = [plans] if isinstance(plans, Roadmap) else list(plans)
    if not versions:
        raise RoadmapError("a milestone slip needs at least one plan")
    missing = [p.name for p in versions if p.status_date is None]
    if missing and not (dates and len(versions) == 1):
        raise RoadmapError(f"{missing[0]}: no status date to forecast from; set status_date")
    if len(versions) == 1:
        plan = versions[0]
        if dates:
            days = tuple(sorted(dates))
        else:
            assert plan.status_date is not None
            days = period_ends(plan.start, plan.status_date, every)
        schedules = [forecast(plan, d) for d in days]
    else:
        days = tuple(p.status_date for p in versions if p.status_date is not None)
        schedules = [forecast(p) for p in versions]
    first = versions[0]
    stored = stored_baseline(first)
    if stored is not None:
        planned = {i: e.start for i, e in stored.items.items()}
    else:
        planned = {s.id: s.start for s in schedule(first) if s.kind == "milestone"}
    order: dict[str, tuple[str, date | None]] = {}
    for plan in (versions[-1], *reversed(versions[:-1])):
        for m in plan.milestones:
            order.setdefault(m.id, (m.name, m.deadline))
    lines = []
    for mid, (name, deadline) in order.items():
        forecasts = tuple(s[mid].start if mid in s else None for s in schedules)
        lines.append(SlipLine(id=mid, name=name, baseline=planned.get(mid), deadline=deadline,
                              forecasts=forecasts))  # fmt: skip
    return MilestoneSlip(roadmap=versions[-1].name, status_dates=days, lines=tuple(lines))
