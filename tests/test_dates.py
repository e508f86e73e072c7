"""Tests of roadmap.dates: durations, dates and working-day calendars."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from roadmap.dates import Calendar, Duration, add_months, parse_date, parse_duration


class TestParse:
    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            ("9 months", {"months": 9}),
            ("1 month", {"months": 1}),
            ("3 Bulan", {"months": 3}),
            ("2 tahun", {"years": 2}),
            ("1 triwulan", {"quarters": 1}),
            ("2 quarters", {"quarters": 2}),
            ("10 hari", {"days": 10}),
            ("2 minggu", {"weeks": 2}),
            ("1 week", {"weeks": 1}),
            ("10 hari kerja", {"workdays": 10}),
            ("5 working days", {"workdays": 5}),
            ("P6M", {"months": 6}),
            ("P1Y2M", {"years": 1, "months": 2}),
            ("P3W", {"weeks": 3}),
            ("P10D", {"days": 10}),
            ("-5 days", {"days": -5}),
            ("-P1M", {"months": -1}),
            ("+2 days", {"days": 2}),
            ("1 year 6 months", {"years": 1, "months": 6}),
            ("30", {"days": 30}),
            ("9 bln", {"months": 9}),
            ("6 bln.", {"months": 6}),
            ("1 thn", {"years": 1}),
            ("2 mgg", {"weeks": 2}),
            ("3 hr", {"days": 3}),
            ("10 HK", {"workdays": 10}),
            ("1 semester", {"months": 6}),
            ("1 tahun 6 bulan", {"years": 1, "months": 6}),
            ("1,5 tahun", {"months": 18}),
            ("1.5 years", {"months": 18}),
            ("0,5 tahun", {"months": 6}),
            ("1,5 semester", {"months": 9}),
            ("2,5 tahun", {"months": 30}),
        ],
    )
    def test_text(self, text: str, parts: dict[str, int]) -> None:
        """English, Indonesian and ISO 8601 spellings all read."""
        assert Duration.parse(text) == Duration(**parts)

    def test_integer_and_timedelta(self) -> None:
        """Integers and whole-day timedeltas are days."""
        assert parse_duration(7) == Duration(days=7)
        assert parse_duration(timedelta(days=3)) == Duration(days=3)

    @pytest.mark.parametrize(
        "bad",
        [
            "9 mnths",
            "",
            "months",
            "P",
            "PT5H",
            "5 days 5 days",
            "1.5 months",
            "1,5 bulan",
            "1,5 triwulan",
            "2,5 minggu",
            "1 tahun 5 HK",
            "9 bulanan",
            "5 days x",
            True,
            1.5,
            None,
            [3],
            timedelta(hours=5),
        ],
    )
    def test_rejects(self, bad: object) -> None:
        """Anything else is refused with what was received and what is allowed."""
        with pytest.raises(ValueError, match="duration"):
            Duration.parse(bad)

    def test_mixed_signs_and_workdays(self) -> None:
        """Parts must agree in sign, and workdays do not mix with calendar units."""
        with pytest.raises(ValueError, match="same sign"):
            Duration(months=1, days=-1)
        with pytest.raises(ValueError, match="workdays"):
            Duration(workdays=1, days=1)


class TestText:
    @pytest.mark.parametrize(
        "text",
        [
            "9 months",
            "1 month",
            "2 years",
            "1 quarter",
            "3 weeks",
            "5 days",
            "0 days",
            "P1Y2M",
            "-5 days",
            "-P1Y1M",
            "10 workdays",
            "P1Y3D",
        ],
    )
    def test_round_trip(self, text: str) -> None:
        """str() writes what parse() reads back to an equal duration."""
        d = Duration.parse(text)
        assert Duration.parse(str(d)) == d
        assert str(d) == text

    def test_repr(self) -> None:
        """repr() is evaluable-looking and short."""
        assert repr(Duration(months=2)) == "Duration.parse('2 months')"


class TestEquality:
    @pytest.mark.parametrize(
        ("a", "b"),
        [("1 year 1 quarter", "P1Y3M"), ("1 tahun 1 triwulan", "15 months"), ("1 week", "7 days"),
         ("P1Y", "12 bulan"), ("2 triwulan", "6 months"), (0, "0 days")],
    )  # fmt: skip
    def test_equal_by_meaning(self, a: object, b: object) -> None:
        """Durations that always span the same time are equal, with equal hashes."""
        da, db = Duration.parse(a), Duration.parse(b)
        assert da == db
        assert hash(da) == hash(db)
        assert len({da, db}) == 1

    @pytest.mark.parametrize(
        ("a", "b"), [("1 month", "30 days"), ("1 year", "365 days"), ("5 workdays", "1 week")]
    )
    def test_months_days_and_workdays_stay_apart(self, a: str, b: str) -> None:
        """A month has no fixed number of days, a workday none of calendar days."""
        assert Duration.parse(a) != Duration.parse(b)

    @given(
        st.builds(
            Duration,
            years=st.integers(0, 3),
            quarters=st.integers(0, 5),
            months=st.integers(0, 14),
            weeks=st.integers(0, 5),
            days=st.integers(0, 40),
        )
    )
    def test_text_round_trip_is_lossless(self, d: Duration) -> None:
        """What str() writes reads back equal: every mixed duration survives a plan file."""
        assert Duration.parse(str(d)) == d
        assert Duration.parse(str(d)).finish(date(2020, 1, 31)) == d.finish(date(2020, 1, 31))


class TestArithmetic:
    def test_fixed_days(self) -> None:
        """Days and weeks are fixed; months are not."""
        assert Duration.parse("2 weeks").fixed_days == 14
        assert Duration.parse("1 month").fixed_days is None

    def test_finish_is_inclusive(self) -> None:
        """Start + duration - 1 day, with month ends clamped."""
        assert Duration.parse("12 months").finish(date(2019, 1, 1)) == date(2019, 12, 31)
        assert Duration.parse("1 month").finish(date(2019, 1, 31)) == date(2019, 2, 27)
        assert Duration.parse("1 month").finish(date(2020, 1, 31)) == date(2020, 2, 28)

    def test_months_do_not_invert(self) -> None:
        """31 January + 1 month - 1 month is 28 January, as SPEC §3 warns."""
        jan31 = date(2019, 1, 31).toordinal()
        there = Duration(months=1).end(jan31)
        back = Duration(months=-1).end(there)
        assert date.fromordinal(back) == date(2019, 1, 28)

    def test_days_before(self) -> None:
        """Measured back from an exclusive end: 3 months before 1 July starts on 1 April."""
        end = date(2019, 7, 1).toordinal()
        assert Duration(months=3).days_before(end) == (date(2019, 7, 1) - date(2019, 4, 1)).days

    @given(st.dates(date(1900, 1, 1), date(2200, 12, 31)), st.integers(-300, 300))
    def test_month_arithmetic_matches_relativedelta(self, day: date, months: int) -> None:
        """The fast month addition is dateutil's relativedelta, exactly."""
        assert (
            add_months(day.toordinal(), months) == (day + relativedelta(months=months)).toordinal()
        )

    @given(
        st.dates(date(1990, 1, 1), date(2100, 1, 1)),
        st.integers(0, 5),
        st.integers(0, 30),
        st.integers(0, 60),
    )
    def test_end_matches_relativedelta(self, day: date, y: int, m: int, d: int) -> None:
        """Compound durations add like relativedelta(years, months, days)."""
        got = Duration(years=y, months=m, days=d).end(day.toordinal())
        assert got == (day + relativedelta(years=y, months=m, days=d)).toordinal()


class TestParseDate:
    def test_accepts(self) -> None:
        """ISO text and date objects."""
        assert parse_date("2019-02-28") == date(2019, 2, 28)
        assert parse_date(date(2019, 1, 1)) == date(2019, 1, 1)

    @pytest.mark.parametrize(
        ("text", "day"),
        [
            ("01/03/2019", date(2019, 3, 1)),  # day first, as Indonesia writes it
            ("1-3-2019", date(2019, 3, 1)),
            ("01.03.2019", date(2019, 3, 1)),
            ("2019/03/01", date(2019, 3, 1)),  # year first stays year first
            ("1 Maret 2019", date(2019, 3, 1)),
            ("1 Mar 2019", date(2019, 3, 1)),
            ("17 Agustus 1945", date(1945, 8, 17)),
            ("17 Agt 2020", date(2020, 8, 17)),
            ("1 Mei 2019", date(2019, 5, 1)),
            ("31 Desember 2023", date(2023, 12, 31)),
            ("10 Nopember 2021", date(2021, 11, 10)),
            ("30-Jun-21", date(2021, 6, 30)),
            ("Senin, 4 Maret 2019", date(2019, 3, 4)),
            ("March 1, 2019", date(2019, 3, 1)),
            (" 2019-03-01 ", date(2019, 3, 1)),
        ],
    )
    def test_forms_planners_write(self, text: str, day: date) -> None:
        """Day-first numeric dates and Indonesian or English month names (dateutil)."""
        assert parse_date(text) == day
        assert parse_date(text, end=True) == day

    @pytest.mark.parametrize(
        ("text", "first", "last"),
        [
            ("Maret 2019", date(2019, 3, 1), date(2019, 3, 31)),
            ("Februari 2020", date(2020, 2, 1), date(2020, 2, 29)),
            ("Feb 2021", date(2021, 2, 1), date(2021, 2, 28)),
            ("Desember 2023", date(2023, 12, 1), date(2023, 12, 31)),
        ],
    )
    def test_month_alone(self, text: str, first: date, last: date) -> None:
        """A month alone is its first day for a start and its last for an end."""
        assert parse_date(text) == first
        assert parse_date(text, end=True) == last

    @pytest.mark.parametrize(
        "bad",
        ["2019-02-30", "31/02/2019", "13/13/2019", "Maret", "2019", "1 2 3",
         "1 Maret 2019 10:00", "2019-03-01T10:00", "next tuesday", "", 2019, None],
    )  # fmt: skip
    def test_rejects(self, bad: object) -> None:
        """Anything else, impossible dates, a year or a month alone, a time of day."""
        with pytest.raises(ValueError, match="date"):
            parse_date(bad)

    def test_rejects_datetime(self) -> None:
        """A plan is in whole days."""
        from datetime import datetime

        with pytest.raises(ValueError, match="without a time"):
            parse_date(datetime(2019, 1, 1, 12))


class TestCalendar:
    def test_weekend_names(self) -> None:
        """Weekdays by English or Indonesian name, or number."""
        assert Calendar(weekend=["jumat", "sabtu"]).weekend == (4, 5)
        assert Calendar(weekend="sun").weekend_names == ["sun"]
        with pytest.raises(ValueError, match="weekday"):
            Calendar(weekend=["funday"])
        with pytest.raises(ValueError, match="working"):
            Calendar(weekend=range(7))

    def test_add_workdays_both_ways(self) -> None:
        """Forward to the day after the n-th working day; back to the n-th before."""
        cal = Calendar()
        fri = date(2019, 1, 4).toordinal()
        assert date.fromordinal(cal.add_workdays(fri, 2)) == date(2019, 1, 8)
        assert date.fromordinal(cal.add_workdays(fri, -1)) == date(2019, 1, 3)
        mon = date(2019, 1, 7).toordinal()
        assert date.fromordinal(cal.add_workdays(mon, -1)) == date(2019, 1, 4)

    def test_indonesian_holidays(self) -> None:
        """Idul Fitri 2019 (5 June) comes from the holidays package."""
        pytest.importorskip("holidays")
        cal = Calendar(country="ID")
        assert not cal.is_workday(date(2019, 6, 5))
        assert cal.is_workday(date(2019, 6, 11))

    def test_unknown_country(self) -> None:
        """An unknown country is refused when the calendar is made."""
        pytest.importorskip("holidays")
        with pytest.raises(ValueError, match="XX"):
            Calendar(country="XX")

    def test_extra_holidays(self) -> None:
        """Extra days off, such as cuti bersama."""
        cal = Calendar(holidays=["2019-06-03"])
        assert not cal.is_workday(date(2019, 6, 3))


class TestLimits:
    """Dates and durations a plan may use: a typo is an error, never an overflow later."""

    @pytest.mark.parametrize("text", ["1899-12-31", "2201-01-01", "9999-12-31"])
    def test_dates_outside_the_window(self, text: str) -> None:
        with pytest.raises(ValueError, match=f"the date {text} is outside the years 1900 to 2200"):
            parse_date(text)
        with pytest.raises(ValueError, match="outside the years"):
            parse_date(date.fromisoformat(text))

    def test_the_window_itself(self) -> None:
        assert parse_date("1900-01-01") == date(1900, 1, 1)
        assert parse_date("2200-12-31") == date(2200, 12, 31)

    @pytest.mark.parametrize(
        "text",
        [
            "301 years",
            "P1000Y",
            "109801 days",
            "3601 months",
            "300 years 1 month",
            "1000000000000000000",
            "-301 years",
            "290 years 121 months",
        ],
    )
    def test_durations_longer_than_300_years(self, text: str) -> None:
        with pytest.raises(ValueError, match="longer than the 300 years"):
            parse_duration(text)

    @pytest.mark.parametrize("text", ["300 years", "109800 days", "3600 months", "-300 years"])
    def test_durations_up_to_300_years(self, text: str) -> None:
        assert parse_duration(text) == Duration.parse(text)


class TestWrittenReadsBack:
    """Every value a writer of this package emits reads back equal (issue 11)."""

    @given(
        st.sampled_from(["years", "quarters", "months", "weeks", "days", "workdays"]),
        st.integers(-500, 500),
        st.sampled_from(["id", "en"]),
    )
    def test_durations(self, unit: str, n: int, language: str) -> None:
        d = Duration(**{unit: n // 12 if unit == "years" else n})
        assert Duration.parse(d.text(language)) == d

    @given(
        st.integers(0, 40), st.integers(0, 11), st.integers(0, 60), st.sampled_from(["id", "en"])
    )
    def test_compound_durations(self, y: int, m: int, d: int, language: str) -> None:
        duration = Duration(years=y, months=m, days=d)
        assert Duration.parse(duration.text(language)) == duration

    @given(st.dates(date(1900, 1, 1), date(2200, 12, 31)), st.sampled_from(["id", "en"]))
    def test_long_dates(self, day: date, language: str) -> None:
        """``1 Maret 2019`` as reports write it, and day-first numbers as tables do."""
        from roadmap._i18n import long_date

        assert parse_date(long_date(day, language)) == day  # type: ignore[arg-type]
        assert parse_date(f"{day.day:02d}/{day.month:02d}/{day.year}") == day
        assert parse_date(day.isoformat()) == day
