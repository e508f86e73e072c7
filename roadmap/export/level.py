"""What leveling did, as text, Markdown and JSON (``roadmap level``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from roadmap._i18n import Language, language_of, long_date
from roadmap.export._layout import aligned, markdown
from roadmap.money import format_money

if TYPE_CHECKING:
    from roadmap.leveling import LevelResult

__all__ = ["level_json", "level_markdown", "level_text", "reason_text"]

_WORDS: dict[str, dict[str, Any]] = {
    "id": {"title": "pemerataan", "finish": "selesai", "none": "tidak ada yang perlu digeser",
           "moves": ("kode", "nama", "dari", "ke", "hari", "alasan"),
           "budget": ("tahun", "kelompok", "sebelum", "sesudah", "pagu"),
           "capacity": ("kapasitas", "puncak sebelum", "puncak sesudah", "tersedia"),
           "infeasible": "tidak ada rencana yang layak", "optimal": "optimal (terbukti)",
           "gap": "selisih", "year": "tahun", "resource": "sumber daya", "owner": "pelaksana",
           "dependency": "ketergantungan", "total": "total", "funding": "sumber dana",
           "dimension": "dimensi", "method": {"heuristic": "heuristik", "exact": "eksak"},
           "objective": {"finish": "selesai tercepat", "least_change": "perubahan terkecil"}},
    "en": {"title": "leveling", "finish": "finish", "none": "nothing needed to move",
           "moves": ("id", "name", "from", "to", "days", "reason"),
           "budget": ("year", "group", "before", "after", "ceiling"),
           "capacity": ("capacity", "peak before", "peak after", "available"),
           "infeasible": "no feasible plan", "optimal": "optimal (proven)", "gap": "gap",
           "year": "year", "resource": "resource", "owner": "owner",
           "dependency": "dependency", "total": "total", "funding": "funding",
           "dimension": "dimension", "method": {"heuristic": "heuristic", "exact": "exact"},
           "objective": {"finish": "earliest finish", "least_change": "least change"}},
}  # fmt: skip


def reason_text(reason: str, language: str = "id") -> str:
    """A move's reason in words: ``"year 2020 funding APBD"``, ``"tahun 2020 sumber dana APBD"``."""
    w = _WORDS[language_of(language)]
    return " ".join(str(w.get(part, part)) for part in reason.split(" "))


Table = tuple[str, tuple[str, ...], list[tuple[str, ...]], set[int]]


def _tables(r: LevelResult, lang: Language, currency: str) -> list[Table]:
    w = _WORDS[lang]

    def money(v: int | None) -> str:
        return "" if v is None else format_money(v, language=lang, currency=currency)

    out: list[Table] = []
    if r.moves:
        out.append(("", w["moves"], [
            (m.id, m.name, m.before.isoformat(), m.after.isoformat(), f"{m.days:+d}",
             reason_text(m.reason, lang))
            for m in r.moves
        ], {4}))  # fmt: skip
    rows: list[tuple[str, ...]] = []
    for (kind, name), years in r.budgets.items():
        group = f"{w[kind]} {name}" if kind else w["total"]
        for year, (before, after, ceiling) in years.items():
            if ceiling is not None or before != after:
                rows.append((str(year), group, money(before), money(after), money(ceiling)))
    if rows:
        out.append(("", w["budget"], rows, {2, 3, 4}))
    if r.capacity:
        out.append(("", w["capacity"], [
            (f"{w[kind]} {name}", str(b), str(a), str(c))
            for (kind, name), (b, a, c) in r.capacity.items()
        ], {1, 2, 3}))  # fmt: skip
    return out


def _head(r: LevelResult, name: str, lang: Language) -> list[str]:
    w = _WORDS[lang]
    how = f"{w['method'][r.method]}, {w['objective'][r.objective]}"
    if r.optimal:
        how += f", {w['optimal']}"
    elif r.gap is not None:
        how += f", {w['gap']} {r.gap:.1%}"
    lines = [f"{name}: {w['title']} ({how})"]
    if not r.feasible:
        lines.append(f"{w['infeasible']}: {r.reason}")
        return lines
    after = r.finish_after or r.finish_before
    lines.append(f"{w['finish']}: {long_date(r.finish_before, lang)} -> {long_date(after, lang)}")
    if not r.moves:
        lines.append(w["none"])
    return lines


def level_text(r: LevelResult, name: str, language: str = "id", currency: str = "IDR") -> str:
    """The moves, the budgets against the ceilings and the capacity, as aligned text."""
    lang = language_of(language)
    lines = _head(r, name, lang)
    for _, head, rows, right in _tables(r, lang, currency):
        table = aligned(head, rows, right)
        lines += ["", table[0], table[-1], *table[1:-1]]
    return "\n".join(lines) + "\n"


def level_markdown(r: LevelResult, name: str, language: str = "id", currency: str = "IDR") -> str:
    """The same in Markdown."""
    lang = language_of(language)
    first, *rest = _head(r, name, lang)
    lines = [f"**{first}**", "", *rest]
    for _, head, rows, right in _tables(r, lang, currency):
        lines += ["", markdown(head, rows, right).rstrip("\n")]
    return "\n".join(lines) + "\n"


def level_json(r: LevelResult) -> str:
    """:meth:`LevelResult.to_dict` as indented JSON."""
    return json.dumps(r.to_dict(), indent=2, ensure_ascii=False) + "\n"
