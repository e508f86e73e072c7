"""The mistakes catalogue (tests/data/mistakes): every mistake, in every plan format.

Each file names a value planners write and what must come of it: read right, refused with
a message saying what to write, or read with a "did you mean" warning.  ``bench/mistakes.py``
prints the same as a table, to compare with another checkout.
"""

from __future__ import annotations

import pytest

from bench.mistakes import FORMATS, Mistake, catalogue, outcome

MISTAKES = catalogue()


def test_the_catalogue_covers_the_issue() -> None:
    """At least the mistakes issue 11 lists, each expecting one outcome."""
    assert len(MISTAKES) >= 40
    for m in MISTAKES:
        assert sum(k in m.spec for k in ("reads", "error", "warning")) == 1, m.name


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.name)
def test_mistake(mistake: Mistake, fmt: str) -> None:
    if fmt == "xlsx":
        pytest.importorskip("openpyxl")
    if fmt == "yaml":
        pytest.importorskip("yaml")
    verdict, detail = outcome(mistake, fmt)
    assert verdict == "ok", f"{mistake.title} in {fmt}: {verdict}: {detail}"
