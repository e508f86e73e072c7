"""The ``roadmap`` command line: a thin layer over the library.

``main(argv)`` parses, runs one command and returns the exit code: 0 fine, 2 unreadable
input or a plan that cannot be scheduled.  Every :class:`~roadmap.errors.RoadmapError` is
turned into one ``roadmap: error: ...`` line on stderr in one place; no traceback reaches
the user.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Literal, TextIO

from roadmap._version import __version__
from roadmap.errors import PlanFileError, RoadmapError
from roadmap.io import atomic_write, load
from roadmap.schedule import Schedule, schedule

__all__ = ["entrypoint", "main", "make_parser"]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
PLAN_HELP = "plan file (.toml, .json, .yaml, .csv, .xlsx, MS Project .xml)"


def _common(
    p: argparse.ArgumentParser, formats: tuple[str, ...], language: str | None = None
) -> None:
    """Add the arguments commands share: the plan, --format, --output and --language.

    --format only when *formats* are given; --language when *language* names what it
    translates.
    """
    p.add_argument("plan", metavar="PLAN", help=PLAN_HELP)
    if formats:
        p.add_argument(
            "--format",
            "-f",
            choices=formats,
            default=formats[0],
            help=f"output format (default: {formats[0]})",
        )
    p.add_argument(
        "--output",
        "-o",
        metavar="OUT",
        help="write to this file (atomically) instead of standard output",
    )
    if language is not None:
        p.add_argument(
            "--language",
            "-l",
            choices=("id", "en"),
            default=None,
            help=f"language of {language} (default: the plan's language)",
        )


def make_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``roadmap`` command (used for the generated CLI docs)."""
    parser = argparse.ArgumentParser(
        prog="roadmap",
        description="Plan multi-year programmes: schedule, check and draw roadmaps.",
    )
    parser.add_argument("--version", action="version", version=f"roadmap {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = commands.add_parser(
        "schedule",
        help="schedule a plan by the critical path method",
        description="Schedule a plan by the critical path method and print every item's "
        "early and late dates, slack, criticality and driving links.",
    )
    _common(p, ("table", "csv", "json", "xlsx"), language="the xlsx headers")
    p.set_defaults(run=_cmd_schedule)

    p = commands.add_parser(
        "check",
        help="check a plan's feasibility",
        description="Check dependencies, dates, phase windows, deadlines, yearly budget "
        "ceilings and cycles; print every finding with its fix. Exit code 0: no errors; "
        "1: errors (or warnings with --strict); 2: the plan cannot be read.",
    )
    _common(p, ("text", "json", "markdown"), language="messages")
    p.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    p.set_defaults(run=_cmd_check)

    p = commands.add_parser(
        "budget",
        help="budget per fiscal year",
        description="Total the budget per fiscal year, by year (against the ceilings), phase, "
        "dimension, owner or funding source. Totals are spread pro rata by scheduled days.",
    )
    _common(p, ("table", "csv", "json", "xlsx"), language="the table")
    p.add_argument(
        "--by",
        choices=("year", "phase", "dimension", "owner", "funding"),
        default="year",
        help="grouping (default: year)",
    )
    p.set_defaults(run=_cmd_budget)

    p = commands.add_parser(
        "gantt",
        help="draw a Gantt chart (PNG, SVG or PDF)",
        description="Draw a print-ready Gantt chart: lanes, critical path, milestones, "
        "driving dependencies, fiscal years and triwulan. A PDF too long for one page "
        "continues on further pages.",
    )
    p.add_argument("plan", metavar="PLAN", help=PLAN_HELP)
    p.add_argument(
        "--output", "-o", metavar="OUT", required=True, help="the chart file: .png, .svg or .pdf"
    )
    p.add_argument(
        "--language",
        "-l",
        choices=("id", "en"),
        default=None,
        help="language of the labels (default: the plan's language)",
    )
    p.add_argument(
        "--group-by",
        choices=("phase", "dimension", "owner", "none"),
        default="phase",
        help="swimlanes (default: phase)",
    )
    p.add_argument("--paper", choices=("A4", "A3"), default="A4", help="paper size")
    p.add_argument("--portrait", action="store_true", help="portrait instead of landscape")
    p.add_argument(
        "--critical",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="outline the critical path (default: on)",
    )
    p.add_argument(
        "--arrows",
        choices=("driving", "all", "none"),
        default="driving",
        help="dependency connectors (default: driving links)",
    )
    p.add_argument(
        "--status-date", metavar="YYYY-MM-DD", type=_date_arg, help="draw a status-date line"
    )
    p.add_argument("--budgets", action="store_true", help="write budgets in words on bars")
    p.add_argument("--title", help="title (default: the roadmap's name)")
    p.add_argument("--subtitle", help="subtitle, e.g. the agency and the date")
    p.add_argument("--source", help="source footnote")
    p.add_argument(
        "--embed-fonts",
        action="store_true",
        help="embed DejaVu Sans in a PDF instead of using the PDF standard Helvetica",
    )
    p.set_defaults(run=_cmd_gantt)

    p = commands.add_parser(
        "export",
        help="write the plan in another format",
        description="Write the plan as a plan file (json, toml, yaml), a spreadsheet (csv: "
        "PLAN.csv with PLAN.roadmap.csv, PLAN.phases.csv and PLAN.ceilings.csv beside it; "
        "xlsx: one workbook), MS Project XML (mspdi), a Mermaid gantt chart for Markdown "
        "documents (mermaid), or its milestones and deadlines as an iCalendar file (ics).",
    )
    _common(p, ())
    p.add_argument(
        "--to",
        required=True,
        choices=("json", "toml", "yaml", "csv", "xlsx", "mspdi", "mermaid", "ics"),
        help="the format to write",
    )
    p.set_defaults(run=_cmd_export)

    p = commands.add_parser(
        "template",
        help="write a blank plan workbook to fill in",
        description="Write a blank XLSX plan: the Items, Phases, Ceilings and Roadmap sheets "
        "with their headers, drop-down lists for kind, status, dimension and funding, and an "
        "Instructions sheet in Indonesian and English. An existing file is never replaced.",
    )
    p.add_argument("output", metavar="OUT", help="the workbook to write (.xlsx)")
    p.add_argument(
        "--language", "-l", choices=("id", "en"), default="id",
        help="the plan's language (default: id)",
    )  # fmt: skip
    p.set_defaults(run=_cmd_template)
    return parser


def _date_arg(text: str) -> date:
    from roadmap.dates import parse_date

    try:
        return parse_date(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


# -- commands ---------------------------------------------------------------------------


def _scheduled(path: str) -> Schedule:
    """Load and schedule a plan; a plan that cannot be scheduled is named in the error."""
    plan = load(path)
    try:
        return schedule(plan)
    except PlanFileError:
        raise
    except RoadmapError as err:
        raise RoadmapError(f"{path}: {err}") from err


def _cmd_schedule(args: argparse.Namespace, out: TextIO) -> int:
    sched = _scheduled(args.plan)
    if args.format == "xlsx":
        sched.to_xlsx(_binary_output(args), language=args.language)
        return EXIT_OK
    renderers: dict[str, Callable[[Schedule], str]] = {
        "table": schedule_table, "csv": Schedule.to_csv, "json": schedule_json,
    }  # fmt: skip
    render = renderers[args.format]
    _emit(render(sched), args.output, out)
    return EXIT_OK


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.checks import check

    plan = load(args.plan)
    report = check(plan, language=args.language or plan.language)
    text = {"text": report.to_text, "json": report.to_json, "markdown": report.to_markdown}[
        args.format
    ]()
    _emit(text, args.output, out)
    if report.errors or (args.strict and report.warnings):
        return EXIT_FINDINGS
    return EXIT_OK


def _cmd_budget(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.budget import budget_by

    sched = _scheduled(args.plan)
    plan = sched.plan
    table = budget_by(plan, args.by, schedule=sched)
    language = args.language or plan.language
    if args.format == "xlsx":
        table.to_xlsx(_binary_output(args), language=language)
        return EXIT_OK
    if args.format == "csv":
        text = table.to_csv()
    elif args.format == "json":
        text = (
            json.dumps(
                {
                    "roadmap": plan.name,
                    "by": args.by,
                    "currency": plan.currency,
                    "rows": table.records(),
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    else:
        text = budget_table(table, plan.currency, language)
    _emit(text, args.output, out)
    return EXIT_OK


_GROUP_WORDS = {"phase": "fase", "dimension": "dimensi", "owner": "pemilik",
                "funding": "sumber dana"}  # fmt: skip


def budget_table(table: Any, currency: str, language: str) -> str:
    """A budget table as aligned text, amounts as planning documents write them."""
    from roadmap.money import format_money

    lang: Literal["id", "en"] = "id" if language == "id" else "en"

    def money(v: int | None) -> str:
        if v is None:
            return ""
        return "-" if v == 0 else format_money(v, language=lang, currency=currency)

    records = table.records()
    if not records:
        return "tidak ada anggaran\n" if lang == "id" else "no budgets\n"
    total_word = "jumlah" if lang == "id" else "total"
    rows: list[tuple[str, ...]]
    if table.by == "year":
        head: tuple[str, ...] = (
            ("tahun", "anggaran", "pagu", "lebih") if lang == "id"
            else ("year", "amount", "ceiling", "over")
        )  # fmt: skip
        rows = [
            (str(r["year"]), money(r["amount"]), money(r["ceiling"]),
             money(r["over"]) if r["over"] else "")
            for r in records
        ]  # fmt: skip
        rows.append((total_word, money(table.total), "", ""))
    else:
        label = _GROUP_WORDS[table.by] if lang == "id" else table.by
        head = (label, *map(str, table.years), total_word)
        rows = [
            (str(r[table.by]), *(money(r[str(y)]) for y in table.years), money(r["total"]))
            for r in records
        ]
        totals = table.totals()
        rows.append((total_word, *(money(totals[y]) for y in table.years), money(table.total)))
    widths = [max(len(x) for x in col) for col in zip(head, *rows, strict=True)]
    rule_line = "  ".join("-" * w for w in widths)
    lines = [
        "  ".join(
            c.ljust(w) if k == 0 else c.rjust(w)
            for k, (c, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in (head, *rows)
    ]
    return "\n".join([lines[0], rule_line, *lines[1:-1], rule_line, lines[-1]]) + "\n"


def _cmd_gantt(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.plot import save_gantt

    sched = _scheduled(args.plan)
    try:
        pages = save_gantt(
            sched, args.output, paper=args.paper,
            orientation="portrait" if args.portrait else "landscape",
            title=args.title, subtitle=args.subtitle, source=args.source,
            group_by=None if args.group_by == "none" else args.group_by,
            language=args.language, critical=args.critical, arrows=args.arrows,
            status_date=args.status_date, budgets=args.budgets, embed_fonts=args.embed_fonts,
        )  # fmt: skip
    except ValueError as err:
        raise RoadmapError(f"{args.output}: {err}") from err
    out.write(f"{args.output}: {pages} page{'s' if pages != 1 else ''}\n")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.io import dumps, save, to_ical, to_mermaid

    plan = load(args.plan)
    try:
        if args.to in ("csv", "xlsx"):
            save(plan, _binary_output(args), format=args.to)
            return EXIT_OK
        if args.to == "mermaid":
            text = to_mermaid(plan)
        elif args.to == "ics":
            text = to_ical(plan)
        else:
            text = dumps(plan, args.to)
    except PlanFileError:
        raise
    except RoadmapError as err:
        raise RoadmapError(f"{args.plan}: {err}") from err
    _emit(text, args.output, out)
    return EXIT_OK


def _cmd_template(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.io import write_template

    if not args.output.lower().endswith(".xlsx"):
        raise RoadmapError(f"{args.output}: a template is an Excel workbook: name it .xlsx")
    try:
        write_template(args.output, language=args.language)
    except FileExistsError:
        raise RoadmapError(f"{args.output}: exists; choose another name") from None
    out.write(f"{args.output}: blank plan written; fill in the Items sheet\n")
    return EXIT_OK


def _binary_output(args: argparse.Namespace) -> str:
    """The -o file of a format that cannot go to standard output."""
    if args.output is None or args.output == "-":
        raise RoadmapError(f"--format/--to {getattr(args, 'to', None) or args.format} writes "
                           "files: give the output file with -o")  # fmt: skip
    return str(args.output)


def schedule_json(sched: Schedule) -> str:
    """The schedule as JSON (SPEC §6)."""
    return json.dumps(sched.to_dict(), indent=2, ensure_ascii=False) + "\n"


def schedule_table(sched: Schedule, width: int = 36) -> str:
    """The schedule as an aligned text table, critical items marked with ``*``."""
    head = ("", "id", "name", "start", "finish", "slack", "free", "driving")
    rows: list[tuple[str, ...]] = [head]
    for r in sched.records():
        name = r["name"] if len(r["name"]) <= width else r["name"][: width - 1] + "…"
        rows.append(
            (
                "*" if r["critical"] else "",
                r["id"],
                name,
                _d(r["start"]),
                _d(r["finish"]),
                str(r["total_slack_days"]),
                str(r["free_slack_days"]),
                ", ".join(r["driving"]),
            )
        )
    widths = [max(len(row[c]) for row in rows) for c in range(len(head))]
    right = {5, 6}
    lines = [
        "  ".join(
            cell.rjust(widths[c]) if c in right else cell.ljust(widths[c])
            for c, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    summary = (
        f"{sched.plan.name}: {sched.start} .. {sched.finish}, {len(sched)} items, "
        f"critical path: {' -> '.join(sched.critical_path) or '-'}"
    )
    return summary + "\n\n" + "\n".join(lines) + "\n"


def _d(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _emit(text: str, output: str | None, out: TextIO) -> None:
    if output is None or output == "-":
        out.write(text)
    else:
        atomic_write(output, text.encode("utf-8"))


# -- entry points -----------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* and return the exit code; never raises for bad input.

    Examples
    --------
    >>> main(["--version"])  # doctest: +ELLIPSIS
    roadmap ...
    0
    """
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return int(exc.code or 0)
    try:
        code: int = args.run(args, sys.stdout)
        return code
    except RoadmapError as exc:
        sys.stderr.write(f"roadmap: error: {exc}\n")
        return EXIT_INPUT
    except OSError as exc:  # writing the output failed
        sys.stderr.write(f"roadmap: error: {exc.filename or ''}: {exc.strerror or exc}\n")
        return EXIT_INPUT


def entrypoint() -> None:
    """Console-script entry point."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `roadmap schedule plan.toml | head`
        code = 0
        sys.stderr.close()
    except KeyboardInterrupt:
        code = 130
    raise SystemExit(code)
