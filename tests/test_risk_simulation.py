"""Monte Carlo results against analytic answers, and the contract of :func:`simulate`."""

from __future__ import annotations

import math
from datetime import date, timedelta

import attrs
import numpy as np
import pytest

import roadmap as rm
from roadmap import Correlation, Initiative, Milestone, Risk, Roadmap
from roadmap.errors import RoadmapError
from roadmap.risk import simulate

START = date(2019, 1, 1)
N = 20_000


def plan_of(*items: Initiative, **kw: object) -> Roadmap:
    return Roadmap(name="t", start=START, initiatives=list(items), **kw)  # type: ignore[arg-type]


def lengths(result: rm.RiskResult) -> np.ndarray:
    """Each sample's length of the whole roadmap in days."""
    return result.finish_days - START.toordinal()


def quantile_days(result: rm.RiskResult, key: str) -> int:
    """A reported percentile as a length in days (the finish is the last day, inclusive)."""
    return (result.finish[key] - START).days + 1


def tolerance(result: rm.RiskResult, key: str) -> float:
    """Three standard errors, and a day for rounding samples to whole days."""
    return 3 * result.finish_se[key] + 1


def triangular_quantile(p: float, a: float, m: float, b: float) -> float:
    if p < (m - a) / (b - a):
        return a + math.sqrt(p * (b - a) * (m - a))
    return b - math.sqrt((1 - p) * (b - a) * (b - m))


def beta_quantile(p: float, alpha: float, beta: float) -> float:
    """The quantile of Beta(alpha, beta), by integrating its density (Simpson's rule)."""
    x = np.linspace(0, 1, 200_001)
    log_norm = math.lgamma(alpha + beta) - math.lgamma(alpha) - math.lgamma(beta)
    with np.errstate(divide="ignore"):
        density = np.exp(log_norm + (alpha - 1) * np.log(x) + (beta - 1) * np.log1p(-x))
    density[~np.isfinite(density)] = 0
    cdf = np.concatenate(([0], np.cumsum((density[1:] + density[:-1]) / 2) * (x[1] - x[0])))
    return float(np.interp(p, cdf / cdf[-1], x))


def test_one_pert_item_has_the_pert_mean_and_quantiles() -> None:
    a, m, b = 100, 150, 300
    result = simulate(plan_of(Initiative(id="A", name="a", duration=m, duration_range=[a, m, b])),
                      N, seed=1)  # fmt: skip
    mean = (a + 4 * m + b) / 6
    se = math.sqrt((mean - a) * (b - mean) / 7 / N)
    assert abs(lengths(result).mean() - mean) <= 3 * se + 0.5
    alpha, beta = 1 + 4 * (m - a) / (b - a), 1 + 4 * (b - m) / (b - a)
    for p in (10, 50, 80, 90):
        expected = a + (b - a) * beta_quantile(p / 100, alpha, beta)
        assert abs(quantile_days(result, f"p{p}") - expected) <= tolerance(result, f"p{p}")


def test_one_triangular_item_has_the_triangular_quantiles() -> None:
    a, m, b = 60, 90, 240
    item = Initiative(id="A", name="a", duration=m, duration_range=[a, m, b],
                      distribution="triangular")  # fmt: skip
    result = simulate(plan_of(item), N, seed=2)
    assert abs(lengths(result).mean() - (a + m + b) / 3) <= 1
    for p in (10, 50, 80, 90):
        expected = triangular_quantile(p / 100, a, m, b)
        assert abs(quantile_days(result, f"p{p}") - expected) <= tolerance(result, f"p{p}")


def test_a_chain_sums_its_lengths() -> None:
    # Two uniforms of equal width in a chain: their sum is triangular.
    uniform = {"duration": 100, "distribution": "uniform"}
    items = [
        Initiative(id="A", name="a", duration_range=[50, 150], **uniform),
        Initiative(id="B", name="b", duration_range=[100, 200], depends_on=["A"], **uniform),
    ]
    result = simulate(plan_of(*items), N, seed=3)
    for p in (10, 50, 80, 90):
        expected = triangular_quantile(p / 100, 150, 250, 350)
        assert abs(quantile_days(result, f"p{p}") - expected) <= tolerance(result, f"p{p}")
    assert abs(lengths(result).var() - 2 * 100**2 / 12) < 0.05 * 2 * 100**2 / 12


def test_two_parallel_items_take_the_maximum() -> None:
    # max of two independent U(a, b): P(max <= x) = ((x - a) / (b - a)) ** 2.
    a, b = 100, 300
    items = [Initiative(id=k, name=k, duration=200, duration_range=[a, b], distribution="uniform")
             for k in "AB"]  # fmt: skip
    result = simulate(plan_of(*items), N, seed=4)
    for p in (10, 50, 80, 90):
        expected = a + (b - a) * math.sqrt(p / 100)
        assert abs(quantile_days(result, f"p{p}") - expected) <= tolerance(result, f"p{p}")
    both = {i.id: i.criticality for i in result.items}
    assert abs(both["A"] - 0.5) < 0.02
    assert abs(both["B"] - 0.5) < 0.02


def test_a_plan_without_uncertainty_gives_its_cpm_dates_in_every_sample() -> None:
    example = rm.load("examples/tanjungpinang_2019_2023.toml")
    plan = attrs.evolve(example, risks=(), correlations=(), initiatives=[
        attrs.evolve(i, duration_range=None, cost_range=None) for i in example.initiatives
    ])  # fmt: skip
    sched = rm.schedule(plan)
    result = simulate(plan, 200, seed=5)
    assert set(result.finish.values()) == {sched.finish}
    assert result.finish_se["p50"] == 0
    assert result.deterministic_percentile == 100
    critical = set(sched.critical)
    for item in result.items:
        assert item.criticality == (1.0 if item.id in critical else 0.0)
    for mid, dates in result.milestones.items():
        assert set(dates.values()) == {sched[mid].finish}
    planned = {}
    for amounts in rm.allocations(plan).values():
        for y, v in amounts.items():
            planned[y] = planned.get(y, 0) + v
    for year in result.years:
        assert abs(year.p50 - planned.get(year.year, 0)) <= len(plan.initiatives)
        if year.ceiling is not None:
            assert year.p_over == (1.0 if planned.get(year.year, 0) > year.ceiling else 0.0)


def test_lognormal_low_and_high_are_its_10th_and_90th_percentiles() -> None:
    item = Initiative(id="A", name="a", duration=100, duration_range=[80, 200],
                      distribution="lognormal")  # fmt: skip
    result = simulate(plan_of(item), N, seed=6)
    assert abs(quantile_days(result, "p10") - 80) <= tolerance(result, "p10")
    assert abs(quantile_days(result, "p90") - 200) <= tolerance(result, "p90")


def test_percent_ranges_are_shares_of_the_planned_length() -> None:
    item = Initiative(id="A", name="a", duration="100 days", duration_range=["-50%", "+50%"],
                      distribution="uniform")  # fmt: skip
    result = simulate(plan_of(item), N, seed=7)
    assert abs(quantile_days(result, "p50") - 100) <= tolerance(result, "p50")
    assert 50 <= lengths(result).min() <= 51
    assert 149 <= lengths(result).max() <= 150


def test_correlation_is_imposed_on_the_ranks() -> None:
    items = [Initiative(id=k, name=k, duration=100, duration_range=[50, 200]) for k in "AB"]
    plan = plan_of(*items, correlations=[Correlation(items=["A", "B"], coefficient=0.7)])
    result = simulate(plan, N, seed=8)
    free = simulate(plan_of(*items), N, seed=8)
    # Correlated parallel items finish later together less often than independent ones:
    # the maximum of two correlated lengths has a lower median.
    assert result.finish["p50"] < free.finish["p50"]
    from roadmap.risk.sampling import iman_conover

    rng = np.random.default_rng(0)
    values = rng.uniform(size=(2, 5000))
    target = np.array([[1.0, 0.7], [0.7, 1.0]])
    out = iman_conover(values, target, rng)
    ranks = np.argsort(np.argsort(out, axis=1), axis=1)
    assert abs(np.corrcoef(ranks)[0, 1] - 0.7) < 0.03
    assert sorted(out[0]) == sorted(values[0])  # the marginals are kept exactly


def test_contradicting_correlations_are_refused() -> None:
    items = [Initiative(id=k, name=k, duration=100, duration_range=[50, 200]) for k in "ABC"]
    plan = plan_of(*items, correlations=[
        Correlation(items=["A", "B"], coefficient=0.9),
        Correlation(items=["B", "C"], coefficient=0.9),
        Correlation(items=["A", "C"], coefficient=-0.9),
    ])  # fmt: skip
    with pytest.raises(RoadmapError, match="contradict"):
        simulate(plan, 100, seed=1)


def test_a_risk_happens_as_often_as_its_probability_and_delays_its_items() -> None:
    items = [Initiative(id="A", name="a", duration=100)]
    plan = plan_of(*items, risks=[Risk(id="R", name="r", probability=0.3, items=["A"],
                                       delay="50 days")])  # fmt: skip
    result = simulate(plan, N, seed=9)
    (risk,) = result.risks
    assert abs(risk.happened - 0.3) < 3 * math.sqrt(0.3 * 0.7 / N)
    assert risk.finish_days == 50
    assert set(lengths(result)) == {100, 150}
    assert risk.likelihood == 2  # 20-40 %
    assert risk.impact == 5  # half the plan's length
    assert (risk.score, risk.level) == (10, 4)  # 10-16: Tinggi


def test_deadlines_and_the_end_are_met_with_the_right_probability() -> None:
    a, b = 100, 300
    end = START + timedelta(days=199)  # a length of 200 days: half of U(100, 300)
    item = Initiative(id="A", name="a", duration=200, duration_range=[a, b],
                      distribution="uniform", deadline=end)  # fmt: skip
    plan = plan_of(item, milestones=[Milestone(id="M", name="m", after="A")], end=end)
    result = simulate(plan, N, seed=10)
    assert abs(result.deadlines["A"] - 0.5) < 0.02
    assert abs(result.p_end - 0.5) < 0.02  # type: ignore[operator]
    assert result.probability_by(end) == result.p_end
    assert result.milestones["M"]["p50"] == result.finish["p50"]


def test_cost_ranges_and_risk_costs_move_the_spend() -> None:
    item = Initiative(id="A", name="a", duration="1 month", budget=1_000_000_000,
                      cost_range=["-10%", "+30%"], distribution="uniform")  # fmt: skip
    plan = plan_of(item, ceilings={2019: 1_100_000_000})
    result = simulate(plan, N, seed=11)
    (year,) = result.years
    assert year.planned == 1_000_000_000
    assert abs(year.mean - 1_100_000_000) < 0.01 * 1_100_000_000
    assert abs(year.p_over - 0.5) < 0.02  # type: ignore[operator]
    hit = attrs.evolve(plan, risks=[Risk(id="R", name="r", probability=1, items=["A"],
                                         cost=100_000_000)])  # fmt: skip
    assert abs(simulate(hit, N, seed=11).years[0].mean - 1_200_000_000) < 0.01 * 1.2e9


def test_spend_moves_into_later_years_with_the_schedule() -> None:
    item = Initiative(
        id="A",
        name="a",
        start="2019-12-01",
        duration="31 days",
        duration_range=[31, 62],
        distribution="uniform",
        budget=620_000_000,
    )
    result = simulate(plan_of(item), N, seed=12)
    by_year = {y.year: y for y in result.years}
    # Half a sample's days past 31 days fall in 2020: on average a fifth of the cost.
    share_2020 = by_year[2020].mean / 620_000_000
    expected = np.mean([max(d - 31, 0) / d for d in np.linspace(31, 62, 10001)])
    assert abs(share_2020 - expected) < 0.01
    assert abs(by_year[2019].mean + by_year[2020].mean - 620_000_000) < 1


def test_the_same_seed_gives_the_same_result_and_auto_converges() -> None:
    item = Initiative(id="A", name="a", duration=100, duration_range=[50, 400])
    plan = plan_of(item)
    one, two = simulate(plan, 3000, seed=42), simulate(plan, 3000, seed=42)
    assert one.to_dict() == two.to_dict()
    assert one.to_dict() != simulate(plan, 3000, seed=43).to_dict()
    auto = simulate(plan, "auto", seed=42)
    assert auto.converged
    assert auto.samples % 1000 == 0
    assert auto.samples >= 3000


def test_bad_ranges_name_the_item_and_field() -> None:
    item = Initiative(
        id="A", name="a", duration="10 months", duration_range=["1 month", "6 months"]
    )
    with pytest.raises(RoadmapError, match=r"item 'A', field 'duration_range'.*must not decrease"):
        simulate(plan_of(item), 10, seed=1)
    costly = Initiative(id="B", name="b", duration=5, cost_range=["-10%", "+10%"])
    with pytest.raises(RoadmapError, match=r"item 'B', field 'cost_range'.*three amounts"):
        simulate(plan_of(costly), 10, seed=1)
    with pytest.raises(RoadmapError, match="samples must be"):
        simulate(plan_of(), 1)


def test_json_has_the_documented_keys() -> None:
    item = Initiative(id="A", name="a", duration=100, duration_range=[50, 200], budget=10)
    tree = simulate(plan_of(item, ceilings={2019: 5}), 500, seed=1).to_dict()
    assert {"samples", "seed", "finish", "deterministic_percentile", "milestones", "deadlines",
            "items", "years"} <= set(tree)  # fmt: skip
    assert set(tree["finish"]) == {"p10", "p50", "p80", "p90", "mean"}
    assert set(tree["items"][0]) == {"id", "criticality", "cruciality", "ssi"}
    assert {"year", "p50", "p80", "ceiling", "p_over"} <= set(tree["years"][0])


def test_drivers_rank_the_item_that_moves_the_finish_first() -> None:
    items = [
        Initiative(id="A", name="a", duration=100, duration_range=[90, 110]),
        Initiative(id="B", name="b", duration=100, duration_range=[50, 400], depends_on=["A"]),
    ]
    result = simulate(plan_of(*items), 5000, seed=1)
    assert [d.id for d in result.drivers()] == ["B", "A"]
    b = next(i for i in result.items if i.id == "B")
    assert b.cruciality is not None
    assert b.cruciality > 0.95
    assert b.ssi is not None
    assert 0.9 < b.ssi <= 1.01
