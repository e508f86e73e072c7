"""Tests of the package surface: exports, version and import cost."""

from __future__ import annotations

import subprocess
import sys

import roadmap


def test_all_is_exported() -> None:
    """Every name in __all__ exists, and dir() shows exactly __all__."""
    for name in roadmap.__all__:
        assert hasattr(roadmap, name), name
    assert sorted(dir(roadmap)) == sorted(roadmap.__all__)


def test_import_does_not_pull_matplotlib_or_networkx() -> None:
    """Import roadmap stays light: no matplotlib, no networkx, no dateutil parser."""
    code = (
        "import sys, roadmap\n"
        "heavy = [m for m in ('matplotlib', 'networkx', 'numpy', 'pandas', 'yaml') "
        "if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_version_is_a_string() -> None:
    """One version source."""
    from roadmap._version import __version__

    assert roadmap.__version__ == __version__
