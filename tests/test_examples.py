"""Tests of examples/: the Tanjungpinang example runs, writes valid files, matches its TOML."""

from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path
from types import ModuleType

import pytest

import roadmap as rm

EXAMPLES = Path(__file__).parent.parent / "examples"


def example() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "tanjungpinang", EXAMPLES / "tanjungpinang_2019_2023.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_python_plan_equals_the_toml() -> None:
    """The plan built with the API and the TOML shipped for the CLI are the same plan."""
    assert example().build() == rm.load(EXAMPLES / "tanjungpinang_2019_2023.toml")


def test_status_plan_equals_the_toml() -> None:
    """The monitored plan built with the API and the TOML shipped for the CLI are the same."""
    assert example().build_status() == rm.load(EXAMPLES / "tanjungpinang_status_2021.toml")


def test_example_writes_its_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The example writes the charts, report, findings and schedule, and prints a summary."""
    assert example().main(tmp_path) == 0
    out = capsys.readouterr().out
    assert "jalur kritis: SC21 -> SC22 -> SC36 -> M3" in out
    assert "2020 melebihi pagu Rp1,63 miliar" in out
    for name in ("gantt.png", "budget.png", "kurva_s.png"):
        assert (tmp_path / name).read_bytes().startswith(b"\x89PNG"), name
    pdf = (tmp_path / "gantt.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert (tmp_path / "temuan.md").read_text().startswith("# Peta Jalan Smart City")
    text = (tmp_path / "jadwal.csv").read_text(encoding="utf-8-sig")  # for Indonesian Excel
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 41
    assert {r["Kode"] for r in rows if r["Kritis"] == "ya"} >= {"SC21", "SC22", "SC36", "M3"}
    assert rm.load(tmp_path / "laporan.html") == example().build()
    assert "SPI 0.97, CPI 1.02, selesai 28-01-2024 (+28 hari)" in out
    assert (tmp_path / "gantt_status.png").read_bytes().startswith(b"\x89PNG")
    assert "| roadmap |" in (tmp_path / "status.md").read_text()
