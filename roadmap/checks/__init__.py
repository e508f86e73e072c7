"""Feasibility checks: every problem of a plan as a :class:`Finding`, never an exception.

:func:`check` runs every rule of :data:`RULES` and returns a :class:`Report`.  Each rule is
one small function in a family module (``structure``, ``timing``, ``phases``, ``budgets``,
``capacity``, ``indonesian``, ``tracking``, ``hygiene``, ``scheduling``); its code is
stable, its severity fixed, and
its message and hint (the concrete fix: a date, an amount, a link to drop) come in English
and Indonesian.  ``docs/reference/checks.md`` documents every rule, in the order of
:data:`RULES`.

Examples
--------
>>> from datetime import date
>>> from roadmap.model import Initiative, Roadmap
>>> plan = Roadmap(name="Demo", start=date(2019, 1, 1), end=date(2019, 12, 31), initiatives=[
...     Initiative(id="A", name="Masterplan", duration="6 months", owner="Diskominfo",
...                dimension="Smart Governance", budget=100_000_000),
...     Initiative(id="B", name="Perwako", duration="3 months", depends_on=["A"],
...                start="2019-05-01", owner="Bagian Hukum", dimension="Smart Governance",
...                budget=50_000_000),
... ])
>>> report = check(plan)  # in the plan's language: Indonesian unless it says otherwise
>>> report.ok
False
>>> [f.code for f in report]
['start-violates-dependency']
>>> print(report.findings[0].hint)
Geser rencana mulai B ke 1 Juli 2019, atau longgarkan/hapus tautan A -> B.
>>> print(check(plan, language="en").findings[0].hint)
Move the planned start of B to 1 July 2019, or relax or drop the link A -> B.
"""

from __future__ import annotations

from roadmap.checks.context import Context, Rule, rule
from roadmap.checks.report import SCHEMA, SEVERITIES, Finding, Report, Severity
from roadmap.checks.runner import FAMILIES, RULES, check

__all__ = [
    "FAMILIES", "RULES", "SCHEMA", "SEVERITIES", "Context", "Finding", "Report", "Rule",
    "Severity", "check", "rule",
]  # fmt: skip
