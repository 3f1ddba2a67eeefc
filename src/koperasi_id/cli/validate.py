"""``koperasi-id validate``: every invalid record of a file, with its line and field path."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from koperasi_id.cli._common import (
    EXIT_OK,
    add_input_options,
    in_format,
    output,
    problem_text,
    refuse_overwriting,
    structure,
    structure_proposal,
    warn,
    warn_if_foreign,
)

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
    val.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the file and report every invalid record."""
    from koperasi_id._io import Progress, open_records
    from koperasi_id.errors import ValidationError

    cls = entity_type(args.type)
    invalid = total = 0
    refuse_overwriting(args.out, args.file)
    with open_records(args.file, in_format(args)) as reader, output(args.out) as out:
        warn(reader.warnings, reader.path)
        if args.type != "bpum-proposal":  # its Indonesian columns are checked by bpum
            warn_if_foreign(reader.header, cls, reader.path)
        progress = Progress(reader)
        for record in reader:
            progress.tick()
            total += 1
            if args.type == "bpum-proposal":
                result = structure_proposal(record, lenient=args.lenient)
            else:
                result = structure(cls, record, lenient=args.lenient)
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
                        out.write(f"line {record.line}: {problem_text(p)}\n")
        progress.done()
    print(f"{total} records, {total - invalid} valid, {invalid} invalid", file=sys.stderr)
    return EXIT_OK
