"""The ``koperasi-id`` command: the library's main jobs on files.

Exit codes: ``0`` the job ran (even when rows were ineligible or invalid: they
are reported, never dropped); ``1`` an input file could not be read at all
(missing, empty, not UTF-8 in its header, duplicate columns) or an output file
could not be written; ``2`` bad usage (unknown option, bad date or amount on
the command line, a date no rule covers, an output that would overwrite the
input).

Run ``koperasi-id --help`` or see the CLI page of the docs.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, TextIO

from koperasi_id import __version__, bpum, cooperatives, kur, msme, rows
from koperasi_id._io import (
    FileFormat,
    InputError,
    InputRecord,
    Progress,
    RecordWriter,
    open_records,
)
from koperasi_id.errors import KoperasiIdError, NoRuleInForceError, Problem, ValidationError
from koperasi_id.money import format_rupiah, parse_rupiah
from koperasi_id.serialization import from_dict, to_dict

__all__ = ["main"]

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2


class _UsageError(Exception):
    """A command-line value that argparse accepted but the job cannot use."""


# --- argument types -----------------------------------------------------------


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(text: str) -> date:
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


def _amount(text: str) -> Decimal:
    try:
        return parse_rupiah(text)
    except ValidationError as err:
        raise argparse.ArgumentTypeError(err.problems[0].message) from None


_PERCENT = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _percent(text: str) -> Decimal:
    value = text.strip().removesuffix("%").strip()
    if not _PERCENT.fullmatch(value) or Decimal(value) > 100:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a percentage; write the yearly rate as a number from 0 to 100, "
            "e.g. 6 or 6.5"
        )
    return Decimal(value)


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def _non_negative_int(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 0 or more")
    return int(text)


# --- shared plumbing ---------------------------------------------------------------


def _refuse_overwriting(out: str | None, source: str, *, what: str = "--out") -> None:
    # Opening the output truncates it; if it is the input, the rows not yet
    # read are lost and the output has fewer rows than the input had.
    if out in (None, "-"):
        return
    assert out is not None
    with contextlib.suppress(OSError):
        if Path(out).exists() and os.path.samefile(out, source):
            raise _UsageError(
                f"{what} {out} is the input file; writing it would destroy the input. "
                "Choose another output file"
            )


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path in (None, "-"):
        yield sys.stdout
        return
    assert path is not None
    try:
        handle = Path(path).open("w", encoding="utf-8", newline="")  # noqa: SIM115 - yielded
    except OSError as exc:
        raise InputError(f"{path}: cannot write the output file ({exc.strerror})") from None
    with handle:
        yield handle


def _out_format(args: argparse.Namespace, default: FileFormat = FileFormat.CSV) -> FileFormat:
    if args.format:
        return FileFormat(args.format)
    if getattr(args, "out", None) not in (None, "-"):
        return FileFormat.from_path(args.out)
    return default


def _structure(cls: type, record: InputRecord, *, lenient: bool) -> Any:
    """The entity for one input record, or a ValidationError with every problem."""
    if record.problems:
        return ValidationError(record.problems)
    try:
        if record.flat:
            # Problems name the CSV columns, even when empty item groups renumber a list.
            return rows.structure(cls, record.data, lenient=lenient)
        return from_dict(cls, record.data, lenient=lenient)
    except ValidationError as err:
        return err


def _problem_text(p: Problem) -> str:
    return f"{p.path}: {p.message} [{p.code}]"


def _warn(reader_warnings: Sequence[str], path: Path) -> None:
    for warning in reader_warnings:
        print(f"koperasi-id: warning: {path}: {warning}", file=sys.stderr)


def _warn_if_foreign(header: Sequence[str], cls: type, path: Path) -> None:
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


# --- msme classify ---------------------------------------------------------------


def _cmd_msme_classify(args: argparse.Namespace) -> int:
    kwargs: dict[str, Any] = {}
    if args.purpose:
        kwargs["purpose"] = msme.Purpose(args.purpose)
    if args.started_on:
        kwargs["started_on"] = args.started_on
    decision = msme.classify(
        as_of=args.as_of,
        capital=args.capital,
        net_assets=args.net_assets,
        annual_sales=args.annual_sales,
        **kwargs,
    )
    if args.json:
        print(json.dumps(to_dict(decision), ensure_ascii=False, indent=2))
        return EXIT_OK
    lang = args.lang
    print(f"Size:       {decision.size.value} ({decision.size.label})")
    print(f"Criterion:  {decision.criterion.value if decision.criterion else '-'}")
    print(f"As of:      {args.as_of.isoformat()}")
    print("Legal basis:")
    for citation in decision.citations:
        print(f"  - {citation}")
    print("Findings:")
    for finding in decision.findings:
        mark = "ok  " if finding.passed else "note"
        print(f"  [{mark}] {finding.code}: {finding.message(lang)}")
    return EXIT_OK


# --- kur simulate ---------------------------------------------------------------

# English names (as in the docs) and the Indonesian wire values both work.
_METHODS: dict[str, kur.Method] = {
    "annuity": kur.Method.ANNUITY,
    "flat": kur.Method.FLAT,
    "bullet": kur.Method.BULLET,
    **{m.value: m for m in kur.Method},
}


def _cmd_kur_simulate(args: argparse.Namespace) -> int:

    akad: date = args.akad
    scheme = kur.Scheme(args.scheme) if args.scheme else kur.scheme_for(args.plafond, as_of=akad)
    purpose = kur.Purpose(args.purpose)
    annual_rate = (
        args.rate if args.rate is not None else kur.rate(scheme, as_of=akad, access=args.access)
    )
    plan = kur.schedule(
        args.plafond,
        annual_rate,
        args.months,
        start=akad,
        method=_METHODS[args.method],
        grace_months=args.grace,
    )
    checks = _kur_checks(scheme, purpose, args)
    if args.format == "json":
        body = {"scheme": scheme.value, "checks": checks, "schedule": to_dict(plan)}
        body["totals"] = {
            "principal": str(plan.total_principal),
            "interest": str(plan.total_interest),
            "payment": str(plan.total_payment),
            "flat_rate_equivalent": str(round(plan.flat_rate_equivalent, 4)),
        }
        print(json.dumps(body, ensure_ascii=False, indent=2))
        return EXIT_OK
    if args.format == "csv":
        writer = RecordWriter(
            sys.stdout,
            FileFormat.CSV,
            columns=["number", "due_date", "principal", "interest", "payment", "balance"],
        )
        for row in plan.instalments:
            writer.write(to_dict(row))
        writer.close()
        return EXIT_OK
    print(
        f"{scheme.label}: plafond {format_rupiah(plan.principal)}, {plan.months} months, "
        f"rate {annual_rate}% per year ({plan.method.label}), akad {akad.isoformat()}"
    )
    print()
    print(
        f"{'no':>3}  {'due':10}  {'principal':>15}  {'interest':>13}  {'payment':>15}  {'balance':>15}"
    )
    for i in plan.instalments:
        print(
            f"{i.number:>3}  {i.due_date.isoformat():10}  {format_rupiah(i.principal):>15}  "
            f"{format_rupiah(i.interest):>13}  {format_rupiah(i.payment):>15}  "
            f"{format_rupiah(i.balance):>15}"
        )
    print(
        f"{'':>3}  {'total':10}  {format_rupiah(plan.total_principal):>15}  "
        f"{format_rupiah(plan.total_interest):>13}  {format_rupiah(plan.total_payment):>15}"
    )
    print(f"Flat-rate equivalent: {round(plan.flat_rate_equivalent, 2)}% per year")
    print()
    print("Checks:")
    for check in checks:
        mark = "ok  " if check["passed"] else "FAIL"
        print(f"  [{mark}] {check['code']}: {check['message']}")
    return EXIT_OK


def _kur_checks(
    scheme: kur.Scheme, purpose: kur.Purpose, args: argparse.Namespace
) -> list[dict[str, Any]]:
    akad: date = args.akad
    checks: list[dict[str, Any]] = []
    band = kur.plafond_band(scheme, as_of=akad)
    fits = band.admits(args.plafond)
    checks.append(
        {
            "code": "kur.scheme_ceiling",
            "passed": bool(fits),
            "message": f"plafond {format_rupiah(args.plafond)} within the {scheme.label} band",
        }
    )
    limit = kur.max_tenor_months(scheme, purpose, as_of=akad)
    checks.append(
        {
            "code": "kur.tenor",
            "passed": args.months <= limit,
            "message": f"{args.months} months against a maximum of {limit} for {purpose.label}",
        }
    )
    collateral = kur.additional_collateral_allowed(scheme, args.plafond, as_of=akad)
    checks.append(
        {
            "code": "kur.collateral",
            "passed": True,
            "message": "additional collateral may be asked"
            if collateral
            else "no additional collateral may be asked (only the financed business)",
        }
    )
    needs_npwp = kur.npwp_required(scheme, args.plafond, as_of=akad)
    checks.append(
        {
            "code": "kur.npwp_required",
            "passed": True,
            "message": "an NPWP is required" if needs_npwp else "no NPWP is required",
        }
    )
    return checks


# --- record files: validate, bpum screen, cooperatives status -------------------


ENTITY_TYPES: dict[str, type] = {
    "cooperative": cooperatives.Cooperative,
    "business": msme.Business,
    "kur-application": kur.KurApplication,
    "bpum-proposal": bpum.Proposal,
}


def _structure_proposal(record: InputRecord, *, lenient: bool) -> Any:
    if record.problems:
        return ValidationError(record.problems)
    if not record.flat:
        return _structure(bpum.Proposal, record, lenient=lenient)
    return bpum.structure_row(record.data, lenient=lenient)


def _cmd_validate(args: argparse.Namespace) -> int:
    cls = ENTITY_TYPES[args.type]
    invalid = total = 0
    _refuse_overwriting(args.out, args.file)
    with open_records(args.file, _in_format(args)) as reader, _output(args.out) as out:
        _warn(reader.warnings, reader.path)
        if args.type != "bpum-proposal":  # its Indonesian columns are checked by bpum
            _warn_if_foreign(reader.header, cls, reader.path)
        progress = Progress(reader)
        for record in reader:
            progress.tick()
            total += 1
            if args.type == "bpum-proposal":
                result = _structure_proposal(record, lenient=args.lenient)
            else:
                result = _structure(cls, record, lenient=args.lenient)
            if isinstance(result, ValidationError):
                invalid += 1
                for p in result.problems:
                    if args.format == "jsonl":
                        row = {
                            "line": record.line,
                            "path": p.path,
                            "code": p.code,
                            "message": p.message,
                        }
                        out.write(json.dumps(row, ensure_ascii=False) + "\n")
                    else:
                        out.write(f"line {record.line}: {_problem_text(p)}\n")
        progress.done()
    print(f"{total} records, {total - invalid} valid, {invalid} invalid", file=sys.stderr)
    return EXIT_OK


def _in_format(args: argparse.Namespace) -> FileFormat | None:
    return FileFormat(args.input_format) if getattr(args, "input_format", None) else None


_SCREEN_COLUMNS = [
    "line",
    "nik",
    "hasil",
    "jumlah_bantuan",
    "kode_alasan",
    "alasan",
    "duplikat_baris",
]


def _cmd_bpum_screen(args: argparse.Namespace) -> int:
    fmt = _out_format(args)
    summary = bpum.ScreeningSummary(year=args.year)
    rule = bpum.OtherBankCreditRule(args.other_bank_credit) if args.other_bank_credit else None
    options: dict[str, Any] = {"year": args.year}
    if rule is not None:
        options["other_bank_credit_rule"] = rule
    bpum.amount(args.year)  # an unknown year is a usage error before any file is read
    _refuse_overwriting(args.out, args.file)
    _refuse_overwriting(args.summary_json, args.file, what="--summary-json")
    if args.summary_json is not None and (
        os.path.abspath(args.summary_json) == os.path.abspath(args.out)
        if args.out not in (None, "-") and args.summary_json != "-"
        else args.summary_json == "-" and args.out in (None, "-")
    ):
        raise _UsageError(
            "--summary-json and --out name the same file (standard output when --out is "
            "not given); choose two files"
        )
    with contextlib.ExitStack() as files:
        # The summary file is opened first, so an unwritable path fails before
        # the screening runs rather than after it.
        summary_out = files.enter_context(_output(args.summary_json)) if args.summary_json else None
        _screen_file(args, fmt, summary, options)
        if summary_out is not None:
            summary_out.write(json.dumps(to_dict(summary), ensure_ascii=False, indent=2) + "\n")
    if summary_out is None:
        _print_screen_summary(summary, sys.stderr)
    return EXIT_OK


def _screen_file(
    args: argparse.Namespace,
    fmt: FileFormat,
    summary: Any,
    options: dict[str, Any],
) -> None:
    with open_records(args.file, _in_format(args)) as reader, _output(args.out) as out:
        _warn(reader.warnings, reader.path)
        progress = Progress(reader)

        def numbered() -> Iterator[tuple[int, Any]]:
            for record in reader:
                progress.tick()
                yield record.line, _structure_proposal(record, lenient=args.lenient)

        writer = RecordWriter(out, fmt, columns=_SCREEN_COLUMNS)
        # Results carry line numbers (index and duplicate_of), so memory does not
        # grow with the file beyond the NIK index that duplicate detection needs.
        for result in bpum.screen_numbered(numbered(), **options):
            summary.add(result)
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
        writer.close()
        progress.done()


def _print_screen_summary(summary: Any, stream: IO[str]) -> None:
    data = to_dict(summary)
    print(f"BPUM {data.get('year')}: {data.get('total', '?')} records", file=stream)
    for outcome, count in (data.get("by_outcome") or {}).items():
        print(f"  {outcome:12} {count:>8}", file=stream)
    reasons = data.get("by_reason") or {}
    if reasons:
        print("  reasons:", file=stream)
        for code, count in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"    {code:40} {count:>8}", file=stream)
    amount = data.get("eligible_amount")
    if amount is not None:
        print(f"  total aid of the eligible: {format_rupiah(Decimal(amount))}", file=stream)


def _cmd_cooperatives_status(args: argparse.Namespace) -> int:
    counter = cooperatives.RegistryCounter(
        as_of=args.as_of, by=args.by, window_years=args.window_years
    )
    invalid = 0
    with open_records(args.file, _in_format(args)) as reader:
        _warn(reader.warnings, reader.path)
        _warn_if_foreign(reader.header, cooperatives.Cooperative, reader.path)
        progress = Progress(reader)
        for record in reader:
            progress.tick()
            result = _structure(cooperatives.Cooperative, record, lenient=args.lenient)
            if isinstance(result, ValidationError):
                invalid += 1
                counter.add_invalid()
                if invalid <= args.show_invalid:
                    for p in result.problems:
                        print(
                            f"koperasi-id: line {record.line}: {_problem_text(p)}", file=sys.stderr
                        )
                continue
            counter.add(result)
        progress.done()
    summary = counter.summary()
    if invalid:
        print(
            f"koperasi-id: {invalid} invalid record(s) were not counted; "
            f"`koperasi-id validate --type cooperative {args.file}` lists them all",
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
    else:
        print(
            f"Koperasi per {args.as_of.isoformat()} (RAT window {summary.window_years} tahun buku)"
        )
        print(summary.table(args.by))
        print(
            f"\n{summary.rows} baris: {summary.registered} terdaftar, {summary.active} aktif "
            f"({summary.active_percent}%), {summary.inactive} tidak aktif, "
            f"{summary.dissolved} dibubarkan, {summary.not_yet_established} belum berdiri, "
            f"{summary.invalid} tidak valid"
        )
        print(f"Dasar: {summary.regime.citation}")
    return EXIT_OK


# --- the parser ----------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for the docs and tests)."""
    parser = argparse.ArgumentParser(
        prog="koperasi-id",
        description="Indonesian cooperative, MSME, KUR and BPUM rules on your files.",
        epilog="Exit codes: 0 done (invalid or ineligible rows are reported, not fatal); "
        "1 an input file could not be read or an output file written; 2 bad usage.",
    )
    parser.add_argument("--version", action="version", version=f"koperasi-id {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    coops = sub.add_parser("cooperatives", help="cooperative registries")
    coops_sub = coops.add_subparsers(dest="action", required=True, metavar="ACTION")
    status = coops_sub.add_parser(
        "status", help="how many cooperatives are active on a date (registry summary)"
    )
    status.add_argument(
        "file", help="registry file: CSV (columns named by field path) or JSON Lines"
    )
    status.add_argument(
        "--as-of", type=_date, required=True, metavar="DATE", help="report date, YYYY-MM-DD"
    )
    status.add_argument(
        "--by", choices=cooperatives.DIMENSIONS, default="region", help="group rows by"
    )
    status.add_argument(
        "--window-years",
        type=_positive_int,
        default=3,
        metavar="N",
        help="fiscal years of RAT looked back on (default 3)",
    )
    form = status.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print the summary as JSON")
    form.add_argument("--csv", action="store_true", help="print the summary table as CSV")
    status.add_argument(
        "--show-invalid",
        type=_non_negative_int,
        default=5,
        metavar="N",
        help="list the first N invalid records",
    )
    _add_input_options(status)
    status.set_defaults(run=_cmd_cooperatives_status)

    bp = sub.add_parser("bpum", help="BPUM aid proposals")
    bp_sub = bp.add_subparsers(dest="action", required=True, metavar="ACTION")
    screen = bp_sub.add_parser(
        "screen", help="screen a proposal file: one result row per input row"
    )
    screen.add_argument(
        "file", help="proposal file: CSV with the documented columns, or JSON Lines"
    )
    screen.add_argument(
        "--year", type=int, required=True, choices=bpum.programme_years(), help="budget year"
    )
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
    screen.add_argument(
        "--other-bank-credit",
        choices=[rule.value for rule in bpum.OtherBankCreditRule],
        help="2021 only: whether a non-KUR bank credit excludes the applicant "
        "(default: teks_peraturan, the regulation text: it does not)",
    )
    _add_input_options(screen)
    screen.set_defaults(run=_cmd_bpum_screen)

    k = sub.add_parser("kur", help="KUR loans")
    k_sub = k.add_subparsers(dest="action", required=True, metavar="ACTION")
    sim = k_sub.add_parser("simulate", help="instalment schedule and checks of a KUR loan")
    sim.add_argument(
        "--plafond", type=_amount, required=True, metavar="N", help="loan amount in rupiah"
    )
    sim.add_argument(
        "--months", type=_positive_int, required=True, metavar="N", help="tenor in months"
    )
    sim.add_argument(
        "--akad", type=_date, required=True, metavar="DATE", help="agreement date, YYYY-MM-DD"
    )
    sim.add_argument(
        "--scheme",
        choices=[s.value for s in kur.Scheme],
        help="default: by plafond",
    )
    sim.add_argument(
        "--access",
        type=_positive_int,
        default=1,
        metavar="N",
        help="how many times the borrower has had KUR (1 = first)",
    )
    sim.add_argument(
        "--purpose",
        choices=[p.value for p in kur.Purpose],
        default=kur.Purpose.WORKING_CAPITAL.value,
    )
    sim.add_argument("--method", choices=list(_METHODS), default="annuity", help="repayment method")
    sim.add_argument(
        "--grace", type=_non_negative_int, default=0, metavar="N", help="interest-only months"
    )
    sim.add_argument(
        "--rate",
        type=_percent,
        metavar="PERCENT",
        help="override the rate in force (percent per year)",
    )
    sim.add_argument("--format", choices=["table", "csv", "json"], default="table")
    sim.set_defaults(run=_cmd_kur_simulate)

    m = sub.add_parser("msme", help="MSME (UMKM) size")
    m_sub = m.add_subparsers(dest="action", required=True, metavar="ACTION")
    cls = m_sub.add_parser("classify", help="size class of a business on a date")
    figure = cls.add_mutually_exclusive_group(required=True)
    figure.add_argument(
        "--capital", type=_amount, metavar="N", help="modal usaha (PP 7/2021, from 2021-02-02)"
    )
    figure.add_argument(
        "--net-assets",
        type=_amount,
        metavar="N",
        help="kekayaan bersih (UU 20/2008, before 2021-02-02)",
    )
    figure.add_argument("--annual-sales", type=_amount, metavar="N", help="hasil penjualan tahunan")
    cls.add_argument("--as-of", type=_date, required=True, metavar="DATE")
    cls.add_argument(
        "--purpose",
        choices=[p.value for p in msme.Purpose],
        help="PP 7/2021 Pasal 35 purpose (see the docs)",
    )
    cls.add_argument("--started-on", type=_date, metavar="DATE", help="business start date")
    cls.add_argument("--json", action="store_true", help="print the decision as JSON")
    cls.add_argument("--lang", choices=["id", "en"], default="id", help="language of the findings")
    cls.set_defaults(run=_cmd_msme_classify)

    val = sub.add_parser("validate", help="list every invalid record of a file")
    val.add_argument("--type", required=True, choices=sorted(ENTITY_TYPES), help="record type")
    val.add_argument("file")
    val.add_argument(
        "--out", metavar="FILE", help="write the report here (default: standard output)"
    )
    val.add_argument("--format", choices=["text", "jsonl"], default="text")
    _add_input_options(val)
    val.set_defaults(run=_cmd_validate)
    return parser


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--input-format",
        choices=["csv", "jsonl", "json"],
        help="input format (default: from the extension; .jsonl is JSON Lines, else CSV)",
    )
    p.add_argument("--lenient", action="store_true", help="ignore unknown columns or keys")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except InputError as err:
        print(f"koperasi-id: error: {err}", file=sys.stderr)
        return EXIT_INPUT
    except NoRuleInForceError as err:
        # The library's message advises passing a Timeline, which the command cannot do.
        spans = ", ".join(f"{a}..{b or 'open'}" for a, b in err.covered)
        print(
            f"koperasi-id: error: no {err.table} rule in force on {err.as_of.isoformat()}; "
            f"the library knows it for {spans or 'no dates'}: choose a date in one of these",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except (KoperasiIdError, _UsageError) as err:
        print(f"koperasi-id: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # `koperasi-id ... | head`: the reader left; that is not an error.
        # Point stdout at devnull so the interpreter's final flush does not complain.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("koperasi-id: interrupted", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
