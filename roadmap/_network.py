"""The plan as integer arrays: what the scheduler and the cycle finder run on.

Ids become indices, links become ``(predecessor, type code, lag)`` triples, and fixed
durations and lags become plain integers of days.  Calendar units stay
:class:`~roadmap.dates.Duration` objects, resolved by the scheduler at the item's dates.
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmap.dates import Duration
from roadmap.errors import CycleError, ItemError
from roadmap.model import Initiative, Milestone, Roadmap

FS, SS, FF, SF = 0, 1, 2, 3
TYPE_CODES = {"FS": FS, "SS": SS, "FF": FF, "SF": SF}

Lag = int | Duration
Link = tuple[int, int, Lag]


class Network:
    """Adjacency lists of a plan, indexed by item position in :attr:`Roadmap.items`."""

    __slots__ = ("ids", "index", "items", "order", "preds")

    def __init__(self, plan: Roadmap) -> None:
        items: tuple[Initiative | Milestone, ...] = plan.items
        index: dict[str, int] = {}
        for i, item in enumerate(items):
            if index.setdefault(item.id, i) != i:
                raise ItemError("duplicate id; every item needs its own id", item=item.id)
        preds: list[list[Link]] = []
        codes = TYPE_CODES
        for item in items:
            row: list[Link] = []
            for link in item.links:
                p = index.get(link.id)
                if p is None:
                    raise ItemError(
                        f"depends on unknown item {link.id!r}", item=item.id, field="depends_on"
                    )
                fixed = link.lag.fixed_days
                row.append((p, codes[link.type], link.lag if fixed is None else fixed))
            preds.append(row)
        self.items = items
        self.ids = [item.id for item in items]
        self.index = index
        self.preds = preds
        self.order = topological_order(preds)
        if len(self.order) < len(items):
            raise CycleError([self.ids[i] for i in find_cycle(preds, self.order)])


def topological_order(preds: Sequence[Sequence[Link]]) -> list[int]:
    """Kahn's order of the nodes; shorter than the node count when there is a cycle."""
    n = len(preds)
    succ: list[list[int]] = [[] for _ in range(n)]
    indeg = [0] * n
    for s, row in enumerate(preds):
        indeg[s] = len(row)
        for link in row:
            succ[link[0]].append(s)
    order = [i for i in range(n) if not indeg[i]]
    for i in order:  # the list grows while we walk it
        for s in succ[i]:
            indeg[s] -= 1
            if not indeg[s]:
                order.append(s)
    return order


def find_cycle(preds: Sequence[Sequence[Link]], order: Sequence[int]) -> list[int]:
    """One whole cycle among the nodes Kahn's order could not place, closed and in link order.

    Every node left out of the order has a predecessor that is also left out, so walking
    predecessors from any of them must come back to a node already seen.  The cycle is
    rotated to start at its node earliest in the plan.
    """
    placed = set(order)
    left = [i for i in range(len(preds)) if i not in placed]
    if not left:
        return []
    seen: dict[int, int] = {}
    path: list[int] = []
    node = left[0]
    while node not in seen:
        seen[node] = len(path)
        path.append(node)
        node = next(link[0] for link in preds[node] if link[0] not in placed)
    cycle = path[seen[node] :][::-1]  # walked backwards: reverse into dependency order
    first = cycle.index(min(cycle))
    cycle = cycle[first:] + cycle[:first]
    return [*cycle, cycle[0]]
