"""MkDocs hook: the command-line reference is generated from the argument parser.

A line ``<!-- cli: COMMAND -->`` in a page is replaced by ``roadmap COMMAND --help`` as the
parser prints it, so the documented options cannot drift from the real ones.
"""

from __future__ import annotations

import re
from typing import Any

from roadmap.cli import make_parser

_MARK = re.compile(r"^<!-- cli: ?(\w*) -->$", re.MULTILINE)


def _help(command: str) -> str:
    parser = make_parser()
    if not command:
        return parser.format_help()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sub.choices[command].format_help()  # type: ignore[index, no-any-return]


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """Replace each CLI marker with the help text of that command."""
    return _MARK.sub(lambda m: "```text\n" + _help(m.group(1)).rstrip() + "\n```", markdown)
