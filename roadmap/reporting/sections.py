"""The sections of the report, in order: each a builder that returns its data or nothing.

A section is a template in ``templates/`` and the data it shows.  A builder returns
``None`` when its section has nothing to show (no budgets, no findings are still shown:
"no findings" is news).  Later features add their sections here (tracking, risk,
indicators), each one builder in :data:`SECTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

import attrs

from roadmap._i18n import RISK_LEVELS, Language, long_date
from roadmap.budget import BudgetTable, budget_by
from roadmap.checks import Report, check
from roadmap.model import Baseline, Initiative, Roadmap
from roadmap.money import format_money
from roadmap.scheduler import Schedule, schedule
from roadmap.tracking import Status, status, stored_baseline

if TYPE_CHECKING:  # the leveler is loaded only by those who level
    from roadmap.leveling import LevelResult

__all__ = ["SECTIONS", "WORDS", "Builder", "Context", "Section"]

WORDS: dict[Language, dict[str, str]] = {
    "id": {
        "report": "Laporan peta jalan", "summary": "Ringkasan", "gantt": "Jadwal (Gantt)",
        "findings": "Temuan pemeriksaan", "budget": "Anggaran per tahun", "scurve": "Kurva S",
        "schedule": "Tabel jadwal", "period": "Periode", "status_date": "Tanggal status",
        "version": "Versi roadmap", "hash": "Sidik data rencana", "finish": "Selesai",
        "critical_path": "Jalur kritis", "items": "Kegiatan dan tonggak",
        "total_budget": "Total anggaran", "year": "Tahun", "amount": "Anggaran",
        "ceiling": "Pagu", "over": "Lebih", "error": "Kesalahan", "warning": "Peringatan",
        "info": "Catatan", "none_found": "Tidak ada temuan.", "severity": "Tingkat",
        "code": "Kode", "subjects": "Subjek", "message": "Temuan", "hint": "Saran",
        "id": "Kode", "name": "Nama", "phase": "Fase", "dimension": "Dimensi",
        "owner": "Pelaksana", "start": "Mulai", "slack": "Float (hari)", "critical": "Kritis",
        "driving": "Pendahulu penentu", "all": "(semua)", "yes": "ya", "no": "tidak",
        "by_dimension": "Anggaran per dimensi", "total": "Jumlah", "generated": "Dibuat dengan",
        "until": "s.d.", "filter": "Saring", "rows_shown": "baris ditampilkan", "contents": "Isi",
        "sort_hint": "Klik judul kolom untuk mengurutkan.",
        "tracking": "Pemantauan", "baseline": "Acuan", "forecast": "Perkiraan",
        "slip": "Pergeseran tonggak per triwulan",
        "state": "Keadaan", "variance": "Deviasi selesai (hari)", "planned": "Rencana",
        "progress": "Realisasi fisik", "done": "selesai", "started": "berjalan",
        "not_started": "belum mulai", "late_by": "terlambat", "early_by": "lebih awal",
        "days": "hari", "on_time": "tepat waktu",
        "risk": "Risiko jadwal dan anggaran", "samples": "Simulasi Monte Carlo",
        "samples_text": "{n} sampel (seed {seed})", "plan_is": "Rencana (CPM)",
        "chance_end": "Peluang selesai s.d. {date}", "drivers": "Pendorong utama jadwal",
        "criticality": "Kritis", "cruciality": "Korelasi peringkat", "register": "Register risiko",
        "probability": "Peluang", "impact_days": "Dampak (hari)", "likelihood": "Kemungkinan",
        "impact": "Dampak", "level": "Tingkat",
        "leveling": "Pemerataan anggaran dan kapasitas", "moved_from": "Dari", "moved_to": "Ke",
        "reason": "Alasan", "shift": "Geser (hari)",
        "indicators": "Indikator kinerja", "unit": "Satuan", "baseline_value": "Kondisi awal",
        "target": "Target", "realised": "Realisasi", "achievement": "Capaian (%)",
        "final": "Kondisi akhir", "to_date": "Capaian s.d. {year} (%)", "band": "Kategori",
        "quick_wins": "Quick win masterplan",
    },
    "en": {
        "report": "Roadmap report", "summary": "Summary", "gantt": "Schedule (Gantt)",
        "findings": "Findings", "budget": "Budget per year", "scurve": "S-curve",
        "schedule": "Schedule table", "period": "Period", "status_date": "Status date",
        "version": "roadmap version", "hash": "Plan data hash", "finish": "Finish",
        "critical_path": "Critical path", "items": "Initiatives and milestones",
        "total_budget": "Total budget", "year": "Year", "amount": "Budget",
        "ceiling": "Ceiling", "over": "Over", "error": "Errors", "warning": "Warnings",
        "info": "Notes", "none_found": "No findings.", "severity": "Severity",
        "code": "Code", "subjects": "Subjects", "message": "Finding", "hint": "Fix",
        "id": "ID", "name": "Name", "phase": "Phase", "dimension": "Dimension",
        "owner": "Owner", "start": "Start", "slack": "Slack (days)", "critical": "Critical",
        "driving": "Driving links", "all": "(all)", "yes": "yes", "no": "no",
        "by_dimension": "Budget by dimension", "total": "Total", "generated": "Made with",
        "until": "to", "filter": "Filter", "rows_shown": "rows shown", "contents": "Contents",
        "sort_hint": "Click a column heading to sort.",
        "tracking": "Tracking", "baseline": "Baseline", "forecast": "Forecast",
        "slip": "Milestone slip by quarter",
        "state": "State", "variance": "Finish variance (days)", "planned": "Planned",
        "progress": "Progress", "done": "done", "started": "under way",
        "not_started": "not started", "late_by": "late", "early_by": "early",
        "days": "days", "on_time": "on time",
        "risk": "Schedule and budget risk", "samples": "Monte Carlo simulation",
        "samples_text": "{n} samples (seed {seed})", "plan_is": "The plan (CPM)",
        "chance_end": "Chance of finishing by {date}", "drivers": "Top schedule drivers",
        "criticality": "Critical", "cruciality": "Rank correlation", "register": "Risk register",
        "probability": "Probability", "impact_days": "Impact (days)", "likelihood": "Likelihood",
        "impact": "Impact", "level": "Level",
        "leveling": "Leveling to ceilings and capacity", "moved_from": "From", "moved_to": "To",
        "reason": "Reason", "shift": "Moved (days)",
        "indicators": "Performance indicators", "unit": "Unit", "baseline_value": "Baseline",
        "target": "Target", "realised": "Realised", "achievement": "Achievement (%)",
        "final": "End target", "to_date": "Achievement to {year} (%)", "band": "Band",
        "quick_wins": "Masterplan quick wins",
    },
}  # fmt: skip


@attrs.frozen(kw_only=True)
class Section:
    """A section of the report: its id (the HTML anchor), title, template and data."""

    id: str
    title: str
    template: str
    data: dict[str, Any] = attrs.field(factory=dict, repr=False)


class Context:
    """The plan and what sections share, each computed once: schedule, findings, charts."""

    def __init__(
        self,
        *,
        plan: Roadmap,
        language: Language,
        status_date: date | None,
        title: str,
        subtitle: str | None,
        version: str,
        plan_hash: str,
        leveling: LevelResult | None = None,
    ) -> None:
        self.plan = plan
        self.language = language
        self.status_date = status_date
        self.title = title
        self.subtitle = subtitle
        self.version = version
        self.plan_hash = plan_hash
        self.words = WORDS[language]
        #: What leveling did to the plan, when the report shows a leveled plan.
        self.leveling = leveling

    @cached_property
    def schedule(self) -> Schedule:
        """The plan's schedule."""
        return schedule(self.plan)

    @cached_property
    def findings(self) -> Report:
        """The findings of :func:`roadmap.check`, in the report's language."""
        return check(self.plan, language=self.language)

    @cached_property
    def tracking(self) -> Status | None:
        """The plan at its status date, or None for a plan without one."""
        if self.plan.status_date is None:
            return None
        return status(self.plan)

    @cached_property
    def baseline(self) -> Baseline | None:
        """The baseline tracking measures against, when the plan stores one."""
        return stored_baseline(self.plan)

    @cached_property
    def budget(self) -> BudgetTable:
        """The budget per fiscal year against the ceilings."""
        return budget_by(self.plan, "year", schedule=self.schedule)

    def day(self, day: date | None) -> str:
        """A date in words, or an empty text."""
        return "" if day is None else long_date(day, self.language)

    def period(self, start: date, end: date) -> str:
        """``1 Januari 2019 s.d. 31 Desember 2023``."""
        return f"{self.day(start)} {self.words['until']} {self.day(end)}"

    def money(self, amount: int | None, words: bool = False) -> str:
        """An amount as documents write it (``Rp1.500.000`` or ``Rp1,5 miliar``)."""
        if amount is None:
            return ""
        return format_money(amount, words=words, language=self.language,
                            currency=self.plan.currency)  # fmt: skip


@attrs.frozen
class Builder:
    """A section's id and the function that builds it (``None``: nothing to show)."""

    id: str
    build: Callable[[Context], Section | None]


def _cover(ctx: Context) -> Section:
    plan, sched = ctx.plan, ctx.schedule
    period = ctx.period(plan.start, plan.end or sched.finish)
    return Section(id="cover", title=ctx.words["report"], template="cover.html.j2", data={
        "period": period, "status_date": ctx.day(ctx.status_date),
    })  # fmt: skip


def _summary(ctx: Context) -> Section:
    sched, w = ctx.schedule, ctx.words
    counts = {s: len(ctx.findings.filter(severity=s)) for s in ("error", "warning", "info")}
    total = ctx.budget.total
    return Section(id="summary", title=w["summary"], template="summary.html.j2", data={
        "facts": [
            (w["period"], ctx.period(ctx.plan.start, ctx.plan.end or sched.finish)),
            (w["finish"], ctx.day(sched.finish)),
            (w["items"], str(len(sched))),
            (w["critical_path"], " → ".join(sched.critical_path)),
            (w["total_budget"], ctx.money(total, words=True) if total else "-"),
        ],
        "years": _year_rows(ctx),
        "counts": counts,
    })  # fmt: skip


def _year_rows(ctx: Context) -> list[dict[str, Any]]:
    return [
        {"year": r["year"], "amount": ctx.money(r["amount"]),
         "ceiling": ctx.money(r["ceiling"]), "over": ctx.money(r["over"]) if r["over"] else "",
         "is_over": bool(r["over"])}
        for r in ctx.budget.records()
    ]  # fmt: skip


def _gantt(ctx: Context) -> Section:
    from roadmap.plot import gantt_pages
    from roadmap.reporting.render import inline_svg

    (fig,) = gantt_pages(
        ctx.schedule, paper="A3", pages=False, language=ctx.language,
        status_date=ctx.status_date, title="",
    )  # fmt: skip
    return Section(id="gantt", title=ctx.words["gantt"], template="chart.html.j2",
                   data={"svg": inline_svg(fig, "gantt")})  # fmt: skip


def _tracking(ctx: Context) -> Section | None:
    st = ctx.tracking
    if st is None:
        return None
    w = ctx.words
    ev = st.earned_value

    def ratio(v: float | None) -> str:
        return "-" if v is None else f"{v:.2f}".replace(".", "," if ctx.language == "id" else ".")

    var = st.finish_variance_days
    finish = (f"{ctx.day(st.forecast_finish)} ({abs(var)} {w['days']} "
              f"{w['late_by'] if var > 0 else w['early_by']})" if var
              else f"{ctx.day(st.forecast_finish)} ({w['on_time']})")  # fmt: skip
    facts = [
        (w["status_date"], ctx.day(st.status_date)),
        (w["baseline"], f"{st.baseline} ({w['finish']} {ctx.day(st.baseline_finish)})"),
        (w["forecast"], finish),
        ("BAC / PV / EV / AC", " / ".join(ctx.money(round(v), words=True)
                                        for v in (ev.bac, ev.pv, ev.ev, ev.ac))),
        ("SPI / CPI", f"{ratio(ev.spi)} / {ratio(ev.cpi)}"),
        ("ES / AT (" + w["days"] + ")", f"{ev.es_days or 0:.0f} / {ev.at_days or 0:.0f}"),
        ("SPI(t) / SV(t)", f"{ratio(ev.spi_t)} / {ev.sv_t_days or 0:+.0f} {w['days']}"),
        ("EAC", ctx.money(round(ev.eac), words=True) if ev.eac is not None else "-"),
    ]  # fmt: skip
    rows = [
        {"id": r.id, "name": r.name, "state": w[r.state],
         "baseline": ctx.day(r.baseline_finish), "forecast": ctx.day(r.forecast_finish),
         "variance": r.finish_variance_days if r.finish_variance_days is not None else "",
         "planned": f"{100 * r.planned_progress:.0f}%", "progress": f"{100 * r.progress:.0f}%",
         "behind": r.planned_progress - r.progress > 0.05}
        for r in sorted(st.items, key=lambda r: -(r.finish_variance_days or 0))
        if r.state != "done" and ((r.finish_variance_days or 0) > 0 or r.planned_progress > 0)
    ]  # fmt: skip
    return Section(id="tracking", title=w["tracking"], template="tracking.html.j2",
                   data={"facts": facts, "rows": rows, "slip": _slip_svg(ctx, st)})  # fmt: skip


def _slip_svg(ctx: Context, st: Status) -> str | None:
    """The milestone slip chart up to the status date, when the plan has milestones."""
    if not ctx.plan.milestones:
        return None
    from roadmap.plot import slip_figure
    from roadmap.reporting.render import inline_svg
    from roadmap.tracking import milestone_slip, period_ends

    dates = period_ends(ctx.plan.start, st.status_date)
    slip = milestone_slip(ctx.plan, dates=dates)
    fig = slip_figure(slip, language=ctx.language, title=ctx.words["slip"])
    return inline_svg(fig, "slip")


#: Samples and seed of the report's simulation: the same plan gives the same report.
RISK_SAMPLES, RISK_SEED = 5000, 0


def _risk(ctx: Context) -> Section | None:
    """The Monte Carlo section, for a plan with ranges or a risk register."""
    plan = ctx.plan
    if not (plan.risks or any(i.duration_range or i.cost_range for i in plan.initiatives)):
        return None
    from roadmap.plot import risk_figure
    from roadmap.reporting.render import inline_svg
    from roadmap.risk import simulate

    w, lang = ctx.words, ctx.language
    result = simulate(plan, RISK_SAMPLES, seed=RISK_SEED)
    n = f"{result.samples:,}".replace(",", "." if lang == "id" else ",")
    facts = [
        (w["samples"], w["samples_text"].format(n=n, seed=RISK_SEED)),
        (w["plan_is"], f"{ctx.day(result.deterministic)} = "
                       f"P{result.deterministic_percentile:.0f}"),
        *((f"P{p}", ctx.day(result.finish[f"p{p}"])) for p in (50, 80, 90)),
    ]  # fmt: skip
    if result.end is not None and result.p_end is not None:
        facts.append((w["chance_end"].format(date=ctx.day(result.end)), f"{result.p_end:.0%}"))
    levels = RISK_LEVELS[lang]
    drivers = [
        {"id": d.id, "name": d.name, "criticality": f"{d.criticality:.0%}",
         "cruciality": f"{d.cruciality or 0:+.2f}"}
        for d in result.drivers(10)
    ]  # fmt: skip
    risks = [
        {"id": r.id, "name": r.name, "probability": f"{r.probability:.0%}",
         "impact_days": "" if r.finish_days is None else f"{round(r.finish_days) or 0:+d}",
         "likelihood": levels[r.likelihood - 1],
         "impact": "" if r.impact is None else levels[r.impact - 1],
         "level": "" if r.level is None else f"{r.score} {levels[r.level - 1]}"}
        for r in result.risks
    ]  # fmt: skip
    charts = [inline_svg(risk_figure(result, chart, language=lang, title=""), f"risk-{chart}")
              for chart in ("finish", "drivers", "spend")]  # fmt: skip
    return Section(id="risk", title=w["risk"], template="risk.html.j2", data={
        "facts": facts, "charts": charts, "drivers": drivers, "risks": risks,
    })  # fmt: skip


def _leveling(ctx: Context) -> Section | None:
    """The moves of a leveled plan and its budget before and after."""
    result = ctx.leveling
    if result is None:
        return None
    from roadmap.export import reason_text
    from roadmap.plot import level_figure
    from roadmap.reporting.render import inline_svg

    w = ctx.words
    rows = [
        {"id": m.id, "name": m.name, "before": ctx.day(m.before), "after": ctx.day(m.after),
         "days": m.days, "reason": reason_text(m.reason, ctx.language)}
        for m in result.moves
    ]  # fmt: skip
    svg = inline_svg(level_figure(result, language=ctx.language, title=""), "leveling")
    facts = [(w["finish"], f"{ctx.day(result.finish_before)} -> "
                           f"{ctx.day(result.finish_after or result.finish_before)}")]  # fmt: skip
    return Section(id="leveling", title=w["leveling"], template="leveling.html.j2",
                   data={"rows": rows, "svg": svg, "facts": facts})  # fmt: skip


def _findings(ctx: Context) -> Section:
    return Section(id="findings", title=ctx.words["findings"], template="findings.html.j2",
                   data={"findings": ctx.findings.findings})  # fmt: skip


def _budget(ctx: Context) -> Section | None:
    if not ctx.budget.records():
        return None
    from roadmap.plot import budget_figure
    from roadmap.reporting.render import inline_svg

    by = budget_by(ctx.plan, "dimension", schedule=ctx.schedule)
    years = list(by.years)
    groups = [
        {"name": name, "amounts": [ctx.money(amounts.get(y, 0)) for y in years],
         "total": ctx.money(sum(amounts.values()))}
        for name, amounts in by.groups.items()
    ]  # fmt: skip
    totals = by.totals()
    fig = budget_figure(ctx.plan, by="dimension", language=ctx.language, title="")
    return Section(id="budget", title=ctx.words["budget"], template="budget.html.j2", data={
        "years": _year_rows(ctx), "total": ctx.money(ctx.budget.total),
        "by_years": years, "groups": groups,
        "group_totals": [ctx.money(totals[y]) for y in years], "grand": ctx.money(by.total),
        "svg": inline_svg(fig, "budget"),
    })  # fmt: skip


def _indicators(ctx: Context) -> Section | None:
    """The indicators: targets, realisations and achievement per year; the quick wins."""
    from roadmap.indicators import achievement, achievement_to_date, band, realised

    plan = ctx.plan
    quick = [{"id": i.id, "name": i.name} for i in plan.initiatives if i.quick_win]
    if not plan.indicators and not quick:
        return None
    years = sorted({y for ind in plan.indicators for y in ind.targets})
    now = ctx.status_date.year if ctx.status_date else (years[-1] if years else plan.start.year)

    def number(value: object) -> str:
        if isinstance(value, tuple):
            return f"{value[0]:g}-{value[1]:g}"
        return "" if value is None else f"{value:g}"

    rows = []
    for ind in plan.indicators:
        cells = []
        for y in years:
            pct = achievement(ind, y)
            cells.append({"target": number(ind.targets.get(y)),
                          "realised": number(realised(ind, y)),
                          "achievement": "" if pct is None else f"{pct:g}"})  # fmt: skip
        to_date = achievement_to_date(ind, now)
        rows.append({
            "id": ind.id, "name": ind.name, "unit": ind.unit or "",
            "baseline": number(ind.baseline), "cells": cells, "final": number(ind.final),
            "to_date": "" if to_date is None else f"{to_date:g}",
            "band": "" if to_date is None else band(to_date),
        })  # fmt: skip
    return Section(id="indicators", title=ctx.words["indicators"],
                   template="indicators.html.j2", data={
                       "years": years, "rows": rows, "quick": quick,
                       "to_date": ctx.words["to_date"].format(year=now)})  # fmt: skip


def _scurve(ctx: Context) -> Section | None:
    if not ctx.plan.initiatives:
        return None
    from roadmap.plot import s_curve_figure
    from roadmap.reporting.render import inline_svg

    fig = s_curve_figure(ctx.plan, language=ctx.language, status_date=ctx.status_date,
                         title="")  # fmt: skip
    return Section(id="scurve", title=ctx.words["scurve"], template="chart.html.j2",
                   data={"svg": inline_svg(fig, "scurve")})  # fmt: skip


def _schedule_table(ctx: Context) -> Section:
    w = ctx.words
    rows: list[dict[str, Any]] = []
    for s in ctx.schedule:
        item = s.item
        budget = item.budget_amount if isinstance(item, Initiative) else None
        rows.append({
            "id": s.id, "name": s.name, "phase": item.phase or "",
            "dimension": item.dimension or "", "owner": item.owner or "",
            "start": s.start.isoformat(), "finish": s.finish.isoformat(),
            "start_text": ctx.day(s.start), "finish_text": ctx.day(s.finish),
            "slack": s.total_slack, "critical": s.critical,
            "driving": ", ".join(link.id for link in s.driving),
            "budget": budget or 0, "budget_text": ctx.money(budget) if budget else "",
        })  # fmt: skip
    filters = {
        key: sorted({r[key] for r in rows if r[key]}) for key in ("phase", "dimension", "owner")
    }
    return Section(id="schedule", title=w["schedule"], template="schedule.html.j2", data={
        "rows": rows, "filters": {k: v for k, v in filters.items() if v},
    })  # fmt: skip


#: The sections in the order the report shows them.
SECTIONS: tuple[Builder, ...] = (
    Builder("cover", _cover),
    Builder("summary", _summary),
    Builder("tracking", _tracking),
    Builder("gantt", _gantt),
    Builder("leveling", _leveling),
    Builder("risk", _risk),
    Builder("findings", _findings),
    Builder("budget", _budget),
    Builder("indicators", _indicators),
    Builder("scurve", _scurve),
    Builder("schedule", _schedule_table),
)
