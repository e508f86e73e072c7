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
    highlight: Iterable[bool] | None = None,
    foot: Sequence[object] | None = None,
    right: Iterable[int] = (),
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
    highlight
        One flag per row: rows to shade red (e.g. years over their ceiling).
    foot
        A last row in bold, e.g. the totals.
    right
        Positions of the columns to align right (amounts).

    Examples
    --------
    >>> table(["owner"], [["<b>Dinas</b>"]])
    '<table><thead><tr><th>owner</th></tr></thead><tbody><tr><td>&lt;b&gt;Dinas&lt;/b&gt;</td></tr></tbody></table>'
    """
    flags = iter(bold) if bold is not None else None
    shade = iter(highlight) if highlight is not None else None
    align = set(right)

    def cells(row: Sequence[object], tag: str) -> str:
        return "".join(
            f'<{tag} style="text-align:right">{_cell(v)}</{tag}>' if k in align
            else f"<{tag}>{_cell(v)}</{tag}>"
            for k, v in enumerate(row)
        )  # fmt: skip

    body = []
    for row in rows:
        styles = []
        if flags is not None and next(flags):
            styles.append("font-weight:bold")
        if shade is not None and next(shade):
            styles.append("background:#f8d7da")
        style = f' style="{";".join(styles)}"' if styles else ""
        body.append(f"<tr{style}>{cells(row, 'td')}</tr>")
    end = f"<tfoot><tr>{cells(foot, 'th')}</tr></tfoot>" if foot is not None else ""
    top = f"<p><b>{html.escape(title)}</b>{html.escape(note)}</p>" if title else ""
    return (
        f"{top}<table><thead><tr>{cells(head, 'th')}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody>{end}</table>"
    )


def _cell(value: object) -> str:
    return "" if value is None else html.escape(str(value))
