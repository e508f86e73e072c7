"""Tests of roadmap.model: conversion, validation and error messages."""

from __future__ import annotations

import inspect
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap import (
    Dependency,
    Duration,
    Initiative,
    ItemError,
    Milestone,
    Phase,
    Programme,
    Roadmap,
)
from roadmap.errors import UnknownItemError


class TestInitiative:
    def test_converts_on_the_way_in(self) -> None:
        """Strings become dates, durations and dependencies."""
        i = Initiative(
            id="A",
            name="x",
            start="2019-03-01",
            duration="9 bulan",
            depends_on=["B", {"id": "C", "type": "ss", "lag": "1 month"}],
            funding="APBD",
            tags=["quick win"],
            status="berjalan",
        )
        assert i.start == date(2019, 3, 1)
        assert i.duration == Duration(months=9)
        assert i.depends_on[1] == Dependency(id="C", type="SS", lag=Duration(months=1))
        assert i.funding == ("APBD",)
        assert i.tags == ("quick win",)
        assert i.status == "in_progress"

    def test_is_frozen(self) -> None:
        """Items cannot be changed in place; attrs.evolve makes a changed copy."""
        i = Initiative(id="A", name="x", duration=5)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            i.name = "y"  # type: ignore[misc]
        assert attrs.evolve(i, name="y").name == "y"

    def test_keyword_only(self) -> None:
        """Positional arguments are refused."""
        with pytest.raises(TypeError):
            Initiative("A", "x", 5)  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("kwargs", "field", "text"),
        [
            ({"duration": "9 mnths"}, "duration", "cannot read duration '9 mnths'"),
            ({"duration": 0}, "duration", "milestone"),
            ({"duration": -3}, "duration", "positive"),
            ({}, "duration", "give a duration"),
            ({"duration": 5, "finish": "2019-01-01"}, "finish", "not both"),
            ({"duration": 5, "start": "1 March"}, "start", "1 Maret 2019"),
            ({"duration": 5, "progress": 1.5}, "progress", "from 0 to 1"),
            ({"duration": 5, "progress": "half"}, "progress", "number"),
            ({"duration": 5, "status": "ongoing"}, "status", "unknown status"),
            ({"duration": 5, "budget": "lots"}, "budget", "Rp750 juta"),
            ({"duration": 5, "budget": 1.5}, "budget", "whole amount"),
            ({"duration": 5, "budget": {"20x9": 5}}, "budget", "year"),
            ({"duration": 5, "depends_on": [{"id": "B", "type": "XX"}]}, "type", "FS, SS"),
            ({"duration": 5, "depends_on": [{"id": "B", "lag": "soon"}]}, "lag", "duration"),
            ({"duration": 5, "depends_on": [{"lag": 1}]}, "depends_on", "needs an 'id'"),
            ({"duration": 5, "depends_on": [{"id": "B", "kind": 1}]}, "depends_on", "unknown"),
            ({"duration": 5, "funding": [1]}, "funding", "text"),
            ({"duration": 5, "multi_year": "maybe"}, "multi_year", "true or false"),
        ],
    )
    def test_errors_name_item_and_field(
        self, kwargs: dict[str, object], field: str, text: str
    ) -> None:
        """Every invalid value raises ItemError naming the item id and the field."""
        with pytest.raises(ItemError) as info:
            Initiative(id="SC07", name="x", **kwargs)  # type: ignore[arg-type]
        assert info.value.item == "SC07"
        assert info.value.field == field
        assert text in str(info.value)
        assert str(info.value).startswith("item 'SC07', field ")

    def test_bad_id(self) -> None:
        """Ids are non-empty text without surrounding spaces."""
        for bad in ("", " A", 3):
            with pytest.raises(ItemError, match="id"):
                Initiative(id=bad, name="x", duration=1)  # type: ignore[arg-type]

    def test_budget_per_year(self) -> None:
        """A per-year budget keeps integer years in order."""
        i = Initiative(id="A", name="x", duration=5, budget={"2020": 5, 2019: 10})
        assert i.budget == {2019: 10, 2020: 5}

    def test_finish_before_start_is_left_to_check(self) -> None:
        """A reversed date range is accepted by the model (check() reports it)."""
        i = Initiative(id="A", name="x", start="2019-02-01", finish="2019-01-01")
        assert i.span == Duration(days=-30)

    def test_budget_total(self) -> None:
        """A per-year budget may state the total it should add up to."""
        i = Initiative(id="A", name="x", duration=5, budget={2019: 1}, budget_total=2)
        assert i.budget_total == 2

    def test_span_from_start_and_finish(self) -> None:
        """Start and finish (inclusive) give the duration in days."""
        i = Initiative(id="A", name="x", start="2019-01-01", finish="2019-12-31")
        assert i.span == Duration(days=365)


class TestMilestone:
    def test_after_is_a_finish_to_start_link(self) -> None:
        """After comes first among the links."""
        m = Milestone(id="M", name="x", after="A", depends_on=[{"id": "B", "type": "FF"}])
        assert [str(link) for link in m.links] == ["A", "B FF"]
        assert m.span.is_zero

    def test_error_names_field(self) -> None:
        """A bad date names the milestone and the field."""
        with pytest.raises(ItemError, match="item 'M', field 'date'"):
            Milestone(id="M", name="x", date="soon")


class TestPhase:
    def test_end_before_start_is_left_to_check(self) -> None:
        """A reversed phase window is a finding of check(), not an exception."""
        assert Phase(id="F1", name="x", start="2019-12-31", end="2019-01-01").end is not None


class TestDependency:
    def test_str(self) -> None:
        """The compact notation used in tables and spreadsheets."""
        assert str(Dependency(id="A")) == "A"
        assert str(Dependency(id="A", type="SS", lag="1 month")) == "A SS+1 month"
        assert str(Dependency(id="A", lag=-5)) == "A FS-5 days"

    def test_coerce_rejects(self) -> None:
        """A number is not a dependency."""
        with pytest.raises(ValueError, match="dependency"):
            Dependency.coerce(5)


class TestRoadmap:
    def test_lookup_and_iteration(self) -> None:
        """Items by id, phases by id, iteration over initiatives then milestones."""
        plan = Roadmap(
            name="x",
            start="2019-01-01",
            phases=[Phase(id="F1", name="p")],
            initiatives=[Initiative(id="A", name="a", duration=1)],
            milestones=[Milestone(id="M", name="m")],
        )
        assert plan["F1"].name == "p"
        assert [i.id for i in plan] == ["A", "M"]
        assert len(plan) == 2
        assert "A" in plan
        with pytest.raises(UnknownItemError, match="'Z'"):
            plan["Z"]

    def test_validates_fields(self) -> None:
        """Roadmap fields are checked like item fields."""
        with pytest.raises(ItemError, match="language"):
            Roadmap(name="x", start="2019-01-01", language="fr")  # type: ignore[arg-type]
        with pytest.raises(ItemError, match="fiscal_year_start"):
            Roadmap(name="x", start="2019-01-01", fiscal_year_start="13-01")
        with pytest.raises(ItemError, match="end"):
            Roadmap(name="x", start="2019-01-01", end="2018-01-01")
        with pytest.raises(ItemError, match="Initiative"):
            Roadmap(name="x", start="2019-01-01", initiatives=[{"id": "A"}])  # type: ignore[list-item]

    def test_ceilings(self) -> None:
        """Ceilings are integer amounts per year."""
        plan = Roadmap(name="x", start="2019-01-01", ceilings={"2020": 8_000_000_000})
        assert plan.ceilings == {2020: 8_000_000_000}

    def test_duplicates_are_allowed_in_the_model(self) -> None:
        """Relations between items are for schedule() to refuse and check() to report."""
        a = Initiative(id="A", name="a", duration=1)
        plan = Roadmap(name="x", start="2019-01-01", initiatives=[a, a])
        assert len(plan) == 2

    def test_positions_and_lookup_take_the_first_of_a_repeated_id(self) -> None:
        """``positions`` and ``plan[id]`` agree; a phase id wins over an item's."""
        a = Initiative(id="A", name="first", duration=1)
        a2 = Initiative(id="A", name="2nd", duration=1)
        plan = Roadmap(name="x", start="2019-01-01", phases=[Phase(id="F", name="phase")],
                       initiatives=[a, a2, Initiative(id="F", name="item F", duration=1)],
                       milestones=[Milestone(id="M", name="m")])  # fmt: skip
        assert dict(plan.positions) == {"A": 0, "F": 2, "M": 3}
        assert plan.ids == ("A", "A", "F", "M")
        assert plan["A"].name == "first"
        assert plan["F"].name == "phase"
        assert plan.items is plan.items  # made once: the plan is immutable
        assert "M" in plan
        assert "F" in plan
        assert "Z" not in plan

    def test_html(self) -> None:
        """The notebook view lists every item, escaped."""
        plan = Roadmap(
            name="<x>",
            start="2019-01-01",
            initiatives=[Initiative(id="A", name="a & b", duration=1, budget=5)],
        )
        html = plan._repr_html_()
        assert "&lt;x&gt;" in html
        assert "a &amp; b" in html

    def test_html_speaks_the_plans_language(self) -> None:
        """Headers, durations and lags in the plan's words."""
        items = [Initiative(id="A", name="a", duration="6 months"),
                 Initiative(id="B", name="b", duration=5, depends_on=["A SS+2 weeks"])]  # fmt: skip
        html = Roadmap(name="x", start="2019-01-01", initiatives=items)._repr_html_()
        assert all(w in html for w in ("Bergantung pada", "+ 6 bulan", "A SS+2 minggu"))
        html = Roadmap(name="x", start="2019-01-01", language="en",
                       initiatives=items)._repr_html_()  # fmt: skip
        assert all(w in html for w in ("Depends on", "+ 6 months", "A SS+2 weeks"))


class TestCompactNotation:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("SC01", Dependency(id="SC01")),
            ("SC02 SS", Dependency(id="SC02", type="SS")),
            ("SC02 SS+1 month", Dependency(id="SC02", type="SS", lag=Duration(months=1))),
            ("SC02 ss + 1 bulan", Dependency(id="SC02", type="SS", lag=Duration(months=1))),
            ("SC03 FF-5 days", Dependency(id="SC03", type="FF", lag=Duration(days=-5))),
            ("SC04 +2 weeks", Dependency(id="SC04", lag=Duration(weeks=2))),
            ("SC05 SF-P1M", Dependency(id="SC05", type="SF", lag=Duration(months=-1))),
        ],
    )
    def test_reads(self, text: str, expected: Dependency) -> None:
        """The notation of tables and spreadsheets reads into a Dependency."""
        assert Dependency.parse(text) == expected

    @pytest.mark.parametrize("bad", ["", "SC01 XX", "SC01 SS+soon", "SC01 SS 5"])
    def test_rejects(self, bad: str) -> None:
        """Malformed links name the text and show the allowed form."""
        with pytest.raises(ValueError, match="dependency"):
            Dependency.parse(bad)

    def test_list(self) -> None:
        """Links are separated by semicolons or commas; blanks are skipped."""
        from roadmap import parse_dependencies

        assert [d.id for d in parse_dependencies("A; B SS+1 month,C FF-5 days;")] == ["A", "B", "C"]

    @given(
        st.from_regex(r"[A-Z]{1,3}[0-9]{0,3}", fullmatch=True),
        st.sampled_from(["FS", "SS", "FF", "SF"]),
        st.one_of(
            st.integers(-60, 60).map(lambda n: Duration(days=n)),
            st.integers(-12, 12).map(lambda n: Duration(months=n)),
            st.integers(1, 4).map(lambda n: Duration(quarters=n)),
            st.tuples(st.integers(0, 3), st.integers(0, 11), st.integers(1, 30)).map(
                lambda t: Duration(years=t[0], months=t[1], days=t[2])
            ),
        ),
    )
    def test_round_trip(self, id: str, type: str, lag: Duration) -> None:
        """str() writes what parse() reads back to an equal link."""
        link = Dependency(id=id, type=type, lag=lag)  # type: ignore[arg-type]
        assert Dependency.parse(str(link)) == link


class TestText:
    """Text that reaches terminals, Mermaid, iCalendar and workbooks holds no control."""

    @pytest.mark.parametrize(("value", "message"), [
        ("red\x1b[31m", "control character (ESC) at character 4"),
        ("nul\x00", "control character (NUL) at character 4"),
        ("bell\x07", "control character (U+0007) at character 5"),
        ("lone \ud800", "lone surrogate U+D800 at character 6"),
    ])  # fmt: skip
    def test_control_characters_are_refused(self, value: str, message: str) -> None:
        """The error names the field, the character and where it is."""
        with pytest.raises(ItemError) as err:
            Initiative(id="A", name=value, duration=1)
        assert str(err.value) == f"item 'A', field 'name': contains a {message}"

    def test_line_breaks_in_a_name_become_one_space(self) -> None:
        """A spreadsheet cell wrapped with Alt+Enter is one name; ids stay strict."""
        item = Initiative(id="A", name="Kajian\r\n  Tahap I\tlanjutan", duration=1,
                          owner="Dinas\nKominfo", tags=["a\nb"])  # fmt: skip
        assert (item.name, item.owner, item.tags) == ("Kajian Tahap I lanjutan",
                                                      "Dinas Kominfo", ("a b",))  # fmt: skip
        with pytest.raises(ItemError, match="line break"):
            Initiative(id="A\nB", name="a", duration=1)

    def test_prose_keeps_its_lines(self) -> None:
        """Descriptions and notes may have line breaks and tabs, but no other control."""
        item = Initiative(id="A", name="a", duration=1, description="satu\ndua\ttiga")
        assert item.description == "satu\ndua\ttiga"
        with pytest.raises(ItemError, match="field 'description'.*ESC"):
            Initiative(id="A", name="a", duration=1, description="x\x1b[2J")

    def test_other_unicode_is_kept(self) -> None:
        """No-break spaces, zero-width joiners and accents are text, not controls."""
        name = "Kota\u00a0Tanjungpinang \u200d café"
        assert Initiative(id="A", name=name, duration=1).name == name


class TestAmounts:
    def test_amounts_up_to_a_quintillion(self) -> None:
        """Sums and ratios of amounts stay finite: 10^18 at most, named when more."""
        assert Initiative(id="A", name="a", duration=1, budget=10**18).budget == 10**18
        for value in (10**18 + 1, 1e308, -(10**19)):
            with pytest.raises(ItemError, match="field 'budget'.*more than the 10\\^18"):
                Initiative(id="A", name="a", duration=1, budget=value)
        with pytest.raises(ItemError, match="actual_cost"):
            Initiative(id="A", name="a", duration=1, actual_cost=1e308)

    def test_budget_years_in_the_window(self) -> None:
        with pytest.raises(ItemError, match="a year from 1900 to 2200"):
            Initiative(id="A", name="a", duration=1, budget={9999: 1})

    def test_an_empty_budget_table_is_no_budget(self) -> None:
        assert Initiative(id="A", name="a", duration=1, budget={}).budget is None


def test_funding_written_in_one_text_is_several_sources() -> None:
    """``"APBD, DAK"`` once silently became one source outside the APBD ceiling (issue 11)."""
    from roadmap import Initiative

    assert Initiative(id="A", name="a", duration=5, funding="APBD, DAK").funding == ("APBD", "DAK")
    assert Initiative(id="A", name="a", duration=5, funding="APBD + DAK").funding == ("APBD", "DAK")
    assert Initiative(id="A", name="a", duration=5, funding=["APBD", "DAK"]).funding == (
        "APBD", "DAK",
    )  # fmt: skip


def test_a_dimension_in_other_case_is_written_as_the_dimension() -> None:
    from roadmap import Initiative, Milestone

    assert Initiative(id="A", name="a", duration=5, dimension=" smart  governance").dimension == (
        "Smart Governance"
    )
    assert Milestone(id="M", name="m", dimension="SMART LIVING").dimension == "Smart Living"
    assert Initiative(id="A", name="a", duration=5, dimension="Infrastruktur").dimension == (
        "Infrastruktur"
    )


def test_an_unknown_link_suggests_the_id_meant() -> None:
    import pytest

    import roadmap as rm
    from roadmap import Initiative, ItemError, Roadmap

    plan = Roadmap(name="x", start="2019-01-01", initiatives=[
        Initiative(id="A03", name="a", duration=5),
        Initiative(id="B", name="b", duration=5, depends_on=["A3"]),
    ])  # fmt: skip
    with pytest.raises(ItemError, match=r"unknown item 'A3'; did you mean 'A03'\?"):
        rm.schedule(plan)


class TestLengths:
    """Ids, names and free text have bounds (issue 17): a paste gone wrong is refused."""

    def test_an_id_of_64_characters_and_no_more(self) -> None:
        Initiative(id="A" * 64, name="a", duration=1)
        with pytest.raises(ItemError, match="an id of 65 characters is longer than the 64"):
            Initiative(id="A" * 65, name="a", duration=1)

    def test_names_and_descriptions(self) -> None:
        Initiative(id="A", name="n" * 1_000, duration=1, description="d" * 100_000)
        with pytest.raises(ItemError, match="field 'name': a text of 1,001 characters"):
            Initiative(id="A", name="n" * 1_001, duration=1)
        with pytest.raises(ItemError, match="field 'description': a text of 100,001"):
            Initiative(id="A", name="n", duration=1, description="d" * 100_001)
        with pytest.raises(ItemError, match="field 'tags'"):
            Initiative(id="A", name="n", duration=1, tags=["t" * 1_001])


class TestProgramme:
    """Nomenclature codes (Permendagri 90/2019 and its updates), issue 16."""

    @pytest.mark.parametrize(
        ("code", "level", "parent"),
        [
            ("2.16.03", "program", None),
            ("2.16.03.2.02", "kegiatan", "2.16.03"),
            ("2.16.03.2.02.09", "sub_kegiatan", "2.16.03.2.02"),  # 2022 edition
            ("2.16.03.2.02.0014", "sub_kegiatan", "2.16.03.2.02"),  # 2025 edition
            ("2.21.02.1.01", "kegiatan", "2.21.02"),
        ],
    )
    def test_levels_and_parents(self, code: str, level: str, parent: str | None) -> None:
        node = Programme(code=code, name="x")
        assert (node.level, node.parent) == (level, parent)

    @pytest.mark.parametrize(
        "bad", ["2.16.3", "2.16.03.3.02", "2.16.03.2.02.014", "216.03", "2.16.03.2.02.00014"]
    )
    def test_codes_are_validated(self, bad: str) -> None:
        with pytest.raises(ValueError, match="is not a nomenclature code"):
            Programme(code=bad, name="x")
        with pytest.raises(ItemError, match="field 'programme'"):
            Initiative(id="A", name="a", duration=1, programme=bad)

    def test_a_code_is_text(self) -> None:
        """A code typed as a number lost its zeros: refused with why."""
        with pytest.raises(ValueError, match="a code is text"):
            Programme(code=2.16, name="x")  # type: ignore[arg-type]


class TestInitialiser:
    """The generated initialisers: what they convert, what they name, what they share."""

    def test_the_signature_shows_the_defaults(self) -> None:
        """Keyword-only, required fields first, the defaults as written in the class."""
        params = inspect.signature(Initiative).parameters
        assert all(p.kind is p.KEYWORD_ONLY for p in params.values())
        assert params["id"].default is inspect.Parameter.empty
        assert (params["status"].default, params["depends_on"].default) == ("not_started", ())

    def test_a_default_given_explicitly_reads_as_left_out(self) -> None:
        """Writing the default changes nothing; writing None where a mapping goes neither."""
        left_out = Initiative(id="A", name="a", duration=5)
        given = Initiative(id="A", name="a", duration=5, resources=None, status="not_started",
                           budget_shares=None, notes=None, tags=())  # fmt: skip
        assert given == left_out
        assert given.resources == {}
        assert given.notes == {}

    def test_factory_defaults_are_not_shared(self) -> None:
        """A default made by a factory is made afresh for every object."""
        one = Roadmap(name="x", start="2019-01-01")
        two = Roadmap(name="y", start="2019-01-01")
        assert one.ceilings == {}
        assert one.ceilings is not two.ceilings

    def test_errors_name_the_item_and_the_field(self) -> None:
        """A converter's error, a nested link's, and a rule of the class."""
        with pytest.raises(ItemError) as err:
            Initiative(id="A", name="a", duration="9 mnths")
        assert (err.value.item, err.value.field) == ("A", "duration")
        with pytest.raises(ItemError) as err:
            Initiative(id="A", name="a", duration=5, depends_on=[{"id": "B", "type": "XX"}])
        assert (err.value.item, err.value.field) == ("A", "type")
        with pytest.raises(ItemError) as err:
            Initiative(id="A", name="a")
        assert (err.value.item, err.value.field) == ("A", "duration")
        with pytest.raises(ItemError) as err:
            Dependency(id="B", lag="soon")
        assert (err.value.item, err.value.field) == (None, "lag")

    def test_a_missing_or_unknown_keyword_is_a_type_error(self) -> None:
        """As for any Python call: the readers turn it into 'missing required key'."""
        with pytest.raises(TypeError, match="'name'"):
            Initiative(id="A", duration=5)  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="'colour'"):
            Initiative(id="A", name="a", duration=5, colour="red")  # type: ignore[call-arg]

    def test_evolve_converts_what_it_changes(self) -> None:
        """attrs.evolve goes through the same initialiser."""
        item = attrs.evolve(Initiative(id="A", name="a", duration=5), duration="2 bulan")
        assert item.duration == Duration(months=2)
        with pytest.raises(ItemError, match="'progress'"):
            attrs.evolve(item, progress="lots")
