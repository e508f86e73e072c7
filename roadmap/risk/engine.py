"""The critical path method over many samples at once: one numpy vector per item.

The passes are those of :func:`roadmap.schedule`, line for line, with every scalar of an
item replaced by a vector over the samples: the loop runs over the items in dependency
order (a few thousand at most), and numpy runs over the samples.  Calendar months and
working days are resolved per sample, at each sample's own dates, with the vectorised
calendar arithmetic of :class:`Days`; so for the same sampled durations the results are
identical to :func:`roadmap.schedule` run once per sample (a test holds it to that).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from roadmap._network import FF, FS, SS, Network
from roadmap.dates import LAST_DATE, Calendar, Duration
from roadmap.errors import ScheduleError

__all__ = ["Days", "Passes", "Sampled", "run"]

Ints = npt.NDArray[np.int64]
_EPOCH = date(1970, 1, 1).toordinal()  # day number of numpy's datetime64 zero
_LAST = LAST_DATE.toordinal() + 1


class Days:
    """Calendar arithmetic on arrays of day numbers: months, and working days of a calendar.

    Working days come from a table of the calendar over ``[lo, hi)``, built once; a date
    outside it is refused (it would be past the years a plan may use).
    """

    def __init__(self, calendar: Calendar | None, lo: int, hi: int) -> None:
        self.calendar = calendar
        self.lo = lo
        self.hi = min(hi, _LAST)
        self._months: tuple[Ints, Ints, Ints, Ints, int] | None = None
        if calendar is None:
            return
        span = np.arange(self.lo, self.hi, dtype=np.int64)
        work = ~np.isin((span - 1) % 7, calendar.weekend)  # day number 1 is a Monday
        for k in np.flatnonzero(work):  # public holidays: the calendar knows them
            if not calendar.is_workday(int(span[k])):
                work[k] = False
        #: Day numbers of the working days, and how many fall before each day.
        self.workdays = span[work]
        self.before = np.concatenate(([0], np.cumsum(work))).astype(np.int64)

    def _rank(self, x: Ints) -> Ints:
        if x.min() < self.lo or x.max() >= self.hi:
            raise ScheduleError(
                "a sampled date falls outside the years the working-day calendar was "
                f"prepared for ({date.fromordinal(self.lo)} to {date.fromordinal(self.hi - 1)}); "
                "narrow the duration ranges or risk delays"
            )
        rank: Ints = self.before[x - self.lo]
        return rank

    def _at(self, rank: Ints) -> Ints:
        if len(rank) and (rank.min() < 0 or rank.max() >= len(self.workdays)):
            raise ScheduleError(
                "a sampled date needs more working days than the calendar was prepared for; "
                "narrow the duration ranges or risk delays"
            )
        out: Ints = self.workdays[rank]
        return out

    def count_workdays(self, start: int, end: int) -> int:
        """How many working days ``[start, end)`` holds."""
        a, b = self._rank(np.array([start, end], dtype=np.int64))
        return int(b - a)

    def next_workday(self, x: Ints) -> Ints:
        """The first working day on or after each day (:meth:`Calendar.next_workday`)."""
        return self._at(self._rank(x))

    def add_workdays(self, x: Ints, n: Ints | int) -> Ints:
        """:meth:`Calendar.add_workdays` on arrays of days and of counts."""
        n = np.broadcast_to(np.asarray(n, dtype=np.int64), x.shape)
        rank = self._rank(x)
        out: Ints = x.copy()
        ahead, back = n > 0, n < 0
        # After the n-th working day on or after x; or the |n|-th working day before x.
        out[ahead] = self._at(rank[ahead] + n[ahead] - 1) + 1
        out[back] = self._at(rank[back] + n[back])
        return out

    def add_months(self, x: Ints, months: int) -> Ints:
        """:func:`roadmap.dates.add_months` on an array (the day clamped to the month's end).

        Lookups in tables of the days ``[lo, hi)``: each day's month and day of the month,
        each month's first day and length.
        """
        if not months:
            return x
        if self._months is None:
            self._months = _month_tables(self.lo, self.hi)
        month_of, day_of, first, length, _ = self._months
        if x.min() < self.lo or x.max() >= self.hi:
            raise ScheduleError(
                "a sampled date falls outside the years prepared for it "
                f"({date.fromordinal(self.lo)} to {date.fromordinal(self.hi - 1)}); "
                "narrow the duration ranges or risk delays"
            )
        target = month_of[x - self.lo] + months
        moved: Ints = first[target] + np.minimum(day_of[x - self.lo], length[target]) - 1
        return moved

    def end(self, duration: Duration, x: Ints) -> Ints:
        """:meth:`Duration.end` on an array of days."""
        if duration.fixed_days is not None:
            return x + duration.fixed_days
        if duration.workdays:
            if self.calendar is None:  # pragma: no cover - the scheduler refused the plan
                raise ScheduleError(f"a duration of {duration} needs a working-day calendar")
            return self.add_workdays(x, duration.workdays)
        return self.add_months(x, duration.total_months) + duration.weeks * 7 + duration.days


def _month_tables(lo: int, hi: int) -> tuple[Ints, Ints, Ints, Ints, int]:
    """Month tables for the days ``[lo, hi)``.

    Each day's month index and day of the month; for every month index (from that of *lo*
    less 3,600 months to that of *hi* plus 3,600) its first day and length; and the month
    the indices start at.
    """
    days = (np.arange(lo, hi, dtype=np.int64) - _EPOCH).astype("datetime64[D]")
    month = days.astype("datetime64[M]")
    day_of = (days - month.astype("datetime64[D]")).astype(np.int64) + 1
    index = month.astype(np.int64)  # months since 1970-01
    m0 = int(index[0]) - 3600
    span = np.arange(m0, int(index[-1]) + 3601, dtype=np.int64).astype("datetime64[M]")
    first = span.astype("datetime64[D]").astype(np.int64) + _EPOCH
    length = (span + 1).astype("datetime64[D]").astype(np.int64) + _EPOCH - first
    return index - m0, day_of, first, length, m0


class Sampled(NamedTuple):
    """Sampled durations: ``units[i]`` is a vector of days (of working days if ``workdays[i]``)."""

    units: Mapping[int, Ints]
    workdays: Mapping[int, bool]


class Passes(NamedTuple):
    """Results per item (rows) and sample (columns), as :class:`roadmap.scheduler.DayNumbers`."""

    early_start: Ints
    early_finish: Ints
    late_start: Ints
    late_finish: Ints
    finish_day: Ints


def run(net: Network, days: Days, sampled: Sampled, size: int, floor: int) -> Passes:
    """Forward and backward pass of ``size`` samples; see the module docstring.

    *floor* is the roadmap's first day: the finish of a plan without items.
    """
    n = len(net.items)
    es = np.empty((n, size), dtype=np.int64)
    ef = np.empty((n, size), dtype=np.int64)
    durs, dkind, general, snet = net.durs, net.dkind, net.general, net.snet
    first, src, code = net.first, net.src, net.code
    lag_days: dict[int, Ints | int] = dict(enumerate(net.lag_days))
    units, in_workdays = sampled.units, sampled.workdays
    for i in net.order:
        start: Ints = np.full(size, snet[i], dtype=np.int64)
        fb: Ints | None = None
        for k in range(first[i], first[i + 1]):
            p, t = src[k], code[k]
            base = ef[p] if t in (FS, FF) else es[p]
            lag = net.lag[k]
            if isinstance(lag, Duration):  # a calendar lag, resolved per sample
                lag_days[k] = days.end(lag, base) - base
            bound = base + lag_days[k]
            if t <= SS:
                np.maximum(start, bound, out=start)
            else:
                fb = bound if fb is None else np.maximum(fb, bound)
        kind = dkind[i]
        workdays = False
        if i in units:
            workdays = in_workdays[i]
            if workdays:
                start = days.next_workday(start)
                d = days.add_workdays(start, units[i]) - start
            else:
                d = units[i]
        elif kind == 0:
            d = np.full(size, durs[i], dtype=np.int64)
        elif kind == 1:
            d = days.add_months(start, durs[i]) - start
        else:
            dur = general[i]
            if dur.workdays and days.calendar is not None:
                start = days.next_workday(start)
            d = days.end(dur, start) - start
        if fb is not None:
            drive = fb > start + d
            if drive.any():  # finish-driven: measure the duration back from that finish
                if (i in units and not workdays) or (i not in units and kind == 0):
                    back = d
                elif i in units:
                    back = fb - days.add_workdays(fb, -units[i])
                elif kind == 1:
                    back = fb - days.add_months(fb, -durs[i])
                else:
                    back = fb - days.end(-general[i], fb)
                d2 = np.where(fb - back >= start, back, fb - start)
                d = np.where(drive, d2, d)
                start = np.where(drive, fb - d, start)
        es[i] = start
        ef[i] = start + d
    finish_day = ef.max(axis=0) if n else np.full(size, floor, dtype=np.int64)
    if n and finish_day.max() - 1 > _LAST - 1:
        raise ScheduleError(
            f"a sample finishes after {LAST_DATE.isoformat()}, the last date a plan may use; "
            "narrow the duration ranges or risk delays"
        )

    lf = np.broadcast_to(finish_day, (n, size)).copy()
    for i, limit in net.deadline.items():
        np.minimum(lf[i], limit, out=lf[i])
    ls = np.empty_like(lf)
    length = ef - es
    for i in reversed(net.order):
        late_start = ls[i] = lf[i] - length[i]
        late_end = lf[i]
        for k in range(first[i], first[i + 1]):
            p, t = src[k], code[k]
            lag_k = lag_days[k]
            if t == FS:
                bound = late_start - lag_k
            elif t == SS:
                bound = late_start - lag_k + length[p]
            elif t == FF:
                bound = late_end - lag_k
            else:  # SF
                bound = late_end - lag_k + length[p]
            np.minimum(lf[p], bound, out=lf[p])
    return Passes(es, ef, ls, lf, finish_day)
