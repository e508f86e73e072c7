"""Indicator rules: targets that fit the years, the polarity and the end of the period."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from roadmap.checks.context import Context, rule
from roadmap.checks.report import Finding
from roadmap.model import Indicator, Target, is_under, period_key

__all__ = ["RULES"]


def _mid(target: Target) -> float:
    return (target[0] + target[1]) / 2 if isinstance(target, tuple) else target


def _show(target: Target) -> str:
    return f"{target[0]:g}-{target[1]:g}" if isinstance(target, tuple) else f"{target:g}"


def _served(ctx: Context, indicator: Indicator) -> list[int]:
    """Positions in ``plan.items`` of the initiatives that serve *indicator*."""
    position = {item.id: k for k, item in enumerate(ctx.plan.items)}
    out = {position[id] for id in indicator.items if id in position}
    codes = [c for c in indicator.items if c not in position]
    for k, item in enumerate(ctx.plan.initiatives):  # initiatives come first in items
        code = item.programme
        if code and any(is_under(code, c) for c in codes):
            out.add(k)
    return sorted(out)


@rule(
    "indicator-without-target",
    "warning",
    "An indicator has no target for a fiscal year in which the items serving it run.",
    "Indikator tidak memiliki target pada tahun anggaran ketika kegiatan pendukungnya berjalan.",
)
def _without_target(ctx: Context) -> Iterator[Finding]:
    if ctx.schedule is None:
        return
    for ind in ctx.plan.indicators:
        years = sorted({y for k in _served(ctx, ind) for y in ctx.item_years(k)})
        missing = [y for y in years if y not in ind.targets]
        if not missing:
            continue
        listed = ", ".join(map(str, missing))
        yield ctx.finding(
            "indicator-without-target", [ind.id],
            (f"indicator {ind.id} ({ind.name}) has no target for {listed}, when the items "
             "serving it run",
             f"Set a target for {listed} in targets of {ind.id}."),
            (f"indikator {ind.id} ({ind.name}) tidak memiliki target untuk {listed}, ketika "
             "kegiatan pendukungnya berjalan",
             f"Isi target {listed} pada targets {ind.id}."),
        )  # fmt: skip


@rule(
    "target-against-polarity",
    "warning",
    "A yearly target level moves against the indicator's polarity (lower for higher-is-better).",
    "Target tahunan bergerak berlawanan dengan polaritas indikator.",
)
def _against(ctx: Context) -> Iterator[Finding]:
    for ind in ctx.plan.indicators:
        if ind.combine == "sum":
            continue  # a count's yearly targets are what each year adds, not a level
        years = sorted(ind.targets)
        sign = 1 if ind.polarity == "higher" else -1
        for a, b in pairwise(years):
            if sign * (_mid(ind.targets[b]) - _mid(ind.targets[a])) < 0:
                ta, tb = _show(ind.targets[a]), _show(ind.targets[b])
                way_en = "falls" if sign > 0 else "rises"
                way_id = "turun" if sign > 0 else "naik"
                better = "higher" if sign > 0 else "lower"
                lebih = "lebih tinggi" if sign > 0 else "lebih rendah"
                yield ctx.finding(
                    "target-against-polarity", [ind.id],
                    (f"the target of {ind.id} {way_en} from {ta} in {a} to {tb} in {b}, "
                     f"though {better} is better",
                     f"Correct the targets, or the polarity of {ind.id}."),
                    (f"target {ind.id} {way_id} dari {ta} pada {a} ke {tb} pada {b}, padahal "
                     f"{lebih} lebih baik",
                     f"Perbaiki targetnya, atau polaritas {ind.id}."),
                )  # fmt: skip
                break


@rule(
    "end-target-mismatch",
    "warning",
    "The end-of-period target disagrees with the yearly targets (their sum, or the last).",
    "Target akhir periode tidak sesuai dengan target tahunan (jumlahnya, atau yang terakhir).",
)
def _end(ctx: Context) -> Iterator[Finding]:
    for ind in ctx.plan.indicators:
        if ind.final is None or not ind.targets:
            continue
        if ind.combine == "sum":
            expected: Target = sum(_mid(t) for t in ind.targets.values())
            how_en, how_id = "the sum of the yearly targets", "jumlah target tahunan"
        else:
            expected = ind.targets[max(ind.targets)]
            how_en, how_id = f"the target of {max(ind.targets)}", f"target {max(ind.targets)}"
        if abs(_mid(expected) - _mid(ind.final)) <= 1e-9 * max(1.0, abs(_mid(expected))):
            continue
        yield ctx.finding(
            "end-target-mismatch", [ind.id],
            (f"the end-of-period target of {ind.id} is {_show(ind.final)}, but {how_en} is "
             f"{_show(expected)}",
             f"Make final of {ind.id} {_show(expected)}, or correct the yearly targets."),
            (f"target akhir periode {ind.id} adalah {_show(ind.final)}, tetapi {how_id} "
             f"{_show(expected)}",
             f"Jadikan final {ind.id} {_show(expected)}, atau perbaiki target tahunannya."),
        )  # fmt: skip


@rule(
    "programme-without-indicator",
    "info",
    "A node of the programme tree has no indicator measuring it.",
    "Simpul pohon program belum memiliki indikator.",
)
def _no_indicator(ctx: Context) -> Iterator[Finding]:
    if not ctx.plan.indicators:
        return  # a plan without indicators at all: nothing to pair with
    named = {id for ind in ctx.plan.indicators for id in ind.items}
    for node in ctx.plan.programmes:
        if node.code in named:
            continue
        yield ctx.finding(
            "programme-without-indicator", [node.code],
            (f"{node.code} ({node.name}) has no indicator",
             f"Name {node.code} in items of the indicator that measures it."),
            (f"{node.code} ({node.name}) belum memiliki indikator",
             f"Sebut {node.code} pada items indikator yang mengukurnya."),
        )  # fmt: skip


def _due(period: str) -> tuple[int, int]:
    """The quarter a period's realisation is known in: a year's own value, in its last."""
    year, quarter = period_key(period)
    return year, quarter or 4


@rule(
    "realisation-in-future",
    "error",
    "An indicator's realisation is recorded for a period after the status date.",
    "Realisasi indikator tercatat untuk periode setelah tanggal status.",
)
def _future(ctx: Context) -> Iterator[Finding]:
    status = ctx.plan.status_date
    if status is None:
        return
    now = (status.year, (status.month + 2) // 3)
    for ind in ctx.plan.indicators:
        late = [p for p in ind.realisations if _due(p) > now]
        if late:
            yield ctx.finding(
                "realisation-in-future", [ind.id],
                (f"{ind.id} has realisations for {', '.join(late)}, after the status date "
                 f"{ctx.date(status)}",
                 "Move the status date on, or correct the periods."),
                (f"{ind.id} memiliki realisasi untuk {', '.join(late)}, setelah tanggal status "
                 f"{ctx.date(status)}",
                 "Majukan tanggal status, atau perbaiki periodenya."),
            )  # fmt: skip


#: The rules of this family, in the order they run and are documented.
RULES = (_without_target, _against, _end, _no_indicator, _future)
