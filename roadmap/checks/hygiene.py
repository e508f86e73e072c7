"""Hygiene rules: owners and dimensions to fill in."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap.checks.context import Context, rule
from roadmap.checks.report import Finding

__all__ = ["RULES"]


def _missing(
    ctx: Context, field: str, en: tuple[str, str], id: tuple[str, str]
) -> Iterator[Finding]:
    """Initiatives without *field*; the texts take ``{id}``."""
    code = f"missing-{field}"
    for item in ctx.plan.initiatives:
        if not getattr(item, field):
            yield ctx.finding(
                code, [item.id],
                (en[0].format(id=item.id), en[1].format(id=item.id)),
                (id[0].format(id=item.id), id[1].format(id=item.id)),
            )  # fmt: skip


@rule(
    "missing-owner",
    "info",
    "An initiative has no owning agency.",
    "Kegiatan belum memiliki perangkat daerah penanggung jawab.",
)
def _owner(ctx: Context) -> Iterator[Finding]:
    return _missing(
        ctx, "owner",
        ("{id} has no owner.",
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
        ("{id} has no dimension.", 'Set dimension on {id}, e.g. "Smart Governance".'),
        ("{id} belum memiliki dimensi.", 'Isi dimension pada {id}, mis. "Smart Governance".'),
    )  # fmt: skip


#: The rules of this family, in the order they run and are documented.
RULES = (_owner, _dimension)
