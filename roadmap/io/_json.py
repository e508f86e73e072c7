"""JSON plans: :mod:`json` to read and write; a walk down the paths of errors locates them."""

from __future__ import annotations

import contextlib
import json
import re
from typing import Any

from roadmap.io._toml import DEEP, HUGE, ParseError
from roadmap.io._tree import Path


def parse(text: str) -> Any:
    """Parse JSON text into a tree."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ParseError(f"{err.msg} (not valid JSON)", err.lineno) from None
    except RecursionError:
        raise ParseError(DEEP, None) from None
    except ValueError as err:  # int() refuses 4,300 digits and more
        raise ParseError(
            HUGE if "digits" in str(err) else f"{err} (not valid JSON)", None
        ) from None


def dump(tree: dict[str, Any]) -> str:
    """Write a tree as indented JSON."""
    return json.dumps(tree, indent=2, ensure_ascii=False) + "\n"


def locate_all(text: str, paths: list[Path]) -> list[int | None]:
    """The line of the value (or key) at each of *paths*, or of its nearest parent.

    Runs only after an error, and costs about one more parse however many paths: it
    walks down the containers on the paths and skips every other value with the C
    decoder; lines are counted between the places it records, in C.
    """
    walker = _Walker(text, paths)
    with contextlib.suppress(ValueError, IndexError, RecursionError):
        walker.value(())  # else what was found before the text stopped making sense
    out: list[int | None] = []
    for path in paths:
        line = None
        for cut in range(len(path), -1, -1):
            line = walker.found.get(path[:cut])
            if line is not None:
                break
        out.append(line)
    return out


_SPACE = re.compile(r"[ \t\r\n]*")


class _Walker:
    def __init__(self, text: str, paths: list[Path]) -> None:
        self.text = text
        self.pos = 0
        self.found: dict[Path, int] = {}
        self.wanted = {p[:cut] for p in paths for cut in range(len(p) + 1)}
        self.decode = json.JSONDecoder().raw_decode
        self.counted = (0, 1)  # a position and its line: lines are counted forward from it

    def line(self) -> int:
        at, line = self.counted
        line += self.text.count("\n", at, self.pos)
        self.counted = (self.pos, line)
        return line

    def skip(self) -> None:
        self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]

    def value(self, path: Path) -> None:
        self.skip()
        self.found.setdefault(path, self.line())
        text = self.text
        ch = text[self.pos]
        if ch not in "{[":
            _, self.pos = self.decode(text, self.pos)
            return
        self.pos += 1
        self.skip()
        if text[self.pos] == "}]"[ch == "["]:
            self.pos += 1
            return
        i = 0
        while True:
            self.skip()
            if ch == "{":
                key_at = self.pos
                key, self.pos = self.decode(text, self.pos)
                self.skip()
                self.pos += 1  # ':'
                child: Path = (*path, key)
            else:
                child = (*path, i)
                i += 1
            if child in self.wanted:
                if ch == "{":
                    self.pos, end = key_at, self.pos
                    key_line = self.line()
                    self.pos = end
                self.value(child)
                if ch == "{":
                    self.found[child] = key_line  # a key's line, not its value's
            else:
                self.skip()
                _, self.pos = self.decode(text, self.pos)
            self.skip()
            close = text[self.pos]
            self.pos += 1
            if close in "}]":
                return
