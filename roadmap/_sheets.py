"""Spreadsheet cells for every table roadmap writes: CSV text and XLSX sheets.

One formula-injection guard for all of them: a text cell that a spreadsheet would run as
a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written
to CSV behind a ``'``, and stored in XLSX as a text cell, never a formula.  openpyxl (the
``excel`` extra) is imported only when a workbook is made.

Examples
--------
>>> print(csv_text(["id", "name"], [["A", "=1+1"]]), end="")
id,name
A,'=1+1
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from roadmap.errors import MissingExtraError

__all__ = [
    "MONEY_FORMAT",
    "RISKY",
    "csv_cell",
    "csv_text",
    "openpyxl",
    "workbook",
    "xlsx_bytes",
    "xlsx_sheet",
]

#: First characters that make a spreadsheet read a cell as a formula.
RISKY = ("=", "+", "-", "@", "\t", "\r")
#: The Rupiah number format of money cells.
MONEY_FORMAT = '"Rp"#,##0'
WIDTHS = {"kind": 11, "id": 9, "name": 44, "depends_on": 26, "description": 40, "key": 22,
          "value": 36, "group": 12}  # fmt: skip


def csv_cell(value: object) -> str:
    """One value as CSV text: ISO dates, ``true``/``false``, guarded formulas."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return "'" + value if value.startswith(RISKY) else value
    return str(value)


def csv_text(
    columns: Sequence[str], rows: Iterable[Sequence[object]], *, delimiter: str = ","
) -> str:
    """A table as CSV text, with text that a spreadsheet would run as a formula guarded."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", delimiter=delimiter)
    writer.writerow(columns)
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return buf.getvalue()


def openpyxl() -> Any:
    """The openpyxl module, or :class:`~roadmap.errors.MissingExtraError` saying how to get it."""
    try:
        import openpyxl as module
    except ImportError:
        raise MissingExtraError("reading and writing .xlsx", "excel", "openpyxl") from None
    return module


def workbook() -> Any:
    """An empty workbook (without openpyxl's default sheet)."""
    book = openpyxl().Workbook()
    book.remove(book.active)
    return book


def xlsx_sheet(
    ws: Any,
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    money: Callable[[str], bool] = lambda c: False,
    widths: Mapping[str, int] | None = None,
) -> None:
    """Fill a worksheet: bold frozen header, filter, widths, dates and Rupiah formatted.

    Text is always stored as text, so a cell starting with ``=`` is never a formula.
    """
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE5F0")
    money_columns = {k for k, c in enumerate(columns, start=1) if money(c)}
    for n, row in enumerate(rows, start=2):
        for k, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = ws.cell(row=n, column=k, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            elif k in money_columns and isinstance(value, int | float):
                cell.number_format = MONEY_FORMAT
    ws.freeze_panes = "A2"
    if ws.max_row > 1:
        ws.auto_filter.ref = ws.dimensions
    for k, column in enumerate(columns, start=1):
        width = (widths or {}).get(column) or WIDTHS.get(column)
        if width is None:
            width = 16 if money(column) else max(10, len(column) + 2)
        ws.column_dimensions[get_column_letter(k)].width = width


def xlsx_bytes(book: Any) -> bytes:
    """A workbook's bytes, reproducible: fixed creation and modification times."""
    fixed = datetime(2000, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    book.properties.creator = "roadmap"
    buf = io.BytesIO()
    book.save(buf)
    # openpyxl stamps the zip entries and dcterms:modified with the time of saving:
    # rewrite both, so that the same plan gives the same bytes in any second.
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z<", data)
            dst.writestr(zipfile.ZipInfo(info.filename, (2000, 1, 1, 0, 0, 0)), data,
                         compress_type=zipfile.ZIP_DEFLATED)  # fmt: skip
    return out.getvalue()


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*<")
