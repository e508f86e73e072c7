"""Charts for planning documents: Gantt, budget per fiscal year, S-curve, slip chart, risk.

This is the only package that imports matplotlib.  The ``plot_*`` functions are
axes-level: they draw on ``ax`` (or the current axes), return it, and never call
``plt.show()`` or ``savefig``.  :func:`save_gantt` is figure-level: it sizes A4 or A3
pages and writes PNG, SVG or PDF (a long roadmap continues on further PDF pages with
repeated headers), with fixed metadata so the same plan gives the same bytes.
"""

from __future__ import annotations

from roadmap.plot._style import PALETTE, figure_bytes, group_colours, save_figure
from roadmap.plot.budget import budget_figure, plot_budget
from roadmap.plot.gantt import gantt_pages, plot_gantt, render_gantt, save_gantt
from roadmap.plot.level import level_figure, plot_level
from roadmap.plot.risk import RISK_CHARTS, plot_risk, risk_figure
from roadmap.plot.scurve import plot_s_curve, s_curve_figure
from roadmap.plot.slip import plot_milestone_slip, slip_figure

__all__ = [
    "PALETTE", "RISK_CHARTS", "budget_figure", "figure_bytes", "gantt_pages", "group_colours",
    "level_figure", "plot_budget", "plot_gantt", "plot_level", "plot_milestone_slip", "plot_risk",
    "plot_s_curve", "render_gantt", "risk_figure", "s_curve_figure", "save_figure", "save_gantt",
    "slip_figure",
]  # fmt: skip
