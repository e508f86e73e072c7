"""Benchmark: every plan format, written and read back, for the example and larger plans.

Prints two tables.  First, for the Tanjungpinang example and realistic random plans of 1,000 and
10,000 items, the median time to write (``roadmap.save``) and to read (``roadmap.load``)
each format, the size on disk, and whether the plan read back is the same: ``equal`` (field
for field) or ``same schedule`` (MS Project XML, which has no ceilings or horizon, gives
the same items, links, lags and dates).  The baseline, in the same process, is TOML: the
ratio column is each format's read time over TOML's.  Second (not with ``--quick``), the
time to load 100,000 items from JSON and TOML beside the parser alone, the targets of
issue 17 and the figures before it.

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


#: Loading 100,000 items, before issue 17's work (commit 816e85b, this machine): JSON and
#: TOML, seconds.
BEFORE_100K = {"json": 2.09, "toml": 4.25}


def large_loads() -> list[tuple[str, ...]]:
    """Loading 100,000 items from JSON and TOML beside the parser alone.

    The targets of issue 17: JSON at most 1 s; TOML at most its parse plus 1 s.
    """
    import json

    from roadmap.io._toml import tomllib  # or tomli, before Python 3.11

    plan = random_plan(100_000)
    rows = [("format", "parse alone", "load", "load - parse", "target", "before")]
    for fmt, parse in (("json", json.loads), ("toml", tomllib.loads)):
        print(f"measuring {fmt} 100,000 ...", file=sys.stderr, flush=True)
        text = rm.dumps(plan, format=fmt)
        t_parse, _ = timed(lambda text=text, parse=parse: parse(text), 3)
        t_load, _ = timed(lambda text=text, fmt=fmt: rm.loads(text, fmt), 5)
        target = 1.0 if fmt == "json" else t_parse + 1.0
        rows.append((fmt, f"{t_parse:.3f} s", f"{t_load:.3f} s", f"{t_load - t_parse:.3f} s",
                     f"<= {target:.2f} s", f"{BEFORE_100K[fmt]:.2f} s"))  # fmt: skip
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
    if not args.quick:
        print("\n100,000 items (bench._plans.random_plan), medians; the parser alone runs "
              "with the collector on, as a caller would")  # fmt: skip
        print_table(large_loads())


if __name__ == "__main__":
    main()
