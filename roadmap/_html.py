"""HTML tables for notebooks: one helper, so that every cell and header is escaped."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

__all__ = ["table"]


def table(
    head: Sequence[object],
    rows: Iterable[Sequence[object]],
    *,
    title: str | None = None,
    note: str = "",
    bold: Iterable[bool] | None = None,
) -> str:
    """An HTML table; ``None`` cells are empty, everything else is escaped text.

    Parameters
    ----------
    head
        Column headers.
    rows
        The cells, row by row.
    title, note
        A line above the table: the title in bold, then the note (both escaped).
    bold
        One flag per row: rows to set in bold (e.g. critical items).

    Examples
    --------
    >>> table(["owner"], [["<b>Dinas</b>"]])
    '<table><thead><tr><th>owner</th></tr></thead><tbody><tr><td>&lt;b&gt;Dinas&lt;/b&gt;</td></tr></tbody></table>'
    """
    flags = iter(bold) if bold is not None else None
    body = []
    for row in rows:
        style = ' style="font-weight:bold"' if flags is not None and next(flags) else ""
        cells = "".join(f"<td>{_cell(v)}</td>" for v in row)
        body.append(f"<tr{style}>{cells}</tr>")
    header = "".join(f"<th>{_cell(h)}</th>" for h in head)
    top = f"<p><b>{html.escape(title)}</b>{html.escape(note)}</p>" if title else ""
    return f"{top}<table><thead><tr>{header}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _cell(value: object) -> str:
    return "" if value is None else html.escape(str(value))
