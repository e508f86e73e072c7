"""Leveling: :func:`level` moves items later so that the plan fits its ceilings and capacity."""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Literal

import attrs

from roadmap import capacity as cap
from roadmap.budget import ItemYears, allocations, ceiling_groups, counted, source_allocations
from roadmap.leveling import exact
from roadmap.leveling.problem import LevelProblem, past_years
from roadmap.leveling.rcpsp import Schedule, search, serial
from roadmap.leveling.result import LevelResult, Move
from roadmap.model import Roadmap
from roadmap.money import format_money
from roadmap.scheduler import Schedule as Scheduled
from roadmap.scheduler import schedule
from roadmap.tracking import forecast_plan

__all__ = ["EXACT_LIMIT", "level"]

Objective = Literal["finish", "least_change"]
Method = Literal["auto", "heuristic", "exact"]
#: The most items ``method="auto"`` gives the exact solver.
EXACT_LIMIT = 300
_REPAIRS = 5


def level(
    plan: Roadmap,
    *,
    objective: Objective = "finish",
    method: Method = "auto",
    time_limit: float | None = None,
    schedules: int = 3000,
    seed: int = 0,
) -> LevelResult:
    """Move items later, as little as possible, so the plan fits its limits.

    The limits: every fiscal year's ceiling (total, and per funding source, dimension or
    owner; a budget given as a total is spread over the item's days pro rata, one given
    per year stays in its years), every resource's ``capacity`` and every owner's limit
    of concurrent initiatives, with the dependencies (types and lags), planned starts
    (start no earlier than), deadlines and the roadmap's ``end`` as hard limits.  Items
    marked ``fixed`` stay; in a plan with a ``status_date``, work done or under way stays
    where the re-forecast has it.

    Parameters
    ----------
    plan
        The roadmap.
    objective
        ``"finish"``: the earliest finish of the roadmap; ``"least_change"``: the fewest
        days of delay in total over all items (then the earliest finish).
    method
        ``"heuristic"``: a genetic algorithm over serial schedules (no dependency);
        ``"exact"``: OR-Tools CP-SAT (the ``roadmap[solver]`` extra), with the proof of
        optimality or the gap; ``"auto"``: exact when OR-Tools is installed and the plan
        has at most :data:`EXACT_LIMIT` items.
    time_limit
        Seconds for the search (default 10).
    schedules
        The most schedules the heuristic generates.
    seed
        Seed of the heuristic: the same seed, the same result.

    Returns
    -------
    LevelResult
        With the leveled plan (new planned starts only where something moved), the moves
        and their reasons, budgets and capacity before and after; or, when no plan fits,
        the reason in the plan's language.

    Examples
    --------
    >>> import roadmap as rm
    >>> plan = rm.loads('''
    ... [roadmap]
    ... name = "Demo"
    ... start = 2019-01-01
    ... [capacity]
    ... analis_TI = 2
    ... [[initiatives]]
    ... id = "A"
    ... name = "Portal"
    ... duration = 30
    ... resources = {analis_TI = 2}
    ... [[initiatives]]
    ... id = "B"
    ... name = "Dasbor"
    ... duration = 10
    ... resources = {analis_TI = 1}
    ... ''')
    >>> result = rm.level(plan, method="heuristic")
    >>> [(m.id, m.after, m.reason) for m in result.moves]
    [('A', datetime.date(2019, 1, 11), 'resource analis_TI')]
    """
    if objective not in ("finish", "least_change"):
        raise ValueError(f"objective must be 'finish' or 'least_change', got {objective!r}")
    if method not in ("auto", "heuristic", "exact"):
        raise ValueError(f"method must be 'auto', 'heuristic' or 'exact', got {method!r}")
    began = time.perf_counter()
    limit = 10.0 if time_limit is None else float(time_limit)
    prob = LevelProblem(plan)
    p = prob.project
    chosen: Literal["heuristic", "exact"] = (
        "exact" if method == "exact" or (method == "auto" and exact.available()
                                         and p.n <= EXACT_LIMIT) else "heuristic"
    )  # fmt: skip
    blocked = _blocked(prob, plan.language)
    optimal = gap = None
    used = 0
    starts: list[int] | None = None
    if not blocked:
        rank = _ranking(prob, objective)
        quick, used = search(p, horizon=prob.horizon, objective=rank, seed=seed,
                             schedules=schedules if chosen == "heuristic" else 200,
                             seconds=limit)  # fmt: skip
        starts = quick.start
        if chosen == "exact":
            hint = quick.start if quick.late == 0 else None
            ex = exact.solve(p, horizon=prob.horizon, objective=objective, early=prob.early,
                             time_limit=max(0.1, limit - (time.perf_counter() - began)),
                             hint=hint)  # fmt: skip
            if ex.start is not None:
                starts, optimal = ex.start, ex.optimal
                if ex.objective and ex.bound is not None:
                    gap = max(0.0, (ex.objective - ex.bound) / abs(ex.objective))
            elif ex.infeasible:
                starts = None
                optimal = True  # proven: nothing fits
    leveled = None if starts is None else _apply(prob, plan, starts)
    problems: list[str] = []
    if leveled is not None:
        leveled, problems = _repair(plan, leveled, problems)
    feasible = leveled is not None and not problems and not blocked
    reason = ""
    if not feasible:
        reason = blocked or _explain(prob, plan.language) or "; ".join(problems) or (
            "tidak ditemukan rencana yang memenuhi semua batas" if plan.language == "id"
            else "no plan within every limit was found"
        )  # fmt: skip
    return _result(prob, plan, leveled if feasible else None, feasible, reason, chosen,
                   objective, optimal, gap, used, time.perf_counter() - began)  # fmt: skip


def _ranking(prob: LevelProblem, objective: Objective) -> Callable[[Schedule], tuple[int, ...]]:
    early = prob.early
    movable = [j for j in range(prob.project.n) if j not in prob.project.pinned]

    def shift(s: Schedule) -> int:
        return sum(s.start[j] - early[j] for j in movable)

    if objective == "least_change":
        return lambda s: (s.late, shift(s), s.makespan)
    return lambda s: (s.late, s.makespan, shift(s))


def _apply(prob: LevelProblem, plan: Roadmap, starts: Sequence[int]) -> Roadmap:
    """The plan with a planned start on every item its predecessors alone would not delay."""
    p, items = prob.project, prob.base.items
    moved: dict[str, date] = {}
    for j, item in enumerate(items):
        if j in p.pinned:
            continue
        bound = p.release[j]
        for i, g in p.gaps[j]:
            bound = max(bound, starts[i] + g)
        if starts[j] > bound:
            moved[item.id] = prob.day(starts[j])
    return _settle(plan, _with_starts(plan, moved))


def _settle(plan: Roadmap, leveled: Roadmap) -> Roadmap:
    """Planned starts that leveling set, moved to where the schedule puts the item.

    A predecessor a day or two longer at its new dates (months differ) pushes an item past
    the start leveling gave it; the planned start follows, so it never contradicts a link.
    """
    own = {i.id: i.planned_start for i in plan.items}
    before = schedule(forecast_plan(plan) if plan.status_date is not None else plan)
    # A planned start the plan kept before (its item started on it) is kept after, too.
    kept = {i.id for i in plan.initiatives if before[i.id].start == i.planned_start}
    for _ in range(_REPAIRS):
        sched = schedule(forecast_plan(leveled) if leveled.status_date is not None else leveled)
        pushed = {}
        for item in leveled.initiatives:
            planned = item.planned_start
            ours = planned != own[item.id] or item.id in kept
            if planned is not None and ours and sched[item.id].start > planned:
                pushed[item.id] = sched[item.id].start
        if not pushed:
            break
        leveled = _with_starts(leveled, pushed)
    return leveled


def _with_starts(plan: Roadmap, moved: dict[str, date]) -> Roadmap:
    initiatives = []
    for item in plan.initiatives:
        day = moved.get(item.id)
        if day is not None:
            if item.duration is None and item.start is not None and item.finish is not None:
                item = attrs.evolve(item, start=day, finish=day + (item.finish - item.start))
            else:
                item = attrs.evolve(item, start=day)
        initiatives.append(item)
    milestones = []
    for m in plan.milestones:
        day = moved.get(m.id)
        milestones.append(m if day is None else attrs.evolve(m, date=day - timedelta(days=1)))
    return attrs.evolve(plan, initiatives=initiatives, milestones=milestones)


def _repair(plan: Roadmap, leveled: Roadmap, problems: list[str]) -> tuple[Roadmap, list[str]]:
    """Verify the leveled plan by its own schedule, and level again where it breaks a limit.

    Months and working days make an item's length depend on its dates by a few days: a
    few rounds at most.
    """
    for _ in range(_REPAIRS):
        problems = verify(leveled)
        if not problems:
            return leveled, []
        prob = LevelProblem(leveled)
        p = prob.project
        base = prob.early
        order = sorted(range(p.n), key=lambda j: (base[j], p.position[j]))
        again = serial(p, order, prob.horizon)
        if again.late:
            break
        leveled = _settle(plan, _apply(prob, leveled, again.start))
    return leveled, verify(leveled)


def verify(plan: Roadmap) -> list[str]:
    """What a plan breaks: ceilings, capacity, deadlines, the end (empty: nothing).

    The plan is scheduled (re-forecast, when monitored) and measured as
    :func:`roadmap.check` measures it; a monitored plan's fiscal years that ended by its
    status date are spent and not measured.
    """
    base = forecast_plan(plan) if plan.status_date is not None else plan
    sched = schedule(base)
    out = []
    alloc = allocations(base, sched)
    by_source = source_allocations(sched, ItemYears(sched))
    first = past_years(plan)
    for kind, name, members, ceilings in _ceiling_groups(base):
        totals: dict[int, int] = {}
        for id in members:
            for y, a in counted(kind, name, id, alloc, by_source).items():
                totals[y] = totals.get(y, 0) + a
        for y, c in ceilings.items():
            if y >= first and totals.get(y, 0) > c:
                out.append(f"{y}{' ' + kind + ' ' + name if kind else ''} over its ceiling")
    for o in cap.overloads(base, sched):
        out.append(f"{o.kind} {o.name} over capacity from {o.start}")
    days = sched.days
    for item in base.items:
        limit = item.deadline
        if limit is not None and days.early_finish[days.position[item.id]] > limit.toordinal() + 1:
            out.append(f"{item.id} misses its deadline")
    if base.end is not None and sched.finish > base.end:
        out.append(f"the roadmap finishes after its end {base.end}")
    return out


def _ceiling_groups(plan: Roadmap) -> list[tuple[str, str, list[str], dict[int, int]]]:
    """The plan's ceilings with the ids of the initiatives each counts (none: no ceiling)."""
    return [
        (kind, name, [i.id for i in members], ceilings)
        for kind, name, members, ceilings in ceiling_groups(
            plan.initiatives, plan.ceilings, plan.group_ceilings
        )
        if ceilings
    ]


def _blocked(prob: LevelProblem, lang: str) -> str:
    """A reason no shifting can help, or an empty text.

    One item needs more than there is, or a deadline is out of reach with nothing in the
    way.
    """
    p, items = prob.project, prob.base.items
    for r, (_, name) in enumerate(prob.resources):
        for j in range(p.n):
            if p.demand[r][j] > p.capacity[r]:
                if lang == "id":
                    return (f"{items[j].id} memerlukan {p.demand[r][j]} {name} sekaligus; "
                            f"kapasitasnya {p.capacity[r]}: tambah kapasitas atau kurangi "
                            "kebutuhannya")  # fmt: skip
                return (f"{items[j].id} needs {p.demand[r][j]} {name} at once; the capacity is "
                        f"{p.capacity[r]}: raise it or lower the need")  # fmt: skip
    for j in range(p.n):
        lj = p.latest[j]
        if lj is not None and prob.early[j] > lj:
            if lang == "id":
                return (f"{items[j].id} sudah tidak dapat memenuhi tenggat atau akhir periode "
                        "tanpa pemerataan apa pun: perbaiki jadwalnya lebih dulu")  # fmt: skip
            return (f"{items[j].id} cannot meet its deadline or the end of the period even "
                    "unleveled: correct the schedule first")  # fmt: skip
    return ""


def _explain(prob: LevelProblem, lang: str) -> str:
    """The first money pool and year that no shift can bring under its ceiling, in words."""
    p = prob.project
    for (kind, name, first), pool in zip(prob.pools, p.pools, strict=True):
        for k, ceiling in enumerate(pool.ceiling):
            if ceiling is None:
                continue
            a, b = pool.bounds[k], pool.bounds[k + 1]
            need = pool.fixed[k]
            stuck = []
            for j, cost in pool.cost.items():
                d = p.length[j]
                lo = p.release[j] if j in p.pinned else prob.early[j]
                hi = lo if j in p.pinned else p.latest[j]
                if hi is None:
                    hi = max(lo, b)  # it can leave the year entirely
                share = min(_share(cost, t, d, a, b) for t in (lo, max(lo, hi)))
                if share:
                    stuck.append((share, prob.base.items[j].id))
                need += share
            if need <= ceiling:
                continue
            year = first + k
            over = need - ceiling
            language: Literal["id", "en"] = "id" if lang == "id" else "en"

            def money(v: int, language: Literal["id", "en"] = language) -> str:
                return format_money(v, words=True, language=language,
                                    currency=prob.base.currency)  # fmt: skip

            ids = ", ".join(id for _, id in sorted(stuck, reverse=True)[:3])
            scope = f" ({kind} {name})" if kind else ""
            if lang == "id":
                return (f"{year}{scope} memerlukan paling sedikit {money(need)} walau semua "
                        f"kegiatan yang dapat digeser telah digeser; pagunya {money(ceiling)}: "
                        f"naikkan pagu, kurangi {money(over)}, atau izinkan {ids} selesai "
                        "setelah akhir periode")  # fmt: skip
            return (f"{year}{scope} needs at least {money(need)} with every movable item "
                    f"moved; the ceiling is {money(ceiling)}: raise it, cut {money(over)}, or "
                    f"allow {ids} to finish after the term")  # fmt: skip
    return ""


def _share(cost: int, t: int, d: int, a: int, b: int) -> int:
    if d <= 0:
        return cost if a <= t < b else 0
    inside = max(0, min(t + d, b) - max(t, a))
    return -(-cost * inside // d)


def _result(
    prob: LevelProblem, plan: Roadmap, leveled: Roadmap | None, feasible: bool, reason: str,
    method: Literal["heuristic", "exact"], objective: Objective, optimal: bool | None,
    gap: float | None, used: int, seconds: float,
) -> LevelResult:  # fmt: skip
    before = prob.base
    sched0 = prob.schedule
    after = None if leveled is None else (
        forecast_plan(leveled) if leveled.status_date is not None else leveled
    )  # fmt: skip
    sched1 = None if after is None else schedule(after)
    moves: list[Move] = []
    budgets: dict[tuple[str, str], dict[int, tuple[int, int, int | None]]] = {}
    capacity: dict[tuple[str, str], tuple[int, int, int]] = {}
    alloc0 = allocations(before, sched0)
    src0 = source_allocations(sched0, ItemYears(sched0))
    alloc1, src1 = alloc0, src0
    if sched1 is not None and after is not None:
        alloc1, src1 = allocations(after, sched1), source_allocations(sched1, ItemYears(sched1))
    for kind, name, members, ceilings in _ceiling_groups(before):
        years: dict[int, tuple[int, int, int | None]] = {}
        part0 = {id: counted(kind, name, id, alloc0, src0) for id in members}
        part1 = {id: counted(kind, name, id, alloc1, src1) for id in members}
        for y in sorted({y for id in members for y in (*part0[id], *part1[id])}
                        | set(ceilings)):  # fmt: skip
            b0 = sum(part0[id].get(y, 0) for id in members)
            b1 = sum(part1[id].get(y, 0) for id in members)
            years[y] = (b0, b1, ceilings.get(y))
        budgets[(kind, name)] = years
    peaks0 = cap.peak_use(before, sched0)
    peaks1 = peaks0 if sched1 is None or after is None else cap.peak_use(after, sched1)
    for key, peak in peaks0.items():
        limit = (before.capacity if key[0] == "resource" else before.owner_capacity).get(key[1])
        if limit is not None:  # a resource without a capacity is not a limit
            capacity[key] = (peak, peaks1.get(key, 0), limit)
    if sched1 is not None and leveled is not None:
        own = {i.id: i for i in plan.items}
        new = {i.id: i for i in leveled.items}
        reasons = _why(LevelProblem(leveled), sched1)  # lengths at the new dates
        for s in sorted(sched1, key=lambda s: (s.start, s.id)):
            old = sched0[s.id]
            if s.start > old.start:
                anchored = own[s.id].planned_start != new[s.id].planned_start
                moves.append(Move(id=s.id, name=s.name, before=old.start, after=s.start,
                                  reason=reasons.get(s.id, "dependency") if anchored
                                  else "dependency"))  # fmt: skip
    return LevelResult(
        plan=leveled, feasible=feasible, reason=reason, moves=tuple(moves),
        finish_before=sched0.finish, finish_after=None if sched1 is None else sched1.finish,
        budgets=budgets, capacity=capacity, method=method, objective=objective,
        optimal=optimal, gap=gap, schedules=used, seconds=seconds,
    )  # fmt: skip


def _why(prob: LevelProblem, sched: Scheduled) -> dict[str, str]:
    """For each item of the leveled schedule: what keeps it from starting a day earlier."""
    p = prob.project
    items = prob.base.items
    days = sched.days
    start = [days.early_start[days.position[i.id]] - prob.origin for i in items]
    top = max((start[i] + p.length[i] for i in range(p.n)), default=0) + 1
    profiles = []
    for r in range(len(prob.resources)):
        row = [0] * top
        for i in range(p.n):
            for day in range(start[i], start[i] + p.length[i]):
                row[day] += p.demand[r][i]
        profiles.append(row)
    out: dict[str, str] = {}
    for j, item in enumerate(items):
        t = start[j] - 1
        d = p.length[j]
        if t < 0 or j in p.pinned:
            continue
        for r, (kind, name) in enumerate(prob.resources):
            q = p.demand[r][j]
            if not q or not d:
                continue
            row = profiles[r]
            mine = range(start[j], start[j] + d)
            used = max(row[day] - (q if day in mine else 0) for day in range(t, t + d))
            if used + q > p.capacity[r]:
                out[item.id] = f"{kind} {name}"
                break
        if item.id in out:
            continue
        for (kind, name, first), pool in zip(prob.pools, p.pools, strict=True):
            cost = pool.cost.get(j)
            if cost is None:
                continue
            for k, ceiling in enumerate(pool.ceiling):
                a, b = pool.bounds[k], pool.bounds[k + 1]
                if ceiling is None or b <= t or a >= t + d:
                    continue
                others = pool.fixed[k] + sum(
                    _share(c, start[i], p.length[i], a, b)
                    for i, c in pool.cost.items() if i != j
                )  # fmt: skip
                if others + _share(cost, t, d, a, b) > ceiling:
                    scope = f" {kind} {name}" if kind else ""
                    out[item.id] = f"year {first + k}{scope}"
                    break
            if item.id in out:
                break
    return out


def _period(bounds: Sequence[int], t: int) -> int:
    return bisect_right(bounds, t) - 1
