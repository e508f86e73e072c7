"""The budget per fiscal year before and after leveling, against the ceilings."""

from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib as mpl
from matplotlib.figure import Figure

from roadmap._i18n import Language
from roadmap.leveling import LevelResult
from roadmap.plot._style import CRITICAL, GRID, NONE_COLOUR, PALETTE, STYLE, WORDS, titled_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["level_figure", "plot_level"]

_LABELS = {"id": ("Sebelum pemerataan", "Sesudah pemerataan"),
           "en": ("Before leveling", "After leveling")}  # fmt: skip


def plot_level(
    result: LevelResult, *, ax: Axes | None = None, language: Language = "id",
    group: tuple[str, str] = ("", ""),
) -> Axes:  # fmt: skip
    """Bars of the budget per fiscal year before (grey) and after (colour) leveling.

    The ceiling of each year is a red line over its pair of bars; *group* picks the
    ceiling: the total (default) or ``("funding", "APBD")`` and the like.

    Examples
    --------
    >>> import roadmap as rm
    >>> import matplotlib.pyplot as plt
    >>> plan = rm.loads('''
    ... [roadmap]
    ... name = "x"
    ... start = 2019-11-01
    ... [ceilings]
    ... 2019 = 100
    ... [[initiatives]]
    ... id = "A"
    ... name = "a"
    ... duration = 61
    ... budget = 200
    ... ''')
    >>> ax = plot_level(rm.level(plan, method="heuristic"), ax=plt.figure().gca())
    >>> [float(bar.get_height()) for bar in ax.containers[1]]  # moved a month: 30 days in 2019
    [98.0, 102.0]
    >>> plt.close("all")
    """
    import matplotlib.pyplot as plt

    if ax is None:
        ax = plt.gca()
    words = WORDS[language]
    years_map = result.budgets.get(group, {})
    years = sorted(years_map)
    peak = max([v for y in years for v in years_map[y] if v is not None] + [1])
    unit = 10**9 if peak >= 10**9 else 10**6 if peak >= 10**6 else 1
    before = [years_map[y][0] / unit for y in years]
    after = [years_map[y][1] / unit for y in years]
    with mpl.rc_context(STYLE):
        ax.bar([y - 0.2 for y in years], before, width=0.4, color=NONE_COLOUR,
               label=_LABELS[language][0], gid="before")  # fmt: skip
        ax.bar([y + 0.2 for y in years], after, width=0.4, color=PALETTE[0],
               label=_LABELS[language][1], gid="after")  # fmt: skip
        xs: list[float] = []
        ys: list[float] = []
        for y in years:
            ceiling = years_map[y][2]
            if ceiling is not None:
                xs += [y - 0.45, y + 0.45, float("nan")]
                ys += [ceiling / unit] * 2 + [float("nan")]
        if xs:
            ax.plot(xs, ys, color=CRITICAL, linewidth=1.5, label=words["ceiling"], gid="ceiling")
        ax.set_xticks(years)
        ax.set_xticklabels([str(y) for y in years])
        ax.set_xlabel(words["fiscal_year"])
        word = {10**9: ("miliar", "billion"), 10**6: ("juta", "million"), 1: ("", "")}[unit]
        currency = "Rp" if language == "id" else "IDR"
        ax.set_ylabel(f"{words['budget']} ({currency} {word[0 if language == 'id' else 1]})"
                      .replace(" )", ")"))  # fmt: skip
        ax.grid(color=GRID, linewidth=0.5, axis="y")
        ax.set_axisbelow(True)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(frameon=False, fontsize=7, loc="upper right")
    return ax


def level_figure(
    result: LevelResult, *, language: Language = "id", title: str | None = None,
    name: str = "", size: tuple[float, float] = (8.27, 4.6),
) -> Figure:  # fmt: skip
    """:func:`plot_level` as a figure of its own: A4 wide, title on top."""
    words = {"id": "anggaran sebelum dan sesudah pemerataan",
             "en": "budget before and after leveling"}[language]  # fmt: skip
    heading = title if title is not None else f"{name}: {words}" if name else words
    fig, ax = titled_figure(size, (0.1, 0.13, 0.86, 0.77), heading)
    plot_level(result, ax=ax, language=language)
    return fig
