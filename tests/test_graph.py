"""Tests of roadmap.graph: the networkx graph and cycle detection."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given

from roadmap import ItemError, build_graph, find_cycle, is_acyclic
from tests.conftest import make_plan, task
from tests.strategies import dags


def test_nodes_and_edges_carry_the_model() -> None:
    """Edges run from predecessor to successor with type, lag and the link."""
    plan = make_plan(task("A"), task("B", depends_on=[{"id": "A", "type": "FF", "lag": 3}]))
    g = build_graph(plan)
    assert g.nodes["A"]["item"] is plan["A"]
    assert g.edges["A", "B"]["type"] == "FF"
    assert g.edges["A", "B"]["lag"].fixed_days == 3
    assert nx.ancestors(g, "B") == {"A"}


def test_parallel_links_are_kept() -> None:
    """Two links between the same pair are both listed."""
    plan = make_plan(task("A"), task("B", depends_on=["A", {"id": "A", "type": "SS"}]))
    assert [link.type for link in build_graph(plan).edges["A", "B"]["links"]] == ["FS", "SS"]


def test_graph_may_hold_a_cycle() -> None:
    """A cyclic plan still builds, so users can inspect it."""
    g = build_graph(make_plan(task("A", depends_on=["B"]), task("B", depends_on=["A"])))
    assert not nx.is_directed_acyclic_graph(g)


def test_unknown_and_duplicate_ids() -> None:
    """Unknown references and duplicates are refused by name."""
    with pytest.raises(ItemError, match="unknown item 'Z'"):
        build_graph(make_plan(task("A", depends_on=["Z"])))
    with pytest.raises(ItemError, match="duplicate"):
        build_graph(make_plan(task("A"), task("A")))


def test_find_cycle_none_and_self() -> None:
    """No cycle gives None; a self-link is a cycle of one."""
    assert find_cycle(make_plan(task("A"), task("B", depends_on=["A"]))) is None
    assert find_cycle(make_plan(task("A", depends_on=["A"]))) == ["A", "A"]
    assert not is_acyclic(make_plan(task("A", depends_on=["A"])))


def test_cycle_starts_at_its_first_item_in_plan_order() -> None:
    """The reported cycle is rotated to begin at its earliest plan item."""
    plan = make_plan(
        task("x"),
        task("c", depends_on=["b"]),
        task("a", depends_on=["c"]),
        task("b", depends_on=["a"]),
    )
    assert find_cycle(plan) == ["c", "a", "b", "c"]


@given(dags())
def test_graph_matches_plan(plan: object) -> None:
    """The graph has one node per item and is acyclic for acyclic plans."""
    g = build_graph(plan)  # type: ignore[arg-type]
    assert g.number_of_nodes() == len(plan)  # type: ignore[arg-type]
    assert nx.is_directed_acyclic_graph(g)
    assert is_acyclic(plan)  # type: ignore[arg-type]
