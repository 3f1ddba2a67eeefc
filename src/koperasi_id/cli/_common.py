"""What every subcommand shares: argument types, input options, output, the reader's warnings.

The warnings of the values inside records are :mod:`koperasi_id.cli._warnings`'s.

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
    from koperasi_id._io import FileFormat, InputRecord, RecordReader
    from koperasi_id.law import Overrides

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
#: The results could not be written (no such directory, no permission, disk full):
#: no output file was left that looks finished.
EXIT_OUTPUT = 3
#: Interrupted (Ctrl-C), as a shell reports death by SIGINT (128 + 2).
EXIT_INTERRUPTED = 130
#: Terminated (SIGTERM: kill, timeout, a job scheduler), 128 + 15.
EXIT_TERMINATED = 143


class UsageError(Exception):
    """A command-line value that argparse accepted but the job cannot use."""


# --- language -------------------------------------------------------------------

#: The languages of ``--lang``; Indonesian first, the default for the offices that use the CLI.
LANGUAGES = ("id", "en")


def add_lang_option(p: argparse.ArgumentParser) -> None:
    """``--lang id|en``: the language of labels, summaries, findings and the CLI's own messages."""
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="id",
        help="language of labels, summaries and findings (default: id, Indonesian)",
    )


def tr(lang: str, id_text: str, en_text: str) -> str:
    """``id_text`` or ``en_text``, by ``--lang``."""
    return en_text if lang == "en" else id_text


def mask(text: str) -> str:
    """Text that came from input, made safe to print; the one masking call of the CLI."""
    from koperasi_id._values import mask as masked

    return masked(text)


def shown_path(path: str | os.PathLike[str]) -> str:
    """A file path from the command line, masked like any input, for a message."""
    from koperasi_id._values import shown_path as shown

    return shown(path)


def shown_name(name: str) -> str:
    """A column or key name from the input, quoted and masked, for a message."""
    from koperasi_id._values import mask as masked

    return masked(name, limit=40, quote=True)


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
        f"{shown_name(text)} is not a date; write it as YYYY-MM-DD, e.g. 2021-10-12"
    )


def amount_arg(text: str) -> Decimal:
    """A rupiah amount as people type it (argparse type), read by the library's one rule."""
    from koperasi_id.errors import ValidationError
    from koperasi_id.money import parse_amount_text

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
            f"{shown_name(text)} is not a percentage; write the yearly rate as a number from 0 to 100, "
            "e.g. 6 or 6.5"
        )
    return Decimal(value)


def positive_int(text: str) -> int:
    """A whole number of 1 or more (argparse type)."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{shown_name(text)} is not a whole number of 1 or more")
    return int(text)


def non_negative_int(text: str) -> int:
    """A whole number of 0 or more (argparse type)."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{shown_name(text)} is not a whole number of 0 or more")
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


def add_rules_option(p: argparse.ArgumentParser) -> None:
    """``--rules FILE``, for every command that applies dated rules."""
    p.add_argument(
        "--rules",
        metavar="FILE",
        help="a .toml or .json file of added or replaced regimes (a reform) to apply "
        "instead of the shipped values; see the overrides guide",
    )


def overrides(args: argparse.Namespace) -> Overrides | None:
    """The ``--rules`` file, read and checked; None without the option."""
    path = getattr(args, "rules", None)
    if path is None:
        return None
    from koperasi_id.errors import ValidationError
    from koperasi_id.law import load_overrides

    try:
        return load_overrides(path)
    except ValidationError as err:
        details = "; ".join(p.describe(getattr(args, "lang", "id")) for p in err.problems)
        raise UsageError(f"--rules {mask(path)}: {details}") from None


#: ``--engine auto`` picks the columnar engine from this input size on (bytes):
#: about 10,000 proposal rows, where importing polars and deciding each
#: distinct combination of cells once is already repaid.
COLUMNS_FROM_BYTES = 1 << 20
ENGINES = ("auto", "rows", "columns")


def add_engine_option(p: argparse.ArgumentParser) -> None:
    """``--engine auto|rows|columns``; the output is the same byte for byte whichever runs."""
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default="auto",
        help="rows: record by record; columns: column-wise with polars (the 'polars' extra); "
        "auto (default): columns for inputs of 1 MiB or more when polars is installed. "
        "The output is identical",
    )


def columnar(args: argparse.Namespace, size: int, *, regular: bool = True) -> bool:
    """Whether ``--engine`` (and, for ``auto``, the input ``size``) asks for the columnar engine.

    Not for an input that is not a ``regular`` file (a pipe, a FIFO,
    ``<(zcat f.csv.gz)``): the columnar engine reads the file again in
    batches, a pipe can be read once. The record engine gives the same
    output byte for byte.
    """
    import importlib.util

    engine = getattr(args, "engine", "auto")
    if engine == "rows" or not regular:
        return False
    installed = importlib.util.find_spec("polars") is not None
    if engine == "columns":
        if not installed:
            raise UsageError(
                "--engine columns needs polars: pip install 'koperasi-id[polars]' "
                "(or use --engine rows)"
            )
        return True
    return installed and size >= COLUMNS_FROM_BYTES


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
                f"{what} {shown_path(out)} is the input file; writing it would destroy the input. "
                "Choose another output file"
            )


def refuse_bad_outputs(args: argparse.Namespace) -> None:
    """``--out`` and ``--summary-json``: neither the input file, nor both the same file."""
    refuse_overwriting(args.out, args.file)
    refuse_overwriting(args.summary_json, args.file, what="--summary-json")
    if args.summary_json is not None and (
        os.path.abspath(args.summary_json) == os.path.abspath(args.out)
        if args.out not in (None, "-") and args.summary_json != "-"
        else args.summary_json == "-" and args.out in (None, "-")
    ):
        raise UsageError(
            "--summary-json and --out name the same file (standard output when --out is "
            "not given); choose two files"
        )


@contextlib.contextmanager
def output(path: str | None) -> Iterator[TextIO]:
    """The one place an output file is opened (``None`` or ``-``: standard output).

    A file appears only once the job has finished (:func:`koperasi_id._io.atomic_output`):
    an interrupted or failed run leaves no file that looks complete.
    Standard output cannot be taken back; only the exit code tells.
    """
    if path in (None, "-"):
        yield sys.stdout
        return
    assert path is not None
    from koperasi_id._io import atomic_output

    with atomic_output(path) as handle:
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
    # Imports of modules, not of names from a package: this runs once a record.
    from koperasi_id.bpum._rows import structure_row
    from koperasi_id.errors import ValidationError

    if record.problems:
        return ValidationError(record.problems)
    if not record.flat:
        from koperasi_id.bpum._proposal import Proposal

        return structure(Proposal, record, lenient=lenient)
    return structure_row(record.data, lenient=lenient)


# --- warnings --------------------------------------------------------------------


def warn(reader_warnings: Sequence[str], path: Path) -> None:
    """Print the file reader's warnings on standard error."""
    for warning in reader_warnings:
        print(f"koperasi-id: warning: {shown_path(path)}: {warning}", file=sys.stderr)


def percent_text(value: Decimal | None) -> str:
    """A percentage for a report line; ``-`` when there is none (nothing to divide by)."""
    return "-" if value is None else f"{value}%"


# --- the wrong file ----------------------------------------------------------------

#: A CSV header naming fewer than this share of the required columns is the wrong file.
WRONG_FILE_SHARE = Decimal("0.5")
_FOUND_SHOWN = 8


def top_level_column(column: str) -> str:
    """The field a flat column fills: ``business.annual_sales`` and ``rat_records[0].held_on``
    fill ``business`` and ``rat_records``."""
    return column.split(".", 1)[0].split("[", 1)[0].strip().lower()


def required_fields(cls: type) -> list[str]:
    """The fields of attrs class ``cls`` that have no default: a record must give them."""
    import attrs

    return [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]


_DATA_DIGITS = 6


def _looks_like_data(cell: str) -> bool:
    # Column names hold few digits; an identifier, a date or an amount holds many.
    return sum(ch.isdigit() for ch in cell) >= _DATA_DIGITS


def check_header(
    reader: RecordReader,
    required: Sequence[str],
    *,
    what: str,
    lang: str,
    key: Callable[[str], str] = top_level_column,
    hint: str = "",
) -> None:
    """Refuse (exit 1) a CSV file whose header names fewer than half of ``required``.

    Such a file is another kind of file (or read with the wrong delimiter):
    every row would be invalid. A file missing a few required columns is
    still read, and each row reports what it lacks.
    """
    from koperasi_id._io import FileFormat, InputError

    if reader.format is not FileFormat.CSV or not reader.header or not required:
        return
    found = {key(h) for h in reader.header}
    present = [c for c in required if c in found]
    if len(present) >= WRONG_FILE_SHARE * len(required):
        return
    shown = ", ".join(shown_name(h) for h in reader.header[:_FOUND_SHOWN])
    if len(reader.header) > _FOUND_SHOWN:
        shown += tr(
            lang,
            f" dan {len(reader.header) - _FOUND_SHOWN} lagi",
            f" and {len(reader.header) - _FOUND_SHOWN} more",
        )
    expected = ", ".join(required)
    if any(_looks_like_data(h) for h in reader.header):
        hint += tr(
            lang,
            "; baris pertama tampak seperti data: apakah berkas ini tanpa baris header?",
            "; the first row looks like data: does the file lack a header row?",
        )
    raise InputError(
        tr(
            lang,
            f"{shown_path(reader.path)}: ini bukan berkas {what}: header-nya memuat {len(present)} dari "
            f"{len(required)} kolom wajib (diharapkan: {expected}; ditemukan: {shown}). "
            f"Periksa berkasnya{hint}",
            f"{shown_path(reader.path)}: this is not a {what} file: its header has {len(present)} of the "
            f"{len(required)} required columns (expected: {expected}; found: {shown}). "
            f"Check the file{hint}",
        )
    )


if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        # The value warnings moved to _warnings.py; their names stay readable
        # here (frames/_validity.py's doctest reads value_warnings), loaded on
        # first use: declaring the subcommands imports neither it nor _lazy.
        if name in ("WarningTally", "value_warnings"):
            from koperasi_id.cli import _warnings

            return getattr(_warnings, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
