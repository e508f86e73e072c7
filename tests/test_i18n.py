"""Tests of roadmap._i18n: the words every output shares."""

from __future__ import annotations

from datetime import date

import pytest

from roadmap._i18n import LANGUAGES, MONTHS, MONTHS_SHORT, QUARTERS, language_of, long_date


def test_dates_in_words_day_first() -> None:
    """Indonesian documents write 30 September 2019; Agustus, not August."""
    assert long_date(date(2019, 9, 30), "id") == "30 September 2019"
    assert long_date(date(2020, 8, 1), "id") == "1 Agustus 2020"
    assert long_date(date(2020, 8, 1), "en") == "1 August 2020"


def test_tables_have_twelve_months_and_four_triwulan() -> None:
    """Every language has 12 months (long and short, Indonesian 'Agu', 'Des') and 4 quarters."""
    for lang in LANGUAGES:
        assert len(MONTHS[lang]) == len(MONTHS_SHORT[lang]) == 12
        assert len(QUARTERS[lang]) == 4
    assert (MONTHS_SHORT["id"][7], MONTHS_SHORT["id"][11]) == ("Agu", "Des")
    assert QUARTERS["id"] == ("TW I", "TW II", "TW III", "TW IV")


def test_language_of() -> None:
    """None falls back to the default; anything but id/en is refused."""
    assert language_of(None, "en") == "en"
    assert language_of("id", "en") == "id"
    with pytest.raises(ValueError, match="'id' or 'en'"):
        language_of("fr")
