"""The plan model: a :class:`Roadmap` of :class:`Phase`, :class:`Initiative` and :class:`Milestone`.

Every class is a frozen, keyword-only attrs class.  Values are converted on the way in
(``"9 months"`` becomes a :class:`~roadmap.dates.Duration`, ``"2019-01-01"`` a date,
``["SC01"]`` a tuple of :class:`Dependency`) and validated; an invalid value raises
:class:`~roadmap.errors.ItemError` naming the item id and the field.  Change a plan with
:func:`attrs.evolve`.

Examples
--------
>>> from datetime import date
>>> plan = Roadmap(
...     name="Demo",
...     start=date(2019, 1, 1),
...     initiatives=[
...         Initiative(id="A", name="Master plan", duration="5 months", budget=150_000_000),
...         Initiative(id="B", name="Command centre", duration="1 year", depends_on=["A"]),
...     ],
...     milestones=[Milestone(id="M1", name="Master plan adopted", after="A")],
... )
>>> [item.id for item in plan.items]
['A', 'B', 'M1']
>>> plan["B"].depends_on
(Dependency(id='A', type='FS', lag=Duration.parse('0 days')),)
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from functools import lru_cache
from operator import attrgetter
from types import MappingProxyType, MemberDescriptorType
from typing import Any, Literal, TypeAlias, cast

import attrs

from roadmap import _html
from roadmap.dates import Calendar, Duration, parse_date
from roadmap.errors import ItemError, UnknownItemError, show
from roadmap.money import parse_fraction, parse_money

__all__ = [
    "DIMENSIONS",
    "DISTRIBUTIONS",
    "FUNDING_SOURCES",
    "LINK_TYPES",
    "MAX_ID",
    "MAX_PROSE",
    "MAX_TEXT",
    "STATUSES",
    "Baseline",
    "BaselineItem",
    "Budget",
    "Correlation",
    "Dependency",
    "Estimate",
    "Indicator",
    "Initiative",
    "Item",
    "LinkType",
    "Milestone",
    "Percent",
    "Phase",
    "Programme",
    "Realisation",
    "Risk",
    "Roadmap",
    "code_order",
    "is_under",
    "parse_dependencies",
    "program_of",
]

LinkType: TypeAlias = Literal["FS", "SS", "FF", "SF"]
#: The four dependency types: finish-to-start, start-to-start, finish-to-finish, start-to-finish.
LINK_TYPES: tuple[LinkType, ...] = ("FS", "SS", "FF", "SF")

#: The six smart-city dimensions of the national Gerakan Menuju 100 Smart City (suggested in
#: templates; ``dimension`` takes any text).
DIMENSIONS: tuple[str, ...] = (
    "Smart Governance", "Smart Branding", "Smart Economy", "Smart Living", "Smart Society",
    "Smart Environment",
)  # fmt: skip

#: Funding sources of Indonesian local-government programmes: a source outside this list
#: (or the plan's own ceilings per source) gets a "did you mean" warning from the checks.
FUNDING_SOURCES: tuple[str, ...] = (
    "APBD", "APBD Provinsi", "APBN", "DAK", "DAU", "DBH", "DID", "Dana Desa", "BLUD", "BOS",
    "KPBU", "CSR", "Hibah", "Kemitraan", "Swasta", "Pinjaman Daerah", "PAD",
)  # fmt: skip

#: Status values, with the Indonesian words planning documents use accepted as aliases.
STATUSES: dict[str, str] = {
    "not_started": "belum dilaksanakan",
    "in_discussion": "dalam pembahasan",
    "in_progress": "berjalan",
    "done": "selesai",
    "on_hold": "ditunda",
    "cancelled": "dibatalkan",
}
_STATUS_ALIASES = (
    {v: k for k, v in STATUSES.items()}
    | {k.replace("_", " "): k for k in STATUSES}
    | {"planned": "not_started", "canceled": "cancelled", "completed": "done"}
)

_Date = date  # Milestone has a field called ``date``

#: A budget: a total, or amounts per fiscal year.
Budget: TypeAlias = "int | dict[int, int]"


# -- converters and validators --------------------------------------------------------
# They raise ValueError/TypeError; the classes turn those into ItemError with id and field.


def _opt_date(value: object) -> date | None:
    return None if value is None else parse_date(value)


def _opt_end(value: object) -> date | None:
    """A date that ends something: a month alone (``Maret 2019``) is its last day."""
    return None if value is None else parse_date(value, end=True)


def _end(value: object) -> date:
    return parse_date(value, end=True)


def _opt_duration(value: object) -> Duration | None:
    return None if value is None else Duration.parse(value)


_NAMES = {"\n": "a line break", "\r": "a carriage return", "\t": "a tab", "\x00": "NUL",
          "\x1b": "ESC", "\x7f": "DEL"}  # fmt: skip


_BREAKS = re.compile(r"\s*[\t\n\r\x0b\x0c\x85\u2028\u2029][\s]*")


def _plain(value: str, *, lines: bool = False, fold: bool = False) -> str:
    """*value* if it holds no control character (line breaks and tabs where *lines*).

    Control characters reach terminals, Mermaid, iCalendar and workbooks as commands or
    corrupt them; a lone surrogate cannot be written as UTF-8 at all.  With *fold*, line
    breaks and tabs (a name wrapped with Alt+Enter in a spreadsheet cell) become one space.
    """
    if value.isprintable():
        return value
    if fold:
        value = _BREAKS.sub(" ", value)
    for k, ch in enumerate(value):
        if ch.isprintable() or ch == " " or (lines and ch in "\n\t\r"):
            continue
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            raise ValueError(f"contains a lone surrogate U+{code:04X} at character {k + 1}")
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
            what = _NAMES.get(ch, f"U+{code:04X}")
            raise ValueError(f"contains a control character ({what}) at character {k + 1}")
    return value


def _strings(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (_text(value),)
    if isinstance(value, Iterable):
        return tuple(_text(v) for v in value)
    raise ValueError(f"expected text or a list of text, got {show(value)}")


#: The largest amount of money a plan may state (a quintillion: 300 times Indonesia's
#: yearly national budget), so that sums and ratios stay exact and finite.
MAX_AMOUNT = 10**18


def _amount(value: object, what: str) -> int:
    if isinstance(value, str):
        value = parse_money(value)  # "Rp750 juta", "2.500.000.000"
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise ValueError(f"{what} must be a whole amount of money, got {show(value)}")
    if abs(value) > MAX_AMOUNT:
        raise ValueError(f"{what} of {value:.3g} is more than the 10^18 a plan may state")
    return value


def _year(value: object) -> int:
    if isinstance(value, bool):
        raise ValueError(f"expected a year, got {show(value)}")
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or not 1900 <= value <= 2200:
        raise ValueError(f"expected a year from 1900 to 2200 such as 2019, got {show(value)}")
    return value


def _budget(value: object) -> int | dict[int, int] | None:
    if value is None or (isinstance(value, Mapping) and not value):
        return None  # an empty table of years is no budget
    if isinstance(value, Mapping):
        return {
            _year(k): _amount(v, f"budget for {k}")
            for k, v in sorted(value.items(), key=lambda kv: _year(kv[0]))
        }
    return _amount(value, "budget")


def _opt_amount(value: object) -> int | None:
    return None if value is None else _amount(value, "amount")


def _ceilings(value: object) -> dict[int, int]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"expected a table of year = amount, got {show(value)}")
    return {_year(k): _amount(v, f"ceiling for {k}") for k, v in sorted(value.items())}


CEILING_GROUPS = ("funding", "dimension", "owner")


def _group_ceilings(value: object) -> dict[str, dict[str, dict[int, int]]]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"expected a table of funding/dimension/owner ceilings, got {show(value)}")
    out: dict[str, dict[str, dict[int, int]]] = {}
    for kind, groups in value.items():
        if kind not in CEILING_GROUPS:
            raise ValueError(
                f"ceilings can be set per {', '.join(CEILING_GROUPS)}, not per {kind!r}"
            )
        if not isinstance(groups, Mapping):
            raise ValueError(f"expected a table of {kind} = {{year = amount}}, got {groups!r}")
        out[kind] = {str(name): _ceilings(years) for name, years in groups.items()}
    return out


def split_ceilings(
    table: Mapping[Any, Any],
) -> tuple[dict[int, int], dict[str, dict[str, dict[int, int]]]]:
    """Split a ``[ceilings]`` table into yearly ceilings and ceilings per group, validated.

    Examples
    --------
    >>> split_ceilings({"2020": 8, "funding": {"APBD": {2020: 5}}})
    ({2020: 8}, {'funding': {'APBD': {2020: 5}}})
    """
    years = {k: v for k, v in table.items() if str(k).strip().isdigit()}
    groups = {k: v for k, v in table.items() if not str(k).strip().isdigit()}
    return _ceilings(years), _group_ceilings(groups)


def _status(value: object) -> str:
    if isinstance(value, str):
        key = value.strip().lower()
        key = _STATUS_ALIASES.get(key, key)
        if key in STATUSES:
            return key
    allowed = ", ".join(STATUSES)
    raise ValueError(f"unknown status {show(value)}; allowed: {allowed} (or the Indonesian words)")


def _progress(value: object) -> float:
    if isinstance(value, str):
        value = parse_fraction(value)  # "0,3", "30%"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"progress must be a number from 0 to 1, got {show(value)}")
    if not 0 <= value <= 1:
        raise ValueError(f"progress must be from 0 to 1, got {show(value)}")
    return float(value)


def _link_type(value: object) -> LinkType:
    if isinstance(value, str) and value.strip().upper() in LINK_TYPES:
        return cast(LinkType, value.strip().upper())
    raise ValueError(f"unknown dependency type {show(value)}; allowed: FS, SS, FF, SF")


def _id(value: object) -> str:
    if (value.__class__ is str and 0 < len(value) <= MAX_ID and value.isprintable()
            and " " not in value):  # fmt: skip
        return value  # the common case, in one pass
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"an id must be non-empty text, got {show(value)}")
    _too_long(value, MAX_ID, "an id")
    if value != value.strip():
        raise ValueError(f"an id must not start or end with spaces, got {show(value)}")
    _plain(value)
    if " " in value or not value.isprintable():  # a space, or a printable one such as NBSP
        joined = "_".join(value.split())
        raise ValueError(f"an id cannot hold spaces (a link 'A01 SS+2 bulan' is told apart by "
                         f"them), got {show(value)}; write {joined!r}")  # fmt: skip
    return value


#: The longest id (a code such as ``SC01`` or ``2.16.03.2.02.0014``), name and free text
#: (a description, a note) a plan may hold: longer is a paste gone wrong, and would make
#: every message, chart label and table cell that quotes it unreadable.
MAX_ID = 64
MAX_TEXT = 1_000
MAX_PROSE = 100_000


def _too_long(value: str, limit: int, what: str) -> None:
    if len(value) > limit:
        raise ValueError(f"{what} of {len(value):,} characters is longer than the {limit:,} "
                         f"a plan may hold: {show(value[:40])}...")  # fmt: skip


def _text(value: object) -> str:
    if value.__class__ is str and len(value) <= MAX_TEXT and value.isprintable():
        return value  # the common case, in one pass
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {show(value)}")
    _too_long(value, MAX_TEXT, "a text")
    return _plain(value, fold=True)


def _prose(value: object) -> str | None:
    """Free text (a description, a note): line breaks and tabs allowed."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {show(value)}")
    _too_long(value, MAX_PROSE, "a text")
    return _plain(value, lines=True)


#: Words read as yes and no, in English and Indonesian.
TRUE_WORDS = frozenset({"true", "yes", "ya", "y", "1", "benar"})
FALSE_WORDS = frozenset({"false", "no", "tidak", "t", "n", "0", "salah"})


def _bool(value: object) -> bool:
    if isinstance(value, str):
        word = value.strip().lower()
        if word in TRUE_WORDS or word in FALSE_WORDS:
            return word in TRUE_WORDS
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false (yes/no, ya/tidak), got {show(value)}")
    return value


def _language(value: object) -> str:
    if value not in ("id", "en"):
        raise ValueError(f"language must be 'id' or 'en', got {show(value)}")
    return value


def _opt_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _f(fn: Any, name: str, default: Any = attrs.NOTHING, **kw: Any) -> Any:
    """A field read by the converter *fn*; its errors name the field *name*."""
    return attrs.field(default=default, metadata={"convert": fn, "field": name}, **kw)


def _converting(cls: type, *, name_item: bool = True) -> type:
    """Give an attrs class of :func:`_f` fields an initialiser that converts its values.

    attrs would run every converter, a default's too: some thirty calls for an initiative
    whose file states four fields.  This initialiser converts what is given (a default is
    converted once, here), stores through the slots' own setters, and raises
    :class:`ItemError` naming the field (and, with *name_item*, the item id) of a value it
    cannot read.
    """
    space: dict[str, Any] = {"ItemError": ItemError, "NOTHING": attrs.NOTHING}
    params: list[str] = []
    body: list[str] = []
    for k, a in enumerate(attrs.fields(cls)):
        slot = cls.__dict__[a.name]
        assert isinstance(slot, MemberDescriptorType), "attrs.frozen makes slotted classes"
        space[f"_s{k}"] = slot.__set__
        if not a.init:
            assert not isinstance(a.default, attrs.Factory)  # type: ignore[arg-type]
            if a.default is not attrs.NOTHING:
                space[f"_d{k}"] = a.default
                body.append(f"_s{k}(self, _d{k})")
            continue
        # An attrs converter of its own (the roadmap's lists of items) names its field.
        convert, label = a.metadata.get("convert", a.converter), a.metadata.get("field")
        space[f"_c{k}"] = convert
        arg, set_it = a.alias, f"where = {label!r}; _s{k}(self, _c{k}({a.alias}))"
        if a.default is attrs.NOTHING:
            params.append(arg)
            body.append(set_it)
        elif isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
            params.append(f"{arg}=NOTHING")
            space[f"_m{k}"] = a.default.factory
            body += [f"if {arg} is NOTHING:", f"    {arg} = _m{k}()", set_it]
        else:
            # The default itself is the marker of 'not given', so the signature shows it.
            params.append(f"{arg}=_v{k}")
            space[f"_v{k}"], space[f"_d{k}"] = a.default, convert(a.default)
            body += [f"if {arg} is _v{k}:", f"    _s{k}(self, _d{k})", "else:",
                     f"    {set_it}"]  # fmt: skip
    if hasattr(cls, "__attrs_post_init__"):  # its own errors name their field
        body += ["where = None", "self.__attrs_post_init__()"]
    named = name_item and any(a.alias == "id" and a.init for a in attrs.fields(cls))
    item = "id if id.__class__ is str else None" if named else "None"
    code = "\n".join([
        f"def __init__(self, *, {', '.join(params)}):",
        "    where = None",
        "    try:",
        *(f"        {line}" for line in body),
        "    except ItemError as err:",
        f"        if err.item is not None or {not name_item}:",
        "            raise",
        f"        raise ItemError(err.reason, item={item}, field=err.field) from None",
        "    except (ValueError, TypeError) as err:",
        "        if where is None:",
        "            raise",
        f"        raise ItemError(str(err), item={item}, field=where) from None",
    ])  # fmt: skip
    exec(compile(code, f"<roadmap.model {cls.__name__}.__init__>", "exec"), space)
    init = space["__init__"]
    init.__qualname__ = f"{cls.__name__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init  # type: ignore[misc]
    return cls


def _with_id(cls: type) -> type:
    """:func:`_converting`, naming the item id in errors."""
    return _converting(cls, name_item=True)


def _without_id(cls: type) -> type:
    """:func:`_converting` for a class without an id of its own (links, programmes, ...)."""
    return _converting(cls, name_item=False)


# -- uncertainty ----------------------------------------------------------------------

#: The distributions of a three-point estimate (see :mod:`roadmap.risk`).
DISTRIBUTIONS: tuple[str, ...] = ("pert", "triangular", "uniform", "lognormal")


class Percent(float):
    """A change relative to the planned value, in percent: ``Percent(-20)`` is ``"-20%"``.

    Examples
    --------
    >>> str(Percent(-20)), str(Percent(12.5)), Percent(50) * 2
    ('-20%', '+12.5%', 100.0)
    """

    def __str__(self) -> str:
        v = float(self)
        body = repr(int(v)) if v.is_integer() else repr(v)
        return f"{'+' if v >= 0 else ''}{body}%"

    def __repr__(self) -> str:
        return f"Percent({float(self)!r})"


_PERCENT = re.compile(r"\s*([+-]?\d+(?:[.,]\d+)?)\s*%\s*")

#: A three-point estimate ``(low, most likely, high)``; ``None`` in the middle means the
#: item's own value, and a :class:`Percent` is relative to it.
Estimate: TypeAlias = "tuple[Any, Any, Any]"


def _percent(value: object) -> Percent | None:
    if isinstance(value, Percent):
        return value
    if isinstance(value, str) and (m := _PERCENT.fullmatch(value)):
        return Percent(float(m.group(1).replace(",", ".")))
    return None


def _estimate(value: object, point: Any, what: str) -> Estimate | None:
    """``[low, high]`` or ``[low, likely, high]``: durations (or amounts) or percentages."""
    if value is None:
        return None
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise ValueError(
            f"expected [low, high] or [low, most likely, high] {what}, or percentages such "
            f"as ['-20%', '+50%'], got {show(value)}"
        )
    raw = list(value)
    if len(raw) not in (2, 3):
        raise ValueError(f"expected 2 or 3 values (low, [most likely,] high), got {len(raw)}")
    points = [None if v is None else (_percent(v) or point(v)) for v in raw]
    if points[0] is None or points[-1] is None:
        raise ValueError("the low and the high value are needed")
    low, likely, high = points if len(points) == 3 else (points[0], None, points[1])
    pcts = [p for p in (low, likely, high) if isinstance(p, Percent)]
    if any(p <= -100 for p in pcts):
        raise ValueError(f"a change of {min(pcts)} leaves nothing; use more than -100%")
    if len(pcts) == 3 or (len(pcts) == 2 and likely is None):
        mode = 0.0 if not isinstance(likely, Percent) else float(likely)
        if not (isinstance(low, Percent) and isinstance(high, Percent) and low <= mode <= high):
            raise ValueError(f"expected low <= most likely <= high, got {low}, {mode}, {high}")
    return (low, likely, high)


def _duration_point(value: object) -> Duration:
    d = Duration.parse(value)
    if d.sign <= 0:
        raise ValueError(f"a duration in a range must be positive, got {d}")
    return d


def _duration_range(value: object) -> Estimate | None:
    return _estimate(value, _duration_point, "durations")


def _cost_range(value: object) -> Estimate | None:
    return _estimate(value, lambda v: _amount(v, "a cost"), "amounts")


def _distribution(value: object) -> str:
    if isinstance(value, str) and value.strip().lower() in DISTRIBUTIONS:
        return value.strip().lower()
    raise ValueError(f"unknown distribution {show(value)}; allowed: {', '.join(DISTRIBUTIONS)}")


def _probability(value: object) -> float:
    if isinstance(value, str):
        with contextlib.suppress(ValueError):  # the message below says what is allowed
            value = parse_fraction(value)  # "0,3", "30%"
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise ValueError(
            f"a probability must be above 0 and at most 1 (or 100%), got {show(value)}"
        )
    return float(value)


def _impact(value: object, point: Any) -> tuple[Any, Any, Any] | None:
    """One value, or a range ``[low, high]`` / ``[low, likely, high]`` without percentages."""
    if value is None:
        return None
    if isinstance(value, str | int) and not isinstance(value, bool):
        v = point(value)
        return (v, v, v)
    est = _estimate(value, point, "values")
    assert est is not None
    if any(isinstance(p, Percent) for p in est):
        raise ValueError("a risk's impact is a duration or an amount, not a percentage")
    return est


def _units(value: object, what: str) -> dict[str, int]:
    """``{"analis_TI": 2}``, or the text ``"analis_TI=2; PPK=1"`` of a table cell."""
    if value is None or (value.__class__ is dict and not value):
        return {}
    if isinstance(value, str):
        pairs: dict[str, object] = {}
        for part in re.split(r"[;,]", value):
            if not part.strip():
                continue
            name, sep, amount = part.partition("=")
            if not sep:
                raise ValueError(f"expected name=units such as 'analis_TI=2', got {show(part)}")
            pairs[name.strip()] = int(amount) if amount.strip().isdigit() else amount.strip()
        value = pairs
    if not isinstance(value, Mapping):
        raise ValueError(f"expected a table of {what} = units, got {show(value)}")
    out = {}
    for name, units in value.items():
        if isinstance(units, bool) or not isinstance(units, int) or units < 0 or units > 10**6:
            raise ValueError(f"{what} {name!r} must be a whole number from 0, got {show(units)}")
        out[_text(str(name)).strip()] = units
    return out


#: The empty mapping every item without notes or budget shares holds: one object, not a
#: dict per item (a plan of 100,000 items would give the garbage collector 200,000 more).
_NONE: Mapping[Any, Any] = MappingProxyType({})


def _notes(value: object) -> Mapping[str, str]:
    """Remarks by heading: ``{"keterangan": "menunggu Perwako"}``."""
    if value is None or (not value and isinstance(value, Mapping)):
        return _NONE
    if isinstance(value, str):
        value = {"notes": value}
    if not isinstance(value, Mapping):
        raise ValueError(f"expected a table of heading = text, got {show(value)}")
    out = {}
    for key, text in value.items():
        if not isinstance(key, str) or not key.strip():
            raise ValueError(f"a note needs a heading, got {show(key)}")
        if isinstance(text, int | float) and not isinstance(text, bool):
            text = str(text)  # a programme code typed as a number
        if not isinstance(text, str):
            raise ValueError(f"note {key!r} must be text, got {show(text)}")
        out[_plain(key.strip())] = _plain(text, lines=True)
    return out


def _shares(value: object) -> Mapping[str, int | dict[int, int]]:
    """``{"APBD": 2_000, "DAK": {2020: 500}}``: funding source -> total or amounts per year."""
    if value is None or (not value and isinstance(value, Mapping)):
        return _NONE
    if not isinstance(value, Mapping):
        raise ValueError(f"expected a table of funding source = amount, got {show(value)}")
    out: dict[str, int | dict[int, int]] = {}
    for source, amount in value.items():
        name = _funding(source)
        if len(name) != 1:
            raise ValueError(f"expected one funding source as a key, got {show(source)}")
        if isinstance(amount, Mapping):
            years = _budget(amount)
            out[name[0]] = years if isinstance(years, dict) else {}
        else:
            out[name[0]] = _amount(amount, f"budget from {name[0]}")
    return out


PHASE_STARTS = ("free", "constrain")


def _phase_start(value: object) -> str:
    if isinstance(value, str) and value.strip().lower() in PHASE_STARTS:
        return value.strip().lower()
    raise ValueError(f"phase_start must be 'free' or 'constrain', got {show(value)}")


def _funding(value: object) -> tuple[str, ...]:
    """Sources as a list; ``"APBD, DAK"`` or ``"APBD + DAK"`` in one text is two sources."""
    out: list[str] = []
    for part in _strings(value):
        out += [p.strip() for p in re.split(r"[,+]", part) if p.strip()]
    return tuple(out)


_DIMENSION_KEYS = {d.casefold(): d for d in DIMENSIONS}


def _dimension(value: object) -> str | None:
    """A dimension, written as :data:`DIMENSIONS` writes it when it is one in other case."""
    text = _opt_text(value)
    if text is None:
        return None
    return _DIMENSION_KEYS.get(" ".join(text.split()).casefold(), text)


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _ids(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v.strip() for v in re.split(r"[;,]", value) if v.strip()]
    if not isinstance(value, Iterable) or isinstance(value, bytes | Mapping):
        raise ValueError(f"expected a list of item ids, got {show(value)}")
    return tuple(_id(v) for v in value)


# -- the classes ----------------------------------------------------------------------


@_without_id
@attrs.frozen(kw_only=True)
class Dependency:
    """A link from a predecessor (``id``) to the item that holds it.

    With half-open intervals ``[S, E)`` the constraints on successor *s* and predecessor *p*
    are: FS ``S_s >= E_p + lag``; SS ``S_s >= S_p + lag``; FF ``E_s >= E_p + lag``;
    SF ``E_s >= S_p + lag``.  A negative lag is a lead.

    Attributes
    ----------
    id
        The predecessor's id.
    type
        ``"FS"`` (default), ``"SS"``, ``"FF"`` or ``"SF"``.
    lag
        A :class:`~roadmap.dates.Duration` or anything :meth:`Duration.parse` reads.

    Examples
    --------
    >>> Dependency.coerce({"id": "A", "type": "ss", "lag": "1 month"})
    Dependency(id='A', type='SS', lag=Duration.parse('1 month'))
    >>> str(Dependency(id="A", type="FF", lag="-5 days"))
    'A FF-5 days'
    """

    id: str = _f(_id, "depends_on")
    type: LinkType = _f(_link_type, "type", "FS")
    lag: Duration = _f(Duration.parse, "lag", Duration())

    @classmethod
    def coerce(cls, value: object) -> Dependency:
        """Read a dependency from an id, a mapping with ``id``, ``type`` and ``lag``, or itself."""
        if isinstance(value, str):
            if " " in value or not value.isprintable():  # "A01 SS+2 bulan"
                return cls.parse(value)
            return _plain_dependency(value)
        if isinstance(value, Dependency):
            return value
        if value.__class__ is dict and "id" in value and value.keys() <= _LINK_KEYS:
            return cls(**value)  # the common table, checked in C
        if isinstance(value, Mapping):
            unknown = value.keys() - _LINK_KEYS
            if unknown:
                raise ValueError(
                    f"unknown key(s) {sorted(unknown)} in a dependency; allowed: id, type, lag"
                )
            if "id" not in value:
                raise ValueError("a dependency needs an 'id'")
            return cls(**value)
        raise ValueError(f"expected a dependency id or a table with id/type/lag, got {show(value)}")

    @classmethod
    def parse(cls, text: str) -> Dependency:
        """Read one link in the compact notation of tables and spreadsheets.

        ``SC02`` (finish-to-start), ``SC02 SS``, ``SC02 SS+1 month``, ``SC03 FF-5 days``,
        ``SC04 +2 weeks`` (finish-to-start with a lag); ``str()`` writes the same notation.

        Raises
        ------
        ValueError
            Naming the text and what is allowed.

        Examples
        --------
        >>> Dependency.parse("SC02 SS+1 bulan")
        Dependency(id='SC02', type='SS', lag=Duration.parse('1 month'))
        >>> str(Dependency.parse("SC03 ff -5 days"))
        'SC03 FF-5 days'
        """
        m = _COMPACT.fullmatch(text.strip())
        if m is None:
            raise ValueError(
                f"cannot read dependency {show(text)}; write 'ID', 'ID TYPE' or 'ID TYPE+LAG', "
                "e.g. 'SC02 SS+1 month' (TYPE is FS, SS, FF or SF)"
            )
        lag = m.group("lag")
        if lag is None and m.group("type") is None:
            return _plain_dependency(m.group("id"))  # shared, like a link given as an id
        try:
            return cls(
                id=m.group("id"),
                type=_link_type(m.group("type") or "FS"),
                lag=Duration.parse(lag.replace(" ", "", 1)) if lag else _NO_LAG,
            )
        except ValueError as err:  # ItemError from a field, or a bad duration
            reason = err.reason if isinstance(err, ItemError) else str(err)
            raise ValueError(f"cannot read dependency {show(text)}: {reason}") from None

    def __str__(self) -> str:
        return self.text()

    def text(self, language: str = "en") -> str:
        """The compact notation, the lag in *language*: ``"SC02 SS+1 bulan"``."""
        if self.type == "FS" and self.lag.is_zero:
            return self.id
        lag = self.lag.text(language)
        lag = "" if self.lag.is_zero else ("" if self.lag.sign < 0 else "+") + lag
        return f"{self.id} {self.type}{lag}"


_NO_LAG = Duration()
_COMPACT = re.compile(
    r"(?P<id>[^\s;,]+)(?:\s+(?P<type>FS|SS|FF|SF)(?![A-Za-z]))?\s*(?P<lag>[+-]\s*\S.*)?",
    re.IGNORECASE,
)


def parse_dependencies(text: str) -> tuple[Dependency, ...]:
    """Read links separated by ``;`` (or ``,``): ``SC01; SC02 SS+1 month; SC03 FF-5 days``.

    Examples
    --------
    >>> [str(d) for d in parse_dependencies("SC01; SC02 SS+1 month, SC03 FF-5 days")]
    ['SC01', 'SC02 SS+1 month', 'SC03 FF-5 days']
    >>> parse_dependencies("  ")
    ()
    """
    return tuple(Dependency.parse(part) for part in re.split(r"[;,]", text) if part.strip())


@lru_cache(maxsize=65536)
def _plain_dependency(id: str) -> Dependency:
    """A finish-to-start link without lag; shared, since it is immutable."""
    return Dependency(id=id)


_LINK_KEYS = frozenset(("id", "type", "lag"))
_get_id = attrgetter("id")


def _dependencies(value: object) -> tuple[Dependency, ...]:
    if value is None:
        return ()
    if value.__class__ is list or value.__class__ is tuple:
        return tuple(map(Dependency.coerce, value))
    if isinstance(value, str) and (";" in value or "," in value):
        return parse_dependencies(value)  # "A01; A02 SS"
    if isinstance(value, str | Mapping | Dependency):
        value = [value]
    if not isinstance(value, Iterable):
        raise ValueError(f"expected a list of dependencies, got {show(value)}")
    return tuple(Dependency.coerce(v) for v in value)


#: Nomenclature codes of regional programmes (Permendagri 90/2019 and its Kepmendagri
#: updates): urusan . bidang urusan . program [. kegiatan [. sub kegiatan]]; a sub kegiatan
#: has 2 digits in early editions and 4 in later ones (``2.16.03.2.02.09`` in 2022,
#: ``2.16.03.2.02.0014`` in 2025).
CODE_LEVELS: dict[str, re.Pattern[str]] = {
    "program": re.compile(r"\d\.\d{2}\.\d{2}"),
    "kegiatan": re.compile(r"\d\.\d{2}\.\d{2}\.[12]\.\d{2}"),
    "sub_kegiatan": re.compile(r"\d\.\d{2}\.\d{2}\.[12]\.\d{2}\.(?:\d{2}|\d{4})"),
}


def code_level(code: str) -> str | None:
    """``"program"``, ``"kegiatan"`` or ``"sub_kegiatan"`` for a nomenclature code, or ``None``.

    Examples
    --------
    >>> code_level("2.16.03"), code_level("2.16.03.2.02"), code_level("2.16.03.2.02.0014")
    ('program', 'kegiatan', 'sub_kegiatan')
    >>> code_level("2.16.3") is None
    True
    """
    return next((level for level, p in CODE_LEVELS.items() if p.fullmatch(code)), None)


def parent_code(code: str) -> str | None:
    """The code one level up: a sub kegiatan's kegiatan, a kegiatan's program.

    Examples
    --------
    >>> parent_code("2.16.03.2.02.0014"), parent_code("2.16.03.2.02"), parent_code("2.16.03")
    ('2.16.03.2.02', '2.16.03', None)
    """
    level = code_level(code)
    if level == "sub_kegiatan":
        return code.rsplit(".", 1)[0]
    if level == "kegiatan":
        return code.rsplit(".", 2)[0]
    return None


def program_of(code: str) -> str:
    """The program (urusan . bidang . program) a code belongs to.

    Examples
    --------
    >>> program_of("2.16.03.2.02.0014"), program_of("2.16.03")
    ('2.16.03', '2.16.03')
    """
    return ".".join(code.split(".")[:3])


def is_under(code: str, node: str) -> bool:
    """Whether *code* is the node *node* or a node below it (its prefix).

    Examples
    --------
    >>> is_under("2.16.03.2.02.0014", "2.16.03"), is_under("2.16.030", "2.16.03")
    (True, False)
    """
    return code == node or code.startswith(node + ".")


def code_order(code: str) -> list[int]:
    """A sort key that orders codes as the nomenclature does (``2.16.10`` after ``2.16.9``)."""
    return [int(part) for part in code.split(".")]


def _code(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(f"a code is text, e.g. '2.16.03'; got the number {show(value)} "
                         "(quote it: a spreadsheet or TOML number loses its zeros)")  # fmt: skip
    text = _id(value)
    if code_level(text) is None:
        raise ValueError(
            f"{show(value)} is not a nomenclature code: write program 2.16.03, kegiatan "
            "2.16.03.2.02 or sub kegiatan 2.16.03.2.02.0014 (or .09 in early editions)"
        )
    return text


@_without_id
@attrs.frozen(kw_only=True)
class Programme:
    """A node of the programme tree: *program*, *kegiatan* or *sub kegiatan*.

    Named by its nomenclature code; the items budgeted under it name that code.

    Attributes
    ----------
    code
        The nomenclature code, as text: ``"2.16.03"`` (program), ``"2.16.03.2.02"``
        (kegiatan), ``"2.16.03.2.02.0014"`` (sub kegiatan).  Its parent is its prefix.
    name
        As the nomenclature names it, e.g. *Program Pengelolaan Aplikasi Informatika*.
    edition
        The nomenclature it follows, e.g. ``"Kepmendagri 900.1-15.5-1317/2023"``.
    owner
        The responsible agency (*perangkat daerah penanggung jawab*).
    budget
        Its indicative budget per fiscal year as the planning document states it (*pagu
        indikatif*): ``{2021: 2_500_000_000}``.  ``roadmap check`` compares it with the
        budgets of the initiatives under it.

    Examples
    --------
    >>> node = Programme(code="2.16.03.2.02.0014", name="Penyelenggaraan Jaringan Intra")
    >>> node.level, node.parent
    ('sub_kegiatan', '2.16.03.2.02')
    """

    code: str = _f(_code, "code")
    name: str = _f(_text, "name")
    edition: str | None = _f(_opt_text, "edition", None)
    owner: str | None = _f(_opt_text, "owner", None)
    budget: dict[int, int] = _f(_ceilings, "budget", attrs.Factory(dict))

    @property
    def id(self) -> str:
        """The code (nodes are named by it in errors)."""
        return self.code

    @property
    def level(self) -> str:
        """``"program"``, ``"kegiatan"`` or ``"sub_kegiatan"``."""
        level = code_level(self.code)
        assert level is not None
        return level

    @property
    def parent(self) -> str | None:
        """The code of the node above, or ``None`` for a program."""
        return parent_code(self.code)


@_with_id
@attrs.frozen(kw_only=True)
class Phase:
    """A band of the roadmap, e.g. *2020: smart economy and smart living*.

    Attributes
    ----------
    id, name
        Identifier and display name.
    start, end
        The window of the phase, both inclusive.
    description
        Free text.
    phase_start
        ``"constrain"``: its items start no earlier than the phase (those without a planned
        start of their own); ``"free"``: they start when their links allow; ``None``: as
        the roadmap's ``phase_start`` says.

    Examples
    --------
    >>> Phase(id="F1", name="Infrastruktur", start="2019-01-01", end="2019-12-31").end
    datetime.date(2019, 12, 31)

    An ``end`` before ``start`` is accepted here and reported by :func:`roadmap.check`.
    """

    id: str = _f(_id, "id")
    name: str = _f(_text, "name")
    start: date | None = _f(_opt_date, "start", None)
    end: date | None = _f(_opt_end, "end", None)
    description: str | None = _f(_prose, "description", None)
    phase_start: str | None = _f(lambda v: None if v is None else _phase_start(v), "phase_start",
                                 None)  # fmt: skip


@_with_id
@attrs.frozen(kw_only=True)
class Initiative:
    """A programme, project or activity with a duration, a budget and dependencies.

    Give a ``duration``, or ``start`` and ``finish`` (inclusive) from which the duration is
    derived.  A planned ``start`` is a start-no-earlier-than constraint; ``deadline`` is a
    finish-no-later-than date (inclusive).

    Attributes
    ----------
    id, name
        Identifier (unique in the plan) and display name.
    duration
        ``"9 months"``, ``"P1Y"``, ``"60 hari kerja"``, or days as an integer.  Must be
        positive; a zero-length item is a :class:`Milestone`.
    start, finish
        Planned first and last day of work (inclusive).
    depends_on
        Predecessors: ids, mappings ``{id, type, lag}`` or :class:`Dependency`.
    phase, dimension, owner
        Grouping: the phase id, the smart-city dimension, the owning agency.
    budget
        A total or ``{year: amount}`` per fiscal year, in the roadmap's currency.
    budget_total
        With a per-year budget: the total it must add up to, as a budget document states
        it (checked by :func:`roadmap.check`).  In plan files
        ``budget = {total = 600_000_000, 2021 = 200_000_000, 2022 = 400_000_000}``.
    funding
        Funding source(s), e.g. ``"APBD"``, ``["APBD", "DAK"]`` or ``"APBD, DAK"`` (a comma
        or ``+`` separates sources).
    budget_shares
        The budget per funding source, each a total or ``{year: amount}``:
        ``{"APBD": 2_000_000_000, "DAK": 500_000_000}``.  Given, it makes ``budget`` (their
        sum) and ``funding`` (its sources); a ceiling per source then counts only that
        source's share.  In plan files ``budget = {APBD = 2_000_000_000, DAK = ...}`` or
        per year ``budget = {2020 = {APBD = ..., DAK = ...}}``.
    deadline
        Finish no later than this date (inclusive).
    progress
        Share of work done, 0 to 1.
    status
        One of :data:`STATUSES` (Indonesian words accepted).
    multi_year
        Marked as a multi-year contract (*tahun jamak*).
    tags, description
        Free labels and text.
    actual_start, actual_finish
        When work really began and ended (inclusive), for tracking.
    actual_cost
        Money spent up to the roadmap's ``status_date``.
    remaining
        Work left at the status date; by default ``(1 - progress) x`` the planned duration.
    duration_range
        Uncertainty of the duration for :func:`roadmap.simulate`: ``(low, most likely,
        high)``, each a duration or a :class:`Percent` of the planned one; a most likely of
        ``None`` is the planned duration.  Written ``["6 months", "9 months", "14
        months"]``, ``["7 months", "12 months"]`` or ``["-20%", "+50%"]``.
    distribution
        One of :data:`DISTRIBUTIONS` (default ``"pert"``), for both ranges.
    cost_range
        Uncertainty of the cost: amounts or percentages of the budget, as for
        ``duration_range``.
    resources
        Units of the roadmap's ``capacity`` it uses while it runs, e.g. ``{"analis_TI": 2}``.
    fixed
        Pinned: :func:`roadmap.level` does not move it.
    notes
        Remarks kept with the item and written back: ``{"keterangan": "..."}``; in a
        workbook the columns of the *catatan* family and any column starting with ``_``.
    programme
        The code of the :class:`Programme` node (usually a sub kegiatan) it is budgeted
        under, e.g. ``"2.16.03.2.02.0014"``.
    quick_win
        One of the masterplan's quick wins (marked in charts and the report).

    Examples
    --------
    >>> Initiative(id="A", name="x", start="2019-03-01", finish="2019-11-30").span
    Duration.parse('275 days')
    """

    id: str = _f(_id, "id")
    name: str = _f(_text, "name")
    phase: str | None = _f(_opt_text, "phase", None)
    dimension: str | None = _f(_dimension, "dimension", None)
    owner: str | None = _f(_opt_text, "owner", None)
    start: date | None = _f(_opt_date, "start", None)
    duration: Duration | None = _f(_opt_duration, "duration", None)
    finish: date | None = _f(_opt_end, "finish", None)
    depends_on: tuple[Dependency, ...] = _f(_dependencies, "depends_on", ())
    budget: int | dict[int, int] | None = _f(_budget, "budget", None)
    budget_total: int | None = _f(_opt_amount, "budget_total", None)
    funding: tuple[str, ...] = _f(_funding, "funding", ())
    budget_shares: Mapping[str, int | dict[int, int]] = _f(_shares, "budget", None)
    deadline: date | None = _f(_opt_end, "deadline", None)
    progress: float = _f(_progress, "progress", 0.0)
    status: str = _f(_status, "status", "not_started")
    multi_year: bool = _f(_bool, "multi_year", False)
    tags: tuple[str, ...] = _f(_strings, "tags", ())
    description: str | None = _f(_prose, "description", None)
    actual_start: date | None = _f(_opt_date, "actual_start", None)
    actual_finish: date | None = _f(_opt_end, "actual_finish", None)
    actual_cost: int | None = _f(_opt_amount, "actual_cost", None)
    remaining: Duration | None = _f(_opt_duration, "remaining", None)
    duration_range: Estimate | None = _f(_duration_range, "duration_range", None)
    distribution: str = _f(_distribution, "distribution", "pert")
    cost_range: Estimate | None = _f(_cost_range, "cost_range", None)
    resources: Mapping[str, int] = _f(lambda v: _units(v, "resource") or _NONE, "resources",
                                      None)  # fmt: skip
    fixed: bool = _f(_bool, "fixed", False)
    notes: Mapping[str, str] = _f(_notes, "notes", None)
    programme: str | None = _f(lambda v: None if v is None else _code(v), "programme", None)
    quick_win: bool = _f(_bool, "quick_win", False)

    kind: Literal["initiative"] = attrs.field(default="initiative", init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.budget_shares:
            self._take_shares()
        if self.duration is None:
            if self.start is None or self.finish is None:
                raise ItemError(
                    "give a duration, or a start and a finish", item=self.id, field="duration"
                )
            # A finish before the start is reported by check() and refused by schedule().
        else:
            if self.finish is not None:
                raise ItemError(
                    "give either a duration or a finish, not both", item=self.id, field="finish"
                )
            if self.duration.sign <= 0:
                what = "a milestone" if self.duration.is_zero else "not allowed"
                raise ItemError(
                    f"duration must be positive, got {self.duration} ({what}; "
                    "use [[milestones]] for a zero-length item)",
                    item=self.id,
                    field="duration",
                )

    def _take_shares(self) -> None:
        """``budget`` and ``funding`` from ``budget_shares``."""
        shares = self.budget_shares
        if self.budget is not None or self.budget_total is not None:
            raise ItemError("give the budget per funding source or as a whole, not both",
                            item=self.id, field="budget")  # fmt: skip
        if self.funding and set(self.funding) != set(shares):
            raise ItemError(
                f"funding names {', '.join(self.funding)} but the budget is shared among "
                f"{', '.join(shares)}; leave funding out or name the same sources",
                item=self.id, field="funding",
            )  # fmt: skip
        kinds = {isinstance(v, dict) for v in shares.values()}
        if len(kinds) > 1:
            raise ItemError("give every funding source a total, or every source amounts per "
                            "year, not a mix", item=self.id, field="budget")  # fmt: skip
        total: int | dict[int, int]
        if kinds == {True}:
            years: dict[int, int] = {}
            for amounts in shares.values():
                assert isinstance(amounts, dict)
                for y, a in amounts.items():
                    years[y] = years.get(y, 0) + a
            total = dict(sorted(years.items()))
        else:
            total = sum(v for v in shares.values() if isinstance(v, int))
        object.__setattr__(self, "budget", total)
        object.__setattr__(self, "funding", self.funding or tuple(shares))

    def share(self, source: str) -> int | dict[int, int] | None:
        """The budget *source* funds, or ``None`` when it funds none of it.

        Its share when the budget is shared by source; else the whole budget, when it is
        the only source or one of several (the plan then does not say how much).

        Examples
        --------
        >>> item = Initiative(id="A", name="a", duration=5,
        ...                   budget_shares={"APBD": 2_000, "DAK": 500})
        >>> item.budget, item.funding, item.share("DAK"), item.share("APBN")
        (2500, ('APBD', 'DAK'), 500, None)
        """
        if self.budget_shares:
            return self.budget_shares.get(source)
        return self.budget if source in self.funding else None

    @property
    def span(self) -> Duration:
        """The duration, derived from ``start`` and ``finish`` when not given."""
        if self.duration is not None:
            return self.duration
        assert self.start is not None
        assert self.finish is not None
        return Duration(days=(self.finish - self.start).days + 1)

    @property
    def links(self) -> tuple[Dependency, ...]:
        """All incoming links of the item."""
        return self.depends_on

    @property
    def planned_start(self) -> date | None:
        """The planned start (start-no-earlier-than), or ``None``."""
        return self.start

    @property
    def budget_amount(self) -> int | None:
        """The budget as one amount: the total or the sum of the yearly parts, or ``None``.

        Examples
        --------
        >>> Initiative(id="A", name="a", duration=5, budget={2019: 2, 2020: 3}).budget_amount
        5
        """
        b = self.budget
        return sum(b.values()) if isinstance(b, dict) else b


@_with_id
@attrs.frozen(kw_only=True)
class Milestone:
    """A point in time reached at the end of a day, drawn as a diamond.

    ``after = "X"`` puts the milestone on X's finish (a finish-to-start link); ``date`` is the
    earliest day it can be reached (start-no-earlier-than).  An FS successor of a milestone
    dated *D* starts on *D + 1*.

    Attributes
    ----------
    id, name
        Identifier and display name.
    date
        Earliest date of the milestone (inclusive).
    after
        Shorthand for a finish-to-start dependency on one item.
    depends_on
        Further predecessors, as for :class:`Initiative`.
    deadline
        Reached no later than this date.
    phase, dimension, owner, status, tags, description
        As for :class:`Initiative`.
    actual_finish
        The day it was really reached, for tracking.
    notes
        As for :class:`Initiative`.

    Examples
    --------
    >>> m = Milestone(id="M1", name="Perwako", after="SC03", date="2020-10-31")
    >>> [str(link) for link in m.links]
    ['SC03']
    """

    id: str = _f(_id, "id")
    name: str = _f(_text, "name")
    phase: str | None = _f(_opt_text, "phase", None)
    dimension: str | None = _f(_dimension, "dimension", None)
    owner: str | None = _f(_opt_text, "owner", None)
    date: _Date | None = _f(_opt_end, "date", None)
    after: str | None = _f(lambda v: None if v is None else _id(v), "after", None)
    depends_on: tuple[Dependency, ...] = _f(_dependencies, "depends_on", ())
    deadline: _Date | None = _f(_opt_end, "deadline", None)
    status: str = _f(_status, "status", "not_started")
    tags: tuple[str, ...] = _f(_strings, "tags", ())
    description: str | None = _f(_prose, "description", None)
    actual_finish: _Date | None = _f(_opt_end, "actual_finish", None)
    notes: Mapping[str, str] = _f(_notes, "notes", None)

    kind: Literal["milestone"] = attrs.field(default="milestone", init=False, repr=False)

    @property
    def links(self) -> tuple[Dependency, ...]:
        """All incoming links: ``after`` first, then ``depends_on``."""
        if self.after is None:
            return self.depends_on
        return (Dependency(id=self.after), *self.depends_on)

    @property
    def span(self) -> Duration:
        """Always zero."""
        return _ZERO

    @property
    def planned_start(self) -> _Date | None:
        """The planned date (reached no earlier than), or ``None``."""
        return self.date

    @property
    def actual_start(self) -> _Date | None:
        """A milestone starts when it is reached."""
        return self.actual_finish


_ZERO = Duration()

Item: TypeAlias = "Initiative | Milestone"


def _month_end(value: object) -> _Date:
    """``"2019-06"`` (or a date) -> the last day of that month."""
    if isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{1,2}\s*", value):
        year, month = (int(x) for x in value.strip().split("-"))
        if not 1 <= month <= 12:
            raise ValueError(f"expected a month as YYYY-MM, got {show(value)}")
        following = _Date(year + month // 12, month % 12 + 1, 1)
        return _Date.fromordinal(following.toordinal() - 1)
    raise ValueError(f"expected a month as YYYY-MM, e.g. '2019-06', got {show(value)}")


def _opt_progress(value: object) -> float | None:
    return None if value is None else _progress(value)


@_with_id
@attrs.frozen(kw_only=True)
class Realisation:
    """One record of a monthly realisation report (*RFK*): progress and money of an item.

    Attributes
    ----------
    item
        The id of the initiative (or milestone) it reports on.
    date
        The day it is as of (inclusive); give ``month = "2019-06"`` for the month's last day.
    progress
        Cumulative physical progress at that date, 0 to 1 (*realisasi fisik*).
    spent
        Money spent in the period since the item's previous record (*realisasi keuangan*).
    note
        Problems met (*permasalahan*).

    Examples
    --------
    >>> Realisation(item="SC06", month="2019-06", progress=0.35, spent=400_000_000).date
    datetime.date(2019, 6, 30)
    """

    item: str = _f(_id, "item")
    date: _Date = _f(_opt_end, "date", None)
    month: str | None = _f(_opt_text, "month", None, repr=False, eq=False)
    progress: float | None = _f(_opt_progress, "progress", None)
    spent: int | None = _f(_opt_amount, "spent", None)
    note: str | None = _f(_prose, "note", None)

    @property
    def id(self) -> str:
        """The item's id (records are named by it in errors)."""
        return self.item

    def __attrs_post_init__(self) -> None:
        given: object = self.date  # None until a month fills it in
        if self.month is not None:
            if given is not None:
                raise ItemError("give a date or a month, not both", item=self.item, field="month")
            try:
                object.__setattr__(self, "date", _month_end(self.month))
            except ValueError as err:
                raise ItemError(str(err), item=self.item, field="month") from None
            object.__setattr__(self, "month", None)
        elif given is None:
            raise ItemError("give the date (or the month) it is as of", item=self.item,
                            field="date")  # fmt: skip


def _baseline_items(value: object) -> dict[str, BaselineItem]:
    if value is None:
        return {}
    if isinstance(value, Mapping):
        entries = [{"id": k, **v} if isinstance(v, Mapping) else v for k, v in value.items()]
    elif isinstance(value, Iterable) and not isinstance(value, str | bytes):
        entries = list(value)
    else:
        raise ValueError(f"expected a list of baseline items, got {show(value)}")
    out: dict[str, BaselineItem] = {}
    for entry in entries:
        item = entry if isinstance(entry, BaselineItem) else BaselineItem(**entry)
        out[item.id] = item
    return out


@_with_id
@attrs.frozen(kw_only=True)
class BaselineItem:
    """An item as a baseline froze it: its scheduled first and last day, and its budget."""

    id: str = _f(_id, "id")
    start: _Date = _f(parse_date, "start")
    finish: _Date = _f(_end, "finish")
    budget: dict[int, int] = _f(_ceilings, "budget", attrs.Factory(dict))


@_without_id
@attrs.frozen(kw_only=True)
class Baseline:
    """A frozen copy of the planned dates and budgets, to measure progress against.

    Attributes
    ----------
    name
        E.g. ``"RPJMD 2019"``.
    taken
        The day it was taken.
    default
        The baseline that tracking uses when none is named.
    items
        ``{id: BaselineItem}``: scheduled first and last day and budget per fiscal year.
    """

    name: str = _f(_text, "name")
    taken: _Date | None = _f(_opt_date, "taken", None)
    default: bool = _f(_bool, "default", False)
    items: dict[str, BaselineItem] = _f(_baseline_items, "items", attrs.Factory(dict))


#: Levels of a performance indicator, with the Indonesian words planning documents use.
INDICATOR_LEVELS: dict[str, str] = {
    "goal": "tujuan", "target": "sasaran", "outcome": "outcome program",
    "output": "output kegiatan",
}  # fmt: skip
_LEVEL_WORDS = {**{v: k for k, v in INDICATOR_LEVELS.items()}, "outcome": "outcome",
                "hasil": "outcome", "keluaran": "output", "output": "output",
                "program outcome": "outcome", "activity output": "output"}  # fmt: skip
#: How an indicator's realisations of a year combine, and so its achievement formula.
COMBINES = ("sum", "last", "percent", "final")
_PERIOD = re.compile(r"(\d{4})(?:[- ](?:TW|Q|triwulan\s*)([1-4]|I{1,3}|IV))?", re.IGNORECASE)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}

#: A target: one value, or a range ``(low, high)`` such as ``69.1-69.5``.
Target: TypeAlias = "float | tuple[float, float]"


def _number(value: object, what: str = "a value") -> float:
    if isinstance(value, bool):
        raise ValueError(f"{what} must be a number, got {show(value)}")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if re.fullmatch(r"-?\d+(?:[.,]\d+)?", text):
            return float(text.replace(",", "."))
    raise ValueError(f"{what} must be a number such as 69.1 or 69,1, got {show(value)}")


# "69,1-69,5", with a hyphen or an en dash (what word processors make of it).
_RANGE = re.compile("\\s*(-?[\\d.,]+)\\s*[-\u2013]\\s*([\\d.,]+)\\s*")


def _target(value: object) -> Target:
    """``69.1``, ``"69,1"`` or a range ``"69,1-69,5"`` / ``[69.1, 69.5]``."""
    if isinstance(value, str) and (m := _RANGE.fullmatch(value)):
        value = [m[1], m[2]]
    if isinstance(value, list | tuple):
        if len(value) != 2:
            raise ValueError(f"a target range is [low, high], got {show(value)}")
        low, high = _number(value[0], "a target"), _number(value[1], "a target")
        if low > high:
            raise ValueError(f"a target range runs from low to high, got {low}-{high}")
        return (low, high)
    return _number(value, "a target")


def _targets(value: object) -> dict[int, Target]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"expected a table of year = target, got {show(value)}")
    return {_year(y): _target(t) for y, t in sorted(value.items(), key=lambda kv: _year(kv[0]))}


def period_key(value: object) -> tuple[int, int]:
    """``(year, quarter)`` of a period; quarter 0 is the whole year.

    Written ``"2021"``, ``"2021-TW2"``, ``"2021-Q3"`` or ``"2021 triwulan IV"``.

    Examples
    --------
    >>> period_key("2021"), period_key("2021-TW2"), period_key("2022 triwulan IV")
    ((2021, 0), (2021, 2), (2022, 4))
    """
    m = _PERIOD.fullmatch(str(value).strip())
    if m is None:
        raise ValueError(f"expected a period as 2021 or 2021-TW2 (or 2021-Q2), got {show(value)}")
    year = _year(int(m[1]))
    quarter = 0 if m[2] is None else (int(m[2]) if m[2].isdigit() else _ROMAN[m[2].upper()])
    return year, quarter


def _period_text(key: tuple[int, int]) -> str:
    return str(key[0]) if not key[1] else f"{key[0]}-TW{key[1]}"


def _realisations(value: object) -> dict[str, float]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"expected a table of period = value, got {show(value)}")
    keyed = {period_key(p): _number(v, f"the realisation of {p}") for p, v in value.items()}
    years = {y for y, q in keyed if q == 0}
    both = sorted(y for y, q in keyed if q and y in years)
    if both:
        raise ValueError(f"{both[0]} has a value for the year and for quarters: give one")
    return {_period_text(k): v for k, v in sorted(keyed.items())}


def _indicator_level(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in {**_LEVEL_WORDS, **INDICATOR_LEVELS}:
        word = value.strip().lower()
        return word if word in INDICATOR_LEVELS else _LEVEL_WORDS[word]
    raise ValueError(f"unknown level {show(value)}; allowed: goal (tujuan), target (sasaran), "
                     "outcome, output")  # fmt: skip


def _choice(allowed: tuple[str, ...], words: Mapping[str, str]) -> Any:
    def convert(value: object) -> str:
        if isinstance(value, str):
            word = value.strip().lower()
            word = words.get(word, word)
            if word in allowed:
                return word
        raise ValueError(f"expected one of {', '.join(allowed)}, got {show(value)}")

    return convert


@_with_id
@attrs.frozen(kw_only=True)
class Indicator:
    """A performance indicator (*indikator kinerja*) with its yearly targets.

    Attributes
    ----------
    id, name
        Its code and what it measures, e.g. *Indeks SPBE*.
    unit
        *Satuan*: ``"indeks"``, ``"%"``, ``"aplikasi"``.
    level
        ``"goal"`` (*tujuan*), ``"target"`` (*sasaran*), ``"outcome"`` (of a program) or
        ``"output"`` (of a kegiatan).
    items
        The initiatives (ids) and programme nodes (codes) that serve it.
    baseline
        *Kondisi awal*: the value at the start of the period.
    targets
        A target per year: a value, or a range ``(low, high)`` written ``"69,1-69,5"``.
    final
        *Kondisi akhir*: the target at the end of the period.
    polarity
        ``"higher"`` is better (default) or ``"lower"`` (stunting, poverty).
    combine
        How a year's realisations combine: ``"sum"`` of the periods (a count of things
        done), ``"last"`` value, a ``"percent"`` or a ``"final"`` value.
    realisations
        Values per period: ``{"2021": 3.2}`` or per quarter ``{"2021-TW1": 1, ...}``.

    Examples
    --------
    >>> ind = Indicator(id="I1", name="Indeks SPBE", targets={2021: "2,1-2,3", 2022: 2.6})
    >>> ind.targets
    {2021: (2.1, 2.3), 2022: 2.6}
    """

    id: str = _f(_id, "id")
    name: str = _f(_text, "name")
    unit: str | None = _f(_opt_text, "unit", None)
    level: str | None = _f(_indicator_level, "level", None)
    items: tuple[str, ...] = _f(lambda v: _ids(v) if v is not None else (), "items", ())
    baseline: float | None = _f(lambda v: None if v is None else _number(v, "the baseline"),
                                "baseline", None)  # fmt: skip
    targets: dict[int, Target] = _f(_targets, "targets", attrs.Factory(dict))
    final: Target | None = _f(lambda v: None if v is None else _target(v), "final", None)
    polarity: str = _f(_choice(("higher", "lower"), {"naik": "higher", "turun": "lower",
                                                     "positif": "higher", "negatif": "lower"}),
                       "polarity", "higher")  # fmt: skip
    combine: str = _f(_choice(COMBINES, {"jumlah": "sum", "akhir": "last", "persen": "percent",
                                         "nilai akhir": "final"}), "combine", "sum")  # fmt: skip
    realisations: dict[str, float] = _f(_realisations, "realisations", attrs.Factory(dict))


@_with_id
@attrs.frozen(kw_only=True)
class Risk:
    """A risk of the register: with a probability it adds delay and cost to named items.

    Attributes
    ----------
    id, name
        Identifier and description (*risiko*).
    probability
        Chance that it happens, above 0 and at most 1 (``"30%"`` is accepted).
    items
        Ids of the initiatives it strikes; each gets the whole impact.
    delay
        Extra duration when it happens: one duration, a range ``[low, high]`` (uniform) or
        ``[low, likely, high]`` (PERT).
    cost
        Extra cost when it happens: one amount or a range.
    owner, description
        Who manages it; free text (mitigation, cause).

    Examples
    --------
    >>> Risk(id="R1", name="Tender gagal", probability="30%", items="SC06, SC07",
    ...      delay=["1 month", "3 months"]).items
    ('SC06', 'SC07')
    """

    id: str = _f(_id, "id")
    name: str = _f(_text, "name")
    probability: float = _f(_probability, "probability")
    items: tuple[str, ...] = _f(_ids, "items")
    delay: tuple[Duration, Duration | None, Duration] | None = _f(
        lambda v: _impact(v, _duration_point), "delay", None
    )
    cost: tuple[int, int | None, int] | None = _f(
        lambda v: _impact(v, lambda x: _amount(x, "a cost")), "cost", None
    )
    owner: str | None = _f(_opt_text, "owner", None)
    description: str | None = _f(_prose, "description", None)

    def __attrs_post_init__(self) -> None:
        if not self.items:
            raise ItemError("name the items it strikes", item=self.id, field="items")
        if self.delay is None and self.cost is None:
            raise ItemError("give its impact: a delay, a cost or both", item=self.id,
                            field="delay")  # fmt: skip


def _coefficient(value: object) -> float:
    if isinstance(value, str):
        value = parse_fraction(value)
    if isinstance(value, bool) or not isinstance(value, int | float) or not -1 < value < 1:
        raise ValueError(f"a correlation coefficient is above -1 and below 1, got {show(value)}")
    return float(value)


@_without_id
@attrs.frozen(kw_only=True)
class Correlation:
    """Rank correlation between the durations of initiatives with a ``duration_range``.

    Every pair of ``items`` is given ``coefficient`` (Spearman), e.g. works that share a
    contractor or a tender.  Imposed by the Iman-Conover method (:mod:`roadmap.risk`).
    """

    items: tuple[str, ...] = _f(_ids, "items")
    coefficient: float = _f(_coefficient, "coefficient")

    def __attrs_post_init__(self) -> None:
        if len(set(self.items)) < 2:
            raise ItemError("a correlation needs two or more different items", field="items")


def _tuple_of(value: object, cls: type, name: str) -> tuple[Any, ...]:
    if value is None:
        return ()
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise ItemError(f"expected a list of {cls.__name__}, got {show(value)}", field=name)
    out = tuple(value)
    for i, v in enumerate(out):
        if not isinstance(v, cls):
            raise ItemError(
                f"{name}[{i}] must be a {cls.__name__}, got {type(v).__name__}", field=name
            )
    return out


def _phases(value: object) -> tuple[Phase, ...]:
    return _tuple_of(value, Phase, "phases")


def _programmes(value: object) -> tuple[Programme, ...]:
    return _tuple_of(value, Programme, "programmes")


def _initiatives(value: object) -> tuple[Initiative, ...]:
    return _tuple_of(value, Initiative, "initiatives")


def _milestones(value: object) -> tuple[Milestone, ...]:
    return _tuple_of(value, Milestone, "milestones")


def _realisation(value: object) -> tuple[Realisation, ...]:
    return _tuple_of(value, Realisation, "realisation")


def _baselines(value: object) -> tuple[Baseline, ...]:
    return _tuple_of(value, Baseline, "baselines")


def _risks(value: object) -> tuple[Risk, ...]:
    return _tuple_of(value, Risk, "risks")


def _indicators(value: object) -> tuple[Indicator, ...]:
    return _tuple_of(value, Indicator, "indicators")


def _correlations(value: object) -> tuple[Correlation, ...]:
    return _tuple_of(value, Correlation, "correlations")


def _calendar(value: object) -> Calendar | None:
    if value is None or isinstance(value, Calendar):
        return value
    if isinstance(value, Mapping):
        unknown = set(value) - {"weekend", "country", "subdivision", "holidays"}
        if unknown:
            raise ValueError(
                f"unknown key(s) {sorted(unknown)}; allowed: weekend, country, subdivision, "
                "holidays"
            )
        return Calendar(**value)
    raise ValueError(f"expected a calendar table, got {show(value)}")


def _fiscal_start(value: object) -> str:
    if isinstance(value, str):
        try:
            date.fromisoformat(f"2001-{value.strip()}")
            return value.strip()
        except ValueError:
            pass
    raise ValueError(f"expected a fiscal-year start as MM-DD, e.g. '04-01', got {show(value)}")


@_without_id
@attrs.frozen(kw_only=True)
class Roadmap:
    """A multi-year programme: phases, initiatives, milestones, ceilings and settings.

    Constructing a roadmap validates every field of every item but not the relations
    between items (duplicate ids, unknown references): :func:`roadmap.schedule` refuses
    those, and :func:`roadmap.check` reports them as findings.

    Attributes
    ----------
    name
        Title of the roadmap.
    start
        First day of the roadmap: nothing starts earlier.
    end
        Last day of the planning horizon (e.g. the RPJMD period), inclusive, or ``None``.
    currency
        ISO 4217 code of every amount, default ``"IDR"``.
    language
        ``"id"`` or ``"en"``: labels of charts and reports.
    fiscal_year_start
        ``"MM-DD"``, default ``"01-01"`` (Indonesia's fiscal year is the calendar year).
    calendar
        A :class:`~roadmap.dates.Calendar` for durations in workdays, or ``None``.
    phase_start
        ``"free"`` (default): items start when their links allow, whatever their phase;
        ``"constrain"``: an item without a planned start starts no earlier than its phase
        (a phase may say otherwise for its own items).
    ceilings
        Budget limit per fiscal year, ``{2019: 5_000_000_000}``.
    group_ceilings
        Limits per fiscal year for one funding source, dimension or owner:
        ``{"funding": {"APBD": {2019: 4_000_000_000}}}``.  In plan files
        ``[ceilings.funding.APBD]``.
    phases, initiatives, milestones
        The content.
    status_date
        The day actuals (actual dates, progress, costs) are as of, for tracking.
    realisation
        Monthly realisation records (:class:`Realisation`).
    baselines
        Frozen copies of planned dates and budgets (:class:`Baseline`).
    capacity
        Units of each resource the agency has at any time, ``{"analis_TI": 5}``: the
        initiatives' ``resources`` must fit (checked, and kept by :func:`roadmap.level`).
        In plan files ``[capacity]``.
    owner_capacity
        The most initiatives an owner runs at once, ``{"Diskominfo": 3}``; in plan files
        ``[capacity.owners]``.
    risks, correlations
        The risk register (:class:`Risk`) and rank correlations between uncertain
        durations (:class:`Correlation`), for :func:`roadmap.simulate`.
    ignored
        What the reader of the plan's file left out (the names of workbook sheets that are
        not plan sheets), for :func:`roadmap.check` to list; not part of the plan.
    """

    name: str = _f(_text, "name")
    start: date = _f(parse_date, "start")
    end: date | None = _f(_opt_end, "end", None)
    currency: str = _f(_text, "currency", "IDR")
    language: Literal["id", "en"] = _f(_language, "language", "id")
    fiscal_year_start: str = _f(_fiscal_start, "fiscal_year_start", "01-01")
    calendar: Calendar | None = _f(_calendar, "calendar", None)
    phase_start: str = _f(_phase_start, "phase_start", "free")
    ceilings: dict[int, int] = _f(_ceilings, "ceilings", attrs.Factory(dict))
    group_ceilings: dict[str, dict[str, dict[int, int]]] = _f(
        _group_ceilings, "group_ceilings", attrs.Factory(dict)
    )
    phases: tuple[Phase, ...] = attrs.field(default=(), converter=_phases)
    programmes: tuple[Programme, ...] = attrs.field(default=(), converter=_programmes)
    initiatives: tuple[Initiative, ...] = attrs.field(default=(), converter=_initiatives)
    milestones: tuple[Milestone, ...] = attrs.field(default=(), converter=_milestones)
    status_date: date | None = _f(_opt_end, "status_date", None)
    realisation: tuple[Realisation, ...] = attrs.field(default=(), converter=_realisation)
    baselines: tuple[Baseline, ...] = attrs.field(default=(), converter=_baselines)
    capacity: dict[str, int] = _f(lambda v: _units(v, "capacity"), "capacity",
                                  attrs.Factory(dict))  # fmt: skip
    owner_capacity: dict[str, int] = _f(lambda v: _units(v, "owner capacity"),
                                        "owner_capacity", attrs.Factory(dict))  # fmt: skip
    risks: tuple[Risk, ...] = attrs.field(default=(), converter=_risks)
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=_indicators)
    correlations: tuple[Correlation, ...] = attrs.field(default=(), converter=_correlations)
    ignored: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, eq=False, repr=False)
    # Initiatives then milestones, each id's position among them (the first, when ids
    # repeat) and the phases by id: made once, since the plan is immutable.
    _items: tuple[Initiative | Milestone, ...] = attrs.field(init=False, eq=False, repr=False)
    _ids: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)
    _positions: dict[str, int] = attrs.field(init=False, eq=False, repr=False)
    _phase_index: dict[str, Phase] = attrs.field(init=False, eq=False, repr=False)
    # The scheduler's compiled form of this plan (roadmap._network) and its Schedule, made
    # on first use and kept: the plan is immutable.
    _network: object = attrs.field(init=False, default=None, eq=False, repr=False)
    _schedule: object = attrs.field(init=False, default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ItemError(f"end {self.end} is before start {self.start}", field="end")
        items = self.initiatives + self.milestones
        ids = tuple(map(_get_id, items))
        # Built backwards, so that the first of a repeated id wins; in C, not a loop.
        positions = dict(zip(reversed(ids), range(len(ids) - 1, -1, -1), strict=True))
        phases = {p.id: p for p in reversed(self.phases)}
        object.__setattr__(self, "_items", items)
        object.__setattr__(self, "_ids", ids)
        object.__setattr__(self, "_positions", positions)
        object.__setattr__(self, "_phase_index", phases)

    @property
    def items(self) -> tuple[Initiative | Milestone, ...]:
        """Initiatives, then milestones, in plan order."""
        return self._items

    @property
    def ids(self) -> tuple[str, ...]:
        """The id of each item of :attr:`items`, in the same order."""
        return self._ids

    @property
    def positions(self) -> Mapping[str, int]:
        """The position of each item id in :attr:`items` (of its first item, if repeated).

        Examples
        --------
        >>> plan = Roadmap(name="p", start="2019-01-01",
        ...                initiatives=[Initiative(id="A", name="a", duration=5)],
        ...                milestones=[Milestone(id="M", name="m", after="A")])
        >>> plan.positions["M"], plan.items[plan.positions["M"]].id
        (1, 'M')
        """
        return self._positions

    def __getitem__(self, id: str) -> Initiative | Milestone | Phase:
        phase = self._phase_index.get(id)
        if phase is not None:
            return phase
        try:
            return self._items[self._positions[id]]
        except KeyError:
            raise UnknownItemError(f"no item or phase with id {id!r}") from None

    def __contains__(self, id: object) -> bool:
        return id in self._positions or id in self._phase_index

    def __iter__(self) -> Iterator[Initiative | Milestone]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.initiatives) + len(self.milestones)

    def _repr_html_(self) -> str:
        from roadmap.money import format_money  # base layer: imported only for notebooks

        id_ = self.language == "id"
        rows = []
        for item in self.items:
            if isinstance(item, Initiative):
                span = item.duration.text(self.language) if item.duration else ""
                when = str(item.start or "") + (f" + {span}" if span else "")
                if item.finish:
                    when += f" .. {item.finish}"
                amount = item.budget_amount
                money = (
                    ""
                    if amount is None
                    else format_money(
                        amount, language="id" if id_ else "en", currency=self.currency
                    )
                )
            else:
                when, money = str(item.date or ""), ""
            deps = ", ".join(d.text(self.language) for d in item.links)
            rows.append((item.id, item.name, item.phase or "", when, deps, money))
        head = (
            ("Kode", "Nama", "Fase", "Waktu", "Bergantung pada", "Anggaran") if id_
            else ("ID", "Name", "Phase", "When", "Depends on", "Budget")
        )  # fmt: skip
        horizon = f"{self.start} .. {self.end}" if self.end else f"{self.start} .."
        counts = (len(self.initiatives), len(self.milestones), len(self.phases))
        note = (
            " ({}; {} kegiatan, {} tonggak, {} fase)" if id_
            else " ({}; {} initiatives, {} milestones, {} phases)"
        ).format(horizon, *counts)  # fmt: skip
        return _html.table(head, rows, title=self.name, note=note, right=(5,))
