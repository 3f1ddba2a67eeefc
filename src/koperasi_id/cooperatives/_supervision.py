"""Which level of government supervises a cooperative (R17), by its membership area."""

from __future__ import annotations

from datetime import date

import attrs

from koperasi_id.cooperatives._enums import MembershipArea, RuleBasis, SupervisoryLevel
from koperasi_id.cooperatives._law import CooperativeDecision, checked, enum_argument
from koperasi_id.cooperatives._model import Cooperative
from koperasi_id.decisions import Finding, Severity
from koperasi_id.law import Citation, Confidence, Regime, Timeline, Unit, register

__all__ = ["SUPERVISION", "SupervisionDecision", "supervising_level"]

_LEVEL_BY_AREA = {
    MembershipArea.ACROSS_PROVINCES: SupervisoryLevel.CENTRAL,
    MembershipArea.ACROSS_REGENCIES: SupervisoryLevel.PROVINCE,
    MembershipArea.WITHIN_REGENCY: SupervisoryLevel.REGENCY_CITY,
}

#: Permenkop UKM 9/2020 on Pengawasan Koperasi (adopted 14 Oct 2020).
SUPERVISION: Timeline[dict[MembershipArea, SupervisoryLevel]] = Timeline(
    "cooperatives.supervision",
    [
        Regime(
            name="permenkop-9-2020",
            valid_from=date(2020, 10, 14),
            citation=Citation("Permenkop UKM 9/2020", note="Pengawasan Koperasi"),
            confidence=Confidence.HIGH,
            value=_LEVEL_BY_AREA,
        )
    ],
)
register(
    SUPERVISION,
    description_id="tingkat pengawas menurut wilayah keanggotaan",
    description_en="supervising level of government by membership area",
    unit=Unit.TABLE,
    module=__name__,
    value_type=dict[MembershipArea, SupervisoryLevel],
)


@attrs.frozen(kw_only=True)
class SupervisionDecision(CooperativeDecision[SupervisoryLevel]):
    """The supervising level and, when a cooperative was given, the region it supervises from."""

    region: str | None = None


def supervising_level(
    subject: Cooperative | MembershipArea,
    *,
    as_of: date,
    rules: Timeline[dict[MembershipArea, SupervisoryLevel]] = SUPERVISION,
) -> SupervisionDecision:
    """Which government level supervises, from the membership area (R17).

    Given a :class:`Cooperative`, ``region`` names the supervising region code
    (its province or regency/city) or ``None`` for the ministry.

    >>> supervising_level(MembershipArea.ACROSS_REGENCIES, as_of=date(2024, 1, 1)).outcome
    <SupervisoryLevel.PROVINCE: 'provinsi'>
    """
    area = (
        subject.membership_area
        if isinstance(subject, Cooperative)
        else enum_argument(subject, MembershipArea, "subject")
    )
    regime = checked(rules, as_of)
    level: SupervisoryLevel = regime.value[area]
    region: str | None = None
    if isinstance(subject, Cooperative):
        if level is SupervisoryLevel.PROVINCE:
            region = subject.region.province_code
        elif level is SupervisoryLevel.REGENCY_CITY:
            region = subject.region.regency_code
    finding = Finding(
        code="cooperatives.supervising_level",
        passed=True,
        severity=Severity.INFO,
        message_id=f"Wilayah keanggotaan {area.label.lower()}: diawasi {level.label}.",
        message_en=f"Membership area {area.value}: supervised by the {level.value} level.",
        citation=regime.citation,
    )
    return SupervisionDecision(
        outcome=level,
        as_of=as_of,
        findings=(finding,),
        regimes=(regime.ref,),
        rule="R17",
        basis=RuleBasis.REGULATION,
        region=region,
    )
