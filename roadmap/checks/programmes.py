"""Programme rules: the nomenclature tree the initiatives are budgeted under (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap.budget import programme_rollup
from roadmap.checks.context import Context, rule
from roadmap.checks.report import Finding
from roadmap.errors import did_you_mean_texts
from roadmap.model import code_level

__all__ = ["RULES"]

_LEVEL_ID = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan"}


@rule(
    "unknown-programme",
    "warning",
    "An initiative names a programme code the plan's programme tree does not hold.",
    "Kegiatan menyebut kode program yang tidak ada pada pohon program rencana.",
)
def _unknown_programme(ctx: Context) -> Iterator[Finding]:
    codes = [p.code for p in ctx.plan.programmes]
    if not codes:  # no tree declared: a code stands on its own
        return
    known = set(codes)
    for item in ctx.plan.initiatives:
        if item.programme is None or item.programme in known:
            continue
        en, id_ = did_you_mean_texts(item.programme, codes, quote=False, end=".")
        yield ctx.finding(
            "unknown-programme", [item.id],
            (f"{item.id} is budgeted under {item.programme}, which the programme tree "
             f"does not hold{en}",
             f"Correct the code, or add [[programmes]] code = \"{item.programme}\"."),
            (f"{item.id} dianggarkan pada {item.programme}, yang tidak ada pada pohon "
             f"program{id_}",
             f"Perbaiki kodenya, atau tambahkan [[programmes]] code = \"{item.programme}\"."),
        )  # fmt: skip


@rule(
    "orphan-code",
    "warning",
    "A kegiatan or sub kegiatan of the programme tree has no parent node (its code's prefix).",
    "Kegiatan atau sub kegiatan pada pohon program tidak memiliki induk (awalan kodenya).",
)
def _orphan(ctx: Context) -> Iterator[Finding]:
    codes = {p.code for p in ctx.plan.programmes}
    for node in ctx.plan.programmes:
        parent = node.parent
        if parent is None or parent in codes:
            continue
        level = _LEVEL_ID[node.level]
        up = _LEVEL_ID[code_level(parent) or "program"]
        yield ctx.finding(
            "orphan-code", [node.code],
            (f"{level} {node.code} ({node.name}) has no {up} {parent} above it",
             f"Add [[programmes]] code = \"{parent}\", or correct the code {node.code}."),
            (f"{level} {node.code} ({node.name}) tidak memiliki {up} {parent} di atasnya",
             f"Tambahkan [[programmes]] code = \"{parent}\", atau perbaiki kode {node.code}."),
        )  # fmt: skip


@rule(
    "mixed-editions",
    "warning",
    "Sub kegiatan codes of both nomenclature editions (2 and 4 digits) in one plan.",
    "Kode sub kegiatan dari dua edisi nomenklatur (2 dan 4 digit) dalam satu rencana.",
)
def _mixed(ctx: Context) -> Iterator[Finding]:
    subs = {p.code for p in ctx.plan.programmes if p.level == "sub_kegiatan"}
    subs |= {i.programme for i in ctx.plan.initiatives
             if i.programme and code_level(i.programme) == "sub_kegiatan"}  # fmt: skip
    short = sorted(c for c in subs if len(c.rsplit(".", 1)[1]) == 2)
    long = sorted(c for c in subs if len(c.rsplit(".", 1)[1]) == 4)
    if short and long:
        yield ctx.finding(
            "mixed-editions", [*short, *long],
            (f"sub kegiatan codes of the early edition ({', '.join(short[:3])}) and of the "
             f"later one ({', '.join(long[:3])}) in one plan",
             "Use the nomenclature edition of the plan's period for every code."),
            (f"kode sub kegiatan edisi lama ({', '.join(short[:3])}) dan edisi baru "
             f"({', '.join(long[:3])}) dalam satu rencana",
             "Pakai satu edisi nomenklatur untuk semua kode, sesuai periode rencana."),
        )  # fmt: skip


@rule(
    "pagu-mismatch",
    "warning",
    "A node's indicative budget (pagu indikatif) for a year differs from its initiatives'.",
    "Pagu indikatif simpul program pada suatu tahun berbeda dari anggaran kegiatannya.",
)
def _pagu(ctx: Context) -> Iterator[Finding]:
    if ctx.schedule is None or not any(p.budget for p in ctx.plan.programmes):
        return
    rollup = programme_rollup(ctx.plan, ctx.schedule)
    for node in ctx.plan.programmes:
        if not node.budget:
            continue
        planned = rollup[node.code].budget
        years = sorted(set(node.budget) | {y for y, a in planned.items() if a})
        for y in years:
            stated, under = node.budget.get(y, 0), planned.get(y, 0)
            if stated == under:
                continue
            yield ctx.finding(
                "pagu-mismatch", [node.code, str(y)],
                (f"{node.code} ({node.name}) states a pagu indikatif of {ctx.money(stated)} "
                 f"for {y}, but its initiatives are budgeted {ctx.money(under)}",
                 f"Make the pagu of {y} {ctx.money(under)}, or the initiatives' budgets "
                 f"add up to {ctx.money(stated)}."),
                (f"{node.code} ({node.name}) mencantumkan pagu indikatif {ctx.money(stated)} "
                 f"untuk {y}, tetapi anggaran kegiatannya {ctx.money(under)}",
                 f"Jadikan pagu {y} {ctx.money(under)}, atau sesuaikan anggaran kegiatannya "
                 f"menjadi {ctx.money(stated)}."),
            )  # fmt: skip


#: The rules of this family, in the order they run and are documented.
RULES = (_unknown_programme, _orphan, _mixed, _pagu)
