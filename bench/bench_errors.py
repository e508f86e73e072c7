"""Benchmark: the error path of every plan format, beside the valid load.

A random plan of n items is written in each format; a copy has one bad duration in its
last initiative.  Loading the copy must fail with the file, the line (or sheet, row and
column) and the field; finding where costs at most about a second parse, so the ratio of
the failing load to the valid one stays small at every size (it was quadratic for JSON:
minutes at 16k items).

Run::

    python bench/bench_errors.py            # 1k, 10k, 100k items (TOML, JSON, CSV; YAML
                                            # and XLSX to 10k: their valid loads take 10+ s)
    python bench/bench_errors.py --quick    # 1k, 10k items
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import attrs

import roadmap as rm
from bench._plans import print_table, random_plan, timed

SLOW = {"yaml": 10_000, "xlsx": 10_000}  # the largest size measured for these formats


def _load_fails(path: Path) -> str:
    try:
        rm.load(path)
    except rm.PlanFileError as err:
        return str(err)
    raise AssertionError(f"{path} loaded although it has a bad value")


def measure(n: int, fmt: str, folder: Path) -> tuple[str, ...]:
    plan = random_plan(n, seed=1, links_per_item=0.5)
    good = folder / f"good{n}.{fmt}"
    rm.save(plan, good, format=fmt)
    last = plan.initiatives[-1]
    # The same plan with one wrong duration: replace the last item's duration text.
    marker = attrs.evolve(last, duration="13 weeks")
    bad_plan = attrs.evolve(plan, initiatives=[*plan.initiatives[:-1], marker])
    bad = folder / f"bad{n}.{fmt}"
    rm.save(bad_plan, bad, format=fmt)
    if fmt == "xlsx":
        import openpyxl

        book = openpyxl.load_workbook(bad)
        sheet = book["Items"]
        head = [c.value for c in sheet[1]]
        col, key = head.index("duration") + 1, head.index("id")
        row = next(r[0].row for r in sheet.iter_rows(min_row=2) if r[key].value == last.id)
        sheet.cell(row=row, column=col, value="9 mnths")
        book.save(bad)
    else:
        text = bad.read_text(encoding="utf-8")
        at = text.rindex("13 weeks")
        bad.write_text(text[:at] + "9 mnths" + text[at + 8 :], encoding="utf-8")
    message = _load_fails(bad)
    if "9 mnths" not in message or "duration" not in message:
        raise AssertionError(f"the error does not name the value and field: {message}")
    repeats = 3 if n <= 10_000 else 1
    ok_s, _ = timed(lambda: rm.load(good), repeats)
    bad_s, _ = timed(lambda: _load_fails(bad), repeats)
    where = message.split(": ")[0].split(", ", 1)[-1] if ", " in message.split(": ")[0] else ""
    return (fmt, f"{n:,}", f"{ok_s:.3f} s", f"{bad_s:.3f} s", f"{bad_s / ok_s:.2f}x", where)


def main() -> None:
    parser = argparse.ArgumentParser(description="Time plan-file errors beside valid loads.")
    parser.add_argument("--quick", action="store_true", help="1k and 10k items only")
    args = parser.parse_args()
    sizes = (1_000, 10_000) if args.quick else (1_000, 10_000, 100_000)
    formats = ["toml", "json", "csv"]
    for extra, module in (("yaml", "yaml"), ("xlsx", "openpyxl")):
        try:
            __import__(module)
            formats.append(extra)
        except ImportError:
            pass
    print(f"roadmap {rm.__version__}, Python {sys.version.split()[0]}; medians of 3 runs "
          "(1 at 100k); the bad file has one wrong duration in its last item")  # fmt: skip
    rows = [("format", "items", "valid load", "failing load", "ratio", "error names")]
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats:
            for n in sizes:
                if n > SLOW.get(fmt, n):
                    continue
                print(f"measuring {fmt} {n:,} ...", file=sys.stderr)
                rows.append(measure(n, fmt, Path(tmp)))
    print_table(rows, left_last=True)


if __name__ == "__main__":
    main()
