"""Critical-path scheduling: early and late dates, slack and driving links.

The passes run over integer day numbers on half-open intervals ``[S, E)``; dates are made
only when a user looks at a result.  A duration or lag in calendar units (months, years,
workdays) is resolved to a number of days once, at the item's early dates in the forward
pass, and the backward pass reuses those days, so that a critical item has exactly zero
slack.

Examples
--------
>>> from datetime import date
>>> from roadmap.model import Initiative, Milestone, Roadmap
>>> plan = Roadmap(name="Demo", start=date(2019, 1, 1), initiatives=[
...     Initiative(id="A", name="Master plan", duration="6 months"),
...     Initiative(id="B", name="Regulation", duration="3 months", depends_on=["A"]),
...     Initiative(id="C", name="Training", duration="1 month"),
... ], milestones=[Milestone(id="M", name="Adopted", after="B")])
>>> sched = schedule(plan)
>>> sched.finish
datetime.date(2019, 9, 30)
>>> sched.critical_path
['A', 'B', 'M']
>>> sched["C"].total_slack
242
>>> sched["M"].start, sched["M"].driving
(datetime.date(2019, 9, 30), (Dependency(id='B', type='FS', lag=Duration.parse('0 days')),))
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

import attrs

from roadmap import _html
from roadmap._i18n import SCHEDULE_HEADERS, language_of, yes_no
from roadmap._network import FF, FS, SS, Network, network
from roadmap.dates import LAST_DATE, Duration, add_months
from roadmap.errors import ScheduleError, UnknownItemError
from roadmap.model import Dependency, Initiative, Milestone, Roadmap

_LAST_DAY = LAST_DATE.toordinal()
__all__ = ["RECORD_COLUMNS", "DayNumbers", "Schedule", "ScheduledItem", "schedule"]

_fromordinal = date.fromordinal


@attrs.frozen(kw_only=True)
class ScheduledItem:
    """One item of a :class:`Schedule`, with inclusive dates as a planner reads them.

    A milestone's ``start`` and ``finish`` are both the day on which it is reached.

    Attributes
    ----------
    id, kind, name
        Identity of the item (``kind`` is ``"initiative"`` or ``"milestone"``).
    start, finish
        Early start and early finish (inclusive).
    late_start, late_finish
        Latest start and finish (inclusive) that delay neither the roadmap nor a deadline.
    days
        Length in calendar days (0 for a milestone).
    total_slack, free_slack
        Days the item can slip without delaying the roadmap (or a deadline) / its
        successors.  Negative where a deadline cannot be met.
    critical
        ``total_slack <= 0``.
    driving
        The incoming link(s) that fixed the early dates; empty when the item starts as early
        as the roadmap start or its own planned start allows.
    item
        The :class:`~roadmap.model.Initiative` or :class:`~roadmap.model.Milestone`.
    """

    id: str
    kind: Literal["initiative", "milestone"]
    name: str
    start: date
    finish: date
    late_start: date
    late_finish: date
    days: int
    total_slack: int
    free_slack: int
    critical: bool
    driving: tuple[Dependency, ...]
    item: Initiative | Milestone = attrs.field(repr=False)


#: The keys of :meth:`Schedule.records`, in order (CSV columns too).
RECORD_COLUMNS = (
    "id", "kind", "name", "start", "finish", "late_start", "late_finish",
    "total_slack_days", "free_slack_days", "critical", "driving",
)  # fmt: skip


class DayNumbers(NamedTuple):
    """A schedule as day numbers (:meth:`datetime.date.toordinal`), one entry per item.

    Entries follow :attr:`Roadmap.items <roadmap.model.Roadmap.items>` (initiatives, then
    milestones).  Intervals are half-open, ``[start, finish)``: an item of *d* days has
    ``early_finish - early_start == d``, and a milestone has ``early_start ==
    early_finish``, the instant at the end of the day on which it is reached.  This is the
    view budgets, checks and charts compute with: no date objects per item.
    """

    ids: tuple[str, ...]
    #: Position of every id.
    position: Mapping[str, int]
    early_start: tuple[int, ...]
    early_finish: tuple[int, ...]
    late_start: tuple[int, ...]
    late_finish: tuple[int, ...]
    free_slack: tuple[int, ...]
    #: Positions in dependency order: every item comes after its predecessors.
    order: tuple[int, ...]


class _Passes(NamedTuple):
    """The arrays the passes fill, one entry per item (``lag`` one per link)."""

    es: list[int]
    ef: list[int]
    ls: list[int]
    lf: list[int]
    free: list[int]
    lag: list[int]
    sbound: list[int]
    fbound: list[int]
    mode: bytearray


class Schedule:
    """The result of :func:`schedule`: dates, slack, criticality and driving links per item.

    Index it by id, iterate it (in date order), or take :meth:`records` for a table and
    :meth:`to_dict` for JSON.
    """

    __slots__ = ("_cp", "_days", "_ef", "_es", "_lf", "_ls", "_net", "_passes", "finish_day",
                 "plan")  # fmt: skip

    def __init__(self, plan: Roadmap, net: Network, passes: _Passes, finish_day: int) -> None:
        self.plan = plan
        self._net = net
        self._passes = passes
        self._es, self._ef, self._ls, self._lf = passes.es, passes.ef, passes.ls, passes.lf
        #: The exclusive end of the roadmap as a day number: the day after its finish.
        self.finish_day = finish_day
        self._cp: list[str] | None = None
        self._days: DayNumbers | None = None

    @property
    def days(self) -> DayNumbers:
        """Early and late dates, free slack and dependency order as day numbers.

        Examples
        --------
        >>> from roadmap.model import Initiative, Roadmap
        >>> plan = Roadmap(name="x", start=date(2019, 1, 1),
        ...                initiatives=[Initiative(id="A", name="a", duration="1 month")])
        >>> days = schedule(plan).days
        >>> date.fromordinal(days.early_finish[days.position["A"]])  # the day after the finish
        datetime.date(2019, 2, 1)
        """
        if self._days is None:
            net, ps = self._net, self._passes
            self._days = DayNumbers(
                ids=tuple(net.ids),
                position=MappingProxyType(net.index),
                early_start=tuple(ps.es),
                early_finish=tuple(ps.ef),
                late_start=tuple(ps.ls),
                late_finish=tuple(ps.lf),
                free_slack=tuple(ps.free),
                order=tuple(net.order),
            )
        return self._days

    def driving_links(self, id: str) -> tuple[Dependency, ...]:
        """The incoming links of item *id* that fixed its early dates (see :class:`ScheduledItem`).

        Raises
        ------
        roadmap.UnknownItemError
            When no item has that id.
        """
        i = self._position(id)
        links = self._net.items[i].links
        return tuple(links[k] for k in self._driving(i))

    def _position(self, id: str) -> int:
        try:
            return self._net.index[id]
        except KeyError:
            raise UnknownItemError(f"no item with id {id!r} in the schedule") from None

    # -- whole-roadmap figures --------------------------------------------------------

    @property
    def start(self) -> date:
        """The roadmap's start date."""
        return self.plan.start

    @property
    def finish(self) -> date:
        """The last day of work of the roadmap (inclusive)."""
        return _fromordinal(max(self.finish_day - 1, self.plan.start.toordinal()))

    @property
    def ids(self) -> list[str]:
        """Ids in plan order."""
        return list(self._net.ids)

    def __len__(self) -> int:
        return len(self._net.ids)

    def __contains__(self, id: object) -> bool:
        return id in self._net.index

    # -- per item ---------------------------------------------------------------------

    def _at(self, i: int) -> ScheduledItem:
        item = self._net.items[i]
        es, ef, ls, lf = self._es[i], self._ef[i], self._ls[i], self._lf[i]
        milestone = es == ef and isinstance(item, Milestone)
        shift = 1 if milestone else 0  # a milestone is shown on the day it is reached
        links = item.links
        return ScheduledItem(
            id=item.id,
            kind=item.kind,
            name=item.name,
            start=_fromordinal(es - shift),
            finish=_fromordinal(ef - 1),
            late_start=_fromordinal(ls - shift),
            late_finish=_fromordinal(lf - 1),
            days=ef - es,
            total_slack=ls - es,
            free_slack=self._passes.free[i],
            critical=ls <= es,
            driving=tuple(links[k] for k in self._driving(i)),
            item=item,
        )

    def __getitem__(self, id: str) -> ScheduledItem:
        return self._at(self._position(id))

    def _date_order(self) -> list[int]:
        es, ef = self._es, self._ef
        return sorted(range(len(es)), key=lambda i: (es[i], ef[i], i))

    def __iter__(self) -> Iterator[ScheduledItem]:
        """Items in date order: by start, then finish, then plan order."""
        for i in self._date_order():
            yield self._at(i)

    # -- critical path ----------------------------------------------------------------

    def _slack(self, i: int) -> int:
        return self._ls[i] - self._es[i]

    def _driving(self, i: int) -> list[int]:
        """Positions (in ``item.links``) of the links that fixed item *i*'s early dates.

        A start link drives when its bound equals the start the links allowed; a finish
        link when its bound equals the finish the item was pulled to.
        """
        net, ps = self._net, self._passes
        es, ef = ps.es, ps.ef
        mode = ps.mode[i]
        out = []
        base = net.first[i]
        for k in range(base, net.first[i + 1]):
            p, t = net.src[k], net.code[k]
            bound = (ef[p] if t in (FS, FF) else es[p]) + ps.lag[k]
            if t <= SS:
                if mode != 1 and bound == ps.sbound[i]:
                    out.append(k - base)
            elif mode != 0 and bound == ps.fbound[i]:
                out.append(k - base)
        return out

    def _critical_preds(self, i: int) -> list[int]:
        first, src = self._net.first[i], self._net.src
        return [src[first + k] for k in self._driving(i) if self._slack(src[first + k]) <= 0]

    @property
    def critical(self) -> list[str]:
        """Ids of every critical item (total slack <= 0), in plan order."""
        ls, es = self._ls, self._es
        return [id for i, id in enumerate(self._net.ids) if ls[i] <= es[i]]

    @property
    def critical_path(self) -> list[str]:
        """The chain of critical items that sets the roadmap's finish, first to last.

        It ends at the critical item with the least slack (the latest-finishing one among
        equals) and follows driving links back through critical predecessors.  Empty for
        an empty plan.
        """
        if self._cp is None:
            self._cp = [self._net.ids[i] for i in self._chain()]
        return list(self._cp)

    def _chain(self) -> list[int]:
        n = len(self._es)
        if not n:
            return []
        pos = [0] * n
        for k, i in enumerate(self._net.order):
            pos[i] = k
        # Least slack, then latest finish, then last in dependency order (a milestone
        # reached on its predecessor's finish closes the chain).
        end = min(range(n), key=lambda i: (self._slack(i), -self._ef[i], -pos[i]))
        chain = [end]
        while True:
            preds = self._critical_preds(chain[-1])
            if not preds:
                break
            chain.append(min(preds, key=lambda p: (self._slack(p), p)))
        return chain[::-1]

    def critical_paths(self, limit: int = 100) -> list[list[str]]:
        """Every chain of critical items through driving links, up to *limit* chains.

        A chain starts at a critical item that no critical link drives and ends at a
        critical item that drives no critical successor.
        """
        n = len(self._es)
        crit = [self._slack(i) <= 0 for i in range(n)]
        back: dict[int, list[int]] = {}
        fwd: dict[int, list[int]] = {}
        for i in range(n):
            if crit[i]:
                back[i] = self._critical_preds(i)
                for p in back[i]:
                    fwd.setdefault(p, []).append(i)
        paths: list[list[str]] = []
        ids = self._net.ids
        for first in sorted(back, key=lambda i: (self._es[i], i)):
            if back[first]:
                continue
            # Depth first without recursion (a chain may be 100,000 items long): the path
            # and, for each of its items, the next successor to try.
            path, tried = [first], [0]
            while path and len(paths) < limit:
                nxt = fwd.get(path[-1], [])
                if not nxt:
                    paths.append([ids[i] for i in path])
                if tried[-1] < len(nxt):
                    tried[-1] += 1
                    path.append(nxt[tried[-1] - 1])
                    tried.append(0)
                else:
                    path.pop()
                    tried.pop()
        return paths

    # -- tables -----------------------------------------------------------------------

    def records(self) -> list[dict[str, Any]]:
        """One dict per item in date order, with the keys of the JSON output.

        Dates are :class:`~datetime.date` objects and ``driving`` a list of predecessor ids.
        """
        out = []
        for s in self:
            out.append(
                {
                    "id": s.id,
                    "kind": s.kind,
                    "name": s.name,
                    "start": s.start,
                    "finish": s.finish,
                    "late_start": s.late_start,
                    "late_finish": s.late_finish,
                    "total_slack_days": s.total_slack,
                    "free_slack_days": s.free_slack,
                    "critical": s.critical,
                    "driving": [link.id for link in s.driving],
                }
            )
        return out

    def to_dict(self) -> dict[str, Any]:
        """The schedule as the JSON tree of ``roadmap schedule --format json``."""
        items = [
            {k: v.isoformat() if isinstance(v, date) else v for k, v in r.items() if k != "name"}
            for r in self.records()
        ]
        return {
            "roadmap": self.plan.name,
            "start": self.start.isoformat(),
            "finish": self.finish.isoformat(),
            "critical_path": self.critical_path,
            "items": items,
        }

    def __repr__(self) -> str:
        return (
            f"<Schedule {self.plan.name!r}: {len(self)} items, {self.start} .. {self.finish}, "
            f"critical path {' -> '.join(self.critical_path) or '-'}>"
        )

    def _repr_html_(self) -> str:
        lang = language_of(self.plan.language)
        k = 0 if lang == "id" else 1
        records = self.records()
        columns = [c for c in RECORD_COLUMNS if c != "kind"]
        rows = (
            [", ".join(r[c]) if c == "driving" else yes_no(r[c], lang) if c == "critical"
             else r[c] for c in columns]
            for r in records
        )  # fmt: skip
        path = " → ".join(self.critical_path) or "-"
        words = ("jalur kritis", "s.d.") if lang == "id" else ("critical path", "..")
        note = f": {self.start} {words[1]} {self.finish}; {words[0]}: {path}"
        return _html.table(
            [SCHEDULE_HEADERS[c][k] for c in columns], rows, title=self.plan.name, note=note,
            bold=(r["critical"] for r in records), right=(5, 6),
        )  # fmt: skip


def _need_no_calendar(net: Network) -> None:
    """Refuse, naming the item, a duration or lag in workdays in a plan without a calendar."""
    if not net.workdays:
        return
    i = min(net.workdays)
    item = net.items[i]
    hint = (
        "needs a working-day calendar; set 'calendar' on the roadmap, e.g. "
        'calendar = {country = "ID", weekend = ["sat", "sun"]}'
    )
    if item.span.workdays:
        raise ScheduleError(f"item {item.id!r}, field 'duration': {item.span} {hint}")
    lag = next(link.lag for link in item.links if link.lag.workdays)
    raise ScheduleError(f"item {item.id!r}, field 'depends_on': a lag of {lag} {hint}")


def schedule(plan: Roadmap) -> Schedule:
    """Schedule a roadmap by the critical path method.

    Forward pass: every item starts as early as its links, its planned start
    (start-no-earlier-than) and the roadmap start allow.  Backward pass from the
    roadmap's computed finish, tightened by deadlines (finish-no-later-than): late dates,
    total slack (negative where a deadline cannot be met) and free slack.

    Parameters
    ----------
    plan
        The roadmap.

    Returns
    -------
    Schedule

    Notes
    -----
    A :class:`Roadmap` is immutable, so its schedule is computed once and kept on it:
    :func:`schedule`, :func:`roadmap.check`, :func:`roadmap.budget_by` and charts of the
    same plan share it.  A changed copy (:func:`attrs.evolve`) is scheduled afresh.

    Raises
    ------
    roadmap.CycleError
        When the dependencies form a cycle; it names the whole cycle.
    roadmap.ItemError
        For duplicate ids and links to unknown items.
    roadmap.ScheduleError
        For a duration or lag in workdays in a plan without a working-day calendar.
    """
    cached = plan._schedule
    if cached is not None:
        assert isinstance(cached, Schedule)
        return cached
    net = network(plan)
    n = len(net.items)
    cal = plan.calendar
    if cal is None:
        _need_no_calendar(net)
    durs, dkind, general, snet, deadline = net.durs, net.dkind, net.general, net.snet, net.deadline
    first, src, code, lags, cal_lag = net.first, net.src, net.code, net.lag, net.cal_lag
    lag_days = net.lag_days[:]  # calendar lags are resolved into this copy
    es = [0] * n
    ef = [0] * n
    days = [0] * n
    sbound = [0] * n  # the start the links allow, before moving to a working day
    fbound = [-1] * n  # the finish the FF/SF links demand
    mode = bytearray(n)  # what fixed the dates: 0 start links, 1 finish links, 2 both

    # -- forward pass -------------------------------------------------------------------
    i = 0
    try:
        for i in net.order:
            start = snet[i]
            fb = -1
            a = first[i]
            b = first[i + 1]
            if a != b:
                if cal_lag[i]:
                    for k in range(a, b):
                        lag = lags[k]
                        if lag.__class__ is not int:
                            assert isinstance(lag, Duration)
                            p = src[k]
                            # Resolved once, at the predecessor's early date; the backward
                            # pass reuses the days.
                            lag_days[k] = lag.days_from(
                                ef[p] if code[k] in (FS, FF) else es[p], cal
                            )
                for k in range(a, b):
                    t = code[k]
                    if t == FS:
                        bound = ef[src[k]] + lag_days[k]
                        if bound > start:
                            start = bound
                    elif t == SS:
                        bound = es[src[k]] + lag_days[k]
                        if bound > start:
                            start = bound
                    else:
                        bound = (ef[src[k]] if t == FF else es[src[k]]) + lag_days[k]
                        if bound > fb:
                            fb = bound
            sbound[i] = start
            kind = dkind[i]
            if kind == 0:
                d = durs[i]
            elif kind == 1:
                d = add_months(start, durs[i]) - start
            else:
                dur = general[i]
                if dur.workdays and cal is not None:
                    start = cal.next_workday(start)
                d = dur.days_from(start, cal)
            if fb >= start + d:
                fbound[i] = fb
                if fb > start + d:
                    # Finish-driven: measure the duration back from the finish it must reach.
                    if kind == 1:
                        back = fb - add_months(fb, -durs[i])
                        d = back if fb - back >= start else fb - start
                    elif kind == 2:
                        back = general[i].days_before(fb, cal)
                        d = back if fb - back >= start else fb - start
                    start = fb - d
                    mode[i] = 1
                else:
                    mode[i] = 2
            es[i] = start
            ef[i] = start + d
            days[i] = d
    except (ValueError, OverflowError) as err:  # a date beyond year 9999 (or before year 1)
        raise ScheduleError(
            f"item {net.ids[i]!r}: its dates fall outside the calendar (years 1 to 9999): {err}; "
            "correct its duration, lags or planned start"
        ) from None

    finish_day = max(ef, default=plan.start.toordinal())
    if finish_day - 1 > _LAST_DAY:
        late = max(range(n), key=ef.__getitem__)
        raise ScheduleError(
            f"item {net.ids[late]!r} would finish in about the year "
            f"{1 + int((ef[late] - 1) / 365.2425)}, after {LAST_DATE.isoformat()}, the last "
            "date a plan may use; correct its duration, lags or planned start"
        )

    # -- backward pass and free slack ---------------------------------------------------
    lf = [finish_day] * n
    free = [finish_day - e for e in ef]
    for i, limit in deadline.items():
        if limit < lf[i]:
            lf[i] = limit
        if limit - ef[i] < free[i]:
            free[i] = limit - ef[i]
    ls = [0] * n
    for i in reversed(net.order):
        late_start = ls[i] = lf[i] - days[i]
        late_end = lf[i]
        s_early = es[i]
        e_early = ef[i]
        for k in range(first[i], first[i + 1]):
            p = src[k]
            t = code[k]
            lag_k = lag_days[k]
            if t == FS:
                bound = late_start - lag_k
                gap = s_early - ef[p] - lag_k
            elif t == SS:
                bound = late_start - lag_k + days[p]
                gap = s_early - es[p] - lag_k
            elif t == FF:
                bound = late_end - lag_k
                gap = e_early - ef[p] - lag_k
            else:  # SF
                bound = late_end - lag_k + days[p]
                gap = e_early - es[p] - lag_k
            if bound < lf[p]:
                lf[p] = bound
            if gap < free[p]:
                free[p] = gap
    result = Schedule(
        plan, net, _Passes(es, ef, ls, lf, free, lag_days, sbound, fbound, mode), finish_day
    )
    object.__setattr__(plan, "_schedule", result)  # a plan is immutable: keep its schedule
    return result
