"""Benchmark: the error path of every plan format, beside the valid load.

A random plan of n items is written in each format; a copy has one wrong value in its
last initiative (a duration; in MS Project XML, a task's constraint type), another in its
last 200 (as many as an error report lists: all are located in one pass).  Loading the
copy must fail with the file, the line (or sheet, row and column) and the field; finding
where costs at most about a second parse, so the ratio of the failing load to the valid
one stays small at every size (it was quadratic for JSON: minutes at 16k items).

Run::

    python bench/bench_errors.py            # 1k, 10k, 100k items, six formats (minutes:
                                            # YAML and XLSX read 100k items in 10+ s)
    python bench/bench_errors.py --quick    # 1k, 10k items
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import attrs

import roadmap as rm
from bench._plans import print_table, random_plan, timed


def _load_fails(path: Path) -> str:
    try:
        rm.load(path)
    except rm.PlanFileError as err:
        return str(err)
    raise AssertionError(f"{path} loaded although it has a bad value")


def _spoil(bad: Path, fmt: str, mark: str, count: int) -> tuple[str, str]:
    """Write a wrong value into the last *count* items of the file, where *mark* is written.

    Returns the wrong value and the field the first error must name.
    """
    if fmt == "xlsx":  # the cell's text is written inline in the sheet: edit it there
        with zipfile.ZipFile(bad) as book:
            parts = {name: book.read(name) for name in book.namelist()}
        sheet = "xl/worksheets/sheet1.xml"  # Items, the first sheet
        cells = parts[sheet].decode("utf-8")
        assert cells.count(f"<t>{mark}</t>") == count
        parts[sheet] = cells.replace(f"<t>{mark}</t>", f"<t>{WRONG}</t>").encode("utf-8")
        with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as book:
            for name, data in parts.items():
                book.writestr(name, data)
        return WRONG, "duration"
    text = bad.read_text(encoding="utf-8")
    if fmt == "mspdi":  # a task's constraint type, a number in MS Project's schema
        head, *tasks = text.split("<ConstraintType>")
        tasks[-count:] = [WRONG + t[t.index("<") :] for t in tasks[-count:]]
        bad.write_text("<ConstraintType>".join([head, *tasks]), encoding="utf-8")
        return WRONG, "ConstraintType"
    assert text.count(mark) == count
    bad.write_text(text.replace(mark, WRONG), encoding="utf-8")
    return WRONG, "duration"


WRONG = "9 mnths"
#: A file with as many wrong values as an error report lists (then reading stops).
MANY = 200


def measure(n: int, fmt: str, folder: Path) -> tuple[str, ...]:
    plan = random_plan(n, seed=1, links_per_item=0.5)
    good = folder / f"good{n}.{SUFFIXES[fmt]}"
    rm.save(plan, good, format=fmt)
    repeats = 3 if n <= 10_000 else 1
    ok_s, _ = timed(lambda: rm.load(good), repeats)
    row = [fmt, f"{n:,}", f"{ok_s:.3f} s"]
    for count in (1, MANY):
        # The same plan with a marked duration in its last initiatives, then made wrong.
        marked = [attrs.evolve(i, duration=rm.Duration(weeks=13))
                  for i in plan.initiatives[-count:]]  # fmt: skip
        bad_plan = attrs.evolve(plan, initiatives=[*plan.initiatives[:-count], *marked])
        bad = folder / f"bad{n}-{count}.{SUFFIXES[fmt]}"
        rm.save(bad_plan, bad, format=fmt)
        value, field = _spoil(bad, fmt, rm.Duration(weeks=13).text(plan.language), count)
        message = _load_fails(bad)
        if value not in message or field not in message:
            raise AssertionError(f"the error does not name the value and field: {message}")
        bad_s, _ = timed(lambda bad=bad: _load_fails(bad), repeats)
        row += [f"{bad_s:.3f} s", f"{bad_s / ok_s:.2f}x"]
        if count == 1:
            head = message.split(": ")[0]
            where = head.split(", ", 1)[-1] if ", " in head else ""
    return (*row, where)


SUFFIXES = {"toml": "toml", "json": "json", "yaml": "yaml", "csv": "csv", "xlsx": "xlsx",
            "mspdi": "xml"}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description="Time plan-file errors beside valid loads.")
    parser.add_argument("--quick", action="store_true", help="1k and 10k items only")
    args = parser.parse_args()
    sizes = (1_000, 10_000) if args.quick else (1_000, 10_000, 100_000)
    formats = ["toml", "json", "csv", "mspdi"]
    for extra, module in (("yaml", "yaml"), ("xlsx", "openpyxl")):
        try:
            __import__(module)
            formats.append(extra)
        except ImportError:
            pass
    print(f"roadmap {rm.__version__}, Python {sys.version.split()[0]}; medians of 3 runs "
          f"(1 at 100k); a bad file has a wrong value in its last item, or in its last "
          f"{MANY}")  # fmt: skip
    rows = [("format", "items", "valid load", "1 bad value", "ratio", f"{MANY} bad", "ratio",
             "the error names")]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats:
            for n in sizes:
                print(f"measuring {fmt} {n:,} ...", file=sys.stderr, flush=True)
                rows.append(measure(n, fmt, Path(tmp)))
    print_table(rows, left_last=True)


if __name__ == "__main__":
    main()
