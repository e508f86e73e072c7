"""Schedule and budget tables as text, CSV, JSON, Markdown and XLSX: one renderer each.

The command line, the example and users' scripts all render through these functions, so
a table looks the same wherever it is written.  Text functions return ``str``; XLSX
functions return the workbook's ``bytes`` (write them with any atomic writer).

Examples
--------
>>> from datetime import date
>>> from roadmap.model import Initiative, Roadmap
>>> from roadmap.scheduler import schedule
>>> plan = Roadmap(name="Demo", start=date(2019, 1, 1), initiatives=[
...     Initiative(id="A", name="Master plan", duration="3 months", budget=90),
...     Initiative(id="B", name="Perwako", duration="1 month", depends_on=["A"], budget=10),
... ])
>>> print(schedule_text(schedule(plan)), end="")
Demo: 2019-01-01 .. 2019-04-30, 2 items, critical path: A -> B
<BLANKLINE>
   id  name         start       finish      slack  free  driving
-  --  -----------  ----------  ----------  -----  ----  -------
*  A   Master plan  2019-01-01  2019-03-31      0     0
*  B   Perwako      2019-04-01  2019-04-30      0     0  A
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from roadmap._i18n import (
    BUDGET_WORDS,
    GROUP_WORDS,
    SCHEDULE_HEADERS,
    Language,
    language_of,
    yes_no,
)
from roadmap._sheets import csv_text, workbook, xlsx_bytes, xlsx_sheet
from roadmap.budget import BudgetTable
from roadmap.export._layout import aligned, markdown
from roadmap.money import format_money
from roadmap.scheduler import RECORD_COLUMNS, Schedule

__all__ = [
    "CSV_DIALECTS",
    "SCHEDULE_HEADERS",
    "budget_csv",
    "budget_json",
    "budget_markdown",
    "budget_text",
    "budget_xlsx",
    "schedule_csv",
    "schedule_json",
    "schedule_markdown",
    "schedule_text",
    "schedule_xlsx",
]

#: CSV dialects: ``"plain"`` (comma, English keys, yes/no: for programs) and ``"id"``
#: (semicolon, a UTF-8 byte-order mark, Indonesian headers and values: what Excel with
#: Indonesian regional settings opens in columns).
CSV_DIALECTS = ("plain", "id")


# -- shared layout ------------------------------------------------------------------------


def _day(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


# -- schedule -----------------------------------------------------------------------------


def _summary(sched: Schedule) -> str:
    return (
        f"{sched.plan.name}: {sched.start} .. {sched.finish}, {len(sched)} items, "
        f"critical path: {' -> '.join(sched.critical_path) or '-'}"
    )


def _schedule_rows(sched: Schedule, width: int | None) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for r in sched.records():
        name = r["name"]
        if width is not None and len(name) > width:
            name = name[: width - 1] + "…"
        rows.append((
            "*" if r["critical"] else "", r["id"], name, _day(r["start"]), _day(r["finish"]),
            str(r["total_slack_days"]), str(r["free_slack_days"]), ", ".join(r["driving"]),
        ))  # fmt: skip
    return rows


_SCHEDULE_HEAD = ("", "id", "name", "start", "finish", "slack", "free", "driving")


def schedule_text(sched: Schedule, width: int = 36) -> str:
    """The schedule as an aligned text table, critical items marked with ``*``.

    Names longer than *width* characters are cut with an ellipsis.
    """
    lines = aligned(_SCHEDULE_HEAD, _schedule_rows(sched, width), right={5, 6})
    return _summary(sched) + "\n\n" + "\n".join([lines[0], lines[-1], *lines[1:-1]]) + "\n"


def schedule_markdown(sched: Schedule) -> str:
    """The schedule as a Markdown table under a one-line summary; critical items in bold."""
    head = ("id", "name", "start", "finish", "slack", "free", "driving")
    rows = [(f"**{r[1]}**" if r[0] else r[1], *r[2:]) for r in _schedule_rows(sched, None)]
    return _summary(sched) + "\n\n" + markdown(head, rows, right={4, 5})


def schedule_csv(sched: Schedule, *, dialect: str = "plain") -> str:
    """The schedule's records as CSV: ``driving`` joined by ``;``, ``critical`` as yes/no.

    ``dialect="id"`` writes ``;``-separated columns behind a UTF-8 byte-order mark, with
    Indonesian headers and values (*ya*/*tidak*, *kegiatan*/*tonggak*), for Excel with
    Indonesian regional settings.  Names that a spreadsheet would run as a formula (``=``,
    ``+``, ``-``, ``@``) are written behind a ``'``.

    Examples
    --------
    >>> from roadmap.model import Initiative, Roadmap
    >>> from roadmap.scheduler import schedule
    >>> plan = Roadmap(name="x", start=date(2019, 1, 1),
    ...                initiatives=[Initiative(id="A", name="Kajian", duration=31)])
    >>> schedule_csv(schedule(plan), dialect="id").splitlines()[1]
    'A;kegiatan;Kajian;2019-01-01;2019-01-31;2019-01-01;2019-01-31;0;0;ya;'
    """
    lang = _dialect(dialect)
    sep = ";" if lang == "id" else ","
    kinds = {"initiative": "kegiatan", "milestone": "tonggak"} if lang == "id" else {}
    rows = (
        [";".join(r[c]) if c == "driving" else yes_no(r[c], lang) if c == "critical"
         else kinds.get(r[c], r[c]) if c == "kind" else r[c]
         for c in RECORD_COLUMNS]
        for r in sched.records()
    )  # fmt: skip
    head = [SCHEDULE_HEADERS[c][0] for c in RECORD_COLUMNS] if lang == "id" else RECORD_COLUMNS
    return _bom(lang) + csv_text(head, rows, delimiter=sep)


def _dialect(dialect: str) -> Language:
    if dialect not in CSV_DIALECTS:
        raise ValueError(f"unknown CSV dialect {dialect!r}; allowed: {', '.join(CSV_DIALECTS)}")
    return "id" if dialect == "id" else "en"


def _bom(lang: Language) -> str:
    return "\ufeff" if lang == "id" else ""


def schedule_json(sched: Schedule) -> str:
    """The schedule as the JSON of ``roadmap schedule --format json`` (SPEC §6)."""
    return json.dumps(sched.to_dict(), indent=2, ensure_ascii=False) + "\n"


def schedule_xlsx(sched: Schedule, language: str | None = None) -> bytes:
    """The schedule as a formatted workbook (``excel`` extra), critical rows in red.

    Headers in *language* (default: the plan's), frozen; dates as dates; text is never
    taken for a formula.
    """
    book = workbook()  # first: says how to install openpyxl
    from openpyxl.styles import Font

    lang = language_of(language, sched.plan.language)
    k = 0 if lang == "id" else 1
    ws = book.create_sheet("Jadwal" if k == 0 else "Schedule")
    keys = list(SCHEDULE_HEADERS)
    records = sched.records()
    rows = [
        ["; ".join(r[c]) if c == "driving" else yes_no(r[c], lang) if c == "critical"
         else r[c] for c in keys]
        for r in records
    ]  # fmt: skip
    xlsx_sheet(
        ws,
        [SCHEDULE_HEADERS[c][k] for c in keys],
        rows,
        widths={SCHEDULE_HEADERS["name"][k]: 44, SCHEDULE_HEADERS["driving"][k]: 24},
    )
    red = Font(color="B00020")
    for n, r in enumerate(records, start=2):
        if r["critical"]:
            for col in range(1, len(keys) + 1):
                ws.cell(row=n, column=col).font = red
    return xlsx_bytes(book)


# -- budget -------------------------------------------------------------------------------


def _budget_rows(table: BudgetTable, currency: str, lang: Language) -> list[tuple[str, ...]]:
    """Head, rows and the total row of a budget table, amounts as documents write them."""

    def money(v: int | None) -> str:
        if v is None:
            return ""
        return "-" if v == 0 else format_money(v, language=lang, currency=currency)

    words = GROUP_WORDS[lang]
    records = table.records()
    if table.by == "year":
        head: tuple[str, ...] = (
            ("tahun", "anggaran", "pagu", "lebih") if lang == "id"
            else ("year", "amount", "ceiling", "over")
        )  # fmt: skip
        rows: list[tuple[str, ...]] = [
            (str(r["year"]), money(r["amount"]), money(r["ceiling"]),
             money(r["over"]) if r["over"] else "")
            for r in records
        ]  # fmt: skip
        rows.append((words["total"], money(table.total), "", ""))
    else:
        head = (words[table.by], *map(str, table.years), words["total"])
        rows = [
            (str(r[table.by]), *(money(r[str(y)]) for y in table.years), money(r["total"]))
            for r in records
        ]
        totals = table.totals()
        rows.append((words["total"], *(money(totals[y]) for y in table.years), money(table.total)))
    return [head, *rows]


def budget_text(table: BudgetTable, currency: str = "IDR", language: str = "id") -> str:
    """A budget table as aligned text with a total row, amounts as ``Rp1.500.000``."""
    lang = language_of(language)
    if not table.records():
        return "tidak ada anggaran\n" if lang == "id" else "no budgets\n"
    head, *rows = _budget_rows(table, currency, lang)
    lines = aligned(head, rows, right=set(range(1, len(head))))
    rule = lines.pop()
    return "\n".join([lines[0], rule, *lines[1:-1], rule, lines[-1]]) + "\n"


def budget_markdown(table: BudgetTable, currency: str = "IDR", language: str = "id") -> str:
    """A budget table in Markdown, the total row in bold."""
    lang = language_of(language)
    if not table.records():
        return "tidak ada anggaran\n" if lang == "id" else "no budgets\n"
    head, *rows = _budget_rows(table, currency, lang)
    rows[-1] = tuple(f"**{c}**" if c else c for c in rows[-1])
    return markdown(head, rows, right=set(range(1, len(head))))


def budget_csv(table: BudgetTable, *, dialect: str = "plain") -> str:
    """The table's records as CSV (amounts as whole numbers); empty without budgets.

    ``dialect="id"``: ``;``-separated behind a UTF-8 byte-order mark, Indonesian headers.
    """
    lang = _dialect(dialect)
    records = table.records()
    if not records:
        return ""
    head = list(records[0])
    if lang == "id":
        words = GROUP_WORDS["id"] | BUDGET_WORDS["id"]
        head = [words.get(k, k) for k in head]
    return _bom(lang) + csv_text(
        head, (list(r.values()) for r in records), delimiter=";" if lang == "id" else ","
    )


def budget_json(table: BudgetTable, *, roadmap: str, currency: str) -> str:
    """The table as the JSON of ``roadmap budget --format json``."""
    tree: dict[str, Any] = {
        "roadmap": roadmap, "by": table.by, "currency": currency, "rows": table.records(),
    }  # fmt: skip
    return json.dumps(tree, indent=2, ensure_ascii=False) + "\n"


def budget_xlsx(table: BudgetTable, language: str = "id") -> bytes:
    """The table as a formatted workbook (``excel`` extra).

    Amounts in the Rupiah number format, a bold total row, years over their ceiling filled
    red, a frozen header.
    """
    book = workbook()  # first: says how to install openpyxl
    from openpyxl.styles import Font, PatternFill

    lang = language_of(language)
    by = table.by
    ws = book.create_sheet("Anggaran" if lang == "id" else "Budget")
    records = table.records()
    word = GROUP_WORDS[lang]["total"]
    if by == "year":
        total: dict[str, Any] = {"year": word, "amount": table.total}
    else:
        total = {by: word, **{str(y): v for y, v in table.totals().items()}, "total": table.total}
    columns = list(records[0]) if records else [by]
    rows = [[r[c] for c in columns] for r in records]
    rows.append([total.get(c) for c in columns])
    xlsx_sheet(ws, columns, rows, money=lambda c: c not in (by, "year"))
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    if by == "year":
        fill = PatternFill("solid", fgColor="F8D7DA")
        for n, r in enumerate(records, start=2):
            if r.get("over"):
                for cell in ws[n]:
                    cell.fill = fill
    return xlsx_bytes(book)
