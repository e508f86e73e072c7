"""Hygiene rules: owners and dimensions to fill in."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap.checks.context import Context, rule
from roadmap.checks.report import Finding
from roadmap.errors import chain_text

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


#: The rules of this family, in the order they run and are documented.
RULES = (_owner, _dimension)
