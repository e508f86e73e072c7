"""The Gantt chart: :func:`plot_gantt` (axes-level) and :func:`save_gantt` (pages).

Bars cover their days from the start of the first to the end of the last day, and a
milestone sits at the end of its day.  The x axis is in matplotlib's date units, so dates
a user adds (``ax.axvline(date(2021, 1, 1))``) land where they belong.  Labels come in
Indonesian (``language="id"``: *Jan ... Agu ... Des*, *TW I*) or English.
"""

from __future__ import annotations

import io
import os
import textwrap
from collections.abc import Sequence
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Literal, cast

import attrs
import matplotlib as mpl
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.transforms import offset_copy

from roadmap._files import atomic_write
from roadmap._i18n import MONTHS_SHORT, QUARTERS, Language, long_date
from roadmap.errors import ChartError
from roadmap.model import Baseline, Initiative, Milestone, Roadmap, program_of
from roadmap.money import format_money
from roadmap.plot._style import (
    CRITICAL,
    GRID,
    INK,
    LANE,
    NONE_COLOUR,
    PAPER,
    PDF_CORE,
    ROW_INCHES,
    STYLE,
    WORDS,
    GroupBy,
    date_number,
    figure_bytes,
    group_colours,
    quiet_font_lookup,
    truncate,
    wrap_label,
)
from roadmap.scheduler import Schedule, schedule
from roadmap.tracking import Actuals

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["MAX_PAGES", "Options", "gantt_pages", "plot_gantt", "render_gantt", "save_gantt"]

#: The most pages a Gantt chart is drawn on (about 6,000 rows of A4): a longer chart is
#: no document anyone reads, and drawing it takes many minutes.
MAX_PAGES = 200


class _Row:
    """One row of the chart: a lane header or an item."""

    __slots__ = ("end", "header", "id", "item", "label", "lane", "start")

    def __init__(
        self,
        *,
        label: str,
        lane: str,
        header: bool = False,
        id: str = "",
        item: Any = None,
        start: int = 0,
        end: int = 0,
    ) -> None:
        self.label, self.lane, self.header, self.id = label, lane, header, id
        self.item, self.start, self.end = item, start, end


def _lane_of(item: Initiative | Milestone, group_by: GroupBy, none: str) -> str:
    if group_by is None:
        return ""
    if group_by == "programme":  # the program (urusan.bidang.program) it is budgeted under
        code = item.programme if isinstance(item, Initiative) else None
        return none if code is None else program_of(code)
    value = getattr(item, group_by)
    return none if value is None else str(value)


def _rows(plan: Roadmap, sched: Schedule, group_by: GroupBy, language: Language) -> list[_Row]:
    """Lane headers and items, lanes in phase order (or first appearance), items by date."""
    none = WORDS[language]["none"]
    days = sched.days
    index, es, ef = days.position, days.early_start, days.early_finish
    lanes: dict[str, list[_Row]] = {}
    if group_by == "phase":
        for p in sorted(plan.phases, key=lambda p: p.start or date.max):
            lanes[p.id] = []
    for item in sorted(plan.items, key=lambda i: (es[index[i.id]], ef[index[i.id]])):
        i = index[item.id]
        start, end = es[i], ef[i]
        lane = _lane_of(item, group_by, none)
        star = "\u2605 " if isinstance(item, Initiative) and item.quick_win else ""
        lanes.setdefault(lane, []).append(
            _Row(
                label=f"{star}{item.id}  {item.name}",
                lane=lane,
                id=item.id,
                item=item,
                start=start,
                end=end,
            )
        )
    if none in lanes:  # items without a group: the last lane, not between two groups
        lanes[none] = lanes.pop(none)
    phases = {p.id: p.name for p in plan.phases}
    if group_by == "programme":
        phases = {p.code: p.name for p in plan.programmes}
    rows: list[_Row] = []
    for lane, members in lanes.items():
        if not members:
            continue
        if group_by is not None:
            named = group_by in ("phase", "programme") and lane in phases
            title = f"{lane}  {phases[lane]}" if named else lane
            rows.append(
                _Row(
                    label=title,
                    lane=lane,
                    header=True,
                    start=min(r.start for r in members),
                    end=max(r.end for r in members),
                )
            )
        rows.extend(members)
    return rows


# -- the Gantt chart --------------------------------------------------------------------


def plot_gantt(
    plan: Roadmap | Schedule,
    *,
    ax: Axes | None = None,
    group_by: GroupBy = "phase",
    language: Language | None = None,
    critical: bool = True,
    arrows: Literal["driving", "all", "none"] = "driving",
    status_date: date | None = None,
    baseline: Roadmap | Schedule | Baseline | None = None,
    budgets: bool = False,
    title: str | None = None,
    label_chars: int = 46,
    rows: slice | None = None,
) -> Axes:
    """Draw a Gantt chart of a plan on *ax* and return the axes.

    Parameters
    ----------
    plan
        A :class:`~roadmap.model.Roadmap` (scheduled here) or its
        :class:`~roadmap.scheduler.Schedule`.
    ax
        The axes to draw on; by default a new figure, A4-landscape wide and as tall as
        the rows need.
    group_by
        Swimlanes by ``"phase"`` (in phase order), ``"dimension"`` or ``"owner"``, or
        ``None`` for none.  Bars are coloured by lane.
    language
        ``"id"`` or ``"en"``; by default the plan's language.
    critical
        Outline critical items in red.
    arrows
        Dependency connectors: ``"driving"`` (the links that fixed each item's dates),
        ``"all"`` or ``"none"``.
    status_date
        Draw a status-date line (nothing is drawn for "today" unless asked).
    baseline
        A :class:`~roadmap.model.Baseline`, or a baseline plan (or schedule), whose dates
        are drawn as thin grey bars under the bars.
    budgets
        Write each initiative's budget in words at the end of its bar (``Rp1,5 miliar``).
    title
        Axes title.
    label_chars
        Characters per line of a row label: a longer label wraps to a second line, and
        only a label longer than two lines is cut with an ellipsis.
    rows
        A slice of the rows to draw (used for pages); the date range stays the whole plan's.

    Returns
    -------
    matplotlib.axes.Axes
        The x axis is in matplotlib's date units: ``ax.axvline(date(2021, 1, 1))`` marks
        1 January 2021.
    """
    import matplotlib.pyplot as plt

    sched = plan if isinstance(plan, Schedule) else schedule(plan)
    opts = Options(
        group_by=group_by, language=language or sched.plan.language, critical=critical,
        arrows=arrows, status_date=status_date, baseline=baseline, budgets=budgets,
        title=title, label_chars=label_chars,
    )  # fmt: skip
    all_rows = _rows(sched.plan, sched, group_by, opts.language)
    if ax is None:  # a figure of its own, as tall as the rows need: readable, not squeezed
        shown = len(all_rows[rows]) if rows is not None else len(all_rows)
        fig = plt.figure(figsize=(11.69, 1.9 + max(shown, 3) * ROW_INCHES))
        ax = _axes(fig, all_rows, opts)
    _draw(ax, sched, opts, all_rows, rows, 0, STYLE)
    return ax


@attrs.frozen(kw_only=True)
class Options:
    """What :func:`plot_gantt` draws; :func:`save_gantt` passes its keywords through here."""

    group_by: GroupBy = "phase"
    language: Language = "id"
    critical: bool = True
    arrows: Literal["driving", "all", "none"] = "driving"
    status_date: date | None = None
    baseline: Roadmap | Schedule | Baseline | None = None
    budgets: bool = False
    title: str | None = None
    label_chars: int = 46


def _draw(
    ax: Axes,
    sched: Schedule,
    opts: Options,
    all_rows: list[_Row],
    rows: slice | None,
    page_rows: int,
    style: Any,
) -> int:
    """Draw the rows *rows* of *all_rows*; a page keeps the height of *page_rows* rows.

    Returns the number of rows of the legend below the axes.
    """
    roadmap = sched.plan
    lang = opts.language
    group_by, critical, arrows = opts.group_by, opts.critical, opts.arrows
    status_date, baseline, budgets = opts.status_date, opts.baseline, opts.budgets
    words = WORDS[lang]
    shown = all_rows[rows] if rows is not None else all_rows
    if rows is not None and shown and not shown[0].header and group_by is not None:
        # A lane that goes on from the previous page repeats its header, marked as such.
        start = rows.start or 0
        head = next((r for r in reversed(all_rows[:start]) if r.header), None)
        if head is not None:
            more = " (lanjutan)" if lang == "id" else " (cont.)"
            shown = [
                _Row(
                    label=head.label + more,
                    lane=head.lane,
                    header=True,
                    start=head.start,
                    end=head.end,
                ),
                *shown,
            ]
    y_of = {r.id: k for k, r in enumerate(shown) if not r.header}
    lanes = list(dict.fromkeys(r.lane for r in all_rows))
    palette = group_colours(roadmap, group_by)  # the same colours as the budget chart
    colour = {lane: palette.get(lane, NONE_COLOUR) for lane in lanes}
    lane_titles = {r.lane: r.label for r in all_rows if r.header}

    lo = min((r.start for r in all_rows), default=roadmap.start.toordinal())
    hi = max((r.end for r in all_rows), default=lo + 1)
    lo = date(date.fromordinal(lo).year, 1, 1).toordinal()
    hi = date(date.fromordinal(max(hi - 1, lo)).year + 1, 1, 1).toordinal()
    pad = max(2.0, (hi - lo) * 0.004)
    # Room on the right for what ends on the last day: a diamond, a budget in words, or
    # how late an item is, so that no label is clipped.
    right = hi + (hi - lo) * 0.012
    root = ax.figure.canvas.figure
    assert isinstance(root, Figure)
    width_in = max(ax.get_position().width * root.get_figwidth(), 1.0)
    per_inch = (hi - lo) / width_in  # days per inch, near enough before the limits are set
    for r in shown:
        note = _bar_note(r, lang, roadmap.currency, budgets)
        if note:
            right = max(right, r.end + pad + len(note) * 0.047 * per_inch)  # 6 pt characters
    off = date_number(0)  # day numbers -> matplotlib date units
    ax.xaxis_date()  # date units: a date a user draws lands where it should

    with mpl.rc_context(style):
        _draw_calendar(ax, lo, hi, lang, roadmap.fiscal_year_start, off)
        _draw_lanes(ax, shown)
        bars, fills, edges, face = [], [], [], []
        crit_bars = []
        ms_x, ms_y, ms_c, ms_edge = [], [], [], []
        crit_ids = set(sched.critical)  # once, from the schedule's arrays
        actuals = Actuals(roadmap) if roadmap.status_date is not None else None
        for k, r in enumerate(shown):
            if r.header:
                continue
            is_crit = r.id in crit_ids
            if r.start == r.end:  # a milestone, at the end of its day
                ms_x.append(r.end + off)
                ms_y.append(k)
                ms_c.append(colour[r.lane])
                ms_edge.append(CRITICAL if critical and is_crit else INK)
                continue
            box = _box(r.start + off, r.end + off, k, 0.56)
            bars.append(box)
            face.append(colour[r.lane])
            edges.append(CRITICAL if critical and is_crit else "none")
            if critical and is_crit:
                crit_bars.append(r.id)
            if not isinstance(r.item, Initiative):
                progress = 0.0
            elif actuals is not None and roadmap.status_date is not None:
                progress = actuals.progress(r.item, roadmap.status_date)  # records count too
            else:
                progress = r.item.progress
            if progress > 0:
                x0 = r.start + off
                fills.append(_box(x0, x0 + (r.end - r.start) * progress, k, 0.22))
        headers = [
            _box(r.start + off, r.end + off, k, 0.12) for k, r in enumerate(shown) if r.header
        ]
        ax.add_collection(
            PolyCollection(
                headers, facecolors="#666666", edgecolors="none", gid="lane-spans", zorder=2
            )
        )
        ax.add_collection(
            PolyCollection(
                bars, facecolors=face, edgecolors=edges, linewidths=1.2, gid="bars", zorder=3
            )
        )
        ax.add_collection(
            PolyCollection(
                fills, facecolors="#00000066", edgecolors="none", gid="progress", zorder=4
            )
        )
        if ms_x:
            ax.scatter(
                ms_x,
                ms_y,
                marker="D",
                s=28,
                c=ms_c,
                edgecolors=ms_edge,
                linewidths=1.0,
                zorder=5,
                gid="milestones",
            )
        if baseline is not None:
            _draw_baseline(ax, baseline, shown, y_of, off)
        has_missed = _draw_deadlines(ax, shown, y_of, off)
        n_arrows = _draw_arrows(ax, sched, shown, y_of, arrows, pad, crit_ids, off)
        for k, r in enumerate(shown):
            note = _bar_note(r, lang, roadmap.currency, budgets)
            if note:
                late = _days_late(r) > 0
                ax.text(
                    r.end + off + pad,
                    k,
                    note,
                    va="center",
                    ha="left",
                    fontsize=6,
                    color=CRITICAL if late else INK,
                    gid="late-label" if late and not budgets else "budget-label",
                    clip_on=False,
                )
        if status_date is not None:
            x = status_date.toordinal() + 1 + off
            ax.axvline(
                x, color=CRITICAL, linestyle="--", linewidth=0.9, zorder=6, gid="status-date"
            )
            ax.text(
                x + pad,
                -0.75,
                f"{words['status']}: {long_date(status_date, lang)}",
                color=CRITICAL,
                ha="left",
                va="center",
                fontsize=6,
                gid="status-label",
            )
        # Row labels are plain texts left of the axes: a tick per row costs four artists.
        # One size for all: a little smaller when some wrap to two lines in a row's height.
        labels = [wrap_label(r.label, opts.label_chars) for r in all_rows]
        label_size = 6 if any("\n" in t for t in labels) else None
        ax.set_yticks([])
        trans = ax.get_yaxis_transform()
        for k, r in enumerate(shown):
            ax.text(
                -0.006,
                k,
                wrap_label(r.label, opts.label_chars),
                transform=trans,
                ha="right",
                va="center",
                fontsize=label_size,
                linespacing=1.0,
                fontweight="bold" if r.header else None,
                gid="lane-label" if r.header else "row-label",
                clip_on=False,
            )
        # A short last page keeps the row height of the others.
        ax.set_ylim(max(len(shown), page_rows) - 0.5, -1.2)
        ax.set_xlim(lo + off, right + off)
        for side in ("right", "left"):
            ax.spines[side].set_visible(False)
        if opts.title:
            ax.set_title(opts.title, loc="left", fontsize=10, fontweight="bold")
        legend_rows = _legend(
            ax,
            lanes,
            colour,
            lane_titles,
            group_by,
            words,
            has_crit=bool(crit_bars) and critical,
            has_ms=bool(ms_x),
            has_progress=bool(fills),
            arrows=arrows if n_arrows else "none",
            has_baseline=baseline is not None,
            has_deadline=any(getattr(r.item, "deadline", None) for r in shown),
            has_missed=has_missed,
        )
    return legend_rows


def _days_late(r: _Row) -> int:
    """Days a row's item finishes after its deadline (0 when on time or without one)."""
    deadline: date | None = getattr(r.item, "deadline", None)
    if r.header or deadline is None:
        return 0
    return max(0, r.end - (deadline.toordinal() + 1))


def _bar_note(r: _Row, lang: Language, currency: str, budgets: bool) -> str:
    """The text after a bar: how late it is, and its budget in words when asked for."""
    if r.header:
        return ""
    parts = []
    if late := _days_late(r):
        parts.append(WORDS[lang]["late"].format(days=late))
    if budgets and isinstance(r.item, Initiative) and r.item.budget_amount:
        parts.append(format_money(r.item.budget_amount, words=True, language=lang,
                                  currency=currency))  # fmt: skip
    return "; ".join(parts)


def _box(x0: float, x1: float, y: float, h: float) -> list[tuple[float, float]]:
    return [(x0, y - h / 2), (x1, y - h / 2), (x1, y + h / 2), (x0, y + h / 2)]


def _draw_calendar(ax: Axes, lo: int, hi: int, lang: Language, fys: str, off: float) -> None:
    """Fiscal-year bands, year labels below, and triwulan or month labels on top.

    Bands, rules and labels are a few collections and texts, not one artist per tick.
    """
    years = range(date.fromordinal(lo).year, date.fromordinal(hi - 1).year + 1)
    month, day = (int(x) for x in fys.split("-"))
    bands = []
    for y in years:
        if (y - years[0]) % 2 == 1:
            start = date(y, month, day).toordinal() + off
            end = date(y + 1, month, day).toordinal() + off
            bands.append([(start, 0), (end, 0), (end, 1), (start, 1)])
    ax.add_collection(
        PolyCollection(
            bands,
            facecolors="#F7F7F7",
            edgecolors="none",
            zorder=0,
            transform=ax.get_xaxis_transform(),
            gid="fiscal-years",
        )
    )
    year_starts = [date(y, 1, 1).toordinal() + off for y in [*years, years[-1] + 1]]
    ax.set_xticks([])  # tick objects are costly: years and quarters are plain texts
    trans = ax.get_xaxis_transform()  # x in date units, y in axes fractions
    # Offsets in points, not axes fractions: a tall chart keeps its labels at the axis.
    fig = ax.figure.canvas.figure  # the root figure, also under a subfigure
    assert isinstance(fig, Figure)
    below = offset_copy(trans, fig=fig, y=-3, units="points")
    above_years = offset_copy(trans, fig=fig, y=12, units="points")
    for y, (a, b) in zip(years, pairwise(year_starts), strict=True):
        for where, va, gid in ((below, "top", "calendar-year"),
                               (above_years, "bottom", "calendar-year-top")):  # fmt: skip
            ax.text(
                (a + b) / 2,
                0 if va == "top" else 1,
                str(y),
                transform=where,
                ha="center",
                va=va,
                fontweight="bold",
                gid=gid,
                clip_on=False,
            )
    span_years = len(years)
    if span_years <= 2:
        ticks = [date(y, m, 1).toordinal() + off for y in years for m in range(1, 13)]
        names = [MONTHS_SHORT[lang][k % 12] for k in range(len(ticks))]
    elif span_years <= 8:
        ticks = [date(y, m, 1).toordinal() + off for y in years for m in (1, 4, 7, 10)]
        names = [QUARTERS[lang][k % 4] for k in range(len(ticks))]
        quarter = ax.get_position().width * fig.get_figwidth() / len(ticks)  # inches
        if quarter < 0.3:  # "TW III" is wider than its quarter: the numeral alone
            names = [name.split()[-1] for name in names]
    else:
        ticks, names = [], []
    rules: list[list[tuple[float, float]]] = [[(t, 0.0), (t, 1.0)] for t in ticks]
    rules += [[(t, 0), (t, 1)] for t in year_starts]
    widths = [0.3] * len(ticks) + [0.6] * len(year_starts)
    colours = [GRID] * len(ticks) + ["#BBBBBB"] * len(year_starts)
    ax.add_collection(
        LineCollection(
            rules,
            colors=colours,
            linewidths=widths,
            zorder=1,
            transform=trans,
            gid="calendar-rules",
        )
    )
    size = 5.5 if span_years > 4 else 6.5
    step = 45 if span_years > 2 else 15
    above = offset_copy(trans, fig=fig, y=2, units="points")
    for t, name in zip(ticks, names, strict=True):
        ax.text(
            t + step,
            1,
            name,
            transform=above,
            ha="center",
            va="bottom",
            fontsize=size,
            gid="calendar-top",
            clip_on=False,
        )


def _draw_lanes(ax: Axes, rows: Sequence[_Row]) -> None:
    """Shade every other lane and rule a line above each lane (two collections)."""
    spans = []
    start = 0
    for k in range(1, len(rows) + 1):
        if k == len(rows) or rows[k].lane != rows[start].lane:
            spans.append((start, k))
            start = k
    shade = [[(0, a - 0.5), (1, a - 0.5), (1, b - 0.5), (0, b - 0.5)]
             for n, (a, b) in enumerate(spans) if n % 2 == 0]  # fmt: skip
    rules = [[(0, a - 0.5), (1, a - 0.5)] for a, _ in spans]
    trans = ax.get_yaxis_transform()  # x in axes fractions, y in rows
    ax.add_collection(
        PolyCollection(
            shade, facecolors=LANE, edgecolors="none", zorder=0.2, transform=trans, gid="lanes"
        )
    )
    ax.add_collection(
        LineCollection(
            rules, colors="#BBBBBB", linewidths=0.5, zorder=1, transform=trans, gid="lane-rules"
        )
    )


def _draw_baseline(
    ax: Axes,
    baseline: Roadmap | Schedule | Baseline,
    rows: Sequence[_Row],
    y_of: dict[str, int],
    off: float,
) -> None:
    """Thin grey bars under the bars: where the baseline had each initiative."""
    spans: dict[str, tuple[int, int]] = {}
    if isinstance(baseline, Baseline):
        for id, entry in baseline.items.items():
            spans[id] = (entry.start.toordinal(), entry.finish.toordinal() + 1)
    else:
        days = (baseline if isinstance(baseline, Schedule) else schedule(baseline)).days
        for id, k in days.position.items():
            spans[id] = (days.early_start[k], days.early_finish[k])
    ghosts = []
    for r in rows:
        if r.header or not isinstance(r.item, Initiative) or r.id not in spans:
            continue
        a, b = spans[r.id]
        if a < b:
            ghosts.append(_box(a + off, b + off, y_of[r.id] + 0.36, 0.12))
    ax.add_collection(
        PolyCollection(ghosts, facecolors="#9E9E9E", edgecolors="none", gid="baseline", zorder=2.5)
    )


def _draw_deadlines(ax: Axes, rows: Sequence[_Row], y_of: dict[str, int], off: float) -> bool:
    """Deadline markers: grey when met, red when missed, with the late part of the bar marked.

    Returns whether a deadline is missed.
    """
    met: list[tuple[float, float]] = []
    missed: list[tuple[float, float]] = []
    late_parts = []
    for r in rows:
        deadline = getattr(r.item, "deadline", None)
        if deadline is None or r.header:
            continue
        x = deadline.toordinal() + 1 + off
        y = y_of[r.id]
        (missed if _days_late(r) else met).append((x, y - 0.42))
        if _days_late(r) and r.start < r.end:
            late_parts.append(_box(max(x, r.start + off), r.end + off, y, 0.56))
    for points, colour, gid in (
        (met, "#666666", "deadlines"),
        (missed, CRITICAL, "deadlines-missed"),
    ):
        if points:
            xs, ys = zip(*points, strict=True)
            ax.scatter(xs, ys, marker="v", s=14, color=colour, zorder=6, gid=gid)
    if late_parts:
        ax.add_collection(
            PolyCollection(
                late_parts, facecolors="none", edgecolors=CRITICAL, hatch="////", linewidths=0.8,
                zorder=3.5, gid="late-part",
            )
        )  # fmt: skip
    return bool(missed)


def _draw_arrows(
    ax: Axes,
    sched: Schedule,
    rows: Sequence[_Row],
    y_of: dict[str, int],
    mode: str,
    pad: float,
    crit: set[str],
    off: float,
) -> int:
    """Elbow connectors: start links enter a bar from the left, finish links from the right."""
    if mode == "none":
        return 0
    paths: list[list[tuple[float, float]]] = []
    heads_r: list[tuple[float, float]] = []
    heads_l: list[tuple[float, float]] = []
    colours = []
    days = sched.days
    for r in rows:
        if r.header:
            continue
        links = sched.driving_links(r.id) if mode == "driving" else r.item.links
        for link in links:
            if link.id not in y_of:
                continue  # the predecessor is on another page
            p = days.position[link.id]
            ps, pe = days.early_start[p] + off, days.early_finish[p] + off
            y0, y1 = float(y_of[link.id]), float(y_of[r.id])
            x0 = pe if link.type in ("FS", "FF") else ps
            x1 = (r.end if link.type in ("FF", "SF") else r.start) + off
            path: list[tuple[float, float]]
            step = 0.5 if y1 > y0 else -0.5
            if link.type in ("FS", "SS"):
                xm = x0 + pad if link.type == "FS" else min(x0, x1) - pad
                if xm <= x1 - pad or link.type == "SS":
                    path = [(x0, y0), (xm, y0), (xm, y1), (x1, y1)]
                else:  # no room to the left of the successor: go round between the rows
                    path = [
                        (x0, y0),
                        (xm, y0),
                        (xm, y1 - step),
                        (x1 - pad, y1 - step),
                        (x1 - pad, y1),
                        (x1, y1),
                    ]
                heads_r.append((x1, y1))
            else:
                xm = max(x0, x1) + pad
                path = [(x0, y0), (xm, y0), (xm, y1), (x1, y1)]
                heads_l.append((x1, y1))
            paths.append(path)
            colours.append(CRITICAL if link.id in crit and r.id in crit else "#555555")
    ax.add_collection(
        LineCollection(paths, colors=colours, linewidths=0.6, zorder=4.5, gid="links")
    )
    for heads, marker, gid in ((heads_r, ">", "link-heads"),
                               (heads_l, "<", "link-heads-finish")):  # fmt: skip
        if heads:
            ax.scatter(
                [h[0] for h in heads],
                [h[1] for h in heads],
                marker=marker,
                s=9,
                color="#555555",
                zorder=4.6,
                gid=gid,
            )
    return len(paths)


def _legend(
    ax: Axes,
    lanes: list[str],
    colour: dict[str, str],
    titles: dict[str, str],
    group_by: GroupBy,
    words: dict[str, str],
    *,
    has_crit: bool,
    has_ms: bool,
    has_progress: bool,
    arrows: str,
    has_baseline: bool,
    has_deadline: bool,
    has_missed: bool,
) -> int:
    """Draw the legend below the axes, in as many columns as fit; return its rows."""
    handles: list[Any] = []
    if group_by is not None:
        handles += [
            Patch(facecolor=colour[lane], label=truncate(titles.get(lane, lane), 60))
            for lane in lanes
        ]
    if has_crit:
        handles.append(
            Patch(facecolor="white", edgecolor=CRITICAL, linewidth=1.2, label=words["critical"])
        )
    if has_progress:
        handles.append(Patch(facecolor="#00000066", label=words["progress"]))
    for shown, marker, tint, word in ((has_ms, "D", INK, "milestone"),
                                        (has_deadline, "v", "#666666", "deadline")):  # fmt: skip
        if shown:
            handles.append(
                Line2D(
                    [],
                    [],
                    marker=marker,
                    linestyle="none",
                    color=tint,
                    markersize=5,
                    label=words[word],
                )
            )
    if has_missed:
        handles.append(
            Patch(facecolor="white", edgecolor=CRITICAL, hatch="////", label=words["missed"])
        )
    if has_baseline:
        handles.append(Patch(facecolor="#9E9E9E", label=words["baseline"]))
    if arrows != "none":
        handles.append(
            Line2D(
                [],
                [],
                color="#555555",
                linewidth=0.8,
                label=words["link" if arrows == "driving" else "links"],
            )
        )
    if not handles:
        return 0
    # As many columns as the axes' width holds: about 0.05 in per character at 6.5 pt,
    # plus the handle, its pad and the column spacing.
    root = ax.figure.canvas.figure
    assert isinstance(root, Figure)
    # From the page's left margin (under the row labels) to the right of the axes.
    box = ax.get_position()
    x0 = (0.02 - box.x0) / box.width  # the margin, in axes fractions
    width = (box.x1 - 0.02) * root.get_figwidth()
    entry = max(0.38 + 0.05 * len(str(h.get_label())) for h in handles)
    ncol = max(1, min(len(handles), int(width // entry)))
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(x0, 0.0),  # with a pad in font sizes: the same gap on any height
        borderaxespad=2.2,
        ncol=ncol,
        frameon=False,
        fontsize=6.5,
        handlelength=1.4,
    )
    return -(-len(handles) // ncol)


# -- figure level -----------------------------------------------------------------------


def gantt_pages(
    plan: Roadmap | Schedule,
    *,
    paper: Literal["A4", "A3"] = "A4",
    orientation: Literal["landscape", "portrait"] = "landscape",
    pages: bool = True,
    title: str | None = None,
    subtitle: str | None = None,
    source: str | None = None,
    style: Any = STYLE,
    rows: tuple[int, int] | None = None,
    **kw: Any,
) -> list[Figure]:
    """The Gantt chart as figures sized for A4 or A3 paper (figure-level).

    With *pages* a roadmap too long for one page continues on further pages, each with the
    title, the calendar header and the legend; without, one page is as tall as the roadmap
    needs.  Row labels wrap to a second line before they are cut: by default a line holds
    as many characters as fit in about two fifths of the page's width.

    Parameters
    ----------
    plan
        A roadmap or its schedule.
    paper, orientation
        Page size.
    pages
        Several pages of one paper size (for PDF), or one tall page (PNG, SVG, HTML).
    title, subtitle, source
        Title (default: the roadmap's name), subtitle (e.g. agency and date) and a source
        footnote.
    style
        matplotlib settings to draw under.
    rows
        Draw only rows *first* to *last* (1-based, inclusive; lane headings count as rows):
        a part of a plan too long for one document.
    **kw
        As for :func:`plot_gantt` (``group_by``, ``language``, ``critical``, ``arrows``,
        ``status_date``, ``baseline``, ``budgets``, ``label_chars``).

    Raises
    ------
    ValueError
        For a chart of more than :data:`MAX_PAGES` pages (or one page taller than an image
        can be), naming the rows and how to draw a part: said before anything is drawn.
    """
    sched = plan if isinstance(plan, Schedule) else schedule(plan)
    roadmap = sched.plan
    width, height = PAPER[paper]
    if orientation == "landscape":
        width, height = height, width
    if kw.get("language") is None:
        kw["language"] = roadmap.language
    kw.setdefault("label_chars", max(24, min(120, int((0.4 * width - 0.25) / 0.058))))
    opts = Options(**kw)
    all_rows = _rows(roadmap, sched, opts.group_by, opts.language)  # once for every page
    first, last = 1, len(all_rows)
    if rows is not None:
        first, last = max(1, rows[0]), min(len(all_rows), rows[1])
        if first > last:
            raise ChartError(f"rows {rows[0]}-{rows[1]}: the chart has rows 1-{len(all_rows)}")
    n_rows = last - first + 1
    chrome = 1.9  # inches for title, header, legend and footnote
    per_page = max(5, int((height - chrome) / ROW_INCHES) - 1)  # one for a lane that goes on
    need = -(-n_rows // per_page) if pages else 1
    tall = chrome + n_rows * ROW_INCHES
    if need > MAX_PAGES or (not pages and tall * 72 >= 65536):
        what = f"{need:,} pages" if pages else f"one image {tall:,.0f} inches tall"
        raise ChartError(
            f"{n_rows:,} rows would make {what}, more than a document holds "
            f"({MAX_PAGES} pages of {per_page} rows); draw a part (rows=(1, {per_page * 20}), "
            f"on the command line --rows 1-{per_page * 20}), or a plan of the programmes "
            "rather than every activity"
        )
    if pages:
        slices = [slice(k, min(k + per_page, last)) for k in range(first - 1, last, per_page)]
        slices = slices or [slice(0, 1)]
    else:
        slices = [slice(first - 1, max(last, first))]
        height = max(height, tall)
    head = title if title is not None else roadmap.name
    with mpl.rc_context(style):
        return [
            _page(sched, rows, width, height, head, subtitle, source,
                  (k + 1, len(slices)) if pages else None, opts, all_rows, style)
            for k, rows in enumerate(slices)
        ]  # fmt: skip


def render_gantt(
    plan: Roadmap | Schedule,
    format: Literal["png", "svg", "pdf"] = "svg",
    *,
    dpi: int = 150,
    embed_fonts: bool = False,
    **kw: Any,
) -> tuple[bytes, int]:
    """The Gantt chart as PNG, SVG or PDF bytes, and the number of pages.

    A PDF continues on further pages; PNG and SVG are one page as tall as the roadmap
    needs.  The bytes are reproducible (fixed metadata).  *kw* as for :func:`gantt_pages`.

    Raises
    ------
    ValueError
        For an unknown format, or a PNG taller than an image can be (65,536 pixels).
    """
    from matplotlib.backends.backend_pdf import PdfPages

    if format not in ("png", "svg", "pdf"):
        raise ValueError(f"cannot write a chart as {format!r}: use .png, .svg or .pdf")
    if format != "pdf":
        (fig,) = gantt_pages(plan, pages=False, **kw)
        if fig.get_figheight() * dpi >= 65536:
            rows = int((fig.get_figheight() - 1.9) / ROW_INCHES)
            raise ChartError(
                f"{rows} rows do not fit in one {format.upper()} image at {dpi} dpi; "
                "write a PDF (it continues on further pages) or lower dpi"
            )
        return figure_bytes(fig, format, dpi), 1
    buf = io.BytesIO()
    # Fonts are embedded when the file is closed: under the same settings as drawing.
    with mpl.rc_context(STYLE), PdfPages(buf, metadata={
            "Creator": None, "Producer": None, "CreationDate": None}) as pdf:  # fmt: skip
        core = not embed_fonts
        with quiet_font_lookup():
            figures = gantt_pages(plan, pages=True, style=PDF_CORE if core else STYLE, **kw)
        embedded: list[Figure] = []
        for k, fig in enumerate(figures):
            if core and _standard_text(fig):
                with mpl.rc_context(PDF_CORE):  # written with the standard Helvetica
                    pdf.savefig(fig)
                continue
            # A page with text beyond Windows-1252 embeds DejaVu Sans instead.
            embedded = embedded or gantt_pages(plan, pages=True, **kw)
            pdf.savefig(embedded[k])
    return buf.getvalue(), len(figures)


def save_gantt(
    plan: Roadmap | Schedule,
    path: str | os.PathLike[str],
    *,
    paper: Literal["A4", "A3"] = "A4",
    orientation: Literal["landscape", "portrait"] = "landscape",
    title: str | None = None,
    subtitle: str | None = None,
    source: str | None = None,
    dpi: int = 150,
    embed_fonts: bool = False,
    **kw: Any,
) -> int:
    """Write a Gantt chart of a plan to PNG, SVG or PDF, sized for A4 or A3 paper.

    A PDF of a roadmap too long for one page continues on further pages, each with the
    title, the calendar header and the legend.  PNG and SVG are one page, as tall as the
    roadmap needs.  Files are written atomically with fixed metadata: the same plan gives
    the same bytes.

    Parameters
    ----------
    plan
        A roadmap or its schedule.
    path
        ``.png``, ``.svg`` or ``.pdf``.
    paper, orientation
        Page size.
    title, subtitle, source
        Title (default: the roadmap's name), subtitle (e.g. agency and date) and a source
        footnote.
    dpi
        Resolution of PNG files.
    embed_fonts
        Embed DejaVu Sans in a PDF even when its text could use the PDF standard
        Helvetica, which readers supply and which is used (not embedded) when every
        character on a page is in Windows-1252, as all Indonesian and English text is.
    **kw
        Passed to :func:`plot_gantt` (``group_by``, ``language``, ``critical``, ``arrows``,
        ``status_date``, ``baseline``, ``budgets``, ``label_chars``).

    Returns
    -------
    int
        The number of pages written.
    """
    suffix = os.fspath(path).rsplit(".", 1)[-1].lower()
    if suffix not in ("png", "svg", "pdf"):
        raise ValueError(f"cannot write a chart as {suffix!r}: use .png, .svg or .pdf")
    data, pages = render_gantt(
        plan,
        cast(Literal["png", "svg", "pdf"], suffix),
        dpi=dpi,
        embed_fonts=embed_fonts,
        paper=paper,
        orientation=orientation,
        title=title,
        subtitle=subtitle,
        source=source,
        **kw,
    )
    atomic_write(path, data)
    return pages


def _page(
    sched: Schedule,
    rows: slice,
    width: float,
    height: float,
    title: str,
    subtitle: str | None,
    source: str | None,
    page: tuple[int, int] | None,
    opts: Options,
    all_rows: list[_Row],
    style: Any,
) -> Figure:
    fig = Figure(figsize=(width, height))
    ax = _axes(fig, all_rows, opts)
    page_rows = (rows.stop - (rows.start or 0) + 1) if page is not None and page[1] > 1 else 0
    legend_rows = _draw(ax, sched, opts, all_rows, rows, page_rows, style)
    # Below the axes: the year labels, the legend (its rows) and the source footnote.
    bottom = (0.45 + 0.15 * max(legend_rows, 1) + (0.15 if source else 0)) / height
    box = ax.get_position()
    ax.set_position((box.x0, bottom, box.width, box.y1 - bottom))
    lang = opts.language
    head = (
        title
        if page is None or page[1] == 1
        else (f"{title} ({WORDS[lang]['page']} {page[0]}/{page[1]})")
    )
    fig.text(0.02, 1 - 0.3 / height, head, fontsize=12, fontweight="bold", va="top")
    if subtitle:
        fig.text(0.02, 1 - 0.55 / height, subtitle, fontsize=8, va="top", color="#444444")
    if source:
        chars = int(width / 0.045)  # 6 pt characters across the page
        fig.text(0.02, 0.15 / height, "\n".join(textwrap.wrap(
            f"{WORDS[lang]['source']}: {source}", chars)), fontsize=6, va="bottom",
            color="#444444")  # fmt: skip
    return fig


def _axes(fig: Figure, all_rows: list[_Row], opts: Options) -> Axes:
    """Axes on *fig* with room on the left for the longest row label (wrapped)."""
    width, height = fig.get_figwidth(), fig.get_figheight()
    # About 0.058 in per character at 7 pt, and the tick pad.
    longest = max(
        (len(line) for r in all_rows for line in wrap_label(r.label, opts.label_chars).split("\n")),
        default=10,
    )
    left = min(0.5, (longest * 0.058 + 0.25) / width)
    top = 1 - 1.0 / height
    bottom = 0.75 / height
    return fig.add_axes((left, bottom, 0.97 - left, top - bottom))


def _standard_text(fig: Figure) -> bool:
    """Whether every text of *fig* can be written in a PDF standard font (Windows-1252)."""
    try:
        for text in fig.findobj(Text):
            text.get_text().encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True
