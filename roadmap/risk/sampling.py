"""What varies in a simulation, resolved from the plan, and the random draws of each run.

A three-point duration is resolved into days (or working days, for an item planned in
working days) at the item's early start in the deterministic schedule: ``"6 months"`` from
1 March 2019 is 184 days, and a :class:`~roadmap.model.Percent` is a share of the planned
length.  A risk's delay is resolved the same way at the item's planned finish.  Sampled
lengths are rounded to whole days, at least one.

Draws are made in a fixed order (items in plan order, then risks, then correlations) from
one :class:`numpy.random.Generator`, so a seed gives the same samples on every machine
numpy supports.
"""

from __future__ import annotations

import math
from functools import lru_cache
from statistics import NormalDist
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from roadmap.errors import RoadmapError
from roadmap.model import Initiative, Percent, Risk, Roadmap
from roadmap.risk.engine import Days, Ints, Sampled
from roadmap.scheduler import Schedule

__all__ = ["Draws", "Uncertainty", "draw", "iman_conover"]

Floats = npt.NDArray[np.float64]
_Z90 = NormalDist().inv_cdf(0.9)


def draw(
    dist: str, low: float, mode: float, high: float, rng: np.random.Generator, size: int
) -> Floats:
    """*size* values of a three-point estimate (see :data:`roadmap.DISTRIBUTIONS`).

    ``pert`` is the Beta-PERT (weight 4 on the mode; mean ``(low + 4 mode + high) / 6``);
    ``lognormal`` takes *low* and *high* as its 10th and 90th percentiles (the mode is not
    used, and values beyond *high* occur).
    """
    if high <= low:
        return np.full(size, float(low))
    if dist == "pert":
        a = 1 + 4 * (mode - low) / (high - low)
        b = 1 + 4 * (high - mode) / (high - low)
        table = _beta_quantiles(round(a, 12), round(b, 12))
        return low + (high - low) * _inverse(table, rng.random(size))
    if dist == "triangular":
        return rng.triangular(low, mode, high, size)
    if dist == "uniform":
        return rng.uniform(low, high, size)
    mu = (math.log(low) + math.log(high)) / 2
    sigma = (math.log(high) - math.log(low)) / (2 * _Z90)
    return rng.lognormal(mu, sigma, size)


_STEPS = 8192  # cells of a quantile table


@lru_cache(maxsize=256)
def _beta_quantiles(a: float, b: float) -> Floats:
    """Quantiles of Beta(a, b) (a, b >= 1, as PERT's are) at ``k / _STEPS`` for every k.

    Sampling by the inverse CDF, one uniform number and a linear interpolation per
    sample, is several times faster than numpy's Beta generator.  The CDF is integrated
    on 65,537 points (the trapezoid rule: the density has no poles); the interpolated
    quantiles are exact to about 1e-6 of the range except in the outermost 1/8192 of the
    probability at either end.
    """
    x = np.linspace(0.0, 1.0, 65_537)
    with np.errstate(divide="ignore"):
        log_pdf = (a - 1) * np.log(x) + (b - 1) * np.log1p(-x)
    log_pdf[np.isnan(log_pdf)] = -np.inf
    pdf = np.exp(log_pdf - log_pdf[np.isfinite(log_pdf)].max())
    cdf = np.concatenate(([0.0], np.cumsum(pdf[1:] + pdf[:-1])))
    cdf /= cdf[-1]
    table: Floats = np.interp(np.linspace(0.0, 1.0, _STEPS + 1), cdf, x)
    return table


def _inverse(table: Floats, u: Floats) -> Floats:
    """Values of a quantile table at probabilities *u* (linear between its points)."""
    k = u * _STEPS
    i = np.minimum(k.astype(np.int64), _STEPS - 1)
    lo = table[i]
    out: Floats = lo + (k - i) * (table[i + 1] - lo)
    return out


def iman_conover(values: Floats, target: Floats, rng: np.random.Generator) -> Floats:
    """Reorder each row of *values* so that the rows' rank correlation approaches *target*.

    The method of Iman and Conover (1982): van der Waerden scores, permuted at random per
    row, are given the target correlation through Cholesky factors, and each row of
    *values* takes the ranks of its row of scores.  The marginal distributions are kept
    exactly; only the pairing of samples changes.
    """
    m, n = values.shape
    inv = NormalDist().inv_cdf
    scores = np.array([inv(k / (n + 1)) for k in range(1, n + 1)])
    shuffled = np.array([rng.permutation(scores) for _ in range(m)])
    have = np.linalg.cholesky(np.corrcoef(shuffled))
    want = np.linalg.cholesky(target)
    wanted = want @ np.linalg.solve(have, shuffled)
    out = np.empty_like(values)
    for j in range(m):
        out[j, np.argsort(wanted[j])] = np.sort(values[j])
    return out


class Draws(NamedTuple):
    """The random part of one run: sampled lengths, costs and which risks happened."""

    size: int
    sampled: Sampled
    #: Total cost per sample, for every initiative with a budget or a cost range.
    cost: dict[int, Floats]
    #: Per risk id, whether it happened in each sample.
    occurred: dict[str, npt.NDArray[np.bool_]]


class _Item(NamedTuple):
    pos: int
    workdays: bool
    planned: int  # planned length in the item's units
    points: tuple[float, float, float] | None  # resolved duration range
    dist: str


def _fail(item: str, field: str, message: str) -> RoadmapError:
    return RoadmapError(f"item {item!r}, field {field!r}: {message}")


class Uncertainty:
    """The plan's uncertainty resolved against its deterministic schedule."""

    def __init__(self, plan: Roadmap, sched: Schedule, days: Days) -> None:
        self.plan, self.days = plan, days
        dn = sched.days
        self.es, self.ef = dn.early_start, dn.early_finish
        position = dn.position
        delayed = {id for r in plan.risks if r.delay is not None for id in r.items}
        # Work done or under way is what it is (or as the re-forecast says): it does not vary.
        self.settled = {i.id for i in plan.initiatives
                        if i.actual_start is not None or i.status == "done"}  # fmt: skip
        self.items: list[_Item] = []
        self.costs: list[tuple[int, Initiative, tuple[float, float, float] | None]] = []
        for k, item in enumerate(plan.initiatives):
            pos = position[item.id]
            varies = item.duration_range is not None or item.id in delayed
            if varies and item.id not in self.settled:
                workdays = bool(item.span.workdays)
                planned = item.span.workdays if workdays else self.ef[pos] - self.es[pos]
                points = None
                if item.duration_range is not None:
                    points = self._points(item, pos, workdays, planned)
                self.items.append(_Item(pos, workdays, planned, points, item.distribution))
            if item.budget is not None or item.cost_range is not None:
                self.costs.append((k, item, self._cost_points(item)))
        self.uncertain = {it.pos for it in self.items}
        self.risks = [self._risk(r, position) for r in plan.risks]
        self.groups = self._correlations(position)

    def _units(self, d: Any, at: int, workdays: bool) -> int:
        cal = self.plan.calendar
        if not workdays:
            return int(d.days_from(at, cal))
        if d.workdays:
            return int(d.workdays)
        return self.days.count_workdays(at, d.end(at, cal))

    def _points(
        self, item: Initiative, pos: int, workdays: bool, planned: int
    ) -> tuple[float, float, float]:
        assert item.duration_range is not None
        at = self.es[pos]
        resolved = [
            planned if p is None
            else planned * (1 + p / 100) if isinstance(p, Percent)
            else self._units(p, at, workdays)
            for p in item.duration_range
        ]  # fmt: skip
        low, mode, high = resolved
        if not low <= mode <= high:
            unit = "working days" if workdays else "days"
            raise _fail(item.id, "duration_range",
                        f"low, most likely and high resolve to {low:g}, {mode:g} and {high:g} "
                        f"{unit} at its scheduled start; they must not decrease "
                        "(a most likely left out is the planned duration)")  # fmt: skip
        if item.distribution == "lognormal" and low <= 0:  # pragma: no cover - low > 0
            raise _fail(item.id, "duration_range", "a lognormal range needs a low above 0")
        return (float(low), float(mode), float(high))

    @staticmethod
    def _cost_points(item: Initiative) -> tuple[float, float, float] | None:
        if item.cost_range is None:
            return None
        budget = item.budget_amount
        if budget is None and (
            item.cost_range[1] is None or any(isinstance(p, Percent) for p in item.cost_range)
        ):
            raise _fail(
                item.id, "cost_range",
                "without a budget, give three amounts (low, most likely, high)",
            )  # fmt: skip
        base = float(budget or 0)
        low, mode, high = (
            base if p is None else base * (1 + p / 100) if isinstance(p, Percent) else float(p)
            for p in item.cost_range
        )
        if not low <= mode <= high:
            raise _fail(
                item.id, "cost_range",
                f"low, most likely and high are {low:,.0f}, {mode:,.0f} and {high:,.0f}; "
                "they must not decrease (a most likely left out is the budget)",
            )  # fmt: skip
        return (low, mode, high)

    def _risk(self, risk: Risk, position: Any) -> tuple[Risk, list[Any], Any]:
        """The risk, its delay per item in item units ``(pos, low, mode, high)``, its cost."""
        plan_items = {i.id: i for i in self.plan.initiatives}
        delays = []
        for id in risk.items:
            if id not in plan_items:
                raise RoadmapError(f"risk {risk.id!r}, field 'items': {id!r} is not an "
                                   "initiative of the plan")  # fmt: skip
            if risk.delay is None or id in self.settled:
                continue
            pos = position[id]
            workdays = bool(plan_items[id].span.workdays)
            low, mode, high = (
                None if d is None else self._units(d, self.ef[pos], workdays) for d in risk.delay
            )
            assert low is not None
            assert high is not None
            if high < low or (mode is not None and not low <= mode <= high):
                raise RoadmapError(f"risk {risk.id!r}, field 'delay': low, most likely and high "
                                   "must not decrease")  # fmt: skip
            delays.append((pos, low, mode, high))
        return risk, delays, risk.cost

    def _correlations(self, position: Any) -> list[tuple[list[int], Floats]]:
        """Groups of correlated items: their positions and target correlation matrix."""
        if not self.plan.correlations:
            return []
        ranged = {it.pos for it in self.items if it.points is not None}
        members: list[int] = []
        for c in self.plan.correlations:
            for id in c.items:
                if id in self.settled:  # done or under way: nothing left to correlate
                    continue
                pos = position.get(id)
                if pos is None or pos not in ranged:
                    raise RoadmapError(
                        f"correlation of {', '.join(c.items)}: {id!r} has no duration_range; "
                        "only uncertain durations can be correlated"
                    )
                if pos not in members:
                    members.append(pos)
        target = np.eye(len(members))
        if len(members) < 2:
            return []
        for c in self.plan.correlations:
            idx = [members.index(position[id]) for id in c.items if id not in self.settled]
            for a in idx:
                for b in idx:
                    if a != b:
                        target[a, b] = c.coefficient
        try:
            np.linalg.cholesky(target)
        except np.linalg.LinAlgError:
            raise RoadmapError(
                "the correlations contradict each other (they form no valid correlation "
                "matrix): lower some coefficients"
            ) from None
        return [(members, target)]

    def draw(self, rng: np.random.Generator, size: int) -> Draws:
        """One run's samples."""
        base: dict[int, Floats] = {}
        for it in self.items:
            if it.points is None:
                base[it.pos] = np.full(size, float(it.planned))
            else:
                base[it.pos] = draw(it.dist, *it.points, rng, size)
        for members, target in self.groups:
            block = np.array([base[p] for p in members])
            for p, row in zip(members, iman_conover(block, target, rng), strict=True):
                base[p] = row
        cost: dict[int, Floats] = {}
        for k, item, points in self.costs:
            if points is None:
                cost[k] = np.full(size, float(item.budget_amount or 0))
            else:
                cost[k] = draw(item.distribution, *points, rng, size)
        occurred = {}
        index = {item.id: k for k, item in enumerate(self.plan.initiatives)}
        for risk, delays, amounts in self.risks:
            hit = rng.random(size) < risk.probability
            occurred[risk.id] = hit
            if delays:
                u = _severity(delays[0][1:], rng, size)
                for pos, low, _mode, high in delays:
                    base[pos] = base[pos] + np.where(hit, low + u * (high - low), 0.0)
            if amounts is not None:
                low, mode, high = amounts
                extra = draw("uniform" if mode is None else "pert", low,
                             low if mode is None else mode, high, rng, size)  # fmt: skip
                for id in risk.items:
                    k = index[id]
                    cost[k] = cost.get(k, np.zeros(size)) + np.where(hit, extra, 0.0)
        units: dict[int, Ints] = {
            p: np.maximum(np.rint(v), 1).astype(np.int64) for p, v in base.items()
        }
        flags = {it.pos: it.workdays for it in self.items}
        return Draws(size, Sampled(units, flags), cost, occurred)


def _severity(points: tuple[Any, Any, Any], rng: np.random.Generator, size: int) -> Floats:
    """Where in its range a risk's impact falls: 0 at low, 1 at high."""
    low, mode, high = points
    if high == low:
        return np.zeros(size)
    if mode is None:
        return rng.random(size)
    return draw("pert", 0.0, (mode - low) / (high - low), 1.0, rng, size)
