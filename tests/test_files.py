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


class TestWhatIsThere:
    """-o respects what the path already is: a link, a FIFO, a device, a missing folder."""

    def test_a_link_is_followed_and_kept(self, tmp_path: Path) -> None:
        real = tmp_path / "real.txt"
        real.write_bytes(b"old")
        link = tmp_path / "link.txt"
        link.symlink_to(real)
        atomic_write(link, b"new")
        assert link.is_symlink()
        assert real.read_bytes() == b"new"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "real.txt"]

    def test_a_fifo_is_written_to(self, tmp_path: Path) -> None:
        import threading

        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        got: list[bytes] = []
        reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
        reader.start()
        atomic_write(fifo, b"streamed")
        reader.join(timeout=10)
        assert got == [b"streamed"]
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a FIFO, not replaced by a file

    def test_a_device(self) -> None:
        atomic_write("/dev/null", b"nothing")
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)

    def test_a_missing_folder_is_named(self, tmp_path: Path) -> None:
        with pytest.raises(FileNotFoundError) as err:
            atomic_write(tmp_path / "nope" / "x.txt", b"x")
        assert err.value.filename == str(tmp_path / "nope")
        assert "no such folder" in str(err.value)


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="unnamed files are Linux-only")
@pytest.mark.parametrize("delay", [0.0, 0.05, 0.2])
def test_a_kill_while_writing_leaves_the_old_file(tmp_path: Path, delay: float) -> None:
    """SIGKILL in the middle of writing 200 MB: the old file or the new, whole; no debris."""
    import signal
    import subprocess
    import sys
    import time

    target = tmp_path / "plan.toml"
    target.write_bytes(b"old")
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; from roadmap._files import atomic_write; "
         "data = b'x' * 200_000_000; print('ready', flush=True); "
         f"atomic_write({str(target)!r}, data)"],
        stdout=subprocess.PIPE,
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline() == b"ready\n"
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert [p.name for p in tmp_path.iterdir()] == ["plan.toml"]
    size = target.stat().st_size
    assert size in (3, 200_000_000)
    if size == 3:
        assert target.read_bytes() == b"old"


def _writing(pid: int, folder: Path) -> bool:
    """Whether process *pid* holds a file open in *folder* (the unnamed one being written)."""
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    for fd in fds:
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith(f"{folder}/"):  # O_TMPFILE: "<folder>/#123 (deleted)"
            return True
    return False


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd") or not hasattr(os, "O_TMPFILE"),
                    reason="watches /proc for the file being written (Linux)")  # fmt: skip
@pytest.mark.parametrize(
    ("args", "suffix", "items"),
    [
        (["export", "{plan}", "--to", "toml", "-o", "{out}"], "toml", 4000),
        (["export", "{plan}", "--to", "xlsx", "-o", "{out}"], "xlsx", 2000),
        (["gantt", "{plan}", "-o", "{out}"], "pdf", 150),
    ],
    ids=["toml", "xlsx", "pdf"],
)
def test_a_command_killed_while_it_writes(
    tmp_path: Path, args: list[str], suffix: str, items: int
) -> None:
    """SIGKILL to the command line while its output is being written (issue 17).

    The kill lands when the process holds the unnamed file open in the output's folder:
    the old file stays, whole, and nothing else is left in the folder.  Then the command
    runs to its end and writes a whole new file.
    """
    import subprocess
    import sys
    import time

    import roadmap as rm
    from bench._plans import random_plan

    plan = tmp_path / "in" / "plan.toml"
    plan.parent.mkdir()
    rm.save(random_plan(items), plan)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / f"result.{suffix}"
    argv = [sys.executable, "-m", "roadmap",
            *(a.format(plan=plan, out=out) for a in args)]  # fmt: skip
    caught = 0
    for _ in range(3):
        out.write_bytes(b"old")
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while child.poll() is None and time.monotonic() < deadline:
            if _writing(child.pid, folder):
                child.kill()
                caught += 1
                break
        child.wait()
        assert [p.name for p in folder.iterdir()] == [out.name]
        data = out.read_bytes()
        if data != b"old":  # it finished before the watch saw the file: it must be whole
            break
        if caught:
            break
    assert caught or out.read_bytes() != b"old"
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    data = out.read_bytes()
    if suffix == "pdf":
        assert data.startswith(b"%PDF")
        assert data.rstrip().endswith(b"%%EOF")
    else:
        assert len(rm.load(out).items) == items
    assert [p.name for p in folder.iterdir()] == [out.name]


class TestWriteAll:
    def test_all_or_none(self, tmp_path: Path) -> None:
        """A failure before the renames leaves every file as it was, and no debris."""
        from roadmap._files import atomic_write_all

        a, b = tmp_path / "a.csv", tmp_path / "b.csv"
        a.write_bytes(b"old a")
        b.write_bytes(b"old b")
        with pytest.raises(FileNotFoundError, match="no such folder"):
            atomic_write_all([(a, b"new a"), (b, b"new b"), (tmp_path / "nope" / "c", b"c")])
        assert (a.read_bytes(), b.read_bytes()) == (b"old a", b"old b")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]
        atomic_write_all([(a, b"new a"), (b, b"new b")])
        assert (a.read_bytes(), b.read_bytes()) == (b"new a", b"new b")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]
