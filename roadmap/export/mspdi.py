"""MS Project XML (MSPDI) export of a scheduled plan, for MS Project or ProjectLibre.

Writes the project calendar, one summary task per phase with its items beneath,
milestones, all four link types with their lags, start-no-earlier-than constraints,
deadlines, progress and costs, and the scheduled dates.  A plan without a working-day
calendar gets a seven-day calendar, so that one MS Project day is one calendar day, as in
``roadmap``; a month is 30 days (MS Project has no calendar months).  The roadmap's own
ids, dimensions, owners, funding, duration text, yearly budgets and the multi-year mark travel
in the custom fields Text1-Text7,
which :mod:`roadmap.io` reads back, so export -> import keeps tasks, dates, links and lags.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from xml.etree import ElementTree as ET

from roadmap.dates import Calendar, Duration
from roadmap.errors import RoadmapError
from roadmap.io._mspdi import (
    DAYS_PER_MONTH,
    ELAPSED_DAY,
    EXTRA_HEAD_KEYS,
    EXTRA_ITEM_KEYS,
    EXTRA_TOP_KEYS,
    F_DIMENSION,
    F_DURATION,
    F_EXTRA,
    F_FUNDING,
    F_ID,
    F_MULTI_YEAR,
    F_OWNER,
    F_YEARS,
    FIELDS,
    FMT_D,
    FMT_MO,
    FMT_W,
    LINK_CODES,
    MINUTES_PER_DAY,
    NS,
    lag_of,
)
from roadmap.io._tree import to_tree
from roadmap.model import Initiative, Milestone, Phase, Roadmap
from roadmap.scheduler import schedule

__all__ = ["to_mspdi"]


def _add(parent: ET.Element, tag: str, text: object = None) -> ET.Element:
    el = ET.SubElement(parent, tag)
    if text is not None:
        el.text = str(text)
    return el


def _hours(days: int) -> str:
    return f"PT{days * MINUTES_PER_DAY // 60}H0M0S"


def _lag(lag: Duration, calendar: Calendar | None) -> tuple[int, int]:
    """A lag as (tenths of a minute, MSPDI format)."""
    if lag.workdays:
        return lag.workdays * MINUTES_PER_DAY * 10, FMT_D
    per_day = MINUTES_PER_DAY if calendar is None else ELAPSED_DAY
    elapsed = 0 if calendar is None else 1
    months = lag.years * 12 + lag.quarters * 3 + lag.months
    if months and not (lag.weeks or lag.days):
        return months * DAYS_PER_MONTH * per_day * 10, FMT_MO + elapsed
    if lag.weeks and not (months or lag.days):
        return lag.weeks * 7 * per_day * 10, FMT_W + elapsed
    days = months * DAYS_PER_MONTH + lag.weeks * 7 + lag.days
    return days * per_day * 10, FMT_D + elapsed


def _stamp(day: date, end: bool = False) -> str:
    return f"{day.isoformat()}T{'17:00' if end else '08:00'}:00"


def to_mspdi(plan: Roadmap) -> str:
    """The plan as MSPDI XML text for MS Project or ProjectLibre.

    Examples
    --------
    >>> from roadmap import Roadmap, Initiative
    >>> plan = Roadmap(name="Demo", start="2019-01-01",
    ...                initiatives=[Initiative(id="A", name="Study", duration="10 days")])
    >>> "<Name>Study</Name>" in to_mspdi(plan)
    True
    """
    try:
        sched = schedule(plan)
    except RoadmapError as err:
        raise RoadmapError(f"cannot export a plan that cannot be scheduled: {err}") from None
    cal = plan.calendar
    root = ET.Element("Project", xmlns=NS)
    _add(root, "SaveVersion", 14)
    _add(root, "Name", plan.name)
    _add(root, "Title", plan.name)
    _add(root, "ScheduleFromStart", 1)
    _add(root, "StartDate", _stamp(plan.start))
    _add(root, "FinishDate", _stamp(sched.finish, end=True))
    _add(root, "CurrencyDigits", 0 if plan.currency == "IDR" else 2)
    _add(root, "CurrencySymbol", "Rp" if plan.currency == "IDR" else plan.currency)
    _add(root, "CurrencyCode", plan.currency)
    _add(root, "CalendarUID", 1)
    _add(root, "DefaultStartTime", "08:00:00")
    _add(root, "DefaultFinishTime", "17:00:00")
    _add(root, "MinutesPerDay", MINUTES_PER_DAY)
    weekend = set(cal.weekend) if cal is not None else set()
    _add(root, "MinutesPerWeek", MINUTES_PER_DAY * (7 - len(weekend)))
    _add(root, "DaysPerMonth", DAYS_PER_MONTH)
    _add(root, "DurationFormat", FMT_D)
    _add(root, "HonorConstraints", 1)
    attrs_el = _add(root, "ExtendedAttributes")
    for field_id, name, alias in FIELDS:
        ext = _add(attrs_el, "ExtendedAttribute")
        _add(ext, "FieldID", field_id)
        _add(ext, "FieldName", name)
        _add(ext, "Alias", alias)
    _calendar(_add(_add(root, "Calendars"), "Calendar"), plan, sched.finish)

    tasks = _add(root, "Tasks")
    uid = 0
    summary = _task(tasks, uid, plan.name, 0, plan.start, sched.finish)
    _add(summary, "Summary", 1)
    tree = to_tree(plan, dates=date.isoformat)
    head = {k: v for k, v in tree["roadmap"].items() if k in EXTRA_HEAD_KEYS}
    top = {k: tree[k] for k in EXTRA_TOP_KEYS if k in tree}
    top["order"] = [i.id for i in plan.items]  # MS Project lists them by phase
    _ext(summary, F_EXTRA, _json({"roadmap": head, **top} if head else top))
    extras = {
        entry["id"]: {k: v for k, v in entry.items() if k in EXTRA_ITEM_KEYS}
        for key in ("phases", "initiatives", "milestones") for entry in tree.get(key, [])
    }  # fmt: skip
    entries = {e["id"]: e for e in tree.get("initiatives", [])}
    for item in plan.items:  # lags MSPDI cannot hold exactly (P1M10D): the links here too
        if any(_lag_back(link.lag, cal) != link.lag for link in item.depends_on):
            extras[item.id]["depends_on"] = next(
                e for k in ("initiatives", "milestones") for e in tree.get(k, [])
                if e["id"] == item.id
            )["depends_on"]  # fmt: skip
    for item in plan.initiatives:
        if item.budget_shares or item.budget_total is not None or item.budget == 0:
            # The yearly amounts are in Text6; the shares by source, a stated total and a
            # budget of nothing (MS Project has a cost of 0 on every task) here.
            extras[item.id]["budget"] = entries[item.id]["budget"]
    by_phase: dict[str | None, list[Initiative | Milestone]] = {}
    phase_ids = {p.id for p in plan.phases}
    for item in plan.items:
        by_phase.setdefault(item.phase if item.phase in phase_ids else None, []).append(item)
    uids = {}
    order: list[tuple[int, Initiative | Milestone | Phase]] = []
    for phase in plan.phases:
        order.append((1, phase))
        order += [(2, item) for item in by_phase.get(phase.id, [])]
    order += [(1, item) for item in by_phase.get(None, [])]
    for _, obj in order:
        uid += 1
        uids[obj.id] = uid
    for level, obj in order:
        if isinstance(obj, Phase):
            start = obj.start or min(
                (sched[i.id].start for i in by_phase.get(obj.id, [])), default=plan.start
            )
            finish = obj.end or max(
                (sched[i.id].finish for i in by_phase.get(obj.id, [])), default=start
            )
            el = _task(tasks, uids[obj.id], obj.name, level, start, finish)
            _add(el, "Summary", 1)
            _ext(el, F_ID, obj.id)
            if extras.get(obj.id):
                _ext(el, F_EXTRA, _json(extras[obj.id]))
            if obj.description:
                _add(el, "Notes", obj.description)
            continue
        s = sched[obj.id]
        el = _task(tasks, uids[obj.id], obj.name, level, s.start, s.finish, s.days, cal)
        is_ms = isinstance(obj, Milestone)
        _add(el, "Milestone", int(is_ms))
        _add(el, "Summary", 0)
        planned = obj.start if isinstance(obj, Initiative) else obj.date
        if planned is not None:
            _add(el, "ConstraintType", 4)  # start no earlier than
            _add(el, "ConstraintDate", _stamp(planned, end=is_ms))
        else:
            _add(el, "ConstraintType", 0)
        if obj.deadline is not None:
            _add(el, "Deadline", _stamp(obj.deadline, end=True))
        if isinstance(obj, Initiative):
            _add(el, "PercentComplete", round(obj.progress * 100))
            b = obj.budget
            total = obj.budget_total or (sum(b.values()) if isinstance(b, dict) else b)
            if total:
                _add(el, "Cost", total * 100)  # MSPDI writes money in hundredths
        for link in obj.links:
            p = _add(el, "PredecessorLink")
            _add(p, "PredecessorUID", uids[link.id])
            _add(p, "Type", LINK_CODES[link.type])
            _add(p, "CrossProject", 0)
            tenths, fmt = _lag(link.lag, cal)
            _add(p, "LinkLag", tenths)
            _add(p, "LagFormat", fmt)
        _ext(el, F_ID, obj.id)
        if obj.dimension:
            _ext(el, F_DIMENSION, obj.dimension)
        if obj.owner:
            _ext(el, F_OWNER, obj.owner)
        if isinstance(obj, Initiative):
            if obj.funding:
                _ext(el, F_FUNDING, "; ".join(obj.funding))
            if obj.duration is not None:
                _ext(el, F_DURATION, str(obj.duration))
            if isinstance(obj.budget, dict):
                _ext(el, F_YEARS, "; ".join(f"{y}: {v}" for y, v in obj.budget.items()))
            if obj.multi_year:
                _ext(el, F_MULTI_YEAR, "yes")
        if extras.get(obj.id):
            _ext(el, F_EXTRA, _json(extras[obj.id]))
        if obj.description:
            _add(el, "Notes", obj.description)
    ET.indent(root, space="  ")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + ET.tostring(root, encoding="unicode")
        + "\n"
    )


def _task(
    tasks: ET.Element,
    uid: int,
    name: str,
    level: int,
    start: date,
    finish: date,
    days: int | None = None,
    cal: Calendar | None = None,
) -> ET.Element:
    el = _add(tasks, "Task")
    _add(el, "UID", uid)
    _add(el, "ID", uid)
    _add(el, "Name", name)
    _add(el, "Active", 1)
    _add(el, "Manual", 0)
    _add(el, "OutlineLevel", level)
    _add(el, "Start", _stamp(start, end=days == 0))  # a milestone: at the end of its day
    _add(el, "Finish", _stamp(finish, end=True))
    if days is not None:
        work = days
        if cal is not None and days:
            first = start.toordinal()
            work = sum(cal.is_workday(d) for d in range(first, first + days))
        _add(el, "Duration", _hours(work))
        _add(el, "DurationFormat", FMT_D)
    return el


def _lag_back(lag: Duration, cal: Calendar | None) -> Duration | None:
    """The lag as import reads back what :func:`_lag` writes."""
    tenths, fmt = _lag(lag, cal)
    return lag_of(tenths / 10, fmt, cal, MINUTES_PER_DAY, DAYS_PER_MONTH)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _ext(task: ET.Element, field_id: int, value: str) -> None:
    ext = _add(task, "ExtendedAttribute")
    _add(ext, "FieldID", field_id)
    _add(ext, "Value", value)


def _calendar(el: ET.Element, plan: Roadmap, finish: date) -> None:
    _add(el, "UID", 1)
    _add(el, "Name", "Standard")
    _add(el, "IsBaseCalendar", 1)
    cal = plan.calendar
    days = _add(el, "WeekDays")
    for day_type in range(1, 8):  # 1 = Sunday
        weekday = (day_type + 5) % 7  # Python: Monday = 0
        working = cal is None or weekday not in cal.weekend
        wd = _add(days, "WeekDay")
        _add(wd, "DayType", day_type)
        _add(wd, "DayWorking", int(working))
        if working:
            times = _add(wd, "WorkingTimes")
            for a, b in (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")):
                t = _add(times, "WorkingTime")
                _add(t, "FromTime", a)
                _add(t, "ToTime", b)
    if cal is None:
        return
    exceptions = _add(el, "Exceptions")
    first = plan.start.toordinal()
    last = date(max(finish.year, (plan.end or finish).year), 12, 31).toordinal()
    for ordinal in range(first, last + 1):
        day = date.fromordinal(ordinal)
        if day.weekday() not in cal.weekend and not cal.is_workday(ordinal):
            ex = _add(exceptions, "Exception")
            _add(ex, "EnteredByOccurrences", 0)
            period = _add(ex, "TimePeriod")
            _add(period, "FromDate", f"{day.isoformat()}T00:00:00")
            _add(period, "ToDate", f"{day.isoformat()}T23:59:00")
            _add(ex, "Occurrences", 1)
            _add(ex, "Name", "Libur")
            _add(ex, "Type", 1)
            _add(ex, "DayWorking", 0)
