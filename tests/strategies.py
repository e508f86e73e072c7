"""Hypothesis strategies: random acyclic plans and plans with a planted cycle.

Plans mix every kind of duration (days, weeks, months, quarters, years, mixed units such as
``P1Y2M10D``, and workdays under a working-day calendar), lags and leads of each, all four
link types, planned starts, deadlines and budgets as totals or per fiscal year.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
from hypothesis import strategies as st

from roadmap import (
    Calendar,
    Dependency,
    Duration,
    Indicator,
    Initiative,
    Milestone,
    Phase,
    Programme,
    Roadmap,
)

START = date(2019, 1, 1)

day_durations = st.integers(1, 90).map(lambda n: Duration(days=n))
month_durations = st.integers(1, 14).map(lambda n: Duration(months=n))
mixed_durations = st.builds(
    Duration,
    years=st.integers(0, 1),
    months=st.integers(0, 5),
    weeks=st.integers(0, 3),
    days=st.integers(1, 20),
)
workday_durations = st.integers(1, 80).map(lambda n: Duration(workdays=n))
durations = st.one_of(
    day_durations,
    month_durations,
    st.integers(1, 4).map(lambda n: Duration(quarters=n)),
    st.integers(1, 3).map(lambda n: Duration(weeks=n)),
    mixed_durations,
)
lags = st.one_of(
    st.just(Duration()),
    st.integers(-20, 40).map(lambda n: Duration(days=n)),
    st.integers(-2, 3).map(lambda n: Duration(months=n)),
)
workday_lags = st.integers(-10, 15).map(lambda n: Duration(workdays=n))
link_types = st.sampled_from(["FS", "SS", "FF", "SF"])
calendars = st.builds(
    Calendar,
    weekend=st.sampled_from([("sat", "sun"), ("fri",), ("sun",)]),
    holidays=st.lists(st.integers(0, 900).map(lambda n: START + timedelta(days=n)), max_size=15),
)
budgets = st.one_of(
    st.none(),
    st.integers(0, 5_000_000_000),
    st.dictionaries(st.integers(2019, 2024), st.integers(0, 2_000_000_000), min_size=1,
                    max_size=4),
)  # fmt: skip


@st.composite
def dags(
    draw: st.DrawFn,
    max_items: int = 14,
    types: st.SearchStrategy[str] = link_types,
    lag: st.SearchStrategy[Duration] | None = None,
    with_deadlines: bool = False,
    with_milestones: bool = True,
    workdays: str = "with calendar",
) -> Roadmap:
    """An acyclic plan: links only point from an earlier to a later item of a hidden order.

    *lag*: the lags to draw; by default days and months, leads too, and workdays where
    durations may be in workdays.

    *workdays*: ``"with calendar"`` (a third of the plans get a working-day calendar, and
    only they have durations and lags in workdays), ``"anywhere"`` (workdays with or
    without a calendar: plans that may not schedule) or ``"never"``.
    """
    n = draw(st.integers(1, max_items))
    calendar = draw(st.one_of(st.none(), st.none(), calendars)) if workdays != "never" else None
    durations_ = durations
    if calendar is not None or workdays == "anywhere":
        durations_ = st.one_of(durations, workday_durations)
    if lag is None:  # the default lags, in workdays too where durations may be
        lag = lags if durations_ is durations else st.one_of(lags, workday_lags)
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
                    duration=draw(durations_),
                    start=planned,
                    depends_on=links,
                    deadline=deadline,
                    budget=draw(budgets),
                )
            )
    order = draw(st.permutations(items))  # plan order differs from dependency order
    return Roadmap(
        name="random",
        start=START,
        calendar=calendar,
        ceilings=draw(st.dictionaries(st.integers(2019, 2022), st.integers(0, 5_000_000_000))),
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


#: Text as people type it: Indonesian and other scripts, punctuation, a ';' (no control
#: characters, which a plan refuses).
texts = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"),
                           exclude_characters="\u2028\u2029\x85"),
    min_size=1, max_size=30,
).map(str.strip).filter(bool)  # fmt: skip
words = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz ", min_size=1,
                max_size=12).map(str.strip).filter(bool)  # fmt: skip
amounts = st.integers(0, 5_000_000_000)
source_budgets = st.one_of(
    st.dictionaries(st.sampled_from(["APBD", "DAK", "APBN", "CSR"]), amounts, min_size=1,
                    max_size=3),
    st.dictionaries(st.sampled_from(["APBD", "DAK", "APBN"]),
                    st.dictionaries(st.integers(2019, 2023), amounts, min_size=1, max_size=3),
                    min_size=1, max_size=3),
)  # fmt: skip


#: Nomenclature codes of every level and both sub kegiatan editions.
CODES = ("2.16.03", "2.16.03.2.02", "2.16.03.2.02.0014", "2.16.02.2.01.09", "2.21.02")


@st.composite
def rich_plans(draw: st.DrawFn) -> Roadmap:
    """A plan with every part a file carries.

    Phases, ceilings (total and per group), budgets as totals, per year and per funding
    source, funding, fractional progress, statuses, tags and notes, unicode and ';' in
    text, milestones anchored with ``after``, deadlines, all link types and month lags.
    """
    base = draw(dags(with_deadlines=True, workdays="never", max_items=8))
    phase_ids = draw(st.lists(st.sampled_from(["F1", "F2", "F3"]), unique=True, max_size=3))
    phases = [Phase(id=p, name=draw(texts), start=START + timedelta(days=365 * k),
                    end=START + timedelta(days=365 * k + 364))
              for k, p in enumerate(phase_ids)]  # fmt: skip
    initiatives = []
    for item in base.initiatives:
        changes: dict[str, object] = {
            "name": draw(texts), "phase": draw(st.sampled_from([None, *phase_ids])),
            "progress": draw(st.sampled_from([0.0, 0.333, 0.5, 1.0])),
            "status": draw(st.sampled_from(["not_started", "in_progress", "done"])),
            "tags": draw(st.lists(words, max_size=2, unique=True)),
            "description": draw(st.none() | texts),
            "notes": draw(st.dictionaries(st.sampled_from(["keterangan", "catatan"]), texts,
                                          max_size=2)),
            "dimension": draw(st.none() | st.sampled_from(["Smart Living", "Smart Economy"])),
            "owner": draw(st.none() | words),
            "programme": draw(st.none() | st.sampled_from(CODES)),
            "quick_win": draw(st.booleans()),
        }  # fmt: skip
        if draw(st.booleans()):
            changes.update(budget=None, funding=(), budget_shares=draw(source_budgets))
        else:
            changes["funding"] = draw(st.lists(st.sampled_from(["APBD", "DAK"]), unique=True,
                                               max_size=2))  # fmt: skip
        initiatives.append(attrs.evolve(item, **changes))  # type: ignore[misc]
    ids = [i.id for i in initiatives]
    needed = {link.id for i in base.items for link in i.links}  # after must not close a cycle
    milestones = [
        attrs.evolve(m, name=draw(texts), after=draw(st.sampled_from(ids)) if ids and not
                     m.depends_on and m.date is None and m.id not in needed else None)  # type: ignore[misc]
        for m in base.milestones
    ]  # fmt: skip
    codes = draw(st.lists(st.sampled_from(CODES), unique=True, max_size=3))
    programmes = [Programme(code=c, name=draw(texts), edition=draw(st.none() | words),
                            budget=draw(st.dictionaries(st.integers(2019, 2023), amounts,
                                                        max_size=2)))
                  for c in codes]  # fmt: skip
    values = st.integers(0, 1000).map(lambda n: n / 10)
    targets = st.one_of(values, st.tuples(values, values).map(lambda t: tuple(sorted(t))))
    indicators = [
        Indicator(id=f"I{k}", name=draw(texts), unit=draw(st.none() | words),
                  level=draw(st.none() | st.sampled_from(["goal", "target", "outcome"])),
                  items=draw(st.lists(st.sampled_from([*ids, *codes]), unique=True,
                                      max_size=2)) if ids or codes else (),
                  baseline=draw(st.none() | values),
                  targets=draw(st.dictionaries(st.integers(2019, 2023), targets, max_size=3)),
                  final=draw(st.none() | targets),
                  polarity=draw(st.sampled_from(["higher", "lower"])),
                  combine=draw(st.sampled_from(["sum", "last", "percent", "final"])),
                  realisations=draw(st.dictionaries(
                      st.sampled_from(["2019", "2020-TW1", "2020-TW3", "2021"]), values,
                      max_size=3)))
        for k in range(draw(st.integers(0, 2)))
    ]  # fmt: skip
    return attrs.evolve(
        base, name=draw(texts), phases=phases, initiatives=initiatives, milestones=milestones,
        programmes=programmes, indicators=indicators,
        language=draw(st.sampled_from(["id", "en"])),
        ceilings=draw(st.dictionaries(st.integers(2019, 2022), amounts, max_size=2)),
        group_ceilings=draw(st.sampled_from([{}, {"funding": {"APBD": {2019: 10**9}},
                                                  "owner": {"Dinas": {2020: 5}}}])),
    )  # fmt: skip
