"""Feasibility checks: every problem of a plan as a :class:`Finding`, never an exception.

:func:`check` runs every rule of :data:`RULES` and returns a :class:`Report`.  Each rule is
one small function registered with :func:`rule`; its code is stable, its severity fixed,
and its message and hint (the concrete fix: a date, an amount, a link to drop) come in
English and Indonesian.  ``docs/reference/checks.md`` documents every rule.

Examples
--------
>>> from datetime import date
>>> from roadmap.model import Initiative, Roadmap
>>> plan = Roadmap(name="Demo", start=date(2019, 1, 1), end=date(2019, 12, 31), initiatives=[
...     Initiative(id="A", name="Masterplan", duration="6 months", owner="Diskominfo",
...                dimension="Smart Governance", budget=100_000_000),
...     Initiative(id="B", name="Perwako", duration="3 months", depends_on=["A"],
...                start="2019-05-01", owner="Bagian Hukum", dimension="Smart Governance",
...                budget=50_000_000),
... ])
>>> report = check(plan)
>>> report.ok
False
>>> [f.code for f in report]
['start-violates-dependency']
>>> print(report.findings[0].hint)
Move the planned start of B to 1 July 2019, or relax or drop the link A -> B.
"""

from __future__ import annotations

import heapq
import html
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from itertools import pairwise
from typing import Any, Literal, TypeAlias

import attrs

from roadmap.budget import _allocations, _ItemYears
from roadmap.errors import CycleError, RoadmapError
from roadmap.model import Initiative, Milestone, Phase, Roadmap, split_ceilings
from roadmap.money import format_money

__all__ = ["RULES", "SCHEMA", "Finding", "Report", "Rule", "Severity", "check", "rule"]

Severity: TypeAlias = Literal["error", "warning", "info"]
Language: TypeAlias = Literal["id", "en"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
#: Version of the JSON shape of a report.
SCHEMA = "roadmap.check/1"

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
}  # fmt: skip
_SEVERITY_WORDS = {
    "en": {"error": "Errors", "warning": "Warnings", "info": "Notes"},
    "id": {"error": "Kesalahan", "warning": "Peringatan", "info": "Catatan"},
}


@attrs.frozen(kw_only=True)
class Finding:
    """One problem of a plan.

    Attributes
    ----------
    code
        Stable identifier of the rule, e.g. ``"over-ceiling"``.
    severity
        ``"error"`` (the plan is infeasible or inconsistent), ``"warning"`` (probably
        wrong) or ``"info"`` (worth a look).
    subjects
        Ids of the items, phases or years concerned.
    message
        What is wrong, with the figures.
    hint
        The concrete fix.
    """

    code: str
    severity: Severity
    subjects: tuple[str, ...]
    message: str
    hint: str

    def to_dict(self) -> dict[str, Any]:
        """The finding as the JSON object of ``roadmap check --format json``."""
        return {
            "code": self.code, "severity": self.severity, "subjects": list(self.subjects),
            "message": self.message, "hint": self.hint,
        }  # fmt: skip


@attrs.frozen(kw_only=True)
class Rule:
    """A registered check: code, severity, a one-line description per language, function."""

    code: str
    severity: Severity
    title: dict[str, str]
    fn: Callable[[_Context], Iterable[Finding]] = attrs.field(repr=False)


#: Every rule, in the order they run and are documented.
RULES: dict[str, Rule] = {}


def rule(
    code: str, severity: Severity, en: str, id: str
) -> Callable[[Callable[[_Context], Iterable[Finding]]], Callable[[_Context], Iterable[Finding]]]:
    """Register a rule function under *code* with its *severity* and descriptions."""

    def register(
        fn: Callable[[_Context], Iterable[Finding]],
    ) -> Callable[[_Context], Iterable[Finding]]:
        if code in RULES:
            raise ValueError(f"rule {code!r} is registered twice")
        RULES[code] = Rule(code=code, severity=severity, title={"en": en, "id": id}, fn=fn)
        return fn

    return register


# -- the report -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Report:
    """The findings of :func:`check`, most severe first.

    Iterate it, filter it, or render it as text (``str(report)``), JSON, Markdown or HTML.
    """

    roadmap: str
    language: Language
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings and notes may remain)."""
        return not any(f.severity == "error" for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Findings of severity error."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Findings of severity warning."""
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def infos(self) -> tuple[Finding, ...]:
        """Findings of severity info."""
        return tuple(f for f in self.findings if f.severity == "info")

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def filter(
        self,
        *,
        code: str | Iterable[str] | None = None,
        severity: Severity | Iterable[Severity] | None = None,
        subject: str | None = None,
    ) -> Report:
        """The findings with one of the codes, severities and naming the subject.

        Examples
        --------
        >>> r = Report(roadmap="x", language="en", findings=(
        ...     Finding(code="a", severity="info", subjects=("X",), message="", hint=""),))
        >>> len(r.filter(severity="error")), len(r.filter(subject="X"))
        (0, 1)
        """
        codes = {code} if isinstance(code, str) else None if code is None else set(code)
        sevs = (
            {severity} if isinstance(severity, str) else None if severity is None else set(severity)
        )
        kept = tuple(
            f for f in self.findings
            if (codes is None or f.code in codes)
            and (sevs is None or f.severity in sevs)
            and (subject is None or subject in f.subjects)
        )  # fmt: skip
        return attrs.evolve(self, findings=kept)

    def to_dict(self) -> dict[str, Any]:
        """The JSON tree: ``{"schema", "roadmap", "ok", "findings": [...]}``."""
        return {
            "schema": SCHEMA,
            "roadmap": self.roadmap,
            "ok": self.ok,
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The report as JSON text (SPEC §6, with a schema version)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False) + "\n"

    def _summary(self) -> str:
        n = {s: sum(f.severity == s for f in self.findings) for s in SEVERITIES}
        if self.language == "id":
            return (f"{n['error']} kesalahan, {n['warning']} peringatan, {n['info']} catatan"
                    if self.findings else "Tidak ada temuan.")  # fmt: skip
        if not self.findings:
            return "No findings."
        words = (("error", "errors"), ("warning", "warnings"), ("note", "notes"))
        return ", ".join(f"{n[s]} {words[k][n[s] != 1]}" for k, s in enumerate(SEVERITIES))

    def to_text(self) -> str:
        """A terminal rendering, grouped by severity."""
        lines = [f"{self.roadmap}: {self._summary()}"]
        words = _SEVERITY_WORDS[self.language]
        hint_word = "saran" if self.language == "id" else "fix"
        for sev in SEVERITIES:
            group = [f for f in self.findings if f.severity == sev]
            if not group:
                continue
            lines += ["", f"{words[sev]} ({len(group)})"]
            for f in group:
                lines.append(f"  [{f.code}] {f.message}")
                lines.append(f"      {hint_word}: {f.hint}")
        return "\n".join(lines) + "\n"

    __str__ = to_text

    def to_markdown(self) -> str:
        """A Markdown table per severity, for a planning document."""
        words = _SEVERITY_WORDS[self.language]
        head = (
            ("Kode", "Subjek", "Temuan", "Saran")
            if self.language == "id"
            else ("Code", "Subjects", "Finding", "Fix")
        )
        out = [f"# {_md(self.roadmap)}", "", self._summary()]
        for sev in SEVERITIES:
            group = [f for f in self.findings if f.severity == sev]
            if not group:
                continue
            out += ["", f"## {words[sev]}", "", "| " + " | ".join(head) + " |", "|---|---|---|---|"]
            for f in group:
                out.append(
                    f"| `{f.code}` | {_md(', '.join(f.subjects))} | {_md(f.message)} | "
                    f"{_md(f.hint)} |"
                )
        return "\n".join(out) + "\n"

    def _repr_html_(self) -> str:
        colours = {"error": "#b2182b", "warning": "#b35806", "info": "#2166ac"}
        rows = "".join(
            f'<tr><td style="color:{colours[f.severity]}">{f.severity}</td>'
            f"<td><code>{html.escape(f.code)}</code></td>"
            f"<td>{html.escape(', '.join(f.subjects))}</td><td>{html.escape(f.message)}</td>"
            f"<td>{html.escape(f.hint)}</td></tr>"
            for f in self.findings
        )
        return (
            f"<p><b>{html.escape(self.roadmap)}</b>: {html.escape(self._summary())}</p>"
            "<table><thead><tr><th>severity</th><th>code</th><th>subjects</th><th>message"
            f"</th><th>hint</th></tr></thead><tbody>{rows}</tbody></table>"
        )


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# -- the context the rules share ------------------------------------------------------


class _Context:
    """The plan, the language, and what rules compute once and share (schedule, budgets)."""

    def __init__(
        self, plan: Roadmap, language: Language, ceilings: Mapping[Any, Any] | None
    ) -> None:
        self.plan = plan
        self.lang = language
        self.ceilings = dict(plan.ceilings)
        self.group_ceilings = {k: dict(v) for k, v in plan.group_ceilings.items()}
        if ceilings is not None:
            self.ceilings, self.group_ceilings = split_ceilings(ceilings)
        self.structural = False  # set when a structure rule found an error
        self._schedule: Any = None
        self._why_not: str | None = None
        self._alloc: dict[str, dict[int, int]] | None = None
        self._compiled: bool | None = None
        self._years: _ItemYears | None = None
        self.year_totals: dict[int, int] = {}  # filled with the allocations

    def finding(
        self, code: str, subjects: Iterable[str], en: tuple[str, str], id: tuple[str, str]
    ) -> Finding:
        message, hint = id if self.lang == "id" else en
        return Finding(
            code=code,
            severity=RULES[code].severity,
            subjects=tuple(subjects),
            message=message,
            hint=hint,
        )

    def date(self, d: date) -> str:
        return f"{d.day} {_MONTHS[self.lang][d.month - 1]} {d.year}"

    def money(self, amount: int) -> str:
        return format_money(amount, words=True, language=self.lang, currency=self.plan.currency)

    @property
    def schedule(self) -> Any:
        """The plan's Schedule, or None when the plan cannot be scheduled."""
        if self._schedule is None and self._why_not is None:
            if self.structural:
                self._why_not = "structure"
            else:
                from roadmap.schedule import schedule

                try:
                    self._schedule = schedule(self.plan)
                except RoadmapError as err:
                    self._why_not = str(err)
        return self._schedule

    def days(self, item_id: str) -> tuple[int, int]:
        """First and last day (inclusive day numbers) as shown; a milestone is its day."""
        s = self.schedule
        i = s._net.index[item_id]
        es, ef = s._es[i], s._ef[i]
        return (es - 1, es - 1) if es == ef else (es, ef - 1)

    def span(self, item_id: str) -> tuple[int, int]:
        """Early ``[start, end)`` day numbers of an item; a milestone is its day."""
        s = self.schedule
        i = s._net.index[item_id]
        es, ef = s._es[i], s._ef[i]
        return (es - 1, ef) if es == ef else (es, ef)

    @property
    def compiled(self) -> bool:
        """True when the plan compiles: unique item ids, every link known, no cycle.

        The structure rules then skip their loops over every link; the compiled form is
        kept on the plan and reused by the schedule.
        """
        if self._compiled is None:
            from roadmap._network import network

            try:
                network(self.plan)
                self._compiled = True
            except RoadmapError:
                self._compiled = False
        return self._compiled

    def fiscal_ranges(self) -> tuple[list[int], list[int]]:
        """First and last fiscal year of every item, by position in ``plan.items``."""
        if self._years is None:
            self._years = _ItemYears(self.schedule)
        return self._years.start_year, self._years.last_year

    def allocations(self) -> dict[str, dict[int, int]]:
        """Budget per item per fiscal year (spread by scheduled days), and year totals."""
        if self._alloc is None:
            self.fiscal_ranges()
            assert self._years is not None
            self._alloc = _allocations(self.plan, self.schedule, self._years)
            totals: dict[int, int] = {}
            for amounts in self._alloc.values():
                for y, v in amounts.items():
                    totals[y] = totals.get(y, 0) + v
            self.year_totals = totals
        return self._alloc

    def item_years(self, k: int) -> range:
        """The fiscal years in which the item at position *k* runs."""
        y0s, y1s = self.fiscal_ranges()
        return range(y0s[k], y1s[k] + 1)


def check(
    plan: Roadmap,
    *,
    ceilings: Mapping[Any, Any] | None = None,
    language: Language = "en",
    rules: Iterable[str] | None = None,
) -> Report:
    """Check a plan and return every finding; never raises for a problem in the plan.

    Parameters
    ----------
    plan
        The roadmap.
    ceilings
        Budget ceilings to check against instead of the plan's own, in the shape of the
        plan file's ``[ceilings]`` table: ``{2020: 8_000_000_000, "funding": {"APBD":
        {2020: 6_000_000_000}}}``.
    language
        ``"en"`` or ``"id"``: the language of messages and hints.
    rules
        Codes of the rules to run; by default all of :data:`RULES`.

    Returns
    -------
    Report
    """
    if language not in ("en", "id"):
        raise ValueError(f"language must be 'en' or 'id', got {language!r}")
    selected = list(RULES) if rules is None else list(rules)
    for code in selected:
        if code not in RULES:
            raise ValueError(f"unknown rule {code!r}; known: {', '.join(RULES)}")
    ctx = _Context(plan, language, ceilings)
    found: list[Finding] = []
    for code in RULES:  # registration order, so structure rules run first
        if code not in selected:
            continue
        new = list(RULES[code].fn(ctx))
        if code in _STRUCTURE and any(f.severity == "error" for f in new):
            ctx.structural = True
        found.extend(new)
    if ctx._why_not is not None:
        found.append(ctx.finding(
            "not-scheduled", [],
            ("Dates and budgets were not checked: the plan cannot be scheduled until the "
             "errors above are fixed.", "Fix the structural errors, then check again."),
            ("Tanggal dan anggaran belum diperiksa: rencana belum dapat dijadwalkan sebelum "
             "kesalahan di atas diperbaiki.", "Perbaiki kesalahan struktur, lalu periksa lagi."),
        ))  # fmt: skip
    order = {s: k for k, s in enumerate(SEVERITIES)}
    rank = {code: k for k, code in enumerate(RULES)}
    found.sort(key=lambda f: (order[f.severity], rank[f.code]))
    return Report(roadmap=plan.name, language=language, findings=tuple(found))


# -- structure ------------------------------------------------------------------------

_STRUCTURE = ("empty-roadmap", "duplicate-id", "unknown-reference", "self-dependency",
              "dependency-cycle", "finish-before-start")  # fmt: skip


@rule(
    "empty-roadmap",
    "warning",
    "The roadmap has no initiatives or milestones.",
    "Peta jalan tidak memiliki kegiatan atau tonggak.",
)
def _empty(ctx: _Context) -> Iterator[Finding]:
    if not ctx.plan.items:
        yield ctx.finding(
            "empty-roadmap", [],
            ("The roadmap has no initiatives and no milestones.",
             "Add [[initiatives]] and [[milestones]] to the plan."),
            ("Peta jalan tidak memiliki kegiatan maupun tonggak.",
             "Tambahkan [[initiatives]] dan [[milestones]] ke rencana."),
        )  # fmt: skip


@rule(
    "duplicate-id",
    "error",
    "Two items or phases share an id.",
    "Dua kegiatan atau fase memakai id yang sama.",
)
def _duplicates(ctx: _Context) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    # A compiled plan has unique item ids: only phases can still collide.
    phase_ids = {p.id for p in ctx.plan.phases}
    if ctx.compiled:
        entries: Iterable[Phase | Initiative | Milestone] = [
            *ctx.plan.phases,
            *(i for i in ctx.plan.items if i.id in phase_ids),
        ]
    else:
        entries = (*ctx.plan.phases, *ctx.plan.items)
    for item in entries:
        seen[item.id] = seen.get(item.id, 0) + 1
    for id, count in seen.items():
        if count > 1:
            yield ctx.finding(
                "duplicate-id", [id],
                (f"The id {id} is used {count} times.",
                 f"Give each of the {count} entries its own id, e.g. {id}a and {id}b."),
                (f"Id {id} dipakai {count} kali.",
                 f"Beri setiap entri id sendiri, mis. {id}a dan {id}b."),
            )  # fmt: skip


@rule(
    "unknown-reference",
    "error",
    "A dependency, phase or milestone anchor names an unknown id.",
    "Ketergantungan, fase, atau acuan tonggak menyebut id yang tidak ada.",
)
def _unknown(ctx: _Context) -> Iterator[Finding]:
    items = {i.id for i in ctx.plan.items}
    phases = {p.id for p in ctx.plan.phases}
    compiled = ctx.compiled  # then every link is known
    for item in ctx.plan.items:
        for link in () if compiled else item.links:
            if link.id not in items:
                what = (
                    "after"
                    if isinstance(item, Milestone) and link.id == item.after
                    else "depends_on"
                )
                yield ctx.finding(
                    "unknown-reference", [item.id],
                    (f"{item.id} ({what}) names {link.id}, which is not an item of the plan.",
                     f"Correct the id {link.id} or remove it from {what} of {item.id}."),
                    (f"{item.id} ({what}) menyebut {link.id}, yang tidak ada dalam rencana.",
                     f"Perbaiki id {link.id} atau hapus dari {what} pada {item.id}."),
                )  # fmt: skip
        if item.phase is not None and item.phase not in phases:
            known = ", ".join(sorted(phases)) or "-"
            yield ctx.finding(
                "unknown-reference", [item.id],
                (f"{item.id} belongs to phase {item.phase}, which the plan does not define.",
                 f"Use one of the phases ({known}) or add phase {item.phase}."),
                (f"{item.id} masuk fase {item.phase}, yang tidak didefinisikan dalam rencana.",
                 f"Gunakan salah satu fase ({known}) atau tambahkan fase {item.phase}."),
            )  # fmt: skip


@rule(
    "self-dependency",
    "error",
    "An item depends on itself.",
    "Sebuah kegiatan bergantung pada dirinya sendiri.",
)
def _self(ctx: _Context) -> Iterator[Finding]:
    if ctx.compiled:
        return  # a self-link is a cycle: the plan would not compile
    for item in ctx.plan.items:
        if any(link.id == item.id for link in item.links):
            yield ctx.finding(
                "self-dependency", [item.id],
                (f"{item.id} depends on itself.", f"Remove {item.id} from its own depends_on."),
                (f"{item.id} bergantung pada dirinya sendiri.",
                 f"Hapus {item.id} dari depends_on miliknya."),
            )  # fmt: skip


@rule(
    "dependency-cycle",
    "error",
    "Dependencies form a cycle (named whole, in order).",
    "Ketergantungan membentuk siklus (disebut utuh, berurutan).",
)
def _cycles(ctx: _Context) -> Iterator[Finding]:
    if ctx.compiled:
        return
    plan = ctx.plan
    items = {i.id for i in plan.items}
    if len(items) < len(plan.items):
        return  # duplicate ids: cycles are ambiguous until they are fixed
    clean = plan
    if any(link.id == i.id or link.id not in items for i in plan.items for link in i.links):
        clean = attrs.evolve(
            plan,
            initiatives=[_without_bad_links(i, items) for i in plan.initiatives],
            milestones=[_without_bad_links(m, items) for m in plan.milestones],
        )
    from roadmap._network import network

    try:
        network(clean)  # the compiled form is kept on the plan for the schedule rules
        return
    except CycleError:
        pass
    except RoadmapError:
        return
    # Report one whole cycle per strongly connected group of items.
    import networkx as nx

    from roadmap.graph import build_graph

    graph = build_graph(clean)
    position = {item.id: k for k, item in enumerate(plan.items)}
    groups = [g for g in nx.strongly_connected_components(graph) if len(g) > 1]
    for group in sorted(groups, key=lambda g: min(position[i] for i in g)):
        first = min(group, key=position.__getitem__)
        edges = nx.find_cycle(graph.subgraph(group), source=first)
        cycle = [u for u, _ in edges]
        low = cycle.index(min(cycle, key=position.__getitem__))
        cycle = cycle[low:] + cycle[:low]
        text = " -> ".join([*cycle, cycle[0]])
        last = f"{cycle[-1]} -> {cycle[0]}"
        yield ctx.finding(
            "dependency-cycle", cycle,
            (f"The dependencies form a cycle: {text}.",
             f"Drop or reverse one link of the cycle, e.g. {last}."),
            (f"Ketergantungan membentuk siklus: {text}.",
             f"Hapus atau balik salah satu tautan siklus, mis. {last}."),
        )  # fmt: skip


def _without_bad_links(item: Any, items: set[str]) -> Any:
    keep = tuple(link for link in item.depends_on if link.id != item.id and link.id in items)
    if isinstance(item, Milestone) and (item.after == item.id or item.after not in items):
        return attrs.evolve(item, after=None, depends_on=keep)
    return attrs.evolve(item, depends_on=keep)


@rule(
    "finish-before-start",
    "error",
    "An item or phase ends before it starts.",
    "Kegiatan atau fase berakhir sebelum dimulai.",
)
def _reversed(ctx: _Context) -> Iterator[Finding]:
    # A compiled plan has no reversed initiative: only phases are left to look at.
    inits = () if ctx.compiled else ctx.plan.initiatives
    spans: list[tuple[str, date | None, date | None]] = [
        (i.id, i.start, i.finish) for i in inits
    ] + [(p.id, p.start, p.end) for p in ctx.plan.phases]
    for id, start, end in spans:
        if start is not None and end is not None and end < start:
            yield ctx.finding(
                "finish-before-start", [id],
                (f"{id} ends on {ctx.date(end)}, before it starts on {ctx.date(start)}.",
                 f"Swap the dates, or set the end of {id} on or after {ctx.date(start)}."),
                (f"{id} berakhir {ctx.date(end)}, sebelum dimulai {ctx.date(start)}.",
                 f"Tukar tanggalnya, atau atur akhir {id} pada/setelah {ctx.date(start)}."),
            )  # fmt: skip


# -- dates ----------------------------------------------------------------------------


@rule(
    "start-violates-dependency",
    "error",
    "A planned start is earlier than a dependency allows.",
    "Rencana mulai lebih awal daripada yang diizinkan ketergantungan.",
)
def _start_vs_links(ctx: _Context) -> Iterator[Finding]:
    s = ctx.schedule
    if s is None:
        return
    for item in ctx.plan.items:
        planned = item.start if isinstance(item, Initiative) else item.date
        if planned is None:
            continue
        if ctx.days(item.id)[0] <= planned.toordinal():
            continue  # cheap test first: a ScheduledItem only for the few that fail
        got = s[item.id]
        if not got.driving:
            continue
        links = ", ".join(
            f"{link.id} -> {item.id}"
            + ("" if str(link) == link.id else f" ({str(link)[len(link.id) + 1 :]})")
            for link in got.driving
        )
        pred = s[got.driving[0].id]
        when = ctx.date(got.start)
        yield ctx.finding(
            "start-violates-dependency", [item.id, *(link.id for link in got.driving)],
            (f"{item.id} is planned to start on {ctx.date(planned)}, but {links} allows "
             f"{when} at the earliest ({pred.id} finishes on {ctx.date(pred.finish)}).",
             f"Move the planned start of {item.id} to {when}, or relax or drop the link "
             f"{links}."),
            (f"{item.id} direncanakan mulai {ctx.date(planned)}, tetapi {links} baru "
             f"memungkinkan {when} ({pred.id} selesai {ctx.date(pred.finish)}).",
             f"Geser rencana mulai {item.id} ke {when}, atau longgarkan/hapus tautan {links}."),
        )  # fmt: skip


@rule(
    "deadline-missed",
    "error",
    "A deadline cannot be met (negative slack).",
    "Tenggat tidak dapat dipenuhi (slack negatif).",
)
def _deadlines(ctx: _Context) -> Iterator[Finding]:
    s = ctx.schedule
    if s is None:
        return
    for item in ctx.plan.items:
        if item.deadline is None:
            continue
        got = s[item.id]
        late = (got.finish - item.deadline).days
        if late <= 0:
            continue
        chain = [item.id]
        seen = {item.id}
        node = got
        while node.driving and node.driving[0].id not in seen:
            node = s[node.driving[0].id]
            chain.append(node.id)
            seen.add(node.id)
        text = " -> ".join(reversed(chain))
        yield ctx.finding(
            "deadline-missed", list(reversed(chain)),
            (f"{item.id} must finish by {ctx.date(item.deadline)} but can finish on "
             f"{ctx.date(got.finish)} at the earliest, {late} days late; the driving chain is "
             f"{text}.",
             f"Shorten or overlap the chain {text} by {late} days, or move the deadline to "
             f"{ctx.date(got.finish)}."),
            (f"{item.id} harus selesai paling lambat {ctx.date(item.deadline)}, tetapi paling "
             f"cepat selesai {ctx.date(got.finish)}, terlambat {late} hari; rantai penentunya "
             f"{text}.",
             f"Persingkat atau tumpang-tindihkan rantai {text} sebanyak {late} hari, atau "
             f"geser tenggat ke {ctx.date(got.finish)}."),
        )  # fmt: skip


@rule(
    "outside-horizon",
    "error",
    "An item lies outside the roadmap's horizon.",
    "Kegiatan berada di luar cakrawala peta jalan.",
)
def _horizon(ctx: _Context) -> Iterator[Finding]:
    s = ctx.schedule
    plan = ctx.plan
    if s is None:
        return
    # Only look at each item's finish when the roadmap as a whole ends too late.
    late = plan.end is not None and s.finish > plan.end
    for item in plan.items:
        planned = item.start if isinstance(item, Initiative) else item.date
        if planned is not None and planned < plan.start:
            yield ctx.finding(
                "outside-horizon", [item.id],
                (f"{item.id} is planned to start on {ctx.date(planned)}, before the roadmap "
                 f"starts on {ctx.date(plan.start)}.",
                 f"Start {item.id} on or after {ctx.date(plan.start)}, or start the roadmap "
                 "earlier."),
                (f"{item.id} direncanakan mulai {ctx.date(planned)}, sebelum peta jalan dimulai "
                 f"{ctx.date(plan.start)}.",
                 f"Mulai {item.id} pada/setelah {ctx.date(plan.start)}, atau majukan awal "
                 "peta jalan."),
            )  # fmt: skip
        if plan.end is not None and late and ctx.days(item.id)[1] > plan.end.toordinal():
            got = s[item.id]
            if got.finish > plan.end:
                over = (got.finish - plan.end).days
                yield ctx.finding(
                    "outside-horizon", [item.id],
                    (f"{item.id} finishes on {ctx.date(got.finish)}, {over} days after the "
                     f"roadmap ends on {ctx.date(plan.end)}.",
                     f"Bring {item.id} forward by {over} days (shorten it or its "
                     "predecessors), or move it to the next plan."),
                    (f"{item.id} selesai {ctx.date(got.finish)}, {over} hari setelah peta "
                     f"jalan berakhir {ctx.date(plan.end)}.",
                     f"Majukan {item.id} {over} hari (persingkat kegiatan atau pendahulunya), "
                     "atau pindahkan ke rencana berikutnya."),
                )  # fmt: skip


def _phase_order(plan: Roadmap) -> dict[str, int]:
    ordered = sorted(enumerate(plan.phases), key=lambda kp: (kp[1].start or date.max, kp[0]))
    return {p.id: k for k, (_, p) in enumerate(ordered)}


@rule(
    "outside-phase",
    "warning",
    "An item is scheduled outside its phase's window.",
    "Kegiatan terjadwal di luar rentang fasenya.",
)
def _outside_phase(ctx: _Context) -> Iterator[Finding]:
    s = ctx.schedule
    if s is None:
        return
    phases = {p.id: p for p in ctx.plan.phases}
    for item in ctx.plan.items:
        phase = phases.get(item.phase) if item.phase else None
        if phase is None or (phase.start is None and phase.end is None):
            continue
        first, last = ctx.days(item.id)
        early = phase.start is not None and first < phase.start.toordinal()
        late = phase.end is not None and last > phase.end.toordinal()
        if not (early or late):
            continue
        got = s[item.id]
        window = (
            f"{ctx.date(phase.start) if phase.start else '…'} .. "
            f"{ctx.date(phase.end) if phase.end else '…'}"
        )
        fits = [
            p.id
            for p in ctx.plan.phases
            if p.start and p.end and p.start <= got.start and got.finish <= p.end
        ]
        where_en = f"move it to phase {fits[0]}" if fits else "split it or widen the phase"
        where_id = (
            f"pindahkan ke fase {fits[0]}" if fits else "pecah kegiatannya atau perlebar fasenya"
        )
        yield ctx.finding(
            "outside-phase", [item.id, phase.id],
            (f"{item.id} runs {ctx.date(got.start)} .. {ctx.date(got.finish)}, outside its "
             f"phase {phase.id} ({window}).",
             f"Schedule {item.id} inside {window}, or {where_en}."),
            (f"{item.id} berjalan {ctx.date(got.start)} .. {ctx.date(got.finish)}, di luar "
             f"fasenya {phase.id} ({window}).",
             f"Jadwalkan {item.id} di dalam {window}, atau {where_id}."),
        )  # fmt: skip


@rule(
    "phase-order-inverted",
    "warning",
    "An item depends on an item of a later phase.",
    "Kegiatan bergantung pada kegiatan dari fase yang lebih akhir.",
)
def _phase_order_rule(ctx: _Context) -> Iterator[Finding]:
    order = _phase_order(ctx.plan)
    if not order:
        return
    items = {i.id: i for i in ctx.plan.items}
    for item in ctx.plan.items:
        if item.phase not in order:
            continue
        for link in item.links:
            pred = items.get(link.id)
            if pred is None or pred.phase not in order:
                continue
            if order[pred.phase] > order[item.phase]:
                yield ctx.finding(
                    "phase-order-inverted", [item.id, pred.id],
                    (f"{item.id} (phase {item.phase}) depends on {pred.id} of the later phase "
                     f"{pred.phase}.",
                     f"Move {pred.id} to phase {item.phase} or earlier, move {item.id} to "
                     f"phase {pred.phase}, or drop the link {pred.id} -> {item.id}."),
                    (f"{item.id} (fase {item.phase}) bergantung pada {pred.id} dari fase "
                     f"{pred.phase} yang lebih akhir.",
                     f"Pindahkan {pred.id} ke fase {item.phase} atau sebelumnya, pindahkan "
                     f"{item.id} ke fase {pred.phase}, atau hapus tautan {pred.id} -> "
                     f"{item.id}."),
                )  # fmt: skip


def _consecutive_phases(plan: Roadmap) -> Iterator[tuple[Phase, Phase]]:
    dated = sorted((p for p in plan.phases if p.start and p.end), key=_phase_start)
    yield from pairwise(dated)


def _phase_start(phase: Phase) -> date:
    return phase.start or date.max


@rule("phase-overlap", "warning", "Two phases overlap.", "Dua fase saling tumpang-tindih.")
def _overlap(ctx: _Context) -> Iterator[Finding]:
    for a, b in _consecutive_phases(ctx.plan):
        assert a.end is not None
        assert b.start is not None
        if b.start <= a.end:
            days = (a.end - b.start).days + 1
            yield ctx.finding(
                "phase-overlap", [a.id, b.id],
                (f"Phases {a.id} and {b.id} overlap by {days} days ({ctx.date(b.start)} .. "
                 f"{ctx.date(a.end)}).",
                 f"End {a.id} before {ctx.date(b.start)} or start {b.id} after "
                 f"{ctx.date(a.end)}."),
                (f"Fase {a.id} dan {b.id} tumpang-tindih {days} hari ({ctx.date(b.start)} .. "
                 f"{ctx.date(a.end)}).",
                 f"Akhiri {a.id} sebelum {ctx.date(b.start)} atau mulai {b.id} setelah "
                 f"{ctx.date(a.end)}."),
            )  # fmt: skip


@rule(
    "phase-gap",
    "warning",
    "Two consecutive phases leave a gap.",
    "Dua fase berurutan menyisakan jeda.",
)
def _gap(ctx: _Context) -> Iterator[Finding]:
    for a, b in _consecutive_phases(ctx.plan):
        assert a.end is not None
        assert b.start is not None
        days = (b.start - a.end).days - 1
        if days > 0:
            yield ctx.finding(
                "phase-gap", [a.id, b.id],
                (f"Between phases {a.id} and {b.id} lie {days} days that belong to no phase.",
                 f"End {a.id} on {ctx.date(b.start.fromordinal(b.start.toordinal() - 1))} "
                 f"or start {b.id} earlier."),
                (f"Antara fase {a.id} dan {b.id} ada {days} hari yang tidak termasuk fase "
                 "mana pun.",
                 f"Akhiri {a.id} pada {ctx.date(b.start.fromordinal(b.start.toordinal() - 1))} "
                 f"atau mulai {b.id} lebih awal."),
            )  # fmt: skip


# -- budgets --------------------------------------------------------------------------


@rule(
    "negative-amount",
    "error",
    "A budget or ceiling is negative.",
    "Anggaran atau pagu bernilai negatif.",
)
def _negative(ctx: _Context) -> Iterator[Finding]:
    found: list[tuple[str, str, int]] = []
    for item in ctx.plan.initiatives:
        b = item.budget
        for label, amount in (
            b.items() if isinstance(b, dict) else [("budget", b)] if isinstance(b, int) else []
        ):
            if amount < 0:
                found.append((item.id, f"budget {label}" if label != "budget" else label, amount))
        if item.budget_total is not None and item.budget_total < 0:
            found.append((item.id, "budget total", item.budget_total))
    for year, amount in ctx.ceilings.items():
        if amount < 0:
            found.append((str(year), "ceiling", amount))
    for id, what, amount in found:
        yield ctx.finding(
            "negative-amount", [id],
            (f"{id}: the {what} is negative ({ctx.money(amount)}).",
             f"Enter the {what} of {id} as a positive amount."),
            (f"{id}: {what.replace('budget', 'anggaran').replace('ceiling', 'pagu')} bernilai "
             f"negatif ({ctx.money(amount)}).",
             f"Isi {what.replace('budget', 'anggaran').replace('ceiling', 'pagu')} {id} "
             "dengan nilai positif."),
        )  # fmt: skip


@rule("zero-budget", "warning", "An initiative has no budget.", "Kegiatan tidak memiliki anggaran.")
def _zero(ctx: _Context) -> Iterator[Finding]:
    inits = ctx.plan.initiatives
    if inits and all(i.budget is None for i in inits):
        return  # a plan without budgets at all gets one note instead (no-budgets)
    for item in inits:
        b = item.budget
        total = sum(b.values()) if isinstance(b, dict) else b
        if not total:
            yield ctx.finding(
                "zero-budget", [item.id],
                (f"{item.id} has {'no' if b is None else 'a zero'} budget.",
                 f"Enter the budget of {item.id} (a total or per fiscal year), or make it a "
                 "milestone if it costs nothing."),
                (f"{item.id} {'belum memiliki anggaran' if b is None else 'beranggaran nol'}.",
                 f"Isi anggaran {item.id} (total atau per tahun anggaran), atau jadikan tonggak "
                 "bila tanpa biaya."),
            )  # fmt: skip


@rule(
    "no-budgets",
    "info",
    "The plan has no budgets at all.",
    "Rencana sama sekali belum memiliki anggaran.",
)
def _no_budgets(ctx: _Context) -> Iterator[Finding]:
    inits = ctx.plan.initiatives
    if inits and all(i.budget is None for i in inits):
        yield ctx.finding(
            "no-budgets", [],
            ("No initiative has a budget, so no budget was checked.",
             "Add budget = ... to the initiatives to check yearly ceilings."),
            ("Belum ada kegiatan yang memiliki anggaran, sehingga anggaran tidak diperiksa.",
             "Tambahkan budget = ... pada kegiatan untuk memeriksa pagu tahunan."),
        )  # fmt: skip


@rule(
    "allocation-mismatch",
    "error",
    "Yearly allocations do not add up to the total.",
    "Alokasi per tahun tidak berjumlah sama dengan total.",
)
def _mismatch(ctx: _Context) -> Iterator[Finding]:
    for item in ctx.plan.initiatives:
        if item.budget_total is None:
            continue
        b = item.budget
        parts = sum(b.values()) if isinstance(b, dict) else (b or 0)
        if parts != item.budget_total:
            diff = item.budget_total - parts
            yield ctx.finding(
                "allocation-mismatch", [item.id],
                (f"The yearly allocations of {item.id} add up to {ctx.money(parts)}, not to its "
                 f"total of {ctx.money(item.budget_total)}.",
                 f"{'Add' if diff > 0 else 'Remove'} {ctx.money(abs(diff))} "
                 f"{'to' if diff > 0 else 'from'} the yearly allocations, or correct the total."),
                (f"Alokasi per tahun {item.id} berjumlah {ctx.money(parts)}, bukan total "
                 f"{ctx.money(item.budget_total)}.",
                 f"{'Tambahkan' if diff > 0 else 'Kurangi'} {ctx.money(abs(diff))} pada alokasi "
                 "tahunan, atau perbaiki totalnya."),
            )  # fmt: skip


@rule(
    "allocation-outside-run",
    "error",
    "A yearly allocation falls in a year in which the item does not run.",
    "Alokasi tahunan jatuh pada tahun ketika kegiatan tidak berjalan.",
)
def _outside_run(ctx: _Context) -> Iterator[Finding]:
    if ctx.schedule is None:
        return
    y0s, y1s = ctx.fiscal_ranges()
    for k, item in enumerate(ctx.plan.initiatives):
        b = item.budget
        if b.__class__ is not dict:
            continue
        assert isinstance(b, dict)
        y0, y1 = y0s[k], y1s[k]
        if y0 <= min(b) and max(b) <= y1:
            continue  # the common case, tested without a loop
        years = range(y0, y1 + 1)
        for year, amount in b.items():
            if year not in years and amount:
                runs = ", ".join(map(str, years))
                yield ctx.finding(
                    "allocation-outside-run", [item.id, str(year)],
                    (f"{item.id} has {ctx.money(amount)} in fiscal year {year} but runs only in "
                     f"{runs}.",
                     f"Move the {year} allocation of {item.id} into {runs}, or reschedule it."),
                    (f"{item.id} memiliki alokasi {ctx.money(amount)} pada tahun anggaran {year}, "
                     f"padahal hanya berjalan pada {runs}.",
                     f"Pindahkan alokasi {year} milik {item.id} ke {runs}, atau ubah "
                     "jadwalnya."),
                )  # fmt: skip


def _movable(ctx: _Context, contributors: list[tuple[int, str]]) -> tuple[bool, str]:
    """The largest contributors ``(amount, id)`` to a year, those with slack first.

    Returns whether any of them has slack, and the text ``SC09 (Rp2,75 miliar, ...)``.
    """
    s = ctx.schedule
    index, ls, es = s._net.index, s._ls, s._es
    candidates = [(ls[index[id]] - es[index[id]], amount, id) for amount, id in contributors
                  if amount > 0]  # fmt: skip
    with_slack = heapq.nsmallest(3, (c for c in candidates if c[0] > 0),
                                 key=lambda c: (-c[1], c[2]))  # fmt: skip
    pick = with_slack or heapq.nsmallest(3, candidates, key=lambda c: (-c[1], c[2]))
    if ctx.lang == "id":
        text = ", ".join(f"{id} ({ctx.money(a)}, slack {s} hari)" for s, a, id in pick)
    else:
        text = ", ".join(f"{id} ({ctx.money(a)}, {s} days slack)" for s, a, id in pick)
    return bool(with_slack), text


@rule(
    "over-ceiling",
    "error",
    "A fiscal year's budget is above its ceiling (total, or per funding, dimension, owner).",
    "Anggaran satu tahun melebihi pagu (total, atau per sumber dana, dimensi, pemilik).",
)
def _over_ceiling(ctx: _Context) -> Iterator[Finding]:
    if ctx.schedule is None or not (ctx.ceilings or ctx.group_ceilings):
        return
    alloc = ctx.allocations()
    inits = ctx.plan.initiatives
    checks: list[tuple[str, str, list[str], dict[int, int]]] = [
        ("", "", [i.id for i in inits], ctx.ceilings)
    ]
    for kind, groups in ctx.group_ceilings.items():
        for name, ceilings in groups.items():
            if kind == "funding":
                members = [i.id for i in inits if name in i.funding]
            else:
                members = [i.id for i in inits if getattr(i, kind) == name]
            checks.append((kind, name, members, ceilings))
    for kind, name, members, ceilings in checks:
        if kind:
            totals: dict[int, int] = {}  # one pass over the members, not one per year
            for id in members:
                for year, amount in alloc.get(id, {}).items():
                    totals[year] = totals.get(year, 0) + amount
        else:
            totals = ctx.year_totals  # all initiatives: summed with the allocations
        for year, ceiling in ceilings.items():
            planned = totals.get(year, 0)
            if planned <= ceiling:
                continue
            over = planned - ceiling
            contributors = [(a, id) for id in members if (a := alloc.get(id, {}).get(year, 0))]
            has_slack, movable = _movable(ctx, contributors)
            move_en = (
                "move items with slack to a later year"
                if has_slack
                else "no contributing item has slack; reduce or re-time the largest"
            )
            move_id = (
                "geser kegiatan yang memiliki slack ke tahun berikutnya"
                if has_slack
                else "tidak ada kegiatan yang memiliki slack; kurangi atau atur ulang yang terbesar"
            )
            scope_en = f" for {kind} {name}" if kind else ""
            scope_id = {"funding": "sumber dana", "dimension": "dimensi", "owner": "pemilik"}
            scope_id_text = f" untuk {scope_id[kind]} {name}" if kind else ""
            share = " (counting every item funded partly by it)" if kind == "funding" else ""
            share_id = (
                " (menghitung setiap kegiatan yang sebagian didanainya)"
                if kind == "funding"
                else ""
            )
            yield ctx.finding(
                "over-ceiling", [str(year), *([name] if kind else [])],
                (f"Fiscal year {year}{scope_en}: {ctx.money(planned)} planned against a ceiling "
                 f"of {ctx.money(ceiling)}, {ctx.money(over)} over{share}.",
                 f"Cut {ctx.money(over)} from {year}, or {move_en}: {movable}."),
                (f"Tahun anggaran {year}{scope_id_text}: direncanakan {ctx.money(planned)} "
                 f"terhadap pagu {ctx.money(ceiling)}, melebihi {ctx.money(over)}{share_id}.",
                 f"Kurangi {ctx.money(over)} pada {year}, atau {move_id}: {movable}."),
            )  # fmt: skip


# -- Indonesian budgeting -------------------------------------------------------------


@rule(
    "multi-year-undivided",
    "warning",
    "An item spans fiscal years with one undivided budget and is not marked multi-year.",
    "Kegiatan melintasi tahun anggaran dengan satu anggaran utuh tanpa tanda tahun jamak.",
)
def _undivided(ctx: _Context) -> Iterator[Finding]:
    if ctx.schedule is None:
        return
    y0s, y1s = ctx.fiscal_ranges()
    for k, item in enumerate(ctx.plan.initiatives):
        if y0s[k] == y1s[k] or item.budget.__class__ is not int or item.multi_year:
            continue
        years = ctx.item_years(k)
        if len(years) > 1:
            parts = ctx.allocations()[item.id]
            split = ", ".join(
                f"{y} = {format_money(v, language=ctx.lang, currency=ctx.plan.currency)}"
                for y, v in parts.items()
            )
            yield ctx.finding(
                "multi-year-undivided", [item.id],
                (f"{item.id} runs in fiscal years {', '.join(map(str, years))} with one budget "
                 f"of {ctx.money(item.budget)}; an APBD activity is single-year unless it is a "
                 "multi-year contract (tahun jamak).",
                 f"Split the budget per year (pro rata: {split}) or mark it multi_year = true."),
                (f"{item.id} berjalan pada tahun anggaran {', '.join(map(str, years))} dengan "
                 f"satu anggaran {ctx.money(item.budget)}; kegiatan APBD bersifat tahunan kecuali "
                 "kontrak tahun jamak.",
                 f"Pecah anggaran per tahun (proporsional: {split}) atau tandai "
                 "multi_year = true."),
            )  # fmt: skip


@rule(
    "multi-year-beyond-term",
    "error",
    "A multi-year (tahun jamak) item outlasts the roadmap horizon (the head of region's term).",
    "Kegiatan tahun jamak melampaui cakrawala peta jalan (masa jabatan kepala daerah).",
)
def _beyond_term(ctx: _Context) -> Iterator[Finding]:
    s = ctx.schedule
    end = ctx.plan.end
    if s is None or end is None:
        return
    for item in ctx.plan.initiatives:
        if item.multi_year and s[item.id].finish > end:
            finish = s[item.id].finish
            yield ctx.finding(
                "multi-year-beyond-term", [item.id],
                (f"The multi-year contract {item.id} finishes on {ctx.date(finish)}, after the "
                 f"horizon ends on {ctx.date(end)}; a tahun jamak contract may not outlast the "
                 "head of region's term.",
                 f"Finish {item.id} by {ctx.date(end)} or split it into contracts within the "
                 "term."),
                (f"Kontrak tahun jamak {item.id} selesai {ctx.date(finish)}, setelah cakrawala "
                 f"berakhir {ctx.date(end)}; kontrak tahun jamak tidak boleh melampaui masa "
                 "jabatan kepala daerah.",
                 f"Selesaikan {item.id} paling lambat {ctx.date(end)} atau pecah menjadi kontrak "
                 "di dalam masa jabatan."),
            )  # fmt: skip


# -- hygiene --------------------------------------------------------------------------


def _missing(
    ctx: _Context, field: str, en: tuple[str, str], id: tuple[str, str]
) -> Iterator[Finding]:
    """Initiatives without *field*; the texts take ``{id}``."""
    code = f"missing-{field}"
    for item in ctx.plan.initiatives:
        if not getattr(item, field):
            yield ctx.finding(
                code, [item.id],
                (en[0].format(id=item.id), en[1].format(id=item.id)),
                (id[0].format(id=item.id), id[1].format(id=item.id)),
            )  # fmt: skip


@rule(
    "missing-owner",
    "info",
    "An initiative has no owning agency.",
    "Kegiatan belum memiliki perangkat daerah penanggung jawab.",
)
def _owner(ctx: _Context) -> Iterator[Finding]:
    return _missing(
        ctx, "owner",
        ("{id} has no owner.",
         'Set owner = "..." on {id} (the responsible agency, e.g. Diskominfo).'),
        ("{id} belum memiliki penanggung jawab.",
         'Isi owner = "..." pada {id} (perangkat daerah, mis. Diskominfo).'),
    )  # fmt: skip


@rule(
    "missing-dimension",
    "info",
    "An initiative has no smart-city dimension.",
    "Kegiatan belum memiliki dimensi smart city.",
)
def _dimension(ctx: _Context) -> Iterator[Finding]:
    return _missing(
        ctx, "dimension",
        ("{id} has no dimension.", 'Set dimension on {id}, e.g. "Smart Governance".'),
        ("{id} belum memiliki dimensi.", 'Isi dimension pada {id}, mis. "Smart Governance".'),
    )  # fmt: skip


@rule(
    "not-scheduled",
    "info",
    "Dates and budgets were not checked: the plan cannot be scheduled.",
    "Tanggal dan anggaran tidak diperiksa: rencana tidak dapat dijadwalkan.",
)
def _not_scheduled(ctx: _Context) -> Iterator[Finding]:
    return iter(())  # added by check() when the schedule could not be made
