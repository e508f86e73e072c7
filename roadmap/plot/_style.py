"""What every chart shares: colours, words in two languages, paper sizes, the style.

Only the plotting package imports matplotlib; these are plain values.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from roadmap.model import DIMENSIONS, Roadmap, program_of

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "CRITICAL",
    "GRID",
    "HATCHES",
    "INK",
    "LANE",
    "NONE_COLOUR",
    "PALETTE",
    "PAPER",
    "PDF_CORE",
    "ROW_INCHES",
    "STYLE",
    "WORDS",
    "GroupBy",
    "date_number",
    "figure_bytes",
    "group_colours",
    "group_hatches",
    "quiet_font_lookup",
    "save_figure",
    "titled_figure",
    "truncate",
    "wrap_label",
]  # fmt: skip

#: Okabe-Ito colours: distinguishable with every common colour-vision deficiency.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#999999",
    "#F0E442",
)  # fmt: skip  (yellow last: it is faint on white)
#: Hatches that tell groups apart on a black-and-white photocopy, in the palette's order.
#: Lines only: SVG writes a dotted or circled hatch as a pattern of hundreds of KB.
HATCHES = ("", "////", "\\\\", "xxxx", "----", "||||", "++++", "//")
#: The colour of items without a group (no dimension, owner, ...).
NONE_COLOUR = "#BBBBBB"
CRITICAL = "#B2182B"
INK = "#222222"
GRID = "#DDDDDD"
LANE = "#F3F3F3"

GroupBy = Literal["phase", "dimension", "owner", "programme"] | None

WORDS = {
    "id": {
        "critical": "Jalur kritis", "milestone": "Tonggak", "progress": "Progres",
        "deadline": "Tenggat", "baseline": "Rencana awal", "status": "Tanggal status",
        "link": "Ketergantungan penentu", "links": "Ketergantungan", "none": "(tanpa)",
        "page": "halaman", "source": "Sumber", "ceiling": "Pagu", "over": "melebihi pagu",
        "planned": "Rencana", "actual": "Realisasi", "fiscal_year": "Tahun anggaran",
        "budget": "Anggaran", "cumulative": "Progres kumulatif, bobot biaya",
        "late": "terlambat {days} hari", "missed": "Tenggat terlewat",
        "physical": "Realisasi fisik", "financial": "Realisasi keuangan", "deviation": "Deviasi",
        "forecast": "Perkiraan tanggal tonggak", "slip": "pergeseran tonggak",
        "slip_days": "{days:+d} hari",
        "no_milestones": "Tidak ada tonggak",
        "samples": "Jumlah sampel", "finish": "Tanggal selesai", "share": "Peluang selesai",
        "risk_finish": "sebaran tanggal selesai", "risk_drivers": "pendorong utama jadwal",
        "risk_spend": "belanja per tahun anggaran", "deterministic": "Rencana (CPM)",
        "end": "Akhir periode", "cruciality": "Korelasi peringkat dengan tanggal selesai",
        "criticality": "kritis", "band": "P10-P90", "no_spread": "Tidak ada ketidakpastian",
    },
    "en": {
        "critical": "Critical path", "milestone": "Milestone", "progress": "Progress",
        "deadline": "Deadline", "baseline": "Baseline", "status": "Status date",
        "link": "Driving dependency", "links": "Dependency", "none": "(none)",
        "page": "page", "source": "Source", "ceiling": "Ceiling", "over": "over ceiling",
        "planned": "Planned", "actual": "Actual", "fiscal_year": "Fiscal year",
        "budget": "Budget", "cumulative": "Cumulative progress, cost-weighted",
        "late": "{days} days late", "missed": "Deadline missed",
        "physical": "Physical progress", "financial": "Money spent", "deviation": "Deviation",
        "forecast": "Forecast milestone date", "slip": "milestone slip",
        "slip_days": "{days:+d} days",
        "no_milestones": "No milestones",
        "samples": "Samples", "finish": "Finish date", "share": "Chance of finishing",
        "risk_finish": "finish date distribution", "risk_drivers": "top schedule drivers",
        "risk_spend": "spend per fiscal year", "deterministic": "Plan (CPM)",
        "end": "End of period", "cruciality": "Rank correlation with the finish",
        "criticality": "critical", "band": "P10-P90", "no_spread": "No uncertainty",
    },
}  # fmt: skip

#: Paper sizes in inches (width, height) in portrait.
PAPER = {"A4": (8.27, 11.69), "A3": (11.69, 16.54)}
ROW_INCHES = 0.2  # one row of the Gantt chart: 7-pt labels stay legible
STYLE: Any = {
    "font.family": "DejaVu Sans",  # ships with matplotlib: the same glyphs everywhere
    "font.size": 7,
    "axes.linewidth": 0.6,
    "svg.hashsalt": "roadmap",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "text.parse_math": False,  # a "$" in a name is a dollar sign, not TeX
}
# PDFs whose every text is in Windows-1252 (all Indonesian and English text) use the PDF
# standard Helvetica: every reader has it, nothing is embedded, and text is written three
# times faster than with an embedded TrueType font.  Other text embeds DejaVu Sans.
PDF_CORE: Any = {
    **STYLE,
    "font.family": "Helvetica",
    "font.weight": "medium",  # the weight the Helvetica metrics declare for "normal"
    "pdf.use14corefonts": True,
}


def titled_figure(
    size: tuple[float, float], rect: tuple[float, float, float, float], title: str
) -> tuple[Figure, Axes]:
    """A figure of *size* inches with one axes at *rect* and a bold title at its top left."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=size)
    ax = fig.add_axes(rect)
    fig.text(0.02, 0.97, title, fontsize=10, fontweight="bold", va="top", parse_math=False)
    return fig, ax


@contextlib.contextmanager
def quiet_font_lookup() -> Iterator[None]:
    """Hush matplotlib's font manager while drawing under :data:`PDF_CORE`.

    Helvetica is a PDF core font, not a file: every axis looking it up (for its tick
    formatter) logs "Failed to find font weight medium", which is expected and harmless.
    """
    logger = logging.getLogger("matplotlib.font_manager")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def truncate(text: str, chars: int) -> str:
    """*text* cut to *chars* characters with an ellipsis."""
    return text if len(text) <= chars else text[: max(1, chars - 1)].rstrip() + "…"


def date_number(ordinal: int) -> float:
    """A day number as matplotlib's date unit (days since its epoch, 1970 by default).

    Charts draw in matplotlib's date units, so that ``ax.axvline(date(2021, 1, 1))`` lands
    on 1 January 2021 of the chart.
    """
    return ordinal - _epoch()


def _epoch() -> int:
    from matplotlib.dates import get_epoch

    epoch: str = get_epoch()  # type: ignore[no-untyped-call]
    return date.fromisoformat(epoch[:10]).toordinal()


def group_keys(plan: Roadmap, by: str | None) -> list[str]:
    """The groups of *by* in their fixed order: the six dimensions first, phases by start."""
    if by is None:
        return [""]
    if by == "phase":
        ordered = sorted(enumerate(plan.phases), key=lambda kp: (kp[1].start or date.max, kp[0]))
        keys = [p.id for _, p in ordered]
    elif by == "dimension":
        keys = list(DIMENSIONS)
    else:
        keys = []
    values: set[str] = set()
    for item in plan.items:
        if by == "funding":
            funding = getattr(item, "funding", ())
            if funding:
                values.add(" + ".join(funding))
        elif by == "programme":  # lanes are programs: urusan.bidang.program
            code = getattr(item, "programme", None)
            if code:
                values.add(program_of(code))
        else:
            value = getattr(item, by, None)
            if value is not None:
                values.add(str(value))
    return keys + sorted(values - set(keys))


def group_colours(plan: Roadmap, by: str | None) -> dict[str, str]:
    """One colour per dimension, phase, owner or funding: the same in every chart of a plan.

    The six smart-city dimensions always take the same colours; phases follow their
    order; owners and funding sources their alphabetical order.  Items without a group
    are grey (:data:`NONE_COLOUR`).
    """
    return {k: PALETTE[n % len(PALETTE)] for n, k in enumerate(group_keys(plan, by))}


def group_hatches(plan: Roadmap, by: str | None) -> dict[str, str]:
    """One hatch per group, in step with :func:`group_colours` (for greyscale copies)."""
    return {k: HATCHES[n % len(HATCHES)] for n, k in enumerate(group_keys(plan, by))}


def wrap_label(text: str, chars: int, lines: int = 2) -> str:
    r"""*text* on up to *lines* lines of *chars* characters; cut with an ellipsis only after.

    Examples
    --------
    >>> wrap_label("SC06  Jaringan Intra Pemerintah (fiber optik)", 24)
    'SC06  Jaringan Intra\nPemerintah (fiber optik)'
    """
    import textwrap

    if len(text) <= chars:
        return text
    parts = textwrap.wrap(text, chars, break_long_words=False) or [text]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], " ".join(parts[lines - 1 :])]
    return "\n".join(truncate(part, chars) for part in parts)


def figure_bytes(fig: Figure, fmt: str, dpi: int = 150, *, svg_text: bool = False) -> bytes:
    """A figure as PNG, SVG or PDF bytes with fixed metadata: the same chart, the same bytes.

    *svg_text* writes SVG text as text (selectable, searchable, a third of the size) in
    the font a reader has, instead of as glyph outlines.
    """
    import matplotlib as mpl

    metadata: dict[str, Any] = {
        "png": {"Software": None},
        "svg": {"Date": None, "Creator": None},
        "pdf": {"Creator": None, "Producer": None, "CreationDate": None},
    }[fmt]
    buf = io.BytesIO()
    with mpl.rc_context({**STYLE, "svg.fonttype": "none" if svg_text else "path"}):
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=metadata)
    return buf.getvalue()


def save_figure(fig: Figure, path: str | os.PathLike[str], dpi: int = 150) -> None:
    """Write a figure to ``.png``, ``.svg`` or ``.pdf`` (by its suffix), atomically.

    Raises
    ------
    ValueError
        For any other suffix.
    """
    from roadmap._files import atomic_write

    suffix = os.fspath(path).rsplit(".", 1)[-1].lower()
    if suffix not in ("png", "svg", "pdf"):
        raise ValueError(f"cannot write a chart as {suffix!r}: use .png, .svg or .pdf")
    atomic_write(path, figure_bytes(fig, suffix, dpi))
