"""The exact leveler: the project as a constraint program, solved by OR-Tools CP-SAT.

Needs the ``roadmap[solver]`` extra.  One integer start per activity; minimum gaps; pinned
activities fixed; latest starts as bounds; one cumulative constraint per renewable
resource; and per money pool and period the days each activity spends in the period
(``max(0, min(end, b) - max(start, a))``) times its cost per day, rounded up, so that a
solution the solver accepts never exceeds a ceiling with the exact spread either.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from typing import Any, Literal, NamedTuple

from roadmap.errors import MissingExtraError
from roadmap.leveling.rcpsp import Project

__all__ = ["Exact", "available", "solve"]


class Exact(NamedTuple):
    """Starts found (``None`` when none), whether proven optimal or infeasible, the gap."""

    start: list[int] | None
    optimal: bool
    infeasible: bool
    objective: float | None
    bound: float | None


def available() -> bool:
    """Whether OR-Tools is installed."""
    try:
        import ortools.sat.python.cp_model  # noqa: F401
    except ImportError:
        return False
    return True


def solve(
    p: Project,
    *,
    horizon: int,
    objective: Literal["finish", "least_change"] = "finish",
    early: Sequence[int] | None = None,
    time_limit: float = 10.0,
    workers: int = 1,
    hint: Sequence[int] | None = None,
    tiebreak: bool = True,
) -> Exact:
    """Solve *p* exactly (within *time_limit* seconds).

    ``finish`` minimises the makespan (then, with *tiebreak*, the days items start later
    than *early* in total); ``least_change`` those days, then the makespan.  *hint* is a
    known solution to start from.
    """
    try:
        from ortools.sat.python import cp_model
    except ImportError:
        raise MissingExtraError("the exact leveler (or method='heuristic')", "solver",
                                "OR-Tools") from None  # fmt: skip
    m: Any = cp_model.CpModel()
    n = p.n
    top = horizon
    start = []
    for j in range(n):
        if j in p.pinned:
            start.append(m.new_constant(p.release[j]))
            continue
        hi = p.latest[j]
        hi = top - p.length[j] if hi is None else min(hi, top - p.length[j])
        if hi < p.release[j]:
            return Exact(None, False, True, None, None)
        start.append(m.new_int_var(p.release[j], hi, f"s{j}"))
    for j in range(n):
        for i, g in p.gaps[j]:
            m.add(start[j] >= start[i] + g)
    intervals = [
        m.new_fixed_size_interval_var(start[j], p.length[j], f"i{j}") if p.length[j] else None
        for j in range(n)
    ]
    for r, cap in enumerate(p.capacity):
        users = [j for j in range(n) if p.demand[r][j] and intervals[j] is not None]
        if users:
            m.add_cumulative([intervals[j] for j in users], [p.demand[r][j] for j in users], cap)
    for pool in p.pools:
        _money(m, cp_model, p, pool, start, top)
    makespan = m.new_int_var(0, top, "makespan")
    for j in range(n):
        m.add(makespan >= start[j] + p.length[j])
    base = early or p.release
    movable = [j for j in range(n) if j not in p.pinned]
    shift = sum(start[j] - base[j] for j in movable)
    if objective == "least_change":
        m.minimize(shift * (top + 1) + makespan)
    else:
        m.minimize(makespan)
    if hint is not None:
        for j in movable:
            m.add_hint(start[j], hint[j])
    began = time.perf_counter()
    solver: Any = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = float(time_limit)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = 0
    status = solver.solve(m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Exact(None, False, status == cp_model.INFEASIBLE, None, None)
    found = Exact(
        [int(solver.value(s)) for s in start],
        status == cp_model.OPTIMAL,
        False,
        solver.objective_value,
        solver.best_objective_bound,
    )
    left = time_limit - (time.perf_counter() - began)
    if objective == "finish" and tiebreak and movable and found.optimal and left > 0.05:
        # The finish is proven; with the time left, the least total delay at that finish.
        assert found.start is not None
        best = int(found.objective or 0)
        m.add(makespan <= best)
        m.clear_hints()
        known = found.start
        if hint is not None and max(hint[j] + p.length[j] for j in range(n)) <= best:
            known = list(hint)  # a search's solution at the same finish: usually less delay
        for j in movable:
            m.add_hint(start[j], known[j])
        m.minimize(shift)
        solver.parameters.max_time_in_seconds = left
        if solver.solve(m) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            found = found._replace(start=[int(solver.value(s)) for s in start])
        else:
            found = found._replace(start=known)
    return found


def _money(m: Any, cp_model: Any, p: Project, pool: Any, start: list[Any], top: int) -> None:
    """Per period with a ceiling: the spend of the movable activities fits the room."""
    bounds, ceiling, fixed = pool.bounds, pool.ceiling, pool.fixed
    for k, cap in enumerate(ceiling):
        if cap is None:
            continue
        a, b = bounds[k], bounds[k + 1]
        terms = []
        for j, cost in pool.cost.items():
            d = p.length[j]
            if d == 0:
                continue
            lo_start = p.release[j]
            if lo_start >= b and j not in p.pinned:
                continue  # never reaches into the period
            rate = math.ceil(cost / d)
            # Variables and constants only in min/max: OR-Tools 9.12 mishandles an affine
            # expression there (min(x + 20, 30) came out as -20).
            lo, hi = min(0, a), max(top + d, b)
            end = m.new_int_var(lo, hi, f"e{j}_{k}")
            m.add(end == start[j] + d)
            first = m.new_int_var(lo, hi, f"f{j}_{k}")
            last = m.new_int_var(lo, hi, f"l{j}_{k}")
            m.add_max_equality(first, [start[j], m.new_constant(a)])
            m.add_min_equality(last, [end, m.new_constant(b)])
            span = m.new_int_var(lo - hi, hi - lo, f"d{j}_{k}")
            m.add(span == last - first)
            inside = m.new_int_var(0, min(d, b - a), f"o{j}_{k}")
            m.add_max_equality(inside, [span, m.new_constant(0)])
            terms.append(rate * inside)
        if terms:
            m.add(sum(terms) <= cap - fixed[k])
