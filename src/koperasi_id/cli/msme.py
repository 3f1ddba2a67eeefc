"""``koperasi-id msme classify``: the size class of a business on a date."""

from __future__ import annotations

import argparse
import json
from typing import Any

from koperasi_id.cli._common import EXIT_OK, amount_arg, date_arg, lazy_choices


def _purposes() -> list[str]:
    from koperasi_id import msme

    return [p.value for p in msme.Purpose]


def add_parser(subparsers: Any) -> None:
    """Declare ``msme classify`` and its arguments."""
    m = subparsers.add_parser("msme", help="MSME (UMKM) size")
    m_sub = m.add_subparsers(dest="action", required=True, metavar="ACTION")
    cls = m_sub.add_parser("classify", help="size class of a business on a date")
    figure = cls.add_mutually_exclusive_group(required=True)
    figure.add_argument(
        "--capital", type=amount_arg, metavar="N", help="modal usaha (PP 7/2021, from 2021-02-02)"
    )
    figure.add_argument(
        "--net-assets",
        type=amount_arg,
        metavar="N",
        help="kekayaan bersih (UU 20/2008, before 2021-02-02)",
    )
    figure.add_argument(
        "--annual-sales", type=amount_arg, metavar="N", help="hasil penjualan tahunan"
    )
    cls.add_argument("--as-of", type=date_arg, required=True, metavar="DATE")
    purpose = cls.add_argument("--purpose", help="PP 7/2021 Pasal 35 purpose (see the docs)")
    lazy_choices(purpose, _purposes)
    cls.add_argument("--started-on", type=date_arg, metavar="DATE", help="business start date")
    cls.add_argument("--json", action="store_true", help="print the decision as JSON")
    cls.add_argument("--lang", choices=["id", "en"], default="id", help="language of the findings")
    cls.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Classify and print the decision."""
    from koperasi_id import msme
    from koperasi_id.serialization import to_dict

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
