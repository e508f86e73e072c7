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


def test_version_is_the_packaged_one() -> None:
    """The version comes from one source, _version.py, and is what the installed metadata says."""
    from importlib.metadata import version

    assert roadmap.__version__ == version("roadmap")


def test_import_does_not_pull_openpyxl_or_the_cli() -> None:
    """Spreadsheet support and the command line load only when used."""
    code = (
        "import sys, roadmap\n"
        "print(','.join(m for m in ('openpyxl', 'roadmap.cli', 'roadmap.plot', 'argparse') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
