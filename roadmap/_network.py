"""The plan as flat integer arrays: what the scheduler and the cycle finder run on.

Ids become indices and links become rows of parallel flat lists in compressed sparse row
(CSR) form: the links into item ``i`` are rows ``first[i]`` to ``first[i + 1] - 1`` of
``src`` (predecessor index), ``code`` (link type) and ``lag`` (an integer number of days,
or a :class:`~roadmap.dates.Duration` in calendar units that the scheduler resolves).

Flat lists of integers, rather than a tuple per link and a list per item, keep the number
of container objects small: at 100,000 items the cyclic garbage collector otherwise spends
more time rescanning the plan than the passes take.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from itertools import accumulate, chain, compress, count, repeat
from operator import attrgetter, is_

from roadmap.dates import Duration
from roadmap.errors import CycleError, ItemError, did_you_mean
from roadmap.model import Initiative, Milestone, Roadmap

FS, SS, FF, SF = 0, 1, 2, 3
_get_id = attrgetter("id")
_get_links = attrgetter("links")
_get_depends_on = attrgetter("depends_on")
_get_after = attrgetter("after")
_get_type = attrgetter("type")
_get_lag = attrgetter("lag")
_get_fixed_days = attrgetter("fixed_days")
TYPE_CODES = {"FS": FS, "SS": SS, "FF": FF, "SF": SF}


class Network:
    """Links of a plan in CSR form, indexed by item position in :attr:`Roadmap.items`."""

    __slots__ = (
        "cal_lag", "code", "deadline", "dkind", "durs", "first", "general", "ids", "index",
        "items", "lag", "lag_days", "order", "snet", "src", "workdays",
    )  # fmt: skip

    lag_days: list[int]
    cal_lag: bytearray

    code: list[int]
    lag: list[int | Duration]
    ids: tuple[str, ...]
    index: Mapping[str, int]
    first: list[int]
    src: list[int]
    order: list[int]
    #: Positions of the items with a duration or a lag in workdays (they need a calendar).
    workdays: set[int]

    def __init__(self, plan: Roadmap) -> None:
        items: tuple[Initiative | Milestone, ...] = plan.items
        ids = plan.ids
        index = plan.positions
        if len(index) < len(ids):
            seen: set[str] = set()
            for id in ids:
                if id in seen:
                    raise ItemError("duplicate id; every item needs its own id", item=id)
                seen.add(id)
        # C-level maps over one flat list of links: several times faster than a loop of
        # appends, and no container per link.
        # An item's links are its depends_on, and a milestone's 'after' first when set.
        after = any(map(_get_after, plan.milestones))
        rows = list(map(_get_links if after else _get_depends_on, items))
        links = list(chain.from_iterable(rows))
        first = [0, *accumulate(map(len, rows))]
        try:
            src = list(map(index.__getitem__, map(_get_id, links)))
        except KeyError:
            raise _unknown_link(items, index) from None
        self.code = list(map(TYPE_CODES.__getitem__, map(_get_type, links)))
        lag_objects = list(map(_get_lag, links))
        fixed = list(map(_get_fixed_days, lag_objects))
        # Fixed lags as days; a calendar lag is resolved by the scheduler (0 stands in).
        self.lag = [x if f is None else f for x, f in zip(lag_objects, fixed, strict=True)]
        self.lag_days = [0 if f is None else f for f in fixed]
        # Items with at least one calendar lag take the slower path in the forward pass.
        cal_lag = bytearray(len(items))
        self.workdays = set()
        for k in compress(count(), map(is_, fixed, repeat(None))):  # the few, found in C
            i = bisect_right(first, k) - 1
            cal_lag[i] = 1
            if lag_objects[k].workdays:
                self.workdays.add(i)
        self.cal_lag = cal_lag
        self.items = items
        self.ids = ids
        self.index = index
        self.first = first
        self.src = src
        self.order, cycle = topological_order(first, src)
        if cycle is not None:
            raise CycleError([ids[i] for i in cycle])
        self._item_inputs(plan)

    def _item_inputs(self, plan: Roadmap) -> None:
        """Durations, earliest starts and deadlines.

        ``dkind[i]`` says how to read ``durs[i]``: 0 a number of days, 1 a number of
        months (calendar arithmetic), 2 a general duration kept in ``general[i]``.
        """
        floor = plan.start.toordinal()
        n = len(self.items)
        # Phases that hold their items back to their start (phase_start = "constrain").
        held = {
            p.id: p.start.toordinal() for p in plan.phases
            if p.start is not None and (p.phase_start or plan.phase_start) == "constrain"
        }  # fmt: skip
        durs = [0] * n
        dkind = bytearray(n)
        general: dict[int, Duration] = {}
        snet = [floor] * n
        deadline: dict[int, int] = {}
        for i, item in enumerate(self.items):
            if item.kind == "initiative":
                span = item.duration
                if span is None:  # from start and finish
                    span = item.span
                fixed = span.fixed_days
                if fixed is not None and fixed <= 0:
                    raise ItemError(
                        f"finish {item.finish} is before start {item.start}",
                        item=item.id,
                        field="finish",
                    )
                if fixed is not None:
                    durs[i] = fixed
                elif not (span.weeks or span.days or span.workdays):
                    durs[i] = span.total_months
                    dkind[i] = 1
                else:
                    general[i] = span
                    dkind[i] = 2
                    if span.workdays:
                        self.workdays.add(i)
                if item.start is not None:
                    snet[i] = max(floor, item.start.toordinal())
                elif held and item.phase in held:
                    snet[i] = max(floor, held[item.phase])
            else:
                assert isinstance(item, Milestone)
                # Reached at the end of a day: never before the roadmap's first day.
                planned = floor if item.date is None else max(floor, item.date.toordinal())
                snet[i] = planned + 1
            if item.deadline is not None:
                deadline[i] = item.deadline.toordinal() + 1
        self.durs = durs
        self.dkind = dkind
        self.general = general
        self.snet = snet
        self.deadline = deadline


def network(plan: Roadmap) -> Network:
    """The compiled network of *plan*, built once and kept on the (immutable) plan."""
    net = plan._network
    if net is None:
        net = Network(plan)
        object.__setattr__(plan, "_network", net)
    assert isinstance(net, Network)
    return net


def _unknown_link(items: tuple[Initiative | Milestone, ...], index: Mapping[str, int]) -> ItemError:
    for item in items:
        for link in item.links:
            if link.id not in index:
                return ItemError(
                    f"depends on unknown item {link.id!r}{did_you_mean(link.id, index)}",
                    item=item.id, field="depends_on",
                )  # fmt: skip
    raise AssertionError("no unknown link")  # pragma: no cover


def topological_order(first: list[int], src: list[int]) -> tuple[list[int], list[int] | None]:
    """A dependency order of the nodes, or the first cycle met.

    Depth-first search over predecessor lists: a node is placed once all its predecessors
    are.  It needs no successor lists, costs one cheap scan when the plan is already
    written in dependency order, and when it meets a node that is still on its stack the
    stack *is* the cycle.

    Returns
    -------
    order, cycle
        ``cycle`` is ``None``, or the node indices of one whole cycle in dependency order,
        closed (first repeated at the end) and rotated to start at its lowest index; then
        ``order`` is incomplete.
    """
    n = len(first) - 1
    state = bytearray(n)  # 0 new, 1 on the stack, 2 placed
    order: list[int] = []
    place = order.append
    for root in range(n):
        if state[root]:
            continue
        for k in range(first[root], first[root + 1]):
            if state[src[k]] != 2:
                break
        else:  # every predecessor placed: the common case of a plan in dependency order
            state[root] = 2
            place(root)
            continue
        stack = [root]
        cursor = [first[root]]
        state[root] = 1
        while stack:
            i = stack[-1]
            k = cursor[-1]
            end = first[i + 1]
            while k < end:
                p = src[k]
                k += 1
                s = state[p]
                if s == 0:
                    cursor[-1] = k
                    stack.append(p)
                    cursor.append(first[p])
                    state[p] = 1
                    break
                if s == 1:  # p is on the stack: the stack from p to i, and back
                    loop = stack[stack.index(p) :][::-1]
                    low = loop.index(min(loop))
                    loop = loop[low:] + loop[:low]
                    return order, [*loop, loop[0]]
            else:
                state[i] = 2
                place(i)
                stack.pop()
                cursor.pop()
    return order, None
