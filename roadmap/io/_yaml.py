"""YAML plans through PyYAML's safe loader (the ``yaml`` extra)."""

from __future__ import annotations

import re
from typing import Any

from roadmap.errors import MissingExtraError
from roadmap.io._toml import DEEP, HUGE, ParseError
from roadmap.io._tree import Path


def _yaml() -> Any:
    try:
        import yaml
    except ImportError:
        raise MissingExtraError("reading and writing YAML plans", "yaml", "PyYAML") from None
    return yaml


#: The deepest nesting of [ ] and { } a YAML plan may have: libyaml's composer recurses
#: in C, and thousands of levels crash the interpreter with some PyYAML builds.
MAX_DEPTH = 100
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")


_BLOCK_RUN = re.compile(rf"(?:[-?][ \t]+){{{MAX_DEPTH}}}")


def _shallow(text: str) -> None:
    """Refuse collections nested deeper than :data:`MAX_DEPTH` before parsing.

    Flow collections nest with brackets; block ones cheaply only as a run of indicators
    on one line (``- - - - x``); deeper block nesting needs ever longer indentation.
    """
    if _BLOCK_RUN.search(text):
        raise ParseError(DEEP, None)
    depth = 0
    for ch in _NOT_BRACKETS.sub("", text):
        if ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise ParseError(DEEP, None)
        else:
            depth -= 1


def parse(text: str) -> Any:
    """Parse YAML text into a tree with the safe loader."""
    yaml = _yaml()
    _shallow(text)
    try:
        # libyaml's C scanner when PyYAML has it (about 10x faster), the same safe types.
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        raise ParseError(f"{err.problem or err} (not valid YAML)", line) from None
    except yaml.YAMLError as err:
        raise ParseError(f"{err} (not valid YAML)", None) from None
    except RecursionError:
        raise ParseError(DEEP, None) from None
    except ValueError as err:  # int() refuses 4,300 digits; date() refuses month 13
        raise ParseError(
            HUGE if "digits" in str(err) else f"{err} (not valid YAML)", None
        ) from None


def dump(tree: dict[str, Any]) -> str:
    """Write a tree as block-style YAML."""
    yaml = _yaml()
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(tree, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    return text


def locate_all(text: str, paths: list[Path]) -> list[int | None]:
    """The line of the node at each of *paths* (or of its nearest parent).

    The text is composed once, however many paths.
    """
    yaml = _yaml()
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError):
        return [None] * len(paths)
    return [_line_of(yaml, root, path) for path in paths]


def _line_of(yaml: Any, node: Any, path: Path) -> int | None:
    line = node.start_mark.line + 1 if node is not None else None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if str(k.value) == str(part):
                    node = v
                    line = k.start_mark.line + 1
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return line
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line
