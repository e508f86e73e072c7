"""Monte Carlo simulation of a roadmap: :func:`simulate`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Literal

import numpy as np
import numpy.typing as npt

from roadmap._network import Network, network
from roadmap.budget import allocations
from roadmap.dates import LAST_DATE
from roadmap.errors import RoadmapError
from roadmap.model import Initiative, Roadmap
from roadmap.risk.engine import Days, Ints, Passes, Sampled, run
from roadmap.risk.result import (
    ItemRisk,
    RiskImpact,
    RiskResult,
    YearRisk,
    percentile_dates,
    standard_errors,
)
from roadmap.risk.sampling import Draws, Uncertainty
from roadmap.scheduler import Schedule, schedule
from roadmap.tracking import forecast_plan

__all__ = ["BATCH", "MAX_SAMPLES", "days_for", "simulate"]

#: Samples per batch of ``samples="auto"``.
BATCH = 1000
#: The most samples ``samples="auto"`` draws.
MAX_SAMPLES = 100_000
_CELLS = 2_000_000  # items x samples per pass: about 16 MB an array, and fastest here


def simulate(
    plan: Roadmap,
    samples: int | Literal["auto"] = 10_000,
    *,
    seed: int | None = None,
    tolerance: int = 1,
) -> RiskResult:
    """Simulate the roadmap's schedule and spend under its uncertainty (Monte Carlo).

    Each sample draws every ``duration_range`` and ``cost_range`` of the plan, decides
    which risks of the register happen, imposes the plan's correlations (Iman-Conover) and
    schedules the result by the critical path method with every link type, lag, planned
    start, deadline and calendar, exactly as :func:`roadmap.schedule` would; all samples run
    at once as numpy vectors.

    Parameters
    ----------
    plan
        The roadmap.  Items without a range keep their planned duration (months and
        working days still resolve at each sample's dates).  A plan with a
        ``status_date`` is simulated from it: its re-forecast (:func:`roadmap.forecast`)
        with work done or under way as forecast, and only work not yet started varying.
    samples
        How many samples, or ``"auto"``: batches of :data:`BATCH` until the P80 of the
        finish moves by at most *tolerance* days over two batches running and its
        standard error is at most *tolerance* days (at most :data:`MAX_SAMPLES`).
    seed
        Seed of the random generator: the same seed gives the same result.
    tolerance
        Days, for ``samples="auto"``.

    Returns
    -------
    RiskResult

    Notes
    -----
    Likelihood levels 1 to 5 are probability bands of 20 % (up to 20 %, 40 %, ...); the
    impact level of a risk is its effect on the mean finish as a share of the planned
    length: up to 1 %, 2.5 %, 5 %, 10 %, above.  Spend per fiscal year spreads each
    sample's cost of an item over its sampled days pro rata; a budget given per year stays
    in its years, scaled by the sampled cost.

    Examples
    --------
    >>> import roadmap as rm
    >>> plan = rm.loads('''
    ... [roadmap]
    ... name = "Demo"
    ... start = 2019-01-01
    ... [[initiatives]]
    ... id = "A"
    ... name = "Master plan"
    ... duration = 100
    ... duration_range = [80, 100, 180]
    ... ''')
    >>> result = rm.simulate(plan, samples=2000, seed=1)
    >>> result.deterministic, result.finish["p50"] > result.deterministic
    (datetime.date(2019, 4, 10), True)
    >>> result.items[0].criticality
    1.0
    """
    if plan.status_date is not None:  # a monitored plan: what is left, from its status date
        plan = forecast_plan(plan)
    sched = schedule(plan)
    net = network(plan)
    det_finish = sched.finish_day
    days = days_for(plan, det_finish)
    unc = Uncertainty(plan, sched, days)
    rng = np.random.default_rng(seed)
    acc = _Accumulator(plan, net.index, unc, len(net.items))
    if samples == "auto":
        p80s: list[int] = []
        converged = False
        while acc.size < MAX_SAMPLES:
            acc.add(unc.draw(rng, BATCH), net, days)
            finish = np.concatenate(acc.finish)
            p80s.append(int(np.quantile(finish, 0.8, method="inverted_cdf")))
            steady = len(p80s) >= 3 and max(p80s[-3:]) - min(p80s[-3:]) <= tolerance
            if steady and standard_errors(finish)["p80"] <= tolerance:
                converged = True
                break
        result = acc.result(sched, seed, converged)
    else:
        if isinstance(samples, bool) or not isinstance(samples, int) or samples < 2:
            raise RoadmapError(f"samples must be a whole number of at least 2 or 'auto', "
                               f"got {samples!r}")  # fmt: skip
        acc.add(unc.draw(rng, samples), net, days)
        result = acc.result(sched, seed, None)
    return result


def days_for(plan: Roadmap, det_finish: int) -> Days:
    """Calendar arithmetic for the samples, with a working-day table when one is needed."""
    cal = plan.calendar
    uses = cal is not None and (
        network(plan).workdays
        or any(i.span.workdays for i in plan.initiatives if i.duration_range is not None)
        or any(d is not None and d.workdays for r in plan.risks for d in (r.delay or ()))
    )
    lo = plan.start.toordinal() - 3 * 366
    # Room for the longest run the ranges allow (a lognormal one is unbounded: plenty).
    extra = 0
    for item in plan.initiatives:
        if item.duration_range is not None:
            extra += 5 * 366 * (1 + len(item.duration_range))
    hi = max(det_finish, lo) + extra + 10 * 366 + 366 * len(plan.risks)
    return Days(cal if uses else None, lo, min(hi, LAST_DATE.toordinal() + 1))


class _Accumulator:
    """Per-sample results kept across chunks and batches."""

    def __init__(self, plan: Roadmap, index: Mapping[str, int], unc: Uncertainty, n: int) -> None:
        self.plan, self.index, self.unc, self.n = plan, index, unc, n
        self.size = 0
        self.finish: list[Ints] = []
        self.critical = np.zeros(n, dtype=np.int64)
        self.milestones = {m.id: index[m.id] for m in plan.milestones}
        self.members: dict[str, list[int]] = {p.id: [] for p in plan.phases}
        for item in plan.items:
            if item.phase in self.members:
                self.members[item.phase].append(index[item.id])
        self.points: dict[str, list[Ints]] = {
            k: [] for k in [*self.milestones, *(f"phase:{p}" for p in self.members)]
        }
        self.deadline = {
            item.id: (index[item.id], item.deadline.toordinal() + 1)
            for item in plan.items if item.deadline is not None
        }  # fmt: skip
        self.met = dict.fromkeys(self.deadline, 0)
        self.lengths: dict[int, list[Ints]] = {p: [] for p in sorted(unc.uncertain)}
        self.spend: dict[int, list[tuple[int, npt.NDArray[np.float64]]]] = {}
        self.occurred: dict[str, list[npt.NDArray[np.bool_]]] = {r.id: [] for r in plan.risks}
        month, day = (int(x) for x in plan.fiscal_year_start.split("-"))
        self.year_start: Callable[[int], int] = lambda y: date(y, month, day).toordinal()

    def add(self, draws: Draws, net: Network, days: Days) -> None:
        """Run the passes over *draws*, a chunk of samples at a time, and keep the results."""
        chunk = max(256, _CELLS // max(self.n, 1))
        # Costs given as a total spread with the schedule; those given per year stay.
        yearly = {k: c for k, c in draws.cost.items()
                  if isinstance(self.plan.initiatives[k].budget, dict)}  # fmt: skip
        spread = [k for k in draws.cost if k not in yearly]
        pos = np.array([self.index[self.plan.initiatives[k].id] for k in spread], dtype=np.int64)
        costs = np.array([draws.cost[k] for k in spread]).reshape(len(spread), draws.size)
        for lo in range(0, draws.size, chunk):
            hi = min(draws.size, lo + chunk)
            part = Sampled(
                {p: u[lo:hi] for p, u in draws.sampled.units.items()}, draws.sampled.workdays
            )
            passes = run(net, days, part, hi - lo, self.plan.start.toordinal())
            self._collect(passes)
            spend = self._yearly({k: c[lo:hi] for k, c in yearly.items()})
            if len(spread):
                for y, amounts in self._spread(passes, pos, costs[:, lo:hi]).items():
                    spend[y] = spend[y] + amounts if y in spend else amounts
            for y, amounts in spend.items():
                self.spend.setdefault(y, []).append((self.size, amounts))
            self.size += hi - lo
        for rid, hit in draws.occurred.items():
            self.occurred[rid].append(hit)

    def _collect(self, ps: Passes) -> None:
        es, ef = ps.early_start, ps.early_finish
        self.finish.append(ps.finish_day)
        self.critical += np.count_nonzero(ps.late_start <= es, axis=1)
        for mid, pos in self.milestones.items():
            self.points[mid].append(ef[pos])
        for pid, members in self.members.items():
            if members:
                self.points[f"phase:{pid}"].append(ef[members].max(axis=0))
        for id, (pos, limit) in self.deadline.items():
            self.met[id] += int(np.count_nonzero(ef[pos] <= limit))
        for pos, kept in self.lengths.items():
            kept.append(ef[pos] - es[pos])

    def _yearly(
        self, cost: dict[int, npt.NDArray[np.float64]]
    ) -> dict[int, npt.NDArray[np.float64]]:
        """Spend of the budgets given per year: in their years, scaled by the sampled cost."""
        spend: dict[int, npt.NDArray[np.float64]] = {}
        for k, c in cost.items():
            item: Initiative = self.plan.initiatives[k]
            assert isinstance(item.budget, dict)
            total = item.budget_amount or 1
            for y, amount in item.budget.items():
                add = c * (amount / total)
                spend[y] = spend[y] + add if y in spend else add
        return spend

    def _spread(
        self, ps: Passes, pos: Ints, cost: npt.NDArray[np.float64]
    ) -> dict[int, npt.NDArray[np.float64]]:
        """Costs of the items at *pos* spread pro rata over their days, by fiscal year.

        Linear in items x samples: each item-sample adds to the year of its first day and
        of its last day (one year for most), and whole years between; one weighted count
        per part adds them up, a block of samples at a time (blocks that stay in cache are
        several times faster than whole arrays).
        """
        es, ef = ps.early_start, ps.early_finish
        size = es.shape[1]
        first = date.fromordinal(int(es[pos].min())).year - 1
        last = date.fromordinal(int(ef[pos].max())).year + 1
        bounds = np.array([self.year_start(y) for y in range(first, last + 2)], dtype=np.int64)
        lo = int(bounds[0])
        year_of = np.searchsorted(bounds, np.arange(lo, int(bounds[-1])), side="right") - 1
        years = last - first + 1
        table = np.zeros((years, size))
        block = 512
        for a in range(0, size, block):
            b = min(size, a + block)
            table[:, a:b] = _spread_block(es[pos, a:b], ef[pos, a:b], cost[:, a:b], bounds, lo,
                                          year_of, years)  # fmt: skip
        return {first + k: table[k] for k in range(years) if table[k].any()}

    def _year(self, y: int) -> npt.NDArray[np.float64]:
        out = np.zeros(self.size)
        for offset, amounts in self.spend.get(y, []):
            out[offset : offset + len(amounts)] = amounts
        return out

    def _drivers(self, finish: Ints) -> dict[int, tuple[float, float]]:
        """Per uncertain item: rank correlation with the finish, and the ratio of spreads.

        Spearman's coefficient of its length with the finish, and its length's standard
        deviation over the finish's; nothing when the finish does not vary.
        """
        spread_f = float(finish.std())
        if not self.lengths:
            return {}
        positions = list(self.lengths)
        if spread_f == 0:
            return {}
        length = np.array([np.concatenate(self.lengths[p]) for p in positions])
        ranks = np.array([_ranks(row) for row in length])
        ranks -= ranks.mean(axis=1, keepdims=True)
        centred = _ranks(finish) - (len(finish) + 1) / 2
        norms = np.sqrt((ranks**2).sum(axis=1) * float(centred @ centred))
        rho = np.divide(ranks @ centred, norms, out=np.zeros(len(positions)), where=norms > 0)
        ratio = length.std(axis=1) / spread_f
        return {p: (float(r), float(q)) for p, r, q in zip(positions, rho, ratio, strict=True)}

    def result(self, sched: Schedule, seed: int | None, converged: bool | None) -> RiskResult:
        plan = self.plan
        finish = np.concatenate(self.finish)
        n = len(finish)
        det = sched.finish_day
        drivers = self._drivers(finish)
        items = []
        for item in plan.initiatives:
            pos = self.index[item.id]
            crit = float(self.critical[pos] / n)
            cruc, spread = drivers.get(pos, (None, None))
            ssi = None if spread is None else crit * spread
            items.append(ItemRisk(id=item.id, name=item.name, criticality=crit,
                                  cruciality=cruc, ssi=ssi))  # fmt: skip
        planned: dict[int, int] = {}
        for amounts in allocations(plan, sched).values():
            for y, v in amounts.items():
                planned[y] = planned.get(y, 0) + v
        years = []
        for y in sorted(set(self.spend) | set(planned)):
            values = self._year(y)
            ceiling = plan.ceilings.get(y)
            years.append(YearRisk(
                year=y, planned=float(planned.get(y, 0)), mean=float(values.mean()),
                p50=float(np.quantile(values, 0.5, method="inverted_cdf")),
                p80=float(np.quantile(values, 0.8, method="inverted_cdf")),
                ceiling=ceiling,
                p_over=None if ceiling is None else float(np.mean(values > ceiling)),
            ))  # fmt: skip
        span = float(max(det - plan.start.toordinal(), 1))
        risks = []
        for r in plan.risks:
            hit = np.concatenate(self.occurred[r.id])
            share = float(hit.mean())
            effect = None
            if 0 < share < 1:
                effect = float(finish[hit].mean() - finish[~hit].mean())
            impact = None if effect is None else _impact_level(effect / span)
            risks.append(RiskImpact(
                id=r.id, name=r.name, probability=r.probability, happened=share,
                finish_days=effect, likelihood=min(5, int(np.ceil(r.probability * 5))) or 1,
                impact=impact,
            ))  # fmt: skip
        end = plan.end
        return RiskResult(
            name=plan.name, language=plan.language, samples=n, seed=seed, converged=converged,
            start=plan.start, deterministic=sched.finish,
            deterministic_percentile=100 * float(np.mean(finish <= det)),
            finish=percentile_dates(finish), finish_se=standard_errors(finish),
            end=end,
            p_end=None if end is None else float(np.mean(finish <= end.toordinal() + 1)),
            milestones={m: percentile_dates(np.concatenate(self.points[m]))
                        for m in self.milestones},
            phases={p: percentile_dates(np.concatenate(self.points[f"phase:{p}"]))
                    for p, members in self.members.items() if members},
            deadlines={id: met / n for id, met in self.met.items()},
            deadline_dates={id: date.fromordinal(limit - 1)
                            for id, (_, limit) in self.deadline.items()},
            items=tuple(items), years=tuple(years), risks=tuple(risks),
            finish_days=finish,
            spend={y: self._year(y) for y in sorted(self.spend)},
            currency=plan.currency,
        )  # fmt: skip


def _spread_block(
    s: Ints,
    f: Ints,
    cost: npt.NDArray[np.float64],
    bounds: Ints,
    lo: int,
    year_of: Ints,
    years: int,
) -> npt.NDArray[np.float64]:
    """:meth:`_Accumulator._spread` of one block of samples: a years x samples table."""
    size = s.shape[1]
    ys, ye = year_of[s - lo], year_of[f - 1 - lo]
    rate = cost / np.maximum(f - s, 1)
    column = np.arange(size)
    cells = years * size
    # The first year's part (all of it when the item ends in the same year) ...
    part = rate * (np.minimum(f, bounds[ys + 1]) - s)
    total = np.bincount((ys * size + column).ravel(), weights=part.ravel(), minlength=cells)
    many = ye > ys
    if many.any():  # ... then the last year's part, and whole years between
        ys, ye, f, rate = ys[many], ye[many], f[many], rate[many]
        col = np.broadcast_to(column, many.shape)[many]
        total += np.bincount(ye * size + col, weights=rate * (f - bounds[ye]), minlength=cells)
        for k in range(1, int((ye - ys).max())):
            mid = ye - ys > k
            y = ys[mid] + k
            total += np.bincount(y * size + col[mid],
                                 weights=rate[mid] * (bounds[y + 1] - bounds[y]),
                                 minlength=cells)  # fmt: skip
    return np.asarray(total, dtype=np.float64).reshape(years, size)


def _impact_level(share: float) -> int:
    for k, limit in enumerate((0.01, 0.025, 0.05, 0.10), start=1):
        if share <= limit:
            return k
    return 5


def _ranks(x: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """Ranks with ties given their average rank (as Spearman's coefficient needs).

    Days are whole numbers over a short range: counting them is linear, where sorting
    is not.
    """
    low = int(x.min())
    counts = np.bincount(x - low)
    ends = np.cumsum(counts)
    average = ends - (counts - 1) / 2
    ranks: npt.NDArray[np.float64] = average[x - low]
    return ranks
