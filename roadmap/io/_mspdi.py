"""MS Project XML (MSPDI): export a plan for MS Project or ProjectLibre, import one to check.

Export writes the project calendar, one summary task per phase with its items beneath,
milestones, all four link types with their lags, start-no-earlier-than constraints,
deadlines, progress and costs, and the scheduled dates.  A plan without a working-day
calendar gets a seven-day calendar, so that one MS Project day is one calendar day, as in
``roadmap``; a month is 30 days (MS Project has no calendar months).  The roadmap's own
ids, dimensions, owners, funding, duration text, yearly budgets and the multi-year mark
travel in the custom fields Text1-Text7,
which import reads back, so export -> import keeps tasks, dates, links and lags.

Import parses through :mod:`defusedxml` (a document type definition or entities are
refused: no entity-expansion bombs) and accepts files written by MS Project itself:
tasks without our custom fields get ids ``T<ID>`` and durations from their working time.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any
from xml.etree import ElementTree as ET

from roadmap.dates import Calendar, Duration
from roadmap.errors import PlanFileError, RoadmapError
from roadmap.io._tree import TreeError, format_path, from_tree, to_tree
from roadmap.model import Dependency, Initiative, LinkType, Milestone, Phase, Roadmap

NS = "http://schemas.microsoft.com/project"
Q = f"{{{NS}}}"
#: MSPDI codes of the link types.
LINK_CODES: dict[LinkType, int] = {"FF": 0, "FS": 1, "SF": 2, "SS": 3}
_TYPES = {code: kind for kind, code in LINK_CODES.items()}
#: Custom text fields (field id, name, what roadmap keeps there).
FIELDS = (
    (188743731, "Text1", "roadmap id"),
    (188743734, "Text2", "dimension"),
    (188743737, "Text3", "owner"),
    (188743740, "Text4", "funding"),
    (188743743, "Text5", "roadmap duration"),
    (188743746, "Text6", "budget per year"),
    (188743747, "Text7", "multi-year"),
    (188743748, "Text8", "roadmap fields"),
)
F_ID, F_DIMENSION, F_OWNER, F_FUNDING, F_DURATION, F_YEARS, F_MULTI_YEAR, F_EXTRA = (
    f[0] for f in FIELDS
)
#: Fields of a plan that have no home in MSPDI or Text1-Text7: export writes them as JSON
#: in Text8 (of the task; the roadmap's own in the project's summary task), import reads
#: them back, so that export -> import gives the same plan.
EXTRA_ITEM_KEYS = frozenset({
    "tags", "status", "notes", "progress", "finish", "after", "actual_start",
    "actual_finish", "actual_cost", "remaining", "duration_range", "distribution",
    "cost_range", "resources", "fixed", "phase_start", "programme", "quick_win",
})  # fmt: skip
EXTRA_HEAD_KEYS = frozenset({"end", "language", "fiscal_year_start", "status_date",
                             "phase_start", "calendar"})  # fmt: skip
EXTRA_TOP_KEYS = ("ceilings", "capacity", "realisation", "risks", "correlations", "baselines",
                  "programmes", "indicators")  # fmt: skip
MINUTES_PER_DAY = 480
ELAPSED_DAY = 1440  # elapsed formats count 24-hour days
DAYS_PER_MONTH = 30
# Duration formats: d, ed, w, ew, mo, emo (estimated variants are 32 more).
FMT_D, FMT_ED, FMT_W, FMT_EW, FMT_MO, FMT_EMO = 7, 8, 9, 10, 11, 12


# -- import -------------------------------------------------------------------------------


class _Reader:
    def __init__(self, path: str):
        self.path = path

    def error(self, message: str, where: str) -> PlanFileError:
        return PlanFileError(message, path=self.path, field=where)

    def text(self, el: ET.Element, tag: str) -> str | None:
        child = el.find(Q + tag)
        if child is None or child.text is None or not child.text.strip():
            return None
        return child.text.strip()

    def int(self, el: ET.Element, tag: str, where: str, default: int | None = None) -> int:
        text = self.text(el, tag)
        if text is None:
            if default is None:
                raise self.error(f"missing element <{tag}>", where)
            return default
        try:
            return int(float(text))
        except (ValueError, OverflowError):  # "abc", "INF", "NaN"
            raise self.error(f"<{tag}> must be a number, got {text!r}", f"{where}/{tag}") from None

    def date(self, el: ET.Element, tag: str, where: str) -> date | None:
        text = self.text(el, tag)
        if text is None:
            return None
        m = re.match(r"(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?", text)
        if m is None:
            raise self.error(
                f"<{tag}> must be a date-time such as 2019-03-01T08:00:00, got {text!r}",
                f"{where}/{tag}",
            )
        try:
            return date.fromisoformat(m[1])
        except ValueError as err:
            raise self.error(f"<{tag}>: {err}", f"{where}/{tag}") from None


def _hours_of(text: str | None) -> float:
    """``PT16H0M0S`` -> 16.0."""
    if not text:
        return 0.0
    m = re.fullmatch(
        r"-?P(?:(\d+)D)?T?(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?", text
    )
    if m is None:
        raise ValueError(f"not a duration: {text!r}")
    d, h, mi, s = (float(x) if x else 0.0 for x in m.groups())
    return d * 24 + h + mi / 60 + s / 3600


def read_mspdi(data: bytes, path: str) -> Roadmap:
    """Read an MSPDI file written by MS Project, ProjectLibre or :func:`to_mspdi`."""
    try:
        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import ParseError, fromstring
    except ImportError:
        raise PlanFileError(
            "reading MS Project XML needs defusedxml: pip install 'roadmap[mspdi]'", path=path
        ) from None
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as err:
        raise PlanFileError(
            f"refused: the XML declares a DTD or entities ({type(err).__name__}); MS Project "
            "files have none",
            path=path,
        ) from None
    except ParseError as err:  # defusedxml 0.7 has its own class, not ET.ParseError
        line = err.position[0] if err.position else None
        raise PlanFileError(f"not well-formed XML: {err}", path=path, line=line) from None
    if root.tag != Q + "Project":
        raise PlanFileError(
            f"not an MS Project XML file: the root element is <{root.tag.split('}')[-1]}>, "
            "not <Project> in the MSPDI namespace",
            path=path,
        )
    r = _Reader(path)
    ignored: list[str] = []
    fields = {
        r.int(e, "FieldID", "ExtendedAttributes/ExtendedAttribute", 0): (r.text(e, "Alias") or "")
        for e in root.iterfind(f"{Q}ExtendedAttributes/{Q}ExtendedAttribute")
    }
    ours = fields.get(F_ID) == "roadmap id"
    minutes_day = r.int(root, "MinutesPerDay", "Project", MINUTES_PER_DAY) or MINUTES_PER_DAY
    days_month = r.int(root, "DaysPerMonth", "Project", 20) or 20
    calendar = _read_calendar(r, root)
    tasks = list(root.iterfind(f"{Q}Tasks/{Q}Task"))
    ids: dict[int, str] = {}
    exts: dict[int, dict[int, str]] = {}  # custom fields of each task, by UID
    for k, t in enumerate(tasks):
        uid = r.int(t, "UID", f"Tasks/Task[{k + 1}]")
        if r.text(t, "IsNull") == "1":
            continue
        here = f"Tasks/Task[{k + 1}]/ExtendedAttribute"
        exts[uid] = ext = {
            r.int(e, "FieldID", here, 0): r.text(e, "Value") or ""
            for e in t.iterfind(f"{Q}ExtendedAttribute")
        } if ours else {}  # fmt: skip
        ids[uid] = ext.get(F_ID) or f"T{r.text(t, 'ID') or uid}"
    extras: dict[str, Any] = {}  # Text8 of each task, by id; the plan's own under ""
    for k, t in enumerate(tasks):
        uid = r.int(t, "UID", f"Tasks/Task[{k + 1}]")
        text = exts.get(uid, {}).get(F_EXTRA)
        if not text:
            continue
        level = r.int(t, "OutlineLevel", f"Tasks/Task[UID={uid}]", 1)
        key = "" if level == 0 else ids[uid]
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            value = None
        if not isinstance(value, dict):  # cut to 255 characters by MS Project, or damaged
            ignored.append(f"Text8 of task {key or r.text(t, 'Name') or uid!r}")
            continue
        extras[key] = value
    start = r.date(root, "StartDate", "Project")
    phases: list[Phase] = []
    initiatives: list[Initiative] = []
    milestones: list[Milestone] = []
    parents: list[tuple[int, str | None]] = []  # outline stack: (level, phase id)
    for k, t in enumerate(tasks):
        uid = r.int(t, "UID", f"Tasks/Task[{k + 1}]")
        if uid not in ids:
            continue
        where = f"Tasks/Task[UID={uid}]"
        level = r.int(t, "OutlineLevel", where, 1)
        if level == 0:
            continue  # the project summary
        while parents and parents[-1][0] >= level:
            parents.pop()
        phase = parents[-1][1] if parents else None
        name = r.text(t, "Name") or ids[uid]
        ext = exts[uid]
        t_start, t_finish = r.date(t, "Start", where), r.date(t, "Finish", where)
        notes = r.text(t, "Notes")
        try:
            if r.text(t, "Summary") == "1":
                if phase is None:  # only top-level summaries become phases
                    phases.append(
                        Phase(id=ids[uid], name=name, start=t_start, end=t_finish,
                              description=notes)
                    )  # fmt: skip
                    parents.append((level, ids[uid]))
                else:
                    parents.append((level, phase))
                continue
            links = [
                _link(r, p, ids, where, calendar, minutes_day, days_month)
                for p in t.iterfind(f"{Q}PredecessorLink")
            ]
            constraint = r.int(t, "ConstraintType", where, 0)
            planned = r.date(t, "ConstraintDate", where) if constraint in (2, 4) else None
            if r.text(t, "Manual") == "1" and planned is None:
                planned = t_start
            deadline = r.date(t, "Deadline", where)
            common: dict[str, Any] = {
                "id": ids[uid], "name": name, "phase": phase, "deadline": deadline,
                "dimension": ext.get(F_DIMENSION) or None, "owner": ext.get(F_OWNER) or None,
                "description": notes,
            }  # fmt: skip
            if r.text(t, "Milestone") == "1":
                milestones.append(Milestone(**common, date=planned, depends_on=tuple(links)))
                continue
            duration: Duration | None = (
                Duration.parse(ext[F_DURATION]) if ours and ext.get(F_DURATION) else None
            )
            if not duration:
                hours = _hours_of(r.text(t, "Duration"))
                fmt = r.int(t, "DurationFormat", where, FMT_D)
                if (fmt - 32 if fmt >= 35 else fmt) in (4, 6, FMT_ED, FMT_EW, FMT_EMO):  # elapsed
                    duration = Duration(days=math.ceil(round(hours / 24, 6)))
                else:
                    days = math.ceil(round(hours * 60 / minutes_day, 6))
                    if days == 0 and t_start and t_finish:
                        days = (t_finish - t_start).days + 1
                    duration = Duration(days=days) if calendar is None else Duration(workdays=days)
            cost = float(r.text(t, "Cost") or 0) / 100
            budget: int | dict[int, int] | None = round(cost) if cost else None
            if ext.get(F_YEARS):
                years = dict(part.split(":") for part in ext[F_YEARS].split(";"))
                budget = {int(y): int(v) for y, v in years.items()}
            parts = sum(budget.values()) if isinstance(budget, dict) else None
            total = round(cost) if parts is not None and cost and cost != parts else None
            funding = [f.strip() for f in ext.get(F_FUNDING, "").split(";") if f.strip()]
            initiatives.append(
                Initiative(
                    **common, start=planned, duration=duration, depends_on=tuple(links),
                    budget=budget, funding=tuple(funding),
                    budget_total=total, multi_year=ours and ext.get(F_MULTI_YEAR) == "yes",
                    progress=r.int(t, "PercentComplete", where, 0) / 100,
                )
            )  # fmt: skip
        except PlanFileError:
            raise
        except (RoadmapError, ValueError, OverflowError) as err:
            reason = getattr(err, "reason", None) or str(err)
            field = getattr(err, "field", None)
            raise r.error(reason, where + (f" ({field})" if field else "")) from None
    if start is None:
        dates = [i.start for i in initiatives if i.start] + [p.start for p in phases if p.start]
        if not dates:
            raise PlanFileError("the project has no <StartDate>", path=path, field="Project")
        start = min(dates)
    name = r.text(root, "Title") or r.text(root, "Name") or "MS Project plan"
    try:
        plan = Roadmap(
            name=re.sub(r"\.xml$", "", name), start=start, calendar=calendar,
            currency=r.text(root, "CurrencyCode") or "IDR", phases=phases,
            initiatives=initiatives, milestones=milestones, ignored=ignored,
        )  # fmt: skip
    except (RoadmapError, ValueError) as err:
        raise PlanFileError(getattr(err, "reason", None) or str(err), path=path) from None
    return _with_extras(plan, extras, path) if extras else plan


def _same_links(links: object, item: Initiative | Milestone | Phase) -> bool:
    """Whether *links* (Text8) name the predecessors and types MS Project holds for *item*."""
    if not isinstance(links, list) or isinstance(item, Phase):
        return False
    try:
        kept = [Dependency.coerce(link) for link in links]
    except ValueError:
        return False
    return [(d.id, d.type) for d in kept] == [(d.id, d.type) for d in item.depends_on]


def _spans(item: Initiative, finish: date, calendar: Calendar | None) -> bool:
    """Whether the task's duration in MS Project still spans from its start to *finish*."""
    assert item.start is not None
    first, last = item.start.toordinal(), finish.toordinal()
    if item.duration is None or last < first or last - first > 366 * 300:
        return False
    if item.duration.workdays and calendar is not None:
        return item.duration.workdays == sum(map(calendar.is_workday, range(first, last + 1)))
    return item.duration.fixed_days == last - first + 1


def _with_extras(plan: Roadmap, extras: dict[str, Any], path: str) -> Roadmap:
    """*plan* with the fields export kept in Text8 (see :data:`EXTRA_ITEM_KEYS`).

    What MS Project holds natively wins where it was changed there: a progress whose whole
    per cent differs, a finish that no longer matches the task's duration.
    """
    tree = to_tree(plan, dates=date.isoformat)
    items = {i.id: i for i in (*plan.phases, *plan.items)}
    for key in ("phases", "initiatives", "milestones"):
        for entry in tree.get(key, []):
            extra = extras.get(entry["id"])
            if not isinstance(extra, dict):
                continue
            extra = {
                k: v
                for k, v in extra.items()
                if k in EXTRA_ITEM_KEYS or k in ("budget", "depends_on")
            }
            item = items[entry["id"]]
            if (
                "progress" in extra
                and isinstance(item, Initiative)
                and not (
                    isinstance(extra["progress"], int | float)
                    and round(extra["progress"] * 100) == round(item.progress * 100)
                )
            ):
                del extra["progress"]  # changed in MS Project
            if "finish" in extra and isinstance(item, Initiative):
                try:
                    finish = date.fromisoformat(str(extra["finish"]))
                except ValueError:
                    finish = None
                if item.start and finish and _spans(item, finish, plan.calendar):
                    entry.pop("duration", None)
                else:
                    del extra["finish"]
            if "depends_on" in extra and not _same_links(extra["depends_on"], item):
                del extra["depends_on"]  # links changed in MS Project: its own win
            if "after" in extra and isinstance(entry.get("depends_on"), list):
                deps = entry["depends_on"]
                if extra["after"] in deps:
                    deps.remove(extra["after"])  # the link MS Project got from 'after'
                if not deps:
                    del entry["depends_on"]
            budget = extra.get("budget")
            if isinstance(budget, dict) and any(
                not str(k).isdigit() and k != "total" for k in budget
            ):  # per funding source: the shares name the sources
                entry.pop("funding", None)
            entry.update(extra)
    own = extras.get("")
    if isinstance(own, dict):
        head = own.get("roadmap")
        if isinstance(head, dict):
            tree["roadmap"].update({k: v for k, v in head.items() if k in EXTRA_HEAD_KEYS})
        tree.update({k: own[k] for k in EXTRA_TOP_KEYS if k in own})
        order = own.get("order")
        if isinstance(order, list):  # the plan's order; tasks added in MS Project last
            rank = {id: k for k, id in enumerate(order) if isinstance(id, str)}
            for key in ("initiatives", "milestones"):
                if key in tree:
                    tree[key].sort(key=lambda e: rank.get(e["id"], len(rank)))
    try:
        return from_tree(tree, "json", plan.ignored)
    except TreeError as err:
        raise PlanFileError.of([
            PlanFileError(f"{e.message} (the roadmap fields, Text8)", path=path,
                          field=format_path(e.path) or None)
            for e in err.errors
        ]) from None  # fmt: skip


def _link(
    r: _Reader,
    el: ET.Element,
    ids: dict[int, str],
    where: str,
    calendar: Calendar | None,
    minutes_day: int,
    days_month: int,
) -> Dependency:
    here = f"{where}/PredecessorLink"
    uid = r.int(el, "PredecessorUID", here)
    if uid not in ids:
        raise r.error(f"links to task UID {uid}, which is not in the file", here)
    kind = r.int(el, "Type", here, 1)
    if kind not in _TYPES:
        raise r.error(f"<Type> must be 0 (FF), 1 (FS), 2 (SF) or 3 (SS), got {kind}", here)
    minutes = r.int(el, "LinkLag", here, 0) / 10
    fmt = r.int(el, "LagFormat", here, FMT_D)
    fmt = fmt - 32 if fmt >= 35 else fmt  # estimated formats
    lag = lag_of(minutes, fmt, calendar, minutes_day, days_month)
    if lag is None:
        raise r.error(f"a lag in format {fmt} (per cent or unknown) cannot be read", here)
    return Dependency(id=ids[uid], type=_TYPES[kind], lag=lag)


def lag_of(
    minutes: float,
    fmt: int,
    calendar: Calendar | None,
    minutes_day: int,
    days_month: int,
) -> Duration | None:
    def whole(x: float) -> int | None:
        return round(x) if abs(x - round(x)) < 1e-6 else None

    if fmt in (4, 6, FMT_ED, FMT_EW, FMT_EMO):  # elapsed minutes, hours, days, weeks, months
        if fmt == FMT_EW and (w := whole(minutes / (7 * ELAPSED_DAY))) is not None:
            return Duration(weeks=w)
        if fmt == FMT_EMO and (m := whole(minutes / (DAYS_PER_MONTH * ELAPSED_DAY))) is not None:
            return Duration(months=m)
        return Duration(days=round(minutes / ELAPSED_DAY))
    if fmt not in (3, 5, FMT_D, FMT_W, FMT_MO):  # per cent, or unknown
        return None
    days = round(minutes / minutes_day)  # working time
    if calendar is not None:
        return Duration(workdays=days)
    if fmt == FMT_W and (w := whole(minutes / (7 * minutes_day))) is not None:
        return Duration(weeks=w)
    if fmt == FMT_MO and (m := whole(minutes / (days_month * minutes_day))) is not None:
        return Duration(months=m)
    return Duration(days=days)


def _read_calendar(r: _Reader, root: ET.Element) -> Calendar | None:
    uid = r.text(root, "CalendarUID") or "1"
    cal = next(
        (c for c in root.iterfind(f"{Q}Calendars/{Q}Calendar") if r.text(c, "UID") == uid),
        None,
    )
    if cal is None:
        return Calendar()  # MS Project's default: Monday to Friday
    weekend = []
    holidays: list[date] = []
    for wd in cal.iterfind(f"{Q}WeekDays/{Q}WeekDay"):
        day_type = r.int(wd, "DayType", "Calendars/Calendar/WeekDays/WeekDay", 0)
        working = r.text(wd, "DayWorking") == "1"
        if 1 <= day_type <= 7 and not working:
            weekend.append((day_type + 5) % 7)
        elif day_type == 0 and not working:  # an old-style exception
            holidays += _period(r, wd)
    for ex in cal.iterfind(f"{Q}Exceptions/{Q}Exception"):
        if r.text(ex, "DayWorking") != "1":
            holidays += _period(r, ex)
    if not weekend and not holidays:
        return None  # every day a working day: calendar days, as roadmap counts by default
    return Calendar(weekend=sorted(weekend), holidays=sorted(set(holidays)))


def _period(r: _Reader, el: ET.Element) -> Iterator[date]:
    period = el.find(Q + "TimePeriod")
    if period is None:
        return
    first = r.date(period, "FromDate", "Calendars/Calendar/Exceptions")
    last = r.date(period, "ToDate", "Calendars/Calendar/Exceptions")
    if first is None or last is None or (last - first).days > 3660:
        return
    for k in range((last - first).days + 1):
        yield first + timedelta(days=k)
