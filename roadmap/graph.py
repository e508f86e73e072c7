"""The plan as a :mod:`networkx` graph, and cycle detection.

:func:`build_graph` gives the graph users query (ancestors, descendants, paths, export);
the scheduler itself runs on integer arrays and never on networkx.  networkx is imported
only when a graph is built, so ``import roadmap`` stays fast.

Examples
--------
>>> from datetime import date
>>> from roadmap.model import Initiative, Roadmap
>>> plan = Roadmap(name="x", start=date(2019, 1, 1), initiatives=[
...     Initiative(id="a", name="A", duration=10, depends_on=["c"]),
...     Initiative(id="b", name="B", duration=10, depends_on=["a"]),
...     Initiative(id="c", name="C", duration=10, depends_on=[{"id": "b", "type": "SS"}]),
... ])
>>> find_cycle(plan)
['a', 'b', 'c', 'a']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from roadmap._network import Network
from roadmap.errors import CycleError, ItemError
from roadmap.model import Roadmap

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["build_graph", "find_cycle", "is_acyclic"]


def build_graph(plan: Roadmap) -> nx.DiGraph[str]:
    """Build the dependency graph of a plan.

    Nodes are item ids with the attributes ``item`` (the model object), ``kind`` and
    ``name``; an edge runs from predecessor to successor with ``type`` (FS/SS/FF/SF),
    ``lag`` (a :class:`~roadmap.dates.Duration`) and ``link`` (the
    :class:`~roadmap.model.Dependency`).  Two links between the same pair of items keep
    the first in the edge attributes and list all of them in ``links``.

    Raises
    ------
    roadmap.ItemError
        For a duplicate id or a link to an unknown item.  Cycles are allowed in the graph;
        see :func:`find_cycle`.

    Examples
    --------
    >>> from datetime import date
    >>> from roadmap.model import Initiative, Roadmap
    >>> plan = Roadmap(name="x", start=date(2019, 1, 1), initiatives=[
    ...     Initiative(id="a", name="A", duration=10),
    ...     Initiative(id="b", name="B", duration=10, depends_on=[{"id": "a", "type": "SS"}]),
    ... ])
    >>> g = build_graph(plan)
    >>> list(g.edges(data="type"))
    [('a', 'b', 'SS')]
    """
    import networkx as nx

    graph: nx.DiGraph[str] = nx.DiGraph(name=plan.name)
    ids = set()
    for item in plan.items:
        if item.id in ids:
            raise ItemError("duplicate id; every item needs its own id", item=item.id)
        ids.add(item.id)
        graph.add_node(item.id, item=item, kind=item.kind, name=item.name)
    for item in plan.items:
        for link in item.links:
            if link.id not in ids:
                raise ItemError(
                    f"depends on unknown item {link.id!r}", item=item.id, field="depends_on"
                )
            if graph.has_edge(link.id, item.id):
                graph.edges[link.id, item.id]["links"].append(link)
            else:
                graph.add_edge(
                    link.id, item.id, type=link.type, lag=link.lag, link=link, links=[link]
                )
    return graph


def find_cycle(plan: Roadmap) -> list[str] | None:
    """The first dependency cycle of a plan, whole and in order, or ``None``.

    Links of every type count, self-links included (``['a', 'a']``).  Runs in linear time:
    Kahn's order finds whether there is a cycle, and only the nodes it cannot place are
    searched.

    Raises
    ------
    roadmap.ItemError
        For a duplicate id or a link to an unknown item.
    """
    try:
        Network(plan)
    except CycleError as err:
        return err.cycle
    return None


def is_acyclic(plan: Roadmap) -> bool:
    """True when the plan's dependencies form no cycle.

    Examples
    --------
    >>> from datetime import date
    >>> is_acyclic(Roadmap(name="empty", start=date(2019, 1, 1)))
    True
    """
    return find_cycle(plan) is None
