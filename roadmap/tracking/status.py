"""Where a roadmap stands at its status date: baseline against forecast, and earned value.

Planned value follows the baseline: each item's yearly budget accrues evenly over the
item's baseline days in that fiscal year.  Earned value is physical progress x the item's
baseline budget; actual cost is what was spent (:mod:`roadmap.tracking.actuals`).  Time
runs from the roadmap's start: actual time AT is the days up to and including the status
date, the planned duration PD the days of the baseline.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, TypeAlias

import attrs

from roadmap.budget import fiscal_year, fiscal_years
from roadmap.model import Baseline, Initiative, Milestone, Roadmap
from roadmap.scheduler import Schedule, schedule
from roadmap.tracking.actuals import Actuals, State
from roadmap.tracking.earned import EarnedValue, PvCurve, earned_value
from roadmap.tracking.forecast import forecast, make_baseline, stored_baseline

__all__ = ["BY", "ItemStatus", "ProgressCurve", "Status", "StatusBy", "progress_curve", "status"]

StatusBy: TypeAlias = Literal["phase", "dimension", "owner", "funding", "year"]
#: The groupings of :func:`status`.
BY: tuple[StatusBy, ...] = ("phase", "dimension", "owner", "funding", "year")


@attrs.frozen(kw_only=True)
class ItemStatus:
    """One item at the status date: baseline and forecast dates, progress and money.

    Dates are inclusive; ``None`` where the baseline does not know the item.  Variances
    are forecast minus baseline in days (positive: late).  ``planned_progress`` is the
    share of its baseline days elapsed; ``progress`` the physical progress reported.
    """

    id: str
    name: str
    kind: str
    state: State
    baseline_start: date | None
    baseline_finish: date | None
    forecast_start: date
    forecast_finish: date
    start_variance_days: int | None
    finish_variance_days: int | None
    planned_progress: float
    progress: float
    bac: float
    pv: float
    ev: float
    ac: float
    item: Initiative | Milestone = attrs.field(repr=False, eq=False)

    def to_dict(self) -> dict[str, Any]:
        """The item under the JSON keys of ``roadmap status``."""
        out: dict[str, Any] = {}
        for field in attrs.fields(ItemStatus):
            if field.name == "item":
                continue
            value = getattr(self, field.name)
            out[field.name] = value.isoformat() if isinstance(value, date) else value
        return out


@attrs.frozen(kw_only=True)
class Status:
    """The result of :func:`status`.

    Attributes
    ----------
    roadmap, status_date, baseline
        The plan's name, the date the figures are as of and the baseline's name.
    items
        One :class:`ItemStatus` per item, in forecast date order.
    earned_value
        The roadmap's :class:`~roadmap.tracking.earned.EarnedValue`.
    by, groups
        The grouping asked for and ``{group: EarnedValue}``.
    baseline_finish, forecast_finish, finish_variance_days
        When the roadmap finishes by the baseline and by the forecast, and the difference.
    forecast
        The re-forecast :class:`~roadmap.scheduler.Schedule`.
    """

    roadmap: str
    status_date: date
    baseline: str
    items: tuple[ItemStatus, ...]
    earned_value: EarnedValue
    by: str | None
    groups: dict[str, EarnedValue]
    baseline_finish: date
    forecast_finish: date
    finish_variance_days: int
    forecast: Schedule = attrs.field(repr=False, eq=False)

    def __getitem__(self, id: str) -> ItemStatus:
        for item in self.items:
            if item.id == id:
                return item
        raise KeyError(id)

    def to_dict(self) -> dict[str, Any]:
        """The JSON tree of ``roadmap status --format json`` (keys in docs/reference/cli.md)."""
        return {
            "roadmap": self.roadmap,
            "status_date": self.status_date.isoformat(),
            "baseline": self.baseline,
            "baseline_finish": self.baseline_finish.isoformat(),
            "forecast_finish": self.forecast_finish.isoformat(),
            "finish_variance_days": self.finish_variance_days,
            "earned_value": self.earned_value.to_dict(),
            "by": self.by,
            "groups": {name: ev.to_dict() for name, ev in self.groups.items()},
            "items": [item.to_dict() for item in self.items],
        }


def _baseline(plan: Roadmap, baseline: str | Baseline | Roadmap | None) -> Baseline:
    if isinstance(baseline, Baseline):
        return baseline
    if isinstance(baseline, Roadmap):
        return make_baseline(baseline, baseline.name)
    stored = stored_baseline(plan, baseline)
    if stored is not None:
        return stored
    # No baseline: the plan's own schedule (its planned dates) is the baseline.
    name = "rencana" if plan.language == "id" else "plan"
    return make_baseline(plan, name, sched=schedule(plan))


def _segments(plan: Roadmap, base: Baseline, item_id: str) -> list[tuple[int, int, float]]:
    """The item's baseline budget as (first day, end day, amount) per fiscal year."""
    entry = base.items.get(item_id)
    if entry is None or not entry.budget:
        return []
    start, end = entry.start.toordinal(), entry.finish.toordinal() + 1
    days = dict(fiscal_years(start, end, plan.fiscal_year_start))
    out = []
    lo = start
    for year, span in sorted(days.items()):
        amount = entry.budget.get(year, 0)
        if amount:
            out.append((lo, lo + span, float(amount)))
        lo += span
    for year, amount in entry.budget.items():  # money in a year the item does not run
        if year not in days and amount:
            first = date(year, *(int(x) for x in plan.fiscal_year_start.split("-")))
            out.append((first.toordinal(), first.toordinal() + 1, float(amount)))
    return out


def _group_key(item: Initiative | Milestone, by: str) -> str:
    if by == "funding":
        funding = getattr(item, "funding", ())
        return " + ".join(funding) if funding else "(none)"
    value = getattr(item, by)
    return "(none)" if value is None else str(value)


def status(
    plan: Roadmap,
    *,
    as_of: date | None = None,
    baseline: str | Baseline | Roadmap | None = None,
    by: StatusBy | None = None,
) -> Status:
    """The roadmap at its status date: forecast against baseline, and earned value.

    Parameters
    ----------
    plan
        The roadmap with its actuals.
    as_of
        The status date; by default the plan's ``status_date``.
    baseline
        A stored baseline's name, a :class:`~roadmap.model.Baseline`, or another plan
        whose schedule is the baseline; by default the plan's default baseline, else its
        own planned schedule.
    by
        Group the earned value by ``"phase"``, ``"dimension"``, ``"owner"``, ``"funding"``
        or fiscal ``"year"``.

    Raises
    ------
    roadmap.RoadmapError
        Without a status date, for an unknown baseline, or a plan that cannot be scheduled.

    Examples
    --------
    >>> from roadmap.model import Initiative, Roadmap
    >>> plan = Roadmap(name="x", start=date(2021, 1, 1), status_date=date(2021, 1, 20),
    ...     initiatives=[Initiative(id="A", name="a", duration=40, budget=400,
    ...                             actual_start=date(2021, 1, 1), progress=0.4,
    ...                             actual_cost=180)])
    >>> ev = status(plan).earned_value
    >>> ev.pv, ev.ev, ev.ac, ev.spi, round(ev.cpi, 4)  # 20 of 40 days planned
    (200.0, 160.0, 180.0, 0.8, 0.8889)
    >>> ev.es_days, ev.at_days, ev.spi_t  # 160 was planned 16 days in, after 20
    (16.0, 20.0, 0.8)
    """
    if by is not None and by not in BY:
        raise ValueError(f"cannot group a status by {by!r}; allowed: {', '.join(BY)}")
    fc = forecast(plan, as_of)
    day = as_of or plan.status_date
    assert day is not None
    base = _baseline(plan, baseline)
    actuals = Actuals(plan)
    origin = plan.start.toordinal()
    cut = day.toordinal() + 1  # the status date counts: PV of the days before the next one
    rows = []
    item_segments: dict[str, list[tuple[int, int, float]]] = {}
    for s in fc:
        item = s.item
        entry = base.items.get(s.id)
        segs = item_segments[s.id] = _segments(plan, base, s.id)
        bac = sum(a for _, _, a in segs)
        pv = sum(a * min(1.0, max(0.0, (cut - a0) / (a1 - a0))) for a0, a1, a in segs)
        progress = actuals.progress(item, day)
        if entry is None:
            planned, b_start, b_finish = 0.0, None, None
        else:
            b_start, b_finish = entry.start, entry.finish
            first, end = entry.start.toordinal(), entry.finish.toordinal() + 1
            planned = 1.0 if cut >= end else max(0.0, (cut - first) / max(end - first, 1))
        rows.append(ItemStatus(
            id=s.id, name=s.name, kind=s.kind, state=actuals.state(item, day),
            baseline_start=b_start, baseline_finish=b_finish,
            forecast_start=s.start, forecast_finish=s.finish,
            start_variance_days=(s.start - b_start).days if b_start else None,
            finish_variance_days=(s.finish - b_finish).days if b_finish else None,
            planned_progress=planned, progress=progress, bac=bac, pv=pv, ev=progress * bac,
            ac=float(actuals.cost(item, day)), item=item,
        ))  # fmt: skip
    b_finish_day = max((e.finish.toordinal() + 1 for e in base.items.values()), default=origin)
    roadmap_ev = _figures(rows, [sg for segs in item_segments.values() for sg in segs],
                          origin, cut, b_finish_day)  # fmt: skip
    groups: dict[str, EarnedValue] = {}
    if by == "year":
        groups = _by_year(plan, rows, item_segments, actuals, day, cut)
    elif by is not None:
        members: dict[str, list[ItemStatus]] = {}
        for r in rows:
            members.setdefault(_group_key(r.item, by), []).append(r)
        for name, group in sorted(members.items()):
            segs = [sg for r in group for sg in item_segments[r.id]]
            end = max((e + 0 for _, e, _ in segs), default=origin)
            groups[name] = _figures(group, segs, origin, cut, end)
    baseline_finish = date.fromordinal(max(b_finish_day - 1, origin))
    return Status(
        roadmap=plan.name, status_date=day, baseline=base.name, items=tuple(rows),
        earned_value=roadmap_ev, by=by, groups=groups, baseline_finish=baseline_finish,
        forecast_finish=fc.finish, finish_variance_days=(fc.finish - baseline_finish).days,
        forecast=fc,
    )  # fmt: skip


def _figures(
    rows: list[ItemStatus], segs: list[tuple[int, int, float]], origin: int, cut: int, end: int
) -> EarnedValue:
    bac = sum(r.bac for r in rows)
    ev = sum(r.ev for r in rows)
    curve = PvCurve(segs, end=end)
    when = curve.time_of(ev, near=cut) if curve.total else None
    return earned_value(
        bac=bac, pv=sum(r.pv for r in rows), ev=ev, ac=sum(r.ac for r in rows),
        es=None if when is None else max(0.0, when - origin), at=float(cut - origin),
        pd=float(end - origin) if curve.total else None,
    )  # fmt: skip


def _by_year(
    plan: Roadmap,
    rows: list[ItemStatus],
    item_segments: dict[str, list[tuple[int, int, float]]],
    actuals: Actuals,
    day: date,
    cut: int,
) -> dict[str, EarnedValue]:
    """Earned value per fiscal year.

    That year's budget, the PV planned in it, EV in proportion to the year's share of each
    item's budget, and the money spent in it.
    """
    fys = plan.fiscal_year_start
    totals: dict[int, list[float]] = {}  # year -> [bac, pv, ev, ac]
    for r in rows:
        for a0, a1, amount in item_segments[r.id]:
            year = fiscal_year(date.fromordinal(a0), fys)
            t = totals.setdefault(year, [0.0, 0.0, 0.0, 0.0])
            t[0] += amount
            t[1] += amount * min(1.0, max(0.0, (cut - a0) / (a1 - a0)))
            t[2] += r.progress * amount
        for year, spent in actuals.spent_by_year(r.item, day, fys).items():
            totals.setdefault(year, [0.0, 0.0, 0.0, 0.0])[3] += spent
    return {
        str(y): earned_value(bac=t[0], pv=t[1], ev=t[2], ac=t[3]) for y, t in sorted(totals.items())
    }


@attrs.frozen(kw_only=True)
class ProgressCurve:
    """Cumulative progress at each month's end, as shares of the baseline budget (0 to 1).

    ``planned`` runs over the whole baseline; ``physical`` (EV / BAC) and ``financial``
    (AC / BAC) up to the status date, their last point on it.  The *deviasi* of Indonesian
    S-curves is ``physical - planned``.
    """

    dates: tuple[date, ...]
    planned: tuple[float, ...]
    actual_dates: tuple[date, ...]
    physical: tuple[float, ...]
    financial: tuple[float, ...]

    @property
    def deviation(self) -> tuple[float, ...]:
        """Physical minus planned progress at each actual date (negative: behind)."""
        planned = dict(zip(self.dates, self.planned, strict=True))
        return tuple(p - planned[d] for d, p in zip(self.actual_dates, self.physical,
                                                       strict=True))  # fmt: skip


def progress_curve(
    plan: Roadmap, *, baseline: str | Baseline | Roadmap | None = None
) -> ProgressCurve:
    """The cost-weighted S-curve of a tracked plan: planned, physical and financial.

    Raises
    ------
    roadmap.RoadmapError
        Without a status date.
    """
    st = status(plan, baseline=baseline)
    base = _baseline(plan, baseline)
    day = st.status_date
    segs = [sg for id in base.items for sg in _segments(plan, base, id)]
    curve = PvCurve(segs)
    bac = curve.total or 1.0
    last = max((e.finish for e in base.items.values()), default=plan.start)
    ends = _month_ends(plan.start, max(last, day))
    actuals = Actuals(plan)
    items = [r.item for r in st.items]
    shares = {r.id: r.bac for r in st.items}
    actual_dates = (*(d for d in ends if d < day), day)
    return ProgressCurve(
        dates=tuple(sorted({*ends, day})),
        planned=tuple(curve.at(d.toordinal() + 1) / bac for d in sorted({*ends, day})),
        actual_dates=actual_dates,
        physical=tuple(
            sum(actuals.progress(i, d) * shares[i.id] for i in items) / bac for d in actual_dates
        ),
        financial=tuple(sum(actuals.cost(i, d) for i in items) / bac for d in actual_dates),
    )


def _month_ends(first: date, last: date) -> list[date]:
    out = []
    y, m = first.year, first.month
    while True:
        nxt = date(y + m // 12, m % 12 + 1, 1)
        end = date.fromordinal(nxt.toordinal() - 1)
        out.append(end)
        if end >= last:
            return out
        y, m = nxt.year, nxt.month
