"""Tests of roadmap.io._table: CSV and XLSX plans, the template, schedule and budget workbooks."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings

import roadmap as rm
from roadmap import Dependency, Initiative, Milestone, PlanFileError, Roadmap
from roadmap.io import write_template
from tests.strategies import dags
from tests.test_io import FULL

openpyxl = pytest.importorskip("openpyxl")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
RISKY = Roadmap(
    name='=HYPERLINK("http://x")',
    start=date(2019, 1, 1),
    initiatives=[
        Initiative(id="A", name="=1+1", owner="+62 811", description="@SUM(A1)", duration=3),
        Initiative(
            id="B", name="-minus", duration="2 weeks", depends_on=[Dependency.parse("A FF-1 day")]
        ),
    ],
)


def every_plan() -> list[Roadmap]:
    return [FULL, RISKY, rm.load(EXAMPLES / "tanjungpinang_2019_2023.toml"),
            rm.load(EXAMPLES / "defects_demo.toml")]  # fmt: skip


class TestRoundTrip:
    @pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
    @pytest.mark.parametrize("k", range(4))
    def test_every_field_survives(self, tmp_path: Path, suffix: str, k: int) -> None:
        """TOML -> XLSX/CSV -> TOML gives the same plan and the same TOML text."""
        plan = every_plan()[k]
        path = tmp_path / f"plan{suffix}"
        rm.save(plan, path)
        back = rm.load(path)
        assert back == plan
        assert rm.dumps(back) == rm.dumps(plan)

    @pytest.mark.parametrize("fmt", ["xlsx", "csv"])
    @settings(max_examples=25, deadline=None)
    @given(plan=dags(with_deadlines=True))
    def test_random_plans(self, plan: Roadmap, fmt: str) -> None:
        """Random plans survive a workbook and a CSV file set."""
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            rm.save(plan, Path(tmp) / f"p.{fmt}")
            assert rm.load(Path(tmp) / f"p.{fmt}") == plan

    def test_csv_side_files(self, tmp_path: Path) -> None:
        """A CSV plan is items, roadmap, phases and ceilings files; stale ones are removed."""
        (tmp_path / "plan.phases.csv").write_text("id,name\nOLD,Old phase\n")
        rm.save(RISKY, tmp_path / "plan.csv")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.csv", "plan.roadmap.csv"]
        rm.save(FULL, tmp_path / "plan.csv")
        names = sorted(p.name for p in tmp_path.iterdir())
        assert names == ["plan.budgets.csv", "plan.ceilings.csv", "plan.correlations.csv",
                         "plan.csv", "plan.phases.csv", "plan.risks.csv",
                         "plan.roadmap.csv"]  # fmt: skip
        budgets = (tmp_path / "plan.budgets.csv").read_text().splitlines()
        assert budgets[:3] == ["item,year,funding,amount", "SC04,,APBD,300000000",
                               "SC04,,DAK,200000000"]  # fmt: skip
        risks = (tmp_path / "plan.risks.csv").read_text().splitlines()
        assert risks[0] == "id,name,probability,items,delay,cost,owner,description"
        assert risks[1].startswith("R1,Tender gagal,0.3,SC01; SC02,1 month; 3 months,")
        ceilings = (tmp_path / "plan.ceilings.csv").read_text()
        assert ceilings.splitlines()[0] == "group,name,2019,2020"
        assert ",,5000000000,8000000000" in ceilings
        assert "funding,APBD,4000000000," in ceilings

    def test_a_bad_risk_cell_is_named_by_sheet_row_and_column(self, tmp_path: Path) -> None:
        path = tmp_path / "plan.xlsx"
        rm.save(FULL, path)
        book = openpyxl.load_workbook(path)
        book["Risiko"]["C3"] = "sering"
        book.save(path)
        with pytest.raises(PlanFileError) as err:
            rm.load(path)
        assert str(err.value) == (
            f"{path}, sheet Risiko, row 3, column probability (C): expected a probability "
            "such as 0.3, 0,3 or 30%, got 'sering'"
        )

    def test_items_alone(self, tmp_path: Path) -> None:
        """Without a roadmap file the name is the file's and the start the earliest date."""
        (tmp_path / "kegiatan.csv").write_text(
            "id,name,start,duration,depends_on\nA,Kajian,2019-03-01,3 bulan,\nB,Perda,,2 bulan,A\n"
        )
        plan = rm.load(tmp_path / "kegiatan.csv")
        assert plan.name == "kegiatan"
        assert plan.start == date(2019, 3, 1)
        assert rm.schedule(plan)["B"].finish == date(2019, 7, 31)


class TestFormulaInjection:
    def test_csv_guards_and_restores(self, tmp_path: Path) -> None:
        """Text a spreadsheet would run gets a leading quote in CSV; reading removes it."""
        rm.save(RISKY, tmp_path / "p.csv")
        text = (tmp_path / "p.csv").read_text()
        assert "'=1+1" in text
        assert "'+62 811" in text
        assert "'@SUM(A1)" in text
        assert "'-minus" in text
        assert "'=HYPERLINK" in (tmp_path / "p.roadmap.csv").read_text()
        assert rm.load(tmp_path / "p.csv") == RISKY

    def test_xlsx_keeps_text_as_text(self, tmp_path: Path) -> None:
        """No cell of the workbook is a formula."""
        rm.save(RISKY, tmp_path / "p.xlsx")
        book = openpyxl.load_workbook(tmp_path / "p.xlsx")
        cells = [c for ws in book for row in ws.iter_rows() for c in row if c.value is not None]
        assert all(c.data_type != "f" for c in cells)
        assert "=1+1" in [c.value for c in cells]


def workbook(tmp_path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    return path


HEAD = ["id", "name", "start", "duration", "depends_on"]


class TestErrors:
    @pytest.mark.parametrize(
        ("rows", "expected"),
        [
            ([["A", "x", "2019-02-30", "3 bulan", None]],
             "row 2, column start (C): invalid date"),
            ([["A", "x", date(2019, 1, 1), "3 parsecs", None]], "row 2, column duration (D)"),
            ([["A", "x", date(2019, 1, 1), "3 bulan", None], ["A", "y", None, "3 bulan", None]],
             "row 3, column id (A): duplicate id 'A'"),
            ([["A", "x", date(2019, 1, 1), "3 bulan", "B SS+"]], "row 2, column depends_on (E)"),
            ([["A", "x", date(2019, 1, 1), "3 bulan", "Z"]],
             "row 2, column depends_on (E): item 'A' depends on unknown item 'Z'"),
            ([["A", "x", date(2019, 1, 1), 3, None]], "row 2, column duration (D): a bare number "
             "3 in a duration column: write '3 bulan' or '3 hari', or name the unit in the "
             "header, e.g. 'durasi (bulan)'"),
            ([["A", "x", date(2019, 1, 1), "3,5 bulan", None]], "row 2, column duration (D): "
             "cannot read duration '3,5 bulan': 3,5 months is not a whole number of months"),
        ],
    )  # fmt: skip
    def test_items(self, tmp_path: Path, rows: list[list[object]], expected: str) -> None:
        """Every error names the file, the sheet, the row and the column."""
        path = workbook(tmp_path, {"Items": [HEAD, *rows]})
        with pytest.raises(PlanFileError) as err:
            rm.load(path)
        assert str(err.value).startswith(f"{path}, sheet Items, ")
        assert expected in str(err.value)

    def test_header_and_sheets(self, tmp_path: Path) -> None:
        """Unknown columns are errors; other sheets are left out and listed by check()."""
        path = workbook(tmp_path, {"Items": [["id", "nmae"], ["A", "x"]]})
        with pytest.raises(PlanFileError, match=r"row 1, column nmae \(B\): unknown column"):
            rm.load(path)
        path = workbook(tmp_path, {"Items": [HEAD, ["A", "x", date(2019, 1, 1), "3 bulan"]],
                                   "Phase": [["id"]], "Catatan": [["apa saja"]]})  # fmt: skip
        plan = rm.load(path)
        assert plan.ignored == ("Phase", "Catatan")
        found = rm.check(plan, language="en").filter(code="ignored-sheet").findings
        assert [f.message for f in found] == [
            "the sheet 'Phase' is not a plan sheet and was not read; did you mean 'Phases'?",
            "the sheet 'Catatan' is not a plan sheet and was not read.",
        ]
        path = workbook(tmp_path, {"Phases": [["id", "name"]]})
        with pytest.raises(PlanFileError, match="no Items sheet"):
            rm.load(path)
        path = workbook(tmp_path, {"Items": [["id", "name", "x"], ["A", "b", 1, "stray"]]})
        with pytest.raises(PlanFileError, match=r"row 1, column x \(C\): unknown column"):
            rm.load(path)

    def test_twenty_bad_cells_in_one_run_in_row_order(self, tmp_path: Path) -> None:
        """Every bad cell of the workbook is reported at once, by row then column."""
        rows: list[list[object]] = [[*HEAD, "budget"]]
        bad: list[tuple[int, str]] = []
        for n in range(2, 30):
            row: list[object] = [f"A{n:02d}", f"x{n}", date(2019, 1, 1), "3 bulan", None, 1]
            if n % 3 == 0:
                row[3] = "3 parsec"
                bad.append((n, "duration (D)"))
            if n % 4 == 0:
                row[5] = "banyak"
                bad.append((n, "budget (F)"))
            if n % 7 == 0:
                row[2] = "31/02/2019"
                bad.append((n, "start (C)"))
            rows.append(row)
        bad.sort(key=lambda rc: (rc[0], "CDF".index(rc[1][-2])))
        assert len(bad) == 20
        path = workbook(tmp_path, {"Items": rows})
        with pytest.raises(PlanFileError) as info:
            rm.load(path)
        assert [(e.row, e.column) for e in info.value.errors] == bad
        lines = str(info.value).splitlines()
        assert len(lines) == 20
        assert lines[0].startswith(f"{path}, sheet Items, row 3, column")

    def test_a_row_with_a_bad_cell_echoes_nothing(self, tmp_path: Path) -> None:
        """A bad start leaves no 'no start' or 'needs a duration' echo behind; links hint."""
        path = workbook(
            tmp_path,
            {
                "Items": [
                    HEAD,
                    ["A01", "a", "kemarin", "3 bulan", None],
                    ["A02", "b", date(2019, 1, 1), "3 bln", "A1"],
                ]
            },
        )
        with pytest.raises(PlanFileError) as info:
            rm.load(path)
        assert [e.reason.split(";")[0] for e in info.value.errors] == [
            "expected a date, got 'kemarin'",
            "item 'A02' depends on unknown item 'A1'",
        ]
        assert "did you mean 'A01'?" in str(info.value)

    def test_kind_columns(self, tmp_path: Path) -> None:
        """A milestone row with a duration is refused at that cell."""
        path = workbook(
            tmp_path,
            {
                "Items": [
                    ["kind", "id", "name", "date", "duration"],
                    ["milestone", "M", "x", date(2019, 1, 1), 3],
                ]
            },
        )
        with pytest.raises(PlanFileError, match=r"row 2, column duration \(E\): this column is "
                           "for initiatives; this row is a milestone"):  # fmt: skip
            rm.load(path)
        path = workbook(tmp_path, {"Items": [["kind", "id", "name"], ["tugas", "M", "x"]]})
        with pytest.raises(PlanFileError, match=r"column kind \(A\): unknown kind 'tugas'"):
            rm.load(path)

    def test_other_sheets(self, tmp_path: Path) -> None:
        """Phases, ceilings and roadmap errors point at their own sheet and row."""
        items = [["id", "name", "duration (bulan)"], ["A", "a", 3]]
        path = workbook(tmp_path, {"Items": items, "Roadmap": [["key", "value"],
                                   ["start", "2019-01-01"], ["language", "jv"]]})  # fmt: skip
        with pytest.raises(PlanFileError, match=r"sheet Roadmap, row 3, column value \(B\): "
                           "language must be 'id' or 'en'"):  # fmt: skip
            rm.load(path)
        path = workbook(tmp_path, {"Items": items, "Ceilings": [["group", "name", "2019"],
                                   ["sumber", "APBD", 5]]})  # fmt: skip
        with pytest.raises(PlanFileError, match=r"sheet Ceilings, row 2, column group \(A\)"):
            rm.load(path)
        path = workbook(tmp_path, {"Items": items, "Phases": [["id", "name", "start", "end"],
                                   ["F1", "f", "kemarin", date(2019, 1, 1)]]})  # fmt: skip
        with pytest.raises(PlanFileError, match=r"sheet Phases, row 2, column start \(C\)"):
            rm.load(path)

    def test_csv(self, tmp_path: Path) -> None:
        """CSV errors name the file, the row and the column; not UTF-8 is explained."""
        path = tmp_path / "p.csv"
        path.write_text("id,name,start\nA,a,2019-01-01\nB,b,kemarin\n")
        with pytest.raises(PlanFileError, match=r"p.csv, row 3, column start: expected a date"):
            rm.load(path)
        path.write_bytes("id,name\nA,Pelatihan \xb7 ASN\n".encode("latin-1"))
        with pytest.raises(PlanFileError, match=r"row 2: the file is not UTF-8"):
            rm.load(path)
        (tmp_path / "x.xlsx").write_text("not a workbook")
        with pytest.raises(PlanFileError, match="not a valid Excel workbook"):
            rm.load(tmp_path / "x.xlsx")


def test_indonesian_spreadsheet_conventions(tmp_path: Path) -> None:
    """A CSV saved by Excel in Indonesian: ';' separators, 2.500.000.000, 01/03/2019, 40%."""
    path = tmp_path / "p.csv"
    path.write_text(
        "kind;id;name;start;duration;budget;progress;multi_year;date;after\n"
        "kegiatan;A;Kajian;01/03/2019;3 bulan;Rp 2.500.000.000;40%;ya;;\n"
        "tonggak;M;Selesai;;;;;;;A\n"
        ";N;Diresmikan;;;;;;1 Juli 2019;\n",
        encoding="utf-8-sig",
    )
    plan = rm.load(path)
    a = plan["A"]
    assert isinstance(a, Initiative)
    assert (a.start, a.budget, a.progress, a.multi_year) == (
        date(2019, 3, 1), 2_500_000_000, 0.4, True,
    )  # fmt: skip
    m, n = plan["M"], plan["N"]
    assert isinstance(m, Milestone)
    assert m.after == "A"
    assert isinstance(n, Milestone)
    assert n.date == date(2019, 7, 1)


class TestTemplate:
    def test_sheets_lists_and_instructions(self, tmp_path: Path) -> None:
        """Headers, drop-down lists, frozen headers and instructions in both languages."""
        path = tmp_path / "t.xlsx"
        write_template(path, language="en")
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == ["Items", "Phases", "Ceilings", "Roadmap", "Instructions"]
        assert [c.value for c in book["Items"][1]][:4] == ["kind", "id", "name", "phase"]
        write_template(tmp_path / "id.xlsx")  # Indonesian, the default
        book = openpyxl.load_workbook(tmp_path / "id.xlsx")
        assert book.sheetnames == ["Kegiatan", "Fase", "Pagu", "Peta Jalan", "Petunjuk"]
        items = book["Kegiatan"]
        assert [c.value for c in items[1]][:8] == ["jenis", "kode", "nama", "fase", "dimensi",
                                                   "pelaksana", "mulai", "durasi"]  # fmt: skip
        assert items.freeze_panes == "A2"
        lists = {dv.formula1 for dv in items.data_validations.dataValidation}
        assert '"initiative,milestone,kegiatan,tonggak"' in lists
        assert any("berjalan" in (f or "") for f in lists)  # the docs' own word is offered
        styles = {dv.errorStyle for dv in items.data_validations.dataValidation
                  if dv.type == "list"}  # fmt: skip
        assert styles == {"information"}  # a word the reader takes is never refused
        assert any("Smart Governance" in f for f in lists)
        assert any("in_progress" in (f or "") for f in lists)
        text = " ".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row)
        assert "Satu baris per kegiatan" in text
        assert "One row per initiative" in text

    def test_years_name_the_budget_and_ceiling_columns(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from roadmap.cli import main

        path = tmp_path / "t.xlsx"
        assert main(["template", str(path), "--years", "2025-2029"]) == 0
        book = openpyxl.load_workbook(path)
        header = [c.value for c in book["Kegiatan"][1]]
        assert [h for h in header if str(h).startswith("anggaran_")] == [
            f"anggaran_{y}" for y in range(2025, 2030)
        ]
        assert [c.value for c in book["Pagu"][1]] == [
            "kelompok",
            "nama",
            *map(str, range(2025, 2030)),
        ]
        assert main(["template", str(tmp_path / "u.xlsx"), "--years", "2029-2025"]) == 2
        assert "expected up to 31 years" in capsys.readouterr().err

    def test_never_replaces_a_file(self, tmp_path: Path) -> None:
        """A template over an existing plan would lose it."""
        path = tmp_path / "t.xlsx"
        path.write_bytes(b"my plan")
        with pytest.raises(FileExistsError):
            write_template(path)
        assert path.read_bytes() == b"my plan"

    def test_filled_in(self, tmp_path: Path) -> None:
        """A blank template says what is missing; filled in, it is a plan."""
        path = tmp_path / "t.xlsx"
        write_template(path)
        with pytest.raises(PlanFileError, match="sheet Peta Jalan: the roadmap has no start"):
            rm.load(path)
        book = openpyxl.load_workbook(path)
        book["Peta Jalan"]["B2"] = "Peta Jalan"
        book["Peta Jalan"]["B3"] = date(2019, 1, 1)
        book["Kegiatan"].append(["initiative", "A", "Kajian", None, "Smart Governance",
                                 "Bappeda", None, "3 bulan"])  # fmt: skip
        header = [c.value for c in book["Kegiatan"][1]]
        words = {"jenis": "kegiatan", "kode": "B", "nama": "Perwako", "durasi": "2 bln",
                 "status": "berjalan", "tahun_jamak": "ya", "anggaran": "Rp750 juta",
                 "mulai": "Maret 2019"}  # fmt: skip
        book["Kegiatan"].append([words.get(h) for h in header])  # filled in Indonesian
        book.save(path)
        plan = rm.load(path)
        assert (plan.name, plan.start, plan["A"].name) == ("Peta Jalan", date(2019, 1, 1), "Kajian")
        assert (plan["B"].status, plan["B"].multi_year) == ("in_progress", True)
        assert (plan["B"].budget, plan["B"].start) == (750_000_000, date(2019, 3, 1))


class TestWorkbooks:
    def test_workbooks_are_reproducible(self, tmp_path: Path) -> None:
        """The same plan gives the same bytes."""
        rm.save(FULL, tmp_path / "a.xlsx")
        rm.save(FULL, tmp_path / "b.xlsx")
        assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
        # ... in any second: no time of saving in the zip entries or the properties.
        with zipfile.ZipFile(tmp_path / "a.xlsx") as z:
            assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}
            core = z.read("docProps/core.xml").decode()
        assert core.count("2000-01-01T00:00:00Z") == 2  # created and modified


class TestDamagedWorkbooks:
    """A workbook that is not what it says is refused in a line, fast."""

    def test_a_zip_bomb_is_refused_before_parsing(self, tmp_path: Path) -> None:
        """A sheet that inflates to 70 MB: refused from the zip directory, not parsed."""
        ok = tmp_path / "ok.xlsx"
        rm.save(FULL, ok)
        bomb = tmp_path / "bomb.xlsx"
        with zipfile.ZipFile(ok) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                data = src.read(info)
                if info.filename == "xl/worksheets/sheet1.xml":
                    data = data.replace(b"<sheetData>", b"<sheetData><!--" + b" " * 70 * 2**20
                                        + b"-->", 1)  # fmt: skip
                dst.writestr(info.filename, data)
        assert bomb.stat().st_size < 2**20
        with pytest.raises(PlanFileError, match="unpacks to 70 MB, more than the 64 MB"):
            rm.load(bomb)

    @pytest.mark.parametrize("damage", ["cut", "garble"])
    def test_a_damaged_sheet(self, tmp_path: Path, damage: str) -> None:
        """A sheet cut short or a number cell holding text: not a valid workbook."""
        ok = tmp_path / "ok.xlsx"
        rm.save(FULL, ok)
        bad = tmp_path / "bad.xlsx"
        with zipfile.ZipFile(ok) as src, zipfile.ZipFile(bad, "w") as dst:
            for info in src.infolist():
                data = src.read(info)
                if info.filename == "xl/worksheets/sheet1.xml":
                    if damage == "cut":
                        data = data[: len(data) // 2]
                    else:
                        at = data.index(b"<v>") + 3
                        data = data[:at] + b"INF" + data[data.index(b"<", at) :]
                dst.writestr(info.filename, data)
        with pytest.raises(PlanFileError, match="not a valid Excel workbook"):
            rm.load(bad)


class TestRoundTripEdges:
    @pytest.mark.parametrize("fmt", ["csv", "xlsx"])
    def test_fractions_and_odd_ids_come_back(self, tmp_path: Path, fmt: str) -> None:
        """Odd but valid values come back from a table unchanged.

        Progress 0.333 (not 333 read as grouped thousands), an id with a dash, a name
        starting with an apostrophe (not taken for Excel's text marker).
        """
        plan = Roadmap(name="x", start=date(2021, 1, 1), initiatives=[
            Initiative(id="A", name="'kutip", duration=10, progress=0.333),
            Initiative(id="B-C", name="b", duration=5, depends_on=["A"], tags=["t"])])  # fmt: skip
        rm.save(plan, tmp_path / f"p.{fmt}")
        assert rm.load(tmp_path / f"p.{fmt}") == plan

    def test_a_semicolon_in_a_tag_cannot_go_to_a_table(self, tmp_path: Path) -> None:
        """It would read back as two tags: refused, naming the item and the tag."""
        plan = Roadmap(name="x", start=date(2021, 1, 1), initiatives=[
            Initiative(id="A", name="a", duration=1, tags=["a;b"])])  # fmt: skip
        with pytest.raises(rm.RoadmapError, match="item 'A': tags 'a;b' holds ';'"):
            rm.save(plan, tmp_path / "p.xlsx")

    @pytest.mark.parametrize(("cell", "value"), [("0.333", 0.333), ("0,5", 0.5), ("35%", 0.35),
                                                 ("0,35", 0.35)])  # fmt: skip
    def test_fractions_as_people_write_them(self, tmp_path: Path, cell: str, value: float) -> None:
        path = tmp_path / "p.csv"
        path.write_text(
            f'kind,id,name,start,duration,progress\ninitiative,A,a,2021-01-01,10 hari,"{cell}"\n'
        )
        (item,) = rm.load(path).initiatives
        assert item.progress == pytest.approx(value)


class TestAnggaranSheet:
    def test_budget_per_source_in_a_long_sheet(self, tmp_path: Path) -> None:
        """Kode, tahun, sumber dana, jumlah: an item's budget per source (and year)."""
        path = workbook(tmp_path, {
            "Kegiatan": [["No", "kode", "nama", "mulai", "durasi (bulan)", "anggaran"],
                         [1, "A01", "Kajian", "1 Maret 2019", 6, "Rp2,5 miliar"],
                         [2, "A02", "Bangun", "Juli 2019", 12, None]],
            "Anggaran": [["kode", "tahun", "sumber dana", "jumlah"],
                         ["A01", None, "APBD", "Rp2 miliar"],
                         ["A01", None, "DAK", "Rp500 juta"],
                         ["A02", 2019, "APBD", 100], ["A02", 2020, "DAK", 50]],
        })  # fmt: skip
        a01, a02 = rm.load(path).initiatives
        assert a01.budget_shares == {"APBD": 2_000_000_000, "DAK": 500_000_000}
        assert (a01.start, a01.duration) == (date(2019, 3, 1), rm.Duration(months=6))
        assert a02.budget_shares == {"APBD": {2019: 100}, "DAK": {2020: 50}}
        assert a02.start == date(2019, 7, 1)

    def test_rows_that_do_not_add_up(self, tmp_path: Path) -> None:
        """A budget cell the sheet's rows contradict, and a row for no item: both named."""
        path = workbook(tmp_path, {
            "Items": [["id", "name", "start", "duration", "budget"],
                      ["A01", "a", date(2019, 1, 1), "6 bulan", 100]],
            "Anggaran": [["kode", "tahun", "sumber dana", "jumlah"],
                         ["A01", None, "APBD", 60], ["A1", None, "DAK", 50]],
        })  # fmt: skip
        with pytest.raises(PlanFileError) as info:
            rm.load(path)
        assert [(e.sheet, e.row, e.reason) for e in info.value.errors] == [
            (
                "Items",
                2,
                "the budget 100 is not the 60 the Anggaran rows of A01 add up to; "
                "leave it empty or make them agree",
            ),
            ("Anggaran", 3, "no initiative 'A1'; did you mean 'A01'?"),
        ]


class TestMessagesNameWhatTheUserWrote:
    def test_the_header_as_written_and_every_problem_of_a_row(self, tmp_path: Path) -> None:
        """Indonesian headers are named as written; a bad duration hides no other problem."""
        path = workbook(tmp_path, {"Kegiatan": [
            ["kode", "nama", "mulai", "durasi", "bergantung pada", "anggaran"],
            ["A01", "a", date(2019, 1, 1), "3 bulan", None, 1],
            ["A03", "c", date(2019, 1, 1), 6, "A1", "banyak"],
        ]})  # fmt: skip
        with pytest.raises(PlanFileError) as info:
            rm.load(path)
        assert [(e.column, e.reason.split(";")[0]) for e in info.value.errors] == [
            (
                "durasi (D)",
                "a bare number 6 in a duration column: write '6 bulan' or '6 hari', "
                "or name the unit in the header, e.g. 'durasi (bulan)'",
            ),
            ("bergantung pada (E)", "item 'A03' depends on unknown item 'A1'"),
            ("anggaran (F)", "expected an amount of money, got 'banyak'"),
        ]


def test_a_csv_cell_over_the_csv_limit_is_named(tmp_path: Path) -> None:
    """The csv module refuses cells over 131,072 characters: one line naming the row."""
    path = tmp_path / "p.csv"
    path.write_text("id,name,duration,start\nA," + "x" * 200_000 + ",3 bulan,2019-01-01\n")
    with pytest.raises(PlanFileError, match=r"p\.csv, row 2: a cell holds more than 131,072"):
        rm.load(path)


def test_a_bad_value_in_the_roadmap_sheet_is_reported_with_the_others(tmp_path: Path) -> None:
    """The fuzz sweep found a KeyError here: a bad status date is one error line."""
    path = workbook(tmp_path, {
        "Items": [HEAD, ["A", "x", date(2019, 1, 1), "3 bulan"]],
        "Roadmap": [["key", "value"], ["start", date(2019, 1, 1)], ["status_date", "kemarin"],
                    ["language", "jv"]],
    })  # fmt: skip
    with pytest.raises(PlanFileError) as info:
        rm.load(path)
    assert [(e.sheet, e.row) for e in info.value.errors] == [("Roadmap", 3), ("Roadmap", 4)]


def test_the_program_sheet_reads_pagu_columns(tmp_path: Path) -> None:
    """A node's pagu indikatif in ``pagu_YYYY`` (or ``pagu YYYY``) columns, as budget_YYYY."""
    path = workbook(tmp_path, {
        "Kegiatan": [["kode", "nama", "mulai", "durasi", "program"],
                     ["SC06", "Jaringan", "1 Januari 2021", "9 bulan", "2.16.03"]],
        "Program": [["kode", "nama", "perangkat_daerah", "pagu_2021", "pagu 2022"],
                    ["2.16.03", "Program TIK", "Diskominfo", "Rp2,5 miliar", 1_000]],
    })  # fmt: skip
    (node,) = rm.load(path).programmes
    assert (node.code, node.owner) == ("2.16.03", "Diskominfo")
    assert node.budget == {2021: 2_500_000_000, 2022: 1_000}
