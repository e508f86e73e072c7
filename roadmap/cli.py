"""The ``roadmap`` command line: a thin layer over the library.

``main(argv)`` parses, runs one command and returns the exit code: 0 fine, 1 findings of
severity error (``check``), 2 unreadable input or a plan that cannot be scheduled, 3 an
internal error (a bug: please report it).  Errors become one ``roadmap: error: ...`` line
on stderr in one place, :func:`main`; no traceback reaches the user unless ``--debug``
asks for it.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import date
from typing import TextIO

from roadmap import export
from roadmap._files import atomic_write
from roadmap._version import __version__
from roadmap.errors import PlanFileError, RoadmapError
from roadmap.io import load
from roadmap.scheduler import Schedule, schedule

__all__ = ["entrypoint", "main", "make_parser"]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
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
    parser.add_argument(
        "--debug", action="store_true", help="show the traceback of an internal error"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = commands.add_parser(
        "schedule",
        help="schedule a plan by the critical path method",
        description="Schedule a plan by the critical path method and print every item's "
        "early and late dates, slack, criticality and driving links.",
    )
    _common(p, ("table", "csv", "json", "markdown", "xlsx"), language="the xlsx headers")
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
    _common(p, ("table", "csv", "json", "markdown", "xlsx"), language="the table")
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
        atomic_write(_binary_output(args), export.schedule_xlsx(sched, args.language))
        return EXIT_OK
    renderers: dict[str, Callable[[Schedule], str]] = {
        "table": export.schedule_text, "csv": export.schedule_csv,
        "json": export.schedule_json, "markdown": export.schedule_markdown,
    }  # fmt: skip
    _emit(renderers[args.format](sched), args.output, out)
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
        atomic_write(_binary_output(args), export.budget_xlsx(table, language))
        return EXIT_OK
    if args.format == "csv":
        text = export.budget_csv(table)
    elif args.format == "json":
        text = export.budget_json(table, roadmap=plan.name, currency=plan.currency)
    elif args.format == "markdown":
        text = export.budget_markdown(table, plan.currency, language)
    else:
        text = export.budget_text(table, plan.currency, language)
    _emit(text, args.output, out)
    return EXIT_OK


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
    plan = load(args.plan)
    try:
        if args.to in ("csv", "xlsx"):
            export.save(plan, _binary_output(args), format=args.to)
            return EXIT_OK
        if args.to == "mermaid":
            text = export.to_mermaid(plan)
        elif args.to == "ics":
            text = export.to_ical(plan)
        else:
            text = export.dumps(plan, args.to)
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
    except OSError as exc:  # reading or writing a file failed
        sys.stderr.write(f"roadmap: error: {exc.filename or ''}: {exc.strerror or exc}\n")
        return EXIT_INPUT
    except Exception as exc:  # a bug: one line, the traceback only when asked for
        if args.debug:
            traceback.print_exc()
        sys.stderr.write(
            f"roadmap: internal error: {type(exc).__name__}: {exc} (a bug in roadmap; "
            "run again with --debug for the traceback and please report it)\n"
        )
        return EXIT_INTERNAL


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
