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
from pathlib import Path
from typing import Any, TextIO

from roadmap import export
from roadmap._files import atomic_write, is_stream
from roadmap._i18n import Language, language_of
from roadmap._version import __version__
from roadmap.errors import ChartError, PlanFileError, RoadmapError
from roadmap.io import load
from roadmap.model import Roadmap
from roadmap.scheduler import Schedule, schedule

__all__ = ["entrypoint", "main", "make_parser"]

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
PLAN_HELP = "plan file (.toml, .json, .yaml, .csv, .xlsx, MS Project .xml, a report .html)"


#: Output formats by file suffix: ``-o`` picks the format from the name it is given.
SUFFIXES = {
    ".txt": "text", ".csv": "csv", ".json": "json", ".md": "markdown", ".markdown": "markdown",
    ".xlsx": "xlsx", ".html": "html", ".htm": "html", ".png": "png", ".svg": "svg",
    ".pdf": "pdf",
}  # fmt: skip
#: Formats that are files, never standard output.
FILES_ONLY = ("xlsx", "html", "png", "svg", "pdf")
_CHARTS = ("png", "svg", "pdf")


def _common(
    p: argparse.ArgumentParser,
    formats: tuple[str, ...],
    language: str | None = None,
    *,
    required: bool = False,
) -> None:
    """Add the arguments commands share: the plan, --format, --output and --language.

    --format only when *formats* are given (the first is the default; ``-o`` picks one by
    its suffix); --language when *language* names what it translates.
    """
    p.add_argument("plan", metavar="PLAN", help=PLAN_HELP)
    _outputs(p, formats, language, required=required)


def _outputs(
    p: argparse.ArgumentParser,
    formats: tuple[str, ...],
    language: str | None = None,
    *,
    required: bool = False,
) -> None:
    """--format (when *formats*), --output and --language (when *language*)."""
    if formats:
        suffixes = ", ".join(sx for sx, f in SUFFIXES.items() if f in formats)
        p.add_argument(
            "--format", "-f", choices=formats, default=None,
            help=f"output format (default: from the suffix of -o ({suffixes}), else "
            f"{formats[0]})",
        )  # fmt: skip
    p.add_argument(
        "--output", "-o", metavar="OUT", required=required,
        help="write to this file (atomically) instead of standard output; its suffix "
        "picks the format",
    )  # fmt: skip
    if language is not None:
        p.add_argument(
            "--language", "-l", choices=("id", "en"), default=None,
            help=f"language of {language} (default: the plan's language)",
        )  # fmt: skip


def _csv_dialect(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--csv-dialect", choices=export.CSV_DIALECTS, default=None,
        help="CSV for Excel with Indonesian settings (id: ';', a UTF-8 byte-order mark, "
        "Indonesian headers) or for programs (plain: ',', English keys); default: id for an "
        "Indonesian plan or --language id, else plain",
    )  # fmt: skip


def _tracking_args(p: argparse.ArgumentParser, *, gantt: bool = False) -> None:
    p.add_argument(
        "--as-of", "--status-date", dest="as_of", metavar="YYYY-MM-DD", type=_date_arg,
        help="the status date (default: the plan's status_date)"
        + ("; with one, the chart shows the forecast and a status-date line" if gantt else ""),
    )  # fmt: skip
    p.add_argument(
        "--baseline", metavar="NAME|FILE",
        help="a baseline stored in the plan, or another plan file whose schedule is the "
        "baseline (default: the plan's default baseline"
        + (", drawn as thin grey bars)" if gantt else ", else its own planned dates)"),
    )  # fmt: skip


def _status_date(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument(
        "--status-date", metavar="YYYY-MM-DD", type=_date_arg, help=f"mark a status date {what}"
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
        "early and late dates, slack, criticality and driving links. -o picks the format "
        "from the suffix: .txt, .csv, .json, .md, .xlsx or .html (a sortable table).",
    )
    _common(p, ("table", "csv", "json", "markdown", "xlsx", "html"),
            language="headers and values")  # fmt: skip
    _csv_dialect(p)
    p.set_defaults(run=_cmd_schedule)

    p = commands.add_parser(
        "check",
        help="check a plan's feasibility",
        description="Check dependencies, dates, phase windows, deadlines, yearly budget "
        "ceilings and cycles; print every finding with its fix. Exit code 0: no errors; "
        "1: errors (or warnings with --strict); 2: the plan cannot be read. -o picks the "
        "format from the suffix: .txt, .json, .md or .html.",
    )
    _common(p, ("text", "json", "markdown", "html"), language="messages")
    p.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    p.set_defaults(run=_cmd_check)

    p = commands.add_parser(
        "tables",
        help="the planning documents' tables: Renstra, RPJMD, evaluation",
        description="Write a table of the planning documents from the plan's programme tree, "
        "indicators and budgets: renstra (Rencana Program, Kegiatan, dan Pendanaan), rpjmd "
        "(the RPJMD programme table) or evaluasi (the evaluation of results of --year). -o "
        "picks the format from the suffix: .xlsx (laid out for A3 print, with the printed "
        "formulas) or .csv.",
    )
    p.add_argument("plan", metavar="PLAN", help=PLAN_HELP)
    p.add_argument("--table", "-t", choices=("renstra", "rpjmd", "evaluasi"), required=True,
                   help="which table")  # fmt: skip
    p.add_argument(
        "--year",
        type=int,
        default=None,
        help="the year evaluated (evaluasi; default: the status date year)",
    )
    p.add_argument("--output", "-o", required=True, metavar="OUT",
                   help="the file to write (.xlsx or .csv), atomically")  # fmt: skip
    p.set_defaults(run=_cmd_tables)

    p = commands.add_parser(
        "budget",
        help="budget per fiscal year (a table or a chart)",
        description="Total the budget per fiscal year, by year (against the ceilings), phase, "
        "dimension, owner or funding source. Totals are spread pro rata by scheduled days. "
        "-o picks the format from the suffix: .txt, .csv, .json, .md, .xlsx, .html, or the "
        "budget chart as .png, .svg or .pdf (stacked by --by, dimension for --by year).",
    )
    _common(p, ("table", "csv", "json", "markdown", "xlsx", "html", *_CHARTS),
            language="the table or chart")  # fmt: skip
    p.add_argument(
        "--by",
        choices=("year", "phase", "dimension", "owner", "funding", "programme"),
        default="year",
        help="grouping (default: year)",
    )
    _csv_dialect(p)
    p.set_defaults(run=_cmd_budget)

    p = commands.add_parser(
        "gantt",
        help="draw a Gantt chart (PNG, SVG or PDF)",
        description="Draw a print-ready Gantt chart: lanes, critical path, milestones, "
        "driving dependencies, fiscal years and triwulan. A PDF too long for one page "
        "continues on further pages.",
    )
    _common(p, _CHARTS, language="the labels", required=True)
    p.add_argument(
        "--group-by",
        choices=("phase", "dimension", "owner", "programme", "none"),
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
    p.add_argument("--budgets", action="store_true", help="write budgets in words on bars")
    _tracking_args(p, gantt=True)
    p.add_argument(
        "--rows", type=_rows_arg, metavar="FIRST-LAST", default=None,
        help="draw only these rows (lane headings count), for a plan too long for one "
        "document, e.g. 1-600",
    )  # fmt: skip
    p.add_argument(
        "--label-width", type=int, metavar="N", default=None,
        help="characters per line of a row label; longer labels wrap to a second line "
        "(default: what the paper holds)",
    )  # fmt: skip
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
        "scurve",
        help="draw the S-curve (PNG, SVG or PDF)",
        description="Draw the cost-weighted S-curve (kurva S) of planned progress, with the "
        "recorded progress at the status date.",
    )
    _common(p, _CHARTS, language="the labels", required=True)
    _status_date(p, "and the recorded progress")
    p.set_defaults(run=_cmd_scurve)

    p = commands.add_parser(
        "report",
        help="write the HTML report to send or print",
        description="Write one self-contained HTML file: cover, summary, Gantt chart, "
        "findings, budget against ceilings, S-curve and a sortable, filterable schedule. It "
        "opens offline, prints one section per page, and embeds the plan (roadmap reads it "
        "back).",
    )
    _common(p, ("html",), language="the report", required=True)
    p.add_argument("--paper", choices=("A4", "A3"), default="A4", help="printed paper size")
    _status_date(p, "on the cover and the charts")
    p.add_argument("--title", help="title (default: the roadmap's name)")
    p.add_argument("--subtitle", help="subtitle, e.g. the agency and the date")
    p.add_argument(
        "--level", action="store_true",
        help="report the plan leveled to its ceilings and capacity (roadmap level), with a "
        "section of the moves and the budget before and after",
    )  # fmt: skip
    p.set_defaults(run=_cmd_report)

    p = commands.add_parser(
        "status",
        help="where the roadmap stands: forecast against baseline, earned value",
        description="Re-forecast the plan at its status date from its actuals, and compare "
        "it with a baseline: every item's baseline and forecast dates and variance, planned "
        "and reported progress, and earned value and earned schedule for the roadmap (and "
        "by group). -o picks the format from the suffix: .txt, .json, .md or .xlsx.",
    )
    _common(p, ("text", "json", "markdown", "xlsx"), language="the report")
    _tracking_args(p)
    p.add_argument(
        "--by", choices=("phase", "dimension", "owner", "funding", "year"), default=None,
        help="earned value by group as well",
    )  # fmt: skip
    p.set_defaults(run=_cmd_status)

    p = commands.add_parser(
        "slip",
        help="milestone slip chart: each milestone's forecast at every status date",
        description="The milestone slip (trend) chart or table. One tracked plan is "
        "re-forecast at the end of every quarter (or month) from its start to its status "
        "date, from the actuals recorded by then; several plans (versions, oldest first) "
        "are each re-forecast at their own status date. -o picks the format from the "
        "suffix: .txt, .csv, .json, .md, or a chart .png, .svg, .pdf.",
    )
    p.add_argument("plans", metavar="PLAN", nargs="+", help=PLAN_HELP)
    _outputs(p, ("text", "csv", "json", "markdown", *_CHARTS), language="the table or chart")
    p.add_argument(
        "--every", choices=("quarter", "month"), default="quarter",
        help="status dates of one plan: quarter (triwulan) or month ends (default: quarter)",
    )  # fmt: skip
    p.set_defaults(run=_cmd_slip)

    p = commands.add_parser(
        "risk",
        help="Monte Carlo risk: P-dates of the finish, chance to meet the end, drivers, spend",
        description="Simulate the plan's uncertainty (duration_range and cost_range of its "
        "initiatives, its [[risks]] register and [[correlations]]) by Monte Carlo: the P10, "
        "P50, P80 and P90 of the finish, each milestone and phase, the chance to meet every "
        "deadline and the end of the period, the items that drive the finish, and spend per "
        "fiscal year against the ceilings. -o picks the format from the suffix: .txt, .json, "
        ".md, .xlsx, or a chart .png, .svg, .pdf (--chart chooses which).",
    )
    _common(p, ("text", "json", "markdown", "xlsx", *_CHARTS), language="the report or chart")
    p.add_argument(
        "--samples", "-n", type=_samples_arg, default=10_000, metavar="N|auto",
        help="how many samples, or auto: batches of 1,000 until the P80 of the finish "
        "holds within --tolerance days and its standard error is no more (default: 10000)",
    )  # fmt: skip
    p.add_argument("--seed", type=int, default=None,
                   help="seed of the random numbers: the same seed, the same result")  # fmt: skip
    p.add_argument("--tolerance", type=int, default=1, metavar="DAYS",
                   help="for --samples auto (default: 1 day)")  # fmt: skip
    p.add_argument(
        "--chart", choices=("finish", "drivers", "spend"), default="finish",
        help="which chart a .png, .svg or .pdf output draws: the finish distribution, the "
        "drivers (tornado) or spend per fiscal year (default: finish)",
    )  # fmt: skip
    p.set_defaults(run=_cmd_risk)

    p = commands.add_parser(
        "level",
        help="move items later so the plan fits its yearly ceilings and capacity",
        description="Level the plan: move items later, with the least delay, so that every "
        "fiscal year's budget fits its ceiling (total and per funding source, dimension or "
        "owner) and every resource and owner its capacity, keeping dependencies, planned "
        "starts, deadlines and the end of the period. Prints the moves; -o writes the "
        "leveled plan (a TOML plan keeps its comments; only the moved dates change). Exit 1 "
        "when no feasible plan exists, with the reason.",
    )
    p.add_argument("plan", metavar="PLAN", help=PLAN_HELP)
    p.add_argument(
        "--output", "-o", metavar="LEVELED",
        help="write the leveled plan here (any plan format, by its suffix); never the input",
    )  # fmt: skip
    p.add_argument("--format", "-f", choices=("text", "json", "markdown"), default="text",
                   help="format of the report on standard output (default: text)")  # fmt: skip
    p.add_argument("--language", "-l", choices=("id", "en"), default=None,
                   help="language of the report (default: the plan's language)")  # fmt: skip
    p.add_argument("--objective", choices=("finish", "least_change"), default="finish",
                   help="the earliest finish (default), or the least total delay")  # fmt: skip
    p.add_argument(
        "--method", choices=("auto", "heuristic", "exact"), default="auto",
        help="heuristic (no dependency), exact (OR-Tools CP-SAT: pip install "
        "'roadmap[solver]'), or auto: exact when OR-Tools is installed (default)",
    )  # fmt: skip
    p.add_argument("--time-limit", type=float, default=10.0, metavar="S",
                   help="seconds for the search (default: 10)")  # fmt: skip
    p.add_argument("--seed", type=int, default=0, help="seed of the heuristic (default: 0)")
    p.set_defaults(run=_cmd_level)

    p = commands.add_parser(
        "diff",
        help="what changed between two versions of a plan",
        description="Compare two plan files: added, removed and changed items (every "
        "field), date shifts, budgets per fiscal year and funding source, the critical path "
        "and the finish. -o picks the format from the suffix: .txt, .json, .md or .xlsx.",
    )
    p.add_argument("old", metavar="OLD", help="the earlier plan file")
    p.add_argument("new", metavar="NEW", help="the later plan file")
    _outputs(p, ("text", "json", "markdown", "xlsx"), language="the report")
    p.set_defaults(run=_cmd_diff)

    p = commands.add_parser(
        "baseline",
        help="freeze the planned dates and budgets as a baseline in the plan file",
        description="Store the plan's scheduled dates and yearly budgets as a named "
        "baseline inside the plan file (TOML keeps its comments and layout; JSON and YAML "
        "are rewritten). The first baseline, or one given --default, is the default.",
    )
    p.add_argument("plan", metavar="PLAN", help="plan file (.toml, .json, .yaml)")
    p.add_argument("--name", required=True, help='the baseline\'s name, e.g. "RPJMD 2019"')
    p.add_argument("--default", action="store_true", help="make it the default baseline")
    p.add_argument(
        "--taken", metavar="YYYY-MM-DD", type=_date_arg, help="the day it is taken (default: today)"
    )
    p.set_defaults(run=_cmd_baseline)

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
        description="Write a blank XLSX plan: the items, phases, ceilings and roadmap sheets "
        "with their headers (Kegiatan, Fase, Pagu, Peta Jalan and Indonesian headers for "
        "--language id; Items, Phases, Ceilings, Roadmap for en), drop-down lists for kind, "
        "status, dimension and funding, and an instructions sheet in Indonesian and English. "
        "An existing file is never replaced.",
    )
    p.add_argument("output", metavar="OUT", help="the workbook to write (.xlsx)")
    p.add_argument(
        "--language", "-l", choices=("id", "en"), default="id",
        help="the plan's language and the workbook's headers (default: id)",
    )  # fmt: skip
    p.add_argument(
        "--years", type=_years_arg, default=(2019, 2020), metavar="FIRST-LAST",
        help="fiscal years with budget and ceiling columns, e.g. 2025-2029 (default: 2019-2020)",
    )  # fmt: skip
    p.set_defaults(run=_cmd_template)
    return parser


def _span(text: str, what: str, example: str) -> tuple[int, int]:
    """``FIRST-LAST`` (or one number) as two integers, for an argparse ``type``."""
    first, _, last = text.partition("-")
    try:
        return int(first), int(last or first)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected {what} as FIRST-LAST, e.g. {example}, "
                                         f"got {text!r}") from None  # fmt: skip


def _years_arg(text: str) -> tuple[int, ...]:
    a, b = _span(text, "years", "2025-2029")
    if not 1900 <= a <= b <= 2200 or b - a > 30:
        raise argparse.ArgumentTypeError(f"expected up to 31 years from 1900 to 2200, got {text!r}")
    return tuple(range(a, b + 1))


def _rows_arg(text: str) -> tuple[int, int]:
    a, b = _span(text, "rows", "1-600")
    if not 1 <= a <= b:
        raise argparse.ArgumentTypeError(f"expected rows FIRST-LAST from 1, got {text!r}")
    return a, b


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


def _format(args: argparse.Namespace, formats: tuple[str, ...], what: str) -> str:
    """--format, else the format the suffix of -o names, else the command's first format.

    A suffix the command cannot write is an error naming it and the suffixes it can.
    """
    if args.format is not None:
        return str(args.format)
    output = args.output
    if output is None or output == "-" or (not Path(output).suffix and is_stream(output)):
        return formats[0]
    suffix = Path(output).suffix.lower()
    fmt = SUFFIXES.get(suffix)
    if fmt == "text" and "table" in formats:
        fmt = "table"
    if fmt not in formats:
        allowed = ", ".join(
            sx for sx, f in SUFFIXES.items()
            if f in formats or (f == "text" and "table" in formats)
        )  # fmt: skip
        raise RoadmapError(
            f"{output}: cannot write {what} as {suffix or 'a file without a suffix'}; name it "
            f"{allowed}, or choose with --format"
        )
    return fmt


def _language(args: argparse.Namespace, plan: Roadmap) -> Language:
    return language_of(args.language, plan.language)


def _csv(args: argparse.Namespace, plan: Roadmap) -> str:
    if args.csv_dialect is not None:
        return str(args.csv_dialect)
    return "id" if _language(args, plan) == "id" else "plain"


def _html(plan: Roadmap, args: argparse.Namespace, section: str) -> str:
    from roadmap.reporting import report

    return report(plan, language=_language(args, plan), sections=[section]).html


def _cmd_schedule(args: argparse.Namespace, out: TextIO) -> int:
    fmt = _format(args, ("table", "csv", "json", "markdown", "xlsx", "html"), "a schedule")
    sched = _scheduled(args.plan)
    plan = sched.plan
    data: str | bytes
    if fmt == "xlsx":
        data = export.schedule_xlsx(sched, args.language)
    elif fmt == "html":
        data = _html(plan, args, "schedule")
    elif fmt == "csv":
        data = export.schedule_csv(sched, dialect=_csv(args, plan))
    else:
        renderers: dict[str, Callable[[Schedule], str]] = {
            "table": export.schedule_text, "json": export.schedule_json,
            "markdown": export.schedule_markdown,
        }  # fmt: skip
        data = renderers[fmt](sched)
    _write(args, fmt, data, out)
    return EXIT_OK


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.checks import check

    fmt = _format(args, ("text", "json", "markdown", "html"), "findings")
    plan = load(args.plan)
    report = check(plan, language=_language(args, plan))
    if fmt == "html":
        data = _html(plan, args, "findings")
    else:
        data = {"text": report.to_text, "json": report.to_json,
                "markdown": report.to_markdown}[fmt]()  # fmt: skip
    _write(args, fmt, data, out)
    if report.errors or (args.strict and report.warnings):
        return EXIT_FINDINGS
    return EXIT_OK


def _cmd_tables(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.export import planning

    suffix = args.output.rsplit(".", 1)[-1].lower()
    if suffix not in ("xlsx", "csv"):
        raise RoadmapError(f"{args.output}: write a table as .xlsx or .csv")
    plan = _scheduled(args.plan).plan
    if not plan.programmes:
        raise RoadmapError(f"{args.plan}: the plan has no [[programmes]]: the tables list "
                           "its programme tree (see docs/concepts/programmes.md)")  # fmt: skip
    if args.table == "evaluasi":
        year = args.year or (plan.status_date.year if plan.status_date else None)
        if year is None:
            raise RoadmapError("evaluasi needs the year evaluated: --year 2021 (or a "
                               "status_date in the plan)")  # fmt: skip
        table = planning.evaluation_table(plan, year)
    else:
        table = (planning.renstra_table if args.table == "renstra" else planning.rpjmd_table)(plan)
    data = planning.planning_xlsx(table) if suffix == "xlsx" else planning.planning_csv(table)
    atomic_write(args.output, data.encode("utf-8") if isinstance(data, str) else data)
    out.write(f"{args.output}: {args.table}, {len(table.rows)} rows\n")
    return EXIT_OK


def _cmd_budget(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.budget import budget_by

    formats = ("table", "csv", "json", "markdown", "xlsx", "html", *_CHARTS)
    fmt = _format(args, formats, "a budget")
    sched = _scheduled(args.plan)
    plan = sched.plan
    language = _language(args, plan)
    table = budget_by(plan, args.by, schedule=sched)
    data: str | bytes
    if fmt in _CHARTS:
        from roadmap.plot import budget_figure, figure_bytes

        by = "dimension" if args.by == "year" else args.by  # a stack per dimension
        data = figure_bytes(budget_figure(plan, by=by, language=language), fmt)  # type: ignore[arg-type]
    elif fmt == "xlsx":
        data = export.budget_xlsx(table, language)
    elif fmt == "html":
        data = _html(plan, args, "budget")
    elif fmt == "csv":
        data = export.budget_csv(table, dialect=_csv(args, plan))
    elif fmt == "json":
        data = export.budget_json(table, roadmap=plan.name, currency=plan.currency)
    elif fmt == "markdown":
        data = export.budget_markdown(table, plan.currency, language)
    else:
        data = export.budget_text(table, plan.currency, language)
    _write(args, fmt, data, out)
    return EXIT_OK


def _cmd_gantt(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.plot import render_gantt

    fmt = _format(args, _CHARTS, "a Gantt chart")
    sched = _scheduled(args.plan)
    plan = sched.plan
    extra: dict[str, Any] = {}
    if args.label_width is not None:
        extra["label_chars"] = args.label_width
    if args.rows is not None:
        extra["rows"] = args.rows
    as_of = args.as_of or plan.status_date
    if as_of is not None or args.baseline is not None:
        from roadmap.tracking import forecast, stored_baseline

        try:
            if as_of is not None:
                sched = forecast(plan, as_of)
            chosen = _baseline_arg(plan, args.baseline)
            base = chosen if isinstance(chosen, Roadmap) else stored_baseline(plan, chosen)
        except RoadmapError as err:
            raise RoadmapError(f"{args.plan}: {err}") from err
        if base is not None:
            extra["baseline"] = base
    try:
        data, pages = render_gantt(
            sched, fmt, paper=args.paper,  # type: ignore[arg-type]
            orientation="portrait" if args.portrait else "landscape",
            title=args.title, subtitle=args.subtitle, source=args.source,
            group_by=None if args.group_by == "none" else args.group_by,
            language=args.language, critical=args.critical, arrows=args.arrows,
            status_date=as_of, budgets=args.budgets, embed_fonts=args.embed_fonts,
            **extra,
        )  # fmt: skip
    except ChartError as err:
        raise ChartError(f"{args.plan}: {err}") from None
    _write(args, fmt, data, out)
    out.write(f"{args.output}: {pages} page{'s' if pages != 1 else ''}\n")
    return EXIT_OK


def _baseline_arg(plan: Roadmap, value: str | None) -> str | Roadmap | None:
    """--baseline: another plan file when it names one, else a stored baseline's name."""
    if value is None:
        return None
    from roadmap.io import FORMATS

    if Path(value).suffix.lower() in FORMATS and Path(value).exists():
        return load(value)
    return value


def _cmd_status(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.tracking import status

    fmt = _format(args, ("text", "json", "markdown", "xlsx"), "a status")
    plan = _scheduled(args.plan).plan
    try:
        st = status(plan, as_of=args.as_of, baseline=_baseline_arg(plan, args.baseline),
                    by=args.by)  # fmt: skip
    except RoadmapError as err:
        raise RoadmapError(f"{args.plan}: {err}") from err
    lang = _language(args, plan)
    data: str | bytes
    if fmt == "json":
        data = export.status_json(st)
    elif fmt == "markdown":
        data = export.status_markdown(st, lang, plan.currency)
    elif fmt == "xlsx":
        data = export.status_xlsx(st, lang, plan.currency)
    else:
        data = export.status_text(st, lang, plan.currency)
    _write(args, fmt, data, out)
    return EXIT_OK


def _cmd_diff(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.tracking import diff

    fmt = _format(args, ("text", "json", "markdown", "xlsx"), "a plan diff")
    old, new = _scheduled(args.old).plan, _scheduled(args.new).plan
    d = diff(old, new)
    lang = _language(args, new)
    data: str | bytes
    if fmt == "json":
        data = export.diff_json(d)
    elif fmt == "markdown":
        data = export.diff_markdown(d, lang)
    elif fmt == "xlsx":
        data = export.diff_xlsx(d, lang)
    else:
        data = export.diff_text(d, lang)
    _write(args, fmt, data, out)
    return EXIT_OK


def _cmd_slip(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.tracking import milestone_slip

    fmt = _format(args, ("text", "csv", "json", "markdown", *_CHARTS), "a milestone slip")
    plans = [_scheduled(path).plan for path in args.plans]
    for path, plan in zip(args.plans, plans, strict=True):
        if plan.status_date is None:
            raise RoadmapError(f"{path}: no status date to forecast from; set status_date "
                               "under [roadmap]")  # fmt: skip
    try:
        slip = milestone_slip(plans, every=args.every)
    except RoadmapError as err:
        raise RoadmapError(f"{args.plans[-1]}: {err}") from err
    lang = _language(args, plans[-1])
    data: str | bytes
    if fmt in _CHARTS:
        from roadmap.plot import figure_bytes, slip_figure

        data = figure_bytes(slip_figure(slip, language=lang), fmt)
    elif fmt == "csv":
        data = export.slip_csv(slip)
    elif fmt == "json":
        data = export.slip_json(slip)
    elif fmt == "markdown":
        data = export.slip_markdown(slip, lang)
    else:
        data = export.slip_text(slip, lang)
    _write(args, fmt, data, out)
    return EXIT_OK


def _cmd_level(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.io import save_starts
    from roadmap.leveling import level

    plan = _scheduled(args.plan).plan
    if args.output is not None and Path(args.output).resolve() == Path(args.plan).resolve():
        raise RoadmapError(f"{args.output}: -o names the input plan; write the leveled plan to "
                           "another file")  # fmt: skip
    try:
        result = level(plan, objective=args.objective, method=args.method,
                       time_limit=args.time_limit, seed=args.seed)  # fmt: skip
    except RoadmapError as err:
        raise RoadmapError(f"{args.plan}: {err}") from err
    lang = _language(args, plan)
    if args.format == "json":
        out.write(export.level_json(result))
    elif args.format == "markdown":
        out.write(export.level_markdown(result, plan.name, lang, plan.currency))
    else:
        out.write(export.level_text(result, plan.name, lang, plan.currency))
    if not result.feasible:
        return EXIT_FINDINGS
    if args.output is not None and result.plan is not None:
        save_starts(result.plan, args.plan, args.output)
    return EXIT_OK


def _samples_arg(text: str) -> int | str:
    if text.strip().lower() == "auto":
        return "auto"
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a number of samples or 'auto', got {text!r}"
        ) from None
    if not 2 <= value <= 10_000_000:
        raise argparse.ArgumentTypeError(f"samples must be from 2 to 10000000, got {value}")
    return value


def _cmd_risk(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.risk import simulate

    fmt = _format(args, ("text", "json", "markdown", "xlsx", *_CHARTS), "a risk report")
    plan = _scheduled(args.plan).plan
    try:
        result = simulate(plan, args.samples, seed=args.seed, tolerance=args.tolerance)
    except RoadmapError as err:
        raise RoadmapError(f"{args.plan}: {err}") from err
    lang = _language(args, plan)
    data: str | bytes
    if fmt in _CHARTS:
        from roadmap.plot import figure_bytes, risk_figure

        data = figure_bytes(risk_figure(result, args.chart, language=lang), fmt)
    elif fmt == "json":
        data = export.risk_json(result)
    elif fmt == "markdown":
        data = export.risk_markdown(result, lang)
    elif fmt == "xlsx":
        data = export.risk_xlsx(result, lang)
    else:
        data = export.risk_text(result, lang)
    _write(args, fmt, data, out)
    return EXIT_OK


def _cmd_baseline(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.io import save_baselines
    from roadmap.tracking import make_baseline, with_baseline

    plan = _scheduled(args.plan).plan
    taken = args.taken or date.today()
    baseline = make_baseline(plan, args.name, taken=taken, default=args.default)
    updated = with_baseline(plan, baseline)
    save_baselines(updated, args.plan)
    default = next(b.name for b in updated.baselines if b.default)
    out.write(f"{args.plan}: baseline {args.name!r} stored ({len(baseline.items)} items, "
              f"taken {taken.isoformat()}); default baseline: {default!r}\n")  # fmt: skip
    return EXIT_OK


def _cmd_scurve(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.plot import figure_bytes, s_curve_figure

    fmt = _format(args, _CHARTS, "an S-curve")
    plan = _scheduled(args.plan).plan
    fig = s_curve_figure(plan, language=_language(args, plan), status_date=args.status_date)
    _write(args, fmt, figure_bytes(fig, fmt), out)
    return EXIT_OK


def _cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.reporting import report

    fmt = _format(args, ("html",), "a report")
    plan = _scheduled(args.plan).plan
    leveling = None
    if args.level:
        from roadmap.leveling import level

        leveling = level(plan)
        if not leveling.feasible or leveling.plan is None:
            raise RoadmapError(f"{args.plan}: cannot be leveled: {leveling.reason}")
        plan = leveling.plan
    doc = report(
        plan, language=_language(args, plan), paper=args.paper, status_date=args.status_date,
        title=args.title, subtitle=args.subtitle, leveling=leveling,
    )  # fmt: skip
    _write(args, fmt, doc.html, out)
    out.write(f"{args.output}: {len(doc.sections)} sections, {doc.size / 1024:.0f} KB\n")
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
    _write(args, "text", text, out)
    return EXIT_OK


def _cmd_template(args: argparse.Namespace, out: TextIO) -> int:
    from roadmap.io import write_template

    if not args.output.lower().endswith(".xlsx"):
        raise RoadmapError(f"{args.output}: a template is an Excel workbook: name it .xlsx")
    try:
        write_template(args.output, language=args.language, years=args.years)
    except FileExistsError:
        raise RoadmapError(f"{args.output}: exists; choose another name") from None
    if args.language == "en":
        out.write(f"{args.output}: blank plan written; fill in the Items sheet\n")
    else:
        out.write(f"{args.output}: rencana kosong ditulis; isi lembar Kegiatan\n")
    return EXIT_OK


def _binary_output(args: argparse.Namespace) -> str:
    """The -o file of a format that cannot go to standard output."""
    if args.output is None or args.output == "-":
        raise RoadmapError(f"--format/--to {getattr(args, 'to', None) or args.format} writes "
                           "files: give the output file with -o")  # fmt: skip
    return str(args.output)


def _write(args: argparse.Namespace, fmt: str, data: str | bytes, out: TextIO) -> None:
    """Write an output to -o (atomically) or, for a text format, to standard output."""
    if fmt in FILES_ONLY:
        path = _binary_output(args)
    elif args.output is None or args.output == "-":
        assert isinstance(data, str)
        out.write(data)
        return
    else:
        path = args.output
    atomic_write(path, data.encode("utf-8") if isinstance(data, str) else data)


# -- entry points -----------------------------------------------------------------------


def _one_line(message: str) -> str:
    """*message* as one line a terminal shows as it is: control characters escaped.

    A message may quote what a file holds; an ESC or a line break from there must not
    reach the terminal as a command or a second line.
    """
    if message.isprintable():
        return message
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in message)


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
    except PlanFileError as exc:  # every problem of the file, one line each
        from roadmap.io import error_lines

        language = getattr(args, "language", None) or exc.language or "id"
        sys.stderr.writelines(
            f"roadmap: error: {_one_line(line)}\n" for line in error_lines(exc, language)
        )
        return EXIT_INPUT
    except RoadmapError as exc:
        sys.stderr.write(f"roadmap: error: {_one_line(str(exc))}\n")
        return EXIT_INPUT
    except OSError as exc:  # reading or writing a file failed
        message = f"{exc.filename or ''}: {exc.strerror or exc}"
        sys.stderr.write(f"roadmap: error: {_one_line(message)}\n")
        return EXIT_INPUT
    except Exception as exc:  # a bug: one line, the traceback only when asked for
        if args.debug:
            traceback.print_exc()
        sys.stderr.write(
            f"roadmap: internal error: {type(exc).__name__}: {_one_line(str(exc))} (a bug in "
            "roadmap; run again with --debug for the traceback and please report it)\n"
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
