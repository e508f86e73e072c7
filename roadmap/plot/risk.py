"""Charts of a simulation: the finish distribution, the drivers, the spend per year."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import matplotlib as mpl
import numpy as np
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
    truncate,
)
from roadmap.risk import RiskResult

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["RISK_CHARTS", "RiskChart", "plot_risk", "risk_figure"]

RiskChart = Literal["finish", "drivers", "spend"]
#: The charts of :func:`plot_risk`.
RISK_CHARTS: tuple[RiskChart, ...] = ("finish", "drivers", "spend")


def plot_risk(
    result: RiskResult,
    chart: RiskChart = "finish",
    *,
    ax: Axes | None = None,
    language: Language = "id",
) -> Axes:
    """Draw one chart of a simulation on *ax*.

    ``"finish"``: a histogram of the finish dates with the cumulative share (right axis),
    the P10, P50, P80 and P90 dates, the deterministic (CPM) finish dashed and the end of
    the period in red.  ``"drivers"``: a tornado of the items whose length moves the
    finish most (Spearman rank correlation), each labelled with how often it is
    critical.  ``"spend"``: per fiscal year the P10-P90 band and the P50 of spend, the
    plan's amounts and the ceilings.

    Examples
    --------
    >>> import roadmap as rm
    >>> plan = rm.loads('''
    ... [roadmap]
    ... name = "x"
    ... start = 2019-01-01
    ... [[initiatives]]
    ... id = "A"
    ... name = "a"
    ... duration = 100
    ... duration_range = [80, 180]
    ... ''')
    >>> import matplotlib.pyplot as plt
    >>> ax = plot_risk(rm.simulate(plan, samples=500, seed=1), ax=plt.figure().gca())
    >>> sorted(line.get_gid() for line in ax.lines if line.get_gid())
    ['deterministic', 'p10', 'p50', 'p80', 'p90']
    >>> plt.close("all")
    """
    import matplotlib.pyplot as plt

    if ax is None:
        ax = plt.gca()
    with mpl.rc_context(STYLE):
        if chart == "finish":
            _finish(result, ax, language)
        elif chart == "drivers":
            _drivers(result, ax, language)
        elif chart == "spend":
            _spend(result, ax, language)
        else:
            raise ValueError(f"unknown chart {chart!r}; choose one of {', '.join(RISK_CHARTS)}")
    return ax


def _finish(result: RiskResult, ax: Axes, language: Language) -> None:
    words = WORDS[language]
    off = date_number(0)
    last = result.finish_days - 1 + off  # inclusive last days, in chart units
    low, high = float(last.min()), float(last.max())
    bins = max(1, min(60, int(high - low) + 1))
    ax.xaxis_date()
    ax.hist(last, bins=bins, color=PALETTE[0], alpha=0.55, gid="histogram")
    ax.set_ylabel(words["samples"])
    ax.set_xlabel(words["finish"])
    ax.spines[["top"]].set_visible(False)
    right = ax.twinx()
    ordered = np.sort(last)
    share = np.arange(1, len(ordered) + 1) / len(ordered)
    right.plot(ordered, share, color=INK, linewidth=1.2, gid="cdf")
    right.set_ylim(0, 1.02)
    right.set_ylabel(words["share"])
    right.yaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0))
    right.spines[["top"]].set_visible(False)
    ax.figure.sca(ax)  # the twin must not become the current axes of the caller
    top = ax.get_ylim()[1]
    for key in ("p10", "p50", "p80", "p90"):
        x = result.finish[key].toordinal() + off
        ax.axvline(x, color=INK, linewidth=0.8, linestyle=":", gid=key)
        ax.text(x, top, f"{key.upper()} {result.finish[key]:%d-%m-%Y} ", fontsize=6,
                va="top", ha="right", rotation=90, color=INK)  # fmt: skip
    det = result.deterministic.toordinal() + off
    label = f"{words['deterministic']} = P{result.deterministic_percentile:.0f}"
    ax.axvline(det, color=PALETTE[1], linestyle="--", linewidth=1.2, gid="deterministic",
               label=label)  # fmt: skip
    if result.end is not None:
        end = result.end.toordinal() + off
        ax.axvline(end, color=CRITICAL, linewidth=1.2, gid="end",
                   label=f"{words['end']}: {result.p_end:.0%}")  # fmt: skip
        low = min(low, end)
        high = max(high, end)
    pad = max(5.0, 0.04 * (high - low))
    ax.set_xlim(low - pad, high + pad)
    ax.legend(frameon=False, fontsize=7, loc="center right")
    ax.grid(color=GRID, linewidth=0.5, axis="y")


def _drivers(result: RiskResult, ax: Axes, language: Language) -> None:
    words = WORDS[language]
    top = result.drivers(10)
    if not top:
        ax.text(0.5, 0.5, words["no_spread"], transform=ax.transAxes, ha="center")
        ax.set_axis_off()
        return
    rows = list(reversed(top))  # the strongest on top
    values = [i.cruciality or 0.0 for i in rows]
    ys = range(len(rows))
    ax.barh(ys, values, color=[PALETTE[0] if v >= 0 else PALETTE[1] for v in values],
            height=0.6, gid="drivers")  # fmt: skip
    ax.set_yticks(list(ys))
    ax.set_yticklabels([f"{i.id} {truncate(i.name, 38)}" for i in rows])
    for y, item, v in zip(ys, rows, values, strict=True):
        ax.text(v, y, f" {item.criticality:.0%} {words['criticality']}", va="center",
                ha="left" if v >= 0 else "right", fontsize=6, color=INK)  # fmt: skip
    ax.axvline(0, color=INK, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_xlim(min(0.0, min(values) - 0.1), max(1.0, max(values) + 0.3))
    ax.set_xlabel(words["cruciality"])
    ax.grid(color=GRID, linewidth=0.5, axis="x")
    ax.spines[["top", "right"]].set_visible(False)


def _spend(result: RiskResult, ax: Axes, language: Language) -> None:
    words = WORDS[language]
    years = [y for y in result.years if y.planned or y.mean or y.ceiling]
    if not years:
        ax.text(0.5, 0.5, words["no_spread"], transform=ax.transAxes, ha="center")
        ax.set_axis_off()
        return
    peak = max(max(y.p80, y.planned, y.ceiling or 0) for y in years)
    unit = 10**9 if peak >= 10**9 else 10**6
    xs = [y.year for y in years]
    spend = [result.spend.get(y.year, np.zeros(1)) / unit for y in years]
    low = [float(np.quantile(s, 0.1)) for s in spend]
    high = [float(np.quantile(s, 0.9)) for s in spend]
    ax.bar(xs, [h - lo for lo, h in zip(low, high, strict=True)], bottom=low, width=0.5,
           color=PALETTE[0], alpha=0.35, label=words["band"], gid="band")  # fmt: skip
    ax.plot(xs, [y.p50 / unit for y in years], color=PALETTE[0], marker="o", markersize=4,
            linestyle="none", label="P50", gid="p50")  # fmt: skip
    ax.plot(xs, [y.planned / unit for y in years], color=INK, marker="_", markersize=14,
            markeredgewidth=1.2, linestyle="none", label=words["planned"],
            gid="planned")  # fmt: skip
    ceilings = [(y.year, y.ceiling / unit) for y in years if y.ceiling is not None]
    ax.set_xlim(min(xs) - 0.6, max(xs) + 0.6)
    if ceilings:
        ax.plot([c[0] for c in ceilings], [c[1] for c in ceilings], color=CRITICAL,
                marker="_", markersize=24, markeredgewidth=2, linestyle="none",
                label=words["ceiling"], gid="ceilings")  # fmt: skip
        for year, ceiling in ceilings:
            p = next(y.p_over for y in years if y.year == year)
            if p:
                ax.annotate(f"{p:.0%}", (year, ceiling), xytext=(0, 4),
                            textcoords="offset points", ha="center", fontsize=6,
                            color=CRITICAL)  # fmt: skip
    ax.set_xticks(xs)
    ax.set_xlabel(words["fiscal_year"])
    word = {10**9: ("miliar", "billion"), 10**6: ("juta", "million")}[unit]
    currency = "Rp" if result.currency == "IDR" and language == "id" else result.currency
    ax.set_ylabel(f"{words['budget']} ({currency} {word[0 if language == 'id' else 1]})")
    ax.set_ylim(bottom=0)
    ax.grid(color=GRID, linewidth=0.5, axis="y")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=7, loc="upper right")


def risk_figure(
    result: RiskResult,
    chart: RiskChart = "finish",
    *,
    language: Language = "id",
    title: str | None = None,
    size: tuple[float, float] = (8.27, 4.6),
) -> Figure:
    """One chart of :func:`plot_risk` as a figure of its own: A4 wide, title on top."""
    words = WORDS[language]
    heading = title if title is not None else f"{result.name}: {words[f'risk_{chart}']}"
    rect = (0.3, 0.12, 0.66, 0.78) if chart == "drivers" else (0.1, 0.13, 0.8, 0.77)
    fig, ax = titled_figure(size, rect, heading)
    plot_risk(result, chart, ax=ax, language=language)
    return fig
