"""``koperasi-id msme classify``: the size class of a business on a date.

Takes every figure :func:`koperasi_id.msme.classify` takes (capital, net
assets, annual sales), the purpose and the conflict policy, and prints the
decision: the class, the criterion it rests on, whether the figures
disagree, the legal basis and the findings. ``--workers`` adds the BPS
statistical class, which is not a legal size.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from koperasi_id.cli._common import (
    EXIT_OK,
    UsageError,
    add_lang_option,
    add_rules_option,
    amount_arg,
    date_arg,
    lazy_choices,
    overrides,
    positive_int,
    tr,
)

if TYPE_CHECKING:
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
        "--purpose or --policy decides.",
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
    add_lang_option(cls)
    add_rules_option(cls)
    cls.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Classify and print the decision."""
    from koperasi_id import msme
    from koperasi_id.serialization import to_dict

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
