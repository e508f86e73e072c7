"""Tests of docs/: the notebook runs and shows the HTML views."""

from __future__ import annotations

from pathlib import Path

import pytest

DOCS = Path(__file__).parent.parent / "docs"


@pytest.mark.slow
def test_notebook_runs_and_shows_tables() -> None:
    """docs/notebooks/validate_plan.ipynb executes, shows the tables and the chart inline."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    path = DOCS / "notebooks" / "validate_plan.ipynb"
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    html = [
        out["data"]["text/html"]
        for cell in nb.cells if cell.cell_type == "code"
        for out in cell.get("outputs", []) if "text/html" in out.get("data", {})
    ]  # fmt: skip
    assert len(html) >= 4  # roadmap, schedule, report, budget
    assert "Peta Jalan Smart City" in html[0]
    assert "over-ceiling" in html[2]
    errors = [out for cell in nb.cells for out in cell.get("outputs", [])
              if out.get("output_type") == "error"]  # fmt: skip
    assert not errors
    images = [out for cell in nb.cells for out in cell.get("outputs", [])
              if "image/png" in out.get("data", {})]  # fmt: skip
    assert len(images) == 1  # the Gantt chart shows inline


def test_cli_reference_is_generated_from_the_parser() -> None:
    """The docs hook replaces each CLI marker with that command's help."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("hooks", DOCS / "hooks.py")
    assert spec is not None
    assert spec.loader is not None
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    page = (DOCS / "reference" / "cli.md").read_text()
    rendered = hooks.on_page_markdown(page)
    assert "<!-- cli:" not in rendered
    assert "usage: roadmap gantt" in rendered
    assert "--status-date YYYY-MM-DD" in rendered
