"""Status, plan-diff and milestone-slip reports as text, Markdown, CSV, JSON and XLSX."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from roadmap._i18n import Language, language_of, long_date
from roadmap._sheets import csv_text, workbook, xlsx_bytes, xlsx_sheet
from roadmap.money import format_money
from roadmap.tracking import EarnedValue, MilestoneSlip, PlanDiff, Status

__all__ = [
    "diff_json", "diff_markdown", "diff_text", "diff_xlsx", "slip_csv", "slip_json",
    "slip_markdown", "slip_text", "status_json", "status_markdown", "status_text", "status_xlsx",
]  # fmt: skip

_WORDS: dict[str, dict[str, Any]] = {
    "id": {"as_of": "per", "baseline": "acuan", "finish": "selesai",
           "variance": "deviasi", "days": "hari", "late": "terlambat", "early": "lebih awal",
           "state": {"done": "selesai", "started": "berjalan", "not_started": "belum mulai"},
           "head": ("id", "status", "mulai acuan", "selesai acuan", "mulai perkiraan",
                    "selesai perkiraan", "dev. selesai", "rencana", "realisasi", "PV", "EV",
                    "AC"),
           "group": "kelompok", "added": "ditambah", "removed": "dihapus",
           "changed": "diubah", "shifts": "bergeser", "budget": "anggaran",
           "critical": "jalur kritis", "none": "tidak ada perubahan", "slip": "geser (hari)",
           "slip_title": "perkiraan tanggal tonggak per tanggal status"},
    "en": {"as_of": "as of", "baseline": "baseline", "finish": "finish",
           "variance": "variance", "days": "days", "late": "late", "early": "early",
           "state": {"done": "done", "started": "under way", "not_started": "not started"},
           "head": ("id", "state", "baseline start", "baseline finish", "forecast start",
                    "forecast finish", "finish var.", "planned", "progress", "PV", "EV", "AC"),
           "group": "group", "added": "added", "removed": "removed", "changed": "changed",
           "shifts": "moved", "budget": "budget", "critical": "critical path",
           "none": "no changes", "slip": "slip (days)",
           "slip_title": "forecast milestone dates per status date"},
}  # fmt: skip

_FIGURES = ("bac", "pv", "ev", "ac", "sv", "cv", "spi", "cpi", "eac", "etc", "vac", "tcpi",
            "es_days", "sv_t_days", "spi_t", "ieac_t")  # fmt: skip
_MONEY = {"bac", "pv", "ev", "ac", "sv", "cv", "eac", "etc", "vac"}


def _grouped(v: float, lang: Language, *, sign: bool = False) -> str:
    """An amount grouped as the language writes it: 2.500.000 or 2,500,000."""
    text = f"{v:+,.0f}" if sign else f"{v:,.0f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "id" else text


def _figure(key: str, value: float | None, lang: Language, currency: str) -> str:
    if value is None:
        return "-"
    if key in _MONEY:
        return format_money(round(value), words=True, language=lang, currency=currency)
    if key.endswith("_days") or key == "ieac_t":
        return f"{value:.0f}"
    return f"{value:.2f}".replace(".", ",") if lang == "id" else f"{value:.2f}"


def _summary(st: Status, lang: Language) -> list[str]:
    w = _WORDS[lang]
    var = st.finish_variance_days
    word = w["late"] if var > 0 else w["early"]
    return [
        f"{st.roadmap}: {w['as_of']} {long_date(st.status_date, lang)}, {w['baseline']} "
        f"{st.baseline!r}",
        f"{w['finish']}: {long_date(st.baseline_finish, lang)} -> "
        f"{long_date(st.forecast_finish, lang)}"
        + (f" ({abs(var)} {w['days']} {word})" if var else ""),
    ]


def _ev_rows(st: Status, lang: Language, currency: str) -> list[tuple[str, ...]]:
    table: list[tuple[str, ...]] = [("", *_FIGURES)]
    groups: list[tuple[str, EarnedValue]] = [("roadmap", st.earned_value), *st.groups.items()]
    for name, ev in groups:
        d = ev.to_dict()
        table.append((name, *(_figure(k, d[k], lang, currency) for k in _FIGURES)))
    return table


def _item_rows(st: Status, lang: Language) -> list[tuple[str, ...]]:
    w = _WORDS[lang]

    def day(d: Any) -> str:
        return "" if d is None else d.isoformat()

    def amount(v: float) -> str:
        return _grouped(v, lang)

    rows: list[tuple[str, ...]] = [tuple(w["head"])]
    for r in st.items:
        rows.append((
            r.id, w["state"][r.state], day(r.baseline_start), day(r.baseline_finish),
            day(r.forecast_start), day(r.forecast_finish),
            "" if r.finish_variance_days is None else f"{r.finish_variance_days:+d}",
            f"{100 * r.planned_progress:.0f}%", f"{100 * r.progress:.0f}%",
            amount(r.pv), amount(r.ev), amount(r.ac),
        ))  # fmt: skip
    return rows


def _aligned(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) if k == 0 else c.rjust(w) for k, (c, w) in
                       enumerate(zip(r, widths, strict=True))).rstrip() for r in rows]  # fmt: skip
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def _md(rows: list[tuple[str, ...]]) -> list[str]:
    def cell(t: str) -> str:
        return t.replace("|", "\\|")

    head, *body = rows
    return [
        "| " + " | ".join(cell(c) for c in head) + " |",
        "|" + "---|" * len(head),
        *("| " + " | ".join(cell(c) for c in r) + " |" for r in body),
    ]


def status_text(st: Status, language: str = "id", currency: str = "IDR") -> str:
    """The status as aligned text: summary, earned value (and groups), items."""
    lang = language_of(language)
    return "\n".join([
        *_summary(st, lang), "", *_aligned(_ev_rows(st, lang, currency)), "",
        *_aligned(_item_rows(st, lang)),
    ]) + "\n"  # fmt: skip


def status_markdown(st: Status, language: str = "id", currency: str = "IDR") -> str:
    """The status as Markdown tables under a two-line summary."""
    lang = language_of(language)
    return "\n".join([
        *(f"{line}  " for line in _summary(st, lang)), "",
        *_md(_ev_rows(st, lang, currency)), "", *_md(_item_rows(st, lang)),
    ]) + "\n"  # fmt: skip


def status_json(st: Status) -> str:
    """The status as the JSON of ``roadmap status --format json``."""
    return json.dumps(st.to_dict(), indent=2, ensure_ascii=False) + "\n"


def status_xlsx(st: Status, language: str = "id", currency: str = "IDR") -> bytes:
    """The status as a workbook: an earned-value sheet and an items sheet (``excel`` extra)."""
    lang = language_of(language)
    book = workbook()
    ev_sheet = book.create_sheet("Nilai hasil" if lang == "id" else "Earned value")
    rows: list[list[object]] = []
    groups: list[tuple[str, EarnedValue]] = [("roadmap", st.earned_value), *st.groups.items()]
    for name, ev in groups:
        d = ev.to_dict()
        rows.append([name, *(d[k] for k in _FIGURES)])
    xlsx_sheet(ev_sheet, [_WORDS[lang]["group"], *_FIGURES], rows,
               money=lambda c: c in _MONEY)  # fmt: skip
    items = book.create_sheet("Kegiatan" if lang == "id" else "Items")
    keys = [k for k in st.items[0].to_dict() if k not in ("name",)] if st.items else ["id"]

    def cell(key: str, value: object) -> object:  # dates as dates, so Excel sorts them
        if key.endswith(("_start", "_finish")) and isinstance(value, str):
            return date.fromisoformat(value)
        return value

    xlsx_sheet(
        items, keys,
        [[cell(k, r.to_dict()[k]) for k in keys] for r in st.items],
        money=lambda c: c in _MONEY,
    )  # fmt: skip
    return xlsx_bytes(book)


def _diff_lines(d: PlanDiff, lang: Language, markdown: bool) -> list[str]:
    w = _WORDS[lang]
    bullet = "- " if markdown else "  "
    out = [f"{d.old} -> {d.new}"]
    if d.empty:
        return [*out, w["none"]]
    for key, ids in (("added", d.added), ("removed", d.removed)):
        if ids:
            out.append(f"{w[key]}: {', '.join(ids)}")
    if d.changed:
        out.append(f"{w['changed']}:")
        out += [f"{bullet}{c.id}.{c.field}: {c.old!r} -> {c.new!r}" for c in d.changed]
    if d.shifts:
        out.append(f"{w['shifts']}:")
        out += [f"{bullet}{s.id}: {s.old_start} .. {s.old_finish} -> {s.new_start} .. "
                f"{s.new_finish} ({s.start_days:+d} / {s.finish_days:+d} {w['days']})"
                for s in d.shifts]  # fmt: skip
    if d.budget:
        out.append(f"{w['budget']}:")
        out += [
            f"{bullet}{k}: {_grouped(a, lang)} -> {_grouped(b, lang)} "
            f"({_grouped(b - a, lang, sign=True)})"
            for k, (a, b) in d.budget.items()
        ]
    old, new = d.critical_path
    if old != new:
        out.append(f"{w['critical']}: {' -> '.join(old)} => {' -> '.join(new)}")
    if d.finish[0] != d.finish[1]:
        days = (d.finish[1] - d.finish[0]).days
        out.append(f"{w['finish']}: {d.finish[0]} -> {d.finish[1]} ({days:+d} {w['days']})")
    return out


def diff_text(d: PlanDiff, language: str = "id") -> str:
    """What changed, as text."""
    return "\n".join(_diff_lines(d, language_of(language), False)) + "\n"


def diff_markdown(d: PlanDiff, language: str = "id") -> str:
    """What changed, as Markdown."""
    lines = _diff_lines(d, language_of(language), True)
    return f"## {lines[0]}\n\n" + "\n".join(lines[1:]) + "\n"


def diff_json(d: PlanDiff) -> str:
    """What changed, as the JSON of ``roadmap diff --format json``."""
    return json.dumps(d.to_dict(), indent=2, ensure_ascii=False) + "\n"


def diff_xlsx(d: PlanDiff, language: str = "id") -> bytes:
    """What changed, as a workbook: items, dates and budgets sheets (``excel`` extra)."""
    lang = language_of(language)
    book = workbook()
    ws = book.create_sheet("Perubahan" if lang == "id" else "Changes")
    rows: list[list[object]] = [[i, "added", "", ""] for i in d.added]
    rows += [[i, "removed", "", ""] for i in d.removed]
    rows += [[c.id, c.field, c.old, c.new] for c in d.changed]
    xlsx_sheet(ws, ["id", "field", "old", "new"], rows)
    ws = book.create_sheet("Tanggal" if lang == "id" else "Dates")
    xlsx_sheet(ws, ["id", "old_start", "old_finish", "new_start", "new_finish", "start_days",
                    "finish_days"],
               [[s.id, s.old_start, s.old_finish, s.new_start, s.new_finish, s.start_days,
                 s.finish_days] for s in d.shifts])  # fmt: skip
    ws = book.create_sheet("Anggaran" if lang == "id" else "Budget")
    xlsx_sheet(ws, ["key", "old", "new", "change"],
               [[k, a, b, b - a] for k, (a, b) in d.budget.items()],
               money=lambda c: c in ("old", "new", "change"))  # fmt: skip
    return xlsx_bytes(book)


def _slip_rows(slip: MilestoneSlip, lang: Language) -> list[tuple[str, ...]]:
    """Milestones down, status dates across: the forecast at each, then the slip."""

    def day(d: date | None) -> str:
        return "" if d is None else d.isoformat()

    w = _WORDS[lang]
    head = ("id", w["baseline"], *(d.isoformat() for d in slip.status_dates), w["slip"])
    rows: list[tuple[str, ...]] = [head]
    for line in slip.lines:
        moved = line.slip_days
        rows.append((line.id, day(line.baseline), *(day(f) for f in line.forecasts),
                     "" if moved is None else f"{moved:+d}"))  # fmt: skip
    return rows


def slip_text(slip: MilestoneSlip, language: str = "id") -> str:
    """The milestone slip table as aligned text: each milestone's forecast per status date."""
    lang = language_of(language)
    title = f"{slip.roadmap}: {_WORDS[lang]['slip_title']}"
    return "\n".join([title, "", *_aligned(_slip_rows(slip, lang))]) + "\n"


def slip_markdown(slip: MilestoneSlip, language: str = "id") -> str:
    """The milestone slip table in Markdown."""
    lang = language_of(language)
    title = f"**{slip.roadmap}: {_WORDS[lang]['slip_title']}**"
    return "\n".join([title, "", *_md(_slip_rows(slip, lang))]) + "\n"


def slip_csv(slip: MilestoneSlip) -> str:
    """The milestone slip as CSV: one row per milestone and status date."""
    records = slip.records()
    columns = ["id", "name", "status_date", "baseline", "forecast", "slip_days"]
    return csv_text(columns, [[r[c] for c in columns] for r in records])


def slip_json(slip: MilestoneSlip) -> str:
    """The milestone slip as JSON: the status dates and every milestone's forecasts."""
    data = {
        "roadmap": slip.roadmap,
        "status_dates": [d.isoformat() for d in slip.status_dates],
        "milestones": [
            {"id": line.id, "name": line.name,
             "baseline": line.baseline.isoformat() if line.baseline else None,
             "deadline": line.deadline.isoformat() if line.deadline else None,
             "forecasts": [f.isoformat() if f else None for f in line.forecasts],
             "slip_days": line.slip_days}
            for line in slip.lines
        ],
    }  # fmt: skip
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
