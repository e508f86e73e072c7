"""Shared fixtures and Hypothesis settings."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from roadmap import Initiative, Milestone, Roadmap

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

DATA = Path(__file__).parent / "data"
EXAMPLES = Path(__file__).parent.parent / "examples"


def make_plan(
    *items: Initiative | Milestone, start: date = date(2019, 1, 1), **kw: object
) -> Roadmap:
    """A roadmap called 'test' holding *items*."""
    return Roadmap(
        name="test",
        start=start,
        initiatives=[i for i in items if isinstance(i, Initiative)],
        milestones=[m for m in items if isinstance(m, Milestone)],
        **kw,  # type: ignore[arg-type]
    )


def task(id: str, duration: object = 10, **kw: object) -> Initiative:
    """An initiative named after its id."""
    return Initiative(id=id, name=f"Task {id}", duration=duration, **kw)  # type: ignore[arg-type]


@pytest.fixture
def small_plan_path() -> Path:
    """The small example plan shipped in examples/."""
    return EXAMPLES / "small_plan.toml"
