"""Writing files: atomically, through a temporary file in the target's folder and a rename."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

__all__ = ["atomic_write", "atomic_write_all", "is_stream"]


def is_stream(path: str | os.PathLike[str]) -> bool:
    """Whether *path* is a FIFO, a device or a socket (links followed): not a file."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode)


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write *data* to *path* through a temporary file and a rename.

    The file gets the permissions a new file would get (or keeps those of the file it
    replaces); a failure leaves any existing file untouched.  A symbolic link is followed
    (the file it points to is replaced, the link kept); a FIFO or a device such as
    ``/dev/stdout`` is written to as a stream.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "plan.txt"
    >>> atomic_write(target, b"hello")
    >>> target.read_bytes()
    b'hello'
    """
    target = Path(path)
    if is_stream(target):  # a FIFO, a terminal, /dev/null: a stream to write to
        with open(target, "wb") as stream:
            stream.write(data)
        return
    target, mode = _resolved(target)
    if _write_unnamed(target, data, mode):
        return
    fd, tmp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _resolved(target: Path) -> tuple[Path, int]:
    """The file to replace (a symbolic link followed) and the permissions it gets.

    Those of the file it replaces, or those a new file would get; a folder that does not
    exist is named as such.
    """
    if target.is_symlink():  # write the file the link points to, and keep the link
        target = Path(os.path.realpath(target))
    if not target.parent.is_dir():
        raise FileNotFoundError(2, "no such folder", str(target.parent))
    try:
        return target, target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return target, 0o666 & ~umask


def _write_unnamed(target: Path, data: bytes, mode: int) -> bool:
    """Write through a file with no name until it is whole (Linux ``O_TMPFILE``).

    A process killed while writing leaves nothing behind: the file gets a name only
    after its last byte is on disk, and then at once the target's.  ``False`` where the
    system or the file system cannot (the caller then uses a named temporary file).
    """
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        fd = os.open(target.parent, flag | os.O_WRONLY, 0o600)
    except OSError:  # a file system without O_TMPFILE
        return False
    tmp = target.parent / f".{target.name}.{os.getpid()}.{id(data):x}.tmp"
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            os.fchmod(fh.fileno(), mode)
            # linkat(AT_SYMLINK_FOLLOW) names the open file; CPython calls linkat, not
            # link (which would link the /proc symlink itself), when a dir_fd is given.
            folder = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.link(f"/proc/self/fd/{fh.fileno()}", tmp.name, dst_dir_fd=folder,
                        follow_symlinks=True)  # fmt: skip
            finally:
                os.close(folder)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return True


def atomic_write_all(files: Sequence[tuple[str | os.PathLike[str], bytes]]) -> None:
    """Write several files as a set: every one whole, or (on a failure) none changed.

    Each is first written whole to a temporary file in its folder; only when all are
    written are they renamed over their targets, one after the other (a rename cannot
    fail for want of space).  Used for a CSV plan and its side files.
    """
    written: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            target, mode = _resolved(Path(path))
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                       suffix=".tmp")  # fmt: skip
            written.append((tmp, target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, mode)
    except BaseException:
        for tmp, _ in written:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise
    for tmp, target in written:
        os.replace(tmp, target)
