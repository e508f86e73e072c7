"""roadmap.level: fits ceilings and capacity, re-checked by roadmap.check.

Also its engine on known cases, the command line, and exact against heuristic.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import roadmap as rm
from roadmap import Initiative, Milestone, Roadmap
from roadmap.cli import main
from roadmap.leveling import level, verify
from roadmap.leveling.exact import available
from roadmap.leveling.rcpsp import Project, cpm, justify, search, serial

D = date
START = D(2019, 1, 1)
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "tanjungpinang_2019_2023.toml"
needs_solver = pytest.mark.skipif(not available(), reason="OR-Tools is not installed")
LIMIT_CODES = {"over-ceiling", "over-capacity", "deadline-missed", "outside-horizon",
               "start-violates-dependency"}  # fmt: skip


def errors(plan: Roadmap) -> set[str]:
    return {f.code for f in rm.check(plan).errors} & LIMIT_CODES


# -- the engine on cases whose answer is known ---------------------------------------------


def test_two_activities_that_cannot_share_a_resource_run_one_after_the_other() -> None:
    p = Project([3, 2], [[], []], demand=[[1, 1]], capacity=[1])
    s = serial(p, [0, 1], horizon=10)
    assert s.start == [0, 3]
    assert s.makespan == 5


def test_gaps_of_every_kind_hold() -> None:
    # B starts 2 days after A starts (SS+2); C finishes with B (FF): gap = len(B) - len(C).
    p = Project([5, 4, 1], [[], [(0, 2)], [(1, 4 - 1)]])
    assert cpm(p) == [0, 2, 5]


def test_justification_shortens_a_schedule_the_list_made_long() -> None:
    # The classic: a long activity placed late forces a gap; justification closes it.
    length = [0, 4, 2, 2, 0]
    gaps = [[], [(0, 0)], [(0, 0)], [(2, 2)], [(1, 4), (3, 2)]]
    p = Project(length, gaps, demand=[[0, 1, 1, 1, 0]], capacity=[1])
    bad = serial(p, [0, 2, 3, 1, 4], horizon=20)
    assert justify(p, bad, 20).makespan <= bad.makespan == 8


def test_a_money_ceiling_moves_spend_into_the_next_period() -> None:
    from roadmap.leveling.rcpsp import Pool

    # Two activities of 10 days costing 100 each; periods of 10 days with a ceiling of 100.
    pool = Pool(bounds=[0, 10, 20, 30], ceiling=[100, 100, 100], cost={0: 100, 1: 100},
                fixed=[0, 0, 0])  # fmt: skip
    p = Project([10, 10], [[], []], pools=[pool])
    s = serial(p, [0, 1], horizon=40)
    assert s.start == [0, 10]


def test_pinned_activities_stay_and_their_predecessors_respect_them() -> None:
    p = Project([5, 5], [[], [(0, 5)]], release=[0, 5], demand=[[1, 1]], capacity=[1],
                pinned=frozenset({1}))  # fmt: skip
    assert p.latest[0] == 0
    assert serial(p, [0, 1], horizon=20).start == [0, 5]


def test_search_finds_the_optimum_of_a_small_project() -> None:
    # Four jobs of 2 days on one machine of capacity 2, each needing 1 or 2 units.
    p = Project([2, 2, 2, 2], [[], [], [], []], demand=[[2, 1, 1, 2]], capacity=[2])
    best, used = search(p, horizon=20, schedules=200, seed=1)
    assert best.makespan == 6
    assert used <= 220


# -- the leveler on plans -------------------------------------------------------------------


def demo(**roadmap: object) -> Roadmap:
    return Roadmap(
        name="demo", start=START, capacity={"analis_TI": 2}, **roadmap,  # type: ignore[arg-type]
        initiatives=[
            Initiative(id="A", name="Portal", duration=30, resources={"analis_TI": 2},
                       budget=300_000_000),
            Initiative(id="B", name="Dasbor", duration=10, resources={"analis_TI": 1},
                       budget=100_000_000),
            Initiative(id="C", name="Aplikasi", duration=20, depends_on=["B"],
                       resources={"analis_TI": 1}, budget=200_000_000),
        ],
    )  # fmt: skip


@pytest.mark.parametrize("method", ["heuristic", pytest.param("exact", marks=needs_solver)])
def test_capacity_is_kept_with_the_least_delay(method: str) -> None:
    plan = demo()
    assert errors(plan) == {"over-capacity"}
    result = level(plan, method=method)  # type: ignore[arg-type]
    assert result.feasible
    assert result.plan is not None
    assert errors(result.plan) == set()
    # B and C (40 days with analis_TI 1) and A (30 days, both analysts) cannot overlap.
    assert result.finish_after == START + timedelta(days=59)
    assert verify(result.plan) == []
    assert result.capacity[("resource", "analis_TI")] == (3, 2, 2)


def test_only_moved_items_get_a_planned_start() -> None:
    result = level(demo(), method="heuristic")
    assert result.plan is not None
    changed = [i.id for i, j in zip(demo().initiatives, result.plan.initiatives, strict=True)
               if i.start != j.start]  # fmt: skip
    moved = {m.id for m in result.moves if m.reason != "dependency"}
    assert set(changed) == moved


def test_a_ceiling_no_shift_can_meet_is_explained() -> None:
    plan = attrs.evolve(demo(), capacity={}, end=D(2019, 3, 31),
                        ceilings={2019: 500_000_000})  # fmt: skip
    result = level(plan, method="heuristic")
    assert not result.feasible
    assert result.plan is None
    assert result.reason.startswith("2019 memerlukan paling sedikit Rp600 juta walau semua ")
    assert "pagunya Rp500 juta: naikkan pagu, kurangi Rp100 juta, atau izinkan" in result.reason
    english = level(attrs.evolve(plan, language="en"), method="heuristic").reason
    assert english.startswith("2019 needs at least IDR 600 million with every movable item ")


def test_an_item_that_needs_more_than_there_is_is_named() -> None:
    plan = attrs.evolve(demo(), capacity={"analis_TI": 1}, language="en")
    result = level(plan, method="heuristic")
    assert not result.feasible
    assert (
        result.reason
        == "A needs 2 analis_TI at once; the capacity is 1: raise it or lower the need"
    )


def test_fixed_items_do_not_move_and_owners_run_few_at_once() -> None:
    plan = Roadmap(
        name="owners", start=START, owner_capacity={"Diskominfo": 1},
        initiatives=[
            Initiative(id="A", name="a", duration=10, owner="Diskominfo", fixed=True,
                       start=START + timedelta(days=5)),
            Initiative(id="B", name="b", duration=10, owner="Diskominfo"),
            Initiative(id="C", name="c", duration=10, owner="Dinkes"),
        ],
    )  # fmt: skip
    result = level(plan, method="heuristic")
    assert result.plan is not None
    sched = rm.schedule(result.plan)
    assert sched["A"].start == START + timedelta(days=5)
    assert sched["B"].start == START + timedelta(days=15)
    assert sched["C"].start == START
    assert errors(result.plan) == set()


def test_a_monitored_plan_keeps_its_work_done_and_under_way() -> None:
    # Its re-forecast already finishes after 2023: without the end, the ceilings can be met.
    monitored = rm.load(EXAMPLE.parent / "tanjungpinang_status_2021.toml")
    plan = attrs.evolve(monitored, end=None, milestones=[
        attrs.evolve(m, deadline=None) for m in monitored.milestones])  # fmt: skip
    result = level(plan, method="heuristic", time_limit=5)
    assert result.feasible
    assert result.plan is not None
    settled = {i.id for i in plan.initiatives if i.actual_start is not None}
    assert not {m.id for m in result.moves} & settled
    assert all(m.before > plan.status_date for m in result.moves)  # type: ignore[operator]


@pytest.mark.parametrize("method", ["heuristic", pytest.param("exact", marks=needs_solver)])
def test_the_example_fits_its_2020_ceiling(method: str) -> None:
    plan = rm.load(EXAMPLE)
    assert "over-ceiling" in errors(plan)
    result = level(plan, method=method, time_limit=5)  # type: ignore[arg-type]
    assert result.feasible
    assert result.plan is not None
    assert errors(result.plan) == set()
    assert result.finish_after == result.finish_before  # nothing moves past the term
    assert result.budgets[("", "")][2020][1] <= 8_000_000_000


@needs_solver
def test_exact_proves_the_small_optimum_the_heuristic_reaches() -> None:
    plan = demo()
    exact = level(plan, method="exact")
    heuristic = level(plan, method="heuristic")
    assert exact.optimal
    assert exact.finish_after == heuristic.finish_after


# -- the invariant: every leveled plan passes roadmap.check -----------------------------------


@st.composite
def limited_plans(draw: st.DrawFn) -> Roadmap:
    """Random plans of 2-10 initiatives with every link type, capacities and ceilings."""
    n = draw(st.integers(2, 10))
    items = []
    for k in range(n):
        preds = draw(st.lists(st.integers(0, k - 1), max_size=2, unique=True)) if k else []
        links = [rm.Dependency(id=f"T{p}", type=draw(st.sampled_from(["FS", "SS", "FF", "SF"])),
                               lag=draw(st.integers(-5, 10))) for p in preds]  # fmt: skip
        items.append(Initiative(
            id=f"T{k}", name=f"T{k}",
            duration=draw(st.sampled_from([10, 30, 90, "2 months", "5 months"])),
            depends_on=links, owner=draw(st.sampled_from(["Diskominfo", "Dinkes"])),
            resources={"analis_TI": draw(st.integers(0, 2))},
            budget=draw(st.sampled_from([100_000_000, 500_000_000, 900_000_000])),
            start=draw(st.one_of(st.none(), st.just(START + timedelta(days=40)))),
        ))  # fmt: skip
    return Roadmap(
        name="random", start=START, capacity={"analis_TI": 2},
        owner_capacity={"Diskominfo": draw(st.integers(1, 3))},
        ceilings={y: draw(st.sampled_from([1_000_000_000, 2_000_000_000])) for y in (2019, 2020)},
        initiatives=items,
        milestones=[Milestone(id="M", name="m", after=f"T{n - 1}")],
    )  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(limited_plans())
def test_every_leveled_plan_passes_check(plan: Roadmap) -> None:
    result = level(plan, method="heuristic", schedules=300, time_limit=5)
    if result.feasible:
        assert result.plan is not None
        # None left; a planned start the user already wrote against a link stays theirs.
        assert errors(result.plan) <= errors(plan) & {"start-violates-dependency"}
        assert verify(result.plan) == []
        before = rm.schedule(plan)
        after = rm.schedule(result.plan)
        assert all(after[i.id].start >= before[i.id].start for i in plan.items)  # only later
    else:
        assert result.reason


@needs_solver
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(limited_plans())
def test_every_exactly_leveled_plan_passes_check(plan: Roadmap) -> None:
    result = level(plan, method="exact", time_limit=1)
    if result.feasible:
        assert result.plan is not None
        assert errors(result.plan) <= errors(plan) & {"start-violates-dependency"}
    else:
        assert result.reason


# -- the command line -----------------------------------------------------------------------


def test_cli_writes_the_leveled_plan_keeping_comments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "rencana.toml"
    source.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    target = tmp_path / "rencana_level.toml"
    code = main(["level", str(source), "-o", str(target), "--method", "heuristic",
                 "--time-limit", "5"])  # fmt: skip
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "pemerataan (heuristik, selesai tercepat)" in out
    assert "tahun 2021" in out
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Peta Jalan Smart City Kota Tanjungpinang 2019-2023 (illustrative)")
    assert source.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")
    changed = [a for a, b in zip(EXAMPLE.read_text().splitlines(), text.splitlines(), strict=True)
               if a != b]  # fmt: skip
    assert changed and all(line.startswith("start = ") for line in changed)  # noqa: PT018
    assert errors(rm.load(target)) == set()


def test_cli_json_and_exit_1_when_nothing_fits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ketat.toml"
    rm.save(attrs.evolve(demo(), capacity={}, end=D(2019, 3, 31), ceilings={2019: 1}), path)
    code = main(["level", str(path), "-f", "json", "--method", "heuristic", "-o",
                 str(tmp_path / "x.toml")])  # fmt: skip
    tree = json.loads(capsys.readouterr().out)
    assert code == 1
    assert tree["feasible"] is False
    assert tree["reason"].startswith("2019 memerlukan paling sedikit")
    assert not (tmp_path / "x.toml").exists()


def test_cli_refuses_to_overwrite_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.toml"
    rm.save(demo(), path)
    assert main(["level", str(path), "-o", str(path)]) == 2
    assert "names the input plan" in capsys.readouterr().err
