"""The outcome of scheduling: rules that say why dates and budgets were not checked.

They run last, after every rule that needed the schedule has asked for it.
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmap.checks.context import Context, rule
from roadmap.checks.report import Finding

__all__ = ["RULES"]


@rule(
    "not-scheduled",
    "info",
    "Dates and budgets were not checked: structural errors keep the plan from being scheduled.",
    "Tanggal dan anggaran tidak diperiksa: kesalahan struktur membuat rencana tak terjadwalkan.",
)
def _not_scheduled(ctx: Context) -> Iterator[Finding]:
    ctx.schedule  # noqa: B018  (decides why_not when no date rule ran)
    if ctx.why_not == "structure":
        yield ctx.finding(
            "not-scheduled", [],
            ("Dates and budgets were not checked: the plan cannot be scheduled until the "
             "errors above are fixed.", "Fix the structural errors, then check again."),
            ("Tanggal dan anggaran belum diperiksa: rencana belum dapat dijadwalkan sebelum "
             "kesalahan di atas diperbaiki.", "Perbaiki kesalahan struktur, lalu periksa lagi."),
        )  # fmt: skip


@rule(
    "cannot-schedule",
    "error",
    "The plan cannot be scheduled (e.g. a date beyond the calendar).",
    "Rencana tidak dapat dijadwalkan (mis. tanggal di luar kalender).",
)
def _cannot_schedule(ctx: Context) -> Iterator[Finding]:
    ctx.schedule  # noqa: B018
    if ctx.why_not is not None and ctx.why_not != "structure":
        yield ctx.finding(
            "cannot-schedule", [],
            (f"The plan cannot be scheduled ({ctx.why_not}), so dates and budgets were not "
             "checked.", "Correct the value named in the message, then check again."),
            (f"Rencana tidak dapat dijadwalkan ({ctx.why_not}), sehingga tanggal dan anggaran "
             "tidak diperiksa.", "Perbaiki nilai yang disebut dalam pesan, lalu periksa lagi."),
        )  # fmt: skip


#: The rules of this family, in the order they run and are documented.
RULES = (_not_scheduled, _cannot_schedule)
