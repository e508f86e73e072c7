"""The report document: sections rendered by Jinja2 into one self-contained HTML file.

The file makes no network request of any kind: CSS and a few KB of JavaScript are inline
(the script is allowed by its hash in a Content-Security-Policy that forbids everything
else), charts are inline SVG, and the plan itself is embedded as JSON, so that
:func:`roadmap.load` reads the report back as a plan.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from roadmap import io
from roadmap._files import atomic_write
from roadmap._i18n import Language, language_of
from roadmap._version import __version__
from roadmap.io._html import SCRIPT_ID
from roadmap.model import Roadmap
from roadmap.reporting.sections import SECTIONS, Context, Section

if TYPE_CHECKING:  # the leveler is loaded only by those who level
    from roadmap.leveling import LevelResult

__all__ = ["PLAN_SCRIPT_ID", "HtmlReport", "report"]

#: The id of the ``<script type="application/json">`` element that holds the plan.
PLAN_SCRIPT_ID = SCRIPT_ID


@attrs.frozen(kw_only=True)
class HtmlReport:
    """A rendered report: its sections and the HTML text.

    Attributes
    ----------
    plan
        The roadmap reported on.
    language
        ``"id"`` or ``"en"``.
    sections
        The sections, in order.
    html
        The whole document.
    """

    plan: Roadmap = attrs.field(repr=False)
    language: Language
    sections: tuple[Section, ...]
    html: str = attrs.field(repr=False)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the document (UTF-8), atomically."""
        atomic_write(path, self.html.encode("utf-8"))

    @property
    def size(self) -> int:
        """The size of the document in bytes."""
        return len(self.html.encode("utf-8"))

    def _repr_html_(self) -> str:
        # The document in a frame: its styles and script stay out of the notebook's page.
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
            'style="width:100%;height:720px;border:1px solid #ddd"></iframe>'
        )


def report(
    plan: Roadmap,
    *,
    language: str | None = None,
    paper: str = "A4",
    status_date: date | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    sections: Iterable[str] | None = None,
    leveling: LevelResult | None = None,
) -> HtmlReport:
    """The report of a plan as one self-contained HTML file, to send or to print.

    Sections (each only when it has something to show): the cover (plan, period, status
    date, roadmap version and a hash of the plan data), a summary panel, the Gantt chart,
    the findings of :func:`roadmap.check` with their hints, the budget per year against the
    ceilings with its chart, the S-curve and the schedule table (sortable, filterable by
    phase, dimension and owner).  Printing gives one section per page on A4 or A3
    landscape with repeating table headers.

    Parameters
    ----------
    plan
        The roadmap.
    language
        ``"id"`` or ``"en"``; by default the plan's.
    paper
        ``"A4"`` or ``"A3"``: the printed page, landscape.
    status_date
        A status date to mark on the charts and the cover; by default the plan's own (a
        plan with one also gets a tracking section: forecast against baseline, earned
        value, items off their plan).
    title, subtitle
        The cover's title (default: the roadmap's name) and a subtitle.
    sections
        Ids of the sections to include, in the order of :data:`SECTIONS`; by default all.
    leveling
        The result of :func:`roadmap.level` whose plan this is: adds a section with the
        moves and the budget before and after.

    Returns
    -------
    HtmlReport

    Raises
    ------
    roadmap.RoadmapError
        When the plan cannot be scheduled (a cycle, workdays without a calendar).

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
    ... budget = 250_000_000
    ... ''')
    >>> doc = report(plan, sections=["cover", "schedule"])
    >>> [s.id for s in doc.sections]
    ['cover', 'schedule']
    >>> rm.loads(doc.html, "html") == plan
    True
    """
    lang = language_of(language, plan.language)
    if paper not in ("A4", "A3"):
        raise ValueError(f"paper must be 'A4' or 'A3', got {paper!r}")
    wanted = [s.id for s in SECTIONS] if sections is None else list(sections)
    unknown = [s for s in wanted if s not in {b.id for b in SECTIONS}]
    if unknown:
        known = ", ".join(b.id for b in SECTIONS)
        raise ValueError(f"unknown report section {unknown[0]!r}; known: {known}")
    plan_json = io.dumps(plan, "json")
    ctx = Context(
        plan=plan, language=lang, status_date=status_date or plan.status_date,
        title=title or plan.name,
        subtitle=subtitle, version=__version__,
        plan_hash=hashlib.sha256(plan_json.encode("utf-8")).hexdigest()[:16],
        leveling=leveling,
    )  # fmt: skip
    built = [s for b in SECTIONS if b.id in wanted and (s := b.build(ctx)) is not None]
    return HtmlReport(
        plan=plan, language=lang, sections=tuple(built),
        html=_render(ctx, built, plan_json, paper),
    )  # fmt: skip


def _render(ctx: Context, sections: Sequence[Section], plan_json: str, paper: str) -> str:
    from roadmap.reporting.render import environment, resource

    script = resource("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    policy = (
        "default-src 'none'; "
        f"script-src 'sha256-{digest}'; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    # JSON inside <script> is not HTML-escaped: '<', '>' and '&' become \u escapes instead.
    embedded = plan_json.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    data: dict[str, Any] = {
        "ctx": ctx,
        "words": ctx.words,
        "sections": sections,
        "policy": policy,
        "css": resource("report.css").replace("@PAPER@", paper),
        "script": script,
        "plan_json": embedded,
        "plan_script_id": PLAN_SCRIPT_ID,
        "json": json,
    }
    return environment().get_template("report.html.j2").render(**data)
