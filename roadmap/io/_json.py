"""JSON plans: :mod:`json` to read and write; a position-tracking scan locates errors."""

from __future__ import annotations

import bisect
import json
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


def locate(text: str, path: Path) -> int | None:
    """The line on which the value (or key) at *path* is written.

    Runs only after an error: a small recursive scanner, linear in the text (a line is
    found by bisecting the offsets of the line breaks).
    """
    try:
        lines = _Scanner(text).lines()
    except (ValueError, IndexError, RecursionError):
        return None
    for cut in range(len(path), -1, -1):
        line = lines.get(path[:cut])
        if line is not None:
            return line
    return None


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.found: dict[Path, int] = {}
        self.decoder = json.JSONDecoder()
        self.breaks = [k for k, ch in enumerate(text) if ch == "\n"]

    def lines(self) -> dict[Path, int]:
        self.value(())
        return self.found

    def line(self) -> int:
        return bisect.bisect_left(self.breaks, self.pos) + 1

    def skip(self) -> None:
        text = self.text
        while self.pos < len(text) and text[self.pos] in " \t\r\n":
            self.pos += 1

    def value(self, path: Path) -> None:
        self.skip()
        self.found.setdefault(path, self.line())
        ch = self.text[self.pos]
        if ch == "{":
            self.pos += 1
            self.skip()
            if self.text[self.pos] == "}":
                self.pos += 1
                return
            while True:
                self.skip()
                key_line = self.line()
                key, self.pos = self.decoder.raw_decode(self.text, self.pos)
                self.skip()
                self.pos += 1  # ':'
                child: Path = (*path, key)
                self.found[child] = key_line
                self.value(child)
                self.found[child] = key_line  # a key's line, not its value's
                self.skip()
                ch = self.text[self.pos]
                self.pos += 1
                if ch == "}":
                    return
        elif ch == "[":
            self.pos += 1
            self.skip()
            if self.text[self.pos] == "]":
                self.pos += 1
                return
            i = 0
            while True:
                self.value((*path, i))
                i += 1
                self.skip()
                ch = self.text[self.pos]
                self.pos += 1
                if ch == "]":
                    return
        else:
            _, self.pos = self.decoder.raw_decode(self.text, self.pos)
