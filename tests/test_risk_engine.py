"""The vectorised passes against :func:`roadmap.schedule` run once per sample."""

from __future__ import annotations

from datetime import date

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap import Calendar, Duration, Risk, Roadmap, schedule
from roadmap._network import network
from roadmap.dates import add_months
from roadmap.risk.engine import Days, Sampled, run
from roadmap.risk.sampling import Uncertainty
from roadmap.risk.simulation import days_for
from tests.strategies import dags

SAMPLES = 6


@st.composite
def uncertain_plans(draw: st.DrawFn) -> Roadmap:
    """Random plans of every link type, lag and calendar with ranges and risks added."""
    plan = draw(dags(with_deadlines=True))
    items = []
    for item in plan.initiatives:
        pick = draw(st.integers(0, 3))
        if pick == 1:
            item = attrs.evolve(
                item,
                duration_range=["-40%", "+80%"],
                distribution=draw(st.sampled_from(["pert", "uniform"])),
            )
        elif pick == 2 and not item.span.workdays:
            item = attrs.evolve(item, duration_range=[1, None, 1000], distribution="triangular")
        items.append(item)
    plan = attrs.evolve(plan, initiatives=items)
    if plan.initiatives and draw(st.booleans()):
        ids = [i.id for i in plan.initiatives[:2]]
        delay = draw(st.sampled_from(["1 month", ["5 days", "40 days"]]))
        if plan.calendar is not None and draw(st.booleans()):
            delay = "10 workdays"
        plan = attrs.evolve(plan, risks=[Risk(id="R", name="r", probability=0.5, items=ids,
                                              delay=delay)])  # fmt: skip
    return plan


def _sample_plan(plan: Roadmap, units: dict[int, np.ndarray], flags: dict[int, bool],
                 k: int) -> Roadmap:  # fmt: skip
    """The plan of sample *k*: sampled items get their sampled length, the rest stay."""
    items = list(plan.initiatives)
    for pos, u in units.items():
        n = int(u[k])
        length = Duration(workdays=n) if flags[pos] else Duration(days=n)
        items[pos] = attrs.evolve(items[pos], duration=length, finish=None, duration_range=None)
    return attrs.evolve(plan, initiatives=items, risks=())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(uncertain_plans(), st.integers(0, 2**32 - 1))
def test_vectorised_passes_equal_schedule_per_sample(plan: Roadmap, seed: int) -> None:
    try:
        sched = schedule(plan)
    except Exception:  # plans that cannot be scheduled are not the subject here
        return
    days = days_for(plan, sched.finish_day)
    draws = Uncertainty(plan, sched, days).draw(np.random.default_rng(seed), SAMPLES)
    passes = run(network(plan), days, draws.sampled, SAMPLES, plan.start.toordinal())
    for k in range(SAMPLES):
        one = schedule(_sample_plan(plan, dict(draws.sampled.units), dict(draws.sampled.workdays),
                                    k)).days  # fmt: skip
        assert list(passes.early_start[:, k]) == list(one.early_start)
        assert list(passes.early_finish[:, k]) == list(one.early_finish)
        assert list(passes.late_start[:, k]) == list(one.late_start)
        assert list(passes.late_finish[:, k]) == list(one.late_finish)
        assert passes.finish_day[k] == max(one.early_finish, default=plan.start.toordinal())


def test_months_match_the_scalar_arithmetic() -> None:
    lo, hi = date(2019, 1, 1).toordinal(), date(2021, 1, 1).toordinal()
    x = np.arange(lo, hi, dtype=np.int64)
    days = Days(None, lo - 10, hi + 10)
    for months in (-25, -1, 1, 2, 13, 3600, -3600):
        assert list(days.add_months(x, months)) == [add_months(int(v), months) for v in x]


def test_workdays_match_the_calendar() -> None:
    cal = Calendar(weekend=["sat", "sun"], holidays=["2019-01-01", "2019-06-05"])
    lo = date(2018, 1, 1).toordinal()
    days = Days(cal, lo, lo + 2000)
    x = np.arange(lo + 300, lo + 700, dtype=np.int64)
    for n in (-7, -1, 1, 5, 22):
        assert list(days.add_workdays(x, n)) == [cal.add_workdays(int(v), n) for v in x]
    assert list(days.next_workday(x)) == [cal.next_workday(int(v)) for v in x]
    assert days.count_workdays(date(2019, 1, 1).toordinal(), date(2019, 1, 8).toordinal()) == 4


def test_a_date_beyond_the_table_is_an_error_not_a_wrong_day() -> None:
    from roadmap.errors import ScheduleError

    cal = Calendar()
    lo = date(2019, 1, 1).toordinal()
    days = Days(cal, lo, lo + 30)
    with pytest.raises(ScheduleError, match="outside the years"):
        days.next_workday(np.array([lo + 40]))


def test_a_plan_without_items_finishes_at_its_start() -> None:
    plan = Roadmap(name="x", start=date(2019, 1, 1))
    passes = run(network(plan), Days(None, 0, 10), Sampled({}, {}), 3, 737060)
    assert list(passes.finish_day) == [737060] * 3
