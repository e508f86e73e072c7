"""Structure rules: ids, references, cycles and reversed dates.

They run first: when one of them finds an error the plan is not scheduled, and the
date and budget rules stay silent (``check`` adds one ``not-scheduled`` note).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import attrs

from roadmap._network import network
from roadmap.checks.context import Context, rule
from roadmap.checks.report import Finding
from roadmap.errors import CycleError, RoadmapError, chain_text, did_you_mean_texts
from roadmap.graph import build_graph
from roadmap.model import Initiative, Milestone, Phase

__all__ = ["RULES"]


_STRUCTURE = ("empty-roadmap", "duplicate-id", "unknown-reference", "self-dependency",
              "dependency-cycle", "finish-before-start")  # fmt: skip


@rule(
    "empty-roadmap",
    "warning",
    "The roadmap has no initiatives or milestones.",
    "Peta jalan tidak memiliki kegiatan atau tonggak.",
    structural=True,
)
def _empty(ctx: Context) -> Iterator[Finding]:
    if not ctx.plan.items:
        yield ctx.finding(
            "empty-roadmap", [],
            ("The roadmap has no initiatives and no milestones.",
             "Add [[initiatives]] and [[milestones]] to the plan."),
            ("Peta jalan tidak memiliki kegiatan maupun tonggak.",
             "Tambahkan [[initiatives]] dan [[milestones]] ke rencana."),
        )  # fmt: skip


@rule(
    "duplicate-id",
    "error",
    "Two items or phases share an id.",
    "Dua kegiatan atau fase memakai id yang sama.",
    structural=True,
)
def _duplicates(ctx: Context) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    # A compiled plan has unique item ids: only phases can still collide.
    phase_ids = {p.id for p in ctx.plan.phases}
    if ctx.compiled:
        entries: Iterable[Phase | Initiative | Milestone] = [
            *ctx.plan.phases,
            *(i for i in ctx.plan.items if i.id in phase_ids),
        ]
    else:
        entries = (*ctx.plan.phases, *ctx.plan.items)
    for item in entries:
        seen[item.id] = seen.get(item.id, 0) + 1
    for id, count in seen.items():
        if count > 1:
            yield ctx.finding(
                "duplicate-id", [id],
                (f"The id {id} is used {count} times.",
                 f"Give each of the {count} entries its own id, e.g. {id}a and {id}b."),
                (f"Id {id} dipakai {count} kali.",
                 f"Beri setiap entri id sendiri, mis. {id}a dan {id}b."),
            )  # fmt: skip


@rule(
    "unknown-reference",
    "error",
    "A dependency or milestone anchor names an unknown id.",
    "Ketergantungan atau acuan tonggak menyebut id yang tidak ada.",
    structural=True,
)
def _unknown(ctx: Context) -> Iterator[Finding]:
    items = {i.id for i in ctx.plan.items}
    compiled = ctx.compiled  # then every link is known
    for item in ctx.plan.items:
        for link in () if compiled else item.links:
            if link.id not in items:
                what = (
                    "after"
                    if isinstance(item, Milestone) and link.id == item.after
                    else "depends_on"
                )
                yield ctx.finding(
                    "unknown-reference", [item.id],
                    (f"{item.id} ({what}) names {link.id}, which is not an item of the plan.",
                     f"Correct the id {link.id} or remove it from {what} of {item.id}."),
                    (f"{item.id} ({what}) menyebut {link.id}, yang tidak ada dalam rencana.",
                     f"Perbaiki id {link.id} atau hapus dari {what} pada {item.id}."),
                )  # fmt: skip


@rule(
    "unknown-phase",
    "error",
    "An item names a phase the plan does not define (dates and budgets are still checked).",
    "Kegiatan menyebut fase yang tidak didefinisikan (tanggal dan anggaran tetap diperiksa).",
)
def _unknown_phase(ctx: Context) -> Iterator[Finding]:
    phases = [p.id for p in ctx.plan.phases]
    known = ", ".join(sorted(phases)) or "-"
    for item in ctx.plan.items:
        if item.phase is None or item.phase in phases:
            continue
        en, id_ = did_you_mean_texts(item.phase, phases, quote=False, end=".")
        yield ctx.finding(
            "unknown-phase", [item.id],
            (f"{item.id} belongs to phase {item.phase}, which the plan does not define{en}",
             f"Use one of the phases ({known}) or add phase {item.phase}."),
            (f"{item.id} masuk fase {item.phase}, yang tidak didefinisikan dalam rencana{id_}",
             f"Gunakan salah satu fase ({known}) atau tambahkan fase {item.phase}."),
        )  # fmt: skip


@rule(
    "self-dependency",
    "error",
    "An item depends on itself.",
    "Sebuah kegiatan bergantung pada dirinya sendiri.",
    structural=True,
)
def _self(ctx: Context) -> Iterator[Finding]:
    if ctx.compiled:
        return  # a self-link is a cycle: the plan would not compile
    for item in ctx.plan.items:
        if any(link.id == item.id for link in item.links):
            yield ctx.finding(
                "self-dependency", [item.id],
                (f"{item.id} depends on itself.", f"Remove {item.id} from its own depends_on."),
                (f"{item.id} bergantung pada dirinya sendiri.",
                 f"Hapus {item.id} dari depends_on miliknya."),
            )  # fmt: skip


@rule(
    "dependency-cycle",
    "error",
    "Dependencies form a cycle (named whole, in order).",
    "Ketergantungan membentuk siklus (disebut utuh, berurutan).",
    structural=True,
)
def _cycles(ctx: Context) -> Iterator[Finding]:
    if ctx.compiled:
        return
    plan = ctx.plan
    items = {i.id for i in plan.items}
    if len(items) < len(plan.items):
        return  # duplicate ids: cycles are ambiguous until they are fixed
    clean = plan
    if any(link.id == i.id or link.id not in items for i in plan.items for link in i.links):
        clean = attrs.evolve(
            plan,
            initiatives=[_without_bad_links(i, items) for i in plan.initiatives],
            milestones=[_without_bad_links(m, items) for m in plan.milestones],
        )
    try:
        network(clean)  # the compiled form is kept on the plan for the schedule rules
        return
    except CycleError:
        pass
    except RoadmapError:
        return
    # Report one whole cycle per strongly connected group of items.
    import networkx as nx  # only for a plan with a cycle: networkx is slow to import

    graph = build_graph(clean)
    position = {item.id: k for k, item in enumerate(plan.items)}
    groups = [g for g in nx.strongly_connected_components(graph) if len(g) > 1]
    for group in sorted(groups, key=lambda g: min(position[i] for i in g)):
        first = min(group, key=position.__getitem__)
        edges = nx.find_cycle(graph.subgraph(group), source=first)
        cycle = [u for u, _ in edges]
        low = cycle.index(min(cycle, key=position.__getitem__))
        cycle = cycle[low:] + cycle[:low]
        text = chain_text([*cycle, cycle[0]])
        last = f"{cycle[-1]} -> {cycle[0]}"
        yield ctx.finding(
            "dependency-cycle", cycle,
            (f"The dependencies form a cycle: {text}.",
             f"Drop or reverse one link of the cycle, e.g. {last}."),
            (f"Ketergantungan membentuk siklus: {text}.",
             f"Hapus atau balik salah satu tautan siklus, mis. {last}."),
        )  # fmt: skip


def _without_bad_links(item: Any, items: set[str]) -> Any:
    keep = tuple(link for link in item.depends_on if link.id != item.id and link.id in items)
    if isinstance(item, Milestone) and (item.after == item.id or item.after not in items):
        return attrs.evolve(item, after=None, depends_on=keep)
    return attrs.evolve(item, depends_on=keep)


@rule(
    "finish-before-start",
    "error",
    "An item or phase ends before it starts.",
    "Kegiatan atau fase berakhir sebelum dimulai.",
    structural=True,
)
def _reversed(ctx: Context) -> Iterator[Finding]:
    # A compiled plan has no reversed initiative: only phases are left to look at.
    inits = () if ctx.compiled else ctx.plan.initiatives
    spans: list[tuple[str, date | None, date | None]] = [
        (i.id, i.start, i.finish) for i in inits
    ] + [(p.id, p.start, p.end) for p in ctx.plan.phases]
    for id, start, end in spans:
        if start is not None and end is not None and end < start:
            yield ctx.finding(
                "finish-before-start", [id],
                (f"{id} ends on {ctx.date(end)}, before it starts on {ctx.date(start)}.",
                 f"Swap the dates, or set the end of {id} on or after {ctx.date(start)}."),
                (f"{id} berakhir {ctx.date(end)}, sebelum dimulai {ctx.date(start)}.",
                 f"Tukar tanggalnya, atau atur akhir {id} pada/setelah {ctx.date(start)}."),
            )  # fmt: skip


@rule(
    "workdays-without-calendar",
    "error",
    "A duration or lag is in workdays but the plan has no working-day calendar.",
    "Durasi atau jeda dalam hari kerja, tetapi rencana tidak memiliki kalender kerja.",
    structural=True,
)
def _workdays(ctx: Context) -> Iterator[Finding]:
    if ctx.plan.calendar is not None:
        return
    items: Iterable[Initiative | Milestone] = ctx.plan.items
    if ctx.compiled:  # the compiled plan knows which items count workdays
        net = network(ctx.plan)
        items = [net.items[i] for i in sorted(net.workdays)]
    for item in items:
        fields = [f"depends_on ({link})" for link in item.links if link.lag.workdays]
        if isinstance(item, Initiative) and item.span.workdays:
            fields.insert(0, f"duration ({item.span})")
        if fields:
            what = ", ".join(fields)
            yield ctx.finding(
                "workdays-without-calendar", [item.id],
                (f"{item.id} counts working days in {what}, but the plan has no working-day "
                 "calendar.",
                 'Add a calendar to [roadmap], e.g. calendar = {country = "ID", weekend = '
                 f'["sat", "sun"]}}, or give {item.id} calendar days or months.'),
                (f"{item.id} menghitung hari kerja pada {what}, tetapi rencana tidak memiliki "
                 "kalender kerja.",
                 'Tambahkan kalender pada [roadmap], mis. calendar = {country = "ID", weekend '
                 f'= ["sat", "sun"]}}, atau beri {item.id} durasi hari kalender atau bulan.'),
            )  # fmt: skip


#: The rules of this family, in the order they run and are documented.
RULES = (_empty, _duplicates, _unknown, _unknown_phase, _self, _cycles, _reversed, _workdays)
