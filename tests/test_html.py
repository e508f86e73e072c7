"""Tests of roadmap._html and of every notebook view built on it: all text is escaped."""

from __future__ import annotations

from datetime import date

import pytest

import roadmap as rm
from roadmap import Initiative, Milestone, Phase, Roadmap
from roadmap._html import table

HOSTILE = "<script>alert(1)</script>"


def test_table_escapes_and_marks_rows() -> None:
    """Headers, cells and the title line are escaped; None is an empty cell; bold rows."""
    html = table(["<h>", "b"], [["<x>", None], ["&", 1]], title="<T>", note=" & n",
                 bold=[True, False])  # fmt: skip
    assert html == (
        "<p><b>&lt;T&gt;</b> &amp; n</p><table><thead><tr><th>&lt;h&gt;</th><th>b</th></tr>"
        '</thead><tbody><tr style="font-weight:bold"><td>&lt;x&gt;</td><td></td></tr>'
        "<tr><td>&amp;</td><td>1</td></tr></tbody></table>"
    )


def hostile_plan() -> Roadmap:
    return Roadmap(
        name=HOSTILE, start=date(2019, 1, 1), ceilings={2019: 1},
        phases=[Phase(id="F1", name=HOSTILE)],
        initiatives=[Initiative(id="A", name=HOSTILE, duration="1 month", budget=5,
                                owner=HOSTILE, dimension=HOSTILE, funding=[HOSTILE],
                                phase="F1")],
        milestones=[Milestone(id="M", name=HOSTILE, after="A")],
    )  # fmt: skip


VIEWS = {
    "Roadmap": (lambda p: p, True),
    "Schedule": (rm.schedule, True),
    "Report": (rm.check, True),
    # The year and phase tables show years and phase ids, no names.
    **{f"BudgetTable-{by}": (lambda p, by=by: rm.budget_by(p, by), by not in ("year", "phase"))
       for by in ("year", "phase", "dimension", "owner", "funding")},
}  # fmt: skip


@pytest.mark.parametrize("name", list(VIEWS))
def test_every_notebook_view_escapes(name: str) -> None:
    """A <script> in any name or group never reaches notebook HTML as markup."""
    view, shows_names = VIEWS[name]
    html = view(hostile_plan())._repr_html_()  # type: ignore[operator]
    assert "<script>" not in html
    assert ("&lt;script&gt;" in html) == shows_names
