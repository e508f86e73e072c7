"""Indonesian budgeting rules: multi-year (*tahun jamak*) budgets and contracts."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap.checks.context import Context, rule
from roadmap.checks.report import Finding
from roadmap.money import format_money

__all__ = ["RULES"]


@rule(
    "multi-year-undivided",
    "warning",
    "An item spans fiscal years with one undivided budget and is not marked multi-year.",
    "Kegiatan melintasi tahun anggaran dengan satu anggaran utuh tanpa tanda tahun jamak.",
)
def _undivided(ctx: Context) -> Iterator[Finding]:
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
def _beyond_term(ctx: Context) -> Iterator[Finding]:
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


#: The rules of this family, in the order they run and are documented.
RULES = (_undivided, _beyond_term)
