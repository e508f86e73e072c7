"""Tests of roadmap._sheets: CSV cells, the formula guard and workbooks."""

from __future__ import annotations

import sys
from datetime import date

import pytest

from roadmap import MissingExtraError
from roadmap._sheets import RISKY, csv_cell, csv_text, workbook


@pytest.mark.parametrize("first", RISKY)
def test_formula_guard(first: str) -> None:
    """Text a spreadsheet would run as a formula is written behind a quote."""
    assert csv_cell(f"{first}SUM(A1)") == f"'{first}SUM(A1)"


def test_cells() -> None:
    """Dates in ISO, booleans as words, None empty, numbers as written."""
    assert [csv_cell(v) for v in (date(2019, 3, 1), True, None, 2_500_000_000, 0.3)] == [
        "2019-03-01", "true", "", "2500000000", "0.3",
    ]  # fmt: skip
    assert csv_text(["a", "b"], [["x;y", 1]], delimiter=";") == 'a;b\n"x;y";1\n'


def test_workbook_without_openpyxl(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the excel extra: an error naming the package and the install command."""
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError, match=r"needs openpyxl: pip install 'roadmap\[excel\]'"):
        workbook()
