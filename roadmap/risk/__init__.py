"""Schedule and budget risk: Monte Carlo simulation of a roadmap (needs numpy).

:func:`simulate` draws the plan's three-point durations and costs, its risk register and
correlations, and schedules every sample by the critical path method; :class:`RiskResult`
holds the P-dates of the finish, milestones and phases, the chance of meeting each deadline
and the roadmap's end, the drivers of the finish and the spend per fiscal year against the
ceilings.  numpy is imported here and nowhere else in the layers below the charts.

The modules: ``engine`` (the vectorised passes and calendar arithmetic), ``sampling``
(the plan's uncertainty and the random draws), ``result`` (:class:`RiskResult`) and
``simulation`` (:func:`simulate`).
"""

from roadmap.risk.result import LEVELS, PERCENTILES, ItemRisk, RiskImpact, RiskResult, YearRisk
from roadmap.risk.simulation import simulate

__all__ = ["LEVELS", "PERCENTILES", "ItemRisk", "RiskImpact", "RiskResult", "YearRisk", "simulate"]
