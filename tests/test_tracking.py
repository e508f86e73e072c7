"""Tests of roadmap.tracking: earned value, re-forecast, baselines, status and diffs."""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import roadmap as rm
from roadmap import Initiative, Milestone, Realisation, Roadmap
from roadmap.cli import main
from roadmap.tracking import (
    Actuals,
    PvCurve,
    diff,
    earned_schedule,
    earned_value,
    forecast,
    make_baseline,
    milestone_slip,
    period_ends,
    status,
    stored_baseline,
    with_baseline,
)
from tests.strategies import dags

D = date


class TestEarnedValue:
    def test_pmbok_example(self) -> None:
        """PMBOK's example (BAC 100, EV 40, AC 45, PV 50), every figure to 4 decimals."""
        ev = earned_value(bac=100, pv=50, ev=40, ac=45)
        got = {k: round(v, 4) for k, v in ev.to_dict().items() if v is not None}
        assert got == {
            "bac": 100, "pv": 50, "ev": 40, "ac": 45, "sv": -10, "cv": -5, "spi": 0.8,
            "cpi": 0.8889, "eac": 112.5, "etc": 67.5, "vac": -12.5, "tcpi": 1.0909,
            # AC + (BAC - EV) = 45 + 60; AC + (BAC - EV) / (CPI x SPI) = 45 + 60 / 0.71111
            "eac_atypical": 105, "eac_cpi_spi": 129.375,
        }  # fmt: skip

    def test_earned_schedule_with_uneven_periods(self) -> None:
        """Lipke: PV per month 100, 150, 200, 250, 300 (uneven); EV 520 after 4 months.

        C = 3 (cumulative PV 450 <= 520 < 700), ES = 3 + (520 - 450) / (700 - 450) = 3.28,
        SV(t) = 3.28 - 4 = -0.72, SPI(t) = 3.28 / 4 = 0.82, IEAC(t) = 5 / 0.82 = 6.0976.
        """
        es = earned_schedule([100, 250, 450, 700, 1000], 520)
        assert round(es, 4) == 3.28
        ev = earned_value(bac=1000, pv=700, ev=520, ac=600, es=es, at=4, pd=5)
        assert (round(ev.sv_t_days, 4), round(ev.spi_t, 4), round(ev.ieac_t_days, 4)) == (
            -0.72, 0.82, 6.0976,
        )  # fmt: skip
        assert earned_schedule([100, 250], 0) == 0
        assert earned_schedule([100, 250], 300) == 2

    def test_undefined_ratios_are_none(self) -> None:
        """Nothing planned, nothing spent, nothing left: None, not an error."""
        ev = earned_value(bac=100, pv=0, ev=0, ac=0)
        assert (ev.spi, ev.cpi, ev.eac, ev.etc, ev.vac) == (None, None, None, None, None)
        assert earned_value(bac=100, pv=10, ev=10, ac=100).tcpi is None

    def test_pv_curve(self) -> None:
        """Overlapping segments add up; the inverse finds the day a value is reached."""
        c = PvCurve([(0, 10, 100.0), (5, 15, 50.0)])
        assert [c.at(d) for d in (0, 5, 10, 15, 20)] == [0, 50, 125, 150, 150]
        assert c.time_of(50) == 5
        assert c.time_of(137.5) == 12.5
        gap = PvCurve([(0, 10, 100.0), (20, 30, 100.0)])  # nothing planned on days 10-19
        assert (gap.time_of(100), gap.time_of(100, near=15), gap.time_of(100, near=25)) == (
            10, 15, 20,
        )  # fmt: skip
        assert PvCurve([]).time_of(1) is None


def worked_case() -> Roadmap:
    """The worked case of docs/concepts/tracking.md."""
    return Roadmap(
        name="Uji", start=D(2021, 1, 1), end=D(2021, 12, 31), status_date=D(2021, 3, 31),
        initiatives=[
            Initiative(id="A", name="Kajian", duration=100, budget=1_000_000_000,
                       actual_start=D(2021, 1, 11), progress=0.6, actual_cost=700_000_000),
            Initiative(id="B", name="Pengadaan", duration=30, budget=500_000_000,
                       depends_on=["A"], deadline=D(2021, 5, 31)),
            Initiative(id="C", name="Sosialisasi", duration=20, budget=100_000_000,
                       actual_start=D(2021, 1, 4), actual_finish=D(2021, 1, 29),
                       actual_cost=90_000_000),
            Initiative(id="D", name="Pelatihan", duration="2 months", depends_on=["C"],
                       actual_start=D(2021, 3, 1), progress=0.5, remaining="1 month"),
        ],
        milestones=[Milestone(id="M", name="Siap", after="B")],
    )  # fmt: skip


class TestForecast:
    def test_the_four_rules(self) -> None:
        """The four rules of docs/concepts/tracking.md on its worked case.

        Finished: actual dates; started: actual start, remaining counted from the next day;
        not started: no earlier than the next day; successors follow.
        """
        s = forecast(worked_case())
        assert (s["C"].start, s["C"].finish) == (D(2021, 1, 4), D(2021, 1, 29))  # rule 1
        assert (s["A"].start, s["A"].finish) == (D(2021, 1, 11), D(2021, 5, 10))  # 40 days left
        assert (s["D"].start, s["D"].finish) == (D(2021, 3, 1), D(2021, 4, 30))  # "1 month"
        assert (s["B"].start, s["B"].finish) == (D(2021, 5, 11), D(2021, 6, 9))  # rules 3, 4
        assert s["M"].finish == D(2021, 6, 9)
        assert s["B"].total_slack == -9  # the deadline of 31 May is missed by 9 days

    def test_nothing_starts_before_the_day_after_the_status_date(self) -> None:
        """An item that could have started earlier waits for the day after the status date."""
        plan = Roadmap(name="x", start=D(2021, 1, 1), status_date=D(2021, 6, 30),
                       initiatives=[Initiative(id="A", name="a", duration=10)])  # fmt: skip
        assert forecast(plan)["A"].start == D(2021, 7, 1)

    def test_rounding_up_remaining_work(self) -> None:
        """(1 - progress) x duration is rounded up to whole days: 0.25 of 10 days -> 8."""
        plan = Roadmap(
            name="x",
            start=D(2021, 1, 1),
            status_date=D(2021, 1, 5),
            initiatives=[
                Initiative(id="A", name="a", duration=10, actual_start=D(2021, 1, 1), progress=0.25)
            ],
        )
        assert forecast(plan)["A"].finish == D(2021, 1, 5) + timedelta(days=math.ceil(7.5))

    def test_needs_a_status_date(self) -> None:
        """Without one, a RoadmapError says how to give it."""
        with pytest.raises(rm.RoadmapError, match="status_date"):
            forecast(Roadmap(name="x", start=D(2021, 1, 1)))


class TestStatus:
    def test_worked_case_figures(self) -> None:
        """PV, EV, AC, SPI, CPI and ES of the worked case, by hand (docs/concepts/tracking.md).

        Baseline (the plan's own schedule): A 1 Jan - 10 Apr (100 days, Rp10 juta a day),
        C 1 - 20 Jan, D 21 Jan - 20 Mar, B 11 Apr - 10 May.  At 31 March A has 90 days of
        PV (900), C all (100); EV = 0.6 x 1000 + 1 x 100 = 700; AC = 700 + 90 = 790.
        """
        st = status(worked_case())
        ev = st.earned_value
        assert (ev.bac, ev.pv, ev.ev, ev.ac) == (1.6e9, 1.0e9, 0.7e9, 0.79e9)
        assert round(ev.spi, 4) == 0.7
        assert round(ev.cpi, 4) == round(700 / 790, 4)
        # PV reaches 700: C's 100 by 20 January, then A's 10 a day: 60 days after 1 January.
        assert ev.es_days == 60
        assert ev.at_days == 90
        assert st["B"].finish_variance_days == 30
        assert st["A"].planned_progress == 0.9
        assert st.forecast_finish == D(2021, 6, 9)

    def test_by_group_adds_up(self) -> None:
        """Groups share the roadmap's totals; years count the money spent in them."""
        plan = worked_case()
        for by in ("phase", "dimension", "owner", "funding", "year"):
            st = status(plan, by=by)  # type: ignore[arg-type]
            for key in ("bac", "pv", "ev", "ac"):
                total = sum(getattr(g, key) for g in st.groups.values())
                assert total == pytest.approx(getattr(st.earned_value, key)), (by, key)

    def test_a_stored_baseline_or_another_plan(self) -> None:
        """Measured against a stored baseline by name, or another plan's schedule."""
        plan = worked_case()
        old = attrs.evolve(
            plan,
            initiatives=[
                attrs.evolve(i, duration=80) if i.id == "A" else i for i in plan.initiatives
            ],
        )
        stored = with_baseline(plan, make_baseline(old, "awal"))
        assert stored_baseline(stored) is not None
        assert status(stored).baseline == "awal"
        assert status(plan, baseline=old)["A"].baseline_finish == D(2021, 3, 21)
        with pytest.raises(rm.RoadmapError, match="no baseline 'nope'"):
            status(stored, baseline="nope")

    def test_records_give_progress_and_money_at_any_date(self) -> None:
        """Monthly records: cumulative progress, money spent in the period."""
        plan = Roadmap(name="x", start=D(2021, 1, 1), initiatives=[
            Initiative(id="A", name="a", duration=90, budget=900)], realisation=[
            Realisation(item="A", month="2021-01", progress=0.2, spent=150),
            Realisation(item="A", month="2021-02", progress=0.5, spent=250)])  # fmt: skip
        acts = Actuals(plan)
        a = plan["A"]
        assert isinstance(a, Initiative)
        assert (acts.progress(a, D(2021, 1, 15)), acts.cost(a, D(2021, 1, 15))) == (0, 0)
        assert (acts.progress(a, D(2021, 2, 10)), acts.cost(a, D(2021, 2, 10))) == (0.2, 150)
        assert (acts.progress(a, D(2021, 3, 1)), acts.cost(a, D(2021, 3, 1))) == (0.5, 400)
        assert acts.state(a, D(2021, 3, 1)) == "started"

    def test_money_by_the_year_it_was_spent_in(self) -> None:
        """actual_cost spreads over the actual days the records leave unaccounted.

        A: 22 Dec 2020 .. 10 Jan 2021, 10 days in each year, Rp200: 100 + 100.  B: started
        1 Dec 2020, Rp50 recorded in December, Rp150 to the status date 31 March 2021: the
        other 100 over 121 days (31 in 2020, 90 in 2021): 25.6 and 74.4, whole rupiah by
        the largest remainder: 26 and 74.
        """
        plan = Roadmap(name="x", start=D(2020, 12, 1), status_date=D(2021, 3, 31),
            initiatives=[
                Initiative(id="A", name="a", duration=20, budget=200,
                           actual_start=D(2020, 12, 22), actual_finish=D(2021, 1, 10),
                           actual_cost=200),
                Initiative(id="B", name="b", duration=200, budget=300,
                           actual_start=D(2020, 12, 1), actual_cost=150, progress=0.5)],
            realisation=[Realisation(item="B", month="2020-12", progress=0.1, spent=50)],
        )  # fmt: skip
        acts = Actuals(plan)
        a, b = plan["A"], plan["B"]
        day = D(2021, 3, 31)
        assert acts.spent_by_year(a, day, "01-01") == {2020: 100, 2021: 100}
        assert acts.spent_by_year(b, day, "01-01") == {2020: 76, 2021: 74}
        years = status(plan, by="year").groups
        assert (years["2020"].ac, years["2021"].ac) == (176, 174)
        assert years["2020"].ac + years["2021"].ac == status(plan).earned_value.ac


@settings(max_examples=150, deadline=None)
@given(dags(workdays="never"), st.floats(0.0, 1.0))
def test_actuals_equal_to_the_baseline(plan: Roadmap, at: float) -> None:
    """A plan whose actuals follow its baseline exactly: SPI = CPI = SPI(t) = 1, no variance."""
    days = rm.schedule(plan)
    # Totals spread pro rata (planned value accrues evenly), a whole number of rupiah a day.
    plan = attrs.evolve(plan, initiatives=[
        attrs.evolve(i, budget=days[i.id].days * 1_000 * (1 + k) if i.budget is not None else None)
        for k, i in enumerate(plan.initiatives)])  # fmt: skip
    sched = rm.schedule(plan)
    first, last = sched.start.toordinal(), sched.finish.toordinal()
    day = D.fromordinal(first + int(at * (last - first)))
    base = make_baseline(plan, "base", sched=sched)
    initiatives = []
    for i in plan.initiatives:
        s = sched[i.id]
        if s.start > day:
            initiatives.append(i)
            continue
        done = s.finish <= day
        share = 1.0 if done else ((day - s.start).days + 1) / s.days
        initiatives.append(attrs.evolve(
            i, actual_start=s.start, actual_finish=s.finish if done else None, progress=share,
            actual_cost=round(share * (i.budget_amount or 0)),
        ))  # fmt: skip
    milestones = [
        attrs.evolve(m, actual_finish=sched[m.id].finish) if sched[m.id].finish <= day else m
        for m in plan.milestones
    ]
    tracked = attrs.evolve(plan, initiatives=initiatives, milestones=milestones,
                           status_date=day)  # fmt: skip
    result = status(tracked, baseline=base)
    for r in result.items:
        assert (r.start_variance_days, r.finish_variance_days) == (0, 0), r.id
    assert result.finish_variance_days == 0
    ev = result.earned_value
    if ev.pv:
        assert ev.spi == pytest.approx(1, abs=1e-6)
        assert ev.spi_t == pytest.approx(1, abs=1e-6)
    if ev.ac:
        assert ev.cpi == pytest.approx(1, abs=1e-9)


class TestDiff:
    def test_everything_that_changed(self) -> None:
        """Added, removed, changed fields, moved dates, budgets by year, path and finish."""
        old = worked_case()
        new = attrs.evolve(old, initiatives=[
            *(attrs.evolve(i, budget=600_000_000) if i.id == "B" else i
              for i in old.initiatives if i.id != "D"),
            Initiative(id="E", name="Evaluasi", duration=10, depends_on=["B"]),
        ])  # fmt: skip
        d = diff(old, new)
        assert (d.added, d.removed) == (("E",), ("D",))
        assert [(c.id, c.field, c.old, c.new) for c in d.changed] == [
            ("B", "budget", "500000000", "600000000")
        ]
        assert d.budget["2021"] == (1_600_000_000, 1_700_000_000)
        assert d.critical_path[0] != d.critical_path[1]
        assert not diff(old, old).to_dict()["changed"]
        assert diff(old, old).empty


TRACKED_TOML = """# Rencana uji pemantauan
[roadmap]
name = "Uji"  # nama rencana
start = 2021-01-01
end = 2021-12-31
status_date = 2021-03-31

[[initiatives]]
id = "A"  # kegiatan pertama
name = "Kajian"
duration = 100
budget = 1_000_000_000
actual_start = 2021-01-11
progress = 0.6
actual_cost = 700_000_000

[[initiatives]]
id = "B"
name = "Pengadaan"
duration = 30
budget = 500_000_000
depends_on = ["A"]
deadline = 2021-05-31

[[realisation]]
item = "A"
month = "2021-02"
progress = 0.35
spent = 400_000_000
note = "pengadaan terlambat"
"""


class TestFormats:
    @pytest.mark.parametrize("fmt", ["toml", "json", "yaml", "csv", "xlsx"])
    def test_actuals_round_trip(self, tmp_path: Path, fmt: str) -> None:
        """Status date, actual dates, cost, remaining work and records survive every format."""
        plan = rm.loads(TRACKED_TOML)
        plan = attrs.evolve(plan, initiatives=[
            attrs.evolve(i, remaining="1 bulan") if i.id == "A" else i
            for i in plan.initiatives])  # fmt: skip
        rm.save(plan, tmp_path / f"p.{fmt}")
        again = rm.load(tmp_path / f"p.{fmt}")
        assert again == plan
        assert status(again).to_dict() == status(plan).to_dict()


def _slip_plan(**roadmap: object) -> Roadmap:
    """A (100 days from 1 January 2021, started that day) and milestone M after it."""
    fields: dict[str, object] = {
        "name": "x", "start": D(2021, 1, 1), "status_date": D(2021, 5, 31),
        "initiatives": [Initiative(id="A", name="a", duration=100, actual_start=D(2021, 1, 1)),
                        Initiative(id="B", name="b", duration=10, depends_on="A")],
        "milestones": [Milestone(id="M", name="m", after="A", deadline=D(2021, 6, 30)),
                       Milestone(id="N", name="n", after="B")],
        "realisation": [Realisation(item="A", month="2021-03", progress=0.3),
                        Realisation(item="A", month="2021-05", progress=0.6)],
    }  # fmt: skip
    fields.update(roadmap)
    return Roadmap(**fields)  # type: ignore[arg-type]


class TestMilestoneSlip:
    def test_period_ends(self) -> None:
        """Quarter (triwulan) or month ends after the first day, then the last day once."""
        q = period_ends(D(2019, 2, 10), D(2019, 12, 31))
        assert q == (D(2019, 3, 31), D(2019, 6, 30), D(2019, 9, 30), D(2019, 12, 31))
        m = period_ends(D(2020, 1, 1), D(2020, 3, 15), "month")
        assert m == (D(2020, 1, 31), D(2020, 2, 29), D(2020, 3, 15))
        assert period_ends(D(2020, 12, 31), D(2020, 12, 31)) == (D(2020, 12, 31),)
        assert period_ends(D(2021, 1, 1), D(2020, 1, 1)) == ()

    def test_forecast_at_every_quarter(self) -> None:
        """The forecasts by hand, at every quarter end up to the status date.

        30 % at 31 March leaves 70 of 100 days from 1 April (to 9 June); 60 % at 31 May
        leaves 40 (to 10 July). B (10 days) follows, and N on its finish.
        """
        slip = milestone_slip(_slip_plan())
        assert slip.status_dates == (D(2021, 3, 31), D(2021, 5, 31))
        m, n = slip.lines
        assert (m.id, m.baseline, m.deadline) == ("M", D(2021, 4, 10), D(2021, 6, 30))
        assert m.forecasts == (D(2021, 6, 9), D(2021, 7, 10))
        assert m.slip_days == 91
        assert n.baseline == D(2021, 4, 20)
        assert n.forecasts == (D(2021, 6, 19), D(2021, 7, 20))
        months = milestone_slip(_slip_plan(), every="month")
        assert months.status_dates == (D(2021, 1, 31), D(2021, 2, 28), D(2021, 3, 31),
                                       D(2021, 4, 30), D(2021, 5, 31))  # fmt: skip
        # January: started, no record yet: all 100 days left from 1 February.
        assert months.lines[0].forecasts[0] == D(2021, 5, 11)
        records = slip.records()
        assert len(records) == 4
        assert records[1] == {"id": "M", "name": "m", "status_date": "2021-05-31",
                              "baseline": "2021-04-10", "forecast": "2021-07-10",
                              "slip_days": 91}  # fmt: skip

    def test_a_reached_milestone_stays_at_its_day(self) -> None:
        """Once A is done, M sits on its actual finish at every later status date."""
        plan = _slip_plan(
            status_date=D(2021, 9, 30),
            initiatives=[Initiative(id="A", name="a", duration=100, actual_start=D(2021, 1, 1),
                                    actual_finish=D(2021, 7, 15)),
                         Initiative(id="B", name="b", duration=10, depends_on="A")],
        )  # fmt: skip
        slip = milestone_slip(plan, dates=[D(2021, 6, 30), D(2021, 9, 30), D(2021, 8, 31)])
        assert slip.status_dates == (D(2021, 6, 30), D(2021, 8, 31), D(2021, 9, 30))
        assert slip.lines[0].forecasts[1:] == (D(2021, 7, 15), D(2021, 7, 15))

    def test_versions_at_their_own_status_dates(self) -> None:
        """Several versions, each at its status date; a milestone a version lacks is None."""
        old = _slip_plan(
            status_date=D(2021, 3, 31),
            milestones=[
                Milestone(id="M", name="m", after="A"),
                Milestone(id="X", name="x", after="A"),
            ],
        )
        new = _slip_plan()
        slip = milestone_slip([old, new])
        assert slip.status_dates == (D(2021, 3, 31), D(2021, 5, 31))
        assert [line.id for line in slip.lines] == ["M", "N", "X"]
        assert slip.lines[0].forecasts == (D(2021, 6, 9), D(2021, 7, 10))
        assert slip.lines[1].forecasts == (None, D(2021, 7, 20))
        assert slip.lines[2].forecasts == (D(2021, 6, 9), None)
        assert slip.lines[2].slip_days == 60

    def test_needs_a_status_date(self) -> None:
        """Without a status date (and no dates given) the slip cannot be forecast."""
        with pytest.raises(rm.RoadmapError, match="no status date"):
            milestone_slip(_slip_plan(status_date=None))
        slip = milestone_slip(_slip_plan(status_date=None), dates=[D(2021, 3, 31)])
        assert slip.lines[0].forecasts == (D(2021, 6, 9),)
        with pytest.raises(rm.RoadmapError, match="at least one plan"):
            milestone_slip([])

    def test_the_example(self) -> None:
        """The example's milestones at 30 June 2021: M3 28 days late as `roadmap status` says."""
        tracked = rm.load(Path(__file__).parent.parent / "examples/tanjungpinang_status_2021.toml")
        slip = milestone_slip(tracked)
        assert len(slip.status_dates) == 10
        assert slip.status_dates[-1] == tracked.status_date
        last = {line.id: line.forecasts[-1] for line in slip.lines}
        assert last["M3"] == status(tracked).forecast_finish == D(2024, 1, 28)


class TestCommandLine:
    def test_baseline_keeps_the_comments(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Roadmap baseline writes [[baselines]] into the TOML, keeping every comment."""
        path = tmp_path / "rencana.toml"
        path.write_text(TRACKED_TOML)
        assert main(["baseline", str(path), "--name", "RPJMD", "--taken", "2021-01-01"]) == 0
        assert "baseline 'RPJMD' stored (2 items" in capsys.readouterr().out
        text = path.read_text()
        assert text.startswith(TRACKED_TOML)  # nothing above was touched
        assert "# kegiatan pertama" in text
        plan = rm.load(path)
        assert [b.name for b in plan.baselines] == ["RPJMD"]
        assert plan.baselines[0].default
        assert main(["baseline", str(path), "--name", "Perubahan", "--default"]) == 0
        names = [(b.name, b.default) for b in rm.load(path).baselines]
        assert names == [("RPJMD", False), ("Perubahan", True)]

    def test_status_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The documented JSON keys, the figures of the worked case."""
        path = tmp_path / "rencana.toml"
        path.write_text(TRACKED_TOML)
        assert main(["status", str(path), "-f", "json", "--by", "year"]) == 0
        tree = json.loads(capsys.readouterr().out)
        assert tree["status_date"] == "2021-03-31"
        item = tree["items"][0]
        for key in ("baseline_start", "baseline_finish", "forecast_start", "forecast_finish",
                    "start_variance_days", "finish_variance_days", "planned_progress",
                    "progress"):  # fmt: skip
            assert key in item
        ev = tree["earned_value"]
        assert list(ev)[:16] == ["bac", "pv", "ev", "ac", "sv", "cv", "spi", "cpi", "eac",
                                 "etc", "vac", "tcpi", "es_days", "sv_t_days", "spi_t",
                                 "ieac_t"]  # fmt: skip
        assert (ev["pv"], ev["ev"], ev["es_days"]) == (900_000_000, 600_000_000, 60)
        assert set(tree["groups"]) == {"2021"}

    def test_status_without_a_status_date(
        self, small_plan_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """One line saying how to give the status date; exit 2."""
        assert main(["status", str(small_plan_path)]) == 2
        err = capsys.readouterr().err
        assert "has no status date" in err
        assert err.count("\n") == 1
        assert main(["status", str(small_plan_path), "--as-of", "2020-01-31"]) == 0

    def test_diff(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Roadmap diff prints what changed; -o picks the format."""
        old, new = tmp_path / "v1.toml", tmp_path / "v2.toml"
        old.write_text(TRACKED_TOML)
        new.write_text(TRACKED_TOML.replace("duration = 30", "duration = 45"))
        assert main(["diff", str(old), str(new), "-l", "en"]) == 0
        out = capsys.readouterr().out
        assert "B.duration: '30 days' -> '45 days'" in out
        assert main(["diff", str(old), str(new), "-o", str(tmp_path / "d.json")]) == 0
        tree = json.loads((tmp_path / "d.json").read_text())
        assert tree["finish"]["days"] == 15
        new.write_text(TRACKED_TOML.replace("500_000_000", "750_000_000"))
        assert main(["diff", str(old), str(new), "-l", "id"]) == 0
        assert "2021: 1.500.000.000 -> 1.750.000.000 (+250.000.000)" in capsys.readouterr().out

    def test_slip(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Roadmap slip: a table per status date, CSV and JSON, a chart by the suffix."""
        path = tmp_path / "rencana.toml"
        rm.save(_slip_plan(), path)
        assert main(["slip", str(path), "-l", "en"]) == 0
        out = capsys.readouterr().out
        assert "2021-03-31  2021-05-31  slip (days)" in out
        assert "M   2021-04-10  2021-06-09  2021-07-10          +91" in out
        assert main(["slip", str(path), "-f", "csv", "--every", "month"]) == 0
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        assert len(rows) == 10
        assert rows[0]["forecast"] == "2021-05-11"
        assert main(["slip", str(path), "-o", str(tmp_path / "s.json")]) == 0
        tree = json.loads((tmp_path / "s.json").read_text())
        assert tree["milestones"][0]["forecasts"] == ["2021-06-09", "2021-07-10"]
        assert main(["slip", str(path), "-o", str(tmp_path / "s.png")]) == 0
        assert (tmp_path / "s.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        untracked = tmp_path / "rencana_awal.toml"
        rm.save(_slip_plan(status_date=None), untracked)
        capsys.readouterr()
        assert main(["slip", str(untracked), str(path)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert f"{untracked}: no status date" in err

    def test_status_and_diff_workbooks(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """-o .xlsx: read back with openpyxl, figures as numbers and dates as dates."""
        openpyxl = pytest.importorskip("openpyxl")
        path = tmp_path / "rencana.toml"
        path.write_text(TRACKED_TOML)
        assert main(["status", str(path), "-o", str(tmp_path / "s.xlsx")]) == 0
        book = openpyxl.load_workbook(tmp_path / "s.xlsx")
        ev = list(book["Nilai hasil"].iter_rows(values_only=True))
        assert ev[0][:5] == ("kelompok", "bac", "pv", "ev", "ac")
        assert ev[1][:5] == ("roadmap", 1_500_000_000, 900_000_000, 600_000_000, 700_000_000)
        items = list(book["Kegiatan"].iter_rows(values_only=True))
        head = items[0]
        a = dict(zip(head, items[1], strict=True))
        assert a["id"] == "A"
        assert a["forecast_finish"].date() == D(2021, 5, 10)  # a date, not text
        new = tmp_path / "v2.toml"
        new.write_text(TRACKED_TOML.replace("duration = 30", "duration = 45"))
        assert main(["diff", str(path), str(new), "-o", str(tmp_path / "d.xlsx")]) == 0
        changed = list(openpyxl.load_workbook(tmp_path / "d.xlsx").worksheets[0].values)
        assert ("B", "duration", "30 days", "45 days") in changed
