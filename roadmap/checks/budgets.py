"""Budget rules: negative and missing amounts, allocations, yearly ceilings."""

from __future__ import annotations

import heapq
from collections.abc import Iterator

from roadmap.budget import ceiling_groups, counted
from roadmap.checks.context import Context, rule
from roadmap.checks.report import Finding

__all__ = ["RULES"]


@rule(
    "negative-amount",
    "error",
    "A budget or ceiling is negative.",
    "Anggaran atau pagu bernilai negatif.",
)
def _negative(ctx: Context) -> Iterator[Finding]:
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
def _zero(ctx: Context) -> Iterator[Finding]:
    inits = ctx.plan.initiatives
    if inits and all(i.budget is None for i in inits):
        return  # a plan without budgets at all gets one note instead (no-budgets)
    for item in inits:
        b = item.budget
        if not (b if b.__class__ is not dict else item.budget_amount):  # ints: no call
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
def _no_budgets(ctx: Context) -> Iterator[Finding]:
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
def _mismatch(ctx: Context) -> Iterator[Finding]:
    for item in ctx.plan.initiatives:
        if item.budget_total is None:
            continue
        parts = item.budget_amount or 0
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
def _outside_run(ctx: Context) -> Iterator[Finding]:
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


def _movable(ctx: Context, contributors: list[tuple[int, str]]) -> tuple[bool, str]:
    """The largest contributors ``(amount, id)`` to a year, those with slack first.

    Returns whether any of them has slack, and the text ``SC09 (Rp2,75 miliar, ...)``.
    """
    candidates = [(ctx.slack(id), amount, id) for amount, id in contributors if amount > 0]
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
def _over_ceiling(ctx: Context) -> Iterator[Finding]:
    if ctx.schedule is None or not (ctx.ceilings or ctx.group_ceilings):
        return
    alloc = ctx.allocations()
    by_source = ctx.source_allocations()
    checks = [
        (kind, name, [i.id for i in members], ceilings)
        for kind, name, members, ceilings in ceiling_groups(
            ctx.plan.initiatives, ctx.ceilings, ctx.group_ceilings
        )
    ]
    for kind, name, members, ceilings in checks:
        if kind:
            totals: dict[int, int] = {}  # one pass over the members, not one per year
            for id in members:
                for year, amount in counted(kind, name, id, alloc, by_source).items():
                    totals[year] = totals.get(year, 0) + amount
        else:
            totals = ctx.year_totals  # all initiatives: summed with the allocations
        for year, ceiling in ceilings.items():
            planned = totals.get(year, 0)
            if planned <= ceiling:
                continue
            over = planned - ceiling
            contributors = [
                (a, id) for id in members
                if (a := counted(kind, name, id, alloc, by_source).get(year, 0))
            ]  # fmt: skip
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
            several = {i.id for i in ctx.plan.initiatives if len(i.funding) > 1}
            whole = kind == "funding" and any(
                id in several and id not in by_source for _, id in contributors
            )
            share = " (counting the whole budget of items it funds only in part)" if whole else ""
            share_id = (
                " (menghitung seluruh anggaran kegiatan yang hanya sebagian didanainya)"
                if whole
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


#: The rules of this family, in the order they run and are documented.
RULES = (_negative, _zero, _no_budgets, _mismatch, _outside_run, _over_ceiling)
