"""Run the rules: :func:`check` and :data:`RULES`, the rule families in their order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from roadmap._i18n import Language
from roadmap.checks import (
    budgets,
    capacity,
    hygiene,
    indicators,
    indonesian,
    phases,
    programmes,
    scheduling,
    structure,
    timing,
    tracking,
)
from roadmap.checks.context import Context, Rule
from roadmap.checks.report import SEVERITIES, Finding, Report
from roadmap.model import Roadmap

__all__ = ["FAMILIES", "RULES", "check"]

#: The rule families in the order they run: structure first (an error there means the
#: plan is not scheduled), the outcome of scheduling last.  ``docs/reference/checks.md``
#: documents the rules in this order.
FAMILIES = (
    structure, timing, phases, budgets, capacity, indonesian, programmes, indicators, tracking,
    hygiene, scheduling,
)  # fmt: skip

#: Every rule by code, in the order they run and are documented.
RULES: dict[str, Rule] = {r.code: r for family in FAMILIES for r in family.RULES}


def check(
    plan: Roadmap,
    *,
    ceilings: Mapping[Any, Any] | None = None,
    language: Language | None = None,
    rules: Iterable[str] | None = None,
    behind: tuple[float, float, float] = (0.70, 0.10, 0.05),
) -> Report:
    """Check a plan and return every finding; never raises for a problem in the plan.

    Parameters
    ----------
    plan
        The roadmap.
    ceilings
        Budget ceilings to check against instead of the plan's own, in the shape of the
        plan file's ``[ceilings]`` table: ``{2020: 8_000_000_000, "funding": {"APBD":
        {2020: 6_000_000_000}}}``.
    language
        ``"en"`` or ``"id"``: the language of messages and hints; by default the plan's
        (a plan is Indonesian unless it says ``language = "en"``).
    rules
        Codes of the rules to run; by default all of :data:`RULES`.
    behind
        The *kontrak kritis* thresholds of the ``behind-plan`` rule: physical progress more
        than ``behind[1]`` behind plan while planned progress is at most ``behind[0]``, or
        more than ``behind[2]`` behind above it (default 70 %, 10 and 5 points).

    Returns
    -------
    Report

    Raises
    ------
    ValueError
        For an unknown language or rule code (a call that makes no sense), never for the
        plan: a plan that cannot be scheduled gets a finding.
    """
    if language is None:
        language = plan.language
    if language not in ("en", "id"):
        raise ValueError(f"language must be 'en' or 'id', got {language!r}")
    selected = set(RULES) if rules is None else set(rules)
    for code in selected:
        if code not in RULES:
            raise ValueError(f"unknown rule {code!r}; known: {', '.join(RULES)}")
    ctx = Context(plan, language, ceilings, {code: r.severity for code, r in RULES.items()}, behind)
    found: list[Finding] = []
    for code, r in RULES.items():
        if code not in selected:
            continue
        new = list(r.fn(ctx))
        if r.structural and any(f.severity == "error" for f in new):
            ctx.structural = True
        found.extend(new)
    order = {s: k for k, s in enumerate(SEVERITIES)}
    rank = {code: k for k, code in enumerate(RULES)}
    found.sort(key=lambda f: (order[f.severity], rank[f.code]))
    return Report(roadmap=plan.name, language=language, findings=tuple(found))
