"""``koperasi-id validate``: every invalid record of a file, with its line and field path."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any, TextIO

from koperasi_id.cli._common import (
    EXIT_OK,
    add_engine_option,
    add_input_options,
    add_lang_option,
    check_header,
    columnar,
    in_format,
    output,
    refuse_overwriting,
    required_fields,
    structure,
    structure_proposal,
    tr,
    warn,
)

if TYPE_CHECKING:
    from koperasi_id._io import RecordReader
    from koperasi_id.cli._warnings import WarningTally

#: Record types by their command-line name: (module, class), imported when the command runs.
ENTITY_TYPES: dict[str, tuple[str, str]] = {
    "cooperative": ("koperasi_id.cooperatives", "Cooperative"),
    "business": ("koperasi_id.msme", "Business"),
    "kur-application": ("koperasi_id.kur", "KurApplication"),
    "bpum-proposal": ("koperasi_id.bpum", "Proposal"),
}


def entity_type(name: str) -> type:
    """The class of the record type ``name`` (a key of :data:`ENTITY_TYPES`)."""
    import importlib

    module, attr = ENTITY_TYPES[name]
    cls: type = getattr(importlib.import_module(module), attr)
    return cls


def add_parser(subparsers: Any) -> None:
    """Declare ``validate`` and its arguments."""
    val = subparsers.add_parser("validate", help="list every invalid record of a file")
    val.add_argument("--type", required=True, choices=sorted(ENTITY_TYPES), help="record type")
    val.add_argument("file")
    val.add_argument(
        "--out", metavar="FILE", help="write the report here (default: standard output)"
    )
    val.add_argument("--format", choices=["text", "jsonl"], default="text")
    add_input_options(val)
    add_engine_option(val)
    add_lang_option(val)
    val.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the file and report every invalid record."""
    from koperasi_id._io import open_records
    from koperasi_id.cli._warnings import WarningTally

    lang = args.lang
    cls = entity_type(args.type)
    tally = WarningTally()
    refuse_overwriting(args.out, args.file)
    with open_records(args.file, in_format(args)) as reader:
        warn(reader.warnings, reader.path)
        check_header(
            reader,
            required_columns(args.type),
            what=args.type,
            lang=lang,
            hint=tr(lang, " dan --type", " and --type"),
        )
        with output(args.out) as out:
            invalid, total = _report(args, cls, reader, out, tally)
    tally.print(reader.path, lang)
    print(
        tr(
            lang,
            f"{total} rekaman, {total - invalid} valid, {invalid} tidak valid",
            f"{total} records, {total - invalid} valid, {invalid} invalid",
        ),
        file=sys.stderr,
    )
    return EXIT_OK


def required_columns(type_name: str) -> list[str]:
    """The columns a CSV file of ``type_name`` records must have (top-level fields)."""
    if type_name == "bpum-proposal":  # its own Indonesian columns
        from koperasi_id import bpum

        return [c for c in bpum.PROPOSAL_COLUMNS if c in bpum.REQUIRED_COLUMNS]
    return required_fields(entity_type(type_name))


def _report(
    args: argparse.Namespace, cls: type, reader: RecordReader, out: TextIO, tally: WarningTally
) -> tuple[int, int]:
    from koperasi_id._output import Progress

    if args.type in COLUMNAR_TYPES and columnar(args, reader.size, regular=reader.regular):
        return _report_columns(args, reader, out, tally)
    if args.type in _CONFIRMED_AT_A_GLANCE:
        return _report_confirming(args, reader, out, tally)
    invalid = total = 0
    progress = Progress(reader)
    for record in reader:
        progress.tick()
        total += 1
        invalid += _report_one(
            args, out, tally, record.line, structure(cls, record, lenient=args.lenient)
        )
    progress.done()
    return invalid, total


#: Record types whose plainly valid CSV row is confirmed from its cells (issue 18).
_CONFIRMED_AT_A_GLANCE = frozenset({"bpum-proposal", "cooperative"})


def _report_confirming(
    args: argparse.Namespace, reader: RecordReader, out: TextIO, tally: WarningTally
) -> tuple[int, int]:
    """Records one by one, a plainly valid CSV row confirmed at a glance.

    For BPUM proposals :class:`~koperasi_id.bpum._rowcells.QuietRows`, for
    cooperatives :class:`~koperasi_id.cooperatives._registry_rows.RegistryRows`
    answers a row that is a valid record without warnings (nothing to report,
    nothing to count); every other row is structured in full, so its problems
    and warnings are the general path's.
    """
    from koperasi_id._output import Progress

    lenient = args.lenient
    check: Any = None
    if args.type == "bpum-proposal":
        from koperasi_id.bpum._rowcells import QuietRows

        quiet = QuietRows(reader.header, lenient=lenient)
        check = quiet.check_cells if quiet.active else None

        def structure_one(record: Any) -> Any:
            return structure_proposal(record, lenient=lenient)

    else:
        from koperasi_id.cooperatives import Cooperative
        from koperasi_id.cooperatives._registry_rows import RegistryRows

        fast = RegistryRows(reader.header)
        check = fast.cells if fast.fast else None

        def structure_one(record: Any) -> Any:
            return structure(Cooperative, record, lenient=lenient)

    record_of = reader.record_of
    progress = Progress(reader)
    tick = progress.tick
    invalid = total = 0
    for item in reader.rows_or_records():
        tick()
        total += 1
        if isinstance(item, tuple):  # a clean CSV row: (line, cells)
            if check is not None and check(item[1]) is not None:
                continue
            record = record_of(*item)
        else:
            record = item
        invalid += _report_one(args, out, tally, record.line, structure_one(record))
    progress.done()
    return invalid, total


def _report_one(
    args: argparse.Namespace, out: TextIO, tally: WarningTally, line: int, result: Any
) -> int:
    """Report a structured record's problems, or count its warnings; 1 if it is invalid."""
    from koperasi_id.errors import ValidationError

    if isinstance(result, ValidationError):
        _write_problems(args, out, line, result)
        return 1
    tally.add_entity(result, line)
    return 0


def _write_problems(args: argparse.Namespace, out: TextIO, line: int, error: Any) -> None:
    for p in error.problems:
        if args.format == "jsonl":
            row = {
                "line": line,
                "path": p.path,
                "code": p.code,
                "message": p.message,
                "message_id": p.message_id,
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            out.write(f"{tr(args.lang, 'baris', 'line')} {line}: {p.describe(args.lang)}\n")


#: Record types ``--engine columns`` validates column-wise: every one (the list
#: stays for a type added later, which runs per record until it has a check).
COLUMNAR_TYPES = frozenset({"business", "cooperative", "kur-application", "bpum-proposal"})
#: Records per batch of the columnar engine: memory stays flat at any file size.
COLUMN_BATCH = 20_000


def _report_columns(
    args: argparse.Namespace, reader: RecordReader, out: TextIO, tally: WarningTally
) -> tuple[int, int]:
    """The same report column-wise, a batch of records at a time (``--engine columns``)."""
    from koperasi_id._output import Progress
    from koperasi_id.cli._warnings import value_warnings
    from koperasi_id.frames._records import record_frame
    from koperasi_id.frames._validity import validity_checker

    cls = entity_type(args.type)
    checker = validity_checker(args.type, lenient=args.lenient, warnings_of=value_warnings)
    invalid = total = 0
    progress = Progress(reader)

    def structure_one(record: Any) -> Any:
        if args.type == "bpum-proposal":
            return structure_proposal(record, lenient=args.lenient)
        return structure(cls, record, lenient=args.lenient)

    def flush(batch: list[Any]) -> int:
        frame, taken = record_frame(batch, structure_one)
        found, warned = checker.check(frame, lines=[r.line for r in batch], taken=taken)
        for line, problems in warned:
            tally.add_found(problems, line)
        for line, error in found:
            _write_problems(args, out, line, error)
        return len(found)

    try:
        batch: list[Any] = []
        for record in reader:
            progress.tick()
            total += 1
            batch.append(record)
            if len(batch) >= COLUMN_BATCH:
                invalid += flush(batch)
                batch = []
        if batch:
            invalid += flush(batch)
    finally:
        checker.close()
    progress.done()
    return invalid, total
