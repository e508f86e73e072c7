"""The report: one self-contained HTML file to send, to open offline and to print.

See :func:`report`.  Jinja2 renders it (autoescaping every value); matplotlib draws its
charts as inline SVG; nothing in it loads from the network.
"""

from __future__ import annotations

from roadmap.reporting.document import PLAN_SCRIPT_ID, HtmlReport, report
from roadmap.reporting.sections import SECTIONS, Section

__all__ = ["PLAN_SCRIPT_ID", "SECTIONS", "HtmlReport", "Section", "report"]
