"""The plan tree shared by TOML, JSON and YAML, and its conversion to and from the model.

Errors raise :class:`TreeError` with the path of the offending value, e.g.
``("initiatives", 3, "duration")``; the format modules turn the path into a line number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from functools import partial
from itertools import chain
from operator import attrgetter
from typing import Any

from roadmap.dates import Calendar, Duration
from roadmap.errors import ItemError, did_you_mean, show
from roadmap.model import (
    CEILING_GROUPS,
    STATUSES,
    Baseline,
    BaselineItem,
    Correlation,
    Dependency,
    Indicator,
    Initiative,
    Milestone,
    Percent,
    Phase,
    Programme,
    Realisation,
    Risk,
    Roadmap,
)

Path = tuple[str | int, ...]

ROADMAP_KEYS = (
    "name", "start", "end", "currency", "language", "fiscal_year_start", "calendar",
    "status_date", "phase_start",
)  # fmt: skip
PHASE_KEYS = ("id", "name", "start", "end", "description", "phase_start")
INITIATIVE_KEYS = (
    "id", "name", "phase", "dimension", "owner", "start", "duration", "finish", "depends_on",
    "budget", "funding", "deadline", "progress", "status", "multi_year", "tags", "description",
    "actual_start", "actual_finish", "actual_cost", "remaining", "duration_range",
    "distribution", "cost_range", "resources", "fixed", "notes", "programme", "quick_win",
)  # fmt: skip
#: Keys read into ``duration_range``: a three-point estimate written beside ``duration``.
THREE_POINT_KEYS = ("optimistic", "most_likely", "pessimistic")
RISK_KEYS = ("id", "name", "probability", "items", "delay", "cost", "owner", "description")
CORRELATION_KEYS = ("items", "coefficient")
MILESTONE_KEYS = (
    "id", "name", "phase", "dimension", "owner", "date", "after", "depends_on", "deadline",
    "status", "tags", "description", "actual_finish", "notes",
)  # fmt: skip
REALISATION_KEYS = ("item", "date", "month", "progress", "spent", "note")
BASELINE_KEYS = ("name", "taken", "default", "items")
BASELINE_ITEM_KEYS = ("id", "start", "finish", "budget")
TOP_KEYS = (
    "roadmap", "ceilings", "phases", "programmes", "initiatives", "milestones", "realisation",
    "baselines", "capacity", "risks", "correlations", "indicators",
)  # fmt: skip
PROGRAMME_KEYS = ("code", "name", "edition", "owner", "budget")
INDICATOR_KEYS = (
    "id", "name", "unit", "level", "items", "baseline", "targets", "final", "polarity",
    "combine", "realisations",
)  # fmt: skip


class TreeError(ValueError):
    """A value of the tree is wrong; ``path`` says where; ``errors`` lists every one found."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.message = message
        self.path = path
        self.errors: list[TreeError] = [self]

    @classmethod
    def of(cls, errors: Sequence[TreeError]) -> TreeError:
        """The first of *errors*, carrying all of them."""
        flat = list(dict.fromkeys(e for err in errors for e in err.errors))
        first = flat[0]
        first.errors = flat
        return first


#: The most errors a reader collects before it stops looking.
MAX_ERRORS = 200


def format_path(path: Path) -> str:
    """``("initiatives", 3, "duration")`` -> ``"initiatives[3].duration"``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _table(value: object, path: Path) -> Mapping[str, Any]:
    if value.__class__ is not dict and not isinstance(value, Mapping):
        raise TreeError(f"expected a table, got {type(value).__name__} {show(value)}", path)
    return value


#: The keys of each kind of entry, as sets: checked in C for every entry of a long list.
_KEY_SETS = {
    "phases": frozenset(PHASE_KEYS),
    "initiatives": frozenset(INITIATIVE_KEYS + THREE_POINT_KEYS),
    "milestones": frozenset(MILESTONE_KEYS),
}


def _check_keys(table: Mapping[str, Any], allowed: tuple[str, ...], path: Path) -> None:
    if all(map(allowed.__contains__, table)):
        return  # all known: the common case, in C
    for key in table:
        if key not in allowed:
            raise TreeError(
                f"unknown key {key!r}; allowed here: {', '.join(allowed)}", (*path, key)
            )


def _build(cls: Callable[..., Any], table: Mapping[str, Any], path: Path) -> Any:
    """Call a model constructor; map its ItemError onto the tree path.

    A wrong value is left out and the constructor called again, so that every wrong
    value of the entry is reported, not only the first (a value left out can only give
    errors about what is then missing, which are not reported).
    """
    errors: list[TreeError] = []
    fields = dict(table)
    while True:
        try:
            built = cls(**fields)
        except ItemError as err:
            field = err.field
            sub: Path = path
            if field is not None:
                # Dependency fields (type, lag) live below depends_on; find the entry.
                if field in ("type", "lag") and "depends_on" in fields:
                    field = "depends_on"
                if field == "budget" and "budget_shares" in fields:
                    field = "budget_shares"  # written as budget = {APBD = ...}
                if field in fields:
                    sub = (*path, "budget" if field == "budget_shares" else field)
            if errors and (field is None or field not in fields):
                break  # an error of something left out: not the user's
            if field == "depends_on":
                sub = _dependency_at(fields[field], sub)
            errors.append(TreeError(err.reason, sub))
            if field is None or field not in fields or field in ("id", "name"):
                break
            del fields[field]
        except TypeError as err:  # a missing required key
            if not errors:
                missing = str(err).split("'")[1] if "'" in str(err) else "a required key"
                errors.append(TreeError(f"missing required key {missing!r}", path))
            break
        else:
            if not errors:
                return built
            break
    raise TreeError.of(errors)


class _Errors:
    """The errors found so far in a tree; :meth:`run` calls a step and keeps its error."""

    def __init__(self) -> None:
        self.found: list[TreeError] = []

    def run(self, step: Callable[[], Any]) -> Any:
        """*step*'s result, or ``None`` after recording the TreeError it raised."""
        try:
            return step()
        except TreeError as err:
            self.add(err)
            return None

    def add(self, err: TreeError) -> None:
        """Keep the errors of *err*; stop reading at :data:`MAX_ERRORS`."""
        self.found.extend(err.errors)
        if len(self.found) >= MAX_ERRORS:
            raise TreeError.of(self.found) from None


def _list(tree: Mapping[str, Any], key: str) -> list[Any]:
    value = tree.get(key, [])
    if not isinstance(value, list):
        raise TreeError(f"expected a list of tables, got {type(value).__name__}", (key,))
    return value


#: How each format writes the roadmap's own section, for messages.
_HEAD = {
    "toml": "the [roadmap] table", "json": 'the "roadmap" object',
    "yaml": "the roadmap: section", "table": "the roadmap",
}  # fmt: skip


def from_tree(tree: object, syntax: str = "toml", ignored: Sequence[str] = ()) -> Roadmap:
    """Build a :class:`Roadmap` from a parsed plan tree.

    *syntax* (``"toml"``, ``"json"``, ``"yaml"``) words the messages as that format writes;
    *ignored* names what the file held besides the plan (:attr:`Roadmap.ignored`).

    Raises
    ------
    TreeError
        With the path of the first wrong value.
    """
    head_words = _HEAD.get(syntax, _HEAD["toml"])
    if tree is None or (isinstance(tree, Mapping) and not tree):
        raise TreeError(f"the file holds no plan; it needs {head_words} with name and start",
                        ())  # fmt: skip
    top = _table(tree, ())
    _check_keys(top, TOP_KEYS, ())
    if "roadmap" not in top:
        raise TreeError(f"missing {head_words} (name, start, ...)", ())
    head = dict(_table(top["roadmap"], ("roadmap",)))
    _check_keys(head, ROADMAP_KEYS, ("roadmap",))
    if "calendar" in head:
        cal = _table(head["calendar"], ("roadmap", "calendar"))
        _check_keys(cal, ("weekend", "country", "subdivision", "holidays"), ("roadmap", "calendar"))
        try:
            head["calendar"] = Calendar(**cal)
        except (ValueError, TypeError) as err:
            raise TreeError(str(err), ("roadmap", "calendar")) from None

    errors = _Errors()
    failed: set[str] = set()  # ids of entries with errors: links to them are not errors
    index: dict[str, list[int]] = {}  # where each built entry is in the file's list
    parts: dict[str, list[Any]] = {}
    for key, cls, allowed in (
        ("phases", Phase, PHASE_KEYS),
        ("initiatives", Initiative, INITIATIVE_KEYS + THREE_POINT_KEYS),
        ("milestones", Milestone, MILESTONE_KEYS),
    ):
        built = []
        where: list[int] = []
        for i, entry in enumerate(errors.run(partial(_list, top, key)) or ()):
            try:
                built.append(_item(entry, key, i, cls, allowed))
            except TreeError as err:
                errors.add(err)
                if isinstance(entry, Mapping) and isinstance(entry.get("id"), str):
                    failed.add(entry["id"])
                continue
            where.append(i)
        parts[key] = built
        index[key] = where

    def entries(key: str, build: Callable[[object, int], Any]) -> list[Any]:
        out = [errors.run(lambda: build(entry, i))  # noqa: B023
               for i, entry in enumerate(errors.run(lambda: _list(top, key)) or ())]  # fmt: skip
        return [e for e in out if e is not None]

    parts["programmes"] = entries(
        "programmes", partial(_entry_of, "programmes", Programme, PROGRAMME_KEYS)
    )
    parts["realisation"] = entries(
        "realisation",
        lambda entry, i: _build(
            Realisation, _keys(entry, REALISATION_KEYS, ("realisation", i)), ("realisation", i)
        ),
    )
    parts["baselines"] = entries("baselines", _baseline)
    register: tuple[tuple[str, type, tuple[str, ...]], ...] = (
        ("risks", Risk, RISK_KEYS),
        ("correlations", Correlation, CORRELATION_KEYS),
        ("indicators", Indicator, INDICATOR_KEYS),
    )
    for key, cls_, keys in register:
        parts[key] = entries(key, partial(_entry_of, key, cls_, keys))

    ceilings = dict(_table(top.get("ceilings", {}), ("ceilings",)))
    groups = {k: ceilings.pop(k) for k in list(ceilings) if not str(k).strip().isdigit()}
    for kind in groups:
        if kind not in CEILING_GROUPS:
            raise TreeError(
                f"unknown key {kind!r}; allowed here: years, and tables "
                + ", ".join(CEILING_GROUPS),
                ("ceilings", kind),
            )
    capacity = dict(_table(top.get("capacity", {}), ("capacity",)))
    owners = capacity.pop("owners", {})
    _table(owners, ("capacity", "owners"))
    parts["capacity"] = capacity  # type: ignore[assignment]
    parts["owner_capacity"] = owners
    try:
        plan = _build(
            Roadmap,
            {
                **head,
                "ceilings": ceilings,
                "group_ceilings": groups,
                **parts,
                "ignored": tuple(ignored),
            },
            ("roadmap",),
        )
    except TreeError as err:
        errors.found.extend(_head_error(e) for e in err.errors)
        raise TreeError.of(errors.found) from None
    assert isinstance(plan, Roadmap)
    errors.found.extend(_check_references(plan, failed, index))
    if errors.found:
        raise TreeError.of(errors.found)
    return plan


def _entry_of(key: str, cls: type, keys: tuple[str, ...], entry: object, i: int) -> Any:
    """One risk or correlation of the tree."""
    return _build(cls, _keys(entry, keys, (key, i)), (key, i))


def _item(entry: object, key: str, i: int, cls: type, allowed: tuple[str, ...]) -> Any:
    """One phase, initiative or milestone of the tree."""
    table = _table(entry, (key, i))
    if key == "initiatives":
        table = _three_points(table, (key, i))
    if not _KEY_SETS[key].issuperset(table):
        _check_keys(table, allowed, (key, i))
    budget = table.get("budget")
    if budget is not None and isinstance(budget, Mapping) and budget:
        table = _split_budget(table, budget)
    try:
        return cls(**table)
    except (ItemError, TypeError):
        return _build(cls, table, (key, i))  # read again to report every wrong value


def _is_year(key: object) -> bool:
    return isinstance(key, int) or (isinstance(key, str) and key.strip().isdigit())


def _split_budget(table: Mapping[str, Any], budget: Mapping[Any, Any]) -> Mapping[str, Any]:
    """A budget table of a plan file as model fields.

    ``{total = ..., 2020 = ...}``, ``{APBD = ..., DAK = ...}`` (per funding source) or
    ``{2020 = {APBD = ..., DAK = ...}}`` (per year and source).
    """
    out = dict(table)
    if "total" in budget:
        out["budget_total"] = budget["total"]
        budget = {k: v for k, v in budget.items() if k != "total"}
        out["budget"] = budget
    if any(not _is_year(k) for k in budget):  # per funding source
        out.pop("budget")
        out["budget_shares"] = budget
    elif any(isinstance(v, Mapping) for v in budget.values()):  # per year, per source
        shares: dict[Any, dict[Any, Any]] = {}
        for year, parts in budget.items():
            if not isinstance(parts, Mapping):
                raise TreeError(f"expected the budget of {year} per funding source, as "
                                f"the other years give it, got {show(parts)}",
                                ("budget", year))  # fmt: skip
            for source, amount in parts.items():
                shares.setdefault(source, {})[year] = amount
        out.pop("budget")
        out["budget_shares"] = shares
    return out


def _head_error(err: TreeError) -> TreeError:
    """An error of the roadmap's own fields, at the place the tree writes it."""
    if err.path[1:2] in (("ceilings",), ("group_ceilings",)):  # top-level [ceilings]
        return TreeError(err.message, ("ceilings",))
    if err.path[1:2] in (("capacity",), ("owner_capacity",)):
        where = ("capacity",) if err.path[1] == "capacity" else ("capacity", "owners")
        return TreeError(err.message, where)
    return err


def _three_points(table: Mapping[str, Any], path: Path) -> Mapping[str, Any]:
    """``optimistic``, ``most_likely`` and ``pessimistic`` keys -> ``duration_range``."""
    if "optimistic" not in table and "most_likely" not in table and "pessimistic" not in table:
        return table
    given = [k for k in THREE_POINT_KEYS if k in table]
    if "duration_range" in table:
        raise TreeError("give either duration_range or optimistic/pessimistic, not both",
                        (*path, given[0]))  # fmt: skip
    for k in ("optimistic", "pessimistic"):
        if k not in table:
            raise TreeError(f"'{given[0]}' needs '{k}' too", (*path, given[0]))
    out = {k: v for k, v in table.items() if k not in THREE_POINT_KEYS}
    out["duration_range"] = [table["optimistic"], table.get("most_likely"), table["pessimistic"]]
    return out


def _keys(entry: object, allowed: tuple[str, ...], path: Path) -> Mapping[str, Any]:
    table = _table(entry, path)
    _check_keys(table, allowed, path)
    return table


def _baseline(entry: object, i: int) -> Baseline:
    path: Path = ("baselines", i)
    table = dict(_keys(entry, BASELINE_KEYS, path))
    raw = table.get("items", [])
    if not isinstance(raw, list):
        raise TreeError(f"expected a list of items, got {type(raw).__name__}", (*path, "items"))
    items = []
    for k, item in enumerate(raw):
        sub: Path = (*path, "items", k)
        fields = dict(_keys(item, BASELINE_ITEM_KEYS, sub))
        if isinstance(fields.get("budget"), Mapping):
            fields["budget"] = dict(fields["budget"])
        items.append(_build(BaselineItem, fields, sub))
    table["items"] = items
    built = _build(Baseline, table, path)
    assert isinstance(built, Baseline)
    return built


def _dependency_at(value: object, path: Path) -> Path:
    """The path of the first dependency of *value* that cannot be read, else *path*."""
    if isinstance(value, list):
        for k, entry in enumerate(value):
            try:
                Dependency.coerce(entry)
            except (ValueError, TypeError):
                return (*path, k)
    return path


_get_id = attrgetter("id")
_get_depends_on = attrgetter("depends_on")
_get_after = attrgetter("after")


def _check_references(
    plan: Roadmap, failed: set[str], index: Mapping[str, list[int]]
) -> Iterator[TreeError]:
    """Duplicate ids and links to unknown items make a plan file unreadable.

    Links to the ids in *failed* (entries with errors of their own) are not reported;
    *index* maps the position of an entry of the plan to its position in the file.
    """
    if not _references_hold(plan):
        yield from _item_references(plan, failed, index)
    yield from _register_references(plan, failed)


def _references_hold(plan: Roadmap) -> bool:
    """Whether ids are unique and every link and 'after' names an item: one pass in C."""
    phase_ids = set(map(_get_id, plan.phases))
    known = plan.positions
    if len(phase_ids) + len(known) != len(plan.phases) + len(plan.items):
        return False  # a duplicate id
    if not known.keys().isdisjoint(phase_ids):
        return False
    links = map(_get_id, chain.from_iterable(map(_get_depends_on, plan.items)))
    afters = filter(None, map(_get_after, plan.milestones))
    return all(map(known.__contains__, chain(links, afters)))


def _item_references(
    plan: Roadmap, failed: set[str], index: Mapping[str, list[int]]
) -> Iterator[TreeError]:
    """Duplicate ids and unknown links, each at its entry in the file."""
    seen: dict[str, tuple[str, int]] = {}
    groups: tuple[tuple[str, Sequence[Phase | Initiative | Milestone]], ...] = (
        ("phases", plan.phases),
        ("initiatives", plan.initiatives),
        ("milestones", plan.milestones),
    )
    for key, items in groups:
        for k, item in enumerate(items):
            i = index[key][k]
            if item.id in seen:
                where = format_path(seen[item.id])
                yield TreeError(f"duplicate id {item.id!r} (first used at {where})", (key, i, "id"))
                continue
            seen[item.id] = (key, i)
    phase_ids = {p.id for p in plan.phases}
    for key, entries in groups[1:]:
        for n, item in enumerate(entries):
            i = index[key][n]
            assert not isinstance(item, Phase)
            after = item.after if isinstance(item, Milestone) else None
            if (
                after is not None
                and after not in failed
                and (after not in seen or after in phase_ids)
            ):
                yield TreeError(f"'after' names unknown item {after!r}"
                                f"{did_you_mean(after, (set(seen) - phase_ids) | failed)}",
                                (key, i, "after"))  # fmt: skip
            for k, link in enumerate(item.depends_on):
                if link.id not in failed and (link.id not in seen or link.id in phase_ids):
                    yield TreeError(
                        f"item {item.id!r} depends on unknown item {link.id!r}"
                        f"{did_you_mean(link.id, (set(seen) - phase_ids) | failed)}",
                        (key, i, "depends_on", k),
                    )


def _register_references(plan: Roadmap, failed: set[str]) -> Iterator[TreeError]:
    """Indicators, risks and correlations naming what the plan does not hold."""
    if not (plan.indicators or plan.risks or plan.correlations):
        return
    seen = set(map(_get_id, plan.phases)) | set(map(_get_id, plan.items))
    initiatives = {i.id for i in plan.initiatives}
    refs: tuple[tuple[str, Sequence[Risk | Correlation]], ...] = (
        ("risks", plan.risks),
        ("correlations", plan.correlations),
    )
    codes = {p.code for p in plan.programmes}
    for i, indicator in enumerate(plan.indicators):
        for id in indicator.items:
            if id not in seen and id not in codes and id not in failed:
                yield TreeError(f"'items' names {id!r}, neither an item nor a programme code"
                                f"{did_you_mean(id, set(seen) | codes)}",
                                ("indicators", i, "items"))  # fmt: skip
    for key, entries_ in refs:
        for i, ref in enumerate(entries_):
            for id in ref.items:
                if id not in initiatives and id not in failed:
                    what = "a milestone" if id in seen else "unknown"
                    yield TreeError(f"'items' names {id!r}, {what}; name initiatives",
                                    (key, i, "items"))  # fmt: skip


# -- model -> tree ----------------------------------------------------------------------


def _dependency(link: Dependency, language: str = "en") -> str | dict[str, str]:
    if link.type == "FS" and link.lag.is_zero:
        return link.id
    out = {"id": link.id}
    if link.type != "FS":
        out["type"] = link.type
    if not link.lag.is_zero:
        out["lag"] = link.lag.text(language)
    return out


def to_tree(
    plan: Roadmap, *, dates: Callable[[date], Any] = lambda d: d, years: Callable[[int], Any] = str
) -> dict[str, Any]:
    """The plan as a tree of plain values, defaults left out.

    Parameters
    ----------
    dates
        How to write a date (TOML and YAML keep :class:`~datetime.date`, JSON writes text).
    years
        How to write a year used as a key (TOML and JSON need text).
    """
    lang = plan.language
    head: dict[str, Any] = {"name": plan.name, "start": dates(plan.start)}
    if plan.end is not None:
        head["end"] = dates(plan.end)
    if plan.currency != "IDR":
        head["currency"] = plan.currency
    head["language"] = plan.language
    if plan.fiscal_year_start != "01-01":
        head["fiscal_year_start"] = plan.fiscal_year_start
    if plan.status_date is not None:
        head["status_date"] = dates(plan.status_date)
    if plan.phase_start != "free":
        head["phase_start"] = plan.phase_start
    if plan.calendar is not None:
        cal = plan.calendar
        c: dict[str, Any] = {"weekend": cal.weekend_names if lang != "id" else
                             [_ID_DAYS[d] for d in cal.weekend]}  # fmt: skip
        if cal.country is not None:
            c["country"] = cal.country
        if cal.subdivision is not None:
            c["subdivision"] = cal.subdivision
        if cal.holidays:
            c["holidays"] = [dates(d) for d in cal.holidays]
        head["calendar"] = c
    tree: dict[str, Any] = {"roadmap": head}
    if plan.ceilings or plan.group_ceilings:
        tree["ceilings"] = {years(y): v for y, v in plan.ceilings.items()}
        for kind, groups in plan.group_ceilings.items():
            tree["ceilings"][kind] = {
                name: {years(y): v for y, v in amounts.items()} for name, amounts in groups.items()
            }
    if plan.capacity or plan.owner_capacity:
        tree["capacity"] = dict(plan.capacity)
        if plan.owner_capacity:
            tree["capacity"]["owners"] = dict(plan.owner_capacity)
    if plan.phases:
        tree["phases"] = [_entry(p, PHASE_KEYS, dates, years, lang) for p in plan.phases]
    if plan.programmes:
        tree["programmes"] = [
            _entry(p, PROGRAMME_KEYS, dates, years, lang) for p in plan.programmes
        ]
    if plan.initiatives:
        tree["initiatives"] = [
            _entry(i, INITIATIVE_KEYS, dates, years, lang) for i in plan.initiatives
        ]
    if plan.milestones:
        tree["milestones"] = [
            _entry(m, MILESTONE_KEYS, dates, years, lang) for m in plan.milestones
        ]
    if plan.realisation:
        tree["realisation"] = [
            _entry(r, tuple(k for k in REALISATION_KEYS if k != "month"), dates, years, lang)
            for r in plan.realisation
        ]
    if plan.risks:
        tree["risks"] = [_entry(r, RISK_KEYS, dates, years, lang) for r in plan.risks]
    if plan.indicators:
        tree["indicators"] = [_entry(i, INDICATOR_KEYS, dates, years, lang)
                              for i in plan.indicators]  # fmt: skip
    if plan.correlations:
        tree["correlations"] = [_entry(c, CORRELATION_KEYS, dates, years, lang)
                                for c in plan.correlations]  # fmt: skip
    if plan.baselines:
        tree["baselines"] = [
            {
                "name": b.name,
                **({"taken": dates(b.taken)} if b.taken else {}),
                **({"default": True} if b.default else {}),
                "items": [
                    {"id": it.id, "start": dates(it.start), "finish": dates(it.finish),
                     **({"budget": {years(y): v for y, v in it.budget.items()}}
                        if it.budget else {})}
                    for it in b.items.values()
                ],
            }
            for b in plan.baselines
        ]  # fmt: skip
    return tree


_DEFAULTS: dict[str, Any] = {
    "progress": 0.0, "status": "not_started", "multi_year": False, "tags": (), "funding": (),
    "depends_on": (), "distribution": "pert", "resources": {}, "fixed": False, "notes": {},
    "quick_win": False, "targets": {}, "realisations": {}, "polarity": "higher",
    "combine": "sum",
}  # fmt: skip


#: Weekdays as an Indonesian plan writes them (Monday 0).
_ID_DAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")


def _point(value: object, language: str) -> object:
    if isinstance(value, Duration):
        return value.text(language)
    return str(value) if isinstance(value, Percent) else value


def _entry(
    obj: Any, keys: tuple[str, ...], dates: Callable[[date], Any], years: Callable[[int], Any],
    language: str = "en",
) -> dict[str, Any]:  # fmt: skip
    out: dict[str, Any] = {}
    for key in keys:
        value = getattr(obj, key)
        if value is None or (key in _DEFAULTS and value == _DEFAULTS[key]):
            continue
        if isinstance(value, date):
            value = dates(value)
        elif isinstance(value, Duration):
            value = value.text(language)
        elif key == "status" and language == "id":
            value = STATUSES[value]
        elif key == "depends_on":
            value = [_dependency(link, language) for link in value]
        elif key == "budget" and getattr(obj, "budget_shares", None):
            value = {source: ({years(y): v for y, v in share.items()}
                              if isinstance(share, dict) else share)
                     for source, share in obj.budget_shares.items()}  # fmt: skip
        elif key == "budget" and isinstance(value, dict):
            value = {years(y): v for y, v in value.items()}
            if getattr(obj, "budget_total", None) is not None:
                value = {"total": obj.budget_total, **value}
        elif key == "funding" and getattr(obj, "budget_shares", None):
            continue  # the budget's sources are the funding
        elif key == "funding":
            value = value[0] if len(value) == 1 else list(value)
        elif key == "targets":
            value = {years(y): list(t) if isinstance(t, tuple) else t for y, t in value.items()}
        elif key == "final" and isinstance(value, tuple):
            value = list(value)
        elif key in ("duration_range", "cost_range"):
            value = [_point(v, language) for v in value if v is not None]
        elif key in ("delay", "cost"):  # a risk's impact: one value or a range
            low, likely, high = value
            value = (_point(low, language) if low == likely == high
                     else [_point(v, language) for v in value if v is not None])  # fmt: skip
        elif (key == "items" and isinstance(value, tuple)) or isinstance(value, tuple):
            value = list(value)
        out[key] = value
    return out
