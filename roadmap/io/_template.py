"""The blank plan workbook (``roadmap template``) and the instructions sheet of every workbook."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from roadmap._sheets import workbook, xlsx_bytes, xlsx_sheet
from roadmap.io._columns import (
    FUNDING,
    INSTRUCTIONS,
    INSTRUCTIONS_ID,
    ITEM_COLUMNS,
    PHASE_COLUMNS,
    ROADMAP_KEYS,
    SHEETS,
    SHEETS_ID,
    header,
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
    ("duration", "Lama: 9 bulan, 9 bln, 1,5 tahun, 6 minggu, 10 HK. Angka saja hanya bila "
     "judul kolom menyebut satuannya, mis. 'durasi (bulan)'.", "Duration: 9 months, 2 years, "
     "6 weeks, 10 working days. A bare number only when the header names its unit, e.g. "
     "'duration (months)'.", "9 bulan"),
    ("finish", "Tanggal selesai (sebagai ganti duration).", "Finish date (instead of a "
     "duration).", "2019-11-30"),
    ("date", "Tanggal tonggak.", "Milestone date.", "2020-10-31"),
    ("after", "Tonggak tercapai saat kegiatan ini selesai.", "Milestone reached when this "
     "item finishes.", "SC03"),
    ("depends_on", "Pendahulu, dipisah ';': KODE, KODE SS, KODE SS+1 bulan, KODE FF-5 hari.",
     "Predecessors separated by ';': ID, ID SS, ID SS+1 month, ID FF-5 days.",
     "SC01; SC02 SS+1 bulan"),
    ("budget", "Anggaran total: 2500000000, 2.500.000.000, Rp2,5 miliar, Rp750 juta. Per "
     "sumber dana: lembar Anggaran (kode, tahun, sumber dana, jumlah).", "Total budget: "
     "2500000000, Rp2,5 miliar, IDR 2.5 billion. Per funding source: the Anggaran sheet "
     "(item, year, funding, amount).", "2500000000"),
    ("budget_2019", "Anggaran per tahun anggaran: tambah kolom budget_2020, ...",
     "Budget per fiscal year: add columns budget_2020, ...", "1000000000"),
    ("funding", "Sumber dana, dipisah ';'.", "Funding sources separated by ';'.", "APBD; DAK"),
    ("deadline", "Tenggat (tanggal).", "Deadline (a date).", "2020-12-31"),
    ("progress", "Kemajuan 0..1 atau 0%..100%.", "Progress 0..1 or 0%..100%.", "40%"),
    ("status", "Status: " + ", ".join(STATUSES) + ".", "Status: " + ", ".join(STATUSES) + ".",
     "in_progress"),
    ("multi_year", "Kontrak tahun jamak: ya/tidak.", "Multi-year contract: yes/no.", "tidak"),
    ("tags", "Label, dipisah ';'.", "Tags separated by ';'.", "prioritas"),
    ("description", "Uraian.", "Description.", ""),
    ("keterangan", "Catatan bebas: kolom catatan, keterangan, atau yang diawali _ disimpan "
     "sebagai catatan kegiatan.", "Free remarks: columns catatan, keterangan, notes, or "
     "starting with _, are kept as the item's notes.", ""),
)  # fmt: skip


def instructions(book: Any, language: str) -> None:
    id_ = language == "id"
    ws = book.create_sheet(INSTRUCTIONS_ID if id_ else INSTRUCTIONS)
    sheets = SHEETS_ID if id_ else SHEETS
    lines = [
        ["roadmap", "Petunjuk pengisian" if id_ else "How to fill in this workbook"],
        [],
        [sheets["items"], "Satu baris per kegiatan atau tonggak.",
         "One row per initiative or milestone."],
        [sheets["phases"], "Fase: kode, nama, mulai, selesai.", "Phases: id, name, start, end."],
        [sheets["ceilings"], "Pagu per tahun: kelompok kosong = semua; atau funding/dimension/"
         "owner + nama.", "Ceilings per year: empty group = all; or funding/dimension/owner + "
         "name."],
        [sheets["roadmap"], "Nama, mulai, akhir, mata uang, bahasa (id/en).",
         "Name, start, end, currency, language (id/en)."],
        [sheets["budgets"], "Anggaran per sumber dana (dan tahun): kode, tahun, sumber dana, "
         "jumlah.", "Budget per funding source (and year): item, year, funding, amount."],
        ["...", "Lembar lain (Catatan, grafik) tidak dibaca.",
         "Other sheets (notes, charts) are not read."],
        [],
        ["kolom" if id_ else "column", "keterangan", "meaning", "contoh" if id_ else "example"],
        *[[header("items", h[0], language), *h[1:]] for h in HELP],
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

    sheets = SHEETS_ID if language == "id" else SHEETS
    ws = book.create_sheet(sheets["items"])
    columns = list(ITEM_COLUMNS)
    at = columns.index("budget") + 1
    columns[at:at] = [f"budget_{y}" for y in years]
    headers = [header("items", c, language) for c in columns]
    money = {h for c, h in zip(columns, headers, strict=True) if is_money(c)}
    xlsx_sheet(ws, headers, [], money=lambda h: h in money)
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
    xlsx_sheet(book.create_sheet(sheets["phases"]),
               [header("phases", c, language) for c in PHASE_COLUMNS], [])  # fmt: skip
    xlsx_sheet(book.create_sheet(sheets["ceilings"]),
               [header("ceilings", c, language) for c in ("group", "name")] + list(map(str, years)),
               [], money=is_money)  # fmt: skip
    rm = book.create_sheet(sheets["roadmap"])
    xlsx_sheet(rm, [header("roadmap", c, language) for c in ("key", "value")],
               [[k, None] for k in ROADMAP_KEYS])  # fmt: skip
    rm.cell(row=ROADMAP_KEYS.index("language") + 2, column=2, value=language)
    instructions(book, language)
    return xlsx_bytes(book)
