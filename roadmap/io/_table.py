"""Plans as tables: CSV files and XLSX workbooks with one row per item (SPEC §5).

A workbook holds the sheets ``Items`` (required), ``Phases``, ``Ceilings`` and ``Roadmap``
(and an ignored ``Instructions`` sheet); a CSV plan ``plan.csv`` holds the items, and the
other tables sit next to it as ``plan.phases.csv``, ``plan.ceilings.csv`` and
``plan.roadmap.csv``.  Tables become the plan tree of :mod:`roadmap.io._tree`, so
spreadsheets obey the same rules as TOML; every error names the file, the sheet, the row
(as the spreadsheet numbers it: the header is row 1) and the column.

Text cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) are written to CSV behind a ``'``, which reading
removes; XLSX stores them as text cells, never formulas.
"""

from __future__ import annotations

import csv
import io
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path as FsPath
from typing import Any

from roadmap._files import atomic_write_all
from roadmap._sheets import RISKY, csv_text, openpyxl, workbook, xlsx_bytes, xlsx_sheet
from roadmap.dates import FIRST_DATE, parse_date
from roadmap.errors import PlanFileError, RoadmapError, did_you_mean, show
from roadmap.io._columns import (
    BUDGET_ALIAS,
    BUDGET_ALIASES,
    BUDGET_COLUMNS,
    BUDGET_YEAR,
    CAPACITY_COLUMNS,
    CORRELATION_COLUMNS,
    INDICATOR_ALIASES,
    INDICATOR_COLUMNS,
    INDICATOR_REALISATION_ALIASES,
    INDICATOR_REALISATION_COLUMNS,
    ITEM_ALIASES,
    ITEM_COLUMNS,
    LEVEL_COLUMNS,
    NOTE_COLUMNS,
    OTHER_ALIASES,
    PAGU_ALIAS,
    PHASE_ALIASES,
    PHASE_COLUMNS,
    PROGRAMME_ALIASES,
    PROGRAMME_COLUMNS,
    PROGRAMME_ITEM_COLUMNS,
    RANGE_COLUMNS,
    REALISATION_ALIASES,
    REALISATION_COLUMNS,
    RISK_COLUMNS,
    ROADMAP_KEYS,
    ROW_NUMBERS,
    SHEETS,
    SHEETS_ID,
    TARGET_YEAR,
    header,
    is_money,
)
from roadmap.io._template import instructions
from roadmap.io._tree import TreeError, from_tree, to_tree
from roadmap.model import (
    CEILING_GROUPS,
    FALSE_WORDS,
    MAX_PROSE,
    TRUE_WORDS,
    Dependency,
    Roadmap,
    parse_dependencies,
)
from roadmap.money import parse_fraction, parse_money

_SHEET_ALIASES = {
    "items": "items", "kegiatan": "items", "phases": "phases", "fase": "phases",
    "ceilings": "ceilings", "pagu": "ceilings", "roadmap": "roadmap", "peta jalan": "roadmap",
    "realisasi": "realisation", "realisation": "realisation", "risiko": "risks",
    "risks": "risks", "korelasi": "correlations", "correlations": "correlations",
    "kapasitas": "capacity", "capacity": "capacity", "anggaran": "budgets",
    "budgets": "budgets", "program": "programmes", "programmes": "programmes",
    "programme": "programmes", "nomenklatur": "programmes", "indikator": "indicators",
    "indicators": "indicators", "realisasi indikator": "indicator_realisations",
    "indicator realisations": "indicator_realisations",
}  # fmt: skip
_IGNORED_SHEETS = {"instructions", "petunjuk"}
SHEET_NAMES = tuple(name.title() for name in _SHEET_ALIASES)
_ONLY_MILESTONE = frozenset({"date", "after"})
_ONLY_INITIATIVE = frozenset({"start", "duration", "finish", "budget", "funding", "progress",
                              "multi_year", "actual_start", "actual_cost", "remaining",
                              *RANGE_COLUMNS, *LEVEL_COLUMNS,
                              *PROGRAMME_ITEM_COLUMNS})  # fmt: skip
_KINDS = {"initiative": "initiative", "kegiatan": "initiative", "milestone": "milestone",
          "tonggak": "milestone"}  # fmt: skip


# -- reading: cells -------------------------------------------------------------------------


class _CellError(ValueError):
    pass


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _unquote(value: object) -> object:
    """Undo the formula guard of a CSV cell: ``'=x`` -> ``=x``."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in RISKY:
        return value[1:]
    return value


def _ref(value: object) -> str:
    """An id or a name used as a key; a number cell (``101``) reads as its digits."""
    if isinstance(value, bool):
        raise _CellError(f"expected text, got {show(value)}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime | date):
        raise _CellError(f"expected text, got the date {value:%Y-%m-%d}")
    return str(value).strip()


def _text(value: object) -> str:
    return value if isinstance(value, str) else _ref(value)


def _date(value: object, *, end: bool = False) -> date:
    """A date cell, or text as :func:`roadmap.dates.parse_date` reads it."""
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            raise _CellError(f"expected a date without a time, got {value.isoformat()}")
        value = value.date()
    try:
        return parse_date(value, end=end)
    except ValueError as err:
        raise _CellError(str(err)) from None


def _end(value: object) -> date:
    """A date that ends something: ``Maret 2019`` is 31 March."""
    return _date(value, end=True)


def _number(value: object) -> int | float:
    """A number cell, or an amount as :func:`roadmap.money.parse_money` reads it."""
    if isinstance(value, bool):
        raise _CellError(f"expected a number, got {show(value)}")
    if isinstance(value, int | float):
        return int(value) if isinstance(value, float) and value.is_integer() else value
    try:
        return parse_money(value)
    except ValueError as err:
        raise _CellError(str(err)) from None


def _fraction(value: object) -> float:
    try:
        return parse_fraction(value)
    except ValueError as err:
        raise _CellError(str(err)) from None


def _bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = _ref(value).lower()
    if text in TRUE_WORDS or text in FALSE_WORDS:
        return text in TRUE_WORDS
    raise _CellError(f"expected yes or no (true/false, ya/tidak), got {show(value)}")


def _parts(value: object) -> list[str]:
    """``"APBD; DAK"`` -> ``["APBD", "DAK"]``."""
    return [p.strip() for p in _text(value).split(";") if p.strip()]


def _split(value: object) -> str | list[str]:
    parts = _parts(value)
    return parts[0] if len(parts) == 1 else parts


_BARE = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def _duration(value: object) -> str:
    """A duration with its unit; a bare number is refused (days? months?)."""
    if isinstance(value, bool):
        raise _CellError(f"expected a duration, got {show(value)}")
    text = str(_number(value)) if isinstance(value, int | float) else _text(value).strip()
    if _BARE.fullmatch(text):
        raise _CellError(
            f"a bare number {text} in a duration column: write '{text} bulan' or "
            f"'{text} hari', or name the unit in the header, e.g. 'durasi (bulan)'"
        )
    return text


#: Columns whose header may name a unit of time: ``durasi (bulan)``.
_TIME_COLUMNS = frozenset({"duration", "remaining", "optimistic", "most_likely", "pessimistic",
                           "delay"})  # fmt: skip


def _with_unit(key: str, unit: str, value: object) -> object:
    """A bare number in a column whose header names its unit, written with that unit."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip() if isinstance(value, int | float | str) else ""
    if not _BARE.fullmatch(text):
        return value  # a cell with its own unit ("9 bulan") keeps it
    if key in _TIME_COLUMNS:
        return f"{text} {unit}"
    scale = re.sub(r"\b(?:rp\.?|idr|rupiah)(?=\s|$)", "", unit, flags=re.IGNORECASE).strip()
    return f"{text} {scale}" if scale else value


def _note(value: object) -> str:
    """A remark cell as text: a date as ISO, a code typed as a number as its digits."""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    return _text(value)


def _links(value: object) -> list[Dependency]:
    try:
        return list(parse_dependencies(_text(value)))
    except ValueError as err:
        raise _CellError(str(err)) from None


_ITEM_CELLS: dict[str, Callable[[object], object]] = {
    "id": _ref, "name": _text, "phase": _ref, "dimension": _ref, "owner": _ref,
    "start": _date, "duration": _duration, "finish": _end, "date": _end, "after": _ref,
    "depends_on": _links, "budget": _number, "funding": _split, "deadline": _end,
    "progress": _fraction, "status": _ref, "multi_year": _bool, "tags": _split,
    "description": _text, "actual_start": _date, "actual_finish": _end,
    "actual_cost": _number, "remaining": _duration,
}  # fmt: skip


def _point(value: object) -> int | str:
    """A point of a range: a duration, or a percentage such as ``-20%``."""
    if isinstance(value, str) and value.strip().endswith("%"):
        return value.strip()
    return _duration(value)


def _amount_point(value: object) -> int | float | str:
    if isinstance(value, str) and value.strip().endswith("%"):
        return value.strip()
    return _number(value)


def _impact(value: object, point: Callable[[object], object]) -> object:
    """One value, or ``low; high`` / ``low; likely; high``."""
    if isinstance(value, str) and ";" in value:
        return [point(p) for p in _parts(value)]
    return point(value)


_ITEM_CELLS.update({
    "programme": _ref, "quick_win": _bool,
    "resources": _text, "fixed": _bool, "optimistic": _point, "most_likely": _point,
    "pessimistic": _point, "distribution": _ref,
    "cost_low": _amount_point, "cost_likely": _amount_point, "cost_high": _amount_point,
})  # fmt: skip


def _probability(value: object) -> float:
    try:
        return _fraction(value)
    except _CellError:
        raise _CellError(
            f"expected a probability such as 0.3, 0,3 or 30%, got {show(value)}"
        ) from None


_RISK_CELLS: dict[str, Callable[[object], object]] = {
    "id": _ref, "name": _text, "probability": _probability, "items": _parts,
    "delay": lambda v: _impact(v, _duration), "cost": lambda v: _impact(v, _number),
    "owner": _ref, "description": _text,
}  # fmt: skip
_CORRELATION_CELLS: dict[str, Callable[[object], object]] = {
    "items": _parts,
    "coefficient": lambda v: _fraction(v),
}
_PHASE_CELLS: dict[str, Callable[[object], object]] = {
    "id": _ref, "name": _text, "start": _date, "end": _end, "description": _text,
    "phase_start": _ref,
}  # fmt: skip


def _dates(value: object) -> list[date]:
    if isinstance(value, date):
        return [_date(value)]
    return [_date(p) for p in _parts(value)]


_REALISATION_CELLS: dict[str, Callable[[object], object]] = {
    "item": _ref, "date": _end, "month": _ref, "progress": _fraction, "spent": _number,
    "note": _text,
}  # fmt: skip

_ROADMAP_CELLS: dict[str, Callable[[object], object]] = {
    "name": _text, "start": _date, "end": _end, "currency": _ref, "language": _ref,
    "fiscal_year_start": _ref, "calendar_weekend": _parts, "status_date": _end,
    "calendar_country": _ref, "calendar_subdivision": _ref, "calendar_holidays": _dates,
    "phase_start": _ref,
}  # fmt: skip


# -- reading: tables ------------------------------------------------------------------------

_UNIT = re.compile(r"(.+?)\s*[(\[]([^()\[\]]+)[)\]]")


class Table:
    """Rows of one sheet or CSV file, with what error messages need to name them."""

    def __init__(self, path: str, sheet: str | None, rows: Iterable[Sequence[object]]):
        self.path, self.sheet = path, sheet
        it = iter(rows)
        header = next(it, None) or ()
        self.columns: list[str] = []
        #: Units a header names: ``durasi (bulan)`` -> ``{"duration": "bulan"}`` (once aliased).
        self.units: dict[str, str] = {}
        #: The headers as written, for messages: the user's words, not the canonical ones.
        self.headers = ["" if _empty(cell) else " ".join(str(cell).split()) for cell in header]
        for cell in header:
            name = "" if _empty(cell) else str(cell).strip()
            if m := _UNIT.fullmatch(name):
                name = m[1]
                self.units[re.sub(r"\s+", "_", name.lower())] = m[2].strip()
            self.columns.append(re.sub(r"\s+", "_", name.lower()))
        while self.columns and not self.columns[-1]:
            self.columns.pop()
        if "" in self.columns:
            raise self.error("a column without a name in the header", 1, self.columns.index(""))
        self.rows = [(n, tuple(r)) for n, r in enumerate(it, start=2)]
        #: Problems found in cells and the header, with the row and column index of each.
        self.problems: list[tuple[int, int, PlanFileError]] = []
        #: Rows with a problem: the plan's own errors about them would only echo it.
        self.bad_rows: set[int] = set()

    def problem(self, message: str, row: int, col: int | str | None = None) -> None:
        """Record a problem of the cell at *row* and *col* and read on."""
        k = col if isinstance(col, int) else (
            self.columns.index(col) if col in self.columns else -1)  # fmt: skip
        self.problems.append((row, k, self.error(message, row, col)))
        self.bad_rows.add(row)

    def error(
        self, message: str, row: int | None = None, col: int | str | None = None
    ) -> PlanFileError:
        column = None
        if isinstance(col, str) and col not in self.columns:
            col_name: str | None = col  # a key of a key-value sheet (Roadmap): its name
            return PlanFileError(message, path=self.path, sheet=self.sheet, row=row,
                                 column=col_name)  # fmt: skip
        if col is not None:
            column = self.label(col if isinstance(col, int) else self.columns.index(col))
        return PlanFileError(message, path=self.path, sheet=self.sheet, row=row, column=column)

    def label(self, k: int) -> str:
        """Column *k* as messages name it: its header as written, and its letter in a sheet."""
        name = self.headers[k] if k < len(self.headers) else ""
        if self.sheet is not None:  # a workbook, read with openpyxl
            from openpyxl.utils import get_column_letter

            name = f"{name} ({get_column_letter(k + 1)})"
        return name

    def alias(self, names: Mapping[str, str], budget: re.Pattern[str] = BUDGET_ALIAS) -> None:
        """Read columns by their other (Indonesian) names, and past a row-number column.

        A column matching ``budget`` is the yearly ``budget_YYYY`` column of its group.
        """
        renamed: list[str] = []
        for c in self.columns:
            if (m := budget.fullmatch(c)) and c not in names:
                name = f"budget_{m[1]}"
            elif c in ROW_NUMBERS and not renamed:
                name = ""  # a first column of row numbers: read past, like a blank header
            else:
                name = names.get(c, c)
            if c in self.units:
                self.units[name] = self.units.pop(c)
            renamed.append(name)
        self.columns = renamed

    def check_columns(
        self, allowed: Callable[[str], bool], names: str, known: Iterable[str] = ()
    ) -> None:
        seen: set[str] = set()
        for k, name in enumerate(self.columns):
            if name in seen and name:
                self.problem(f"the column {name!r} appears twice", 1, k)
                self.columns[k] = ""  # read past it
            elif name and not allowed(name):
                guess = did_you_mean(name, known) if known else ""
                self.problem(f"unknown column {name!r}{guess or ''}; allowed: {names}", 1, k)
                self.columns[k] = ""
            seen.add(name)

    def records(self) -> Iterator[tuple[int, dict[str, object]]]:
        """Non-blank rows as ``(row, {column: cell})``, blank cells left out."""
        width = len(self.columns)
        for n, cells in self.rows:
            extra = [k for k in range(width, len(cells)) if not _empty(cells[k])]
            if extra:
                self.problem(f"a value outside the table (no header above it): "
                             f"{show(cells[extra[0]])}", n, extra[0])  # fmt: skip
            record = {
                self.columns[k]: _unquote(v)
                for k, v in enumerate(cells[:width])
                if not _empty(v) and self.columns[k]
            }
            if record:
                yield n, record

    def convert(
        self, n: int, record: Mapping[str, object], cells: Mapping[str, Callable[[object], object]]
    ) -> dict[str, object]:
        out = {}
        for key, value in record.items():
            fn = cells.get(key) or (_number if BUDGET_YEAR.fullmatch(key) else _ref)
            if key in self.units:
                value = _with_unit(key, self.units[key], value)
            try:
                out[key] = fn(value)
            except _CellError as err:
                self.problem(str(err), n, key)  # and read on: every bad cell is reported
        return out


class _Plan:
    """Tables -> plan tree, remembering where each part of the tree came from."""

    def __init__(self, tables: Mapping[str, Table | None], name: str, ignored: Sequence[str] = ()):
        self.tables = tables
        self.ignored = ignored
        self.where: dict[tuple[Any, ...], tuple[Table, int]] = {}
        self.tree: dict[str, Any] = {}
        self.default_name = name

    def build(self) -> Roadmap:
        items = self.tables.get("items")
        if items is None:
            raise PlanFileError("no Items sheet: the items are the plan", path=self._any_path())
        self._items(items)
        if (phases := self.tables.get("phases")) is not None:
            self._phases(phases)
        if (indicators := self.tables.get("indicators")) is not None:
            self._indicators(indicators, self.tables.get("indicator_realisations"))
        if (programmes := self.tables.get("programmes")) is not None:
            self._programmes(programmes)
        if (ceilings := self.tables.get("ceilings")) is not None:
            self._ceilings(ceilings)
        if (realisation := self.tables.get("realisation")) is not None:
            self._realisation(realisation)
        if (capacity := self.tables.get("capacity")) is not None:
            self._capacity(capacity)
        if (budgets := self.tables.get("budgets")) is not None:
            self._budgets(budgets)
        for key, columns, cells in (
            ("risks", RISK_COLUMNS, _RISK_CELLS),
            ("correlations", CORRELATION_COLUMNS, _CORRELATION_CELLS),
        ):
            if (table := self.tables.get(key)) is not None:
                self._register(table, key, columns, cells)
        self._roadmap(self.tables.get("roadmap"))
        order = list(self.tables)
        found = [
            ((order.index(key), row, col), err)
            for key, table in self.tables.items() if table is not None
            for row, col, err in table.problems
        ]  # fmt: skip
        try:
            plan = from_tree(self.tree, "table", self.ignored)
        except TreeError as err:
            for e in err.errors:
                where = self._locate(e)
                table = next((t for t in self.tables.values() if t is not None
                              and (t.path, t.sheet) == (where.path, where.sheet)),
                             None)  # fmt: skip
                if table is not None and where.row in table.bad_rows and (
                    where.column is None
                    or any(e.row == where.row and e.column == where.column
                           for _, _, e in table.problems)
                ):  # fmt: skip
                    continue  # about what a row's bad cells left out: reported already
                key = next(k for k, t in self.tables.items() if t is table) if table else ""
                labels = [table.label(k) for k in range(len(table.columns))] if table else []
                col = labels.index(where.column) if where.column in labels else -1
                found.append(((order.index(key) if key else 0, where.row or 0, col), where))
        else:
            if not found:
                return plan
        found.sort(key=lambda pair: pair[0])
        error = PlanFileError.of([err for _, err in found], sort=False)
        language = self.tree.get("roadmap", {}).get("language", "id")
        error.language = language if language in ("id", "en") else None
        raise error

    def _any_path(self) -> str:
        return next(t.path for t in self.tables.values() if t is not None)

    def _items(self, table: Table) -> None:
        table.alias(ITEM_ALIASES)
        notes = {c: c[1:] if c.startswith("_") else c
                 for c in table.columns if NOTE_COLUMNS.fullmatch(c)}  # fmt: skip
        table.check_columns(
            lambda c: (
                c in ITEM_COLUMNS
                or c in RANGE_COLUMNS
                or c in LEVEL_COLUMNS
                or c in PROGRAMME_ITEM_COLUMNS
                or c in notes
                or bool(BUDGET_YEAR.fullmatch(c))
            ),
            ", ".join(ITEM_COLUMNS)
            + ", budget_YYYY, "
            + ", ".join(RANGE_COLUMNS + LEVEL_COLUMNS + PROGRAMME_ITEM_COLUMNS)
            + ", their Indonesian names (kode, nama, durasi, ...), and notes (catatan, "
            "keterangan, or any column starting with _)",
            (
                *ITEM_COLUMNS,
                *RANGE_COLUMNS,
                *LEVEL_COLUMNS,
                *PROGRAMME_ITEM_COLUMNS,
                *ITEM_ALIASES,
                "keterangan",
            ),
        )
        if "id" not in table.columns:
            raise table.error("the header has no 'id' column", 1)
        initiatives: list[dict[str, object]] = []
        milestones: list[dict[str, object]] = []
        for n, record in table.records():
            kind_cell = record.pop("kind", None)
            if kind_cell is None:
                kind = "milestone" if ("date" in record or "after" in record) else "initiative"
            else:
                kind = _KINDS.get(_ref(kind_cell).lower(), "")
                if not kind:
                    table.problem(f"unknown kind {kind_cell!r}; allowed: initiative (kegiatan), "
                                  "milestone (tonggak)", n, "kind")  # fmt: skip
                    continue
            wrong = _ONLY_INITIATIVE if kind == "milestone" else _ONLY_MILESTONE
            for key in list(record):
                if key in wrong or (kind == "milestone" and key.startswith("budget_")):
                    other = "initiatives" if kind == "milestone" else "milestones"
                    table.problem(f"this column is for {other}; this row is a {kind}", n, key)
                    del record[key]
            remarks = {notes[k]: _note(record.pop(k)) for k in list(record) if k in notes}
            entry = table.convert(n, record, _ITEM_CELLS)
            if (
                n in table.bad_rows
                and kind == "initiative"
                and not ({"duration", "finish"} & set(entry))
            ):  # its duration cell is wrong: read on as one day, to check the rest of it
                entry["duration"] = 1
            if remarks:
                entry["notes"] = remarks
            costs = [entry.pop(k, None) for k in ("cost_low", "cost_likely", "cost_high")]
            if any(c is not None for c in costs):
                entry["cost_range"] = costs if costs[1] is not None else [costs[0], costs[2]]
            years = {k[7:]: entry.pop(k) for k in list(entry) if BUDGET_YEAR.fullmatch(k)}
            if years:
                total = entry.pop("budget", None)
                entry["budget"] = years if total is None else {"total": total, **years}
            target = initiatives if kind == "initiative" else milestones
            self.where[(f"{kind}s", len(target))] = (table, n)
            target.append(entry)
        if initiatives:
            self.tree["initiatives"] = initiatives
        if milestones:
            self.tree["milestones"] = milestones

    def _phases(self, table: Table) -> None:
        table.alias(PHASE_ALIASES)
        table.check_columns(lambda c: c in PHASE_COLUMNS, ", ".join(PHASE_COLUMNS))
        phases: list[dict[str, object]] = []
        for n, record in table.records():
            self.where[("phases", len(phases))] = (table, n)
            phases.append(table.convert(n, record, _PHASE_CELLS))
        if phases:
            self.tree["phases"] = phases

    def _programmes(self, table: Table) -> None:
        """The programme tree: a node a row, its pagu indikatif in budget_YYYY columns."""
        table.alias(PROGRAMME_ALIASES, PAGU_ALIAS)
        table.check_columns(
            lambda c: c in PROGRAMME_COLUMNS or bool(BUDGET_YEAR.fullmatch(c)),
            ", ".join(PROGRAMME_COLUMNS) + ", budget_YYYY (or kode, nama, edisi, "
            "perangkat_daerah, pagu_YYYY)", PROGRAMME_COLUMNS,
        )  # fmt: skip
        rows: list[dict[str, object]] = []
        for n, record in table.records():
            entry = table.convert(n, record, dict.fromkeys(PROGRAMME_COLUMNS, _text))
            years = {k[7:]: entry.pop(k) for k in list(entry) if BUDGET_YEAR.fullmatch(k)}
            if years:
                entry["budget"] = years
            self.where[("programmes", len(rows))] = (table, n)
            rows.append(entry)
        if rows:
            self.tree["programmes"] = rows

    def _indicators(self, table: Table, realised: Table | None) -> None:
        """Indicators, a row each with target_YYYY columns, and their realisations."""
        table.alias(INDICATOR_ALIASES)
        table.check_columns(
            lambda c: c in INDICATOR_COLUMNS or bool(TARGET_YEAR.fullmatch(c)),
            ", ".join(INDICATOR_COLUMNS) + ", target_YYYY (or kode, indikator, satuan, ...)",
            INDICATOR_COLUMNS,
        )
        cells: dict[str, Callable[[object], object]] = {
            **dict.fromkeys(INDICATOR_COLUMNS, _text), "id": _ref, "items": _parts,
        }  # fmt: skip
        rows: list[dict[str, Any]] = []
        for n, record in table.records():
            entry = {k: v if TARGET_YEAR.fullmatch(k) else cells[k](v)
                     for k, v in record.items()}  # fmt: skip
            targets = {k[7:]: entry.pop(k) for k in list(entry) if TARGET_YEAR.fullmatch(k)}
            if targets:
                entry["targets"] = targets
            self.where[("indicators", len(rows))] = (table, n)
            rows.append(entry)
        if realised is not None:
            realised.alias(INDICATOR_REALISATION_ALIASES)
            realised.check_columns(lambda c: c in INDICATOR_REALISATION_COLUMNS,
                                   ", ".join(INDICATOR_REALISATION_COLUMNS) + " (or kode, "
                                   "periode, nilai)", INDICATOR_REALISATION_COLUMNS)  # fmt: skip
            by_id = {str(r.get("id")): r for r in rows}
            for n, record in realised.records():
                id, period = _ref(record.get("indicator", "")), record.get("period")
                if id not in by_id:
                    realised.problem(f"no indicator {id!r}{did_you_mean(id, by_id)}", n,
                                     "indicator")  # fmt: skip
                    continue
                if period is None or "value" not in record:
                    realised.problem("a realisation needs its period and value", n, "period")
                    continue
                by_id[id].setdefault("realisations", {})[_ref(period)] = record["value"]
        if rows:
            self.tree["indicators"] = rows

    def _budgets(self, table: Table) -> None:
        """Budgets per funding source (and fiscal year), one row each, into the items."""
        table.alias(BUDGET_ALIASES)
        table.check_columns(lambda c: c in BUDGET_COLUMNS, ", ".join(BUDGET_COLUMNS)
                            + " (or kode, tahun, sumber_dana, jumlah)", BUDGET_COLUMNS)  # fmt: skip
        entries = {str(e.get("id")): (k, e) for k, e in enumerate(self.tree.get("initiatives", []))}
        shares: dict[str, dict[str, Any]] = {}
        for n, record in table.records():
            cells = table.convert(n, record, {"item": _ref, "year": _ref, "funding": _ref,
                                              "amount": _number})  # fmt: skip
            if len(cells) < len(record):
                continue  # a bad cell, reported
            missing = [c for c in ("item", "funding", "amount") if c not in cells]
            if missing:
                table.problem(f"a budget row needs {' and '.join(missing)}", n, missing[0])
                continue
            id, source = str(cells["item"]), str(cells["funding"])
            if id not in entries:
                table.problem(f"no initiative {id!r}{did_you_mean(id, entries)}", n, "item")
                continue
            year = cells.get("year")
            share = shares.setdefault(id, {})
            if year is None:
                if source in share:
                    table.problem(f"a second budget of {id} from {source}", n, "funding")
                    continue
                share[source] = cells["amount"]
            else:
                years = share.setdefault(source, {})
                if not isinstance(years, dict) or str(year) in years:
                    table.problem(f"{id} from {source}: give one amount per year, or one "
                                  "amount in all", n, "year")  # fmt: skip
                    continue
                years[str(year)] = cells["amount"]
            self.where.setdefault(("budgets", id), (table, n))
        for id, share in shares.items():
            k, entry = entries[id]
            total = entry.pop("budget", None)
            amounts = [v if isinstance(v, int) else sum(v.values()) for v in share.values()]
            if total is not None and total != sum(amounts):
                items, n = self.where[("initiatives", k)]
                items.problem(f"the budget {total} is not the {sum(amounts)} the "
                              f"{table.sheet or 'budgets'} rows of {id} add up to; leave it "
                              "empty or make them agree", n, "budget")  # fmt: skip
            entry["budget"] = share

    def _realisation(self, table: Table) -> None:
        """Monthly records; Indonesian column names (kode, bulan, fisik, ...) are accepted."""
        table.alias(REALISATION_ALIASES)
        table.check_columns(
            lambda c: c in REALISATION_COLUMNS,
            ", ".join(REALISATION_COLUMNS) + " (or kode, tanggal, bulan, fisik, keuangan, "
            "permasalahan)",
        )
        records: list[dict[str, object]] = []
        for n, record in table.records():
            self.where[("realisation", len(records))] = (table, n)
            month = record.get("month")
            if isinstance(month, date):  # Excel made "2019-06" a date: its month is meant
                record = {**record, "month": f"{month.year}-{month.month:02d}"}
            records.append(table.convert(n, record, _REALISATION_CELLS))
        if records:
            self.tree["realisation"] = records

    def _capacity(self, table: Table) -> None:
        """Resources (group empty) and owners' limits (group ``owner``)."""
        table.alias(OTHER_ALIASES)
        table.check_columns(lambda c: c in CAPACITY_COLUMNS, ", ".join(CAPACITY_COLUMNS))
        out: dict[str, Any] = {}
        for n, record in table.records():
            group = _ref(record.get("group", "")).lower()
            if group not in ("", "owner", "pemilik", "pelaksana"):
                raise table.error(f"unknown group {group!r}; leave it empty for a resource, or "
                                  "write owner", n, "group")  # fmt: skip
            if "name" not in record:
                raise table.error("a capacity needs its name", n, "name")
            try:
                units = _number(record.get("capacity"))
            except _CellError as err:
                raise table.error(str(err), n, "capacity") from None
            name = _ref(record["name"])
            self.where[("capacity", name)] = (table, n)
            if group:
                out.setdefault("owners", {})[name] = units
            else:
                out[name] = units
        if out:
            self.tree["capacity"] = out

    def _register(
        self, table: Table, key: str, columns: tuple[str, ...],
        cells: dict[str, Callable[[object], object]],
    ) -> None:  # fmt: skip
        """The risk register or the correlations: one row each."""
        table.alias(OTHER_ALIASES)
        table.check_columns(lambda c: c in columns, ", ".join(columns))
        rows: list[dict[str, object]] = []
        for n, record in table.records():
            self.where[(key, len(rows))] = (table, n)
            rows.append(table.convert(n, record, cells))
        if rows:
            self.tree[key] = rows

    def _ceilings(self, table: Table) -> None:
        table.alias(OTHER_ALIASES)
        table.check_columns(
            lambda c: c in ("group", "name") or c.isdigit(), "group, name and years (2019, ...)"
        )
        out: dict[str, Any] = {}
        for n, record in table.records():
            group = _ref(record.pop("group", "")).lower()
            name = _ref(record.pop("name", ""))
            amounts = {}
            for year, value in record.items():
                try:
                    amounts[year] = _number(value)
                except _CellError as err:
                    raise table.error(str(err), n, year) from None
            if group in ("", "total", "jumlah"):
                if name:
                    raise table.error("a ceiling for all items has no name", n, "name")
                target = out
                self.where[("ceilings",)] = (table, n)
            elif group in CEILING_GROUPS:
                if not name:
                    raise table.error(f"which {group}? the name is empty", n, "group")
                target = out.setdefault(group, {}).setdefault(name, {})
                self.where[("ceilings", group, name)] = (table, n)
            else:
                raise table.error(
                    f"unknown group {group!r}; allowed: empty (all items), "
                    + ", ".join(CEILING_GROUPS),
                    n,
                    "group",
                )
            for year, amount in amounts.items():
                if year in target:
                    raise table.error(f"a second ceiling for {year}", n, year)
                target[year] = amount
        if out:
            self.tree["ceilings"] = out

    def _roadmap(self, table: Table | None) -> None:
        head: dict[str, Any] = {}
        if table is not None:
            table.alias(OTHER_ALIASES)
            table.check_columns(lambda c: c in ("key", "value"), "key, value")
            for n, record in table.records():
                key = _ref(record.get("key", "")).lower().replace(" ", "_")
                if key not in ROADMAP_KEYS:
                    raise table.error(
                        f"unknown key {key!r}; allowed: {', '.join(ROADMAP_KEYS)}", n, "key"
                    )
                if "value" not in record:
                    continue
                converted = table.convert(n, {key: record["value"]}, _ROADMAP_CELLS)
                if key not in converted:
                    continue  # a bad cell: recorded, and reported with the others
                value = converted[key]
                self.where[("roadmap", key)] = (table, n)
                if key.startswith("calendar_"):
                    head.setdefault("calendar", {})[key[9:]] = value
                    self.where.setdefault(("roadmap", "calendar"), (table, n))
                else:
                    head[key] = value
        head.setdefault("name", self.default_name)
        if "start" not in head:
            first = [
                v
                for part in ("phases", "initiatives", "milestones")
                for entry in self.tree.get(part, [])
                for k, v in entry.items()
                if k in ("start", "date", "finish") and isinstance(v, date)
            ]
            if not first and any(t is not None and t.problems for t in self.tables.values()):
                first = [FIRST_DATE]  # a start cell was wrong: that is the error to report
            if not first:
                where = table or self.tables["items"]
                assert where is not None
                raise where.error(
                    "the roadmap has no start: give it in the Roadmap sheet "
                    "(key start) or give items start dates"
                )
            head["start"] = min(first)
        self.tree["roadmap"] = head

    def _locate(self, err: TreeError) -> PlanFileError:
        path = err.path
        part = path[0] if path else "roadmap"
        if part in ("initiatives", "milestones", "phases", "realisation", "risks",
                    "correlations", "programmes", "indicators") and len(path) >= 2:  # fmt: skip
            table, n = self.where[(part, path[1])]
            field = str(path[2]) if len(path) > 2 else None
            if field == "budget_total":
                field = "budget"
            elif field == "targets" and len(path) > 3:
                field = f"target_{path[3]}"
            elif field == "budget" and len(path) > 3 and f"budget_{path[3]}" in table.columns:
                field = f"budget_{path[3]}"
            col = field if field in table.columns else None
            return table.error(err.message, n, col)
        if part == "ceilings":
            group = ("ceilings", *path[1:3]) if len(path) >= 3 else ("ceilings",)
            found = self.where.get(group) or self.where.get(("ceilings",))
            if found is None:
                return self._table("ceilings").error(err.message)
            year = str(path[-1])
            return found[0].error(err.message, found[1], year if year in found[0].columns else None)
        if part == "capacity" and self.tables.get("capacity") is not None:
            return self._table("capacity").error(err.message)
        if len(path) > 1 and ("roadmap", path[1]) in self.where:
            table, n = self.where[("roadmap", path[1])]
            return table.error(err.message, n, "value")
        return self._table("roadmap" if self.tables.get("roadmap") else "items").error(err.message)

    def _table(self, key: str) -> Table:
        table = self.tables.get(key)
        assert table is not None
        return table


# -- reading: files -------------------------------------------------------------------------


def _sidecar(path: str, key: str) -> str:
    p = FsPath(path)
    return str(p.with_name(f"{p.stem}.{key}{p.suffix}"))


def _csv_rows(text: str, path: str) -> list[list[str]]:
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    if "\t" in first and first.count("\t") > max(first.count(";"), first.count(",")):
        delimiter = "\t"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return list(reader)
    except csv.Error as err:  # a cell over the csv module's 131,072 characters
        limit = csv.field_size_limit()
        why = (
            (
                f"a cell holds more than {limit:,} characters (a plan's longest text is "
                f"{MAX_PROSE:,})"
            )
            if "field larger" in str(err)
            else f"not valid CSV: {err}"
        )
        raise PlanFileError(why, path=path, row=reader.line_num) from None


def _decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        row = data[: err.start].count(b"\n") + 1
        raise PlanFileError(
            "the file is not UTF-8 text (in Excel: Save As, CSV UTF-8)", path=path, row=row
        ) from None


def read_csv(data: bytes, path: str, *, sidecars: bool = True) -> Roadmap:
    """Read a CSV plan, and the ``.phases``, ``.ceilings`` and ``.roadmap`` files beside it."""
    tables: dict[str, Table | None] = {
        "items": Table(path, None, _csv_rows(_decode(data, path), path))
    }
    if sidecars:
        for key in ("phases", "programmes", "ceilings", "roadmap", "realisation", "capacity",
                    "budgets", "risks", "correlations", "indicators",
                    "indicator_realisations"):  # fmt: skip
            other = _sidecar(path, key)
            if os.path.exists(other):
                try:
                    raw = FsPath(other).read_bytes()
                except OSError as err:
                    raise PlanFileError(
                        f"cannot read the file: {err.strerror}", path=other
                    ) from None
                tables[key] = Table(other, None, _csv_rows(_decode(raw, other), other))
    return _Plan(tables, FsPath(path).stem).build()


#: The most a plan workbook may unpack to: a zip bomb is refused before it is parsed.
MAX_UNPACKED = 64 * 2**20


def read_xlsx(data: bytes, path: str) -> Roadmap:
    """Read an XLSX plan (needs the ``excel`` extra)."""
    xl = openpyxl()
    import zipfile
    import zlib

    # What a damaged workbook raises from openpyxl (a corrupt zip, a cut or garbled XML
    # part, a number cell holding text), while loading or while its rows are read.  An
    # XML ParseError is caught as SyntaxError, its base: with defusedxml installed,
    # openpyxl parses with a private copy of ElementTree and its own ParseError class.
    broken = (zipfile.BadZipFile, zlib.error, SyntaxError, KeyError, ValueError, TypeError,
              IndexError, EOFError, OSError, OverflowError, NotImplementedError)  # fmt: skip
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as err:
        raise PlanFileError(f"not a valid Excel workbook (.xlsx): {err}", path=path) from None
    if unpacked > MAX_UNPACKED:
        raise PlanFileError(
            f"the workbook unpacks to {unpacked / 2**20:,.0f} MB, more than the "
            f"{MAX_UNPACKED // 2**20} MB a plan workbook may hold (a plan of 10,000 items "
            "holds about 5 MB)",
            path=path,
        )
    try:
        with warnings.catch_warnings():  # openpyxl warns on stderr of what it cannot read
            warnings.simplefilter("ignore")
            book = xl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except broken as err:
        raise PlanFileError(f"not a valid Excel workbook (.xlsx): {err}", path=path) from None
    ignored: list[str] = []
    try:
        sheets: dict[str, tuple[str, list[tuple[object, ...]]]] = {}
        for ws in book.worksheets:
            key = _SHEET_ALIASES.get(ws.title.strip().lower())
            if key is None:  # a sheet of notes, a chart, a pivot: not the plan's
                if ws.title.strip().lower() not in _IGNORED_SHEETS:
                    ignored.append(ws.title)
                continue
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    rows = list(ws.iter_rows(min_row=1, values_only=True))
            except broken as err:
                raise PlanFileError(
                    f"not a valid Excel workbook (.xlsx): sheet {ws.title!r}: {err}", path=path
                ) from None
            sheets[key] = (ws.title, rows)
    finally:
        book.close()
    tables: dict[str, Table | None] = {
        key: Table(path, title, rows) for key, (title, rows) in sheets.items()
    }
    return _Plan(tables, FsPath(path).stem, ignored).build()


# -- writing --------------------------------------------------------------------------------


def to_tables(plan: Roadmap) -> dict[str, tuple[list[str], list[list[object]]]]:
    """The plan as tables: ``{key: (columns, rows)}`` with dates, numbers and text.

    Raises
    ------
    roadmap.RoadmapError
        For a plan with baselines: tables have no place for them.
    """
    if plan.baselines:
        raise RoadmapError(
            "a CSV or XLSX plan has no place for baselines: keep the plan in TOML, JSON or "
            "YAML, or compare with another plan file (roadmap status --baseline FILE)"
        )
    tree = to_tree(plan, years=int)
    shared = {i.id: i.budget_shares for i in plan.initiatives if i.budget_shares}
    years = sorted(
        {y for entry in tree.get("initiatives", []) if isinstance(entry.get("budget"), dict)
         and entry["id"] not in shared for y in entry["budget"] if y != "total"}
    )  # fmt: skip
    columns = list(ITEM_COLUMNS)
    at = columns.index("budget") + 1
    columns[at:at] = [f"budget_{y}" for y in years]
    ranged = [i for i in plan.initiatives if i.duration_range or i.cost_range
              or i.distribution != "pert"]  # fmt: skip
    if ranged:
        columns += list(RANGE_COLUMNS)
    if any(i.resources or i.fixed for i in plan.initiatives):
        columns += list(LEVEL_COLUMNS)
    if any(i.programme or i.quick_win for i in plan.initiatives):
        columns += list(PROGRAMME_ITEM_COLUMNS)
    headings = list(dict.fromkeys(k for i in plan.items for k in i.notes))
    note_columns = {h: _note_column(h) for h in headings}
    columns += list(note_columns.values())
    rows = []
    for kind in ("initiative", "milestone"):
        for entry in tree.get(f"{kind}s", []):
            cells = dict(entry, kind=kind)
            budget = cells.pop("budget", None)
            if cells["id"] in shared:
                pass  # in the budgets table
            elif isinstance(budget, dict):
                cells.update({f"budget_{y}": v for y, v in budget.items() if y != "total"})
                if "total" in budget:
                    cells["budget"] = budget["total"]
            elif budget is not None:
                cells["budget"] = budget
            points = cells.pop("duration_range", None)
            if points is not None:
                low, *likely, high = points
                cells.update(optimistic=low, pessimistic=high,
                             most_likely=likely[0] if likely else None)  # fmt: skip
            points = cells.pop("cost_range", None)
            if points is not None:
                low, *likely, high = points
                cells.update(cost_low=low, cost_high=high,
                             cost_likely=likely[0] if likely else None)  # fmt: skip
            for heading, text in cells.pop("notes", {}).items():
                cells[note_columns[heading]] = text
            if "resources" in cells:
                cells["resources"] = "; ".join(f"{k}={v}" for k, v in cells["resources"].items())
            if "depends_on" in cells:
                cells["depends_on"] = "; ".join(
                    Dependency.coerce(d).text(plan.language) for d in cells["depends_on"]
                )
            for key in ("funding", "tags"):
                value = cells.get(key)
                values = value if isinstance(value, list) else [value] if value else []
                odd = next((v for v in values if ";" in v), None)
                if odd is not None:
                    raise RoadmapError(
                        f"item {cells.get('id')!r}: {key} {odd!r} holds ';', which separates "
                        "values in a table cell, so it would read back as several; rename "
                        "it, or keep the plan in TOML, JSON or YAML"
                    )
                if isinstance(value, list):
                    cells[key] = "; ".join(value)
            rows.append([cells.get(c) for c in columns])
    out: dict[str, tuple[list[str], list[list[object]]]] = {"items": (columns, rows)}
    if shared:
        out["budgets"] = (list(BUDGET_COLUMNS), [
            [id, year, source, amount]
            for id, shares in shared.items()
            for source, share in shares.items()
            for year, amount in (share.items() if isinstance(share, dict) else [(None, share)])
        ])  # fmt: skip
    head = tree["roadmap"]
    cal = head.pop("calendar", {})
    for key, value in cal.items():
        head[f"calendar_{key}"] = (
            "; ".join(v.isoformat() if isinstance(v, date) else str(v) for v in value)
            if isinstance(value, list)
            else value
        )
    out["roadmap"] = (["key", "value"], [[k, head[k]] for k in ROADMAP_KEYS if k in head])
    if plan.phases:
        out["phases"] = (
            list(PHASE_COLUMNS),
            [[p.get(c) for c in PHASE_COLUMNS] for p in tree["phases"]],
        )
    if plan.realisation:
        cols = [c for c in REALISATION_COLUMNS if c != "month"]
        out["realisation"] = (cols, [[r.get(c) for c in cols] for r in tree["realisation"]])
    if plan.capacity or plan.owner_capacity:
        out["capacity"] = (list(CAPACITY_COLUMNS), [
            *(["", name, units] for name, units in plan.capacity.items()),
            *(["owner", name, units] for name, units in plan.owner_capacity.items()),
        ])  # fmt: skip
    if plan.programmes:
        pagu = sorted({y for node in plan.programmes for y in node.budget})
        out["programmes"] = ([*PROGRAMME_COLUMNS, *(f"budget_{y}" for y in pagu)], [
            [node.code, node.name, node.edition, node.owner,
             *(node.budget.get(y) for y in pagu)] for node in plan.programmes
        ])  # fmt: skip
    for key, heads in (
        ("risks", RISK_COLUMNS),
        ("correlations", CORRELATION_COLUMNS),
    ):
        if tree.get(key):
            out[key] = (list(heads), [[_cell(r.get(c)) for c in heads] for r in tree[key]])
    if plan.indicators:
        out.update(_indicator_tables(plan))
    if plan.ceilings or plan.group_ceilings:
        all_years = sorted(
            set(plan.ceilings).union(*(a for g in plan.group_ceilings.values() for a in g.values()))
        )
        crows: list[list[object]] = []
        if plan.ceilings:
            crows.append(["", "", *(plan.ceilings.get(y) for y in all_years)])
        for group, names in plan.group_ceilings.items():
            for name, amounts in names.items():
                crows.append([group, name, *(amounts.get(y) for y in all_years)])
        out["ceilings"] = (["group", "name", *map(str, all_years)], crows)
    return out


def _indicator_tables(plan: Roadmap) -> dict[str, tuple[list[str], list[list[object]]]]:
    """The indicators, a row each with a target_YYYY column per year, and realisations."""
    years = sorted({y for ind in plan.indicators for y in ind.targets})
    columns = [*INDICATOR_COLUMNS, *(f"target_{y}" for y in years)]

    def target(value: object) -> object:
        return f"{value[0]:g}-{value[1]:g}" if isinstance(value, tuple) else value

    rows = [
        [ind.id, ind.name, ind.unit, ind.level, "; ".join(ind.items) or None, ind.baseline,
         target(ind.final), None if ind.polarity == "higher" else ind.polarity,
         None if ind.combine == "sum" else ind.combine,
         *(target(ind.targets.get(y)) for y in years)]
        for ind in plan.indicators
    ]  # fmt: skip
    out = {"indicators": (columns, rows)}
    realised = [[ind.id, period, value] for ind in plan.indicators
                for period, value in ind.realisations.items()]  # fmt: skip
    if realised:
        out["indicator_realisations"] = (list(INDICATOR_REALISATION_COLUMNS), realised)
    return out


def _note_column(heading: str) -> str:
    """The column of a note: its heading when a table reads it back as a note, else ``_``."""
    column = re.sub(r"\s+", "_", heading.lower())
    return column if NOTE_COLUMNS.fullmatch(column) and column == heading else f"_{heading}"


def _cell(value: object) -> object:
    """A list (items, a range) as ``a; b; c`` in one cell."""
    return "; ".join(map(str, value)) if isinstance(value, list) else value


def _in_language(
    plan: Roadmap,
) -> Iterator[tuple[str, list[str], list[str], list[list[object]]]]:
    """``(key, columns, headers, rows)`` of each table, headed in the plan's language."""
    lang = plan.language
    for key, (columns, rows) in to_tables(plan).items():
        if lang == "id" and key == "items" and "kind" in columns:
            k = columns.index("kind")
            rows = [[*r[:k], _KIND_ID.get(str(r[k]), r[k]), *r[k + 1 :]] for r in rows]
        yield key, columns, [header(key, c, lang) for c in columns], rows


_KIND_ID = {"initiative": "kegiatan", "milestone": "tonggak"}


def write_csv(plan: Roadmap, path: str | os.PathLike[str]) -> list[str]:
    """Write a CSV plan and its side files atomically; return the paths written."""
    name = os.fspath(path)
    files = [
        (name if key == "items" else _sidecar(name, key), csv_text(headers, rows).encode())
        for key, _, headers, rows in _in_language(plan)
    ]
    atomic_write_all(files)  # the plan's files as a set: all new, or all as they were
    written = [target for target, _ in files]
    for key in (
        "phases",
        "ceilings",
        "realisation",
        "capacity",
        "budgets",
        "programmes",
        "indicators",
        "indicator_realisations",
        "risks",
        "correlations",
    ):
        other = _sidecar(name, key)
        if other not in written and os.path.exists(other):
            os.unlink(other)
    return written


def write_xlsx(plan: Roadmap) -> bytes:
    """The plan as an XLSX workbook."""
    book = workbook()
    for key, columns, headers, rows in _in_language(plan):
        ws = book.create_sheet((SHEETS_ID if plan.language == "id" else SHEETS)[key])
        money = set() if key == "roadmap" else {
            h for c, h in zip(columns, headers, strict=True) if is_money(c)}  # fmt: skip
        xlsx_sheet(ws, headers, rows, money=money.__contains__)
    instructions(book, "en" if plan.language == "en" else "id")
    return xlsx_bytes(book)
