"""Tests of roadmap.export.planning: the Renstra, RPJMD and evaluation tables.

The workbooks are read back with openpyxl; their formulas are recalculated by LibreOffice
(headless, to CSV) and compared with figures worked by hand.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import roadmap as rm
from roadmap.export.planning import (
    evaluation_table,
    planning_csv,
    planning_xlsx,
    renstra_table,
    rpjmd_table,
)
from roadmap.model import Indicator, Initiative, Programme, Realisation, Roadmap

openpyxl = pytest.importorskip("openpyxl")
SOFFICE = shutil.which("soffice")


def plan() -> Roadmap:
    return Roadmap(
        name="Uji", start="2021-01-01", end="2023-12-31", language="id",
        programmes=[Programme(code="2.16.03", name="Program Aplikasi Informatika"),
                    Programme(code="2.16.03.2.02", name="e-Government"),
                    Programme(code="2.16.03.2.02.0014", name="Jaringan Intra",
                              owner="Diskominfo")],
        initiatives=[Initiative(id="A", name="a", duration="18 bulan", owner="Diskominfo",
                                budget={2021: 600, 2022: 400}, programme="2.16.03.2.02.0014")],
        indicators=[
            Indicator(id="T1", name="Indeks SPBE", level="target", items=["2.16.03"],
                      targets={2021: 2.1, 2022: 2.6, 2023: 3}, final=3, combine="last"),
            Indicator(id="O1", name="OPD terhubung", unit="OPD", level="output",
                      items=["2.16.03.2.02.0014"], targets={2021: 10, 2022: 15, 2023: 5},
                      final=30, realisations={"2021": 9, "2022-TW1": 4, "2022-TW2": 5}),
        ],
        realisation=[Realisation(item="A", month="2021-06", spent=200),
                     Realisation(item="A", month="2022-02", spent=100),
                     Realisation(item="A", month="2022-05", spent=50)],
    )  # fmt: skip


def headings(table: object) -> list[str]:
    return [f"{c.heading}|{c.sub}" if c.sub else c.heading for c in table.columns]  # type: ignore[attr-defined]


def test_renstra_columns_in_the_printed_order() -> None:
    table = renstra_table(plan())
    assert headings(table) == [
        "Tujuan", "Sasaran", "Kode", "Program, Kegiatan dan Sub Kegiatan", "Indikator Kinerja",
        "Tahun 2021|Target", "Tahun 2021|Rp", "Tahun 2022|Target", "Tahun 2022|Rp",
        "Tahun 2023|Target", "Tahun 2023|Rp",
        "Kondisi Kinerja pada Akhir Periode Renstra|Target",
        "Kondisi Kinerja pada Akhir Periode Renstra|Rp", "Perangkat Daerah Penanggung Jawab",
    ]  # fmt: skip
    assert table.numbers == tuple(str(n) for n in range(1, 15))
    rows = list(csv.reader(planning_csv(table).splitlines()))[2:]
    assert rows[0][1] == "Indeks SPBE"  # the sasaran in its column
    assert rows[3][2:5] == ["2.16.03.2.02.0014", "    Jaringan Intra", "OPD terhubung (OPD)"]
    assert rows[3][5:14] == ["10.0", "600", "15.0", "400", "5.0", "", "30.0", "1000",
                             "Diskominfo"]  # fmt: skip


def test_rpjmd_one_row_per_program_indicator() -> None:
    table = rpjmd_table(plan())
    assert headings(table)[:5] == ["Kode", "Program", "Indikator", "Satuan", "Kondisi Awal"]
    (row,) = list(csv.reader(planning_csv(table).splitlines()))[2:]
    assert row[:3] == ["2.16.03", "Program Aplikasi Informatika", "Indeks SPBE"]
    assert row[-2:] == ["1000", "Diskominfo"]


def test_evaluation_numbers_and_formulas(tmp_path: Path) -> None:
    """Columns (5)-(15) as printed, and their formulas written as formulas.

    (12) = 8 + 9 + 10 + 11, (13) = 12 / 7 x 100, (14) = 6 + 12, (15) = 14 / 5 x 100.
    """
    table = evaluation_table(plan(), 2022)
    assert table.numbers[:8] == ("", "1", "2", "3", "4", "5", "5", "6")
    path = tmp_path / "evaluasi.xlsx"
    path.write_bytes(planning_xlsx(table))
    ws = openpyxl.load_workbook(path)["Tabel"]
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == "8"  # A3
    assert any(str(r) == "F3:G3" for r in ws.merged_cells.ranges)  # (5) over K and Rp
    assert [ws.cell(row=4, column=c).value for c in (6, 7)] == ["K", "Rp"]
    assert ws.cell(row=5, column=6).value == "(5)"
    row = 8  # the sub kegiatan's row, under the three heading rows and two above it
    assert ws.cell(row=row, column=20).value == "=SUM(L8,N8,P8,R8)"  # (12) K
    assert ws.cell(row=row, column=22).value == '=IF(N(J8)=0,"",T8/J8*100)'  # (13) K
    assert ws.cell(row=row, column=24).value == "=SUM(H8,T8)"  # (14) K
    assert ws.cell(row=row, column=26).value == '=IF(N(F8)=0,"",X8/F8*100)'  # (15) K
    assert ws.cell(row=row, column=7).number_format == '"Rp"#,##0'


@pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"), reason="needs LibreOffice")
def test_libreoffice_computes_the_figures_worked_by_hand(tmp_path: Path) -> None:
    """LibreOffice recalculates the formulas to the figures worked by hand.

    Realised 4 + 5 of 15 OPD (60 %), 9 + 9 = 18 of 30 to date (60 %); Rp 100 + 50 of 400
    (37.5 %), 200 + 150 = 350 of 1000 to date (35 %).
    """
    path = tmp_path / "evaluasi.xlsx"
    path.write_bytes(planning_xlsx(evaluation_table(plan(), 2022)))
    subprocess.run([SOFFICE or "soffice", "--headless", "--convert-to", "csv", "--outdir",
                    str(tmp_path), str(path)], check=True, capture_output=True, timeout=120,
                   env={**os.environ, "HOME": str(tmp_path)})  # fmt: skip
    rows = list(csv.reader((tmp_path / "evaluasi.csv").read_text().splitlines()))
    sub = rows[7]
    assert sub[2] == "2.16.03.2.02.0014"
    assert [float(sub[c]) for c in (19, 20, 21, 22, 23, 24, 25, 26)] == [
        9,
        150,
        60,
        37.5,
        18,
        350,
        60,
        35,
    ]


def test_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from roadmap.cli import main

    source = tmp_path / "plan.toml"
    rm.save(plan(), source)
    out = tmp_path / "renstra.xlsx"
    assert main(["tables", str(source), "--table", "renstra", "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"{out}: renstra, 4 rows\n"
    assert openpyxl.load_workbook(out)["Tabel"].cell(row=3, column=1).value == "Tujuan"
    assert main(["tables", str(source), "-t", "evaluasi", "-o", str(tmp_path / "e.csv")]) == 2
    assert "--year 2021" in capsys.readouterr().err
    assert main(["tables", str(source), "-t", "evaluasi", "--year", "2022",
                 "-o", str(tmp_path / "e.csv")]) == 0  # fmt: skip
    bare = tmp_path / "bare.toml"
    rm.save(Roadmap(name="x", start="2021-01-01"), bare)
    assert main(["tables", str(bare), "-t", "rpjmd", "-o", str(tmp_path / "r.csv")]) == 2
    assert "has no [[programmes]]" in capsys.readouterr().err
