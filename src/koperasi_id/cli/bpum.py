"""``koperasi-id bpum screen``: one result row per BPUM proposal, and a summary."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any, TextIO

from koperasi_id.cli._common import (
    EXIT_OK,
    add_engine_option,
    add_input_options,
    add_lang_option,
    add_rules_option,
    check_header,
    columnar,
    in_format,
    lazy_choices,
    out_format,
    output,
    overrides,
    refuse_bad_outputs,
    structure_proposal,
    tr,
    warn,
)

if TYPE_CHECKING:
    from koperasi_id._io import FileFormat, RecordReader
    from koperasi_id.cli._warnings import WarningTally


def _years() -> tuple[int, ...]:
    from koperasi_id import bpum

    return bpum.programme_years()


def _other_bank_credit_rules() -> list[str]:
    from koperasi_id import bpum

    return [rule.value for rule in bpum.OtherBankCreditRule]


def add_parser(subparsers: Any) -> None:
    """Declare ``bpum screen`` and its arguments."""
    bp = subparsers.add_parser("bpum", help="BPUM aid proposals")
    bp_sub = bp.add_subparsers(dest="action", required=True, metavar="ACTION")
    screen = bp_sub.add_parser(
        "screen", help="screen a proposal file: one result row per input row"
    )
    screen.add_argument(
        "file", help="proposal file: CSV with the documented columns, or JSON Lines"
    )
    year = screen.add_argument("--year", type=int, required=True, help="budget year")
    lazy_choices(year, _years)
    screen.add_argument(
        "--out", metavar="FILE", help="write results here (default: standard output)"
    )
    screen.add_argument(
        "--format",
        choices=["csv", "jsonl", "json"],
        help="output format (default from --out, else csv)",
    )
    screen.add_argument(
        "--summary-json", metavar="FILE", help="write the summary as JSON here instead of stderr"
    )
    rule = screen.add_argument(
        "--other-bank-credit",
        help="2021 only: whether a non-KUR bank credit excludes the applicant "
        "(default: teks_peraturan, the regulation text: it does not)",
    )
    lazy_choices(rule, _other_bank_credit_rules)
    add_input_options(screen)
    add_engine_option(screen)
    add_lang_option(screen)
    add_rules_option(screen)
    screen.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Screen the file, write one row per record, and report the summary."""
    from koperasi_id import bpum
    from koperasi_id._io import open_records
    from koperasi_id.cli._warnings import WarningTally
    from koperasi_id.serialization import to_dict

    fmt = out_format(args)
    summary = bpum.ScreeningSummary(year=args.year)
    rule = bpum.OtherBankCreditRule(args.other_bank_credit) if args.other_bank_credit else None
    options: dict[str, Any] = {"year": args.year}
    if rule is not None:
        options["other_bank_credit_rule"] = rule
    reform = overrides(args)
    if reform is not None:
        options["rules"] = reform.timeline("bpum.programme")
    bpum.amount(
        args.year, rules=options.get("rules", bpum.PROGRAMMES)
    )  # an unknown year is a usage error before any file is read
    refuse_bad_outputs(args)
    lang = args.lang
    tally = WarningTally()
    with contextlib.ExitStack() as files:
        reader = files.enter_context(open_records(args.file, in_format(args)))
        warn(reader.warnings, reader.path)
        check_header(
            reader,
            [c for c in bpum.PROPOSAL_COLUMNS if c in bpum.REQUIRED_COLUMNS],
            what=tr(lang, "usulan BPUM", "BPUM proposal"),
            lang=lang,
        )
        # The summary file is opened before the output, so an unwritable path
        # fails before the screening runs rather than after it.
        summary_out = files.enter_context(output(args.summary_json)) if args.summary_json else None
        out = files.enter_context(output(args.out))
        _screen_file(args, reader, out, fmt, summary=summary, options=options, tally=tally)
        if summary_out is not None:
            body = to_dict(summary)
            body["warnings"] = tally.as_json()
            summary_out.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    tally.print(reader.path, lang)
    if summary_out is None:
        _print_screen_summary(summary, sys.stderr, lang)
    return EXIT_OK


def _screen_file(
    args: argparse.Namespace,
    reader: RecordReader,
    out: TextIO,
    fmt: FileFormat,
    *,
    summary: Any,
    options: dict[str, Any],
    tally: WarningTally,
) -> None:
    from koperasi_id import bpum
    from koperasi_id._io import FileFormat
    from koperasi_id._output import Progress, RecordWriter

    progress = Progress(reader)
    if columnar(args, reader.size, regular=reader.regular):
        writer = RecordWriter(out, fmt, columns=list(bpum.SCREENING_COLUMNS))
        _screen_columns(
            args, reader, writer, progress, summary=summary, options=options, tally=tally
        )
        writer.close()
        progress.done()
        return
    # The rows are written to memory and handed to the output a block at a
    # time: one write through the output's layers per block, not per row.
    block = io.StringIO()
    writer = RecordWriter(block, fmt, columns=list(bpum.SCREENING_COLUMNS))
    # Results carry line numbers (index and duplicate_of), so memory does not
    # grow with the file beyond the NIK index that duplicate detection needs.
    with _row_screening(
        reader, options, summary, lenient=args.lenient, fast=writer.format is FileFormat.CSV
    ) as screening:
        _screen_rows(args, reader, writer, progress, screening, tally=tally, out=out)
    writer.close()
    out.write(block.getvalue())
    out.flush()
    progress.done()


def _row_screening(
    reader: RecordReader, options: dict[str, Any], summary: Any, *, lenient: bool, fast: bool
) -> Any:
    from koperasi_id.bpum._rowscreen import RowScreening

    return RowScreening(reader.header, summary=summary, **options, lenient=lenient, fast=fast)


def _screen_rows(
    args: argparse.Namespace,
    reader: RecordReader,
    writer: Any,
    progress: Any,
    screening: Any,
    *,
    tally: WarningTally,
    out: TextIO,
) -> None:
    """The per-record engine: the fast path for a valid CSV row, else the general one.

    ``writer`` writes to a ``StringIO``, which goes to ``out`` every
    :data:`_BLOCK` characters. ``screening`` counts every row into the summary.
    """
    from koperasi_id._io import FileFormat
    from koperasi_id.bpum._screening import result_cells
    from koperasi_id.errors import ValidationError

    as_csv = writer.format is FileFormat.CSV
    write_cells = writer.write_cells
    fast_row = screening.row
    fast_text = screening.row_text
    record_of = reader.record_of
    lenient = args.lenient
    tick = progress.tick if progress.shown else None
    block = writer.stream
    put = block.write
    lines = 0  # the eligible rows written as text, for the writer's count
    # A clean CSV row comes as its cells (no dict, no record unless the
    # general path needs one); any other row as the record iteration gives.
    for item in reader.rows_or_records():
        if tick is not None:
            tick()
        if block.tell() >= _BLOCK:
            out.write(block.getvalue())
            block.seek(0)
            block.truncate()
        if isinstance(item, tuple):
            line, row = item
            got = fast_text(line, row)
            if got is not None:
                if type(got) is str:  # an eligible row's CSV line
                    put(got)
                    lines += 1
                else:
                    write_cells(got)
                continue
            record = record_of(line, row)
        else:
            record = item
            line = record.line
            if record.flat and not record.problems:
                cells = fast_row(line, record.data)
                if cells is not None:
                    write_cells(cells)
                    continue
        proposal = structure_proposal(record, lenient=lenient)
        if not isinstance(proposal, ValidationError):
            tally.add_entity(proposal, line)
        result = screening.item(line, proposal)
        if as_csv:
            write_cells(result_cells(result))
            continue
        writer.write(
            {
                "line": result.index,
                "nik": result.nik or "",
                "hasil": result.outcome.value,
                "jumlah_bantuan": str(result.amount),
                "kode_alasan": list(result.failed_codes),
                "alasan": list(result.messages),
                "duplikat_baris": result.duplicate_of,
            }
        )
    writer.count += lines


#: Characters of output gathered before they are written out.
_BLOCK = 1 << 16


#: Records per batch of the columnar engine: memory stays flat at any file size.
COLUMN_BATCH = 20_000


def _screen_columns(
    args: argparse.Namespace,
    reader: RecordReader,
    writer: Any,
    progress: Any,
    *,
    summary: Any,
    options: dict[str, Any],
    tally: WarningTally,
) -> None:
    """The same screening column-wise, a batch of records at a time (``--engine columns``).

    A plain stretch of a CSV file is split into batches by polars, the rest is
    read record by record (:func:`~koperasi_id.frames._csv_records.record_batches`):
    the same records, line numbers and read problems either way.
    """

    from koperasi_id import bpum
    from koperasi_id._io import FileFormat
    from koperasi_id.cli._warnings import value_warnings
    from koperasi_id.frames import BpumScreener
    from koperasi_id.frames._bpum_api import likely_records
    from koperasi_id.frames._csv import bpum_csv_rows
    from koperasi_id.frames._csv_records import record_batches, repeated_niks_in
    from koperasi_id.frames._first_lines import IN_MEMORY_KEYS

    out = writer.stream

    def flush(frame: Any, lines: list[int], taken: dict[int, Any]) -> None:
        results = screener.screen(frame, lines=lines, errors=taken)
        for line, found in screener.warnings:
            tally.add_found(found, line)
        if writer.format is FileFormat.CSV:
            # Column-wise, byte for byte what the csv writer makes of each row.
            out.write(bpum_csv_rows(results))
            writer.count += results.height
            return
        # The file keeps its columns: the frame's English reasons are not written.
        for row in results.select(bpum.SCREENING_COLUMNS).iter_rows(named=True):
            row["nik"] = row["nik"] or ""
            writer.write(row)

    # As in screen_bpum_csv: a file too long for the duplicate index to hold
    # every NIK in memory is read twice, its NIK column first, so that only the
    # NIKs seen twice enter the index; any other file is read once.
    repeated = (
        repeated_niks_in(reader, COLUMN_BATCH)
        if likely_records(reader.path) > IN_MEMORY_KEYS
        else None
    )
    with BpumScreener(
        **options,
        lenient=args.lenient,
        summary=summary,
        warnings_of=value_warnings,
        repeated=repeated,
    ) as screener:
        batches = record_batches(
            reader, COLUMN_BATCH, lambda record: structure_proposal(record, lenient=args.lenient)
        )
        for frame, lines, taken in batches:
            for _ in lines:
                progress.tick()
            flush(frame, lines, taken)


def _print_screen_summary(summary: Any, stream: IO[str], lang: str) -> None:
    from koperasi_id.money import format_rupiah
    from koperasi_id.serialization import to_dict

    data = to_dict(summary)
    total = data.get("total", "?")
    print(f"BPUM {data.get('year')}: {total} {tr(lang, 'rekaman', 'records')}", file=stream)
    for outcome, count in (data.get("by_outcome") or {}).items():
        print(f"  {outcome:12} {count:>8}", file=stream)
    reasons = data.get("by_reason") or {}
    if reasons:
        print(f"  {tr(lang, 'alasan', 'reasons')}:", file=stream)
        for code, count in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"    {code:40} {count:>8}", file=stream)
    amount = data.get("eligible_amount")
    if amount is not None:
        label = tr(lang, "jumlah bantuan yang layak", "total aid of the eligible")
        print(f"  {label}: {format_rupiah(Decimal(amount))}", file=stream)
