"""``koperasi-id msme classify``: the size class of a business on a date.

Takes every figure :func:`koperasi_id.msme.classify` takes (capital, net
assets, annual sales), the purpose and the conflict policy, and prints the
decision: the class, the criterion it rests on, whether the figures
disagree, the legal basis and the findings. ``--workers`` adds the BPS
statistical class, which is not a legal size.

Given a FILE of business records (the columns of :class:`koperasi_id.msme.Business`),
it writes one row per record instead (:data:`koperasi_id.msme.CLASSIFICATION_COLUMNS`),
record by record or column-wise (``--engine``), with the same bytes either way.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from typing import IO, TYPE_CHECKING, Any

from koperasi_id.cli._common import (
    EXIT_OK,
    UsageError,
    add_engine_option,
    add_input_options,
    add_lang_option,
    add_rules_option,
    amount_arg,
    check_header,
    columnar,
    date_arg,
    in_format,
    lazy_choices,
    out_format,
    output,
    overrides,
    positive_int,
    refuse_bad_outputs,
    required_fields,
    structure,
    tr,
    warn,
)

if TYPE_CHECKING:
    from koperasi_id._io import RecordReader
    from koperasi_id.cli._warnings import WarningTally
    from koperasi_id.msme import SizeDecision, WorkforceDecision

_FIGURES = ("capital", "net_assets", "annual_sales")


def _purposes() -> list[str]:
    from koperasi_id import msme

    return [p.value for p in msme.Purpose]


def _policies() -> list[str]:
    from koperasi_id import msme

    return [p.value for p in msme.ConflictPolicy]


def add_parser(subparsers: Any) -> None:
    """Declare ``msme classify`` and its arguments."""
    m = subparsers.add_parser("msme", help="MSME (UMKM) size")
    m_sub = m.add_subparsers(dest="action", required=True, metavar="ACTION")
    cls = m_sub.add_parser(
        "classify",
        help="size class of a business on a date",
        description="Give every figure you hold (at least one of --capital, --net-assets, "
        "--annual-sales); when they point to different classes the decision says so, and "
        "--purpose or --policy decides. Or give a FILE of business records (CSV columns "
        "name, owner_nik, started_on, capital, net_assets, annual_sales, ...): one result "
        "row per record.",
    )
    cls.add_argument(
        "file",
        nargs="?",
        help="business records (CSV with the columns of the business record, or JSON Lines)",
    )
    cls.add_argument(
        "--capital", type=amount_arg, metavar="N", help="modal usaha (PP 7/2021, from 2021-02-02)"
    )
    cls.add_argument(
        "--net-assets",
        type=amount_arg,
        metavar="N",
        help="kekayaan bersih (UU 20/2008, before 2021-02-02)",
    )
    cls.add_argument(
        "--annual-sales", type=amount_arg, metavar="N", help="hasil penjualan tahunan (both laws)"
    )
    cls.add_argument("--as-of", type=date_arg, required=True, metavar="DATE")
    purpose = cls.add_argument(
        "--purpose",
        help="why the size is asked (PP 7/2021 Pasal 35): pendaftaran decides by capital, "
        "pemberdayaan by annual sales",
    )
    lazy_choices(purpose, _purposes)
    policy = cls.add_argument(
        "--policy",
        help="when the figures disagree (default menurut_tujuan: the purpose decides, "
        "else the lower class)",
    )
    lazy_choices(policy, _policies)
    cls.add_argument(
        "--started-on",
        type=date_arg,
        metavar="DATE",
        help="business start date (PP 7/2021 Pasal 35 ayat (6))",
    )
    cls.add_argument(
        "--workers",
        type=positive_int,
        metavar="N",
        help="people working in the business: adds the BPS statistical class (not a legal size)",
    )
    cls.add_argument("--json", action="store_true", help="print the decision as JSON")
    cls.add_argument(
        "--out", metavar="FILE", help="with FILE: write results here (default: standard output)"
    )
    cls.add_argument(
        "--format",
        choices=["csv", "jsonl", "json"],
        help="with FILE: output format (default from --out, else csv)",
    )
    cls.add_argument(
        "--summary-json",
        metavar="FILE",
        help="with FILE: write the summary as JSON here instead of stderr",
    )
    add_input_options(cls)
    add_engine_option(cls)
    add_lang_option(cls)
    add_rules_option(cls)
    cls.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Classify and print the decision."""
    from koperasi_id import msme
    from koperasi_id.serialization import to_dict

    if args.file is not None:
        return _run_file(args)
    if all(getattr(args, f) is None for f in _FIGURES):
        raise UsageError(
            tr(
                args.lang,
                "berikan sedikitnya satu dari --capital, --net-assets, --annual-sales",
                "give at least one of --capital, --net-assets, --annual-sales",
            )
        )
    kwargs: dict[str, Any] = {f: getattr(args, f) for f in _FIGURES}
    if args.purpose:
        kwargs["purpose"] = msme.Purpose(args.purpose)
    if args.policy:
        kwargs["policy"] = msme.ConflictPolicy(args.policy)
    if args.started_on:
        kwargs["started_on"] = args.started_on
    reform = overrides(args)
    if reform is not None:
        kwargs["rules"] = reform.timeline("msme.size_criteria")
    decision = msme.classify(as_of=args.as_of, **kwargs)
    workforce = msme.classify_workforce(args.workers) if args.workers is not None else None
    if args.json:
        body: dict[str, Any] = to_dict(decision)
        if workforce is not None:
            body["workforce"] = to_dict(workforce)
        print(json.dumps(body, ensure_ascii=False, indent=2))
        return EXIT_OK
    _print_decision(decision, workforce, args)
    return EXIT_OK


def _print_decision(
    decision: SizeDecision, workforce: WorkforceDecision | None, args: argparse.Namespace
) -> None:
    lang = args.lang
    en = lang == "en"
    width = 12 if en else 14

    def line(id_label: str, en_label: str, value: str) -> None:
        print(f"{tr(lang, id_label, en_label) + ':':<{width}}{value}")

    crit = decision.criterion
    line("Ukuran", "Size", f"{decision.size.value} ({decision.size.label})")
    line("Kriteria", "Criterion", f"{crit.value} ({crit.label_en if en else crit.label})")
    line("Per tanggal", "As of", args.as_of.isoformat())
    purpose = decision.purpose
    line("Tujuan", "Purpose", f"{purpose.value} ({purpose.label})" if purpose else "-")
    sizes = ", ".join(f"{c.value} {s.value}" for c, s in decision.sizes.items())
    if decision.conflict:
        conflict = tr(
            lang,
            f"ya ({sizes}); kebijakan {decision.policy.value}",
            f"yes ({sizes}); policy {decision.policy.value}",
        )
    else:
        conflict = tr(lang, "tidak", "no") + (f" ({sizes})" if len(decision.sizes) > 1 else "")
    line("Konflik", "Conflict", conflict)
    if workforce is not None:
        line(
            "Tenaga kerja",
            "Workforce",
            tr(
                lang,
                f"{workforce.workers} orang: {workforce.outcome.value} (statistik BPS, "
                "bukan ukuran menurut hukum)",
                f"{workforce.workers} people: {workforce.outcome.value} (BPS statistics, "
                "not the legal size)",
            ),
        )
    print(tr(lang, "Dasar hukum:", "Legal basis:"))
    for citation in decision.citations:
        print(f"  - {citation}")
    print(tr(lang, "Temuan:", "Findings:"))
    findings = [*decision.findings, *(workforce.findings if workforce is not None else ())]
    for finding in findings:
        mark = "ok  " if finding.passed else tr(lang, "cat.", "note")
        print(f"  [{mark}] {finding.code}: {finding.message(lang)}")


# --- a file of businesses --------------------------------------------------------

_SINGLE_ONLY = ("capital", "net_assets", "annual_sales", "started_on", "workers", "json")


def _file_options(args: argparse.Namespace) -> dict[str, Any]:
    from koperasi_id import msme

    given = [f"--{name.replace('_', '-')}" for name in _SINGLE_ONLY if getattr(args, name)]
    if given:
        raise UsageError(
            tr(
                args.lang,
                f"{', '.join(given)} tidak dipakai bersama FILE: angka usaha diambil dari berkas",
                f"{', '.join(given)} cannot be used with FILE: the figures come from the file",
            )
        )
    options: dict[str, Any] = {"as_of": args.as_of}
    if args.purpose:
        options["purpose"] = msme.Purpose(args.purpose)
    if args.policy:
        options["policy"] = msme.ConflictPolicy(args.policy)
    reform = overrides(args)
    if reform is not None:
        options["rules"] = reform.timeline("msme.size_criteria")
    # The rule in force on --as-of is looked up now: a date outside every
    # regime is a usage error before any file is read.
    (options.get("rules") or msme.SIZE_CRITERIA).at(args.as_of)
    return options


def _run_file(args: argparse.Namespace) -> int:
    """Classify every business of ``args.file``: one row each, and a summary."""
    from koperasi_id import msme
    from koperasi_id._io import open_records
    from koperasi_id._output import RecordWriter
    from koperasi_id.cli._warnings import WarningTally
    from koperasi_id.serialization import to_dict

    options = _file_options(args)
    fmt = out_format(args)
    refuse_bad_outputs(args)
    lang = args.lang
    tally = WarningTally()
    summary = msme.ClassificationSummary(as_of=args.as_of)
    with contextlib.ExitStack() as files:
        reader = files.enter_context(open_records(args.file, in_format(args)))
        warn(reader.warnings, reader.path)
        check_header(
            reader,
            required_fields(msme.Business),
            what=tr(lang, "usaha", "business"),
            lang=lang,
        )
        summary_out = files.enter_context(output(args.summary_json)) if args.summary_json else None
        out = files.enter_context(output(args.out))
        writer = RecordWriter(out, fmt, columns=list(msme.CLASSIFICATION_COLUMNS))
        if columnar(args, reader.size, regular=reader.regular):
            _classify_columns(args, reader, writer, options=options, summary=summary, tally=tally)
        else:
            _classify_rows(args, reader, writer, options=options, summary=summary, tally=tally)
        writer.close()
        if summary_out is not None:
            body = to_dict(summary)
            body["warnings"] = tally.as_json()
            summary_out.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    tally.print(reader.path, lang)
    if summary_out is None:
        _print_file_summary(to_dict(summary), sys.stderr, lang)
    return EXIT_OK


def _classify_rows(
    args: argparse.Namespace,
    reader: RecordReader,
    writer: Any,
    *,
    options: dict[str, Any],
    summary: Any,
    tally: WarningTally,
) -> None:
    from koperasi_id import msme
    from koperasi_id._output import Progress
    from koperasi_id.errors import ValidationError

    progress = Progress(reader)
    for record in reader:
        progress.tick()
        business = structure(msme.Business, record, lenient=args.lenient)
        if not isinstance(business, ValidationError):
            tally.add_entity(business, record.line)
        row = msme.classification_row(record.line, business, **options)
        summary.add(row)
        writer.write(row)
    progress.done()


#: Records per batch of the columnar engine: memory stays flat at any file size.
COLUMN_BATCH = 20_000


def _classify_columns(
    args: argparse.Namespace,
    reader: RecordReader,
    writer: Any,
    *,
    options: dict[str, Any],
    summary: Any,
    tally: WarningTally,
) -> None:
    """The same rows column-wise, a batch of records at a time (``--engine columns``)."""
    from koperasi_id import msme
    from koperasi_id._output import Progress
    from koperasi_id.cli._warnings import value_warnings
    from koperasi_id.frames import MsmeClassifier
    from koperasi_id.frames._records import record_frame

    progress = Progress(reader)
    classifier = MsmeClassifier(
        **options, lenient=args.lenient, summary=summary, warnings_of=value_warnings
    )

    def flush(batch: list[Any]) -> None:
        frame, taken = record_frame(
            batch, lambda record: structure(msme.Business, record, lenient=args.lenient)
        )
        results = classifier.classify(frame, lines=[r.line for r in batch], errors=taken)
        for line, found in classifier.warnings:
            tally.add_found(found, line)
        for row in results.iter_rows(named=True):
            writer.write(row)

    batch: list[Any] = []
    for record in reader:
        progress.tick()
        batch.append(record)
        if len(batch) >= COLUMN_BATCH:
            flush(batch)
            batch = []
    if batch:
        flush(batch)
    progress.done()


def _print_file_summary(data: dict[str, Any], stream: IO[str], lang: str) -> None:
    total = data.get("total", "?")
    print(
        f"UMKM {data.get('as_of')}: {total} {tr(lang, 'rekaman', 'records')}",
        file=stream,
    )
    for outcome, count in (data.get("by_outcome") or {}).items():
        print(f"  {outcome:24} {count:>8}", file=stream)
    print(f"  {tr(lang, 'ukuran', 'sizes')}:", file=stream)
    for size, count in (data.get("by_size") or {}).items():
        print(f"    {size:22} {count:>8}", file=stream)
    print(f"  {tr(lang, 'konflik', 'conflicts')}: {data.get('conflicts', 0)}", file=stream)
    reasons = data.get("by_reason") or {}
    if reasons:
        print(f"  {tr(lang, 'alasan', 'reasons')}:", file=stream)
        for code, count in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"    {code:40} {count:>8}", file=stream)
