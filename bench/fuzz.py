"""Fuzz the command line with mutated plan files: the error contract under hostile input.

Every case takes a valid plan (the Tanjungpinang example, or a small tracked plan) in one
format, mutates it (flipped and deleted bytes, a cut, NUL and control characters, values
swapped for far dates, huge or negative numbers, deep nesting or long text, a corrupted
workbook) and runs commands in-process on it with ``main(argv)``.  The contract:

- the exit code is 0, 1 or 2, never 3 (an internal error) or an exception;
- exit 2 writes one line to standard error per problem of the file (at most 50, then
  ``and N more``), each a ``roadmap: error:`` line naming the file;
- nothing written to standard error holds a control character (a terminal escape);
- a command that fails leaves no output file behind;
- no case takes longer than the time limit (a hang).

Run::

    python bench/fuzz.py                     # 300 cases, seed 0
    python bench/fuzz.py --cases 10000 --seed 7 --formats toml json

The test suite runs a bounded sweep (``tests/test_fuzz.py``).  A failing case is printed
with its seed, so ``--seed S --cases 1 --first N`` replays it; ``--keep DIR`` keeps the
files of failing cases.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import re
import shutil
import signal
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import attrs

import roadmap as rm
from roadmap.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "tanjungpinang_2019_2023.toml"
TRACKED = ROOT / "examples" / "tanjungpinang_status_2021.toml"
FORMATS = ("toml", "json", "yaml", "csv", "xlsx", "xml")
#: Commands each case runs (OUT is replaced by a file in the case's folder).
COMMANDS = (
    ("check",),
    ("schedule", "--format", "json"),
    ("budget",),
    ("export", "--to", "ics"),
    ("export", "--to", "mermaid"),
    ("status", "--as-of", "2021-06-30"),
)
#: Values that stand in for a field's value in text formats.
ODD_VALUES = (
    '"9999-12-31"', '"0001-01-01"', "9999-12-31", '"P10000Y"', '"3650000 days"',
    "1" + "0" * 30, "-1", "-0.5", "1e308", "nan", '"' + "x" * 5000 + '"', '""', "[]", "{}",
    "[" * 300 + "]" * 300, '"\\u001b[31m"', '"a\\u0000b"', '"\\ud800"', "true", "null",
    '"$\\\\notacommand$"', '"1 Maret 2019"', '"Rp3,5 miliar"', '"0,3"',
)  # fmt: skip
CONTROL = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\u2028\ud800"


@dataclass
class Failure:
    """A case that broke the contract."""

    case: int
    fmt: str
    mutation: str
    argv: list[str]
    problem: str
    stderr: str


@dataclass
class Result:
    """What a sweep did and what broke."""

    cases: int = 0
    invocations: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    exits: dict[int, int] = field(default_factory=dict)
    #: Invocations on the unmutated plans (each must exit 0 or 1).
    controls: int = 0
    #: Per format: cases, and invocations by exit code (or "hang"/"exception").
    by_format: dict[str, dict[str, int]] = field(default_factory=dict)


def seeds(folder: Path, formats: tuple[str, ...] = FORMATS) -> dict[str, Path]:
    """The valid plan in each of *formats*, written once into *folder*."""
    plan = rm.load(TRACKED)
    flat = attrs.evolve(plan, baselines=())  # spreadsheets and MS Project hold none
    out = {}
    for fmt in formats:
        path = folder / f"plan.{fmt}"
        try:
            rm.save(plan if fmt in ("toml", "json", "yaml") else flat, path,
                    format="mspdi" if fmt == "xml" else fmt)  # fmt: skip
        except rm.MissingExtraError:
            continue
        out[fmt] = path
    return out


def _text_mutation(rng: random.Random, text: str) -> tuple[str, str]:
    kind = rng.choice(("value", "value", "value", "flip", "delete", "cut", "control", "dup"))
    if not text:
        return "empty", text
    k = rng.randrange(len(text))
    if kind == "value":
        # Replace what follows a '=' or ':' or ',' up to the end of the line or the next
        # separator with an odd value.
        seps = [i for i, ch in enumerate(text) if ch in "=:;,>"]
        if seps:
            k = rng.choice(seps) + 1
            end = min((text.find(c, k) for c in "\n,;<" if text.find(c, k) != -1),
                      default=len(text))  # fmt: skip
            value = rng.choice(ODD_VALUES)
            return f"value@{k}:{value[:20]!r}", text[:k] + " " + value + text[end:]
    if kind == "flip":
        return f"flip@{k}", text[:k] + chr(rng.randrange(32, 127)) + text[k + 1 :]
    if kind == "delete":
        n = rng.randrange(1, 40)
        return f"delete@{k}+{n}", text[:k] + text[k + n :]
    if kind == "cut":
        return f"cut@{k}", text[:k]
    if kind == "control":
        ch = rng.choice(CONTROL)
        return f"control@{k}:U+{ord(ch):04X}", text[:k] + ch + text[k:]
    n = rng.randrange(1, 200)
    return f"dup@{k}+{n}", text[:k] + text[k : k + n] * 2 + text[k + n :]


def _xlsx_mutation(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    kind = rng.choice(("bytes", "cut", "cell", "cell", "cell", "part"))
    if kind == "bytes":
        raw = bytearray(data)
        for _ in range(rng.randrange(1, 20)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return "bytes", bytes(raw)
    if kind == "cut":
        k = rng.randrange(len(data))
        return f"cut@{k}", data[:k]
    src = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in src.namelist() if n.endswith(".xml")]
    target = rng.choice([n for n in names if "worksheets" in n] or names)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            part = src.read(name)
            if name == target:
                text = part.decode("utf-8", "replace")
                if kind == "part":
                    text = text[: rng.randrange(len(text))]
                else:  # an odd value in a cell
                    cells = [i for i in range(len(text)) if text.startswith("<v>", i)
                             or text.startswith("<t>", i)]  # fmt: skip
                    if cells:
                        k = rng.choice(cells) + 3
                        end = text.find("<", k)
                        value = rng.choice(ODD_VALUES).strip('"')
                        value = value.replace("&", "&amp;").replace("<", "&lt;")
                        text = text[:k] + value + text[end:]
                part = text.encode("utf-8", "surrogatepass")
            dst.writestr(name, part)
    return f"{kind}:{target}", buf.getvalue()


@contextlib.contextmanager
def _limit(seconds: float) -> Iterator[None]:
    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"took more than {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _invoke(argv: list[str], seconds: float) -> tuple[int | str, str]:
    err, out = io.StringIO(), io.StringIO()
    try:
        with _limit(seconds), contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            code: int | str = main(argv)
    except TimeoutError as exc:
        code = f"hang: {exc}"
    except BaseException as exc:  # the contract says none escape
        code = f"exception: {type(exc).__name__}: {exc}"
    return code, err.getvalue()


def run(
    cases: int = 300,
    seed: int = 0,
    formats: tuple[str, ...] = FORMATS,
    seconds: float = 10.0,
    first: int = 0,
    keep: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> Result:
    """Run *cases* mutated plans (numbered from *first*) through :data:`COMMANDS`."""
    result = Result()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        valid = seeds(folder, formats)
        # The unmutated plans first: the commands must succeed on them (exit 0 or 1), so a
        # sweep always reaches both sides of the contract however its mutations fall.
        for fmt in sorted(valid):
            for command in COMMANDS:
                target = folder / "control.txt"
                code, err = _invoke([*command, str(valid[fmt]), "-o", str(target)], seconds)
                result.controls += 1
                if code not in (0, 1):
                    why = f"the valid plan: exit {code}"
                    result.failures.append(Failure(-1, fmt, "none", list(command), why,
                                                   err[-600:]))  # fmt: skip
                target.unlink(missing_ok=True)
        for case in range(first, first + cases):
            rng = random.Random(seed * 1_000_003 + case)
            fmt = rng.choice(sorted(valid))
            work = folder / f"case{case}"
            work.mkdir()
            for side in folder.glob("plan.*.csv"):  # the CSV plan's side files
                shutil.copy(side, work / side.name)
            path = work / valid[fmt].name
            if fmt == "xlsx":
                mutation, data = _xlsx_mutation(rng, valid[fmt].read_bytes())
                path.write_bytes(data)
            else:
                text = valid[fmt].read_text(encoding="utf-8")
                mutation = ""
                for _ in range(rng.choice((1, 1, 2, 3))):
                    step, text = _text_mutation(rng, text)
                    mutation += step + " "
                path.write_bytes(text.encode("utf-8", "surrogatepass"))
            failed = False
            for command in COMMANDS:
                target = work / "out.txt"
                argv = [*command, str(path), "-o", str(target)]
                code, err = _invoke(argv, seconds)
                result.invocations += 1
                problem = _problem(code, err, target, str(path))
                if isinstance(code, int):
                    result.exits[code] = result.exits.get(code, 0) + 1
                tally = result.by_format.setdefault(fmt, {})
                kind = f"exit {code}" if isinstance(code, int) else code.split(":")[0]
                tally[kind] = tally.get(kind, 0) + 1
                if problem:
                    failed = True
                    result.failures.append(Failure(case, fmt, mutation.strip(), argv, problem,
                                                   err[-600:]))  # fmt: skip
                target.unlink(missing_ok=True)
            if failed and keep is not None:
                shutil.copytree(work, keep / f"case{case}", dirs_exist_ok=True)
            shutil.rmtree(work)
            result.cases += 1
            tally = result.by_format.setdefault(fmt, {})
            tally["cases"] = tally.get("cases", 0) + 1
            tally["broke"] = tally.get("broke", 0) + int(failed)
            if progress:
                progress(case)
    result.seconds = time.perf_counter() - started
    return result


def _problem(code: int | str, err: str, target: Path, plan: str) -> str:
    """What broke the contract, or ``""``."""
    if isinstance(code, str):
        return code
    if code not in (0, 1, 2):
        return f"exit {code}"
    if any(not (c.isprintable() or c == "\n") for c in err):
        return "a control character on standard error"
    if code == 2:
        lines = err.splitlines()
        if not err.endswith("\n") or not 1 <= len(lines) <= 51:
            return f"exit 2 with {len(lines)} lines on standard error"
        if any(not line.startswith("roadmap: error: ") for line in lines):
            return "exit 2 with a line that is not an error"
        counts = ("more", "lainnya")  # "and N more", "dan N lainnya"
        if any(Path(plan).stem not in line for line in lines if line.split()[-1] not in counts):
            return "exit 2 without naming the file"
        if target.exists():
            return "an output file left behind by a failed command"
    return ""


def main_(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--first", type=int, default=0, help="number of the first case")
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--seconds", type=float, default=10.0, help="time limit per command")
    parser.add_argument("--keep", type=Path, help="keep the files of failing cases here")
    args = parser.parse_args(argv)
    result = run(args.cases, args.seed, tuple(args.formats), args.seconds, args.first,
                 args.keep)  # fmt: skip
    print(f"{result.cases} cases, {result.invocations} invocations in {result.seconds:.1f} s; "
          f"exit codes {dict(sorted(result.exits.items()))}; "
          f"{len(result.failures)} broke the contract")  # fmt: skip
    kinds = ["exit 0", "exit 1", "exit 2", "exit 3", "hang", "exception"]
    print(f"\n{'format':<7}{'cases':>7}" + "".join(f"{k:>11}" for k in kinds)
          + f"{'broke':>7}")  # fmt: skip
    for fmt, tally in sorted(result.by_format.items()):
        print(f"{fmt:<7}{tally.get('cases', 0):>7}"
              + "".join(f"{tally.get(k, 0):>11}" for k in kinds)
              + f"{tally.get('broke', 0):>7}")  # fmt: skip
    signatures: dict[str, list[Failure]] = {}
    for f in result.failures:
        detail = f.stderr.split("internal error: ")[-1] if "internal error" in f.stderr else ""
        shape = re.sub(r"[0-9]+", "N", detail[:70])
        key = f"{f.problem.splitlines()[0][:100]} {shape}"
        signatures.setdefault(f"{f.fmt}: {key}", []).append(f)
    for problem, found in sorted(signatures.items(), key=lambda kv: -len(kv[1])):
        f = found[0]
        print(f"\n{len(found)} x {problem}\n  e.g. case {f.case} ({f.fmt}: {f.mutation}): "
              f"roadmap {' '.join(f.argv[:-3])} ...\n  {f.stderr.strip()[:300]}")  # fmt: skip
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main_())
