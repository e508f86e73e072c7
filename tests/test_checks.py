"""Tests of roadmap.checks: every rule fires on a minimal defect and stays quiet otherwise."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import roadmap as rm
from roadmap import Initiative, Milestone, Phase, Roadmap, check
from roadmap.checks import FAMILIES, RULES, SCHEMA, Finding, Report
from roadmap.model import Indicator, Programme
from tests.conftest import DATA
from tests.strategies import dags

D = date


def clean() -> Roadmap:
    """A small plan with no findings at all."""
    common = {"owner": "Diskominfo", "dimension": "Smart Governance"}
    return Roadmap(
        name="Clean",
        start=D(2019, 1, 1),
        language="en",  # check() speaks the plan's language: these tests read English
        end=D(2020, 12, 31),
        ceilings={2019: 1_000_000_000, 2020: 1_000_000_000},
        phases=[
            Phase(id="F1", name="2019", start=D(2019, 1, 1), end=D(2019, 12, 31)),
            Phase(id="F2", name="2020", start=D(2020, 1, 1), end=D(2020, 12, 31)),
        ],
        initiatives=[
            Initiative(id="A", name="Masterplan", phase="F1", duration="6 months",
                       budget=300_000_000, **common),
            Initiative(id="B", name="Perwako", phase="F1", duration="3 months",
                       depends_on=["A"], budget={2019: 100_000_000},
                       budget_total=100_000_000, deadline=D(2019, 12, 31), **common),
            Initiative(id="C", name="Command centre", phase="F2", start=D(2020, 1, 1),
                       duration="1 year", depends_on=["B"], budget=900_000_000, **common),
        ],
        milestones=[Milestone(id="M", name="Adopted", after="B", phase="F1")],
    )  # fmt: skip


def initiative(plan: Roadmap, id: str, **changes: object) -> Roadmap:
    """The plan with initiative *id* changed."""
    return attrs.evolve(plan, initiatives=[
        attrs.evolve(i, **changes) if i.id == id else i for i in plan.initiatives  # type: ignore[misc]
    ])  # fmt: skip


def add(plan: Roadmap, *items: Initiative) -> Roadmap:
    return attrs.evolve(plan, initiatives=[*plan.initiatives, *items])


X = {"owner": "Diskominfo", "dimension": "Smart Governance", "budget": 1}

# One minimal defect per rule: the plan, and the subjects the finding must name.
DEFECTS: dict[str, tuple[Callable[[], Roadmap], tuple[str, ...]]] = {
    "empty-roadmap": (lambda: Roadmap(name="x", start=D(2019, 1, 1)), ()),
    "duplicate-id": (lambda: add(clean(), Initiative(id="A", name="again", duration=5, **X)),
                     ("A",)),
    "unknown-reference": (lambda: initiative(clean(), "C", depends_on=["B", "ZZ"]), ("C",)),
    "unknown-phase": (lambda: initiative(clean(), "A", phase="F3"), ("A",)),
    "self-dependency": (lambda: initiative(clean(), "C", depends_on=["C"]), ("C",)),
    "dependency-cycle": (lambda: initiative(clean(), "A", depends_on=["C"]),
                         ("A", "B", "C")),
    "finish-before-start": (
        lambda: initiative(clean(), "C", duration=None, start=D(2020, 5, 1),
                           finish=D(2020, 4, 1)), ("C",)),
    "start-violates-dependency": (lambda: initiative(clean(), "B", start=D(2019, 5, 1)),
                                  ("B", "A")),
    "deadline-missed": (lambda: initiative(clean(), "B", deadline=D(2019, 8, 31)), ("A", "B")),
    "outside-horizon": (lambda: initiative(clean(), "C", duration="2 years"), ("C",)),
    "outside-phase": (lambda: initiative(clean(), "B", duration="8 months"), ("B", "F1")),
    "phase-order-inverted": (lambda: initiative(clean(), "A", phase="F2"), ("B", "A")),
    "phase-overlap": (lambda: attrs.evolve(clean(), phases=[
        Phase(id="F1", name="2019", start=D(2019, 1, 1), end=D(2020, 1, 31)),
        Phase(id="F2", name="2020", start=D(2020, 1, 1), end=D(2020, 12, 31))]), ("F1", "F2")),
    "phase-gap": (lambda: attrs.evolve(clean(), phases=[
        Phase(id="F1", name="2019", start=D(2019, 1, 1), end=D(2019, 12, 31)),
        Phase(id="F2", name="2020", start=D(2020, 2, 1), end=D(2020, 12, 31))]), ("F1", "F2")),
    "negative-amount": (lambda: initiative(clean(), "A", budget=-5), ("A",)),
    "zero-budget": (lambda: initiative(clean(), "A", budget=0), ("A",)),
    "no-budgets": (lambda: attrs.evolve(clean(), initiatives=[
        attrs.evolve(i, budget=None, budget_total=None) for i in clean().initiatives]), ()),
    "allocation-mismatch": (lambda: initiative(clean(), "B", budget_total=150_000_000),
                            ("B",)),
    "allocation-outside-run": (
        lambda: initiative(clean(), "B", budget={2019: 50_000_000, 2020: 50_000_000}),
        ("B", "2020")),
    "over-ceiling": (lambda: initiative(clean(), "C", budget=1_200_000_000), ("2020",)),
    "unknown-resource": (
        lambda: attrs.evolve(initiative(clean(), "A", resources={"analis": 1}),
                             capacity={"analis_TI": 1}), ("A",)),
    "over-capacity": (
        lambda: attrs.evolve(initiative(clean(), "A", resources={"analis_TI": 2}),
                             capacity={"analis_TI": 1}), ("analis_TI", "A")),
    "multi-year-undivided": (lambda: initiative(clean(), "C", start=D(2019, 12, 1)), ("C",)),
    "multi-year-beyond-term": (
        lambda: initiative(clean(), "C", duration="2 years", budget={2020: 1, 2021: 1},
                           multi_year=True), ("C",)),
    "actuals-contradict": (
        lambda: initiative(clean(), "A", actual_start=D(2019, 3, 1), actual_finish=D(2019, 2, 1)),
        ("A",)),
    "behind-plan": (lambda: attrs.evolve(
        initiative(clean(), "A", actual_start=D(2019, 1, 1), progress=0.2, status="berjalan"),
        status_date=D(2019, 4, 30)), ("A",)),
    "late-start-or-finish": (lambda: attrs.evolve(clean(), status_date=D(2019, 2, 1)), ("A",)),
    "forecast-misses": (lambda: attrs.evolve(clean(), status_date=D(2019, 12, 20)), ("B",)),
    "missing-owner": (lambda: initiative(clean(), "A", owner=None), ("A",)),
    "missing-dimension": (lambda: initiative(clean(), "A", dimension=None), ("A",)),
    "unknown-dimension": (lambda: initiative(clean(), "A", dimension="Smart Sociey"), ("A",)),
    "unknown-funding": (lambda: initiative(clean(), "A", funding="APDB"), ("A",)),
    "unknown-programme": (lambda: initiative(attrs.evolve(clean(), programmes=[
        Programme(code="2.16.03", name="p")]), "A", programme="2.16.04"), ("A",)),
    "orphan-code": (lambda: attrs.evolve(clean(), programmes=[
        Programme(code="2.16.03.2.02", name="k")]), ("2.16.03.2.02",)),
    "mixed-editions": (lambda: attrs.evolve(clean(), programmes=[
        Programme(code="2.16.03.2.02.09", name="s"), Programme(code="2.16.03.2.02.0014",
                                                                 name="t")]),
        ("2.16.03.2.02.09", "2.16.03.2.02.0014")),
    "indicator-without-target": (lambda: attrs.evolve(clean(), indicators=[
        Indicator(id="I1", name="i", items=["C"], targets={2019: 1})]), ("I1",)),
    "target-against-polarity": (lambda: attrs.evolve(clean(), indicators=[
        Indicator(id="I1", name="i", combine="last", targets={2019: 3, 2020: 2})]), ("I1",)),
    "end-target-mismatch": (lambda: attrs.evolve(clean(), indicators=[
        Indicator(id="I1", name="i", targets={2019: 3, 2020: 4}, final=5)]), ("I1",)),
    "programme-without-indicator": (lambda: attrs.evolve(clean(), indicators=[
        Indicator(id="I1", name="i")], programmes=[Programme(code="2.16.03", name="p")]),
        ("2.16.03",)),
    "realisation-in-future": (lambda: attrs.evolve(clean(), status_date=D(2019, 6, 30),
        indicators=[Indicator(id="I1", name="i", realisations={"2019-TW3": 1})]), ("I1",)),
    "pagu-mismatch": (lambda: initiative(attrs.evolve(clean(), programmes=[
        Programme(code="2.16.03", name="p", budget={2019: 300_000_001})]), "A",
        programme="2.16.03"), ("2.16.03", "2019")),
    "unknown-owner": (lambda: initiative(attrs.evolve(clean(), owner_capacity={"Diskominfo": 3}),
                                         "A", owner="Diskominfi"), ("A",)),
    "ignored-sheet": (lambda: attrs.evolve(clean(), ignored=["Itmes"]), ()),
    "workdays-without-calendar": (lambda: initiative(clean(), "A", duration="60 hari kerja"),
                                  ("A",)),
    "not-scheduled": (lambda: initiative(clean(), "C", depends_on=["C"]), ()),
    "cannot-schedule": (lambda: initiative(clean(), "C", duration="250 years"), ()),
}  # fmt: skip


def test_every_rule_has_a_defect_case() -> None:
    """The table above covers every registered rule."""
    assert set(DEFECTS) == set(RULES)


def test_clean_plan_has_no_findings() -> None:
    """The clean plan gives no findings at all, in either language."""
    assert list(check(clean())) == []
    assert check(clean(), language="id").ok


@pytest.mark.parametrize("code", list(DEFECTS))
def test_rule_fires_on_its_defect(code: str) -> None:
    """Each rule finds its minimal defect, names the subjects, and has a message and hint."""
    make, subjects = DEFECTS[code]
    report = check(make())
    found = report.filter(code=code).findings
    assert found, [f.code for f in report]
    f = found[0]
    assert f.severity == RULES[code].severity
    assert f.subjects == subjects
    assert f.message
    assert f.hint


class TestNearMisses:
    def test_planned_start_that_links_allow(self) -> None:
        """A planned start the links allow is fine."""
        assert not check(initiative(clean(), "B", start=D(2019, 7, 1))).filter(
            code="start-violates-dependency"
        )

    def test_deadline_met_on_the_day(self) -> None:
        """Finishing on the deadline is in time."""
        assert not check(initiative(clean(), "B", deadline=D(2019, 9, 30))).filter(
            code="deadline-missed"
        )

    def test_multi_year_item_with_split_budget(self) -> None:
        """A cross-year item with a per-year budget needs no multi_year mark."""
        plan = initiative(clean(), "C", start=D(2019, 12, 1), budget={2019: 1, 2020: 1})
        assert not check(plan).filter(code="multi-year-undivided")

    def test_multi_year_marked(self) -> None:
        """A cross-year item marked multi_year is accepted."""
        plan = initiative(clean(), "C", start=D(2019, 12, 1), multi_year=True)
        assert not check(plan).filter(code="multi-year-undivided")

    def test_ceiling_met_exactly(self) -> None:
        """Spending exactly the ceiling is within it."""
        assert not check(initiative(clean(), "C", budget=1_000_000_000)).filter(code="over-ceiling")

    def test_phase_order_same_phase(self) -> None:
        """Links inside one phase or forward in phase order are fine."""
        assert not check(clean()).filter(code="phase-order-inverted")


class TestDetails:
    def test_cycle_is_whole_and_in_order(self) -> None:
        """The cycle finding names every item in link order."""
        f = check(initiative(clean(), "A", depends_on=["C"])).filter(code="dependency-cycle")
        assert f.findings[0].message == "The dependencies form a cycle: A -> B -> C -> A."

    def test_two_separate_cycles_are_both_reported(self) -> None:
        """Each strongly connected group gives its own finding."""
        plan = add(
            initiative(clean(), "A", depends_on=["B"]),
            Initiative(id="P", name="p", duration=1, depends_on=["Q"], **X),
            Initiative(id="Q", name="q", duration=1, depends_on=["P"], **X),
        )
        cycles = [f.subjects for f in check(plan).filter(code="dependency-cycle")]
        assert cycles == [("A", "B"), ("P", "Q")]

    def test_structure_errors_skip_schedule_rules(self) -> None:
        """With a cycle, date and budget rules are skipped and a note says so."""
        report = check(initiative(clean(), "A", depends_on=["C"]))
        assert [f.code for f in report] == [
            "dependency-cycle",
            "phase-order-inverted",
            "not-scheduled",
        ]

    def test_over_ceiling_names_year_amount_and_movable_items(self) -> None:
        """The ceiling finding gives the year, the excess and items with slack to move."""
        f = check(initiative(clean(), "C", budget=1_200_000_000)).filter(code="over-ceiling")
        assert f.findings[0].message == (
            "Fiscal year 2020: IDR 1.2 billion planned against a ceiling of IDR 1 billion, "
            "IDR 200 million over."
        )
        assert f.findings[0].hint == (
            "Cut IDR 200 million from 2020, or no contributing item has slack; reduce or "
            "re-time the largest: C (IDR 1.2 billion, 0 days slack)."
        )

    def test_group_ceilings(self) -> None:
        """Ceilings per funding source count the items funded by it."""
        plan = initiative(clean(), "C", funding=["APBD", "DAK"])
        plan = attrs.evolve(plan, group_ceilings={"funding": {"DAK": {2020: 500_000_000}}})
        f = check(plan).filter(code="over-ceiling")
        assert f.findings[0].subjects == ("2020", "DAK")
        assert "for funding DAK" in f.findings[0].message

    def test_ceilings_argument_overrides_the_plan(self) -> None:
        """check(ceilings=...) replaces the plan's ceilings."""
        assert check(clean(), ceilings={2020: 100}).filter(code="over-ceiling")
        assert not check(
            initiative(clean(), "C", budget=1_200_000_000), ceilings={2020: 2_000_000_000}
        ).filter(code="over-ceiling")

    def test_deadline_names_the_driving_chain(self) -> None:
        """A missed deadline names the chain that makes it late and the days."""
        f = (
            check(initiative(clean(), "B", deadline=D(2019, 8, 31)))
            .filter(code="deadline-missed")
            .findings[0]
        )
        assert "30 days late; the driving chain is A -> B" in f.message
        assert "move the deadline to 30 September 2019" in f.hint

    def test_unknown_phase(self) -> None:
        """A phase id that the plan does not define: named, and dates still checked."""
        plan = initiative(clean(), "A", phase="F01", deadline=D(2019, 1, 15))
        report = check(plan)
        (f,) = report.filter(code="unknown-phase").findings
        assert f.message.startswith("A belongs to phase F01, which the plan does not define")
        assert "did you mean F1?" in f.message
        assert report.filter(code="deadline-missed").findings
        assert not report.filter(code="not-scheduled").findings

    def test_unknown_language(self) -> None:
        """Only en and id."""
        with pytest.raises(ValueError, match="language"):
            check(clean(), language="fr")  # type: ignore[arg-type]

    def test_unknown_rule(self) -> None:
        """Selecting an unknown rule is a usage error."""
        with pytest.raises(ValueError, match="unknown rule"):
            check(clean(), rules=["nope"])


class TestReport:
    def report(self) -> Report:
        return check(initiative(clean(), "A", owner=None, budget=0, phase="F2"))

    def test_order_and_properties(self) -> None:
        """Errors first, then warnings, then notes; ok means no errors."""
        r = self.report()
        order = ["error", "warning", "info"]
        assert [f.severity for f in r] == sorted((f.severity for f in r), key=order.index)
        assert r.ok == (not r.errors)
        assert len(r) == len(r.errors) + len(r.warnings) + len(r.infos)

    def test_filter(self) -> None:
        """Filter by code, severity and subject."""
        r = self.report()
        assert {f.code for f in r.filter(severity="info")} == {"missing-owner"}
        assert all("A" in f.subjects for f in r.filter(subject="A"))
        assert len(r.filter(code=["zero-budget", "missing-owner"])) == 2

    def test_json(self) -> None:
        """JSON has the SPEC keys plus a schema version."""
        tree = json.loads(self.report().to_json())
        assert tree["schema"] == SCHEMA
        assert set(tree) == {"schema", "roadmap", "ok", "findings"}
        assert set(tree["findings"][0]) == {"code", "severity", "subjects", "message", "hint"}

    def test_text_groups_by_severity(self) -> None:
        """The terminal view has a summary and one section per severity."""
        text = str(self.report())
        assert text.startswith("Clean: 0 errors, 3 warnings, 1 note")
        assert "\nWarnings (3)\n" in text
        assert "      fix: " in text

    def test_markdown(self) -> None:
        """Markdown has a table per severity and escapes pipes."""
        md = attrs.evolve(self.report(), roadmap="a|b").to_markdown()
        assert md.startswith("# a\\|b\n")
        assert "| Code | Subjects | Finding | Fix |" in md

    def test_html(self) -> None:
        """The notebook view is a table with one row per finding."""
        assert self.report()._repr_html_().count("<tr>") == len(self.report()) + 1

    def test_indonesian(self) -> None:
        """The Indonesian report uses Indonesian headings."""
        text = str(check(initiative(clean(), "A", owner=None), language="id"))
        assert "1 catatan" in text
        assert "Catatan (1)" in text
        assert "saran:" in text


SNAPSHOT = DATA / "check_messages.json"


def test_messages_are_pinned_in_both_languages() -> None:
    """Every rule's message and hint in English and Indonesian equal the reviewed snapshot.

    After a deliberate change of wording, regenerate with
    ``UPDATE_SNAPSHOTS=1 pytest tests/test_checks.py`` and review the diff.
    """
    got = {}
    for code, (make, _) in DEFECTS.items():
        plan = make()
        got[code] = {
            lang: [[f.message, f.hint] for f in check(plan, language=lang).filter(code=code)]
            for lang in ("en", "id")
        }
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n")
    assert got == json.loads(SNAPSHOT.read_text())


def test_rules_are_documented_in_their_order() -> None:
    """docs/reference/checks.md lists every rule with its family and severity, in run order."""
    doc = (Path(__file__).parent.parent / "docs" / "reference" / "checks.md").read_text()
    rows = [
        line.split(" | ")[:3] for line in doc.splitlines() if line.startswith("| ") and "`" in line
    ]
    expected = [
        [f"| {family.__name__.rsplit('.', 1)[1]}", f"`{r.code}`", r.severity]
        for family in FAMILIES for r in family.RULES
    ]  # fmt: skip
    assert rows == expected


def test_finding_to_dict() -> None:
    """A finding serialises with subjects as a list."""
    f = Finding(code="c", severity="info", subjects=("a",), message="m", hint="h")
    assert f.to_dict() == {
        "code": "c",
        "severity": "info",
        "subjects": ["a"],
        "message": "m",
        "hint": "h",
    }


def test_tanjungpinang_findings() -> None:
    """The illustrative plan's planted defects (DOMAIN.md), found.

    2020 over its ceiling, and the 2019-band items SC04, SC05, SC08 and SC09 starting in
    2020, outside their phase.
    """
    plan = rm.load(Path(__file__).parent.parent / "examples" / "tanjungpinang_2019_2023.toml")
    report = check(plan)
    assert [f.subjects for f in report.filter(code="over-ceiling")] == [("2020",)]
    outside = {f.subjects[0] for f in report.filter(code="outside-phase")}
    assert {"SC04", "SC05", "SC08", "SC09"} <= outside


@settings(max_examples=200)
@given(dags(workdays="anywhere", with_deadlines=True))
def test_check_never_raises(plan: Roadmap) -> None:
    """Any plan that loads gets a report, never an exception.

    Fed workdays with and without a calendar, mixed units, total and yearly budgets against
    ceilings, all link types and deadlines.
    """
    report = check(plan, language="id")
    codes = {f.code for f in report}
    stray = plan.calendar is None and any(
        i.span.workdays or any(link.lag.workdays for link in i.links) for i in plan.items
    )
    assert ("workdays-without-calendar" in codes) == stray
    if stray:
        assert not report.ok
        assert "not-scheduled" in codes
    else:
        assert not codes & {"not-scheduled", "cannot-schedule"}


def test_many_items_missing_a_field_make_one_note() -> None:
    """Up to 20 items: a note each; beyond, one note naming the count and all subjects."""
    plan = rm.Roadmap(name="x", start=date(2021, 1, 1), initiatives=[
        rm.Initiative(id=f"A{i}", name="a", duration=1, dimension="Smart Economy")
        for i in range(2_500)])  # fmt: skip
    (note,) = check(plan, language="id").filter(code="missing-owner")
    assert len(note.subjects) == 2_500
    assert note.message.startswith("2.500 kegiatan (A0, A1, ")
    assert "A9, ... (2479 lainnya), A2489" in note.message
    assert note.message.endswith("A2499) belum memiliki penanggung jawab.")
    few = attrs.evolve(plan, initiatives=plan.initiatives[:20])
    assert len(check(few).filter(code="missing-owner")) == 20


def test_funding_split_from_one_text_counts_against_each_ceiling() -> None:
    """With ``funding = "APBD, DAK"`` the APBD ceiling sees the item (it once did not)."""
    plan = attrs.evolve(
        initiative(clean(), "C", funding="APBD, DAK"),
        group_ceilings={"funding": {"APBD": {2020: 500_000_000}}},
    )
    found = check(plan).filter(code="over-ceiling").findings
    assert [f.subjects for f in found] == [("2020", "APBD")]
    assert not check(plan).filter(code="unknown-funding").findings
