"""Tests of roadmap.money: Rupiah as planning documents write it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap import format_money
from roadmap.money import parse_fraction, parse_money


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


class TestWrittenReadsBack:
    """Every amount and fraction a writer emits reads back (issue 11)."""

    @given(st.integers(-(10**18), 10**18), st.sampled_from(["id", "en"]))
    def test_amounts_in_full(self, amount: int, language: str) -> None:
        assert parse_money(format_money(amount, language=language)) == amount  # type: ignore[arg-type]

    @given(st.integers(10**6, 10**18), st.sampled_from(["id", "en"]))
    def test_amounts_in_words_within_their_rounding(self, amount: int, language: str) -> None:
        """``Rp1,5 miliar`` is two decimals of its unit: within half of the last one."""
        text = format_money(amount, words=True, language=language)  # type: ignore[arg-type]
        unit = next(u for u in (10**12, 10**9, 10**6) if parse_money(text) >= u or u == 10**6)
        assert abs(parse_money(text) - amount) <= unit // 200

    @given(st.integers(0, 1000))
    def test_fractions(self, permille: int) -> None:
        value = permille / 1000
        for text in (str(value), str(value).replace(".", ","), f"{permille / 10}%"):
            assert parse_fraction(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Rp750 juta", 750_000_000), ("Rp3,5 miliar", 3_500_000_000),
        ("Rp3.000.000.000,-", 3_000_000_000), ("IDR 1.5 billion", 1_500_000_000),
        ("Rp 2.500.000.000", 2_500_000_000), ("2,500,000,000", 2_500_000_000),
        ("Rp1.500 juta", 1_500_000_000), ("Rp1,05 triliun", 1_050_000_000_000),
        ("750 jt", 750_000_000), ("Rp2.500.000,00", 2_500_000), ("-Rp250 juta", -250_000_000),
        ("1 500 000", 1_500_000), ("3 T", 3 * 10**12), ("IDR 1,500,000", 1_500_000),
    ],
)  # fmt: skip
def test_amounts_as_planners_write_them(text: str, amount: int) -> None:
    assert parse_money(text) == amount


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2,5 M", "'M' is miliar to some readers and million to others"),
        ("Rp1,2345678901 miliar", "not a whole number of rupiah"),
        ("banyak", "write 2500000000, 2.500.000.000"),
        ("1.50.000", "write 2500000000"),
        ("x" * 10_000, "expected an amount of money"),
    ],
)
def test_amounts_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_money(text)
