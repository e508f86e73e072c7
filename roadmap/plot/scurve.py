"""The S-curve (*kurva S*): cost-weighted cumulative progress, planned and actual."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import matplotlib as mpl
from matplotlib.figure import Figure

from roadmap._i18n import Language
from roadmap.budget import s_curve
from roadmap.model import Roadmap
from roadmap.plot._style import CRITICAL, GRID, PALETTE, STYLE, WORDS, date_number, titled_figure

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

    The planned curve weighs every initiative by its share of the budget.  A plan with a
    ``status_date`` (tracked: :mod:`roadmap.tracking`) shows its baseline's planned curve,
    the actual physical progress (*realisasi fisik*, EV / BAC) and financial progress
    (*realisasi keuangan*, AC / BAC) month by month up to the status date, and the deviation
    (*deviasi*, physical minus planned) as bars on the right axis.  Otherwise the actual
    point is the cost-weighted ``progress`` the plan records, drawn at *status_date*.
    """
    import matplotlib.pyplot as plt

    lang: Language = language or plan.language
    words = WORDS[lang]
    if ax is None:
        ax = plt.gca()
    if plan.status_date is not None:
        _tracked(ax, plan, lang)
        return ax
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
    # A tracked plan has a deviation axis on the right: leave room for its label.
    width = 0.8 if plan.status_date is not None else 0.86
    fig, ax = titled_figure(size, (0.1, 0.1, width, 0.8),
                            title if title is not None else plan.name)  # fmt: skip
    plot_s_curve(plan, ax=ax, language=language, status_date=status_date)
    return fig


def _tracked(ax: Axes, plan: Roadmap, lang: Language) -> None:
    from roadmap.tracking import progress_curve

    words = WORDS[lang]
    curve = progress_curve(plan)
    off = date_number(0)
    ax.xaxis_date()

    def x(days: tuple[date, ...]) -> list[float]:
        return [d.toordinal() + 1 + off for d in days]  # at the end of each day

    with mpl.rc_context(STYLE):
        ax.plot(x(curve.dates), [100 * v for v in curve.planned], color=PALETTE[0],
                linewidth=1.6, label=words["planned"], gid="planned")  # fmt: skip
        ax.plot(x(curve.actual_dates), [100 * v for v in curve.physical], color=PALETTE[2],
                linewidth=1.6, marker="o", markersize=2.5, label=words["physical"],
                gid="physical")  # fmt: skip
        ax.plot(x(curve.actual_dates), [100 * v for v in curve.financial], color=PALETTE[1],
                linewidth=1.4, linestyle="--", label=words["financial"],
                gid="financial")  # fmt: skip
        status = curve.actual_dates[-1].toordinal() + 1 + off
        ax.axvline(status, color=CRITICAL, linestyle=":", linewidth=0.8, gid="status-date")
        right = ax.twinx()
        dev = [100 * v for v in curve.deviation]
        right.bar(x(curve.actual_dates), dev, width=20, color=[
            CRITICAL if v < 0 else PALETTE[2] for v in dev], alpha=0.45, label=words["deviation"],
            gid="deviation")  # fmt: skip
        limit = max(5.0, *(abs(v) for v in dev)) * 1.2
        right.set_ylim(-limit, limit)
        right.set_ylabel(f"{words['deviation']} (%)")
        right.axhline(0, color=GRID, linewidth=0.6)
        right.spines[["top"]].set_visible(False)
        years = range(curve.dates[0].year, curve.dates[-1].year + 2)
        ax.set_xticks([date(y, 1, 1).toordinal() + off for y in years])
        ax.set_xticklabels([str(y) for y in years])
        ax.set_xlim(curve.dates[0].toordinal() + off - 31, curve.dates[-1].toordinal() + 1 + off)
        ax.set_ylim(0, 100)
        ax.set_ylabel(f"{words['cumulative']} (%)")
        ax.grid(color=GRID, linewidth=0.5)
        ax.spines[["top"]].set_visible(False)
        handles, labels = ax.get_legend_handles_labels()
        more, more_labels = right.get_legend_handles_labels()
        ax.legend(handles + more, labels + more_labels, frameon=False, fontsize=7,
                  loc="upper left")  # fmt: skip
