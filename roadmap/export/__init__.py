"""Every output that needs a schedule, and :func:`save` / :func:`dumps` for every format.

MS Project XML, Mermaid, iCalendar, and the schedule and budget tables.

:mod:`roadmap.io` reads and writes plan files and knows nothing of schedules; this
package sits above the engine and the budget, so that each output is rendered in one
place.

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
... duration = "3 months"
... ''')
>>> "<Name>Masterplan</Name>" in dumps(plan, "mspdi")
True
"""

from __future__ import annotations

import os
from typing import IO

from roadmap import io
from roadmap._files import atomic_write
from roadmap.export.ical import to_ical
from roadmap.export.level import level_json, level_markdown, level_text, reason_text
from roadmap.export.mermaid import to_mermaid
from roadmap.export.mspdi import to_mspdi
from roadmap.export.risk import risk_json, risk_markdown, risk_text, risk_xlsx
from roadmap.export.tables import (
    CSV_DIALECTS,
    budget_csv,
    budget_json,
    budget_markdown,
    budget_text,
    budget_xlsx,
    schedule_csv,
    schedule_json,
    schedule_markdown,
    schedule_text,
    schedule_xlsx,
)
from roadmap.export.tracking import (
    diff_json,
    diff_markdown,
    diff_text,
    diff_xlsx,
    slip_csv,
    slip_json,
    slip_markdown,
    slip_text,
    status_json,
    status_markdown,
    status_text,
    status_xlsx,
)
from roadmap.model import Roadmap

__all__ = [
    "CSV_DIALECTS", "budget_csv", "budget_json", "budget_markdown", "budget_text", "budget_xlsx",
    "diff_json", "diff_markdown", "diff_text", "diff_xlsx", "dumps", "level_json",
    "level_markdown", "level_text", "reason_text", "risk_json", "risk_markdown",
    "risk_text", "risk_xlsx", "save", "schedule_csv",
    "schedule_json", "schedule_markdown", "schedule_text", "schedule_xlsx", "slip_csv",
    "slip_json", "slip_markdown", "slip_text", "status_json", "status_markdown", "status_text",
    "status_xlsx", "to_ical", "to_mermaid", "to_mspdi",
]  # fmt: skip


def dumps(plan: Roadmap, format: str = "toml") -> str:
    """Write a plan as text: ``"toml"``, ``"json"``, ``"yaml"`` or ``"mspdi"`` (MS Project).

    See :func:`roadmap.io.dumps`; MS Project XML also carries the scheduled dates.

    Raises
    ------
    roadmap.CycleError, roadmap.ScheduleError
        For MS Project XML of a plan that cannot be scheduled.
    """
    if io.detect_format("<string>", format) == "mspdi":
        return to_mspdi(plan)
    return io.dumps(plan, format)


def save(
    plan: Roadmap, target: str | os.PathLike[str] | IO[str], format: str | None = None
) -> None:
    """Write a plan to a path (atomically) or an open text file, in any plan format.

    TOML, JSON, YAML, CSV and XLSX as :func:`roadmap.io.save` writes them; ``.xml`` (or
    ``format="mspdi"``) as MS Project XML with the scheduled dates.
    """
    if isinstance(target, str | os.PathLike):
        if io.detect_format(target, format) == "mspdi":
            atomic_write(target, to_mspdi(plan).encode("utf-8"))
            return
    else:
        name = str(getattr(target, "name", "<stream>"))
        named = format is not None or name != "<stream>"
        if named and io.detect_format(name, format) == "mspdi":
            target.write(to_mspdi(plan))
            return
    io.save(plan, target, format)
