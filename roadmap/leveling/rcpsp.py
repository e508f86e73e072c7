"""Resource-constrained scheduling in whole days: the engine of the leveler.

A :class:`Project` is activities with fixed lengths, minimum start-to-start gaps (every
link type with its lag reduces to one), release days, latest start days (deadlines, the
end of the period, pinned successors), renewable resources (people, concurrent
initiatives per owner) and money pools (a ceiling per fiscal year that the activities'
costs, spread pro rata over their days, must not exceed).

:func:`serial` is the serial schedule generation scheme: activities in a precedence-
feasible order, each at the earliest day its predecessors, the resources and the money
allow.  :func:`justify` is the double justification of Valls, Ballestin and Quintanilla
(2005): every activity as late as possible in reverse order of finish, then as early as
possible in order of start, which never lengthens a schedule and often shortens it.
:func:`search` is a genetic algorithm over activity lists (Hartmann 1998: one-point
crossover, swap mutation, ranking) seeded by regret-biased random sampling on latest
finish times, each individual decoded by :func:`serial` and improved by :func:`justify`.
Pure Python, no dependency; measured on PSPLIB j30 by ``bench/bench_level.py``.
"""

from __future__ import annotations

import random
import time
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import NamedTuple

__all__ = ["Pool", "Project", "Schedule", "cpm", "justify", "latest_starts", "search", "serial"]


class Pool(NamedTuple):
    """A money ceiling per period: ``bounds[k]`` to ``bounds[k + 1]`` is period *k*.

    ``cost[j]`` is what activity *j* spends over its days (spread pro rata by the largest
    remainder, as :func:`roadmap.budget.spread` does); ``fixed[k]`` is what does not move
    (budgets given per year, work already done); ``ceiling[k]`` is ``None`` where a period
    has no ceiling.
    """

    bounds: Sequence[int]
    ceiling: Sequence[int | None]
    cost: dict[int, int]
    fixed: Sequence[int]


class Project:
    """Activities ``0 .. n-1`` in whole days.

    Attributes
    ----------
    length
        Days of each activity (0 for a milestone).
    gaps
        ``gaps[j]``: ``(i, g)`` pairs, *j* starts at least *g* days after *i* starts.
    release
        The earliest start of each activity.
    pinned
        Activities that start exactly at their release day.
    demand, capacity
        ``demand[r][j]`` units of renewable resource *r* while *j* runs; ``capacity[r]``.
    pools
        Money ceilings per period.
    latest
        The latest start of each activity (``None``: none), from deadlines and pins.
    """

    def __init__(
        self,
        length: Sequence[int],
        gaps: Sequence[Sequence[tuple[int, int]]],
        release: Sequence[int] | None = None,
        *,
        demand: Sequence[Sequence[int]] = (),
        capacity: Sequence[int] = (),
        pools: Sequence[Pool] = (),
        pinned: frozenset[int] = frozenset(),
        due: Sequence[int | None] | None = None,
    ) -> None:
        n = len(length)
        self.n = n
        self.length = list(length)
        self.gaps = [list(g) for g in gaps]
        self.release = list(release) if release is not None else [0] * n
        self.pinned = pinned
        self.demand = [list(d) for d in demand]
        self.capacity = list(capacity)
        self.pools = list(pools)
        self.succs: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        for j, gs in enumerate(self.gaps):
            for i, g in gs:
                self.succs[i].append((j, g))
        self.order = _topological(self)
        #: Each activity's place in :attr:`order` (a dependency order).
        self.position = [0] * n
        for k, j in enumerate(self.order):
            self.position[j] = k
        self.latest = latest_starts(self, due)
        # Resources each activity uses, so that the others are never looked at.
        self.uses = [
            [(r, self.demand[r][j]) for r in range(len(self.capacity)) if self.demand[r][j] > 0]
            for j in range(n)
        ]
        self.costly = [[(p, pool.cost[j]) for p, pool in enumerate(self.pools) if j in pool.cost]
                       for j in range(n)]  # fmt: skip


def _topological(p: Project) -> list[int]:
    indegree = [len(g) for g in p.gaps]
    ready = [j for j in range(p.n) if not indegree[j]]
    order = []
    while ready:
        j = ready.pop()
        order.append(j)
        for k, _ in p.succs[j]:
            indegree[k] -= 1
            if not indegree[k]:
                ready.append(k)
    if len(order) != p.n:
        raise ValueError("the links form a cycle")
    return order


def latest_starts(p: Project, due: Sequence[int | None] | None) -> list[int | None]:
    """The latest start of each activity that its own and its successors' limits allow.

    *due* gives a latest finish per activity (a deadline, the end of the period); a pinned
    activity may not start after its release day either.
    """
    latest: list[int | None] = [None] * p.n
    for j in range(p.n):
        limit = None
        if due is not None and due[j] is not None:
            limit = due[j] - p.length[j]  # type: ignore[operator]
        if j in p.pinned:
            limit = p.release[j] if limit is None else min(limit, p.release[j])
        latest[j] = limit
    for j in reversed(p.order):
        for k, g in p.succs[j]:
            lk = latest[k]
            if lk is not None:
                bound = lk - g
                if latest[j] is None or bound < latest[j]:  # type: ignore[operator]
                    latest[j] = bound
    return latest


def cpm(p: Project) -> list[int]:
    """Earliest starts without resources or money (pinned activities at their release)."""
    start = [0] * p.n
    for j in p.order:
        s = p.release[j]
        for i, g in p.gaps[j]:
            if start[i] + g > s:
                s = start[i] + g
        start[j] = s
    return start


class Schedule(NamedTuple):
    """Start days; ``late`` counts activities that had to start after their latest start."""

    start: list[int]
    late: int
    makespan: int


def _spread(cost: int, s: int, e: int, bounds: Sequence[int]) -> list[tuple[int, int]]:
    """``(period, amount)`` of *cost* over ``[s, e)``: largest remainder, earlier wins ties."""
    if e <= s:
        k = bisect_right(bounds, s) - 1
        return [(k, cost)]
    k0 = bisect_right(bounds, s) - 1
    k1 = bisect_right(bounds, e - 1) - 1
    if k0 == k1:
        return [(k0, cost)]
    whole = e - s
    days = [(k, min(e, bounds[k + 1]) - max(s, bounds[k])) for k in range(k0, k1 + 1)]
    parts = [(k, cost * d // whole) for k, d in days]
    left = cost - sum(a for _, a in parts)
    if left:
        order = sorted(range(len(days)), key=lambda m: (-(cost * days[m][1] % whole), m))
        bump = set(order[:left])
        parts = [(k, a + (m in bump)) for m, (k, a) in enumerate(parts)]
    return parts


def serial(p: Project, order: Sequence[int], horizon: int) -> Schedule:
    """The serial schedule generation scheme over a precedence-feasible *order*.

    Pinned activities take their places first.  Then each activity starts on the earliest
    day on or after its precedence bound at which every resource it uses has room on each
    of its days and every money pool has room in each period it touches; an activity that
    cannot start by its latest start is placed as early as it can nonetheless and counted
    in ``late``.
    """
    start = [0] * p.n
    length, gaps, release, uses, costly = p.length, p.gaps, p.release, p.uses, p.costly
    caps, pinned, latest = p.capacity, p.pinned, p.latest
    profile = [[0] * (horizon + 1) for _ in caps]
    spent = [list(pool.fixed) for pool in p.pools]
    late = 0
    end = 0
    for j in pinned:  # what does not move takes its place first
        start[j] = t = release[j]
        _place(p, j, t, profile, spent)
        end = max(end, t + length[j])
    for j in order:
        if j in pinned:
            continue
        t = release[j]
        for i, g in gaps[j]:
            if start[i] + g > t:
                t = start[i] + g
        d = length[j]
        use, money = uses[j], costly[j]
        while use or money:
            if t + d > horizon:  # no room before the horizon: at its end, late
                t = horizon - d
                break
            moved = False
            for r, q in use:
                row = profile[r]
                room = caps[r] - q
                if d and room >= 0 and max(row[t : t + d]) > room:
                    k = t + d - 1
                    while row[k] <= room:
                        k -= 1
                    t = k + 1  # start after the last day without room
                    moved = True
                    break
            if not moved and money:
                shift = _money_shift(p, money, spent, t, d)
                if shift:
                    t += shift
                    moved = True
            if not moved:
                break
        start[j] = t
        lj = latest[j]
        if lj is not None and t > lj:
            late += 1
        _place(p, j, t, profile, spent)
        if t + d > end:
            end = t + d
    return Schedule(start, late, end)


def _place(p: Project, j: int, t: int, profile: list[list[int]], spent: list[list[int]]) -> None:
    """Book activity *j* from day *t*: its resources on its days, its cost in the pools."""
    d = p.length[j]
    if d:
        for r, q in p.uses[j]:
            row = profile[r]
            for k in range(t, t + d):
                row[k] += q
    for m, c in p.costly[j]:
        pool = p.pools[m]
        for k, a in _spread(c, t, t + d, pool.bounds):
            spent[m][k] += a


def _money_shift(
    p: Project, money: list[tuple[int, int]], spent: list[list[int]], t: int, d: int
) -> int:
    """Days to move an activity starting on day *t* so that a pool it overfills has room.

    0 when every pool has room.  When the first period it touches is over, the days that
    must leave it; when a later one is, the move that starts it late enough in that period
    (or past it).
    """
    for m, c in money:
        pool = p.pools[m]
        bounds, ceiling = pool.bounds, pool.ceiling
        for k, a in _spread(c, t, t + d, bounds):
            cap = ceiling[k]
            if cap is None or spent[m][k] + a <= cap:
                continue
            room = cap - spent[m][k]
            if room < 0 or k >= len(bounds) - 2:
                return max(1, bounds[min(k + 1, len(bounds) - 1)] - t)
            rate = c / max(d, 1)
            keep = int(room / rate) if rate else d  # days it may keep in period k
            if t >= bounds[k]:  # starts in k: leave all but `keep` days of it
                return max(1, bounds[k + 1] - keep - t)
            return max(1, bounds[k + 1] - keep - t)  # reaches into k: start later in it
    return 0


def justify(p: Project, s: Schedule, horizon: int) -> Schedule:
    """Double justification: right then left; the result is never longer.

    Right: activities in decreasing order of finish are each moved as late as possible
    (before the makespan, the resources and their successors allow); left: the serial
    scheme in increasing order of the right-justified starts.  With money pools the right
    pass is the serial scheme on the project mirrored in time.
    """
    if p.pools:
        return _justify_mirrored(p, s, horizon)
    n, length, succs, caps = p.n, p.length, p.succs, p.capacity
    makespan = s.makespan
    pos = p.position  # ties: successors first on the way right, predecessors on the way left
    order = sorted(range(n), key=lambda j: (-(s.start[j] + length[j]), -pos[j]))
    profile = [[0] * (horizon + 1) for _ in caps]
    right = [0] * n
    for j in order:
        d = length[j]
        t = makespan - d
        for k, g in succs[j]:
            if right[k] - g < t:
                t = right[k] - g
        if j in p.pinned:
            t = p.release[j]
        else:
            moved = bool(d)
            while moved and t >= 0:
                moved = False
                for r, q in p.uses[j]:
                    row = profile[r]
                    room = caps[r] - q
                    if room >= 0 and max(row[t : t + d]) > room:
                        k = t
                        while row[k] <= room:
                            k += 1
                        t = k - d  # end before the first day without room
                        moved = True
                        break
        if t < p.release[j]:
            return s  # cannot be right-justified within the release days
        right[j] = t
        for r, q in p.uses[j]:
            row = profile[r]
            for k in range(t, t + d):
                row[k] += q
    left = serial(p, sorted(range(n), key=lambda j: (right[j], pos[j])), horizon)
    return left if (left.late, left.makespan) <= (s.late, s.makespan) else s


def _mirror(p: Project, end: int) -> Project:
    """The project with time running backwards from day *end*: ``s' = end - s - length``.

    A gap ``s_j >= s_i + g`` becomes ``s'_i >= s'_j + g + length_j - length_i``; money
    periods are mirrored too.  Scheduling it forwards schedules the original backwards.
    """
    length = p.length
    gaps: list[list[tuple[int, int]]] = [[] for _ in range(p.n)]
    for j, gs in enumerate(p.gaps):
        for i, g in gs:
            gaps[i].append((j, g + length[j] - length[i]))
    pools = []
    far = end + sum(length) + 1  # a period with no ceiling after day *end* of the mirror
    for pool in p.pools:
        bounds = [end - b for b in reversed(pool.bounds)]
        pools.append(Pool([*bounds, max(far, bounds[-1] + 1)], [*reversed(pool.ceiling), None],
                          pool.cost, [*reversed(pool.fixed), 0]))  # fmt: skip
    release = [end - p.release[j] - length[j] if j in p.pinned else 0 for j in range(p.n)]
    return Project(length, gaps, release, demand=p.demand, capacity=p.capacity, pools=pools,
                   pinned=p.pinned)  # fmt: skip


def _justify_mirrored(p: Project, s: Schedule, horizon: int) -> Schedule:
    """Double justification through the mirrored project (for projects with money pools)."""
    end = s.makespan
    mirror = _mirror(p, end)
    by_finish = sorted(range(p.n), key=lambda j: (-(s.start[j] + p.length[j]), -p.position[j]))
    back = serial(mirror, by_finish, max(horizon, end + sum(p.length) + 1))
    right = [end - back.start[j] - p.length[j] for j in range(p.n)]
    if any(right[j] < p.release[j] for j in range(p.n)):
        return s
    left = serial(p, sorted(range(p.n), key=lambda j: (right[j], p.position[j])), horizon)
    return left if (left.late, left.makespan) <= (s.late, s.makespan) else s


def _regret_list(p: Project, priority: Sequence[int], rng: random.Random) -> list[int]:
    """A precedence-feasible list, drawn with regret-based biased random sampling.

    The eligible activity with the least *priority* (latest finish time) is the most
    likely; each weighs ``(max - own + 1)`` over the eligible set.
    """
    indegree = [len(g) for g in p.gaps]
    eligible = [j for j in range(p.n) if not indegree[j]]
    out = []
    while eligible:
        worst = max(priority[j] for j in eligible)
        weights = [worst - priority[j] + 1 for j in eligible]
        pick = rng.choices(range(len(eligible)), weights)[0]
        j = eligible.pop(pick)
        out.append(j)
        for k, _ in p.succs[j]:
            indegree[k] -= 1
            if not indegree[k]:
                eligible.append(k)
    return out


def _crossover(mother: list[int], father: list[int], rng: random.Random) -> list[int]:
    """One-point crossover of activity lists: stays precedence-feasible."""
    cut = rng.randrange(1, len(mother)) if len(mother) > 1 else 0
    head = mother[:cut]
    seen = set(head)
    return head + [j for j in father if j not in seen]


def _mutate(p: Project, child: list[int], rate: float, rng: random.Random) -> None:
    """Swap neighbours that are not linked, each with probability *rate*."""
    linked = p.succs
    for k in range(len(child) - 1):
        if rng.random() < rate:
            a, b = child[k], child[k + 1]
            if all(s != b for s, _ in linked[a]):
                child[k], child[k + 1] = b, a


Objective = Callable[[Schedule], tuple[int, ...]]


def search(
    p: Project,
    *,
    horizon: int,
    objective: Objective | None = None,
    schedules: int = 5000,
    seconds: float | None = None,
    seed: int = 0,
    population: int = 120,
    mutation: float | None = None,
    start: Sequence[Sequence[int]] = (),
) -> tuple[Schedule, int]:
    """The best schedule found, and how many schedules were generated.

    *objective* ranks schedules (smaller is better; by default lateness, then makespan);
    the search stops after *schedules* (a justification counts two) or *seconds*.
    *start* are activity lists to seed the population with (a previous solution).
    *mutation* is the chance of swapping each pair of neighbours in a child; by default
    0.05, and 0.3 with money pools, whose many equally long schedules call for more
    diversity (measured on the PSPLIB budget variant of ``bench/bench_level.py``).
    """
    rank = objective or (lambda s: (s.late, s.makespan))
    swap = (0.3 if p.pools else 0.05) if mutation is None else mutation
    rng = random.Random(seed)
    deadline = None if seconds is None else time.perf_counter() + seconds
    lft = _latest_finish(p, horizon)
    used = 0

    def decode(order: list[int]) -> tuple[tuple[int, ...], list[int], Schedule]:
        nonlocal used
        s = serial(p, order, horizon)
        used += 1
        s = justify(p, s, horizon)
        used += 2  # the right and the left pass
        # The list that the (justified) schedule's start order gives: what children inherit.
        at = {j: k for k, j in enumerate(order)}
        listed = sorted(range(p.n), key=lambda j: (s.start[j], at[j]))
        return rank(s), listed, s

    pop = [decode(list(o)) for o in start]
    pop.append(decode(sorted(range(p.n), key=lambda j: (lft[j], p.position[j]))))
    while len(pop) < population and used < schedules:
        pop.append(decode(_regret_list(p, lft, rng)))
    pop.sort(key=lambda x: x[0])
    best = pop[0]
    while used < schedules and (deadline is None or time.perf_counter() < deadline):
        rng.shuffle(pop)
        children = []
        for k in range(0, len(pop) - 1, 2):
            for a, b in ((pop[k][1], pop[k + 1][1]), (pop[k + 1][1], pop[k][1])):
                child = _crossover(a, b, rng)
                _mutate(p, child, swap, rng)
                children.append(decode(child))
        pop = sorted(pop + children, key=lambda x: x[0])[:population]
        if pop[0][0] < best[0]:
            best = pop[0]
    return best[2], used


def _latest_finish(p: Project, horizon: int) -> list[int]:
    """Latest finish of every activity by the critical path, backwards from *horizon*."""
    lf = [horizon] * p.n
    for j in reversed(p.order):
        for k, g in p.succs[j]:
            bound = lf[k] - p.length[k] - g + p.length[j]
            if bound < lf[j]:
                lf[j] = bound
    return lf
