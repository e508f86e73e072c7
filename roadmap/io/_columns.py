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
    "capacity": "Kapasitas",
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
        column in ("budget", "actual_cost", "spent")
        or column.startswith("budget_")
        or (column.isdigit())
    )
