"""Tests of roadmap.io._messages: load errors in the plan's language."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

import roadmap as rm
from bench.mistakes import FORMATS, catalogue, write
from roadmap.errors import PlanFileError
from roadmap.io import error_lines
from roadmap.io._messages import reason


def test_the_place_in_indonesian() -> None:
    err = PlanFileError("expected text, got 5", path="p.xlsx", sheet="Kegiatan", row=4,
                        column="nama (C)")  # fmt: skip
    assert error_lines(err, "id") == ["p.xlsx, lembar Kegiatan, baris 4, kolom nama (C): isi "
                                      "teks, tertulis 5"]  # fmt: skip
    assert error_lines(err, "en") == [str(err)]


def test_many_then_how_many_more() -> None:
    errs = [PlanFileError("expected text, got 5", path="p.toml", line=n) for n in range(60)]
    err = PlanFileError.of(errs)
    assert error_lines(err, "id")[-1] == "dan 10 lainnya"
    assert error_lines(err, "en")[-1] == "and 10 more"
    assert len(error_lines(err, "id")) == 51


def test_an_unknown_reason_stays_as_it_is() -> None:
    assert reason("a reason no rule words", "id") == "a reason no rule words"


@pytest.mark.parametrize(
    ("english", "indonesian"),
    [
        ("item 'A02' depends on unknown item 'A1'; did you mean 'A01'?",
         "kegiatan 'A02' bergantung pada 'A1', yang tidak ada; maksudnya 'A01'?"),
        ("duplicate id 'A' (first used at initiatives[0])",
         "kode 'A' dipakai dua kali (pertama di initiatives[0])"),
        ("unknown column 'anggran'; did you mean 'anggaran'?; allowed: id, name",
         "kolom 'anggran' tidak dikenal; maksudnya 'anggaran'?; yang boleh: id, name"),
        ("invalid date '31/02/2019': day is out of range for month (dates are day first: "
         "dd/mm/yyyy)",
         "tanggal '31/02/2019' tidak sah: hari itu tidak ada pada bulan itu (tanggal ditulis "
         "hari dahulu: hh/bb/tttt)"),
        ("Expected '=' after a key in a key/value pair (not valid TOML): x y",
         "Expected '=' after a key in a key/value pair (bukan TOML yang sah): x y"),
    ],
)  # fmt: skip
def test_reasons(english: str, indonesian: str) -> None:
    assert reason(english, "id") == indonesian


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_refusal_of_the_mistakes_catalogue_has_indonesian_words(fmt: str) -> None:
    """What a planner is refused for, in TOML, JSON, YAML, CSV or XLSX, reads in Indonesian."""
    if fmt == "xlsx":
        pytest.importorskip("openpyxl")
    if fmt == "yaml":
        pytest.importorskip("yaml")
    refused = 0
    for mistake in catalogue():
        with tempfile.TemporaryDirectory() as tmp:
            try:
                rm.load(write(mistake.tree(), fmt, Path(tmp)))
            except PlanFileError as err:
                refused += 1
                for e in err.errors:
                    assert reason(e.reason, "id") != e.reason, f"{mistake.name}: {e.reason}"
    assert refused >= 10
