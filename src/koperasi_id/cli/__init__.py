"""The ``koperasi-id`` command: the library's main jobs on files.

Exit codes: ``0`` the job ran (even when rows were ineligible or invalid: they
are reported, never dropped); ``1`` an input file could not be read at all
(missing, empty, not UTF-8 in its header, duplicate columns, no header row);
``2`` bad usage (unknown option, bad date or amount on the command line, a
date no rule covers, an output that would overwrite the input); ``3`` the
results could not be written (no such directory, no permission, disk full);
``130`` interrupted (Ctrl-C); ``143`` terminated (SIGTERM). On ``1``, ``3``,
``130`` and ``143`` no output file is left that looks finished.

Each subcommand group is one module of this package with ``add_parser`` (its
arguments) and ``run`` (the job). Declaring them imports no domain module, so
``koperasi-id --help`` starts fast; ``run`` imports what its job needs.

Run ``koperasi-id --help`` or see the CLI page of the docs.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NoReturn

from koperasi_id import __version__
from koperasi_id.cli._common import (
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_TERMINATED,
    EXIT_USAGE,
    UsageError,
)

if TYPE_CHECKING:
    from koperasi_id.errors import Language

__all__ = ["main"]

#: The subcommand modules of this package, in the order ``--help`` lists them.
#: A new subcommand is a module with ``add_parser`` and ``run``, and one line here.
COMMANDS: tuple[str, ...] = (
    "cooperatives",
    "bpum",
    "kur",
    "msme",
    "validate",
    "law",
    "schema",
)


class _Parser(argparse.ArgumentParser):
    """argparse, with its own error messages masked like every message that quotes input.

    argparse quotes what was typed: an option value it cannot convert or
    choose (``invalid int value: '3171...'``), an unknown argument raw. Those
    are input (a NIK typed in the wrong place, an escape sequence), so the
    message goes through the one masking function. Subcommand parsers are of
    this class too (argparse makes them of their parent's class).
    """

    def error(self, message: str) -> NoReturn:
        from koperasi_id.cli._common import mask

        super().error(mask(message))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for the docs and tests)."""
    parser = _Parser(
        prog="koperasi-id",
        description="Indonesian cooperative, MSME, KUR and BPUM rules on your files.",
        epilog="Exit codes: 0 done (invalid or ineligible rows are reported, not fatal); "
        "1 an input file could not be read; 2 bad usage; 3 the output could not be written; "
        "130 interrupted; 143 terminated. Output files appear only when complete.",
    )
    parser.add_argument("--version", action="version", version=f"koperasi-id {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").add_parser(sub)
    return parser


class _Terminated(BaseException):
    """SIGTERM, raised where the job is, so that its clean-up (temporary files) runs."""


def _terminate(_signum: int, _frame: object) -> None:
    raise _Terminated


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    # By default SIGTERM (kill, timeout, a scheduler) ends the process on the
    # spot, leaving the temporary output file; as an exception it unwinds.
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread: signals are not ours to take
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    with _terminate_cleanly():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        code: int = args.run(args)
        sys.stdout.flush()  # a full disk behind standard output shows here, not at exit
    except UsageError as err:
        print(f"koperasi-id: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # `koperasi-id ... | head`: the reader left; that is not an error.
        # Point stdout at devnull so the interpreter's final flush does not complain.
        _quiet_stdout()
        return EXIT_OK
    except (KeyboardInterrupt, _Terminated) as stop:
        print(
            f"koperasi-id: {'interrupted' if isinstance(stop, KeyboardInterrupt) else 'terminated'}"
            "; unfinished output files were removed (standard output, if used, is incomplete)",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED if isinstance(stop, KeyboardInterrupt) else EXIT_TERMINATED
    except OSError as err:
        # Standard output (an output *file* is an OutputError): nothing to name.
        reason = err.strerror or type(err).__name__  # io.UnsupportedOperation has no errno
        print(f"koperasi-id: error: cannot write the output ({reason})", file=sys.stderr)
        _quiet_stdout()
        return EXIT_OUTPUT
    except ValueError as err:  # the library's errors are ValueErrors; others propagate
        return _library_error(err, getattr(args, "lang", "id"))
    return code


def _quiet_stdout() -> None:
    # Point stdout at devnull so the interpreter's final flush does not complain.
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _library_error(err: ValueError, lang: Language) -> int:
    # Imported here: by now the job has loaded them, and --help never needs them.
    from koperasi_id._io import InputError, OutputError
    from koperasi_id.errors import KoperasiIdError, NoRuleInForceError, ValidationError

    if isinstance(err, InputError):
        print(f"koperasi-id: error: {err}", file=sys.stderr)
        return EXIT_INPUT
    if isinstance(err, OutputError):
        print(f"koperasi-id: error: {err}", file=sys.stderr)
        return EXIT_OUTPUT
    if isinstance(err, NoRuleInForceError):
        # The library's message advises passing a Timeline, which the command cannot do.
        spans = ", ".join(f"{a}..{b or 'open'}" for a, b in err.covered)
        print(
            f"koperasi-id: error: no {err.table} rule in force on {err.as_of.isoformat()}; "
            f"the library knows it for {spans or 'no dates'}: choose a date in one of these",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if isinstance(err, ValidationError):  # bad input: its problems in the language asked for
        print(f"koperasi-id: error: {err.text(lang)}", file=sys.stderr)
        return EXIT_USAGE
    if isinstance(err, KoperasiIdError):
        print(f"koperasi-id: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    raise err
