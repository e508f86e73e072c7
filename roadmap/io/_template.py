"""The blank plan workbook (``roadmap template``) and the instructions sheet of every workbook."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from roadmap._sheets import workbook, xlsx_bytes, xlsx_sheet
from roadmap.io._columns import (
    FUNDING,
    INSTRUCTIONS,
    ITEM_COLUMNS,
    PHASE_COLUMNS,
    ROADMAP_KEYS,
    SHEETS,
    is_money,
)
from roadmap.model import DIMENSIONS, STATUSES

__all__ = ["HELP", "YEARS", "instructions", "write_template"]

# -- template -------------------------------------------------------------------------------

HELP = (
    # column, Indonesian, English, example
    ("kind", "Jenis baris: initiative (kegiatan) atau milestone (tonggak). Kosong: kegiatan, "
     "kecuali date/after diisi.", "Row kind: initiative or milestone. Empty: initiative, "
     "unless date/after is filled.", "initiative"),
    ("id", "Kode unik, wajib.", "Unique code, required.", "SC06"),
    ("name", "Nama kegiatan.", "Name.", "Jaringan intra pemerintah"),
    ("phase", "Kode fase (lembar Phases).", "Phase id (Phases sheet).", "F1"),
    ("dimension", "Dimensi smart city.", "Smart-city dimension.", "Smart Governance"),
    ("owner", "Perangkat daerah penanggung jawab.", "Owning agency.", "Diskominfo"),
    ("start", "Mulai paling cepat (tanggal).", "Start no earlier than (a date).", "2019-03-01"),
    ("duration", "Lama: 9 bulan, 2 tahun, 6 minggu, 10 hari kerja; angka = hari.",
     "Duration: 9 months, 2 years, 6 weeks, 10 working days; a number = days.", "9 bulan"),
    ("finish", "Tanggal selesai (sebagai ganti duration).", "Finish date (instead of a "
     "duration).", "2019-11-30"),
    ("date", "Tanggal tonggak.", "Milestone date.", "2020-10-31"),
    ("after", "Tonggak tercapai saat kegiatan ini selesai.", "Milestone reached when this "
     "item finishes.", "SC03"),
    ("depends_on", "Pendahulu, dipisah ';': KODE, KODE SS, KODE SS+1 bulan, KODE FF-5 hari.",
     "Predecessors separated by ';': ID, ID SS, ID SS+1 month, ID FF-5 days.",
     "SC01; SC02 SS+1 bulan"),
    ("budget", "Anggaran total (Rupiah).", "Total budget (Rupiah).", "2500000000"),
    ("budget_2019", "Anggaran per tahun anggaran: tambah kolom budget_2020, ...",
     "Budget per fiscal year: add columns budget_2020, ...", "1000000000"),
    ("funding", "Sumber dana, dipisah ';'.", "Funding sources separated by ';'.", "APBD; DAK"),
    ("deadline", "Tenggat (tanggal).", "Deadline (a date).", "2020-12-31"),
    ("progress", "Kemajuan 0..1 atau 0%..100%.", "Progress 0..1 or 0%..100%.", "40%"),
    ("status", "Status: " + ", ".join(STATUSES) + ".", "Status: " + ", ".join(STATUSES) + ".",
     "in_progress"),
    ("multi_year", "Kontrak tahun jamak: ya/tidak.", "Multi-year contract: yes/no.", "tidak"),
    ("tags", "Label, dipisah ';'.", "Tags separated by ';'.", "prioritas"),
    ("description", "Keterangan.", "Description.", ""),
)  # fmt: skip


def instructions(book: Any, language: str) -> None:
    ws = book.create_sheet(INSTRUCTIONS)
    lines = [
        ["roadmap", "Petunjuk pengisian" if language == "id" else "How to fill in this workbook"],
        [],
        ["Items", "Satu baris per kegiatan atau tonggak.", "One row per initiative or milestone."],
        ["Phases", "Fase: id, name, start, end.", "Phases: id, name, start, end."],
        ["Ceilings", "Pagu per tahun: group kosong = semua; atau funding/dimension/owner + "
         "name.", "Ceilings per year: empty group = all; or funding/dimension/owner + name."],
        ["Roadmap", "Nama, mulai, akhir, mata uang, bahasa (id/en).",
         "Name, start, end, currency, language (id/en)."],
        [],
        ["column", "keterangan", "meaning", "example"],
        *[list(h) for h in HELP],
    ]  # fmt: skip
    xlsx_sheet(ws, lines[0], lines[1:], widths={"roadmap": 14, lines[0][1]: 70})
    ws.column_dimensions["C"].width = 70
    ws.column_dimensions["D"].width = 24


#: Fiscal years a template gets columns for when none are named.
YEARS = (2019, 2020)


def write_template(language: str = "id", years: Sequence[int] = YEARS) -> bytes:
    """A blank plan workbook: headers, drop-down lists and an instructions sheet.

    *years* are the fiscal years of the ``budget_YYYY`` columns and of the ceilings sheet.
    The drop-down lists offer the words the reader takes, in English and Indonesian; they
    inform rather than refuse, so that any word the reader accepts can be typed.
    """
    book = workbook()  # first: says how to install openpyxl
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = book.create_sheet(SHEETS["items"])
    columns = list(ITEM_COLUMNS)
    at = columns.index("budget") + 1
    columns[at:at] = [f"budget_{y}" for y in years]
    xlsx_sheet(ws, columns, [], money=is_money)
    last = 2000

    def choose(column: str, values: Sequence[str], strict: bool = False) -> None:
        letter = get_column_letter(columns.index(column) + 1)
        dv = DataValidation(
            type="list",
            formula1='"' + ",".join(values) + '"',
            allow_blank=True,
            showErrorMessage=strict,
            errorStyle="stop" if strict else "information",
        )
        ws.add_data_validation(dv)
        dv.add(f"{letter}2:{letter}{last}")

    choose("kind", ("initiative", "milestone", "kegiatan", "tonggak"))
    # English keys, then the Indonesian words (berjalan, selesai, ...): both are read.
    choose("status", (*STATUSES, *STATUSES.values()))
    choose("dimension", DIMENSIONS)
    choose("funding", FUNDING)
    choose("multi_year", ("ya", "tidak", "yes", "no"))
    for column in ("start", "finish", "date", "deadline"):
        letter = get_column_letter(columns.index(column) + 1)
        dv = DataValidation(type="date", operator="greaterThan", formula1="1")
        ws.add_data_validation(dv)
        dv.add(f"{letter}2:{letter}{last}")
        for row in range(2, 200):
            ws[f"{letter}{row}"].number_format = "yyyy-mm-dd"
    xlsx_sheet(book.create_sheet(SHEETS["phases"]), PHASE_COLUMNS, [])
    xlsx_sheet(book.create_sheet(SHEETS["ceilings"]), ["group", "name", *map(str, years)], [],
               money=is_money)  # fmt: skip
    rm = book.create_sheet(SHEETS["roadmap"])
    xlsx_sheet(rm, ["key", "value"], [[k, None] for k in ROADMAP_KEYS])
    rm.cell(row=ROADMAP_KEYS.index("language") + 2, column=2, value=language)
    instructions(book, language)
    return xlsx_bytes(book)
