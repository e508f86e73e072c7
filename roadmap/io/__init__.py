"""Read and write plan files: TOML, JSON, YAML, CSV, XLSX; read MS Project XML.

TOML, JSON and YAML share one tree (SPEC §5); CSV and XLSX take one row per item.

This package knows plans, not schedules: writing MSPDI needs the schedule's dates, so it
lives in :mod:`roadmap.export` (and :func:`roadmap.save` writes every format).  Every read
error is a :class:`~roadmap.errors.PlanFileError` naming the file, the line and the field
path.  Writing is atomic: a temporary file in the same folder is renamed over the target,
so a crash never leaves half a plan behind.

Examples
--------
>>> plan = loads('''
... [roadmap]
... name = "Demo"
... start = 2019-01-01
...
... [[initiatives]]
... id = "A"
... name = "Master plan"
... duration = "5 bulan"
... ''')
>>> plan["A"].duration
Duration.parse('5 months')
>>> loads(dumps(plan, format="json"), format="json") == plan
True
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
from collections.abc import Iterator, Sequence
from pathlib import Path as FsPath
from types import ModuleType
from typing import IO, Literal, TypeAlias

from roadmap._files import atomic_write
from roadmap.dates import parse_date
from roadmap.errors import PlanFileError, RoadmapError
from roadmap.io import _html, _json, _messages, _mspdi, _table, _template, _toml, _yaml
from roadmap.io._toml import ParseError
from roadmap.io._tree import TreeError, format_path, from_tree, to_tree
from roadmap.model import Roadmap

__all__ = [
    "FORMATS", "SHEET_NAMES", "PlanFormat", "detect_format", "dumps", "error_lines", "load",
    "loads", "save",
    "save_baselines", "save_starts", "write_template",
]  # fmt: skip

PlanFormat: TypeAlias = Literal["toml", "json", "yaml", "csv", "xlsx", "mspdi", "html"]
#: File suffixes of each plan format.
FORMATS: dict[str, PlanFormat] = {
    ".toml": "toml", ".json": "json", ".yaml": "yaml", ".yml": "yaml", ".csv": "csv",
    ".xlsx": "xlsx", ".xml": "mspdi", ".html": "html", ".htm": "html",
}  # fmt: skip
#: The names of a plan workbook's sheets, in English and Indonesian (other sheets are
#: left out and listed in :attr:`Roadmap.ignored`).
SHEET_NAMES: tuple[str, ...] = _table.SHEET_NAMES
_MODULES: dict[str, ModuleType] = {"toml": _toml, "json": _json, "yaml": _yaml}
_ALL = ", ".join(dict.fromkeys(FORMATS.values()))

Source: TypeAlias = "str | os.PathLike[str] | IO[str] | IO[bytes]"
_HTML_IS_A_REPORT = (
    "an HTML file is a report: write it with roadmap.report(plan).save(path) or "
    "'roadmap report PLAN -o OUT.html'"
)
_MSPDI_NEEDS_SCHEDULE = (
    "MS Project XML carries scheduled dates: write it with roadmap.save(), roadmap.dumps() "
    "or roadmap.export.to_mspdi()"
)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while a plan is built: its objects are not garbage.

    Reading 100,000 items makes hundreds of thousands of objects that all live on; the
    collector would walk them again and again (a quarter of the time).  Cycles made
    meanwhile are collected once it runs again.  (Moving the new objects straight to the
    oldest generation with ``gc.freeze`` and ``gc.unfreeze`` would save the first walk,
    but it hides them from the count that triggers full collections: a program that reads
    many plans then never collects its cycles.)
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def error_lines(err: PlanFileError, language: str = "en") -> list[str]:
    """The problems of an unreadable plan file, one line each, in *language*.

    ``"en"`` is the exception's own text; ``"id"`` words the place (``lembar``, ``baris``,
    ``kolom``) and the reasons planners meet in Indonesian.  Up to 50 lines, then ``and N
    more`` (``dan N lainnya``).

    Examples
    --------
    >>> err = PlanFileError("expected text, got 5", path="p.toml", line=3, field="name")
    >>> error_lines(err, "id")
    ['p.toml, baris 3, name: isi teks, tertulis 5']
    """
    return _messages.lines(err, language)


def detect_format(path: str | os.PathLike[str], format: str | None = None) -> PlanFormat:
    """The plan format named by *format*, or else by the file's suffix.

    Raises
    ------
    PlanFileError
        For an unknown format or suffix.

    Examples
    --------
    >>> detect_format("plan.yml")
    'yaml'
    """
    if format is not None:
        if format.lower() not in FORMATS.values():
            raise PlanFileError(f"unknown plan format {format!r}; allowed: {_ALL}", path=str(path))
        return format.lower()  # type: ignore[return-value]
    suffix = FsPath(path).suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        raise PlanFileError(
            f"cannot tell the plan format from the suffix {suffix!r}: "
            f"name the file with {', '.join(FORMATS)}",
            path=str(path),
        ) from None


def loads(text: str, format: str = "toml", *, path: str = "<string>") -> Roadmap:
    """Read a plan from text.

    Parameters
    ----------
    text
        The plan.
    format
        ``"toml"`` (default), ``"json"``, ``"yaml"`` or ``"csv"`` (the items only: with
        :func:`load` a CSV file brings its ``.phases``, ``.ceilings`` and ``.roadmap``
        files).
    path
        Name used in error messages.

    Raises
    ------
    PlanFileError
        Naming *path*, the line and the field of each problem (``errors`` lists them).
    """
    with _collector_paused():
        return _loads(text, format, path)


def _loads(text: str, format: str, path: str) -> Roadmap:
    fmt = detect_format(path, format)
    if fmt == "csv":
        return _table.read_csv(text.encode("utf-8"), path, sidecars=False)
    if fmt == "xlsx":
        raise PlanFileError("an XLSX workbook is not text: use load() on the file", path=path)
    if fmt == "mspdi":
        return _mspdi.read_mspdi(text.encode("utf-8"), path)
    if fmt == "html":
        embedded = _html.embedded_plan(text)
        if embedded is None:
            raise PlanFileError(
                "this HTML file holds no plan: only a report written by 'roadmap report' "
                'does (its plan is in <script id="roadmap-plan">)',
                path=path,
            )
        return loads(embedded, "json", path=f"{path} (the plan embedded in the report)")
    module = _MODULES[fmt]
    try:
        tree = module.parse(text)
    except ParseError as err:
        message = err.message
        if err.line is not None:
            lines = text.splitlines()
            if 0 < err.line <= len(lines) and lines[err.line - 1].strip():
                message += f": {lines[err.line - 1].strip()[:80]}"
        raise PlanFileError(message, path=path, line=err.line) from None
    try:
        return from_tree(tree, fmt)
    except TreeError as err:
        lines = module.locate_all(text, [e.path for e in err.errors])  # one pass for all
        error = PlanFileError.of([
            PlanFileError(e.message, path=path, line=line, field=format_path(e.path) or None)
            for e, line in zip(err.errors, lines, strict=True)
        ])  # fmt: skip
        error.language = _language_of(tree)
        raise error from None


def _language_of(tree: object) -> str | None:
    """The language a plan tree states, ``"id"`` when it states none, or ``None``."""
    head = tree.get("roadmap") if isinstance(tree, dict) else None
    if not isinstance(head, dict):
        return None
    language = head.get("language", "id")
    return language if language in ("id", "en") else None


def load(source: Source, format: str | None = None) -> Roadmap:
    """Read a plan file (TOML, JSON, YAML, CSV or XLSX) from a path or an open file.

    Parameters
    ----------
    source
        A path, or a file object opened in text or binary mode.
    format
        ``"toml"``, ``"json"``, ``"yaml"``, ``"csv"`` or ``"xlsx"`` (needs the ``excel``
        extra); by default taken from the file's suffix.  A CSV plan read from a path also
        reads ``plan.phases.csv``, ``plan.ceilings.csv`` and ``plan.roadmap.csv`` beside it.

    Raises
    ------
    PlanFileError
        When the file cannot be read, is not valid, or holds an invalid plan; the message
        names the file, the line (or the sheet, row and column) and the field.
    """
    with _collector_paused():
        return _load(source, format)


def _load(source: Source, format: str | None) -> Roadmap:
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        if os.path.isdir(name):
            raise PlanFileError("this is a folder, not a plan file", path=name)
        try:
            data = FsPath(name).read_bytes()
        except OSError as err:
            raise PlanFileError(f"cannot read the file: {err.strerror}", path=name) from None
        fmt = detect_format(name, format)
    else:
        name = str(getattr(source, "name", "<stream>"))
        fmt = detect_format(name, format) if format or name != "<stream>" else "toml"
        raw = source.read()
        data = raw.encode("utf-8") if isinstance(raw, str) else raw
    if fmt == "xlsx":
        return _table.read_xlsx(data, name)
    if fmt == "mspdi":
        return _mspdi.read_mspdi(data, name)
    if fmt == "csv":
        return _table.read_csv(data, name, sidecars=isinstance(source, str | os.PathLike))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise PlanFileError(
            "the file is not UTF-8 text (save it as UTF-8)", path=name, line=line
        ) from None
    return loads(text, fmt, path=name)


def dumps(plan: Roadmap, format: str = "toml") -> str:
    """Write a plan as text in *format* (``"toml"``, ``"json"`` or ``"yaml"``).

    Defaults are left out; dates stay dates in TOML and YAML and are ISO text in JSON.
    CSV and XLSX plans are files: write them with :func:`save`.  MS Project XML carries
    scheduled dates: :func:`roadmap.dumps` writes it.
    """
    fmt = detect_format("<string>", format)
    if fmt in ("csv", "xlsx"):
        raise RoadmapError(f"a {fmt.upper()} plan is written to files: use save()")
    if fmt == "html":
        raise RoadmapError(_HTML_IS_A_REPORT)
    if fmt == "mspdi":
        raise RoadmapError(_MSPDI_NEEDS_SCHEDULE)
    if fmt == "json":
        tree = to_tree(plan, dates=lambda d: d.isoformat())
    elif fmt == "yaml":
        tree = to_tree(plan, years=int)
    else:
        tree = to_tree(plan)
    text: str = _MODULES[fmt].dump(tree)
    return text


def save(
    plan: Roadmap, target: str | os.PathLike[str] | IO[str], format: str | None = None
) -> None:
    """Write a plan to a path (atomically) or to an open text file.

    Parameters
    ----------
    plan
        The roadmap.
    target
        A path or a text file object.  A CSV plan ``plan.csv`` is written with its
        ``plan.roadmap.csv`` (and ``plan.phases.csv``, ``plan.ceilings.csv`` when the plan
        has phases or ceilings); an XLSX plan needs a path.
    format
        By default taken from the path's suffix.
    """
    if isinstance(target, str | os.PathLike):
        fmt = detect_format(target, format)
        if fmt == "mspdi":
            raise RoadmapError(_MSPDI_NEEDS_SCHEDULE)
        if fmt == "html":
            raise RoadmapError(_HTML_IS_A_REPORT)
        if fmt == "csv":
            _table.write_csv(plan, target)
        elif fmt == "xlsx":
            atomic_write(target, _table.write_xlsx(plan))
        else:
            atomic_write(target, dumps(plan, fmt).encode("utf-8"))
    else:
        name = str(getattr(target, "name", "<stream>"))
        fmt = detect_format(name, format) if format or name != "<stream>" else "toml"
        target.write(dumps(plan, fmt))


def save_baselines(plan: Roadmap, path: str | os.PathLike[str]) -> None:
    """Write *plan*'s baselines into the plan file at *path*, changing nothing else.

    A TOML file keeps its comments and layout (only its ``[[baselines]]`` are rewritten,
    through tomlkit); a JSON or YAML file is written again whole (YAML loses its comments).

    Raises
    ------
    roadmap.RoadmapError
        For a CSV, XLSX, MS Project or HTML file, which have no place for baselines.
    """
    fmt = detect_format(path)
    if fmt in ("json", "yaml"):
        save(plan, path)
        return
    if fmt != "toml":
        raise RoadmapError(
            f"{os.fspath(path)}: a {fmt.upper()} plan has no place for baselines: keep the "
            "plan in TOML, JSON or YAML, or compare with another plan file (--baseline FILE)"
        )
    import tomlkit

    doc = tomlkit.parse(FsPath(path).read_text(encoding="utf-8-sig"))
    tree = to_tree(plan).get("baselines", [])
    tables = tomlkit.aot()
    for entry in tree:
        table = tomlkit.table()
        for key, value in entry.items():
            if key != "items":
                table[key] = value
        items = tomlkit.array()
        for item in entry["items"]:
            inline = tomlkit.inline_table()
            inline.update(item)
            items.append(inline)
        table["items"] = items.multiline(True)
        tables.append(table)
    if "baselines" in doc:
        del doc["baselines"]
    if tables:
        doc["baselines"] = tables
    atomic_write(path, tomlkit.dumps(doc).encode("utf-8"))


def save_starts(
    plan: Roadmap, source: str | os.PathLike[str], target: str | os.PathLike[str]
) -> None:
    """Write *plan* to *target* as a copy of the plan file *source* with its new dates.

    From a TOML file to a TOML file only the planned dates change (``start`` and
    ``finish`` of initiatives, ``date`` of milestones), through tomlkit: the user's
    comments and layout stay.  Any other pair is written whole by :func:`save`.
    """
    if not (detect_format(source) == "toml" and detect_format(target) == "toml"):
        save(plan, target)
        return
    import tomlkit

    doc = tomlkit.parse(FsPath(source).read_text(encoding="utf-8-sig"))
    dates = {i.id: i for i in plan.items}
    for key, fields in (("initiatives", ("start", "finish")), ("milestones", ("date",))):
        for entry in doc.get(key, []):
            item = dates.get(str(entry.get("id")))
            if item is None:
                continue
            for field in fields:
                value = getattr(item, field)
                if value is None:
                    continue
                old = entry.get(field)
                if old is None or parse_date(old) != value:
                    entry[field] = value
    atomic_write(target, tomlkit.dumps(doc).encode("utf-8"))


def write_template(
    path: str | os.PathLike[str], language: str = "id", years: Sequence[int] = _template.YEARS
) -> None:
    """Write a blank XLSX plan: headers, drop-down lists and an instructions sheet.

    *years* are the fiscal years that get budget and ceiling columns (default 2019, 2020).
    Needs the ``excel`` extra.  Refuses to replace an existing file, which may hold a plan.

    Raises
    ------
    FileExistsError
        When *path* exists.
    """
    if os.path.exists(path):
        raise FileExistsError(errno.EEXIST, "will not replace an existing file", os.fspath(path))
    atomic_write(path, _template.write_template(language, years))
