"""The mistakes catalogue: what planners write, read in every format, and what comes of it.

Each file of ``tests/data/mistakes/`` is one mistake (or one form people write that must
read right): the field of an initiative, the value as written, and the expected outcome,
``reads`` (a Python expression about ``item`` that must hold), ``error`` (a part of the
load error) or ``warning`` (a finding code and a part of its message); ``table_error``
overrides it for CSV and XLSX.  The value is written into a small plan in TOML, JSON,
YAML, CSV and XLSX as a person would type it, and the plan loaded (and checked).

Run against any checkout, e.g. to compare with an older one::

    python bench/mistakes.py                         # this checkout
    PYTHONPATH=/path/to/old python bench/mistakes.py --catalogue tests/data/mistakes

The table shows per mistake and format ``ok`` (the expected outcome), ``silent`` (read
without a word, to the wrong value or without the warning), ``refused`` (an error, but not
the expected one: the first of its lines is shown below the table) or ``crash``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    sys.path.append(str(Path(__file__).resolve().parent.parent))

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import roadmap as rm
from roadmap.dates import Duration

CATALOGUE = Path(__file__).resolve().parent.parent / "tests" / "data" / "mistakes"
FORMATS = ("toml", "json", "yaml", "csv", "xlsx")


@dataclass
class Mistake:
    """One file of the catalogue."""

    name: str
    title: str
    field: str
    value: Any
    spec: dict[str, Any]

    @classmethod
    def read(cls, path: Path) -> Mistake:
        """The mistake described by the TOML file at *path*."""
        spec = tomllib.loads(path.read_text(encoding="utf-8"))
        return cls(path.stem, spec["title"], spec["field"], spec["value"], spec)

    def expected(self, fmt: str) -> tuple[str, str]:
        """``(kind, text)``: ``("reads", expr)``, ``("error", part)`` or ``("warning", ...)``."""
        if fmt in ("csv", "xlsx") and "table_error" in self.spec:
            return "error", self.spec["table_error"]
        for kind in ("reads", "error"):
            if kind in self.spec:
                return kind, self.spec[kind]
        return "warning", f"{self.spec['warning']}: {self.spec['message']}"

    def tree(self) -> dict[str, Any]:
        """The small plan with the mistake in initiative A02."""
        common = {"phase": "F1", "dimension": "Smart Governance", "owner": "Bappelitbang",
                  "budget": 100, "funding": "APBD"}  # fmt: skip
        items: list[dict[str, Any]] = [
            {"id": "A01", "name": "Kajian", "duration": "3 months", **common},
            *({"id": id, "name": id, "duration": "1 month", **common}
              for id in self.spec.get("extra_items", [])),
        ]  # fmt: skip
        item = {"id": "A02", "name": "Bangun", "duration": "2 months", "depends_on": "A01",
                **common}  # fmt: skip
        for key in self.spec.get("drop", []):
            item.pop(key, None)
        item.update(self.spec.get("extra", {}))
        item[self.field] = self.value
        return {
            "roadmap": {"name": "Mistakes", "start": date(2019, 1, 1), "language": "en"},
            "phases": [{"id": "F1", "name": "Fase 1", "start": date(2019, 1, 1),
                        "end": date(2019, 12, 31)}],
            "initiatives": [*items, item],
        }  # fmt: skip


def write(tree: dict[str, Any], fmt: str, folder: Path) -> Path:
    """The plan as a person would type it in *fmt*."""
    path = folder / f"plan.{fmt}"
    if fmt == "toml":
        import tomli_w

        path.write_text(tomli_w.dumps(tree), encoding="utf-8")
    elif fmt == "json":
        path.write_text(json.dumps(tree, default=str, indent=1), encoding="utf-8")
    elif fmt == "yaml":
        import yaml

        path.write_text(yaml.safe_dump(tree, sort_keys=False, allow_unicode=True), "utf-8")
    else:
        tables = _tables(tree)
        if fmt == "csv":
            for key, (header, rows) in tables.items():
                out = io.StringIO()
                writer = csv.writer(out, lineterminator="\n")
                writer.writerow(header)
                writer.writerows([["" if v is None else v for v in row] for row in rows])
                target = path if key == "items" else folder / f"plan.{key}.csv"
                target.write_text(out.getvalue(), encoding="utf-8")
        else:
            import openpyxl

            book = openpyxl.Workbook()
            book.remove(book.active)
            for key, (header, rows) in tables.items():
                ws = book.create_sheet(key.title())
                ws.append(header)
                for row in rows:
                    ws.append(row)
            book.save(path)
    return path


def _tables(tree: dict[str, Any]) -> dict[str, tuple[list[str], list[list[Any]]]]:
    items = tree["initiatives"]
    header = list(dict.fromkeys(k for item in items for k in item))
    return {
        "items": (header, [[item.get(k) for k in header] for item in items]),
        "phases": (list(tree["phases"][0]), [list(p.values()) for p in tree["phases"]]),
        "roadmap": (["key", "value"], [[k, v] for k, v in tree["roadmap"].items()]),
    }


def outcome(mistake: Mistake, fmt: str) -> tuple[str, str]:
    """``(verdict, detail)``: ``ok``, ``silent``, ``refused`` or ``crash``."""
    kind, text = mistake.expected(fmt)
    with tempfile.TemporaryDirectory() as tmp:
        path = write(mistake.tree(), fmt, Path(tmp))
        try:
            plan = rm.load(path)
        except rm.RoadmapError as err:
            first = str(err).splitlines()[0].split(": ", 1)[-1]
            if kind == "error" and any(text in line for line in str(err).splitlines()):
                return "ok", first
            return "refused", first
        except Exception as err:  # any other exception is what the table is for
            return "crash", f"{type(err).__name__}: {err}"
    item = next(i for i in plan.initiatives if i.name == "Bangun")
    if kind == "reads":
        scope = {"item": item, "date": date, "Duration": Duration}
        right = eval(text, scope)  # the catalogue's own expressions
        return ("ok", "") if right else ("silent", _shown(item, mistake.field))
    if kind == "error":
        return "silent", f"read as {_shown(item, mistake.field)}"
    code, message = text.split(": ", 1)
    found = [f.message for f in rm.check(plan, language="en").findings if f.code == code]
    if any(message in m for m in found):
        return "ok", ""
    return "silent", f"no {code} warning; read as {_shown(item, mistake.field)}"


def _shown(item: Any, field: str) -> str:
    value = getattr(item, field, None)
    return repr(value)[:60]


def catalogue(folder: Path = CATALOGUE) -> list[Mistake]:
    """Every mistake of the catalogue, by file name."""
    return [Mistake.read(p) for p in sorted(folder.glob("*.toml"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalogue", type=Path, default=CATALOGUE)
    args = parser.parse_args(argv)
    mistakes = catalogue(args.catalogue)
    width = max(len(m.name) for m in mistakes)
    print(f"{'mistake':<{width}}  " + "  ".join(f"{f:<7}" for f in FORMATS))
    print("-" * width + "  " + "  ".join("-" * 7 for _ in FORMATS))
    counts: dict[str, int] = {}
    notes = []
    for m in mistakes:
        cells = []
        for fmt in FORMATS:
            verdict, detail = outcome(m, fmt)
            counts[verdict] = counts.get(verdict, 0) + 1
            cells.append(f"{verdict:<7}")
            if verdict != "ok":
                notes.append(f"{m.name} [{fmt}]: {verdict}: {detail}")
        print(f"{m.name:<{width}}  " + "  ".join(cells))
    total = sum(counts.values())
    print()
    print(f"{len(mistakes)} mistakes x {len(FORMATS)} formats: "
          + ", ".join(f"{counts.get(v, 0)} {v}" for v in ("ok", "silent", "refused", "crash"))
          + f" (of {total})")  # fmt: skip
    for line in notes:
        print("  " + line[:160])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
