"""A simulation's results as text, Markdown, JSON and XLSX (``roadmap risk``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from roadmap._i18n import RISK_LEVELS, Language, language_of, long_date
from roadmap._sheets import workbook, xlsx_bytes, xlsx_sheet
from roadmap.export._layout import aligned, markdown
from roadmap.money import format_money

if TYPE_CHECKING:  # the simulation needs numpy: its results are only read here
    from roadmap.risk import RiskResult

__all__ = ["risk_json", "risk_markdown", "risk_text", "risk_xlsx"]

_WORDS: dict[str, dict[str, Any]] = {
    "id": {
        "title": "risiko jadwal dan anggaran", "samples": "sampel", "seed": "seed",
        "converged": "konvergen", "finish": "Tanggal selesai", "mean": "rata-rata",
        "det": "Rencana (CPM) {date} adalah P{p:.0f}: {p:.0f}% sampel selesai pada atau "
               "sebelum tanggal itu",
        "end": "Peluang selesai s.d. {date} (akhir periode): {p:.0%}",
        "dates": ("butir", "P10", "P50", "P80", "P90", "rata-rata"),
        "deadlines": ("tenggat", "tanggal", "peluang terpenuhi"),
        "drivers": ("id", "nama", "kritis", "korelasi peringkat", "SSI"),
        "years": ("tahun", "rencana", "rata-rata", "P50", "P80", "pagu", "peluang melebihi"),
        "risks": ("id", "risiko", "peluang", "terjadi", "dampak (hari)", "kemungkinan",
                  "dampak", "tingkat"),
        "milestones": "Tonggak dan fase", "deadline_title": "Tenggat",
        "driver_title": "Pendorong utama tanggal selesai",
        "year_title": "Belanja per tahun anggaran", "risk_title": "Register risiko",
        "phase": "fase", "se": "galat baku (hari)",
    },
    "en": {
        "title": "schedule and budget risk", "samples": "samples", "seed": "seed",
        "converged": "converged", "finish": "Finish date", "mean": "mean",
        "det": "The plan (CPM) finish {date} is P{p:.0f}: {p:.0f}% of samples finish on or "
               "before it",
        "end": "Chance of finishing by {date} (end of period): {p:.0%}",
        "dates": ("item", "P10", "P50", "P80", "P90", "mean"),
        "deadlines": ("deadline", "date", "chance met"),
        "drivers": ("id", "name", "critical", "rank correlation", "SSI"),
        "years": ("year", "planned", "mean", "P50", "P80", "ceiling", "chance over"),
        "risks": ("id", "risk", "probability", "happened", "impact (days)", "likelihood",
                  "impact", "level"),
        "milestones": "Milestones and phases", "deadline_title": "Deadlines",
        "driver_title": "Top drivers of the finish",
        "year_title": "Spend per fiscal year", "risk_title": "Risk register",
        "phase": "phase", "se": "standard error (days)",
    },
}  # fmt: skip
_KEYS = ("p10", "p50", "p80", "p90", "mean")


def _level(score: int | None, lang: Language, level: int | None = None) -> str:
    """``"10 Tinggi"``: a score and the word of its level (the score itself when 1 to 5)."""
    if score is None:
        return ""
    return f"{score} {RISK_LEVELS[lang][(level or score) - 1]}"


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.0%}"


def _money(value: float | None, lang: Language, currency: str) -> str:
    if value is None:
        return ""
    return format_money(round(value), language=lang, currency=currency)


Section = tuple[str, tuple[str, ...], list[tuple[str, ...]], set[int]]


def _sections(r: RiskResult, lang: Language) -> list[Section]:
    """The tables of the report: (title, head, rows, right-aligned columns)."""
    w = _WORDS[lang]
    out: list[Section] = []
    dated = [(w["finish"], r.finish)]
    dated += [(m, v) for m, v in r.milestones.items()]
    dated += [(f"{w['phase']} {p}", v) for p, v in r.phases.items()]
    rows: list[tuple[str, ...]] = [(name, *(v[k].isoformat() for k in _KEYS)) for name, v in dated]
    decimal = "," if lang == "id" else "."
    rows.append((w["se"], *(f"{r.finish_se[k]:.1f}".replace(".", decimal) for k in _KEYS)))
    out.append((w["milestones"], w["dates"], rows, set()))
    if r.deadlines:
        out.append((w["deadline_title"], w["deadlines"],
                    [(id, r.deadline_dates[id].isoformat(), _pct(p))
                     for id, p in r.deadlines.items()], {2}))  # fmt: skip
    drivers = r.drivers(10)
    if drivers:
        out.append((w["driver_title"], w["drivers"], [
            (i.id, i.name, _pct(i.criticality),
             f"{i.cruciality or 0:+.2f}".replace(".", decimal),
             f"{i.ssi or 0:.2f}".replace(".", decimal))
            for i in drivers
        ], {2, 3, 4}))  # fmt: skip
    money_years = [y for y in r.years if y.planned or y.mean or y.ceiling]
    if money_years:
        out.append((w["year_title"], w["years"], [
            (str(y.year), _money(y.planned, lang, r.currency), _money(y.mean, lang, r.currency),
             _money(y.p50, lang, r.currency), _money(y.p80, lang, r.currency),
             _money(y.ceiling, lang, r.currency), _pct(y.p_over))
            for y in money_years
        ], {1, 2, 3, 4, 5, 6}))  # fmt: skip
    if r.risks:
        out.append((w["risk_title"], w["risks"], [
            (x.id, x.name, _pct(x.probability), _pct(x.happened),
             "" if x.finish_days is None else f"{round(x.finish_days) or 0:+d}",
             _level(x.likelihood, lang), _level(x.impact, lang), _level(x.score, lang, x.level))
            for x in r.risks
        ], {2, 3, 4}))  # fmt: skip
    return out


def _head(r: RiskResult, lang: Language) -> list[str]:
    w = _WORDS[lang]
    run = f"{r.samples:,} {w['samples']}".replace(",", "." if lang == "id" else ",")
    if r.seed is not None:
        run += f", {w['seed']} {r.seed}"
    if r.converged is not None:
        run += f", {w['converged']}" if r.converged else ""
    lines = [f"{r.name}: {w['title']} ({run})", ""]
    lines.append(w["det"].format(date=long_date(r.deterministic, lang),
                                 p=r.deterministic_percentile))  # fmt: skip
    if r.end is not None and r.p_end is not None:
        lines.append(w["end"].format(date=long_date(r.end, lang), p=r.p_end))
    return lines


def risk_text(result: RiskResult, language: str | None = None) -> str:
    """The simulation's findings as aligned text tables."""
    lang = language_of(language, result.language)
    lines = _head(result, lang)
    for title, head, rows, right in _sections(result, lang):
        table = aligned(head, rows, right)
        lines += ["", title, table[0], table[-1], *table[1:-1]]
    return "\n".join(lines) + "\n"


def risk_markdown(result: RiskResult, language: str | None = None) -> str:
    """The simulation's findings in Markdown."""
    lang = language_of(language, result.language)
    head, *rest = _head(result, lang)
    lines = [f"**{head}**", *rest]
    for title, columns, rows, right in _sections(result, lang):
        lines += ["", f"*{title}*", "", markdown(columns, rows, right).rstrip("\n")]
    return "\n".join(lines) + "\n"


def risk_json(result: RiskResult) -> str:
    """The JSON of :meth:`RiskResult.to_dict`, indented."""
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"


def risk_xlsx(result: RiskResult, language: str | None = None) -> bytes:
    """A workbook: dates (as dates), drivers, years and risks, one sheet each."""
    lang = language_of(language, result.language)
    w = _WORDS[lang]
    book = workbook()
    dates = book.create_sheet("Tanggal" if lang == "id" else "Dates")
    dated = [(w["finish"], result.finish), *result.milestones.items(),
             *((f"{w['phase']} {p}", v) for p, v in result.phases.items())]  # fmt: skip
    xlsx_sheet(dates, list(w["dates"]), [[name, *(v[k] for k in _KEYS)] for name, v in dated])
    items = book.create_sheet("Kegiatan" if lang == "id" else "Items")
    xlsx_sheet(items, ["id", w["drivers"][1], "criticality", "cruciality", "ssi"], [
        [i.id, i.name, i.criticality, i.cruciality, i.ssi] for i in result.items
    ])  # fmt: skip
    years = book.create_sheet("Tahun" if lang == "id" else "Years")
    xlsx_sheet(years, list(w["years"]), [
        [y.year, y.planned, y.mean, y.p50, y.p80, y.ceiling, y.p_over] for y in result.years
    ], money=lambda c: c in w["years"][1:6])  # fmt: skip
    if result.risks:
        risks = book.create_sheet("Risiko" if lang == "id" else "Risks")
        xlsx_sheet(risks, list(w["risks"]), [
            [x.id, x.name, x.probability, x.happened, x.finish_days,
             _level(x.likelihood, lang), _level(x.impact, lang), _level(x.score, lang, x.level)]
            for x in result.risks
        ])  # fmt: skip
    summary = book.create_sheet("Ringkasan" if lang == "id" else "Summary", 0)
    xlsx_sheet(summary, ["", ""], [[line] for line in _head(result, lang) if line])
    return xlsx_bytes(book)
