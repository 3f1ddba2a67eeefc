"""``koperasi-id law``: the register of every dated rule, browsed from the command line.

``list --as-of DAY`` shows the rules in force on a day, ``show ID`` one rule's
history, ``diff FROM TO`` what changed in between, ``export`` the whole
register (or ``--schema``, its JSON Schema). Tables are for people;
``--format json`` and ``csv`` for machines. ``--rules FILE`` shows the law as
a reform file changes it.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from koperasi_id.cli._common import (
    EXIT_OK,
    UsageError,
    add_lang_option,
    add_rules_option,
    date_arg,
    mask,
    overrides,
    tr,
)

if TYPE_CHECKING:
    from koperasi_id.law import Overrides

_VALUE_WIDTH = 48
_FORMATS = ["table", "json", "csv"]
_CSV_COLUMNS = [
    "id",
    "module",
    "unit",
    "description",
    "regime",
    "valid_from",
    "valid_to",
    "instrument",
    "article",
    "confidence",
    "value",
]


def add_parser(subparsers: Any) -> None:
    """Declare ``law list|show|diff|export`` and their arguments."""
    law = subparsers.add_parser("law", help="the register of every dated rule")
    law_sub = law.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = law_sub.add_parser("list", help="every rule in force on a day")
    listing.add_argument(
        "--as-of", type=date_arg, required=True, metavar="DATE", help="the day, YYYY-MM-DD"
    )
    show = law_sub.add_parser("show", help="one rule and every regime it had")
    show.add_argument("rule", metavar="RULE", help="a rule id or one of its aliases, e.g. kur.rate")
    diff = law_sub.add_parser("diff", help="every regime that started or ended between two days")
    diff.add_argument("from_date", type=date_arg, metavar="FROM", help="YYYY-MM-DD (excluded)")
    diff.add_argument("to_date", type=date_arg, metavar="TO", help="YYYY-MM-DD (included)")
    export = law_sub.add_parser("export", help="the whole register as JSON")
    export.add_argument(
        "--schema", action="store_true", help="print the register's JSON Schema instead"
    )
    export.set_defaults(run=run, format="json")
    for p in (listing, show, diff):
        p.add_argument("--format", choices=_FORMATS, default="table")
        p.set_defaults(run=run)
    for p in (listing, show, diff, export):
        add_lang_option(p)
        add_rules_option(p)


def run(args: argparse.Namespace) -> int:
    """Answer the question asked of the register."""
    from koperasi_id._register_export import change_record, in_force_record, rule_record
    from koperasi_id.law import (
        UnknownRuleError,
        changes,
        history,
        in_force,
        register_document,
        register_schema,
    )

    reform = overrides(args)
    if args.action == "export":
        if args.schema:
            body: Any = register_schema()
        else:
            body = _masked(_document(register_document(), reform))
        print(json.dumps(body, ensure_ascii=False, indent=2))
        return EXIT_OK
    if args.action == "list":
        records = [in_force_record(r) for r in in_force(args.as_of, overrides=reform)]
        rows = [_row(record, record["regime"], args.lang) for record in records]
    elif args.action == "show":
        try:
            entry = history(args.rule)
        except UnknownRuleError as err:
            raise UsageError(str(err)) from None
        record = rule_record(entry)
        if reform is not None and entry.info.id in reform.timelines:
            record = _document({"rules": [record]}, reform)["rules"][0]
        records = [record]
        rows = [_row(record, regime, args.lang) for regime in record["regimes"]]
    else:
        if args.to_date < args.from_date:
            raise UsageError(
                f"TO {args.to_date.isoformat()} is before FROM {args.from_date.isoformat()}"
            )
        records = [
            change_record(c) for c in changes(args.from_date, args.to_date, overrides=reform)
        ]
        rows = [_change_row(record, args.lang) for record in records]
    if args.format == "json":
        print(json.dumps(_masked(records), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        _csv(rows, diff=args.action == "diff")
    else:
        _table(rows, args)
    return EXIT_OK


def _document(document: dict[str, Any], reform: Overrides | None) -> dict[str, Any]:
    if reform is None:
        return document
    from koperasi_id._register_export import regime_record

    for rule in document["rules"]:
        changed = reform.timelines.get(rule["id"])
        if changed is not None:
            rule["regimes"] = [regime_record(r) for r in changed]
    return document


def _masked(data: Any) -> Any:
    """``data`` with every text and key masked, as the table and CSV show them.

    A --rules file's names, notes, citations and values are input. The
    shipped register's texts come out unchanged (they hold no long digit run
    and no control character), so the export is :func:`~koperasi_id.law.register_document`.
    """
    if isinstance(data, str):
        return mask(data)
    if isinstance(data, dict):
        return {mask(key): _masked(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_masked(item) for item in data]
    return data


def _value_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _row(record: dict[str, Any], regime: dict[str, Any], lang: str) -> dict[str, str]:
    citation = regime["citation"]
    return {
        "id": record["id"],
        "module": record["module"],
        "unit": record["unit"],
        "description": tr(lang, record["description_id"], record["description_en"]),
        "regime": regime["name"],
        "valid_from": regime["valid_from"],
        "valid_to": regime["valid_to"] or "",
        "instrument": citation["instrument"],
        "article": citation["article"] or "",
        "confidence": regime["confidence"],
        "value": _value_text(regime["value"]),
    }


def _change_row(record: dict[str, Any], lang: str) -> dict[str, str]:
    old, new = record["old"], record["new"]
    cited = (new or old)["citation"]
    return {
        "on": record["on"],
        "id": record["id"],
        "description": tr(lang, record["description_id"], record["description_en"]),
        "old_regime": old["name"] if old else "",
        "old_value": _value_text(old["value"]) if old else "",
        "new_regime": new["name"] if new else "",
        "new_value": _value_text(new["value"]) if new else "",
        "instrument": cited["instrument"],
        "article": cited["article"] or "",
        "confidence": (new or old)["confidence"],
    }


def _csv(rows: list[dict[str, str]], *, diff: bool) -> None:
    from koperasi_id._io import FileFormat
    from koperasi_id._output import RecordWriter, inert_cell

    columns = (
        [
            "on",
            "id",
            "description",
            "old_regime",
            "old_value",
            "new_regime",
            "new_value",
            "instrument",
            "article",
            "confidence",
        ]
        if diff
        else _CSV_COLUMNS
    )
    writer = RecordWriter(sys.stdout, FileFormat.CSV, columns=columns)
    for row in rows:
        # A --rules file's names and citations are input: masked, and never a formula.
        writer.write({key: inert_cell(mask(value)) for key, value in row.items()})
    writer.close()


def _short(text: str) -> str:
    return text if len(text) <= _VALUE_WIDTH else text[: _VALUE_WIDTH - 1] + "…"


def _table(rows: list[dict[str, str]], args: argparse.Namespace) -> None:
    lang = args.lang
    if args.action == "diff":
        head = tr(lang, "berlaku", "on"), tr(lang, "aturan", "rule"), tr(lang, "lama", "old")
        header = (*head, tr(lang, "baru", "new"), tr(lang, "dasar hukum", "instrument"), "C")
        cells = [
            (
                r["on"],
                r["id"],
                _short(f"{r['old_regime']} {r['old_value']}".strip()) or "-",
                _short(f"{r['new_regime']} {r['new_value']}".strip()) or "-",
                f"{r['instrument']} {r['article']}".strip(),
                r["confidence"],
            )
            for r in rows
        ]
    else:
        header = (
            tr(lang, "aturan", "rule"),
            tr(lang, "nilai", "value"),
            tr(lang, "dari", "from"),
            tr(lang, "sampai", "to"),
            tr(lang, "dasar hukum", "instrument and article"),
            "C",
        )
        cells = [
            (
                r["id"],
                _short(r["value"]),
                r["valid_from"],
                r["valid_to"] or "-",
                f"{r['instrument']} {r['article']}".strip(),
                r["confidence"],
            )
            for r in rows
        ]
    if args.action == "show" and rows:
        first = rows[0]
        if args.rule != first["id"]:
            # Asked by an alias: say which rule answered.
            alias_of = tr(lang, "adalah nama lain dari", "is an alias of")
            print(f"{mask(args.rule)} {alias_of} {first['id']}")
        print(f"{first['id']} ({first['unit']}, {first['module']}): {first['description']}")
        print()
    if not cells:
        print(tr(lang, "tidak ada", "none"))
        return
    widths = [max(len(str(c[i])) for c in (header, *cells)) for i in range(len(header))]
    for line in (header, *cells):
        print("  ".join(mask(str(c)).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
