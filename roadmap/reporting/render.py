"""Rendering: the Jinja2 environment (autoescaping), the inline resources, inline SVG.

Jinja2 is imported here only, when a report is made.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2
    from matplotlib.figure import Figure

__all__ = ["environment", "inline_svg", "resource"]

_XML_HEAD = re.compile(r"<\?xml[^>]*>\s*|<!DOCTYPE[^>]*>\s*|<!--.*?-->\s*", re.DOTALL)
_REF = re.compile(r'(\bid="|url\(#|href="#)')


@cache
def environment() -> jinja2.Environment:
    """The template environment: HTML autoescaping on, undefined names are errors."""
    try:
        import jinja2
    except ImportError:  # pragma: no cover - Jinja2 is a dependency
        from roadmap.errors import MissingExtraError

        raise MissingExtraError("the HTML report", "report", "Jinja2") from None
    return jinja2.Environment(
        loader=jinja2.PackageLoader("roadmap.reporting", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def resource(name: str) -> str:
    """The text of a file in the templates folder (CSS, JavaScript)."""
    return (resources.files("roadmap.reporting") / "templates" / name).read_text("utf-8")


def inline_svg(fig: Figure, prefix: str) -> str:
    """A figure as an SVG element to put inside HTML.

    Text stays text (selectable and searchable in the page).  The XML declaration, the
    doctype and comments are dropped, and every id (clip paths, hatches) gets *prefix*, so
    that several charts in one page never share an id.
    """
    from roadmap.plot import figure_bytes

    text = figure_bytes(fig, "svg", svg_text=True).decode("utf-8")
    text = _XML_HEAD.sub("", text)
    return _REF.sub(lambda m: f"{m.group(1)}{prefix}-", text).strip()
