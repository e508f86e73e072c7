"""Tests of roadmap.io._mspdi: MS Project XML export and import."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings

import roadmap as rm
from roadmap import Calendar, Dependency, Initiative, Milestone, Phase, PlanFileError, Roadmap
from roadmap.export import to_mspdi
from tests.strategies import dags

pytest.importorskip("defusedxml")

DATA = Path(__file__).resolve().parent / "data" / "mspdi"
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "tanjungpinang_2019_2023.toml"

LINKED = Roadmap(
    name="Links",
    start=date(2019, 1, 1),
    phases=[Phase(id="F1", name="Fase 1", start="2019-01-01", end="2019-12-31")],
    initiatives=[
        Initiative(id="A", name="Kajian", phase="F1", duration="3 months", start="2019-02-01",
                   budget={2019: 100, 2020: 50}, funding=["APBD", "DAK"], owner="Bappeda",
                   dimension="Smart Governance", progress=0.25, description="catatan"),
        Initiative(id="B", name="Perda", phase="F1", duration="6 weeks",
                   depends_on=[Dependency.parse("A SS+1 month")], deadline="2019-12-31"),
        Initiative(id="C", name="Sosialisasi", duration=10,
                   depends_on=[Dependency.parse("B FF-5 days"), Dependency.parse("A SF+2 weeks")]),
        Initiative(id="D", name="Mixed lag", duration=4,
                   depends_on=[Dependency.parse("C +1 month")]),
    ],
    milestones=[
        Milestone(id="M1", name="Ditetapkan", after="B"),
        Milestone(id="M2", name="Peluncuran", date="2019-11-01", deadline="2019-11-30"),
    ],
)  # fmt: skip
WORKDAYS = Roadmap(
    name="Working days",
    start=date(2019, 1, 1),
    calendar=Calendar(weekend=["fri", "sat"], holidays=["2019-01-10", "2019-02-05"]),
    initiatives=[
        Initiative(id="A", name="a", duration="10 workdays"),
        Initiative(id="B", name="b", duration="2 weeks",
                   depends_on=[Dependency.parse("A +3 workdays")]),
        Initiative(id="C", name="c", duration="1 month",
                   depends_on=[Dependency.parse("B SS+1 week")]),
    ],
)  # fmt: skip


def round_trip(plan: Roadmap, tmp_path: Path) -> Roadmap:
    path = tmp_path / "plan.xml"
    rm.save(plan, path)
    return rm.load(path)


def links(item: Initiative | Milestone) -> set[tuple[str, str, rm.Duration]]:
    return {(link.id, link.type, link.lag) for link in item.links}


@pytest.mark.parametrize(
    "plan", [LINKED, WORKDAYS, rm.load(EXAMPLE)], ids=["links", "workdays", "example"]
)
def test_export_import_keeps_tasks_dates_links_and_lags(plan: Roadmap, tmp_path: Path) -> None:
    """Every item comes back with its kind, name, phase, duration, links, lags, dates."""
    back = round_trip(plan, tmp_path)
    assert [p.id for p in back.phases] == [p.id for p in plan.phases]
    assert {i.id for i in back.items} == {i.id for i in plan.items}
    a, b = rm.schedule(plan), rm.schedule(back)
    for item in plan.items:
        other = back[item.id]
        assert isinstance(other, type(item))
        assert (other.name, other.phase, other.deadline) == (item.name, item.phase, item.deadline)
        assert links(other) == links(item)
        assert (b[item.id].start, b[item.id].finish) == (a[item.id].start, a[item.id].finish)
        if isinstance(item, Initiative):
            assert isinstance(other, Initiative)
            assert other.duration == item.duration
            assert other.start == item.start
            assert other.budget == item.budget
            assert (other.owner, other.dimension, other.funding) == (
                item.owner, item.dimension, item.funding,
            )  # fmt: skip
            assert other.progress == item.progress
        else:
            assert isinstance(other, Milestone)
            assert other.date == item.date
    assert back.calendar == plan.calendar or plan.calendar is None


def test_export_shape() -> None:
    """Outline by phase, link types and lag units as MSPDI defines them, costs in cents."""
    xml = to_mspdi(LINKED)
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Project')
    assert 'xmlns="http://schemas.microsoft.com/project"' in xml
    tasks = re.findall(r"<Task>.*?</Task>", xml, re.S)
    first = tasks[1]
    assert "<Name>Fase 1</Name>" in first
    assert "<OutlineLevel>1</OutlineLevel>" in first
    assert "<Summary>1</Summary>" in first
    a = next(t for t in tasks if "<Name>Kajian</Name>" in t)
    assert "<OutlineLevel>2</OutlineLevel>" in a
    assert "<ConstraintType>4</ConstraintType>" in a
    assert "<ConstraintDate>2019-02-01T08:00:00</ConstraintDate>" in a
    assert "<Cost>15000</Cost>" in a
    assert "<PercentComplete>25</PercentComplete>" in a
    b = next(t for t in tasks if "<Name>Perda</Name>" in t)
    # SS (3) with one month: 30 days of 480 minutes, in tenths of a minute, format mo (11)
    assert re.search(r"<Type>3</Type>.*<LinkLag>144000</LinkLag>\s*<LagFormat>11</LagFormat>",
                     b, re.S)  # fmt: skip
    assert "<Deadline>2019-12-31T17:00:00</Deadline>" in b
    c = next(t for t in tasks if "<Name>Sosialisasi</Name>" in t)
    assert re.search(r"<Type>0</Type>.*<LinkLag>-24000</LinkLag>\s*<LagFormat>7</LagFormat>",
                     c, re.S)  # fmt: skip
    assert re.search(r"<Type>2</Type>.*<LinkLag>67200</LinkLag>\s*<LagFormat>9</LagFormat>",
                     c, re.S)  # fmt: skip
    m = next(t for t in tasks if "<Name>Ditetapkan</Name>" in t)
    assert "<Milestone>1</Milestone>" in m
    assert "<Duration>PT0H0M0S</Duration>" in m
    assert to_mspdi(LINKED) == xml  # the same plan, the same bytes


@pytest.mark.parametrize(
    "name", ["task-links-project2019-mspdi.xml", "task-durations-project2019-mspdi.xml",
             "mspdirelations.xml"],
)  # fmt: skip
def test_files_written_by_ms_project(name: str) -> None:
    """Scheduling an MS Project file gives the dates MS Project wrote, task by task.

    Tasks with elapsed durations start at 08:00 in MS Project and so end a day later than
    roadmap's whole days; a finish-to-start link into Monday ends a task on Monday 08:00 in
    MS Project and at the end of Sunday here. Both are left out.
    """
    plan = rm.load(DATA / name)
    sched = rm.schedule(plan)
    text = (DATA / name).read_text(encoding="utf-8")
    compared = 0
    for task in re.findall(r"<Task>.*?</Task>", text, re.S):

        def get(tag: str, task: str = task) -> str:
            m = re.search(f"<{tag}>(.*?)</{tag}>", task)
            return m[1] if m else ""

        if get("Summary") == "1" or get("IsNull") == "1" or get("DurationFormat") in (
            "8", "10", "12", "40", "42", "44",
        ):  # fmt: skip
            continue
        if get("Finish")[11:16] == "08:00":
            continue
        s = sched[f"T{get('ID')}"]
        assert (str(s.start), str(s.finish)) == (get("Start")[:10], get("Finish")[:10]), get("Name")
        compared += 1
    assert compared >= 4


def test_entity_bomb_is_refused(tmp_path: Path) -> None:
    """A billion-laughs document is refused before any entity is expanded."""
    lol = "".join(f'<!ENTITY l{k} "{f"&l{k - 1};" * 10}">' for k in range(1, 10))
    path = tmp_path / "bomb.xml"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY l0 "lol">{lol}]>'
        '<Project xmlns="http://schemas.microsoft.com/project"><Name>&l9;</Name></Project>'
    )
    with pytest.raises(PlanFileError, match="refused: the XML declares a DTD or entities"):
        rm.load(path)


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        ("<Project", "not well-formed XML"),
        ("<Plan/>", "not an MS Project XML file: the root element is <Plan>"),
        ('<Project xmlns="http://schemas.microsoft.com/project"><Tasks><Task><UID>1</UID><ID>1'
         "</ID><Name>a</Name><Start>2019-01-01T08:00:00</Start><PredecessorLink>"
         "<PredecessorUID>9</PredecessorUID></PredecessorLink></Task></Tasks></Project>",
         "Tasks/Task[UID=1]/PredecessorLink: links to task UID 9, which is not in the file"),
        ('<Project xmlns="http://schemas.microsoft.com/project"><Tasks><Task><UID>1</UID>'
         "<Start>2019-01-01T08:00:00</Start><PredecessorLink><PredecessorUID>1</PredecessorUID>"
         "<LinkLag>soon</LinkLag></PredecessorLink></Task></Tasks></Project>",
         "PredecessorLink/LinkLag: <LinkLag> must be a number, got 'soon'"),
        ('<Project xmlns="http://schemas.microsoft.com/project"><Tasks><Task><UID>1</UID>'
         "<Start>1st of May</Start></Task></Tasks></Project>",
         "Tasks/Task[UID=1]/Start: <Start> must be a date-time"),
    ],
)  # fmt: skip
def test_malformed(tmp_path: Path, xml: str, expected: str) -> None:
    """Errors name the file and the element."""
    path = tmp_path / "p.xml"
    path.write_text(xml)
    with pytest.raises(PlanFileError) as err:
        rm.load(path)
    assert str(err.value).startswith(f"{path}")
    assert expected in str(err.value)


def _mpxj() -> object:
    if shutil.which("java") is None:
        pytest.skip("MPXJ needs Java")
    pytest.importorskip("mpxj")
    jpype = pytest.importorskip("jpype")
    if not jpype.isJVMStarted():
        jpype.startJVM()
    from org.mpxj.reader import UniversalProjectReader  # type: ignore[import-not-found]

    return UniversalProjectReader()


def test_mpxj_reads_the_export(tmp_path: Path) -> None:
    """MPXJ, the reader behind many planning tools, sees our tasks, links, lags and costs."""
    reader: object = _mpxj()
    plan = rm.load(EXAMPLE)
    rm.save(LINKED, tmp_path / "links.xml")
    rm.save(plan, tmp_path / "example.xml")
    project = reader.read(str(tmp_path / "links.xml"))  # type: ignore[attr-defined]
    tasks = {str(t.getName()): t for t in project.getTasks()}
    a, b, c = tasks["Kajian"], tasks["Perda"], tasks["Sosialisasi"]
    assert str(a.getStart()) == "2019-02-01T08:00"
    assert str(a.getConstraintType()) == "START_NO_EARLIER_THAN"
    assert float(a.getCost().doubleValue()) == 150.0
    assert int(a.getOutlineLevel()) == 2
    assert bool(tasks["Ditetapkan"].getMilestone())
    [link] = b.getPredecessors()
    assert (str(link.getType()), str(link.getLag())) == ("SS", "1.0mo")
    kinds = {(str(r.getType()), str(r.getLag())) for r in c.getPredecessors()}
    assert kinds == {("FF", "-5.0d"), ("SF", "2.0w")}
    project = reader.read(str(tmp_path / "example.xml"))  # type: ignore[attr-defined]
    sched = rm.schedule(plan)
    seen = 0
    for t in project.getTasks():
        name = str(t.getName())
        item = next((i for i in plan.items if i.name == name), None)
        if item is None:
            continue
        assert str(t.getStart())[:10] == str(sched[item.id].start)
        assert str(t.getFinish())[:10] == str(sched[item.id].finish)
        seen += 1
    assert seen == len(plan.items)


def test_the_multi_year_mark_survives_ms_project() -> None:
    """Export then import once lost ``multi_year`` (issue 11); Text7 now carries it."""
    import roadmap as rm
    from roadmap import Initiative, Roadmap

    plan = Roadmap(name="x", start="2019-01-01", initiatives=[
        Initiative(id="A", name="a", duration="2 years", multi_year=True,
                   budget={2019: 1, 2020: 2}),
        Initiative(id="B", name="b", duration="1 year"),
    ])  # fmt: skip
    back = rm.loads(rm.dumps(plan, "mspdi"), "mspdi")
    assert [i.multi_year for i in back.initiatives] == [True, False]


STATUS = EXAMPLE.with_name("tanjungpinang_status_2021.toml")


def test_export_import_gives_the_same_plan() -> None:
    """Every field without a home in MSPDI travels in Text8: the plan comes back equal.

    Tags, status, notes, budgets per source and stated totals, ranges, risks, ceilings,
    capacity, realisation, a finish instead of a duration, lags MSPDI cannot hold exactly
    (``P1Y2M`` in a plan with a calendar), and the plan's order.
    """
    from tests.test_io import FULL

    for plan in (FULL, rm.load(EXAMPLE), rm.load(STATUS)):
        assert rm.loads(to_mspdi(plan), "mspdi") == plan


@settings(max_examples=60, deadline=None)
@given(dags(with_deadlines=True))
def test_random_plans_come_back_equal(plan: Roadmap) -> None:
    """Issue 17 measured 61-75 of 300 random plans changed by 1-3 days; now none change."""
    try:
        xml = to_mspdi(plan)
    except rm.RoadmapError:  # a plan that cannot be scheduled cannot be exported
        return
    assert rm.loads(xml, "mspdi") == plan


def _edit(xml: str, uid: int, tag: str, value: str) -> str:
    """*xml* with the element *tag* of task *uid* set to *value*, as MS Project would."""
    before, tasks, after = xml.partition("<Tasks>")
    head, _, rest = after.partition(f"<UID>{uid}</UID>")
    body, end, tail = rest.partition("</Task>")
    changed = re.sub(rf"<{tag}>[^<]*</{tag}>", f"<{tag}>{value}</{tag}>", body, count=1)
    assert changed != body
    return before + tasks + head + f"<UID>{uid}</UID>" + changed + end + tail


def test_what_ms_project_changed_wins_over_text8() -> None:
    """Progress and links edited in MS Project are read from MS Project, not Text8."""
    plan = Roadmap(name="x", start="2019-01-01", initiatives=[
        Initiative(id="A", name="a", duration="2 months", progress=0.333),
        Initiative(id="B", name="b", duration="1 month", depends_on=[
            Dependency(id="A", lag="P1M10D")]),
    ])  # fmt: skip
    xml = to_mspdi(plan)
    assert rm.loads(xml, "mspdi") == plan  # 0.333, and the lag of a month and ten days
    edited = _edit(xml, 1, "PercentComplete", "50")
    edited = _edit(edited, 2, "Type", "3")  # FS -> SS in MS Project
    back = rm.loads(edited, "mspdi")
    assert back["A"].progress == 0.5
    assert [(d.id, d.type) for d in back["B"].depends_on] == [("A", "SS")]


def test_a_text8_cut_by_ms_project_is_named() -> None:
    """MS Project keeps 255 characters of a text field: a cut Text8 is left out and listed."""
    plan = Roadmap(name="x", start="2019-01-01", language="en", initiatives=[
        Initiative(id="A", name="a", duration="2 months", tags=["t" * 100, "u" * 200]),
    ])  # fmt: skip
    xml = to_mspdi(plan)
    cut = re.sub(r'(<Value>\{"tags".{200})[^<]*(</Value>)', r"\1\2", xml)
    assert cut != xml
    back = rm.loads(cut, "mspdi")
    assert back["A"].tags == ()
    assert back.ignored == ("Text8 of task 'A'",)
    (finding,) = rm.check(back).filter(code="ignored-sheet").findings
    assert finding.message.startswith("the roadmap fields of task 'A' (Text8) could not be read")
