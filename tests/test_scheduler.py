"""Tests of roadmap.scheduler: hand-computed CPM cases and Hypothesis invariants."""

from __future__ import annotations

import itertools
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import roadmap as rm
from roadmap import Calendar, CycleError, Dependency, ItemError, Milestone, Roadmap, schedule
from roadmap.scheduler import ScheduledItem
from tests.conftest import make_plan, task
from tests.strategies import cyclic_plans, dags

D = date


def half_open(s: ScheduledItem) -> tuple[int, int]:
    """The early [S, E) of a scheduled item as day numbers."""
    if s.kind == "milestone":
        t = s.finish.toordinal() + 1
        return t, t
    return s.start.toordinal(), s.finish.toordinal() + 1


def dates(sched: rm.Schedule, id: str) -> tuple[date, date]:
    return sched[id].start, sched[id].finish


class TestLinkTypes:
    def test_fs_with_lag(self) -> None:
        """FS+5 days: the successor starts five days after the day after the finish."""
        s = schedule(make_plan(task("A", 10), task("B", 10, depends_on=[{"id": "A", "lag": 5}])))
        assert dates(s, "A") == (D(2019, 1, 1), D(2019, 1, 10))
        assert dates(s, "B") == (D(2019, 1, 16), D(2019, 1, 25))
        assert s["B"].driving == (Dependency(id="A", lag=5),)

    def test_fs_with_lead(self) -> None:
        """FS-5 days overlaps the last five days of the predecessor."""
        s = schedule(make_plan(task("A", 10), task("B", 10, depends_on=[{"id": "A", "lag": -5}])))
        assert dates(s, "B") == (D(2019, 1, 6), D(2019, 1, 15))

    def test_fs_with_month_lag(self) -> None:
        """A lag in months is calendar arithmetic from the predecessor's finish."""
        s = schedule(
            make_plan(
                task("A", "1 month"),
                task("B", "1 month", depends_on=[{"id": "A", "lag": "1 month"}]),
            )
        )
        assert dates(s, "A") == (D(2019, 1, 1), D(2019, 1, 31))
        assert dates(s, "B") == (D(2019, 3, 1), D(2019, 3, 31))

    def test_ss_with_month_lag_at_month_end(self) -> None:
        """SS+1 month from 31 January lands on 28 February."""
        s = schedule(
            make_plan(
                task("A", 10, start=D(2019, 1, 31)),
                task("B", 5, depends_on=[{"id": "A", "type": "SS", "lag": "1 month"}]),
            )
        )
        assert dates(s, "B") == (D(2019, 2, 28), D(2019, 3, 4))

    def test_ff_with_lead(self) -> None:
        """FF-5 days: the successor finishes five days before the predecessor."""
        s = schedule(
            make_plan(
                task("A", 30),
                task("B", 10, depends_on=[{"id": "A", "type": "FF", "lag": "-5 days"}]),
            )
        )
        assert dates(s, "A") == (D(2019, 1, 1), D(2019, 1, 30))
        assert dates(s, "B") == (D(2019, 1, 16), D(2019, 1, 25))
        assert [d.type for d in s["B"].driving] == ["FF"]

    def test_sf(self) -> None:
        """SF: the successor finishes before the predecessor starts."""
        s = schedule(
            make_plan(
                task("A", 10, start=D(2019, 3, 1)),
                task("B", 5, depends_on=[{"id": "A", "type": "SF"}]),
            )
        )
        assert dates(s, "B") == (D(2019, 2, 24), D(2019, 2, 28))
        assert s["B"].total_slack == 10  # may finish as late as the roadmap does
        assert s["A"].total_slack == 0

    def test_ss_backward_pass(self) -> None:
        """SS successors bound the predecessor's late start, not its late finish."""
        s = schedule(
            make_plan(
                task("A", 30), task("B", 5, depends_on=[{"id": "A", "type": "SS", "lag": 10}])
            )
        )
        assert dates(s, "B") == (D(2019, 1, 11), D(2019, 1, 15))
        assert s["B"].total_slack == 15
        assert s["A"].total_slack == 0
        assert s["B"].free_slack == 15

    def test_ff_backward_pass(self) -> None:
        """A short FF predecessor of a long item has the difference as slack."""
        s = schedule(
            make_plan(task("A", 10), task("B", 30, depends_on=[{"id": "A", "type": "FF"}]))
        )
        assert dates(s, "B") == (D(2019, 1, 1), D(2019, 1, 30))
        assert s["A"].total_slack == 20
        assert s["A"].free_slack == 20
        assert s["B"].driving == ()  # the roadmap start set B, not the link

    def test_finish_driven_month_duration_measured_back(self) -> None:
        """A 3-month item that must finish by 30 June starts on 1 April."""
        s = schedule(
            make_plan(task("A", 181), task("B", "3 months", depends_on=[{"id": "A", "type": "FF"}]))
        )
        assert dates(s, "A") == (D(2019, 1, 1), D(2019, 6, 30))
        assert dates(s, "B") == (D(2019, 4, 1), D(2019, 6, 30))

    def test_two_driving_links_tie(self) -> None:
        """Two links that fix the same start both drive."""
        s = schedule(make_plan(task("A", 10), task("B", 10), task("C", 1, depends_on=["A", "B"])))
        assert [d.id for d in s["C"].driving] == ["A", "B"]


class TestConstraints:
    def test_planned_start_is_start_no_earlier_than(self) -> None:
        """A planned start later than the links allow wins, and nothing drives the item."""
        s = schedule(make_plan(task("A", 10), task("B", 10, start=D(2019, 2, 1), depends_on=["A"])))
        assert s["B"].start == D(2019, 2, 1)
        assert s["B"].driving == ()

    def test_planned_start_earlier_than_links_allow_moves(self) -> None:
        """A planned start that a link contradicts moves later."""
        s = schedule(make_plan(task("A", 10), task("B", 10, start=D(2019, 1, 5), depends_on=["A"])))
        assert s["B"].start == D(2019, 1, 11)

    def test_roadmap_start_is_a_floor(self) -> None:
        """Nothing starts before the roadmap does."""
        s = schedule(make_plan(task("A", 10, start=D(2018, 6, 1)), start=D(2019, 1, 1)))
        assert s["A"].start == D(2019, 1, 1)

    def test_deadline_gives_negative_slack(self) -> None:
        """A deadline five days too early makes the chain five days late."""
        s = schedule(
            make_plan(
                task("A", 10),
                task("B", 10, depends_on=["A"], deadline=D(2019, 1, 15)),
                task("C", 30),
            )
        )
        assert s["B"].total_slack == -5
        assert s["A"].total_slack == -5
        assert s["C"].total_slack == 0
        assert s["B"].late_finish == D(2019, 1, 15)
        assert s.critical_path == ["A", "B"]
        assert s["B"].free_slack == -5

    def test_met_deadline_limits_slack(self) -> None:
        """A deadline that can be met caps the slack."""
        s = schedule(make_plan(task("A", 10, deadline=D(2019, 1, 20)), task("C", 60)))
        assert s["A"].total_slack == 10
        assert s["A"].late_finish == D(2019, 1, 20)


class TestDurations:
    @pytest.mark.parametrize(
        ("start", "duration", "finish"),
        [
            (D(2019, 1, 1), "12 months", D(2019, 12, 31)),
            (D(2019, 1, 31), "1 month", D(2019, 2, 27)),
            (D(2019, 3, 1), "12 months", D(2020, 2, 29)),
            (D(2020, 2, 29), "1 year", D(2021, 2, 27)),
            (D(2019, 1, 1), "1 triwulan", D(2019, 3, 31)),
            (D(2019, 1, 1), "P1Y2M", D(2020, 2, 29)),
            (D(2019, 12, 1), "1 month", D(2019, 12, 31)),
            (D(2019, 1, 1), 1, D(2019, 1, 1)),
        ],
    )
    def test_calendar_durations(self, start: date, duration: object, finish: date) -> None:
        """Month ends, leap days and year ends finish where a planner expects."""
        s = schedule(make_plan(task("A", duration, start=start), start=D(2019, 1, 1)))
        assert dates(s, "A") == (start, finish)

    def test_start_and_finish_given(self) -> None:
        """An item given start and finish keeps its length in days when it moves."""
        s = schedule(
            make_plan(
                task("A", 30),
                rm.Initiative(
                    id="B", name="B", start=D(2019, 1, 1), finish=D(2019, 1, 10), depends_on=["A"]
                ),
            )
        )
        assert dates(s, "B") == (D(2019, 1, 31), D(2019, 2, 9))

    def test_month_durations_keep_zero_slack_on_the_critical_path(self) -> None:
        """Months resolved once: critical items have exactly zero slack, never -3."""
        s = schedule(
            make_plan(
                task("A", "1 month", start=D(2019, 1, 31)),
                task("B", "1 month", depends_on=[{"id": "A", "lag": "1 month"}]),
            )
        )
        assert dates(s, "A") == (D(2019, 1, 31), D(2019, 2, 27))
        assert dates(s, "B") == (D(2019, 3, 28), D(2019, 4, 27))
        assert [s[i].total_slack for i in "AB"] == [0, 0]


class TestMilestones:
    def test_after_puts_milestone_on_the_finish(self) -> None:
        """After = X dates the milestone on X's finish; an FS successor starts the day after."""
        s = schedule(
            make_plan(
                task("A", 10),
                Milestone(id="M", name="M", after="A"),
                task("C", 5, depends_on=["M"]),
            )
        )
        assert dates(s, "M") == (D(2019, 1, 10), D(2019, 1, 10))
        assert s["C"].start == D(2019, 1, 11)
        assert s["M"].days == 0
        assert s.critical_path == ["A", "M", "C"]

    def test_dated_milestone(self) -> None:
        """A milestone dated D is reached on D; its successor starts on D + 1."""
        s = schedule(
            make_plan(
                Milestone(id="M", name="M", date=D(2019, 3, 31)), task("C", 5, depends_on=["M"])
            )
        )
        assert s["M"].start == s["M"].finish == D(2019, 3, 31)
        assert s["C"].start == D(2019, 4, 1)

    def test_unconstrained_milestone_on_roadmap_start(self) -> None:
        """A milestone with nothing before it is reached on the roadmap's first day."""
        s = schedule(make_plan(Milestone(id="M", name="Kick-off"), task("A", 5)))
        assert s["M"].finish == D(2019, 1, 1)

    def test_milestone_deadline(self) -> None:
        """A milestone deadline before its date gives negative slack."""
        s = schedule(
            make_plan(task("A", 10), Milestone(id="M", name="M", after="A", deadline=D(2019, 1, 8)))
        )
        assert s["M"].total_slack == -2
        assert s["M"].critical


class TestWorkdays:
    def test_workday_item_starts_on_a_working_day(self) -> None:
        """An item in workdays that could start on Saturday starts on Monday."""
        plan = make_plan(task("A", "5 workdays", start=D(2019, 1, 5)), calendar=Calendar())
        s = schedule(plan)
        assert dates(s, "A") == (D(2019, 1, 7), D(2019, 1, 11))

    def test_public_holidays(self) -> None:
        """New Year's Day in Indonesia is not a working day (holidays package)."""
        pytest.importorskip("holidays")
        plan = make_plan(task("A", "3 hari kerja"), calendar=Calendar(country="ID"))
        assert dates(schedule(plan), "A") == (D(2019, 1, 2), D(2019, 1, 4))

    def test_workday_lag(self) -> None:
        """A lag in workdays skips the weekend."""
        plan = make_plan(
            task("A", 4),  # Tue 1 .. Fri 4 January 2019
            task("B", 1, depends_on=[{"id": "A", "lag": "1 workday"}]),
            calendar=Calendar(),
        )
        assert schedule(plan)["B"].start == D(2019, 1, 8)

    def test_workdays_need_a_calendar(self) -> None:
        """Workdays without a calendar are refused with a clear message."""
        with pytest.raises(ValueError, match="calendar"):
            schedule(make_plan(task("A", "5 workdays")))


class TestErrors:
    def test_cycle_is_whole_and_in_order(self) -> None:
        """A cycle is reported as a -> b -> c -> a."""
        plan = make_plan(
            task("a", depends_on=["c"]),
            task("b", depends_on=["a"]),
            task("c", depends_on=["b"]),
            task("d", depends_on=["a"]),
        )
        with pytest.raises(CycleError) as info:
            schedule(plan)
        assert info.value.cycle == ["a", "b", "c", "a"]
        assert "a -> b -> c -> a" in str(info.value)

    def test_self_link(self) -> None:
        """A self-link is a cycle of one."""
        with pytest.raises(CycleError) as info:
            schedule(make_plan(task("a", depends_on=["a"])))
        assert info.value.cycle == ["a", "a"]

    def test_cycle_of_ss_and_ff_links(self) -> None:
        """SS and FF links close cycles too."""
        plan = make_plan(
            task("a", depends_on=[{"id": "b", "type": "SS"}]),
            task("b", depends_on=[{"id": "a", "type": "FF"}]),
        )
        with pytest.raises(CycleError, match="a -> b -> a"):
            schedule(plan)

    def test_unknown_dependency(self) -> None:
        """A link to an unknown id names the item and the field."""
        with pytest.raises(ItemError, match="'b'.*depends_on.*'zz'"):
            schedule(make_plan(task("a"), task("b", depends_on=["zz"])))

    def test_finish_before_start(self) -> None:
        """A reversed date range cannot be scheduled; the message names item and dates."""
        plan = make_plan(rm.Initiative(id="A", name="a", start=D(2019, 2, 1), finish=D(2019, 1, 1)))
        with pytest.raises(ItemError, match="'A'.*finish 2019-01-01 is before start 2019-02-01"):
            schedule(plan)

    def test_duplicate_id(self) -> None:
        """Two items with the same id cannot be scheduled."""
        with pytest.raises(ItemError, match="duplicate"):
            schedule(make_plan(task("a"), task("a")))


class TestResult:
    def test_iteration_is_in_date_order(self) -> None:
        """Iterating a schedule yields items by start date, then finish."""
        s = schedule(make_plan(task("late", 5, start=D(2019, 5, 1)), task("early", 50)))
        assert [i.id for i in s] == ["early", "late"]

    def test_records_and_json(self) -> None:
        """to_dict has exactly the SPEC keys."""
        s = schedule(make_plan(task("A", 10), task("B", 5, depends_on=["A"])))
        tree = s.to_dict()
        assert list(tree) == ["roadmap", "start", "finish", "critical_path", "items"]
        assert list(tree["items"][0]) == [
            "id",
            "kind",
            "start",
            "finish",
            "late_start",
            "late_finish",
            "total_slack_days",
            "free_slack_days",
            "critical",
            "driving",
        ]
        assert tree["items"][1]["driving"] == ["A"]
        assert tree["finish"] == "2019-01-15"

    def test_unknown_id(self) -> None:
        """Asking for an unknown id raises a KeyError subclass with a message."""
        with pytest.raises(KeyError, match="nope"):
            schedule(make_plan(task("A")))["nope"]

    def test_empty_plan(self) -> None:
        """An empty plan schedules to nothing."""
        s = schedule(make_plan())
        assert len(s) == 0
        assert s.critical_path == []
        assert s.finish == D(2019, 1, 1)

    def test_critical_paths_lists_parallel_chains(self) -> None:
        """Two equally long chains are both critical paths."""
        s = schedule(make_plan(task("A", 10), task("B", 10), task("C", 5, depends_on=["A", "B"])))
        assert sorted(s.critical_paths()) == [["A", "C"], ["B", "C"]]

    def test_schedule_is_kept_on_the_immutable_plan(self) -> None:
        """Scheduling the same plan twice gives the same object; a changed copy is new."""
        plan = make_plan(task("A"), task("B", depends_on=["A"]))
        first = schedule(plan)
        assert schedule(plan) is first
        changed = attrs.evolve(plan, initiatives=[task("A", 20), task("B", depends_on=["A"])])
        assert schedule(changed) is not first
        assert schedule(changed)["B"].start == D(2019, 1, 21)
        assert plan == attrs.evolve(plan)  # the kept schedule is not part of equality

    def test_html(self) -> None:
        """The notebook view is an HTML table with one row per item."""
        html = schedule(make_plan(task("A<b>"), task("B")))._repr_html_()
        assert html.count("<tr") == 3
        assert "A&lt;b&gt;" in html


# -- Hypothesis properties -------------------------------------------------------------


class TestDayNumbers:
    def test_days_are_half_open_and_in_plan_order(self) -> None:
        """The day-number view agrees with the dates, by position in plan.items."""
        plan = make_plan(
            task("A", 31),
            task("B", 10, depends_on=[{"id": "A", "type": "SS", "lag": "5 days"}]),
            Milestone(id="M", name="M", after="B"),
        )
        s = schedule(plan)
        days = s.days
        assert days.ids == ("A", "B", "M")
        for id in days.ids:
            k = days.position[id]
            item = s[id]
            if item.kind == "milestone":
                assert days.early_start[k] == days.early_finish[k] == item.finish.toordinal() + 1
            else:
                assert days.early_start[k] == item.start.toordinal()
                assert days.early_finish[k] == item.finish.toordinal() + 1
            assert days.late_start[k] - days.early_start[k] == item.total_slack
            assert days.free_slack[k] == item.free_slack
        assert [days.ids[k] for k in days.order] == ["A", "B", "M"]

    def test_view_is_read_only(self) -> None:
        """Tuples and a read-only mapping: a caller cannot change the schedule."""
        days = schedule(make_plan(task("A", 3))).days
        with pytest.raises(TypeError):
            days.position["B"] = 1  # type: ignore[index]
        with pytest.raises(TypeError):
            days.early_start[0] = 5  # type: ignore[index]

    def test_driving_links(self) -> None:
        """The links that fixed an item's start; an unknown id is an UnknownItemError."""
        plan = make_plan(task("A", 10), task("B", 20), task("C", 5, depends_on=["A", "B"]))
        s = schedule(plan)
        assert [link.id for link in s.driving_links("C")] == ["B"]
        assert s.driving_links("A") == ()
        with pytest.raises(rm.UnknownItemError, match="'Z'"):
            s.driving_links("Z")


def _lag_days(link: Dependency, anchor: int, cal: Calendar | None = None) -> int:
    return link.lag.days_from(anchor, cal)


@given(dags())
def test_every_link_holds_in_the_early_schedule(plan: Roadmap) -> None:
    """No item starts (or finishes) before its links, planned start and the roadmap allow."""
    s = schedule(plan)
    for item in plan.items:
        s_, e_ = half_open(s[item.id])
        assert plan.start.toordinal() <= s_
        if isinstance(item, rm.Initiative) and item.start:
            assert item.start.toordinal() <= s_
        for link in item.links:
            ps, pe = half_open(s[link.id])
            anchor = pe if link.type in ("FS", "FF") else ps
            bound = anchor + _lag_days(link, anchor, plan.calendar)
            assert (s_ if link.type in ("FS", "SS") else e_) >= bound, (item.id, link)


@given(dags())
def test_slack_is_never_negative_without_deadlines(plan: Roadmap) -> None:
    """Without deadlines total slack >= free slack >= 0 and late dates follow early ones."""
    s = schedule(plan)
    for item in s:
        assert 0 <= item.free_slack <= item.total_slack
        assert item.late_start >= item.start
        assert item.late_finish <= s.finish or item.kind == "milestone"


@given(dags())
def test_zero_slack_items_form_chains_from_a_start_to_the_end(plan: Roadmap) -> None:
    """Critical items chain up: each ends the plan or drives a critical item.

    The critical path ends on the roadmap's finish and follows driving links.
    """
    s = schedule(plan)
    crit = {i.id for i in s if i.total_slack == 0}
    drives: dict[str, set[str]] = {}
    for item in s:
        for link in item.driving:
            drives.setdefault(link.id, set()).add(item.id)
    end = s.finish_day
    for item in s:
        if item.id not in crit:
            continue
        _, e = half_open(item)
        assert e == end or drives.get(item.id, set()) & crit, item.id
    path = s.critical_path
    assert path
    assert half_open(s[path[-1]])[1] == end
    for a, b in itertools.pairwise(path):
        assert a in {link.id for link in s[b].driving}
    assert not s[path[0]].driving or all(link.id not in crit for link in s[path[0]].driving)


@given(dags(), st.data())
def test_adding_a_link_never_shortens_the_plan(plan: Roadmap, data: st.DataObject) -> None:
    """A new link between two items (in dependency order) never moves anything earlier."""
    before = schedule(plan)
    rank = {id: k for k, id in enumerate(before.days.ids[i] for i in before.days.order)}
    order = sorted((i.id for i in plan.items), key=rank.__getitem__)
    if len(order) < 2:
        return
    a = data.draw(st.integers(0, len(order) - 2))
    b = data.draw(st.integers(a + 1, len(order) - 1))
    link = Dependency(
        id=order[a],
        type=data.draw(st.sampled_from(rm.LINK_TYPES)),
        lag=data.draw(st.integers(0, 30)),
    )
    target = plan[order[b]]
    changed = attrs.evolve(target, depends_on=(*target.depends_on, link))  # type: ignore[misc]
    new = attrs.evolve(
        plan,
        initiatives=[changed if i.id == target.id else i for i in plan.initiatives],
        milestones=[changed if i.id == target.id else i for i in plan.milestones],
    )
    after = schedule(new)
    assert after.finish_day >= before.finish_day
    for item in plan.items:
        assert half_open(after[item.id])[0] >= half_open(before[item.id])[0]


@given(dags(with_deadlines=True))
def test_deadlines_only_lower_slack(plan: Roadmap) -> None:
    """Deadlines never change early dates, and never raise slack."""
    free_plan = attrs.evolve(
        plan,
        initiatives=[attrs.evolve(i, deadline=None) for i in plan.initiatives],
        milestones=[attrs.evolve(m, deadline=None) for m in plan.milestones],
    )
    with_dl, without = schedule(plan), schedule(free_plan)
    for item in plan.items:
        assert half_open(with_dl[item.id]) == half_open(without[item.id])
        assert with_dl[item.id].total_slack <= without[item.id].total_slack


@given(cyclic_plans())
def test_a_cycle_is_always_reported_whole(case: tuple[Roadmap, set[tuple[str, str]]]) -> None:
    """The reported cycle is closed, has no repeats, and every step is a real link."""
    plan, edges = case
    with pytest.raises(CycleError) as info:
        schedule(plan)
    cycle = info.value.cycle
    assert cycle[0] == cycle[-1]
    assert len(set(cycle[:-1])) == len(cycle) - 1
    for a, b in itertools.pairwise(cycle):
        assert (a, b) in edges
    assert rm.find_cycle(plan) == cycle


@given(dags(types=st.just("FS"), lag=st.just(rm.Duration())))
def test_milestones_ride_on_their_predecessors(plan: Roadmap) -> None:
    """With plain FS links a milestone is reached on its latest predecessor's finish."""
    s = schedule(plan)
    for m in plan.milestones:
        if m.links and m.date is None:
            assert s[m.id].finish == max(s[link.id].finish for link in m.links)


def test_critical_paths_of_a_long_chain() -> None:
    """A chain of 5,000 items is one critical path (the walk is not recursive)."""
    plan = Roadmap(name="c", start=D(2021, 1, 1), initiatives=[
        rm.Initiative(id=f"A{i}", name="a", duration=1, depends_on=[f"A{i - 1}"] if i else [])
        for i in range(5_000)])  # fmt: skip
    (path,) = schedule(plan).critical_paths()
    assert path == [f"A{i}" for i in range(5_000)]


def test_critical_paths_branch_in_link_order() -> None:
    """Parallel critical items give one chain each, in order, up to the limit."""
    plan = Roadmap(name="d", start=D(2021, 1, 1), initiatives=[
        rm.Initiative(id="S", name="s", duration=1),
        *(rm.Initiative(id=f"B{i}", name="b", duration=1, depends_on=["S"]) for i in range(3)),
        rm.Initiative(id="E", name="e", duration=1, depends_on=["B0", "B1", "B2"])])  # fmt: skip
    sched = schedule(plan)
    assert sched.critical_paths() == [["S", "B0", "E"], ["S", "B1", "E"], ["S", "B2", "E"]]
    assert sched.critical_paths(limit=2) == [["S", "B0", "E"], ["S", "B1", "E"]]


def test_phases_can_hold_their_items_back_to_their_start() -> None:
    """phase_start = "constrain": an item without a planned start waits for its phase."""
    from datetime import date

    import attrs

    import roadmap as rm
    from roadmap import Initiative, Phase, Roadmap

    plan = Roadmap(
        name="x", start=date(2019, 1, 1),
        phases=[Phase(id="F1", name="2019", start=date(2019, 1, 1), end=date(2019, 12, 31)),
                Phase(id="F2", name="2020", start=date(2020, 1, 1), end=date(2020, 12, 31))],
        initiatives=[
            Initiative(id="A", name="a", duration=30, phase="F1"),
            Initiative(id="B", name="b", duration=30, phase="F2", depends_on=["A"]),
            Initiative(id="C", name="c", duration=30, phase="F2", start=date(2019, 6, 1)),
        ],
    )  # fmt: skip
    assert rm.schedule(plan)["B"].start == date(2019, 1, 31)  # free: as links allow
    held = attrs.evolve(plan, phase_start="constrain")
    assert rm.schedule(held)["B"].start == date(2020, 1, 1)
    assert rm.schedule(held)["C"].start == date(2019, 6, 1)  # its own planned start stands
    one = attrs.evolve(
        plan, phases=[plan.phases[0], attrs.evolve(plan.phases[1], phase_start="constrain")]
    )
    assert rm.schedule(one)["B"].start == date(2020, 1, 1)
    for fmt in ("toml", "json", "yaml"):
        assert rm.loads(rm.dumps(held, fmt), fmt) == held
        assert rm.loads(rm.dumps(one, fmt), fmt) == one
    flagged = {s for f in rm.check(held).filter(code="outside-phase") for s in f.subjects}
    assert "B" not in flagged
    assert "C" in flagged  # a planned start outside its phase is still worth a warning
