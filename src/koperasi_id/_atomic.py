"""Output files that appear only when complete (private; use it through ``koperasi_id._io``)."""

from __future__ import annotations

import contextlib
import io
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TextIO

from koperasi_id._values import shown_path
from koperasi_id.errors import KoperasiIdError

__all__ = ["OutputError", "atomic_output"]


class OutputError(KoperasiIdError):
    """An output file that could not be written (no such directory, no permission, disk full)."""


def _error(path: str | os.PathLike[str], exc: OSError) -> OutputError:
    reason = exc.strerror or type(exc).__name__
    return OutputError(f"{shown_path(path)}: cannot write the output file ({reason})")


class _Guarded(io.TextIOWrapper):
    """A text file whose write errors are :class:`OutputError`, naming the file."""

    label: str = ""

    def write(self, s: str) -> int:
        try:
            return super().write(s)
        except OSError as exc:
            raise _error(self.label, exc) from None

    def flush(self) -> None:
        try:
            super().flush()
        except OSError as exc:
            raise _error(self.label, exc) from None


def _text(binary: IO[bytes], label: str, encoding: str, newline: str) -> _Guarded:
    text = _Guarded(binary, encoding=encoding, newline=newline)
    text.label = label
    return text


def _new_file_mode(target: str) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        # What open() would have given a new file: 0o666 less the umask.
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_output(
    path: str | os.PathLike[str], *, encoding: str = "utf-8", newline: str = ""
) -> Iterator[TextIO]:
    """Open ``path`` for text output that appears only when it is complete.

    The text goes to a hidden temporary file beside ``path`` (same
    directory, so the same file system), which is flushed to disk and
    renamed over ``path`` (:func:`os.replace`, atomic) when the ``with``
    block ends normally. When the block raises anything, ``KeyboardInterrupt``
    included, the temporary file is removed and ``path`` is left as it was:
    nothing that looks finished is left behind. Two writers of the same path
    each write their own file; the last to finish wins, whole.

    A path that exists and is not a regular file (``/dev/null``, a FIFO, a
    terminal) cannot be renamed over, so it is written directly. Every
    failure to create, write or rename is an :class:`OutputError` naming the
    path, never a bare :class:`OSError`.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.csv"
    >>> with atomic_output(target) as out:
    ...     _ = out.write("a,b\\n")
    ...     target.exists()
    False
    >>> target.read_text()
    'a,b\\n'
    >>> with atomic_output(target) as out:
    ...     _ = out.write("half")
    ...     raise ValueError("interrupted")
    Traceback (most recent call last):
    ValueError: interrupted
    >>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
    ('a,b\\n', ['out.csv'])
    """
    # Renaming over a symbolic link would replace the link, not the file it names.
    target = os.path.realpath(path)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG
    except OSError as exc:
        raise _error(path, exc) from None
    if stat.S_ISDIR(mode):
        raise OutputError(f"{shown_path(path)}: cannot write the output file (it is a directory)")
    if not stat.S_ISREG(mode):
        with _direct(path, target, encoding, newline) as handle:
            yield handle
        return
    directory, name = os.path.split(target)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise _error(path, exc) from None
    try:
        with contextlib.suppress(OSError):
            os.fchmod(fd, _new_file_mode(target))
        handle = _text(open(fd, "wb"), str(path), encoding, newline)  # noqa: SIM115 - closed below
    except BaseException:
        os.close(fd)
        os.unlink(temporary)
        raise
    try:
        yield handle
        handle.flush()
        try:
            os.fsync(handle.fileno())
            handle.close()
            os.replace(temporary, target)
        except OSError as exc:
            raise _error(path, exc) from None
    except BaseException:
        with contextlib.suppress(Exception):
            handle.close()
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def _direct(
    path: str | os.PathLike[str], target: str, encoding: str, newline: str
) -> Iterator[TextIO]:
    try:
        handle = _text(Path(target).open("wb"), str(path), encoding, newline)  # noqa: SIM115
    except OSError as exc:
        raise _error(path, exc) from None
    try:
        yield handle
        handle.flush()
    finally:
        with contextlib.suppress(Exception):
            handle.close()
