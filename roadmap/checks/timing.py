"""Date rules: planned starts that links contradict, missed deadlines, the horizon."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap.checks.context import Context, rule
from roadmap.checks.report import Finding

__all__ = ["RULES"]


@rule(
    "start-violates-dependency",
    "error",
    "A planned start is earlier than a dependency allows.",
    "Rencana mulai lebih awal daripada yang diizinkan ketergantungan.",
)
def _start_vs_links(ctx: Context) -> Iterator[Finding]:
    s = ctx.schedule
    if s is None:
        return
    for item in ctx.plan.items:
        planned = item.planned_start
        if planned is None:
            continue
        if ctx.shown(item.id)[0] <= planned.toordinal():
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
def _deadlines(ctx: Context) -> Iterator[Finding]:
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
def _horizon(ctx: Context) -> Iterator[Finding]:
    s = ctx.schedule
    plan = ctx.plan
    if s is None:
        return
    # Only look at each item's finish when the roadmap as a whole ends too late.
    late = plan.end is not None and s.finish > plan.end
    for item in plan.items:
        planned = item.planned_start
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
        if plan.end is not None and late and ctx.shown(item.id)[1] > plan.end.toordinal():
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


#: The rules of this family, in the order they run and are documented.
RULES = (_start_vs_links, _deadlines, _horizon)
