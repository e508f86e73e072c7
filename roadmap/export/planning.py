"""The tables planning documents print: Renstra, RPJMD and the evaluation of results.

Each is built from the plan's programme tree (:class:`~roadmap.model.Programme`), its
indicators (:class:`~roadmap.model.Indicator`), the budgets of the initiatives under each
node (:func:`roadmap.budget.programme_rollup`) and, for the evaluation, the realisation
records, and written as a workbook laid out as the document prints it (A3 landscape, merged
headings, a row of column numbers, Rupiah formats, and the printed formulas as formulas) or
as CSV (the formulas' values).

- :func:`renstra_table`: *Rencana Program, Kegiatan, dan Pendanaan* of a Renstra: Tujuan |
  Sasaran | Kode | Program, Kegiatan dan Sub Kegiatan | Indikator Kinerja | per year Target,
  Rp | Kondisi kinerja pada akhir periode: Target, Rp | Perangkat Daerah penanggung jawab.
- :func:`rpjmd_table`: the RPJMD programme table: Kode | Program | Indikator | Satuan |
  Kondisi awal | per year Target, Pagu | Kondisi akhir: Target, Pagu | Perangkat Daerah.
- :func:`evaluation_table`: *evaluasi hasil* of one year: (5) the Renstra target at the end
  of the period, (6) realisation up to last year, (7) this year's target and budget,
  (8)-(11) realisation per Triwulan I-IV, (12) = 8 + 9 + 10 + 11, (13) = 12 / 7 x 100,
  (14) = 6 + 12, (15) = 14 / 5 x 100, each as Kinerja (K) and Rp.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from typing import Any

import attrs

from roadmap._sheets import MONEY_FORMAT, openpyxl, xlsx_bytes
from roadmap.budget import ProgrammeTotals, programme_rollup
from roadmap.indicators import realised
from roadmap.model import (
    Indicator,
    Programme,
    Roadmap,
    Target,
    code_order,
    period_key,
)
from roadmap.scheduler import schedule

_NAME = "Program, Kegiatan dan Sub Kegiatan"

__all__ = [
    "Column", "Formula", "PlanningTable", "evaluation_table", "planning_csv", "planning_xlsx",
    "renstra_table", "rpjmd_table",
]  # fmt: skip


@attrs.frozen
class Column:
    """A printed column: its heading, the sub-heading under a merged one, and its kind."""

    heading: str
    sub: str = ""
    kind: str = "text"  # text, number, money, percent


@attrs.frozen
class Formula:
    """A cell the document prints as a formula: ``sum`` of columns, or ``ratio`` x 100.

    *columns* are indices into the row; *value* is what it computes to (for CSV).
    """

    kind: str
    columns: tuple[int, ...]
    value: float | None


@attrs.frozen
class PlanningTable:
    """A planning table: its title, columns (with their printed numbers) and rows."""

    title: str
    columns: tuple[Column, ...]
    numbers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def _years(plan: Roadmap) -> list[int]:
    last = plan.end.year if plan.end is not None else schedule(plan).finish.year
    return list(range(plan.start.year, last + 1))


def _target(value: Target | None) -> float | str | None:
    if isinstance(value, tuple):
        return f"{value[0]:g}-{value[1]:g}"
    return value


def _pagu(node: Programme, totals: ProgrammeTotals) -> dict[int, int]:
    """The node's budget per year: its pagu indikatif where stated, else its initiatives'."""
    return node.budget or totals.budget


def _indented(node: Programme) -> str:
    return {"program": "", "kegiatan": "  ", "sub_kegiatan": "    "}[node.level] + node.name


def _measures(plan: Roadmap) -> dict[str, list[Indicator]]:
    """The indicators naming each programme code."""
    out: dict[str, list[Indicator]] = {}
    for ind in plan.indicators:
        for code in ind.items:
            out.setdefault(code, []).append(ind)
    return out


def _owner(plan: Roadmap, node: Programme, totals: ProgrammeTotals) -> str:
    """The node's agency, or those of the initiatives under it."""
    if node.owner:
        return node.owner
    items, at = plan.items, plan.positions
    return ", ".join(sorted({o for id in totals.items if (o := items[at[id]].owner)}))


def _year_cells(ind: Indicator | None, pagu: dict[int, int], years: Sequence[int]) -> list[Any]:
    """A target and a pagu per year, side by side (the layout of both tables)."""
    targets = {} if ind is None else ind.targets
    return [x for y in years for x in (_target(targets.get(y)), pagu.get(y))]


def _row_end(
    row: list[Any], ind: Indicator | None, owner: str | None, money: Sequence[int] | None
) -> tuple[Any, ...]:
    """Close a row: the end target, the total pagu (the sum of *money* columns), the owner."""
    final = None if ind is None else _target(ind.final)
    row += [final, None, owner]
    if money is not None:
        row[-2] = _sum(row, money)
    return tuple(row)


def _sum(row: Sequence[Any], columns: Sequence[int]) -> Formula:
    values = [_value(row[c]) for c in columns]
    known = [v for v in values if isinstance(v, int | float)]
    return Formula("sum", tuple(columns), sum(known) if known else None)


def _ratio(row: Sequence[Any], top: int, bottom: int) -> Formula:
    a, b = _value(row[top]), _value(row[bottom])
    ok = isinstance(a, int | float) and isinstance(b, int | float) and b
    return Formula("ratio", (top, bottom), round(a / b * 100, 2) if ok else None)


def _value(cell: Any) -> Any:
    return cell.value if isinstance(cell, Formula) else cell


def _numbered(columns: Sequence[Column], *, shared: bool = False) -> tuple[str, ...]:
    """(1), (2), ... the numbers of the printed columns.

    With *shared*, the sub-columns of a heading (K and Rp) share its number, as the
    evaluation table prints them.
    """
    if not shared:
        return tuple(str(n) for n in range(1, len(columns) + 1))
    numbers, n, previous = [], 0, None
    for col in columns:
        if not col.sub or col.heading != previous:
            n += 1
        previous = col.heading if col.sub else None
        numbers.append(str(n))
    return tuple(numbers)


def _target_money(years: Sequence[int], money: str, end: str) -> list[Column]:
    """Target and *money* columns under each year and under *end*, then the agency."""
    heads = [*(f"Tahun {y}" for y in years), end]
    return [*(c for h in heads for c in (Column(h, "Target", "number"), Column(h, money, "money"))),
            Column("Perangkat Daerah Penanggung Jawab")]  # fmt: skip


def renstra_table(plan: Roadmap) -> PlanningTable:
    """*Rencana Program, Kegiatan, dan Pendanaan* of the Renstra, from the programme tree.

    Goal and target indicators (*tujuan*, *sasaran*) come first, each in its column; then
    every programme node in code order with the indicators that name it, a target per year,
    the node's budget per year (the sum of its initiatives'), the end-of-period target and
    the total budget (printed as the sum of the years), and the responsible agency.
    """
    years = _years(plan)
    rollup = programme_rollup(plan)
    columns = [Column("Tujuan"), Column("Sasaran"), Column("Kode"), Column(_NAME),
               Column("Indikator Kinerja")]  # fmt: skip
    columns += _target_money(years, "Rp", "Kondisi Kinerja pada Akhir Periode Renstra")
    money_cols = [5 + 2 * k + 1 for k in range(len(years))]
    rows: list[tuple[Any, ...]] = []
    for level, column in (("goal", 0), ("target", 1)):
        for top in (i for i in plan.indicators if i.level == level):
            head: list[Any] = [None] * 5
            head[column] = top.name
            head[4] = top.name + (f" ({top.unit})" if top.unit else "")
            rows.append(_row_end([*head, *_year_cells(top, {}, years)], top, None, None))
    measures = _measures(plan)
    for node in sorted(plan.programmes, key=lambda p: code_order(p.code)):
        totals = rollup[node.code]
        inds: list[Indicator | None] = [
            i for i in measures.get(node.code, []) if i.level not in ("goal", "target")
        ]
        for k, ind in enumerate(inds or [None]):
            first = k == 0
            name = None if ind is None else ind.name + (f" ({ind.unit})" if ind.unit else "")
            row: list[Any] = [None, None, node.code if first else None,
                              _indented(node) if first else None, name,
                              *_year_cells(ind, _pagu(node, totals) if first else {},
                                           years)]  # fmt: skip
            rows.append(_row_end(row, ind, _owner(plan, node, totals) if first else None,
                                 money_cols if first else None))  # fmt: skip
    return PlanningTable(
        title=f"Rencana Program, Kegiatan, dan Pendanaan - {plan.name}",
        columns=tuple(columns), numbers=_numbered(columns), rows=tuple(rows),
    )  # fmt: skip


def rpjmd_table(plan: Roadmap) -> PlanningTable:
    """The RPJMD programme table: one row per program-level indicator, pagu per year."""
    years = _years(plan)
    rollup = programme_rollup(plan)
    columns = [Column("Kode"), Column("Program"), Column("Indikator"), Column("Satuan"),
               Column("Kondisi Awal", "", "number")]  # fmt: skip
    columns += _target_money(years, "Pagu", "Kondisi Akhir")
    money_cols = [5 + 2 * k + 1 for k in range(len(years))]
    measures = _measures(plan)
    rows = []
    programs = sorted((p for p in plan.programmes if p.level == "program"),
                      key=lambda p: code_order(p.code))  # fmt: skip
    for node in programs:
        totals = rollup[node.code]
        for k, ind in enumerate(measures.get(node.code, []) or [None]):
            first = k == 0
            row: list[Any] = [node.code if first else None, node.name if first else None,
                              None if ind is None else ind.name,
                              None if ind is None else ind.unit,
                              None if ind is None else ind.baseline,
                              *_year_cells(ind, _pagu(node, totals) if first else {},
                                           years)]  # fmt: skip
            rows.append(_row_end(row, ind, _owner(plan, node, totals) if first else None,
                                 money_cols if first else None))  # fmt: skip
    return PlanningTable(
        title=f"Program Pembangunan Daerah (RPJMD) - {plan.name}",
        columns=tuple(columns), numbers=_numbered(columns), rows=tuple(rows),
    )  # fmt: skip


def _spent(plan: Roadmap, totals: ProgrammeTotals, start: date, end: date) -> int | None:
    """Money the initiatives under a node spent from *start* to *end* (inclusive)."""
    under = set(totals.items)
    records = [r.spent for r in plan.realisation
               if r.item in under and r.spent is not None and start <= r.date <= end]  # fmt: skip
    return sum(records) if records else None


def _quarter(ind: Indicator, year: int, quarter: int) -> float | None:
    return next((v for p, v in ind.realisations.items() if period_key(p) == (year, quarter)),
                None)  # fmt: skip


def evaluation_table(plan: Roadmap, year: int) -> PlanningTable:
    """*Evaluasi hasil* of *year*: targets, realisation per Triwulan, achievement, to date.

    Columns (5)-(15) as the document numbers them, each as Kinerja (K) and Rp; (12), (13),
    (14) and (15) are the printed formulas.  Rp realisations are the realisation records'
    money (``spent``) of the initiatives under each node.
    """
    rollup = programme_rollup(plan)
    heads = [
        "Target Renstra pada akhir periode", f"Realisasi capaian s.d. Renja tahun {year - 1}",
        f"Target kinerja dan anggaran Renja tahun {year}", "Realisasi Triwulan I",
        "Realisasi Triwulan II", "Realisasi Triwulan III", "Realisasi Triwulan IV",
        f"Realisasi capaian kinerja dan anggaran Renja tahun {year}",
        f"Tingkat capaian kinerja dan realisasi anggaran Renja tahun {year} (%)",
        f"Realisasi kinerja dan anggaran Renstra s.d. tahun {year}",
        f"Tingkat capaian kinerja dan realisasi anggaran Renstra s.d. tahun {year} (%)",
    ]  # fmt: skip
    columns = [Column("No"), Column("Sasaran"), Column("Kode"), Column(_NAME),
               Column("Indikator Kinerja")]  # fmt: skip
    for n, head in enumerate(heads, start=5):
        kind = "percent" if n in (13, 15) else "number"
        money = "percent" if kind == "percent" else "money"
        columns += [Column(f"({n}) {head}", "K", kind), Column(f"({n}) {head}", "Rp", money)]
    columns += [Column("Unit Penanggung Jawab"), Column("Faktor Pendorong"),
                Column("Faktor Penghambat"), Column("Keterangan")]  # fmt: skip

    def col(n: int, rp: bool) -> int:  # the row index of printed column (n), K or Rp
        return 5 + 2 * (n - 5) + (1 if rp else 0)

    measures = _measures(plan)
    sasaran = {c: i.name for i in plan.indicators if i.level == "target" for c in i.items}
    rows = []
    number = 0
    for node in sorted(plan.programmes, key=lambda p: code_order(p.code)):
        totals = rollup[node.code]
        found: list[Indicator | None] = [
            i for i in measures.get(node.code, []) if i.level not in ("goal", "target")
        ]
        for k, ind in enumerate(found or [None]):
            number += 1
            row: list[Any] = [None] * (5 + 2 * len(heads) + 4)
            row[0] = number
            if k == 0:
                row[1], row[2], row[3] = sasaran.get(node.code), node.code, _indented(node)
                row[col(5, True)] = sum(_pagu(node, totals).values()) or None
                row[col(6, True)] = _spent(plan, totals, date(1900, 1, 1), date(year - 1, 12, 31))
                row[col(7, True)] = _pagu(node, totals).get(year)
                for q in range(4):
                    first = date(year, 3 * q + 1, 1)
                    after = date(year + (q == 3), (3 * q + 3) % 12 + 1, 1)
                    last = date.fromordinal(after.toordinal() - 1)
                    row[col(8 + q, True)] = _spent(plan, totals, first, last)
                row[-4] = _owner(plan, node, totals)
            if ind is not None:
                row[4] = ind.name + (f" ({ind.unit})" if ind.unit else "")
                row[col(5, False)] = _target(ind.final)
                row[col(6, False)] = realised(ind, year - 1, cumulative=True)
                row[col(7, False)] = _target(ind.targets.get(year))
                for q in range(4):
                    row[col(8 + q, False)] = _quarter(ind, year, q + 1)
            for rp in (False, True):
                row[col(12, rp)] = _sum(row, [col(n, rp) for n in (8, 9, 10, 11)])
                row[col(13, rp)] = _ratio(row, col(12, rp), col(7, rp))
                row[col(14, rp)] = _sum(row, [col(6, rp), col(12, rp)])
                row[col(15, rp)] = _ratio(row, col(14, rp), col(5, rp))
            rows.append(tuple(row))
    numbers = ("", *_numbered(columns[1:], shared=True))
    return PlanningTable(
        title=f"Evaluasi Hasil Renja Tahun {year} - {plan.name}",
        columns=tuple(columns), numbers=numbers, rows=tuple(rows),
    )  # fmt: skip


# -- writing --------------------------------------------------------------------------------


def planning_csv(table: PlanningTable) -> str:
    """The table as CSV: a heading row, a column-number row, then the rows.

    The printed formulas are written as their values.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f"{c.heading} - {c.sub}" if c.sub else c.heading for c in table.columns])
    writer.writerow(table.numbers)
    for row in table.rows:
        writer.writerow(["" if _value(c) is None else _value(c) for c in row])
    return out.getvalue()


def _width(column: Column) -> int:
    if column.heading in (_NAME, "Program"):
        return 40
    if column.heading.startswith("Indikator"):
        return 30
    return 16 if column.kind != "text" else 18


def planning_xlsx(table: PlanningTable) -> bytes:
    """The table as a workbook laid out for print.

    A3 landscape, merged headings, a row of column numbers, Rupiah formats, and the printed
    formulas as spreadsheet formulas.
    """
    xl = openpyxl()
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    book = xl.Workbook()
    ws = book.active
    ws.title = "Tabel"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.cell(row=1, column=1, value=table.title).font = Font(bold=True, size=12)
    head, sub, nums = 3, 4, 5
    cols = table.columns
    k = 0
    while k < len(cols):
        end = k
        while cols[k].sub and end + 1 < len(cols) and cols[end + 1].heading == cols[k].heading:
            end += 1
        cell = ws.cell(row=head, column=k + 1, value=cols[k].heading)
        if cols[k].sub:
            ws.merge_cells(start_row=head, start_column=k + 1, end_row=head, end_column=end + 1)
            for j in range(k, end + 1):
                ws.cell(row=sub, column=j + 1, value=cols[j].sub)
        else:
            ws.merge_cells(start_row=head, start_column=k + 1, end_row=sub, end_column=k + 1)
        cell.alignment = centre
        k = end + 1
    for j, number in enumerate(table.numbers, start=1):
        ws.cell(row=nums, column=j, value=f"({number})" if number else None)
    ws.row_dimensions[head].height = 48  # a long heading wraps on three lines
    for r in (head, sub, nums):
        for j in range(1, len(cols) + 1):
            c = ws.cell(row=r, column=j)
            c.font, c.alignment, c.border = Font(bold=True), centre, box
    wrap = Alignment(vertical="top", wrap_text=True)
    widths = [_width(c) for c in cols]
    for n, row in enumerate(table.rows, start=nums + 1):
        # Spreadsheets do not grow a row for wrapped text they did not lay out themselves.
        lines = max((-(-len(v) // int(w * 1.1)) for v, w in zip(row, widths, strict=True)
                     if isinstance(v, str)), default=1)  # fmt: skip
        ws.row_dimensions[n].height = 15 * max(1, lines)
        for j, value in enumerate(row, start=1):
            cell = ws.cell(row=n, column=j)
            cell.border = box
            kind = cols[j - 1].kind
            if kind == "text":
                cell.alignment = wrap  # names and indicators wrap in their column
            if isinstance(value, Formula):
                refs = [f"{get_column_letter(c + 1)}{n}" for c in value.columns]
                if value.kind == "sum":
                    cell.value = f"=SUM({','.join(refs)})"
                else:
                    top, bottom = refs
                    cell.value = f'=IF(N({bottom})=0,"",{top}/{bottom}*100)'
            elif value is not None:
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever it starts with
            if kind == "money":
                cell.number_format = MONEY_FORMAT
            elif kind == "percent":
                cell.number_format = "0.00"
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = ws.cell(row=nums + 1, column=5)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{head}:{nums}"
    return xlsx_bytes(book)
