"""The S-curve (*kurva S*): cost-weighted cumulative progress, planned and actual."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import matplotlib as mpl
from matplotlib.figure import Figure

from roadmap._i18n import Language
from roadmap.budget import s_curve
from roadmap.model import Roadmap
from roadmap.plot._style import CRITICAL, GRID, PALETTE, STYLE, WORDS, date_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_s_curve", "s_curve_figure"]


def plot_s_curve(
    plan: Roadmap,
    *,
    ax: Axes | None = None,
    language: Language | None = None,
    status_date: date | None = None,
) -> Axes:
    """Draw the S-curve (*kurva S*): cost-weighted cumulative progress, planned and actual.

    The planned curve weighs every initiative by its share of the budget; the actual point
    is the cost-weighted ``progress`` the plan records, drawn at *status_date*.
    """
    import matplotlib.pyplot as plt

    lang: Language = language or plan.language
    words = WORDS[lang]
    if ax is None:
        ax = plt.gca()
    days, ys = s_curve(plan)
    off = date_number(0)
    xs = [d.toordinal() + off for d in days]
    ax.xaxis_date()
    with mpl.rc_context(STYLE):
        ax.plot(
            xs,
            [100 * y for y in ys],
            color=PALETTE[0],
            linewidth=1.6,
            label=words["planned"],
            gid="planned",
        )
        recorded = [i for i in plan.initiatives if i.progress > 0]
        if recorded and status_date is not None:
            weights = {i.id: float(i.budget_amount or 0) for i in plan.initiatives}
            total = sum(weights.values()) or float(len(weights))
            if not sum(weights.values()):
                weights = dict.fromkeys(weights, 1.0)
            actual = sum(weights[i.id] * i.progress for i in plan.initiatives) / total
            x = status_date.toordinal() + 1 + off
            ax.plot(
                [xs[0], x],
                [0, 100 * actual],
                color=PALETTE[1],
                linewidth=1.6,
                linestyle="--",
                marker="o",
                markevery=[1],
                label=words["actual"],
                gid="actual",
            )
            ax.axvline(x, color=CRITICAL, linestyle=":", linewidth=0.8)
        years = range(days[0].year, days[-1].year + 2)
        ticks = [date(y, 1, 1).toordinal() + off for y in years]
        ax.set_xticks(ticks)
        ax.set_xticklabels([str(y) for y in years])
        ax.set_xlim(xs[0], xs[-1])
        ax.set_ylim(0, 100)
        ax.set_ylabel(f"{words['cumulative']} (%)")
        ax.grid(color=GRID, linewidth=0.5)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(frameon=False, fontsize=7, loc="upper left")
    return ax


def s_curve_figure(
    plan: Roadmap,
    *,
    language: Language | None = None,
    status_date: date | None = None,
    title: str | None = None,
    size: tuple[float, float] = (8.27, 4.6),
) -> Figure:
    """The S-curve as a figure of its own (figure-level): A4 wide, title on top."""
    fig = Figure(figsize=size)
    ax = fig.add_axes((0.1, 0.1, 0.86, 0.8))
    plot_s_curve(plan, ax=ax, language=language, status_date=status_date)
    fig.text(0.02, 0.97, title if title is not None else plan.name, fontsize=10,
             fontweight="bold", va="top")  # fmt: skip
    return fig
