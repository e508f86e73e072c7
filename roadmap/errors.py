"""Exceptions of :mod:`roadmap`: one hierarchy under :class:`RoadmapError`.

Problems *in* a plan (a late deadline, a budget over its ceiling) are findings, not
exceptions.  Exceptions are for input that cannot be read and for calls that make no sense,
such as scheduling a plan whose dependencies form a cycle.
"""

from __future__ import annotations

import difflib
import reprlib
from collections.abc import Iterable, Sequence

__all__ = [
    "ChartError",
    "CycleError",
    "ItemError",
    "MissingExtraError",
    "PlanFileError",
    "RoadmapError",
    "ScheduleError",
    "UnknownItemError",
    "chain_text",
    "did_you_mean",
    "show",
    "suggest",
]

_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = 80
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxdict = _SHORT.maxset = 6
_SHORT.maxlevel = 2
_SHORT.maxlong = 40


def chain_text(ids: Sequence[str], more: str = "more", sep: str = " -> ") -> str:
    """Ids joined by arrows (or *sep*); a long chain as its first ten and last eleven.

    Examples
    --------
    >>> chain_text(["a", "b", "a"])
    'a -> b -> a'
    >>> chain_text([str(i) for i in range(30)])  # doctest: +ELLIPSIS
    '0 -> 1 -> ... -> 9 -> ... (9 more) -> 19 -> ... -> 29'
    """
    shown = list(ids)
    if len(shown) > 21:
        shown = [*shown[:10], f"... ({len(shown) - 21} {more})", *shown[-11:]]
    return sep.join(shown)


def show(value: object) -> str:
    """*value* as a message quotes it: its repr, cut short when long or deep.

    A file may hold a value of any size (a YAML alias bomb expands to millions of
    elements); a message quotes at most a line of it.

    Examples
    --------
    >>> show("9 mnths")
    "'9 mnths'"
    >>> show(list(range(100)))
    '[0, 1, 2, 3, 4, 5, ...]'
    """
    return _SHORT.repr(value)


class RoadmapError(Exception):
    """Root of every exception raised by :mod:`roadmap`."""


class ItemError(RoadmapError, ValueError):
    """A value of a plan item is invalid.

    Parameters
    ----------
    message
        What is wrong, what was received and what is allowed.
    item
        The id of the item (initiative, milestone, phase) or ``None`` for the roadmap itself.
    field
        The name of the offending field, e.g. ``"duration"``.
    """

    def __init__(self, message: str, *, item: str | None = None, field: str | None = None):
        self.item = item
        self.field = field
        self.reason = message
        where = []
        if item is not None:
            where.append(f"item {item!r}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


class UnknownItemError(RoadmapError, KeyError):
    """An id names no item of the plan."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class PlanFileError(RoadmapError, ValueError):
    """A plan file cannot be read.

    The message names the file, then the line (text formats) or the sheet, row and column
    (spreadsheets), and the field path, e.g. ``plan.toml, line 12, initiatives[3].duration:
    ...`` or ``plan.xlsx, sheet Items, row 5, column duration (H): ...``.

    Parameters
    ----------
    message
        What is wrong, what was received and what is allowed.
    path
        The file, or ``"<string>"`` for text given directly.
    line
        1-based line number, or ``None`` where it is not known.
    field
        Dotted path of the field, e.g. ``"initiatives[3].duration"``.
    sheet, row, column
        Where in a spreadsheet: the sheet's name (XLSX), the 1-based row as the
        spreadsheet shows it (the header is row 1) and the column's name.

    Attributes
    ----------
    errors
        Every problem found in the file, in file (or sheet and row) order, each a
        :class:`PlanFileError`; this one is the first of them.  The message of a file with
        several problems is one line each, up to :attr:`SHOWN`, then ``and N more``.

    Examples
    --------
    >>> err = PlanFileError.of([PlanFileError("bad duration", path="p.toml", line=9),
    ...                         PlanFileError("bad date", path="p.toml", line=4)])
    >>> print(err)
    p.toml, line 4: bad date
    p.toml, line 9: bad duration
    >>> len(err.errors), err.line
    (2, 4)
    """

    #: The most problems a message lists.
    SHOWN = 50

    def __init__(
        self,
        message: str,
        *,
        path: str = "<string>",
        line: int | None = None,
        field: str | None = None,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ):
        self.path = path
        self.line = line
        self.field = field
        self.sheet, self.row, self.column = sheet, row, column
        self.reason = message
        where = [path]
        if sheet is not None:
            where.append(f"sheet {sheet}")
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column}")
        if line is not None:
            where.append(f"line {line}")
        if field:
            where.append(field)
        self.errors: list[PlanFileError] = [self]
        #: The language of the plan in the file, when the reader could tell.
        self.language: str | None = None
        super().__init__(f"{', '.join(where)}: {message}")

    @classmethod
    def of(cls, errors: Sequence[PlanFileError], *, sort: bool = True) -> PlanFileError:
        """One error carrying *errors*, sorted by line (or kept in the order given)."""
        ordered = sorted(errors, key=_place) if sort else list(errors)
        first = ordered[0]
        if len(ordered) == 1:
            return first
        lines = [str(e) for e in ordered[: cls.SHOWN]]
        if len(ordered) > cls.SHOWN:
            lines.append(f"and {len(ordered) - cls.SHOWN} more")
        out = cls(first.reason, path=first.path, line=first.line, field=first.field,
                  sheet=first.sheet, row=first.row, column=first.column)  # fmt: skip
        out.errors = ordered
        out.language = first.language
        out.args = ("\n".join(lines),)
        return out


def _place(err: PlanFileError) -> tuple[str, int]:
    """Where *err* is, for sorting: its file, then its line."""
    return (err.path, err.line or 0)


class CycleError(RoadmapError, ValueError):
    """The dependencies of a plan form a cycle.

    Attributes
    ----------
    cycle
        The ids along the cycle in dependency order, closed: the first id is repeated
        at the end, e.g. ``["a", "b", "c", "a"]``.  The message shows a long cycle's
        first and last ten links.

    Examples
    --------
    >>> str(CycleError([f"A{i}" for i in range(100)] + ["A0"]))  # doctest: +ELLIPSIS
    'dependency cycle: A0 -> A1 -> ... -> A9 -> ... (80 more) -> A90 -> ... -> A99 -> A0; ...'
    """

    def __init__(self, cycle: Sequence[str]):
        self.cycle = list(cycle)
        super().__init__(
            f"dependency cycle: {chain_text(self.cycle)}; drop or reverse one of these links"
        )


class ScheduleError(RoadmapError, ValueError):
    """A plan that loads cannot be scheduled for a reason only scheduling finds.

    For example a duration in workdays (``"10 hari kerja"``) in a plan without a working-day
    ``calendar``.  :func:`roadmap.check` reports it as a finding; the command line prints
    one line and exits with 2.
    """


class ChartError(RoadmapError, ValueError):
    """A chart cannot be drawn as asked: more rows than a document holds, say.

    The message names what to draw instead (a range of rows, a PDF instead of an image).
    """


class MissingExtraError(RoadmapError, ImportError):
    """An optional dependency that a format or feature needs is not installed.

    The message names the package and the ``pip install 'roadmap[extra]'`` command.
    """

    def __init__(self, feature: str, extra: str, package: str):
        self.extra = extra
        self.package = package
        super().__init__(f"{feature} needs {package}: pip install 'roadmap[{extra}]'")


def suggest(word: str, words: Iterable[str]) -> str | None:
    """The known word *word* most likely stands for, or ``None``.

    A transposition first (``APDB``: ``APBD``), else the closest by :mod:`difflib`, else one
    that shares its first four letters.

    Examples
    --------
    >>> suggest("APDB", ["APBN", "APBD", "DAK"]), suggest("A3", ["A01", "A02", "A03"])
    ('APBD', 'A03')
    """
    known = list(words)
    folded = sorted(word.casefold())
    close = difflib.get_close_matches(word, known, n=3, cutoff=0.6)
    same = [w for w in close if sorted(w.casefold()) == folded]
    if same or close:
        return (same or close)[0]
    start = word.casefold()[:4]
    return next((w for w in known if w.casefold().startswith(start)), None)


def did_you_mean_texts(
    word: str, words: Iterable[str], *, quote: bool = True, end: str = ""
) -> tuple[str, str]:
    """The "did you mean" ending of a finding in English and Indonesian.

    *end* closes a message that has no guess; *quote* writes the guess as ``'A03'``.

    Examples
    --------
    >>> did_you_mean_texts("A3", ["A01", "A03"])
    ("; did you mean 'A03'?", "; maksudnya 'A03'?")
    >>> did_you_mean_texts("Z9", ["A01"], end=".")
    ('.', '.')
    """
    guess = suggest(word, words)
    if guess is None:
        return end, end
    shown = repr(guess) if quote else guess
    return f"; did you mean {shown}?", f"; maksudnya {shown}?"


def did_you_mean(word: str, words: Iterable[str]) -> str:
    """``"; did you mean 'A03'?"`` for an unknown *word*, or an empty text."""
    return did_you_mean_texts(word, words)[0]
