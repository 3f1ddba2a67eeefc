"""``koperasi-id kur simulate``: the instalment schedule and checks of a KUR loan."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from koperasi_id.cli._common import (
    EXIT_OK,
    add_lang_option,
    add_rules_option,
    amount_arg,
    date_arg,
    lazy_choices,
    mask,
    non_negative_int,
    overrides,
    percent_arg,
    positive_int,
    tr,
)

if TYPE_CHECKING:
    from koperasi_id import kur

# English names (as in the docs) and the Indonesian wire values both work.
_METHOD_NAMES = {"annuity": "ANNUITY", "flat": "FLAT", "bullet": "BULLET"}


def _methods() -> dict[str, kur.Method]:
    from koperasi_id import kur

    return {
        **{name: kur.Method[member] for name, member in _METHOD_NAMES.items()},
        **{m.value: m for m in kur.Method},
    }


def _schemes() -> list[str]:
    from koperasi_id import kur

    return [s.value for s in kur.Scheme]


def _purposes() -> list[str]:
    from koperasi_id import kur

    return [p.value for p in kur.Purpose]


def add_parser(subparsers: Any) -> None:
    """Declare ``kur simulate`` and its arguments."""
    k = subparsers.add_parser("kur", help="KUR loans")
    k_sub = k.add_subparsers(dest="action", required=True, metavar="ACTION")
    sim = k_sub.add_parser("simulate", help="instalment schedule and checks of a KUR loan")
    sim.add_argument(
        "--plafond", type=amount_arg, required=True, metavar="N", help="loan amount in rupiah"
    )
    sim.add_argument(
        "--months", type=positive_int, required=True, metavar="N", help="tenor in months"
    )
    sim.add_argument(
        "--akad", type=date_arg, required=True, metavar="DATE", help="agreement date, YYYY-MM-DD"
    )
    lazy_choices(sim.add_argument("--scheme", help="default: by plafond"), _schemes)
    sim.add_argument(
        "--access",
        type=positive_int,
        default=1,
        metavar="N",
        help="how many times the borrower has had KUR (1 = first)",
    )
    # No default here: the default purpose is the library's, read when the command runs.
    lazy_choices(sim.add_argument("--purpose"), _purposes)
    lazy_choices(sim.add_argument("--method", default="annuity", help="repayment method"), _methods)
    sim.add_argument(
        "--grace", type=non_negative_int, default=0, metavar="N", help="interest-only months"
    )
    sim.add_argument(
        "--rate",
        type=percent_arg,
        metavar="PERCENT",
        help="override the rate in force (percent per year)",
    )
    sim.add_argument(
        "--no-relief",
        dest="relief",
        action="store_false",
        help="charge the agreed rate in every period, without the 2020-2022 pandemic "
        "interest relief (default: applied where the loan's periods fall in it)",
    )
    sim.add_argument("--format", choices=["table", "csv", "json"], default="table")
    add_lang_option(sim)
    add_rules_option(sim)
    sim.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Simulate the loan and print its schedule and checks."""
    from koperasi_id import kur
    from koperasi_id._io import FileFormat
    from koperasi_id._output import RecordWriter
    from koperasi_id.money import format_rupiah
    from koperasi_id.serialization import to_dict

    akad: date = args.akad
    reform = overrides(args)
    rules = None if reform is None else reform.kur_rules()
    scheme = (
        kur.Scheme(args.scheme)
        if args.scheme
        else kur.scheme_for(args.plafond, as_of=akad, rules=rules)
    )
    purpose = kur.Purpose(args.purpose) if args.purpose else kur.Purpose.WORKING_CAPITAL
    annual_rate = (
        args.rate
        if args.rate is not None
        else kur.rate(scheme, as_of=akad, access=args.access, rules=rules)
    )
    # With a scheme, each period is charged what the borrower owed: the pandemic
    # relief where it was in force, the annuity re-amortised at each change.
    plan = kur.schedule(
        args.plafond,
        annual_rate,
        args.months,
        start=akad,
        method=_methods()[args.method],
        grace_months=args.grace,
        scheme=scheme if args.relief else None,
        akad_date=akad,
        rules=rules,
    )
    reliefs = _reliefs(plan, scheme, akad, rules) if args.relief else []
    checks = _checks(scheme, purpose, args, rules)
    if args.format == "json":
        # The schedule's own wire form carries its totals and flat-rate equivalent.
        body = {
            "scheme": scheme.value,
            "checks": checks,
            "relief": reliefs,
            "schedule": to_dict(plan),
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
    lang = args.lang
    print(
        tr(
            lang,
            f"{scheme.label}: plafond {mask(format_rupiah(plan.principal))}, {plan.months} bulan, "
            f"bunga {annual_rate}% per tahun ({plan.method.label}), akad {akad.isoformat()}",
            f"{scheme.label}: plafond {mask(format_rupiah(plan.principal))}, {plan.months} months, "
            f"rate {annual_rate}% per year ({plan.method.label}), akad {akad.isoformat()}",
        )
    )
    for relief in reliefs:
        first, last = relief["periods"]
        print(
            tr(
                lang,
                f"Keringanan bunga masa pandemi diterapkan: periode {first}-{last}, "
                f"bunga dikurangi {relief['extra_subsidy']} poin ({relief['citation']})",
                f"Pandemic interest relief applied: periods {first}-{last}, "
                f"{relief['extra_subsidy']} points off the rate ({relief['citation']})",
            )
        )
    if reliefs:
        print(
            tr(
                lang,
                "(--no-relief: bunga akad di setiap periode)",
                "(--no-relief: the agreed rate in every period)",
            )
        )
    print()
    no, due, principal, interest, payment, balance, total = _COLUMNS[lang]
    due_width = max(10, len(due))
    print(
        f"{no:>3}  {due:{due_width}}  {principal:>15}  {interest:>13}  {payment:>15}  {balance:>15}"
    )
    for i in plan.instalments:
        print(
            f"{i.number:>3}  {i.due_date.isoformat():{due_width}}  "
            f"{format_rupiah(i.principal):>15}  {format_rupiah(i.interest):>13}  "
            f"{format_rupiah(i.payment):>15}  {format_rupiah(i.balance):>15}"
        )
    print(
        f"{'':>3}  {total:{due_width}}  {format_rupiah(plan.total_principal):>15}  "
        f"{format_rupiah(plan.total_interest):>13}  {format_rupiah(plan.total_payment):>15}"
    )
    flat = round(plan.flat_rate_equivalent, 2)
    print(
        tr(
            lang,
            f"Setara bunga flat: {flat}% per tahun",
            f"Flat-rate equivalent: {flat}% per year",
        )
    )
    print()
    print(tr(lang, "Pemeriksaan:", "Checks:"))
    for check in checks:
        if check["passed"]:
            mark = tr(lang, "ok   ", "ok  ")
        elif check.get("severity") == "warning":
            mark = tr(lang, "cek  ", "?   ")
        else:
            mark = tr(lang, "GAGAL", "FAIL")
        print(f"  [{mark}] {check['code']}: {check['message']}")
    return EXIT_OK


def _reliefs(
    plan: kur.Schedule, scheme: kur.Scheme, akad: date, rules: kur.KurRules | None
) -> list[dict[str, Any]]:
    """Each pandemic relief regime that lowered a period of ``plan``, with its periods."""
    from dateutil.relativedelta import relativedelta

    from koperasi_id import kur

    found: dict[str, dict[str, Any]] = {}
    # Period k runs from akad + (k - 1) months to akad + k months; a bullet
    # credit has one instalment but a rate for every month, hence periods.
    for k, charged in enumerate(plan.period_rates, start=1):
        regime = kur.relief_regime(
            scheme,
            akad_date=akad,
            period_start=akad + relativedelta(months=k - 1),
            due_date=akad + relativedelta(months=k),
            rules=rules,
        )
        if regime is None or charged == plan.annual_rate:
            continue
        entry = found.setdefault(
            regime.name,
            {
                "regime": regime.name,
                "citation": str(regime.citation),
                "extra_subsidy": str(regime.value.extra_subsidy),
                "periods": [k, k],
            },
        )
        entry["periods"][1] = k
    return list(found.values())


# Column headings of the schedule table, by language.
_COLUMNS = {
    "id": ("ke", "jatuh tempo", "pokok", "bunga", "angsuran", "sisa pokok", "jumlah"),
    "en": ("no", "due", "principal", "interest", "payment", "balance", "total"),
}


def _checks(
    scheme: kur.Scheme,
    purpose: kur.Purpose,
    args: argparse.Namespace,
    rules: kur.KurRules | None,
) -> list[dict[str, Any]]:
    from koperasi_id import kur
    from koperasi_id.errors import NoRuleInForceError
    from koperasi_id.money import format_rupiah

    akad: date = args.akad
    lang = args.lang
    checks: list[dict[str, Any]] = []
    band = kur.plafond_band(scheme, as_of=akad, rules=rules)
    fits = band.admits(args.plafond)
    checks.append(
        {
            "code": "kur.scheme_ceiling",
            "passed": bool(fits),
            "message": tr(
                lang,
                f"plafond {mask(format_rupiah(args.plafond))} dalam rentang {scheme.label}",
                f"plafond {mask(format_rupiah(args.plafond))} within the {scheme.label} band",
            ),
        }
    )
    limit = kur.max_tenor_months(scheme, purpose, as_of=akad, rules=rules)
    checks.append(
        {
            "code": "kur.tenor",
            "passed": args.months <= limit,
            "message": tr(
                lang,
                f"{args.months} bulan, paling lama {limit} untuk {purpose.label}",
                f"{args.months} months against a maximum of {limit} for {purpose.label}",
            ),
        }
    )
    try:
        collateral = kur.additional_collateral_allowed(
            scheme, args.plafond, as_of=akad, rules=rules
        )
    except NoRuleInForceError:
        checks.append(_unknown("kur.collateral", "agunan", "collateral", lang, akad))
    else:
        checks.append(
            {
                "code": "kur.collateral",
                "passed": True,
                "message": tr(
                    lang,
                    "agunan tambahan boleh diminta",
                    "additional collateral may be asked",
                )
                if collateral
                else tr(
                    lang,
                    "agunan tambahan tidak boleh diminta (hanya usaha yang dibiayai)",
                    "no additional collateral may be asked (only the financed business)",
                ),
            }
        )
    try:
        needs_npwp = kur.npwp_required(scheme, args.plafond, as_of=akad, rules=rules)
    except NoRuleInForceError:
        checks.append(_unknown("kur.npwp_required", "NPWP", "NPWP", lang, akad))
    else:
        checks.append(
            {
                "code": "kur.npwp_required",
                "passed": True,
                "message": tr(lang, "NPWP wajib", "an NPWP is required")
                if needs_npwp
                else tr(lang, "NPWP tidak wajib", "no NPWP is required"),
            }
        )
    return checks


def _unknown(code: str, what_id: str, what_en: str, lang: str, akad: date) -> dict[str, Any]:
    """A check whose rule the library does not know on the akad date: a warning.

    As in ``kur.assess``, it is shown as failed but marked ``severity:
    warning``, so a loan signed before the rule is encoded (NPWP before 2022,
    collateral before 2020) still gets its schedule.
    """
    return {
        "code": code,
        "passed": False,
        "severity": "warning",
        "message": tr(
            lang,
            f"aturan {what_id} untuk tanggal {akad.isoformat()} tidak dikenal pustaka; "
            "periksa manual",
            f"no {what_en} rule is known for {akad.isoformat()}; check it by hand",
        ),
    }
