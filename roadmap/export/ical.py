"""iCalendar (RFC 5545): milestones and deadlines of a scheduled plan, for any calendar."""

from __future__ import annotations

import re
from datetime import date

from roadmap.model import Roadmap
from roadmap.scheduler import schedule

__all__ = ["to_ical"]


def _escape(text: str) -> str:
    """RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks.

    A bare carriage return is a line break too, and any other control character (which
    a plan refuses, but an object built by hand may hold) is left out: none reaches the
    file raw, where it would end a line or corrupt it.
    """
    text = (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))  # fmt: skip
    if not text.isprintable():
        text = "".join(ch for ch in text if ch.isprintable() or ch == " ")
    return text


def _fold(line: str) -> str:
    """RFC 5545 line folding: at most 75 octets a line, never inside a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts = []
    limit = 75
    while data:
        cut = min(limit, len(data))
        while cut < len(data) and (data[cut] & 0xC0) == 0x80:  # continuation byte
            cut -= 1
        parts.append(data[:cut].decode("utf-8"))
        data = data[cut:]
        limit = 74  # later lines start with the folding space
    return "\r\n ".join(parts)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "roadmap"


def to_ical(plan: Roadmap) -> str:
    """Milestones and deadlines as an iCalendar (RFC 5545) file of all-day events.

    Each milestone is an event on the day it is reached (scheduled); each deadline an
    event on its day.  UIDs are built from the item ids and the roadmap's name, so they
    stay the same across runs and calendar applications update events instead of
    duplicating them.  ``DTSTAMP`` is the roadmap's start, so the same plan gives the
    same bytes.
    """
    sched = schedule(plan)
    domain = f"{_slug(plan.name)}.roadmap"
    stamp = f"{plan.start:%Y%m%d}T000000Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//roadmap//roadmap//EN",
             "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{_escape(plan.name)}"]  # fmt: skip
    events: list[tuple[str, date, str, str]] = []
    for s in sched:
        if s.kind == "milestone":
            events.append((f"{s.id}-milestone", s.finish, s.name, f"{s.id}"))
        deadline = s.item.deadline
        if deadline is not None:
            word = "Tenggat" if plan.language == "id" else "Deadline"
            late = f" ({s.total_slack} d)" if s.total_slack < 0 else ""
            events.append((f"{s.id}-deadline", deadline, f"{word}: {s.name}{late}", s.id))
    for uid, day, summary, id in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_escape(uid)}@{domain}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{date.fromordinal(day.toordinal() + 1):%Y%m%d}",
            f"SUMMARY:{_escape(summary)}",
            f"DESCRIPTION:{_escape(f'{plan.name} - {id}')}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
