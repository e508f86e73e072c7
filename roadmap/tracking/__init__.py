"""Tracking a living roadmap: actuals, baselines, re-forecast, earned value, plan diffs.

- :func:`forecast`: the schedule re-forecast at the status date from the actuals;
- :func:`status`: baseline against forecast per item, earned value and earned schedule for
  the roadmap and by group;
- :func:`make_baseline`, :func:`with_baseline`: freeze the planned dates and budgets;
- :func:`diff`: what changed between two versions of a plan;
- :func:`milestone_slip`: every milestone's forecast at each status date (the slip chart).

See ``docs/concepts/tracking.md`` for the rules, worked step by step.
"""

from __future__ import annotations

from roadmap.tracking.actuals import Actuals, State
from roadmap.tracking.diff import Change, PlanDiff, Shift, diff
from roadmap.tracking.earned import EarnedValue, PvCurve, earned_schedule, earned_value
from roadmap.tracking.forecast import (
    forecast,
    forecast_plan,
    make_baseline,
    stored_baseline,
    with_baseline,
)
from roadmap.tracking.slip import MilestoneSlip, SlipLine, milestone_slip, period_ends
from roadmap.tracking.status import (
    BY,
    ItemStatus,
    ProgressCurve,
    Status,
    StatusBy,
    progress_curve,
    status,
)

__all__ = [
    "BY", "Actuals", "Change", "EarnedValue", "ItemStatus", "MilestoneSlip", "PlanDiff",
    "ProgressCurve", "PvCurve", "Shift", "SlipLine", "State", "Status", "StatusBy", "diff",
    "earned_schedule", "earned_value", "forecast", "forecast_plan", "make_baseline",
    "milestone_slip", "period_ends", "progress_curve", "status", "stored_baseline",
    "with_baseline",
]  # fmt: skip
