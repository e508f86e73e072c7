"""Tracking rules: progress behind plan, late starts and finishes, contradicting actuals.

They run on a plan with a ``status_date``.  *Behind plan* is the *kontrak kritis* rule of
Indonesian procurement: physical progress more than 10 points behind the baseline's
planned progress while that is at most 70 %, or more than 5 points behind above 70 %
(``check(plan, behind=(0.70, 0.10, 0.05))`` changes the thresholds).
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmap.checks.context import Context, rule
from roadmap.checks.report import Finding
from roadmap.model import Initiative

__all__ = ["RULES"]


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


@rule(
    "actuals-contradict",
    "error",
    "Status, progress, actual dates or realisation records contradict each other.",
    "Status, progres, tanggal realisasi, atau catatan realisasi saling bertentangan.",
)
def _contradict(ctx: Context) -> Iterator[Finding]:
    plan, day = ctx.plan, ctx.plan.status_date
    ids = {i.id for i in plan.items}
    found: list[tuple[str, tuple[str, str], tuple[str, str]]] = []
    for item in plan.items:
        start = item.actual_start if isinstance(item, Initiative) else None
        finish = item.actual_finish
        progress = item.progress if isinstance(item, Initiative) else 0.0
        i = item.id
        if start and finish and finish < start:
            found.append((i, (f"{i} finished on {ctx.date(finish)}, before it started on "
                              f"{ctx.date(start)}.", "Correct actual_start or actual_finish."),
                          (f"{i} selesai {ctx.date(finish)}, sebelum mulai {ctx.date(start)}.",
                           "Perbaiki actual_start atau actual_finish.")))  # fmt: skip
        for what, when in (("actual_start", start), ("actual_finish", finish)):
            if day is not None and when is not None and when > day:
                found.append((i, (f"{i} has {what} {ctx.date(when)}, after the status date "
                                  f"{ctx.date(day)}.", f"Correct {what}, or move the status "
                                  "date."),
                              (f"{i} memiliki {what} {ctx.date(when)}, setelah tanggal status "
                               f"{ctx.date(day)}.", f"Perbaiki {what}, atau geser tanggal "
                               "status.")))  # fmt: skip
        if item.status == "done" and finish is None:
            found.append((i, (f"{i} is marked done but has no actual_finish.",
                              f"Give the actual_finish of {i}, or correct its status."),
                          (f"{i} bertanda selesai tetapi tanpa actual_finish.",
                           f"Isi actual_finish {i}, atau perbaiki statusnya.")))  # fmt: skip
        if item.status == "done" and isinstance(item, Initiative) and 0 < progress < 1:
            found.append((i, (f"{i} is marked done with progress {_pct(progress)}.",
                              f"Set progress = 1 or correct the status of {i}."),
                          (f"{i} bertanda selesai dengan progres {_pct(progress)}.",
                           f"Isi progress = 1 atau perbaiki status {i}.")))  # fmt: skip
        if finish is None and progress >= 1 and isinstance(item, Initiative):
            found.append((i, (f"{i} has progress 100% but no actual_finish.",
                              f"Give the actual_finish of {i}."),
                          (f"{i} berprogres 100% tetapi tanpa actual_finish.",
                           f"Isi actual_finish {i}.")))  # fmt: skip
    last: dict[str, float] = {}
    for r in sorted(plan.realisation, key=lambda r: r.date):
        if r.item not in ids:
            found.append((r.item, (f"A realisation record of {ctx.date(r.date)} names "
                                   f"{r.item}, which is not an item of the plan.",
                                   "Correct the item id of the record."),
                          (f"Catatan realisasi {ctx.date(r.date)} menyebut {r.item}, yang "
                           "tidak ada dalam rencana.",
                           "Perbaiki kode kegiatan catatan itu.")))  # fmt: skip
        elif r.progress is not None:
            if r.progress < last.get(r.item, 0.0):
                found.append((r.item, (f"The progress of {r.item} falls to {_pct(r.progress)} "
                                       f"on {ctx.date(r.date)} (cumulative progress cannot "
                                       "fall).", "Correct the record: progress is cumulative."),
                              (f"Progres {r.item} turun menjadi {_pct(r.progress)} pada "
                               f"{ctx.date(r.date)} (progres kumulatif tidak dapat turun).",
                               "Perbaiki catatan: progres bersifat kumulatif.")))  # fmt: skip
            last[r.item] = max(last.get(r.item, 0.0), r.progress)
    for id, en, id_text in found:
        yield ctx.finding("actuals-contradict", [id], en, id_text)


@rule(
    "behind-plan",
    "warning",
    "Physical progress lags the baseline (kontrak kritis: >10 points up to 70 %, >5 above).",
    "Progres fisik tertinggal dari rencana (kontrak kritis: >10 poin s.d. 70 %, >5 di atasnya).",
)
def _behind(ctx: Context) -> Iterator[Finding]:
    st = ctx.tracking
    if st is None:
        return
    limit, below, above = ctx.behind
    for r in st.items:
        if r.kind != "initiative" or r.state == "done" or r.planned_progress <= 0:
            continue
        gap = r.planned_progress - r.progress
        allowed = below if r.planned_progress <= limit else above
        if gap > allowed + 1e-9:
            p, q, g = _pct(r.planned_progress), _pct(r.progress), f"{100 * gap:.0f}"
            yield ctx.finding(
                "behind-plan", [r.id],
                (f"{r.id} is {g} points behind plan at {ctx.date(st.status_date)}: {q} done "
                 f"against {p} planned (a critical contract).",
                 f"Agree a recovery plan for {r.id} with its owner, or re-plan it."),
                (f"{r.id} tertinggal {g} poin pada {ctx.date(st.status_date)}: realisasi {q} "
                 f"dari rencana {p} (kontrak kritis).",
                 f"Susun rencana percepatan {r.id} bersama pelaksana, atau jadwalkan ulang."),
            )  # fmt: skip


@rule(
    "late-start-or-finish",
    "warning",
    "An item should have started or finished by the status date and has not.",
    "Kegiatan seharusnya sudah mulai atau selesai pada tanggal status, tetapi belum.",
)
def _late(ctx: Context) -> Iterator[Finding]:
    st = ctx.tracking
    if st is None:
        return
    day = st.status_date
    for r in st.items:
        if r.state == "not_started" and r.baseline_start is not None and r.baseline_start <= day:
            yield ctx.finding(
                "late-start-or-finish", [r.id],
                (f"{r.id} should have started on {ctx.date(r.baseline_start)} and has not "
                 f"started by {ctx.date(day)}.",
                 f"Start {r.id} or record its actual start; forecast start "
                 f"{ctx.date(r.forecast_start)}."),
                (f"{r.id} seharusnya mulai {ctx.date(r.baseline_start)} dan belum mulai per "
                 f"{ctx.date(day)}.",
                 f"Mulai {r.id} atau catat tanggal mulainya; perkiraan mulai "
                 f"{ctx.date(r.forecast_start)}."),
            )  # fmt: skip
        elif r.state == "started" and r.baseline_finish is not None and r.baseline_finish < day:
            yield ctx.finding(
                "late-start-or-finish", [r.id],
                (f"{r.id} should have finished on {ctx.date(r.baseline_finish)} and is "
                 f"{_pct(r.progress)} done at {ctx.date(day)}; forecast finish "
                 f"{ctx.date(r.forecast_finish)}.",
                 f"Finish {r.id} or record its actual finish."),
                (f"{r.id} seharusnya selesai {ctx.date(r.baseline_finish)} dan baru "
                 f"{_pct(r.progress)} per {ctx.date(day)}; perkiraan selesai "
                 f"{ctx.date(r.forecast_finish)}.",
                 f"Selesaikan {r.id} atau catat tanggal selesainya."),
            )  # fmt: skip


@rule(
    "forecast-misses",
    "error",
    "The forecast misses a deadline or the roadmap's end.",
    "Perkiraan melewati tenggat atau akhir peta jalan.",
)
def _misses(ctx: Context) -> Iterator[Finding]:
    st = ctx.tracking
    if st is None:
        return
    end = ctx.plan.end
    for r in st.items:
        limit, what_en, what_id = r.item.deadline, "its deadline", "tenggatnya"
        if limit is None or r.forecast_finish <= limit:
            if end is None or r.forecast_finish <= end:
                continue
            limit, what_en, what_id = end, "the roadmap's end", "akhir peta jalan"
        late = (r.forecast_finish - limit).days
        yield ctx.finding(
            "forecast-misses", [r.id],
            (f"{r.id} is forecast to finish on {ctx.date(r.forecast_finish)}, {late} days after "
             f"{what_en} ({ctx.date(limit)}).",
             f"Recover {late} days on {r.id} or its predecessors, or re-plan {what_en}."),
            (f"{r.id} diperkirakan selesai {ctx.date(r.forecast_finish)}, {late} hari setelah "
             f"{what_id} ({ctx.date(limit)}).",
             f"Kejar {late} hari pada {r.id} atau pendahulunya, atau tinjau ulang {what_id}."),
        )  # fmt: skip


#: The rules of this family, in the order they run and are documented.
RULES = (_contradict, _behind, _late, _misses)
