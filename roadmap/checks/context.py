"""What the rules share: :class:`Rule`, :func:`rule` and the :class:`Context`.

The context computes the schedule and the budgets once for every rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import cached_property
from typing import Any

import attrs

from roadmap._i18n import Language, long_date
from roadmap._network import network
from roadmap.budget import ItemYears, shared_allocations, source_allocations
from roadmap.checks.report import Finding, Severity
from roadmap.errors import RoadmapError
from roadmap.model import Roadmap, split_ceilings
from roadmap.money import format_money
from roadmap.scheduler import DayNumbers, Schedule, schedule
from roadmap.tracking import Status, status

__all__ = ["Check", "Context", "Rule", "rule"]

#: A rule's function: it reads the context and yields findings.
Check = Callable[["Context"], Iterable[Finding]]


@attrs.frozen(kw_only=True)
class Rule:
    """A check: code, severity, a one-line description per language, and its function.

    Attributes
    ----------
    code
        Stable identifier, e.g. ``"over-ceiling"``.
    severity
        The severity of every finding of the rule.
    title
        ``{"en": ..., "id": ...}``: what the rule finds, for the documentation.
    structural
        An error of this rule means the plan cannot be scheduled: the date and budget
        rules are skipped.
    fn
        The function.
    """

    code: str
    severity: Severity
    title: dict[str, str]
    structural: bool = False
    fn: Check = attrs.field(repr=False)


def rule(
    code: str, severity: Severity, en: str, id: str, *, structural: bool = False
) -> Callable[[Check], Rule]:
    """Make a rule of the decorated function, with its *code*, *severity* and descriptions.

    A rule family lists its rules in its module's ``RULES``; :data:`roadmap.checks.RULES`
    puts the families in order.
    """

    def make(fn: Check) -> Rule:
        return Rule(
            code=code, severity=severity, title={"en": en, "id": id}, structural=structural,
            fn=fn,
        )  # fmt: skip

    return make


class Context:
    """The plan, the language, and what rules compute once and share (schedule, budgets).

    Parameters
    ----------
    plan
        The roadmap.
    language
        Language of messages and hints.
    ceilings
        Ceilings to check against instead of the plan's, as in :func:`roadmap.check`.
    severities
        The severity of every rule, by code.
    """

    def __init__(
        self,
        plan: Roadmap,
        language: Language,
        ceilings: Mapping[Any, Any] | None,
        severities: Mapping[str, Severity],
        behind: tuple[float, float, float] = (0.70, 0.10, 0.05),
    ) -> None:
        self.plan = plan
        #: The kontrak kritis thresholds: (planned progress, gap up to it, gap above it).
        self.behind = behind
        self.lang = language
        self.severities = severities
        self.ceilings = dict(plan.ceilings)
        self.group_ceilings = {k: dict(v) for k, v in plan.group_ceilings.items()}
        if ceilings is not None:
            self.ceilings, self.group_ceilings = split_ceilings(ceilings)
        #: Set when a structure rule found an error: the plan is then not scheduled.
        self.structural = False
        #: Why the plan could not be scheduled: "structure", or the scheduler's message.
        self.why_not: str | None = None
        self._schedule: Schedule | None = None
        self._days: DayNumbers | None = None
        self._alloc: dict[str, dict[int, int]] | None = None
        self._by_source: dict[str, dict[str, dict[int, int]]] | None = None
        self._compiled: bool | None = None
        self._years: ItemYears | None = None
        self.year_totals: dict[int, int] = {}  # filled with the allocations

    def finding(
        self, code: str, subjects: Iterable[str], en: tuple[str, str], id: tuple[str, str]
    ) -> Finding:
        """A finding of rule *code*: (message, hint) in English and in Indonesian."""
        message, hint = id if self.lang == "id" else en
        return Finding(
            code=code,
            severity=self.severities[code],
            subjects=tuple(subjects),
            message=message,
            hint=hint,
        )

    def date(self, d: date) -> str:
        """A date in words: ``1 Maret 2019``."""
        return long_date(d, self.lang)

    def money(self, amount: int) -> str:
        """An amount in words: ``Rp1,5 miliar``."""
        return format_money(amount, words=True, language=self.lang, currency=self.plan.currency)

    @property
    def schedule(self) -> Schedule | None:
        """The plan's Schedule, or None when the plan cannot be scheduled (see ``why_not``)."""
        if self._schedule is None and self.why_not is None:
            if self.structural:
                self.why_not = "structure"
            else:
                try:
                    self._schedule = schedule(self.plan)
                except (RoadmapError, ValueError, OverflowError) as err:
                    # Dates beyond the calendar (year 10000) fail in date arithmetic.
                    self.why_not = str(err)
        return self._schedule

    @cached_property
    def tracking(self) -> Status | None:
        """The plan at its status date, or None without a status date or a schedule."""
        if self.plan.status_date is None or self.schedule is None:
            return None
        try:
            return status(self.plan)
        except (RoadmapError, ValueError, OverflowError):
            return None

    @property
    def days(self) -> DayNumbers:
        """The schedule's day numbers; only for rules that found a schedule."""
        if self._days is None:
            s = self.schedule
            assert s is not None
            self._days = s.days
        return self._days

    def shown(self, item_id: str) -> tuple[int, int]:
        """First and last day (inclusive day numbers) as shown; a milestone is its day."""
        days = self.days
        i = days.position[item_id]
        es, ef = days.early_start[i], days.early_finish[i]
        return (es - 1, es - 1) if es == ef else (es, ef - 1)

    def slack(self, item_id: str) -> int:
        """Total slack of an item in days."""
        days = self.days
        i = days.position[item_id]
        return days.late_start[i] - days.early_start[i]

    @property
    def compiled(self) -> bool:
        """True when the plan compiles: unique item ids, every link known, no cycle.

        The structure rules then skip their loops over every link; the compiled form is
        kept on the plan and reused by the schedule.
        """
        if self._compiled is None:
            try:
                network(self.plan)
                self._compiled = True
            except RoadmapError:
                self._compiled = False
        return self._compiled

    def fiscal_ranges(self) -> tuple[list[int], list[int]]:
        """First and last fiscal year of every item, by position in ``plan.items``."""
        if self._years is None:
            s = self.schedule
            assert s is not None
            self._years = ItemYears(s)
        return self._years.start_year, self._years.last_year

    def allocations(self) -> dict[str, dict[int, int]]:
        """Budget per item per fiscal year (spread by scheduled days), and year totals."""
        if self._alloc is None:
            self.fiscal_ranges()
            assert self._years is not None
            s = self.schedule
            assert s is not None
            self._alloc = shared_allocations(s, self._years)
            totals: dict[int, int] = {}
            for amounts in self._alloc.values():
                for y, v in amounts.items():
                    totals[y] = totals.get(y, 0) + v
            self.year_totals = totals
        return self._alloc

    def source_allocations(self) -> dict[str, dict[str, dict[int, int]]]:
        """Each funding source's share per fiscal year, of budgets shared by source."""
        if self._by_source is None:
            self.fiscal_ranges()
            assert self._years is not None
            assert self.schedule is not None
            self._by_source = source_allocations(self.schedule, self._years)
        return self._by_source

    def item_years(self, k: int) -> range:
        """The fiscal years in which the item at position *k* runs."""
        y0s, y1s = self.fiscal_ranges()
        return range(y0s[k], y1s[k] + 1)
