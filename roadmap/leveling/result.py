"""What leveling did: the leveled plan, the moves and their reasons, before and after."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Literal

import attrs

from roadmap.model import Roadmap

__all__ = ["LevelResult", "Move"]


@attrs.frozen(kw_only=True)
class Move:
    """One item started later: from its first day to its new first day (inclusive dates).

    ``reason`` names what kept it from starting a day earlier: ``"year 2020"`` (a fiscal
    year's ceiling, with ``funding APBD`` and the like for a group's), ``"resource
    analis_TI"``, ``"owner Diskominfo"``, or ``"dependency"`` (a predecessor that moved).
    """

    id: str
    name: str
    before: date
    after: date
    reason: str

    @property
    def days(self) -> int:
        """How many days later it starts."""
        return (self.after - self.before).days


@attrs.frozen(kw_only=True, eq=False)
class LevelResult:
    """The result of :func:`roadmap.level`.

    Attributes
    ----------
    plan
        The leveled plan: the input with new planned starts where something moved (and
        only there); ``None`` when no feasible plan was found.
    feasible
        Whether every ceiling, capacity, deadline and the end of the period hold.
    reason
        Why no feasible plan exists (or was found), in the plan's language; empty when
        feasible.
    moves
        The items that start later, in date order.
    finish_before, finish_after
        The roadmap's last day before and after.
    budgets
        ``{(kind, name): {year: (before, after, ceiling)}}`` for every ceiling: the total
        (``("", "")``) and each group's.
    capacity
        ``{(kind, name): (peak before, peak after, capacity)}``.
    method
        ``"heuristic"`` or ``"exact"``.
    optimal
        For an exact run: the solver proved the objective optimal.
    gap
        For an exact run: the relative gap between the solution and the solver's bound.
    schedules
        How many schedules the heuristic generated.
    seconds
        The time it took.
    """

    plan: Roadmap | None
    feasible: bool
    reason: str
    moves: tuple[Move, ...]
    finish_before: date
    finish_after: date | None
    budgets: Mapping[tuple[str, str], Mapping[int, tuple[int, int, int | None]]]
    capacity: Mapping[tuple[str, str], tuple[int, int, int]]
    method: Literal["heuristic", "exact"]
    objective: Literal["finish", "least_change"]
    optimal: bool | None = None
    gap: float | None = None
    schedules: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The JSON tree of ``roadmap level --format json``."""
        return {
            "feasible": self.feasible,
            "reason": self.reason,
            "method": self.method,
            "objective": self.objective,
            "optimal": self.optimal,
            "gap": self.gap,
            "finish_before": self.finish_before.isoformat(),
            "finish_after": None if self.finish_after is None else self.finish_after.isoformat(),
            "moves": [
                {"id": m.id, "from": m.before.isoformat(), "to": m.after.isoformat(),
                 "days": m.days, "reason": m.reason}
                for m in self.moves
            ],
            "budgets": [
                {"group": kind, "name": name, "year": year, "before": b, "after": a,
                 "ceiling": c}
                for (kind, name), years in self.budgets.items()
                for year, (b, a, c) in years.items()
            ],
            "capacity": [
                {"kind": kind, "name": name, "peak_before": b, "peak_after": a, "capacity": c}
                for (kind, name), (b, a, c) in self.capacity.items()
            ],
            "schedules": self.schedules,
            "seconds": round(self.seconds, 3),
        }  # fmt: skip
