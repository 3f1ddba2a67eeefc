"""Capital of a KSP/KSPPS (Permenkop UKM 8/2023): start-up capital (R18), related-party lending (R19).

The loop and regulator of a savings-and-loan business (R16) are in
:mod:`koperasi_id.cooperatives._savings_loan`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

import attrs

from koperasi_id._numbers import MONEY_PLACES, check_decimal, computes
from koperasi_id._values import mask
from koperasi_id.cooperatives._enums import CooperativeForm, MembershipArea, RuleBasis
from koperasi_id.cooperatives._law import (
    CooperativeDecision,
    bool_argument,
    checked,
    enum_argument,
)
from koperasi_id.decisions import Finding
from koperasi_id.errors import ValidationError
from koperasi_id.law import Citation, Confidence, Regime, Timeline, Unit, register
from koperasi_id.money import Rounding, format_rupiah, round_rupiah

__all__ = [
    "RELATED_PARTY_LENDING",
    "STARTUP_CAPITAL",
    "CapitalDecision",
    "StartupCapitalRules",
    "check_related_party_lending",
    "check_startup_capital",
]

_PERMENKOP_8_2023 = "Permenkop UKM 8/2023"


def _amount(value: object, name: str, *, allow_negative: bool = False) -> Decimal:
    """A rupiah input as Decimal (int accepted; float, bool and junk refused)."""
    if type(value) is int:
        value = Decimal(value)
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValidationError.single(
            "money.type",
            f"{name} must be a finite Decimal amount, not {type(value).__name__}",
            message_id=f"{name} harus jumlah Decimal yang hingga, bukan {type(value).__name__}",
            path=f"$.{name}",
        )
    try:
        # The number policy for money: at most 10**15 either side, two places, no -0.
        check_decimal(value, places=MONEY_PLACES, code="money")
    except ValidationError as err:
        raise err.under(f"$.{name}") from None
    if value < 0 and not allow_negative:
        raise ValidationError.single(
            "money.negative",
            f"{name} must not be negative, got {mask(value, limit=40)}",
            message_id=f"{name} tidak boleh negatif, diisi {mask(value, limit=40)}",
            path=f"$.{name}",
        )
    return value


#: Permenkop UKM 8/2023 (BN 2023 No. 464) took effect in mid-2023; the exact
#: date was not found (confidence L), so the regimes start on 1 Jun 2023.
PERMENKOP_8_2023_FROM = date(2023, 6, 1)


@attrs.frozen(kw_only=True)
class StartupCapitalRules:
    """Minimum start-up capital by form and membership area, and single-source caps."""

    minimums: Mapping[tuple[CooperativeForm, MembershipArea], Decimal]
    #: Largest share one source may provide: a member (primary) / a KSP (secondary).
    share_caps: Mapping[CooperativeForm, Decimal]


_P, _S = CooperativeForm.PRIMARY, CooperativeForm.SECONDARY
_IN, _ACROSS, _NATIONAL = (
    MembershipArea.WITHIN_REGENCY,
    MembershipArea.ACROSS_REGENCIES,
    MembershipArea.ACROSS_PROVINCES,
)

#: Permenkop UKM 8/2023: primary KSP/KSPPS Rp500 m / Rp1 bn / Rp2 bn, secondary
#: Rp750 m / Rp1.5 bn / Rp3 bn; one member ≤ 20%, one KSP/KSPPS ≤ 50%. (M)
STARTUP_CAPITAL: Timeline[StartupCapitalRules] = Timeline(
    "cooperatives.ksp_startup_capital",
    [
        Regime(
            name="permenkop-8-2023-modal-usaha-awal",
            valid_from=PERMENKOP_8_2023_FROM,
            citation=Citation(_PERMENKOP_8_2023, note="modal usaha awal KSP/KSPPS"),
            confidence=Confidence.MEDIUM,
            value=StartupCapitalRules(
                minimums={
                    (_P, _IN): Decimal(500_000_000),
                    (_P, _ACROSS): Decimal(1_000_000_000),
                    (_P, _NATIONAL): Decimal(2_000_000_000),
                    (_S, _IN): Decimal(750_000_000),
                    (_S, _ACROSS): Decimal(1_500_000_000),
                    (_S, _NATIONAL): Decimal(3_000_000_000),
                },
                share_caps={_P: Decimal("0.20"), _S: Decimal("0.50")},
            ),
            note="amounts M (one secondary source); start date L",
        )
    ],
)
register(
    STARTUP_CAPITAL,
    description_id="modal awal pendirian KSP/KSPPS",
    description_en="startup capital required of a KSP/KSPPS",
    unit=Unit.RUPIAH,
    module=__name__,
    value_type=StartupCapitalRules,
)


@attrs.frozen(kw_only=True)
class CapitalDecision(CooperativeDecision[bool]):
    """Start-up capital check with the minimum that applied."""

    minimum: Decimal


@computes
def check_startup_capital(
    *,
    form: CooperativeForm,
    membership_area: MembershipArea,
    capital: Decimal,
    largest_contribution: Decimal | None = None,
    as_of: date,
    rules: Timeline[StartupCapitalRules] = STARTUP_CAPITAL,
) -> CapitalDecision:
    """Start-up capital (modal usaha awal) of a KSP/KSPPS (R18).

    ``largest_contribution`` is the biggest amount from one source (one member
    of a primary, one member KSP/KSPPS of a secondary); when given, it may be
    at most 20% (primary) or 50% (secondary) of ``capital``. A USP/USPPS unit's
    separate fixed capital (modal tetap) is not covered: its figures are
    unconfirmed.

    >>> d = check_startup_capital(form=CooperativeForm.PRIMARY,
    ...     membership_area=MembershipArea.WITHIN_REGENCY,
    ...     capital=Decimal("499999999"), as_of=date(2024, 1, 1))
    >>> d.outcome, d.minimum
    (False, Decimal('500000000'))
    """
    form = enum_argument(form, CooperativeForm, "form")
    membership_area = enum_argument(membership_area, MembershipArea, "membership_area")
    capital = _amount(capital, "capital")
    if largest_contribution is not None:
        largest_contribution = _amount(largest_contribution, "largest_contribution")
        if largest_contribution > capital:
            raise ValidationError.single(
                "capital.contribution_above_total",
                "the largest contribution cannot exceed the total capital",
                message_id="setoran terbesar tidak boleh melebihi total modal",
                path="$.largest_contribution",
            )
    regime = checked(rules, as_of)
    spec: StartupCapitalRules = regime.value
    minimum = spec.minimums[(form, membership_area)]
    findings = [
        Finding(
            code="cooperatives.startup_capital_minimum",
            passed=capital >= minimum,
            message_id=f"Modal usaha awal {mask(format_rupiah(capital))}; minimum "
            f"{format_rupiah(minimum)} untuk {form.label} {membership_area.label.lower()}.",
            message_en=f"Start-up capital {mask(format_rupiah(capital))}; at least "
            f"{format_rupiah(minimum)} for a {form.value} KSP/KSPPS ({membership_area.value}).",
            citation=regime.citation,
            details={"minimum": str(minimum)},
        )
    ]
    if largest_contribution is not None:
        cap = spec.share_caps[form]
        limit = capital * cap
        findings.append(
            Finding(
                code="cooperatives.startup_capital_single_source",
                passed=largest_contribution <= limit,
                message_id=f"Setoran terbesar satu pihak {mask(format_rupiah(largest_contribution))}; "
                f"paling banyak {cap:.0%} dari modal usaha awal.",
                message_en=f"Largest single contribution {mask(format_rupiah(largest_contribution))}; "
                f"at most {cap:.0%} of start-up capital.",
                citation=regime.citation,
                details={"cap": str(cap)},
            )
        )
    decision = CapitalDecision(
        outcome=True,
        as_of=as_of,
        findings=tuple(findings),
        regimes=(regime.ref,),
        rule="R18",
        basis=RuleBasis.REGULATION,
        minimum=minimum,
    )
    return attrs.evolve(decision, outcome=decision.passed)


# --- R19: related-party lending ------------------------------------------------

#: Batas maksimum pemberian pinjaman to related parties: 10% of own capital (M).
RELATED_PARTY_LENDING: Timeline[Decimal] = Timeline(
    "cooperatives.related_party_lending_cap",
    [
        Regime(
            name="permenkop-8-2023-bmpp",
            valid_from=PERMENKOP_8_2023_FROM,
            citation=Citation(_PERMENKOP_8_2023, note="BMPP pihak terkait"),
            confidence=Confidence.MEDIUM,
            value=Decimal("0.10"),
            note="figure M (one secondary source); start date L",
        )
    ],
)
register(
    RELATED_PARTY_LENDING,
    description_id="batas maksimum pinjaman kepada pihak terkait, persen modal sendiri",
    description_en="cap on lending to related parties, percent of own capital",
    unit=Unit.PERCENT,
    module=__name__,
    value_type=Decimal,
)


@computes
def check_related_party_lending(
    *,
    related_party_loans: Decimal,
    own_capital: Decimal,
    approved_by_board_and_supervisors: bool | None = None,
    as_of: date,
    rules: Timeline[Decimal] = RELATED_PARTY_LENDING,
) -> CooperativeDecision[bool]:
    """Loans to related parties (pengurus, pengawas, affiliated cooperatives) (R19).

    The total may be at most 10% of the KSP/KSPPS's own capital (modal
    sendiri); equal to the limit passes. When ``approved_by_board_and_supervisors``
    is given, the approval of pengurus and pengawas is checked too.

    >>> check_related_party_lending(related_party_loans=Decimal("100000001"),
    ...     own_capital=Decimal("1000000000"), as_of=date(2024, 1, 1)).outcome
    False
    """
    if approved_by_board_and_supervisors is not None:
        bool_argument(approved_by_board_and_supervisors, "approved_by_board_and_supervisors")
    related_party_loans = _amount(related_party_loans, "related_party_loans")
    own_capital = _amount(own_capital, "own_capital", allow_negative=True)
    regime = checked(rules, as_of)
    cap: Decimal = regime.value
    limit = max(own_capital, Decimal(0)) * cap
    shown = format_rupiah(round_rupiah(limit, Rounding.DOWN, places=2))
    findings = [
        Finding(
            code="cooperatives.related_party_lending_cap",
            passed=related_party_loans <= limit,
            message_id=f"Pinjaman kepada pihak terkait {mask(format_rupiah(related_party_loans))}; "
            f"batas {cap:.0%} modal sendiri = {shown}.",
            message_en=f"Loans to related parties {mask(format_rupiah(related_party_loans))}; limit "
            f"{cap:.0%} of own capital = {shown}.",
            citation=regime.citation,
            details={"limit": str(limit)},
        )
    ]
    if approved_by_board_and_supervisors is not None:
        findings.append(
            Finding(
                code="cooperatives.related_party_lending_approval",
                passed=approved_by_board_and_supervisors,
                message_id="Pinjaman kepada pihak terkait wajib disetujui pengurus dan pengawas.",
                message_en="Loans to related parties need the approval of pengurus and pengawas.",
                citation=regime.citation,
            )
        )
    decision = CooperativeDecision(
        outcome=True,
        as_of=as_of,
        findings=tuple(findings),
        regimes=(regime.ref,),
        rule="R19",
        basis=RuleBasis.REGULATION,
    )
    return attrs.evolve(decision, outcome=decision.passed)
