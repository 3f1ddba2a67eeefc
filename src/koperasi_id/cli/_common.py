"""What every subcommand shares: argument types, input options, output, warnings.

Start-up stays fast because nothing here imports a domain module, the file
reader or the serializer at import time: each helper imports what it needs
when it runs (``koperasi-id --help`` never pays for them).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from koperasi_id._io import FileFormat, InputRecord
    from koperasi_id.errors import Problem

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A command-line value that argparse accepted but the job cannot use."""


# --- argument types -----------------------------------------------------------


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def date_arg(text: str) -> date:
    """A ``YYYY-MM-DD`` date (argparse type)."""
    # fromisoformat alone would also take week dates ("2021-W41-2") and compact
    # forms; a report date is written the one way the docs show.
    if not _ISO_DAY.fullmatch(text):
        return _reject_date(text)
    try:
        return date.fromisoformat(text)
    except ValueError:
        return _reject_date(text)


def _reject_date(text: str) -> date:
    raise argparse.ArgumentTypeError(
        f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2021-10-12"
    )


def parse_amount_text(text: str) -> Decimal:
    """Amount text as people type it; the one place the CLI reads money."""
    from koperasi_id.money import parse_rupiah

    return parse_rupiah(text)


def amount_arg(text: str) -> Decimal:
    """A rupiah amount (argparse type)."""
    from koperasi_id.errors import ValidationError

    try:
        return parse_amount_text(text)
    except ValidationError as err:
        raise argparse.ArgumentTypeError(err.problems[0].message) from None


_PERCENT = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def percent_arg(text: str) -> Decimal:
    """A yearly rate in percent, 0 to 100, with or without ``%`` (argparse type)."""
    value = text.strip().removesuffix("%").strip()
    if not _PERCENT.fullmatch(value) or Decimal(value) > 100:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a percentage; write the yearly rate as a number from 0 to 100, "
            "e.g. 6 or 6.5"
        )
    return Decimal(value)


def positive_int(text: str) -> int:
    """A whole number of 1 or more (argparse type)."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def non_negative_int(text: str) -> int:
    """A whole number of 0 or more (argparse type)."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 0 or more")
    return int(text)


class LazyChoices(Sequence[Any]):
    """Choices read from the library (an enum, a law table) only when argparse looks.

    Declaring every subcommand must not import the domain modules; the values
    are loaded when a value is checked or a usage line is printed.
    """

    def __init__(self, load: Callable[[], Iterable[Any]]) -> None:
        self._load = load
        self._values: list[Any] | None = None

    def _all(self) -> list[Any]:
        if self._values is None:
            self._values = list(self._load())
        return self._values

    def __getitem__(self, index: Any) -> Any:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __contains__(self, value: object) -> bool:
        return value in self._all()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._all())


def lazy_choices(action: argparse.Action, load: Callable[[], Iterable[Any]]) -> None:
    """Give ``action`` choices loaded on first use.

    Set after ``add_argument``, which would otherwise list the choices at once
    to check the metavar.
    """
    action.choices = LazyChoices(load)


def add_input_options(p: argparse.ArgumentParser) -> None:
    """``--input-format`` and ``--lenient``, for every command that reads a record file."""
    p.add_argument(
        "--input-format",
        choices=["csv", "jsonl", "json"],
        help="input format (default: from the extension; .jsonl is JSON Lines, else CSV)",
    )
    p.add_argument("--lenient", action="store_true", help="ignore unknown columns or keys")


# --- input and output ------------------------------------------------------------


def in_format(args: argparse.Namespace) -> FileFormat | None:
    """The ``--input-format`` asked for, or None to guess from the extension."""
    from koperasi_id._io import FileFormat

    return FileFormat(args.input_format) if getattr(args, "input_format", None) else None


def out_format(args: argparse.Namespace, default: str = "csv") -> FileFormat:
    """The output format: ``--format``, else from ``--out``'s extension, else ``default``."""
    from koperasi_id._io import FileFormat

    if args.format:
        return FileFormat(args.format)
    if getattr(args, "out", None) not in (None, "-"):
        return FileFormat.from_path(args.out)
    return FileFormat(default)


def refuse_overwriting(out: str | None, source: str, *, what: str = "--out") -> None:
    """Refuse an output path that is the input file."""
    # Opening the output truncates it; if it is the input, the rows not yet
    # read are lost and the output has fewer rows than the input had.
    if out in (None, "-"):
        return
    assert out is not None
    with contextlib.suppress(OSError):
        if Path(out).exists() and os.path.samefile(out, source):
            raise UsageError(
                f"{what} {out} is the input file; writing it would destroy the input. "
                "Choose another output file"
            )


@contextlib.contextmanager
def output(path: str | None) -> Iterator[TextIO]:
    """The one place an output file is opened (``None`` or ``-``: standard output)."""
    if path in (None, "-"):
        yield sys.stdout
        return
    assert path is not None
    from koperasi_id._io import InputError

    try:
        handle = Path(path).open("w", encoding="utf-8", newline="")  # noqa: SIM115 - yielded
    except OSError as exc:
        raise InputError(f"{path}: cannot write the output file ({exc.strerror})") from None
    with handle:
        yield handle


# --- records -------------------------------------------------------------------


def structure(cls: type, record: InputRecord, *, lenient: bool) -> Any:
    """The entity for one input record, or a ValidationError with every problem."""
    from koperasi_id import rows
    from koperasi_id.errors import ValidationError
    from koperasi_id.serialization import from_dict

    if record.problems:
        return ValidationError(record.problems)
    try:
        if record.flat:
            # Problems name the CSV columns, even when empty item groups renumber a list.
            return rows.structure(cls, record.data, lenient=lenient)
        return from_dict(cls, record.data, lenient=lenient)
    except ValidationError as err:
        return err


def structure_proposal(record: InputRecord, *, lenient: bool) -> Any:
    """A BPUM proposal from its Indonesian columns (CSV) or the wire format (JSON)."""
    from koperasi_id import bpum
    from koperasi_id.errors import ValidationError

    if record.problems:
        return ValidationError(record.problems)
    if not record.flat:
        return structure(bpum.Proposal, record, lenient=lenient)
    return bpum.structure_row(record.data, lenient=lenient)


def problem_text(p: Problem) -> str:
    """One problem as a report line: path, message and code."""
    return f"{p.path}: {p.message} [{p.code}]"


# --- warnings --------------------------------------------------------------------


def warn(reader_warnings: Sequence[str], path: Path) -> None:
    """Print the file reader's warnings on standard error."""
    for warning in reader_warnings:
        print(f"koperasi-id: warning: {path}: {warning}", file=sys.stderr)


def warn_if_foreign(header: Sequence[str], cls: type, path: Path) -> None:
    """Say once, up front, when no column of the header names a field of ``cls``."""
    from koperasi_id import rows

    # A file of another kind makes every row invalid, each listing every
    # column; one line up front says what is wrong.
    if not header:
        return
    known = rows.columns(cls, list_items=1)
    fields = {c.split(".", 1)[0].split("[", 1)[0] for c in known}
    if not any(h.split(".", 1)[0].split("[", 1)[0] in fields for h in header):
        print(
            f"koperasi-id: warning: {path}: no column of the header names a field of "
            f"{cls.__name__} (expected columns such as {', '.join(known[:4])}); "
            "is this the right file and --type?",
            file=sys.stderr,
        )
