"""TOML plans: :mod:`tomllib` (or tomli) to read, tomli-w to write."""

from __future__ import annotations

import re
import sys
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from roadmap.io._tree import Path

_AT = re.compile(r"\s*\(at line (\d+), column \d+\)\s*$")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


class ParseError(ValueError):
    """The text is not TOML; ``line`` says where."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.message = message
        self.line = line


#: The message for a file nested deeper than Python can follow.
DEEP = "values are nested too deeply (lists or tables within each other); not a plan"
#: The message for a number too long for Python to read (over 4,300 digits).
HUGE = "a number has more than 4,300 digits; not a plan value"


def parse(text: str) -> dict[str, Any]:
    """Parse TOML text into a tree."""
    try:
        tree: dict[str, Any] = tomllib.loads(text)
        return tree
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        m = _AT.search(message)
        line = int(m.group(1)) if m else getattr(err, "lineno", None)
        raise ParseError(_AT.sub("", message) + " (not valid TOML)", line) from None
    except RecursionError:
        raise ParseError(DEEP, None) from None
    except ValueError as err:  # int() refuses 4,300 digits and more
        raise ParseError(
            HUGE if "digits" in str(err) else f"{err} (not valid TOML)", None
        ) from None


_SENTINEL = "_" * 120  # too long for one line: forces tomli-w's [[array]] form


def dump(tree: dict[str, Any]) -> str:
    """Write a tree as TOML: ``[roadmap]`` first, then each section in plan order.

    tomli-w writes an array of tables inline (``milestones = [{...}]``, hoisted above
    every table) when each entry fits on one line.  A plan reads better with
    ``[[milestones]]`` blocks, so every section is written on its own, and an array gets
    one entry that cannot be inlined, whose block is then dropped.
    """
    import tomli_w

    parts = []
    for key, value in tree.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            text: str = tomli_w.dumps({key: [*value, {"_": _SENTINEL}]})
            tail = f'[[{key}]]\n_ = "{_SENTINEL}"\n'
            assert text.endswith(tail), "tomli-w changed its layout"
            parts.append(text[: -len(tail)].rstrip("\n") + "\n")
        else:
            parts.append(tomli_w.dumps({key: value}))
    return "\n".join(parts)


#: Keys whose value is a list of tables, written ``[[key]]``.
_ARRAYS = (
    "phases", "programmes", "initiatives", "milestones", "realisation", "baselines",
    "indicators", "risks", "correlations",
)  # fmt: skip


def _table_and_key(path: Path) -> tuple[tuple[str | int, ...], str | None]:
    """The table a value at *path* is written in, and its key there."""
    head = path[0]
    table: tuple[str | int, ...]
    if head in _ARRAYS and len(path) > 1:
        table, rest = (head, path[1]), path[2:]
    elif head == "roadmap" and path[1:2] == ("calendar",):
        table, rest = ("roadmap", "calendar"), path[2:]
    else:
        table, rest = (head,), path[1:]
    return table, rest[0] if rest and isinstance(rest[0], str) else None


def locate_all(text: str, paths: list[Path]) -> list[int | None]:
    """The line of the value at each of *paths*, for plans written with ``key = value``.

    ``("initiatives", 3, "duration")`` finds the fourth ``[[initiatives]]`` header and the
    ``duration = ...`` line below it; a key that is not on a line of its own falls back to
    its table's header.  ``None`` when the layout is not recognised.  One pass over the
    lines, however many paths.
    """
    wanted = {_table_and_key(p)[0] for p in paths if p}
    parents: dict[tuple[str | int, ...], set[str | int]] = {}  # a table written inline
    for t in wanted:
        parents.setdefault(t[:-1], set()).add(t[-1])
    counts: dict[str, int] = {}
    current: tuple[str | int, ...] = ()
    headers: dict[tuple[str | int, ...], int] = {}
    keys: dict[tuple[tuple[str | int, ...], str], int] = {}
    inline: dict[tuple[str | int, ...], int] = {}  # ``name = {...}`` in the parent table
    for n, line in enumerate(text.splitlines(), 1):
        h = _HEADER.match(line)
        if h and not _KEY.match(line):
            name = h.group(2).strip()
            if h.group(1) == "[[":
                counts[name] = counts.get(name, -1) + 1
                current = (name, counts[name])
            else:
                current = tuple(part.strip() for part in name.split("."))
            if current in wanted:
                headers[current] = n
            continue
        if current not in wanted and current not in parents:
            continue
        k = _KEY.match(line)
        if not k:
            continue
        name = k.group(1).strip("\"'")
        keys.setdefault((current, name), n)
        if name in parents.get(current, ()):
            table_path: tuple[str | int, ...] = (*current, name)
            inline[table_path] = n
    out: list[int | None] = []
    for path in paths:
        if not path:
            out.append(1)
            continue
        table, key = _table_and_key(path)
        found = keys.get((table, key)) if key is not None else None
        out.append(found or headers.get(table) or inline.get(table))
    return out
