"""The layering rules of docs/architecture.md that import-linter cannot see."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "roadmap"
# The package, and the code that uses it as a user would: tests, benchmarks, examples.
MODULES = sorted(
    p for folder in ("roadmap", "tests", "bench", "examples") for p in (ROOT / folder).rglob("*.py")
)
# Underscored names that are public protocols: namedtuple's methods, IPython's display hook.
ALLOWED = {"_replace", "_asdict", "_fields", "_make", "_repr_html_"}


def _defined(tree: ast.Module) -> set[str]:
    """Every underscored name a module defines: functions, classes, attributes, slots."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names.add(node.value)  # __slots__ entries and attrs' private fields
    return {n.lstrip("_") and n for n in names if n.startswith("_")}


def _is_module(dotted: str) -> bool:
    """Whether *dotted* names a module of roadmap (a private module is fine to import)."""
    path = PACKAGE.parent.joinpath(*dotted.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_reads_another_modules_private_names(path: Path) -> None:
    """No `from x import _name`, and no `obj._name` the module does not define itself."""
    tree = ast.parse(path.read_text(), str(path))
    own = _defined(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found += [
                f"line {node.lineno}: from {node.module} import {a.name}"
                for a in node.names
                if a.name.startswith("_")
                and not a.name.startswith("__")
                and not _is_module(f"{node.module}.{a.name}")
            ]
        elif isinstance(node, ast.Attribute):
            name = node.attr
            if name.startswith("_") and not name.startswith("__") and name not in own | ALLOWED:
                found.append(f"line {node.lineno}: .{name}")
    assert not found, found
