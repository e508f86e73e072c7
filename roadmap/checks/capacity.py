"""Capacity rules: resources and owners used beyond what the agency has."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap.capacity import overloads
from roadmap.checks.context import Context, rule
from roadmap.checks.report import Finding
from roadmap.errors import did_you_mean_texts

__all__ = ["RULES"]


@rule(
    "unknown-resource",
    "warning",
    "An initiative uses a resource the roadmap's [capacity] does not list.",
    "Kegiatan memakai sumber daya yang tidak tercantum pada [capacity] peta jalan.",
)
def _unknown(ctx: Context) -> Iterator[Finding]:
    known = list(ctx.plan.capacity)
    if not known:
        return
    for item in ctx.plan.initiatives:
        for name in item.resources:
            if name in ctx.plan.capacity:
                continue
            en, id_ = did_you_mean_texts(name, known)
            yield ctx.finding(
                "unknown-resource", [item.id],
                (f"{item.id} uses {name!r}, which [capacity] does not list{en}",
                 f"Correct the name, or add {name} = units to [capacity]."),
                (f"{item.id} memakai {name!r}, yang tidak tercantum pada [capacity]{id_}",
                 f"Perbaiki namanya, atau tambahkan {name} = jumlah pada [capacity]."),
            )  # fmt: skip


@rule(
    "over-capacity",
    "error",
    "More of a resource, or more of an owner's initiatives, at once than the agency has.",
    "Pemakaian sumber daya, atau kegiatan satu pelaksana, melebihi kapasitas pada saat yang sama.",
)
def _over(ctx: Context) -> Iterator[Finding]:
    sched = ctx.schedule
    if sched is None or not (ctx.plan.capacity or ctx.plan.owner_capacity):
        return
    for o in overloads(ctx.plan, sched):
        until = "s.d." if ctx.lang == "id" else "to"
        when = f"{ctx.date(o.start)} {until} {ctx.date(o.finish)}"
        items = ", ".join(o.items)
        if o.kind == "resource":
            en = (
                f"{o.name}: {o.used} in use from {when}, against a capacity of {o.capacity} "
                f"({items})."
            )
            id_ = (
                f"{o.name}: terpakai {o.used} pada {when}, melebihi kapasitas {o.capacity} "
                f"({items})."
            )
        else:
            en = (
                f"{o.name} runs {o.used} initiatives at once from {when}, more than its "
                f"limit of {o.capacity} ({items})."
            )
            id_ = (
                f"{o.name} menjalankan {o.used} kegiatan sekaligus pada {when}, melebihi "
                f"batas {o.capacity} ({items})."
            )
        yield ctx.finding(
            "over-capacity", [o.name, *o.items],
            (en, "Move one of them (roadmap level does it with the least delay), or raise the "
                 "capacity."),
            (id_, "Geser salah satunya (roadmap level melakukannya dengan keterlambatan "
                  "terkecil), atau tambah kapasitasnya."),
        )  # fmt: skip


#: The rules of this family, in the order they run and are documented.
RULES = (_unknown, _over)
