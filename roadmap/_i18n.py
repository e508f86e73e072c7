"""Languages of labels and messages: Indonesian (``"id"``) and English (``"en"``).

Month names, triwulan, dates in words and the words that tables and charts share, in one
place, so that every output of a plan says the same thing the same way.

Examples
--------
>>> from datetime import date
>>> long_date(date(2019, 9, 30), "id")
'30 September 2019'
>>> MONTHS_SHORT["id"][7], QUARTERS["id"][3]
('Agu', 'TW IV')
"""

from __future__ import annotations

from datetime import date
from typing import Literal, TypeAlias

__all__ = [
    "BUDGET_WORDS",
    "GROUP_WORDS",
    "LANGUAGES",
    "MONTHS",
    "MONTHS_SHORT",
    "QUARTERS",
    "RISK_LEVELS",
    "SCHEDULE_HEADERS",
    "Language",
    "language_of",
    "long_date",
    "yes_no",
]

Language: TypeAlias = Literal["id", "en"]

#: The five levels of the 5x5 likelihood x impact risk matrix, lowest first.
RISK_LEVELS: dict[str, tuple[str, ...]] = {
    "id": ("Sangat Rendah", "Rendah", "Sedang", "Tinggi", "Sangat Tinggi"),
    "en": ("Very low", "Low", "Moderate", "High", "Very high"),
}
#: The languages of labels and messages.
LANGUAGES: tuple[Language, ...] = ("id", "en")

MONTHS: dict[Language, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
}  # fmt: skip
MONTHS_SHORT: dict[Language, tuple[str, ...]] = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
#: Quarters as planning documents name them: *Triwulan I-IV* (never CLDR's "Kuartal").
QUARTERS: dict[Language, tuple[str, ...]] = {
    "id": ("TW I", "TW II", "TW III", "TW IV"),
    "en": ("Q1", "Q2", "Q3", "Q4"),
}
#: Names of the budget groupings (``budget_by(by=...)``).
GROUP_WORDS: dict[Language, dict[str, str]] = {
    "id": {"year": "tahun", "phase": "fase", "dimension": "dimensi", "owner": "pemilik",
           "funding": "sumber dana", "programme": "program", "total": "jumlah"},
    "en": {"year": "year", "phase": "phase", "dimension": "dimension", "owner": "owner",
           "funding": "funding", "programme": "programme", "total": "total"},
}  # fmt: skip


#: Column headers of schedule tables: record key -> (Indonesian, English).
SCHEDULE_HEADERS: dict[str, tuple[str, str]] = {
    "id": ("Kode", "ID"), "kind": ("Jenis", "Kind"), "name": ("Nama", "Name"),
    "start": ("Mulai", "Start"), "finish": ("Selesai", "Finish"),
    "late_start": ("Mulai paling lambat", "Late start"),
    "late_finish": ("Selesai paling lambat", "Late finish"),
    "total_slack_days": ("Float total (hari)", "Total slack (days)"),
    "free_slack_days": ("Float bebas (hari)", "Free slack (days)"),
    "critical": ("Kritis", "Critical"), "driving": ("Pendahulu penentu", "Driving links"),
}  # fmt: skip
#: Column headers of budget tables by year.
BUDGET_WORDS: dict[Language, dict[str, str]] = {
    "id": {"amount": "anggaran", "ceiling": "pagu", "over": "lebih"},
    "en": {"amount": "amount", "ceiling": "ceiling", "over": "over"},
}


def language_of(value: str | None, default: str = "id") -> Language:
    """*value* as a :data:`Language`, or *default*'s when *value* is ``None``.

    Raises
    ------
    ValueError
        For anything but ``"id"`` and ``"en"``.

    Examples
    --------
    >>> language_of(None, "en"), language_of("id")
    ('en', 'id')
    """
    chosen = default if value is None else value
    if chosen == "id":
        return "id"
    if chosen == "en":
        return "en"
    raise ValueError(f"language must be 'id' or 'en', got {chosen!r}")


def long_date(day: date, language: Language) -> str:
    """*day* as planning documents write it, day first: ``30 September 2019``."""
    return f"{day.day} {MONTHS[language][day.month - 1]} {day.year}"


def yes_no(value: bool, language: Language) -> str:
    """``ya``/``tidak`` or ``yes``/``no``."""
    if language == "id":
        return "ya" if value else "tidak"
    return "yes" if value else "no"
