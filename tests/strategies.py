"""Hypothesis strategies: random acyclic plans and plans with a planted cycle."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from roadmap import Dependency, Duration, Initiative, Milestone, Roadmap

START = date(2019, 1, 1)

day_durations = st.integers(1, 90).map(lambda n: Duration(days=n))
month_durations = st.integers(1, 14).map(lambda n: Duration(months=n))
durations = st.one_of(
    day_durations, month_durations, st.integers(1, 4).map(lambda n: Duration(quarters=n))
)
lags = st.one_of(
    st.just(Duration()),
    st.integers(-20, 40).map(lambda n: Duration(days=n)),
    st.integers(-2, 3).map(lambda n: Duration(months=n)),
)
link_types = st.sampled_from(["FS", "SS", "FF", "SF"])


@st.composite
def dags(
    draw: st.DrawFn,
    max_items: int = 14,
    types: st.SearchStrategy[str] = link_types,
    lag: st.SearchStrategy[Duration] = lags,
    with_deadlines: bool = False,
    with_milestones: bool = True,
) -> Roadmap:
    """An acyclic plan: links only point from an earlier to a later item of a hidden order."""
    n = draw(st.integers(1, max_items))
    ids = [f"T{i}" for i in range(n)]
    kinds = [
        "milestone" if with_milestones and draw(st.integers(0, 5)) == 0 else "initiative"
        for _ in ids
    ]
    items: list[Initiative | Milestone] = []
    for i, id in enumerate(ids):
        preds = draw(st.lists(st.integers(0, i - 1), max_size=3, unique=True)) if i else []
        links = [Dependency(id=ids[p], type=draw(types), lag=draw(lag)) for p in preds]
        planned = None
        if draw(st.integers(0, 3)) == 0:
            planned = START + timedelta(days=draw(st.integers(0, 400)))
        deadline = None
        if with_deadlines and draw(st.integers(0, 3)) == 0:
            deadline = START + timedelta(days=draw(st.integers(0, 600)))
        if kinds[i] == "milestone":
            items.append(
                Milestone(id=id, name=id, date=planned, depends_on=links, deadline=deadline)
            )
        else:
            items.append(
                Initiative(
                    id=id,
                    name=id,
                    duration=draw(durations),
                    start=planned,
                    depends_on=links,
                    deadline=deadline,
                )
            )
    order = draw(st.permutations(items))  # plan order differs from dependency order
    return Roadmap(
        name="random",
        start=START,
        initiatives=[i for i in order if isinstance(i, Initiative)],
        milestones=[m for m in order if isinstance(m, Milestone)],
    )


@st.composite
def cyclic_plans(draw: st.DrawFn) -> tuple[Roadmap, set[tuple[str, str]]]:
    """A plan with at least one cycle, and its set of (predecessor, successor) edges."""
    n = draw(st.integers(1, 10))
    ids = [f"C{i}" for i in range(n)]
    edges: set[tuple[str, str]] = set()
    cycle = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=n, unique=True))
    for a, b in zip(cycle, cycle[1:] + cycle[:1], strict=False):
        edges.add((a, b))
    for _ in range(draw(st.integers(0, 2 * n))):
        edges.add((draw(st.sampled_from(ids)), draw(st.sampled_from(ids))))
    items = [
        Initiative(
            id=id,
            name=id,
            duration=5,
            depends_on=[
                Dependency(id=a, type=draw(link_types)) for a, b in sorted(edges) if b == id
            ],
        )
        for id in ids
    ]
    return Roadmap(name="cyclic", start=START, initiatives=items), edges
