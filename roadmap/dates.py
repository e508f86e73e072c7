"""Dates, durations and working-day calendars.

A plan is in calendar days.  ``start`` is the first day of work and ``finish`` the last day
of work, *inclusive*.  Internally every interval is half-open, ``[start, finish + 1 day)``,
held as integer day numbers (:meth:`datetime.date.toordinal`), so that arithmetic has no
off-by-one.

A :class:`Duration` is written as ``"9 months"``, ``"2 tahun"``, ``"P1Y2M"`` or an integer
number of days, and is added with calendar arithmetic: a month after 31 January is the last
day of February, exactly as :class:`dateutil.relativedelta.relativedelta` does it.

Examples
--------
>>> from datetime import date
>>> d = Duration.parse("12 months")
>>> d.finish(date(2019, 1, 1))
datetime.date(2019, 12, 31)
>>> Duration.parse("1 bulan").finish(date(2019, 1, 31))
datetime.date(2019, 2, 27)
>>> str(Duration.parse("P1Y2M"))
'P1Y2M'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

import attrs

from roadmap.errors import ScheduleError, show

__all__ = [
    "DATE_FORMS", "FIRST_DATE", "LAST_DATE", "MAX_YEARS", "Calendar", "Duration", "add_months",
    "parse_date", "parse_duration",
]  # fmt: skip

# Unit words in English and Indonesian, singular, plural and abbreviated, mapped to a
# Duration field and how many of it one unit makes (a semester is six months).
_UNITS: dict[str, tuple[str, int]] = {
    **dict.fromkeys(("day", "days", "d", "hari", "hr"), ("days", 1)),
    **dict.fromkeys(("week", "weeks", "w", "wk", "wks", "minggu", "pekan", "mgg", "mg"),
                    ("weeks", 1)),
    **dict.fromkeys(("month", "months", "mo", "mos", "bulan", "bln"), ("months", 1)),
    **dict.fromkeys(("quarter", "quarters", "triwulan", "tw"), ("quarters", 1)),
    **dict.fromkeys(("semester", "semesters", "half year", "half years"), ("months", 6)),
    **dict.fromkeys(("year", "years", "y", "yr", "yrs", "tahun", "thn", "th"), ("years", 1)),
    **dict.fromkeys(("workday", "workdays", "working day", "working days", "business day",
                     "business days", "hari kerja", "hk"), ("workdays", 1)),
}  # fmt: skip
# What a fraction of a unit becomes: 1,5 tahun is 18 months, 1.5 weeks is 10.5 days (refused).
_FRACTION_OF = {"years": ("months", 12), "quarters": ("months", 3), "weeks": ("days", 7)}
_UNIT_PATTERN = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_TERM = re.compile(rf"\s*(\d+(?:[.,]\d+)?)\s*({_UNIT_PATTERN})\b\.?\s*", re.IGNORECASE)
_ISO = re.compile(r"P(?=\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_FIELDS = ("years", "quarters", "months", "weeks", "days", "workdays")
_WORDS = {
    "years": "year", "quarters": "quarter", "months": "month",
    "weeks": "week", "days": "day", "workdays": "workday",
}  # fmt: skip
_ID_WORDS = {
    "years": "tahun", "quarters": "triwulan", "months": "bulan", "weeks": "minggu",
    "days": "hari", "workdays": "hari kerja",
}  # fmt: skip
_ISO_LETTERS = {"years": "Y", "months": "M", "weeks": "W", "days": "D"}

_ALLOWED = (
    "write a number of days or units of day, week, month, quarter, semester, year or workday "
    "(hari, minggu, bulan, triwulan, semester, tahun, hari kerja; hr, mgg, bln, thn, HK): "
    "'9 months', '9 bln', '1 tahun 6 bulan', '1,5 tahun', '10 HK' or 'P1Y2M'"
)


#: The dates a plan may state: years 1900 to 2200 (a wider date is a typo, such as
#: 9999-12-31 for "no end", and would overflow what the schedule derives from it).
FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2200, 12, 31)
#: The longest duration or lag, in years.
MAX_YEARS = 300


def _int_field() -> Any:
    return attrs.field(default=0, validator=attrs.validators.instance_of(int))


@attrs.frozen(kw_only=True, eq=False)
class Duration:
    """A span of time in calendar units, resolved against a date when it is used.

    All parts carry the same sign; a negative duration is a lead when used as a lag.
    ``workdays`` cannot be mixed with the other parts and needs a :class:`Calendar`.

    Durations compare by meaning: a quarter is three months, a year twelve, a week seven
    days, so ``"1 year 1 quarter"`` equals ``"P1Y3M"`` and ``"15 months"``.  Months and
    days stay apart (a month has no fixed number of days).

    Attributes
    ----------
    years, quarters, months, weeks, days, workdays
        Whole numbers of each unit.

    Examples
    --------
    >>> Duration(months=3) == Duration.parse("1 quarter")
    True
    >>> Duration.parse("1 month") == Duration.parse("30 days")
    False
    >>> Duration.parse("1 triwulan").total_months
    3
    >>> Duration.parse(-5)
    Duration.parse('-5 days')
    """

    years: int = _int_field()
    quarters: int = _int_field()
    months: int = _int_field()
    weeks: int = _int_field()
    days: int = _int_field()
    workdays: int = _int_field()
    #: Exact number of days when the duration has no calendar units, else ``None``.
    fixed_days: int | None = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        parts = [getattr(self, f) for f in _FIELDS]
        if any(p > 0 for p in parts) and any(p < 0 for p in parts):
            raise ValueError(f"all parts of a duration must have the same sign, got {self!s}")
        if self.workdays and any(parts[:-1]):
            raise ValueError("a duration in workdays cannot be mixed with other units")
        months = self.years * 12 + self.quarters * 3 + self.months
        days = self.weeks * 7 + self.days + self.workdays * 7 // 5
        if abs(months) * 61 + abs(days) * 2 > MAX_YEARS * 732:  # 61 / 2 = 30.5 days a month
            raise ValueError(f"a duration (or lag) of {self!s} is longer than the "
                             f"{MAX_YEARS} years a plan may span")  # fmt: skip
        fixed = None
        if not (self.years or self.quarters or self.months or self.workdays):
            fixed = self.weeks * 7 + self.days
        object.__setattr__(self, "fixed_days", fixed)

    def _key(self) -> tuple[int, int, int]:
        return (self.total_months, self.weeks * 7 + self.days, self.workdays)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Duration):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    # -- construction -----------------------------------------------------------------

    @classmethod
    def parse(cls, value: object) -> Duration:
        """Read a duration from text, an integer number of days or a :class:`~datetime.timedelta`.

        Raises
        ------
        ValueError
            With a message saying what was received and what is allowed.

        Examples
        --------
        >>> Duration.parse("9 months")
        Duration.parse('9 months')
        >>> Duration.parse("2 minggu").fixed_days
        14
        >>> Duration.parse("10 hari kerja")
        Duration.parse('10 workdays')
        """
        if isinstance(value, Duration):
            return value
        if value.__class__ is str or value.__class__ is int:
            return _parse_cached(value)  # plans repeat the same few durations
        return cls._parse(value)

    @classmethod
    def _parse(cls, value: object) -> Duration:
        if isinstance(value, bool):
            raise ValueError(f"expected a duration, got {show(value)}; {_ALLOWED}")
        if isinstance(value, int):
            return cls(days=value)
        if isinstance(value, timedelta):
            if value.seconds or value.microseconds:
                raise ValueError(f"a duration must be whole days, got {show(value)}")
            return cls(days=value.days)
        if not isinstance(value, str):
            raise ValueError(
                f"expected a duration, got {type(value).__name__} {show(value)}; {_ALLOWED}"
            )
        text = value.strip()
        sign = 1
        if text[:1] in ("+", "-"):
            sign = -1 if text[0] == "-" else 1
            text = text[1:].strip()
        parts: dict[str, int] = dict.fromkeys(_FIELDS, 0)
        iso = _ISO.fullmatch(text)
        if iso:
            for name, group in zip(("years", "months", "weeks", "days"), iso.groups(), strict=True):
                parts[name] = int(group or 0)
        elif text.isdigit():
            parts["days"] = int(text)
        else:
            pos, seen = 0, set()
            for m in _TERM.finditer(text):
                if m.start() != pos:
                    break
                word = re.sub(r"\s+", " ", m.group(2).lower())
                if word in seen:
                    break  # the same unit twice: not a duration we understand
                seen.add(word)
                field, count = _whole(m.group(1), *_UNITS[word], value)
                parts[field] += count
                pos = m.end()
            if pos != len(text) or not pos:
                raise ValueError(f"cannot read duration {show(value)}; {_ALLOWED}")
            if parts["workdays"] and any(parts[f] for f in _FIELDS[:-1]):
                raise ValueError(f"cannot read duration {show(value)}: a duration in "
                                 "workdays cannot be mixed with other units")  # fmt: skip
        try:
            return cls(**{k: sign * v for k, v in parts.items()})
        except ValueError as err:
            raise ValueError(f"cannot read duration {show(value)}: {err}") from None

    # -- properties -------------------------------------------------------------------

    @property
    def total_months(self) -> int:
        """Years, quarters and months together, in months."""
        return self.years * 12 + self.quarters * 3 + self.months

    @property
    def is_zero(self) -> bool:
        """True for a duration of no time at all (a milestone)."""
        return self.sign == 0

    @property
    def sign(self) -> int:
        """-1, 0 or 1."""
        # Every part has the same sign (checked on construction), and so has their sum.
        total = self.years + self.quarters + self.months + self.weeks + self.days + self.workdays
        return (total > 0) - (total < 0)

    def __neg__(self) -> Duration:
        return Duration(**{f: -getattr(self, f) for f in _FIELDS})

    # -- arithmetic -------------------------------------------------------------------

    def end(self, start: int, calendar: Calendar | None = None) -> int:
        """Add the duration to day number *start* and return the resulting day number.

        For a positive duration this is the exclusive end of an interval that begins on
        *start*; for a negative one it is the day that far back.
        """
        if self.fixed_days is not None:
            return start + self.fixed_days
        if self.workdays:
            if calendar is None:
                raise ScheduleError(
                    f"a duration of {self} needs a working-day calendar; set 'calendar' on "
                    'the roadmap, e.g. calendar = {country = "ID", weekend = ["sat", "sun"]}'
                )
            return calendar.add_workdays(start, self.workdays)
        return add_months(start, self.total_months) + self.weeks * 7 + self.days

    def days_from(self, start: int, calendar: Calendar | None = None) -> int:
        """The number of calendar days this duration spans from day number *start*."""
        return self.end(start, calendar) - start

    def days_before(self, end: int, calendar: Calendar | None = None) -> int:
        """The number of calendar days this duration spans when it ends on day number *end*.

        Used for items whose finish is fixed: ``"3 months"`` ending before 1 July starts on
        1 April.
        """
        return end - (-self).end(end, calendar)

    def finish(self, start: date, calendar: Calendar | None = None) -> date:
        """The inclusive finish of an item of this duration that starts on *start*.

        Examples
        --------
        >>> Duration.parse("1 year").finish(date(2020, 2, 29))
        datetime.date(2021, 2, 27)
        >>> Duration.parse(0).finish(date(2020, 1, 1))
        datetime.date(2020, 1, 1)
        """
        end = self.end(start.toordinal(), calendar)
        return date.fromordinal(max(end - 1, start.toordinal()))

    # -- text -------------------------------------------------------------------------

    def __str__(self) -> str:
        nonzero = [(f, getattr(self, f)) for f in _FIELDS if getattr(self, f)]
        if not nonzero:
            return "0 days"
        if len(nonzero) == 1:
            name, value = nonzero[0]
            word = _WORDS[name] if abs(value) == 1 else name
            return f"{value} {word}"
        sign = "-" if self.sign < 0 else ""
        text = "P"
        years = abs(self.years)
        months = abs(self.quarters) * 3 + abs(self.months)
        for name, value in (("years", years), ("months", months)):
            if value:
                text += f"{value}{_ISO_LETTERS[name]}"
        if self.weeks and not self.days:
            text += f"{abs(self.weeks)}W"
        elif self.weeks or self.days:
            text += f"{abs(self.weeks) * 7 + abs(self.days)}D"
        return sign + text

    def text(self, language: str = "en") -> str:
        """The duration as a plan file writes it in *language*.

        ``str()`` in English; in Indonesian the units' words, ``"1 tahun 6 bulan"``.

        Examples
        --------
        >>> Duration.parse("P1Y6M").text("id"), Duration.parse("-10 workdays").text("id")
        ('1 tahun 6 bulan', '-10 hari kerja')
        >>> Duration.parse(Duration.parse("3 minggu 2 hari").text("id")).text()
        'P23D'
        """
        if language != "id":
            return str(self)
        nonzero = [(f, abs(getattr(self, f))) for f in _FIELDS if getattr(self, f)]
        if not nonzero:
            return "0 hari"
        body = " ".join(f"{v} {_ID_WORDS[f]}" for f, v in nonzero)
        return ("-" if self.sign < 0 else "") + body

    def __repr__(self) -> str:
        return f"Duration.parse({str(self)!r})"


def _whole(number: str, field: str, times: int, value: object) -> tuple[str, int]:
    """The field and whole count that *number* units make: ``"1,5"`` years are 18 months."""
    if number.isdigit():
        return field, int(number) * times
    whole, _, frac = number.replace(",", ".").partition(".")
    scale = 10 ** len(frac)
    smaller, per = _FRACTION_OF.get(field, (field, 1))
    count = (int(whole) * scale + int(frac)) * times * per
    if count % scale:
        hint = {"months": "write it as months and days, e.g. '1 bulan 15 hari'"}.get(
            field, f"write whole {smaller}"
        )
        raise ValueError(f"cannot read duration {show(value)}: {number} {field} is not a whole "
                         f"number of {smaller}; {hint}")  # fmt: skip
    return smaller, count // scale


@lru_cache(maxsize=4096)
def _parse_cached(value: str | int) -> Duration:
    return Duration._parse(value)


def parse_duration(value: object) -> Duration:
    """Read a duration; see :meth:`Duration.parse`.

    Examples
    --------
    >>> parse_duration("3 tahun").total_months
    36
    """
    return Duration.parse(value)


def parse_date(value: object, *, end: bool = False) -> date:
    """Read a date as planners write it.

    Accepted: a :class:`~datetime.date`; ISO ``2019-03-01``; day first ``01/03/2019``,
    ``1-3-2019``, ``01.03.2019``; a month's name in Indonesian or English, in full or
    short, ``1 Maret 2019``, ``1 Mar 2019``, ``30-Jun-21``, ``Senin, 1 Maret 2019``; and a
    month alone, ``Maret 2019``, which is the month's first day, or its last day with
    *end* (for a finish, an end or a deadline).  Text other than ISO is read by
    :mod:`dateutil.parser` with Indonesian month and day names, day first.

    Raises
    ------
    ValueError
        For anything else, naming the accepted forms; for date-times (a plan is in whole
        days); for a date outside :data:`FIRST_DATE` .. :data:`LAST_DATE` (years 1900 to 2200).

    Examples
    --------
    >>> parse_date("2019-02-28"), parse_date("1 Maret 2019"), parse_date("01/03/2019")
    (datetime.date(2019, 2, 28), datetime.date(2019, 3, 1), datetime.date(2019, 3, 1))
    >>> parse_date("Februari 2020"), parse_date("Februari 2020", end=True)
    (datetime.date(2020, 2, 1), datetime.date(2020, 2, 29))
    >>> parse_date("30-Jun-21")
    datetime.date(2021, 6, 30)
    """
    if isinstance(value, datetime):
        raise ValueError(f"expected a date without a time, got {value.isoformat()!r}")
    if isinstance(value, date):
        return _in_window(value)
    if isinstance(value, str):
        text = value.strip()
        if _ISO_DATE.fullmatch(text):
            try:
                day = date.fromisoformat(text)
            except ValueError as err:
                raise ValueError(f"invalid date {show(value)}: {err}") from None
            return _in_window(day)
        if m := _DAY_FIRST.fullmatch(text):
            try:
                day = date(int(m[4]), int(m[3]), int(m[1]))
            except ValueError as err:
                raise ValueError(f"invalid date {show(value)}: {err} (dates are day first: "
                                 "dd/mm/yyyy)") from None  # fmt: skip
            return _in_window(day)
        read = _read_date(text, end)
        if read is not None:
            return _in_window(read)
    raise ValueError(f"expected a date, got {show(value)}; write {DATE_FORMS}")


#: The forms of a date a plan may use, for messages.
DATE_FORMS = "2019-03-01, 01/03/2019 (day first), 1 Maret 2019, 1 Mar 2019 or Maret 2019"

_DAY_FIRST = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_YEAR_FIRST = re.compile(r"\d{4}[/.]\d{1,2}[/.]\d{1,2}")
# A year of four digits, or two after a month's name (30-Jun-21); "1 2 3" is not a date.
_HAS_YEAR = re.compile(r"\d{4}|[A-Za-z]\.?[\s/.-]+\d{2}$")
_MONTH_WORDS = [
    ("Jan", "January", "Januari"), ("Feb", "February", "Februari", "Pebruari", "Peb"),
    ("Mar", "March", "Maret"), ("Apr", "April"), ("May", "Mei"), ("Jun", "June", "Juni"),
    ("Jul", "July", "Juli"), ("Aug", "August", "Agu", "Agt", "Ags", "Agustus"),
    ("Sep", "Sept", "September"), ("Oct", "October", "Okt", "Oktober"),
    ("Nov", "November", "Nop", "Nopember"), ("Dec", "December", "Des", "Desember"),
]  # fmt: skip
_DAY_WORDS = [
    ("Mon", "Monday", "Senin"), ("Tue", "Tuesday", "Selasa"), ("Wed", "Wednesday", "Rabu"),
    ("Thu", "Thursday", "Kamis"), ("Fri", "Friday", "Jumat", "Jum'at"),
    ("Sat", "Saturday", "Sabtu"), ("Sun", "Sunday", "Minggu", "Ahad"),
]  # fmt: skip


@lru_cache(maxsize=1)
def _parser_info() -> Any:
    from dateutil import parser

    words = {"MONTHS": _MONTH_WORDS, "WEEKDAYS": _DAY_WORDS,
             "JUMP": [*parser.parserinfo.JUMP, "tanggal", "tgl"]}  # fmt: skip
    return type("IndonesianInfo", (parser.parserinfo,), words)(dayfirst=True)


@lru_cache(maxsize=4096)
def _read_date(text: str, end: bool) -> date | None:
    """Text as day-first dateutil reads it; ``None`` unless it is a whole date (or month)."""
    if not _HAS_YEAR.search(text) or not re.search(r"\d", text):
        return None
    from dateutil import parser

    info = _parser_info()
    yearfirst = bool(_YEAR_FIRST.fullmatch(text))
    try:
        a = parser.parse(text, info, default=datetime(1901, 1, 1, 0, 0), yearfirst=yearfirst,
                         dayfirst=not yearfirst)  # fmt: skip
        b = parser.parse(text, info, default=datetime(1902, 2, 2, 1, 1), yearfirst=yearfirst,
                         dayfirst=not yearfirst)  # fmt: skip
    except (ValueError, OverflowError, parser.ParserError):
        return None
    if a.year != b.year or a.month != b.month or (a.hour, a.minute) == (b.hour, b.minute):
        return None  # no year, no month, or a time of day
    if a.tzinfo is not None or a.second or a.microsecond:
        return None
    if a.day == b.day:
        return a.date()
    # A month alone: its first day, or its last for the end of something.
    if not end:
        return date(a.year, a.month, 1)
    return date.fromordinal(add_months(date(a.year, a.month, 1).toordinal(), 1) - 1)


def _in_window(day: date) -> date:
    if not FIRST_DATE <= day <= LAST_DATE:
        raise ValueError(f"the date {day.isoformat()} is outside the years "
                         f"{FIRST_DATE.year} to {LAST_DATE.year} a plan may use")  # fmt: skip
    return day


def add_months(ordinal: int, months: int) -> int:
    """Add calendar months to a day number, clamping to the month's end like relativedelta.

    Examples
    --------
    >>> date.fromordinal(add_months(date(2019, 1, 31).toordinal(), 1))
    datetime.date(2019, 2, 28)
    """
    if not months:
        return ordinal
    d = date.fromordinal(ordinal)
    year, month = divmod(d.year * 12 + d.month - 1 + months, 12)
    day = d.day
    if day > 28:
        last = _MONTH_DAYS[month]
        if month == 1 and (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
            last = 29
        day = min(day, last)
    return date(year, month + 1, day).toordinal()


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


_WEEKDAYS = {
    "mon": 0, "monday": 0, "senin": 0,
    "tue": 1, "tuesday": 1, "selasa": 1,
    "wed": 2, "wednesday": 2, "rabu": 2,
    "thu": 3, "thursday": 3, "kamis": 3,
    "fri": 4, "friday": 4, "jumat": 4, "jum'at": 4,
    "sat": 5, "saturday": 5, "sabtu": 5,
    "sun": 6, "sunday": 6, "minggu": 6, "ahad": 6,
}  # fmt: skip
_WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekdays(value: Iterable[object]) -> tuple[int, ...]:
    if isinstance(value, str):
        value = [value]
    days = set()
    for v in value:
        if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 6:
            days.add(v)
        elif isinstance(v, str) and v.strip().lower() in _WEEKDAYS:
            days.add(_WEEKDAYS[v.strip().lower()])
        else:
            raise ValueError(f"unknown weekday {show(v)}; use mon, tue, wed, thu, fri, sat or sun")
    if len(days) == 7:
        raise ValueError("a calendar needs at least one working weekday")
    return tuple(sorted(days))


def _dates(value: Iterable[object]) -> tuple[date, ...]:
    return tuple(sorted({parse_date(v) for v in value}))


@attrs.frozen(kw_only=True)
class Calendar:
    """Working days: a week with a weekend, public holidays of a country and extra days off.

    Public holidays come from the maintained :mod:`holidays` package (install the
    ``roadmap[holidays]`` extra); they include Indonesia's movable feasts, which change
    every year by decree.

    Attributes
    ----------
    weekend
        Days off each week, as names (``"sat"``, ``"sun"``, ``"sabtu"``) or numbers (Monday 0).
    country
        ISO 3166 country code for public holidays, e.g. ``"ID"``, or ``None`` for none.
    subdivision
        Province or state code understood by :mod:`holidays`, if any.
    holidays
        Extra days off (e.g. *cuti bersama* not yet in the library).

    Examples
    --------
    >>> cal = Calendar(weekend=["sat", "sun"], holidays=["2019-01-01"])
    >>> cal.is_workday(date(2019, 1, 1)), cal.is_workday(date(2019, 1, 2))
    (False, True)
    >>> Duration.parse("5 workdays").finish(date(2018, 12, 31), cal)
    datetime.date(2019, 1, 7)
    """

    weekend: tuple[int, ...] = attrs.field(default=(5, 6), converter=_weekdays)
    country: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )
    subdivision: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )
    holidays: tuple[date, ...] = attrs.field(default=(), converter=_dates)
    _years: dict[int, frozenset[int]] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.country is not None:
            _country_holidays(self.country, self.subdivision, 2000)  # fail early if unknown

    @property
    def weekend_names(self) -> list[str]:
        """The weekend as short English day names, as written in plan files."""
        return [_WEEKDAY_NAMES[d] for d in self.weekend]

    def _days_off(self, year: int) -> frozenset[int]:
        days = self._years.get(year)
        if days is None:
            off = {d.toordinal() for d in self.holidays if d.year == year}
            if self.country is not None:
                off.update(
                    d.toordinal() for d in _country_holidays(self.country, self.subdivision, year)
                )
            days = self._years[year] = frozenset(off)
        return days

    def is_workday(self, day: date | int) -> bool:
        """True when *day* (a date or a day number) is a working day."""
        d = day if isinstance(day, date) else date.fromordinal(day)
        return d.weekday() not in self.weekend and d.toordinal() not in self._days_off(d.year)

    def next_workday(self, ordinal: int) -> int:
        """The first working day on or after day number *ordinal*."""
        while not self.is_workday(ordinal):
            ordinal += 1
        return ordinal

    def add_workdays(self, start: int, n: int) -> int:
        """Move *n* working days from day number *start*.

        For ``n > 0`` the result is the day after the n-th working day on or after *start*
        (the exclusive end of the work).  For ``n < 0`` it is the |n|-th working day before
        *start*.
        """
        day = start
        if n > 0:
            while n:
                if self.is_workday(day):
                    n -= 1
                day += 1
            return day
        while n:
            day -= 1
            if self.is_workday(day):
                n += 1
        return day


def _country_holidays(country: str, subdivision: str | None, year: int) -> Iterable[date]:
    try:
        import holidays
    except ImportError:  # pragma: no cover - exercised only without the extra
        raise ValueError(
            f"public holidays for {country!r} need the 'holidays' package: "
            "pip install 'roadmap[holidays]'"
        ) from None
    try:
        table = holidays.country_holidays(country, subdiv=subdivision, years=year)
    except NotImplementedError:
        raise ValueError(f"no public holidays are known for country {country!r}") from None
    return list(table.keys())
