"""Mermaid gantt charts: a scheduled plan in Markdown on GitHub, GitLab and many wikis.

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

from datetime import date

from roadmap.model import Initiative, Roadmap
from roadmap.scheduler import schedule

__all__ = ["to_mermaid"]

_UNSAFE = str.maketrans({":": "-", ";": ",", "#": "No."})
# Words a gantt line may start with: a task named "section x" or "click A href ..." would
# be read as that statement, and "%%" starts a comment or an %%{init}%% directive.
_KEYWORDS = frozenset({
    "title", "dateformat", "axisformat", "tickinterval", "excludes", "includes",
    "todaymarker", "section", "click", "call", "href", "weekday", "inclusiveenddates",
    "topaxis", "displaymode", "accdescr", "acctitle", "gantt",
})  # fmt: skip


def _text(name: str) -> str:
    """*name* as Mermaid reads it: a task name, never a statement, comment or directive."""
    text = name.translate(_UNSAFE).replace("%%", "%")
    words = text.split(maxsplit=1)
    if not words or words[0].lower() in _KEYWORDS or text.lstrip().startswith("%"):
        text = "\u2060" + text  # a word joiner: shows nothing, starts no statement
    return text


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
    lines = ["gantt", f"    title {_text(plan.name)}", "    dateFormat YYYY-MM-DD",
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
        task = f"    {_text(item.name)} :{', '.join([*tags, item.id])}, {when}, {length}"
        key = item.phase if item.phase in phases else None
        sections.setdefault(key, []).append(task)
    for key, tasks in sections.items():
        if key is not None:
            lines.append(f"    section {key} {_text(phases[key])}")
        elif len(sections) > 1:
            lines.append("    section -")
        lines.extend(tasks)
    return "\n".join(lines) + "\n"
