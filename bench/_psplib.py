"""A small reader of PSPLIB single-mode instances (``.sm``) and their optima (``j30opt.sm``).

Format: Kolisch & Sprecher (1997), PSPLIB - a project scheduling problem library, EJOR
96(1).  Jobs 1 and n are the dummy source and sink.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "psplib"


class Instance(NamedTuple):
    name: str
    durations: list[int]
    successors: list[list[int]]  # 0-based
    demand: list[list[int]]  # demand[r][j]
    capacity: list[int]
    horizon: int


def read(path: Path) -> Instance:
    lines = path.read_text().splitlines()
    horizon = int(next(line for line in lines if line.startswith("horizon")).split(":")[1])
    k = next(i for i, line in enumerate(lines) if line.startswith("PRECEDENCE RELATIONS"))
    successors: list[list[int]] = []
    k += 2
    while not lines[k].startswith("*"):
        parts = [int(x) for x in lines[k].split()]
        successors.append([s - 1 for s in parts[3:]])
        k += 1
    n = len(successors)
    k = next(i for i, line in enumerate(lines) if line.startswith("REQUESTS/DURATIONS"))
    k += 3
    durations = [0] * n
    rows = []
    while not lines[k].startswith("*"):
        parts = [int(x) for x in lines[k].split()]
        durations[parts[0] - 1] = parts[2]
        rows.append(parts[3:])
        k += 1
    k = next(i for i, line in enumerate(lines) if line.startswith("RESOURCEAVAILABILITIES"))
    capacity = [int(x) for x in lines[k + 2].split()]
    demand = [[rows[j][r] for j in range(n)] for r in range(len(capacity))]
    return Instance(path.stem, durations, successors, demand, capacity, horizon)


def optima() -> dict[str, int]:
    """``{"j301_1": 43, ...}`` from ``j30opt.sm``."""
    out = {}
    for line in (DATA / "j30opt.sm").read_text().splitlines():
        m = re.fullmatch(r"\s*(\d+)\s+(\d+)\s+(\d+)\s+[\d.]+\s*", line)
        if m:
            out[f"j30{m.group(1)}_{m.group(2)}"] = int(m.group(3))
    return out


def instances() -> list[Instance]:
    """The 480 j30 instances, in the order of ``j30opt.sm``."""
    names = list(optima())
    return [read(DATA / "j30" / f"{name}.sm") for name in names]
