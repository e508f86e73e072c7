"""Tests of roadmap.money: Rupiah as planning documents write it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap import format_money


@pytest.mark.parametrize(
    ("amount", "kw", "text"),
    [
        (1_500_000, {}, "Rp1.500.000"),
        (0, {}, "Rp0"),
        (999, {}, "Rp999"),
        (1_500_000_000, {"words": True}, "Rp1,5 miliar"),
        (250_000_000, {"words": True}, "Rp250 juta"),
        (1_050_000_000_000, {"words": True}, "Rp1,05 triliun"),
        (965_000_000_000, {"words": True}, "Rp965 miliar"),
        (1_500_000_000, {"words": True, "language": "en"}, "IDR 1.5 billion"),
        (1_500_000, {"language": "en"}, "IDR 1,500,000"),
        (999_995_000, {"words": True}, "Rp1 miliar"),
        (999_994_999, {"words": True}, "Rp999,99 juta"),
        (1_005_000_000, {"words": True}, "Rp1,01 miliar"),
        (750_000, {"words": True}, "Rp750.000"),
        (-250_000_000, {"words": True}, "-Rp250 juta"),
        (12_345_000_000_000_000, {"words": True}, "Rp12.345 triliun"),
        (1_500, {"currency": "USD", "language": "en"}, "USD 1,500"),
    ],
)
def test_examples(amount: int, kw: dict[str, object], text: str) -> None:
    """Grouping, words, rounding half up with carry to the next unit, both languages."""
    assert format_money(amount, **kw) == text  # type: ignore[arg-type]


def test_rejects_floats() -> None:
    """Integer arithmetic only: a float is refused."""
    with pytest.raises(TypeError, match="integer"):
        format_money(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="language"):
        format_money(1, language="fr")  # type: ignore[arg-type]


@given(st.integers(0, 10**18))
def test_full_form_reads_back(amount: int) -> None:
    """The full Indonesian form is the amount with dots between thousands."""
    assert int(format_money(amount)[2:].replace(".", "")) == amount


@given(st.integers(10**6, 10**15))
def test_words_are_close(amount: int) -> None:
    """Words are within half a unit of the last shown decimal."""
    text = format_money(amount, words=True, language="en")[4:]
    number, word = text.split(" ")
    unit = {"million": 10**6, "billion": 10**9, "trillion": 10**12}[word]
    assert abs(float(number.replace(",", "")) * unit - amount) <= unit * 0.005 + 1
