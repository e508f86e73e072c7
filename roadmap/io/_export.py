"""Exports for documents and calendars: Mermaid gantt charts and iCalendar files.

Mermaid (``to_mermaid``) renders in Markdown on GitHub, GitLab and many wikis.  iCalendar
(``to_ical``) puts milestones and deadlines into any calendar application.

Examples
--------
>>> from datetime import date
>>> from roadmap.model import Initiative, Milestone, Roadmap
>>> plan = Roadmap(name="Demo", start=date(2019, 1, 1), initiatives=[
...     Initiative(id="A", name="Masterplan", duration="3 months"),
...     Initiative(id="B", name="Perwako", duration=30, depends_on=["A"]),
... ], milestones=[Milestone(id="M", name="Adopted", after="B")])
>>> print(to_mermaid(plan), end="")
gantt
    title Demo
    dateFormat YYYY-MM-DD
    axisFormat %b %Y
    Masterplan :crit, A, 2019-01-01, 90d
    Perwako :crit, B, after A, 30d
    Adopted :milestone, crit, M, after B, 0d
"""

from __future__ import annotations

import re
from datetime import date

from roadmap.model import Initiative, Roadmap
from roadmap.schedule import schedule

__all__ = ["to_ical", "to_mermaid"]

_UNSAFE = str.maketrans({":": "-", ";": ",", "#": "No."})


def to_mermaid(plan: Roadmap) -> str:
    """The scheduled plan as a Mermaid ``gantt`` chart, one section per phase.

    Each task is written with its start and its length in days (``2019-01-01, 90d``), so
    Mermaid draws exactly the scheduled days: our inclusive finish 2019-03-31 is the end of
    a 90-day task starting on 2019-01-01 (Mermaid's own end dates are exclusive).  A task
    whose start is fixed by finish-to-start links without lag is written ``after A B``
    instead of a date.  Critical items are ``crit``, done ones ``done``, running ones
    ``active``.  A milestone is reached at the end of its day, and Mermaid draws a
    zero-length task at the start of its date, so a milestone dated 30 April is written
    ``2019-05-01, 0d`` (or ``after B, 0d``): it then sits where its predecessor's bar
    ends.  Mermaid has no syntax for ``:``, ``;`` and ``#`` in task names: they become
    ``-``, ``,`` and ``No.``.
    """
    sched = schedule(plan)
    lines = ["gantt", f"    title {plan.name.translate(_UNSAFE)}", "    dateFormat YYYY-MM-DD",
             "    axisFormat %b %Y"]  # fmt: skip
    phases = {p.id: p.name for p in plan.phases}
    sections: dict[str | None, list[str]] = {}
    for s in sched:
        item = s.item
        tags = []
        if not isinstance(item, Initiative):
            tags.append("milestone")
        if item.status == "done":
            tags.append("done")
        elif item.status == "in_progress":
            tags.append("active")
        if s.critical:
            tags.append("crit")
        driving = s.driving
        if driving and all(link.type == "FS" and link.lag.is_zero for link in driving):
            when = "after " + " ".join(link.id for link in driving)
        elif s.kind == "milestone":  # the instant it is reached: the end of its day
            when = date.fromordinal(s.finish.toordinal() + 1).isoformat()
        else:
            when = s.start.isoformat()
        length = f"{s.days}d"
        task = (
            f"    {item.name.translate(_UNSAFE)} :{', '.join([*tags, item.id])}, {when}, {length}"
        )
        key = item.phase if item.phase in phases else None
        sections.setdefault(key, []).append(task)
    for key, tasks in sections.items():
        if key is not None:
            lines.append(f"    section {key} {phases[key].translate(_UNSAFE)}")
        elif len(sections) > 1:
            lines.append("    section -")
        lines.extend(tasks)
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    """RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))  # fmt: skip


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
