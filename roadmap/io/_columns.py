"""Sheets and columns of a tabular plan (CSV files, XLSX workbooks), as SPEC §5 names them."""

from __future__ import annotations

import re

__all__ = [
    "BUDGET_YEAR",
    "CORRELATION_COLUMNS",
    "FUNDING",
    "INSTRUCTIONS",
    "ITEM_COLUMNS",
    "PHASE_COLUMNS",
    "RANGE_COLUMNS",
    "REALISATION_ALIASES",
    "REALISATION_COLUMNS",
    "RISK_COLUMNS",
    "ROADMAP_KEYS",
    "SHEETS",
    "is_money",
]  # fmt: skip

#: The tables of a tabular plan: key -> sheet name.
SHEETS = {
    "items": "Items", "phases": "Phases", "ceilings": "Ceilings", "roadmap": "Roadmap",
    "realisation": "Realisasi", "risks": "Risiko", "correlations": "Korelasi",
    "capacity": "Kapasitas", "budgets": "Anggaran", "programmes": "Programmes",
    "indicators": "Indicators", "indicator_realisations": "Indicator realisations",
}  # fmt: skip
INSTRUCTIONS = "Instructions"

ITEM_COLUMNS = (
    "kind", "id", "name", "phase", "dimension", "owner", "start", "duration", "finish",
    "date", "after", "depends_on", "budget", "funding", "deadline", "progress", "status",
    "multi_year", "tags", "description", "actual_start", "actual_finish", "actual_cost",
    "remaining",
)  # fmt: skip
#: Columns of uncertainty, written only when an item has a range (see roadmap.risk).
RANGE_COLUMNS = (
    "optimistic", "most_likely", "pessimistic", "distribution", "cost_low", "cost_likely",
    "cost_high",
)  # fmt: skip
#: Columns of leveling, written only when used (see roadmap.leveling).
LEVEL_COLUMNS = ("resources", "fixed")
#: Columns of the indicators sheet (targets as target_YYYY) and of their realisations.
INDICATOR_COLUMNS = ("id", "name", "unit", "level", "items", "baseline", "final", "polarity",
                     "combine")  # fmt: skip
INDICATOR_ALIASES = {
    "kode": "id", "nama": "name", "indikator": "name", "satuan": "unit", "tingkat": "level",
    "kegiatan": "items", "program": "items", "kondisi_awal": "baseline",
    "kondisi_akhir": "final", "polaritas": "polarity", "cara_hitung": "combine",
}  # fmt: skip
TARGET_YEAR = re.compile(r"target_(\d{4})")
INDICATOR_REALISATION_COLUMNS = ("indicator", "period", "value")
INDICATOR_REALISATION_ALIASES = {"kode": "indicator", "indikator": "indicator",
                                 "periode": "period", "nilai": "value",
                                 "realisasi": "value"}  # fmt: skip
#: Columns of the programme tree, written only when used.
PROGRAMME_ITEM_COLUMNS = ("programme", "quick_win")
#: Columns of the programmes sheet (nomenclature nodes), and their Indonesian names.
PROGRAMME_COLUMNS = ("code", "name", "edition", "owner")
PROGRAMME_ALIASES = {"kode": "code", "id": "code", "nama": "name", "edisi": "edition",
                     "perangkat_daerah": "owner", "pelaksana": "owner"}  # fmt: skip
#: Columns of the budget sheet: an item's budget per funding source (and fiscal year).
BUDGET_COLUMNS = ("item", "year", "funding", "amount")
BUDGET_ALIASES = {"kode": "item", "tahun": "year", "sumber_dana": "funding",
                  "sumber": "funding", "jumlah": "amount", "anggaran": "amount",
                  "nilai": "amount"}  # fmt: skip
#: Columns of the capacity sheet: a resource's units, or (group "owner") an owner's limit.
CAPACITY_COLUMNS = ("group", "name", "capacity")
PHASE_COLUMNS = ("id", "name", "start", "end", "description", "phase_start")
#: Columns of the risk register and of the correlations.
RISK_COLUMNS = ("id", "name", "probability", "items", "delay", "cost", "owner", "description")
CORRELATION_COLUMNS = ("items", "coefficient")
#: Columns of the realisation sheet (monthly RFK records), and their Indonesian names.
REALISATION_COLUMNS = ("item", "date", "month", "progress", "spent", "note")
REALISATION_ALIASES = {
    "kode": "item", "tanggal": "date", "bulan": "month", "fisik": "progress",
    "realisasi_fisik": "progress", "keuangan": "spent", "realisasi_keuangan": "spent",
    "permasalahan": "note", "catatan": "note",
}  # fmt: skip
#: Indonesian column names of the items sheet (SPEC §5 names the English ones).
ITEM_ALIASES = {
    "kode": "id", "kode_kegiatan": "id", "nama": "name", "nama_kegiatan": "name",
    "jenis": "kind", "fase": "phase", "tahap": "phase", "dimensi": "dimension",
    "pelaksana": "owner", "penanggung_jawab": "owner", "perangkat_daerah": "owner",
    "opd": "owner", "mulai": "start", "tanggal_mulai": "start", "durasi": "duration",
    "lama": "duration", "jangka_waktu": "duration", "selesai": "finish",
    "tanggal_selesai": "finish", "tanggal": "date", "setelah": "after",
    "bergantung_pada": "depends_on", "prasyarat": "depends_on", "ketergantungan": "depends_on",
    "anggaran": "budget", "biaya": "budget", "sumber_dana": "funding", "pendanaan": "funding",
    "tenggat": "deadline", "batas_waktu": "deadline", "progres": "progress",
    "kemajuan": "progress", "tahun_jamak": "multi_year", "multi_tahun": "multi_year",
    "label": "tags", "uraian": "description", "deskripsi": "description",
    "mulai_aktual": "actual_start", "realisasi_mulai": "actual_start",
    "selesai_aktual": "actual_finish", "realisasi_selesai": "actual_finish",
    "biaya_aktual": "actual_cost", "realisasi_anggaran": "actual_cost",
    "sisa_durasi": "remaining", "sisa_waktu": "remaining", "sumber_daya": "resources",
    "tetap": "fixed", "optimis": "optimistic", "paling_mungkin": "most_likely",
    "program": "programme", "kode_nomenklatur": "programme", "quickwin": "quick_win",
    "pesimis": "pessimistic", "distribusi": "distribution", "biaya_rendah": "cost_low",
    "biaya_paling_mungkin": "cost_likely", "biaya_tinggi": "cost_high",
}  # fmt: skip
#: Indonesian names of the other sheets' columns.
PHASE_ALIASES = {"kode": "id", "nama": "name", "mulai": "start", "selesai": "end",
                 "uraian": "description", "deskripsi": "description"}  # fmt: skip
OTHER_ALIASES = {
    "kelompok": "group", "nama": "name", "kapasitas": "capacity", "kunci": "key",
    "nilai": "value", "kode": "id", "peluang": "probability", "probabilitas": "probability",
    "kegiatan": "items", "dampak_waktu": "delay", "keterlambatan": "delay",
    "dampak_biaya": "cost", "biaya": "cost", "pemilik": "owner", "uraian": "description",
    "koefisien": "coefficient",
}  # fmt: skip
#: The column names an Indonesian plan (``language = "id"``) is written with, by table; the
#: reader takes them, and the English ones, in any plan.
INDONESIAN = {
    "items": {
        "kind": "jenis", "id": "kode", "name": "nama", "phase": "fase", "dimension": "dimensi",
        "owner": "pelaksana", "start": "mulai", "duration": "durasi", "finish": "selesai",
        "date": "tanggal", "after": "setelah", "depends_on": "bergantung_pada",
        "budget": "anggaran", "funding": "sumber_dana", "deadline": "tenggat",
        "progress": "progres", "status": "status", "multi_year": "tahun_jamak",
        "tags": "label", "description": "uraian", "actual_start": "mulai_aktual",
        "actual_finish": "selesai_aktual", "actual_cost": "biaya_aktual",
        "remaining": "sisa_durasi", "resources": "sumber_daya", "fixed": "tetap",
        "optimistic": "optimis", "most_likely": "paling_mungkin", "pessimistic": "pesimis",
        "distribution": "distribusi", "cost_low": "biaya_rendah",
        "cost_likely": "biaya_paling_mungkin", "cost_high": "biaya_tinggi",
        "programme": "program", "quick_win": "quick_win",
    },
    "programmes": {"code": "kode", "name": "nama", "edition": "edisi",
                   "owner": "perangkat_daerah"},
    "indicators": {"id": "kode", "name": "indikator", "unit": "satuan", "level": "tingkat",
                   "items": "kegiatan", "baseline": "kondisi_awal", "final": "kondisi_akhir",
                   "polarity": "polaritas", "combine": "cara_hitung"},
    "indicator_realisations": {"indicator": "kode", "period": "periode", "value": "nilai"},
    "phases": {"id": "kode", "name": "nama", "start": "mulai", "end": "selesai",
               "description": "uraian"},
    "ceilings": {"group": "kelompok", "name": "nama"},
    "roadmap": {"key": "kunci", "value": "nilai"},
    "realisation": {"item": "kode", "date": "tanggal", "progress": "fisik",
                    "spent": "keuangan", "note": "catatan"},
    "risks": {"id": "kode", "name": "nama", "probability": "peluang", "items": "kegiatan",
              "delay": "keterlambatan", "cost": "biaya", "owner": "pemilik",
              "description": "uraian"},
    "correlations": {"items": "kegiatan", "coefficient": "koefisien"},
    "capacity": {"group": "kelompok", "name": "nama", "capacity": "kapasitas"},
    "budgets": {"item": "kode", "year": "tahun", "funding": "sumber_dana", "amount": "jumlah"},
}  # fmt: skip
#: Sheets of an Indonesian plan workbook.
SHEETS_ID = {
    "items": "Kegiatan", "phases": "Fase", "ceilings": "Pagu", "roadmap": "Peta Jalan",
    "realisation": "Realisasi", "risks": "Risiko", "correlations": "Korelasi",
    "capacity": "Kapasitas", "budgets": "Anggaran", "programmes": "Program",
    "indicators": "Indikator", "indicator_realisations": "Realisasi indikator",
}  # fmt: skip
INSTRUCTIONS_ID = "Petunjuk"


def header(table: str, column: str, language: str) -> str:
    """The header of *column* of *table* in a plan written in *language*.

    Examples
    --------
    >>> header("items", "budget_2020", "id"), header("items", "budget_2020", "en")
    ('anggaran_2020', 'budget_2020')
    """
    if language != "id":
        return column
    if table == "items" and column.startswith("budget_"):
        return "anggaran_" + column[7:]
    if table == "indicators" and column.startswith("target_"):
        return column  # target_2021 in both languages
    if table == "programmes" and column.startswith("budget_"):
        return "pagu_" + column[7:]
    return INDONESIAN.get(table, {}).get(column, column)


#: Columns kept as an item's notes: the ``catatan`` family, and any column starting ``_``.
NOTE_COLUMNS = re.compile(r"_.*|(?:catatan|keterangan|notes?|remarks?)(?:_.*)?")
#: Row numbers people keep in a first column: read past.
ROW_NUMBERS = frozenset({"no", "no.", "nomor", "#"})
BUDGET_ALIAS = re.compile(r"(?:anggaran|budget)_?(\d{4})")
#: The programme tree's yearly columns: its pagu indikatif, under any of the three names.
PAGU_ALIAS = re.compile(r"(?:pagu|anggaran|budget)_?(\d{4})")

ROADMAP_KEYS = (
    "name", "start", "end", "currency", "language", "fiscal_year_start", "calendar_weekend",
    "calendar_country", "calendar_subdivision", "calendar_holidays", "status_date",
    "phase_start",
)  # fmt: skip
BUDGET_YEAR = re.compile(r"budget_(\d{4})")

FUNDING = ("APBD", "APBN", "DAK", "KPBU", "CSR", "Hibah")


def is_money(column: str) -> bool:
    """Whether a column of a plan table holds money (``budget``, ``budget_2020``, ``2020``)."""
    return (
        column in ("budget", "actual_cost", "spent", "amount")
        or column.startswith("budget_")
        or (column.isdigit())
    )
