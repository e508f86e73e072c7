"""roadmap: plan multi-year programmes as dependency graphs of initiatives.

Model a roadmap of phases, initiatives and milestones with budgets and dates, schedule it
by the critical path method, check its feasibility, total its budgets per fiscal year, draw
Gantt charts, budget charts and S-curves, and read and write it as TOML, JSON, YAML, CSV,
Excel and MS Project XML.  The package's layers are described in ``docs/architecture.md``.

Examples
--------
>>> import roadmap as rm
>>> plan = rm.loads('''
... [roadmap]
... name = "Demo"
... start = 2019-01-01
... [[initiatives]]
... id = "A"
... name = "Masterplan"
... duration = "6 months"
... ''')
>>> rm.schedule(plan).finish
datetime.date(2019, 6, 30)
"""

from roadmap._version import __version__
from roadmap.budget import BudgetTable, allocations, budget_by, fiscal_year, s_curve, spread
from roadmap.checks import RULES, Finding, Report, check
from roadmap.dates import Calendar, Duration, parse_date, parse_duration
from roadmap.errors import (
    ChartError,
    CycleError,
    ItemError,
    MissingExtraError,
    PlanFileError,
    RoadmapError,
    ScheduleError,
    UnknownItemError,
)
from roadmap.export import dumps, save, to_ical, to_mermaid, to_mspdi
from roadmap.graph import build_graph, find_cycle, is_acyclic
from roadmap.io import load, loads, write_template
from roadmap.model import (
    DIMENSIONS,
    DISTRIBUTIONS,
    LINK_TYPES,
    STATUSES,
    Baseline,
    BaselineItem,
    Correlation,
    Dependency,
    Indicator,
    Initiative,
    Milestone,
    Percent,
    Phase,
    Programme,
    Realisation,
    Risk,
    Roadmap,
    parse_dependencies,
)
from roadmap.money import format_money
from roadmap.reporting import HtmlReport, report
from roadmap.scheduler import Schedule, ScheduledItem, schedule
from roadmap.tracking import (
    MilestoneSlip,
    PlanDiff,
    Status,
    diff,
    forecast,
    make_baseline,
    milestone_slip,
    status,
)

__all__ = [
    "DIMENSIONS",
    "DISTRIBUTIONS",
    "LINK_TYPES",
    "RULES",
    "STATUSES",
    "Baseline",
    "BaselineItem",
    "BudgetTable",
    "Calendar",
    "ChartError",
    "Correlation",
    "CycleError",
    "Dependency",
    "Duration",
    "Finding",
    "HtmlReport",
    "Indicator",
    "Initiative",
    "ItemError",
    "LevelResult",
    "Milestone",
    "MilestoneSlip",
    "MissingExtraError",
    "Percent",
    "Phase",
    "PlanDiff",
    "PlanFileError",
    "Programme",
    "Realisation",
    "Report",
    "Risk",
    "RiskResult",
    "Roadmap",
    "RoadmapError",
    "Schedule",
    "ScheduleError",
    "ScheduledItem",
    "Status",
    "UnknownItemError",
    "__version__",
    "allocations",
    "budget_by",
    "build_graph",
    "check",
    "diff",
    "dumps",
    "find_cycle",
    "fiscal_year",
    "forecast",
    "format_money",
    "is_acyclic",
    "level",
    "load",
    "loads",
    "make_baseline",
    "milestone_slip",
    "parse_date",
    "parse_dependencies",
    "parse_duration",
    "plot_budget",
    "plot_gantt",
    "plot_milestone_slip",
    "plot_risk",
    "plot_s_curve",
    "report",
    "s_curve",
    "save",
    "save_gantt",
    "schedule",
    "simulate",
    "spread",
    "status",
    "to_ical",
    "to_mermaid",
    "to_mspdi",
    "write_template",
]


# Drawing needs matplotlib, which takes most of a second to import: load it on first use.
_PLOTTING = (
    "plot_budget",
    "plot_gantt",
    "plot_milestone_slip",
    "plot_risk",
    "plot_s_curve",
    "save_gantt",
)
# Simulation needs numpy, leveling a search engine: load them on first use too.
_RISK = ("RiskResult", "simulate")
_LEVELING = ("LevelResult", "level")


def __getattr__(name: str) -> object:
    if name in _PLOTTING:
        from roadmap import plot

        return getattr(plot, name)
    if name in _RISK:
        from roadmap import risk

        return getattr(risk, name)
    if name in _LEVELING:
        from roadmap import leveling

        return getattr(leveling, name)
    raise AttributeError(f"module 'roadmap' has no attribute {name!r}")


def __dir__() -> list[str]:
    return list(__all__)
