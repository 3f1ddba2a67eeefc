"""Savings and loans: open/closed loop and regulator (R16).

The capital rules of a KSP/KSPPS, start-up capital (R18) and related-party
lending (R19), are in :mod:`koperasi_id.cooperatives._savings_loan_capital`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import ClassVar

import attrs

from koperasi_id._numbers import computes
from koperasi_id._values import mask
from koperasi_id.cooperatives._enums import (
    LoopType,
    MembershipArea,
    Regulator,
    SupervisoryLevel,
)
from koperasi_id.cooperatives._law import (
    P2SK,
    P2SK_FROM,
    UU_25_1992_FROM,
    CooperativeDecision,
    checked,
    enum_argument,
)
from koperasi_id.cooperatives._supervision import SUPERVISION, supervising_level
from koperasi_id.decisions import Finding, Severity
from koperasi_id.errors import RuleInputError, ValidationError
from koperasi_id.law import Citation, Confidence, Regime, Timeline, Unit, register
from koperasi_id.money import non_negative_rupiah

__all__ = [
    "LOOP_RULES",
    "LoopRules",
    "SavingsLoanDecision",
    "SavingsLoanProfile",
    "savings_loan_regulator",
]


def _fraction(value: object) -> Decimal:
    """An exact share in [0, 1]: a float would move the boundary (0.3 is 0.2999...)."""
    if type(value) is int:
        value = Decimal(value)
    if not isinstance(value, Decimal) or not value.is_finite() or not 0 <= value <= 1:
        raise RuleInputError(
            f"bank_funding_cap is a Decimal fraction in [0, 1] such as Decimal('0.4'), "
            f"not {mask(value, limit=40, quote=True)}"
        )
    return value


@attrs.frozen(kw_only=True)
class SavingsLoanProfile:
    """What a savings-and-loan business (KSP/KSPPS or a USP/USPPS unit) does.

    ``bank_funding`` is funding from banks and other financial institutions;
    ``unit_assets`` the total assets of the savings-and-loan business. Serving
    other *cooperatives* is closed loop; serving their *members*, prospective
    members or the public is open loop (SE Menkop 6/2023).
    """

    collects_from_non_members: bool = False
    collects_from_prospective_members: bool = False
    collects_from_other_cooperatives_members: bool = False
    lends_to_non_members: bool = False
    lends_to_prospective_members: bool = False
    lends_to_other_cooperatives_members: bool = False
    other_financial_services: bool = False
    bank_funding: Decimal = attrs.field(default=Decimal(0), validator=non_negative_rupiah)
    unit_assets: Decimal = attrs.field(default=Decimal(0), validator=non_negative_rupiah)

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "savings_loan.assets_missing": "bank_funding above zero needs unit_assets above zero",
        }
    )

    def __attrs_post_init__(self) -> None:
        if self.bank_funding > 0 and self.unit_assets == 0:
            raise ValidationError.single(
                "savings_loan.assets_missing",
                "bank funding needs the unit's total assets to compute its share",
                message_id="pendanaan bank memerlukan total aset unit untuk menghitung porsinya",
                path="$.unit_assets",
            )


@attrs.frozen(kw_only=True)
class LoopRules:
    """Open-loop test: the bank-funding share of unit assets above which it is open loop."""

    bank_funding_cap: Decimal | None


#: Before P2SK there is no open/closed split (``bank_funding_cap=None``); from
#: UU 4/2023 the split applies, with the 40% cap of SE Menkop 7/2023 (M).
LOOP_RULES: Timeline[LoopRules] = Timeline(
    "cooperatives.savings_loan_loop",
    [
        Regime(
            name="uu-25-1992-pasal-44",
            valid_from=UU_25_1992_FROM,
            valid_to=date(2023, 1, 11),
            citation=Citation("UU 25/1992", "Pasal 44", note="implemented by PP 9/1995"),
            confidence=Confidence.HIGH,
            value=LoopRules(bank_funding_cap=None),
        ),
        Regime(
            name="uu-4-2023-p2sk",
            valid_from=P2SK_FROM,
            citation=Citation(
                P2SK,
                "Pasal 202 (Pasal 44B ayat (2) UU 25/1992)",
                note="40% cap: SE Menkop 7/2023",
            ),
            confidence=Confidence.MEDIUM,
            value=LoopRules(bank_funding_cap=Decimal("0.40")),
            note="criteria wording and the 40% cap are M; the amending article may be 191-192",
        ),
    ],
    contiguous=True,
)
register(
    LOOP_RULES,
    description_id="aturan pinjaman KSP kepada anggota dan non-anggota (loop tertutup/terbuka)",
    description_en="savings-and-loan lending rules for members and others (closed/open loop)",
    unit=Unit.TABLE,
    module=__name__,
    value_type=LoopRules,
)

_OFFICE_BY_LEVEL = {
    SupervisoryLevel.CENTRAL: Regulator.COOPERATIVE_MINISTRY,
    SupervisoryLevel.PROVINCE: Regulator.PROVINCIAL_OFFICE,
    SupervisoryLevel.REGENCY_CITY: Regulator.REGENCY_CITY_OFFICE,
}


@attrs.frozen(kw_only=True)
class SavingsLoanDecision(CooperativeDecision[Regulator]):
    """The regulator, and the loop type (``None`` before P2SK)."""

    loop: LoopType | None


@computes
def savings_loan_regulator(
    profile: SavingsLoanProfile,
    *,
    membership_area: MembershipArea,
    as_of: date,
    bank_funding_cap: Decimal | None = None,
    rules: Timeline[LoopRules] = LOOP_RULES,
    supervision: Timeline[dict[MembershipArea, SupervisoryLevel]] = SUPERVISION,
) -> SavingsLoanDecision:
    """Open or closed loop, and who licenses and supervises (R16).

    From 12 Jan 2023 a savings-and-loan business is **open loop** if any
    criterion holds: it collects from or lends to non-members, prospective
    members or another cooperative's members; bank/financial-institution
    funding exceeds ``bank_funding_cap`` (default 40%) of the unit's assets;
    or it offers other financial services. Open loop → OJK; closed loop → the
    cooperative authority at the level of R17. Criteria are INFO findings
    (``passed=False`` means "this criterion makes it open loop"). Until OJK
    licenses an open-loop cooperative, its Kemenkop licence stays valid.

    >>> d = savings_loan_regulator(
    ...     SavingsLoanProfile(bank_funding=Decimal("40"), unit_assets=Decimal("100")),
    ...     membership_area=MembershipArea.WITHIN_REGENCY, as_of=date(2024, 1, 1))
    >>> d.loop, d.outcome
    (<LoopType.CLOSED: 'closed_loop'>, <Regulator.REGENCY_CITY_OFFICE: 'dinas_kabupaten_kota'>)
    """
    if bank_funding_cap is not None:
        bank_funding_cap = _fraction(bank_funding_cap)
    membership_area = enum_argument(membership_area, MembershipArea, "membership_area")
    regime = checked(rules, as_of)
    spec: LoopRules = regime.value
    authority = supervising_level(membership_area, as_of=as_of, rules=supervision)
    office = _OFFICE_BY_LEVEL[authority.outcome]
    if spec.bank_funding_cap is None:
        finding = Finding(
            code="cooperatives.savings_loan_no_loop_split",
            passed=True,
            severity=Severity.INFO,
            message_id="Sebelum UU P2SK tidak ada pembedaan open/closed loop; usaha simpan "
            "pinjam diawasi instansi koperasi.",
            message_en="Before P2SK there is no open/closed-loop split; the cooperative "
            "authority supervises savings and loans.",
            citation=regime.citation,
        )
        return SavingsLoanDecision(
            outcome=office,
            as_of=as_of,
            findings=(finding, *authority.findings),
            regimes=(regime.ref, *authority.regimes),
            rule="R16",
            loop=None,
        )
    cap = spec.bank_funding_cap if bank_funding_cap is None else bank_funding_cap
    p = profile
    share = p.bank_funding / p.unit_assets if p.unit_assets > 0 else Decimal(0)
    criteria = (
        (
            "cooperatives.savings_loan_collects_from_outsiders",
            p.collects_from_non_members
            or p.collects_from_prospective_members
            or p.collects_from_other_cooperatives_members,
            "menghimpun dana dari bukan anggota, calon anggota atau anggota koperasi lain",
            "collects funds from non-members, prospective members or other cooperatives' members",
        ),
        (
            "cooperatives.savings_loan_lends_to_outsiders",
            p.lends_to_non_members
            or p.lends_to_prospective_members
            or p.lends_to_other_cooperatives_members,
            "menyalurkan pinjaman kepada bukan anggota, calon anggota atau anggota koperasi lain",
            "lends to non-members, prospective members or other cooperatives' members",
        ),
        (
            "cooperatives.savings_loan_bank_funding_share",
            share > cap,
            f"pendanaan bank/lembaga keuangan {share:.2%} dari aset melebihi batas {cap:.0%}",
            f"bank/financial-institution funding of {share:.2%} of assets exceeds the "
            f"{cap:.0%} cap",
        ),
        (
            "cooperatives.savings_loan_other_financial_services",
            p.other_financial_services,
            "menjalankan jasa keuangan selain simpan pinjam",
            "provides financial services other than savings and loans",
        ),
    )
    findings = tuple(
        Finding(
            code=code,
            passed=not met,
            severity=Severity.INFO,
            message_id=("Ya: " if met else "Tidak: ") + text_id + ".",
            message_en=("Yes: " if met else "No: ") + text_en + ".",
            citation=regime.citation,
            details={"share": f"{share:.4f}", "cap": str(cap)}
            if code.endswith("bank_funding_share")
            else {},
        )
        for code, met, text_id, text_en in criteria
    )
    open_loop = any(not f.passed for f in findings)
    return SavingsLoanDecision(
        outcome=Regulator.OJK if open_loop else office,
        as_of=as_of,
        findings=findings if open_loop else (*findings, *authority.findings),
        regimes=(regime.ref,) if open_loop else (regime.ref, *authority.regimes),
        rule="R16",
        loop=LoopType.OPEN if open_loop else LoopType.CLOSED,
    )
