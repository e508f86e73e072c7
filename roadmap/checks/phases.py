"""Phase rules: items outside their phase, phase order, overlaps and gaps."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise

from roadmap.checks.context import Context, rule
from roadmap.checks.report import Finding
from roadmap.model import Phase, Roadmap

__all__ = ["RULES"]


def _phase_order(plan: Roadmap) -> dict[str, int]:
    ordered = sorted(enumerate(plan.phases), key=lambda kp: (kp[1].start or date.max, kp[0]))
    return {p.id: k for k, (_, p) in enumerate(ordered)}


@rule(
    "outside-phase",
    "warning",
    "An item is scheduled outside its phase's window.",
    "Kegiatan terjadwal di luar rentang fasenya.",
)
def _outside_phase(ctx: Context) -> Iterator[Finding]:
    s = ctx.schedule
    if s is None:
        return
    phases = {p.id: p for p in ctx.plan.phases}
    for item in ctx.plan.items:
        phase = phases.get(item.phase) if item.phase else None
        if phase is None or (phase.start is None and phase.end is None):
            continue
        first, last = ctx.shown(item.id)
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
def _phase_order_rule(ctx: Context) -> Iterator[Finding]:
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
def _overlap(ctx: Context) -> Iterator[Finding]:
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
def _gap(ctx: Context) -> Iterator[Finding]:
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


#: The rules of this family, in the order they run and are documented.
RULES = (_outside_phase, _phase_order_rule, _overlap, _gap)
