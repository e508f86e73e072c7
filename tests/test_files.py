"""Tests of roadmap._files: atomic writes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from roadmap._files import atomic_write


class TestAtomicWrite:
    def test_replaces_and_keeps_mode(self, tmp_path: Path) -> None:
        """An existing file is replaced whole and keeps its permissions."""
        path = tmp_path / "out.txt"
        path.write_text("old")
        os.chmod(path, 0o640)
        atomic_write(path, b"new")
        assert path.read_text() == "new"
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]

    def test_failure_leaves_old_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """If the rename fails, the old content stays and no temporary file is left."""
        path = tmp_path / "out.txt"
        path.write_text("old")

        def boom(*args: object) -> None:
            raise OSError("disk full")

        monkeypatch.setattr(os, "replace", boom)
        with pytest.raises(OSError, match="disk full"):
            atomic_write(path, b"new")
        assert path.read_text() == "old"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]

    def test_new_file_mode_follows_umask(self, tmp_path: Path) -> None:
        """A new file is readable like any other new file, not 0600."""
        path = tmp_path / "new.txt"
        atomic_write(path, b"x")
        umask = os.umask(0)
        os.umask(umask)
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
