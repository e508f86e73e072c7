"""Plans embedded in HTML reports: ``roadmap report`` writes the plan as JSON into the page.

The plan sits in ``<script type="application/json" id="roadmap-plan">``; reading takes it
out with the standard library's HTML parser and reads it as a JSON plan.
"""

from __future__ import annotations

from html.parser import HTMLParser

__all__ = ["SCRIPT_ID", "embedded_plan"]

#: The id of the script element that holds the plan.
SCRIPT_ID = "roadmap-plan"


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.inside = False
        self.found: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and self.found is None and ("id", SCRIPT_ID) in attrs:
            self.inside, self.found = True, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside and self.found is not None:
            self.found.append(data)


def embedded_plan(text: str) -> str | None:
    """The JSON text of the plan a report embeds, or ``None`` when there is none.

    Examples
    --------
    >>> embedded_plan('<p>x</p><script type="application/json" id="roadmap-plan">{"a": 1}</script>')
    '{"a": 1}'
    >>> embedded_plan("<p>no plan here</p>") is None
    True
    """
    finder = _Finder()
    finder.feed(text)
    finder.close()
    return None if finder.found is None else "".join(finder.found)
