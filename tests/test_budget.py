"""Tests of roadmap.budget: fiscal years, exact spreads and budget tables."""

from __future__ import annotations

import importlib.util
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import roadmap as rm
from roadmap import Initiative, Roadmap, allocations, budget_by, export, fiscal_year, spread
from roadmap.budget import fiscal_years, s_curve

EXAMPLE = Path(__file__).parent.parent / "examples" / "tanjungpinang_2019_2023.toml"

D = date


@given(
    st.integers(-(10**15), 10**15),
    st.lists(
        st.tuples(st.integers(2000, 2100), st.integers(0, 400)),
        max_size=8,
        unique_by=lambda t: t[0],
    ),
)
def test_spread_always_sums_to_the_total(total: int, days: list[tuple[int, int]]) -> None:
    """The yearly parts are integers that add up to the total to the rupiah."""
    parts = spread(total, days)
    if any(d > 0 for _, d in days):
        assert sum(parts.values()) == total
        assert set(parts) == {y for y, d in days if d > 0}
    else:
        assert parts == {}


@given(st.integers(0, 10**13), st.integers(1, 1000), st.integers(1, 1000))
def test_spread_is_within_one_of_the_exact_share(total: int, a: int, b: int) -> None:
    """Each part is the floor or the ceiling of its exact share."""
    parts = spread(total, [(1, a), (2, b)])
    for year, d in ((1, a), (2, b)):
        exact = total * d / (a + b)
        assert abs(parts[year] - exact) < 1 + 1e-6 * max(1, exact)


def test_spread_ties_go_to_the_earlier_year() -> None:
    """Equal remainders: the earlier year gets the extra unit."""
    assert spread(2, [(2019, 1), (2020, 1), (2021, 1)]) == {2019: 1, 2020: 1, 2021: 0}


class TestFiscalYears:
    def test_calendar_year(self) -> None:
        """Indonesia's default: the fiscal year is the calendar year."""
        assert fiscal_year(D(2019, 12, 31)) == 2019
        assert fiscal_year(D(2020, 1, 1)) == 2020

    def test_april_start(self) -> None:
        """With an April start, a fiscal year is named by the year it starts in."""
        assert fiscal_year(D(2020, 3, 31), "04-01") == 2019
        assert fiscal_year(D(2020, 4, 1), "04-01") == 2020

    def test_days_per_year(self) -> None:
        """A half-open interval split at fiscal-year boundaries."""
        start, end = D(2019, 12, 1).toordinal(), D(2020, 2, 1).toordinal()
        assert fiscal_years(start, end) == [(2019, 31), (2020, 31)]
        assert fiscal_years(start, end, "01-15") == [(2019, 45), (2020, 17)]
        assert fiscal_years(end, start) == []


def plan(**kw: object) -> Roadmap:
    return Roadmap(
        name="b",
        start=D(2019, 1, 1),
        ceilings={2019: 100, 2020: 50},
        initiatives=[
            Initiative(
                id="A",
                name="a",
                start=D(2019, 12, 1),
                duration="2 months",
                budget=62,
                phase="F1",
                dimension="Smart Living",
                owner="Dishub",
                funding=["APBD", "DAK"],
            ),
            Initiative(
                id="B",
                name="b",
                duration=10,
                budget={2019: 10, 2020: 5},
                phase="F2",
                funding="APBD",
            ),
            Initiative(id="C", name="c", duration=10),
        ],
        **kw,
    )  # type: ignore[arg-type]


class TestBudgetBy:
    def test_allocations(self) -> None:
        """Totals spread by scheduled days; per-year budgets as given; none left out."""
        assert allocations(plan()) == {"A": {2019: 31, 2020: 31}, "B": {2019: 10, 2020: 5}}

    def test_by_year_against_ceilings(self) -> None:
        """One row per fiscal year with the ceiling and the excess."""
        assert budget_by(plan()).records() == [
            {"year": 2019, "amount": 41, "ceiling": 100, "over": 0},
            {"year": 2020, "amount": 36, "ceiling": 50, "over": 0},
        ]

    @pytest.mark.parametrize(
        ("by", "groups"),
        [
            ("phase", {"F1": {2019: 31, 2020: 31}, "F2": {2019: 10, 2020: 5}}),
            ("dimension", {"(none)": {2019: 10, 2020: 5}, "Smart Living": {2019: 31, 2020: 31}}),
            ("owner", {"(none)": {2019: 10, 2020: 5}, "Dishub": {2019: 31, 2020: 31}}),
            ("funding", {"APBD": {2019: 10, 2020: 5}, "APBD + DAK": {2019: 31, 2020: 31}}),
        ],
    )
    def test_groups(self, by: str, groups: dict[str, dict[int, int]]) -> None:
        """Every grouping totals each group per year."""
        table = budget_by(plan(), by)  # type: ignore[arg-type]
        assert table.groups == groups
        assert table.total == 77

    def test_wide_records_and_csv(self) -> None:
        """Wide records have a column per year and a total; CSV has the same header."""
        table = budget_by(plan(), "phase")
        assert table.records()[0] == {"phase": "F1", "2019": 31, "2020": 31, "total": 62}
        assert export.budget_csv(table).splitlines()[0] == "phase,2019,2020,total"

    def test_unknown_grouping(self) -> None:
        """Only the documented groupings."""
        with pytest.raises(ValueError, match="allowed: year, phase"):
            budget_by(plan(), "agency")  # type: ignore[arg-type]

    def test_dataframe(self) -> None:
        """A pandas DataFrame when pandas is installed, a clear ImportError otherwise."""
        table = budget_by(plan())
        if importlib.util.find_spec("pandas") is None:
            with pytest.raises(ImportError, match="pip install pandas"):
                table.to_dataframe()
        else:
            assert list(table.to_dataframe().columns) == ["year", "amount", "ceiling", "over"]

    def test_html(self) -> None:
        """The notebook view: the plan's language, Rupiah, a total row, years over shaded."""
        html = budget_by(plan())._repr_html_()
        assert "<th>tahun</th><th" in html
        assert "Rp" in html
        assert "<tfoot><tr><th>jumlah</th>" in html
        over = Roadmap(
            name="x",
            start=date(2019, 1, 1),
            ceilings={2019: 10},
            initiatives=[Initiative(id="A", name="a", duration=5, budget=15)],
        )
        assert '<tr style="background:#f8d7da"><td>2019</td>' in budget_by(over)._repr_html_()


class TestSCurve:
    def test_worked_example(self) -> None:
        """By hand: A (Rp300, 1 Jan - 28 Feb, 59 days) then B (Rp100, March).

        On 1 February A has done 31 of 59 days: 0.75 x 31/59 = 0.3941; on 1 March A is
        done (0.75); on 1 April B too (1.0).
        """
        plan = Roadmap(name="x", start=date(2019, 1, 1), initiatives=[
            Initiative(id="A", name="a", duration="2 months", budget=300),
            Initiative(id="B", name="b", duration="1 month", budget=100, depends_on=["A"]),
        ])  # fmt: skip
        days, share = s_curve(plan)
        assert days == [date(2019, 1, 1), date(2019, 2, 1), date(2019, 3, 1), date(2019, 4, 1)]
        assert share == pytest.approx([0, 0.75 * 31 / 59, 0.75, 1.0])

    def test_without_budgets_every_item_weighs_the_same(self) -> None:
        """No budgets at all: equal weights, so two equal items in a row give 0.5 midway."""
        plan = Roadmap(name="x", start=date(2019, 1, 1), initiatives=[
            Initiative(id="A", name="a", duration="1 month"),
            Initiative(id="B", name="b", duration="1 month", depends_on=["A"]),
        ])  # fmt: skip
        assert s_curve(plan)[1] == [0.0, 0.5, 1.0]

    def test_example_rises_to_one(self) -> None:
        """The planned S-curve of the example runs from 0 to 1 and never falls."""
        days, share = s_curve(rm.load(EXAMPLE))
        assert share[0] == 0
        assert share[-1] == pytest.approx(1.0)
        assert all(a <= b for a, b in pairwise(share))
        assert days == sorted(days)


class TestBudgetShares:
    """Budgets shared by funding source (issue 11): exact to the rupiah both ways."""

    @staticmethod
    def shared() -> Roadmap:
        return Roadmap(
            name="x", start=D(2019, 7, 1),
            group_ceilings={"funding": {"DAK": {2019: 1_000_000_000}}},
            initiatives=[
                Initiative(id="A", name="a", duration="12 months",
                           budget_shares={"APBD": 2_000_000_001, "DAK": 999_999_999}),
                Initiative(id="B", name="b", duration="6 months",
                           budget_shares={"APBD": {2019: 7}, "DAK": {2019: 3}}),
                Initiative(id="C", name="c", duration="1 month", budget=10, funding="DAK"),
            ],
        )  # fmt: skip

    def test_budget_and_funding_come_from_the_shares(self) -> None:
        a, b, _ = self.shared().initiatives
        assert (a.budget, a.funding) == (3_000_000_000, ("APBD", "DAK"))
        assert (b.budget, b.funding) == ({2019: 10}, ("APBD", "DAK"))

    def test_by_funding_splits_exactly(self) -> None:
        """Each source's row holds its share; years and sources add up to the rupiah."""
        plan = self.shared()
        table = budget_by(plan, "funding")
        apbd, dak = table.groups["APBD"], table.groups["DAK"]
        # A runs 184 days in 2019 and 182 in 2020: each share spread by days on its own.
        assert apbd == {
            2019: 7 + spread(2_000_000_001, [(2019, 184), (2020, 182)])[2019],
            2020: spread(2_000_000_001, [(2019, 184), (2020, 182)])[2020],
        }
        assert sum(apbd.values()) == 2_000_000_001 + 7
        assert sum(dak.values()) == 999_999_999 + 3 + 10
        alloc = allocations(plan)
        assert sum(alloc["A"].values()) == 3_000_000_000
        assert table.totals() == {y: sum(a.get(y, 0) for a in alloc.values())
                                  for y in table.years}  # fmt: skip

    def test_a_source_ceiling_counts_only_its_share(self) -> None:
        """DAK 2019: A's DAK share in 2019, B's 3 and C's 10, not A's whole budget."""
        plan = self.shared()
        dak_2019 = budget_by(plan, "funding").groups["DAK"][2019]
        assert dak_2019 < 1_000_000_000 < 3_000_000_000 // 2
        assert not rm.check(plan).filter(code="over-ceiling").findings
        tight = Roadmap(name="x", start=D(2019, 7, 1), initiatives=plan.initiatives,
                        group_ceilings={"funding": {"DAK": {2019: dak_2019 - 1}}})  # fmt: skip
        (finding,) = rm.check(tight, language="en").filter(code="over-ceiling").findings
        assert finding.message.endswith("IDR 1 over.")
        assert "whole budget" not in finding.message

    @pytest.mark.parametrize(
        ("kwargs", "text"),
        [
            ({"budget": 5, "budget_shares": {"APBD": 5}}, "not both"),
            ({"funding": "APBN", "budget_shares": {"APBD": 5}}, "funding names APBN"),
            ({"budget_shares": {"APBD": 5, "DAK": {2020: 1}}}, "not a mix"),
            ({"budget_shares": {"APBD": "banyak"}}, "amount of money"),
        ],
    )
    def test_refused(self, kwargs: dict[str, object], text: str) -> None:
        with pytest.raises(rm.ItemError, match=text):
            Initiative(id="A", name="a", duration=5, **kwargs)  # type: ignore[arg-type]

    def test_plan_file_forms(self) -> None:
        """Per source, per year and source (transposed), amounts as people write them."""
        text = (
            '[roadmap]\nname = "x"\nstart = 2020-01-01\n'
            '[[initiatives]]\nid = "A"\nname = "a"\nduration = "6 bulan"\n'
            'budget = {APBD = "Rp2 miliar", DAK = "Rp500 juta"}\n'
            '[[initiatives]]\nid = "B"\nname = "b"\nduration = "6 bulan"\n'
            "budget = {2020 = {APBD = 1_000, DAK = 500}, 2021 = {APBD = 7}}\n"
        )
        a, b = rm.loads(text).initiatives
        assert a.budget_shares == {"APBD": 2_000_000_000, "DAK": 500_000_000}
        assert b.budget_shares == {"APBD": {2020: 1_000, 2021: 7}, "DAK": {2020: 500}}
        assert b.budget == {2020: 1_500, 2021: 7}


class TestProgrammes:
    """Roll-up of the programme tree (issue 16): dates span the children, budgets sum."""

    @staticmethod
    def tree() -> Roadmap:
        from roadmap import Programme

        return Roadmap(
            name="x", start=D(2020, 1, 1),
            programmes=[Programme(code="2.16.03", name="Aplikasi Informatika"),
                        Programme(code="2.16.03.2.02", name="e-Government"),
                        Programme(code="2.16.03.2.02.0014", name="Jaringan Intra"),
                        Programme(code="2.16.03.2.02.0015", name="Pusat Data")],
            initiatives=[
                Initiative(id="A", name="a", duration="18 months", budget=120,
                           programme="2.16.03.2.02.0014"),
                Initiative(id="B", name="b", duration="6 months", budget={2021: 30},
                           programme="2.16.03.2.02.0015", start=D(2021, 3, 1)),
                Initiative(id="C", name="c", duration="1 month", budget=7),
            ],
        )  # fmt: skip

    def test_a_node_spans_its_children(self) -> None:
        from roadmap.budget import programme_rollup

        nodes = programme_rollup(self.tree())
        top = nodes["2.16.03"]
        assert top.items == ("A", "B")
        assert (top.start, top.finish) == (D(2020, 1, 1), D(2021, 8, 31))
        alloc = allocations(self.tree())
        assert top.budget == {2020: alloc["A"][2020], 2021: alloc["A"][2021] + 30}
        assert top.total == 150
        assert nodes["2.16.03.2.02.0015"].budget == {2021: 30}
        assert nodes["2.16.03.2.02"].items == ("A", "B")

    def test_budget_by_programme(self) -> None:
        table = budget_by(self.tree(), "programme")
        assert set(table.groups) == {"2.16.03 Aplikasi Informatika", "(none)"}
        assert sum(table.groups["2.16.03 Aplikasi Informatika"].values()) == 150
        assert table.total == 157
