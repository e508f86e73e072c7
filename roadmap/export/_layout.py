"""Tables laid out as aligned text and as Markdown, for every text output of a layer."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["aligned", "markdown"]


def aligned(head: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    """Rows of text padded to their columns' widths, *right* columns right-aligned."""
    widths = [max(len(row[c]) for row in (head, *rows)) for c in range(len(head))]
    return [
        "  ".join(
            cell.rjust(widths[c]) if c in right else cell.ljust(widths[c])
            for c, cell in enumerate(row)
        ).rstrip()
        for row in (head, *rows)
    ] + ["  ".join("-" * w for w in widths)]  # the rule comes last; callers place it


def markdown(head: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
    """A Markdown table, *right* columns right-aligned; ``|`` and line breaks escaped."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    rule = ["---:" if c in right else "---" for c in range(len(head))]
    lines = [head, rule, *rows]
    return "\n".join("| " + " | ".join(cell(c) for c in line) + " |" for line in lines) + "\n"
