"""Tests of roadmap.indicators: achievement (capaian) by the formulas evaluations use.

The figures are worked by hand from the formulas of the evaluation tables (DOMAIN.md):
positive trend = sum of realisations / target x 100, negative trend = target / latest x
100, percentage and final value = latest / target x 100.
"""

from __future__ import annotations

import pytest

from roadmap.indicators import achievement, achievement_to_date, band, realised
from roadmap.model import Indicator


def test_a_count_adds_its_quarters() -> None:
    """Applications integrated: 2 + 3 + 4 + 1 = 10 of a target of 12 -> 83.33 %, Tinggi."""
    ind = Indicator(id="I", name="Aplikasi terintegrasi", targets={2021: 12, 2022: 10},
                    final=22, realisations={"2021-TW1": 2, "2021-TW2": 3, "2021-TW3": 4,
                                            "2021-TW4": 1, "2022-TW1": 6})  # fmt: skip
    assert realised(ind, 2021) == 10
    assert achievement(ind, 2021) == 83.33
    assert band(83.33) == "Tinggi"
    assert achievement(ind, 2022) == 60.0  # 6 of 10 so far
    assert achievement_to_date(ind, 2022) == 72.73  # (10 + 6) / 22


def test_lower_is_better() -> None:
    """Stunting: target 20 %, realised 25 % -> 20 / 25 x 100 = 80 %; 18 % -> 111.11 %."""
    ind = Indicator(id="S", name="Prevalensi stunting", unit="%", polarity="lower",
                    combine="last", targets={2022: 20, 2023: 18}, final=14,
                    realisations={"2022-TW2": 27, "2022-TW4": 25, "2023": 16.2})  # fmt: skip
    assert realised(ind, 2022) == 25  # the latest of the year
    assert achievement(ind, 2022) == 80.0
    assert achievement(ind, 2023) == 111.11
    assert achievement_to_date(ind, 2023) == 86.42  # 14 / 16.2
    assert band(80.0) == "Tinggi"


def test_percentage_and_final_value() -> None:
    """The latest value over the target: 72 of 80 % -> 90 %; an index 2.2 of 2.75 -> 80 %."""
    pct = Indicator(id="P", name="Layanan daring", unit="%", combine="percent",
                    targets={2021: 80}, realisations={"2021-TW3": 60, "2021-TW4": 72})  # fmt: skip
    assert achievement(pct, 2021) == 90.0
    idx = Indicator(id="X", name="Indeks SPBE", combine="final", targets={2021: 2.75},
                    realisations={"2021": 2.2})  # fmt: skip
    assert achievement(idx, 2021) == 80.0


@pytest.mark.parametrize(("value", "expected"), [(69.3, 100.0), (68.6, 99.28), (70.0, 100.72)])
def test_a_target_range_is_met_inside(value: float, expected: float) -> None:
    """69,1-69,5: inside is 100 %; below, against 69.1; above, against 69.5."""
    ind = Indicator(id="R", name="IPM", combine="last", targets={2021: "69,1-69,5"},
                    realisations={"2021": value})  # fmt: skip
    assert achievement(ind, 2021) == expected


def test_nothing_to_measure() -> None:
    ind = Indicator(id="N", name="n", targets={2021: 5})
    assert achievement(ind, 2021) is None
    assert achievement(ind, 2022) is None
    assert achievement_to_date(ind, 2021) is None


@pytest.mark.parametrize(
    ("percent", "name"),
    [(100, "Sangat Tinggi"), (91, "Sangat Tinggi"), (90.99, "Tinggi"), (76, "Tinggi"),
     (75, "Sedang"), (66, "Sedang"), (65, "Rendah"), (51, "Rendah"), (50, "Sangat Rendah"),
     (0, "Sangat Rendah")],
)  # fmt: skip
def test_bands(percent: float, name: str) -> None:
    assert band(percent) == name


def test_bands_are_configurable() -> None:
    assert band(85, (("Baik", 80.0), ("Kurang", float("-inf")))) == "Baik"


class TestIndicatorValues:
    def test_words_and_forms(self) -> None:
        ind = Indicator(id="I", name="n", level="sasaran", polarity="turun", combine="akhir",
                        baseline="1,8", targets={"2021": "2,1 - 2,3"},
                        realisations={"2021 triwulan IV": "2,2"})  # fmt: skip
        assert (ind.level, ind.polarity, ind.combine) == ("target", "lower", "last")
        assert ind.baseline == 1.8
        assert ind.targets == {2021: (2.1, 2.3)}
        assert ind.realisations == {"2021-TW4": 2.2}

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"targets": {2021: "banyak"}}, "a target must be a number"),
            ({"targets": {2021: "5-3"}}, "runs from low to high"),
            ({"realisations": {"2021-TW5": 1}}, "expected a period as 2021 or 2021-TW2"),
            ({"realisations": {"2021": 1, "2021-TW1": 1}}, "for the year and for quarters"),
            ({"level": "visi"}, "unknown level"),
            ({"polarity": "sideways"}, "expected one of higher, lower"),
        ],
    )
    def test_refused(self, kwargs: dict[str, object], message: str) -> None:
        with pytest.raises(ValueError, match=message):
            Indicator(id="I", name="n", **kwargs)  # type: ignore[arg-type]
