"""A bounded fuzz sweep of the command line (bench/fuzz.py has the longer run)."""

from __future__ import annotations

import pytest

from bench.fuzz import FORMATS, run


@pytest.mark.parametrize("fmt", FORMATS)
def test_mutated_plans_keep_the_error_contract(fmt: str) -> None:
    """60 mutated plans a format, six commands each: exit 0, 1 or 2, one line, no hang.

    No traceback or internal error, no control character on standard error, no output
    left behind by a failed command (see bench/fuzz.py for the contract).
    """
    if fmt == "xlsx":
        pytest.importorskip("openpyxl")
    if fmt == "yaml":
        pytest.importorskip("yaml")
    if fmt == "xml":
        pytest.importorskip("defusedxml")
    result = run(cases=60, seed=2026, formats=(fmt,), seconds=20.0)
    assert result.cases == 60
    assert result.invocations == 360
    broken = [f"case {f.case} ({f.mutation}): {' '.join(f.argv[:2])}: {f.problem}: "
              f"{f.stderr.strip()[:200]}" for f in result.failures]  # fmt: skip
    assert broken == []
    # Both sides of the contract: the valid plan runs (every command, exit 0 or 1, checked
    # as failures above) and mutated plans are refused.
    assert result.controls == 6
    assert result.exits.get(2, 0) > 0


def test_a_mutation_is_reproducible() -> None:
    """The same seed and case number give the same mutation (so a failure can be replayed)."""
    a = run(cases=3, seed=5, formats=("toml",))
    b = run(cases=3, seed=5, formats=("toml",))
    assert a.exits == b.exits
