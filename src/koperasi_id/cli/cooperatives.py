"""``koperasi-id cooperatives status``: how many cooperatives are active on a date."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from koperasi_id.cli._common import (
    EXIT_OK,
    add_engine_option,
    add_input_options,
    add_lang_option,
    add_rules_option,
    check_header,
    columnar,
    date_arg,
    in_format,
    lazy_choices,
    non_negative_int,
    overrides,
    percent_text,
    positive_int,
    required_fields,
    shown_path,
    structure,
    tr,
    warn,
)

if TYPE_CHECKING:
    from koperasi_id._io import RecordReader
    from koperasi_id._output import Progress
    from koperasi_id.cli._warnings import WarningTally
    from koperasi_id.cooperatives import RegistrySummary
    from koperasi_id.errors import ValidationError

#: Records per batch of the columnar engine: memory stays flat at any file size.
COLUMN_BATCH = 20_000


def _dimensions() -> tuple[str, ...]:
    from koperasi_id import cooperatives

    return cooperatives.DIMENSIONS


def add_parser(subparsers: Any) -> None:
    """Declare ``cooperatives status`` and its arguments."""
    coops = subparsers.add_parser("cooperatives", help="cooperative registries")
    coops_sub = coops.add_subparsers(dest="action", required=True, metavar="ACTION")
    status = coops_sub.add_parser(
        "status", help="how many cooperatives are active on a date (registry summary)"
    )
    status.add_argument(
        "file", help="registry file: CSV (columns named by field path) or JSON Lines"
    )
    status.add_argument(
        "--as-of", type=date_arg, required=True, metavar="DATE", help="report date, YYYY-MM-DD"
    )
    lazy_choices(status.add_argument("--by", default="region", help="group rows by"), _dimensions)
    status.add_argument(
        "--window-years",
        type=positive_int,
        metavar="N",
        # No default here: the rule in force (or a --rules file) decides.
        help="fiscal years of RAT looked back on (default: the rule in force, 3)",
    )
    form = status.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print the summary as JSON")
    form.add_argument("--csv", action="store_true", help="print the summary table as CSV")
    status.add_argument(
        "--show-invalid",
        type=non_negative_int,
        default=5,
        metavar="N",
        help="list the first N invalid records",
    )
    add_input_options(status)
    add_engine_option(status)
    add_lang_option(status)
    add_rules_option(status)
    status.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Count the registry file and print the summary."""
    from koperasi_id import cooperatives
    from koperasi_id._io import FileFormat, open_records
    from koperasi_id._output import Progress, RecordWriter
    from koperasi_id.cli._warnings import WarningTally
    from koperasi_id.errors import ValidationError
    from koperasi_id.serialization import to_dict

    reform = overrides(args)
    options: dict[str, Any] = {
        "as_of": args.as_of,
        "by": args.by,
        "window_years": args.window_years,
        "rules": None if reform is None else reform.timeline("cooperatives.activity_status"),
        "deadline_rules": None
        if reform is None
        else reform.timeline("cooperatives.rat_deadline_months"),
    }
    counter = cooperatives.RegistryCounter(**options)
    lang = args.lang
    invalid = 0
    tally = WarningTally()
    with open_records(args.file, in_format(args)) as reader:
        warn(reader.warnings, reader.path)
        check_header(
            reader,
            required_fields(cooperatives.Cooperative),
            what=tr(lang, "registri koperasi", "cooperative registry"),
            lang=lang,
        )
        progress = Progress(reader)
        if columnar(args, reader.size, regular=reader.regular):
            summary, invalid = _count_columns(args, reader, progress, options, tally)
        else:
            from koperasi_id.cooperatives._registry_rows import RegistryRows

            # The plain valid row (no warnings) straight from its cells; any
            # other row the general way, which reports it.
            fast = RegistryRows(reader.header)
            from_cells, from_record = fast.cells, fast.entity
            record_of = reader.record_of
            for item in reader.rows_or_records():
                progress.tick()
                if isinstance(item, tuple):  # a clean CSV row: (line, cells)
                    found = from_cells(item[1])
                    if found is not None:
                        counter.add(found)
                        continue
                    record = record_of(*item)
                else:
                    record = item
                    if not record.problems and record.flat:
                        found = from_record(record.data)
                        if found is not None:
                            counter.add(found)
                            continue
                result = structure(cooperatives.Cooperative, record, lenient=args.lenient)
                if isinstance(result, ValidationError):
                    invalid += 1
                    counter.add_invalid()
                    _print_invalid(args, record.line, result, invalid)
                    continue
                tally.add_entity(result, record.line)
                counter.add(result)
            summary = counter.summary()
        progress.done()
    tally.print(reader.path, lang)
    if invalid:
        command = f"`koperasi-id validate --type cooperative {shown_path(args.file)}`"
        print(
            tr(
                lang,
                f"koperasi-id: {invalid} rekaman tidak valid tidak dihitung; {command} "
                "mencantumkan semuanya",
                f"koperasi-id: {invalid} invalid record(s) were not counted; {command} "
                "lists them all",
            ),
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps(to_dict(summary), ensure_ascii=False, indent=2))
    elif args.csv:
        writer = RecordWriter(
            sys.stdout,
            FileFormat.CSV,
            columns=["key", "label", "registered", "active", "inactive", "active_percent"],
        )
        for group in summary.breakdown(args.by).groups:
            writer.write(to_dict(group))
        writer.close()
    elif lang == "en":
        _print_english(summary, args)
    else:
        print(
            f"Koperasi per {args.as_of.isoformat()} (RAT window {summary.window_years} tahun buku)"
        )
        print(summary.table(args.by))
        print(
            f"\n{summary.rows} baris: {summary.registered} terdaftar, {summary.active} aktif "
            f"({percent_text(summary.active_percent)}), {summary.inactive} tidak aktif, "
            f"{summary.dissolved} dibubarkan, {summary.not_yet_established} belum berdiri, "
            f"{summary.invalid} tidak valid"
        )
        # A citation's note is English (it quotes its sources); the Indonesian
        # report names the instrument and points at the register's Indonesian
        # entry instead of mixing languages in one line.
        import attrs  # here, so that `--help` loads no more than the parser needs

        basis = attrs.evolve(summary.regime.citation, note=None)
        rule_id = cooperatives.ACTIVITY_STATUS_RULES.name  # its id in the register
        print(f"Dasar: {basis}; rincian: koperasi-id law show {rule_id}")
    return EXIT_OK


def _print_invalid(args: argparse.Namespace, line: int, error: ValidationError, shown: int) -> None:
    if shown <= args.show_invalid:
        for p in error.problems:
            print(
                f"koperasi-id: {tr(args.lang, 'baris', 'line')} {line}: {p.describe(args.lang)}",
                file=sys.stderr,
            )


def _count_columns(
    args: argparse.Namespace,
    reader: RecordReader,
    progress: Progress,
    options: dict[str, Any],
    tally: WarningTally,
) -> tuple[RegistrySummary, int]:
    """The same count column-wise, a batch of records at a time (``--engine columns``)."""
    from koperasi_id.cli._warnings import value_warnings
    from koperasi_id.cooperatives import Cooperative
    from koperasi_id.errors import ValidationError
    from koperasi_id.frames import CooperativeCounter
    from koperasi_id.frames._records import record_frame

    counter = CooperativeCounter(**options, lenient=args.lenient, warnings_of=value_warnings)
    invalid = 0

    def flush(batch: list[Any]) -> None:
        nonlocal invalid
        frame, taken = record_frame(
            batch, lambda record: structure(Cooperative, record, lenient=args.lenient)
        )
        counter.count(frame, lines=[r.line for r in batch], taken=taken, reasons=False)
        # Only the rows the per-record engine read can be invalid or carry warnings.
        for line, found in counter.records:
            if isinstance(found, ValidationError):
                invalid += 1
                _print_invalid(args, line, found, invalid)
            else:
                tally.add_entity(found, line)

    batch: list[Any] = []
    for record in reader:
        progress.tick()
        batch.append(record)
        if len(batch) >= COLUMN_BATCH:
            flush(batch)
            batch = []
    if batch:
        flush(batch)
    return counter.summary(), invalid


def _print_english(summary: RegistrySummary, args: argparse.Namespace) -> None:
    # The library's table speaks Indonesian (the registry's own language); the
    # English report lays the same groups out under English headings.
    print(
        f"Cooperatives on {args.as_of.isoformat()} (RAT window {summary.window_years} fiscal years)"
    )
    rows = [
        (g.label, g.registered, g.active, g.inactive, g.active_percent)
        for g in summary.breakdown(args.by).groups
    ]
    rows.append(
        ("Total", summary.registered, summary.active, summary.inactive, summary.active_percent)
    )
    width = max(len(r[0]) for r in rows)
    print(f"{'':<{width}}  {'registered':>10}  {'active':>7}  {'inactive':>8}  {'% active':>8}")
    for label, registered, active, inactive, pct in rows:
        shown = "-" if pct is None else str(pct)
        print(f"{label:<{width}}  {registered:>10}  {active:>7}  {inactive:>8}  {shown:>8}")
    print(
        f"\n{summary.rows} rows: {summary.registered} registered, {summary.active} active "
        f"({percent_text(summary.active_percent)}), {summary.inactive} inactive, "
        f"{summary.dissolved} dissolved, {summary.not_yet_established} not yet established, "
        f"{summary.invalid} invalid"
    )
    print(f"Basis: {summary.regime.citation}")
