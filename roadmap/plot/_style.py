"""What every chart shares: colours, words in two languages, paper sizes, the style.

Only the plotting package imports matplotlib; these are plain values.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

__all__ = [
    "CRITICAL", "GRID", "INK", "LANE", "PALETTE", "PAPER", "PDF_CORE", "ROW_INCHES", "STYLE",
    "WORDS", "GroupBy", "date_number", "truncate",
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
CRITICAL = "#B2182B"
INK = "#222222"
GRID = "#DDDDDD"
LANE = "#F3F3F3"

GroupBy = Literal["phase", "dimension", "owner"] | None

WORDS = {
    "id": {
        "critical": "Jalur kritis", "milestone": "Tonggak", "progress": "Progres",
        "deadline": "Tenggat", "baseline": "Rencana awal", "status": "Tanggal status",
        "link": "Ketergantungan penentu", "links": "Ketergantungan", "none": "(tanpa)",
        "page": "halaman", "source": "Sumber", "ceiling": "Pagu", "over": "melebihi pagu",
        "planned": "Rencana", "actual": "Realisasi", "fiscal_year": "Tahun anggaran",
        "budget": "Anggaran", "cumulative": "Progres kumulatif (bobot biaya)",
    },
    "en": {
        "critical": "Critical path", "milestone": "Milestone", "progress": "Progress",
        "deadline": "Deadline", "baseline": "Baseline", "status": "Status date",
        "link": "Driving dependency", "links": "Dependency", "none": "(none)",
        "page": "page", "source": "Source", "ceiling": "Ceiling", "over": "over ceiling",
        "planned": "Planned", "actual": "Actual", "fiscal_year": "Fiscal year",
        "budget": "Budget", "cumulative": "Cumulative progress (cost-weighted)",
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
