"""Earned value and earned schedule: the arithmetic, defined everywhere, exact.

Earned value management (PMI): budget at completion **BAC**, planned value **PV** (what
the baseline planned to have done by the status date, in money), earned value **EV**
(physical progress x budget), actual cost **AC**; variances **SV** = EV - PV and
**CV** = EV - AC; indices **SPI** = EV / PV and **CPI** = EV / AC; estimates at completion
**EAC** = BAC / CPI (the default; also AC + (BAC - EV) and AC + (BAC - EV) / (CPI x SPI)),
**ETC** = EAC - AC, **VAC** = BAC - EAC; **TCPI** = (BAC - EV) / (BAC - AC).

Earned schedule (Lipke 2003): **ES** is the time at which the baseline planned the value
earned so far, ``ES = C + (EV - PV_C) / (PV_C+1 - PV_C)`` where C is the number of whole
periods whose cumulative PV the EV reaches; with actual time **AT**: **SV(t)** = ES - AT,
**SPI(t)** = ES / AT, and the duration forecast **IEAC(t)** = PD / SPI(t) for a planned
duration PD.  Here the periods are days.

A ratio whose divisor is zero (nothing planned yet, nothing spent, nothing left to spend)
is ``None``: undefined, not an error.

Examples
--------
>>> ev = earned_value(bac=100, pv=50, ev=40, ac=45)  # PMBOK's example
>>> round(ev.cpi, 4), ev.spi, ev.eac, round(ev.tcpi, 4)
(0.8889, 0.8, 112.5, 1.0909)
>>> round(earned_schedule([100, 250, 450, 700, 1000], 520), 4)  # 3 periods + 70/250 of the 4th
3.28
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

import attrs

__all__ = ["EarnedValue", "PvCurve", "earned_schedule", "earned_value"]


def _ratio(a: float, b: float) -> float | None:
    return None if b == 0 else a / b


@attrs.frozen(kw_only=True)
class EarnedValue:
    """Earned value and earned schedule figures at a status date.

    Money in the plan's currency; ``*_days`` in days; ``None`` where a ratio is undefined.
    """

    bac: float
    pv: float
    ev: float
    ac: float
    sv: float
    cv: float
    spi: float | None
    cpi: float | None
    eac: float | None
    eac_atypical: float
    eac_cpi_spi: float | None
    etc: float | None
    vac: float | None
    tcpi: float | None
    es_days: float | None = None
    at_days: float | None = None
    pd_days: float | None = None
    sv_t_days: float | None = None
    spi_t: float | None = None
    ieac_t_days: float | None = None

    def to_dict(self) -> dict[str, float | None]:
        """The figures under the JSON keys of ``roadmap status``."""
        return {
            "bac": self.bac, "pv": self.pv, "ev": self.ev, "ac": self.ac, "sv": self.sv,
            "cv": self.cv, "spi": self.spi, "cpi": self.cpi, "eac": self.eac, "etc": self.etc,
            "vac": self.vac, "tcpi": self.tcpi, "es_days": self.es_days,
            "sv_t_days": self.sv_t_days, "spi_t": self.spi_t, "ieac_t": self.ieac_t_days,
            "eac_atypical": self.eac_atypical, "eac_cpi_spi": self.eac_cpi_spi,
            "at_days": self.at_days, "pd_days": self.pd_days,
        }  # fmt: skip


def earned_value(
    *,
    bac: float,
    pv: float,
    ev: float,
    ac: float,
    es: float | None = None,
    at: float | None = None,
    pd: float | None = None,
) -> EarnedValue:
    """The figures of :class:`EarnedValue` from BAC, PV, EV, AC (and ES, AT, PD in days).

    Examples
    --------
    >>> earned_value(bac=100, pv=0, ev=0, ac=0).spi is None  # nothing planned yet
    True
    """
    spi, cpi = _ratio(ev, pv), _ratio(ev, ac)
    eac = _ratio(bac, cpi) if cpi else None
    both = cpi * spi if cpi is not None and spi is not None else None
    spi_t = _ratio(es, at) if es is not None and at is not None else None
    return EarnedValue(
        bac=bac, pv=pv, ev=ev, ac=ac, sv=ev - pv, cv=ev - ac, spi=spi, cpi=cpi, eac=eac,
        eac_atypical=ac + (bac - ev),
        eac_cpi_spi=ac + (bac - ev) / both if both else None,
        etc=eac - ac if eac is not None else None,
        vac=bac - eac if eac is not None else None,
        tcpi=_ratio(bac - ev, bac - ac),
        es_days=es, at_days=at, pd_days=pd,
        sv_t_days=es - at if es is not None and at is not None else None,
        spi_t=spi_t,
        ieac_t_days=_ratio(pd, spi_t) if pd is not None and spi_t else None,
    )  # fmt: skip


def earned_schedule(pv_cumulative: Sequence[float], ev: float) -> float:
    """Lipke's earned schedule in periods: ``C + (EV - PV_C) / (PV_C+1 - PV_C)``.

    *pv_cumulative* is the cumulative planned value at the end of periods 1, 2, ...; the
    periods may plan uneven amounts.  EV at or beyond the last value earns every period.
    """
    c = 0
    while c < len(pv_cumulative) and pv_cumulative[c] <= ev:
        c += 1
    if c == len(pv_cumulative):
        return float(c)
    low = pv_cumulative[c - 1] if c else 0.0
    step = pv_cumulative[c] - low
    return c + ((ev - low) / step if step else 0.0)


class PvCurve:
    """Cumulative planned value over days: a piecewise-linear function of the day number.

    Built from segments ``(first_day, end_day, amount)``: *amount* accrues evenly over the
    half-open days ``[first_day, end_day)`` (a segment of no days is given one); *end* is
    where the plan ends, when it goes on after its last budgeted day.  The curve is a list
    of points joined by straight lines, so it inverts exactly: :meth:`time_of`.

    Examples
    --------
    >>> c = PvCurve([(0, 10, 100.0), (5, 15, 50.0)])
    >>> c.at(5), c.at(10), c.total
    (50.0, 125.0, 150.0)
    >>> c.time_of(125.0)
    10.0
    """

    def __init__(self, segments: Iterable[tuple[int, int, float]], end: int | None = None) -> None:
        slope: dict[int, float] = {}
        for a, b, amount in segments:
            if amount:
                b = max(b, a + 1)
                slope[a] = slope.get(a, 0.0) + amount / (b - a)
                slope[b] = slope.get(b, 0.0) - amount / (b - a)
        self.days: list[int] = sorted(slope)
        self.values: list[float] = []  # the cumulative PV at the start of each of self.days
        value = rate = 0.0
        last = self.days[0] if self.days else 0
        for day in self.days:
            value += rate * (day - last)
            self.values.append(value)
            rate += slope[day]
            last = day
        if end is not None and self.days and end > self.days[-1]:
            # The plan goes on after its last budgeted day (milestones, unbudgeted work).
            self.days.append(end)
            self.values.append(value)

    @property
    def total(self) -> float:
        """Everything planned."""
        return self.values[-1] if self.values else 0.0

    def at(self, day: float) -> float:
        """Cumulative PV at the start of *day*: what the days before it planned."""
        k = bisect_right(self.days, day) - 1
        if k < 0:
            return 0.0
        if k + 1 == len(self.days):
            return self.values[k]
        d0, d1, v0, v1 = self.days[k], self.days[k + 1], self.values[k], self.values[k + 1]
        return v0 + (v1 - v0) * (day - d0) / (d1 - d0)

    def time_of(self, value: float, near: float | None = None) -> float | None:
        """The (fractional) day at whose start the cumulative PV reaches *value*.

        Where the curve is flat at *value* (nothing planned for a while) every day of that
        stretch qualifies: the one nearest *near* is taken (earned schedule passes the
        actual time, so a plan on schedule in such a stretch has ES = AT), else the first.
        ``None`` when nothing is planned; the curve's last day for *value* beyond it.
        """
        if not self.days:
            return None
        k = bisect_left(self.values, value)
        if k == len(self.values):
            return float(self.days[-1])
        if k == 0:
            first = float(self.days[0])
        else:
            d0, d1, v0, v1 = self.days[k - 1], self.days[k], self.values[k - 1], self.values[k]
            first = d0 + (d1 - d0) * (value - v0) / (v1 - v0)
        if near is None or self.values[k] != value:
            return first
        last = self.days[bisect_right(self.values, value) - 1]  # the end of the flat stretch
        return min(max(near, first), float(last))
