"""Hygiene rules: owners and dimensions to fill in, and words that look like typos."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from roadmap.checks.context import Context, rule
from roadmap.checks.report import Finding
from roadmap.errors import chain_text, did_you_mean_texts
from roadmap.io import SHEET_NAMES
from roadmap.model import DIMENSIONS, FUNDING_SOURCES

__all__ = ["RULES"]


def _missing(
    ctx: Context, field: str, en: tuple[str, str], id: tuple[str, str]
) -> Iterator[Finding]:
    """Initiatives without *field*; the texts take ``{id}`` (and English ``{has}``).

    One note an item up to :data:`MANY`; beyond, one note for all of them (a plan of
    100,000 items without dimensions is one line, not 25 MB of them).
    """
    code = f"missing-{field}"
    missing = [item.id for item in ctx.plan.initiatives if not getattr(item, field)]
    if len(missing) > MANY:
        ids = chain_text(missing, sep=", ")
        ids_id = chain_text(missing, more="lainnya", sep=", ")
        yield ctx.finding(
            code, missing,
            (en[0].format(id=f"{len(missing):,} initiatives ({ids})", has="have"),
             en[1].format(id="each of them")),
            (id[0].format(id=f"{len(missing):,} kegiatan".replace(",", ".") + f" ({ids_id})"),
             id[1].format(id="setiap kegiatan itu")),
        )  # fmt: skip
        return
    for item_id in missing:
        yield ctx.finding(
            code, [item_id],
            (en[0].format(id=item_id, has="has"), en[1].format(id=item_id)),
            (id[0].format(id=item_id), id[1].format(id=item_id)),
        )  # fmt: skip


#: More initiatives than this missing a field make one note for all of them.
MANY = 20


@rule(
    "missing-owner",
    "info",
    "An initiative has no owning agency.",
    "Kegiatan belum memiliki perangkat daerah penanggung jawab.",
)
def _owner(ctx: Context) -> Iterator[Finding]:
    return _missing(
        ctx, "owner",
        ("{id} {has} no owner.",
         'Set owner = "..." on {id} (the responsible agency, e.g. Diskominfo).'),
        ("{id} belum memiliki penanggung jawab.",
         'Isi owner = "..." pada {id} (perangkat daerah, mis. Diskominfo).'),
    )  # fmt: skip


@rule(
    "missing-dimension",
    "info",
    "An initiative has no smart-city dimension.",
    "Kegiatan belum memiliki dimensi smart city.",
)
def _dimension(ctx: Context) -> Iterator[Finding]:
    return _missing(
        ctx, "dimension",
        ("{id} {has} no dimension.", 'Set dimension on {id}, e.g. "Smart Governance".'),
        ("{id} belum memiliki dimensi.", 'Isi dimension pada {id}, mis. "Smart Governance".'),
    )  # fmt: skip


def _unknown(
    ctx: Context, code: str, field: tuple[str, str], known: Iterable[str],
    values: dict[str, list[str]],
) -> Iterator[Finding]:  # fmt: skip
    """A warning per word of *values* (``{word: item ids}``) that *known* does not hold."""
    words = list(known)
    lower = {w.casefold() for w in words}
    for word, ids in values.items():
        if word.casefold() in lower:
            continue
        en, id_ = did_you_mean_texts(word, words)
        items = ", ".join(ids[:5]) + (f" (+{len(ids) - 5})" if len(ids) > 5 else "")
        yield ctx.finding(
            code, ids,
            (f"{field[0]} {word!r} of {items} is not one of the known ones{en}",
             f"Correct it, or keep it if {word!r} is meant: known are {', '.join(words[:8])}."),
            (f"{field[1]} {word!r} pada {items} tidak dikenal{id_}",
             f"Perbaiki, atau biarkan bila {word!r} memang dimaksud: yang dikenal "
             f"{', '.join(words[:8])}."),
        )  # fmt: skip


@rule(
    "unknown-dimension",
    "warning",
    "A dimension is none of the six smart-city dimensions (a typo?).",
    "Dimensi bukan salah satu dari enam dimensi smart city (salah ketik?).",
)
def _unknown_dimension(ctx: Context) -> Iterator[Finding]:
    values: dict[str, list[str]] = {}
    for item in ctx.plan.items:
        if item.dimension:
            values.setdefault(item.dimension, []).append(item.id)
    known = [*DIMENSIONS, *ctx.plan.group_ceilings.get("dimension", {})]
    return _unknown(ctx, "unknown-dimension", ("dimension", "dimensi"), known, values)


@rule(
    "unknown-funding",
    "warning",
    "A funding source is neither a known Indonesian source nor one the plan's ceilings name.",
    "Sumber dana bukan sumber dana yang dikenal dan tidak disebut pagu rencana.",
)
def _unknown_funding(ctx: Context) -> Iterator[Finding]:
    values: dict[str, list[str]] = {}
    for item in ctx.plan.initiatives:
        for source in item.funding:
            values.setdefault(source, []).append(item.id)
    known = [*FUNDING_SOURCES, *ctx.plan.group_ceilings.get("funding", {})]
    return _unknown(ctx, "unknown-funding", ("funding", "sumber dana"), known, values)


@rule(
    "unknown-owner",
    "warning",
    "An owner is not one the plan's owner ceilings or owner capacities name.",
    "Penanggung jawab tidak disebut pada pagu atau kapasitas per perangkat daerah.",
)
def _unknown_owner(ctx: Context) -> Iterator[Finding]:
    known = [*ctx.plan.group_ceilings.get("owner", {}), *ctx.plan.owner_capacity]
    if not known:  # the plan declares no owners: any name is fine
        return iter(())
    values: dict[str, list[str]] = {}
    for item in ctx.plan.items:
        if item.owner:
            values.setdefault(item.owner, []).append(item.id)
    return _unknown(ctx, "unknown-owner", ("owner", "penanggung jawab"), known, values)


@rule(
    "ignored-sheet",
    "info",
    "A sheet of the workbook (or a field of an MS Project file) was not read.",
    "Lembar kerja (atau kolom berkas MS Project) tidak dibaca.",
)
def _ignored_sheet(ctx: Context) -> Iterator[Finding]:
    for title in ctx.plan.ignored:
        if title.startswith("Text8 of task "):  # MS Project XML
            task = title.removeprefix("Text8 of task ")
            yield ctx.finding(
                "ignored-sheet", [],
                (f"the roadmap fields of task {task} (Text8) could not be read: MS Project "
                 "keeps 255 characters of a text field",
                 "Its tags, status, notes, ranges and budget shares come from MS Project "
                 "alone; keep the plan in TOML, JSON, YAML or XLSX to keep them."),
                (f"kolom roadmap pada tugas {task} (Text8) tidak terbaca: MS Project hanya "
                 "menyimpan 255 karakter",
                 "Label, status, catatan, rentang dan pembagian anggarannya hanya dari MS "
                 "Project; simpan rencana dalam TOML, JSON, YAML atau XLSX."),
            )  # fmt: skip
            continue
        en, id_ = did_you_mean_texts(title, SHEET_NAMES, end=".")
        yield ctx.finding(
            "ignored-sheet", [],
            (f"the sheet {title!r} is not a plan sheet and was not read{en}",
             f"Plan sheets are {', '.join(SHEET_NAMES[:8])}, ...; rename it if it holds "
             "part of the plan."),
            (f"lembar {title!r} bukan lembar rencana dan tidak dibaca{id_}",
             f"Lembar rencana: {', '.join(SHEET_NAMES[:8])}, ...; ganti namanya bila "
             "berisi bagian rencana."),
        )  # fmt: skip


#: The rules of this family, in the order they run and are documented.
RULES = (_owner, _dimension, _unknown_dimension, _unknown_funding, _unknown_owner, _ignored_sheet)
