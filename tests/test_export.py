"""Tests of roadmap.export (mermaid, ical): Mermaid gantt charts and iCalendar files."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

import roadmap as rm
from roadmap import Initiative, Milestone, Phase, Roadmap
from roadmap.cli import main

D = date
EXAMPLE = Path(__file__).parent.parent / "examples" / "tanjungpinang_2019_2023.toml"


def plan() -> Roadmap:
    return Roadmap(
        name="Demo; with: odd, names", start=D(2019, 1, 1), language="en",
        phases=[Phase(id="F1", name="Infra", start=D(2019, 1, 1), end=D(2019, 12, 31))],
        initiatives=[
            Initiative(id="A", name="Masterplan: draft", phase="F1", duration="3 months",
                       status="done"),
            Initiative(id="B", name="Perwako #84", phase="F1", duration=30,
                       depends_on=["A"], status="berjalan"),
            Initiative(id="C", name="Training", duration=10,
                       depends_on=[{"id": "A", "type": "SS", "lag": 5}]),
        ],
        milestones=[
            Milestone(id="M", name="Adopted", after="B", phase="F1", deadline=D(2019, 4, 15)),
            Milestone(id="K", name="Kick-off", date=D(2019, 2, 14)),
        ],
    )  # fmt: skip


class TestMermaid:
    def test_sections_links_and_tags(self) -> None:
        """Sections per phase, after links, day counts, tags, and safe names."""
        text = rm.to_mermaid(plan())
        lines = text.splitlines()
        assert lines[:4] == [
            "gantt",
            "    title Demo, with- odd, names",
            "    dateFormat YYYY-MM-DD",
            "    axisFormat %b %Y",
        ]
        assert "    section F1 Infra" in lines
        assert "    Masterplan- draft :done, crit, A, 2019-01-01, 90d" in lines
        assert "    Perwako No.84 :active, crit, B, after A, 30d" in lines
        assert "    Adopted :milestone, crit, M, after B, 0d" in lines
        assert "    section -" in lines  # items without a phase

    def test_dates_are_the_scheduled_days(self) -> None:
        """A task's start and day count give exactly the scheduled interval."""
        text = rm.to_mermaid(plan())
        assert "    Training :C, 2019-01-06, 10d" in text
        assert "    Kick-off :milestone, K, 2019-02-15, 0d" in text  # reached at end of 14th


class TestICal:
    def test_parses_with_icalendar(self) -> None:
        """The icalendar package reads every milestone and deadline as an all-day event."""
        icalendar = pytest.importorskip("icalendar")
        cal = icalendar.Calendar.from_ical(rm.to_ical(plan()))
        events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
        assert set(events) == {
            "M-milestone@demo-with-odd-names.roadmap",
            "M-deadline@demo-with-odd-names.roadmap",
            "K-milestone@demo-with-odd-names.roadmap",
        }
        m = events["M-milestone@demo-with-odd-names.roadmap"]
        assert m["DTSTART"].dt == rm.schedule(plan())["M"].finish
        assert str(events["M-deadline@demo-with-odd-names.roadmap"]["SUMMARY"]).startswith(
            "Deadline: Adopted ("
        )
        odd = Roadmap(
            name="x",
            start=D(2019, 1, 1),
            milestones=[Milestone(id="Q", name="Rapat; evaluasi, tahap\\1")],
        )
        (event,) = icalendar.Calendar.from_ical(rm.to_ical(odd)).walk("VEVENT")
        assert str(event["SUMMARY"]) == "Rapat; evaluasi, tahap\\1"  # escaped and read back

    def test_stable_folded_and_escaped(self) -> None:
        """Same bytes on every run; CRLF lines of at most 75 octets; TEXT escaped."""
        long = attrs_evolve_name(
            plan(),
            "Peta Jalan Smart City Kota Tanjungpinang — "
            "Rencana Induk dan Évaluasi, tahap 2019-2023; ilustrasi",
        )
        text = rm.to_ical(long)
        assert text == rm.to_ical(long)
        assert text.endswith("\r\n")
        for line in text.split("\r\n"):
            assert len(line.encode("utf-8")) <= 75
        assert "\\;" in text
        assert "\\," in text
        unfolded = text.replace("\r\n ", "")
        assert "X-WR-CALNAME:Peta Jalan Smart City Kota Tanjungpinang — Rencana Induk " in unfolded


def attrs_evolve_name(p: Roadmap, name: str) -> Roadmap:
    import attrs

    return attrs.evolve(p, name=name)


class TestCli:
    @pytest.mark.parametrize("fmt", ["json", "toml", "yaml", "csv", "xlsx"])
    def test_plan_formats_round_trip(self, tmp_path: Path, fmt: str) -> None:
        """The export command writes the same plan as JSON, TOML, YAML, CSV and XLSX."""
        out = tmp_path / f"plan.{fmt}"
        assert main(["export", str(EXAMPLE), "--to", fmt, "-o", str(out)]) == 0
        assert rm.load(out) == rm.load(EXAMPLE)

    def test_mspdi(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """MS Project XML to standard output or a file; read back, it schedules the same."""
        assert main(["export", str(EXAMPLE), "--to", "mspdi"]) == 0
        assert "<Project xmlns=" in capsys.readouterr().out
        out = tmp_path / "plan.xml"
        assert main(["export", str(EXAMPLE), "--to", "mspdi", "-o", str(out)]) == 0
        assert rm.schedule(rm.load(out)).finish == rm.schedule(rm.load(EXAMPLE)).finish

    def test_files_need_an_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A workbook cannot go to the terminal."""
        assert main(["export", str(EXAMPLE), "--to", "xlsx"]) == 2
        assert "give the output file with -o" in capsys.readouterr().err

    def test_mermaid_and_ics(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Mermaid to standard output, iCalendar to a file."""
        assert main(["export", str(EXAMPLE), "--to", "mermaid"]) == 0
        assert capsys.readouterr().out.startswith("gantt\n")
        assert main(["export", str(EXAMPLE), "--to", "ics", "-o", str(tmp_path / "m.ics")]) == 0
        assert (tmp_path / "m.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")

    def test_cycle_is_exit_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A plan that cannot be scheduled names the file."""
        bad = tmp_path / "c.json"
        bad.write_text(
            json.dumps(
                {
                    "roadmap": {"name": "c", "start": "2019-01-01"},
                    "milestones": [
                        {"id": "a", "name": "a", "after": "b"},
                        {"id": "b", "name": "b", "after": "a"},
                    ],
                }
            )
        )
        assert main(["export", str(bad), "--to", "ics"]) == 2
        assert f"{bad}: dependency cycle" in capsys.readouterr().err


class TestSaveEveryFormat:
    def test_mspdi_to_a_path_and_a_stream(self, tmp_path: Path) -> None:
        """roadmap.save writes MS Project XML (it needs the schedule); rm.load reads it back."""
        plan = rm.load(Path(__file__).parent.parent / "examples" / "small_plan.toml")
        rm.save(plan, tmp_path / "p.xml")
        assert rm.schedule(rm.load(tmp_path / "p.xml")).finish == rm.schedule(plan).finish
        buf = io.StringIO()
        rm.save(plan, buf, format="mspdi")
        assert buf.getvalue() == (tmp_path / "p.xml").read_text() == rm.dumps(plan, "mspdi")

    def test_io_knows_plans_not_schedules(self, tmp_path: Path) -> None:
        """roadmap.io cannot write MSPDI (no schedule there) and says what can."""
        from roadmap import io as plan_io

        plan = rm.load(Path(__file__).parent.parent / "examples" / "small_plan.toml")
        with pytest.raises(rm.RoadmapError, match=r"write it with roadmap.save\(\)"):
            plan_io.save(plan, tmp_path / "p.xml")
        with pytest.raises(rm.RoadmapError, match="scheduled dates"):
            plan_io.dumps(plan, "mspdi")
        assert not (tmp_path / "p.xml").exists()


HOSTILE_NAMES = [
    "section Injected", "click A href \"javascript:alert(1)\"", "%%{init: {'securityLevel': "
    "'loose'}}%%", "title Other", "dateFormat DD", "<script>alert(1)</script>", "a ; b # c",
    "Excludes weekends", "%% comment",
]  # fmt: skip


def test_mermaid_names_start_no_statement() -> None:
    """A name is a task name, never a Mermaid statement, comment or directive (issue 17)."""
    items = [Initiative(id=f"A{k}", name=name, duration=5, phase="F1")
             for k, name in enumerate(HOSTILE_NAMES)]  # fmt: skip
    plan = Roadmap(name="%%{init: {'theme': 'dark'}}%%", start=D(2019, 1, 1), initiatives=items,
                   phases=[Phase(id="F1", name="click F1 call evil()")])  # fmt: skip
    text = rm.to_mermaid(plan)
    lines = text.splitlines()
    assert lines[0] == "gantt"
    statements = [line.strip().split()[0] for line in lines[1:]]
    # Ours only: the title, the formats, the one section; every other line is a task.
    assert statements[:3] == ["title", "dateFormat", "axisFormat"]
    assert statements.count("section") == 1
    assert not any(s.lower() in ("click", "call", "excludes") or s.startswith("%")
                   for s in statements)  # fmt: skip
    assert "%%" not in text
    tasks = [line for line in lines[4:] if not line.strip().startswith("section ")]
    assert len(tasks) == len(HOSTILE_NAMES)
    assert all(t.endswith(", 2019-01-01, 5d") for t in tasks)


def test_ical_hostile_names() -> None:
    """Names that a calendar could take for syntax come back as they were (issue 17)."""
    icalendar = pytest.importorskip("icalendar")
    names = ["<script>alert(1)</script>", "a;b,c\\d", "END:VEVENT", "BEGIN:VCALENDAR x",
             "Évaluasi — tahap 2 " * 6, "DTSTART:20190101"]  # fmt: skip
    plan = Roadmap(name="x; y", start=D(2019, 1, 1), milestones=[
        Milestone(id=f"M{k}", name=name, date=D(2019, 2, k + 1)) for k, name in enumerate(names)
    ])  # fmt: skip
    text = rm.to_ical(plan)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    lines = text.split("\r\n")  # a name is never a line of its own
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == len(names)
    assert lines.count("BEGIN:VCALENDAR") == 1
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in events) == sorted(names)


def test_ical_escapes_what_a_hand_built_object_holds() -> None:
    """A bare CR and other control characters never reach the file raw.

    The model refuses them; an object changed behind its back still cannot break a line.
    """
    item = Milestone(id="M", name="x", date=D(2019, 2, 1))
    object.__setattr__(item, "name", "a\rb\nc\x1bd\x00e")  # past the validation
    text = rm.to_ical(Roadmap(name="x", start=D(2019, 1, 1), milestones=[item]))
    assert "SUMMARY:a\\nb\\ncde\r\n" in text
    assert "\x1b" not in text
    assert "\x00" not in text
