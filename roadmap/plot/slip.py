"""The milestone slip chart (milestone trend analysis): forecasts per status date."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import matplotlib as mpl
from matplotlib.figure import Figure

from roadmap._i18n import Language
from roadmap.plot._style import (
    CRITICAL,
    GRID,
    INK,
    PALETTE,
    STYLE,
    WORDS,
    date_number,
    titled_figure,
)
from roadmap.tracking.slip import MilestoneSlip

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_milestone_slip", "slip_figure"]

_MONTHS = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def plot_milestone_slip(
    slip: MilestoneSlip, *, ax: Axes | None = None, language: Language = "id"
) -> Axes:
    """Draw the milestone slip chart: each milestone's forecast date at every status date.

    The status dates run along the bottom and the forecast dates up the side, on the same
    scale.  A milestone that holds its date is a flat line; one that slips climbs; a
    line ends on the grey diagonal on the day the milestone is reached.  The label at the
    end of a line gives its slip from the baseline in days.  A small open circle on
    the left marks each baseline date; a red cross a deadline.

    Examples
    --------
    >>> from datetime import date
    >>> from roadmap.tracking import MilestoneSlip, SlipLine
    >>> slip = MilestoneSlip(roadmap="x", status_dates=(date(2021, 3, 31), date(2021, 6, 30)),
    ...     lines=(SlipLine(id="M1", name="m", baseline=date(2021, 9, 30), deadline=None,
    ...                     forecasts=(date(2021, 9, 30), date(2021, 11, 15))),))
    >>> ax = plot_milestone_slip(slip)
    >>> [line.get_gid() for line in ax.lines]
    ['diagonal', 'slip-M1', 'baseline-M1']
    """
    import matplotlib.pyplot as plt

    words = WORDS[language]
    if ax is None:
        ax = plt.gca()
    off = date_number(0)

    def x(d: date) -> float:
        return d.toordinal() + off

    every = [d for line in slip.lines for d in (*line.forecasts, line.baseline, line.deadline)]
    known = [d for d in every if d is not None] + list(slip.status_dates)
    if not slip.status_dates or not slip.lines:
        ax.text(0.5, 0.5, words["no_milestones"], transform=ax.transAxes, ha="center")
        ax.set_axis_off()
        return ax
    low, high = min(known), max(known)
    span = max((high - low).days, 30)
    first, last = x(slip.status_dates[0]), x(slip.status_dates[-1])
    left = first - max(0.04 * (last - first), 20)
    ax.xaxis_date()
    ax.yaxis_date()
    with mpl.rc_context(STYLE):
        ax.plot([left, last], [left, last], color=GRID, linewidth=1.2, gid="diagonal")
        for k, line in enumerate(slip.lines):
            colour = PALETTE[k % len(PALETTE)]
            points: list[tuple[float, float]] = []
            for d, f in zip(slip.status_dates, line.forecasts, strict=True):
                if f is None:
                    continue
                if f <= d:  # reached: the line ends on the diagonal, on its day
                    points.append((x(f), x(f)))
                    break
                points.append((x(d), x(f)))
            if not points:
                continue
            ax.plot([p[0] for p in points], [p[1] for p in points], color=colour,
                    marker="o", markersize=3, linewidth=1.4, label=f"{line.id} {line.name}",
                    gid=f"slip-{line.id}")  # fmt: skip
            moved = line.slip_days
            tag = line.id if not moved else f"{line.id} {words['slip_days'].format(days=moved)}"
            ax.annotate(tag, points[-1], xytext=(4, 0), textcoords="offset points",
                        va="center", fontsize=7, color=INK)  # fmt: skip
            if line.baseline is not None:
                ax.plot([left], [x(line.baseline)], marker="o", markersize=4, color=colour,
                        markerfacecolor="white", gid=f"baseline-{line.id}")  # fmt: skip
            if line.deadline is not None:
                ax.plot([left], [x(line.deadline)], marker="x", markersize=5, color=CRITICAL,
                        gid=f"deadline-{line.id}")  # fmt: skip
        ax.set_xlim(left - 10, last + 0.08 * (last - left) + 10)
        ax.set_ylim(x(low) - 0.05 * span, x(high) + 0.05 * span)
        months = _MONTHS[language]
        ax.set_xticks([x(d) for d in slip.status_dates])
        ax.set_xticklabels([f"{months[d.month - 1]}\n{d.year}" for d in slip.status_dates])
        years = range(low.year, high.year + 2)
        ax.set_yticks([x(date(y, 1, 1)) for y in years])
        ax.set_yticklabels([str(y) for y in years])
        ax.set_xlabel(words["status"])
        ax.set_ylabel(words["forecast"])
        ax.grid(color=GRID, linewidth=0.5)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(frameon=False, fontsize=7, loc="upper left")
    return ax


def slip_figure(
    slip: MilestoneSlip,
    *,
    language: Language = "id",
    title: str | None = None,
    size: tuple[float, float] = (8.27, 4.6),
) -> Figure:
    """The milestone slip chart as a figure of its own: A4 wide, title on top."""
    heading = title if title is not None else f"{slip.roadmap}: {WORDS[language]['slip']}"
    fig, ax = titled_figure(size, (0.1, 0.14, 0.86, 0.76), heading)
    plot_milestone_slip(slip, ax=ax, language=language)
    return fig
