"""The budget chart: stacked bars per fiscal year by group, against the ceilings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import matplotlib as mpl
from matplotlib.figure import Figure

from roadmap._i18n import Language
from roadmap.budget import budget_by
from roadmap.model import Roadmap
from roadmap.money import format_money
from roadmap.plot._style import (
    CRITICAL,
    GRID,
    NONE_COLOUR,
    STYLE,
    WORDS,
    group_colours,
    group_hatches,
    titled_figure,
    truncate,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["budget_figure", "plot_budget"]


def plot_budget(
    plan: Roadmap,
    *,
    ax: Axes | None = None,
    by: Literal["dimension", "funding", "owner", "phase"] = "dimension",
    language: Language | None = None,
) -> Axes:
    """Stacked bars of the budget per fiscal year by group, with the ceiling line.

    Years above their ceiling are outlined in red and labelled with the amount over.  Each
    group has the colour it has in every chart of the plan (a dimension the same as in the
    Gantt chart) and a hatch of its own, so the stacks stay apart on a black-and-white copy.
    """
    import matplotlib.pyplot as plt

    lang: Language = language or plan.language
    words = WORDS[lang]
    if ax is None:
        ax = plt.gca()
    table = budget_by(plan, by)
    years = list(table.years)
    totals = table.totals()
    unit = 10**9 if max(totals.values(), default=0) >= 10**9 else 10**6
    unit_word = {10**9: {"id": "miliar", "en": "billion"}, 10**6: {"id": "juta",
                 "en": "million"}}[unit][lang]  # fmt: skip
    with mpl.rc_context(STYLE):
        bottom = [0.0] * len(years)
        colours, hatches = group_colours(plan, by), group_hatches(plan, by)
        for name, amounts in table.groups.items():
            heights = [amounts.get(y, 0) / unit for y in years]
            ax.bar(
                years,
                heights,
                bottom=bottom,
                color=colours.get(name, NONE_COLOUR),
                hatch=hatches.get(name, ""),
                edgecolor="white",
                linewidth=0.4,
                label=truncate(name, 30),
                width=0.7,
                gid=f"budget-{name}",
            )
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        ceilings = [table.ceilings.get(y) for y in years]
        if any(c is not None for c in ceilings):
            xs, ys = [], []
            for y, c in zip(years, ceilings, strict=True):
                if c is not None:
                    xs += [y - 0.45, y + 0.45, float("nan")]
                    ys += [c / unit, c / unit, float("nan")]
            ax.plot(xs, ys, color=CRITICAL, linewidth=1.5, label=words["ceiling"], gid="ceiling")
        for y, c in zip(years, ceilings, strict=True):
            if c is not None and totals.get(y, 0) > c:
                over = totals[y] - c
                ax.bar(
                    [y],
                    [totals[y] / unit],
                    width=0.74,
                    fill=False,
                    edgecolor=CRITICAL,
                    linewidth=1.6,
                    gid="over-ceiling",
                )
                ax.annotate(
                    f"+{format_money(over, words=True, language=lang)}\n{words['over']}",
                    (y, totals[y] / unit),
                    textcoords="offset points",
                    xytext=(0, 3),
                    ha="center",
                    va="bottom",
                    fontsize=6.5,
                    color=CRITICAL,
                )
        # Headroom for the over-ceiling labels above the tallest bar or ceiling.
        peak = max([*totals.values(), *(c for c in ceilings if c is not None), 1])
        ax.set_ylim(0, peak / unit * 1.18)
        ax.set_xticks(years)
        ax.set_xticklabels([str(y) for y in years])
        ax.set_xlabel(words["fiscal_year"])
        currency = "Rp" if plan.currency == "IDR" and lang == "id" else plan.currency
        ax.set_ylabel(f"{words['budget']} ({currency} {unit_word})")
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color=GRID, linewidth=0.5)
        ax.set_axisbelow(True)
        ax.legend(
            frameon=False, fontsize=6.5, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3
        )
    return ax


def budget_figure(
    plan: Roadmap,
    *,
    by: Literal["dimension", "funding", "owner", "phase"] = "dimension",
    language: Language | None = None,
    title: str | None = None,
    size: tuple[float, float] = (8.27, 5.0),
) -> Figure:
    """The budget chart as a figure of its own (figure-level): A4 wide, title on top.

    Room below the axes grows with the legend, so that no label is clipped.
    """
    n_groups = len(budget_by(plan, by).groups) + 1  # and the ceiling
    legend_rows = -(-n_groups // 3)
    bottom = (0.55 + 0.16 * legend_rows) / size[1]
    fig, ax = titled_figure(size, (0.11, bottom, 0.86, 0.86 - bottom),
                            title if title is not None else plan.name)  # fmt: skip
    plot_budget(plan, ax=ax, by=by, language=language)
    legend = ax.get_legend()
    if legend is not None:  # the legend goes to the bottom of the page, below the years
        handles, labels = ax.get_legend_handles_labels()
        legend.remove()
        with mpl.rc_context(STYLE):  # names are text, not TeX
            fig.legend(handles, labels, loc="lower center", bbox_to_anchor=(0.5, 0.02),
                       ncol=3, frameon=False, fontsize=6.5)  # fmt: skip
    return fig
