"""Tests of roadmap.export.tables: schedule and budget tables in every format."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

import roadmap as rm
from roadmap import Initiative, Roadmap, export
from roadmap._files import atomic_write
from tests.test_table import RISKY

openpyxl = pytest.importorskip("openpyxl")
EXAMPLES = Path(__file__).parent.parent / "examples"
DEMO = Roadmap(
    name="Demo", start=date(2019, 1, 1), ceilings={2019: 80},
    initiatives=[
        Initiative(id="A", name="Master | plan", duration="3 months", budget=90, owner="Bappeda"),
        Initiative(id="B", name="Perwako", duration="1 month", depends_on=["A"], budget=10,
                   owner="Bagian Hukum"),
    ],
)  # fmt: skip


class TestSchedule:
    def test_text(self) -> None:
        """An aligned table under a summary line; critical items starred, names cut."""
        text = export.schedule_text(rm.schedule(DEMO), width=8)
        assert text.splitlines() == [
            "Demo: 2019-01-01 .. 2019-04-30, 2 items, critical path: A -> B",
            "",
            "   id  name      start       finish      slack  free  driving",
            "-  --  --------  ----------  ----------  -----  ----  -------",
            "*  A   Master …  2019-01-01  2019-03-31      0     0",
            "*  B   Perwako   2019-04-01  2019-04-30      0     0  A",
        ]

    def test_markdown(self) -> None:
        """A Markdown table: critical ids in bold, pipes in names escaped, numbers right."""
        lines = export.schedule_markdown(rm.schedule(DEMO)).splitlines()
        assert lines[2:5] == [
            "| id | name | start | finish | slack | free | driving |",
            "| --- | --- | --- | --- | ---: | ---: | --- |",
            "| **A** | Master \\| plan | 2019-01-01 | 2019-03-31 | 0 | 0 |  |",
        ]

    def test_json_is_the_cli_shape(self) -> None:
        """The JSON of SPEC §6: roadmap, start, finish, critical_path, items."""
        tree = json.loads(export.schedule_json(rm.schedule(DEMO)))
        assert list(tree) == ["roadmap", "start", "finish", "critical_path", "items"]
        assert tree["items"][1]["driving"] == ["A"]

    def test_csv_with_a_delimiter(self) -> None:
        """CSV for a spreadsheet whose list separator is ';'."""
        text = export.schedule_csv(rm.schedule(DEMO), dialect="id")
        assert text.startswith("\ufeffKode;Jenis;Nama;Mulai;Selesai")
        assert export.schedule_csv(rm.schedule(DEMO)).startswith("id,kind,name,start,finish")


class TestBudget:
    def test_text_and_markdown(self) -> None:
        """Amounts as Rupiah in the plan's words, the year over its ceiling, a total row."""
        table = rm.budget_by(DEMO)
        assert export.budget_text(table).splitlines() == [
            "tahun   anggaran  pagu  lebih",
            "------  --------  ----  -----",
            "2019       Rp100  Rp80   Rp20",
            "------  --------  ----  -----",
            "jumlah     Rp100",
        ]
        md = export.budget_markdown(rm.budget_by(DEMO, "owner"), language="en").splitlines()
        assert md[0] == "| owner | 2019 | total |"
        assert md[-1] == "| **total** | **IDR 100** | **IDR 100** |"

    def test_json(self) -> None:
        """The JSON of roadmap budget: roadmap, by, currency and the records."""
        tree = json.loads(export.budget_json(rm.budget_by(DEMO), roadmap="Demo", currency="IDR"))
        assert tree["rows"] == [{"year": 2019, "amount": 100, "ceiling": 80, "over": 20}]


def test_csv_guards_formulas() -> None:
    """The schedule's and the budget's CSV guard names too."""
    assert "\n'=1+1," in export.schedule_csv(rm.schedule(RISKY)).replace("A,initiative,", "\n")
    plan = Roadmap(
        name="x", start=date(2019, 1, 1),
        initiatives=[Initiative(id="A", name="a", owner="=cmd", duration=3, budget=5)],
    )  # fmt: skip
    assert "'=cmd,5,5" in export.budget_csv(rm.budget_by(plan, "owner"))


class TestWorkbooks:
    def test_schedule_workbook(self, tmp_path: Path) -> None:
        """Indonesian headers, dates as dates, critical rows in red, frozen header."""
        plan = rm.load(EXAMPLES / "tanjungpinang_2019_2023.toml")
        sched = rm.schedule(plan)
        atomic_write(tmp_path / "s.xlsx", export.schedule_xlsx(sched))
        ws = openpyxl.load_workbook(tmp_path / "s.xlsx").active
        assert ws.title == "Jadwal"
        assert [c.value for c in ws[1]][:5] == ["Kode", "Jenis", "Nama", "Mulai", "Selesai"]
        assert ws.freeze_panes == "A2"
        assert ws.max_row == len(sched) + 1
        first = sched.records()[0]
        assert ws["A2"].value == first["id"]
        assert ws["D2"].value.date() == first["start"]
        assert ws["D2"].number_format == "yyyy-mm-dd"
        crit = next(n for n, r in enumerate(sched.records(), start=2) if r["critical"])
        assert ws[f"J{crit}"].value == "ya"
        assert ws[f"A{crit}"].font.color.rgb.endswith("B00020")

    def test_budget_workbook(self, tmp_path: Path) -> None:
        """Rupiah format, a total row, the year over its ceiling filled red."""
        plan = rm.load(EXAMPLES / "tanjungpinang_2019_2023.toml")
        table = rm.budget_by(plan)
        atomic_write(tmp_path / "b.xlsx", export.budget_xlsx(table))
        ws = openpyxl.load_workbook(tmp_path / "b.xlsx").active
        assert [c.value for c in ws[1]] == ["year", "amount", "ceiling", "over"]
        assert ws["B2"].number_format == '"Rp"#,##0'
        assert ws.cell(ws.max_row, 1).value == "jumlah"
        assert ws.cell(ws.max_row, 2).value == table.total
        over = [r["year"] for r in table.records() if r["over"]]
        assert over
        row = 2 + [r["year"] for r in table.records()].index(over[0])
        assert ws.cell(row, 1).fill.fgColor.rgb.endswith("F8D7DA")
        by = rm.budget_by(plan, "dimension")
        atomic_write(tmp_path / "d.xlsx", export.budget_xlsx(by, language="en"))
        ws = openpyxl.load_workbook(tmp_path / "d.xlsx").active
        assert ws.title == "Budget"
        assert ws.cell(ws.max_row, 1).value == "total"
        assert re.fullmatch(r"\d{4}", str(ws["B1"].value))
