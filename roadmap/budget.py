"""Budgets by fiscal year: exact pro-rata spreads, and tables by year or group.

Groups are phase, dimension, owner or funding source.

A per-year budget (``{2019: 1_500_000_000, 2020: 500_000_000}``) is used as given.  A total
is spread over fiscal years pro rata by the item's scheduled days in each, by the largest
remainder method: the yearly parts are integers that add up to the total to the rupiah, and
they move with the schedule.  The fiscal year is the calendar year by default
(``fiscal_year_start = "01-01"``, Indonesia's APBD and APBN); a fiscal year is named by the
calendar year in which it starts.

Examples
--------
>>> spread(1_000_000, [(2019, 10), (2020, 20)])
{2019: 333333, 2020: 666667}
>>> fiscal_year(date(2020, 3, 31), "04-01")
2019
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Any, Literal, TypeAlias

import attrs

from roadmap import _html, scheduler
from roadmap._i18n import BUDGET_WORDS, GROUP_WORDS, language_of
from roadmap.model import Initiative, Roadmap, is_under, program_of
from roadmap.money import format_money
from roadmap.scheduler import Schedule

__all__ = [
    "GROUPS",
    "BudgetTable",
    "GroupBy",
    "ItemYears",
    "ProgrammeTotals",
    "allocations",
    "budget_by",
    "ceiling_groups",
    "counted",
    "fiscal_year",
    "fiscal_years",
    "programme_rollup",
    "s_curve",
    "shared_allocations",
    "source_allocations",
    "spread",
]

GroupBy: TypeAlias = Literal["year", "phase", "dimension", "owner", "funding", "programme"]
#: The groupings of :func:`budget_by`.
GROUPS: tuple[GroupBy, ...] = ("year", "phase", "dimension", "owner", "funding", "programme")
NONE_LABEL = "(none)"


@lru_cache(maxsize=4096)
def _fy_start(year: int, fiscal_year_start: str) -> int:
    month, day = (int(x) for x in fiscal_year_start.split("-"))
    return date(year, month, day).toordinal()


def fiscal_year(day: date, fiscal_year_start: str = "01-01") -> int:
    """The fiscal year of *day*, named by the calendar year in which it starts.

    Examples
    --------
    >>> fiscal_year(date(2019, 12, 31))
    2019
    >>> fiscal_year(date(2020, 4, 1), "04-01")
    2020
    """
    start = _fy_start(day.year, fiscal_year_start)
    return day.year if day.toordinal() >= start else day.year - 1


def fiscal_years(start: int, end: int, fiscal_year_start: str = "01-01") -> list[tuple[int, int]]:
    """Days of the half-open interval ``[start, end)`` (day numbers) in each fiscal year.

    Examples
    --------
    >>> fiscal_years(date(2019, 12, 30).toordinal(), date(2020, 1, 3).toordinal())
    [(2019, 2), (2020, 2)]
    """
    if end <= start:
        return []
    out = []
    year = fiscal_year(date.fromordinal(start), fiscal_year_start)
    lo = start
    while lo < end:
        hi = min(end, _fy_start(year + 1, fiscal_year_start))
        out.append((year, hi - lo))
        lo = hi
        year += 1
    return out


def spread(total: int, days: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Split *total* over years pro rata by days, in integers that add up to *total*.

    Largest remainder method: every year gets the floor of its share, and the units left
    over go to the years with the largest remainders (the earlier year on a tie).

    Parameters
    ----------
    total
        The amount (may be negative: it is split as its absolute value).
    days
        ``(year, days)`` pairs; years with no days get nothing.

    Examples
    --------
    >>> spread(100, [(2019, 1), (2020, 1), (2021, 1)])
    {2019: 34, 2020: 33, 2021: 33}
    >>> spread(7, [])
    {}
    """
    days = [(y, d) for y, d in days if d > 0]
    if not days:
        return {}
    if total < 0:
        return {y: -v for y, v in spread(-total, days).items()}
    whole = sum(d for _, d in days)
    parts = {y: total * d // whole for y, d in days}
    left = total - sum(parts.values())
    by_remainder = sorted(days, key=lambda yd: (-(total * yd[1] % whole), yd[0]))
    for y, _ in by_remainder[:left]:
        parts[y] += 1
    return parts


class ItemYears:
    """The first and last fiscal year of every scheduled item, by position in plan.items.

    Fiscal years come from bisecting the precomputed start days of the years the schedule
    touches: no date objects per item.  Initiatives come first in ``plan.items``, so
    initiative ``k`` is at position ``k``.

    Attributes
    ----------
    start_year, last_year
        The fiscal year of each item's first and last day (a milestone: of its day).
    """

    __slots__ = ("bounds", "first", "last_year", "start_year")

    def __init__(self, sched: Schedule) -> None:
        plan = sched.plan
        first = plan.start.year - 1
        last = date.fromordinal(max(sched.finish_day, plan.start.toordinal())).year + 1
        fys = plan.fiscal_year_start
        bounds = [_fy_start(y, fys) for y in range(first, last + 2)]
        days = sched.days
        es, ef = days.early_start, days.early_finish
        base = first - 1
        # A milestone (es == ef) lies on the day before its instant.
        self.start_year = [
            base + bisect_right(bounds, a - (a == b)) for a, b in zip(es, ef, strict=True)
        ]
        self.last_year = [base + bisect_right(bounds, b - 1) for b in ef]
        self.first = first
        self.bounds = bounds

    def days(self, y0: int, y1: int, start: int, end: int) -> list[tuple[int, int]]:
        """Days of ``[start, end)`` in each fiscal year from *y0* to *y1*."""
        b, f = self.bounds, self.first
        return [(y, min(end, b[y - f + 1]) - max(start, b[y - f])) for y in range(y0, y1 + 1)]


def allocations(plan: Roadmap, schedule: Schedule | None = None) -> dict[str, dict[int, int]]:
    """The budget of every initiative per fiscal year.

    Per-year budgets as given; totals spread by scheduled days (see :func:`spread`).
    Initiatives without a budget are left out.

    Parameters
    ----------
    plan
        The roadmap.
    schedule
        Its schedule, if already computed.
    """
    sched = scheduler.schedule(plan) if schedule is None else schedule
    out = shared_allocations(sched, ItemYears(sched))
    return {id: dict(amounts) for id, amounts in out.items()}  # the caller's own copies


def shared_allocations(sched: Schedule, years: ItemYears) -> dict[str, dict[int, int]]:
    """:func:`allocations` without copies, for the layers above that compute with them.

    Per-year budgets are the plan's own dicts: callers must not change them.
    """
    plan = sched.plan
    out: dict[str, dict[int, int]] = {}
    y0s, y1s = years.start_year, years.last_year
    days = sched.days
    es, ef = days.early_start, days.early_finish
    for k, item in enumerate(plan.initiatives):
        b = item.budget
        if item.budget_shares:  # the sum of the sources' own spreads: exact both ways
            total: dict[int, int] = {}
            for amounts in _share_years(item, k, years, es, ef).values():
                for y, a in amounts.items():
                    total[y] = total.get(y, 0) + a
            out[item.id] = dict(sorted(total.items()))
        elif b.__class__ is dict:
            out[item.id] = b
        elif b.__class__ is int:
            y0, y1 = y0s[k], y1s[k]
            if y0 == y1:
                out[item.id] = {y0: b}  # the common case
            else:
                out[item.id] = spread(b, years.days(y0, y1, es[k], ef[k]))
    return out


def _share_years(
    item: Initiative, k: int, years: ItemYears, es: Sequence[int], ef: Sequence[int]
) -> dict[str, dict[int, int]]:
    """Each funding source's share of initiative *k* per fiscal year."""
    out: dict[str, dict[int, int]] = {}
    for source, share in item.budget_shares.items():
        if isinstance(share, dict):
            out[source] = share
        else:
            y0, y1 = years.start_year[k], years.last_year[k]
            out[source] = {y0: share} if y0 == y1 else spread(
                share, years.days(y0, y1, es[k], ef[k]))  # fmt: skip
    return out


def source_allocations(sched: Schedule, years: ItemYears) -> dict[str, dict[str, dict[int, int]]]:
    """``{item: {source: {year: amount}}}``, for budgets shared by funding source.

    Each share (``budget_shares``) is spread as a total is, and the item's
    :func:`allocations` is their sum, so both add up to the rupiah.
    """
    days = sched.days
    es, ef = days.early_start, days.early_finish
    return {
        item.id: _share_years(item, k, years, es, ef)
        for k, item in enumerate(sched.plan.initiatives)
        if item.budget_shares
    }


def counted(
    kind: str,
    name: str,
    id: str,
    alloc: Mapping[str, dict[int, int]],
    by_source: Mapping[str, dict[str, dict[int, int]]],
) -> dict[int, int]:
    """What a ceiling of *kind* *name* counts of initiative *id*, per fiscal year.

    A funding source's ceiling counts the source's share of a budget shared by source;
    otherwise, and for every other ceiling, the initiative's whole allocation.
    """
    if kind == "funding" and id in by_source:
        return by_source[id].get(name, {})
    return alloc.get(id, {})


def ceiling_groups(
    initiatives: Sequence[Initiative],
    ceilings: dict[int, int],
    group_ceilings: dict[str, dict[str, dict[int, int]]],
) -> list[tuple[str, str, list[Initiative], dict[int, int]]]:
    """Each yearly ceiling with the initiatives it counts: ``(kind, name, members, ceilings)``.

    The total ceiling is ``("", "")`` with every initiative; a funding source's counts every
    initiative it funds, even in part (its share when the budget is shared by source: see
    :func:`counted`); a dimension's or owner's those of that dimension or owner.
    :func:`roadmap.check` and :func:`roadmap.level` measure by the same groups.

    Examples
    --------
    >>> from roadmap.model import Initiative
    >>> items = [Initiative(id="A", name="a", duration=5, funding=["APBD", "DAK"]),
    ...          Initiative(id="B", name="b", duration=5, funding="DAK")]
    >>> [(k, n, [i.id for i in m]) for k, n, m, _ in
    ...  ceiling_groups(items, {2020: 9}, {"funding": {"APBD": {2020: 5}}})]
    [('', '', ['A', 'B']), ('funding', 'APBD', ['A'])]
    """
    out = [("", "", list(initiatives), ceilings)]
    for kind, named in group_ceilings.items():
        for name, limits in named.items():
            if kind == "funding":
                members = [i for i in initiatives if name in i.funding]
            else:
                members = [i for i in initiatives if getattr(i, kind) == name]
            out.append((kind, name, members, limits))
    return out


def _group_of(item: Initiative, by: str, names: Mapping[str, str] | None = None) -> str:
    if by == "funding":
        return " + ".join(item.funding) if item.funding else NONE_LABEL
    if by == "programme":  # the program (urusan.bidang.program) the item is budgeted under
        if item.programme is None:
            return NONE_LABEL
        program = program_of(item.programme)
        name = (names or {}).get(program)
        return f"{program} {name}" if name else program
    value = getattr(item, by)
    return NONE_LABEL if value is None else str(value)


@attrs.frozen(kw_only=True)
class BudgetTable:
    """Budget amounts per group and fiscal year.

    Attributes
    ----------
    by
        What the rows are: ``"year"``, ``"phase"``, ``"dimension"``, ``"owner"`` or
        ``"funding"`` (an initiative whose budget is shared by source counts each share
        under its source; one with several sources and no shares counts under their
        combination, e.g. ``"APBD + DAK"``, since the plan does not say how it is split).
    years
        The fiscal years, in order.
    groups
        ``{group: {year: amount}}``; for ``by="year"`` one group, ``"total"``.
    ceilings
        The roadmap's ceilings per fiscal year.
    currency, language
        The plan's currency and language: how the notebook view writes amounts and
        headers.
    """

    by: str
    years: tuple[int, ...]
    groups: dict[str, dict[int, int]]
    ceilings: dict[int, int]
    currency: str = "IDR"
    language: str = "id"

    def totals(self) -> dict[int, int]:
        """The amount of every fiscal year, all groups together."""
        return {y: sum(g.get(y, 0) for g in self.groups.values()) for y in self.years}

    @property
    def total(self) -> int:
        """Everything."""
        return sum(self.totals().values())

    def records(self) -> list[dict[str, Any]]:
        """The table as one dict per row.

        ``by="year"``: ``year``, ``amount``, ``ceiling`` (or ``None``) and ``over`` (the
        amount above the ceiling, 0 when within).  Otherwise: the group under the key named
        by ``by``, one key per fiscal year (as text, ``"2019"``) and ``total``.
        """
        if self.by == "year":
            rows = []
            for y, amount in self.totals().items():
                ceiling = self.ceilings.get(y)
                over = max(0, amount - ceiling) if ceiling is not None else 0
                rows.append({"year": y, "amount": amount, "ceiling": ceiling, "over": over})
            return rows
        return [
            {self.by: name, **{str(y): amounts.get(y, 0) for y in self.years},
             "total": sum(amounts.values())}
            for name, amounts in self.groups.items()
        ]  # fmt: skip

    def to_dataframe(self) -> Any:
        """The records as a :class:`pandas.DataFrame` (needs pandas)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("to_dataframe() needs pandas: pip install pandas") from None
        return pd.DataFrame.from_records(self.records())

    def _repr_html_(self) -> str:
        lang = language_of(self.language)
        words = GROUP_WORDS[lang] | BUDGET_WORDS[lang]
        records = self.records()
        if not records:
            return "<p>tidak ada anggaran</p>" if lang == "id" else "<p>no budgets</p>"

        def money(v: int | None) -> str:
            return "" if not v else format_money(v, language=lang, currency=self.currency)

        if self.by == "year":
            return _html.table(
                [words[k] for k in ("year", "amount", "ceiling", "over")],
                ([r["year"], money(r["amount"]), money(r["ceiling"]), money(r["over"])]
                 for r in records),
                highlight=(r["over"] > 0 for r in records),
                foot=[words["total"], money(self.total), "", ""], right=(1, 2, 3),
            )  # fmt: skip
        totals = self.totals()
        return _html.table(
            [words[self.by], *map(str, self.years), words["total"]],
            ([r[self.by], *(money(r[str(y)]) for y in self.years), money(r["total"])]
             for r in records),
            foot=[words["total"], *(money(totals[y]) for y in self.years), money(self.total)],
            right=range(1, len(self.years) + 2),
        )  # fmt: skip


def budget_by(
    plan: Roadmap, by: GroupBy = "year", *, schedule: Schedule | None = None
) -> BudgetTable:
    """Budget per fiscal year, grouped by year, phase, dimension, owner or funding source.

    Parameters
    ----------
    plan
        The roadmap.
    by
        The grouping.
    schedule
        The plan's schedule, if already computed (totals are spread by scheduled days).

    Examples
    --------
    >>> from roadmap.model import Initiative, Roadmap
    >>> plan = Roadmap(name="x", start=date(2019, 7, 1), ceilings={2019: 100}, initiatives=[
    ...     Initiative(id="A", name="a", duration="12 months", budget=120, phase="F1"),
    ... ])
    >>> budget_by(plan).records()  # doctest: +NORMALIZE_WHITESPACE
    [{'year': 2019, 'amount': 60, 'ceiling': 100, 'over': 0},
     {'year': 2020, 'amount': 60, 'ceiling': None, 'over': 0}]
    >>> budget_by(plan, "phase").records()
    [{'phase': 'F1', '2019': 60, '2020': 60, 'total': 120}]
    """
    if by not in GROUPS:
        raise ValueError(f"cannot group a budget by {by!r}; allowed: {', '.join(GROUPS)}")
    sched = scheduler.schedule(plan) if schedule is None else schedule
    item_years = ItemYears(sched)
    alloc = shared_allocations(sched, item_years)
    by_source = source_allocations(sched, item_years) if by == "funding" else {}
    names = {p.code: p.name for p in plan.programmes}
    groups: dict[str, dict[int, int]] = {}
    years: set[int] = set(plan.ceilings)
    for item in plan.initiatives:
        amounts = alloc.get(item.id)
        if not amounts:
            continue
        parts = by_source.get(item.id) or {
            "total" if by == "year" else _group_of(item, by, names): amounts
        }
        for name, part in parts.items():
            group = groups.setdefault(name, {})
            for y, amount in part.items():
                group[y] = group.get(y, 0) + amount
                years.add(y)
    ordered = tuple(sorted(years))
    return BudgetTable(
        by=by,
        years=ordered,
        groups={name: dict(sorted(g.items())) for name, g in sorted(groups.items())},
        ceilings=dict(plan.ceilings),
        currency=plan.currency,
        language=plan.language,
    )


@attrs.frozen(kw_only=True)
class ProgrammeTotals:
    """A node of the programme tree rolled up from the initiatives budgeted under it.

    Attributes
    ----------
    code, name, level
        The node (``level``: ``"program"``, ``"kegiatan"``, ``"sub_kegiatan"``).
    items
        The initiatives under it (its code or a code below it), in plan order.
    start, finish
        The first and last scheduled day of those items (``None`` without items).
    budget
        Their allocations summed per fiscal year.
    """

    code: str
    name: str
    level: str
    items: tuple[str, ...]
    start: date | None
    finish: date | None
    budget: dict[int, int]

    @property
    def total(self) -> int:
        """The budget of every year together."""
        return sum(self.budget.values())


def programme_rollup(plan: Roadmap, schedule: Schedule | None = None) -> dict[str, ProgrammeTotals]:
    """Every node of the plan's programme tree with the dates and budget of its items.

    A node spans its children: its items are those budgeted under its code or a code
    below it (its prefix), its dates their first start and last finish, its budget per
    fiscal year the sum of their allocations (exact, as :func:`allocations`).

    Examples
    --------
    >>> from roadmap.model import Initiative, Programme
    >>> plan = Roadmap(name="x", start=date(2020, 1, 1), programmes=[
    ...     Programme(code="2.16.03", name="Aplikasi Informatika"),
    ...     Programme(code="2.16.03.2.02.0014", name="Jaringan Intra")],
    ...     initiatives=[Initiative(id="A", name="a", duration="6 months", budget=60,
    ...                             programme="2.16.03.2.02.0014")])
    >>> top = programme_rollup(plan)["2.16.03"]
    >>> top.items, top.start, top.finish, top.budget
    (('A',), datetime.date(2020, 1, 1), datetime.date(2020, 6, 30), {2020: 60})
    """
    sched = scheduler.schedule(plan) if schedule is None else schedule
    alloc = shared_allocations(sched, ItemYears(sched))
    out = {}
    for node in plan.programmes:
        members = [i for i in plan.initiatives
                   if i.programme is not None and is_under(i.programme, node.code)]  # fmt: skip
        budget: dict[int, int] = {}
        for item in members:
            for y, a in alloc.get(item.id, {}).items():
                budget[y] = budget.get(y, 0) + a
        out[node.code] = ProgrammeTotals(
            code=node.code, name=node.name, level=node.level,
            items=tuple(i.id for i in members),
            start=min((sched[i.id].start for i in members), default=None),
            finish=max((sched[i.id].finish for i in members), default=None),
            budget=dict(sorted(budget.items())),
        )  # fmt: skip
    return out


def s_curve(plan: Roadmap, schedule: Schedule | None = None) -> tuple[list[date], list[float]]:
    """Cost-weighted cumulative planned progress, 0 to 1, at the start of every month.

    Each initiative weighs its share of the total budget (equal weights when the plan has
    no budgets) and progresses linearly over its scheduled days.  The curve starts on the
    roadmap's start and ends on the day after its finish, where it reaches 1.

    Examples
    --------
    >>> from roadmap.model import Initiative
    >>> plan = Roadmap(name="x", start=date(2019, 1, 1), initiatives=[
    ...     Initiative(id="A", name="a", duration="2 months", budget=300),
    ...     Initiative(id="B", name="b", duration="1 month", budget=100, depends_on=["A"]),
    ... ])
    >>> days, share = s_curve(plan)
    >>> [(d.isoformat(), round(s, 4)) for d, s in zip(days, share)]
    [('2019-01-01', 0.0), ('2019-02-01', 0.3941), ('2019-03-01', 0.75), ('2019-04-01', 1.0)]
    """
    sched = scheduler.schedule(plan) if schedule is None else schedule
    weights = [float(i.budget_amount or 0) for i in plan.initiatives]
    total = sum(weights)
    if total <= 0:
        weights = [1.0] * len(weights)
        total = float(len(weights)) or 1.0
    lo = sched.start.toordinal()
    hi = sched.finish.toordinal() + 1
    xs = []
    y, m = sched.start.year, sched.start.month
    while (x := date(y, m, 1).toordinal()) <= hi:
        xs.append(x)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    xs.append(hi)
    xs = sorted({max(lo, x) for x in xs})
    days = sched.days
    es, ef = days.early_start, days.early_finish
    spans = [(es[k], ef[k], w / total) for k, w in enumerate(weights)]  # initiatives first
    ys = []
    for x in xs:
        done = 0.0
        for s, e, w in spans:
            if x >= e:
                done += w
            elif x > s:
                done += w * (x - s) / (e - s)
        ys.append(min(1.0, done))
    return [date.fromordinal(x) for x in xs], ys
