"""Benchmark: every plan format, written and read back, for the example and larger plans.

Prints one table: for the Tanjungpinang example and realistic random plans of 1,000 and
10,000 items, the median time to write (``roadmap.save``) and to read (``roadmap.load``)
each format, the size on disk, and whether the plan read back is the same: ``equal`` (field
for field) or ``same schedule`` (MS Project XML, which has no ceilings or horizon, gives
the same items, links, lags and dates).  The baseline, in the same process, is TOML: the
ratio column is each format's read time over TOML's.

Run::

    python bench/bench_interchange.py            # example, 1,000 and 10,000 items
    python bench/bench_interchange.py --quick    # example and 1,000 items
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import roadmap as rm
from bench._plans import print_table, random_plan, timed

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "tanjungpinang_2019_2023.toml"
SUFFIXES = {"toml": ".toml", "json": ".json", "yaml": ".yaml", "csv": ".csv", "xlsx": ".xlsx",
            "mspdi": ".xml"}  # fmt: skip


def same_schedule(a: rm.Roadmap, b: rm.Roadmap) -> bool:
    sa, sb = rm.schedule(a), rm.schedule(b)
    return all(
        (sa[i.id].start, sa[i.id].finish) == (sb[i.id].start, sb[i.id].finish)
        and {(x.id, x.type, x.lag) for x in i.links}
        == {(x.id, x.type, x.lag) for x in b[i.id].links}
        for i in a.items
    )


def measure(label: str, plan: rm.Roadmap, folder: Path, repeats: int) -> list[tuple[str, ...]]:
    rows = []
    base = 0.0
    for fmt, suffix in SUFFIXES.items():
        path = folder / f"plan{suffix}"
        t_write, _ = timed(lambda path=path: rm.save(plan, path), repeats)
        t_read, _ = timed(lambda path=path: rm.load(path), repeats)
        back = rm.load(path)
        size = sum(p.stat().st_size for p in folder.glob(f"plan*{suffix}"))
        if fmt == "toml":
            base = t_read
        verdict = (
            "equal"
            if back == plan
            else "same schedule"
            if same_schedule(plan, back)
            else "DIFFERENT"
        )
        rows.append((label, fmt, f"{t_write:.3f} s", f"{t_read:.3f} s", f"{size / 1024:,.0f} KiB",
                     verdict, f"{t_read / base:.2f}x"))  # fmt: skip
        for p in folder.iterdir():
            p.unlink()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the 10,000-item plan")
    args = parser.parse_args()
    plans = [
        ("example (41)", rm.load(EXAMPLE), 5),
        ("1,000", random_plan(1_000, realistic=True), 3),
    ]
    if not args.quick:
        plans.append(("10,000", random_plan(10_000, realistic=True), 1))
    table = [("plan", "format", "write", "read", "size", "read back", "read vs TOML")]
    with tempfile.TemporaryDirectory() as tmp:
        for label, plan, repeats in plans:
            print(f"measuring {label} ...", file=sys.stderr, flush=True)
            table += measure(label, plan, Path(tmp), repeats)
    print_table(table)


if __name__ == "__main__":
    main()
